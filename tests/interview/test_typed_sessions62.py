"""A message-broker wrap-up typed by hand (terse persona), the lead's own round.

With five minutes left the interviewer asked "What is your plan for the rest of the
session, and where are we in it?": the item about working in a visible order was the
heaviest one left. The order of the work is asked while there is work left to order, never
in the wrap-up.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_LINES = [
    "how many messages per second and how big are they",
    "what ordering do consumers need, and is at least once ok?",
    "how long do we keep messages, and how many consumer groups read a topic",
    "ok assuming 1M msgs/s at 1 KB that's 1 GB/s in, so with 7 days retention it's about 600"
    " TB, x3 replication 1.8 PB",
    "/next",
    "topics split into partitions, each partition is an append-only log on a broker,"
    " producers pick partition by key hash",
    "we'll use ZooKeeper.",
    "consumers in a group each own some partitions and commit offsets",
    "produce(topic, key, value) returns the partition and offset; consumers fetch(partition,"
    " offset, max_bytes) in batches",
    "/next",
    "replication: each partition has a leader and 2 followers, producer waits for acks from"
    " the in-sync replicas",
    "dunno",
    "/hint",
    "if the leader dies the controller picks a new leader from the ISR, so no acked message"
    " is lost",
    "producers get an id and a sequence number per partition so the broker drops a resent batch",
    "/next",
    "at 10x the disks on hot brokers fill first, I'd add brokers and rebalance partitions",
    "I'd watch consumer lag and under-replicated partitions and alert when lag grows for 10"
    " minutes",
]


def test_the_wrap_up_never_asks_for_a_plan_of_the_session(catalog: Catalog) -> None:
    session = run(catalog, "message-broker", "terse", _LINES)
    said = " ".join(" ".join(e.replies) for e in session.exchanges[16:])
    assert "rest of the session" not in said

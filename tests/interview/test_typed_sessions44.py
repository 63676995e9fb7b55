"""A message-broker session typed by hand with the terse persona (round 44).

Read as a candidate would:
- "consumers in a group each own some partitions and commit offsets" named no consumer
  group (the vocabulary knew "consumer group" and "committed offsets" only), so the next
  probe asked "A consumer group has ten instances. How do they split a topic's work?"
  right after it was said, and the report called the coordinator "neither said nor
  written". "each partition has a leader and 2 followers" named no leader-follower
  replication either.
- The same consumer line, said after "Three brokers hold copies of a partition. Which one
  takes writes?", was quoted in the report as covering the leader item with substance: the
  answer was judged against every concept the probe's words name ("partition": sharding),
  not the item's own. It settles the question; it covers the item only if it names the
  item's subject.
- "1M msgs/s at 1 KB that's 1 GB/s in, ... 600 TB, x3 replication 1.8 PB" covered "Peak
  egress ... about 80 Gbit/s, so about 7 brokers by network": the 1 GB/s is the ingest
  estimate's figure, which the egress item does not list among its rivals because the two
  share no concept.
- "ok actually 1M msgs/s at 1KB is 10 GB/s" (1M x 1 KB is 1 GB/s) went unchecked: "at" made
  a product only before "each" ("at 500 kB each"); a count at a size is that product too.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.estimate.check import check_line

_LINES = [
    "how many messages per second and how big are they",
    "how long do we keep messages",
    "ok assuming 1M msgs/s at 1 KB that's 1 GB/s in, so with 7 days retention it's about"
    " 600 TB, x3 replication 1.8 PB",
    "/next",
    "topics split into partitions, each partition is an append-only log on a broker,"
    " producers pick partition by key hash",
    "we'll use ZooKeeper.",
    "consumers in a group each own some partitions and commit offsets",
    "/next",
    "replication: each partition has a leader and 2 followers, producer waits for acks from"
    " the in-sync replicas",
    "ok actually 1M msgs/s at 1KB is 10 GB/s",
    "/end",
]


def test_consumers_owning_partitions_are_not_asked_how_groups_split_work(
    catalog: Catalog,
) -> None:
    session = run(catalog, "message-broker", "terse", _LINES)
    after = " ".join(session.exchanges[6].replies)
    assert "consumer group has ten instances" not in after, after
    report = session.report(catalog)["conversation"]
    mentioned = {c["item"] for c in report["mentioned"]}
    assert "consumer-groups" in mentioned


def test_the_leader_item_is_covered_by_the_leader_line(catalog: Catalog) -> None:
    report = run(catalog, "message-broker", "terse", _LINES).report(catalog)
    covered = {c["item"]: c["quote"] for c in report["conversation"]["covered"]}
    assert "leader and 2 followers" in covered["leader-replicas"], covered["leader-replicas"]


def test_the_ingest_figure_is_no_egress_estimate(catalog: Catalog) -> None:
    report = run(catalog, "message-broker", "terse", [*_LINES[:4], "/end"]).report(catalog)
    covered = {c["item"] for c in report["conversation"]["covered"]}
    assert "bytes-and-storage" in covered
    assert "network-fanout" not in covered


def test_a_count_at_a_size_is_their_product(catalog: Catalog) -> None:
    assert [c.wrong for c in check_line(1, "1M msgs/s at 1KB is 10 GB/s")] == [True]
    assert [c.wrong for c in check_line(1, "2M uploads a day at 200 MB is 400 TB a day")] == [False]
    assert check_line(1, "8 MB at 2 Mbit/s is 32 s") == []  # a transfer time, no product
    session = run(catalog, "message-broker", "terse", _LINES)
    reply = " ".join(session.exchanges[-2].replies)
    assert "redo that" in reply, reply

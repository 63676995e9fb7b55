"""A message-broker clarify phase typed by hand (terse persona), the lead's own round.

"Do consumers need ordering, and is it per key or global?" drew the ordering fact; two
turns later the interviewer asked "Do consumers need messages in order, and can a message
ever be delivered twice?", half of it what the candidate had just asked. A probe of two
joined questions now drops the one the candidate asked and was answered.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_LINES = [
    "How many messages per second do we need to handle, and how big is a message?",
    "How long do we keep messages around?",
    "Do consumers need ordering, and is it per key or global?",
    "OK. I'll assume 3 consumer groups reading everything, so 3M messages/s out.",
]


def test_a_probe_drops_the_half_the_candidate_asked(catalog: Catalog) -> None:
    session = run(catalog, "message-broker", "terse", _LINES)
    said = " ".join(" ".join(e.replies) for e in session.exchanges[3:])
    assert "in order" not in said
    assert "delivered twice" in said


def test_a_second_question_that_leans_on_the_first_is_asked_whole(catalog: Catalog) -> None:
    # "What exactly do we promise a producer ..., and how fast?" once came out as "How fast?",
    # and "Which one takes writes, and how do the others stay up to date?" lost its second
    # half: only a yes/no question with its own subject and verb is split off.
    lines = [
        "how many messages per second and how big are they",
        "what ordering do consumers need, and is at least once ok?",
        "how long do we keep messages, and how many consumer groups read a topic",
        "ok assuming 1M msgs/s at 1 KB that's 1 GB/s in, so with 7 days retention it's about"
        " 600 TB, x3 replication 1.8 PB",
        "/next",
        "topics split into partitions, each partition is an append-only log on a broker,"
        " producers pick partition by key hash",
    ]
    session = run(catalog, "message-broker", "terse", lines)
    replies = [r for e in session.exchanges for r in e.replies]
    assert "How fast?" not in replies
    assert not any(r.endswith("Which one takes writes?") for r in replies)

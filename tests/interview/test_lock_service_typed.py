"""A typed session of issue 10 on the distributed lock service (neutral), read line by line.

- The wrap-up went back to a growth question the deep dive had left, and a turn that did
  not answer it drew "Before we move on, back to my question: You didn't get to this one:
  Lock traffic grows tenfold ...": one lead-in inside another.
- "At 50,000 acquires a second and 200 bytes of state per lock that's 10 MB/s through the
  Raft log." was listed as "Estimate said: 10 MB/s through (raft log rate)".
- "Actually most of that is renewals; ... it's 100,000 renewals a second." was listed as
  "changed course without a reason": an estimate redone is no change of design.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "Who uses the lock service and how many lock operations per second at peak?"
_RATE = "At 50,000 acquires a second and 200 bytes per lock that's 10 MB/s through the Raft log."


def test_a_question_carried_into_the_wrap_up_is_asked_there_once(
    catalog: Catalog,
) -> None:
    script = [
        _ASK,
        "What happens today if two workers run the same job twice?",
        "/next",
        "We run a 5-node Raft group; a lock is a key with an owner and a lease.",
        "Clients call acquire(name, ttl) and get back a fencing token that goes up with every"
        " grant; release(name, token) frees it.",
        _RATE,
        "/next",
        "The storage service rejects any fencing token lower than the highest it has seen.",
        "/hint",
        "Reads of lock state go through the leader, because followers may be behind.",
        "If the leader dies, Raft elects a new one in about a second and clients retry.",
        "/next",
    ]
    session = run(catalog, "distributed-lock", "neutral", script)
    opened = " ".join(session.exchanges[-1].replies)
    assert "You didn't get to this one: Lock traffic grows tenfold" in opened, opened
    # Asked, returned to and asked again at the wrap-up: not returned to a fourth time.
    session = run(catalog, "distributed-lock", "neutral", [*script, "I'd use etcd."])
    reply = " ".join(session.exchanges[-1].replies)
    assert "Lock traffic grows tenfold" not in reply, reply


def test_an_estimate_is_listed_without_the_word_after_it(catalog: Catalog) -> None:
    session = run(catalog, "distributed-lock", "neutral", [_ASK, "/next", _RATE, "/end"])
    said = [e["said"] for e in session.report(catalog)["conversation"]["estimates"]]
    assert said and not any(s.endswith(" through") for s in said), said


def test_an_estimate_redone_is_no_change_of_course(catalog: Catalog) -> None:
    redo = "Actually most of that is renewals, so about 100,000 renewals a second."
    session = run(catalog, "distributed-lock", "neutral", [_ASK, "/next", redo, "/end"])
    marks = session.report(catalog)["markers"]
    assert marks["changes_of_course_without_reason"] == [], marks
    switch = "Actually let's switch to ZooKeeper."
    session = run(catalog, "distributed-lock", "neutral", [_ASK, "/next", switch, "/end"])
    assert session.report(catalog)["markers"]["changes_of_course_without_reason"] == [switch]

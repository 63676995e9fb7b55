"""A rate the interviewer gave is named by the words the fact says it with, not only by its
figure's name: a candidate who says the fact's own noun with a figure far off is asked
about it, and the report lists the disagreement."""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.catalog.derivation import problem_numbers
from tradeoff.interview.numbers import quantities_in

_ASK = "How many lock operations a second do we see, and how long is a lock usually held?"


def test_a_rate_said_with_the_facts_noun_is_that_rate(catalog: Catalog) -> None:
    refs = problem_numbers(catalog.problems["distributed-lock"])
    said = quantities_in("We should plan for 50,000 acquires a second.", refs)
    assert [s.ref.name if s.ref else None for s in said] == ["avg_lock_ops"]


def test_a_capacity_counts_what_its_fact_counts(catalog: Catalog) -> None:
    # The cluster's write capacity is near 50,000 in value but counts log writes, not
    # acquires: it was the figure this was read as, and the slip went unasked.
    refs = problem_numbers(catalog.problems["distributed-lock"])
    said = quantities_in("We should plan for 50,000 acquires a second.", refs)
    assert all(s.ref is None or s.ref.name != "commit_capacity" for s in said)


def test_a_far_off_acquire_rate_is_asked_and_reported(catalog: Catalog) -> None:
    session = run(
        catalog,
        "distributed-lock",
        "neutral",
        [_ASK, "/next", "We should plan for 50,000 acquires a second, each one a Raft entry."],
    )
    contradicted = session.interview.state.contradicted
    assert [(c.said, c.figure) for c in contradicted] == [
        ("50,000 acquires a second", "avg_lock_ops")
    ]


def test_a_rate_near_the_given_one_is_not_asked(catalog: Catalog) -> None:
    session = run(
        catalog,
        "distributed-lock",
        "neutral",
        [_ASK, "/next", "We should plan for 2,500 acquires a second, each one a Raft entry."],
    )
    assert session.interview.state.contradicted == []


def test_a_participle_after_the_counted_thing_is_not_quoted(catalog: Catalog) -> None:
    # "How did you get 6 shards keyed?" quoted the participle that opens what follows.
    refs = problem_numbers(catalog.problems["rate-limiter"])
    said = quantities_in("Gateways call a Redis cluster of 6 shards keyed by API key.", refs)
    assert [s.text for s in said] == ["6 shards"]

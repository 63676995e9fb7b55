"""Typed sessions of issue 10 (payment terse, ride sharing adversarial), iv19.

- "which providers ..., and how reliable are they?" drew the providers fact, which gives
  their failure rate, and then "As for 'how reliable are they', assume ...": "reliable"
  was a word of no question kind, so the part matched nothing of its own.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_a_part_the_reply_already_answers_is_not_left_to_assume(catalog: Catalog) -> None:
    question = "What payment providers sit behind us, and how reliable are they?"
    for persona in ("terse", "neutral"):
        session = run(catalog, "payment-system", persona, [question])
        reply = " ".join(session.exchanges[-1].replies)
        assert "Stripe" in reply, reply
        assert "assume" not in reply.lower(), (persona, reply)
    assert "0.1%" in reply, reply


def test_a_part_with_a_subject_of_its_own_still_asks_for_its_fact(catalog: Catalog) -> None:
    question = "How many clients are there, and how many lock operations per second do they make?"
    session = run(catalog, "distributed-lock", "neutral", [question])
    assert "lock-operations" in session.interview.state.revealed, session.exchanges[-1].replies


def test_reliability_of_the_system_itself_is_its_availability(catalog: Catalog) -> None:
    session = run(catalog, "payment-system", "neutral", ["How reliable must taking payments be?"])
    reply = " ".join(session.exchanges[-1].replies)
    assert "99.99%" in reply, reply

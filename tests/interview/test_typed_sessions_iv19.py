"""Typed sessions of issue 10 (payment terse, ride sharing adversarial), iv19.

- "which providers ..., and how reliable are they?" drew the providers fact, which gives
  their failure rate, and then "As for 'how reliable are they', assume ...": "reliable"
  was a word of no question kind, so the part matched nothing of its own.
- "States assumptions aloud (provider behaviour, delivery semantics)" was quoted from a
  ledger sizing, and the ride item "(ping interval, drivers online)" from the rides-a-day
  line: any figure the candidate chose credited an item that names what is assumed.
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


def test_a_sizing_is_not_the_assumptions_the_item_names(catalog: Catalog) -> None:
    sizing = "every charge stores 4 ledger rows of roughly 250 bytes, around 5 GB daily"
    session = run(catalog, "payment-system", "neutral", ["/next", sizing])
    state = session.interview.state
    assert [a.quote for a in state.assumptions] == [sizing]  # still an assumption stated
    assert "assumptions" not in state.said, state.said.get("assumptions")


def test_the_line_stating_the_named_inputs_is_the_assumptions_quote(catalog: Catalog) -> None:
    rides = "say 15 million trips daily, so roughly 170 a second and 500 in the evening peak"
    pings = "with 1.5 million drivers online each pinging every 5 seconds we take 300,000 writes/s"
    script = ["how many drivers are online at the busiest hour?", "/next", rides, pings]
    session = run(catalog, "ride-sharing", "neutral", script)
    support = session.interview.state.said["assumptions"]
    assert support.quote == pings, support

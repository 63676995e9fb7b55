"""Typed session of issue 10 on the public task API (neutral), iv20.

- "do we need to support bulk imports from CSV?" got the fact about retried creates: the
  verb "support" met the noun of "our most common support ticket".
- "how fresh must lists be?" was told to assume, though a fact says lists may lag by a few
  seconds: "fresh" was no word the fact was asked by.
- "300 million requests a day is about 35,000 requests a second" (a tenfold slip) drew
  "Earlier I said about 300 million API requests a day; you said 35,000 requests a second.
  Which one are you designing for?", a choice never offered: the given figure was said
  right and worked out wrong. The report then listed two disagreements "on api requests
  per day" and credited "Derives about 3,500 requests/s on average" with the same line.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog

_SLIP = "300 million calls a day comes to about 35,000 requests a second, so 10,000 at peak"


def test_a_question_with_no_fact_behind_it_is_left_to_assume(catalog: Catalog) -> None:
    session = run(catalog, "rest-api-design", "neutral",
                  ["do we have to support bulk imports?"])  # fmt: skip
    reply = " ".join(session.exchanges[0].replies)
    assert "assume" in reply.lower() and "retry" not in reply, reply


def test_freshness_of_lists_is_the_lag_fact(catalog: Catalog) -> None:
    session = run(catalog, "rest-api-design", "neutral",
                  ["what's the SLA, and how fresh do lists have to be?"])  # fmt: skip
    reply = " ".join(session.exchanges[0].replies)
    assert "lag by a few seconds" in reply and "assume" not in reply.lower(), reply
    check_invariants(session, catalog)


def test_a_rate_worked_out_wrong_is_a_slip_not_a_choice(catalog: Catalog) -> None:
    script = ["how many API calls a day?", _SLIP, "/end"]
    session = run(catalog, "rest-api-design", "neutral", script)
    reply = " ".join(session.exchanges[1].replies)
    assert "Which one are you designing for" not in reply, reply
    assert "35,000" in reply and "What makes you pick" not in reply, reply
    assert session.interview.state.contradicted == []
    said = session.interview.state.said
    assert "request-rate" not in said or said["request-rate"].status != "substance"
    check_invariants(session, catalog)


def test_a_late_line_on_another_subject_does_not_answer_the_error_question(
    catalog: Catalog,
) -> None:
    """Put off, the error-body question was "taken up" by a line about idempotency keys that
    names one status code, and "One error body everywhere ..." was credited with it, though
    the reviewer finds the error model missing in that very line."""
    script = [
        "/next",
        "lists use cursor pagination because offsets skip rows when tasks are inserted",
        "I'd rather not get into that yet",
        "/next",
        "a POST carries an Idempotency-Key; we store the key, a hash of the request and the"
        " response for a day, and send 422 when a key comes back with another body",
    ]
    session = run(catalog, "rest-api-design", "neutral", script)
    state = session.interview.state
    asked = [a for a in state.asks if a.item == "error-model"]
    assert asked, [a.item for a in state.asks]
    assert "error-model" not in state.said
    assert asked[0].status != "answered"

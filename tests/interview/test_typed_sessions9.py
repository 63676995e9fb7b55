"""A chat-system session typed by hand (neutral persona).

The candidate asked "Do messages need to be delivered in order, and how long do we keep
history?" and the report's markers counted it as a decision without a reason ("we keep"
reads as a choice), while the candidate's stated decisions were counted apart.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

ASKS = "Do messages need to be delivered in order, and how long do we keep history?"


def test_a_clarifying_question_is_no_decision(catalog: Catalog) -> None:
    session = run(catalog, "chat-system", "neutral", [ASKS])
    decisions = [e for e in session.events if e.kind == "decision"]
    assert decisions == [], [e.text for e in decisions]


def test_a_decision_after_a_question_still_counts(catalog: Catalog) -> None:
    line = "How long do we keep history? We keep it for a year because devices reload it."
    session = run(catalog, "chat-system", "neutral", [line])
    decisions = [e for e in session.events if e.kind == "decision"]
    assert [e.data.get("reason") for e in decisions] == [True]

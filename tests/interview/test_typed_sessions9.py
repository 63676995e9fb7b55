"""A chat-system session typed by hand (neutral persona).

The candidate asked "Do messages need to be delivered in order, and how long do we keep
history?" and the report's markers counted it as a decision without a reason ("we keep"
reads as a choice), and "do we need group chats as well as one-to-one?" was answered with
the history fact, "one-to-one" read as the number of "one year".
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


def test_one_to_one_is_no_count(catalog: Catalog) -> None:
    """ "do we need group chats as well as one-to-one?" was answered with the group facts and
    "The server keeps history for one year ...": "one-to-one" was read as the number one."""
    line = (
        "How many daily active users should I plan for, and do we need group chats as well as"
        " one-to-one?"
    )
    session = run(catalog, "chat-system", "neutral", [line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "25% of messages" in reply, reply
    assert "history" not in reply, reply

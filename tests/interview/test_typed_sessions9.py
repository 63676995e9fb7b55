"""A chat-system session typed by hand (neutral persona).

The candidate asked "Do messages need to be delivered in order, and how long do we keep
history?" and the report's markers counted it as a decision without a reason ("we keep"
reads as a choice), and "do we need group chats as well as one-to-one?" was answered with
the history fact, "one-to-one" read as the number of "one year".

A file-upload-api session (terse): "Average file is 5 MB, so 10 million uploads is 50 TB a
day." read "10 million uploads" as 10 million bytes (the list rule: a bare count after a
size is another size), so the interviewer asked "How did you get 10 million uploads?" of a
file size, just after asking "How did you get 10 million uploads a day?".

A spreadsheet-ui session (terse): "only 50 rows are visible at once" was checked against the
774 visible cells ("That looks low to me. How did you get 50 rows?"), asked again, and listed
as a question left unanswered: rows compared with cells.
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


def test_a_count_after_so_is_no_size_of_a_list(catalog: Catalog) -> None:
    lines = [
        "Say 10 million uploads a day, that's about 115 uploads a second.",
        "Average file is 5 MB, so 10 million uploads is 50 TB a day.",
    ]
    session = run(catalog, "file-upload-api", "terse", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get" not in reply, reply
    counts = [s.number for s in session.interview.state.spoken_numbers if s.number is not None]
    uploads = next(n for n in counts if n.text == "10 million uploads")
    assert uploads.value.kind == (0, 0), uploads


def test_rows_are_not_checked_against_cells(catalog: Catalog) -> None:
    line = (
        "I'd render with a virtualized grid rather than a table because only 50 rows are"
        " visible at once."
    )
    session = run(catalog, "spreadsheet-ui", "terse", [line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get" not in reply, reply


def test_cells_are_still_checked_against_cells(catalog: Catalog) -> None:
    session = run(catalog, "spreadsheet-ui", "terse", ["About 800 cells are visible at once."])
    refs = [s.number.ref for s in session.interview.state.spoken_numbers if s.number]
    assert [r.name for r in refs if r is not None] == ["visible_cells"]


def test_no_praise_before_a_doubt(catalog: Catalog) -> None:
    """An elevator-control session (friendly): "That makes sense. That looks high to me ..."
    and "Good. You said "never fails". What would make that false?"."""
    lines = [
        "How many elevators and floors are in the building?",
        "Say 10 elevators and 50 floors, so about 500 floor buttons.",
        "The dispatcher never fails.",
    ]
    session = run(catalog, "elevator-control", "friendly", lines)
    for exchange in session.exchanges[1:]:
        reply = " ".join(exchange.replies)
        for praise in ("Thanks, that helps.", "Nice.", "Good.", "That makes sense."):
            assert not reply.startswith(praise), reply

"""Typed sessions of issue 10 read again, iv25.

- "The tab crashes in the middle of a trim. What does the user get back?" was asked right
  after the candidate said every edit is journalled to IndexedDB so a crash costs seconds:
  the follow-up shares only "tab" and "crash" with the local-journal item, too few words
  to tell it was answered; the catalog now names the item it tests (`about`).
- "What happens if it can't make change?" drew out the change rule, yet the report listed
  "Asks what happens when change cannot be made, ..." as "Not covered" while the review's
  next step called it mentioned (quoting another question): the question asks an edge case
  by its form ("what happens if"), which no word of it names.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog


def _reply(session: object) -> str:
    return " ".join(session.exchanges[-1].replies)  # type: ignore[attr-defined]


def test_a_follow_up_about_what_the_turn_just_covered_is_not_asked(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "Each edit goes to IndexedDB the moment it is made and is pushed to the server"
        " every couple of seconds, so if the tab dies you lose a second or two at most.",
    ]
    session = run(catalog, "video-editor-ui", "terse", script)
    assert session.interview.state.covered("local-journal")
    reply = _reply(session)
    assert "tab crashes" not in reply, reply
    check_invariants(session, catalog)


def test_a_question_asking_an_edge_case_by_its_form_asks_about_it(catalog: Catalog) -> None:
    script = [
        "How many slots does it have, and what are the prices?",
        "What happens when the machine has no coins left for change?",
    ]
    session = run(catalog, "vending-machine", "neutral", script)
    support = session.interview.state.said.get("failure-questions")
    assert support is not None and "no coins left" in support.quote, support
    report = session.transcript(catalog).split("Here is how it went")[-1]
    assert "REQ107" not in report, report
    covered = report.split("Not covered")[0]
    assert "Asks what happens when change cannot be made" in covered, report


def test_a_question_about_sizes_is_no_edge_case_question(catalog: Catalog) -> None:
    script = ["How many slots does it have, and what are the prices?", "Which coins does it take?"]
    session = run(catalog, "vending-machine", "neutral", script)
    assert "failure-questions" not in session.interview.state.said

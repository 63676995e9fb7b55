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


def _covered_entry(session: object, catalog: Catalog, item: str) -> dict[str, object]:
    report = session.report(catalog)  # type: ignore[attr-defined]
    entries = report["conversation"]["covered"]
    return next(e for e in entries if e["item"] == item)


def test_a_part_no_word_of_the_session_says_is_still_to_say(catalog: Catalog) -> None:
    # "keyed by row and column" is the cell map, without the stable ids that keep an
    # insert from rewriting the cells under it; nothing said touches inserts at all.
    script = [
        "/next",
        "Each cell lives in a sparse hash map keyed by its row and column number; a formula"
        " keeps its dependents so only those recalculate.",
    ]
    session = run(catalog, "spreadsheet-ui", "neutral", script)
    entry = _covered_entry(session, catalog, "cell-model")
    assert any("insert" in str(part) for part in entry["lacks"]), entry  # type: ignore[attr-defined]


def test_a_part_said_in_another_turn_is_not_still_to_say(catalog: Catalog) -> None:
    script = [
        "/next",
        "Each cell lives in a sparse hash map keyed by its row and column number; a formula"
        " keeps its dependents so only those recalculate.",
        "Rows and columns get stable ids with index-to-id arrays, so inserting a row never"
        " rewrites the cells below it.",
    ]
    session = run(catalog, "spreadsheet-ui", "neutral", script)
    entry = _covered_entry(session, catalog, "cell-model")
    assert entry["lacks"] == [], entry


def test_a_part_that_goes_on_with_what_the_subject_does_is_not_held_to_words(
    catalog: Catalog,
) -> None:
    # The item's verbs ("persists", "enqueues") are said in the candidate's own ("writes
    # each request to a Kafka topic"): a paraphrase is not a part left out.
    script = ["/next", "The API writes each request to a Kafka topic and answers 202 right away."]
    session = run(catalog, "notification-system", "neutral", script)
    report = session.report(catalog)
    for entry in report["conversation"]["covered"]:
        assert not any("enqueue" in str(p) for p in entry["lacks"]), entry


def test_a_class_cut_said_with_because_is_a_decision_with_a_reason(catalog: Catalog) -> None:
    script = [
        "/next",
        "Every spot size gets its own subclass of an abstract Spot, because each size has its"
        " own rule for which vehicles fit.",
        "I'd keep tickets in a map.",
    ]
    session = run(catalog, "parking-lot", "adversarial", script)
    markers = session.report(catalog)["markers"]
    assert markers["decisions_with_reason"] == 1, markers
    assert markers["decisions_without_reason"] == 1, markers


def test_a_class_named_without_a_reason_is_no_reasoned_decision(catalog: Catalog) -> None:
    script = ["/next", "There is a Spot class and a Level class."]
    session = run(catalog, "parking-lot", "adversarial", script)
    assert session.report(catalog)["markers"]["decisions_with_reason"] == 0


_LAYOUT = (
    "I'd go with Snowflake-style ids: 41 bits of time in milliseconds, 10 bits of node id and"
    " 12 bits of counter, so a node can issue 4,096 a millisecond."
)


def test_a_requirement_whose_rate_no_line_states_has_it_still_to_say(catalog: Catalog) -> None:
    session = run(catalog, "unique-id-generator", "terse", ["/next", _LAYOUT])
    entry = _covered_entry(session, catalog, "core-requirements")
    assert any("100,000 a second" in str(p) for p in entry["lacks"]), entry  # type: ignore[attr-defined]


def test_a_rate_said_in_shorthand_or_as_its_peak_states_it(catalog: Catalog) -> None:
    for said in ("We need roughly 100K ids a second overall.", "Peaks hit 500K ids a second."):
        session = run(catalog, "unique-id-generator", "terse", [said, "/next", _LAYOUT])
        entry = _covered_entry(session, catalog, "core-requirements")
        assert not any("100,000" in str(p) for p in entry["lacks"]), (said, entry)  # type: ignore[attr-defined]


_MACHINE = """# Vending machine

## Classes
- Machine: holds the current State and the Stock.
- State (interface): Waiting, Selected, Paying, Vending.
- PaymentMethod (interface): CoinPayment, CardPayment.
"""


def test_a_states_interface_is_no_mention_of_the_hardware_interfaces(catalog: Catalog) -> None:
    # "interface" is the word of both the hardware item and the payment-strategy item: a
    # line declaring the State interface names neither's subject.
    from tradeoff.design.load import parse_design
    from tradeoff.review.engine import review_design

    review = review_design(parse_design(_MACHINE, "m.md"), catalog, "vending-machine", "senior")
    hardware = [f for f in review.findings if "coin acceptor, note reader" in f.message]
    assert hardware and hardware[0].evidence.line is None, hardware

"""A parking-lot session typed for issue 10 (adversarial, a design attached), iv25.

- "Display boards subscribe to level events and update their counts" was "Not covered,
  neither said nor written" beside the observer item: "subscribe to" named no concept.
  Read as a design pattern, it then credited the spot allocator's strategy; it is a concept
  of its own (observer-pattern).
- "So 5 levels of 200 is 10,000 spots", taken back the next turn ("Sorry, 5 x 200 is 1,000
  spots, not 10,000."), stayed a next step ("Work the powers of ten apart ... (CAP102)")
  beside "Corrected at 0:00".
- "still to say: payStation and DisplayBoard": a class name lost its case, and
  "DisplayBoard" was counted unsaid though the candidate spoke of display boards.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.design.load import parse_design
from tradeoff.language import read_text
from tradeoff.practice.report_text import _mid_sentence
from tradeoff.review.engine import review_design


def test_boards_that_subscribe_to_changes_are_the_observer(catalog: Catalog) -> None:
    line = (
        "The display boards subscribe to spot changes and adjust their free counts when a spot"
        " is taken or freed."
    )
    session = run(catalog, "parking-lot", "adversarial", ["/next", line])
    state = session.interview.state
    assert state.covered("observer-displays")
    assert "allocation-strategy" not in state.said, state.said.get("allocation-strategy")


def test_a_slip_taken_back_aloud_is_no_arithmetic_next_step(catalog: Catalog) -> None:
    script = [
        "How many levels and spots are there?",
        "So 4 levels of 250 is 100,000 spots.",
        "Wait, 4 x 250 is 1,000 spots, not 100,000.",
    ]
    session = run(catalog, "parking-lot", "adversarial", script)
    report = session.report(catalog)
    assert not [f for f in report["review"]["findings"] if f["rule"] == "CAP102"], report


def test_a_slip_left_standing_is_still_an_arithmetic_error(catalog: Catalog) -> None:
    script = ["How many levels and spots are there?", "So 4 levels of 250 is 100,000 spots."]
    session = run(catalog, "parking-lot", "adversarial", script)
    report = session.report(catalog)
    assert [f for f in report["review"]["findings"] if f["rule"] == "CAP102"], report


def test_a_written_slip_stays_though_a_later_line_corrects_it(catalog: Catalog) -> None:
    text = (
        "# Garage\n\n4 levels of 250 is 100,000 spots.\n\nCorrection: 1,000 spots, not 100,000.\n"
    )
    review = review_design(parse_design(text, "g.md"), catalog, "parking-lot", "senior")
    assert any(f.rule == "CAP102" for f in review.findings)


def test_a_class_name_keeps_its_case_mid_sentence() -> None:
    assert _mid_sentence("PayStation and DisplayBoard") == "PayStation and DisplayBoard"
    assert _mid_sentence("API key") == "API key"
    assert _mid_sentence("Optimistic concurrency control") == "optimistic concurrency control"


def test_a_class_named_in_words_is_said(catalog: Catalog) -> None:
    script = [
        "/next",
        "Classes: ParkingLot has Levels, a Level has Spots, and Ticket, EntryPanel and"
        " ExitPanel; pay stations and display boards are classes too.",
    ]
    session = run(catalog, "parking-lot", "adversarial", script)
    entries = session.report(catalog)["conversation"]["covered"]
    core = next(e for e in entries if e["item"] == "core-classes")
    assert not any("DisplayBoard" in str(p) for p in core["lacks"]), core


def test_a_count_of_spots_names_no_free_spot_index(catalog: Catalog) -> None:
    # The term "scanning 1,000 spots" was split at its comma by the YAML list, leaving
    # "000 spots" to match any count of spots in thousands.
    concepts = tuple(catalog.vocabulary.concepts.values())
    claims = read_text("Three decks of 1,000 spots make 3,000 spots.", concepts)
    assert not any("free-spot-index" in c.features.concepts for c in claims)
    assert "scanning 1,000 spots" in catalog.vocabulary.concepts["free-spot-index"].terms


def test_free_counts_kept_per_size_are_the_free_spot_lookup_not_the_slip(
    catalog: Catalog,
) -> None:
    script = [
        "How many levels and spots are there?",
        "So 4 levels of 250 is 100,000 spots.",
        "/next",
        "Each Level keeps free counts per size, so an entry panel never walks all the spots.",
    ]
    session = run(catalog, "parking-lot", "adversarial", script)
    support = session.interview.state.said.get("free-spot-lookup")
    assert support is not None and "free counts" in support.quote, support

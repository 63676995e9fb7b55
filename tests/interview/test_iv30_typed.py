"""Typed sessions of issue 10 on the elevator controller (adversarial), the spreadsheet
client (neutral) and the payments API (terse), iv30.

- A question behind a lead-in ending in a colon ("Before I sketch: how many ..., and how
  long ...?") was read as one question, the lead-in taken for "On average, how often":
  only the second fact was told, and the report said the first was never asked.
- "90 million POSTs a day" (three POSTs a payment, sizing the idempotency store) was taken
  for the 30 million payments a day and asked back as a disagreement.
- "with 100 by 21 pixel cells" was read as 21 visible cells, called low against the 774 on
  screen and asked "How did you get 21 pixel cells?": a length in pixels counts nothing.
- "Charts, pivots, macros and mobile apps I'll leave out." put nothing out of scope: the
  report listed the scope as neither said nor written and the next step said to add it.
- Slips in a product said aloud went unchecked: "200,000 formulas at 2 microseconds, 40
  ms" (joined by a comma, not "is") and "90 million POSTs a day at 2 kB, so roughly 18 GB"
  ("so" read as restating the 2 kB, and "storing" no word of the idempotency store).
- The terse voice split a sanity check inside its quotation of the prompt and asked
  'On Black Friday ... daily average." How did you get 18 GB?'.
- "I'd store cells in a sparse map keyed by row and column ids" drew "Why a sparse map keyed
  by row?": the name was cut at an "and" that joins two words of it.
- "Each car keeps two sorted sets, upStops and downStops; addStop(floor) ..." named no
  concept, so the stop-sets item was "only mentioned", quoting the list of classes.
- "which is why I'll send idle cars back to the lobby" read "idle" as a car state: the
  round-trip estimate covered each car's state machine and its safety guards.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog
from tradeoff.design import parse_design
from tradeoff.review import review_design


def test_a_colon_lead_in_keeps_both_questions_of_a_compound(catalog: Catalog) -> None:
    line = "Quick check first: how many cars are there, and how long does a car take per floor?"
    session = run(catalog, "elevator-control", "adversarial", [line])
    reply = " ".join(session.exchanges[0].replies)
    assert "6 identical cars" in reply and "2 seconds per floor" in reply, reply
    check_invariants(session, catalog)


def test_a_count_of_posts_is_no_figure_of_payments(catalog: Catalog) -> None:
    script = [
        "How many payments a day, and how many API calls does one take?",
        "/next",
        "Keeping the idempotency records is 90 million POSTs a day at 2 kB, about 180 GB.",
    ]
    session = run(catalog, "payments-api", "terse", script)
    reply = " ".join(session.exchanges[-1].replies)
    assert "Which one" not in reply, reply
    assert session.interview.state.contradicted == [], session.interview.state.contradicted


def test_a_cell_size_in_pixels_is_no_count_of_cells(catalog: Catalog) -> None:
    line = (
        "A frame is 16.7 ms at 60 fps, and with 100 by 21 pixel cells the grid shows 18 by"
        " 43, so about 770 visible cells."
    )
    session = run(catalog, "spreadsheet-ui", "neutral", ["What screen size do we target?", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" not in reply and "21 pixel" not in reply, reply
    check_invariants(session, catalog)


def test_things_said_to_be_left_out_are_the_scope(catalog: Catalog) -> None:
    line = (
        "The client covers the grid, cell edits, formulas and copy-paste; macros, pivot"
        " tables and charts I'll leave out."
    )
    session = run(catalog, "spreadsheet-ui", "neutral", [line])
    assert session.interview.state.covered("scope")
    design = "# Sheet\n\n## Requirements\n- I'm leaving out charts, pivots and mobile apps.\n"
    review = review_design(parse_design(design, "d.md"), catalog, "spreadsheet-ui")
    assert "REQ104" not in {f.rule for f in review.findings}


def test_a_product_result_joined_by_a_comma_is_checked(catalog: Catalog) -> None:
    line = "A full recalculation is 200,000 formulas at 2 microseconds, 40 ms, fine per edit."
    session = run(catalog, "spreadsheet-ui", "neutral", ["/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get 40 ms?" in reply, reply


def test_a_storage_result_after_so_is_checked_and_asked_tersely(catalog: Catalog) -> None:
    script = [
        "How many payments a day, and how many API calls does one take?",
        "/next",
        "Storing the keys is 90 million POSTs a day at 2 kB, so roughly 18 GB.",
    ]
    session = run(catalog, "payments-api", "terse", script)
    reply = " ".join(session.exchanges[-1].replies)
    assert reply == "How did you get 18 GB?", reply
    check_invariants(session, catalog)


def test_a_why_question_never_cuts_a_name_at_its_and(catalog: Catalog) -> None:
    line = "I'd keep cells in a sparse map keyed by row and column ids instead of positions."
    session = run(catalog, "spreadsheet-ui", "neutral", ["/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "keyed by row?" not in reply, reply
    check_invariants(session, catalog)


def test_stops_kept_by_direction_specify_the_stop_sets(catalog: Catalog) -> None:
    line = (
        "Every car holds its pending floors in two sorted sets, upStops and downStops, and"
        " nextStop() returns the closest one in the direction it is travelling."
    )
    session = run(catalog, "elevator-control", "neutral", ["/next", line])
    assert session.interview.state.covered("stop-sets")


def test_idle_cars_sent_home_are_no_state_machine(catalog: Catalog) -> None:
    line = (
        "A trip to the top with 6 stops is about 60 seconds of stops plus 58 of travel, which"
        " is why I'd park idle cars in the lobby in the morning."
    )
    session = run(catalog, "elevator-control", "neutral", ["/next", line])
    state = session.interview.state
    assert not state.covered("car-state-machine") and not state.covered("safety-invariants")

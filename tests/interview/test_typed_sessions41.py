"""A spreadsheet front-end session typed by hand with the adversarial persona (round 41).

After the interviewer had said "the biggest sheets we must handle have about a million
populated cells", the wrap-up answer "What breaks first is a huge paste: 100,000 cells in
one operation; I'd chunk it." drew "Earlier I said the biggest sheets we must handle have
about a million populated cells; you said 100,000 cells. Which one are you designing for?",
and the report listed it as a disagreement. The 100,000 cells are what one paste holds,
not the sheet: a figure said "in one <thing>" counts what that thing holds, and is no
figure of a total the prompt gives unless the figure's name names that thing.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in

_ASK = "How big can a sheet get, and how many people edit at once?"


def test_a_paste_of_many_cells_is_no_sheet_size(catalog: Catalog) -> None:
    lines = [_ASK, "/next", "/next", "/next", "What breaks first is a huge paste: 100,000"
             " cells in one operation; I'd chunk it."]  # fmt: skip
    session = run(catalog, "spreadsheet-ui", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "Which one are you designing for" not in reply, reply
    assert "disagree" not in session.transcript(catalog)


def test_the_sheet_size_said_back_wrong_is_still_asked_about(catalog: Catalog) -> None:
    lines = [_ASK, "/next", "The biggest sheet has 100,000 cells in total."]
    session = run(catalog, "spreadsheet-ui", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "Which one are you designing for" in reply, reply


def test_a_figure_in_one_thing_keeps_a_reference_that_names_the_thing(
    catalog: Catalog,
) -> None:
    # "per editor" figures are read as the editors' own rate; "in one operation" names no
    # reference of this prompt.
    said = quantities_in(
        "Each editor makes 0.5 edits per second.", tuple(catalog.numbers["spreadsheet-ui"])
    )
    assert [s.ref.name if s.ref else None for s in said] == ["edits_per_editor"]


def test_a_result_worked_short_is_no_other_figure_near_it(catalog: Catalog) -> None:
    # "Recalculating 200,000 formulas at 2 microseconds each is 40 ms" was reported as the
    # frame budget (16.7 ms is nearer 40 ms than the 400 ms a full recalculation takes) and
    # credited the frame-and-viewport item. The working names the recalculation.
    refs = tuple(catalog.numbers["spreadsheet-ui"])
    said = quantities_in(
        "Recalculating 200,000 formulas at 2 microseconds each is 40 ms, so a full pass fits"
        " in a few frames.",
        refs,
    )
    result = said[-1]
    assert result.ref is not None and result.ref.name == "full_recalc_time"
    assert result.off  # 10x short of the 400 ms the working gives
    right = quantities_in("Frames are 1000 / 60 = 16.7 ms each.", refs)[-1]
    assert right.ref is not None and right.ref.name == "frame_budget" and not right.off
    lines = [_ASK, "/next", "Recalculating 200,000 formulas at 2 microseconds each is 40 ms."]
    transcript = run(catalog, "spreadsheet-ui", "neutral", [*lines, "/end"]).transcript(catalog)
    assert "(frame budget)" not in transcript, transcript

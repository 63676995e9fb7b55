"""Rubric items met by a section, not a single line: a walkthrough, and edge cases.

"Walks one vehicle through entry, payment and exit, naming the method calls" was only ever
"mentioned", since its one concept (an order of work) is never one claim's; and the cases
listed under "## Edge cases" ("Lost ticket: the attendant charges one daily maximum") were
"Not covered", since no line of them says "edge case".
"""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review.context import ReviewContext
from tradeoff.review.coverage import item_support
from tradeoff.review.substance import SUBSTANCE

_GARAGE = """# Garage software

## Classes
- `Garage` holds the floors and a `SpotPicker`; `Gate.issue(kind)` returns a `Ticket`.
- `Tariff.fee(ticket, now)` prices a stay in whole cents.

## {trace}
1. A van reaches gate 1: `Gate.issue(VAN)` asks `SpotPicker.pick(VAN)` for a spot.
2. The driver pays at a kiosk: `Kiosk.pay(ticket)` calls `Tariff.fee(ticket, now)`.
3. At the exit `ExitGate.leave(ticket)` frees the spot and lifts the arm.

## {cases}
- No large spot free: the gate shows "full for vans" and the arm stays down.
- Ticket lost: the attendant charges one daily maximum and closes the ticket.
- Card refused: the kiosk keeps the ticket unpaid and offers cash at the booth.
- Spot shut for repairs: it leaves the free set and is never handed out.
"""


def _status(tmp_path: Path, trace: str, cases: str, item_id: str) -> str:
    """The support (substance, mentioned, absent) the answer gives one parking-lot item."""
    path = tmp_path / "garage.md"
    path.write_text(_GARAGE.format(trace=trace, cases=cases), encoding="utf-8")
    catalog = default_catalog()
    problem = catalog.problems["parking-lot"]
    ctx = ReviewContext(
        doc=load_design(path),
        problem=problem,
        rubric=problem.rubric,
        vocabulary=catalog.vocabulary,
        level="senior",
        interview_type=problem.type,
    )
    for dimension, rubric in problem.rubric.dimensions().items():
        for item in rubric.items:
            if item.id == item_id:
                return item_support(item, ctx.claims, ctx.mentions, dimension).status
    raise AssertionError(f"no item {item_id}")


def test_steps_under_a_walkthrough_heading_walk_the_case(tmp_path: Path) -> None:
    assert _status(tmp_path, "Walkthrough", "Edge cases", "walkthrough") == SUBSTANCE


def test_the_same_steps_under_another_heading_are_no_walkthrough(tmp_path: Path) -> None:
    assert _status(tmp_path, "Notes", "Edge cases", "walkthrough") != SUBSTANCE


def test_cases_under_an_edge_cases_heading_handle_edge_cases(tmp_path: Path) -> None:
    assert _status(tmp_path, "Walkthrough", "Edge cases", "edge-cases") == SUBSTANCE


def test_the_same_cases_under_a_plain_heading_name_no_edge_case(tmp_path: Path) -> None:
    assert _status(tmp_path, "Walkthrough", "More", "edge-cases") != SUBSTANCE

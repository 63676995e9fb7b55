"""A time budget table whose steps add up to more than the total it states."""

from __future__ import annotations

from tradeoff.estimate.budget_table import budget_overruns

HEADER = ["| Step | Time |", "|---|---|"]


def _table(*rows: str) -> list[tuple[int, str]]:
    return list(enumerate([*HEADER, *rows], 1))


def test_steps_over_their_total_are_reported_at_the_total() -> None:
    (found,) = budget_overruns(_table("| A | 300 ms |", "| B | 500 ms |", "| Total | < 500 ms |"))
    assert found.line == 5 and found.quote == "< 500 ms"
    assert "add up to 800 ms" in found.explanation


def test_steps_that_fit_or_round_to_the_total_are_not_reported() -> None:
    assert not budget_overruns(_table("| A | 300 ms |", "| B | 200 ms |", "| Total | ≤ 500 ms |"))
    assert not budget_overruns(_table("| A | 306 ms |", "| B | 212 ms |", "| Total | ~500 ms |"))


def test_a_step_that_may_not_run_leaves_the_table_unjudged() -> None:
    rows = ("| Cache | 5 ms |", "| Database (if cache miss) | 900 ms |", "| Total | 100 ms |")
    assert not budget_overruns(_table(*rows))


def test_a_range_leaves_the_column_unjudged() -> None:
    rows = ("| A | 300–900 ms |", "| B | 500 ms |", "| Total | 500 ms |")
    assert not budget_overruns(_table(*rows))


def test_bare_numbers_take_the_unit_of_their_header() -> None:
    rows = ["| Step | Latency (ms) |", "|---|---|", "| A | 400 |", "| B | 400 |"]
    rows.append("| Total | 0.5 s |")
    (found,) = budget_overruns(list(enumerate(rows, 1)))
    assert "800 ms" in found.explanation

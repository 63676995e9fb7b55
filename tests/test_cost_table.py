"""A cost table's rows are checked across their columns: unit price x quantity = total."""

from __future__ import annotations

from tradeoff.estimate.check import check_line
from tradeoff.estimate.cost_table import cost_products

HEADER = ["| Item | Unit cost | Quantity | Total |", "|---|---|---|---|"]


def _rows(*rows: str) -> list[tuple[int, str]]:
    return list(enumerate([*HEADER, *rows], 1))


def test_a_total_a_thousand_times_its_price_times_quantity_is_wrong() -> None:
    found = cost_products(_rows("| GPUs | $2 per GPU-hour | 10 GPU-hours/day × 30 | $600 000 |"))
    assert [c.quote for c in found] == ["$600 000"]
    assert "about $600," in found[0].explanation


def test_a_price_per_thousand_reads_the_quantity_either_way() -> None:
    assert not cost_products(_rows("| Tokens | $0.0002 per 1k | 500 k | $100 |"))
    assert not cost_products(_rows("| Tokens | $0.0002 per 1k | 500 M | $100 |"))


def test_bytes_are_counted_in_the_unit_the_price_is_per() -> None:
    assert not cost_products(_rows("| Disk | $0.10 per GB-month | 2 TB | $200 |"))
    assert cost_products(_rows("| Disk | $0.10 per GB-month | 2 TB | $20 |"))


def test_a_table_without_a_price_column_is_not_read() -> None:
    rows = ["| Item | Quantity | Total |", "|---|---|---|", "| Disk | 2 TB | $20 |"]
    assert not cost_products(list(enumerate(rows, 1)))


def test_a_rate_split_into_parts_is_judged_by_its_sum() -> None:
    (found,) = check_line(1, "3B requests/day → 1K writes/s + 800K reads/s")
    assert found.verdict == "arithmetic-error"
    assert "34.7K/s in all" in found.explanation


def test_a_split_whose_part_is_the_left_side_is_not_judged() -> None:
    assert not check_line(1, "2M uploads/day → 23 uploads/s + 2.3K reads/s")

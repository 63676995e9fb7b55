"""A monthly or yearly count divided by one day's seconds is a period slip, read from the
line that states the count's period; a count the design also states per day is not."""

from __future__ import annotations

from tradeoff.estimate.period_slip import explain, period_slips


def test_monthly_count_divided_by_a_day_is_a_slip() -> None:
    lines = [
        (3, "- Signups per month: 12 million."),
        (4, "- Signup writes: (12 × 10^6) / (24 × 3600) ≈ 139 writes/s."),
    ]
    (slip,) = period_slips(lines)
    assert (slip.line, slip.period, slip.stated_on) == (4, "month", 3)
    assert slip.quote in lines[1][1]
    assert "about 4.56/s, not 139/s" in explain(slip)


def test_yearly_count_read_from_a_rate_phrase() -> None:
    lines = [
        (1, "We archive 900M documents a year."),
        (2, "Archive writes = 900,000,000 / 86,400 ≈ 10,400/s"),
    ]
    (slip,) = period_slips(lines)
    assert slip.period == "year"


def test_count_also_stated_per_day_is_left_alone() -> None:
    # "1 billion monthly active users, 1 billion posts / day": the same figure is daily too.
    lines = [
        (1, "| **Scale** | 1 billion monthly active users, 1 billion posts / day |"),
        (2, "Posts: 1 × 10^9 / 86,400 ≈ 11,574 writes/s"),
    ]
    assert period_slips(lines) == []


def test_clause_period_wins_over_the_line_label() -> None:
    lines = [
        (1, "- Views per month: 600 million; on a busy day 40 million."),
        (2, "- Busy-day views: 40,000,000 / 86,400 ≈ 460 views/s."),
        (3, "- Monthly average: 600,000,000 / (30 × 86,400) ≈ 230 views/s."),
    ]
    assert period_slips(lines) == []

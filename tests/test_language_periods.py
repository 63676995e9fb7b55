"""A figure's catalog name said in words in the report, never its shorthand."""

from __future__ import annotations

from tradeoff.language.periods import figure_words, measured_name


def test_catalog_shorthand_is_spelled_out() -> None:
    """ "Said and given disagree on dau" named the figure by its catalog id; a candidate
    reads "daily active users"."""
    assert figure_words("dau") == "daily active users"
    assert figure_words("writes_per_s") == "writes per second"
    assert figure_words("peak_qps") == "peak queries per second"
    assert figure_words("payments_per_day") == "payments per day"


def test_a_figure_over_its_own_period_is_still_spelled_out() -> None:
    assert measured_name("views_per_s", "50 billion a day") == "views per day"
    assert measured_name("writes_per_s", "40 writes/s") == "writes per second"

"""A part's figure bounded on one line and stated above the bound on another."""

from __future__ import annotations

from tradeoff.estimate.part_figures import broken_bounds, part_figures


def _broken(*lines: str) -> list[tuple[int, int]]:
    found = broken_bounds(part_figures(enumerate(lines, 1)))
    return [(figure.line, bound.line) for figure, bound in found]


def test_a_figure_over_the_bound_of_the_same_part_is_caught() -> None:
    assert _broken("so < 2k ops/s per shard", "8k ÷ 2 = 4k ops/s per shard") == [(2, 1)]
    assert _broken("a 2 GB memory limit per shard", "Redis: 6 GB per shard") == [(2, 1)]


def test_a_figure_counted_with_each_takes_the_part_counted_before_it() -> None:
    assert _broken("< 2k ops/s per node", "4 nodes => 3k ops/s each") == [(2, 1)]


def test_what_a_part_can_take_is_no_figure_it_is_given() -> None:
    assert not _broken("< 2k ops/s per node", "each node can handle 30k ops/s per node")
    assert not _broken("maxmemory: at most 48 GB per node", "64 GB RAM per node")


def test_other_parts_other_work_and_failovers_are_not_compared() -> None:
    assert not _broken("< 2k ops/s per node", "5k ops/s per shard")
    assert not _broken("< 2k ops/s per node", "5k requests/s per node")
    assert not _broken("< 2k ops/s per node", "if a node fails, 3k ops/s per node")


def test_a_part_named_in_any_case_is_still_read() -> None:
    # Lines with no part's name are skipped before they are tokenized; a name in capitals or
    # in the plural ("per Node", "3 SHARDS ... each") is still a part's name.
    figures = part_figures(enumerate(["< 2k ops/s per Node", "3 SHARDS => 3k ops/s each"], 1))
    assert [(f.line, f.part) for f in figures] == [(1, "node"), (2, "shard")]
    assert not part_figures([(1, "about 3k ops/s at peak, 2 GB a day")])
    # a letter the part pattern reads under ignored case still names one: "ſhards" is shards
    assert [f.line for f in part_figures([(1, "3 \u017fhards => 3k ops/s each")])] == [1]

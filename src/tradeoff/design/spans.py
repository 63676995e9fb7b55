"""Inclusive line ranges merged once, so "is line n inside any section?" is one bisection."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class LineSpans:
    """A set of lines given as inclusive (first, last) ranges.

    A 2 MB design has thousands of sections and tens of thousands of lines; asking each line
    against each section is quadratic. Merged and sorted, a membership test is a bisection.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for first, last in sorted(spans):
            if first > last:
                continue  # an empty range holds no line
            if ends and first <= ends[-1] + 1:
                ends[-1] = max(ends[-1], last)
            else:
                starts.append(first)
                ends.append(last)
        self._starts = starts
        self._ends = ends

    def __contains__(self, line: object) -> bool:
        if not isinstance(line, int):
            return False
        at = bisect_right(self._starts, line) - 1
        return at >= 0 and line <= self._ends[at]

    def __bool__(self) -> bool:
        return bool(self._starts)

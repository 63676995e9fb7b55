"""The caches keyed by a design's own text, forgotten together for a benchmark's cold read.

A review reads a design's lines through several caches kept per process: the estimate
grammar's tokens and quantities of a line, what a heading says, the figures and content
words of a claim. A design seen for the first time finds none of its lines in them, so a
benchmark of such a review must empty them all, not only the claim analysis of
`language.evidence`: the estimate tokens alone cost a first-seen review of the longest
judged answer about 30 ms that a benchmark which kept them never counted. A module marks
each such cache with `per_text`, and `clear_text_caches` empties every one marked so far.
Caches keyed by the catalog (a rubric item's text, a concept's terms, a unit's name) are
not marked: they are as warm for a new design as for a known one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


_C = TypeVar("_C", bound=_Clearable)
_CLEARS: list[Callable[[], None]] = []


def per_text(cache: _C) -> _C:
    """Mark an `lru_cache` as keyed by a design's text (see the module's docstring)."""
    _CLEARS.append(cache.cache_clear)
    return cache


def clear_text_caches() -> None:
    """Empty every cache marked with `per_text`."""
    for clear in _CLEARS:
        clear()

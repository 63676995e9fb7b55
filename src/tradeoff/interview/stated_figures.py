"""Which of a requirement's figures the candidate never stated, read by the figure matcher."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tradeoff.catalog.derivation import NumberRef
from tradeoff.interview.numbers import quantities_in
from tradeoff.language import Claim

# Where a requirement's text turns to its next point: "Unique IDs that fit in 64 bits, |
# sort roughly by time | and are generated at about 100,000 a second across five data
# centres".
_POINT_BREAK = re.compile(r",\s+(?:and\s+)?|;\s+|\s+and\s+(?=(?:are|is|can|must)\b)")
# The words that lead to a figure: "at about 100,000 a second", "across 6 cars".
_LEADS_TO = re.compile(r"\b(?:at|across|of|for|to|in|within|under|over|up to)\b", re.I)
_BRACKETS = re.compile(r"\([^()]*\)")


def figures_unstated(
    text: str, claims: Sequence[Claim], numbers: tuple[NumberRef, ...]
) -> list[str]:
    """The points of a requirement after its first (which names what the line was credited
    for) that give a figure of the prompt no line of the candidate's states: "Unique IDs
    that fit in 64 bits, ... generated at about 100,000 a second across five data centres"
    beside a bit layout leaves "generated at about 100,000 a second ..." to say.

    A figure is told by what it counts (`quantities_in`, the matcher the interviewer hears
    numbers with), not by its digits: "100K ids a second" states it, and so does its peak
    ("500K at peak"); a figure said otherwise than the prompt's still states the point
    (whether it is right is the estimate check's business). A point whose figure the
    matcher ties to nothing, or one in brackets (what the interviewer told), asks nothing."""
    points = [p.strip() for p in _POINT_BREAK.split(_BRACKETS.sub(" ", text).rstrip(". ")) if p]
    wanted = [(p, _counted(p, numbers)) for p in points[1:]]
    if not any(counts for _, counts in wanted):
        return []
    stated = frozenset().union(*(_counted(c.text, numbers) for c in claims))
    return [_figure_phrase(p, numbers) for p, counts in wanted if counts and not counts & stated]


def _counted(text: str, numbers: tuple[NumberRef, ...]) -> frozenset[str]:
    """What the figures of a text count, a rate and its peak alike ("avg_ids_per_s" and
    "peak_ids_per_s" both count ids a second)."""
    return frozenset(
        _AVERAGE_OR_PEAK.sub("", s.ref.name) for s in quantities_in(text, numbers) if s.ref
    )


def _figure_phrase(point: str, numbers: tuple[NumberRef, ...]) -> str:
    """The words of a point that give its figure, from the word that leads to it: "fire
    recall and overload behaviour across 6 cars" leaves "across 6 cars" to say (the fire
    recall may well have been asked about), and "are generated at about 100,000 a second
    across five data centres" leaves "at about 100,000 a second across five data centres"."""
    figure = next(s.text for s in quantities_in(point, numbers) if s.ref)
    at = point.find(figure)
    leads = list(_LEADS_TO.finditer(point[:at]))
    return point[leads[-1].start() :] if leads else point[at:]


_AVERAGE_OR_PEAK = re.compile(r"^(?:avg|average|mean|peak|max)_")

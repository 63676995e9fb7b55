"""The design's own statements of its whole read or write rate, to catch two that disagree.

"Read RPS ~115,700", "Peak read RPS ~350,000" in the estimates and "Read Path (Critical -
35K RPS)" over the deep dive: the third matches neither the average nor the peak, so one
part of the design was sized for a load another part contradicts. Only rates of the whole
system are compared: a line about one node, shard, cache or user ("Redis can handle ~100K
RPS", "100 requests per second per API key") states another quantity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tradeoff.estimate.grammar import find_quantities
from tradeoff.language.literals import SCREEN

_REQUEST_RATE = re.compile(
    r"\b(?:rps|qps|req(?:uest)?s?\s*/\s*s(?:ec)?|requests? per second|queries per second"
    r"|reads?\s*/\s*s(?:ec)?|writes?\s*/\s*s(?:ec)?|redirects?\s*/\s*s(?:ec)?)\b",
    re.I,
)
# Searched in every figure line: skipped where none of the rate words it needs occur.
SCREEN.add(_REQUEST_RATE)
_READ = re.compile(
    r"\b(?:reads?|redirects?|lookups?|gets?|read path|read-heavy|views?|fetch(?:es)?"
    r"|feed loads?)\b",
    re.I,
)
# Searches are their own load, not reads: "100K read requests/s" and "4,000 search
# requests/s" of one design count different things.
_SEARCH = re.compile(r"\bsearch(?:es)?\b", re.I)
_WRITE = re.compile(
    r"\b(?:writes?|creates?|creations?|shortens?|uploads?|posts?|write path)\b", re.I
)
_PEAK = re.compile(r"\bpeak\b|\bburst\w*|\bmax(?:imum)?\b", re.I)
_AVERAGE = re.compile(r"\bav(?:era)?g\w*|\bmean\b|\bsteady\b|\bbaseline\b", re.I)
# Not the whole system's rate: one node's or one user's, a limit, a capacity, a growth step.
_PART = re.compile(
    r"\b(?:per|each|every|single|one)\s+(?:[\w-]+\s+)?(?:node|shard|server|instance|box|pod"
    r"|host|machine|partition|key|user|client|tenant|ip|api key|region|cell|core|worker|broker)s?\b"
    r"|\bcan (?:handle|serve|sustain|take|do|absorb)\b|\bhandles?\b|\bcapacity\b|\bup to\b"
    r"|\blimit\w*|\bquota\w*|\bthrottl\w*|\bcache\b|\bredis\b|\bmemcache\w*|\bdb\b"
    r"|\bdatabase\b|\bmiss\w*|\bhits?\b|\borigin\b|\bbackend\b|\bshards?\b|\breplicas?\b"
    r"|\bnodes?\b|\bgrow\w*|\bby year\b|\bin \d+ years?\b|\btarget\b|\bscale to\b|\bbenchmark\w*"
    r"|\bbursts? of\b|\bheadroom\b|\bafter\b|\bonly\b|[%]",
    re.I,
)
_CLAUSES = re.compile(r";|\.\s|,\s(?!\d{3})")


@dataclass(frozen=True)
class RateStatement:
    """One stated rate of the whole system's reads or writes."""

    line: int
    quote: str  # verbatim from the line
    direction: str  # read, write or search
    level: str  # peak, average or "" when not said
    value: float  # per second


def rate_statements(lines: Iterable[tuple[int, str]]) -> list[RateStatement]:
    """Each clause that states the system's read or write rate, with its direction and
    whether it is the peak or the average. A table row reads as its label and value."""
    out: list[RateStatement] = []
    for number, text in lines:
        if not SCREEN.search(_REQUEST_RATE, text):
            continue
        label, colon, _ = text.partition(":")
        if colon and len(label) < 40 and _PART.search(label):
            continue  # "Rate limit: ..., 2,000 writes/s overall" states a limit throughout
        for clause in _clauses(text):
            if not _REQUEST_RATE.search(clause) or _PART.search(clause):
                continue
            kinds = [
                name
                for name, pattern in (("read", _READ), ("write", _WRITE), ("search", _SEARCH))
                if pattern.search(clause)
            ]
            if len(kinds) != 1:
                continue  # none, or several ("read:write 100:1")
            values = [
                q
                for q in find_quantities(clause)
                if q.value.value >= 100 and not q.per and q.dims in ((0, 0), (-1, 0))
            ]
            if len(values) != 1:
                continue
            found = values[0]
            level = "peak" if _PEAK.search(clause) else "average" if _AVERAGE.search(clause) else ""
            quote = found.text.strip()
            out.append(
                RateStatement(
                    number,
                    quote if quote in text else clause.strip(),
                    kinds[0],
                    level,
                    found.value.value,
                )
            )
    return out


def rate_direction(clause: str) -> str:
    """The one load a clause names (read, write or search); empty when none or several."""
    kinds = [
        name
        for name, pattern in (("read", _READ), ("write", _WRITE), ("search", _SEARCH))
        if pattern.search(clause)
    ]
    return kinds[0] if len(kinds) == 1 else ""


def _clauses(text: str) -> list[str]:
    """A table row as one clause (its label names what its value counts); prose by clause."""
    stripped = text.strip()
    if stripped.startswith("|"):
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        return [" ".join(cells)] if len(cells) <= 3 else []
    return [c for c in _CLAUSES.split(text) if c.strip()]


def contradictions(
    statements: list[RateStatement], apart: float = 3.0
) -> list[tuple[RateStatement, RateStatement, float]]:
    """(statement, the earlier one it contradicts, ratio) for each rate that no earlier rate
    of the same direction bears out. A peak is compared with peaks, an average with
    averages and rates that say neither; a rate that says neither, once the design has
    stated both an average and a peak, must fall near the span between them (within 2x),
    else near the nearest earlier rate (within `apart`): the peak and the average of one
    design differ by design, and a rate between them is either."""
    out = []
    for index, stated in enumerate(statements):
        earlier = [
            s
            for s in statements[:index]
            if s.direction == stated.direction and s.line != stated.line
        ]
        peaks = [s for s in earlier if s.level == "peak"]
        steady = [s for s in earlier if s.level != "peak"]
        if stated.level == "peak":
            compared = peaks
        elif stated.level == "average":
            compared = steady
        else:
            compared = earlier
        if not compared:
            continue
        if not stated.level and peaks and steady:
            low = min(steady, key=lambda s: s.value)
            high = max(peaks, key=lambda s: s.value)
            if stated.value < low.value / 2:
                out.append((stated, low, low.value / stated.value))
            elif stated.value > high.value * 2:
                out.append((stated, high, stated.value / high.value))
            continue
        nearest = min(compared, key=lambda s: _ratio(s.value, stated.value))
        ratio = _ratio(nearest.value, stated.value)
        if ratio >= apart:
            out.append((stated, nearest, ratio))
    return out


def _ratio(a: float, b: float) -> float:
    return max(a, b) / min(a, b)

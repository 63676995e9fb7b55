"""What one node or shard is said to take or hold, to catch a bound another line breaks.

"10 k qps -> < 5 k ops/s per node" on one line and "3 nodes => 10 k ops/s each" on another;
"8-sharded Redis (~ 8 GB per shard)" and "within a 1.5 GB memory limit per shard": the same
part's figure is bounded on one line and stated above the bound on another, so the parts are
sized on one figure and the other contradicts it. Only a bound ("< 5k", "a 1.5 GB limit")
against a plain figure is compared: two plain figures may be a load and a capacity, and a
figure said of a machine ("64 GB RAM per node", "can handle 50K ops/s") states what it can
take, not what it is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tradeoff.estimate.grammar import FoundQuantity, find_quantities, may_state_dimension

_PARTS = frozenset(
    {"node", "shard", "server", "instance", "host", "partition", "broker", "pod", "replica"}
)
# "< 5 k ops/s", "at most 2 GB", "capped at 10K/s": a bound written before the figure.
_BOUND_BEFORE = re.compile(
    r"(?:<|≤|<=|\bunder|\bbelow|\bat most|\bno more than|\bmax(?:imum)?|\bup to|\bcapped at"
    r"|\blimit(?:ed)? (?:of|to|at))\s*~?\s*$",
    re.I,
)
# "a 1.5 GB memory limit per shard": a bound named after the figure.
_BOUND_NOUN = re.compile(r"^(?:limit|cap|max|maxmemory|ceiling|budget)$", re.I)
# A clause that says what a part can take, or bounds it in words: no figure it is given.
_CAPACITY = re.compile(
    r"\b(?:can|could|handles?|handling|capacity|sustains?|benchmark\w*|ram|memory|instance"
    r"|machine|disk|ssd|nic|supports?|throughput|max\w*|limit\w*|up to|headroom|under|below"
    r"|well)\b|<|≤",
    re.I,
)
# A figure for a moment the bound need not hold in: a failover, a drain, a spike.
_SCENARIO = re.compile(
    r"\b(?:if|when|while|during|failover|fail\w*|drain\w*|degraded|outage|spike|burst\w*"
    r"|worst)\b",
    re.I,
)
_EACH = re.compile(r"^\s*(?:each|apiece)\b", re.I)
# "3 nodes => 10 k ops/s each": the part "each" refers to, counted before it in the clause.
_COUNTED_PART = re.compile(
    r"\b\d+\s*(nodes?|shards?|servers?|instances?|hosts?|partitions?|brokers?|pods?|replicas?)\b",
    re.I,
)
_RATE_NOUN = re.compile(r"([A-Za-z]+)\s*(?:/\s*s(?:ec)?\b|per second)", re.I)
_SAME_WORK = {
    "rps": "requests", "qps": "requests", "req": "requests", "reqs": "requests",
    "request": "requests", "requests": "requests", "ops": "ops", "operations": "ops",
    "writes": "writes", "reads": "reads", "messages": "messages", "msgs": "messages",
}  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[|;]|\.\s|→|->|⇒|=>")


@dataclass(frozen=True)
class PartFigure:
    """One figure said of one node, shard or other part."""

    line: int
    quote: str  # the figure as found on the (cleaned) line
    part: str  # node, shard, ...
    what: str  # "size", or the work a rate counts ("ops", "requests")
    value: float  # base units: bytes, or per second
    bound: bool  # said as a most ("< 5 k", "a 1.5 GB limit")
    capacity: bool  # said of what the part can take, or of a failover: not what it is given


def _part(found: FoundQuantity, text: str) -> str | None:
    for per in found.per:
        word = per.lower().rstrip("s")
        if word in _PARTS:
            return word
    if _EACH.match(text[found.end :]):
        counted = list(_COUNTED_PART.finditer(text, 0, found.start))
        if counted:
            return counted[-1].group(1).lower().rstrip("s")
    return None


# The characters other than ASCII letters that `_COUNTED_PART`, whose case is ignored, reads
# as one ("3 ſhards" counts shards): each made that letter before looking for a part's name.
_READ_AS_LETTERS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _may_name_part(text: str) -> bool:
    """False only when `_part` finds no part for any figure of `text`: both ways it names
    one ("/ node", "3 nodes ... each") take a word of the text that holds a part's name
    (`_PARTS`) once lower-cased, so a line without one is not tokenized for its figures.
    In a long answer nine lines in ten that state a unit name no part."""
    lowered = text.lower() if text.isascii() else text.translate(_READ_AS_LETTERS).lower()
    return any(part in lowered for part in _PARTS)


def _clause(text: str, start: int, end: int) -> str:
    before = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    after = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end)), len(text))
    return text[before:after]


def part_figures(lines: Iterable[tuple[int, str]]) -> list[PartFigure]:
    """Each size or rate a line gives one node, shard or other part."""
    out: list[PartFigure] = []
    for number, text in lines:
        if not may_state_dimension(text):
            continue  # no unit word: no size or rate to read (most lines), not tokenized
        if not _may_name_part(text):
            continue  # no part's name: no figure is said of one (most lines with units)
        for found in find_quantities(text):
            if found.dims not in ((0, 1), (-1, 0)) or found.value.value <= 0:
                continue
            part = _part(found, text)
            if part is None:
                continue
            what = "size"
            if found.dims == (-1, 0):
                noun = _RATE_NOUN.search(found.text)
                what = _SAME_WORK.get(noun.group(1).lower(), "") if noun else ""
                if not what:
                    continue  # a rate of unnamed work: which load it is cannot be told
            window = max(0, found.start - 14)
            before = _BOUND_BEFORE.search(text[window : found.start])
            bound = before is not None or any(_BOUND_NOUN.match(w) for w in found.noun)
            # the bound as written: "< 5 k ops/s per node", with its sign
            start = window + before.start() if before is not None else found.start
            quote = text[start : found.end].strip()
            clause = _clause(text, found.start, found.end)
            other = _CAPACITY.search(clause) or _SCENARIO.search(clause)
            out.append(
                PartFigure(
                    number, quote, part, what, found.value.value, bound,
                    not bound and other is not None,
                )
            )  # fmt: skip
    return out


# Rounding of approximate figures ("~5k", "≈ 8 GB") lets a figure pass its bound by this much.
_ROUNDING = 1.1


def broken_bounds(figures: list[PartFigure]) -> list[tuple[PartFigure, PartFigure]]:
    """(figure, bound) pairs: a plain figure of a part above a bound another line sets for
    the same part and the same kind of figure."""
    bounds = [f for f in figures if f.bound]
    plain = [f for f in figures if not f.bound and not f.capacity]
    return [
        (figure, bound)
        for bound in bounds
        for figure in plain
        if figure.line != bound.line
        and (figure.part, figure.what) == (bound.part, bound.what)
        and figure.value > bound.value * _ROUNDING
    ]

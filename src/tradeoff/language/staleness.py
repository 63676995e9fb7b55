"""How stale a query-result cache may serve, against how fresh the design says data must be.

"Changed docs searchable within minutes" and, later, a retrieval cache keyed by the query
with "TTL 12 hours": a result cached under a query cannot be updated when a document
changes (the write does not know which queries it answers), so unless the design
invalidates it, the TTL is how stale an answer can be. A feed or timeline cache that
fan-out writes into is kept fresh by the writes, and is not read here; nor are caches
whose content does not go stale with the data (sessions, tokens, query embeddings).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.language.literals import SCREEN
from tradeoff.language.operations import freshness_target

_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86_400.0}
_DURATION = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?"
    r"|hours?|d|days?)\b",
    re.I,
)
# "within minutes", "in seconds", "near real-time": a bound said without a number.
_VAGUE = re.compile(
    r"\b(?:searchable|visible|appears?|reflected|available|seen|fresh|updated|propagat\w*)"
    r"\b[^.;:]{0,40}?\b(?:within|in) (?:a few |several )?(?P<u>seconds|minutes)\b",
    re.I,
)
_VAGUE_SECONDS = {"seconds": 60.0, "minutes": 3600.0}
_TTL = re.compile(
    r"\bttl\b\s*(?:[:=]|of|is|set to)?\s*(?:short,?\s*)?(?:e\.g\.\s*)?~?(?P<d>\d+(?:\.\d+)?\s*"
    r"(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\b)"
    r"|(?P<d2>\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?))"
    r"\s+ttl\b",
    re.I,
)
# A cache of what a query returned: its entries cannot be found from a changed record.
_RESULT_CACHE = re.compile(
    r"\b(?:retrieval|search|query|result|results|answer|response|semantic|rag)\b"
    r"[^.;:|]{0,25}?\bcache",
    re.I,
)
# Caches whose content does not go stale with the data the freshness target is about.
_NOT_DATA = re.compile(
    r"\b(?:session|token|auth\w*|rate|limit|config\w*|embedding|idempot\w*|dedup\w*|lock"
    r"|conversation|history|summary|profile|dns)\b",
    re.I,
)
# Said of the same cache: it is invalidated, versioned or refreshed on change.
_INVALIDATED = re.compile(
    r"invalidat\w*|evict\w* on|purg\w*|\bbust\w*|versioned|watermark|on (?:update|change|write)"
    r"|write-?through|refresh\w* (?:on|when)|source version|doc(?:ument)? version"
    r"|\bkey(?:ed)?\b[^.;]{0,60}\bversion",
    re.I,
)


@dataclass(frozen=True)
class StaleCache:
    """A query-result cache whose TTL is longer than the design's freshness bound."""

    line: int
    quote: str  # the TTL as written on its line
    cache: str  # the line naming the cache
    ttl: float  # seconds
    bound: float  # seconds
    bound_line: int
    bound_quote: str


def seconds(text: str) -> float | None:
    """The duration a phrase states ("12 hours", "10 min", "24h"), in seconds."""
    found = _DURATION.search(text)
    if found is None:
        return None
    unit = found.group("u").lower()
    key = "ms" if unit.startswith("mil") or unit == "ms" else unit[0]
    return float(found.group("n")) * _UNIT_SECONDS[key]


def freshness_bound(text: str) -> tuple[float, str] | None:
    """The staleness a requirement allows, in seconds, with the words that say it."""
    target = freshness_target(text)
    if target is not None:
        bound = seconds(target)
        if bound is not None:
            return bound, target
    vague = SCREEN.search(_VAGUE, text)
    if vague is not None:
        return _VAGUE_SECONDS[vague.group("u").lower()], vague.group(0)
    return None


# Searched in every line: skipped where "ttl", or the "within minutes" a vague bound needs,
# does not occur (`SCREEN` derives those strings from the patterns themselves).
SCREEN.add(_TTL, _VAGUE)


def stale_caches(lines: Sequence[tuple[int, str]], code: frozenset[int]) -> list[StaleCache]:
    """Each query-result cache whose TTL outlasts the tightest freshness bound stated
    before or after it, when nothing near the cache says it is invalidated on change.

    The TTLs of result caches are found first and the freshness bounds read only when there
    is one: reading a bound searches every line of the design, and most designs set no TTL
    on a result cache. The tightest bound does not depend on the TTLs, so comparing each
    TTL with it afterwards keeps the same caches, in the same order."""
    found: list[tuple[int, str, float, str]] = []
    for index, (number, text) in enumerate(lines):
        match = SCREEN.search(_TTL, text)
        if match is None or number in code:
            continue
        ttl = seconds(match.group("d") or match.group("d2"))
        if ttl is None:
            continue
        # The cache the TTL belongs to: its own line, or the nearest line above (a nested
        # list: "2. **Retrieval cache**", "- key: ...", "- TTL 12 hours") that names one.
        named = next(
            (
                (n, t)
                for n, t in reversed(lines[max(0, index - 4) : index + 1])
                if re.search(r"\bcache", t, re.I)
            ),
            None,
        )
        if named is None or not _RESULT_CACHE.search(named[1]) or _NOT_DATA.search(named[1]):
            continue
        block = [t for n, t in lines[max(0, index - 4) : index + 4] if n >= named[0]]
        if any(_INVALIDATED.search(t) for t in block):
            continue
        found.append((number, match.group(0).strip(), ttl, named[1].strip()))
    if not found:
        return []
    bounds = [
        (number, *said)
        for number, text in lines
        if number not in code and (said := freshness_bound(text)) is not None
    ]
    if not bounds:
        return []
    bound_line, bound, bound_quote = min(bounds, key=lambda b: b[1])
    return [
        StaleCache(number, quote, cache, ttl, bound, bound_line, bound_quote)
        for number, quote, ttl, cache in found
        if ttl > bound
    ]

"""A budget table whose parts add up to more than the total it states.

"| Embed | 50 ms |", "| Search | 80 ms |", "| LLM | 900 ms |", then "| Total | ≤ 700 ms |":
the steps take at least 1,030 ms, so the design misses its own target and the table says it
meets it. Only a column whose every step is one time the grammar reads is added (a range,
"550–800 ms", or a step that may not run, "if cache miss", "in parallel", leaves the table
unjudged), and only parts over their total are reported: a total above its parts may hold
steps the table does not list.
"""

from __future__ import annotations

import re

from tradeoff.estimate.check import EstimateCheck
from tradeoff.estimate.dims import Q
from tradeoff.estimate.grammar import find_quantities
from tradeoff.units import human_number

_TOTAL_ROW = re.compile(r"^(?:end[\s-]to[\s-]end\s+)?total\b", re.I)
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}")
# Steps that overlap or may not run: their times do not simply add up.
_NOT_ADDED = re.compile(
    r"\b(?:parallel|concurrent\w*|overlap\w*|async\w*|background|if|optional|miss(?:es)?"
    r"|hits?|either|or|fallback|sub-?total|of which|includes?|including)\b",
    re.I,
)
# A number with a dash to another: a range, read by the grammar as two figures.
_RANGE = re.compile(r"\d\s*[–—-]\s*\d")
_HEADER_UNIT = re.compile(r"\((ms|s|sec|seconds|milliseconds)\)", re.I)
_FIX = (
    "Make the steps fit the total: shorten or overlap a step (and say how), or state the"
    " larger total the steps really take."
)
# Rounding of "~" parts allows the total a little below their sum.
_ROUNDING = 1.1


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _seconds(cell: str, header: str) -> float | None:
    """The one time a cell states ("40 ms", "≤ 700 ms", "120" under "Latency (ms)")."""
    if _RANGE.search(cell):
        return None
    plain = cell.strip("*_ ")
    found = find_quantities(plain)
    if not found:
        return None
    first = found[0]
    if first.dims == (1, 0):
        return first.value.value
    unit = _HEADER_UNIT.search(header)
    if first.dims == (0, 0) and unit is not None and len(found) == 1:
        scale = 1e-3 if unit.group(1).lower() in ("ms", "milliseconds") else 1.0
        return first.value.value * scale
    return None


def _said(cell: str) -> str | None:
    """The total as written, up to the end of its figure: "≤ 700 ms", "≈ 0.6 ms"."""
    plain = cell.strip("*_ ")
    found = find_quantities(plain)
    return plain[: found[0].end].strip() if found else None


def _show(seconds: float, like: str) -> str:
    if re.search(r"\bms\b|milli", like, re.I) or seconds < 1:
        return f"{human_number(seconds * 1000)} ms"
    return f"{human_number(seconds)} s"


def budget_overruns(numbered: list[tuple[int, str]]) -> list[EstimateCheck]:
    """Each total of a time budget table that is below the sum of the steps above it."""
    out: list[EstimateCheck] = []
    header: list[str] = []
    steps: list[tuple[str, list[str]]] = []
    for index, (number, text) in enumerate(numbered):
        if not text.lstrip().startswith("|"):
            header, steps = [], []
            continue
        cells = _cells(text)
        following = numbered[index + 1][1] if index + 1 < len(numbered) else ""
        if _SEPARATOR_ROW.match(following):
            header, steps = cells, []
            continue
        if not header or _SEPARATOR_ROW.match(text):
            continue
        name = cells[0].strip("*_ ")
        if not _TOTAL_ROW.match(name):
            steps.append((name, cells))
            continue
        out.extend(_judge_total(number, text, header, steps, cells))
        steps = []
    return out


def _judge_total(
    number: int,
    text: str,
    header: list[str],
    steps: list[tuple[str, list[str]]],
    total: list[str],
) -> list[EstimateCheck]:
    if len(steps) < 2 or any(_NOT_ADDED.search(" ".join(cells)) for _, cells in steps):
        return []
    out: list[EstimateCheck] = []
    for column in range(1, min(len(header), len(total))):
        parts = [
            _seconds(cells[column], header[column]) if column < len(cells) else None
            for _, cells in steps
        ]
        stated = _seconds(total[column], header[column])
        if stated is None or stated <= 0 or any(p is None for p in parts):
            continue
        added = sum(p for p in parts if p is not None)
        if added <= stated * _ROUNDING:
            continue
        quote = _said(total[column])
        if quote is None or quote not in text:
            continue
        named = " + ".join(name for name, _ in steps) if len(steps) <= 5 else "the steps"
        left = f"{named} ({len(steps)} steps)"
        out.append(
            EstimateCheck(
                number, quote, left, quote, Q(added, 1, 0), Q(stated, 1, 0), stated / added,
                "arithmetic-error",
                f"the {len(steps)} steps above add up to {_show(added, quote)}, more than the"
                f" total of {quote} stated here: the parts do not fit the budget",
                fix=_FIX,
            )
        )  # fmt: skip
    return out

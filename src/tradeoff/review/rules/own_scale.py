"""Whether an estimate is worked from the candidate's own stated figures (CAP108).

An estimate far from the interviewer's reference is a defect when its inputs slipped in
silently ("1B/month / 2.6M s" where the prompt says 100M a month). When its operands trace
to figures the candidate stated as its own scale (in the requirements, as an assumption, or
as an input of the estimates: "Peak Request Rate | 40 million ops/sec", "DAU: 300 Million",
"1% of DAU post once a day") and the arithmetic carries them faithfully, the distance is the
candidate's premise: a note, not an error.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from tradeoff.catalog.derivation import NumberRef
from tradeoff.design.spans import LineSpans
from tradeoff.estimate.grammar import find_quantities
from tradeoff.language.mentions import clean_line
from tradeoff.review.context import ReviewContext

_DIGIT = re.compile(r"\d")
_ASSUMED = re.compile(r"\b(assum\w*|let's say|lets say|suppose|i'll take)\b", re.I)
_WORKED = re.compile(r"[=≈×÷*→]|\d\s*[x/]\s*\d|\b(?:times|divided)\b", re.I)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
# Bold and italic marks ("**Write Traffic:** 1% of DAU"), not a multiplication ("3*4").
_EMPHASIS = re.compile(r"\*+(?=[^\s\d*])|(?<=[^\s\d*])\*+")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
# Unit conversions every estimate may use: seconds in a day, an hour, a month, a year; bits
# in a byte; a thousand, a kibi.
_CONSTANTS = (86_400.0, 3_600.0, 60.0, 24.0, 7.0, 30.0, 365.0, 1_000.0, 1_024.0, 8.0,
              2.592e6, 2.6e6, 2.628e6, 3.1536e7)  # fmt: skip
_SAME = math.log(1.02)  # "300M" restates "300 Million"; "2.1M" is not "2M"
_FAR = 10.0  # CAP108's own bar: a distance within 10x is no finding

Subject = Callable[[NumberRef, set[str]], bool]


def _close(a: float, b: float) -> bool:
    return a > 0 and b > 0 and abs(math.log(a / b)) < _SAME


def _own_figures(ctx: ReviewContext) -> list[tuple[int, float]]:
    """(line, value) of each figure the candidate states as an input of its own."""
    spans = LineSpans((s.start, s.end) for s in ctx.sections_for("requirements"))
    sizing = LineSpans((s.start, s.end) for s in ctx.sections_for("capacity"))
    found: list[tuple[int, float]] = []
    for number, text in ctx.plain_prose:
        if not _DIGIT.search(text):
            continue
        body = _EMPHASIS.sub("", _LIST_MARKER.sub("", clean_line(text)))
        given = number in spans or _ASSUMED.search(body) is not None
        if not given and not (number in sizing and _WORKED.search(body) is None):
            continue
        found.extend(
            (number, q.value.value)
            for q in find_quantities(body)
            if not q.ambiguous and q.value.value > 0
        )
    return found


def _shares(ctx: ReviewContext, line: int) -> list[float]:
    """The shares the headings over `line` take of a stated total: "A region handling 5%
    of global peak:" makes each figure under it 5% of the candidate's global one."""
    headings = next((c.headings for c in ctx.claims if c.line == line), ())
    return [float(m.group(1)) / 100 for m in _PERCENT.finditer(" ".join(headings))]


def own_scale(
    ctx: ReviewContext,
    left: str,
    line: int,
    ratio: float,
    refs: Sequence[NumberRef],
    subject: Subject,
) -> list[int] | None:
    """The lines that state the operands of `left` (the estimate on `line`, `ratio` times
    its reference) when the candidate's own figures account for its distance: every operand
    stated before as an input (or a unit constant), or those that are account for all but
    less than 10x of it. None when the distance is not the candidate's stated premise."""
    # An operand read two ways ("1.512 B": bytes or billions) traces to nothing.
    operands = [q for q in find_quantities(left) if q.value.value > 0]
    if not operands:
        return None
    figures = [(n, v) for n, v in _own_figures(ctx) if n < line]
    shares = _shares(ctx, line)
    lines: list[int] = []
    explained = 1.0
    untraced = False
    for operand in operands:
        value = operand.value.value
        if operand.ambiguous:
            untraced = True
            continue
        if any(_close(value, c) for c in _CONSTANTS):
            continue
        stated = next(
            (
                n
                for n, v in figures
                if _close(value, v) or any(_close(value, v * share) for share in shares)
            ),
            None,
        )
        if stated is None:
            untraced = True
            continue
        lines.append(stated)
        # How far this operand of the candidate's own is from the reference it measures.
        words = {
            w.lower().rstrip("s")
            for w in re.findall(r"[A-Za-z]{3,}", left[operand.start : operand.end])
        }
        matching = [
            r
            for r in refs
            if words and r.dims == operand.dims and r.value > 0 and subject(r, words)
        ]
        if matching:
            explained *= value / matching[0].value
    if not lines:
        return None
    if untraced and not 1 / _FAR <= ratio / explained <= _FAR:
        return None
    return sorted(set(lines))

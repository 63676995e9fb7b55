"""A count stated per month (or per year) divided by one day's seconds.

"New URLs per month: 500 Million" and, two lines on, "500 x 10^6 / (24 x 3600) = 5,787
writes/s": the arithmetic is right, the period is not. The rate is 30x too high, and every
figure built on it (read QPS, bandwidth, node counts) with it. The statement alone cannot
show the slip, since its own inputs agree with its result; only the line that states the
count's period can. So a division by a day is checked against the design's own periodic
counts: when its dividend is a count the design states per month or per year, and the
design never states that count per day, the period slipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tradeoff.estimate.grammar import find_quantities
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity
from tradeoff.language.periods import SECONDS
from tradeoff.units import human_number

# A dividend, then a day's seconds as candidates write them: 86,400, 24 x 3600, 24*60*60.
_BY_A_DAY = re.compile(
    r"(?P<num>\(?\s*\d[\d,.]*\s*(?:[×x*]\s*10\s*\^\s*\d+|(?:k|m|b|mn|bn|million|billion"
    r"|thousand)\b)?\s*\)?)\s*(?:/|÷)\s*"
    r"(?:\(\s*)?(?:86[,.\s]?400|86\.4\s*k|24\s*(?:h\w*\s*)?[×x*]\s*(?:3[,.\s]?600|60\s*[×x*]\s*60))"
    r"(?:\s*(?:s|sec\w*))?(?:\s*\))?"
    r"(?P<rest>[^\n]{0,40})",
    re.I,
)
_RESULT = re.compile(r"^\s*(?:=|≈|~|->|→|is about|is roughly)\s*~?\s*(?P<result>\d[\d,.]*\s*\w*)")
_MONTH = re.compile(
    r"(?:\b(?:per|a|each|every)\s|/)\s*(?:calendar\s+)?month\b|\bmonthly\b|/\s*mo\b", re.I
)
_YEAR = re.compile(
    r"(?:\b(?:per|a|each|every)\s|/)\s*year\b|\byearly\b|\bannual(?:ly)?\b|/\s*yr\b", re.I
)
_DAY = re.compile(
    r"(?:\b(?:per|a|each|every)\s|/)\s*(?:(?:busy|peak|typical|normal|average)\s+)?day\b"
    r"|\bdaily\b|/\s*d\b",
    re.I,
)
_PERIOD = {"day": _DAY, "month": _MONTH, "year": _YEAR}


@dataclass(frozen=True)
class PeriodSlip:
    """One division by a day of a count the design states for a longer period."""

    line: int
    quote: str  # verbatim from the line: the dividend, the divisor and what follows
    count: float
    period: str  # month or year
    stated_on: int  # the line that gives the count's period
    rate: float  # the count per second over its own period


def _counts(lines: Iterable[tuple[int, str]], period: str) -> dict[float, int]:
    """Each count a line states for one period, to the first line stating it: "500
    Million" under "New URLs per month", or a rate read from "100M new URLs a month".
    The period is the clause's own ("600 million a month; on a busy day 40 million"),
    else the label's before a colon ("Orders per month: 90 million")."""
    seconds = SECONDS[period]
    out: dict[float, int] = {}
    for number, text in lines:
        if not _PERIOD[period].search(text):
            continue
        label, colon, _ = text.partition(":")
        inherited = _period_of(label) if colon else None
        for clause in _CLAUSES.split(text):
            if (_period_of(clause) or inherited) != period:
                continue
            for found in find_quantities(clause):
                if found.dims == (0, 0) and not found.per:
                    out.setdefault(found.value.value, number)
                elif found.dims == (-1, 0) and not found.per:
                    out.setdefault(round(found.value.value * seconds), number)
    return out


def _period_of(text: str) -> str | None:
    """The one period a piece of text names, or None for none or several."""
    named = [p for p, pattern in _PERIOD.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


_CLAUSES = re.compile(r";|(?<!\d),|,(?!\d{3})|\bbut\b|\bwhile\b")


def _near(value: float, counts: dict[float, int]) -> int | None:
    return next((n for v, n in counts.items() if v and abs(value / v - 1) < 0.02), None)


def period_slips(lines: list[tuple[int, str]]) -> list[PeriodSlip]:
    """Every division by a day's seconds of a count the design states per month or per
    year and never per day (a count stated both ways is the reader's to choose).

    The design's periodic counts are read only once a division by a day's seconds is found:
    reading them searches every line for each period, and most designs divide nothing by
    a day (the long answer of bench/review_speed.py spent 5 ms a review on them for no
    division at all). They depend on the lines alone, so when they are read changes
    nothing."""
    daily: dict[float, int] | None = None
    longer: dict[str, dict[float, int]] = {}
    out: list[PeriodSlip] = []
    for number, text in lines:
        if "/" not in text and "÷" not in text:
            continue
        for match in _BY_A_DAY.finditer(text):
            try:
                count = read_quantity(match.group("num").strip(" ()")).value
            except UnreadableEstimate:
                continue
            if count.time or count.data or count.value < 1000:
                continue
            if daily is None:
                daily = _counts(lines, "day")
                longer = {"month": _counts(lines, "month"), "year": _counts(lines, "year")}
            if _near(count.value, daily):
                continue
            for period, counts in longer.items():
                stated = _near(count.value, counts)
                if stated is None or stated == number:
                    continue
                end = match.end("rest")
                result = _RESULT.match(match.group("rest"))
                if result is None:
                    end = match.start("rest")
                out.append(
                    PeriodSlip(
                        number,
                        text[match.start("num") : end].strip(),
                        count.value,
                        period,
                        stated,
                        count.value / SECONDS[period],
                    )
                )
                break
    return out


def explain(slip: PeriodSlip) -> str:
    """The finding's message: the count's period, what the design did, what it gives."""
    factor = SECONDS[slip.period] / SECONDS["day"]
    return (
        f"{human_number(slip.count)} is counted per {slip.period} (line {slip.stated_on}),"
        f" but it is divided by one day's seconds: about {human_number(slip.rate)}/s, not"
        f" {human_number(slip.rate * factor)}/s. A per-{slip.period} figure was used as"
        f" per-day, {human_number(factor)}x too high, and every figure built on it with it"
    )

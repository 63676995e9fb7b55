"""A cost table's rows checked across their columns: unit price x quantity = cost.

"| Compute | $0.015 per vCPU-hour | 32 vCPU-hours/day x 30 | $14 400 |" states no product;
its columns do, and a reader multiplies them: 960 vCPU-hours at $0.015 is $14.40. A table's
money is read here across its columns: a price is a number after "$", and the grammar reads
the rest of each cell (the quantity, the unit a price is per); the grammar's own reading of
"$" serves a sum written on one line ("$0.02/GB x 500 TB = $10K").
"""

from __future__ import annotations

import math
import re

from tradeoff.estimate.check import EstimateCheck, classify
from tradeoff.estimate.dims import Q
from tradeoff.estimate.grammar import tokenize
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity
from tradeoff.units import human_number

_PRICE_COLUMN = re.compile(r"\b(?:unit\s+(?:cost|price)|price|cost\s+per)\b", re.I)
_QUANTITY_COLUMN = re.compile(r"\b(?:quantity|qty|usage|size|volume|units)\b", re.I)
_TOTAL_COLUMN = re.compile(r"\b(?:total|(?:monthly|daily|yearly|annual)\s+cost|cost)\b", re.I)
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}")
# "$14 400", "$4 320 000": thousands grouped by spaces, one figure here as in the grammar
# ("86 400 s"); money is read by this module, so its groups are joined before the grammar.
_GROUPED = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")
_MONEY = re.compile(r"\$\s*(\d[\d,. \u00a0\u202f]*(?:\s?[kKmMbB](?:n)?(?![A-Za-z]))?)")
# The unit a price is per: "per GB-month", "/ 1k tokens", "(per GB-month)" in the header.
_PER = re.compile(
    r"(?:\bper\b|/)\s*(?P<n>\d[\d,.]*\s*[kKmM]?\b|(?:thousand|million|billion)\b)?"
    r"\s*(?P<unit>[A-Za-z]+)?(?:[\u2010\u2011-][A-Za-z]+)?"
)
_DATA_UNIT = re.compile(r"^(?:[KMGTP]i?B)$")
_BYTES = {"K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15}
_LAST_STEP = re.compile(r".*(?:→|->|=>|=|≈)", re.S)


def _money(text: str, last: bool = False) -> tuple[str, float] | None:
    """The first (or last) "$" figure of a cell, as written and as a number."""
    found = list(_MONEY.finditer(text))
    if not found:
        return None
    match = found[-1] if last else found[0]
    written = match.group(1).rstrip(" ,.\u00a0\u202f")
    figures = read_figures(_GROUPED.sub("", written))
    if figures is None:
        return None
    return "$" + written, figures


def read_figures(text: str) -> float | None:
    """A bare number the grammar reads, scale and all ("167k", "4,320,000", "1.20")."""
    try:
        reading = read_quantity(text)
    except UnreadableEstimate:
        return None
    if reading.operators or reading.value.kind != (0, 0):
        return None
    return reading.value.value


def _columns(header: list[str]) -> tuple[int, int, int] | None:
    """(price, quantity, total) column positions of a cost table's header."""
    prices = [i for i, h in enumerate(header) if _PRICE_COLUMN.search(h)]
    totals = [i for i, h in enumerate(header) if _TOTAL_COLUMN.search(h) and i not in prices]
    quantities = [i for i, h in enumerate(header) if _QUANTITY_COLUMN.search(h)]
    quantities = [i for i in quantities if i not in prices and i not in totals]
    if len(prices) == 1 and len(totals) == 1 and len(quantities) == 1:
        return prices[0], quantities[0], totals[0]
    return None


def _amounts(quantity: str, per: str) -> list[float]:
    """The quantity in the units the price is per, under each reading the cells allow: "600 k"
    at "$0.0004 per 1 k" is 600k units of a thousand, or 600 of them."""
    step = _LAST_STEP.sub("", quantity).strip().strip("*_ ")
    try:
        reading = read_quantity(step, ignore_time=True)
    except UnreadableEstimate:
        return []
    value = reading.value
    if value.time != 0 or value.value <= 0:
        return []
    found = _PER.search(per)
    unit = (found.group("unit") or "") if found else ""
    if value.data != 0:
        # bytes are counted in the unit the price is per: "30 GB" at "$0.04 per GB-month"
        if value.data != 1 or not _DATA_UNIT.match(unit):
            return []
        return [value.value / _BYTES[unit[0].upper()]]
    if _DATA_UNIT.match(unit):
        return [value.value]  # "30" at "per GB": already a count of gigabytes
    amounts = [value.value]
    if found and found.group("n"):
        count = found.group("n")
        divisor = read_figures(count if count[0].isdigit() else f"1 {count}")
        if divisor:
            amounts.append(value.value / divisor)
    return amounts


def cost_products(numbered: list[tuple[int, str]]) -> list[EstimateCheck]:
    """Each row of a cost table whose total is not its unit price times its quantity, under
    every reading of the units: "$0.00099 (per GB-month) | 14 PB | $139k" is about $13.9k."""
    out: list[EstimateCheck] = []
    columns: tuple[int, int, int] | None = None
    header: list[str] = []
    for index, (number, text) in enumerate(numbered):
        if not text.lstrip().startswith("|"):
            columns = None
            continue
        cells = [c.strip().strip("*_ ") for c in text.strip().strip("|").split("|")]
        following = numbered[index + 1][1] if index + 1 < len(numbered) else ""
        if _SEPARATOR_ROW.match(following):
            columns, header = _columns(cells), cells
            continue
        if columns is None or _SEPARATOR_ROW.match(text) or len(cells) <= max(columns):
            continue
        price_at, quantity_at, total_at = columns
        price, total = _money(cells[price_at]), _money(cells[total_at], last=True)
        if price is None or total is None or total[0] not in text:
            continue
        after_price = cells[price_at][cells[price_at].find(price[0]) + len(price[0]) :]
        per_found = _PER.search(after_price) or _PER.search(header[price_at])
        per = per_found.group(0).strip() if per_found else ""
        amounts = _amounts(cells[quantity_at], per)
        if not amounts or price[1] <= 0:
            continue
        computed = [price[1] * a for a in amounts]
        ratios = [total[1] / c for c in computed]
        if any(0.5 <= r <= 2 for r in ratios):
            continue
        nearest = min(range(len(ratios)), key=lambda i: abs(math.log(ratios[i])))
        verdict, why = classify(ratios[nearest], tokenize(cells[quantity_at]))
        step = _LAST_STEP.sub("", cells[quantity_at]).strip().strip("*_ ")
        left = f"{price[0]} {per} × {step}".replace("  ", " ")
        shown = f"${human_number(computed[nearest])}"
        out.append(
            EstimateCheck(
                number, total[0], left, total[0], Q(computed[nearest]), Q(total[1]),
                ratios[nearest], verdict, f"{left} is about {shown}, not {total[0]}: {why}",
            )
        )  # fmt: skip
    return out

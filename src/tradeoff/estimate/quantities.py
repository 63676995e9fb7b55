"""Read interview shorthand ("100M", "1.5 KB", "/day", "QPS", "2^32") into quantities.

A candidate's estimate is a chain like `100M DAU x 10 reads / 86400 = 11.5K QPS`. This
module turns one side of such a chain into a quantity, reporting which token it could not
read. Words that only name what is counted (DAU, reads, tweets) carry no unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tradeoff.estimate.dims import Q, UnitError, unit

_SCALE_WORDS = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mil": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "t": 1e12,
}

# Units candidates write, mapped to pint unit expressions. Sizes use decimal prefixes
# (interview convention: 1 KB = 1,000 bytes); KiB/MiB stay binary.
_UNIT_WORDS: dict[str, str] = {
    "b": "byte",
    "byte": "byte",
    "bytes": "byte",
    "kb": "kB",
    "kbs": "kB",
    "kilobyte": "kB",
    "kilobytes": "kB",
    "mb": "MB",
    "megabyte": "MB",
    "megabytes": "MB",
    "gb": "GB",
    "gigabyte": "GB",
    "gigabytes": "GB",
    "tb": "TB",
    "terabyte": "TB",
    "terabytes": "TB",
    "pb": "PB",
    "petabyte": "PB",
    "petabytes": "PB",
    "eb": "EB",
    "kib": "KiB",
    "mib": "MiB",
    "gib": "GiB",
    "tib": "TiB",
    "bit": "bit",
    "bits": "bit",
    "kbit": "kbit",
    "mbit": "Mbit",
    "gbit": "Gbit",
    "kbps": "kbit/second",
    "mbps": "Mbit/second",
    "gbps": "Gbit/second",
    "tbps": "Tbit/second",
    "s": "second",
    "sec": "second",
    "secs": "second",
    "second": "second",
    "seconds": "second",
    "ms": "millisecond",
    "min": "minute",
    "mins": "minute",
    "minute": "minute",
    "minutes": "minute",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "hours": "hour",
    "d": "day",
    "day": "day",
    "days": "day",
    "wk": "week",
    "week": "week",
    "weeks": "week",
    "mo": "month",
    "month": "month",
    "months": "month",
    "yr": "year",
    "yrs": "year",
    "year": "year",
    "years": "year",
    "qps": "/second",
    "rps": "/second",
    "tps": "/second",
    "wps": "/second",
}
_RATE_WORDS = {"daily": "/day", "monthly": "/month", "yearly": "/year", "hourly": "/hour"}

TOKEN = re.compile(
    r"""
    (?P<num>\d+(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)   # 12,000  1.5  .5  42
    (?:\s*(?:\^|\*\*)\s*(?P<pow>\d+))?              # 2^32
    (?:e(?P<exp>[+-]?\d+))?                         # 1e9
    (?P<scale>(?:\s*(?:thousand|million|billion|trillion|mil|mn|bn)\b)|(?:[kKmMbBtT](?![A-Za-z])))?
    |(?P<op>x(?![A-Za-z])|[×*/÷+\-()]|\bper\b|\btimes\b|\bof\b|\bdivided\s+by\b|\bover\b|\ba\b|\ban\b|\beach\b)
    |(?P<word>[A-Za-z](?:[A-Za-z-]*[A-Za-z])?(?:/[A-Za-z]+)?)
    |(?P<other>\S)
    """,
    re.VERBOSE | re.IGNORECASE,
)


class UnreadableEstimate(ValueError):
    """An expression with a token that is neither a number, an operator nor a known unit."""


@dataclass(frozen=True)
class Reading:
    """A quantity read from text, and how much of the text it understood."""

    value: Q
    text: str
    operators: int  # arithmetic operators applied; 0 means a bare quantity
    units: frozenset[str] = frozenset()  # the unit words used ("day", "qps")


def parse_number(match: re.Match[str]) -> float:
    value = float(match.group("num").replace(",", ""))
    if match.group("pow"):
        value = value ** int(match.group("pow"))
    if match.group("exp"):
        value = value * 10 ** int(match.group("exp"))
    scale = (match.group("scale") or "").strip().lower()
    if scale:
        value *= _SCALE_WORDS[scale]
    return value


def _spec(spec: str) -> Q:
    """'kB', '/second' or 'Mbit/second' as a quantity."""
    top, _, bottom = spec.partition("/")
    value = unit(top) if top else Q(1.0)
    return value / unit(bottom) if bottom else value


def unit_of(word: str) -> Q | None:
    """The unit a word names, or a 'x/y' pair ('req/s', 'GB/day'); None for count words."""
    lowered = word.lower()
    if "/" in lowered:
        top, bottom = lowered.split("/", 1)
        top_unit = _UNIT_WORDS.get(top) if top not in ("req", "reqs", "requests") else None
        bottom_unit = _UNIT_WORDS.get(bottom)
        if bottom_unit is None:
            return None
        return (_spec(top_unit) if top_unit else Q(1.0)) / _spec(bottom_unit)
    if lowered in _RATE_WORDS:
        return _spec(_RATE_WORDS[lowered])
    spec = _UNIT_WORDS.get(lowered)
    return _spec(spec) if spec else None


def read_quantity(text: str, *, ignore_time: bool = False) -> Reading:
    """Evaluate a left-to-right product/quotient of numbers and units, as candidates write it.

    `100M DAU x 10 reads / 86400` -> 11,574 (dimensionless); `500M tweets/day` -> 500e6/day;
    `1.27 KB * 10 million per month` -> 12.7 GB/month. Parentheses are honoured.
    """
    tokens = list(_tokens(text, ignore_time=ignore_time))
    if ignore_time:
        # "100M per month x 12 months x 5 years" means 60 months of 100M: read as plain counts.
        tokens = [t for t in tokens if not (t[0] == "unit" and _is_time(t[1]))]
        tokens = [t for i, t in enumerate(tokens) if not _dangling_divide(tokens, i)]
    if not tokens:
        raise UnreadableEstimate("no number found")
    value, operators, rest = _expression(tokens)
    operators += sum(1 for t in tokens if t[0] == "num" and len(t) > 2 and t[2])  # 2^32
    if rest:
        raise UnreadableEstimate(f"could not read {rest[0][1]!r}")
    units = frozenset(str(t[2]) for t in tokens if t[0] == "unit" and len(t) > 2)
    return Reading(Q(value) if not isinstance(value, Q) else value, text, operators, units)


def _is_time(value: Q) -> bool:
    return value.data == 0 and value.time != 0


def _dangling_divide(tokens: list[tuple[Any, ...]], index: int) -> bool:
    """A '/' or 'per' left with nothing numeric after it once time units are removed."""
    if tokens[index] != ("op", "/"):
        return False
    following = tokens[index + 1 : index + 2]
    return not following or (following[0][0] not in ("num", "unit") and following[0] != ("op", "("))


def _tokens(text: str, *, ignore_time: bool = False) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for match in TOKEN.finditer(text):
        if match.group("num") is not None:
            out.append(("num", parse_number(match), bool(match.group("pow"))))
        elif match.group("op") is not None:
            op = match.group("op").lower()
            after = text[match.end() :].lstrip()
            if op == "of" and not after[:1].isdigit():
                continue  # "10 KB of memory": 'of' names what, it multiplies only numbers
            if op == "each":
                continue  # "100 bytes each": a label
            if op in ("x", "×", "*", "times", "of"):
                out.append(("op", "*"))
            elif op in ("/", "÷", "per", "over", "a", "an") or op.startswith("divided"):
                out.append(("op", "/"))
            else:
                out.append(("op", op))
        elif match.group("word") is not None:
            word = match.group("word")
            if ignore_time and "/" in word:
                # "TB/day" read as counts: the '/day' is a label once days are multiplied in
                top = word.split("/", 1)[0]
                found = unit_of(top)
                out.append(("unit", found, top.lower()) if found else ("word", word))
                continue
            found = unit_of(word)
            out.append(("unit", found, word.lower()) if found else ("word", word))
        elif match.group("other") in (",", "~", "≈"):
            continue  # "23K/s, x 3 peak": punctuation between steps of a chain
        elif match.group("other") == "%" and out and out[-1][0] == "num":
            out[-1] = ("num", out[-1][1] / 100, False)
        else:
            out.append(("other", match.group("other")))
    return out


def _expression(tokens: list[tuple[Any, ...]]) -> tuple[Any, int, list[tuple[Any, ...]]]:
    """A sum of products: `0.75 x 1 + 0.25 x 20` is 5.75, as a candidate means it."""
    value, operators, rest = _product(tokens)
    while rest and rest[0][0] == "op" and rest[0][1] in ("+", "-"):
        sign = rest[0][1]
        right, more, rest = _product(rest[1:])
        operators += more + 1
        try:
            value = value + right if sign == "+" else value - right
        except UnitError as exc:  # adding bytes to seconds
            raise UnreadableEstimate(str(exc)) from None
    return value, operators, rest


def _product(tokens: list[tuple[Any, ...]]) -> tuple[Any, int, list[tuple[Any, ...]]]:
    """`term ((*|/) term)*` left to right; units bind to the number before them."""
    value, rest = _term(tokens)
    operators = 0
    while rest:
        kind, token = rest[0][0], rest[0][1]
        if kind == "word":
            rest = rest[1:]  # a counted noun: "100M DAU", "10 reads"
            continue
        if kind == "unit":
            value = value * token  # "... / 86400 s", "... per day"
            rest = rest[1:]
            continue
        if kind != "op" or token in ("(", ")", "+", "-"):
            break
        rest = rest[1:]
        if token == "/" and rest and rest[0][0] == "word":
            rest = rest[1:]  # "1.27 KB per paste": a per-item label, not a division
            continue
        while rest and rest[0][0] == "word":
            rest = rest[1:]
        if not rest:
            break
        if token == "/" and rest[0][0] == "unit":  # "per day", "/s", "a month"
            value = value / rest[0][1]
            rest = rest[1:]
            operators += 1
            continue
        right, rest = _term(rest)
        operators += 1
        try:
            value = value * right if token == "*" else value / right
        except ZeroDivisionError:
            raise UnreadableEstimate("division by zero") from None
        except UnitError as exc:  # adding bytes to seconds
            raise UnreadableEstimate(str(exc)) from None
    return value, operators, rest


def _term(tokens: list[tuple[Any, ...]]) -> tuple[Any, list[tuple[Any, ...]]]:
    while tokens and tokens[0][0] == "word":
        tokens = tokens[1:]
    if not tokens:
        raise UnreadableEstimate("expected a number")
    kind, token = tokens[0][0], tokens[0][1]
    if kind == "op" and token == "(":
        inner, _ops, rest = _expression(tokens[1:])
        if not rest or rest[0] != ("op", ")"):
            raise UnreadableEstimate("unbalanced parenthesis")
        return inner, rest[1:]
    if kind == "num":
        value: Any = token
        rest = tokens[1:]
        if rest and rest[0][0] == "unit":
            value = Q(token) * rest[0][1]
            rest = rest[1:]
        return value, rest
    if kind == "unit":  # "a day" after "/" is handled by the caller; a bare unit is 1 unit
        return token, tokens[1:]
    raise UnreadableEstimate(f"could not read {token!r}")

"""Find a candidate's estimate statements and recompute each from the candidate's own inputs.

A statement is `LEFT marker RIGHT` where the marker is `=`, `->`, `≈`, "is about", "which
is", ... and both sides read as quantities. Chains (`a = b x 3 = c`) give one statement per
marker. Only statements read with confidence are judged: a false alarm on correct
arithmetic would cost the reviewer the user's trust, so anything ambiguous is skipped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from tradeoff.estimate.dims import Q
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity, unit_of
from tradeoff.units import human_number

_MARKER = re.compile(
    r"\s*(?:~=|≈|=>|->|→|=|\bis\s+(?:about|roughly|around|approximately|approx\.?|~)"
    r"|\bcomes\s+to\b|\bwhich\s+is\b|\bthat(?:'s|\s+is)\b|\bgives\b|\bequals\b|\bso\b|\bis\b)\s*",
    re.I,
)
_HEDGE = re.compile(
    r"^\s*(?:~|≈|about|around|roughly|approx\.?|approximately|only|just|nearly|almost|over|under"
    r"|~\s*)\s*",
    re.I,
)
_RIGHT = re.compile(
    r"^(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*\^\s*\d+)?(?:e[+-]?\d+)?"
    r"(?:\s*(?:thousand|million|billion|trillion|mn|bn)\b|[kKmMbBtT](?![A-Za-z]))?"
    r"(?:\s*%)?"
    r"(?:\s*(?!(?:which|is|are|and|or|so|that|the|to|with|for|in|on|at|of|we|it|this|than"
    r"|if|but|as|by|from|per|a|an)\b)[A-Za-z][A-Za-z-]*(?:/[A-Za-z]+)?){0,3}"
    r"(?:\s*(?:/|per|a)\s*(?:s|sec|second|min|minute|hour|h|day|d|month|mo|year|yr)\b)?",
    re.I,
)
_CLAUSE = re.compile(r"[:;(\[|]|,(?!\d{3})|\*\*|\s[-–—]\s|^\s*[-*+]\s|^\s*\d+[.)]\s")

# Factors a unit slip produces: (factor, what the candidate probably did).
_SLIPS: list[tuple[float, float, str, str]] = [
    # (factor, tolerance, a word that must appear, what the candidate probably did)
    (86_400, 1.3, "", "a per-day figure was used as per-second (86,400 s in a day)"),
    (3_600, 1.15, "", "a per-hour figure was used as per-second (3,600 s in an hour)"),
    (2_629_800, 1.3, "", "a per-month figure was used as per-second (about 2.6M s in a month)"),
    (31_557_600, 1.3, "", "a per-year figure was used as per-second (about 31.6M s in a year)"),
    (30.44, 1.1, "", "a per-day figure was used as per-month (or the reverse)"),
    (8, 1.05, "b", "bits and bytes were mixed up (8 bits in a byte)"),
    (1_000, 1.05, "size", "a size prefix slipped (KB/MB/GB/TB are 1,000x apart)"),
    (1_000_000, 1.05, "size", "a size prefix slipped twice (KB to GB is 1,000,000x)"),
]


@dataclass(frozen=True)
class EstimateCheck:
    """One recomputed statement. `quote` is a verbatim substring of line `line`."""

    line: int
    quote: str
    left: str
    right: str
    computed: Q  # what the candidate's inputs give, in base units
    stated: Q  # what the candidate wrote
    ratio: float  # stated / computed
    verdict: str  # ok, arithmetic-error, unit-error
    explanation: str
    result: Q | None = None  # the right-hand side exactly as written, units and all

    @property
    def wrong(self) -> bool:
        return self.verdict != "ok"


def check_line(number: int, text: str) -> list[EstimateCheck]:
    """Every judged estimate on one line."""
    markers = list(_MARKER.finditer(text))
    checks: list[EstimateCheck] = []
    previous_end: int | None = None
    for index, marker in enumerate(markers):
        right_text = _right_side(text[marker.end() :])
        if right_text is None:
            previous_end = None
            continue
        if previous_end is None:
            left_text = _left_side(text[: marker.start()])
        else:
            left_text = text[previous_end : marker.start()].strip()
            if left_text.endswith(","):
                left_text = None  # "≈ 2.0M/s, ≈ 6M/s at peak": a new clause, not a step
        chained = previous_end is not None
        previous_end = marker.end()
        if left_text is None or not left_text:
            continue
        judged = _judge(number, text, left_text, right_text, marker.group(0), chained)
        if judged is not None:
            checks.append(judged)
        del index
    return checks


def check_lines(lines: Iterable[tuple[int, str]]) -> list[EstimateCheck]:
    numbered = list(lines)
    out: list[EstimateCheck] = []
    for number, text in numbered:
        if not any(ch.isdigit() for ch in text):
            continue
        if text.lstrip().startswith("|"):
            out.extend(check_table_row(number, text))
        else:
            out.extend(check_line(number, text))
    return _missing_replication(numbered, out)


def check_table_row(number: int, text: str) -> list[EstimateCheck]:
    """A row of an estimates table: '| Writes/s | 100M / 2.6M s | 40 |' checks the
    calculation cell against the cell after it."""
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    found = check_line(number, text) if "=" in text else []
    for calculation, result in pairwise(cells):
        if not _OPERATOR.search(calculation) or not _RIGHT.match(_HEDGE.sub("", result)):
            continue
        judged = _judge(number, text, calculation, _right_side(result) or result, "|")
        if judged is not None:
            found.append(judged)
    return found


_OPERATOR = re.compile(r"\d.*\s(?:x|\*|×|/|÷)\s*\(?\d|\d\s*[x×*/÷]\s*\d", re.I)
_REPLICATION = re.compile(
    r"replication factor(?: of)?\s*(\d)|\bRF\s*=?\s*(\d)|(\d)\s*(?:x\s*)?(?:replicas|copies)\b"
    r"|replicated\s+(\d)\s*(?:x|times)",
    re.I,
)
_TOTAL = re.compile(
    r"\b(total|with replication|replicated|including replicas|after replication)\b", re.I
)


def _missing_replication(
    lines: list[tuple[int, str]], checks: list[EstimateCheck]
) -> list[EstimateCheck]:
    """A storage total labelled as replicated whose arithmetic never multiplies by the
    replication factor the candidate stated."""
    factors = {
        int(next(g for g in m.groups() if g)) for _, t in lines for m in _REPLICATION.finditer(t)
    }
    factors.discard(1)
    if len(factors) != 1:
        return checks
    factor = factors.pop()
    text_of = dict(lines)
    out = []
    for check in checks:
        line = text_of.get(check.line, "")
        applied = re.search(rf"(?:x|\*|×)\s*{factor}\b|{factor}\s*(?:x|×)", check.left, re.I)
        if (
            check.verdict == "ok"
            and check.stated.data == 1
            and _TOTAL.search(line)
            and not applied
            and not _REPLICATION.search(check.left)
        ):
            why = f"the replication factor of {factor} stated in the design is not applied"
            check = EstimateCheck(
                check.line, check.quote, check.left, check.right, check.computed, check.stated,
                check.ratio, "unit-error",
                f"{check.left} is the size of one copy; with {factor} replicas it is"
                f" {_show_like(check.right, 1 / factor)}: {why}",
                check.result,
            )  # fmt: skip
        out.append(check)
    return out


def _left_side(before: str) -> str | None:
    """The expression just before a marker: the text after the last clause break."""
    before = before.rstrip(" ,;:")  # "5B queries/day, that's roughly 58K QPS"
    cuts = [m.end() for m in _CLAUSE.finditer(before)]
    start = cuts[-1] if cuts else 0
    left = before[start:].strip().strip("`*_")
    if not any(ch.isdigit() for ch in left):
        return None
    return left


def _right_side(after: str) -> str | None:
    body = _HEDGE.sub("", after.strip().strip("`*_"), count=1)
    match = _RIGHT.match(body)
    if not match:
        return None
    return match.group(0).strip()


def _judge(
    number: int, line: str, left: str, right: str, marker: str, chained: bool = False
) -> EstimateCheck | None:
    try:
        lhs = read_quantity(_without_bit_factor(left, right))
        rhs = read_quantity(right)
    except UnreadableEstimate:
        return None
    if rhs.operators > 1:
        return None
    converts = lhs.value.kind != (0, 0) and _unit_scale(lhs.units) != _unit_scale(rhs.units)
    if lhs.operators == 0 and not converts:
        return None  # a restatement ("2M frames/s, 6M/s at peak") proves nothing
    stated, computed = rhs.value, lhs.value
    if stated.value == 0 or computed.value == 0:
        return None
    by_hand = _converts_by_hand(left)
    if by_hand and _TIME_UNIT.search(left):
        # "36M/hour / 60 = 600K/s": drop the hand conversion and let the units convert; a
        # wrong divisor (60 for an hour) then shows up as the error it is.
        try:
            undone = read_quantity(_CALENDAR.sub(" ", _DIVISOR.sub(" ", left))).value
        except UnreadableEstimate:
            undone = None
        if undone is not None and undone.kind == stated.kind and undone.value != 0:
            computed, by_hand = undone, False
    if stated.kind != computed.kind or by_hand:
        if lhs.operators == 0:
            return None  # "9 GB/day = 33 TB": a rate restated as a total needs its duration
        try:
            computed = read_quantity(left, ignore_time=True).value
            stated = read_quantity(right, ignore_time=True).value
        except UnreadableEstimate:
            return None
        if stated.kind != computed.kind or computed.value == 0:
            return None
    ratio = stated.value / computed.value
    quote = _quote(line, left, right)
    if quote is None:
        return None
    verdict, why = _classify(ratio, f"{left} {right}")
    shown = _show_like(right, ratio)  # the right answer, in the unit the candidate used
    explanation = (
        f"{left} is about {shown}, not {right}" + (f": {why}" if why else "")
        if verdict != "ok"
        else f"{left} is about {shown}"
    )
    return EstimateCheck(
        number, quote, left, right, computed, stated, ratio, verdict, explanation, rhs.value
    )


_BITS_FACTOR = re.compile(r"(?:x|\*|×|/)\s*8(?:\s*bits?(?:\s*per\s*byte)?)?(?![\d.,])", re.I)
_BIT_UNITS = re.compile(r"\d\s*[kmgt]?(?:bps|bit)|\bbits?\b", re.I)
# "20 GB", "4 KiB", "bytes"; a bare "20B" is twenty billion.
_BYTE_UNITS = re.compile(r"\d\s*[kmgtpe]i?b(?:/|\b)|\bbytes?\b", re.I)


def _unit_scale(words: frozenset[str]) -> tuple[float, int, int]:
    """What a set of unit words amounts to: '/s' and 'frames/s' are the same scale."""
    total = Q(1.0)
    for word in words:
        found = unit_of(word)
        if found is not None:
            total = total * found
    return (round(total.value, 12), total.time, total.data)


def _without_bit_factor(left: str, right: str) -> str:
    """'1.15 GB/s x 8 = 9.2 Gbps': the 8 converts bytes to bits, which units already do."""
    if not _BITS_FACTOR.search(left):
        return left
    mixed = (_BYTE_UNITS.search(left) and _BIT_UNITS.search(right)) or (
        _BIT_UNITS.search(left) and _BYTE_UNITS.search(right)
    )
    return _BITS_FACTOR.sub(" ", left) if mixed else left


_SECONDS_PER = (
    86_400, 100_000, 3_600, 60, 2_500_000, 2_592_000, 2_600_000, 2_629_800, 31_536_000, 31_557_600
)  # fmt: skip
_DIVISOR = re.compile(
    r"(?:/|÷|divided\s+by|over)\s*\(?\s*(\d[\d,]*(?:\.\d+)?)\s*([kKmM](?![A-Za-z]))?"
    r"(?:\s*(?:s|secs?|seconds?)(?:/[A-Za-z]+)?\b)?",
    re.I,
)


_TIME_UNIT = re.compile(
    r"/\s*(day|d|month|mo|year|yr|hour|hr|h|min|minute)\b|\bper\s+(day|month|year|hour|minute)\b"
    r"|\b(a|each)\s+(day|month|year|hour)\b|\b(daily|monthly|hourly|yearly)\b",
    re.I,
)
_CALENDAR = re.compile(r"(?:x|\*|×)\s*(365|366|52|12|30|31|24|60|3,?600|86,?400)(?![\d.,])", re.I)


def _converts_by_hand(left: str) -> bool:
    """`2 posts/day / 86400` or `1 TB/day x 365`: the candidate converted time themselves,
    so '/day' is a label, not a unit to apply again."""
    if _CALENDAR.search(left) and re.search(
        r"/\s*(day|d|month|mo|year|yr|hour|h|s|sec)\b|per\s+(day|month|year|hour|second)",
        left,
        re.I,
    ):
        return True
    for match in _DIVISOR.finditer(left):
        value = float(match.group(1).replace(",", ""))
        value *= {"k": 1e3, "m": 1e6}.get((match.group(2) or "").lower(), 1)
        if any(abs(value / s - 1) < 0.05 for s in _SECONDS_PER):
            return True
    return False


def _classify(ratio: float, text: str) -> tuple[str, str]:
    if 0.5 <= ratio <= 2:
        return "ok", ""
    off = ratio if ratio >= 1 else 1 / ratio
    bits = re.search(r"\d\s*[kmgt]?(bit|bps)|\bbits?\b", text, re.I) is not None
    sizes = _BYTE_UNITS.search(text) is not None
    for factor, tolerance, needs, why in _SLIPS:
        if (needs == "b" and not bits) or (needs == "size" and not sizes):
            continue
        if abs(math.log(off / factor)) < math.log(tolerance):
            return "unit-error", why
    direction = "high" if ratio > 1 else "low"
    return "arithmetic-error", f"{human_number(off)}x too {direction}"


_LEADING_NUMBER = re.compile(
    r"^\s*(\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*\^\s*(\d+))?(?:e([+-]?\d+))?"
    r"(\s*(?:thousand|million|billion|trillion|mn|bn)\b|[kKmMbBtT](?![A-Za-z]))?(\s*%)?"
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "t": 1e12}  # fmt: skip


def _show_like(right: str, ratio: float) -> str:
    """The candidate's own figure divided by the error, with the rest of their wording:
    '1.16M QPS' off by 1,000x reads '1.16K QPS'."""
    match = _LEADING_NUMBER.match(right)
    if match is None:
        return right
    value = float(match.group(1).replace(",", ""))
    if match.group(2):
        value **= int(match.group(2))
    if match.group(3):
        value *= 10 ** int(match.group(3))
    value *= _SCALES.get((match.group(4) or "").strip().lower(), 1.0)
    rest = right[match.end() :]
    suffix = "%" if match.group(5) else ""
    joiner = "" if rest.startswith(("/", " ")) or not rest else " "
    return f"{human_number(value / ratio)}{suffix}{joiner}{rest}".strip()


def _quote(line: str, left: str, right: str) -> str | None:
    start = line.find(left)
    if start < 0:
        return None
    end = line.find(right, start + len(left))
    if end < 0:
        return None
    return line[start : end + len(right)]

"""Find a candidate's estimate statements and recompute each from the candidate's own inputs.

A statement is `LEFT marker RIGHT` where the marker is `=`, `->`, `≈`, "is about", "which
is", ... and both sides read as quantities. Chains (`a = b x 3 = c`) give one statement per
marker. Only statements read with confidence are judged: a false alarm on correct
arithmetic would cost the reviewer the user's trust, so anything ambiguous is skipped.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations, pairwise

from tradeoff.estimate.dims import Q
from tradeoff.estimate.grammar import Token, find_quantities, leading_quantity, tokenize
from tradeoff.estimate.quantities import Reading, UnreadableEstimate, read_quantity
from tradeoff.language.literals import SCREEN
from tradeoff.units import human_number

# Each marker starts with one of the characters of the lookahead (a test checks that every
# alternative does): with it, the positions where none can start, most of a line, fail on
# one character class instead of trying every alternative in turn (the matches are the
# same; finding them took half the time). The word markers share one `\b`, tested once at
# a position (inside a word it fails there) instead of once per word marker.
_MARKER = re.compile(
    r"\s*(?=[~≈=\-→icwtgesmanr])"
    r"(?:~=|≈|=>|->|→|=|\b(?:is\s+(?:about|roughly|around|approximately|approx\.?|~)"
    r"|comes\s+to\b|which\s+is\b|that(?:'s|\s+is)\b|gives\b|equals\b|so\b|is\b"
    # a result stated with a verb: "a 10 Gbps NIC can move 10 GB/s"
    r"|(?:can|could|will)\s+(?:move|carry|push|transfer|sustain|deliver|stream|serve|handle)\b"
    r"|(?:moves|carries|transfers|amounts\s+to|works\s+out\s+to|adds\s+up\s+to|totals)\b"
    # "10 million viewers at 5 Mbps each need 50 TB/s of egress"
    r"|(?:needs?|requires?)\b))\s*",
    re.I,
)
# A marker that says the next figure follows from the one before: after a comma and a rate
# it still continues the chain ("1.21 billion a day, so about 14,000 a second").
_RESTATED_RATE = re.compile(
    r"(?:/\s*|\b(?:a|an|per|each|every)\s+)(?:s|sec|second|min|minute|h|hr|hour|day|week|month"
    r"|year)s?\s*,$",
    re.I,
)
_CONSEQUENCE = re.compile(r"\s*(?:so|which\s+is|that(?:'s|\s+is)|gives|comes\s+to)\b", re.I)
_HEDGE = re.compile(
    r"^\s*(?:~|≈|about|around|roughly|approx\.?|approximately|only|just|nearly|almost|over|under"
    r"|~\s*)\s*",
    re.I,
)
# A comma and a conjunction: what follows is a clause of its own, not a step of the chain.
_JOINED_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|then)\s", re.I)
# A clause break, or the verb a duration is worked out after: in "a 100 Mbps link takes
# 1.5 GB / 100 Mbps = 15 s" the link's own figure is the subject, not a factor, and read
# as one the whole left side was unreadable and the bits-for-bytes slip went unjudged.
_CLAUSE = re.compile(
    r"[:;(\[|]|,(?!\d{3})|\*\*|\s[-–—]\s|^\s*[-*+]\s|^\s*\d+[.)]\s"
    r"|\b(?:takes|took|take)\s+(?=[~≈]?\s*\d)"
)

# Factors a unit slip produces: (factor, what the candidate probably did).
_SLIPS: list[tuple[float, float, str, str]] = [
    # (factor, tolerance, a word that must appear, what the candidate probably did)
    # A period slip needs a period in the statement: "10k x 5 bytes = 5 GB" is 10^5 off,
    # near 86,400, but holds no per-day figure to have been misused.
    (86_400, 1.3, "time", "a per-day figure was used as per-second (86,400 s in a day)"),
    (3_600, 1.15, "time", "a per-hour figure was used as per-second (3,600 s in an hour)"),
    (2_629_800, 1.3, "time", "a per-month figure was used as per-second (about 2.6M s in a month)"),
    (31_557_600, 1.3, "time", "a per-year figure was used as per-second (about 31.6M s in a year)"),
    (30.44, 1.1, "time", "a per-day figure was used as per-month (or the reverse)"),
    (8, 1.05, "b", "bits and bytes were mixed up (8 bits in a byte)"),
    (1_000, 1.05, "size", "a size prefix slipped (KB/MB/GB/TB are 1,000x apart)"),
    (1_000_000, 1.05, "size", "a size prefix slipped twice (KB to GB is 1,000,000x)"),
]

_DIGIT = re.compile(r"\d")  # faster than any(ch.isdigit() ...) on long lines


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
    fix: str | None = None  # advice of its own, where the rule's would not fit the slip

    @property
    def wrong(self) -> bool:
        return self.verdict != "ok"


def check_line(number: int, text: str) -> list[EstimateCheck]:
    """Every judged estimate on one line.

    A line may be a whole 2 MB document with thousands of markers ("is", "so", "="), so no
    step copies or rescans the rest of the line per marker: the right side is read from a
    window that ends where no quantity can continue, and clause breaks are found once.
    """
    markers = list(_MARKER.finditer(text))
    checks: list[EstimateCheck] = []
    previous_end: int | None = None
    clause_ends: list[int] | None = None
    bound: dict[str, Token] = {}  # "window = 120": names given a value earlier on the line
    for index, marker in enumerate(markers):
        after = _window(text, marker.end())
        right_text = _right_side(after)
        if right_text is None:
            previous_end = None
            continue
        if previous_end is None:
            if clause_ends is None:
                clause_ends = [m.end() for m in _CLAUSE.finditer(text)]
            left_text = _left_side(text, marker.start(), clause_ends)
            if not left_text and marker.group(0).strip() == "=":
                _bind(text, marker, right_text, bound)  # "window = 120": no figure before
            if left_text and bound and "=" in left_text:
                # "burst = window x 2 = 240": the step after the name it defines
                left_text = left_text.rsplit("=", 1)[1].strip()
        else:
            # "**≈ 3 B events/day** → ...": the bold's "**" is markup, not a product
            left_text = text[previous_end : marker.start()].strip().removesuffix("**").strip()
            if (
                left_text.endswith(",")
                and _RESTATED_RATE.search(left_text)
                and _CONSEQUENCE.match(marker.group(0))
            ):
                # "... is 1.21 billion a day, so about 140,000 per second": "so" after a rate
                # carries it on into another unit, a step as the unchained one is. ("each edge
                # is 16 bytes, that's 1.6 TB" multiplies by a count said before: no step.)
                left_text = left_text.removesuffix(",").strip()
            elif left_text.endswith(","):
                left_text = None  # "≈ 2.0M/s, ≈ 6M/s at peak": a new clause, not a step
            elif _new_subject(left_text):
                left_text = None  # "is 33 MB and the same buffer is 1.5 GB": another subject
            elif _JOINED_CLAUSE.search(left_text):
                # "= 1.5 GB, and downloading it takes 1.5 GB / 100 Mbps = 15 s": a clause
                # joined on after a comma starts a new working, which the "=" ends; read
                # as one step from "1.5 GB" the left side was unreadable and went unjudged.
                if clause_ends is None:
                    clause_ends = [m.end() for m in _CLAUSE.finditer(text)]
                left_text = _left_side(text, marker.start(), clause_ends)
        if left_text and left_text.endswith(".") and _CONSEQUENCE.match(marker.group(0)):
            left_text = _last_sentence(left_text)
        chained = previous_end is not None
        previous_end = marker.end()
        if not left_text:
            continue
        if _continues(after, right_text, index + 1 < len(markers)):
            split = _judge_split(number, text, left_text, after, right_text)
            if split is not None:
                checks.append(split)
            continue
        judged = _judge(number, text, left_text, right_text, marker.group(0), chained, None, bound)
        if judged is not None:
            checks.append(judged)
    checks.extend(check_headroom(number, text))
    return checks


# Where the value given to a name ends: a clause break, a code span's end, the next marker.
_SEGMENT_END = re.compile(r"[,;`)|]|\s=|\.(?:\s|$)")
# A name set to one figure: "window = 120", "`rate = 2 tps`" (the name alone before "=").
_NAME_BEFORE = re.compile(r"(?:^|[\s,;(`*])([A-Za-z_][A-Za-z0-9_]*)\s*$")


def _bind(text: str, marker: re.Match[str], right: str, bound: dict[str, Token]) -> None:
    """Remember a name the line sets to a single figure ("window = 120, burst = window x 2
    = 240"), so a later step that uses the name is read with its value, as a reader
    substitutes it. Only a lone figure binds: "rate = limit / window" defines a formula."""
    name = _NAME_BEFORE.search(text, 0, marker.start())
    if name is None:
        return
    segment = _SEGMENT_END.split(text[marker.end() :], maxsplit=1)[0]
    if segment.strip().strip("*_") != right:
        return  # "rate = 120/60 = 2 tps": the figure starts an expression, not a value
    tokens = tokenize(right)
    if not tokens or tokens[0].kind != "num" or len(tokens) > 2:
        return
    if len(tokens) == 1:
        bound[name.group(1)] = tokens[0]
    elif tokens[1].kind == "unit":
        bound[name.group(1)] = replace(tokens[0], unit=tokens[1].unit)


def _substituted(tokens: list[Token], bound: dict[str, Token]) -> list[Token]:
    """The tokens with each name bound earlier on the line read as its value."""
    out: list[Token] = []
    for token in tokens:
        value = bound.get(token.text) if token.kind == "word" else None
        if value is None:
            out.append(token)
            continue
        figure = replace(value, start=token.start, end=token.end, text=token.text, unit=None)
        out.append(figure)
        if value.unit is not None:
            out.append(Token("unit", value.unit.word, token.end, token.end, unit=value.unit))
    return out


def _continues(after: str, right: str, more_markers: bool) -> bool:
    """'-> 1K writes/s + 2.5M reads/s': the result is a sum, cut short by the reader; and
    '= 100/s x 3' with no later result is an expression, not a result."""
    position = after.find(right)
    if position < 0:
        return False
    rest = position + len(right)
    if _PLUS.match(after, rest) or _DIVIDED_AGAIN.match(after, rest):
        return True  # "= 500,000 / 4,320 ≈ 116": the step restates a division, not a result
    return not more_markers and _TIMES.match(after, rest) is not None


_PLUS = re.compile(r"\s*[+]\s*~?\d")
_DIVIDED_AGAIN = re.compile(r"\s*[/÷]\s*~?\d")
_PLUS_SIGN = re.compile(r"\s*[+]\s*")
# Words after a split that say its parts add up over more than the left side's scope:
# "10K writes/s per AZ -> 30K writes/s + 10K reads/s across all AZs".
_SUMS_OVER = re.compile(
    r"\b(?:total|overall|global(?:ly)?|across|combined|in\s+all|all\s+(?:regions|AZs|zones)"
    r"|worldwide|fleet)\b",
    re.I,
)


def _sum_terms(after: str, first: str) -> tuple[str, list[str]] | None:
    """The terms of a sum that starts with `first` in `after`, and the sum as written:
    '1K writes/s + 2.5M reads/s'."""
    position = after.find(first)
    if position < 0:
        return None
    terms, end = [first], position + len(first)
    while (plus := _PLUS_SIGN.match(after, end)) is not None:
        term = _right_side(after[plus.end() :])
        if term is None:
            return None
        start = after.find(term, plus.end())
        if start < 0:
            return None
        terms.append(term)
        end = start + len(term)
    return after[position:end], terms


def _judge_split(number: int, line: str, left: str, after: str, first: str) -> EstimateCheck | None:
    """A rate carried by a marker to a sum of rates: "10G operations/day -> 1K writes/s +
    2.5M reads/s". The terms split the left side into its parts (writes and reads of the
    operations), so they add up to it; a single term that is the left side's figure ("1M
    writes/day -> 12 writes/s + 1.2K reads/s", a read ratio applied) or a sum said to span
    more than the left's scope ("across all regions") is not judged. Only a wrong sum is
    returned: the parts of a right one are credited where they are written."""
    found = _sum_terms(after, first)
    if found is None:
        return None
    written, terms = found
    if len(terms) < 2 or _SUMS_OVER.search(after):
        return None
    try:
        lhs = read_quantity(left)
        parts = [read_quantity(term) for term in terms]
    except UnreadableEstimate:
        return None
    rate = lhs.value.kind
    if rate != (-1, 0) or any(p.value.kind != rate or p.operators or p.per for p in parts):
        return None  # only a rate split into rates, each a bare figure
    computed = lhs.value.value
    values = [p.value.value for p in parts]
    if computed <= 0 or any(0.5 <= v / computed <= 2 for v in values):
        return None
    ratio = sum(values) / computed
    tokens = tokenize(left) + [t for term in terms for t in tokenize(term)]
    verdict, why = classify(ratio, tokens)
    if verdict == "ok":
        return None
    quote = _quote(line, left, written)
    if quote is None:
        return None
    explanation = (
        f"{left} is about {human_number(computed)}/s in all, not {written}"
        f" ({human_number(sum(values))}/s): {why}"
    )
    return EstimateCheck(
        number, quote, left, written, lhs.value, Q(sum(values), -1, 0), ratio, verdict,
        explanation,
    )  # fmt: skip


_TIMES = re.compile(r"\s*(?:x|×|\*)\s*~?\d")
# Where a quantity read from the start of a text certainly ends: a character the grammar
# reads only as punctuation (a separate token that no phrase continues through), or a word
# that stops every phrase. "~", "≈", "`", "*" and "_" are left out: they may open the text.
_PHRASE_STOP = re.compile(
    r"[=→|\[\]{}<>&#@$\"!?;:]|[,.](?!\d)"
    r"|(?<![\w'\u2010\u2011-])(?:is|so|which|that|the|and|or|are|was)(?![\w'\u2010\u2011-])",
    re.I,
)
# The grammar looks up to 30 characters past a token ("500 m within the city"): the window
# keeps more than that after the stop, so every token before it reads as in the whole line.
_LOOKAHEAD = 64


def _window(text: str, start: int) -> str:
    """The text after a marker, up to a little past the first place a quantity must end."""
    stop = _PHRASE_STOP.search(text, start)
    return text[start:] if stop is None else text[start : stop.end() + _LOOKAHEAD]


def check_lines(lines: Iterable[tuple[int, str]]) -> list[EstimateCheck]:
    numbered = list(lines)
    out: list[EstimateCheck] = []
    for number, text in numbered:
        if not _DIGIT.search(text):
            continue
        if text.lstrip().startswith("|"):
            out.extend(check_table_row(number, text))
        else:
            out.extend(check_line(number, text))
    out.extend(_check_nested(numbered))
    out.extend(_continued_steps(numbered))
    out.extend(_factor_not_applied(numbered))
    out.extend(_bitrate_to_size(numbered))
    out.extend(_column_products(numbered))
    out.extend(_sizes_from_column(numbered))
    return _missing_replication(numbered, out)


# The columns of a sizing table whose rows multiply out without writing the product:
# "| Entity | Size (avg) | Number | Raw Size |": one item's size, how many, and the total.
_TOTAL_COLUMN = re.compile(r"\b(?:total|raw|storage)\b", re.I)
_SIZE_COLUMN = re.compile(r"\bsize\b", re.I)
_COUNT_COLUMN = re.compile(r"\b(?:number|count|quantity|records|items|objects|entries)\b|#", re.I)
_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}")
_LEADING_SIZE = re.compile(r"^[*_\s~≈]*(\d[\d,.]*\s*(?:[kmgtp]i?b|bytes?|b)\b)", re.I)
_LEADING_COUNT = re.compile(r"^[*_\s~≈]*(\d[\d,.]*(?:\s*[kmbt]\b)?)", re.I)


def _column_products(numbered: list[tuple[int, str]]) -> list[EstimateCheck]:
    """Each row of a sizing table whose total is not its size times its count: "| Click
    event | 200 B | 1 T per day | 200 GB |" under "| Entity | Size (avg) | Number | Raw
    Size |" is 200 TB, not 200 GB. The row states no product; its columns do."""
    out: list[EstimateCheck] = []
    columns: tuple[int, int, int] | None = None
    for index, (number, text) in enumerate(numbered):
        if not text.lstrip().startswith("|"):
            columns = None
            continue
        cells = [c.strip().strip("*_ ") for c in text.strip().strip("|").split("|")]
        following = numbered[index + 1][1] if index + 1 < len(numbered) else ""
        if _SEPARATOR_ROW.match(following):
            columns = _sizing_columns(cells)
            continue
        if columns is None or _SEPARATOR_ROW.match(text) or len(cells) <= max(columns):
            continue
        size, count, total = (cells[i] for i in columns)
        found = [_LEADING_SIZE.match(size), _LEADING_COUNT.match(count), _LEADING_SIZE.match(total)]
        if not all(found) or found[2] is None or found[2].group(1) not in text:
            continue
        # Each column says how to read its "B": bytes in a size, a billion in a count (and
        # plain spaces: "200\u202fB", as some editors write it, is not read).
        item = _BARE_B.sub(" bytes", _spaced(found[0].group(1)))  # type: ignore[union-attr]
        many = _BARE_B.sub(" billion", _spaced(found[1].group(1)))  # type: ignore[union-attr]
        right = found[2].group(1)
        judged = _judge(number, text, f"{item} × {many}", _spaced(right), "|", quote=right)
        if judged is not None and judged.wrong:
            out.append(judged)
    return out


_BARE_B = re.compile(r"\s*\bB$")
# A cell that is one size and nothing else: "300 B", "**40 bytes**".
_SIZE_CELL = re.compile(r"^[*_\s~≈]*(\d[\d,.]*)\s*([kmgtp]i?b|bytes?|b)[*_\s]*$", re.I)


def _sizes_from_column(numbered: list[tuple[int, str]]) -> list[EstimateCheck]:
    """A product in a row that uses the row's size without its unit: "| Post metadata | 300
    B | 4 B × 300 = 1.2 GB |" under a "Size per item" column. The bare 300 is that size in
    bytes (4 billion posts of 300 bytes is 1.2 TB); read bare, the line is not judged. Only
    a statement that is not judged as written is read again, with the unit put back."""
    out: list[EstimateCheck] = []
    size_at: int | None = None
    for index, (number, text) in enumerate(numbered):
        if not text.lstrip().startswith("|"):
            size_at = None
            continue
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
        following = numbered[index + 1][1] if index + 1 < len(numbered) else ""
        if _SEPARATOR_ROW.match(following):
            sizes = [
                i
                for i, h in enumerate(cells)
                if _SIZE_COLUMN.search(h) and not _TOTAL_COLUMN.search(h)
            ]
            size_at = sizes[0] if len(sizes) == 1 else None
            continue
        if size_at is None or _SEPARATOR_ROW.match(text) or len(cells) <= size_at:
            continue
        size = _SIZE_CELL.match(cells[size_at])
        if size is None:
            continue
        bare = re.compile(rf"(?<![\d.,])({re.escape(size.group(1))})(?![\d.,]|\s*[A-Za-z%])")
        unit = "bytes" if size.group(2).lower() in ("b", "byte", "bytes") else size.group(2)
        for at, cell in enumerate(cells):
            if at == size_at or not _MARKER.search(cell) or bare.search(cell) is None:
                continue
            judged = {(c.left, c.right) for c in check_line(number, cell)}
            for check in check_line(number, bare.sub(rf"\1 {unit}", cell, count=1)):
                original = check.left.replace(f"{size.group(1)} {unit}", size.group(1), 1)
                if (original, check.right) in judged or not check.wrong:
                    continue
                quote = _quote(text, original, check.right)
                if quote is not None:
                    out.append(replace(check, left=original, quote=quote))
    return out


def _spaced(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _sizing_columns(header: list[str]) -> tuple[int, int, int] | None:
    """(size, count, total) column positions of a sizing table's header, if it has them."""
    totals = [i for i, h in enumerate(header) if _TOTAL_COLUMN.search(h)]
    sizes = [i for i, h in enumerate(header) if _SIZE_COLUMN.search(h) and i not in totals]
    counts = [i for i, h in enumerate(header) if _COUNT_COLUMN.search(h) and i not in totals]
    if len(totals) == 1 and len(sizes) == 1 and len(counts) == 1 and sizes != counts:
        return sizes[0], counts[0], totals[0]
    return None


# A bitrate carried to a size per item by an arrow, with no duration beside it: "Assume
# 2 Mbps average bitrate -> 75 MB per view" (the view's length is in the sentence before).
_BITRATE_TO_SIZE = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?P<rp>[kmg])bps\b[^→=\n]{0,40}?(?:→|->|=>|=|,?\s*(?:that(?:'s"
    r"|\s+is)|which\s+is|gives|comes\s+to|means)\b)\s*(?:about|roughly|around|~)?\s*"
    r"(?P<size>\d+(?:\.\d+)?)\s*(?P<sp>[kmgt])b\b\s*(?P<per>(?:per|/|a|each)\s*[a-z]+)",
    re.I,
)
_DURATION = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)[\s-]*(?P<u>seconds?|secs?|s|minutes?|mins?|min|hours?|hrs?|h)\b",
    re.I,
)
_SECONDS = {"s": 1, "sec": 1, "m": 60, "h": 3600}
_PREFIX = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12}


def _bitrate_to_size(numbered: list[tuple[int, str]]) -> list[EstimateCheck]:
    """A bitrate turned into a size per item over a duration the text states just before:
    "each view averages 300 seconds. Assume 2 Mbps -> 75 MB per view" is 2 Mbps x 300 s / 8.
    Judged only as a bits-for-bytes slip (a result 8x the size the duration gives), and only
    when no duration stated there gives the result: which duration was meant is otherwise
    a guess."""
    out: list[EstimateCheck] = []
    for index, (number, text) in enumerate(numbered):
        if "bps" not in text.lower():
            continue
        for found in _BITRATE_TO_SIZE.finditer(text):
            if _DURATION.search(text[found.start() : found.end()]):
                continue  # "2 Mbps x 300 s = 75 MB": the statement checks itself
            bits = float(found.group("rate")) * _PREFIX[found.group("rp").lower()]
            size = float(found.group("size")) * _PREFIX[found.group("sp").lower()]
            before = [text[: found.start()]] + [t for _, t in numbered[max(0, index - 2) : index]]
            seconds = [
                float(d.group("n")) * _SECONDS[_unit_key(d.group("u"))]
                for chunk in before
                for d in _DURATION.finditer(chunk)
            ]
            ratios = [size / (bits * t / 8) for t in seconds if t > 0]
            if not ratios or any(0.9 <= r <= 1.1 for r in ratios):
                continue
            slips = [i for i, r in enumerate(ratios) if 7.6 <= r <= 8.4]
            if not slips:
                continue
            duration = seconds[slips[0]]
            quote = found.group(0)[found.group(0).index(found.group("size")) :].strip()
            right = human_number(bits * duration / 8 / _PREFIX[found.group("sp").lower()])
            unit = found.group("sp").upper() + "B"
            left = f"{found.group('rate')} {found.group('rp')}bps for {human_number(duration)} s"
            out.append(
                EstimateCheck(
                    number,
                    quote,
                    left,
                    quote,
                    Q(bits * duration / 8, 0, 1),
                    Q(size, 0, 1),
                    8.0,
                    "unit-error",
                    f"{left} is about {right} {unit} {found.group('per')}, not {quote}: bits and"
                    " bytes were mixed up (8 bits in a byte)",
                )
            )
    return out


def _unit_key(unit: str) -> str:
    lowered = unit.lower()
    if lowered.startswith("h"):
        return "h"
    if lowered.startswith("m"):
        return "m"
    return "s"


# A replication factor carried to a total by an arrow: "Replication: 3× (Raft) → 4.5 PB
# physical", "x3 replicas = 30 TB". The factor is the only input on its left.
_COPIES_STEP = re.compile(
    r"(?:\b(?P<a>[2-9])\s*[×x]|[×x]\s*(?P<b>[2-9])\b)\s*(?:\([^()]{0,30}\)\s*)?"
    r"(?:replicas?|replication|copies)?\s*(?:→|->|=>|=)\s*~?\s*(?=\d)"
    # "With 3x replication across regions, that is 547 PB of raw disk a year."
    r"|\b(?P<c>[2-9])\s*[×x]?\s*(?:replicas?|replication|copies)\b[^.;\d]{0,40}?"
    r"(?:that(?:'s|\s+is)|which\s+is|gives|means|comes\s+to|→|->|=)\s*(?:about|roughly|~)?\s*"
    r"(?=\d)",
    re.I,
)
_COPIES_WORDS = re.compile(r"replica|replicat|copies|\bRF\b|\braft\b|\bpaxos\b", re.I)


def _factor_not_applied(numbered: list[tuple[int, str]]) -> list[EstimateCheck]:
    """A total said to hold N copies that equals the one-copy total stated just before it:
    "Total Metadata: 1 trillion x 1.5 KB = 1.5 PB logical" then "Replication: 3x (Raft) ->
    1.5 PB physical". Three copies of 1.5 PB take 4.5 PB; the factor stated on the line was
    not applied, and everything sized from the physical figure is a third too small."""
    out: list[EstimateCheck] = []
    for index, (number, text) in enumerate(numbered):
        if not _DIGIT.search(text) or _AMOUNT.search(text) is None:
            continue  # no amount of data on the line to have left the factor out of
        step = SCREEN.search(_COPIES_STEP, text) if _COPIES_WORDS.search(text) else None
        if step is None:
            continue
        factor = int(step.group("a") or step.group("b") or step.group("c"))
        stated = next(
            (q for q in find_quantities(text[step.end() :]) if q.dims[1] == 1),
            None,
        )
        if stated is None:
            continue
        # the one-copy figure: on this line before the step, or on the lines just above it
        # A line above that already multiplies by the factor ("100 TB x 3 = 300 TB") or
        # speaks of copies holds the replicated total, not one copy.
        applied = re.compile(rf"[×x*]\s*{factor}\b|\b{factor}\s*[×x]|replica|cop(?:y|ies)", re.I)
        before = [text[: step.start()]] + [
            t for _, t in reversed(numbered[max(0, index - 3) : index]) if not applied.search(t)
        ]
        copy = next(
            (
                q
                for chunk in before
                for q in reversed(find_quantities(chunk))
                if q.dims[1] == 1 and _same(_bytes_of(q.text), _bytes_of(stated.text))
            ),
            None,
        )
        if copy is None:
            continue
        unit = re.search(r"\b([KMGTPE]B)\b", stated.text, re.I)
        if unit is None:
            continue
        prefix = unit.group(1).upper()
        amount = factor * (_bytes_of(stated.text) or 0.0)
        while amount / _BYTES[prefix] >= 1000 and prefix != "EB":  # 1.64 EB, not 1.64K PB
            prefix = _LARGER[prefix]
        total = human_number(amount / _BYTES[prefix])
        said = stated.text.strip()
        out.append(
            EstimateCheck(
                number,
                said,
                f"{factor}x copies of {copy.text.strip()}",
                said,
                Q(factor * stated.value.value, 0, 1),
                stated.value,
                1 / factor,
                "arithmetic-error",
                f"{factor} copies of {copy.text.strip()} take about {total} {prefix},"
                f" not {said}: the replication factor"
                f" of {factor} on this line is not applied",
            )
        )
    return out


_BYTES = {"KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15, "EB": 1e18}
_LARGER = {"KB": "MB", "MB": "GB", "GB": "TB", "TB": "PB", "PB": "EB"}


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and a > 0 and abs(a - b) <= 0.02 * max(a, b)


_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([KMGTPE])B\b", re.I)


def _bytes_of(text: str) -> float | None:
    """The amount of data a quantity's text names, whatever period it is per: "547 PB/year"
    and "547 PB of raw disk a year" hold the same 547 PB."""
    found = _AMOUNT.search(text)
    if found is None:
        return None
    return float(found.group(1).replace(",", "")) * _BYTES[found.group(2).upper() + "B"]


_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,2}[.)])\s+(.*\S)\s*$")


def _check_nested(numbered: list[tuple[int, str]]) -> list[EstimateCheck]:
    """A result stated first, its calculation in the one item nested under it:

        * 12.7 GB of new paste content per month
            * 1.27 KB per paste * 10 million pastes per month

    The one child holding operators holds no marker, and the parent starts with a quantity and has
    no marker of its own (a parent with one is judged as a line); the check cites the
    parent, where the result is written."""
    out: list[EstimateCheck] = []
    for index, (number, text) in enumerate(numbered[:-1]):
        parent = _ITEM.match(text)
        if parent is None or not _DIGIT.search(text):
            continue
        body = parent[2].strip("*_ ")
        if _MARKER.search(body):
            continue
        calculations = [
            item
            for item in _children(numbered, index, len(parent[1]))
            if not _MARKER.search(item) and _has_operator(tokenize(item))
        ]
        if len(calculations) != 1:
            continue  # none, or several: which one derives the parent is not said
        calculation = calculations[0]
        right = _right_side(body)
        if right is None or right not in text:
            continue
        judged = _judge(number, f"{calculation} = {right}", calculation, right, "=")
        if judged is not None:
            out.append(replace(judged, quote=right))
    return out


# A line that continues the expression of the line above it: "               = 1 M × 1 TB".
_CONTINUES_ABOVE = re.compile(r"^\s*(?:=|≈|~=)(?!=)\s*")


def _continued_steps(numbered: list[tuple[int, str]]) -> list[EstimateCheck]:
    """The first step of a derivation written one '=' per line, as in a fenced block:

        RawData = customers × bucket size
                = 1 M × 1 TB
                = 1 PB

    Read line by line, no step has both sides: the continuing line's left is the line above
    (its last expression). Later steps on the continuing line are judged as a line already;
    the check cites the result on the continuing line."""
    out: list[EstimateCheck] = []
    for (before, above), (number, text) in pairwise(numbered):
        step = _CONTINUES_ABOVE.match(text)
        if step is None or number != before + 1 or not _DIGIT.search(above):
            continue
        left = _left_side(above.rstrip())
        if left is None:
            continue
        left = _CONTINUES_ABOVE.sub("", left).strip()
        if not left or not _DIGIT.search(left):
            continue
        joined = f"{left} = {text[step.end() :].rstrip()}"
        for check in check_line(number, joined):
            if check.left != left or check.right not in text:
                continue
            out.append(replace(check, quote=check.right))
    return out


def _children(numbered: list[tuple[int, str]], index: int, indent: int) -> list[str]:
    """The items nested right under the item at `index` (deeper, on the following lines)."""
    found: list[str] = []
    for (before, _), (number, text) in pairwise(numbered[index:]):
        item = _ITEM.match(text)
        if item is None or number != before + 1 or len(item[1]) <= indent:
            break
        found.append(item[2].strip("`*_ "))
    return found


def check_table_row(number: int, text: str) -> list[EstimateCheck]:
    """A row of an estimates table: '| Writes/s | 100M / 2.6M s | 40 |' checks the
    calculation cell against the cell after it; a cell may also hold 'a x b = c'."""
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    found: list[EstimateCheck] = []
    for cell in cells:
        if _MARKER.search(cell) and any(ch.isdigit() for ch in cell):
            found.extend(check_line(number, cell) if cell in text else [])
    for calculation, result in pairwise(cells):
        if _MARKER.search(calculation) or not _may_operate(calculation):
            continue
        right = _right_side(result)
        if right is None:
            continue
        judged = _judge(number, text, calculation, right, "|")
        if judged is not None:
            found.append(judged)
    return found


def _may_operate(text: str) -> bool:
    """`_has_operator` of the text's tokens, which needs a number or a "(" after the
    operator: a cell with neither (a label, "Yes", "Push") is not tokenized."""
    return ("(" in text or _DIGIT.search(text) is not None) and _has_operator(tokenize(text))


def _has_operator(tokens: Sequence[Token]) -> bool:
    """A '*' or '/' between numbers: '100M / 2.6M s', '40 x 100'."""
    for index, token in enumerate(tokens[:-1]):
        if token.kind == "op" and token.op in ("*", "/") and index > 0:
            following = tokens[index + 1]
            if tokens[index - 1].end == token.start and following.start > token.end:
                continue  # "1.5x (4+2)": a multiplier written on its number, not a calculation
            if following.kind == "num" or (following.kind == "op" and following.op == "("):
                return True
    return False


_REPLICATION = re.compile(
    r"(?=[\dr])(?:"  # first characters (see language/lexicon.py)
    r"replication factor(?: of)?\s*(\d)|\bRF\s*=?\s*(\d)|(\d)\s*(?:x\s*)?(?:replicas|copies)\b"
    r"|replicated\s+(\d)\s*(?:x|times))",
    re.I,
)
# Read in every line of a design for the factor it states: the literal screen skips the
# lines holding none of "replication factor", "rf", "replicas", "copies" or "replicated".
SCREEN.add(_REPLICATION)
# A label that says the figure includes every copy; "total" alone does not.
_REPLICATED = re.compile(
    r"\b(with replication|replicated|including replicas|after replication|with replicas"
    r"|all copies|all replicas)\b",
    re.I,
)
_ONE_COPY = re.compile(r"\b(raw|logical|one copy|per copy|single copy|before replication)\b", re.I)
_MENTIONS_COPIES = re.compile(r"replica|replicat|copies|\bRF\b", re.I)


def _missing_replication(
    lines: list[tuple[int, str]], checks: list[EstimateCheck]
) -> list[EstimateCheck]:
    """A storage figure labelled as replicated whose arithmetic never multiplies by the
    replication factor the candidate stated (and no later step on the line does)."""
    factors = {
        int(next(g for g in m.groups() if g))
        for _, t in lines
        for m in SCREEN.finditer(_REPLICATION, t)
    }
    factors.discard(1)
    if len(factors) != 1:
        return checks
    factor = factors.pop()
    text_of = dict(lines)
    out = []
    for check in checks:
        line = text_of.get(check.line, "")
        start = line.find(check.quote)
        label = line[:start] if start >= 0 else ""
        later = line[start + len(check.quote) :] if start >= 0 else line
        applied = re.search(rf"(?:x|\*|×)\s*{factor}\b|{factor}\s*(?:x|×)", check.left, re.I)
        if (
            check.verdict == "ok"
            and check.stated.data == 1
            and _REPLICATED.search(label)
            and not _ONE_COPY.search(label)
            and not _MENTIONS_COPIES.search(later)
            and not applied
            and not _REPLICATION.search(check.left)
        ):
            why = f"the replication factor of {factor} stated in the design is not applied"
            check = replace(
                check,
                verdict="unit-error",
                explanation=f"{check.left} is the size of one copy; with {factor} replicas it is"
                f" {_show_like(check.right, 1 / factor)}: {why}",
            )
        out.append(check)
    return out


def _left_side(
    text: str, end: int | None = None, clause_ends: list[int] | None = None
) -> str | None:
    """The expression just before a marker at `end`: the text after the last clause break.
    `clause_ends` holds where each clause break of the whole line ends, found once."""
    if end is None:
        end = len(text)
    if clause_ends is None:
        clause_ends = [m.end() for m in _CLAUSE.finditer(text)]
    while end > 0 and text[end - 1] in " ,;:":  # "5B queries/day, that's roughly 58K QPS"
        end -= 1
    at = bisect_right(clause_ends, end)
    start = clause_ends[at - 1] if at else 0
    while at and text[start - 1] == "(" and _closes_before(text, start, end):
        # "(1B/30) x 0.2 x 1 KB", "50 K RPS (after batching) =": a group or an aside closed
        # before the marker is part of the expression, not the start of a clause
        at -= 1
        start = clause_ends[at - 1] if at else 0
    if at and text[start - 1] == "(" and not text[start:end].strip():
        # "1,000 queries/s (≈ 86M queries/month)": one figure restated in the parenthesis
        # that follows it; the left side is the clause before the "(". After a working
        # ("30x 3-node pods (≈ 3k ops each)") the parenthesis is of something else.
        before = clause_ends[at - 2] if at > 1 else 0
        if at > 2 and not text[before : start - 1].strip() and text[before - 2 : before] == "**":
            before = clause_ends[at - 3]  # "**Scale to 3 nodes** (≈ ...)": the bold's text
        figure = text[before : start - 1]
        close = text.find(")", start)
        inside = text[start : close if close >= 0 else len(text)]
        if not _WORKED.search(figure) and not _EACH.search(inside):
            at -= 1
            end = start - 1
            while end > 0 and text[end - 1] == " ":
                end -= 1
            start = before
    left = _without_asides(text[start:end]).strip().strip("`*_")
    if at > 1 and not left and text[max(0, start - 2) : start] == "**":
        # "**2 M uploads/day** → ~75 QPS": the closing "**" ends a bold figure, not a
        # clause; the figure is the left side (a bold label ends in ":", its own break).
        start = clause_ends[at - 2]
        left = text[start:end].strip().strip("`*_")
    if at and left and _POINTS_BACK.match(left):
        # "a 40 Gbps NIC, so it can push 40 GB/s": "so it" points back to the clause before
        start = clause_ends[at - 2] if at > 1 else 0
        left = text[start:end].strip().strip("`*_")
    if not any(ch.isdigit() for ch in left):
        return None
    if _new_subject(left):
        return None
    return left


# A sentence's end inside a left side: a full stop after a word, not a decimal point.
_SENTENCE_STOP = re.compile(r"(?<=[^\d\s])\.(?:\s+|$)")


def _last_sentence(left: str) -> str | None:
    """The figure a sentence-initial "That's", "Which is" or "So" restates: the end of the
    sentence before it. Spoken estimates run on across sentences ("... so 20 billion
    requests a day. That's roughly 23K requests a second."), and a slip said so was never
    judged: the full stop kept the left side from reading as a quantity."""
    stops = list(_SENTENCE_STOP.finditer(left))
    if not stops or stops[-1].end() != len(left):
        return left
    start = stops[-2].end() if len(stops) > 1 else 0
    sentence = left[start : stops[-1].start()].strip()
    return sentence if any(ch.isdigit() for ch in sentence) else None


def _new_subject(left: str) -> bool:
    """Whether a left side ends on a new subject with no figure of its own: in "a frame is
    33 MB and the same buffer is 1.5 GB", "the same buffer" is what is 1.5 GB; read as
    "33 MB = 1.5 GB" it was called 45x off."""
    ends = [found.end() for found in _NEW_SUBJECT.finditer(left)]
    return bool(ends) and not any(ch.isdigit() for ch in left[ends[-1] :])


# "and" opening a new subject with its article: what follows it is what the marker is said of.
_NEW_SUBJECT = re.compile(
    r"\b(?:and|but|while|whereas)\s+(?:the|a|an|its|their|our|this|that)\b", re.I
)


# A figure of one of many ("(≈ 400k writes/s each)", "per shard") restates no total.
_EACH = re.compile(r"\beach\b|\bper\s+(?!s\b|sec|second|min|hour|h\b|day|week|month|year)\w", re.I)
# An operator before a number: the text works something out rather than stating a figure.
_WORKED = re.compile(r"(?<![A-Za-z])[x×*/÷+]\s*~?\$?\d")


def _closes_before(text: str, start: int, end: int) -> bool:
    """Whether the "(" just before `start` is closed before `end`."""
    depth = 1
    for index in range(start, end):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return True
    return False


# A parenthesis that holds no figure to compute with: "(after batching)", "(float32)".
_ASIDE = re.compile(r"\s*\((?![\s~≈$]*\d)[^()]*\)")


def _without_asides(left: str) -> str:
    """The expression without the words set in parentheses beside its figures."""
    return _ASIDE.sub("", left) if "(" in left else left


# A clause that only points back at the one before it: "so it", "which", "so each one".
_POINTS_BACK = re.compile(
    r"^(?:so|and|which|that)?\s*(?:it|they|this|these|each(?: one| node| server)?|one)?\s*$",
    re.I,
)


def _has_money(tokens: Sequence[Token]) -> bool:
    return any(token.money for token in tokens)


def _money_judgeable(left: Sequence[Token], right: Sequence[Token]) -> bool:
    """Whether a sum of money can be redone from what is written: an amount on both sides,
    and each price on the left says what it is per ("$0.02/GB", "$1.50 per hour"). A bare
    price ("1.2k tokens x $0.003", priced per 1k tokens) or a total with no price beside
    it ("32 CPU-hours x 30 | $14 400") leaves out a factor a reader cannot supply. A price
    per a count says what it is per too ("$0.40 per million requests", "$3 per 1K")."""
    if not (_has_money(left) and _has_money(right)):
        return False
    for index, token in enumerate(left):
        if not token.money:
            continue
        after = left[index + 1 : index + 3]
        if len(after) < 2 or after[0].op != "/":
            return False
        if not (after[1].kind == "unit" or (after[1].kind == "num" and not after[1].money)):
            return False
    return True


def _right_side(after: str) -> str | None:
    body = _HEDGE.sub("", after.strip().strip("`*_"), count=1)
    end = leading_quantity(body)
    if end is None:
        return None
    return body[:end].strip()


_ARROWS = ("->", "→", "=>")


def _judge(
    number: int,
    line: str,
    left: str,
    right: str,
    marker: str,
    chained: bool = False,
    quote: str | None = None,
    bound: dict[str, Token] | None = None,
) -> EstimateCheck | None:
    """Judge `left marker right`. A token with two readings ("500 B": bytes or a billion)
    is judged under both: any reading that makes the statement right clears it, and a
    reading that cannot be judged leaves the statement unjudged. Names bound earlier on
    the line (`bound`) are read as their values."""
    left_tokens, right_tokens = tokenize(left), tokenize(right)
    if bound:
        left_tokens = _substituted(left_tokens, bound)
    money = _has_money(left_tokens) or _has_money(right_tokens)
    if money and not _money_judgeable(left_tokens, right_tokens):
        return None
    readings = _readings(left, right, left_tokens, right_tokens)
    if not readings:
        return None
    outcomes = [_compare(left, right, marker, lt, rt) for lt, rt in readings]
    chosen = next((o for o in outcomes if o is not None and o[3] == "ok"), None)
    if chosen is None:
        if any(o is None for o in outcomes) or len({o[3] for o in outcomes if o}) != 1:
            return None
        chosen = outcomes[0]
    assert chosen is not None
    computed, stated, result, verdict, why, ratio = chosen
    # `quote`: where the product is not written out (a sizing table's columns), the total
    quote = quote or _quote(line, left, right)
    if quote is None:
        return None
    shown = _show_like(right, ratio)  # the right answer, in the unit the candidate used
    if computed.kind == (0, 1) and "e-" in shown:
        shown = _size_like(right, computed.value)  # "5e-05 GB per user" reads "50 KB per user"
    explanation = (
        f"{left} is about {shown}, not {right}" + (f": {why}" if why else "")
        if verdict != "ok"
        else f"{left} is about {shown}"
    )
    del chained
    return EstimateCheck(
        number, quote, left, right, computed, stated, ratio, verdict, explanation, result
    )


# Past this many ambiguous "B"s, only the all-bytes and all-billion readings are tried.
_MOST_AMBIGUOUS = 3


def _readings(
    left: str, right: str, left_tokens: list[Token], right_tokens: list[Token]
) -> list[tuple[list[Token], list[Token]]]:
    """The readings of the statement's ambiguous "B"s (bytes or a billion, each on its own:
    "800 B x 40 B = 32 GB" is 800 billion rows of 40 bytes) that sizes allow. A reading
    whose left side is a size to another power than its result is not the candidate's and
    is dropped: "4 B x 100 KB = 400 GB" is not 4 bytes times 100 KB (bytes squared), and
    "10 k follows x 5 B = 5 GB" is not a count of 50 trillion. Such readings used to leave
    the statement unjudged. A count where the result is a size stays possible when a bare
    number on the left may carry the bytes ("4 B x 300 = 1.2 GB", 300 bytes a post)."""
    tokens = left_tokens + right_tokens
    ambiguous = [i for i, t in enumerate(tokens) if t.ambiguous]
    if not ambiguous:
        return [(left_tokens, right_tokens)]
    if len(ambiguous) > _MOST_AMBIGUOUS:
        choices: list[tuple[int, ...]] = [(), tuple(ambiguous)]
    else:
        choices = [c for n in range(len(ambiguous) + 1) for c in combinations(ambiguous, n)]
    bare = _bare_number(left_tokens)
    out = []
    for chosen in choices:
        read = [_as_billion(t) if i in chosen else t for i, t in enumerate(tokens)]
        reading = (read[: len(left_tokens)], read[len(left_tokens) :])
        if _possible(left, right, *reading, bare=bare):
            out.append(reading)
    return out


def _possible(
    left: str, right: str, left_tokens: list[Token], right_tokens: list[Token], *, bare: bool
) -> bool:
    try:
        lhs = read_quantity(left, tokens=left_tokens).value
        rhs = read_quantity(right, tokens=right_tokens).value
    except UnreadableEstimate:
        return True  # unread here, and so unjudged by the comparison too
    return lhs.data == rhs.data or (bare and lhs.data < rhs.data)


def _bare_number(tokens: list[Token]) -> bool:
    """A plain number that says nothing of what it counts ("4 B x 300 = 1.2 GB", where the
    300 is bytes by the column's header): it may carry the size the result is in, so a
    billion reading of the ambiguous "B" beside it stays possible. A count written with its
    magnitude ("100 M", "30B") counts things, and a fraction ("0.2 x") is a share: neither
    is a size in bytes, so "100 M x 700 B = 70 GB" is judged as 700 bytes each (read as a
    possible size, they left the statement unjudged whatever its result)."""
    for index, token in enumerate(tokens):
        if token.kind != "num" or token.ambiguous or token.unit is not None:
            continue
        if token.scaled or token.percent or token.value < 1:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None or following.kind not in ("word", "unit"):
            return True
    return False


def _as_billion(token: Token) -> Token:
    if token.kind == "num" and token.ambiguous:
        return replace(token, value=token.value * 1e9, unit=None, scaled=True, ambiguous=False)
    return token


_Outcome = tuple[Q, Q, Q, str, str, float]


def _compare(
    left: str, right: str, marker: str, left_tokens: list[Token], right_tokens: list[Token]
) -> _Outcome | None:
    """(computed, stated, result as written, verdict, why, ratio), or None when the
    statement cannot be judged with confidence."""
    left_tokens = _without_bit_factor(left_tokens, right_tokens)
    try:
        lhs = read_quantity(left, tokens=left_tokens)
        rhs = read_quantity(right, tokens=right_tokens)
    except UnreadableEstimate:
        return None
    if rhs.operators > 1:
        return None
    if _percent(right_tokens) and not _percent(left_tokens) and not _divides(left_tokens):
        return None  # "6+3 EC -> 50% overhead": a share needs a division or a share to start
    converts = lhs.value.kind != (0, 0) and not _same_scale(lhs, rhs)
    if lhs.operators == 0 and not converts:
        return None  # a restatement ("2M frames/s, 6M/s at peak") proves nothing
    if lhs.operators == 0 and set(lhs.per) - set(rhs.per):
        return None  # "10K writes/s per AZ -> 40K/s": per AZ on one side, a total on the other
    if lhs.operators == 0 and set(rhs.per) - set(lhs.per) and not _same_figures(lhs, rhs):
        # The reverse, "the cache holds 20 GB, that's 2 KB per user": a share of a total
        # needs the count it is shared by, said elsewhere (it was called 10Mx too low).
        # The same figure in other units ("10 Gbps = 10 GB/s per server") restates it.
        return None
    stated, computed = rhs.value, lhs.value
    if stated.value == 0 or computed.value == 0:
        return None
    by_hand = _converts_by_hand(left_tokens)
    if by_hand and _has_calendar_unit(left_tokens):
        # "36M/hour / 60 = 600K/s": drop the hand conversion and let the units convert; a
        # wrong divisor (60 for an hour) then shows up as the error it is.
        try:
            undone: Q | None = read_quantity(left, tokens=_undo_by_hand(left_tokens)).value
        except UnreadableEstimate:
            undone = None
        if undone is not None and undone.kind == stated.kind and undone.value != 0:
            computed, by_hand = undone, False
    if stated.kind != computed.kind or by_hand:
        if lhs.operators == 0:
            return None  # "9 GB/day = 33 TB": a rate restated as a total needs its duration
        if computed.time != 0 and _has_money(left_tokens):
            return None  # "175 workers x $1/hr" beside "$126K": a month of hours understood
        try:
            computed = read_quantity(left, tokens=left_tokens, ignore_time=True).value
            stated = read_quantity(right, tokens=right_tokens, ignore_time=True).value
        except UnreadableEstimate:
            return None
        if stated.kind != computed.kind or computed.value == 0:
            return None
    ratio = stated.value / computed.value
    verdict, why = classify(ratio, left_tokens + right_tokens)
    if verdict == "ok" and _exact_sum_or_product_off(
        marker, right, left_tokens, right_tokens, ratio
    ):
        verdict, why = "arithmetic-error", _off_by(ratio)
    arrow = marker.strip() in _ARROWS
    if lhs.operators == 0 and arrow and verdict == "arithmetic-error" and computed.time == 0:
        return None  # "~500 bytes -> 9 GB": an arrow may mean "leads to", not "equals"
    return computed, stated, rhs.value, verdict, why, ratio


# The most a binary size prefix moves a figure from its decimal reading (2^50 / 10^15 for
# PB): "50 B keys x 1 KB = 51.2 TB" counts a KB as 1,024 bytes, no slip of the arithmetic.
_BINARY_PREFIX_GAP = 2**50 / 10**15
_NUMBER_WRITTEN = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _exact_sum_or_product_off(
    marker: str, right: str, left: list[Token], right_tokens: list[Token], ratio: float
) -> bool:
    """Whether a sum or product of figures, said to equal ("=") a result written without a
    hedge, cannot be its own inputs worked out: "300 K writes/s x 3 = 600 K" is 900 K.

    `classify` lets a result be up to 2x off, since a rate per day divided by 86,400 is
    rounded freely ("100M/day = 1K/s"); a product or sum of the candidate's own figures
    has no period to round, so it must match the result as precisely as the result is
    written: less than one unit of its last significant digit away ("10.8 TB" written
    "10 TB" or "42K" written "40K" are rounded, "600 K" for 900 K is not), once a binary
    prefix is allowed for."""
    if marker.strip() != "=" or _HEDGE.match(right):
        return False  # "≈", "->", "about ...": the candidate says the figure is rounded
    ops = [
        (t.op, left[i + 1] if i + 1 < len(left) else None)
        for i, t in enumerate(left)
        if t.kind == "op"
    ]
    if not any(op in ("*", "+", "-") for op, _ in ops):
        return False
    if any(op not in ("*", "+", "-") and not _unit_slash(op, after) for op, after in ops):
        return False  # a division or a rate "at" a speed converts; `classify` judges those
    if _periods(left) != _periods(right_tokens):
        return False  # "500M/day x 2 = 10K/s" divides by 86,400 rounded to 10^5
    if any(t.kind == "word" and t.text.lower() in ("at", "per", "over") for t in left):
        return False
    if any(t.kind == "num" and (t.power or t.percent or t.ambiguous) for t in left + right_tokens):
        return False
    numbers = [t for t in right_tokens if t.kind == "num"]
    if len(numbers) != 1:
        return False
    if 1 / _BINARY_PREFIX_GAP <= ratio <= _BINARY_PREFIX_GAP:
        return False
    result = numbers[0]
    written = _NUMBER_WRITTEN.search(result.text)
    if written is None:
        return False
    digits = written.group(0).replace(",", "")
    mantissa = float(digits)
    if mantissa == 0:
        return False
    if written.group(1):
        place = 10.0 ** -len(written.group(1))
    else:  # trailing zeros of a whole number are not significant: "600" is one digit
        whole = digits.rstrip("0")
        place = 10.0 ** (len(digits) - len(whole)) if whole else 1.0
    unit = place * result.value / mantissa  # one unit of the last digit, scale applied
    correct = result.value / ratio  # the computed figure in the result's own scale
    # Rounding or cutting off digits moves a figure by less than one unit of its last digit.
    return abs(result.value - correct) >= unit * (1 - 1e-9)


def _unit_slash(op: str, after: Token | None) -> bool:
    """A "/" that writes a unit ("K/s", "GB/day"), not a division of figures."""
    return op == "/" and after is not None and after.kind == "unit"


def _periods(tokens: Sequence[Token]) -> set[tuple[int, float]]:
    """The time units a side is written in ('/s', 'per day'), as (power, seconds)."""
    return {
        (t.unit.q.time, t.unit.q.value)
        for t in tokens
        if t.kind == "unit" and t.unit is not None and t.unit.q.time != 0
    }


def _off_by(ratio: float) -> str:
    off = ratio if ratio >= 1 else 1 / ratio
    return f"{human_number(off)}x too {'high' if ratio > 1 else 'low'}"


def _same_figures(lhs: Reading, rhs: Reading) -> bool:
    """Both sides write the same numbers, whatever their units: a restatement."""
    return [t.value for t in lhs.tokens if t.kind == "num"] == [
        t.value for t in rhs.tokens if t.kind == "num"
    ]


def _percent(tokens: Sequence[Token]) -> bool:
    return any(t.kind == "num" and t.percent for t in tokens)


def _divides(tokens: Sequence[Token]) -> bool:
    return any(t.kind == "op" and t.op in ("/", "over") for t in tokens)


def _same_scale(lhs: Reading, rhs: Reading) -> bool:
    """Both sides written in the same units ('/s' and 'frames/s' alike)."""
    a, b = lhs.scale, rhs.scale
    return a.kind == b.kind and math.isclose(a.value, b.value, rel_tol=1e-9)


def _is_bits(token: Token) -> bool:
    return token.unit is not None and token.unit.bits


# Numbers that stand for a period when written bare: seconds in a day or an hour, days in
# a month or a year, seconds in a month or a year.
_PERIOD_NUMBERS = (86_400, 3_600, 1_440, 30, 30.44, 365, 2_592_000, 2_600_000, 2_629_800,
                   31_536_000, 31_557_600)  # fmt: skip


def _is_period(token: Token) -> bool:
    """A time unit ('per day', '/s', 'months') or a bare period number ('/ 86,400')."""
    if token.unit is not None:
        return token.unit.q.time != 0
    return token.kind == "num" and any(abs(token.value - n) <= 0.02 * n for n in _PERIOD_NUMBERS)


def _is_bytes(token: Token) -> bool:
    return token.unit is not None and token.unit.q.data != 0 and not token.unit.bits


def _without_bit_factor(left: list[Token], right: list[Token]) -> list[Token]:
    """'1.15 GB/s x 8 = 9.2 Gbps': the 8 converts bytes to bits, which units already do."""
    mixed = (any(map(_is_bytes, left)) and any(map(_is_bits, right))) or (
        any(map(_is_bits, left)) and any(map(_is_bytes, right))
    )
    if not mixed:
        return left
    out: list[Token] = []
    index = 0
    while index < len(left):
        token = left[index]
        following = left[index + 1] if index + 1 < len(left) else None
        if (
            token.kind == "op"
            and token.op in ("*", "/")
            and following is not None
            and following.kind == "num"
            and following.value == 8
            and not following.scaled
        ):
            index += 2
            # "x 8 bits per byte", "x 8 bits"
            while index < len(left) and (
                _is_bits(left[index])
                or (left[index].kind == "op" and left[index].op == "/" and index + 1 < len(left)
                    and _is_bytes(left[index + 1]))
            ):  # fmt: skip
                index += 2 if left[index].kind == "op" else 1
            continue
        out.append(token)
        index += 1
    return out


_SECONDS_PER = (
    86_400, 100_000, 3_600, 60, 2_500_000, 2_592_000, 2_600_000, 2_629_800, 31_536_000, 31_557_600
)  # fmt: skip
_CALENDAR_FACTORS = (365, 366, 52, 12, 30, 31, 24, 60, 3_600, 86_400)


def _has_calendar_unit(tokens: Sequence[Token]) -> bool:
    """A per-day/month/year/hour/minute unit: 'per day', '/month', 'a year', 'daily'."""
    return any(
        t.kind == "unit" and t.unit is not None and t.unit.q.time != 0
        and _CALENDAR_UNIT.search(t.unit.pint) is not None
        for t in tokens
    )  # fmt: skip


_CALENDAR_UNIT = re.compile(r"minute|hour|day|week|month|year")


def _per_time(tokens: Sequence[Token]) -> bool:
    """'/day', 'per second', 'daily': the candidate wrote a rate."""
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else token
        unit = token.unit
        if token.kind != "unit" or unit is None or unit.q.time == 0:
            continue
        if (before.kind == "op" and before.op == "/") or unit.q.time < 0:
            return True
    return False


def _hand_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges of time conversions done by hand: '/ 86,400 s', 'x 365', '/ 2.6M s/month'."""
    spans: list[tuple[int, int]] = []
    rate = _per_time(tokens)
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.kind != "op" or following.kind != "num" or following.power:
            continue
        value = following.value
        end = index + 2
        if token.op in ("/", "over") and any(abs(value / s - 1) < 0.05 for s in _SECONDS_PER):
            while end < len(tokens) and tokens[end].kind in ("unit", "word"):
                end += 1  # "/ 86,400 s", "/ 2.5M seconds"
            slash = end + 1 < len(tokens) and tokens[end].kind == "op" and tokens[end].op == "/"
            if slash and tokens[end + 1].kind == "unit":
                end += 2  # "seconds / month"
            spans.append((index, end))
        elif token.op == "*" and index and _span_in_smaller_units(tokens[index - 1], value):
            spans.append((index, end))  # "8 hours x 3600": the span in seconds, by hand
        elif token.op == "*" and rate and value in _CALENDAR_FACTORS and not following.scaled:
            unit = tokens[end].unit if end < len(tokens) else None
            if unit is not None and unit.is_time:
                continue  # "800 GB/day x 30 days": the days convert by their unit, not by hand
            if unit is not None and unit.q.data != 0:
                continue  # "30K hours/day at 60 MB/hour": 60 is a size, not minutes an hour
            spans.append((index, end))
    return spans


def _span_in_smaller_units(span: Token, factor: float) -> bool:
    """Whether `factor` after a span ("8 hours", "30 days") is how many seconds, minutes or
    hours each of its units holds ("8 hours x 3600", "30 days x 24"): the candidate wrote
    the span in smaller units by hand, which the unit already does."""
    unit = span.unit
    if span.kind != "unit" or unit is None or unit.q.kind != (1, 0) or factor <= 1:
        return False
    return any(math.isclose(unit.q.value / factor, small) for small in (1, 60, 3_600))


def _converts_by_hand(tokens: Sequence[Token]) -> bool:
    """`2 posts/day / 86400` or `1 TB/day x 365`: the candidate converted time themselves,
    so '/day' is a label, not a unit to apply again."""
    return bool(_hand_spans(tokens))


def _undo_by_hand(tokens: Sequence[Token]) -> list[Token]:
    dropped = {i for a, b in _hand_spans(tokens) for i in range(a, b)}
    return [t for i, t in enumerate(tokens) if i not in dropped]


def classify(ratio: float, tokens: Sequence[Token]) -> tuple[str, str]:
    if 0.5 <= ratio <= 2:
        return "ok", ""
    off = ratio if ratio >= 1 else 1 / ratio
    bits = any(map(_is_bits, tokens))
    sizes = any(map(_is_bytes, tokens))
    periods = any(map(_is_period, tokens))
    for factor, tolerance, needs, why in _SLIPS:
        if (needs == "b" and not bits) or (needs == "size" and not sizes):
            continue
        if needs == "time" and not periods:
            continue
        if abs(math.log(off / factor)) < math.log(tolerance):
            return "unit-error", why
    direction = "high" if ratio > 1 else "low"
    return "arithmetic-error", f"{human_number(off)}x too {direction}"


def _show_like(right: str, ratio: float) -> str:
    """The candidate's own figure divided by the error, with the rest of their wording:
    '1.16M QPS' off by 1,000x reads '1.16K QPS'."""
    tokens = tokenize(right)
    if not tokens or tokens[0].kind != "num":
        return right
    first = tokens[0]
    value, suffix, end = first.value, "", first.end
    if first.percent:
        value, suffix = value * 100, "%"
    if first.unit is not None:  # "300 B": the unit stays in the rest
        end = first.start + len(first.text.rstrip()[:-1].rstrip())
    rest = right[end:]
    if rest[:1].isspace():  # "1\u202fPB": one plain space, not a narrow one and another
        rest = " " + rest.lstrip()
    joiner = "" if rest.startswith(("/", " ")) or not rest else " "
    money = "$" if first.money else ""  # "$100K/month" off by 10x reads "$10K/month"
    return f"{money}{human_number(value / ratio)}{suffix}{joiner}{rest}".strip()


_SIZE_PREFIXES = (("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3))


def _size_like(right: str, size: float) -> str:
    """A size far below the candidate's unit, in a unit that fits, with the rest of their
    wording: '5 GB per user' at 50,000 bytes reads '50 KB per user'."""
    unit, scale = next(((u, v) for u, v in _SIZE_PREFIXES if size >= v), ("bytes", 1.0))
    tokens = tokenize(right)
    rest = ""
    if len(tokens) > 1 and tokens[0].kind == "num" and tokens[1].kind == "unit":
        rest = right[tokens[1].end :]
    return f"{human_number(size / scale)} {unit}{rest}"


def _quote(line: str, left: str, right: str) -> str | None:
    start = line.find(left)
    if start < 0:
        return None
    end = line.find(right, start + len(left))
    if end < 0:
        return None
    return line[start : end + len(right)]


_HEADROOM = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:x|×)\s+(?:the\s+)?(?:headroom|margin|spare|room)\b", re.I
)


def _bare(text: str) -> str:
    """'1 Gbps link has' -> '1 Gbps': the number and its units, without the noun."""
    tokens = tokenize(text)
    end = 0
    for token in tokens:
        if token.kind not in ("num", "unit") and not (token.kind == "op" and token.op == "/"):
            break
        end = token.end
    return text[:end].strip() or text


def check_headroom(number: int, text: str) -> list[EstimateCheck]:
    """'52 Mbps, so a 1 Gbps link has 20x headroom': the capacity over the load, checked
    against the stated multiple, with units carried (bits against bytes)."""
    out: list[EstimateCheck] = []
    for match in _HEADROOM.finditer(text):
        before = [q for q in find_quantities(text[: match.start()]) if q.has_unit]
        pair = next(
            (
                (load, capacity)
                for capacity in reversed(before)
                for load in reversed(before)
                if load.start < capacity.start and load.dims == capacity.dims != (0, 0)
            ),
            None,
        )
        if pair is None:
            continue
        load, capacity = pair
        if load.value.value <= 0:
            continue
        computed = capacity.value.value / load.value.value
        stated = float(match.group(1))
        ratio = stated / computed
        tokens = tokenize(load.text) + tokenize(capacity.text)
        verdict, why = classify(ratio, tokens)
        left, right = f"{_bare(capacity.text)} / {_bare(load.text)}", f"{match.group(1)}x"
        shown = f"{human_number(computed)}x"
        explanation = (
            f"{left} is about {shown}, not {right}" + (f": {why}" if why else "")
            if verdict != "ok"
            else f"{left} is about {shown}"
        )
        quote = text[load.start : match.end()]
        out.append(
            EstimateCheck(
                number, quote, left, right, Q(computed), Q(stated), ratio, verdict, explanation,
                Q(stated),
            )
        )  # fmt: skip
    return out

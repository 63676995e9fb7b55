"""One reading of interview shorthand ("40 M x 3 KB", "1.5B/day over 5 years", "1 Gbps in MB/s").

The calculator (over pint), the estimate checker and the reviewer (over `dims.Q`) and the
interviewer all read numbers through this module, so "100 bytes each x 10M" means the same
thing everywhere. `tokenize` turns text into typed tokens; `evaluate` parses them with the
usual precedence and evaluates over any quantity type through an `Algebra`; `find_quantities`
picks the quantities out of a sentence, with what they count.

Readings that need a decision, each made once here:
- a scale written apart from its number ("40 M", "150 K/s", "10 m keys") is a scale, not a
  unit: lower-case "m" is a metre only where the words around it speak of a length;
- "500 B" is bytes, or a billion when a counted noun follows ("1 B users"); where nothing
  settles it the token is marked `ambiguous`, and a checker may try the other reading;
- "Mb", "Gb", "Tb" (capital prefix, small b) are bits, as "Mbps" is; "MB" and "mb" bytes;
- "1536-dim", "5-minute" join a number to its label (a hyphen with no space is not minus),
  and "2-3" is a range, which no evaluator reads as a subtraction;
- thousands may be grouped by commas or spaces ("1,000,000", "1 000 000", "3 600 s"): a
  group is three digits, the first part has no leading zero and no digit runs on after
  the last group ("0 500" and "256 512 1024" stay separate numbers);
- "$" before a number marks an amount of money, a plain number to the checker ("$0.02/GB x
  500 TB" is 10K), and in dollars to the calculator ("$10K"; "in $/month" converts); the
  checker judges a sum of money only where each price says what it is per
  (`check._money_judgeable`);
- "each" and a word after "per" or "/" ("1.27 KB per paste") are labels; "of" multiplies
  only a number ("20% of 3800"); "at" multiplies a number that "each" follows ("1M saves
  at 500 kB each"); "a"/"an" before a time unit means per ("50 MB a day");
- "over" multiplies a rate by a duration ("1 TB/day over 5 years") and otherwise divides;
- a span times a longer span it fits in is so much of each period ("24 h x 30 days" is
  720 h, "8 hours x 22 working days" 176 hours), not time squared;
- "in", "to" or "as" followed only by units converts ("1 Gbps in MB/s").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Protocol

from tradeoff.estimate.dims import Q, UnitError, unit
from tradeoff.immutable import immutable
from tradeoff.text_caches import per_text

__all__ = [
    "Algebra",
    "Evaluation",
    "FoundQuantity",
    "GrammarError",
    "QAlgebra",
    "Token",
    "Unit",
    "evaluate",
    "find_quantities",
    "leading_quantity",
    "states_quantity",
    "tokenize",
    "unit_named",
    "without_time",
]

_DIGIT = re.compile(r"\d")  # faster than any(ch.isdigit() ...) on long lines


class GrammarError(ValueError):
    """Text that is not an expression: the message names the token or the problem."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit word as written, with its pint spelling and its value in base units."""

    word: str
    pint: str  # "kB", "Mbit/second", "1/second"
    q: Q
    counted: bool = False  # "tweets/day": a counted noun per time; the noun is a label
    static: Q | None = None  # the unit without its per-time part: 'TB/day' -> TB

    @property
    def bits(self) -> bool:
        return "bit" in self.pint

    @property
    def is_time(self) -> bool:
        """A duration or a rate with no data ('day', 'QPS', 'h/day'): dropped when counting."""
        return self.q.data == 0 and (self.q.time != 0 or "/" in self.pint)


# Units candidates write, as pint spells them. Sizes use decimal prefixes (interview
# convention: 1 KB = 1,000 bytes); KiB/MiB stay binary.
_UNIT_SPECS: dict[str, str] = {
    "b": "byte", "byte": "byte", "bytes": "byte",
    "kb": "kB", "kbs": "kB", "kilobyte": "kB", "kilobytes": "kB",
    "mb": "MB", "megabyte": "MB", "megabytes": "MB",
    "gb": "GB", "gigabyte": "GB", "gigabytes": "GB",
    "tb": "TB", "terabyte": "TB", "terabytes": "TB",
    "pb": "PB", "petabyte": "PB", "petabytes": "PB",
    "eb": "EB", "exabyte": "EB", "exabytes": "EB",
    "kib": "KiB", "mib": "MiB", "gib": "GiB", "tib": "TiB", "pib": "PiB",
    "bit": "bit", "bits": "bit",
    "kbit": "kbit", "mbit": "Mbit", "gbit": "Gbit", "tbit": "Tbit",
    "kbps": "kbit/second", "mbps": "Mbit/second", "gbps": "Gbit/second", "tbps": "Tbit/second",
    "s": "second", "sec": "second", "secs": "second", "second": "second", "seconds": "second",
    "ms": "millisecond", "msec": "millisecond", "millisecond": "millisecond",
    "milliseconds": "millisecond",
    # A frame budget split over objects lands in microseconds ("0.83 us per object"):
    # unknown, the unit was dropped and a right answer read as 1,000 times too high.
    "usec": "microsecond", "microsecond": "microsecond",
    "microseconds": "microsecond", "ns": "nanosecond", "nsec": "nanosecond",
    "nanosecond": "nanosecond", "nanoseconds": "nanosecond",
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour",
    "d": "day", "day": "day", "days": "day",
    "wk": "week", "week": "week", "weeks": "week",
    "mo": "month", "month": "month", "months": "month",
    "yr": "year", "yrs": "year", "year": "year", "years": "year",
    "qps": "1/second", "rps": "1/second", "tps": "1/second", "wps": "1/second",
    "daily": "1/day", "monthly": "1/month", "yearly": "1/year", "hourly": "1/hour",
}  # fmt: skip
# Case matters for these: a capital prefix with a small b is bits, as in "Mbps"; "us" is
# microseconds only in small letters ("3 US regions" are places).
_BIT_SPECS = {"Mb": "Mbit", "Gb": "Gbit", "Tb": "Tbit", "Pb": "Pbit", "us": "microsecond"}
# "daily active users" is a population, not a rate.
_POPULATION = frozenset("active users user visitors viewers people members customers".split())
_CAPACITY = frozenset(
    """server servers node nodes machine machines instance instances host hosts box boxes
    shard shards worker workers partition partitions core cores broker brokers""".split()
)
_CONVERT = frozenset({"in", "to", "into", "as"})
_PER = frozenset({"a", "an", "each", "every"})  # before a time unit: "50 MB a day"
_LENGTH = re.compile(
    r"\b(?:within|radius|distance|away|apart|accuracy|precision|range|long|wide|tall|high"
    r"|deep|metres|meters|walk|walking)\b",
    re.I,
)
# Words that end a counted noun: "100M users per day" stops the noun at "per".
_STOP = frozenset(
    """which is are was and or so that the to with for in on at of we it this than if but as
    by from per a an each every be will would can could should were our their its then
    about around roughly approx approximately ~ total""".split()
)

_NEXT_WORD = re.compile(r"\s*(\S+)")
_SPACE = "[ \\t\\u00a0\\u202f\\u2009]"
# Every token starts with a non-space: the lookahead fails a space at once, where each of
# the five alternatives was tried and failed in turn (a fifth of the scan's time).
_TOKEN = re.compile(
    rf"""
    (?=\S)(?:
    (?:(?P<cur>\$){_SPACE}?(?=\.?\d))?
    (?P<num>(?:\d{{1,3}}(?:(?:,|[\u00a0\u202f\u2009])\d{{3}})+
      |(?<![\d.,])[1-9]\d{{0,2}}(?:\x20\d{{3}})+(?![\d,]|\.\d|\x20\d)|\d+)(?:\.\d+)?|\.\d+)
    (?:{_SPACE}*(?:\^|\*\*){_SPACE}*(?P<pow>\d{{1,6}}))?
    (?:[eE](?P<exp>[+-]?\d{{1,12}})(?![A-Za-z]))?
    (?:(?P<sword>{_SPACE}*(?i:thousand|million|billion|trillion|mil|mn|bn)\b)
      |(?P<stuck>[kKmMbBtTG](?![A-Za-z0-9]))
      |(?P<spaced>{_SPACE}+[kKMGTmB](?![A-Za-z0-9])))?
    (?P<pct>{_SPACE}*%)?
    |(?P<op>(?<![A-Za-z_])[xX](?![A-Za-z])|[×*/÷+()]|[-−]
      |\bper\b|\btimes\b|\bdivided\s+by\b|\bover\b)
    |(?P<hyphen>[\u2010\u2011])
    |(?P<word>[A-Za-z][A-Za-z0-9_']*(?:[-\u2010\u2011][A-Za-z0-9]+)*)
    |(?P<other>\S)
    )""",
    re.VERBOSE,
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mil": 1e6, "mn": 1e6, "m": 1e6,
           "billion": 1e9, "bn": 1e9, "b": 1e9, "g": 1e9, "trillion": 1e12, "t": 1e12}  # fmt: skip


@immutable
class Token:
    """One typed token with its span in the text it came from."""

    kind: str  # num, unit, op, word, range, other
    text: str
    start: int
    end: int
    value: float = 0.0  # num: the number, scale and percent applied
    unit: Unit | None = None  # unit: what the word names
    op: str = ""  # op: "*", "/", "+", "-", "(", ")", "over"
    power: bool = False  # num written as a power (2^32): itself a calculation
    scaled: bool = False  # num carries a scale: 100M, 2 thousand, 40 M
    percent: bool = False
    ambiguous: bool = False  # "500 B": read as bytes; 500 billion is the other reading
    money: bool = False  # "$0.02": an amount of money, counted as a plain number


@lru_cache(maxsize=1024)
def unit_named(word: str) -> Unit | None:
    """The unit a single word names ('GB', 'Mbps', 'day', 'QPS'), or None for other words."""
    spec = _BIT_SPECS.get(word) or _UNIT_SPECS.get(word.lower())
    if spec is None:
        return None
    top, _, bottom = spec.partition("/")
    value = Q(1.0) if top in ("", "1") else unit(top)
    static = value if bottom and top not in ("", "1") else None
    if bottom:
        value = value / unit(bottom)
    return Unit(word, spec, value, static=static)


_BYTE = unit_named("B")


def _unit_times_period(word: str) -> Unit | None:
    """'GB-month', 'TB-hour': a size held for a period, the unit storage is priced in
    ("$0.023 per GB-month"). Read as a hyphenated label, the month was dropped and a monthly
    bill came out as dollars times gigabytes."""
    size, hyphen, period = word.partition("-")
    if not hyphen:
        return None
    top, bottom = unit_named(size), unit_named(period)
    if top is None or bottom is None or top.q.kind != (0, 1) or bottom.q.kind != (1, 0):
        return None
    return Unit(word, f"({top.pint})*({bottom.pint})", top.q * bottom.q)


# "in $/month": a "$" with no number after it names the currency a result is wanted in. It
# is a unit only there (the tokenizer leaves it as punctuation), so prose that prices
# things ("costs $ per seat") reads as before; `dims.Q` counts dollars as a plain number.
_DOLLAR = Unit("$", "USD", Q(1.0))


def is_currency(token: Token) -> bool:
    """Whether `token` is a "$" standing alone: the currency of a conversion ("in $/month")."""
    return token.kind == "other" and token.text == "$"


def tokenize(text: str) -> list[Token]:
    """Typed tokens of `text`; never raises (what is not understood becomes 'other')."""
    return list(_tokenize(text))


@per_text
@lru_cache(maxsize=8192)
def _tokenize(text: str) -> tuple[Token, ...]:
    """Cached: the reviewer's rules read the same lines several times (tokens are frozen).

    The loop makes each token inline, words and punctuation first (four tokens in five):
    a call per token to a function that sorted the kinds cost a sixth of the tokenizer's
    time. The alternative matched is the last group closed (`lastgroup`), read once; a
    number's match ends with "num" or one of its optional parts' groups."""
    raw: list[Token] = []
    append = raw.append
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            start, end = match.span()
            shown = text[start:end]
            found = unit_named(shown) or _unit_times_period(shown)
            if shown == "us" and (not raw or raw[-1].kind != "num"):
                found = None  # "allows us to lose 4 nodes": the pronoun, no microseconds
            if found is not None and shown.lower() in _PER_PERIOD:
                following = _NEXT_WORD.match(text, end)  # not a copy of the rest of the line
                if following and following.group(1).lower().strip(".,;:") in _POPULATION:
                    found = None  # "100M daily active users" counts people
            if found is None:
                append(Token("word", shown, start, end))
            else:
                append(Token("unit", shown, start, end, unit=found))
        elif kind == "other" or kind == "hyphen":
            start, end = match.span()
            append(Token(kind, text[start:end], start, end))
        elif kind == "op":
            start, end = match.span()
            shown = text[start:end]
            op = " ".join(shown.lower().split())
            append(Token("op", shown, start, end, op=_OP_SYMBOLS.get(op, op)))
        else:
            append(_number(match))
    return tuple(_settle(raw, text))


_PER_PERIOD = frozenset({"daily", "monthly", "yearly", "hourly"})
_OP_SYMBOLS = {"x": "*", "×": "*", "times": "*", "÷": "/", "per": "/", "divided by": "/",
               "−": "-"}  # fmt: skip


_GROUPING = re.compile(r"[, \u00a0\u202f\u2009]")  # the marks that group a number's digits


def _number(match: re.Match[str]) -> Token:
    digits = _GROUPING.sub("", match.group("num"))
    value = float(digits)
    power = match.group("pow") is not None
    try:
        if power:
            value = value ** int(match.group("pow"))
        if match.group("exp"):
            value = value * 10.0 ** int(match.group("exp"))
    except OverflowError:
        value = math.inf
    scale = (match.group("sword") or match.group("stuck") or match.group("spaced") or "").strip()
    ambiguous = False
    if scale:
        key = scale.lower() if len(scale) > 1 or scale in "kKmMtTG" else scale
        if scale == "B" and match.group("spaced"):
            ambiguous = True  # settled against the next word in _settle
        value *= _SCALES[key.lower()]
    end = match.end()
    percent = match.group("pct") is not None
    if percent:
        value /= 100
    return Token(
        "num",
        match.group(0),
        match.start(),
        end,
        value=value,
        power=power,
        scaled=bool(scale),
        percent=percent,
        ambiguous=ambiguous,
        money=match.group("cur") is not None,
    )


# The words `_settle` may read as an operator ("of", "at", "every", "a day"); any other
# word, a unit and punctuation pass through it unchanged.
# Words that open a place or a time after a figure: a unit after them is not the figure's.
_PLACE_WORDS = frozenset({"at", "the", "during", "on"})

_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})
_SETTLED_WORDS = frozenset({"of", "at", "every"}) | _PER | _SCALE_WORDS


def _settle(raw: list[Token], text: str) -> list[Token]:
    """Decisions that need the neighbours: hyphens, ranges, 'of', 'a', spaced 'B' and 'm'."""
    out: list[Token] = []
    skip = False
    for index, token in enumerate(raw):
        if skip:
            skip = False
            continue
        kind = token.kind
        if (
            kind == "other"
            or kind == "unit"
            or (kind == "word" and token.text.lower() not in _SETTLED_WORDS)
        ):
            out.append(token)  # nothing below changes it (most tokens): kept as it is
            continue
        following = raw[index + 1] if index + 1 < len(raw) else None
        previous = out[-1] if out else None
        if token.kind == "hyphen" or (token.kind == "op" and token.op == "-"):
            joined = previous is not None and previous.end == token.start
            tight = following is not None and following.start == token.end
            if joined and tight and previous is not None and following is not None:
                if previous.kind == "num" and following.kind == "num":
                    span = text[previous.start : following.end]
                    out[-1] = Token("range", span, previous.start, following.end)
                    skip = True  # "2-3 replicas": a range, never a subtraction
                    continue
                if previous.kind == "num" and following.kind in ("word", "unit"):
                    continue  # "1536-dim", "5-minute": a number and its label
            if token.kind == "hyphen":
                continue
        divided = len(out) >= 2 and out[-2].kind == "op" and out[-2].op == "/"
        if token.kind == "op" and token.op == "/" and previous is not None and not divided:
            # "$0.023/GB/month" divides by GB, then by month; joined into "GB/month" after
            # the first "/", it divided by a rate and read as 0.023 month per GB
            merged = _compound(previous, token, following)
            if merged is not None:
                out[-1] = merged
                skip = True
                continue
        if token.kind == "num" and token.ambiguous:
            token = _settle_bytes(token, following)
        if token.kind == "num" and token.scaled and token.text.rstrip().endswith(" m"):
            window = text[max(0, token.start - 30) : token.end + 30]
            if _LENGTH.search(window):  # "within 500 m": a length, which estimates never use
                number = token.text.rstrip()[:-1].rstrip()
                out.append(replace(token, value=token.value / 1e6, scaled=False, text=number,
                                   end=token.start + len(number)))  # fmt: skip
                out.append(Token("word", "m", token.end - 1, token.end))
                continue
        if (
            token.kind == "word"
            and token.text.lower() in _SCALE_WORDS
            and previous is not None
            and previous.kind == "op"
            and previous.op == "/"
            and len(out) >= 2
            and out[-2].kind == "num"
            and out[-2].money
        ):
            # "$0.40 per million requests": the price of a million; read as a label, a
            # price per request came out a million times too high
            out.append(replace(token, kind="num", value=_SCALES[token.text.lower()],
                               scaled=True))  # fmt: skip
            continue
        if token.kind == "word" and token.text == "of":
            if following is not None and following.kind == "num":
                token = Token("op", token.text, token.start, token.end, op="*")
        elif (
            token.kind == "word"
            and token.text.lower() == "at"
            and (_each_after(raw, index) or _size_after(raw, index))
        ):
            # "500 million saves a day at 500 kB each": a count at a size each is their product
            token = Token("op", token.text, token.start, token.end, op="*")
        elif token.kind == "word" and _is_time_unit(following) and token.text.lower() in _PER:
            token = Token("op", token.text, token.start, token.end, op="/")  # "50 MB a day"
        elif (
            token.kind == "word"
            and token.text.lower() == "every"
            and following is not None
            and following.kind == "num"
            and index + 2 < len(raw)
            and _is_time_unit(raw[index + 2])
            and previous is not None
            and previous.kind in ("num", "unit", "word")
        ):
            # "10M series every 10 s": so many per that span, as "a day" makes a rate
            token = Token("op", token.text, token.start, token.end, op="/")
        out.append(token)
    return _hours_a_day(out)


def _duration_unit(token: Token) -> Unit | None:
    """The unit of a plain span ("h", "days"), not a rate ("h/day") or a size."""
    unit = token.unit
    if token.kind != "unit" or unit is None or unit.q.kind != (1, 0) or "/" in unit.pint:
        return None
    return unit


def _hours_a_day(tokens: list[Token]) -> list[Token]:
    """'x 24 h x 30 days', '8 hours x 22 working days': the shorter span is so much of each
    longer one, so the longer span counts periods ("30 days" is 30 of them), as a person
    reads a running cost ("$3/hr x 200 x 24 h x 30 days" is $432K). Multiplied as written
    the spans give time squared ("$432K d"). Only a span that fits in one of the longer
    periods is read so (24 h in a day, 5 days in a week; not "36 h x 2 days")."""
    for index in range(len(tokens) - 4):
        short = _duration_unit(tokens[index + 1])
        if short is None or tokens[index].kind != "num":
            continue
        times, count = tokens[index + 2], tokens[index + 3]
        if times.kind != "op" or times.op != "*" or count.kind != "num":
            continue
        after = index + 4
        if tokens[after].kind == "word" and after + 1 < len(tokens):
            after += 1  # "22 working days"
        long = _duration_unit(tokens[after])
        if long is None or long.q.value <= short.q.value:
            continue
        if tokens[index].value * short.q.value > long.q.value:
            continue
        span = tokens[after]
        tokens[after] = Token("word", span.text, span.start, span.end)  # a label: 30 of them
    return tokens


def _each_after(raw: Sequence[Token], index: int) -> bool:
    """Whether "at" is followed by a number and its unit, then "each" ("at 500 kB each"),
    after a quantity: a price or size per item, multiplied, not a place ("at peak")."""
    if index == 0 or raw[index - 1].kind not in ("num", "unit", "word"):
        return False
    rest = raw[index + 1 : index + 4]
    if not rest or rest[0].kind != "num":
        return False
    return any(t.kind == "word" and t.text.lower() == "each" for t in rest[1:])


def _size_after(raw: Sequence[Token], index: int) -> bool:
    """Whether "at" puts a size on each of a count said just before it ("1M msgs/s at 1 KB",
    "100M photos at 2 MB"): the product, as "each" would make it. Not a rate or a time
    ("8 MB at 2 Mbit/s" is a transfer, "at 10 ms" a latency), nor a size after a size."""
    ahead = index + 1
    if ahead < len(raw) and raw[ahead].text.lower().rstrip(".") in _AVERAGED:
        ahead += 1  # "100M photos at avg 2 MB", "at ~300 MB": the size each, on average
    if index < 2 or ahead + 1 >= len(raw):
        return False
    number, unit = raw[ahead], raw[ahead + 1]
    if number.kind != "num" or unit.kind != "unit" or unit.unit is None:
        return False
    at = index - 1
    if _is_time_unit(raw[at]) and (raw[at - 1].text == "/" or raw[at - 1].text.lower() in _PER):
        at -= 2  # "msgs/s", "uploads a day": a rate of the counted thing
    per_time = unit.unit.q.time == -1 or (
        ahead + 3 < len(raw) and raw[ahead + 2].text == "/" and _is_time_unit(raw[ahead + 3])
    )
    if unit.unit.q.data == 1 and per_time:
        # "1M hours/day at 720 MB/h": hours of video at so much an hour is their product;
        # a size at a bitrate ("8 MB at 2 Mbit/s") is a transfer, and stays unread
        return at >= 1 and _counts_time(raw[at]) and raw[at - 1].kind == "num"
    if unit.unit.q.data != 1 or unit.unit.q.time != 0:
        return False
    if at < 1 or raw[at].kind != "word" or raw[at].text.lower() in _STOP:
        return False
    return raw[at - 1].kind == "num"  # "1M msgs", "100M photos": a count of things


# Words between "at" and the size it puts on each thing: "at avg 2 MB", "at ~300 MB".
_AVERAGED = frozenset({"avg", "average", "about", "around", "roughly", "approx", "~", "≈"})
_SPANS = frozenset("h hr hrs hour hours min mins minute minutes".split())


def _counts_time(token: Token) -> bool:
    """A count of hours or minutes ("1M hours", the "hours" of "hours/day"): time that
    something lasts, counted as a quantity of it (hours of video, minutes of audio)."""
    return token.kind == "unit" and token.text.lower() in _SPANS


def _is_time_unit(token: Token | None) -> bool:
    return token is not None and token.unit is not None and token.unit.is_time


def _compound(previous: Token, slash: Token, following: Token | None) -> Token | None:
    """'MB/s', 'req/s', 'tweets/day' written tight: one unit that binds to its number."""
    if following is None or following.kind != "unit" or following.unit is None:
        return None
    if previous.end != slash.start or slash.end != following.start or slash.text != "/":
        return None
    bottom = following.unit
    text = previous.text + "/" + following.text
    if previous.kind == "unit" and previous.unit is not None:
        top = previous.unit
        static = top.q if bottom.is_time and top.q.time == 0 else None
        found = Unit(text, f"({top.pint})/({bottom.pint})", top.q / bottom.q, top.counted, static)
    elif previous.kind == "word" and previous.text.lower() not in _CONVERT:
        found = Unit(text, f"1/({bottom.pint})", Q(1.0) / bottom.q, counted=True)
    else:
        return None
    return Token("unit", text, previous.start, following.end, unit=found)


def _settle_bytes(token: Token, following: Token | None) -> Token:
    """'1 B users' is a billion users; '300 B' and '5 B/s' stay bytes, marked ambiguous."""
    if following is not None and following.kind == "word" and following.text.lower() not in _STOP:
        return replace(token, ambiguous=False)
    return replace(token, value=token.value / 1e9, scaled=False, unit=_BYTE)


def without_time(tokens: Sequence[Token]) -> list[Token]:
    """The tokens with durations and per-time units removed: '100M/month x 60 months' read
    as counts, for statements where the candidate multiplied the period in by hand."""
    kept: list[Token] = []
    for token in tokens:
        found = token.unit
        if token.kind == "unit" and found is not None:
            if found.is_time:
                continue
            if found.q.time != 0 and found.static is not None:
                token = replace(token, unit=replace(found, q=found.static, static=None))
        kept.append(token)
    out: list[Token] = []
    for index, token in enumerate(kept):
        if token.kind == "op" and token.op in ("/", "over"):
            following = kept[index + 1] if index + 1 < len(kept) else None
            opens = following is not None and following.kind == "op" and following.op == "("
            if following is None or not (following.kind in ("num", "unit") or opens):
                continue
        out.append(token)
    return out


class Algebra(Protocol):
    """How an evaluator builds values: a plain number stays a float; units are its own."""

    def unit(self, found: Unit) -> Any: ...

    def kind(self, value: Any) -> tuple[int, int] | None:
        """(time, data) exponents; None for a dimension estimates never use."""
        ...

    def convert(self, value: Any, target: Unit) -> Any: ...

    def money(self, amount: float) -> Any:
        """An amount written after "$": the calculator keeps it in dollars through every
        step; an algebra with no currency counts it as a plain number."""
        ...


class QAlgebra:
    """Evaluation over `dims.Q`: cheap, for the reviewer and the checker."""

    def unit(self, found: Unit) -> Any:
        return found.q

    def kind(self, value: Any) -> tuple[int, int] | None:
        return value.kind if isinstance(value, Q) else (0, 0)

    def convert(self, value: Any, target: Unit) -> Any:
        if self.kind(value) != target.q.kind:
            raise GrammarError(f"cannot express this in {target.word}: the kinds differ")
        return value

    def money(self, amount: float) -> Any:
        return amount


Q_ALGEBRA = QAlgebra()


@dataclass
class Evaluation:
    """A value read from tokens, and how it was read."""

    value: Any  # a float, a Q or a pint Quantity, as the algebra builds them
    operators: int  # arithmetic applied between numbers; 0 means a bare quantity
    scale: Q  # the units applied, as one quantity: '/s' and 'frames/s' are the same scale
    per_capacity: bool = False  # the last division was by a per-server capacity
    per: tuple[str, ...] = ()  # labels divided by: "per paste", "/AZ"
    target: Unit | None = None  # "in MB/s": the unit the result is wanted in
    ambiguous: bool = False  # a token has another reading ("500 B")
    units: list[Unit] = field(default_factory=list)


Step = Callable[[Any, str, Any, Any, str], None]  # left, op, right, result, right as written


def evaluate(
    tokens: Sequence[Token], algebra: Algebra = Q_ALGEBRA, on_step: Step | None = None
) -> Evaluation:
    """Parse and evaluate; raise GrammarError naming what could not be read."""
    parser = _Parser(list(tokens), algebra, on_step)
    return parser.run()


class _Parser:
    """Recursive descent: sum of products; a number binds its units; labels are skipped."""

    def __init__(self, tokens: list[Token], algebra: Algebra, on_step: Step | None) -> None:
        self.tokens = tokens
        self.position = 0
        self.algebra = algebra
        self.on_step = on_step
        self.operators = 0
        self.per_capacity = False
        self.units: list[Unit] = []
        self.per: list[str] = []

    def run(self) -> Evaluation:
        if not any(t.kind == "num" for t in self.tokens):
            raise GrammarError("no number found")
        # "peak x 2 x 11.6K QPS", "over 5 years 10 GB": a leading label and operator.
        while self.position < len(self.tokens) and self.tokens[self.position].kind == "word":
            self.position += 1
        head = self._peek()
        if head is not None and head.kind == "op" and head.op in ("*", "/", "over", "+"):
            self.position += 1
        value, scale = self.expression()
        target = self._conversion()
        if target is not None:
            value = self.algebra.convert(value, target)
        leftover = self._peek()
        if leftover is not None:
            raise GrammarError(f"could not read {leftover.text!r}")
        self.operators += sum(1 for t in self.tokens if t.kind == "num" and t.power)
        return Evaluation(
            value, self.operators, scale, self.per_capacity, tuple(self.per), target,
            any(t.kind == "num" and t.ambiguous for t in self.tokens), self.units,
        )  # fmt: skip

    def _peek(self) -> Token | None:
        """The next token that is not a label word."""
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            if token.kind == "word" and not self._converts_here():
                self.position += 1
                continue
            if token.kind == "other" and token.text in ",~≈":
                self.position += 1  # "23K/s, x 3 peak": punctuation between steps
                continue
            return token
        return None

    def _converts_here(self) -> bool:
        """'in MB/s' at the end of the expression: a conversion, not a label."""
        token = self.tokens[self.position]
        if token.text.lower() not in _CONVERT:
            return False
        rest = self.tokens[self.position + 1 :]
        if rest and rest[0].kind == "op" and rest[0].op == "/":
            rest = rest[1:]  # "in /s", "in per second": a count per unit of time
        if not rest or not (rest[0].kind == "unit" or is_currency(rest[0])):
            return False
        return all(
            t.kind == "unit" or is_currency(t) or (t.kind == "op" and t.op == "/") for t in rest
        )

    def _conversion(self) -> Unit | None:
        if self.position >= len(self.tokens) or not self._converts_here():
            return None
        rest = self.tokens[self.position + 1 :]
        self.position = len(self.tokens)
        if rest[0].kind == "op":  # "in /s": one over the unit that follows
            lead = "per " if rest[0].text.lower() == "per" else "/"
            words, q, specs, divide = [lead], Q(1.0), ["1"], True
            rest = rest[1:]
        else:
            value = _DOLLAR if is_currency(rest[0]) else rest[0].unit
            assert value is not None
            words, q, specs, divide = [rest[0].text], value.q, [f"({value.pint})"], False
            rest = rest[1:]
        for token in rest:
            if token.kind == "op":
                divide = True
                words.append("/")
                continue
            found = _DOLLAR if is_currency(token) else token.unit
            assert found is not None
            q = q / found.q if divide else q * found.q
            specs.append(("/" if divide else "*") + f"({found.pint})")
            words.append(token.text)
            divide = False
        return Unit("".join(words), "".join(specs), q)

    def expression(self) -> tuple[Any, Q]:
        value, scale = self.term()
        while (token := self._peek()) is not None and token.kind == "op" and token.op in "+-":
            self.position += 1
            right, _scale = self.term()
            value = self._apply(value, token.op, right, token.text)
            self.operators += 1
        return value, scale

    def term(self) -> tuple[Any, Q]:
        value, scale = self.factor()
        while (start := self.position, token := self._peek())[1] is not None:
            assert token is not None
            if token.kind == "unit" and self._across_a_place(start):
                break  # "500 at the rush hour": the hour is when, left over, never a unit
            if token.kind == "unit":  # "... x 86400 s": a unit after a closed factor
                assert token.unit is not None
                self.position += 1
                self.units.append(token.unit)
                value = self._apply(value, "*", self.algebra.unit(token.unit), token.text)
                scale = scale * token.unit.q
                continue
            if token.kind != "op" or token.op not in ("*", "/", "over"):
                break
            self.position += 1
            following = self._next_raw()
            if token.op == "/" and following is not None and following.kind == "word":
                # "1.27 KB per paste", "per server": a label, not a division
                if following.text.lower() in _CAPACITY:
                    self.per_capacity = True
                self.per.append(following.text.lower())
                continue
            nxt = self._peek()
            if nxt is None:
                raise GrammarError(f"{token.text!r} ends where a number was expected")
            if token.op == "/" and nxt.kind == "unit":  # "per day", "/s", "a month"
                assert nxt.unit is not None
                self.position += 1
                self.units.append(nxt.unit)
                # "per DAU/day" is per DAU, per day: the noun is a label, the day divides
                op = "*" if nxt.unit.counted else "/"
                value = self._apply(value, op, self.algebra.unit(nxt.unit), nxt.text)
                scale = scale * nxt.unit.q if nxt.unit.counted else scale / nxt.unit.q
                continue
            right, right_scale = self.factor()
            op = token.op
            if op == "over":
                # "over 5 years" turns a rate into a total; "over 86400" divides.
                duration = self.algebra.kind(right) == (1, 0)
                if duration and self.algebra.kind(value) not in ((-1, 0), (-1, 1)):
                    raise GrammarError(
                        "'over' a duration needs a rate on its left, such as 1.5B/year"
                        " or 500 GB/day; the left side here is not per anything"
                    )
                op = "*" if duration else "/"
            self.operators += 1
            value = self._apply(value, op, right, None)
            scale = scale * right_scale if op == "*" else scale / right_scale
            if self._capacity_follows():
                self.per_capacity = op == "/"
        return value, scale

    def _price(self, amount: Any, scale: Q) -> tuple[Any, Q]:
        """The units a price is per, bound to it as a number binds its unit: "$0.023 per GB
        per month" is one price, so the calculator shows no step dividing "$0.02" by "GB"
        (the value is the same as dividing in `term`)."""
        while self.position + 1 < len(self.tokens):
            slash, found = self.tokens[self.position], self.tokens[self.position + 1]
            if slash.kind != "op" or slash.op != "/" or found.kind != "unit":
                break
            assert found.unit is not None
            if found.unit.counted:
                break  # "$2 per DAU/day": left to `term`, which reads the noun as a label
            self.position += 2
            self.units.append(found.unit)
            amount = amount / self.algebra.unit(found.unit)
            scale = scale / found.unit.q
        return amount, scale

    def _across_a_place(self, start: int) -> bool:
        """Whether the words skipped from `start` to the unit now under the parser put
        what follows in a place or a time ("at the rush hour", "during the peak hour"):
        "500 at the rush hour" was read as 500 hours, where it counts rides at that hour."""
        return any(
            t.kind == "word" and t.text.lower() in _PLACE_WORDS
            for t in self.tokens[start : self.position]
        )

    def _next_raw(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _capacity_follows(self) -> bool:
        """'... / 2K QPS per server': consume 'per server' after a divisor."""
        if self.position + 1 < len(self.tokens):
            first, second = self.tokens[self.position], self.tokens[self.position + 1]
            slash = first.kind == "op" and first.op == "/"
            if slash and second.kind == "word" and second.text.lower() in _CAPACITY:
                self.position += 2
                return True
        return False

    def factor(self) -> tuple[Any, Q]:
        token = self._peek()
        if token is None:
            raise GrammarError("the expression ends where a number was expected")
        self.position += 1
        if token.kind == "op" and token.op == "(":
            inner = self.expression()
            closing = self._peek()
            if closing is None or closing.kind != "op" or closing.op != ")":
                raise GrammarError("a '(' is never closed; add the ')'")
            self.position += 1
            return inner
        if token.kind == "op" and token.op == "-":
            value, scale = self.factor()
            return -value, scale
        if token.kind == "num":
            if not math.isfinite(token.value):
                raise GrammarError(f"{token.text!r} is too large a number to work with")
            number: Any = self.algebra.money(token.value) if token.money else token.value
            scale = Q(1.0)
            if token.unit is not None:  # "500 B": bytes
                self.units.append(token.unit)
                number = number * self.algebra.unit(token.unit)
                scale = token.unit.q
            start = self.position
            following = self._peek()
            if following is not None and following.kind == "unit" and self._across_a_place(start):
                self.position = start  # (left for the caller, which stops there too)
            elif following is not None and following.kind == "unit":
                assert following.unit is not None
                self.position += 1
                self.units.append(following.unit)
                number = number * self.algebra.unit(following.unit)
                scale = scale * following.unit.q
            if token.money:
                number, scale = self._price(number, scale)
            return number, scale
        if token.kind == "unit":
            assert token.unit is not None
            self.units.append(token.unit)
            return self.algebra.unit(token.unit), token.unit.q
        if token.kind == "range":
            raise GrammarError(f"{token.text!r} is a range; pick one number")
        raise GrammarError(f"could not read {token.text!r}")

    def _apply(self, left: Any, op: str, right: Any, shown: str | None) -> Any:
        try:
            if op == "*":
                result = left * right
            elif op == "/":
                result = left / right
            elif op == "+":
                result = left + right
            else:
                result = left - right
        except ZeroDivisionError:
            raise GrammarError("division by zero") from None
        except UnitError as exc:
            raise GrammarError(str(exc)) from None
        except Exception as exc:  # pint refuses to add seconds to bytes
            if type(exc).__name__ in ("DimensionalityError", "OffsetUnitCalculusError"):
                raise GrammarError(f"cannot combine these units: {exc}") from None
            raise
        if isinstance(result, float) and not math.isfinite(result):
            raise GrammarError("the result is too large a number to work with")
        if self.on_step is not None:
            self.on_step(left, op, right, result, shown or "")
        return result


@immutable
class FoundQuantity:
    """A quantity stated in a sentence: '500 million tweets per day' at `start:end`.

    `noun` is what is counted (the words after the number), `label` the words just before
    it in the same clause ("Peak reads: 10K/s"), `per` the non-time words it is divided by
    ("100,000 connections per server" is per server, not a total).
    """

    start: int
    end: int
    text: str
    value: Q  # in base units: seconds and bytes
    noun: tuple[str, ...]
    label: tuple[str, ...]
    per: tuple[str, ...]
    scaled: bool  # 100M, 2 thousand
    has_unit: bool  # a unit of time or data, or a percent
    ambiguous: bool  # "500 B": bytes, or 500 billion

    @property
    def dims(self) -> tuple[int, int]:
        return self.value.kind


# The words the tokenizer reads as a unit (`unit_named`: each key of `_UNIT_SPECS`, in any
# case), where a word token may start: never right after a letter, since every token that
# ends in a letter ends where no letter follows. A spaced "B" ("500 B") is among them. A
# text without one has no quantity with a dimension: a unit token, a compound ("MB/s") and a
# conversion ("in GB") are all made of unit words, and a number carries a unit only as a
# spaced "B". So the rules that ask only for a size, a rate or a duration skip the tokenizer
# on such a text (about half of the lines and claims of a long answer that hold a digit).
class _UnitScreen:
    """Whether a text holds one of `words` where the tokenizer could read it as a word.

    The words are searched in the lower-cased text, grouped by their first letter: an
    alternation of sixty words, tried at every position with case ignored, took longer
    than tokenizing the text (about 25 us a line, against 6). Lower-casing maps no other
    character to an ASCII letter but "İ" and the Kelvin sign; a text holding one is
    searched as written, with case ignored."""

    def __init__(self, words: Iterable[str]) -> None:
        rests: dict[str, list[str]] = {}
        for word in sorted({w.lower() for w in words}, key=lambda w: (-len(w), w)):
            rests.setdefault(word[0], []).append(re.escape(word[1:]))
        alternatives = "|".join(
            f"{first}(?:{'|'.join(rest)})" for first, rest in sorted(rests.items())
        )
        self._lowered = re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z0-9])")
        self._as_written = re.compile(rf"(?<![A-Za-z])(?i:{alternatives})(?![A-Za-z0-9])")

    def search(self, text: str) -> bool:
        if "\u0130" in text or "\u212a" in text:
            return self._as_written.search(text) is not None
        return self._lowered.search(text.lower()) is not None


_ANY_UNIT = _UnitScreen(_UNIT_SPECS.keys() | _BIT_SPECS.keys())
_DATA_UNIT = _UnitScreen(
    w for w in _UNIT_SPECS.keys() | _BIT_SPECS.keys() if (u := unit_named(w)) and u.q.data
)


def may_state_dimension(text: str) -> bool:
    """False only when no quantity `find_quantities` finds in `text` has a dimension (a
    time, a size, a rate): the text holds no unit word (see `_UnitScreen`)."""
    return _ANY_UNIT.search(text)


def may_state_data(text: str) -> bool:
    """False only when no quantity `find_quantities` finds in `text` counts bytes or bits
    (a size or a bandwidth): the text holds no unit word of data."""
    return _DATA_UNIT.search(text)


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every quantity stated in `text`, each with its span, value, dimension and noun."""
    if not _DIGIT.search(text):
        return []
    return list(_find_quantities(text))


@per_text
@lru_cache(maxsize=4096)
def _find_quantities(text: str) -> tuple[FoundQuantity, ...]:
    tokens = tokenize(text)
    found: list[FoundQuantity] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind != "num":
            index += 1
            continue
        end_index, noun, per = _phrase(tokens, index)
        phrase = tokens[index:end_index]
        try:
            value = evaluate(phrase).value
        except GrammarError:
            index += 1
            continue
        q = value if isinstance(value, Q) else Q(float(value))
        start, end = token.start, tokens[end_index - 1].end
        found.append(
            FoundQuantity(
                start, end, text[start:end], q, tuple(noun), tuple(_label(tokens, index)),
                tuple(per), token.scaled,
                token.percent or token.unit is not None
                or any(t.kind == "unit" for t in phrase),
                token.ambiguous,
            )
        )  # fmt: skip
        index = end_index
    return tuple(_shortened_rates(text, found))


# What a rate counts, when a count said after it names it: "4,000 reads/s and 400 writes"
# (the interviewer's reading of spoken figures uses the same words).
RATE_NOUNS = frozenset(
    "reads writes requests queries checks calls messages events ops operations posts uploads"
    " views clicks redirects inserts lookups hits misses".split()
)
# A derivation's connective starts the next step of the working, not the next item of a
# list: "Average file is 5 MB, so 10 million uploads is 50 TB a day" counts uploads.
_DERIVES = re.compile(
    r"\b(?:so|that's|that is|which is|which means|thus|hence|times|x)\b|[=×*]", re.I
)


def _shortened_rates(text: str, found: list[FoundQuantity]) -> list[FoundQuantity]:
    """A bare count said right after a rate in a list is that rate said short: "4,000 reads
    a second, maybe 12K at peak", "4,000 reads/s and 12,000 reads at peak" (the interviewer
    hears it so too). A count of other things ("3 replicas", "200M posts stored") or one
    reached by working ("so 10 million uploads") keeps its own kind."""
    out = list(found)
    for i in range(1, len(out)):
        here, before = out[i], out[i - 1]
        if here.dims != (0, 0) or here.has_unit or before.dims == (0, 0) or here.per:
            continue
        if before.value.kind[0] != -1 or before.value.kind[1] not in (0, 1):
            continue  # only a rate (per second) is said short this way
        if here.noun and (
            here.noun[0].lower() not in RATE_NOUNS
            or not before.noun
            or here.noun[0].lower() != before.noun[0].lower()
        ):
            continue  # "10K req/s, 200M posts stored" counts posts
        gap = text[before.end : here.start]
        if len(gap) >= 30 or not ("," in gap or " and " in gap) or _DERIVES.search(gap):
            continue
        out[i] = replace(here, value=Q(here.value.value, *before.value.kind))
    return out


def _phrase(tokens: list[Token], index: int) -> tuple[int, list[str], list[str]]:
    """The tokens of one stated quantity: number, units, up to three counted words, and
    'per'/'/'/'a' with a unit or a label."""
    position = index + 1
    noun: list[str] = []
    per: list[str] = []
    while position < len(tokens):
        token = tokens[position]
        if token.start - tokens[position - 1].end > 3:
            break
        if token.kind == "unit":
            position += 1
            continue
        if token.kind == "word" and token.text.lower() not in _STOP and len(noun) < 3 and not per:
            noun.append(token.text)
            position += 1
            continue
        of = _of_what_per_period(tokens, position) if not noun else None
        if of is not None:
            noun += [t.text for t in tokens[position + 1 : of]]
            position = of
            continue
        if token.kind == "op" and token.op == "/" and position + 1 < len(tokens):
            following = tokens[position + 1]
            if following.kind == "unit":
                position += 2
                continue
            if following.kind == "word" and following.text.lower() not in _STOP:
                per.append(following.text)
                position += 2
                continue
        break
    if (
        len(noun) >= 2
        and position - 1 > index
        and tokens[position - 1].text == noun[-1]
        and _PARTICIPLE.fullmatch(noun[-1])
    ):
        # "50 million users sending 40 messages a day": the counted noun's verb starts what
        # they do, and is no word of what is counted ("50 million users sending" was quoted
        # back to the candidate as the figure said).
        noun.pop()
        position -= 1
    return position, noun, per


def _of_what_per_period(tokens: list[Token], position: int) -> int | None:
    """Where the "/" of "6 TB of messages a day" is, when `position` is its "of": an amount
    of data, what it is of (one or two words) and a period make a daily volume. Read as
    "6 TB" alone, it was no figure of "about 6 TB of messages a day", and an estimate of
    storage per day said aloud matched no rubric item."""
    unit = tokens[position - 1]
    if tokens[position].text.lower() != "of" or unit.kind != "unit" or unit.unit is None:
        return None
    if unit.unit.q.data != 1 or unit.unit.q.time != 0:
        return None
    end = position + 1
    while end < len(tokens) and end - position <= 2 and tokens[end].kind == "word":
        if tokens[end].text.lower() in _STOP or tokens[end].start - tokens[end - 1].end > 3:
            return None
        end += 1
    if end == position + 1 or end + 1 >= len(tokens):
        return None
    slash, period = tokens[end], tokens[end + 1]
    if slash.kind != "op" or slash.op != "/" or not _is_time_unit(period):
        return None
    return end


# A present participle: "sending", "posting", "uploading" (at least three letters before
# "ing", so "thing" and "ring" are not), and not a noun that ends so ("Friday evening").
_PARTICIPLE = re.compile(
    r"(?i)(?!(?:string|spring|ceiling|evening|morning|building|meeting|setting|listing"
    r"|booking|recording|warning|wedding|offering|opening|pudding)$)[a-z]{3,}ing"
)


def _label(tokens: list[Token], index: int) -> list[str]:
    """Up to three words just before the number: 'Peak reads: 10K/s' -> Peak reads."""
    position = index - 1
    while position >= 0 and tokens[position].kind == "other" and tokens[position].text in "*`_:=":
        position -= 1
    words: list[str] = []
    while position >= 0 and tokens[position].kind == "word" and len(words) < 3:
        if tokens[position].text.lower() in _STOP:
            break
        words.insert(0, tokens[position].text)
        position -= 1
    return words


def states_quantity(text: str) -> bool:
    """Whether a line states a number with a scale or a unit (100M, 5 TB, 40 QPS, 99.9%)."""
    if not _DIGIT.search(text):
        return False
    tokens = tokenize(text)
    for index, token in enumerate(tokens):
        if token.kind != "num":
            continue
        if token.scaled or token.percent or token.unit is not None:
            return True
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None or following.start - token.end > 1:
            continue
        if following.kind == "unit" or following.text.lower() in ("dau", "mau"):
            return True
        if following.kind == "op" and following.op == "/" and index + 2 < len(tokens):
            after = tokens[index + 2]
            if after.kind == "unit" and after.unit is not None and after.unit.is_time:
                return True
    return False


def leading_quantity(text: str) -> int | None:
    """Where the quantity at the start of `text` ends ('11.5K QPS at peak' -> after QPS):
    a number, its units, up to three counted words, and a 'per'/'/' unit or label."""
    if not text.startswith((".", "$")) and _DIGIT.match(text) is None:
        return None  # a number token starts with a digit, "." (".5") or "$": not tokenized
    tokens = tokenize(text)
    if not tokens or tokens[0].kind != "num" or tokens[0].start != 0:
        return None
    end_index, _noun, _per = _phrase(tokens, 0)
    return tokens[end_index - 1].end

"""Rules for the capacity dimension: estimates present, recomputed, and covering the basics."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice

from tradeoff.catalog.derivation import NumberRef
from tradeoff.design.spans import LineSpans
from tradeoff.estimate.dims import Q
from tradeoff.estimate.grammar import (
    FoundQuantity,
    find_quantities,
    may_state_data,
    states_quantity,
)
from tradeoff.estimate.part_figures import broken_bounds, part_figures
from tradeoff.estimate.period_slip import explain as explain_slip
from tradeoff.estimate.period_slip import period_slips
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity
from tradeoff.estimate.rate_statements import contradictions as rate_contradictions
from tradeoff.estimate.rate_statements import rate_direction, rate_statements
from tradeoff.language.bounds import is_bound
from tradeoff.language.claims import plain_typography
from tradeoff.language.lexicon import PART_COUNT
from tradeoff.language.literals import SCREEN
from tradeoff.language.mentions import clean_line
from tradeoff.language.periods import other_period
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Evidence, Finding
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.rules.own_scale import own_scale
from tradeoff.review.rules.rubric import gap, uncovered
from tradeoff.units import human_number

_BANDWIDTH_WORDS = re.compile(r"\b(?:bandwidth|egress)\b", re.I)
SCREEN.add(_BANDWIDTH_WORDS)  # skipped on text without its words

_DIGIT = re.compile(r"\d")  # faster than any(ch.isdigit() ...) on long lines
# A derivation that turns a count per day (month, hour) into a rate.
_PER_TIME = re.compile(
    r"/\s*(?:day|d|month|mo|hour|h|hr|year|yr)\b|\bper (?:day|month|hour|year)\b"
    r"|86[,.\s]?400|2\.6\s*M|3[,.\s]?600|/\s*\(?\s*(?:24|30)\b",
    re.I,
)


def _states_storage(text: str) -> bool:
    """A size with units: '500 bytes', '3 TB', '12.7 GB/month'. (A line with no unit word
    of data has none: it is not tokenized.)"""
    return may_state_data(text) and any(found.dims[1] == 1 for found in find_quantities(text))


# A size per day, week, month or year: "12.7 GB of new content per month", "40 TB/day".
_LONG_RATE = re.compile(
    r"\d[\d,.]*\s*[KMGTPE]i?B\b[^.;]{0,40}?(?:/\s*|\bper\s+|\ba\s+|\beach\s+)"
    r"(?:day|week|month|mo|year|yr)\b",
    re.I,
)
# What a size per month is said of: content kept ("new content", "stored", "growth").
_CONTENT_KEPT = re.compile(
    r"\b(?:new|stor(?:e|ed|age)|grow(?:s|th)?|added|accumulat\w*|retain\w*)\b", re.I
)
# What makes it traffic: bytes moved over the network, in or out.
_BYTES_MOVED = re.compile(
    r"\b(?:reads?|egress|ingress|serv\w*|transfer\w*|download\w*|upload\w*|traffic"
    r"|throughput|network|outbound|inbound|deliver\w*|stream\w*|sent|sends?|received?)\b",
    re.I,
)


def _storage_growth(text: str) -> bool:
    """Whether a line's bytes per unit of time are only how fast storage grows: "12.7 GB of
    new paste content per month" is what is written and kept, a few KB/s at most, and says
    nothing of what is read and served; "egress 30 TB a month" is traffic."""
    return (
        _LONG_RATE.search(text) is not None
        and _CONTENT_KEPT.search(text) is not None
        and _BYTES_MOVED.search(text) is None
    )


def _states_bandwidth(text: str) -> bool:
    """Bytes or bits per unit of time: '2 GB/s', '10 Gbps'."""
    return may_state_data(text) and any(found.dims == (-1, 1) for found in find_quantities(text))


_PERCENTS = re.compile(r"\d[\d.,]*\s*%")


def _sized(ctx: ReviewContext) -> bool:
    """Whether there are estimates to judge: arithmetic anywhere, or a capacity section that
    states a figure. A heading "Estimation" over prose with no number ("storage is the
    dominant cost, not request volume") sizes nothing: it is not a set of estimates that
    lacks a peak, it is no estimate at all."""
    if ctx.estimates:
        return True
    if any(states_quantity(clean_line(t)) for _, t in ctx.lines_in("capacity")):
        return True
    # Worked in prose, as people say it: "500 hours a minute; that's 720,000 hours a day",
    # "at 3 GB an hour of video, that's about 2 PB a day". The checker reads only written
    # arithmetic, but a derivation in words is an estimate all the same.
    return any(c.features.derivation and c.features.quantities for c in ctx.claims)


class _CapacityRule(Rule):
    """Capacity rules apply to prompts with a capacity dimension (not object-oriented ones)."""

    def applies(self, ctx: ReviewContext) -> bool:
        return ctx.rubric.capacity is not None


@register
class NoEstimates(_CapacityRule):
    id = "CAP101"
    dimension = "capacity"
    kind = "no-estimates"
    severity = "error"
    message = "No capacity estimates: no request rates, storage or bandwidth figures"
    rationale = (
        "Back-of-the-envelope numbers justify every later choice (one database or fifty, a cache"
        " or not). Skipping them leaves the design unsized and the interviewer unconvinced."
    )
    example = "We will need a lot of storage, so we shard."
    fix = "Derive write and read QPS, peak, storage over the retention period and bandwidth."

    caps = {"capacity": 0.5}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx):
            return
        # Three lines with figures size something; a share ("99.9% availability", "a 95%
        # hit rate") is a target or a ratio, not an estimate of load or data. (Lines are
        # read only until three are found, and only when the design has no estimates.)
        if _sized(ctx):
            return
        figures = (t for _, t in ctx.iter_numbers_lines() if states_quantity(_PERCENTS.sub(" ", t)))
        if len(list(islice(figures, 3))) >= 3:
            return
        if "back-of-envelope" in ctx.settled:
            return  # estimates said aloud in one breath, each checked by the interviewer
        yield self.finding(severity="error" if ctx.is_system else "warning")


@register
class ArithmeticError(_CapacityRule):
    id = "CAP102"
    dimension = "capacity"
    kind = "arithmetic-error"
    severity = "error"
    message = "An estimate does not follow from its own inputs"
    rationale = (
        "Interviewers recompute your arithmetic. A result 1000x off its own inputs sizes the"
        " whole design wrongly and is remembered more than any component choice."
    )
    example = "100M requests/day = 1.16M QPS"
    fix = "Divide by 86,400 s/day (about 10^5) and sanity-check the order of magnitude."
    # A product or a sum that came out wrong needs other advice than a rate per day.
    fix_product = (
        "Work the powers of ten apart from the digits (a thousand is 10^3, a million 10^6,"
        " a billion 10^9), then check the result's order of magnitude."
    )

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for check in ctx.estimates:
            if check.verdict == "arithmetic-error":
                per_time = _PER_TIME.search(check.left) is not None
                yield self.finding(
                    check.explanation,
                    Evidence(check.line, check.quote),
                    fix=check.fix or (None if per_time else self.fix_product),
                )


@register
class UnitError(_CapacityRule):
    id = "CAP103"
    dimension = "capacity"
    kind = "unit-error"
    severity = "error"
    message = "An estimate mixes units: per day as per second, bits as bytes, or months as days"
    rationale = (
        "Unit slips are the classic 1000x mistake: a per-day count used as per-second inflates"
        " a tiny service into a planet-scale one."
    )
    example = "500M tweets/day = 500M QPS"
    fix = "Carry units through every step: requests/day / 86,400 s/day = requests/s."
    # The advice for the slip found: a size prefix or bits for bytes is no slip of a period,
    # and "requests/day / 86,400" beside "1 million x 200 bytes = 200 GB" fixes nothing.
    # (No figures of their own: a fix names only what the reviewed design holds.)
    fix_prefix = (
        "Carry the size prefix through each step: work the powers of ten apart from the"
        " digits (KB, MB, GB and TB are 1,000x apart) and check the result's order of magnitude."
    )
    fix_bits = (
        "Keep bits and bytes apart: bits per second are bytes per second times 8 (Gbps"
        " against GB/s)."
    )

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for check in ctx.estimates:
            if check.verdict == "unit-error":
                yield self.finding(
                    check.explanation,
                    Evidence(check.line, check.quote),
                    fix=check.fix or self._fix_for(check.explanation),
                )
        # Right arithmetic on the wrong period: a monthly count divided by a day's seconds.
        for slip in period_slips(ctx.figure_lines):
            yield self.finding(explain_slip(slip), ctx.line_evidence(slip.line, slip.quote))

    def _fix_for(self, explanation: str) -> str | None:
        """The rule's advice that fits the slip an explanation names (None: the default)."""
        if "size prefix" in explanation:
            return self.fix_prefix
        if "bits and bytes" in explanation:
            return self.fix_bits
        return None


@register
class NoPeak(_CapacityRule):
    id = "CAP104"
    dimension = "capacity"
    kind = "no-peak"
    severity = "warning"
    message = "Estimates use the daily average only; no peak factor"
    rationale = (
        "Systems fall over at peak, not on average. Interviewers expect a peak multiplier"
        " (2-10x) before sizing servers or caches."
    )
    example = "Average 4,000 reads/s, so 4 servers."
    fix = "Multiply the average by a stated peak factor (e.g. x3) and size for that."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx) or not _sized(ctx) or not _states_rate(ctx):
            return
        if not ctx.mentions.has("peak-traffic"):
            yield self.finding()


# A frame rate is how fast the screen redraws, not work arriving at the system.
_FRAME_RATE = re.compile(r"\b(?:fps|frames?|hz)\b", re.I)


def _states_rate(ctx: ReviewContext) -> bool:
    """Whether the design states a rate of work (requests, writes, events per unit of time),
    the average a peak factor multiplies. A front-end sheet sized in cells, frames and
    milliseconds ("20 million cells", "16 ms a frame", "60 fps") has no daily average to
    peak above."""
    return any(
        found.dims[0] == -1 and not _FRAME_RATE.search(text[found.start : found.end + 12])
        for _, text in ctx.figure_lines
        if _DIGIT.search(text)
        for found in find_quantities(text)
    )


@register
class NoStorageEstimate(_CapacityRule):
    id = "CAP105"
    dimension = "capacity"
    kind = "no-storage-estimate"
    severity = "warning"
    message = "No storage estimate with units"
    rationale = (
        "How much data accumulates over the retention period decides the store, the sharding"
        " and the cost; it is part of every capacity discussion."
    )
    example = "We store the posts in Cassandra."
    fix = (
        "Multiply the items stored per day by their size and by the retention period, and"
        " state the total with its unit, before replication."
    )

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx) or not ctx.is_system:
            return
        if not any(_states_storage(t) for _, t in ctx.figure_lines if _DIGIT.search(t)):
            yield self.finding()


@register
class NoBandwidthEstimate(_CapacityRule):
    id = "CAP106"
    dimension = "capacity"
    kind = "no-bandwidth-estimate"
    severity = "info"
    message = "No bandwidth estimate"
    rationale = (
        "For media and large payloads, bytes per second (and egress cost) dominate; an"
        " interviewer will ask how much traffic leaves the data centre. A size of new content"
        " per month is how fast storage grows, not that traffic, and the word 'bandwidth'"
        " with no figure estimates nothing."
    )
    example = "Users watch videos from our servers."
    fix = "Multiply reads per second by the payload size and state it in Gbit/s."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx) or not ctx.is_system:
            return
        growth: tuple[int, str] | None = None
        for number, text in ctx.figure_lines:
            if not _DIGIT.search(text):
                continue  # "ensure there is enough bandwidth" estimates nothing
            if SCREEN.search(_BANDWIDTH_WORDS, text):
                return
            if _states_bandwidth(text):
                if not _storage_growth(text):
                    return
                growth = growth or (number, text)
        heavy = ctx.topic("media", "cdn")
        severity = "warning" if heavy else "info"
        if growth is None:
            yield self.finding(severity=severity)
            return
        number, text = growth
        figure = _LONG_RATE.search(text)
        quote = figure.group(0).strip() if figure is not None else text.strip()
        # Still an absence (no evidence line, so it costs what any missing estimate costs):
        # the line named is what the candidate may have taken for one.
        yield self.finding(
            f"No bandwidth estimate: '{quote}' on line {number} is how fast storage grows,"
            " not the bytes per second the service reads and serves",
            severity=severity,
        )


@register
class MissingEstimate(_CapacityRule):
    id = "CAP107"
    dimension = "capacity"
    kind = "missing-estimate"
    severity = "warning"
    message = "An estimate this prompt expects is missing"
    rationale = (
        "Each prompt has numbers that drive its design (QPS for a shortener, fan-out for a"
        " feed, egress for video); leaving them out skips the reasoning the interviewer wants."
    )
    example = "(for a news feed) no fan-out deliveries per second"
    fix = "Add the estimate named in the finding, from your stated assumptions."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for item, held in uncovered(ctx, "capacity"):
            yield self.finding(*gap(ctx, item, held))


_STOP = frozenset(
    """about each that this with from have every into over than they them were what when
    which will would your there their then also only just more most much many some such per
    assume assuming let's say""".split()
)
_STEMS = {
    "writes": "write", "written": "write", "reads": "read", "uploads": "upload",
    "requests": "request", "messages": "message", "links": "link", "urls": "url",
    "users": "user", "posts": "post", "tweets": "tweet", "bytes": "byte",
}  # fmt: skip


def _words(text: str) -> set[str]:
    found = set()
    for word in re.findall(r"[a-z]{3,}", text.lower().replace("_", " ")):
        if word in _STOP:
            continue
        found.add(_STEMS.get(word, word.rstrip("s") if len(word) > 4 else word))
    return found


@register
class FarFromReference(_CapacityRule):
    id = "CAP108"
    dimension = "capacity"
    kind = "far-from-reference"
    severity = "warning"
    message = "An estimate is more than 10x away from the prompt's reference figure"
    rationale = (
        "Even correct arithmetic on the wrong inputs sizes the wrong system. An estimate 10x"
        " off what the interviewer's numbers give usually means a missed fact or a wrong"
        " assumption, and the design built on it will be over- or under-built."
    )
    example = "Reads: 40 writes/s x 1,000 = 40K reads/s (the prompt's ratio is 100:1)"
    fix = "Ask for (or restate) the scale facts, then redo the estimate from them."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.problem is None or not self.applies(ctx):
            return
        steps = [r for r in ctx.numbers if r.kind == "step"]
        # An estimate off by what the candidate's own stated assumption explains is
        # reported once, at the assumption (CAP109), not again at every result.
        assumed = [ratio for _line, _found, _fact, ratio in assumption_mismatches(ctx)]
        reported = 0
        for check in ctx.estimates:
            if check.wrong or _is_conversion(check.left):
                continue  # its own arithmetic is the first thing to fix (CAP102/CAP103)
            if _per_item(check.right) or _EACH.search(check.right):
                continue  # "1.2 PB raw per node", "6.4 KB/user": not the system's total
            if _SPLIT_OVER.search(check.left):
                continue  # "2.5 M / 4 AZs = 625 K reads/s": one zone's share, not the total
            stated = check.result or check.stated
            line = ctx.doc.line(check.line)
            # What a figure is about is said before it and in its own words: "700 MB/s
            # egress (text only; CDN handles media)" is not about media.
            said = _said_up_to(line, check.quote)
            line_words = _words(line)
            result_words = _words(check.right)  # "38.5K reads/s" names what it estimates
            head = _head_noun(check.right)  # "post cards/sec" counts cards, not posts
            line_per = _per_whom(line)  # "Memory per key", "Storage added per video"
            line_stems = {_stem(w) for w in re.findall(r"[A-Za-z]{2,}", said)}
            label = said[: said.find(check.quote)] if check.quote in said else ""
            best = None
            for ref in steps:
                if ref.dims != stated.kind or ref.value <= 0 or stated.value <= 0:
                    continue
                if line_per != _ref_per(ref):
                    continue  # one node's memory is not the cluster's, one video's not a year's
                if not _names_subject(ref, line_stems):
                    continue  # watch minutes are not the hours of video uploaded
                if (
                    head
                    and (ref_head := _ref_head(ref))
                    and not _with_synonyms({head}) & {ref_head}
                ):
                    continue  # a shared word is not the same thing counted
                if _other_scope(ctx, ref, check.line):
                    continue  # a global total against a per-region figure
                if _part_of_total(said, ref):
                    continue  # the origin's share of egress is not all egress
                if other_period(label, ref.name):
                    continue  # five years of storage is not a year's, a year of hours not a day's
                name = _words(ref.name)
                score = 10 * len(name & result_words) + len(name & line_words)
                if score and (best is None or score > best[0]):
                    best = (score, ref)
            if best is None:
                continue
            ref = best[1]
            ratio = stated.value / ref.value
            if 1 / 10 <= ratio <= 10:
                continue
            if any(abs(math.log(ratio / r)) < math.log(2) for r in assumed):
                continue
            facts = " ".join(_input_facts(ctx, ref))  # whole sentences, each once
            off = ratio if ratio > 1 else 1 / ratio
            direction = "above" if ratio > 1 else "below"
            own = own_scale(ctx, check.left, check.line, ratio, steps, _names_subject)
            if own is not None:
                # Worked faithfully from the candidate's own stated figures: the distance is
                # the candidate's premise, which the interviewer's facts did not set. An
                # assumption that differs is a note, not an error (as CAP109 says it).
                lines = ", ".join(str(n) for n in own)
                yield self.finding(
                    f"{check.right} is {off:.0f}x {direction} the reference ({ref.text}), as"
                    f" it is worked from your own figures (line {lines}); the interviewer's"
                    f" facts: {facts}",
                    Evidence(check.line, check.quote),
                    severity="info",
                )
            else:
                yield self.finding(
                    f"{check.right} is {off:.0f}x {direction} the reference ({ref.text}),"
                    f" derived from the interviewer's facts: {facts}",
                    Evidence(check.line, check.quote),
                )
            reported += 1
            if reported >= 3:
                return


def _said_up_to(line: str, quote: str) -> str:
    """The line up to the end of the estimate it states (all of it when not found)."""
    at = line.find(quote)
    return line if at < 0 else line[: at + len(quote)]


# A share of a total: what reaches the origin past the caches, what misses.
_PART = re.compile(r"\b(?:origin|cache[- ]?miss(?:es)?|misses|miss traffic)\b", re.I)


def _part_of_total(said: str, ref: NumberRef) -> bool:
    """Whether the line sizes the part of a quantity that passes the caches ("origin
    egress ≈ 12% of 131 PB") while the reference is the whole of it."""
    return bool(_PART.search(said)) and not _PART.search(ref.name.replace("_", " "))


_EACH = re.compile(r"\b(?:each|apiece)\b", re.I)
# A total divided over the parts that serve it: what the result gives is one part's share.
_SPLIT_OVER = re.compile(
    r"[/÷]\s*\d[\d,.]*\s*(?:AZs?|availability zones?|zones?|regions?|nodes?|shards?|servers?"
    r"|instances?|machines?|hosts?|partitions?|brokers?|pods?|workers?|clusters?)\b",
    re.I,
)
_UNIT_WORDS = frozenset(
    """s sec secs second seconds min mins minute minutes h hr hrs hour hours day days week weeks
    month months year years yr b kb mb gb tb pb eb kib mib gib tib pib byte bytes bit bits kbit
    mbit gbit tbit bps kbps mbps gbps tbps k m bn per x""".split()
)


def _head_noun(text: str) -> str | None:
    """What a result counts: its last word that is no unit ("17.5M post cards/sec" counts
    cards; "1.5 PB" names nothing, so the line's words decide)."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in _UNIT_WORDS]
    return _stem(words[-1]) if words else None


def _ref_head(ref: NumberRef) -> str | None:
    """What a reference counts: the last word of its name before "per" ("feed_reads_per_s"
    counts reads); None for sizes and other names that count nothing ("metadata_size")."""
    parts = ref.name.lower().split("_")
    if "per" in parts:
        parts = parts[: parts.index("per")]
    words = [p for p in parts if p not in _GENERIC]
    return _stem(words[-1]) if words and ref.data == 0 else None


def _per_whom(text: str) -> set[str]:
    """What a line's figure is per, other than time: {"node"} for "L1 memory per node"."""
    return {_stem(m.group(1).split()[-1].split("-")[-1]) for m in _PER_WHOM.finditer(text)}


def _ref_per(ref: NumberRef) -> set[str]:
    """What a reference is per, from its name: {"user"} for "feed_reads_per_user"; nothing
    for "writes_per_s", whose "per" is its unit."""
    parts = ref.name.lower().split("_")
    if "per" not in parts:
        return set()
    return {_stem(p) for p in parts[parts.index("per") + 1 :] if p not in _TIME_WORDS}


def _names_subject(ref: NumberRef, words: set[str]) -> bool:
    """Whether a line names every word of what the reference counts, synonyms allowed
    ("video" of "video_hours_per_day"; units and generic words need not appear)."""
    parts = ref.name.lower().split("_")
    if "per" in parts:
        parts = parts[: parts.index("per")]
    subject = {_stem(p) for p in parts if p not in _GENERIC and p not in _UNIT_WORDS}
    return all(_with_synonyms({w}) & words for w in subject)


def _inputs(ctx: ReviewContext, name: str) -> list[str]:
    """The facts a derived figure is computed from, in the order the prompt gives them."""
    if ctx.problem is None:
        return []
    formulas = {q.name: q.formula for q in ctx.problem.capacity}
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        for word in re.findall(r"[A-Za-z_]\w*", formulas.get(current, "")):
            if word not in seen:
                seen.add(word)
                todo.append(word)
    return [r.name for r in ctx.numbers if r.kind == "fact" and r.name in seen]


def _input_facts(ctx: ReviewContext, ref: NumberRef) -> list[str]:
    """The prompt's sentences behind a reference figure, each once (several values are
    often read from one sentence)."""
    names = set(_inputs(ctx, ref.name)) or {ref.name}
    return list(dict.fromkeys(r.text for r in ctx.numbers if r.kind == "fact" and r.name in names))


# A prompt whose facts describe one region ("A region holds about 100 billion objects"),
# a design that spans several, and a number with no "per region": unlike scopes.
_PER_REGION = re.compile(r"\b(?:a|each|per|one|every) region\b|/\s*region\b", re.I)
_MANY_REGIONS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|ten|twenty|several|many|all) regions\b|\bglobal(?:ly)?\b"
    r"|\bmulti-?region\b|\bworldwide\b|\bacross regions\b",
    re.I,
)


def _spans_regions(ctx: ReviewContext) -> bool:
    return any(_MANY_REGIONS.search(t) for _, t in ctx.prose)


# A prompt that describes one region as the whole system: "A region holds about 100 billion
# objects", "The region has three zones", "One region with three availability zones". Its
# every volume is that region's, whether or not the sentence giving it repeats "region"
# ("customers write about 10 billion new objects a month" follows "A region holds ...").
# "a message should arrive within 500 ms within a region" or "enforcing limits per region"
# describe no system's scope.
_ONE_REGION = re.compile(
    r"\b(?:a|the|one|single) region (?:holds|has|with|stores)\b"
    r"|\bin (?:one|the|a single) region\b",
    re.I,
)


def _fact_per_region(ctx: ReviewContext, ref: NumberRef) -> bool:
    texts = [ref.text] if ref.kind == "fact" else _input_facts(ctx, ref)
    if any(_PER_REGION.search(t) for t in texts):
        return True
    facts = ctx.problem.facts if ctx.problem is not None else ()
    return any(_ONE_REGION.search(fact.text) for fact in facts)


def _other_scope(ctx: ReviewContext, ref: NumberRef, number: int) -> bool:
    """Whether the candidate's number and the reference cover different scopes: the
    prompt's figure is one region's, the design spans regions, and neither the line nor
    the titles of its sections ("Network Estimates (Per Region)") say it is per region."""
    if not _fact_per_region(ctx, ref) or not _spans_regions(ctx):
        return False
    titles = " ".join(s.title for s in ctx.doc.sections if s.start <= number <= s.end)
    return not _PER_REGION.search(f"{ctx.doc.line(number)} {titles}")


def _is_conversion(left: str) -> bool:
    """'1 request per second = 2.5M a month': a unit conversion, not an estimate of this
    system, whatever the reference says."""
    try:
        return read_quantity(left).operators == 0
    except UnreadableEstimate:
        return True


_ASSUMED = re.compile(
    r"\b(assum\w*|let's say|lets say|suppose|i'll take|we have|there are)\b", re.I
)
# "up to 5 TB", "max 10 MB": a bound, which an average in the facts does not contradict.
# Words that say nothing about what is counted.
_GENERIC = frozenset(
    """avg average new total per size record count num peak factor rate daily day month year
    second hour minute byte bytes max min typical data stored active registered known
    distinct concurrent""".split()
)
# Facts that are ratios or shares: a count of a thousand or more never measures one.
_RATIO = re.compile(r"factor|ratio|share|fraction|utilisation|fill|afr|hit")
# Words that must agree on both sides: a per-client limit is not the traffic it limits.
_QUALIFIERS = frozenset({"limit"})
_LIMIT = re.compile(r"\b(?:limits?|quotas?|tiers?|throttl\w*)\b", re.I)
_PER_WHOM = re.compile(
    r"\bper[\s\-‐‑]+(user|client|key|api[\s\-‐‑]key|ip|tenant|account|server"
    r"|node|shard|connection|device|endpoint|host|instance|partition|video|rendition|post"
    r"|tweet|message|file|object|item|record|entry|row|link|url|event|upload|session"
    r"|stream|chunk|photo|image|replica|worker|machine|pod|core|page)s?\b",
    re.I,
)
_TIME_WORDS = frozenset("s second sec minute min hour day week month year".split())
_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "url link",
        "user people person dau mau account member customer viewer visitor",
        "request req rps qps call",
        "post tweet status",
        "message msg",
        "view watch play",
        "object file blob",
        "write put create",
        "read get fetch lookup redirect",
        "search query",
        "connection device client",
    )
)


def _stem(word: str) -> str:
    word = word.lower().strip("'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        return word[:-1]
    return word


def _with_synonyms(words: set[str]) -> set[str]:
    out = set(words)
    for group in _SYNONYMS:
        if words & group:
            out |= group
    return out


def _fact_terms(fact: NumberRef) -> tuple[set[str], set[str]]:
    """What a fact value counts and what it is per, from its name: 'feed_views_per_user'
    counts feed views, per user; 'new_urls_per_month' counts URLs (per month is its unit)."""
    parts = fact.name.lower().split("_")
    subject_parts, per_parts = parts, []
    if "per" in parts:
        at = parts.index("per")
        subject_parts, per_parts = parts[:at], parts[at + 1 :]
    subject = {_stem(p) for p in subject_parts if p not in _GENERIC}
    if not subject and fact.data == 1:  # "record_size": the fact's own words say what
        subject = {_stem(w) for w in re.findall(r"[a-z]{3,}", fact.text.lower())} - _GENERIC
    per = {_stem(p) for p in per_parts if p not in _TIME_WORDS}
    return subject, per


def _found_terms(found: FoundQuantity, clause: str) -> tuple[set[str], set[str]]:
    """What a stated number counts (its noun, label and unit words) and what it is per
    (its own 'per X', or a 'per user' earlier in its clause)."""
    words = {_stem(w) for w in (*found.noun, *found.label)}
    words |= {_stem(w) for w in re.findall(r"[A-Za-z]{2,}", found.text)}
    if _LIMIT.search(clause):
        words.add("limit")
    per = {_stem(w) for w in found.per if _stem(w) not in _TIME_WORDS}
    per |= {_stem(m.group(1).split()[-1].split("-")[-1]) for m in _PER_WHOM.finditer(clause)}
    return _with_synonyms(words - _GENERIC), per


def same_quantity(found: FoundQuantity, fact: NumberRef, clause: str = "") -> bool:
    """Whether a stated number and a hidden fact measure the same thing: the same kind of
    quantity (count, rate, size, duration), the same 'per' (per server is not a total),
    and the same thing counted (every word of the fact's subject, synonyms allowed)."""
    if fact.dims != found.dims or _RATIO.search(fact.name):
        return False
    subject, per = _fact_terms(fact)
    words, found_per = _found_terms(found, clause)
    if not subject or per != found_per:
        return False
    if (words & _QUALIFIERS) != (subject & _QUALIFIERS):
        return False
    return all(_with_synonyms({word}) & words for word in subject)


_Mismatch = tuple[int, FoundQuantity, NumberRef, float]
_last: list[tuple[ReviewContext, list[_Mismatch]]] = []  # CAP108 and CAP109 share one reading


def assumption_mismatches(ctx: ReviewContext) -> list[_Mismatch]:
    """(line, number, fact, stated / fact) for each number the candidate states (in the
    requirements or as an assumption) that measures a hidden fact and differs over 3x."""
    if _last and _last[0][0] is ctx:
        return _last[0][1]
    found = _assumption_mismatches(ctx)
    _last[:] = [(ctx, found)]
    return found


def _assumption_mismatches(ctx: ReviewContext) -> list[_Mismatch]:
    if ctx.problem is None or ctx.rubric.capacity is None:
        return []
    facts = [r for r in ctx.numbers if r.kind == "fact" and r.value > 0]
    spans = LineSpans((s.start, s.end) for s in ctx.sections_for("requirements"))
    sizing = LineSpans((s.start, s.end) for s in ctx.sections_for("capacity"))
    out: list[_Mismatch] = []
    noted: set[str] = set()  # one note per fact
    for number, text in ctx.plain_prose:
        if not _DIGIT.search(text):
            continue
        in_requirements = number in spans
        # A row of a capacity table that states a figure without working it out ("| New
        # URLs created / day | 100 M |") is an input the candidate chose, as a line that
        # says "assume" is.
        input_row = number in sizing and _INPUT_ROW.match(text) and not _WORKED.search(text)
        if not in_requirements and not input_row and not _ASSUMED.search(text):
            continue
        body = _LIST_MARKER.sub("", clean_line(text))  # "2. Group chat" is not the number 2
        for found in find_quantities(body):
            if found.ambiguous or found.value.value <= 0:
                continue
            if found.dims == (0, 0) and found.value.value < 1000:
                continue  # small plain counts ("3 replicas", "2 regions") are too ambiguous
            if is_bound(body[: found.start]):
                continue
            clause = re.split(r"[;.]\s", body[: found.start])[-1]  # a table row is one clause
            found = _per_label_period(found, clause)  # "| New URLs / day | 100 M |" is a rate
            matching = [
                f
                for f in facts
                if same_quantity(found, f, clause) and not _other_scope(ctx, f, number)
            ]
            # The number may be about any fact that measures the same thing: one it agrees
            # with (within 3x, or stated in the fact's own words) clears it.
            if not matching or any(
                1 / 3 <= found.value.value / f.value <= 3 or _stated_in(f.text, found)
                for f in matching
            ):
                continue
            fact = matching[0]
            if fact.name in noted:
                continue
            noted.add(fact.name)
            out.append((number, found, fact, found.value.value / fact.value))
            break  # one per line
    return out


_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
_INPUT_ROW = re.compile(r"^\s*\|")
_WORKED = re.compile(r"[=≈×÷*→]|\d\s*[x/]\s*\d|\b(?:times|divided)\b", re.I)
# A period that ends a table row's label: "| New URLs created / day | 100 M |".
_LABEL_PERIOD = re.compile(
    r"(?:/|\bper)\s*(day|month|year|hour|minute|second)s?\s*(?:\([^)]*\)\s*)?\|\s*$", re.I
)
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "month": 2629746,
            "year": 31556952}  # fmt: skip


def _per_label_period(found: FoundQuantity, clause: str) -> FoundQuantity:
    """A number in a table row read with its row's label: the label cell names what it
    counts ("| New URLs created / day | 100 M |" counts new URLs), and a period ending the
    label makes a count the rate it is; any other number as it was found."""
    cell = _LABEL_CELL.search(clause)
    if cell is None or found.label:
        return found
    label = cell.group(1)
    found = replace(found, label=tuple(re.findall(r"[A-Za-z]{2,}", label)))
    # "Number of objects per bucket", "Avg. requests per API-gateway node": per the last
    # word of the label after "per", unless that is a time ("per day" is a rate's period).
    if (per := _LABEL_PER.search(plain_typography(label))) is not None:
        whom = per.group(1).split()[-1].split("-")[-1]
        if _stem(whom) not in _TIME_WORDS:
            found = replace(found, per=(*found.per, whom))
    if found.dims != (0, 0) or (period := _LABEL_PERIOD.search(clause)) is None:
        return found
    seconds = _SECONDS[period.group(1).lower()]
    return replace(found, value=Q(found.value.value / seconds, -1, 0))


# The cell before a number's cell (a clause may start inside it: "Avg. requests per ...").
_LABEL_CELL = re.compile(r"(?:^|\|)([^|]*)\|\s*$")
_LABEL_PER = re.compile(r"\bper\s+([A-Za-z][\w\s-]*?)\s*(?:\(|$)", re.I)


@register
class AssumptionMismatch(_CapacityRule):
    id = "CAP109"
    dimension = "capacity"
    kind = "assumption-mismatch"
    severity = "info"
    message = "An assumed number differs from what the interviewer would have said"
    rationale = (
        "Interviewers hold the numbers. Assuming is fine when you say so, but a figure 10x"
        " off the interviewer's means the question was worth asking, and every estimate built"
        " on it is off by as much. It is a note, not a mistake: your arithmetic may be right."
    )
    example = "Assume 1B new links per month (the interviewer's figure is 100M)"
    fix = "Ask for the number; if you must assume, say so and check it with the interviewer."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for reported, (number, found, fact, ratio) in enumerate(assumption_mismatches(ctx)):
            if reported >= 3:
                return
            off = max(ratio, 1 / ratio)
            yield self.finding(
                f"You assumed '{found.text.strip()}'; the interviewer's figure is"
                f" {human_number(off)}x {'lower' if ratio > 1 else 'higher'}: {fact.text}",
                ctx.line_evidence(number, found.text.strip()),
            )


def _stated_in(text: str, value: FoundQuantity) -> bool:
    """Whether the fact's own words state this number (within 3x, same kind)."""
    for said in find_quantities(text):
        if said.dims != value.dims or said.value.value <= 0:
            continue
        if 1 / 3 <= value.value.value / said.value.value <= 3:
            return True
    return False


_CACHE = r"(?:cache|redis|memcached)"
_CACHE_AFTER = re.compile(rf"^\s*(?:of\s+)?(?:\w+\s+)?{_CACHE}", re.I)
_CACHE_BEFORE = re.compile(
    rf"{_CACHE}\w*(?:\s+(?:cluster|tier|layer))?\s*(?:size|capacity|memory)?\s*(?:of|with|is|:|=)?"
    r"\s*(?:~|about|around|roughly)?\s*$",
    re.I,
)
_PER_NODE = re.compile(r"\b(?:per|each|every|a)\s+(?:node|shard|server|instance|host|box)\b", re.I)
_WORKING_SET = re.compile(r"\b(?:cache|hot|working\s+set)\b", re.I)


def _per_item(text: str) -> bool:
    try:
        return bool(read_quantity(text).per)
    except UnreadableEstimate:
        return True


# A node's share written after the size: "4 GB RAM each", "64 GB of memory apiece".
_EACH_AFTER = re.compile(r"^\s*(?:of\s+)?(?:ram|memory|dram)?\s*(?:each|apiece)\b", re.I)
# How many nodes a cluster has: "6 shards", "a 20-node cluster", "3 primaries".
_NODE_COUNT = re.compile(
    r"\b(\d{1,4})[\s-]*(?:nodes?|shards?|servers?|machines?|instances?|hosts?|primar(?:y|ies))\b",
    re.I,
)
# A table cell or a clause: a cluster's count and its node size must be said together.
_SEGMENT = re.compile(r"[|;]|\.\s")


def _cache_sizes(text: str) -> list[tuple[FoundQuantity, int]]:
    """Sizes the line gives a cache, with the nodes each is multiplied by: 'a 1 TB cache',
    'Redis cache of 1 TB', or a node's size times the nodes said beside it ('Redis Cluster
    with 6 shards, 4 GB RAM each' is 24 GB): a per-node figure read alone would compare
    one node with the whole working set."""
    out = []
    for found in find_quantities(text):
        if found.dims != (0, 1) or found.per:
            continue  # "6.4 KB/user in Redis" sizes one entry, not the cache
        before, after = text[max(0, found.start - 30) : found.start], text[found.end :]
        if (
            _PER_NODE.search(text[found.end : found.end + 30])
            or _PER_NODE.search(before)
            or _EACH_AFTER.match(after)
        ):
            nodes = _cluster_nodes(text, found)
            if nodes is not None:
                out.append((found, nodes))
            continue
        named = any(re.fullmatch(_CACHE, word, re.I) for word in found.noun)  # "1 TB Redis cache"
        if named or _CACHE_AFTER.match(after) or _CACHE_BEFORE.search(before):
            out.append((found, 1))
    return out


def _cluster_nodes(text: str, found: FoundQuantity) -> int | None:
    """The most nodes a cache cluster is said to have in the clause or table cell that gives
    one node's size, or None when that clause names no cache or no count (then the size is
    one node's, and nothing says how many there are)."""
    start = max((m.end() for m in _SEGMENT.finditer(text, 0, found.start)), default=0)
    stop = next((m.start() for m in _SEGMENT.finditer(text, found.end)), len(text))
    segment = text[start:stop]
    if not re.search(_CACHE, segment, re.I):
        return None
    counts = [int(m.group(1)) for m in _NODE_COUNT.finditer(segment)]
    return max(counts) if counts and max(counts) > 1 else None


@register
class SizingInconsistent(_CapacityRule):
    id = "CAP110"
    dimension = "capacity"
    kind = "sizing-inconsistent"
    severity = "warning"
    message = (
        "A cache is sized more than 10x away from the working set the design computes, or"
        " above all the data it caches"
    )
    rationale = (
        "Numbers are there to size components. A cache 30x larger than the hot set your own"
        " estimate gives is money spent for nothing; 10x smaller and the hit ratio the design"
        " relies on is out of reach. Either the estimate or the sizing is wrong."
    )
    example = "Hot set: 20% x 1B x 160 bytes = 32 GB ... We provision a 1 TB Redis cache."
    fix = "Size the cache from the working set you computed (plus headroom), or fix that estimate."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx):
            return
        working = [
            c
            for c in ctx.estimates
            if c.verdict == "ok"
            and (c.result or c.stated).kind == (0, 1)
            and _WORKING_SET.search(ctx.doc.line(c.line))
            and not _per_item(c.right)  # "3.2 KB/user" sizes one entry, not the working set
        ]
        if not working:
            yield from self._over_the_data(ctx)
            return
        need = working[-1]
        size = (need.result or need.stated).value
        for number, text in ctx.lines:
            lowered = text.lower()
            if number == need.line or ("cache" not in lowered and "redis" not in lowered):
                continue
            for found, nodes in _cache_sizes(clean_line(text)):
                ratio = nodes * found.value.value / size
                if 1 / 10 <= ratio <= 10:
                    continue
                off = max(ratio, 1 / ratio)
                said = f"'{found.text.strip()}'"
                if nodes > 1:
                    total = human_number(nodes * found.value.value / 1e9)
                    said = f"{said} on each of {nodes} nodes ({total} GB in all)"
                yield self.finding(
                    f"{said} is {human_number(off)}x"
                    f" {'more' if ratio > 1 else 'less'} than the working set your own estimate"
                    f" gives on line {need.line} ({need.right})",
                    ctx.line_evidence(number, found.text.strip()),
                )
                return
        # The "working set" may be the cache's own sizing ("32 shards x 256 GB RAM = 8 TB of
        # cache"), which nothing else on the line checks: the data it caches still does.
        yield from self._over_the_data(ctx)

    def _over_the_data(self, ctx: ReviewContext) -> Iterator[Finding]:
        """A cache sized well above all the data the design says its database keeps: "32
        shards x 256 GB = 8 TB of cache" beside "5-year horizon: ~2 TB ... in a single
        PostgreSQL instance". A cache holds a copy of part of what it caches, so most of it
        can never fill; either the cache or the storage estimate is wrong. Compared only
        with totals said of a database or its records (not an archive of raw events, a
        bandwidth or a CDN), and only past twice the data, which leaves room for replicas."""
        totals = [
            (number, found)
            for number, text in ctx.plain_prose  # "$60 \times 10^9 ... \text{ TB}$" read
            if _HAS_SIZE.search(text) and _DATASET.search(text) and not _NOT_DATASET.search(text)
            for found in find_quantities(clean_line(text))
            if found.dims == (0, 1) and not found.per and found.value.value > 0
        ]
        if not totals:
            return
        line, data = max(totals, key=lambda pair: pair[1].value.value)
        for number, text in ctx.lines:
            lowered = text.lower()
            if number == line or ("cache" not in lowered and "redis" not in lowered):
                continue
            if _EDGE_CACHE.search(text):
                continue
            for found, nodes in _cache_sizes(clean_line(text)):
                ratio = nodes * found.value.value / data.value.value
                if ratio <= 2:
                    continue
                # the size as written, without the words the quantity's reading took along
                size = _SIZE_TEXT.match(found.text.strip())
                quote = size.group(0) if size else found.text.strip()
                said = f"'{quote}'"
                if nodes > 1:
                    total = human_number(nodes * found.value.value / 1e9)
                    said = f"{said} on each of {nodes} nodes ({total} GB in all)"
                yield self.finding(
                    f"{said} of cache is {human_number(ratio)}x all the data"
                    f" the design keeps (line {line}: {data.text.strip()}): a cache holds part"
                    " of what it caches, so most of it can never fill",
                    ctx.line_evidence(number, quote),
                )
                return


# A line that sizes the data a database keeps: it names the store or its records.
_DATASET = re.compile(
    r"\b(?:db|database|postgres\w*|mysql|cassandra|dynamo\w*|mongo\w*|records|rows"
    r"|primary store|metadata store|url store|links? table|total storage|storage estimate"
    r"|data size|dataset|mappings)\b",
    re.I,
)
# Totals that are not the cached data: raw event archives, logs, backups, traffic.
_NOT_DATASET = re.compile(
    r"\b(?:archive|raw|logs?|events?|backups?|snapshots?|egress|ingress|bandwidth|outbound"
    r"|inbound|cache|redis|memcache\w*|cdn)\b",
    re.I,
)
_HAS_SIZE = re.compile(r"\d\s*(?:[kmgtpe]i?b|bytes?)\b", re.I)
_SIZE_TEXT = re.compile(r"~?\d[\d,.]*\s*[kmgtpe]i?b\b(?:\s+(?:ram|memory))?", re.I)
_EDGE_CACHE = re.compile(r"\bcdn\b|\bedge\b|cloudfront|akamai|fastly|page cache", re.I)


# The user counts every estimate starts from, as candidates write them.
_USER_COUNT = re.compile(r"^(?:dau|mau|daily active users?|monthly active users?)$", re.I)
_USER_COUNT_KIND = {"d": "daily", "m": "monthly"}
# A table row about the count: "Metric: DAU. Assumption: 500M. ..."
_ROW_SUBJECT = re.compile(
    r"^[^:.]{1,30}:\s*(dau|mau|daily active users?|monthly active users?)\s*\.", re.I
)
# A count that is meant to change: growth, a phase, a target, a range of stages.
_GROWTH = re.compile(
    r"\b(?:at launch|launch|grow\w*|growth|in \d+ years?|by (?:year|20\d\d)|year \d|phase"
    r"|stage|later|future|eventually|target|scale to|up to|from\b[^.]{0,20}\bto\b)"
    r"|[→]|->|\d\s*[-–]\s*\d",
    re.I,
)
# The words of a user count ("DAU", "monthly active users"), which most claims lack: each
# claim is looked up in the literal screen instead of being searched at every word.
_USER_WORDS = re.compile(r"\b(?:dau|mau|active users?)\b", re.I)
SCREEN.add(_USER_WORDS)


def _user_counts(ctx: ReviewContext) -> list[tuple[int, str, str, float]]:
    """(line, quote, daily or monthly, value) for each user count the candidate states."""
    out: list[tuple[int, str, str, float]] = []
    for claim in ctx.claims:
        # The count's own words first: most claims name none, and `_GROWTH`, which starts
        # with no literal, was tried at every position of every claim before them.
        if claim.kind not in ("sentence", "item", "row"):
            continue
        if not SCREEN.search(_USER_WORDS, claim.text):
            continue
        if _GROWTH.search(claim.text):
            continue
        row = _ROW_SUBJECT.match(claim.text) if claim.kind == "row" else None
        for found in find_quantities(claim.text):
            if found.dims != (0, 0) or found.per or found.value.value < 1000:
                continue
            if found.noun and (
                _USER_COUNT.match(" ".join(found.noun[:3])) or _USER_COUNT.match(found.noun[0])
            ):
                subject = found.noun[0]
            elif row is not None and not found.noun:
                subject = row.group(1)
            else:
                continue
            kind = _USER_COUNT_KIND[subject.strip().lower()[0]]
            quote = found.text.strip() if found.text.strip() in claim.quote else claim.quote
            out.append((claim.line, quote, kind, found.value.value))
            break
    return out


@register
class ContradictoryScale(_CapacityRule):
    id = "CAP111"
    dimension = "capacity"
    kind = "contradictory-numbers"
    severity = "warning"
    message = "The design states its user count or request rate twice, with values far apart"
    rationale = (
        "Every estimate starts from the user count. Stated as 50M in the requirements and"
        " 500M in the estimates, one set of numbers was derived from a figure the other part"
        " of the design contradicts, and the interviewer cannot tell which sizing to trust."
    )
    example = "Scale: 50M DAU ... | DAU | 500M | (the capacity table)"
    fix = "Use one figure throughout; if the count grows, say so and size for the larger one."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx):
            return
        first: dict[str, tuple[int, str, float]] = {}
        for line, quote, kind, value in _user_counts(ctx):
            if kind not in first:
                first[kind] = (line, quote, value)
                continue
            seen_line, seen_quote, seen = first[kind]
            ratio = max(value, seen) / min(value, seen)
            if ratio < 3:
                continue
            yield self.finding(
                f"'{quote}' here, but line {seen_line} says '{seen_quote}':"
                f" {human_number(ratio)}x apart, so the estimates built on one contradict the"
                " other",
                ctx.line_evidence(line, quote),
            )
            return
        # The system's read or write rate, stated twice: "Read RPS ~115,700" in the
        # estimates, "Read Path (35K RPS)" over the deep dive.
        for stated, earlier, ratio in rate_contradictions(rate_statements(ctx.figure_lines))[:1]:
            level = f" ({earlier.level})" if earlier.level else ""
            yield self.finding(
                f"'{stated.quote}' here for the {stated.direction} rate, but line"
                f" {earlier.line} says '{earlier.quote}'{level}: {human_number(ratio)}x apart,"
                " so the parts sized on one contradict the other",
                ctx.line_evidence(stated.line, stated.quote),
            )


# What one node is said to take: "a single Redis node can process 100,000 ops/s", "each
# Redis shard handles about 100K ops/s", "one Kafka broker sustains 50 MB/s".
_ONE_NODE = re.compile(
    r"\b(?:a single|one|each|every|per|a)\s+(?:[\w-]+\s+){0,3}?(?:node|server|shard|instance"
    r"|broker|machine|host|pod|replica)\b[^.;]{0,40}?\b(?:can |could |will )?(?:safely )?"
    r"(?:process(?:es)?|handles?|serves?|sustains?|takes?|does|supports?|absorbs?|manages?)\b",
    re.I,
)
# Searched in every line: skipped where none of the node words (or verbs) it needs occur.
SCREEN.add(_ONE_NODE)
# Nodes provisioned for a load: "at least 2 primary nodes to handle 1M RPS".
_NODES_FOR = re.compile(
    r"\b(?P<count>(\d{1,4})\s+(?:[\w-]+\s+)?(?:nodes|servers|shards|instances|brokers"
    r"|machines|hosts|pods))\b[^.;]{0,30}?\b(?:to (?:handle|serve|sustain|absorb|process"
    r"|take)|for|handling|serving)\b",
    re.I,
)
_PRODUCTS = re.compile(
    r"\b(redis|memcached|kafka|postgres(?:ql)?|mysql|cassandra|scylla\w*|dynamodb|mongo\w*"
    r"|elasticsearch|opensearch|nginx|envoy|rabbitmq|pulsar|clickhouse|gateway|app server"
    r"|api server|web server|worker)s?\b",
    re.I,
)


def _node_capacities(ctx: ReviewContext) -> list[tuple[int, frozenset[str], FoundQuantity]]:
    """(line, products named, rate) for each line that says what one node takes."""
    out = []
    for number, text in ctx.lines:
        line = clean_line(text)
        if not SCREEN.search(_ONE_NODE, line):
            continue
        products = frozenset(m.group(1).lower() for m in _PRODUCTS.finditer(line))
        rates = [q for q in find_quantities(line) if q.dims[0] == -1 and not q.per]
        if products and rates:
            out.append((number, products, max(rates, key=lambda q: q.value.value)))
    return out


@register
class NodesBelowOwnCapacity(_CapacityRule):
    id = "CAP112"
    dimension = "capacity"
    kind = "sizing-inconsistent"
    severity = "warning"
    message = "A node count is far below what the design's own per-node capacity requires"
    rationale = (
        "Numbers are there to size components. If one node takes 100K ops/s and the load is"
        " 1M ops/s, two nodes carry a fifth of it: the design's own figures say the tier"
        " falls over at peak."
    )
    example = "One Redis node handles 100K ops/s. ... We run 2 Redis nodes to handle 1M RPS."
    fix = "Divide the load by one node's capacity (plus headroom) and provision that many."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx):
            return
        capacities = _node_capacities(ctx)
        if not capacities:
            return
        for number, text in ctx.lines:
            line = clean_line(text)
            sized = _NODES_FOR.search(line)
            if sized is None:
                continue
            products = {m.group(1).lower() for m in _PRODUCTS.finditer(line)}
            loads = [q for q in find_quantities(line[sized.end() :]) if q.dims == (-1, 0)]
            same = [c for c in capacities if c[1] & products and c[0] != number]
            if not loads or not same:
                continue
            nodes, load = int(sized.group(2)), loads[0]
            where, _, each = same[-1]
            if each.dims != load.dims or each.value.value <= 0:
                continue
            need = load.value.value / each.value.value
            if nodes * 2 > need:
                continue  # within 2x of the design's own figures
            quote = sized.group("count")
            yield self.finding(
                f"'{quote}' for {_bare_load(load)} at {each.text.strip()} each (line {where})"
                f" is about {human_number(need / nodes)}x short: that load needs about"
                f" {human_number(math.ceil(need))} nodes",
                ctx.line_evidence(number, quote),
            )
            return


def _bare_load(load: FoundQuantity) -> str:
    """'1M RPS without CPU bottlenecking' -> '1M RPS': the number and its unit."""
    words = load.text.split()
    return " ".join(words[:2]) if len(words) > 2 else load.text.strip()


# A clause that states the design's own peak: "the expected > 1M qps peak", "Peak: 30k RPS".
_PEAK_WORD = re.compile(r"\bpeak\b", re.I)
SCREEN.add(_PEAK_WORD)
# A rate that is not the whole system's: one machine's or one client's ("5k ops/s per
# node", "10k ops/s each"), a limit or what a part can take.
_PART_RATE = re.compile(
    r"\b(?:per|a single|one|every)\s+(?:[\w-]+\s+)?(?:node|shard|server|instance|pod"
    r"|host|machine|replica|broker|worker|partition|user|client|key|ip|tenant|api key)s?\b"
    r"|/\s*(?:node|shard|server|instance|pod|host|machine|replica|broker|worker)\b"
    r"|\beach\b|\b(?:limits?|quotas?|throttl\w*|can (?:handle|serve|sustain|take|do)|up to)\b",
    re.I,
)
_RATE_CLAUSE = re.compile(r"[^;.|]+(?:\.(?!\s)[^;.|]*)*")


def _system_rates(text: str) -> list[tuple[str, FoundQuantity, str]]:
    """(clause, rate, the rate's words as the line writes them) for each rate of the whole
    system a line states; a table row with a per-machine cell ("3 nodes => 10k ops/s
    each") states none."""
    plain = plain_typography(text)
    if plain.lstrip().startswith("|") and _PART_RATE.search(plain):
        return []
    out = []
    for span in _RATE_CLAUSE.finditer(plain):
        clause = span.group(0)
        if _PART_RATE.search(clause):
            continue
        for found in find_quantities(clause):
            if found.dims == (-1, 0) and not found.per and found.value.value >= 100:
                start = span.start() + found.start
                segment = text[start : span.start() + found.end]
                words = list(re.finditer(r"\S+", segment))
                # "100 k qps only requires adding": the figure and its unit as the line
                # writes them, not the words the reading took along as what it counts
                kept = words[: len(words) - len(found.noun)] or words
                out.append((clause, found, segment[: kept[-1].end()] if kept else segment))
    return out


@register
class SizedBelowOwnPeak(_CapacityRule):
    id = "CAP113"
    dimension = "capacity"
    kind = "sizing-inconsistent"
    severity = "warning"
    message = "Components are sized for a load far below the peak the design itself states"
    rationale = (
        "Numbers are there to size components for the load they must carry. A cluster"
        " worked out for 10k requests a second, in a design that expects a 1M peak, carries"
        " a hundredth of it: the sizing answers a smaller question than the design asks."
    )
    example = "Expected peak: 1M qps. ... At 10k qps, a 3-node Redis cluster is plenty."
    fix = "Size the parts for the stated peak (or say why the peak never reaches them)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx):
            return
        peaks = [
            (number, clause, found, written)
            for number, text in ctx.figure_lines
            if SCREEN.search(_PEAK_WORD, text)
            for clause, found, written in _system_rates(text)
            if _PEAK_WORD.search(clause)
        ]
        if not peaks:
            return
        peak_line, peak_clause, peak, peak_written = max(peaks, key=lambda p: p[2].value.value)
        direction = rate_direction(peak_clause)
        for number, text in ctx.figure_lines:
            if number == peak_line or PART_COUNT.search(plain_typography(text)) is None:
                continue
            # The parts and the load they are sized for, said together ("one 3-node cluster
            # handles our 10k qps"), and of the load the peak counts: a write rate is part of
            # an API's peak, not a smaller statement of it.
            same = [
                (found, written)
                for clause, found, written in _system_rates(text)
                if PART_COUNT.search(clause) is not None and rate_direction(clause) == direction
            ]
            if not same:
                continue
            load, written = max(same, key=lambda pair: pair[0].value.value)
            ratio = peak.value.value / load.value.value
            if ratio < _APART:
                continue
            yield self.finding(
                f"'{written}' is the most this line sizes its parts for, but line"
                f" {peak_line} expects a peak of {peak_written}: {human_number(ratio)}x more",
                ctx.line_evidence(number, written),
            )
            return


# As far apart as two statements of one rate may be before they contradict (CAP111).
_APART = 3.0


@register
class PartOverOwnBound(_CapacityRule):
    id = "CAP114"
    dimension = "capacity"
    kind = "contradictory-numbers"
    severity = "warning"
    message = "One node's or shard's figure is bounded on one line and stated above it on another"
    rationale = (
        "A bound says what one part may take: '< 5k ops/s per node', 'a 1.5 GB memory limit"
        " per shard'. Another line that gives the same part 10k ops/s or 8 GB breaks it, so"
        " the parts are sized on one figure and the other contradicts it, and the"
        " interviewer cannot tell which holds."
    )
    example = "At 10k qps, < 5k ops/s per node. ... 3 nodes => 10k ops/s each."
    fix = "Work the per-node figure once and use it everywhere; add nodes if it breaks the bound."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx):
            return
        for figure, bound in broken_bounds(part_figures(ctx.figure_lines))[:1]:
            ratio = figure.value / bound.value
            yield self.finding(
                f"'{figure.quote}' for one {figure.part} here, but line {bound.line} bounds"
                f" it at '{bound.quote}': {human_number(ratio)}x over, so the parts sized on"
                " one figure contradict the other",
                ctx.line_evidence(figure.line, figure.quote),
            )

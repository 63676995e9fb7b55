"""Rules for the capacity dimension: estimates present, recomputed, and covering the basics."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradeoff.catalog.derivation import NumberRef
from tradeoff.estimate.dims import Q
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Evidence, Finding
from tradeoff.language.mentions import clean_line
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.rules.rubric import gap, uncovered

_STORAGE = re.compile(
    r"\b\d[\d,.]*\s*(?:[kmgtpe]i?b|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?)\b",
    re.I,
)
_BANDWIDTH = re.compile(
    r"\b\d[\d,.]*\s*(?:[kmgt]bps|[kmgt]bit/s|[kmgt]b/s|[kmgt]b per second)\b|bandwidth|egress", re.I
)


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
        if ctx.estimates or ctx.sections_for("capacity") or len(ctx.numbers_lines()) >= 3:
            return
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

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for check in ctx.estimates:
            if check.verdict == "arithmetic-error":
                yield self.finding(check.explanation, Evidence(check.line, check.quote))


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

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for check in ctx.estimates:
            if check.verdict == "unit-error":
                yield self.finding(check.explanation, Evidence(check.line, check.quote))


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
        if not self.applies(ctx) or not (ctx.estimates or ctx.sections_for("capacity")):
            return
        if not ctx.mentions.has("peak-traffic"):
            yield self.finding()


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
    fix = "Multiply items per day by size and retention: 500M/day x 1 KB x 365 x 5 = 900 TB."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx) or not ctx.is_system:
            return
        if not any(_STORAGE.search(t) for _, t in ctx.prose):
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
        " interviewer will ask how much traffic leaves the data centre."
    )
    example = "Users watch videos from our servers."
    fix = "Multiply reads per second by payload size, in Gbit/s, and say what the CDN absorbs."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not self.applies(ctx) or not ctx.is_system:
            return
        if any(_BANDWIDTH.search(t) for _, t in ctx.prose):
            return
        heavy = ctx.topic("media", "cdn")
        yield self.finding(severity="warning" if heavy else "info")


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
    which will would your there their then also only just more most much many some such
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
        if ctx.problem is None:
            return
        steps = [r for r in ctx.numbers if r.kind == "step"]
        reported = 0
        for check in ctx.estimates:
            if check.wrong:
                continue  # its own arithmetic is the first thing to fix (CAP102/CAP103)
            stated = check.result or check.stated
            line_words = _words(ctx.doc.line(check.line))
            result_words = _words(check.right)  # "38.5K reads/s" names what it estimates
            best = None
            for ref in steps:
                if ref.dims != stated.kind or ref.value <= 0 or stated.value <= 0:
                    continue
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
            facts = "; ".join(r.text for r in ctx.numbers if r.kind == "fact")[:300]
            off = ratio if ratio > 1 else 1 / ratio
            yield self.finding(
                f"{check.right} is {off:.0f}x {'above' if ratio > 1 else 'below'} the reference"
                f" ({ref.text}), derived from the interviewer's facts: {facts}",
                Evidence(check.line, check.quote),
            )
            reported += 1
            if reported >= 3:
                return


_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
_ASSUMED = re.compile(
    r"\b(assum\w*|let's say|lets say|suppose|i'll take|we have|there are)\b", re.I
)
_QUANTITY = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?\s*(?:thousand|million|billion|trillion|[kmbt](?![a-z]))?"
    r"(?:\s+(?!per\b|a\b|each\b)[a-z][a-z-]*){0,3}\s*(?:/|per|a|each)?\s*(?:second|s|sec|minute|hour|day|month"
    r"|year|kb|mb|gb|tb|pb|bytes?|qps|rps)?)\b",
    re.I,
)


@register
class AssumptionMismatch(_CapacityRule):
    id = "CAP109"
    dimension = "capacity"
    kind = "assumption-mismatch"
    severity = "warning"
    message = "An assumed number contradicts what the interviewer would have said"
    rationale = (
        "Interviewers hold the numbers; assuming 10x more users than they would have given"
        " shows the question was never asked, and the estimates that follow are off by as much."
    )
    example = "Assume 1B new links per month (the interviewer's figure is 100M)"
    fix = "Ask for the number; if you must assume, say so and check it with the interviewer."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.problem is None:
            return
        facts = [r for r in ctx.numbers if r.kind == "fact"]
        sections = {n for s in ctx.sections_for("requirements") for n in range(s.start, s.end + 1)}
        reported = 0
        for number, text in ctx.prose:
            if number not in sections and not _ASSUMED.search(text):
                continue
            body = _LIST_MARKER.sub("", clean_line(text))  # "2. Group chat" is not the number 2
            for match in _QUANTITY.finditer(body):
                try:
                    value = read_quantity(match.group(1)).value
                except UnreadableEstimate:
                    continue
                if value.kind == (0, 0) and abs(value.value) < 1000:
                    continue  # small plain counts ("3 replicas", "2 regions") are too ambiguous
                fact = _matching_fact(facts, value.kind, _words(text))
                if fact is None or fact.value <= 0 or value.value <= 0:
                    continue
                if _stated_in(fact.text, value):
                    continue  # "up to 1,000 members" is in the fact itself
                ratio = value.value / fact.value
                if 1 / 3 <= ratio <= 3:
                    continue
                yield self.finding(
                    f"'{match.group(1).strip()}' differs {max(ratio, 1 / ratio):.0f}x from what"
                    f" the interviewer says: {fact.text}",
                    ctx.line_evidence(number, match.group(1).strip()),
                )
                reported += 1
                break
            if reported >= 3:
                return


def _stated_in(text: str, value: Q) -> bool:
    """Whether the fact's own words state this number (within 3x, same kind)."""
    for match in _QUANTITY.finditer(text):
        try:
            said = read_quantity(match.group(1)).value
        except UnreadableEstimate:
            continue
        if said.kind == value.kind and said.value > 0 and 1 / 3 <= value.value / said.value <= 3:
            return True
    return False


def _matching_fact(
    facts: list[NumberRef], kind: tuple[int, int], words: set[str]
) -> NumberRef | None:
    """The fact this number is about: same kind of quantity, and sharing words with it
    (two words for plain counts, which are too common to match on one)."""
    best: tuple[int, NumberRef] | None = None
    for fact in facts:
        if fact.dims != kind:
            continue
        shared = len(words & (_words(fact.text) | _words(fact.name)))
        needed = 2
        if shared >= needed and (best is None or shared > best[0]):
            best = (shared, fact)
    return best[1] if best else None

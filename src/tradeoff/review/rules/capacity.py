"""Rules for the capacity dimension: estimates present, recomputed, and covering the basics."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Evidence, Finding
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.rules.rubric import uncovered_items

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
        for item in uncovered_items(ctx, "capacity"):
            yield self.finding(f"Not covered: {item.text}")

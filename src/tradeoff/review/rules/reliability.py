"""Rules for reliability and operations: failures, replication, monitoring, security, rollout."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Finding
from tradeoff.language.mentions import clean_line
from tradeoff.review.products import brands_in
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.rules.rubric import gap, uncovered

# A metric is concrete when it has a threshold: "p99 > 200 ms", "5xx above 1%", "lag > 30 s".
_CONCRETE_METRIC = re.compile(
    r"\bp\d{2}\b|\d+(\.\d+)?\s*(ms|%|s\b|sec|seconds|minutes|min\b)|burn rate|error budget"
    r"|\bslos?\b|\bslis?\b",
    re.I,
)


# "calls findSpot() and then markTaken()", "if seat.isFree(): seat.book()".
_ACT = r"(mark|take|book|reserve|assign|claim|set|decrement|occupy|hold|park|allocate)\w*\s*\("
_CHECK_THEN_ACT = re.compile(
    r"\b(find|check|is|has|get|lookup|search|select)\w*\s*\([^)]*\)[^;\n]{0,60}?"
    rf"\b(then|and then|after that|before)\b[^;\n]{{0,60}}?\b{_ACT}"
    rf"|\bif\b[^:{{\n]*\b(is|has)\w*\s*\([^)]*\)[^;\n]{{0,40}}?\b{_ACT}",
    re.I,
)


@register
class NoFailureHandling(Rule):
    id = "REL101"
    dimension = "reliability"
    kind = "no-failure-handling"
    severity = "error"
    message = "Nothing says what happens when a component fails"
    rationale = (
        "Interviewers always ask 'what if this dies?'. A design that never mentions failure,"
        " timeouts or recovery has not been tested against reality."
    )
    example = "(no section on failures)"
    fix = "For each stateful component, say how failure is detected and how the system recovers."

    caps = {"reliability": 1.5}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        wanted = ("failure-handling", "failover", "retry-backoff", "circuit-breaker", "edge-cases")
        if ctx.mentions.has(*wanted) or ctx.sections_for("reliability"):
            return
        yield self.finding()


@register
class NoReplication(Rule):
    id = "REL102"
    dimension = "reliability"
    kind = "no-replication"
    severity = "warning"
    message = "Stored data is not replicated"
    rationale = (
        "One copy of the data is one disk failure from loss; replication is how durability and"
        " availability targets are met, and every interviewer expects it."
    )
    example = "Posts are stored in MySQL."
    fix = "Replicate each store (e.g. 3 copies across zones) and say how a replica is promoted."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.is_system:
            return
        if ctx.mentions.has(
            "replication", "leader-follower", "multi-leader", "quorum", "erasure-coding"
        ):
            return
        yield self.finding()


@register
class NoMonitoring(Rule):
    id = "REL103"
    dimension = "reliability"
    kind = "no-monitoring"
    severity = "warning"
    message = "No monitoring or alerting"
    rationale = (
        "You cannot run what you cannot see; saying what you measure and alert on shows you"
        " have operated systems, which senior interviews probe."
    )
    example = "(no mention of metrics, dashboards or alerts)"
    fix = "Name 3-4 metrics with thresholds (p99 latency, error rate, queue lag) and who is paged."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood:
            return
        if not ctx.mentions.any_mention("monitoring", "slo", "logging-tracing"):
            yield self.finding()


@register
class VagueMonitoring(Rule):
    id = "REL104"
    dimension = "reliability"
    kind = "vague-monitoring"
    severity = "warning"
    message = "Monitoring is named but nothing concrete is measured"
    rationale = (
        "'We will add monitoring' is not a plan. Interviewers want the metrics, the thresholds"
        " or SLOs, and what an alert means someone does."
    )
    example = "We will use Prometheus and Grafana for monitoring."
    fix = "Name metrics and targets: p99 redirect latency < 100 ms, 5xx rate < 0.1%, queue lag."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # Named counts even in a list of tools: the point is that nothing concrete follows.
        mentions = [m for m in ctx.mentions.get("monitoring") if m.status != "negated"]
        if not mentions or ctx.mentions.has("slo"):
            return
        lines = {m.line for m in mentions}
        near = [
            t
            for n, t in ctx.lines
            if any(0 <= n - m <= 3 for m in lines) and _CONCRETE_METRIC.search(clean_line(t))
        ]
        if not near:
            # Cite the sentence that names the tooling ("Prometheus and Grafana for monitoring").
            named = [m for m in mentions if brands_in(m.quote) and "monitor" in m.quote.lower()]
            core = [m for m in mentions if m.term in ("monitoring", "monitor", "alerting")]
            yield self.finding(evidence=ctx.evidence((named or core or mentions)[0]))


@register
class NoSecurity(Rule):
    id = "REL105"
    dimension = "reliability"
    kind = "no-security"
    severity = "warning"
    message = "No security: authentication, authorisation or abuse are not addressed"
    rationale = (
        "Who may call what, and how abuse is stopped, is part of every production design;"
        " leaving it out is a gap interviewers note, especially for public APIs."
    )
    example = "(no mention of auth, rate limits or encryption)"
    fix = "Say how callers authenticate, what they may access, and how abuse is limited."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood:
            return
        wanted = ("security", "authentication", "authorization", "rate-limiting-algorithm")
        if not ctx.mentions.has(*wanted):
            severity = "error" if ctx.interview_type == "api" else self.severity
            yield self.finding(severity=severity)


@register
class NoRollout(Rule):
    id = "REL106"
    dimension = "reliability"
    kind = "no-rollout"
    severity = "info"
    message = "No plan for rolling out changes safely"
    rationale = (
        "Most outages come from changes. Canaries, feature flags and fast rollback are what"
        " staff-level interviewers listen for in the operations discussion."
    )
    example = "(no mention of deployment)"
    fix = "Ship behind a feature flag, canary to 1% of traffic, and roll back on SLO burn."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood or ctx.mentions.has("rollout"):
            return
        yield self.finding(severity="warning" if ctx.level == "staff" else "info")


@register
class NoHotKeyHandling(Rule):
    id = "REL107"
    dimension = "reliability"
    kind = "no-hot-key-handling"
    severity = "warning"
    message = "Hot keys are not addressed though this prompt has them"
    rationale = (
        "One celebrity, viral link or flash-sale item can overload a single shard while the rest"
        " idle; interviewers ask how the design survives skew."
    )
    example = "Shard by user id. (no mention of celebrities)"
    fix = "Detect hot keys and split, replicate or cache them (key salting, local caches)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.problem is None or "hot-key" not in ctx.problem.concept_ids():
            return
        if not ctx.mentions.has("hot-key"):
            yield self.finding()


@register
class NoBackPressure(Rule):
    id = "REL108"
    dimension = "reliability"
    kind = "no-back-pressure"
    severity = "warning"
    message = "Queues are used but nothing bounds them when consumers fall behind"
    rationale = (
        "A queue hides overload until it fills a disk or its lag makes results useless;"
        " back pressure or load shedding says what happens then."
    )
    example = "Events go to Kafka and workers process them."
    fix = "Bound the queue, alert on lag, and shed or slow producers (429) past a threshold."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        queue = ctx.mentions.first("message-queue")
        if queue is None:
            return
        if ctx.mentions.has("back-pressure", "rate-limiting-algorithm", "autoscaling"):
            return
        yield self.finding(evidence=ctx.evidence(queue))


@register
class RetriesWithoutIdempotency(Rule):
    id = "REL109"
    dimension = "reliability"
    kind = "retries-without-idempotency"
    severity = "error"
    message = "Retries are planned but the retried operations are not idempotent"
    rationale = (
        "A retry after a timeout may repeat work that already happened; without idempotency"
        " that is a double charge, a duplicate message or a lost update."
    )
    example = "If the payment call times out we retry it."
    fix = "Give each operation an idempotency key and deduplicate on it before acting."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        retry = ctx.mentions.first("retry-backoff")
        if retry is not None and not ctx.mentions.has("idempotency"):
            yield self.finding(evidence=ctx.evidence(retry))


@register
class NoConcurrencyControl(Rule):
    id = "REL110"
    dimension = "reliability"
    kind = "no-concurrency-control"
    severity = "error"
    message = "Shared state is changed concurrently with no concurrency control"
    rationale = (
        "Two users booking the last seat, two threads taking the same spot: races are what"
        " interviewers probe in object-oriented and inventory prompts."
    )
    example = "if seat.isFree(): seat.book(user)"
    fix = "Make the check-and-update atomic: a lock, a transaction, or a compare-and-set."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        needed = ctx.is_ood or ctx.topic("concurrency", "inventory", "payments", "transactions")
        if not needed:
            return
        wanted = ("thread-safety", "pessimistic-locking", "optimistic-locking", "transaction")
        if ctx.mentions.has(*wanted):
            return
        race = ctx.find_line(_CHECK_THEN_ACT)
        if race is not None:
            yield self.finding(
                "A check and the update that depends on it are separate steps: two callers"
                " can both pass the check",
                ctx.line_evidence(race[0], race[1]),
            )
        else:
            yield self.finding()


@register
class MissingEdgeCases(Rule):
    id = "REL111"
    dimension = "reliability"
    kind = "missing-edge-case"
    severity = "warning"
    message = "No edge cases are handled"
    rationale = (
        "Invalid input, an empty lot, a cancelled payment, a full elevator: edge cases show you"
        " think past the happy path, which is what low-level design interviews test."
    )
    example = "(only the happy path is described)"
    fix = "List the edge cases and how each is handled (reject, retry, compensate)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not (ctx.is_ood or ctx.is_front_end):
            return
        if not ctx.mentions.has("edge-cases", "failure-handling"):
            yield self.finding()


@register
class NoStateMachine(Rule):
    id = "REL112"
    dimension = "reliability"
    kind = "no-state-transitions"
    severity = "warning"
    message = "States and legal transitions are not modelled"
    rationale = (
        "Vending machines, elevators, orders and payments move through states; an explicit"
        " state machine makes illegal transitions impossible instead of merely unlikely."
    )
    example = "The machine dispenses when the user pays."
    fix = "Name the states and allowed transitions (an enum and a transition table, or State)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.topic("state-machines"):
            return
        if not ctx.mentions.has("state-machine"):
            yield self.finding()


@register
class NoOfflineHandling(Rule):
    id = "REL113"
    dimension = "reliability"
    kind = "no-offline-handling"
    severity = "warning"
    message = "The client does not say what happens offline or on a flaky connection"
    rationale = (
        "Front-end designs are judged on how they behave when the network fails: queued edits,"
        " optimistic updates and conflict handling on reconnect."
    )
    example = "Edits are sent to the server as the user types."
    fix = "Queue edits locally (IndexedDB), apply optimistically, and reconcile on reconnect."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_front_end and ctx.topic("offline") and not ctx.mentions.has("offline-support"):
            yield self.finding()


@register
class MissingReliabilityItem(Rule):
    id = "REL114"
    dimension = "reliability"
    kind = "missing-reliability-point"
    severity = "warning"
    message = "A reliability point this prompt expects is missing"
    rationale = (
        "Each prompt has failure modes interviewers press on (a lost lock holder, a PSP timeout,"
        " a cache stampede); skipping them leaves the design untested."
    )
    example = "(for a distributed lock) no fencing tokens"
    fix = "Address the failure mode named in the finding."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for item, held in uncovered(ctx, "reliability"):
            yield self.finding(*gap(ctx, item, held))

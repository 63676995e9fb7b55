"""Rules for the components dimension: the building blocks, the graph, and class structure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Evidence, Finding
from tradeoff.language.mentions import NEGATED
from tradeoff.review.rules.base import Rule, register

_STORES = (
    r"postgres(?:ql)?|mysql|mongodb|mongo|cassandra|dynamodb|database|db|redis|sql server"
    r"|primary|server|instance|node|machine|box|cache|broker|kafka broker|store"
)
_SINGLE_INSTANCE = re.compile(
    rf"\b(a single|one|single|only one)\s+(?:central\s+|shared\s+|main\s+|big\s+)?({_STORES})\b"
    r"(?!\s+(?:per|for each))",
    re.I,
)
# "Every service stores its data in PostgreSQL": everything funnels into one named store.
_ALL_INTO_ONE = re.compile(
    r"\b(all|every|everything)\b[^.]{0,80}?\b(stores?|stored|persists?|persisted|written|writes"
    r"|goes|go|kept|lives?)\s+(?:\w+\s+){0,3}?(?:in|into|to)\s+(?:a single\s+|one\s+|the\s+)?"
    r"(?:central\s+|shared\s+|main\s+)?(postgres(?:ql)?|mysql|mongodb|cassandra|dynamodb|redis)\b",
    re.I,
)
_GOD_NAMES = re.compile(r"(manager|system|controller|service|handler|engine|app)$", re.I)


@register
class MissingComponent(Rule):
    id = "CMP101"
    dimension = "components"
    kind = "missing-component"
    severity = "warning"
    message = "A component this prompt needs is missing"
    rationale = (
        "Each prompt has building blocks an interviewer expects (a cache for a read-heavy"
        " shortener, a queue for fan-out); leaving one out usually leaves a requirement unmet."
    )
    example = "(for a news feed) no fan-out workers or queue"
    fix = "Add the component and say what it does for this design."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.problem is None:
            return
        for component in ctx.problem.components:
            if not any(ctx.mentions.strength(c) >= 0.5 for c in component.concepts):
                yield self.finding(f"No {component.name.lower()}: {component.role}")


@register
class DisconnectedDiagram(Rule):
    id = "CMP102"
    dimension = "components"
    kind = "disconnected-diagram"
    severity = "warning"
    message = "The diagram does not connect the clients to any data store"
    rationale = (
        "A diagram whose request path never reaches storage hides the part interviewers care"
        " about: how a request becomes a durable write and how a read is served."
    )
    example = "Client --> API; DB drawn on its own"
    fix = "Draw the request path end to end: client -> LB -> service -> cache/store."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.graph.clients_reach_storage() is False:
            yield self.finding()


@register
class GraphSinglePointOfFailure(Rule):
    id = "CMP103"
    dimension = "components"
    kind = "single-point-of-failure"
    severity = "error"
    message = "A stateful component with no replica sits on every path"
    rationale = (
        "If the only database or queue fails, the whole system stops. Interviewers look for"
        " the box with no twin on the diagram and ask what happens when it dies."
    )
    example = "Client --> App --> DB[(Postgres)] with no replica"
    fix = "Replicate it (a primary with a standby, or a replicated cluster); say how it fails over."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for node in ctx.graph.single_points_of_failure():
            if _replication_discussed_for(ctx, node.label):
                continue
            evidence = (
                ctx.line_evidence(node.line, node.label)
                if node.line is not None
                else Evidence(None, None)
            )
            message = (
                f"'{node.label}' is a single {node.kind} that every request path depends on"
                " and nothing says it is replicated"
            )
            yield self.finding(message, evidence)


_STORE_WORDS = re.compile(
    r"database|\bdb\b|\bdata\b|storage|\bstore|\bsql\b|postgres|mysql|mongo|cassandra|dynamo"
    r"|read replicas?|replica set|primary|leader|follower|standby",
    re.I,
)
_OTHER_WORDS = re.compile(
    r"cache|redis|memcache|queue|kafka|broker|service|server|stateless|app", re.I
)


def _replication_discussed_for(ctx: ReviewContext, label: str) -> bool:
    """Replication said of this node by name, or of storage in general ("read replicas",
    "the database is replicated"), not of some other component ("several app servers")."""
    words = [w for w in re.findall(r"[a-z]{3,}", label.lower()) if w not in ("the", "and")]
    for concept in ("replication", "failover", "leader-follower", "multi-leader", "quorum"):
        for mention in ctx.mentions.positive(concept):
            sentence = mention.quote.lower()
            if any(w in sentence for w in words):
                return True
            if _STORE_WORDS.search(sentence) and not _OTHER_WORDS.search(sentence):
                return True
    return False


@register
class StatedSingleInstance(Rule):
    id = "CMP104"
    dimension = "components"
    kind = "single-point-of-failure"
    severity = "error"
    message = "The design states a single instance of a stateful component"
    rationale = (
        "A single database or broker instance is a single point of failure and a scaling"
        " ceiling; saying so without a plan for its failure is a red flag."
    )
    example = "All data lives in a single Postgres instance."
    fix = "Add a replica and automatic failover, or explain why downtime is acceptable here."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for number, text in ctx.prose:
            match = _SINGLE_INSTANCE.search(text) or _ALL_INTO_ONE.search(text)
            if not match:
                continue
            before = text[: match.start()].lower()
            if re.search(r"\b(no|not|avoid|never|without)\b[^.]*$", before):
                continue
            sentence = text[max(0, match.start() - 40) : match.end() + 40].lower()
            if re.search(
                r"replica|standby|failover|replicated|cluster|per shard|per region", sentence
            ):
                continue
            if not re.search(
                r"database|db|postgres|mysql|redis|sql|cache|broker|kafka|store|storage|data",
                sentence,
            ):
                continue
            if _replication_discussed_for(ctx, match.group(match.lastindex or 0)):
                continue
            yield self.finding(evidence=ctx.line_evidence(number, match.group(0)))
            return


@register
class NoCacheForReads(Rule):
    id = "CMP105"
    dimension = "components"
    kind = "no-cache"
    severity = "warning"
    message = "Reads dominate but there is no cache on the read path"
    rationale = (
        "When reads outnumber writes 10 to 1 or more, a cache is the cheapest capacity you can"
        " buy; interviewers expect it, with its invalidation story."
    )
    example = "Every redirect reads from the database."
    fix = "Put a cache (e.g. Redis, cache-aside with a TTL) in front of the store for hot keys."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood or ctx.mentions.has("cache", "cdn"):
            return
        read_heavy = ctx.topic("caching") or _problem_is_read_heavy(ctx)
        if read_heavy:
            negated = [m for m in ctx.mentions.get("cache") if m.status == NEGATED]
            evidence = ctx.evidence(negated[0]) if negated else Evidence(None, None)
            yield self.finding(evidence=evidence)


def _problem_is_read_heavy(ctx: ReviewContext) -> bool:
    if ctx.problem is None:
        return False
    return any("read-write-ratio" in f.answers for f in ctx.problem.facts)


@register
class NoAsyncFanOut(Rule):
    id = "CMP106"
    dimension = "components"
    kind = "no-async"
    severity = "warning"
    message = "Slow fan-out or processing work runs on the request path; no queue or workers"
    rationale = (
        "Fan-out, transcoding, notifications and crawling take seconds to hours; doing them"
        " inline makes the user wait and couples failures. A queue with workers decouples them."
    )
    example = "On post, the API writes the tweet into every follower's timeline."
    fix = "Enqueue the work (Kafka, SQS) and let workers do it; the API returns at once."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.topic("fan-out", "queues", "media", "streaming", "crawling", "scheduling"):
            return
        if ctx.mentions.has("message-queue", "async-processing", "worker", "stream-processor"):
            return
        yield self.finding()


@register
class NoCdnForMedia(Rule):
    id = "CMP107"
    dimension = "components"
    kind = "no-cdn"
    severity = "warning"
    message = "Media is served without a CDN"
    rationale = (
        "Serving images and video from origin costs egress and latency for distant users; a"
        " CDN is the standard answer and interviewers expect it for media-heavy prompts."
    )
    example = "Clients download photos from the app servers."
    fix = "Serve media through a CDN backed by object storage; say what hit ratio you expect."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.topic("cdn", "media") and not ctx.mentions.has("cdn"):
            yield self.finding()


_GOD_PROSE = re.compile(
    r"\b([A-Z]\w+)\b[^.]*\b(does all the work|does everything|handles everything|handles all"
    r"|manages everything|is responsible for everything|one class (that )?(does|handles))",
)


@register
class GodClass(Rule):
    id = "CMP108"
    dimension = "components"
    kind = "god-class"
    severity = "error"
    message = "One class does most of the work"
    rationale = (
        "A class that owns state, pricing, payment and I/O has many reasons to change; it is"
        " the clearest sign of weak object-oriented design and is hard to test."
    )
    example = "class ParkingLotManager with 15 methods for parking, pricing, payment and display"
    fix = "Split responsibilities: each class owns one concept (Spot, Ticket, PricingStrategy...)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        sizes: dict[str, tuple[int, int | None]] = {}
        for diagram in ctx.diagrams:
            if diagram.kind == "class":
                for name, members in diagram.members.items():
                    node = diagram.nodes.get(name)
                    sizes[name] = (len(members), node.line if node else None)
        for cls in ctx.doc.classes:
            if cls.line not in ctx.skipped:
                sizes[cls.name] = (len(cls.methods) + len(cls.fields) // 2, cls.line)
        methods = {c.name: len(c.methods) for c in ctx.doc.classes}
        total = sum(size for size, _ in sizes.values())
        for name, (size, line) in sizes.items():
            dominant = total >= 8 and size > 0.5 * total and len(sizes) >= 2
            many = size >= 12 or methods.get(name, 0) >= 8
            if many or dominant or (size >= 8 and _GOD_NAMES.search(name)):
                evidence = ctx.line_evidence(line, name) if line else Evidence(None, None)
                yield self.finding(f"{name} holds {size} of the {total} members declared", evidence)
        for number, text in ctx.prose:
            match = _GOD_PROSE.search(text)
            if match:
                yield self.finding(
                    f"{match.group(1)} is described as doing all the work",
                    ctx.line_evidence(number, match.group(0)),
                )


@register
class NoDiagram(Rule):
    id = "CMP109"
    dimension = "components"
    kind = "no-diagram"
    severity = "info"
    message = "No diagram"
    rationale = (
        "A diagram is how an interviewer follows your design; a component (or class) diagram"
        " lets the reviewer check connectivity and single points of failure too."
    )
    example = "(prose only)"
    fix = "Add a Mermaid flowchart of the request path (or a classDiagram for OOD)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not any(d.nodes for d in ctx.diagrams) and not ctx.doc.is_transcript:
            yield self.finding()


@register
class NoLoadBalancer(Rule):
    id = "CMP110"
    dimension = "components"
    kind = "no-load-balancer"
    severity = "warning"
    message = "Several service instances but nothing spreads traffic across them"
    rationale = (
        "Horizontal scaling needs something to route requests to healthy instances; leaving"
        " it out hides how failed instances are taken out of rotation."
    )
    example = "Clients call one of the app servers."
    fix = "Put a load balancer (or gateway) in front of the stateless tier with health checks."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.is_system or ctx.mentions.has("load-balancer", "api-gateway"):
            return
        if ctx.mentions.has("stateless-service") or ctx.graph.of_kind("service"):
            yield self.finding()

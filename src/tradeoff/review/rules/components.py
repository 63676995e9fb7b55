"""Rules for the components dimension: the building blocks, the graph, and class structure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tradeoff.design.kinds import infer_kind
from tradeoff.language.claims import ITEM, SENTENCE
from tradeoff.language.lexicon import is_reading_list
from tradeoff.language.literals import SCREEN, fold
from tradeoff.language.mentions import NEGATED, clean_line
from tradeoff.language.operations import failure_response
from tradeoff.language.staleness import stale_caches
from tradeoff.review.cache_loss import falls_back_to_store
from tradeoff.review.context import ReviewContext
from tradeoff.review.coverage import item_support
from tradeoff.review.findings import Evidence, Finding
from tradeoff.review.graph import says_redundant
from tradeoff.review.needs import states_scale
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.stated_stores import names_product, stated_caches, stated_stores
from tradeoff.review.substance import SUBSTANCE, concept_index, specified_concepts
from tradeoff.text_caches import per_text
from tradeoff.wording import in_sentence

if TYPE_CHECKING:
    from tradeoff.design.model import Node

_STORES = (
    r"postgres(?:ql)?|mysql|mongodb|mongo|cassandra|dynamodb|database|db|redis|sql server"
    r"|primary|server|instance|node|machine|box|cache|broker|kafka broker|store"
    r"|(?:zookeeper|etcd|consul)(?:\s+(?:node|server|instance))?|coordinator|lock server"
    r"|allocator|sequencer|scheduler"
)
# What a node is named by before the word for it: "a single ZooKeeper node".
_PRODUCT = r"(?:(?:redis|postgres(?:ql)?|mysql|mongodb|kafka|rabbitmq|memcached)\s+)?"
_SINGLE_INSTANCE = re.compile(
    rf"\b(a single|one|single|only one)\s+(?:central\s+|shared\s+|main\s+|big\s+)?"
    rf"({_PRODUCT}(?:{_STORES}))\b"
    # "a single database shard" is one shard of a sharded store (a hot shard), not the store;
    # "one database row update per like", "a single database round trip" count work done,
    # with the store's name as an adjective of what is counted
    r"(?!\s+(?:per|for each|shards?|partitions?|rows?|records?|tables?|updates?|writes?"
    r"|reads?|calls?|quer(?:y|ies)|round[- ]trips?|lookups?|transactions?|connections?"
    r"|operations?|hits?|requests?)\b)",
    re.I,
)
# "Every service stores its data in PostgreSQL": everything funnels into one named store.
_ALL_INTO_ONE = re.compile(
    r"\b(all|every|everything)\b[^.]{0,80}?\b(stores?|stored|persists?|persisted|written|writes"
    r"|goes|go|kept|lives?)\s+(?:\w+\s+){0,3}?(?:in|into|to)\s+(?:a single\s+|one\s+|the\s+)?"
    r"(?:central\s+|shared\s+|main\s+)?(postgres(?:ql)?|mysql|mongodb|cassandra|dynamodb|redis)\b",
    re.I,
)
_COORDINATION = re.compile(
    r"zookeeper|etcd|consul|coordinator|lock server|allocator|sequencer|scheduler", re.I
)
SCREEN.add(_SINGLE_INSTANCE, _ALL_INTO_ONE)  # skipped on text without its words
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
            if any(ctx.mentions.strength(c) >= 0.5 for c in component.concepts):
                continue
            names = [component.name, *component.also_called]
            if any(_drawn(ctx, n) for n in names) or _role_described(ctx, component.role):
                continue
            if _role_covered(ctx, component.concepts):
                continue
            if any(_opens_with_mechanism(ctx, n) for n in names):
                continue
            named = [_named_at(ctx, n, component.concepts) for n in names]
            near = min((n for n in named if n is not None), default=None)
            part = _part_of_role(ctx, component.role) if near is None else None
            if near is not None:
                yield self.finding(
                    f"{component.name} is mentioned on line {near} but not specified:"
                    f" {component.role}",
                    ctx.line_evidence(near),
                    severity="info",
                )
            elif part is not None:
                number, done, rest = part
                yield self.finding(
                    f"{component.name}: line {number} does part of its job ({done}), but no"
                    f" component is named for it; still to say: {rest}",
                    ctx.line_evidence(number),
                    severity="info",
                )
            else:
                yield self.finding(f"No {in_sentence(component.name)}: {component.role}")


def _opens_with_mechanism(ctx: ReviewContext, name: str) -> bool:
    """Whether a sentence or list item opens on the component's name and goes on to say
    how it works, concretely: "Checkout service writes the order and its reservations in
    one Postgres transaction: ... `UPDATE stock ... WHERE available >= qty`" specifies the
    checkout service, whatever words its role is written in."""
    phrases = _core_phrases(name)
    # "Checkout and order service" is the checkout service and the order service: the head
    # noun of the last part is the one-word parts' too.
    head = phrases[-1].split()[-1] if phrases and " " in phrases[-1] else ""
    phrases = [f"{p} {head}" if head and " " not in p else p for p in phrases]
    patterns = [re.compile(r"^\W*(?:the\s+|a\s+|an\s+|our\s+)?" + _phrase_pattern(p).pattern,
                           re.I) for p in phrases if " " in p]  # fmt: skip
    if not patterns:
        return False  # a one-word name ("checkout") opens too many sentences to tell
    return any(
        claim.kind in (SENTENCE, ITEM)
        and any(p.match(claim.text) for p in patterns)
        and (claim.features.specific or claim.features.has_evidence)
        and bool(claim.features.mechanisms or claim.features.flow or claim.features.decision)
        for claim in ctx.claims
    )


def _role_covered(ctx: ReviewContext, concepts: list[str]) -> bool:
    """Whether a rubric item that asks for this component's job (it asks for every concept
    the component stands for, and maybe others) is specified another way: the code allocator
    is one way to make codes, and a design that hashes the URL with a collision check, or
    takes each code from a Redis INCR, has made them. Telling it "No code allocator" would
    call a sound choice missing."""
    assert ctx.problem is not None
    wanted = set(concepts)
    parts = [set(c.concepts) for c in ctx.problem.components]
    return any(
        item_support(item, ctx.claims, ctx.mentions, dimension).status == SUBSTANCE
        for dimension, item in ctx.problem.rubric.items()
        if dimension in ("components", "tradeoffs")
        and wanted <= set(item.concepts)
        # an item that asks for two parts ("a job store plus a history store") is met by a
        # line about either: it vouches for neither
        and sum(part <= set(item.concepts) for part in parts) == 1
    )


# Words that say nothing about which component a sentence is about.
_FILLER_WORDS = frozenset(
    "a an the and or of to in on for with by from into at as so no not each every its it"
    " is are be that this which them they their one two same any all when then than"
    " server servers service services store stores data request requests client clients"
    " system user users".split()
)


def _content_words(text: str) -> set[str]:
    """Lower-case words of three letters or more, plurals folded, filler removed, and the
    verbs of one job folded to one word (`_SAME_JOB`)."""
    words = {
        w.removesuffix("s") if len(w) > 4 else w for w in re.findall(r"[a-z0-9]+", text.lower())
    }
    return {_SAME_JOB.get(w, w) for w in words if len(w) >= 3 and w not in _FILLER_WORDS}


# A role's verb and the design's verb for the same job: "chooses and claims the smallest
# fitting free spot" is what "a vehicle is assigned the smallest free spot that fits it"
# does, and `assignSpot` is the method that does it. (Plurals are folded first.)
_SAME_JOB = {
    **dict.fromkeys(
        "choose chooses chose chosen pick picked select selected claim claimed assign"
        " assigned allocate allocated".split(),
        "allocate",
    ),
    **dict.fromkeys("fit fits fitting fitted".split(), "fit"),
}
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    """A line's sentences (and clauses at ";"), lower-cased, with each camelCase name read
    as its words: `assignSpot` is "assign spot", the method that assigns a spot."""
    return re.split(r"(?<=[.!?;])\s+", _CAMEL_HUMP.sub(" ", clean_line(text)).lower())


def _core_phrases(name: str) -> list[str]:
    """ "Rules config service" -> ["config service"]; "API gateway with limiter middleware"
    -> ["api gateway", "limiter middleware"]: the head noun and the word before it."""
    parts = re.split(r"\s+(?:with|and|for|of)\s+", name.lower())
    return [" ".join(part.split()[-2:]) for part in parts if part.strip()]


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"\b" + r"[\s-]+".join(words) + r"(?:e?s)?\b", re.I)


_LISTED_NAMES = re.compile(r"\(([^()]+)\)")
_CLASS_NAME = re.compile(r"\b[A-Z][a-z]+[A-Z]\w*")  # CamelCase: ElevatorHardware


def _drawn(ctx: ReviewContext, name: str) -> bool:
    """A diagram node labelled with the component's name: a `Config Service` box is the
    rules config service, drawn. In an object-oriented design the parts are classes: a
    `HallCall` class is the "Requests (HallCall, CarCall)" part."""
    phrases = _core_phrases(name)
    if ctx.is_ood:
        # "Catalogue classes (Movie, Cinema, Screen)", "ElevatorHardware interface": the
        # classes it names; "Panels and displays": a `Display` class is one of them.
        listed = _LISTED_NAMES.search(name)
        phrases += [n.strip().lower() for n in listed.group(1).split(",")] if listed else []
        phrases += [w.lower() for w in _CLASS_NAME.findall(name)]
        phrases += [p[:-1] for p in phrases if p.endswith("s") and not p.endswith("ss")]
    patterns = [_phrase_pattern(p) for p in phrases if p]
    return any(
        any(p.search(node.label) for p in patterns)
        for diagram in ctx.diagrams
        if diagram.kind not in ("class", "state") or (diagram.kind == "class" and ctx.is_ood)
        for node in diagram.nodes.values()
        if node.kind != "note"
    )


def _role_described(ctx: ReviewContext, role: str) -> bool:
    """A sentence that does what the role says in its own words: "hands each app server a
    block of 1,000 counter values" is the code allocator, whatever the design calls it.
    Half the role's content words, and at least three, in one sentence."""
    wanted = _content_words(role)
    if len(wanted) < 3:
        return False
    for _, text in ctx.lines:
        for sentence in _sentences(text):
            shared = wanted & _content_words(sentence)
            if len(shared) >= 3 and 2 * len(shared) >= len(wanted):
                return True
    return False


_ROLE_CLAUSES = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+(?=[a-z]+s?\b)")


def _part_of_role(ctx: ReviewContext, role: str) -> tuple[int, str, str] | None:
    """A sentence that does one of the jobs a role lists, in its own words, when the role
    lists several ("Translate to each provider's API, pass our attempt id as their
    idempotency key, and route new payments away from an unhealthy provider"): "if a
    provider is down we route new payments to the other one" does the routing. "No provider
    adapters and router" beside it would call missing what the design says; the finding
    names the part done and the parts still to say. A job is done by a sentence holding
    three of its content words and half of them, as `_role_described` asks of the whole."""
    clauses = [c.strip(" .") for c in _ROLE_CLAUSES.split(role) if c.strip(" .")]
    if len(clauses) < 2:
        return None
    for index, clause in enumerate(clauses):
        wanted = _content_words(clause)
        if len(wanted) < 3:
            continue
        # The job's own action must be done: its first word ("route", "applies") and any
        # participle ("cached", "partitioned"). A line that names the same things doing
        # something else ("a payment moves through states" for "applies events through the
        # state machine") does not do it.
        words = re.findall(r"[a-z0-9]+", clause.lower())
        action = _content_words(" ".join([words[0], *(w for w in words if w.endswith("ed"))]))
        for number, text in ctx.lines:
            for sentence in _sentences(text):
                said = _content_words(sentence)
                shared = wanted & said
                if action <= said and len(shared) >= 3 and 2 * len(shared) >= len(wanted):
                    rest = "; ".join(c for i, c in enumerate(clauses) if i != index)
                    return number, clause[0].lower() + clause[1:], rest
    return None


def _stored_pattern(phrase: str) -> re.Pattern[str] | None:
    """ "message store" -> "messages are stored (kept, persisted)": a design that says where
    its messages are stored names the message store, whatever its box is called."""
    words = phrase.split()
    if len(words) != 2 or words[1] not in ("store", "storage"):
        return None
    thing = re.escape(words[0])
    return re.compile(
        rf"\b{thing}(?:e?s)?\s+(?:are|is|get|gets)\s+(?:\w+\s+)?(?:stored|kept|persisted)\b",
        re.I,
    )


def _named_at(ctx: ReviewContext, name: str, concepts: list[str]) -> int | None:
    """The first line that names the component or its concept without saying what it does."""
    weak = ctx.mentions.any_mention(*concepts)
    phrases = _core_phrases(name)
    patterns = [_phrase_pattern(p) for p in phrases]
    stored = [p for p in map(_stored_pattern, phrases) if p is not None]
    # The document's title ("# E-commerce checkout") names the prompt, not a part of it.
    titles = {s.start for s in ctx.doc.sections if s.level == 1}
    named = next(
        (
            n
            for n, t in ctx.lines
            if n not in titles
            and (
                any(
                    p.search(clean_line(t)) and _in_its_sense(ctx, phrase, n)
                    for phrase, p in zip(phrases, patterns, strict=True)
                )
                or any(p.search(clean_line(t)) for p in stored)
            )
        ),
        None,
    )
    found = [n for n in (weak.line if weak else None, named) if n is not None]
    return min(found) if found else None


def _in_its_sense(ctx: ReviewContext, phrase: str, line: int) -> bool:
    """Whether a name that is one word and a concept's own term ("logs" of "Metrics and
    logs") is read on the line in that concept's sense: "compared to Sliding Window Logs"
    names an algorithm, not the component that keeps the logs."""
    if " " in phrase:
        return True
    senses = [c.id for c in ctx.vocabulary.concepts.values() if phrase in c.terms]
    return not senses or any(m.line == line for c in senses for m in ctx.mentions.get(c))


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
        if not _needs_redundancy(ctx):
            return
        reported: set[str] = set()
        for point in ctx.graph.single_points_of_failure(scaled_out=True):
            node = point.node
            others = [n for n in ctx.graph.nodes.values() if n is not node]
            if _replication_discussed_for(ctx, node.label, node.kind, others):
                continue
            if _loss_answered_for_the_only(ctx, node.kind):
                continue
            if node.kind == "cache" and _cache_falls_back(ctx, node.label, others):
                continue  # its loss costs latency: reads go to the store meanwhile
            evidence = (
                ctx.line_evidence(node.line, node.label)
                if node.line is not None
                else Evidence(None, None)
            )
            users = ", ".join(f"'{d}'" for d in point.dependents[:3])
            message = (
                f"'{node.label}' is a single {_KIND_NAMES.get(node.kind, node.kind)} used by"
                f" {users}, and nothing says it is replicated or fails over"
                + (_NO_FALLBACK if node.kind == "cache" else "")
            )
            reported.add(_key_words(node.label))
            yield self.finding(message, evidence)
        yield from self._sized_at_one(ctx, reported)
        yield from self._stated_in_prose(ctx, reported)

    def _stated_in_prose(self, ctx: ReviewContext, reported: set[str]) -> Iterator[Finding]:
        """A store the prose names as the design's own ("posts are stored in MySQL") and
        never draws, used by a tier the text runs as several instances, with nothing
        anywhere giving it copies: the same single point as a box drawn once, read from
        the sentence that chose it (`review.stated_stores`)."""
        tier = _tier_of_several(ctx)
        if tier is None:
            return
        others = list(ctx.graph.nodes.values())
        for store in [*stated_stores(ctx.prose), *stated_caches(ctx.prose)]:
            named = names_product(store.product)
            if (
                any(named.search(node.label) for node in others)  # drawn: judged above
                # A store of its kind drawn under its role ("Orders DB") is likely the one
                # the prose names by product: the graph judges it, with its drawn copies.
                # One drawn under other products ("Timeline Store (Cassandra/DynamoDB)")
                # is not the MySQL the prose chose for the users.
                or any(
                    not _names_a_product(ctx.graph.nodes[key].label)
                    for key in ctx.graph.of_kind(store.kind)
                )
                or _key_words(store.product) in reported
                or _copies_said_of(ctx, store.product, named)
                or _replication_discussed_for(ctx, store.product, store.kind, others)
                or (store.kind == "cache" and _product_falls_back(ctx, named))
            ):
                continue
            reported.add(_key_words(store.product))
            holds = (
                "is the one cache in front of the store"
                if store.kind == "cache"
                else "holds the design's data"
            )
            yield self.finding(
                f"'{store.product}' {holds} while {tier} runs as several instances, and nothing"
                " says it is replicated, has a standby or fails over"
                + (_NO_FALLBACK if store.kind == "cache" else ""),
                ctx.line_evidence(store.line, store.product),
            )

    def _sized_at_one(self, ctx: ReviewContext, reported: set[str]) -> Iterator[Finding]:
        """A sizing table that gives a store, cache, queue or coordinator one node while
        other tiers of the same table run several ("| DB (PostgreSQL) | 1 |" below "| Feed
        API | 8 |"): the design's own count says the store has no copy, whatever the prose
        says of replication elsewhere (one node holds no replica)."""
        for rows in _sizing_tables(ctx):
            several = [(label, count) for _, label, count in rows if count >= 2]
            if not several:
                continue
            for number, label, count in rows:
                kind = infer_kind(label)
                if (
                    count != 1
                    or kind not in _SINGLE_POINT_TABLE_KINDS
                    or _MANAGED.search(label)
                    or _LOCAL_STORE.search(label)
                    or _key_words(label) in reported
                ):
                    continue
                other, many = max(several, key=lambda pair: pair[1])
                yield self.finding(
                    f"'{label}' is sized at 1 node while '{other}' runs {many}: a single"
                    f" {_KIND_NAMES.get(kind, kind)}, so nothing takes over when it fails"
                    " (one node holds no replica)",
                    ctx.line_evidence(number, label),
                )


_SINGLE_POINT_TABLE_KINDS = frozenset({"database", "cache", "queue", "coordination"})
# A cache whose loss the design answers by reading from the store is not reported
# (`review.cache_loss`); the finding says that is what it looked for.
_NO_FALLBACK = ", or that reads go to the store while it is down"


def _cache_falls_back(ctx: ReviewContext, label: str, others: Sequence[Node]) -> bool:
    """Whether the design says reads go to the store when this cache is lost: said of it
    by name, or of "the cache" or its product with no other cache named there ("Cache
    outage: Redis cluster fails. Fix: read from the persistent timeline store")."""
    named = _node_named(label, [o.label for o in others], "cache")
    # each other cache by its own names, "the cache" not among them while this is one too
    rivals = [
        n
        for n in (_node_named(o.label, [label], "cache") for o in others if o.kind == "cache")
        if n is not None
    ]

    def names(text: str) -> bool:
        if named is not None and named.search(text):
            return True
        return not any(rival.search(text) for rival in rivals)

    return falls_back_to_store(ctx.claims, names) is not None


def _names_a_product(label: str) -> bool:
    """Whether a box's label names the product it runs on ("Timeline Store (Cassandra)")."""
    return any(_PRODUCT_WORD.match(word) for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", label))


def _product_falls_back(ctx: ReviewContext, named: re.Pattern[str]) -> bool:
    """Whether the design says reads go to the store when the cache product `named`
    (a cache named only in prose) is lost."""

    def names(text: str) -> bool:
        return named.search(text) is not None

    return falls_back_to_store(ctx.claims, names) is not None


# A tier stated as several instances: "stateless API servers", "autoscaled workers", "a
# fleet of", "behind the load balancer", "12 app servers".
_TIER_OF_SEVERAL = re.compile(
    r"\bstateless\b|\bauto-?scal\w*|\bhorizontal(?:ly)?[- ]scal\w*|\bscale[sd]? (?:out"
    r"|horizontally)\b|\bfleet\b|\bbehind (?:an? |the )?(?:load[- ]balancers?|LBs?|ALB|ELB)\b"
    r"|\b(?:\d+|two|three|four|several|multiple|many)\s+(?:app(?:lication)? |api |web"
    r" |stateless |worker )?(?:servers|instances|pods|workers)\b",
    re.I,
)


def _tier_of_several(ctx: ReviewContext) -> str | None:
    """What says a tier runs as several instances: a tier drawn so, or the text's words."""
    for key, node in ctx.graph.nodes.items():
        if node.kind in ("service", "worker", "api-gateway") and ctx.graph.is_several(key):
            return f"'{node.label}'"
    for _, text in ctx.prose:
        if is_reading_list(text):
            continue  # "* [Horizontal scaling](...)" names a topic to study
        match = _TIER_OF_SEVERAL.search(clean_line(text))
        if match is not None:
            return f"a tier ('{match.group(0)}')"
    return None


def _copies_said_of(ctx: ReviewContext, product: str, named: re.Pattern[str]) -> bool:
    """Whether any line naming the product gives it copies, a cluster, a managed service or
    shards, or states it single (CMP104 then reports it): read over the whole design, so
    a replica said in another section counts."""
    for _, text in ctx.prose:
        line = clean_line(text)
        if not named.search(line):
            continue
        if SCREEN.search(_SINGLE_INSTANCE, line) and named.search(line):
            return True
        said = _others_copies_removed(line, product)
        if says_redundant(said) or _MANAGED.search(said) or _COPIES.search(said):
            return True
    return False


# Services the provider runs replicated: one "instance" of them is not one machine.
_MANAGED = re.compile(
    r"\bs3\b|\bgcs\b|dynamo|spanner|cosmos|bigtable|aurora|\bsqs\b|\bsns\b|kinesis"
    r"|pub ?/ ?sub|firestore|\bmanaged\b|\brds\b|cloud sql|elasticache|memorystore",
    re.I,
)
_LOCAL_STORE = re.compile(r"\blocal\b|in-?process|embedded|sqlite|per[- ](?:node|host|pod)", re.I)
# A column that counts machines: "# Nodes", "Instances", "Replicas", "Count".
_COUNT_COLUMN = re.compile(
    r"^\W*(?:#|no\.?|number of)?\s*(?:nodes?|instances?|servers?|hosts?|machines?|boxes"
    r"|pods?|count)\W*$",
    re.I,
)


def _key_words(label: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", label.lower()))


def _sizing_tables(ctx: ReviewContext) -> list[list[tuple[int, str, int]]]:
    """(line, first cell, count) for each row of each table with a machine-count column."""
    tables: list[list[tuple[int, str, int]]] = []
    column: int | None = None
    previous = 0
    for number, text in ctx.prose:
        stripped = text.strip()
        if not stripped.startswith("|"):
            column = None
            continue
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        if previous != number - 1:
            column = next((i for i, c in enumerate(cells) if _COUNT_COLUMN.match(c)), None)
            if column is not None and column > 0:
                tables.append([])
            else:
                column = None
        elif column is not None and not re.fullmatch(r"[|:\-\s]+", stripped):
            cell = cells[column] if column < len(cells) else ""
            count = re.fullmatch(r"\**\s*(\d{1,4})\s*\**", cell)
            label = cells[0].strip(" *_`")
            if count and label:
                tables[-1].append((number, label, int(count.group(1))))
        previous = number
    return tables


_KIND_NAMES = {"coordination": "coordinator"}


def _needs_redundancy(ctx: ReviewContext) -> bool:
    """Whether this design must survive a node's failure.

    A catalog prompt at scale asks by itself; otherwise the design must draw a tier of
    several instances, or its own text state an availability target, several instances or
    a scale (`language.operations.redundancy_need`): a single-user tool with a local SQLite
    file is not told to replicate it. The diagram is asked before the text, which is read
    line by line until one states a need (most of a long answer, where none does early).
    """
    if ctx.problem is not None and ctx.is_system:
        return True
    return states_scale(ctx)


_STORE_WORDS = re.compile(
    r"database|\bdb\b|\bdata\b|storage|\bstore|\bsql\b|postgres|mysql|mongo|cassandra|dynamo"
    # a follower is a copy beside its leader or doing a copy's work ("followers serve
    # snapshot reads"): a feed's "followers" are users ("If fan-out down -> no new posts
    # for followers")
    r"|read replicas?|replica set|primary|standby|leader"
    r"|followers?\s+(?:nodes?|replicas?|serve|replicate|catch|lag|apply|applies)",
    re.I,
)
_OTHER_WORDS = re.compile(
    r"cache|redis|memcache|queue|kafka|broker|service|server|stateless|app", re.I
)
# Words too common to tie a sentence to one node ("the cluster is replicated" is not about
# the Cluster Manager, "partition key" not about the Key Generation Service).
_GENERIC_LABEL_WORDS = frozenset(
    "the and service server store database cluster manager node nodes primary main central"
    " shared global index data api app key keys".split()
)
# The number counts the machines: up to three words between them ("3 Redis nodes", "two
# read replicas", "3-node"), none a verb or a preposition, so "2 TB/5 yr is trivial for a
# single-node primary" counts years, not nodes.
_COPIES = re.compile(
    r"\b(?:\d+|two|three|five|several|multiple)\b"
    r"(?:[\s-]+(?!(?:is|are|was|were|be|for|of|in|on|at|to|per|by|with|a|an|the)\b)[\w/+()]+)"
    r"{0,3}?[\s-]+(?:nodes?|replicas?|members?|instances?|copies)\b"
    r"|\bno single point of failure\b|\bhot spare\b",
    re.I,
)
# Each instance carries on with its own copy while the node is down: not a single point.
_LOCAL_FALLBACK = re.compile(
    r"\b(?:locally cached|local (?:copy|copies|cache|caches|fallback|buckets?)|in-memory copy"
    r"|cached (?:copy|rules|config\w*|policies)|continues? (?:uninterrupted|to (?:serve|work|run))"
    r"|keeps? (?:serving|working|running))\b",
    re.I,
)
# Clauses, so "Postgres for the data, Kafka for events" does not lend Kafka's cluster to
# Postgres; a comma inside parentheses ("(e.g., DynamoDB or Cassandra)") stays in its clause.
_CLAUSE = re.compile(r"[.;!?]\s|,\s(?![^()]*\))|\band\b|\bbut\b|\bwhile\b")
# Products that run only as a cluster. Beside another node's name they are that product's
# own copies: "| PostgreSQL | Cassandra/DynamoDB |" rejects a clustered store, and "a
# counter in etcd/ZooKeeper or a PostgreSQL advisory lock" offers one; neither gives
# PostgreSQL a replica.
_CLUSTER_PRODUCTS = re.compile(
    r"\b(?:s3|gcs|dynamo\w*|spanner|cosmos\w*|bigtable|aurora|sqs|sns|kinesis|firestore|kafka"
    r"|pulsar|cassandra|scylla\w*|cockroach\w*|tidb|yugabyte\w*|vitess|hbase|couchbase|foundationdb"
    r"|zookeeper|etcd|consul|elastic\w*|opensearch|object stor\w*)\b",
    re.I,
)


_NAMED_PRODUCT = re.compile(
    r"\b(?:postgres\w*|mysql|mariadb|redis|memcached?|mongo\w*|oracle|sql server|rabbitmq)\b",
    re.I,
)


_OFFERED = re.compile(r"\s*(?:or|e\.?g\.?|vs\.?|versus|alternatively|either|instead)\b", re.I)


def _others_copies_removed(clause: str, label: str) -> str:
    """The clause without the clustered products that are not the node itself, when the
    node is named by its own product ("PostgreSQL Primary"). A node named by its role
    ("Message Queue", "NoSQL Database") may be the product the clause names for it
    ("a Message Queue (Kafka/RabbitMQ)"), so its clause is read whole."""
    own = _NAMED_PRODUCT.search(label) or _CLUSTER_PRODUCTS.search(label)
    if own is None:
        return clause
    # What the node's own product runs as, set in brackets after its name ("PostgreSQL
    # (Amazon Aurora)", "Postgres (Aurora)"), is the node itself, not another's copies.
    runs_as = [
        m.span(1)
        for m in re.finditer(rf"{re.escape(own.group(0))}[*_`]*\s*\(([^()]*)\)", clause, re.I)
        # (A bracket that offers another product, "Sharded PostgreSQL (or CockroachDB)",
        # "Redis (or DynamoDB atomic counters)", is an alternative, not what it runs as.)
        if not _OFFERED.match(m.group(1))
    ]
    return _CLUSTER_PRODUCTS.sub(
        lambda m: (
            m.group(0)
            if m.group(0).lower() in label.lower()
            or any(start <= m.start() < end for start, end in runs_as)
            else " "
        ),
        clause,
    )


# A line that opens a list item of its own ("3. **Geographic Latency:** ...", "- Cost: ...")
# or a table's next row ("| Fail-open for standard tier | ...") is the next point, not the
# answer to the line before, unless its label names a response ("- *Mitigation:* gateways
# use their cached rules").
_NEW_POINT = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+|\|)")
_RESPONSE_LABEL = re.compile(
    r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?[*_]*(?:mitigations?|responses?|fix|recovery|handling"
    r"|solutions?|fallback|actions?|remedy|then)\b",
    re.I,
)


def _continues(line: str) -> bool:
    """Whether `line` goes on with the point of the line before it (see _NEW_POINT)."""
    return _NEW_POINT.match(line) is None or _RESPONSE_LABEL.match(line) is not None


def _own_copies(said: str, named: _Names, rivals: Sequence[_Names]) -> bool:
    """Whether a count of machines in the clause is this node's: "3 Redis nodes" or "two
    replicas" are, but "multiple API Gateway instances" beside Redis are the gateway's, as
    the count names another drawn node and not this one (`rivals` are the other nodes)."""
    for match in _COPIES.finditer(said):
        counted = match.group(0)
        if named.search(counted) or not any(rival.search(counted) for rival in rivals):
            return True
    return False


_TRIGGER_WORDS = re.compile(r"\b(?:goes down|fails?|outage|unavailable|unreachable|dies)\b", re.I)
# Responses that do not keep the system up without the node: an alert, a retry, a back-off.
_NOT_A_FAILOVER = re.compile(r"^(?:page[sd]?|alert\w*|retr\w*|back\w* off|throttl\w*)$", re.I)


# What a design calls the one node of a kind when it does not use the node's label: the
# allocator drawn as "Key Generation Service" is "Zookeeper/Range Handler" in the failure
# table. Only the kinds a design usually draws once.
_KIND_CONCEPTS: dict[str, frozenset[str]] = {
    "coordination": frozenset({"coordination-service", "id-generator"}),
}
# The node itself lost, not something wrong with what it holds ("cache poisoning").
_NODE_LOST = re.compile(
    r"\b(?:down|fails?|outage|unavailable|unreachable|dies|crash(?:es|ed)?|lost)\b", re.I
)
# A table row's column names ("Failure Scenario: ... Mitigation: ..."), which are not what
# the row says happened.
_COLUMN_NAMES = re.compile(r"(?:^|\.\s)[^:.]{1,30}:")


def _loss_answered_for_the_only(ctx: ReviewContext, kind: str) -> bool:
    """Whether the design answers the loss of its only node of `kind`, named by what it is
    rather than by its label: "Zookeeper/Range Handler down: servers keep shortening from
    their buffered ranges" answers for the one "Key Generation Service" box. With two
    nodes of the kind, the line could be about either, and the names must decide."""
    concepts = _KIND_CONCEPTS.get(kind)
    if concepts is None or len(ctx.graph.of_kind(kind)) != 1:
        return False
    for claim in ctx.claims:
        if not claim.features.failure_response or concepts.isdisjoint(claim.features.concepts):
            continue
        answer = failure_response(claim.text)
        if (
            answer is not None
            and _NODE_LOST.search(_COLUMN_NAMES.sub(" ", claim.text))
            and not _NOT_A_FAILOVER.match(answer.response)
        ):
            return True
    return False


@dataclass(frozen=True)
class _Names:
    """A node's names as a case-insensitive pattern, and the names themselves: every match
    holds one in the text's folded form (as re.I reads letters), so a text holding none,
    most of a design's lines, is not searched at each of its words."""

    pattern: re.Pattern[str]
    names: tuple[str, ...]

    def search(self, text: str) -> re.Match[str] | None:
        folded = fold(text)
        if not any(name in folded for name in self.names):
            return None
        return self.pattern.search(text)


@per_text
@lru_cache(maxsize=4096)
def _initials(label: str) -> str | None:
    """A label's initials, lower-cased ("Key Generation Service" -> kgs), if it has two."""
    capitals = [w[0] for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", label) if w[0].isupper()]
    return "".join(capitals).lower() if len(capitals) >= 2 else None


# The head nouns that say what kind of box a label is, not which one: "Feed Service" is not
# named by every line about a service. With a word of the label before them they are a
# name ("feed service"); alone, never (but see _KIND_HEADS).
_HEAD_WORDS = frozenset(
    "service services svc server servers api apis db dbs database databases store stores"
    " storage datastore layer tier worker workers consumer consumers gateway cache caches"
    " queue queues broker brokers cluster node nodes system engine index manager table"
    " tables handler".split()
)
# Words of a label that name nothing on their own or before a head ("Shared Store").
_NOT_MODIFIERS = frozenset(
    "the and or of for with to a an main central shared global primary new old".split()
)
_STORE_HEAD_WORDS = frozenset("db dbs database databases store stores storage datastore".split())
# A stateful head, and what the text calls a part or a copy of it: "the mailbox shard" is
# a shard of the Mailbox Store, "the follow database" the Follow DB.
_STATEFUL_HEADS = _STORE_HEAD_WORDS | {"cache", "caches", "queue", "queues", "index"}
_PARTS = r"|shards?|partitions?|replicas?|clusters?|primary|primaries|nodes?"
_STORE_TAIL = r"(?:db|database|data ?store|store|storage)s?"
# A kind word names the node alone when no other drawn node has it: "the cache" is the
# only cache.
_KIND_HEADS = frozenset({"cache", "queue", "broker"})
# Up to two words between a modifier and its head ("user/follow DB", "NoSQL key-value
# store"), none a function word: "user data in the DB" is not the User DB.
_GAP = r"(?:(?!(?:in|on|of|for|to|from|by|with|and|or|the|a|an|is|are)\b)[\w-]+[\s/-]+){0,2}"
# Where a label's name phrase ends: a label's lines are joined ("Feed Cache\nRedis Cluster"
# reads "Feed Cache Redis Cluster"), so a product, a bracket, a separator or a head noun
# ends one ("Vector Store Pinecone / Qdrant" is a Vector Store, then its products).
_LABEL_BREAK = re.compile(r"[()\[\]{}:;,+·|•—–\"]")
# Stores named by their product, beyond the two lists above: vector and analytics stores.
_MORE_PRODUCTS = (
    r"\b(?:pinecone|qdrant|milvus|weaviate|chroma\w*|faiss|pgvector|clickhouse|druid|pinot"
    r"|influx\w*|timescale\w*|neo4j|minio|ceph|hdfs|rocksdb|sqlite|couchdb|riak|nats"
    r"|bigquery|redshift|memcache)\b"
)
_PRODUCT_WORD = re.compile(
    rf"^(?:{_NAMED_PRODUCT.pattern}|{_CLUSTER_PRODUCTS.pattern}|{_MORE_PRODUCTS})$", re.I
)


# What describes a node rather than names it: a bracket ("PostgreSQL Primary (Writes)",
# "Redis Cluster (Primary - hot URLs)") or what follows a colon ("Prefix Trie: top-N").
_DESCRIPTION = re.compile(r"[(\[{:]")


def _name_runs(label: str) -> list[tuple[str, ...]]:
    """The runs of words, lower-cased, of the label's name: its part before a description,
    or the first part with a word that is not a product ("Redis (Feed Cache)" is a Feed
    Cache). Each run ends at a break, before a product (left out) or after a head noun."""
    for name in _DESCRIPTION.split(label):
        runs = _runs(name)
        if runs:
            return runs
    return []


def _runs(name: str) -> list[tuple[str, ...]]:
    runs: list[tuple[str, ...]] = []
    for part in _LABEL_BREAK.split(name):
        run: list[str] = []
        for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", part):
            if _PRODUCT_WORD.match(word):
                runs.append(tuple(run))
                run = []
                continue
            run.append(word.lower())
            if word.lower() in _HEAD_WORDS and len(run) > 1:
                runs.append(tuple(run))
                run = []
        runs.append(tuple(run))
    return [run for run in runs if run]


def _plural(word: str) -> str:
    """A word in either number: "post" or "posts", "status" or "statuses"."""
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return rf"(?:{re.escape(word)}|{re.escape(stem)}(?:e?s)?)"


def _node_named(
    label: str,
    others: Iterable[str] = (),
    kind: str | None = None,
    beside: Iterable[str] | None = None,
) -> _Names | None:
    """`_named_by` with its lists as tuples: every node drawn asks it of every other's
    label, and about half the calls of a review were asked before in it."""
    return _named_by(label, tuple(others), kind, None if beside is None else tuple(beside))


@per_text
@lru_cache(maxsize=4096)
def _named_by(
    label: str,
    others: tuple[str, ...] = (),
    kind: str | None = None,
    beside: tuple[str, ...] | None = None,
) -> _Names | None:
    """How the text names the node: a product in its label ("Redis"), its initials ("KGS"),
    its head noun phrase ("feed cache", "follow DB" or "follow database", "NoSQL ...
    database" for a "NoSQL Key-Value Store"), or its head noun alone when no other node has
    it in its diagram (`beside`, by default `others`: "the allocator", "the queue"; a
    sequence diagram's "Message Queue" is the flowchart's "Video Queue" redrawn, not a
    second queue). A modifier alone never names it: in a feed design
    "feed" or "user" is on most lines, and "Hotspot user" says nothing of a "User/Follow
    DB"; nor does a kind word alone ("service", "DB").

    A node that holds state (`kind`) is also named by its kind's word after a word of its
    label ("the metadata DB" for "PostgreSQL - Metadata"), by a part of it ("the mailbox
    shard"), and by the key it is named for as what it is sharded by ("shard by prefix" for
    a "Prefix Trie"). A word that is another drawn node's initials (`others`) is that
    node's: the "KGS" of "KGS MySQL primary" names the Key Generation Service that owns the
    database, so "KGS instances" are not its copies."""
    taken = {name for name in map(_initials, others) if name is not None}
    runs = _name_runs(label)
    # Words of the other nodes, less those drawn under the same name (a sequence diagram's
    # "Redis (Feed Cache)" is the flowchart's "Feed Cache Redis Cluster").
    own_runs = set(runs)
    other_words = {
        w
        for o in (others if beside is None else beside)
        if not own_runs & set(_name_runs(o))
        for run in _name_runs(o)
        for w in run
    }
    kind_tail = _KIND_TAILS.get(kind or "")
    names: list[str] = []  # each name's first word as the text holds it (see _Names)
    patterns: list[str] = []

    def add(literal: str, pattern: str) -> None:
        names.append(literal)
        patterns.append(pattern)

    def phrase(modifier: str, tail: str) -> None:
        if modifier in _HEAD_WORDS or modifier in _NOT_MODIFIERS or modifier in taken:
            return
        stem = modifier[:-1] if modifier.endswith("s") else modifier
        add(stem, rf"{_plural(modifier)}[\s/-]+{_GAP}(?:{tail})\b")
        if kind_tail is not None or tail.endswith(_PARTS):
            add("shard", rf"shard\w*\s+(?:by|on)\s+(?:the\s+)?[`'\"]?{re.escape(modifier)}\b")

    for word in re.findall(r"[A-Za-z][A-Za-z0-9]*", label):
        if _PRODUCT_WORD.match(word) and word.lower() not in taken:
            add(word.lower(), re.escape(word.lower()))
    for run in runs:
        head = run[-1]
        holds = kind_tail is not None or head in _STATEFUL_HEADS
        tail = (_STORE_TAIL if head in _STORE_HEAD_WORDS else _plural(head)) + (
            _PARTS if holds else ""
        )
        for modifier in run[:-1]:
            phrase(modifier, tail)
        if kind_tail is not None and head not in _HEAD_WORDS:
            for modifier in run:  # the kind's word implied: "PostgreSQL - Metadata"
                phrase(modifier, kind_tail + _PARTS)
        alone = head not in _HEAD_WORDS | _GENERIC_LABEL_WORDS or head in _KIND_HEADS
        if alone and len(head) >= 3 and head not in taken and head not in other_words:
            add(head, rf"{_plural(head)}\b")
    own = _initials(label)
    if own is not None:
        add(own, re.escape(own))
    if not names:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(patterns) + r")", re.I)
    return _Names(pattern, tuple(dict.fromkeys(names)))


# The word each stateful kind goes by after a word of its label.
_KIND_TAILS = {
    "database": _STORE_TAIL,
    "cache": "caches?",
    "queue": "queues?",
    "coordination": "(?:coordinators?|services?)",
}
_COPIES_CONCEPTS = frozenset({"replication", "failover", "leader-follower", "multi-leader",
                              "quorum", "consensus", "leader-election"})  # fmt: skip


def _replication_discussed_for(
    ctx: ReviewContext, label: str, kind: str = "database", others: Sequence[Node] = ()
) -> bool:
    """Copies, a cluster or a failover said of this node by name ("Redis runs as three nodes
    under Sentinel", "the KGS goes down: gateways keep their cached rules"), or of storage in
    general ("read replicas", "the database is replicated") when the node is a database.

    `others` are the other nodes drawn: a word of this label that is another's initials
    names that node, and a sentence naming another database ("a globally distributed NoSQL
    database" beside a "NoSQL Key-Value Store") is about that one, not storage in general."""
    me = next((n for n in ctx.graph.nodes.values() if n.label == label), None)
    beside = [o.label for o in others if me is None or ctx.graph.drawn_together(me, o)]
    named = _node_named(label, [o.label for o in others], kind, beside)
    stores = [_node_named(o.label) for o in others if o.kind == "database"]
    elsewhere = [n for n in stores if n is not None]
    # A sentence that specifies the copies ("three replicas", "fails over in 30 s"), not
    # one that only names replication. Only the claims the concept index lists under one of
    # those concepts can (it lists every claim that specifies one): each node drawn asked
    # every claim of the design again.
    by_concept = concept_index(ctx.claims)
    listed = sorted({p for concept in _COPIES_CONCEPTS for p in by_concept.get(concept, ())})
    for claim in (ctx.claims[p] for p in listed):
        if _COPIES_CONCEPTS.isdisjoint(specified_concepts(claim)):
            continue
        # the whole sentence, however its lines wrap; a diagram part by its own line
        sentence = claim.text if claim.kind in (SENTENCE, ITEM) else claim.quote
        if named is not None and named.search(sentence):
            return True
        # ... unless it names a product that runs only as a cluster: "Elasticsearch: 5
        # primary shards x 3 replicas" gives the search cluster its copies, not the database.
        if (
            kind == "database"
            and _STORE_WORDS.search(sentence)
            and not _OTHER_WORDS.search(sentence)
            and not any(other.search(sentence) for other in elsewhere)
            and not _CLUSTER_PRODUCTS.search(sentence)
        ):
            return True
    if named is None:
        return False
    rivals = [n for n in (_node_named(o.label) for o in others) if n is not None]
    prose = ctx.prose
    for index, (_, text) in enumerate(prose):
        line = clean_line(text)
        if not named.search(line):
            continue
        for clause in _CLAUSE.split(line):
            # "a single ZooKeeper node" is one node, though a box labelled ZooKeeper is read
            # as the usual ensemble: the copies must be said beside the phrase, not by it.
            said = _SINGLE_INSTANCE.sub(" ", clause)
            said = _others_copies_removed(said, label)
            if named.search(clause) and (says_redundant(said) or _own_copies(said, named, rivals)):
                return True
        # The failure of this node, answered in its sentence or on the next line ("*Failure:*
        # the DB goes down." / "*Mitigation:* gateways use their cached rules.").
        following = (
            clean_line(prose[index + 1][1])
            if index + 1 < len(prose) and _continues(prose[index + 1][1])
            else ""
        )
        sentences = re.split(r"(?<=[.!?])\s+", line)
        for position, sentence in enumerate(sentences):
            if not named.search(sentence):
                continue
            said = f"{sentence} {following}" if position == len(sentences) - 1 else sentence
            answer = failure_response(said)
            # the node itself lost, not a stale copy of what it holds ("re-fetches the ACL
            # from PostgreSQL | Stale index ACL snapshots")
            if (
                answer is not None
                and not _NOT_A_FAILOVER.match(answer.response)
                and _NODE_LOST.search(_COLUMN_NAMES.sub(" ", said))
            ):
                return True
            if _TRIGGER_WORDS.search(sentence) and _LOCAL_FALLBACK.search(said):
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
        "A single database or broker instance, or a lone coordination node (one ZooKeeper"
        " node, one allocator every create calls), is a single point of failure and a scaling"
        " ceiling; saying so without a plan for its failure is a red flag."
    )
    example = "All data lives in a single Postgres instance."
    fix = "Add a replica and automatic failover, or explain why downtime is acceptable here."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood and not _needs_redundancy(ctx):
            return  # a parking lot's one database: an object-oriented design runs in one place
        reported: set[str] = set()
        for number, text in ctx.prose:
            match = SCREEN.search(_SINGLE_INSTANCE, text) or SCREEN.search(_ALL_INTO_ONE, text)
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
                r"database|db|postgres|mysql|redis|sql|cache|broker|kafka|store|storage|data"
                # coordinating state: every create waits on the one counter or lock holder
                r"|zookeeper|etcd|consul|coordinat|lock serv|allocat|sequencer|schedul",
                sentence,
            ):
                continue
            label = match.group(match.lastindex or 0)
            # "the database is replicated" says nothing of the one ZooKeeper node
            kind = "coordination" if _COORDINATION.search(label) else "database"
            if _replication_discussed_for(ctx, label, kind):
                continue
            # Each single instance once: a lone Redis and a lone ZooKeeper are two outages.
            if label.lower() in reported:
                continue
            reported.add(label.lower())
            yield self.finding(evidence=ctx.line_evidence(number, match.group(0)))


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
        read_heavy = (ctx.topic("caching") and not _is_the_cache(ctx)) or _problem_is_read_heavy(
            ctx
        )
        if read_heavy:
            negated = [m for m in ctx.mentions.get("cache") if m.status == NEGATED]
            evidence = ctx.evidence(negated[0]) if negated else Evidence(None, None)
            yield self.finding(evidence=evidence)


def _problem_is_read_heavy(ctx: ReviewContext) -> bool:
    """Whether the prompt's facts say reads dominate ("GETs outnumber PUTs about 10 to 1",
    "roughly 90% reads") and its rubric puts a cache on the read path. A fact that answers
    the read/write question may say the opposite: a ride-sharing app's location pings and a
    metrics backend's ingest are writes. And an object store's reads are served by the
    storage nodes it is made of: "Put a cache (e.g. Redis ...) in front of the store" was
    advised for the store being designed, whose rubric asks for no cache."""
    if ctx.problem is None:
        return False
    return any(
        "read-write-ratio" in f.answers and _READS_DOMINATE.search(f.text) is not None
        for f in ctx.problem.facts
    ) and any(
        _CACHING & {*item.concepts, *item.mentions}
        for _dimension, item in ctx.problem.rubric.items()
    )


# The concepts of a cache on the read path, as a rubric names them.
_CACHING = frozenset({"cache", "cdn", "cache-write-policy", "cache-invalidation", "client-cache"})


_READS_DOMINATE = re.compile(
    r"\breads? (?:dominate|outnumber)|\bgets outnumber|\b[5-9]\d% (?:of (?:requests|traffic)"
    r" (?:are )?)?reads|\bread-heavy",
    re.I,
)


def _is_the_cache(ctx: ReviewContext) -> bool:
    """Whether the prompt asks for the cache itself ("Design a distributed cache"): its
    shards are the cache, and there is no store to put one in front of."""
    return ctx.problem is not None and "cache" in ctx.problem.title.lower()


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
        # A batch job (MapReduce, an offline pipeline) is off the request path as surely as
        # a queue with workers: "encoding is expensive and offline" is not inline work.
        if ctx.mentions.has(
            "message-queue", "async-processing", "worker", "stream-processor", "batch-processing"
        ):
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
        # A prompt about media need not serve it: an upload API takes files in, and its
        # reference design has no CDN. The finding is for prompts whose design serves media.
        serves = ctx.problem is not None and any(
            "cdn" in c.concepts for c in ctx.problem.components
        )
        if serves and ctx.topic("cdn", "media") and not ctx.mentions.has("cdn"):
            yield self.finding()


_GOD_PROSE = re.compile(
    r"\b([A-Z]\w+)\b[^.]*\b(does all the work|does everything|handles everything|handles all"
    r"|manages everything|is responsible for everything|one class (that )?(does|handles))",
)
SCREEN.add(_GOD_PROSE)  # skipped on text without its words


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
    fix = "Split the class: give each concept it handles a class of its own; keep it coordinating."

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
                yield self.finding(
                    f"{name} holds {size} of the {total} members declared",
                    evidence,
                    fix=_split_fix(name),
                )
        for number, text in ctx.prose:
            match = SCREEN.search(_GOD_PROSE, text)
            if match:
                yield self.finding(
                    f"{match.group(1)} is described as doing all the work",
                    ctx.line_evidence(number, match.group(0)),
                    fix=_split_fix(match.group(1)),
                )


def _split_fix(name: str) -> str:
    """The fix names the design's own class, never another prompt's (issue 11)."""
    return f"Split {name}: give each concept it handles a class of its own; keep it coordinating."


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
        if not ctx.is_system or ctx.placed("load-balancer", "api-gateway"):
            return
        if ctx.graph.of_kind("load-balancer", "api-gateway"):
            return
        # Keys hashed onto a ring of the nodes ("consistent hashing with 256 virtual nodes per
        # server") route each request to its nodes: the ring spreads the traffic.
        if ctx.placed("consistent-hashing", "service-discovery"):
            return
        # A design that says its load balancers are there ("Internal load balancers are not
        # shown to reduce clutter") is not told that nothing spreads the traffic; it is told
        # what it has not said of them, with the same weight (a name alone earns nothing).
        named = [
            m for m in ctx.mentions.positive("load-balancer") if not m.quote.rstrip().endswith("?")
        ]
        if named:
            # "App servers behind a load balancer" says what it spreads traffic over; only how
            # a failed instance leaves the rotation is then unsaid, and the fix must not tell
            # the candidate to add the load balancer the line already has.
            if _FRONTED.search(named[0].quote):
                unsaid = "how it takes a failed instance out of rotation"
            else:
                unsaid = (
                    "what it spreads traffic over or how it takes a failed instance out of rotation"
                )
            yield self.finding(
                f"A load balancer is named (line {named[0].line}) but not {unsaid}",
                ctx.evidence(named[0]),
                fix=(
                    "Say what the load balancer spreads requests over and how it finds and"
                    " drops a failed instance (health checks)."
                ),
            )
            return
        several = _several_instances(ctx)
        if several is not None:
            line, said = several
            evidence = ctx.line_evidence(line, said) if line is not None else Evidence(None, None)
            yield self.finding(
                f"The design runs several instances ('{said}'), but nothing spreads traffic"
                " across them",
                evidence,
            )
        elif (
            ctx.problem is not None
            and (ctx.mentions.has("stateless-service") or ctx.graph.of_kind("service"))
            and not _pulls_work_only(ctx)
        ):
            # The prompt's scale needs several instances even when the design draws one box.
            yield self.finding(
                "At this prompt's scale the service tier runs as several instances, but"
                " nothing spreads traffic across them"
            )


# The tier a load balancer fronts, named on its line: "app servers behind a load balancer",
# "a load balancer spreads requests over the API instances".
_FRONTED = re.compile(
    r"\b(?:servers?|instances?|services?|nodes?|tier|pods?|replicas?|workers?|backends?)\b",
    re.IGNORECASE,
)


def _pulls_work_only(ctx: ReviewContext) -> bool:
    """Whether the design's instances take their work from a queue and nothing calls them: no
    client or service drawn (workers only), no API named or defined, and workers fed by a
    queue or a lease ("a fetcher leases a batch of URLs from a shard"). A crawler's fetchers
    have no request traffic to spread; a "Notification API" in front of its queue has."""
    from tradeoff.review.rules.api_data import defines_api

    return (
        not ctx.graph.of_kind("client", "service")
        and ctx.placed("message-queue", "work-lease")
        and not any(_API_WORD.search(c.text) for c in ctx.claims)
        and not defines_api(ctx)
    )


_API_WORD = re.compile(r"\bAPIs?\b")


_SEVERAL_INSTANCES = re.compile(
    r"\b(?:\d+|two|three|four|five|six|eight|ten|twelve|dozens of|several|multiple|many)\s+"
    r"(?:stateless )?(?:app(?:lication)? |api |web |backend )?(?:stateless )?"
    r"(?:servers|instances|pods)\b"
    r"|\bhorizontal(?:ly)? scal\w*|\bscale[sd]? (?:out|horizontally)\b|\bautoscal\w*",
    re.I,
)


# A drawn node that stands for whoever calls the design: other services, clients, producers.
_CALLERS = re.compile(
    r"(?:other |internal |upstream |calling |client |producer |caller )?"
    r"(?:services|clients|callers|producers|apps|applications|consumers? of the api)",
    re.I,
)


def _several_instances(ctx: ReviewContext) -> tuple[int | None, str] | None:
    """Where the design itself runs a service as several instances: a tier drawn as
    "App servers (x4)", or a sentence such as "six stateless API pods"."""
    sources = ctx.graph.sources()
    for key, node in ctx.graph.nodes.items():
        if key in sources and _CALLERS.fullmatch(node.label.strip()):
            continue  # "Services --> Notification API": the callers, not a tier this design runs
        if node.kind == "service" and ctx.graph.is_several(key):
            return node.line, node.label
    # A reading list ("* [Horizontal scaling](https://...)") names topics to study, not
    # how this design runs its servers.
    # A line that hands the instances their share ("a coordinator assigns partitions to the
    # consumer instances") says what spreads the work over them: it is not a tier left
    # with nothing in front of it.
    prose = [
        (n, t)
        for n, t in ctx.prose
        if not is_reading_list(t) and not _ASSIGNS_SHARES.search(ctx.doc.line(n))
    ]
    return ctx.find_line(_SEVERAL_INSTANCES, prose)


# Work handed out in shares to instances: "assigns partitions to instances", "each worker
# is assigned a shard", "shards are assigned to the pods".
_ASSIGNS_SHARES = re.compile(
    r"\bassign(?:s|ed|ing)?\b[^.;]{0,40}?\b(?:partitions?|shards?|ranges?|leases?)\b"
    r"[^.;]{0,40}?\bto\b|\b(?:partitions?|shards?|ranges?|leases?)\s+(?:are|is)\s+assigned\b"
    r"|\b(?:instances?|consumers?|workers?|pods?)\s+(?:is|are)\s+assigned\s+(?:an?\s+|one\s+)?"
    r"(?:partitions?|shards?|ranges?)\b",
    re.I,
)


@register
class CacheOutlivesFreshness(Rule):
    id = "CMP111"
    dimension = "components"
    kind = "cache-ttl-over-freshness"
    severity = "warning"
    message = "A query-result cache keeps entries longer than the design's freshness target"
    rationale = (
        "A result cached under a query is not found again when the data behind it changes;"
        " unless it is invalidated, its TTL is how stale an answer can be. A TTL of hours"
        " under a target of minutes breaks the requirement the design set itself."
    )
    example = "Docs searchable within minutes ... retrieval cache, TTL 12 hours"
    fix = (
        "Cap the TTL under the freshness target, or invalidate entries when their sources"
        " change (a reverse index from source to cached keys, or versioned keys)."
    )

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for stale in stale_caches(ctx.lines, frozenset(ctx.doc.code_lines))[:1]:
            name = re.sub(r"^[\s\d.)*_#-]+|[*_`:]+", "", stale.cache).strip() or "cache"
            yield self.finding(
                f"'{name}' is set to '{stale.quote}' (line {stale.line}), but line"
                f" {stale.bound_line} requires '{stale.bound_quote}': a result cached under a"
                " query is not updated when its sources change, and nothing here invalidates"
                " it, so answers can be that stale",
                ctx.line_evidence(stale.line, stale.quote),
            )

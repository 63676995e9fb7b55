"""Substance, not mentions: rubric coverage and each dimension's ladder, judged from claims.

A rubric item is covered when a claim *specifies* one of its concepts (a number that sizes
it, a reason, a rejected alternative, a failure paired with a response...). A claim that
only names the concept is a mention: it earns no score, and the report says "mentioned on
line N but not specified" rather than calling it absent. Each dimension also climbs a
ladder of rungs that need evidence of growing depth; a rung is never reached by adding
words, only by adding claims that carry evidence, so padding cannot raise a score.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from tradeoff.catalog.schema import RubricItem
from tradeoff.design.markdown import dimension_of_heading
from tradeoff.design.transcript import TRANSCRIPT_HEADING
from tradeoff.estimate.grammar import find_quantities, may_state_dimension
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity
from tradeoff.language import lexicon, operations
from tradeoff.language.claims import CODE, EDGE, ITEM, NODE, ROW, Claim, memo_key
from tradeoff.language.evidence import without_reason
from tradeoff.language.features import Features
from tradeoff.language.lexicon import PART_COUNT, may_hold
from tradeoff.language.literals import SCREEN, fold, required
from tradeoff.language.mentions import IMPORTANCE_ONLY, term_pattern
from tradeoff.language.periods import every_period
from tradeoff.review.narrow import narrow_concepts
from tradeoff.text_caches import per_text

SUBSTANCE, MENTIONED, ABSENT = "substance", "mentioned", "absent"

# Concepts that only a number can specify: "low latency" or "we estimate storage" is a
# mention; "p99 under 100 ms" or "6B links x 500 B = 3 TB" is the thing itself.
NUMERIC = frozenset(
    {
        "latency-target",
        "availability-target",
        "non-functional-requirements",
        "scale-numbers",
        "back-of-envelope",
        "storage-estimate",
        "bandwidth-estimate",
        "peak-traffic",
        "slo",
        "durability",
        "cost",
    }
)

# Concepts that name a kind of evidence: what specifies them is the evidence itself.
_EVIDENCE_CONCEPTS: dict[str, Callable[[Features], bool]] = {
    "decision-rationale": lambda f: (
        f.reason
        and not f.hedge
        and (f.decision or f.alternative or f.cost or bool(f.concepts) or f.specific)
    ),
    "failure-handling": lambda f: f.failure_response,
    "graceful-degradation": lambda f: f.failure_response,
    "monitoring": lambda f: f.monitoring,
    "alerting": lambda f: f.monitoring,
    "security": lambda f: f.security_control,
    # A login scheme or TLS is no rule about who may do what, and a rule no login: each is
    # specified by its own kind of control ("JWTs checked at the gateway" does not say that
    # viewers' writes are dropped).
    "authentication": lambda f: f.control == "authentication scheme",
    "authorization": lambda f: f.control == "authorisation rule",
}

# Headings that make every claim under them about one concept: a list item under
# "Out of scope" states scope whatever its words.
_SECTION_CONCEPTS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            # "Design Goals" over "Durability: eleven nines", "Low-latency API": what the
            # system must do, as a requirements heading is ("Non-goals" is scope, below).
            r"^(?!.*non-?functional)(.*\b(functional|requirements|use cases|features"
            r"|user stories|(?<!non-)(?<!non )goals?\b))",
            re.I,
        ),
        "functional-requirements",
    ),
    (
        re.compile(r"non-?functional|quality attributes|\bslos?\b|\bslas?\b", re.I),
        "non-functional-requirements",
    ),
    # "Requirements & Scope" heads requirements; only a heading that excludes (or is
    # "Scope" alone) makes its lines statements of scope.
    (re.compile(r"out of scope|non-?goals|not in scope|^\W*scope\W*$", re.I), "scope"),
    # "Assumptions", or a lead-in over a list that says it assumes ("Assume the system is
    # built for a medium-to-large enterprise.", "We assume:"); "Assuming a 90% hit ratio,
    # the database sees:" heads what follows from it.
    (re.compile(r"assumption|\bassum(?:e|es|ed)\b", re.I), "assumptions"),
    # "Object Record Layout": the bullets under it are the record's fields.
    (
        re.compile(
            r"data ?model|schema|storage model|\btables\b|entities"
            r"|\b(?:record|row|object|entry|document) (?:layout|format|structure)\b",
            re.I,
        ),
        "data-model",
    ),
    # A wrap-up of the design, not a summary of one part of it: "Summary of Data Flow (the
    # PUT life cycle)" traces a request, "Database Schema Summary" lists tables, "Capacity
    # Math Summary" tabulates figures; "Summary of Design Decisions" and "TL;DR Architecture
    # Summary" wrap up.
    (
        re.compile(
            r"^(?!(?=.*\b(?:data ?flows?|flows?|schemas?|database|capacity|math|estimates?"
            r"|scaling|stack|technology|costs?|apis?|endpoints?)\b)"
            r"(?!.*\b(?:design|decisions?|trade-?offs?|architecture|overall|tl;?dr)\b))"
            r".*(?:summary|wrap[- ]?up|conclusion|recap|final answer|in one sentence"
            # "Final recommended architecture" over the parts chosen and the key decisions
            r"|final (?:recommended |proposed )?(?:architecture|design)\b)",
            re.I,
        ),
        "summary",
    ),
    # Questions asked and answered up front are the scoped requirements of a written answer.
    (re.compile(r"clarif|\bquestions\b", re.I), "clarifying-questions"),
    (re.compile(r"clarif|\bquestions\b", re.I), "functional-requirements"),
    (
        re.compile(
            r"bottleneck|next steps|future work|what breaks|at 10x|scaling (?:levers|path|plan)"
            # "Hotspots and scaling challenges" over "Range partitioning can hotspot on a
            # single prefix. Mitigations: ...": what breaks first, named. ("Hotspot
            # mitigation" under a component and "Search cluster hot spots" among failure
            # modes are one part's problem, not the design's limits.)
            r"|scaling challenges|known limitations"
            r"|beyond (?:day ?1|v1|the mvp)|evolution"
            r"|future (?:improvements|extensions|enhancements)|roadmap|later phases",
            re.I,
        ),
        "bottlenecks",
    ),
    (
        # "Scale" heads estimates ("2. Scale Estimates", "Requirements & Scale"), not a title
        # that says how big the system is ("Large-Scale News Feed", "(bit.ly Scale)", "v1
        # (small scale)") nor a step that scales the architecture ("Scale the design").
        re.compile(
            r"estimat|capacity|back[- ]of[- ]the[- ]envelope|\bsizing\b"
            r"|(?<![-\u2010\u2011\w])scale\b(?!\s*\))(?!\s+(?:the|it|out|up)\b)",
            re.I,
        ),
        "back-of-envelope",
    ),
    (re.compile(r"\bfailure|fault|resilien|reliab|disaster|degrad", re.I), "failure-handling"),
    # "Edge cases and failures" over "Lost ticket: the attendant charges one daily maximum":
    # each line under it is an unusual case and what the design does about it, as a line
    # under a failure heading is a failure handled.
    (
        re.compile(
            r"\b(?:edge|corner|special|unhappy|exceptional|error)[ -]?"
            r"(?:cases?|paths?|scenarios?)\b",
            re.I,
        ),
        "edge-cases",
    ),
    (re.compile(r"monitor|observab|alert|\bslos?\b", re.I), "monitoring"),
    (re.compile(r"secur|abuse|\bauth", re.I), "security"),
    (re.compile(r"trade-?offs?|decisions?|alternatives|why\b", re.I), "decision-rationale"),
    # "Tradeoff 2: Handling Hot Keys" over "a single bad actor ... all those requests hash to a
    # single Redis node": the lines under it are about the hot key, as its heading says.
    (
        re.compile(
            r"\bhot[ -]?(?:keys?|partitions?|shards?|spots?|clients?|accounts?|tenants?)\b"
            r"|\bcelebrit(?:y|ies)\b",
            re.I,
        ),
        "hot-key",
    ),
    # "Analytics & Approximate Counters" over "We accept approximate consistency for public
    # view counts": the lines under it are about how views are counted.
    (
        re.compile(
            r"\b(?:approximate|batched|sharded|distributed|view|like) count(?:er)?s\b", re.I
        ),
        "sharded-counter",
    ),
]


@dataclass(frozen=True)
class Support:
    """How a text supports one rubric item: specified, only mentioned, or absent."""

    status: str
    claim: Claim | None = None

    @property
    def credit(self) -> float:
        return 1.0 if self.status == SUBSTANCE else 0.0


def implied_concepts(claim: Claim) -> frozenset[str]:
    """Concepts a claim is about because of the heading it stands under, or, for a row of
    a capacity table that states a figure without working it out ("| New URLs created / day
    | 100 M |"), because it is an input the candidate chose: an assumption, as CAP109 reads
    it when it compares the figure with the interviewer's.

    Kept on the claim (`Claim.remember`), as `specified_concepts` is: the answer depends on
    the claim alone, and a dozen rules and ladders ask it of every claim (about 3,500 asks
    for 430 claims in a review of a long answer)."""
    found = claim.__dict__.get(_IMPLIED_KEY)  # `claim.remembered`, without two calls
    if found is None:
        found = _implied_concepts(claim)
        claim.remember("implied", found)
    return found


_IMPLIED_KEY = memo_key("implied")


def _implied_concepts(claim: Claim) -> frozenset[str]:
    implied = _implied(claim.headings[-2:])
    if claim.kind == ROW and "assumptions" not in implied and _stated_input(claim):
        return implied | _ASSUMED_INPUT
    return implied


_ASSUMED_INPUT = frozenset({"assumptions"})
# Working shown in a row: "100 M × 700 B", "= 70 GB", "10 B / 86,400", "3 times".
_WORKING = re.compile(r"[=≈×÷*→]|\d\s*[x/]\s*\d|\b(?:times|divided)\b", re.I)


# What a row states that is no input of the workload: a result said approximately ("~1,160",
# "about 40"), a total, a price, hardware per node ("# Nodes: 3. RAM: 64 GB"), or a target
# the design must meet ("Re-rank: Target latency: 80 ms"), which is a requirement's budget.
_NO_INPUT = re.compile(
    r"[~$€£]|\b(?:about|approx\w*|roughly|around|total|costs?|nodes?|servers?|instances?"
    r"|cpus?|ram|cores?|machines?|targets?|budgets?|latency|sl[ao]s?|p9\d)\b",
    re.I,
)
# A row's first cell, after its column header: "Metric: DAU. Value: 500 M" -> "DAU".
_FIRST_CELL = re.compile(r"^[^:]*:\s*([^.]*(?:\.\d[^.]*)*)")


def _stated_input(claim: Claim) -> bool:
    """A table row under a capacity heading that states a figure of the workload it
    assumes ("New URLs created / day: 100 M", "Avg object size: 1 MB"), showing no working:
    not a result, a total, a price or a machine's size, which it works out or chooses."""
    features = claim.features
    if not features.quantities or features.derivation or features.sizing:
        return False
    if not _under_capacity(claim.headings[-2:]):
        return False
    if _WORKING.search(claim.text) or _NO_INPUT.search(claim.text):
        return False
    # A label that holds figures of its own ("Embedding vectors (10 M chunks, 1536-dim):
    # 60 GB", "Logs (30 days): 50 GB") names a result worked out from them.
    label = _FIRST_CELL.match(claim.text)
    if label is not None and any(ch.isdigit() for ch in label.group(1)):
        return False
    # A row keyed by a part of the design ("Service: Embedding. RPS: 2 k") states that
    # part's load or size, not the workload's.
    return _PART_COLUMN.match(claim.text) is None


_PART_COLUMN = re.compile(
    r"^\W*(?:services?|components?|stages?|steps?|tiers?|layers?|stores?|systems?)\s*:", re.I
)


@lru_cache(maxsize=1024)
def _under_capacity(headings: tuple[str, ...]) -> bool:
    """Whether the innermost heading that names a dimension names capacity ("2. Capacity
    Estimation" over "Storage")."""
    for heading in reversed(headings):
        dimension = dimension_of_heading(heading)
        if dimension is not None:
            return dimension == "capacity"
    return False


@per_text
@lru_cache(maxsize=4096)
def _implied(headings: tuple[str, ...]) -> frozenset[str]:
    found: set[str] = set()
    for heading in headings:
        found |= _heading_concepts(heading)
    if "functional-requirements" in found and "non-functional-requirements" in found:
        found.discard("functional-requirements")
    return frozenset(found)


@per_text
@lru_cache(maxsize=4096)
def _heading_concepts(heading: str) -> frozenset[str]:
    """The concepts one heading names (`_SECTION_CONCEPTS`), read once per heading: a claim
    is read under its last two, and each heading is one of several pairs (about 60 headings
    made 108 readings in the longest answer)."""
    return frozenset(concept for pattern, concept in _SECTION_CONCEPTS if pattern.search(heading))


def specifies(claim: Claim, concept: str) -> bool:
    """Whether `claim` specifies `concept` (rather than naming it or saying nothing of it)."""
    return concept in specified_concepts(claim)


# The prompt copied in at the top ("Design a global object store like S3."): the question,
# not the candidate's answer to it, so it specifies and mentions nothing.
_PROMPT = re.compile(r"^(?:design|build|create|implement)\s+(?:a|an|the)\b[^.?!]*[.?!]?$", re.I)
_PROMPT_MAX_LINE = 12
_PROMPT_MAX_WORDS = 25


def restates_prompt(claim: Claim) -> bool:
    """Whether the claim is the prompt restated near the top of the answer."""
    return (
        claim.line <= _PROMPT_MAX_LINE
        and len(claim.text.split()) <= _PROMPT_MAX_WORDS
        and bool(_PROMPT.match(claim.text.strip()))
    )


def specified_concepts(claim: Claim) -> frozenset[str]:
    """Every concept the claim specifies; computed once per claim, as every rubric item and
    every ladder asks the same question of the same claims.

    The answer is kept on the claim itself (`Claim.remember`), not in a cache of bounded
    size: a design of 80,000 claims overflowed a 65,536-entry LRU cache, which a pass over
    the claims in order then missed on every claim, so each of the dozen rubric items and
    ladders that ask worked every claim out again. Kept on the claim, the answer lives as
    long as the claim and belongs to it alone (an equal claim with other features, or one
    of another design, has its own)."""
    found = claim.__dict__.get(_SPECIFIED_KEY)  # `claim.remembered`, without two calls
    if not isinstance(found, frozenset):
        computed = _specified_concepts(claim)
        # One object per distinct set of concept ids: the claims of a long design specify
        # the same few sets again and again, and each kept a copy of its own.
        found = _SPECIFIED_SETS.get(computed)
        if found is None:
            if len(_SPECIFIED_SETS) >= _SPECIFIED_SETS_KEPT:
                _SPECIFIED_SETS.clear()
            found = _SPECIFIED_SETS[computed] = computed
        claim.remember("specified", found)
    return found


_SPECIFIED_KEY = memo_key("specified")
_SPECIFIED_SETS: dict[frozenset[str], frozenset[str]] = {}
_SPECIFIED_SETS_KEPT = 4096


def freshness_target(claim: Claim) -> str | None:
    """`operations.freshness_target` of the claim's text, worked out once per claim: what
    the claim specifies (a bound on staleness states the consistency model) and the
    requirements ladder (it is a quantified target) both ask it of every claim."""
    kept = claim.__dict__.get(_FRESHNESS_KEY)  # `claim.remembered`, without two calls
    if not isinstance(kept, tuple):
        kept = (operations.freshness_target(claim.text),)
        claim.remember("freshness", kept)
    found: str | None = kept[0]
    return found


_FRESHNESS_KEY = memo_key("freshness")


def _specified_concepts(claim: Claim) -> frozenset[str]:
    if restates_prompt(claim) or claim.features.fluff:
        # "Backup provider plays a key role here.": importance claimed, nothing specified
        return frozenset()
    # "structure" is the order of a whole answer (`visible_order`), never one claim's.
    implied = implied_concepts(claim)  # once: each of a dozen candidates asks
    features = claim.features
    own = (features.concepts | implied) - {"structure"}
    found = {c for c in own if _specifies(claim, c, implied)}
    # A concept of `_EVIDENCE_CONCEPTS` the claim neither names nor sits under is specified
    # only by its check, and every check needs one of these: most claims have none, and
    # asking each of the eight cost a call apiece.
    if (
        features.reason
        or features.failure_response
        or features.monitoring
        or features.security_control
        or features.control
    ):
        found.update(c for c in _EVIDENCE_CONCEPTS.keys() - own if _specifies(claim, c, implied))
    # "New posts appear in followers' feeds within 5 s" bounds staleness with a number: it
    # states the consistency the readers get, without the word.
    if freshness_target(claim) is not None:
        found.add("consistency-model")
    # "Replies within 3 s" is a latency target without the word.
    if operations.latency_bound(claim.text) is not None:
        found.add("latency-target")
    # A record's fields listed in brackets ("Stores canonical metadata (video ID, title,
    # description, status, channel ID)") describe the data model as a table would.
    # (Both need a bracket: most claims hold none, and both patterns start at every position.)
    if ("(" in claim.text or "{" in claim.text) and (
        _FIELD_LIST.search(claim.text) or _names_fields(claim)
    ):
        found.add("data-model")
    # Classes laid out in prose, as they are said aloud ("ParkingLot has Levels; a Level
    # has Spots; Vehicle is abstract"): named with what each holds, as a diagram draws them.
    if lexicon.names_classes(claim.text):
        found.add("class-design")
    # States and their moves written as arrows ("Booking: PENDING -> CONFIRMED on payment"),
    # and an enum written with its values ("SeatStatus (AVAILABLE, HELD, BOOKED)").
    arrows = "->" in claim.text or "→" in claim.text or "=>" in claim.text or " to " in claim.text
    if arrows and lexicon.writes_transitions(claim.text, " ".join(claim.headings)):
        found.add("state-machine")
    if lexicon.lists_enum_values(claim.text):
        found.add("enums-value-objects")
    # A write made only where the row is still free is a conditional update, however it is
    # worded: "updates the seats only where status is AVAILABLE".
    if _conditional_write(claim.text):
        found.add("optimistic-locking")
    if _guards_alias(claim):
        found.add("alias-uniqueness")
    found |= narrow_concepts(claim)
    if "sharding" in found and _shards_a_store(claim):
        found.add("sharded-store")
    # A stated rate or user count is the scale, however it is written ("1M URLs/day").
    if claim.features.quantities and _says_scale_unit(claim.text) and not _client_limit_only(claim):
        found.add("scale-numbers")
    # A GraphQL schema written out: its root types and the fields with typed arguments
    # under them ("shortenUrl(longUrl: String!): Link!"), or an operation ("mutation
    # Shorten($url: String!)"), are the API's operations in the schema's own form.
    if claim.kind == CODE and _GRAPHQL.search(claim.text):
        found.add("rpc-api")
    # Calls written out with their arguments ("produce(topic, key, value) returning the
    # offset, and fetch(topic, partition, offset)") are an RPC interface, whatever word
    # names it: two of them, or one with what it returns.
    if "(" in claim.text:
        calls = _CALL_WITH_ARGUMENTS.findall(claim.text)
        # `return Feed(items=merged, cursor=self.get_cursor(merged))` in a function's body
        # hands a value back to its caller: a statement of code, no operation of an API.
        statement = claim.kind == CODE and _RETURN_STATEMENT.match(claim.text) is not None
        if not statement and (len(calls) >= 2 or (calls and _RETURNS.search(claim.text))):
            found.add("rpc-api")
        # A class box of a class diagram with its methods ("ParkingLot: +levels: List~Level~;
        # +park(vehicle) Ticket"): the class and its interface, written out as signatures.
        if claim.kind == NODE and _MEMBER_METHOD.search(claim.text):
            found |= {"class-design", "interface"}
    return frozenset(found)


# A rate that is what one client is allowed ("limits based on tiers: Free 100 req/min,
# Premium 5,000 req/min", "each user may create 10 links a minute") is a quota: it says how
# much a caller may send, not how much the system takes. Beside words of the system's load
# ("peak", "globally", "handles") the line states the scale too.
_CLIENT_LIMIT = re.compile(r"\b(?:limits?|quotas?|tiers?|plans?|allow(?:s|ed)?|may|capped)\b", re.I)
_SYSTEM_LOAD = re.compile(
    r"\b(?:peak|traffic|throughput|load|handles?|handled|handling|total|global(?:ly)?"
    r"|overall|average|avg|dau|mau|fleet|cluster|system)\b",
    re.I,
)
_LIMIT_CONCEPTS = frozenset({"quota", "rate-limiting-algorithm"})


def _client_limit_only(claim: Claim) -> bool:
    """Whether a line's rates are only limits on a client (see `_CLIENT_LIMIT`), or the
    rate of a limiting policy ("20 req/s policy -> lease = 1", "policy = 1000 req/s")."""
    if _SYSTEM_LOAD.search(claim.text) is not None:
        return False
    if _POLICY_RATE.search(claim.text) is not None:
        return True
    return (
        not _LIMIT_CONCEPTS.isdisjoint(claim.features.concepts)
        and _CLIENT_LIMIT.search(claim.text) is not None
    )


# A rate that is a rate-limit policy's setting, not traffic the system takes.
_POLICY_RATE = re.compile(
    r"\d[\d,.]*\s*[kKmM]?\s*(?:req|requests|rps|qps|tps)(?:\s*/\s*(?:s|sec|second|min))?"
    r"\s+polic(?:y|ies)\b|\bpolic(?:y|ies)\s*[=:]\s*~?\d",
    re.I,
)


# A method member of a class box, with its visibility: "+park(vehicle) Ticket", "-price()".
_MEMBER_METHOD = re.compile(r"(?:^|[:;]\s*)[+\-#~]\s*[A-Za-z_]\w*\s*\(")


# The condition must be the write's own: "UPDATE ... WHERE key = (SELECT key ... WHERE
# status='free' LIMIT 1)" checks the status in a read, and two writers can both pass it.
_CONDITIONAL_WRITE = re.compile(
    r"\b(?:update[sd]?|updating|sets?|setting|claim(?:s|ed|ing)?|mark(?:s|ed|ing)?"
    r"|flip(?:s|ped|ping)?|writes?|writing)\b(?:(?!select\b)[^;\n]){0,80}?"
    r"\b(?:where|only if|provided)\b(?:(?!select\b)[^;\n]){0,40}?"
    r"(?:\b(?:status|state)\b\s*(?:is|=|==)\s*(?:still\s+)?['\"`]?\s*\w"
    r"|\b(?:is|are)\s+still\s+(?:available|free|open|unclaimed|vacant)\b|\bversion\s*=)",
    re.I,
)


def _conditional_write(text: str) -> bool:
    lowered = text.lower()
    if "where" not in lowered and "only if" not in lowered and "provided" not in lowered:
        return False
    return _CONDITIONAL_WRITE.search(text) is not None


# A custom alias claimed with a guarded write: a line about an alias (or under a heading or
# list item about one: "4. If custom alias:" over "conditional insert to ensure uniqueness")
# that says how the write is guarded. "Check DB for existence; if taken, return conflict"
# is the check-then-write the item rules out, so "conflict" alone is no guard.
_ALIAS = re.compile(r"\balias(?:es)?\b|\bvanity\b", re.I)
_ALIAS_GUARD = re.compile(
    r"\b409\b|\bconditional (?:insert|write|put|create)s?\b|\bunique ?(?:constraint|index|key"
    r"|violation)|\bif not exists\b|\bon conflict\b|\bput.?if.?absent\b|\bsetnx\b"
    r"|\balias ?already ?taken",
    re.I,
)


def _guards_alias(claim: Claim) -> bool:
    if SCREEN.search(_ALIAS_GUARD, claim.text) is None:
        return False
    return _ALIAS.search(claim.text) is not None or any(
        _ALIAS.search(h) for h in claim.headings[-2:]
    )


# What a "sharded" line spreads over machines: a database or store it names ("Postgres,
# sharded by short_code", "Partition the mapping store by hash"), or the database its
# heading names ("Database sharding" over "16 shards by hash(code)"); a cache it names
# instead ("Redis Cluster: sharded by hash(code)") is no store, and a partition by time
# ("partition by created_at month for archival") archives rather than spreads by key.
_STORE_CONCEPTS = frozenset(
    {"database", "relational-database", "wide-column-store", "document-store"}
)
_STORE_WORD = re.compile(r"\b(?:data ?store|store|table)\b", re.I)
_STORE_HEADING = re.compile(
    r"\b(?:databases?|db|sql|postgres(?:ql)?|mysql|data ?store|kv store|key-value store)\b", re.I
)
_BY_TIME = re.compile(
    r"\b(?:by|on)\s+(?:the\s+)?(?:[`\w]*_)?(?:created|date|day|week|month|year|time|timestamp)"
    r"|\btime-based\b",
    re.I,
)


def _shards_a_store(claim: Claim) -> bool:
    named = claim.features.concepts
    if _BY_TIME.search(claim.text):
        return False
    if named & _STORE_CONCEPTS or (_STORE_WORD.search(claim.text) and "cache" not in named):
        return True
    return "cache" not in named and any(_STORE_HEADING.search(h) for h in claim.headings[-2:])


_CALL_WITH_ARGUMENTS = re.compile(r"\b[A-Za-z_]\w*\([A-Za-z_]\w+(?:\s*,\s*[A-Za-z_]\w+)*\)")
_RETURNS = re.compile(r"\breturn(?:s|ing)?\b|->|→|\bgives back\b|\byields\b", re.I)
_RETURN_STATEMENT = re.compile(r"\s*(?:return|yield)\b")
_GQL_TYPE = r"\[?\w+!?\]?!?"
_GRAPHQL = re.compile(
    r"^\s*(?:extend\s+)?type\s+(?:Query|Mutation|Subscription)\s*\{"
    r"|^\s*(?:query|mutation|subscription)\s+\w+\s*\(\s*\$\w+\s*:"
    rf"|^\s*\w+\(\s*\w+\s*:\s*{_GQL_TYPE}(?:\s*=\s*[^,)]+)?"
    rf"(?:\s*,\s*\w+\s*:\s*{_GQL_TYPE}(?:\s*=\s*[^,)]+)?)*\s*\)\s*:\s*{_GQL_TYPE}\s*$"
)


_FIELD_LIST = re.compile(
    r"(?=[cefmrst])"  # first characters (see language/lexicon.py)
    r"\b(?:metadata|tables?|records?|rows?|entit(?:y|ies)|schemas?|columns|fields)\s*"
    r"\((?:[^(),]{1,30},){3,}[^(),]{1,30}\)",
    re.I,
)
# A record written as the tuple of its fields: "Metadata Postgres: `(chunk_id, doc_id,
# version, acl_groups[], source_url, title)`", four names or more, in code or with two
# identifiers among them, as a table's columns would be; not a call's arguments
# ("hash(user_id, post_id, ts, shard)").
_FIELD_TUPLE = re.compile(
    r"(`\s*)?(?<![\w.])\(\s*((?:[a-z][a-z0-9_]*(?:\[\])?\s*,\s*){3,}[a-z][a-z0-9_]*(?:\[\])?)\s*\)(?(1)\s*`|)",
)


# A record written as an object of its fields: "clips {id, assetId, trackId, start,
# sourceIn}", four names or more, two of them identifiers (camelCase or snake_case). Braces
# hold no call's arguments; a path's "/{id}" is one name, and a set of plain words ("{east,
# west, north, south}") holds no identifier.
_FIELD_OBJECT = re.compile(
    r"(?<![\w$/])\{\s*((?:[a-z][A-Za-z0-9_]*(?:\[\])?\??\s*,\s*){3,}[a-z][A-Za-z0-9_]*(?:\[\])?\??)\s*\}"
)
_IDENTIFIER = re.compile(r"[a-z0-9]_[a-z]|[a-z0-9][A-Z]")


def _names_fields(claim: Claim) -> bool:
    if claim.text.count(",") < 3:
        return False  # a tuple of four names or more holds three commas
    found = _FIELD_TUPLE.search(claim.text)
    if found is not None and (found.group(1) is not None or found.group(2).count("_") >= 2):
        return True
    written = _FIELD_OBJECT.search(claim.text) if "{" in claim.text else None
    if written is None:
        return False
    return sum(1 for name in written.group(1).split(",") if _IDENTIFIER.search(name)) >= 2


_SCALE_UNIT = re.compile(
    r"\d\s*(?:[kmb]|thousand|million|billion)?\s*(?:\w+\s*)?(?:/\s*(?:s|sec|second|day|month|min)\b"
    r"|per (?:second|day|month|minute)\b|\b(?:qps|rps|dau|mau|users)\b"
    # "3,000 questions a day": a rate said with "a", not with "per" or a slash ("3 times a
    # day" is how often, not how much).
    r"|(?<!times )(?<!time )\ba (?:second|day|month|minute)\b"
    # the size of what an object-oriented prompt models: "4 elevators serving 20 floors"
    r"|\b(?:floors|elevators|levels|spots|screens|people|participants|collaborators|editors"
    r"|shapes)\b)",
    re.I,
)
# Asked of every claim with a figure, most of which say no rate: a claim that holds none of
# the strings every match holds ("/", "per day", "users", ...: derived from the pattern) is
# not searched, where the pattern backtracked over the optional word after each digit of
# every number (seven in ten of the longest answer's claims with figures, four fifths of
# the pattern's time there). The screen cannot answer for "/", one character: it is tested
# apart, and the longer strings are stems the screen answers from its one pass.
_SCALE_NEEDS = required(_SCALE_UNIT)
_SCALE_MARKS = tuple(sorted(s for s in _SCALE_NEEDS or () if len(s) == 1))
_SCALE_WORDS = tuple(sorted(s for s in _SCALE_NEEDS or () if len(s) > 1))
SCREEN.add_stems(_SCALE_WORDS)


def _says_scale_unit(text: str) -> bool:
    """`_SCALE_UNIT.search(text) is not None`, skipped on a text that cannot match. The
    needs are read in the folded text, as the pattern's case is ignored ("uſers" is
    "users" to it); the screen's `holds` reads the lower-cased text, the same but for an
    ASCII text, so another text is scanned here."""
    if _SCALE_NEEDS is not None:
        folded = fold(text)
        if not any(mark in folded for mark in _SCALE_MARKS) and not (
            SCREEN.holds(_SCALE_WORDS, text)
            if text.isascii()
            else any(word in folded for word in _SCALE_WORDS)
        ):
            return False
    return _SCALE_UNIT.search(text) is not None


# A requirement said of the whole system: "It must ...", "The system should ...".
_SYSTEM_MUST = re.compile(
    r"^(?:it|the (?:system|service|assistant|platform|product|app|application))\s+"
    r"(?:must|should|shall|needs? to|has to)\b",
    re.I,
)


def _specifies(claim: Claim, concept: str, implied_by_heading: frozenset[str]) -> bool:
    features = claim.features
    check = _EVIDENCE_CONCEPTS.get(concept)
    if (
        concept == "decision-rationale"
        and implied_by_heading & _REQUIREMENT_SECTIONS
        and not (features.decision or features.alternative)
    ):
        # "Cost control: LLM calls dominate cost, so optimize them" under "Non-functional":
        # a goal with its reason; the design has yet to decide anything.
        return False
    if (
        concept == "decision-rationale"
        and _SYSTEM_MUST.match(claim.text)
        and not (features.decision or features.alternative)
    ):
        # "It must enforce document-level access control to prevent leakage.": what the
        # system is required to do and why, under any heading; no choice made yet.
        return False
    if (
        concept == "decision-rationale"
        and features.failure_response
        and not (features.decision or features.alternative)
        and _only_losses(claim.text)
    ):
        # "if a shard dies, its replica is promoted ..., so we lose at most one update": the
        # "so" says what the failure costs once handled, not why anything was chosen
        # ("providers fail, so retry with backoff" gives the failure as the reason).
        return False
    if check is not None and check(features):
        return True
    named = concept in features.concepts
    implied = concept in implied_by_heading
    if not (named or implied):
        return False
    if concept == "latency-target" and not implied and _only_settings(claim.text):
        # "the browser debounces keystrokes by 150 ms": a delay the design sets, named by
        # "ms" alone; no target for how fast anything answers.
        return False
    if concept in NUMERIC:
        return features.quantities > 0 or features.derivation
    if concept == "scope":  # "Out of scope: reservations, passes" is the scope itself
        return _states_scope(claim)
    if check is not None:
        return False  # named, but without the evidence the concept is about
    if implied and not named and concept == "functional-requirements" and _target_only(claim):
        # "| Latency | < 50 ms for redirects |" under "Core Requirements & Assumptions": a
        # figure the system must meet is a non-functional target, not a feature users get.
        return False
    if implied and not named and concept == "data-model" and not _lays_out_record(claim):
        # "| Total documents | 200 000 |" or "Smooth traffic." under "Data Model & Document
        # Characteristics": the heading names a data model the line does not lay out.
        return False
    if implied and _states_something(claim):
        return True
    if concept == "data-model" and not _describes_record(claim.text):
        return False
    if concept == "data-model" and _fields_only_counted(claim.text):
        return False
    if (
        concept == "data-model"
        and named
        and _RECORD_WORDS.search(claim.text) is not None
        and _LAYS_OUT.search(claim.text) is not None
    ):
        # A record laid out in prose is the model specified, with no number to count as
        # evidence: "The metadata record is keyed by (bucket, key) and holds size, checksum,
        # a timestamp and the list of extents" was only a mention, and the object record
        # was quoted from the closing summary instead.
        return True
    # "Snowflake-style IDs (timestamp + seq) -> deterministic ordering" says what the id is
    # made of and what it buys, with no number or "because" to count as evidence.
    if (
        concept == "time-sortable-id"
        and named
        and _TIME_IN_ID.search(_ID_TERMS.sub("", claim.text))
    ):
        return True
    # "Eviction is LRU per node", "LRU evicts when memory is full; TTLs expire lazily on
    # read" name the victim policy and where or when it acts: a mechanism, with no number
    # or "because" to count as evidence. "We use LRU eviction" stays a name.
    if (
        concept == "eviction-policy"
        and named
        and _EVICTION_POLICY.search(claim.text)
        and _EVICTION_TRIGGER.search(claim.text)
    ):
        return True
    if claim.kind == CODE and concept not in _WATCHING and lexicon.is_metric_sample(claim.text):
        # "rate_limit_local_fallback_active 1" watches the fallback; it states no policy for
        # when the limiter is down, as a line of the design's own code would
        return False
    if claim.kind == CODE or (claim.kind == EDGE and ":" in claim.text):
        return True
    if concept == "sharding" and not _states_split(claim):
        # "each partition has a leader and 2 followers" names a partition as the thing
        # copied: its number is of followers, and it says nothing of how data is split.
        return False
    if named and features.monitoring and concept not in _WATCHING and _alert_figures_only(features):
        # "alert when the hold conflict rate goes above 20% for 5 minutes": the threshold
        # and the window are the alert's figures; they say nothing of how holds work.
        return False
    return features.substantive_for(concept) if named else False


def _alert_figures_only(f: Features) -> bool:
    """Whether a monitoring line's only evidence is its alert's figures: no working, sizing,
    reason, weighing, flow or failure response of what it watches."""
    return not (
        f.derivation or f.sizing or f.reason or f.alternative or f.cost or f.flow
        or f.failure_response or f.security_control
    )  # fmt: skip


def _only_losses(text: str) -> bool:
    """Whether every reason a line gives is a consequence said with "so" that states a loss
    ("..., so we lose at most one update"), none a cause or purpose ("because", "so that",
    "to avoid") nor an action ("so retry with backoff")."""
    found = list(lexicon.REASON.finditer(text))
    return bool(found) and all(
        m.group(0).strip(" ,").lower().startswith("so")
        and not m.group(0).strip(" ,").lower().startswith("so that")
        and lexicon.COST.search(text, m.end()) is not None
        for m in found
    )


# A duration in milliseconds that the design sets (a debounce, a timeout, a TTL, a polling
# interval), and the words that name a latency itself.
_SETTING_MS = re.compile(
    r"\b(?:debounc\w*|throttl\w*|time[sd]? ?outs?|ttls?|intervals?|delay\w*|every|windows?"
    r"|poll\w*|backoff|sleep\w*|heartbeats?)\b[^.;,]{0,30}?\b\d[\d.,]*\s*(?:ms|milliseconds?)\b",
    re.I,
)
_MS = re.compile(r"\b\d[\d.,]*\s*(?:ms|milliseconds?)\b", re.I)
_LATENCY_WORDS = re.compile(
    r"latenc|\bp\d\d\b|response time|\bwait|\bwithin\b|\bunder\b|\bless than\b|<", re.I
)


def _only_settings(text: str) -> bool:
    """Whether every millisecond figure of a line is a setting ("debounces keystrokes by
    150 ms", "a 500 ms timeout"), with no word of a latency beside them."""
    if _LATENCY_WORDS.search(text) is not None:
        return False
    durations = [m.start() for m in _MS.finditer(text)]
    settings = [m for m in _SETTING_MS.finditer(text)]
    return bool(durations) and all(
        any(s.start() <= d < s.end() for s in settings) for d in durations
    )


# How data is split across nodes, which is what sharding is (by a key, a hash, a range,
# across nodes, into a number of shards): "topics split into partitions ... by key hash",
# "sharded by user id", "16 shards", "spread across brokers".
_SPLIT = re.compile(
    r"\b(?:split\w*|spread\w*|distribut\w*|across|consistent[- ]hash\w*|hash[- ]?ring"
    r"|(?:key|hash|range|id)[- ]based|by (?:key|hash|range)|hash(?:ed|es|ing)? (?:of|on|by)"
    r"|mod(?:ulo)?\s+\d|per (?:node|broker|server|shard|host|machine))\b"
    r"|\d[\d,.]*\s*[kK]?\s*(?:shards?|partitions?|vnodes?|virtual nodes)\b"
    r"|\b(?:shards?|partitions?)\s*(?:[:=]|of)\s*\d",
    re.I,
)


def _states_split(claim: Claim) -> bool:
    """Whether a claim says how data is split across nodes: by a key it names, or in the
    words of a split (`_SPLIT`)."""
    return "partition-key" in claim.features.concepts or _SPLIT.search(claim.text) is not None


# "Record" and "row" name a stored record without saying what it holds: "Total per record:
# ~1 KB" sizes it, "12 billion records" counts it, "the database row would otherwise take
# every read" points at it. Such a line describes the data model only when it also lays
# out the record: its fields in a list ("(post-id + ts + score)", "Short URL (7 bytes) +
# Long URL + CreatedAt"), a key mapped to its value ("`ObjectKey` -> `[Size, ...]`"), or
# a field named in code ("stores `media_urls`"). Schema, table, column and field words
# keep describing it on their own, and so does a layout ("Object Record Layout (~1.5 KB):").
_MODEL_WORDS = re.compile(
    r"data ?model|\bschemas?\b|\btables?\b|primary key|foreign key|\bcolumns?\b|\bfields?\b"
    r"|\bstructure\b|\bentit(?:y|ies)\b|\blayouts?\b|\bformats?\b",
    re.I,
)
_RECORD_WORDS = re.compile(r"\b(?:records?|rows?)\b", re.I)
_LAYS_OUT = re.compile(
    r"->|→|`[^`\s]+`|\([^()]*,[^()]*,[^()]*\)|\([^()]*\+[^()]*\+[^()]*\)"
    r"|\w \([^()]*\d[^()]*\)\s*\+\s*\w"  # "Short URL (7 bytes) + Long URL (...) + ..."
    # Said in prose: "each order record holds the buyer id, the total and the status".
    r"|\b(?:holds?|stores?|contains?|keeps?|has|carries|with)\b[^.;]{1,60},[^.;]{1,40}\band\b",
)


# The concept's own words ("time-ordered id") say nothing more than its name.
# (The concept's own names: "timestamp-based id" names the kind of id, as "time-based" does,
# and says no more of what it is made of; said alone, it specified the id.)
_ID_TERMS = re.compile(
    r"\b(?:time|timestamp|k)[- ]?(?:ordered|sortable|sorted|based)\b|\bsortable\b", re.I
)
# A policy that picks the victim, and where or when eviction or expiry acts: per node, on a
# full memory, on a read, by a sweep in the background (lazy and active expiry).
_EVICTION_POLICY = re.compile(
    r"\b(?:lru|lfu|arc|fifo|w-tinylfu|least[- ](?:recently|frequently)[- ]used|random)\b", re.I
)
_EVICTION_TRIGGER = re.compile(
    r"\b(?:lazily|lazy|on (?:read|access|get|write|insert)|(?:background|periodic|active)"
    r" (?:sweep|sweeper|scan|reaper|job|thread)|sweep(?:s|er)?|when (?:memory|the node|the cache"
    r"|a node|it) (?:is |gets |fills|runs)|maxmemory|memory (?:is )?full|memory limit"
    # where it runs: each node evicts on its own, not by one global order
    r"|(?:per|on each|in each|each) (?:node|shard|server|instance|process|partition|host))\b",
    re.I,
)
_TIME_IN_ID = re.compile(r"timestamp|\bepoch\b|milliseconds?|\bms\b|\bsort|\border", re.I)


# Fields or columns counted, not named: "10M keys x ~80 bytes (key + hash overhead + 2
# fields)" sizes a counter's record; it says nothing of what a rule or a record holds.
_COUNTED_FIELDS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|a few)\s+(?:fields?|columns?|rows?|records?)\b", re.I
)


_FIELD_CONCEPTS = frozenset({"data-model", "api-contract"})


def _fields_only_counted(text: str) -> bool:
    """Whether a line names the data model only by counting fields ("2 fields")."""
    if _COUNTED_FIELDS.search(text) is None:
        return False
    rest = _COUNTED_FIELDS.sub(" ", text)
    return _MODEL_WORDS.search(rest) is None and _RECORD_WORDS.search(rest) is None


# What lays a record out or says where it is kept, for a line that stands under a data-model
# heading without naming the model itself: a field written as one (`post_id`, createdAt,
# VideoID, "title TEXT"), a key or an index, a store the record lives in or is split
# across. A symbol of a formula (`D`, `T_doc`, `N_chunk`) is a figure's name, not a field.
_FIELD_IDENTIFIER = re.compile(
    r"`(?![A-Z](?:_\w+)?`)[A-Za-z_][\w.:{}<>\[\]-]+`"
    r"|\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+I[Dd]\b"
)
_RECORD_TERMS = re.compile(
    r"\b(?:keys?|keyed|pk|fk|ids?|index(?:es|ed)?|partition(?:ed)? (?:by|on)|clustering"
    r"|shard(?:ed)? (?:by|on)|uuid|varchar|int(?:8|16|32|64)?|bigint|string|timestamp\w*"
    r"|bool(?:ean)?|enum|jsonb?|float\d*|sorted sets?|hash(?:es)? of|sets? of|lists? of"
    r"|unique|tombstone\w*)\b"
    r"|\b(?:stored?|lives?|kept|keeps?|held|persisted|written|maintained|go|goes)"
    r" (?:in|on|as|to)\b",
    re.I,
)
# A store named with where the record goes ("raw events in object storage", "counters
# are maintained in Redis"): the record's storage stated.
_RECORD_STORES = frozenset(
    {
        "cache",
        "database",
        "data-warehouse",
        "document-store",
        "graph-store",
        "object-store",
        "relational-database",
        "time-series-db",
        "vector-database",
        "wide-column-store",
    }
)
_PLACED_IN = re.compile(r"\b(?:in|into|to)\b", re.I)


def _lays_out_record(claim: Claim) -> bool:
    """Whether a line under a data-model heading lays out a record (its fields, keys or
    types) or says where it is stored, rather than only standing under the heading."""
    if claim.kind == CODE:
        return True
    text = claim.text
    if claim.kind == ROW and _FIGURE_COLUMN.search(text):
        # "| Index overhead | 2x vector size | 12 GB |": a table of figures sizes the data;
        # only a field it names ("Metadata per chunk (doc_id, ...)") lays a record out.
        return _FIELD_IDENTIFIER.search(text) is not None
    return (
        _MODEL_WORDS.search(text) is not None
        or _FIELD_IDENTIFIER.search(text) is not None
        or _RECORD_TERMS.search(text) is not None
        or (bool(claim.features.concepts & _RECORD_STORES) and _PLACED_IN.search(text) is not None)
        or _names_parts(text)
    )


_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", re.I)


def _names_parts(text: str) -> bool:
    """A line that is only a list of short names ("Seat number, price and status", "Users,
    posts and a follow graph"): the record's fields or the model's entities, laid out."""
    parts = [p.strip(" .*-") for p in _LIST_SEPARATOR.split(text.strip())]
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts)


def _describes_record(text: str) -> bool:
    if _MODEL_WORDS.search(text) is not None or _RECORD_WORDS.search(text) is None:
        return True
    return _LAYS_OUT.search(text) is not None


# What a figure under a requirements heading may bound instead of stating a feature: a
# latency, an availability or durability target, or the scale.
_TARGET_CONCEPTS = frozenset(
    {"latency-target", "availability-target", "durability", "scale-numbers", "peak-traffic"}
)


# A column of figures: "| Parameter | Value | Rationale |", "| Dimension | Target |".
_FIGURE_COLUMN = re.compile(r"(?:^|[.|] )(?:values?|targets?|metrics?|estimates?|figures?):", re.I)


def _target_only(claim: Claim) -> bool:
    """A line of figures a system must meet (a latency, availability or scale bound) that
    names no concept beyond them ("Availability: 99.9%"), or a row of a table of figures
    ("Parameter: Active URLs. Value: 500 million"): it sets a figure, not a feature."""
    features = claim.features
    if not features.quantities:
        return False
    if claim.kind == ROW and _FIGURE_COLUMN.search(claim.text):
        return True
    named = features.concepts - {"functional-requirements", "non-functional-requirements"}
    bounded = (
        bool(named & _TARGET_CONCEPTS)
        or operations.latency_bound(claim.text) is not None
        or _says_scale_unit(claim.text)
    )
    return bounded and named <= _TARGET_CONCEPTS


def _states_something(claim: Claim) -> bool:
    """A statement of its own under a heading: a few words, not a label or a question."""
    # A lead-in ("That is acceptable because:") says it in the lines after it, not itself.
    words = len(claim.text.split())
    return words >= 3 and not claim.text.rstrip().endswith(("?", ":"))


def mentions(claim: Claim, concept: str) -> bool:
    features = claim.features
    return concept in features.concepts or concept in features.options


_OUT_OF_SCOPE = re.compile(r"out of scope|non-?goals?|not in scope|won't (?:do|cover)", re.I)


def out_of_scope(claim: Claim) -> bool:
    """A claim under an "Out of scope" heading excludes what it names, and so does one that
    starts with the label ("Out of Scope (for focus): live streaming, ads"; a bold
    "**Out of scope**" line read as its own claim)."""
    return _excluded(claim.headings[-2:]) or _SCOPE_LABEL.match(claim.text) is not None


_SCOPE_LABEL = re.compile(r"^\W*(?:out of scope|non-?goals?|not in scope)\b", re.I)


@per_text
@lru_cache(maxsize=4096)
def _excluded(headings: tuple[str, ...]) -> bool:
    return any(_OUT_OF_SCOPE.search(h) for h in headings)


# The support of each item worked out for a claim list, keyed on the list (and its length,
# as `concept_index` is), the item, the dimension and the shared concepts: a review asks it
# of every item of a dimension twice, once in the rule that reports the items left
# unspecified and again when the dimension is scored, over the same claims.
_SUPPORTS: dict[
    tuple[int, int, str, frozenset[str]], tuple[Sequence[Claim], int, RubricItem, Support]
] = {}
_SUPPORTS_KEPT = 512  # the items of eight reviews


def item_support(
    item: RubricItem,
    claims: Sequence[Claim],
    dimension: str = "",
    shared: frozenset[str] = frozenset(),
) -> Support:
    """`_item_support`, once per claim list, item, dimension and shared concepts."""
    key = (id(claims), id(item), dimension, shared)
    hit = _SUPPORTS.get(key)
    if hit is not None and hit[0] is claims and hit[1] == len(claims) and hit[2] is item:
        return hit[3]
    found = (
        _every_concept(item, claims, dimension, shared)
        if item.every_concept
        else _item_support(item, claims, dimension, shared)
    )
    if len(_SUPPORTS) >= _SUPPORTS_KEPT:
        _SUPPORTS.clear()
    _SUPPORTS[key] = (claims, len(claims), item, found)
    return found


def concepts_met(
    item: RubricItem, claims: Sequence[Claim], dimension: str, shared: frozenset[str]
) -> frozenset[str]:
    """The item's concepts that some claim specifies, each judged as the item alone: what
    of an item that asks for each of them (`every_concept`) these claims have shown."""
    return frozenset(
        concept
        for concept in item.concepts
        if _item_support(item, claims, dimension, shared, frozenset({concept})).status == SUBSTANCE
    )


def _every_concept(
    item: RubricItem, claims: Sequence[Claim], dimension: str, shared: frozenset[str]
) -> Support:
    """An item that asks for each of its concepts ("Summarises and names bottlenecks"):
    substance when every one is specified, on one line or several; when only some are, a
    mention, citing the line that did its part ("at 10x the disks on hot brokers fill first"
    names the bottleneck and sums up nothing)."""
    parts = [_item_support(item, claims, dimension, shared, frozenset({c})) for c in item.concepts]
    met = [p for p in parts if p.status == SUBSTANCE]
    if met and len(met) == len(parts):
        return met[0]
    if met:
        return Support(MENTIONED, met[0].claim)
    return _item_support(item, claims, dimension, shared)


# The dimensions whose items are parts the design specifies (an API, a record, a component),
# which a line's reason clause only names as what its decision serves.
_PARTS_SPECIFIED = frozenset({"api_data", "components"})


# Concepts that say how an item is argued or laid out, never what it is about: an item that
# names another concept beside them is met only by a line about that one.
_QUALIFYING = frozenset({"decision-rationale", "structure"})


def _item_support(
    item: RubricItem,
    claims: Sequence[Claim],
    dimension: str,
    shared: frozenset[str],
    only: frozenset[str] | None = None,
) -> Support:
    """The strongest support any claim gives one of the item's concepts: the first claim
    that specifies it, or a stronger one in the same section (see `_stronger`), else the
    first that mentions it. The cited line is the one a reader would point to: "we fail
    open" is not the best line when the next one says why and what it costs.

    `shared` are concepts this item shares with other items of its prompt ("status codes"
    for both "301 or 302" and "409 on a taken alias"): through those, a claim supports the
    item only if it also says something of this item in particular, a word of its text.
    """
    mention: Claim | None = None
    # Whether the mention kept uses a word of the item's own: the first line to name one of
    # its concepts ("services talk over REST/gRPC" for an idempotency-key item) gives way
    # to a later one that speaks of what the item asks ("we use idempotency keys so a
    # payment is not processed twice"); a reader could not tell why the first was cited.
    mention_speaks = dimension == "capacity"
    wanted = only if only is not None else frozenset(item.concepts)
    # Concepts that name the item's subject without saying what it asks (`mentions` in the
    # catalog): a line about them is a mention, never substance.
    naming = wanted | frozenset(item.mentions)
    own_words = _own_vocabulary(item, dimension == "capacity") if shared & wanted else frozenset()
    asking = "clarifying-questions" in wanted
    needs_reason = _WITH_A_REASON.search(item.text) is not None
    asks_calls = dimension == "api_data" and (
        _asks_calls(item.text) or _DEFINES.match(item.text) is not None
    )
    needs_choice = _EACH_CHOICE.search(item.text) is not None
    # An item that lists several status codes ("308 ..., 409 or 416 ..., 410 ..., 429") is
    # met by a line that gives at least two of them: "return 410 after that" is one code.
    many_codes = "status-codes" in wanted and len(set(_STATUS_CODE.findall(item.text))) >= 3
    weighs_options = dimension == "tradeoffs" and _WEIGHS_OPTIONS.search(item.text) is not None
    index = concept_index(claims)
    # An item that asks which metrics are tracked ("metrics for allowed/limited per rule,
    # limiter latency") is met by a line that names them; only an item that asks for alerts,
    # thresholds or SLOs needs a metric with a threshold and an action.
    metrics_only = (
        "monitoring" in wanted
        and _NAMES_METRICS.search(item.text) is not None
        and _ASKS_ACTION.search(item.text) is None
    )
    # "Monitors with concrete metrics and SLOs" asks for both, and answers put them apart: a
    # list of what is tracked under "Metrics", the targets ("p95 first token < 1.5 s") under
    # the requirements. A metrics list meets it when the design states such a target.
    if (
        not metrics_only
        and "monitoring" in wanted
        and _ASKS_SLO_ONLY.search(item.text) is not None
        and _NAMES_METRICS.search(item.text) is not None
        and any(_SLO_TARGETS & specified_concepts(claim) for claim in claims)
    ):
        metrics_only = True
    # An item that names what to watch ("redirect latency, error rate and cache hit ratio")
    # is met by monitoring of one of those, not by an alert on something else ("alerts at
    # 70% pool use").
    watched = (
        operations.metric_words(item.text) if not wanted.isdisjoint(_WATCHING) else frozenset()
    )
    first: Claim | None = None  # the first claim that specifies the item
    drawn: Claim | None = None  # an edge naming the item only through a node drawn elsewhere
    aside: Claim | None = None  # a line naming only the item's subject, or sizing it
    codes = set(_STATUS_CODE.findall(item.text))  # the codes an item asks about, if any
    # A line that specifies a trade-off item's concept without weighing it ("Only push to
    # followers active in the last 30 days", with no reason) is the mention to cite: it
    # comes nearer the item than a line that only names its subject ("for both active and
    # inactive users").
    partial: Claim | None = None
    best: Claim | None = None  # the line to cite: the first, or a stronger one beside it
    best_weight = (0, 0)
    item_words = _content_words(item.text)
    # Only claims that name or specify one of the item's concepts can support it; visited in
    # text order, so the earliest of equally strong claims is kept.
    positions = sorted({i for concept in naming for i in index.get(concept, ())})
    if metrics_only:
        positions = sorted(set(positions) | _metric_lines(claims))
    closing = _closing_summary(claims) if "summary" in wanted else set()
    if closing:
        positions = sorted(set(positions) | closing)
    closing_ids = {id(claims[i]) for i in closing}
    # A record written out in code (`"burst": 2000,` in a JSON policy) specifies the model
    # the item asks for when its fields are the item's own ("a match, a rate and a burst").
    item_fields = _own_words(item) if "data-model" in wanted else frozenset()
    if item_fields:
        positions = sorted(set(positions) | _field_lines(claims))
    # A call written out ("$ curl -X POST .../api/v1/paste", "GET /feed?cursor=") defines an
    # endpoint of the API an item asks to be defined, whether or not it says "REST".
    # So does an item that writes an endpoint itself ("PUT/GET/HEAD/DELETE /{bucket}/{key}").
    writes_endpoint = dimension == "api_data" and _ITEM_ENDPOINT.search(item.text) is not None
    written = wanted & _ENDPOINT_CONCEPTS if asks_calls or writes_endpoint else frozenset()
    if written:
        positions = sorted(set(positions) | _endpoint_lines(claims))
    # "Objects: PUT (upload), GET (download), HEAD, DELETE" names the calls an endpoint item
    # writes out, without their paths: a mention of the item, never its substance.
    item_calls = frozenset(m.group(1).lower() for m in _CALL_NAME.finditer(item.text) if written)
    verbs = {i for i, c in enumerate(claims) if _names_methods(c, item_calls)} if written else set()
    if verbs:
        positions = sorted(set(positions) | verbs)
    verb_ids = {id(claims[i]) for i in verbs}
    # A fleet item whose only figures are what one machine takes ("at about 100k checks/s
    # per Redis shard, needs about 20 shards") asks for the count: "So 3 primaries is the
    # minimum" gives it, though it names no concept of the item.
    fleet = dimension == "capacity" and _sizes_fleet(item.text) and _only_per_machine(item.text)
    if fleet:
        positions = sorted(set(positions) | _fleet_lines(claims))
    for claim in (claims[i] for i in positions):
        if "scope" not in wanted and (out_of_scope(claim) or _excludes_all(claim)):
            continue
        if item.subject and not _on_subject(claims, claim, frozenset(item.subject)):
            continue  # a retry of the upload is no retry of a transcoding task
        if not asking and claim.text.rstrip().endswith("?"):
            continue  # a question asks for the point; it neither makes nor names it
        if restates_prompt(claim):
            continue
        found = specified_concepts(claim) & wanted or _offers_ways(claim, wanted)
        # A part named only inside the reason clause is what the decision serves, not a
        # part the line specifies: "Privacy checks happen on every read, because the cache
        # must never leak a profile" says nothing of a cache of adjacency lists. (In a
        # weighing it is the option set aside: "We make the four sizes at upload, because
        # resizing on demand would add latency to first views"; in an estimate or a failure
        # it may be what is sized or survived: "... because re-rendering the whole board
        # each frame would take more than 16 ms".)
        if dimension in _PARTS_SPECIFIED:
            found -= claim.features.motives & claim.features.choices
        if found and dimension in _SAID_OF_A_PART:
            # "resizing is idempotent" says idempotency of resizing, and "Publishing is
            # idempotent on the upload id" asks it of publishing.
            found -= _said_of_another(item, claim, found)
        if found and dimension == "tradeoffs":
            # "resizing is idempotent because renditions are keyed by photo id" weighs
            # idempotency: resizing is only what it is said of, and the reason weighs
            # nothing of when the sizes are made.
            found -= _only_subject(claim, found, wanted)
        if not found and item_fields and _names_field(claim, item_fields):
            found = frozenset({"data-model"})
        if not found and id(claim) in closing_ids:
            found = frozenset({"summary"})  # "This design handles ..." closing the answer
        if not found and written and _writes_endpoint_claim(claim):
            found = written
        counted = fleet and _counts_machines(claim)
        if not found and counted:
            found = wanted & GENERIC_ESTIMATE or wanted
        if metrics_only and "monitoring" not in found and _tracks_metrics(claim):
            found = found | {"monitoring"}
        if found and asks_calls and claim.kind != CODE and not _WRITES_CALL.search(claim.text):
            found = frozenset()  # "Clear signatures such as issueTicket(vehicleType)"
        if found and needs_reason and not claim.features.reason:
            found = frozenset()  # "chooses 301 or 302 with a reason": the choice alone is half
        if found and dimension == "tradeoffs" and claim.features.hedge:
            # "A key-value store or a relational table both work well" names the choice and
            # leaves it open: the line to cite as a mention, never a weighing.
            partial = partial or claim
            continue
        if found and weighs_options and not _chooses(claim, found, wanted):
            found = frozenset()
        if (
            found
            and watched
            and found <= _WATCHING
            and watched.isdisjoint(operations.metric_words(claim.text))
        ):
            # An alert on something else ("storage alerts, checksum errors") completes the
            # item only beside a line that tracks what it names; that line is the one to
            # cite, not the alert about disks.
            tracker = _watching(claims, watched)
            if tracker is None:
                found = frozenset()
            elif claim.features.monitoring:
                claim = tracker  # an alert on something else; a list of what is tracked stays
        if found and many_codes and len(set(_STATUS_CODE.findall(claim.text))) < 2:
            found = frozenset()  # one code of the several the item asks for
        if "status-codes" in found and codes and codes.isdisjoint(_STATUS_CODE.findall(claim.text)):
            # "Cache 404 results for a short TTL so probes do not hammer the DB" gives a
            # code and a reason, but not the 301-or-302 choice the item asks for.
            found = found - {"status-codes"}
        if "status-codes" in found and len(codes) >= 2 and _both_codes_only(claim.text, codes):
            # "Caches 302/301 responses for 5 minutes" names the pair an item asks to
            # choose between and picks neither: a mention of the choice, not the choice.
            found = found - {"status-codes"}
        if found and needs_choice and not claim.features.choices:
            found = frozenset()  # "Rationale: industry comparable" gives a reason for no choice
        if found and own_words and found <= shared:
            # A count of machines may say which fleet in the sentence before it, on the
            # same line: "A Redis node can handle ~100k ops/s; ... 13 nodes provide ~1.04M".
            # (Words of the reason clause say why, not what the line specifies: "Privacy
            # checks happen on every read, because the cache must never leak a profile that
            # a block hides" says nothing of when a block applies.)
            said = _line_text(claims, claim) if counted else without_reason(claim.text)
            speaks = _speaks_of(own_words, said) or _names_own_concept(own_words, claim, found)
            if (
                speaks
                and dimension != "capacity"  # an estimate is told apart by its figures
                and _named_by_sharer(item, own_words, found, said)
            ):
                speaks = False  # "Privacy checks happen on every read": the privacy checker's
            found = found if speaks else frozenset()
            if dimension == "capacity" and _a_rival_estimate(item, own_words, claim, found):
                found = frozenset()
        subject = wanted - _QUALIFYING
        if found and found <= _QUALIFYING and subject and not claim.features.concepts & subject:
            # A reason is how an item is argued, not what it is about: "we keep the seat map
            # in Postgres because the team knows it" gives a reason, and was "covered with
            # substance" for "Hold seats, then pay versus pay first ..." beside it.
            found = frozenset()
        if found and dimension == "capacity" and not states_kind_named(item.text, claim):
            found = frozenset()  # "sizes the cache, about 6.4 TB" needs a size, not "20 items"
        if found and dimension == "capacity" and _anothers_figure(item, claim):
            found = frozenset()  # "Posts: 100M a day = 1,160 posts/s" is the post rate's
        if found and (counted or any(_fits_dimension(claim, c, dimension) for c in found)):
            weight = _citation_weight(claim, found, item_words, dimension)
            if first is None:
                first, best, best_weight = claim, claim, weight
            elif _stronger(claim, weight, first, best_weight):
                best, best_weight = claim, weight
            continue
        if found and partial is None and dimension == "tradeoffs":
            partial = claim
            continue
        if not found and id(claim) in verb_ids:
            aside = aside or claim  # cited only when no line names the item's own concept
            continue
        if (mention is None or not mention_speaks) and not _label_only(claim):
            # A line that specifies the item's concept where the dimension does not take it
            # ("Works offline; syncs when a connection returns" under the requirements)
            # still says it: a mention, never "missing".
            named = naming & (claim.features.concepts | claim.features.options | found)
            if dimension == "capacity" and wanted - GENERIC_ESTIMATE:
                # "an estimate" is not this estimate: a read-QPS line does not mention the
                # sizing of the transcoding fleet; the item's own concept must be named.
                named -= GENERIC_ESTIMATE
            # Through a concept other items share, a line is about this item only if it
            # also uses one of the item's own words; else citing it would puzzle a reader.
            if named & _PROSE_ONLY and (claim.kind == CODE or scope_as_identifier(claim.text)):
                # "StringToSign = ... + scope + ...", "- `scope = regional | global`": there
                # the word is an identifier, never the design saying what it leaves out.
                named -= _PROSE_ONLY
            if named & _FIELD_CONCEPTS and _fields_only_counted(claim.text):
                # "(key + hash overhead + 2 fields)" sizes a record: it names no field.
                named -= _FIELD_CONCEPTS
            if "latency-target" in named and _only_settings(claim.text):
                named -= {"latency-target"}  # "debounces keystrokes by 150 ms": a setting
            if "time-sortable-id" in wanted and "id-generator" in named and _random_ids(claim):
                # "post_id UUID", "unique post_id (UUID v4)": random ids, the scheme a
                # time-sortable id is chosen over, name no step towards it.
                named -= {"id-generator"}
            if (
                "status-codes" in named & wanted
                and codes
                and codes.isdisjoint(_STATUS_CODE.findall(claim.text))
            ):
                # "Response 201:" gives a code, not the 301-or-302 choice the item asks for
                # (a line naming status codes stays a mention where they are only the
                # item's subject, as for "rejects with 429 and Retry-After").
                named -= {"status-codes"}
            if named and not (
                own_words
                and named <= shared
                and not _speaks_of(own_words, claim.text)
                and not _names_its_subject(named, item_words, claim.text, item)
            ):
                if claim.kind == EDGE and not _labels_on_line(claim):
                    # "C1 -->|Click short link| CDN" reads the CDN's label from the line
                    # that defines it ("CDN[CDN (Edge cache - 302 redirects)]"): that line
                    # names the item, this one does not.
                    drawn = drawn or claim
                    continue
                if not named & wanted or (dimension != "capacity" and claim.features.derivation):
                    # "1M drivers every 4 s = 250K location updates/s" names what a
                    # persistent-connection item is about, and "ledger entries: 2 x 1,200/s x
                    # 200 B" what a double-entry item is about, but neither names what the
                    # item asks: cited only when no line names the item's own concept.
                    aside = aside or claim
                    continue
                # (A capacity item's words are the nouns every line uses, "posts",
                # "followers", "peak": sharing them does not make a line about the estimate.)
                used = (
                    0 if dimension == "capacity" else len(item_words & _content_words(claim.text))
                )
                if mention is None or used >= _SPEAKS_OF_ITEM:
                    mention, mention_speaks = claim, used > 0 or dimension == "capacity"
    if best is not None:
        return Support(SUBSTANCE, best)
    mention = partial or mention or aside or drawn
    return Support(MENTIONED, mention) if mention is not None else Support(ABSENT)


# The item's own words a later mention must use to be cited over a first that uses none.
_SPEAKS_OF_ITEM = 2


# What a property is said of: the word before "is" or "are" just before the concept's
# term ("resizing is idempotent", "renditions are keyed by ...", "is also idempotent").
# A list said of at once is said of each of its members: "deletes, blocks and mutes are
# filtered during hydration".
_SAID_OF = re.compile(
    r"\b((?:[a-z][\w-]*,\s+)*[a-z][\w-]*(?:,?\s+(?:and|or)\s+[a-z][\w-]*)?)"
    r"\s+(?:is|are)\s+(?:[a-z]+ly\s+|also\s+|always\s+)?$",
    re.I,
)
_LIST_JOINS = re.compile(r",\s+|\s+(?:and|or)\s+", re.I)
_SAME_WORD = 5  # letters two words share when one is the other's form ("publish", "publishing")
# The dimensions whose items say a property of one part of the design (a requirement says
# what must hold of the product, in the candidate's words for it).
_SAID_OF_A_PART = frozenset({"api_data", "components", "tradeoffs", "reliability"})


@per_text
@lru_cache(maxsize=16384)
def _said_of(text: str, concept: str) -> tuple[str, ...] | None:
    """The words a text says a concept of ("resizing" in "resizing is idempotent"; each of
    "deletes, blocks and mutes are filtered"), if it says it in that form; the last is the
    word right before the verb. Kept per text and concept: each rubric item asks it of the
    same claims, and of its own text for each claim."""
    from tradeoff.catalog import default_catalog  # the vocabulary the claims were read with

    found = default_catalog().vocabulary.concepts.get(concept)
    if found is None:
        return None
    match = term_pattern(tuple(found.terms)).search(text)
    if match is None:
        return None
    before = _SAID_OF.search(text[: match.start()])
    if before is None:
        return None
    return tuple(w for w in _LIST_JOINS.split(before.group(1).lower()) if w)


def _only_subject(claim: Claim, found: frozenset[str], wanted: frozenset[str]) -> frozenset[str]:
    """The concepts a claim names only as what it says another technique or part of, not one
    the item asks about: image processing in "resizing is idempotent". (A property at stake
    said of it is the weighing itself: "Exactly-once is expensive".)"""
    said_of = {
        words[-1]
        for other in claim.features.choices - wanted
        if (words := _said_of(claim.text, other))
    }
    if not said_of:
        return frozenset()
    from tradeoff.catalog import default_catalog  # the vocabulary the claims were read with

    concepts = default_catalog().vocabulary.concepts
    out = set()
    for concept in found:
        known = concepts.get(concept)
        if known is None:
            continue
        named = term_pattern(tuple(known.terms))
        if any(named.fullmatch(word) for word in said_of) and not _named_elsewhere(
            claim.text, named, said_of
        ):
            out.add(concept)
    return frozenset(out)


def _named_elsewhere(text: str, named: re.Pattern[str], said_of: set[str]) -> bool:
    """Whether a text names a concept other than as the word something is said of."""
    return any(m.group(0).lower() not in said_of for m in named.finditer(text))


def _one_word(a: str, b: str) -> bool:
    """Whether two words are one, as forms of one word ("publish", "publishing") or in
    candidates' words (`_OWN_SYNONYMS`: a job is a task)."""
    if a[:_SAME_WORD] == b[:_SAME_WORD]:
        return True
    first, second = _content_words(a), _content_words(b)
    return bool(_with_own_synonyms(first) & second or _with_own_synonyms(second) & first)


def _said_of_another(item: RubricItem, claim: Claim, found: frozenset[str]) -> frozenset[str]:
    """The concepts a claim says of something other than what the item says them of, and
    never names what the item says them of: "resizing is idempotent because renditions are
    keyed by photo id" is no idempotent publishing ("Publishing is idempotent on the upload
    id, ..."). A line that names the item's subject anywhere ("the publish call is
    idempotent") says it of that."""
    out = set()
    words: list[str] | None = None
    for concept in found:
        theirs = [w for w in _said_of(item.text, concept) or () if w not in _STOPWORDS]
        if not theirs:
            continue  # "Says what is out of scope" says it of nothing
        ours = [w for w in _said_of(claim.text, concept) or () if w not in _STOPWORDS]
        if not ours or any(_one_word(a, b) for a in theirs for b in ours):
            continue  # "each job is idempotent" says it of the item's "tasks"
        if words is None:
            words = _WORD.findall(claim.text.lower())
        if any(w[:_SAME_WORD] == t[:_SAME_WORD] for w in words for t in theirs):
            continue  # "the publish call is idempotent", "a deleted post is filtered"
        out.add(concept)
    return frozenset(out)


# A UUID that is not one of the time-ordered versions (v1, v6, v7, Cassandra's timeuuid):
# random bits, which sort by nothing.
_RANDOM_UUID = re.compile(r"(?<![\w-])uuids?(?:\s*-?\s*v?4)?\b(?!\s*-?\s*v?[167]\b)", re.I)
# The other ways an id generator is named, which may order ids by time.
_ORDERED_ID = re.compile(
    r"\b(?:snowflake|id generator|ticket server|sequence|auto-?increment|counter|ulid|ksuid"
    r"|range|block of ids|kgs|key generat)",
    re.I,
)


def _random_ids(claim: Claim) -> bool:
    """Whether the claim's ids are random UUIDs and it names no other way of making ids."""
    return _RANDOM_UUID.search(claim.text) is not None and _ORDERED_ID.search(claim.text) is None


# Concepts a fenced line only ever names as an identifier (a signing `scope`, an OAuth
# `scope` field), never as the design's statement of them.
_PROSE_ONLY = frozenset({"scope"})
_CODE_SPAN = re.compile(r"`[^`]*`")


def scope_as_identifier(text: str) -> bool:
    """Whether a line says "scope" only as an identifier, in backticks or as a field
    ("scope": "regional", `scope = global`), and says nothing else of what is left out
    ("not covered here", "out of scope")."""
    if "scop" not in text.lower():
        return False
    prose = _CODE_SPAN.sub(" ", text)
    return not _SCOPE_IN_PROSE.search(prose) and not _LEFT_OUT.search(prose)


_LEFT_OUT = re.compile(
    r"\b(?:not covered|out of|non-?goals?|exclud\w*|won't|will not|deferred|not in)\b", re.I
)
_SCOPE_IN_PROSE = re.compile(r"\bscop\w*\b(?!\s*[=:]\s*[\"'\w])|\bnon-?goals?\b", re.I)


# A line that is only a bold label over the lines under it ("**Non-functional**"): it heads
# what follows, as a heading does, and citing it as a mention would show a reader nothing.
_BOLD_LABEL = re.compile(r"^\s*(\*\*|__)[^*_]{1,40}\1\s*:?\s*$")


def _labels_on_line(edge: Claim) -> bool:
    """Whether both ends of a diagram edge are labelled on its own line: "A[Client] -->
    B[Cache]" is, "C1 --> CDN" is not when CDN's label is written where the node is defined."""
    ends = edge.text.split(": ", 1)[0].split(" -> ")
    return all(end.strip() in edge.quote for end in ends)


def _label_only(claim: Claim) -> bool:
    return claim.kind != CODE and _BOLD_LABEL.match(claim.quote) is not None


def _excludes_all(claim: Claim) -> bool:
    """A sentence that only puts things out of scope ("Virus scanning is out of scope."):
    what it names is excluded, so it neither covers nor mentions it. One that also states
    what is in ("users post and follow; ads are out of scope") is read for both."""
    return ";" not in claim.text and "," not in claim.text and _states_scope(claim)


def _offers_ways(claim: Claim, wanted: frozenset[str]) -> frozenset[str]:
    """Two of the item's own concepts offered as ways to meet it, with the reason they serve:
    "take a lock per level, or use a compare-and-set on the spot, so only one ticket wins"
    answers "claiming a spot is one atomic step (a lock, or a compare-and-set)". Either
    way meets the item; a hedge ("either would work") gives no reason and meets nothing."""
    f = claim.features
    offered = f.options & wanted
    if len(offered) < 2 or not f.reason or f.hedge:
        return frozenset()
    return offered


def _citation_weight(
    claim: Claim, found: frozenset[str], item_words: frozenset[str], dimension: str
) -> tuple[int, int]:
    """How much a claim that specifies an item says of it, for the dimensions whose evidence
    is a weighing a reader can count: the reasons, alternatives and costs of a trade-off,
    the failures paired with responses and the watched thresholds of reliability. Then how
    many of the item's own words it uses."""
    words = len(item_words & _content_words(claim.text))
    if dimension == "capacity":
        # An estimate is cited by the line that says most of what it counts ("Fanout writes:
        # 5,800 x 100 avg followers = 580 K/s" over the posting rate it starts from), in
        # words: a figure the item happens to share ("100 TB raw" per node) says nothing.
        said = _content_words(claim.text)
        words = sum(1 for w in item_words & said if not w.isdigit() and w not in _FIGURE_WORDS)
        return (words, words)
    kinds = _CITED_EVIDENCE.get(dimension, frozenset())
    relevant = sum(1 for kind in claim.features.evidence if kind in kinds)
    return (relevant, words)


def citation_strength(claim: Claim, item: RubricItem, dimension: str) -> tuple[int, int]:
    """How much a claim that specifies an item says of it (see `_citation_weight`): the
    interviewer keeps the strongest of the lines said over the session as its quote."""
    return _citation_weight(claim, frozenset(), _content_words(item.text), dimension)


def _stronger(
    claim: Claim, weight: tuple[int, int], first: Claim, best_weight: tuple[int, int]
) -> bool:
    """Whether `claim` is a better line to cite than the best so far: in the same section as
    the first claim that specified the item (the same discussion, not a table elsewhere that
    happens to name it), using as many of the item's own words, and weighing more: "we pick
    fail-open" is the first line, "fail open, since failing closed locks every tenant out,
    at the cost of a burst" the one to cite."""
    return claim.headings == first.headings and (
        (weight[1] >= best_weight[1] and weight[0] > best_weight[0])
        # As much weighing, and more of the item's own words: "Re-sending part n overwrites
        # it, so a retry is safe" over the line before it about retried creates.
        or (weight[0] >= best_weight[0] and weight[1] > best_weight[1])
    )


# The evidence counted when choosing which line to cite; other dimensions cite the first
# claim that specifies the item (a derivation is not "more" than the input it starts from,
# and a line of requirements is not better for carrying a number).
_CITED_EVIDENCE: dict[str, frozenset[str]] = {
    "tradeoffs": frozenset({"reason", "alternative", "cost"}),
    "reliability": frozenset({"failure_response", "monitoring", "security_control"}),
}


_NAMES_METRICS = re.compile(r"\bmetrics?\b|\bmonitor", re.I)
_WATCHING = frozenset({"monitoring", "alerting"})
# An item whose only ask beyond the metrics is targets: SLOs, not alerts, pages or thresholds.
_ASKS_SLO_ONLY = re.compile(
    r"^(?!.*\b(?:alert\w*|pag(?:e|es|ing)|on-?call|thresholds?|burn)\b).*\bslos?\b", re.I
)
# The targets that stand for an SLO beside a metrics list. (Named apart from the
# requirements ladder's `_TARGETS` below: under one name, the later binding was the one read
# here, and any non-functional requirement passed for a target.)
_SLO_TARGETS = frozenset({"latency-target", "availability-target", "slo"})
_ASKS_ACTION = re.compile(r"\b(?:alert\w*|pag(?:e|es|ing)|on-?call|thresholds?|slos?|burn)\b", re.I)
_TRACKING = re.compile(
    r"\b(?:metrics?|track(?:s|ed|ing)?|measur\w*|dashboards?|emit(?:s|ted)?|expos\w*"
    r"|instrument\w*)\b",
    re.I,
)


# Two status codes written as a pair: "302/301", "301 or 302", "301 and 302".
_CODE_PAIR = re.compile(r"\b(\d{3})\s*(?:/|\bor\b|\band\b)\s*(\d{3})\b")


def _both_codes_only(text: str, codes: set[str]) -> bool:
    """Whether a line gives two or more of an item's codes and each only inside a pair."""
    given = codes.intersection(_STATUS_CODE.findall(text))
    paired = {code for m in _CODE_PAIR.finditer(text) for code in m.groups()}
    return len(given) >= 2 and given <= paired


def _watching(claims: Sequence[Claim], watched: frozenset[str]) -> Claim | None:
    """The first line of the design that tracks one of the metrics an item names: then an
    alert written apart from that list ("Metrics: request latency, hit ratio, error rates"
    over "Capacity alerts at 75% CPU") completes what the item asks."""
    return next(
        (
            c
            for c in claims
            if not watched.isdisjoint(operations.metric_words(c.text))
            and (c.features.monitoring or _tracks_metrics(c))
        ),
        None,
    )


def _tracks_metrics(claim: Claim) -> bool:
    """A line that names what the design measures: a bullet under "Observability" or
    "Metrics" naming one quantity ("- fail-open count"), or a sentence that says it tracks
    two ("metrics on allowed/denied counts per key, Redis latency and errors")."""
    count = operations.named_metrics(claim.text)
    if not count:
        return False
    if "monitoring" in implied_concepts(claim):
        return True
    if claim.kind == ITEM and claim.headings and _TRACKING.search(claim.headings[-1]):
        return True  # "- p50/p95 latency per stage" under a lead-in "Track:" or "Metrics:"
    text = claim.text
    label = operations.metric_column(text) if claim.kind == ROW else None
    if label is not None:  # "Metric: Peak QPS. Value: 1M" tracks nothing
        text = text[: label[0]] + text[label[1] :]
    about = "monitoring" in claim.features.concepts or _TRACKING.search(text) is not None
    return about and count >= 2


def _field_lines(claims: Sequence[Claim]) -> set[int]:
    """Positions of the lines of code that declare a field (JSON, YAML, DDL)."""
    return _positions(claims, "fields", lambda c: c.kind == CODE and bool(_FIELD.search(c.text)))


# Positions of the claims of one list that pass a test, per list and test: every rubric item
# that asks for metrics, fields or endpoints scanned the whole design again for them.
_POSITIONS: dict[tuple[int, str], tuple[Sequence[Claim], int, frozenset[int]]] = {}


def _positions(claims: Sequence[Claim], name: str, test: Callable[[Claim], bool]) -> set[int]:
    """The positions of the claims passing `test`, worked out once per claim list (keyed on
    the list itself and its length, as `concept_index` is)."""
    key = (id(claims), name)
    hit = _POSITIONS.get(key)
    if hit is None or hit[0] is not claims or hit[1] != len(claims):
        if len(_POSITIONS) >= 3 * _INDEXES_KEPT:
            _POSITIONS.clear()
        hit = (claims, len(claims), frozenset(i for i, c in enumerate(claims) if test(c)))
        _POSITIONS[key] = hit
    return set(hit[2])


# A closing line that restates the whole design: "This design handles YouTube-scale traffic
# with proven technologies ...", "The design prioritises availability and scalability ...".
_RESTATES = re.compile(
    r"^\W*(?:(?:in (?:short|summary|conclusion)|overall|to (?:sum up|summari[sz]e)),?\s+)?"
    r"(?:this|the|our) (?:design|architecture|system|solution)\s+(?:\w+ly\s+)?[a-z]+s\b",
    re.I,
)
_CLOSING = 3  # the last prose claims of an answer, where a wrap-up stands


def _closing_summary(claims: Sequence[Claim]) -> set[int]:
    """Positions of the closing prose claims that restate the design: a summary with no
    "Summary" heading over it, the paragraph that ends many answers. (Only at the end: "This
    design avoids a hot counter" in the middle of a section sums up one part.)"""

    def test(claim: Claim) -> bool:
        return (
            claim.kind not in (CODE, ROW, NODE, EDGE) and _RESTATES.search(claim.text) is not None
        )

    prose = [i for i, c in enumerate(claims) if c.kind not in (CODE, ROW, NODE, EDGE)]
    last = set(prose[-_CLOSING:])
    return _positions(claims, "closing-summary", test) & last


def _names_field(claim: Claim, own_words: frozenset[str]) -> bool:
    """Whether a line of code declares a field the item names: `"burst": 2000` is the
    burst size of a rule; `"answer": "..."` in a response example is no data model."""
    if claim.kind != CODE or _FIELD.search(claim.text) is None:
        return False
    field = _FIELD_NAME.match(claim.text.strip())
    return field is not None and bool(_content_words(field.group(1).replace("_", " ")) & own_words)


_ENDPOINT_CONCEPTS = frozenset({"rest-api", "rpc-api"})


# An endpoint written as a caller uses it: a method and a path, a curl call, an API URL,
# an RPC. A function defined in code ("def base_encode(num, base=62):") is the
# implementation, not the API.
_CALLED_ENDPOINT = re.compile(
    # "GET bucket/key" writes the path without its leading slash.
    r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+/?[\w{}.:-]*/|-X\s*(?:GET|POST|PUT|PATCH|DELETE)\b"
    r"|https?://\S*/api/\S+|\brpc\s+\w+\s*\("
)


# Two or more HTTP methods named in capitals ("PUT (upload), GET (download), DELETE").
_HTTP_METHOD = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\b")


def _names_methods(claim: Claim, calls: frozenset[str] = frozenset()) -> bool:
    """Whether a line names two or more HTTP methods, as the operations of an API, or two
    or more of the item's own calls said as verbs over what they take ("Get, set and
    delete keys with a TTL" for "get(key), set(key, value, ttl), delete(key)")."""
    if claim.kind == CODE:
        return False
    if len(set(_HTTP_METHOD.findall(claim.text))) >= 2:
        return True
    return bool(calls) and len(said_operations(claim.text) & calls) >= 2


# Operations of an API said in prose as a list of verbs over what they take: "Get, set and
# delete keys with a TTL", "acquire, renew and release a lock", "publish and consume
# messages". Each verb is one an API's call is named by (`_API_CALLS`); the object is the
# kind of thing such a call takes, so "read and write data" names no operation.
_OPERATION_VERB = (
    r"(?:get|set|put|delete|read|write|fetch|publish|consume|produce|subscribe|acquire"
    r"|release|renew|create|update|list|upload|download|enqueue|dequeue|ack|lock|unlock"
    r"|cancel|schedule|increment|append|poll)s?\b"
)
_OPERATIONS_SAID = re.compile(
    rf"\b({_OPERATION_VERB}(?:\s*,\s*{_OPERATION_VERB})*\s*,?\s+(?:and|or)\s+{_OPERATION_VERB})"
    r"\s+(?:(?:a|an|the|their|its|each)\s+)?(?:[\w-]+\s+)?(?:keys?|values?|items?|entries"
    r"|messages?|events?|locks?|leases?|objects?|files?|records?|jobs?|tasks?|topics?)\b",
    re.I,
)
_OPERATION_WORD = re.compile(rf"\b{_OPERATION_VERB}", re.I)


def said_operations(text: str) -> frozenset[str]:
    """The operations a line lists in prose over what they take (`_OPERATIONS_SAID`),
    lower-cased: {"get", "set", "delete"} for "Get, set and delete keys with a TTL"."""
    found: set[str] = set()
    for match in _OPERATIONS_SAID.finditer(text):
        found |= {w.lower().removesuffix("s") for w in _OPERATION_WORD.findall(match.group(1))}
    return frozenset(found) if len(found) >= 2 else frozenset()


def _writes_endpoint_claim(claim: Claim) -> bool:
    return (
        may_hold(claim.text, ("/", "rpc", "-x")) and _CALLED_ENDPOINT.search(claim.text) is not None
    )


def _endpoint_lines(claims: Sequence[Claim]) -> set[int]:
    """Positions of the claims that write an endpoint or a call with its signature."""
    return _positions(claims, "endpoints", _writes_endpoint_claim)


def _metric_lines(claims: Sequence[Claim]) -> set[int]:
    """Positions of the claims that name metrics they track (for items that ask for them)."""
    return _positions(claims, "metrics", _tracks_metrics)


@per_text
@lru_cache(maxsize=4096)
def _measured_kinds(text: str) -> frozenset[tuple[int, int]]:
    """The kinds of measured quantity a text states (a rate, a size, a duration), plain
    counts left out: "20 items" measures nothing a capacity estimate names."""
    return frozenset(f.dims for f in find_quantities(text) if f.dims != (0, 0))


def states_kind_named(item_text: str, claim: Claim) -> bool:
    """A capacity item that names a measured quantity ("about 180 TB", "1,200 posts/s",
    "egress at terabits per second") is specified only by a claim that states or derives a
    quantity of that kind, for the whole system: "1 GB per hour of source" and "5 Mbps per
    viewer" measure one video or one viewer, an input to egress, not egress. An item that
    sizes a fleet ("about 2,080 workers") is specified by a claim that sizes one: a storage
    figure beside the word "renditions" counts no transcoding machines. An item about
    network traffic ("egress ... 17 Tbit/s") needs a claim about traffic."""
    named = _named_kinds(item_text)
    if not named:
        return not _sizes_fleet(item_text) or claim.features.sizing
    if _sizes_fleet(item_text) and _only_per_machine(item_text):
        # "At about 100k checks/s per Redis shard, needs about 20 shards": the rate is what
        # one shard takes, the input; the item asks for the count. "100k RPS x 2 x 200
        # bytes = 40 MB/s" of network I/O counts no shards.
        return _counts_machines(claim)
    if _sizes_fleet(item_text) and claim.features.sizing and _MACHINES.search(claim.text):
        return True  # "100K connections per gateway, that is 500 gateways" sizes the fleet
    stated = _system_kinds(claim.text)
    if _LABELLED_RATE.search(claim.text) and claim.features.quantities + _bare_numbers(claim):
        # "Peak read RPS (3x). Value: ~350,000": a table row names the unit in its label.
        stated = stated | {(-1, 0)}
    if _BANDWIDTH_WORDS.search(item_text) and not _TRAFFIC.search(claim.text):
        stated -= {(-1, 1)}  # bytes a day of new storage are a rate too, but no traffic
    if _client_limit_only(claim):
        stated -= {(-1, 0), (-1, 1)}  # "Rate limit: 100 requests per minute per user"
    if (
        (0, 1) in named
        and (-1, 1) in stated
        and not _TRAFFIC.search(claim.text)
        and not _total_over_a_span(item_text)
    ):
        # "physical storage is about 880 PB / year", "500 GB/day -> 182 TB/year": how fast
        # the kept bytes grow sizes a store as a total does; a rate of traffic ("80 GB/s of
        # egress", "write throughput") does not.
        return True
    return bool(named & stated)


def _total_over_a_span(item_text: str) -> bool:
    """Whether an item's size is a total kept over a span of time ("storage (about 33 TB
    over 10 years)"): how fast the bytes grow ("about 3 GB a day") is its input, not the
    total, which the line never carries over the years."""
    return any(
        f.dims == (0, 1) and _OVER_A_SPAN.match(item_text, f.end) is not None
        for f in find_quantities(item_text)
    )


# "over 10 years", "for 5 years", "kept 7 years", "across 3 years of retention".
_OVER_A_SPAN = re.compile(
    r"\s*(?:of [\w ]{1,30}?\s+)?(?:over|for|across|in|kept(?: for)?|retained(?: for)?)\s+"
    r"(?:the |a |about |roughly )?(?:\d[\d,.]*|one|two|three|five|ten|seven)\s*"
    r"(?:years?|yrs?|months?|weeks?|days?)\b",
    re.I,
)


# A figure of what one machine takes ("100k checks/s per Redis shard", "at 20,000 per
# node", "250,000 each"): the input of a fleet's size, not an estimate the item asks for.
_PER_MACHINE = re.compile(
    r"\d[\d,.]*\s*(?:[a-z/]+\s+){0,3}?(?:per (?:[\w-]+ ){0,2}"
    r"(?:shards?|nodes?|servers?|workers?|instances?|gateways?|brokers?|hosts?|machines?"
    r"|pods?|gpus?)|each)\b",
    re.I,
)


def _counts_machines(claim: Claim) -> bool:
    """Whether a claim sizes a fleet with a count of machines ("So 3 primaries is the
    minimum", "13 nodes provide ~1.04M ops/s"). A diagram's box ("Redis Cluster 16 Shards")
    labels a part; the count is argued, if anywhere, in the text."""
    if claim.kind in (NODE, EDGE):
        return False
    if claim.kind == ROW and _LABELLED_MACHINES.search(claim.text) is not None:
        return True
    return claim.features.sizing and _MACHINES.search(claim.text) is not None


def _on_subject(claims: Sequence[Claim], claim: Claim, subject: frozenset[str]) -> bool:
    """Whether a claim is about the subsystem an item names (`RubricItem.subject`): it, a
    claim on its line or its innermost heading names it. Idempotency and retries are said of
    uploads, payments and jobs alike; which one a line speaks of is the subsystem beside it
    ("If a chunk fails, only that chunk is retried" under "The Upload Pipeline")."""
    if any(subject & c.features.concepts for c in claims if c.line == claim.line):
        return True
    if not claim.headings:
        return False
    from tradeoff.catalog import default_catalog  # the vocabulary the claims were read with

    concepts = default_catalog().vocabulary.concepts
    heading = claim.headings[-1]
    return any(
        term_pattern(tuple(concepts[c].terms)).search(heading) is not None
        for c in subject
        if c in concepts
    )


def _line_text(claims: Sequence[Claim], claim: Claim) -> str:
    """The text of every claim on a claim's line: what a reader sees at the cited line."""
    return " ".join(c.text for c in claims if c.line == claim.line)


# A table row whose label names the machines its value counts: "Parameter: Redis Shards.
# Value: 16".
_LABELLED_MACHINES = re.compile(
    r"\b(?:servers|workers|nodes|brokers|hosts|machines|instances|shards|primaries|masters"
    r"|pods|vms|gpus|gateways)\.\s*[^:.]{1,20}:\s*[~≈]?\d",
    re.I,
)


def _fleet_lines(claims: Sequence[Claim]) -> set[int]:
    """Positions of the claims that size a fleet with a count of machines."""
    return _positions(claims, "fleet", _counts_machines)


@lru_cache(maxsize=1024)
def _only_per_machine(item_text: str) -> bool:
    """Whether every measured figure a fleet-sizing item names is one machine's capacity."""
    return not _measured_kinds(_PER_MACHINE.sub(" ", item_text))


# What a figure of network traffic is said with: its unit or what flows.
_TRAFFIC = re.compile(
    r"egress|ingress|bandwidth|throughput|network|traffic|stream|serv(?:e|es|ed|ing)\b"
    r"|deliver|[kmgtp]bps|[kmgtp]?bits?/s|[kmgtpe]i?b/s",
    re.I,
)


# A count of machines: what an item whose only figure it is asks to be sized.
_MACHINES = re.compile(
    r"\d[\d,.]*\s+(?:[a-z-]+\s+)?(?:servers|workers|nodes|brokers|hosts|machines|instances"
    r"|shards|primaries|masters|pods|vms|gpus|gateways)\b",
    re.I,
)


@lru_cache(maxsize=1024)
def _sizes_fleet(item_text: str) -> bool:
    return _MACHINES.search(item_text) is not None


# What a figure is measured per when it is one unit's, not the system's: "per hour of
# source", "a minute of video".
_OF_ONE = re.compile(r"\s+of\s+(?:the\s+)?(?:source|video|content|footage|audio|media)\b", re.I)


# A size that is one thing's, however it is written: "objects of 1 byte to 5 TB each",
# "3 replicas of 2 GB each".
_EACH = re.compile(r"\s*(?:(?:-|–|—|to)\s*[\d.,]+\s*[a-z]*\s*)?\)?\s*(?:each|apiece)\b", re.I)


# A table row whose label carries the unit and whose value is a bare number ("Parameter:
# Write RPS. Value: ~1,160", "Metric: Read QPS peak (2x). Value: ~116,000"): a rate, as the
# header says, though the cell has no unit of its own.
_RATE_ROW = re.compile(
    r"\b(?:[QRT]PS|ops/s|req/s)\b[^.:|\d]{0,16}(?:\([^)]{0,12}\))?\s*[.:|]\s*"
    r"(?:Value:\s*)?[~≈]?\s*\d[\d,.]*\s*[kKmMbB]?(?![\w/%])"
)


# A bitrate named before a figure: the rate of one stream, an input to egress.
# A table row keeps its label apart from its value with the column name: "Metric: Avg.
# video bitrate (effective). Estimate: 2.5 Mbps (≈ 0.312 MiB/s)" is still the bitrate's
# figure, and so is the same figure in other units after it.
_A_BITRATE = re.compile(
    r"\bbit-?rates?\b[^.;=≈→]{0,40}(?:\.\s+[A-Za-z][\w /()-]{0,24}:\s*[~≈]?)?"
    r"(?:\d[\d.,]*\s*[kmg]?bps\s*\(?\s*[~≈]\s*)?$"
    # "500 MiB (≈ 30 min @ 2 Mbps)": the rate one video is encoded at
    r"|@\s*$",
    re.I,
)


# A product worked out to its result: the factors are inputs of another kind.
_RESULT = re.compile(r"[=≈→]")
_TIMES_AFTER = re.compile(r"\s*(?:[×*·✕]|x(?=\s))")
_TIMES_BEFORE = re.compile(r"(?:[×*·✕]|(?<=\s)x)\s*$")


def _multiplied(text: str, start: int, end: int) -> bool:
    """Whether a figure is a factor of a product the text works out ("100 million uploads a
    day x 2.4 MB = 240 TB per day"): the product's kind is what the line states, so an item
    that asks for uploads a second is not covered by the storage it multiplies into."""
    if not _RESULT.search(text, end):
        return False
    return bool(
        _TIMES_AFTER.match(text, end) or _TIMES_BEFORE.search(text, max(0, start - 4), start)
    )


# A limit before a figure: what the design allows, not what it adds up to.
_BOUND = re.compile(
    r"(?:[<>≤≥]=?|\bup to|\bat most|\bmax(?:imum)?(?:\s+\w+){0,2}\s*[:=]?)\s*~?$", re.I
)


@per_text
@lru_cache(maxsize=4096)
def _system_kinds(text: str) -> frozenset[tuple[int, int]]:
    """The kinds of measured quantity a text states of the system as a whole: not those
    divided by one thing ("per viewer", "per stream") or by the length of one video. An
    amount whose clause ends in a period ("2 PB of new storage a day") is a rate too."""
    kinds: set[tuple[int, int]] = set()
    if _RATE_ROW.search(text):
        kinds.add((-1, 0))
    # (a text with no unit word states no measured quantity: it is not tokenized)
    for f in find_quantities(text) if may_state_dimension(text) else ():
        if f.dims == (0, 0) or f.per or _OF_ONE.match(text, f.end) or _EACH.match(text, f.end):
            continue
        if _BOUND.search(text, max(0, f.start - 16), f.start):
            continue  # "Size: <= 4 KB", "objects up to 5 TB": a limit the design sets
        if _multiplied(text, f.start, f.end):
            continue  # "100M uploads a day x 2.4 MB = 240 TB a day" states bytes a day
        if _A_BITRATE.search(text, max(0, f.start - 48), f.start):
            continue  # "Average delivered bitrate: 3 Mbps" is one stream's, not the egress
        if _LABEL_PER_ONE.search(text, max(0, f.start - 60), f.start):
            continue  # "Average requests per client: 1000/60 = 16.67 req/s": one client's
        if f.dims == (0, 1) and _one_record_or_machine(text, f.start, f.end):
            continue  # "`tokens` (Integer, 4 bytes)", "each node 32 GB RAM": one of many
        if f.dims == (1, 0) and (
            _HELD_FOR.search(text, max(0, f.start - 24), f.start) or not _WORKED_OUT.search(text)
        ):
            # "stores the key for 24 hours", "typing is debounced by 150 ms": a setting of
            # the design, not a duration worked out ("takes about 4.4 hours", "= 400 ms").
            continue
        kinds.add(f.dims)
        if f.dims[0] >= 0 and every_period(_CLAUSE_END.split(text[f.end : f.end + 40])[0]):
            kinds.add((f.dims[0] - 1, f.dims[1]))
    return frozenset(kinds)


# The width of one field ("`tokens_remaining` (Integer, 4 bytes)", "Key size: ~20 bytes")
# or the memory of one machine ("Each node 8 CPU, 32 GB RAM"): a size of one of many, an
# input to the state's total, never the total itself.
_FIELD_TYPE_BEFORE = re.compile(
    r"(?:\b(?:int(?:eger)?\d*|u?int\d+|long|float|double|bigint|timestamp|string|varchar"
    r"|char|bool(?:ean)?|uuid)\b[^.;:()]{0,12}|\b(?:key|value|field|record|row|entry|item)"
    r" size\s*[:=]\s*~?"
    # a table row labelled per one record: "Item: Memory per key. Value: 64 B"
    r"|\bper (?:key|record|row|entry|item|user|client|bucket)\.?\s+(?:value|size|estimate)"
    r"\s*:\s*~?)$",
    re.I,
)
_MACHINE_MEMORY = re.compile(r"\b(?:ram|memory)\b", re.I)  # in or just after the figure
_EACH_MACHINE_BEFORE = re.compile(
    r"\b(?:each|per|every|one) (?:\w+ )?(?:node|server|machine|host|instance|box|vm)\b[^.;]*$",
    re.I,
)


# A count of things, then the size of each: "3 ledger entries of about 200 bytes", "2
# replicas of 64 GB". The size is one thing's, however many there are.
_COUNTED_THINGS_OF = re.compile(
    r"\b\d[\d,.]*\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\s+of\s+"
    r"(?:about |around |roughly |approximately |~|≈)?$",
    re.I,
)


def _one_record_or_machine(text: str, start: int, end: int) -> bool:
    """Whether the size at text[start:end] is one field's width or one machine's memory,
    or the size of each of a counted set ("writes 3 ledger entries of about 200 bytes")."""
    before = text[max(0, start - 40) : start]
    if _FIELD_TYPE_BEFORE.search(before):
        return True
    if _COUNTED_THINGS_OF.search(before):
        return True
    return bool(
        _MACHINE_MEMORY.search(text, start, end + 12) and _EACH_MACHINE_BEFORE.search(before)
    )


# A label that divides by one caller ("Requests per client:", "| Per-user rate |"): the
# figures after it are one client's, not the system's.
_LABEL_PER_ONE = re.compile(
    r"\bper[\s-](?:client|user|api[\s-]key|key|ip|tenant|account|viewer|device|connection"
    r"|session)\b[^:|.;=]{0,20}[:|][^|.;]*$",
    re.I,
)
# A rate named by its unit where a label says it: "Peak read RPS", "Read QPS".
_LABELLED_RATE = re.compile(r"\b(?:qps|rps|tps)\b", re.I)
_BARE_NUMBER = re.compile(r"\d")


def _bare_numbers(claim: Claim) -> int:
    return 1 if _BARE_NUMBER.search(claim.text) else 0


# A retention or an interval before a duration: a setting, not an estimate's result.
_HELD_FOR = re.compile(
    r"\b(?:for|over|kept|keep|keeps|retain\w*|retention of|after|every|within|up to|ttl(?: of)?)"
    r"\s+(?:about |around |roughly |the (?:last|past|first) )?$",
    re.I,
)
# A duration that is a result: computed, or what something takes or leaves.
_WORKED_OUT = re.compile(
    r"[=≈→]|\b(?:takes?|took|taking|lasts?|leaves?|left|budget|spends?|costs?|adds? up|comes? to"
    r"|is about|is roughly|minus|plus|divided)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:.()]|\d")


# What a capacity item measures when it says so in words, not digits: "estimates media
# egress at terabits per second" asks for a rate of bytes, which a latency budget is not.
_BANDWIDTH_WORDS = re.compile(r"\b(?:egress|bandwidth|(?:tera|giga|mega)bits?)\b", re.I)


# The generic rubric names its quantities in words: "Derives request rates." asks for a
# rate ("15 QPS", "200K queries/day"), which "total corpus = 1.5B tokens" is not, and so
# does "Sizes for peak" (traffic's peak; "with 20% headroom: provision 60 GB" sizes a disk);
# "Estimates storage over the retention period." asks for a size.
_RATE_WORDS = re.compile(
    r"\b(?:request rates?|rates|qps|rps|requests per second|sizes for peak)\b", re.I
)
_STORAGE_WORDS = re.compile(r"\bestimates storage\b", re.I)


@lru_cache(maxsize=4096)
def _named_kinds(item_text: str) -> frozenset[tuple[int, int]]:
    kinds = _measured_kinds(item_text)
    if kinds:
        return kinds
    if _BANDWIDTH_WORDS.search(item_text):
        return frozenset({(-1, 1)})
    if _RATE_WORDS.search(item_text):
        return frozenset({(-1, 0), (-1, 1)})
    if _STORAGE_WORDS.search(item_text):
        return frozenset({(0, 1)})
    return kinds


_INDEXES: dict[int, tuple[Sequence[Claim], int, dict[str, list[int]]]] = {}
_INDEXES_KEPT = 8


# Concepts any estimate names: they say a line estimates, not what it estimates.
GENERIC_ESTIMATE = frozenset({"back-of-envelope", "scale-numbers"})

# A method written with its arguments ("issueTicket(vehicleType)", "multi_get(keys)"): an
# interface item that lists several asks for signatures, which a list of classes is not.
_METHOD_CALL = re.compile(r"(?:\.|\b)[a-z_]\w*\([^)]*\)")
# The name of a call an item writes ("multi_get" of "multi_get(keys)").
_CALL_NAME = re.compile(r"\b([a-z_]\w*)\([^)]*\)")


# "Defines the API.", "Defines POST /posts, ...": defining is writing the calls; "REST API +
# Jira OAuth" in a connector table names a source's API, "we expose a REST API" names one.
_DEFINES = re.compile(r"\s*defines\b", re.I)


@lru_cache(maxsize=1024)
def _asks_calls(item_text: str) -> bool:
    return len(_METHOD_CALL.findall(item_text)) >= 2


_ITEM_ENDPOINT = re.compile(
    r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)(?:/(?:GET|POST|PUT|PATCH|DELETE|HEAD))*\s+/"
)

# What writes an operation: a call, or an endpoint with its verb.
_WRITES_CALL = re.compile(
    r"\b[A-Za-z_][\w.]*\([^)]*\)|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+/?[\w{}.:-]*/"
    r"|\brpc\s+\w+"
)

# An item that says the choice comes "with a reason" is covered only by a claim that gives one.
_WITH_A_REASON = re.compile(r"\bwith (?:a |the |its )?reasons?\b", re.I)
# "Each named technology comes with a reason", "Every choice is tied to ...": the reason must
# be given for something the design chose (a part, a product, a technique), not for a figure
# ("Rationale: industry comparable") or a code length ("Why 7 characters?").
_EACH_CHOICE = re.compile(r"^\s*(?:each|every)\b[^.]*\b(?:choice|named)\b", re.I)


def concept_index(claims: Sequence[Claim]) -> dict[str, list[int]]:
    """Positions of the claims that name or specify each concept, built once per claim list:
    every rubric item asks about a few concepts, and scanning every claim for each of ~40
    items made a review of a 100k-line design quadratic. Keyed on the list itself (and its
    length, so a list that grew is indexed again)."""
    key = id(claims)
    hit = _INDEXES.get(key)
    if hit is not None and hit[0] is claims and hit[1] == len(claims):
        return hit[2]
    index: dict[str, list[int]] = {}
    for position, claim in enumerate(claims):
        f = claim.features
        for concept in specified_concepts(claim) | f.concepts | f.options:
            index.setdefault(concept, []).append(position)
    if len(_INDEXES) >= _INDEXES_KEPT:
        _INDEXES.clear()
    _INDEXES[key] = (claims, len(claims), index)
    return index


_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    """the and for with that this from into over than then each per its their they them are
    was were has have had not but can may will would should could about when what which who
    how all any one two more most some such only also just like via use uses used using our
    your you says states say state stated names name gives give makes make keeps keep every
    must""".split()
)


@per_text
@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    """Words that carry content, singular ("codes" -> "code"), for matching an item's text."""
    words: set[str] = set()
    for word in _WORD.findall(text.lower()):
        if word == "kv":  # "a distributed KV store" is a key-value store
            words.update(("key", "value"))
            continue
        if (len(word) < 3 and not word.isdigit()) or word in _STOPWORDS:
            continue
        if _ADVERB.search(word):
            word = word[:-2]  # "written concurrently" is about "concurrent writes"
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return frozenset(words)


# An adverb made of an adjective in -al, -ent or -ant ("eventually", "concurrently",
# "globally", "consistently"): read as that adjective, as an item and a claim say it either
# way. ("Daily", "apply" and "only" are no such adverb.)
_ADVERB = re.compile(r"(?:al|ent|ant)ly$")


_STATUS_CODE = re.compile(r"(?<![-\w.,])[1-5]\d\d(?![-\w])")
_WEIGH_TRADEOFFS = True
# What a trade-off item puts at stake beside the choice it is about ("encodes every upload
# once in H.264 ... where it saves egress" names cost; "every check to Redis is accurate
# but costs a round trip" names latency): a line about them alone makes no such choice.
# A rate limiter's consistency is how exact its limits are: "Leased mode. Cons: bounded
# overshoot" weighs the accuracy that item puts at stake, in the limiter's own words.
_AT_STAKE = frozenset({"cost", "latency-target", "consistency-model", "exactness-bound"})
# An item that sets options against each other ("hash-based codes versus counter ranges",
# "three copies against an 8+4 code"): it is met by a claim that chooses among them.
_WEIGHS_OPTIONS = re.compile(r"\b(?:against|versus|vs\.?|instead of|or)\b", re.I)


def _chooses(claim: Claim, found: frozenset[str], wanted: frozenset[str]) -> bool:
    """Whether a claim that weighs a concept of an option-setting trade-off item makes the
    choice the item is about: it sets an alternative aside, accepts a cost, or gives a
    reason for something it picks ("we partition by bucket because ..."), about the
    item's own subject, not only about what the choice puts at stake ("Cost: ~$32M" for
    CDN egress weighs no encoding policy). A line that gives a reason and picks nothing
    ("the check must add under 2 ms to prevent ...") makes no choice."""
    if found <= _AT_STAKE and wanted - _AT_STAKE:
        return False
    f = claim.features
    return f.alternative or f.cost or bool(f.choices or f.decision)


def _own_words(item: RubricItem) -> frozenset[str]:
    """The words that tell this item from others sharing its concepts: its text's content
    words minus the words of its concept ids, which the other items share by definition
    ("failure" says nothing of drive failure rates when every item lists failure-handling)."""
    concept_words = {w for c in item.concepts for w in _content_words(c.replace("-", " "))}
    return _content_words(item.text) - concept_words


# The words candidates use for an item's own words: a code's length is said in characters
# ("Why 7 characters? 62^6 = 56 billion ..."), a link is a URL, raw storage is physical,
# a node is a machine or a server, to replicate is replication, a post is a tweet, and the
# inserts into followers' timelines are the "fanout writes".
_OWN_SYNONYMS: dict[str, frozenset[str]] = {
    "length": frozenset({"character", "char", "digit"}),
    "link": frozenset({"url"}),
    "url": frozenset({"link"}),
    "raw": frozenset({"physical"}),
    "node": frozenset({"machine", "server"}),
    "replicate": frozenset({"replication", "replicated", "replica"}),
    "insert": frozenset({"fanout"}),  # timeline inserts are "fanout writes"
    # a device pulls what it missed by fetching it, when it reconnects (opens the app)
    "pull": frozenset({"fetch"}),
    "open": frozenset({"reconnect"}),
    # a cache entry rebuilt after a miss is "refilled" or "repopulated"
    "rebuild": frozenset({"refill", "repopulate", "recompute", "regenerate"}),
    # the parts of a multipart upload are its "chunks": "the client uploads 10 MB chunks"
    "part": frozenset({"chunk"}),
    "post": frozenset({"tweet"}),
    "tweet": frozenset({"post"}),
    # requests a second are written by their unit: "Total RPS: 20,000 x 16.67 = 333,400"
    "request": frozenset({"rps", "req"}),
    # a batch run once a day runs at night: "a nightly Spark job" is the daily batch
    "daily": frozenset({"nightly"}),
    # a queued job is a message or task a worker takes: "the message becomes visible again
    # and another worker retries it" retries the processing job
    "job": frozenset({"task", "message", "worker"}),
    # how exact a limit is, is how accurate it is: "Accuracy: minimise races between
    # gateways" says how exact the limits must be
    "exact": frozenset({"accuracy", "accurate"}),
    # a lock's holder is whoever holds it: "never held by two clients at once"
    "holder": frozenset({"held", "hold", "holds"}),
}


# Words of a figure, not of a subject: the numbers and units a capacity item expects
# ("Sizes metadata at 100 billion x 500 bytes, about 50 TB") are its answer, and a line that
# shares them ("100 GB/s of writes", "objects of 1 byte to 5 TB") shares no subject with it;
# nor does the verb every estimate uses ("Sizes", "Derives", "Counts"). Elsewhere a number
# is a subject ("301 or 302", "409 on a taken alias"). Storing is what every storage
# estimate is about ("region stores ~833 PB logical" does not size the metadata store).
# The peak is the moment every rate is taken at: "5M samples/s at peak" is the ingest rate,
# not the estimate of "2,000 dashboard queries/s at incident peak". The period of a rate and
# its average are its unit too: "20 million payments a day" says "day" and is no estimate of
# "90 million webhook events a day".
_FIGURE_WORDS = frozenset(
    """byte bit kb mb gb tb pb eb kib mib gib tib pib kbit mbit gbit tbit kbp mbp gbp tbp ms
    thousand million billion trillion size sized sizing estimate estimated derive derived
    count counted work store stored storage peak peaks second sec minute hour hourly day daily
    week weekly month monthly year yearly average avg""".split()
)


def _own_vocabulary(item: RubricItem, capacity: bool = False) -> frozenset[str]:
    """The words a claim must use to be about this item in particular: its own words and the
    words candidates say for them, less its concept ids' words (a synonym is no exception:
    "url" tells no item apart when the concept is the URL frontier). A capacity item is told
    apart from the other estimates only, so it keeps the words of concepts no other
    estimate lists ("metadata" in "Sizes metadata at ..."), and drops its figures."""
    key = (id(item), capacity)
    hit = _VOCABULARIES.get(key)
    if hit is not None and hit[0] is item:
        return hit[1]
    concepts = set(item.concepts)
    if capacity:
        concepts &= {c for rival in item.rivals for c in rival.concepts}
    concept_words = {w for c in concepts for w in _content_words(c.replace("-", " "))}
    own = _content_words(item.text) - concept_words
    said = _with_own_synonyms(own) - concept_words
    if capacity:
        said = frozenset(w for w in said if not w.isdigit() and w not in _FIGURE_WORDS)
        # A word a rival estimate also uses tells neither apart ("Total posts per day: 50M"
        # says "posts", as the post rate and the fan-out, "multiplies posts by 200
        # followers", both do), unless it names what this item's own figures count: "350
        # payments/s" is the payment rate's, whatever else mentions a payment.
        theirs = _with_own_synonyms(
            frozenset().union(*(_content_words(rival.text) for rival in item.rivals))
        )
        subject = _with_own_synonyms(
            frozenset().union(
                *(_content_words(f.text) for f in find_quantities(item.text) if f.dims != (0, 0))
            )
        )
        said = (said - (theirs - subject)) or said
    _VOCABULARIES[key] = (item, said)
    return said


# Each item's own vocabulary, kept with the item it was worked out for.
_VOCABULARIES: dict[tuple[int, bool], tuple[RubricItem, frozenset[str]]] = {}


def _with_own_synonyms(words: frozenset[str]) -> frozenset[str]:
    return words.union(*(_OWN_SYNONYMS.get(word, frozenset()) for word in words))


def _a_rival_estimate(
    item: RubricItem, vocabulary: frozenset[str], claim: Claim, found: frozenset[str]
) -> bool:
    """Whether an estimate found through a concept this item shares is another estimate's:
    a figure sizes one thing, and a line that uses more of a rival item's own words than of
    this one's ("Timeline cache: 300M users x 800 post ids x 8 bytes = 1.9 TB of memory"
    beside "post storage over five years") is that item's, whatever word it shares with this
    one. Only a concept that says what is estimated makes items rivals: every estimate
    names "a back-of-the-envelope estimate"."""
    through = found - GENERIC_ESTIMATE
    words = _content_words(claim.text)
    mine = len(vocabulary & words)
    return any(
        len(_own_vocabulary(rival, capacity=True) & words) > mine
        for rival in item.rivals
        if through & set(rival.concepts)
    )


def anothers_figure(item: RubricItem, claim: Claim) -> bool:
    """Whether the claim's figures are all another estimate's (`_anothers_figure`): said to
    the interviewer's question about one estimate, they answer a different one."""
    return _anothers_figure(item, claim)


def _anothers_figure(item: RubricItem, claim: Claim) -> bool:
    """Whether every measured figure of a claim is a figure another estimate of the prompt
    states, and none is this item's: "Posts: 100M a day = 1,160 posts/s" is the post rate
    (about 1,200 posts/s), not the fan-out ("about 230,000 timeline inserts/s"), though it
    says "posts", one of the fan-out item's words. A claim that goes on to this item's figure
    ("1,160 posts/s x 200 followers = 232,000 inserts/s") is this item's."""
    said = _figures(claim.text)
    if not said or not item.siblings:
        return False
    if _sizes_fleet(item.text) and claim.features.sizing and _MACHINES.search(claim.text):
        # "For 1M req/s, 13 nodes provide ~1.04M ops/s": the rate is the peak estimate's,
        # the input; the count of machines is this item's.
        return False
    own = _figures(item.text)
    if _matches_any(said, own):
        return False
    # Of the figures said, those measured as this item's are the ones that could be its
    # estimate: "1 GB/s in, ... 600 TB" answers no "80 Gbit/s out" with its 600 TB of disk.
    kinds = {dims for dims, _ in own}
    said = tuple(figure for figure in said if figure[0] in kinds) or said
    # The prompt's own figures are the working's inputs, no estimate's: "30 million seekers
    # a day run 10 searches each: about 3,500 searches/s" is the search rate's line though
    # the 30 million a day is no rival's figure (it made the alert-matching estimate's).
    # (A given figure that a rival states is that rival's: "Posts: 100M a day = 1,160
    # posts/s" is the post rate's line, not the fan-out's.)
    # Any other estimate of the dimension, not only those that share a concept: "1 GB/s in"
    # is the ingest estimate's figure, not the egress one's, though only the egress item
    # lists "bandwidth estimate".
    # What one machine takes ("100k checks/s per Redis shard") is the input of a fleet's
    # size, no estimate of its own: a peak of 100,000 requests/s is not that item's line.
    theirs = [
        figure for other in item.siblings for figure in _figures(_PER_MACHINE.sub(" ", other.text))
    ]
    rivals = [_matches_any((figure,), theirs) for figure in said]
    kept = [
        r for figure, r in zip(said, rivals, strict=True) if r or not _given(figure, item.givens)
    ]
    return bool(kept) and all(kept)


_DAY = 86400.0


def _given(figure: tuple[tuple[int, int], float], givens: tuple[str, ...]) -> bool:
    """Whether a figure is one the prompt gives, as it is or as a day's count said per day
    ("30 million seekers a day" for 30 million daily users)."""
    dims, value = figure
    for given in _given_figures(givens):
        if dims == given[0] and 1 / _SAME_FIGURE <= value / given[1] <= _SAME_FIGURE:
            return True
        daily = value * _DAY
        if (
            dims == (-1, 0)
            and given[0] == (0, 0)
            and 1 / _SAME_FIGURE <= daily / given[1] <= _SAME_FIGURE
        ):
            return True
    return False


@lru_cache(maxsize=256)
def _given_figures(givens: tuple[str, ...]) -> tuple[tuple[tuple[int, int], float], ...]:
    out = []
    for text in givens:
        try:
            quantity = read_quantity(text).value
        except (UnreadableEstimate, ValueError, ZeroDivisionError):
            continue
        if quantity.value > 0:
            out.append((quantity.kind, quantity.value))
    return tuple(out)


_SAME_FIGURE = 1.5  # "1,160 posts/s" is the "about 1,200 posts/s" an item states


@per_text
@lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[tuple[tuple[int, int], float], ...]:
    """The measured figures of a text (a rate, a size), plain counts left out."""
    return tuple(
        (f.dims, f.value.value)
        for f in find_quantities(text)
        if f.dims != (0, 0) and f.value.value > 0
    )


def _matches_any(
    said: Sequence[tuple[tuple[int, int], float]], stated: Sequence[tuple[tuple[int, int], float]]
) -> bool:
    return any(
        dims == other and 1 / _SAME_FIGURE <= value / figure <= _SAME_FIGURE
        for dims, value in said
        for other, figure in stated
    )


def _named_by_sharer(
    item: RubricItem, own_words: frozenset[str], found: frozenset[str], said: str
) -> bool:
    """Whether a line that speaks of an item only through concepts it shares is other
    items': it names the concept by terms their texts are written in ("Privacy checks
    happen on every read in the API layer" says "privacy check", the words of "A privacy
    check that every read path calls ..."), no term this item's text uses, and says none
    of this item's own words that their texts lack. "read" and "check" are the checker's
    words too, so the line specifies neither "Per-field audience settings and a block list
    per user" nor "Block and unfriend invalidate the cached lists ..."; a line that says
    "audience" or "invalidate" is theirs as well."""
    named = _terms_named(found, said)
    if not named or named & _terms_named(found, item.text):
        return False
    theirs = [
        other
        for other in item.sharers
        if found & set(other.concepts) and named & _terms_named(found, other.text)
    ]
    if not theirs:
        return False
    mine = own_words & _content_words(said)
    return not mine - frozenset().union(*(_content_words(other.text) for other in theirs))


@lru_cache(maxsize=4096)
def _terms_named(concepts: frozenset[str], text: str) -> frozenset[frozenset[str]]:
    """The terms of these concepts a text says, each as the starts of its content words
    ("privacy checks" and "privacy check" are one term, "transcoding" and "transcode")."""
    from tradeoff.catalog import default_catalog  # the vocabulary the claims were read with

    known = default_catalog().vocabulary.concepts
    return frozenset(
        frozenset(word[:_SAME_WORD] for word in _content_words(match.group(0)))
        for concept in concepts
        if concept in known
        for match in term_pattern(tuple(known[concept].terms)).finditer(text)
    )


def _sharers_words(item: RubricItem) -> frozenset[str]:
    """The words of the texts of the items that share an item's concepts."""
    key = id(item)
    hit = _SHARERS_WORDS.get(key)
    if hit is not None and hit[0] is item:
        return hit[1]
    words = frozenset().union(*(_content_words(other.text) for other in item.sharers))
    _SHARERS_WORDS[key] = (item, words)
    return words


_SHARERS_WORDS: dict[int, tuple[RubricItem, frozenset[str]]] = {}


def _class_shaping(concept: str) -> bool:
    """Whether a concept is one of how classes are shaped (interfaces, patterns, states)."""
    from tradeoff.catalog import default_catalog  # the vocabulary the claims were read with

    found = default_catalog().vocabulary.concepts.get(concept)
    return found is not None and found.category == "object-oriented"


def _names_its_subject(
    named: frozenset[str], item_words: frozenset[str], text: str, item: RubricItem | None = None
) -> bool:
    """Whether a claim names, in the word the item's own text uses for it, a shared concept:
    "clients hold a websocket to a gateway" names what "Uses a persistent connection
    (WebSocket or MQTT) with frames for ..." is about, though the gateway item shares the
    concept. Such a line is a mention of the item, never its substance, and citing it is
    truer than calling the item neither said nor written."""
    words = {w for c in named for w in _content_words(c.replace("-", " "))} & item_words
    if item is not None:
        # How a class is shaped is the subject of no one item when the texts of the items
        # sharing it say the word too: the vending machine's "sit behind interfaces" and
        # "one PaymentMethod interface" both say "interface", so "State (interface): Idle,
        # ..." names neither (it was quoted for the hardware interfaces). A component's word
        # ("clients hold a websocket") still names the item whose text says it.
        theirs = _sharers_words(item)
        words = {
            w
            for w in words
            if w not in theirs
            or not any(_class_shaping(c) for c in named if w in _content_words(c.replace("-", " ")))
        }
    return bool(words) and _speaks_of(frozenset(words), text)


def _names_own_concept(vocabulary: frozenset[str], claim: Claim, found: frozenset[str]) -> bool:
    """Whether a claim names, by one of its terms, a concept whose own word the item keeps
    as its own (a capacity item keeps "cache" when no rival estimate lists the cache):
    "8-10 TB of RAM with Redis replication" sizes the cache as much as "cache" would, for
    "Redis" is how the design names its cache."""
    return any(
        _content_words(concept.replace("-", " ")) & vocabulary for concept in found
    ) and not claim.features.concepts.isdisjoint(found)


def _speaks_of(vocabulary: frozenset[str], text: str) -> bool:
    """Whether a claim uses one of an item's own words (`_own_vocabulary`)."""
    return bool(vocabulary & _content_words(text))


def _fits_dimension(claim: Claim, concept: str, dimension: str) -> bool:
    """A capacity item needs a number, whatever concept it names; a trade-off item needs
    the weighing itself (a reason, a rejected alternative or a cost), not a diagram arrow
    or a table cell that names both options."""
    f = claim.features
    if dimension == "capacity":
        return f.quantities > 0 or f.derivation
    if dimension == "tradeoffs" and _WEIGH_TRADEOFFS:
        # A requirement ("the check must add under 2 ms", "cost: ECM 6+2 vs triple
        # replication") states what must hold or what is at stake; it weighs nothing.
        if implied_concepts(claim) & _REQUIREMENT_SECTIONS:
            return False
        return f.reason or f.alternative or f.cost
    if dimension in ("api_data", "components") and sizes_mechanism_only(claim, concept):
        return False
    if dimension == "api_data" and implied_concepts(claim) & _REQUIREMENT_SECTIONS:
        # A requirement that writes the contract ("Redirect `GET /:code`", "Return 429 with
        # Retry-After", "`code -> {url, created_at}`") specifies the API; "Availability:
        # 99.99% for the regional endpoint" and "Playback API p95 < 150 ms" only name it.
        return bool(
            _writes_endpoint_claim(claim)
            or _STATUS_SAID.search(claim.text)
            or _MAPS_TO.search(claim.text)
            or KEY_TEMPLATE.search(claim.text)
        )
    if dimension == "reliability":
        # "Time-to-first-frame < 1.5 s", "answers respect per-user ACLs" under the
        # requirements say what must hold; how failures, monitoring or access are handled
        # is the design's to say. ("Monitoring & SLOs" is operations, not requirements.)
        implied = implied_concepts(claim)
        return not (implied & _REQUIREMENT_SECTIONS) or "monitoring" in implied
    if dimension == "components":
        return describes_part(claim, concept)
    if (
        dimension == "requirements"
        and claim.features.monitoring
        and not implied_concepts(claim) & _REQUIREMENT_SECTIONS
    ):
        # "We'd alert when redirect p99 goes over 50 ms" watches a threshold: it is how
        # operations see a target missed, not the target the requirements set.
        return False
    if dimension == "requirements" and concept in _PROPERTY_CONCEPTS:
        return states_requirement(claim)
    return True


_MAPS_TO = re.compile(r"\w\s*(?:->|→)\s*[{\w]")
# A status code said as one ("HTTP 429", "returns 404", "409 Conflict"), not "150 ms".
_STATUS_SAID = re.compile(
    r"\b(?:HTTP|status|returns?|respond\w*|with)\s+[1-5]\d\d\b"
    r"|\b[1-5]\d\d\s+(?:[A-Z][a-z]+|too many|not found)",
)


# Properties a requirement states and a mechanism also names ("a time-ordered message id"
# names ordering): for a requirements item they count where the line states what the system
# must do, not where it says which part does what.
_PROPERTY_CONCEPTS = frozenset({"ordering", "durability", "consistency-model"})


def states_requirement(claim: Claim) -> bool:
    """Whether a claim states a property the system must have, rather than describing the
    parts that give it: under a requirements heading, or naming no part it chose ("messages
    in a conversation arrive in order"), not "the chat service writes it to Cassandra
    partitioned by conversation_id with a time-ordered message id"."""
    if implied_concepts(claim) & _REQUIREMENT_SECTIONS:
        return True
    return not (claim.features.choices and claim.features.flow)


# Sections that say what the system must do, not which parts do it.
_REQUIREMENT_SECTIONS = frozenset(
    {"functional-requirements", "non-functional-requirements", "scope", "clarifying-questions"}
)


# Concepts that mark a line as a sizing of data or traffic: said aloud, an estimate has no
# "Estimates" heading over it, only its own words ("so about 6 GB a day").
_VOLUME_ESTIMATES = frozenset({"back-of-envelope", "storage-estimate", "bandwidth-estimate"})


def sizes_mechanism_only(claim: Claim, concept: str) -> bool:
    """Whether a line's only evidence for a technique is figures that size what it stores:
    "each payment writes 3 ledger entries of about 200 bytes, so about 6 GB a day" sizes the
    ledger's load and says nothing of how it works, yet was credited, said aloud, with "Double-entry
    ledger: entries that sum to zero, append-only ..." and "Ledger service ... writes
    balanced journal entries in one transaction" (its number was the only evidence, and
    with no heading it was not read as an estimate). A count of parts ("12 shards") or a
    line that also says how the parts act (a flow, a reason) still specifies it."""
    f = claim.features
    if concept not in f.mechanisms or not f.quantities:
        return False
    if "back-of-envelope" not in implied_concepts(claim) and f.concepts.isdisjoint(
        _VOLUME_ESTIMATES
    ):
        return False
    if not (f.derivation or any(q.dims[0] < 0 for q in find_quantities(claim.text))):
        # A size set for a part ("a series of 1 GB segment files with a sparse offset
        # index") says what the part is; a volume over time ("6 GB a day") estimates load.
        return False
    argued = (
        f.flow or f.reason or f.alternative or f.cost or f.failure_response
        or f.monitoring or f.security_control
    )  # fmt: skip
    return not argued and PART_COUNT.search(claim.text) is None


def describes_part(claim: Claim, concept: str) -> bool:
    """Whether a claim that specifies `concept` says something of a part of the design.

    A requirement ("Transcode to multiple resolutions", "p99 < 20 ms (cached)") says what
    the system must do, whatever component its words name: the part that does it is still
    to be drawn. An estimate that counts what a technique produces ("200M posts x 200 =
    40B fan-out writes a day", "8 renditions x 150 MB") sizes the work, not the part that
    does it; it describes a part only when it counts the parts (16 shards, RF 3) or names
    the component it sizes (a cache of 170 GB), not a technique or an estimate alone."""
    implied = implied_concepts(claim)
    if implied & _REQUIREMENT_SECTIONS:
        return False
    if "back-of-envelope" not in implied:
        return True
    f = claim.features
    # A component sized ("cache 170 GB") or decided with a reason ("so a CDN is central").
    # One named beside a figure that is not its size, with no evidence of its own ("the
    # $0.05 ceiling absorbs caching misses"), is weighed in the budget, not specified.
    sized = concept in f.choices and concept not in f.mechanisms and f.has_evidence
    return sized or PART_COUNT.search(claim.text) is not None


# --- ladders --------------------------------------------------------------------------


@dataclass(frozen=True)
class Rung:
    """One step of a dimension's ladder, and the claim that reached it (for the report)."""

    name: str
    reached: float  # 0-1: partly reached rungs count in part
    claim: Claim | None = None
    # How far along a step reached in part is, in counts: "1 of the 2 failures with
    # responses this step needs". Most steps want two or more of a thing, and a name such
    # as "failures named with responses" does not say so: "not yet" beside the one failure
    # given read as a false "missing".
    needs: str = ""


def _count(claims: Sequence[Claim], test: Callable[[Claim], bool]) -> tuple[int, Claim | None]:
    found = [c for c in claims if test(c)]
    return len(found), (found[0] if found else None)


def _distinct(claims: Sequence[Claim], test: Callable[[Claim], bool]) -> tuple[int, Claim | None]:
    """Claims passing `test`, counted once per set of concepts they are about, so the same
    point restated in other words counts once."""
    seen: set[frozenset[str]] = set()
    first: Claim | None = None
    for claim in claims:
        if not test(claim):
            continue
        key = claim.features.concepts or frozenset({claim.text.lower()[:40]})
        if key in seen:
            continue
        seen.add(key)
        first = first or claim
    return len(seen), first


def _rung(name: str, count: int, needed: int, claim: Claim | None, unit: str) -> Rung:
    reached = min(1.0, count / needed) if needed else 1.0
    return Rung(name, reached, claim, _needs([(count, needed, unit)]))


def _needs(parts: Sequence[tuple[int, int, str]]) -> str:
    """What a step still lacks, part by part: "1 of the 2 quantified targets this step
    needs", "no non-goals yet"; empty when nothing of it is shown yet (the step's name then
    says it) or all is there."""
    if not any(have > 0 for have, _, _ in parts):
        return ""
    short = [
        f"no {unit} yet" if have == 0 else f"{have} of the {needed} {unit} this step needs"
        for have, needed, unit in parts
        if have < needed
    ]
    return "; ".join(short)


def ladder(dimension: str, claims: Sequence[Claim]) -> list[Rung]:
    """The rungs of one dimension, lowest first."""
    builder = _LADDERS.get(dimension)
    if builder is None:
        return []
    answered, included = _ladder_claims(claims)
    # Only the requirements ladder reads what is excluded.
    return builder(answered if dimension == "requirements" else included)


_LADDER_CLAIMS: dict[int, tuple[Sequence[Claim], int, list[Claim], list[Claim]]] = {}


def _ladder_claims(claims: Sequence[Claim]) -> tuple[list[Claim], list[Claim]]:
    """The claims that answer the prompt (not the prompt restated), and those of them not
    put out of scope: worked out once per claim list, not once for each of the seven
    ladders of a review. Keyed as `concept_index` is (the list itself and its length)."""
    key = id(claims)
    hit = _LADDER_CLAIMS.get(key)
    if hit is not None and hit[0] is claims and hit[1] == len(claims):
        return hit[2], hit[3]
    answered = [c for c in claims if not restates_prompt(c)]
    included = [c for c in answered if not out_of_scope(c)]
    if len(_LADDER_CLAIMS) >= _INDEXES_KEPT:
        _LADDER_CLAIMS.clear()
    _LADDER_CLAIMS[key] = (claims, len(claims), answered, included)
    return answered, included


def ladder_share(rungs: Sequence[Rung]) -> float:
    """0-1: the mean of how far each rung was reached."""
    return sum(r.reached for r in rungs) / len(rungs) if rungs else 0.0


# Something put out of scope: "X is out of scope", "Out of scope: X", "we won't build X",
# "X I'll leave out".
_EXCLUDES = re.compile(
    r"\w+\s+(?:is|are)\s+(?:out of|not in|outside(?: the)?)\s+scope\b"
    r"|\b(?:out of scope|non-?goals?|not in scope)\s*[:—–-]\s*\w"
    r"|\bwe (?:won't|will not|don't|do not) (?:build|support|cover|handle|design|offer)\b"
    # said aloud: "Charts, pivots and macros I'll leave out", "I'm leaving out billing"
    r"|\b(?:i|we)(?:'ll|'d|'m|'re| will| would| am| are)? (?:leave|leaving)\b"
    r"(?: [\w-]+){0,4}? out\b"
    r"|\(not (?:covered|designed|built) here\)",
    re.I,
)


def _states_scope(claim: Claim) -> bool:
    """A line of an "Out of scope" list, or a sentence that puts something named out of
    scope ("click analytics is out of scope"); the phrase alone excludes nothing."""
    if "scope" in implied_concepts(claim):  # "- Billing." under "Out of scope" excludes it
        return bool(claim.text.strip()) and not claim.text.rstrip().endswith("?")
    return may_hold(claim.text, ("scope", "goal", "we ", "(not ", " leav")) and bool(
        SCREEN.search(_EXCLUDES, claim.text)
    )


# Each ladder asks which of several concepts a claim specifies with one set intersection:
# `specified_concepts` is cached per claim, but each lookup hashes the claim.
_TARGETS = frozenset({"latency-target", "availability-target", "non-functional-requirements"})


def _requirements(claims: Sequence[Claim]) -> list[Rung]:
    features = _count(claims, lambda c: specifies(c, "functional-requirements"))
    slas = _count(
        claims,
        lambda c: bool(specified_concepts(c) & _TARGETS) or freshness_target(c) is not None,
    )
    scope = _count(claims, _states_scope)
    assumptions = _count(
        claims,
        lambda c: (
            ("assumptions" in c.features.concepts or "assumptions" in implied_concepts(c))
            and (c.features.quantities > 0 or c.features.reason)
        ),
    )
    return [
        _rung("scoped features", features[0], 3, features[1], "features"),
        Rung(
            "quantified targets and non-goals",
            0.5 * min(1.0, slas[0] / 2) + 0.5 * min(1.0, float(scope[0])),
            slas[1] or scope[1],
            _needs([(slas[0], 2, "quantified targets"), (scope[0], 1, "non-goals")]),
        ),
        _rung("assumptions that drive choices", assumptions[0], 2, assumptions[1], "assumptions"),
    ]


# ("40 writes a second", "10 million a day": a rate said in words.)
_RATE = re.compile(
    r"(/\s*s(?:ec)?\b|per second|qps|rps|tps|/day|per day|writes/s|reads/s"
    r"|\b(?:a|each|every) (?:second|sec|day)\b)",
    re.I,
)
_STORAGE = re.compile(r"\b\d[\d,.]*\s*(?:[kmgtpe]i?b|bytes?)\b", re.I)
# A limit is what a part can take ("memory limit per shard", "within the 2 s budget"), not
# a deadline ("searchable within 15 minutes", "within a region"), a rate limit the product
# enforces ("100 req/min limit per client") or a maximum it allows ("max object size 5 TB").
_SANITY = re.compile(
    # One word may qualify the part a figure is per: "per primary shard", "per FE node".
    r"\b(headroom|fits (?:in|on|comfortably)|ceiling|bottleneck|per (?:[\w-]+ )?(?:node"
    r"|server|shard|host|instance|machine|partition|broker)s?\b"
    r"|each (?:node|server|shard|host|instance)"
    r"|within (?:the |our |its |their |a |an )?(?:[\w-]+ )?(?:budget|capacity|limits?|sla|slo)\b"
    r"|(?:memory|cpu|connection|throughput|bandwidth|disk|iops|network|capacity|context|token"
    r"|hardware|node|shard|instance|server|theoretical|practical) limits?\b"
    r"|\bbounded(?:\s*:|\s+(?:by|to|at)\s+~?\d)"
    r"|saturat|max(?:es|ed)? out|capacity of|one (?:node|server|machine) (?:can|handles)"
    # A number judged against what it must fit: "7 characters is sufficient", "writes are
    # only ~1k/s, so one primary is acceptable", "that is manageable for one cluster".
    r"|sufficient|enough\b|manageable|acceptable|comfortabl|easily|trivial(?:ly)?\b"
    r"|negligible|well (?:under|below|within)|\w+-bound\b|dominat|is the limit)",
    re.I,
)


def _numeric(claim: Claim) -> bool:
    return claim.features.quantities > 0


# A sentence that judges the figure just before it: "That is very manageable for a
# distributed KV store.", "(This easily fits in a standard Redis cluster.)"
_ANAPHOR = re.compile(r"^\W*(?:that|this|these|those|which|it|all)\b", re.I)


def _sanity_checks(claims: Sequence[Claim]) -> list[Claim]:
    """Claims that judge a figure against what a part can take: a number with a judging
    word, or a judging sentence that opens by pointing back at the size or rate the claim
    before it (in the same section) computed."""
    found = []
    previous: Claim | None = None
    for claim in claims:
        if (
            SCREEN.search(_SANITY, claim.text)
            and (_numeric(claim) or _points_back(claim, previous))
            and not _states_a_target(claim)
        ):
            found.append(claim)
        previous = claim
    return found


_REQUIREMENTS = frozenset({"functional-requirements", "non-functional-requirements"})


def _states_a_target(claim: Claim) -> bool:
    """A line of the requirements ("staleness ≤ 5 s acceptable", "must add negligible
    overhead (sub-5ms)") sets a target; it judges no estimate. A capacity section headed
    "Storage Requirements" is still estimates."""
    implied = implied_concepts(claim)
    return bool(implied & _REQUIREMENTS) and "back-of-envelope" not in implied


def _points_back(claim: Claim, previous: Claim | None) -> bool:
    """Whether `claim` opens by pointing at the size or rate of the claim before it, in
    the same section."""
    return (
        previous is not None
        and _ANAPHOR.match(claim.text) is not None
        and previous.headings[: len(claim.headings)] == claim.headings
        and bool(_measured_kinds(previous.text) & _CAPACITY_KINDS)
    )


# A size, or a rate of anything: what a capacity judgement weighs ("search may lag by
# 1-5 seconds. This is acceptable" weighs a delay, not a capacity).
_CAPACITY_KINDS = frozenset({(0, 1), (-1, 0), (-1, 1)})


def _derived_rates(claims: Sequence[Claim]) -> tuple[int, Claim | None]:
    """Rates worked out, each distinct figure once: "100M a month is 40 writes a second,
    and with 100 reads a write 4,000 reads a second" derives two rates on one line."""
    figures: set[float | str] = set()
    first: Claim | None = None
    for claim in claims:
        if claim.features.derivation and SCREEN.search(_RATE, claim.text):
            said = {f.value.value for f in find_quantities(claim.text) if f.dims[0] == -1}
            figures |= said or {claim.text[:40]}
            first = first or claim
    return len(figures), first


def _capacity(claims: Sequence[Claim]) -> list[Rung]:
    inputs = _count(claims, _numeric)
    rates = _derived_rates(claims)
    storage = _count(claims, lambda c: c.features.derivation and bool(_STORAGE.search(c.text)))
    derived = _count(claims, lambda c: c.features.derivation)
    sizing = _count(claims, lambda c: c.features.sizing and _numeric(c))
    checks = _sanity_checks(claims)
    sanity = (len(checks), checks[0] if checks else None)
    derived_share = 0.4 * min(1.0, rates[0] / 2) + 0.3 * min(1.0, float(storage[0]))
    derived_share += 0.3 * min(1.0, derived[0] / 4)
    return [
        _rung("inputs stated with units", inputs[0], 4, inputs[1], "figures with units"),
        Rung(
            "rates and storage derived",
            derived_share,
            rates[1] or storage[1] or derived[1],
            _needs(
                [
                    (rates[0], 2, "derived rates"),
                    (storage[0], 1, "derived storage figures"),
                    (derived[0], 4, "derived figures"),
                ]
            ),
        ),
        _rung("numbers that size components", sizing[0], 2, sizing[1], "sizing figures"),
        _rung("sanity checks and limits", sanity[0], 2, sanity[1], "sanity checks"),
    ]


# The ways an endpoint is written, each with the strings every match of it holds (one of
# each group, in the folded text, as re.I reads letters): a method before a path, an RPC, a
# signature with its result, a curl call, an API URL. Most claims hold a "/" or a "(" but
# none of a way's strings; searching the five at every position of each cost ~50k
# instructions a claim, the signature's `\w+\(` most (it runs each word to its end at each
# of its letters).
_ENDPOINT_WAYS: tuple[tuple[tuple[tuple[str, ...], ...], str], ...] = (
    ((("/",), ("get", "post", "put", "patch", "delete")), r"\b(GET|POST|PUT|PATCH|DELETE)\s+/"),
    ((("rpc",), ("(",)), r"\brpc\s+\w+\s*\("),
    # (a colon that ends the line is Python's block colon, "def __init__(self, cache):",
    # no result type)
    # (a call in backticks, "`acquire(name, session)` returns a token", is the same call)
    (((")",), ("->", ":", "returns")), r"\w+\(.*\)`?\s*(->|:(?!\s*$)|returns)"),
    ((("-x",),), r"-X\s*(GET|POST|PUT|PATCH|DELETE)\b"),
    ((("/api/",),), r"https?://\S*/api/\S+"),
)
_ENDPOINT = re.compile("|".join(way for _, way in _ENDPOINT_WAYS), re.I)
_ENDPOINT_SEARCHES = tuple((needs, re.compile(way, re.I)) for needs, way in _ENDPOINT_WAYS)


# One endpoint as it is written, to tell endpoints apart: a method and its path (parameters
# and query strings aside), or the name of a call.
_ENDPOINT_NAME = re.compile(
    r"\b(GET|POST|PUT|PATCH|DELETE)\s+(/[^\s`'\"),;|]*)|\brpc\s+(\w+)\s*\(|\b(\w+)\(.*?\)`?\s*(?:->|:(?!\s*$)|returns)"
    r"|-X\s*(GET|POST|PUT|PATCH|DELETE)\b|(https?://\S*/api/\S+)",
    re.I,
)
_PATH_PARAMETER = re.compile(r"\{[^}]*\}|<[^>]*>|:\w+|\?.*$")


def _endpoint_names(text: str) -> set[str]:
    names = set()
    for match in _ENDPOINT_NAME.finditer(text):
        method, path, rpc, call, curl, url = match.groups()
        if method:
            path = _PATH_PARAMETER.sub("{}", path.lower()).rstrip("/.") or "/"
            names.add(f"{method.upper()} {path}")
        else:
            names.add((rpc or call or curl or url or match.group(0)).lower())
    return names


def _distinct_endpoints(claims: Sequence[Claim]) -> tuple[int, Claim | None]:
    """Endpoints written, each counted once however often the design restates it: "GET
    /:shortCode" in the API section, the read path and a diagram is one endpoint, and
    "POST /links, GET /{code}, DELETE /{code}" on one line is three."""
    names: set[str] = set()
    first: Claim | None = None
    for claim in claims:
        if may_hold(claim.text, ("/", "(", "rpc", "-x")) and writes_endpoint(claim.text):
            names |= _endpoint_names(claim.text) or {claim.text[:40]}
            first = first or claim
            continue
        calls = _API_CALLS.findall(claim.text) if "(" in claim.text else []
        if len(set(calls)) >= 2:
            # "get(key), set(key, value, ttl) and delete(key)": the operations of an API
            # written as calls, each an endpoint, though none says what it returns.
            names |= {call.lower() for call in calls}
            first = first or claim
    return len(names), first


# A call named by what an API does, with its parameters: two or more on one line are the
# operations of an API ("acquire(lock, ttl), renew(lease) and release(lease)"), where one
# "hash(url)" or "crc32(code) % N" is a formula.
_API_CALLS = re.compile(
    r"\b((?:get|set|put|delete|del|fetch|produce|consume|publish|subscribe|acquire|release"
    r"|renew|create|update|list|upload|download|send|query|search|incr|decr|append|poll|ack"
    r"|commit|lock|unlock|enqueue|dequeue|schedule|cancel|watch|open|close|keepalive"
    r"|heartbeat)(?:_\w+)?)\(\w[^()]*\)",
    re.I,
)


def writes_endpoint(text: str) -> bool:
    """`_ENDPOINT.search(text) is not None`, one way at a time, each searched only in a
    text that holds its strings."""
    folded = fold(text)
    return any(
        all(any(string in folded for string in group) for group in needs)
        and pattern.search(text) is not None
        for needs, pattern in _ENDPOINT_SEARCHES
    )


# A key named as such, or the key a store is split by: "sharded by `video_id`", "keys are
# hashed into 50,000 partitions (consistent hashing on `(bucket, key)`)".
_KEYED = re.compile(
    r"\b(primary key|partition key|sort key|shard key|clustering key|pk\b"
    r"|index(?:ed)? (?:on|by)|keyed (?:by|on)|unique (?:index|constraint)"
    r"|(?:partitioned|sharded|hashed|clustered) (?:by|on)\b|hashing on\b"
    r"|key (?:format|schema|pattern|layout)|(?:redis|cache|row|composite|bucket|counter) key\b"
    r"|\w+:\{\w+\})",
    re.I,
)
# A key format such as `rl:{policy_id}:{subject}` or `META:{bucket}:{key}`: concrete by
# itself, so API106 reads it as a key wherever it stands, as the API ladder does.
KEY_TEMPLATE = re.compile(r"\w+:\{\w+\}")


# A field in code: SQL DDL, `name: type`, or a JSON key with its value.
_FIELD = re.compile(r"create table|\w+\s*:\s*\w+|\"\w+\"\s*:\s*[\"\d\[{tfn]", re.I)
# The name a field line declares: `"rate_per_sec": 1000`, `- match: ...`, `burst INT`.
_FIELD_NAME = re.compile(r"^[-\s]*[\"'`]?([A-Za-z_][\w]*)[\"'`]?\s*(?::|\s+[A-Z]{2,})")
_CONTRACT = frozenset(
    {"status-codes", "pagination", "idempotency", "api-versioning", "rate-limiting"}
)


# What a store is chosen by: its key, its index, or the kind of store. A document, graph,
# time-series, search or vector store picked with its reason ("Qdrant. Why: payload
# filtering for ACL pre-filtering") is chosen for its access pattern as a wide-column one is.
_ACCESS = frozenset(
    """partition-key access-patterns secondary-index sharding database relational-database
    wide-column-store document-store graph-store time-series-db search-index
    vector-database""".split()
)


def _contract_kinds(claims: Sequence[Claim]) -> tuple[int, Claim | None]:
    """How many of errors, pagination, idempotency, versioning and rate limits the API
    specifies, each once: "200 OK" on four arrows of a sequence diagram, or "429" in the
    requirements, a failure table and a metric's name, is one status code restated, not
    the second kind of contract the step asks for."""
    kinds: set[str] = set()
    first: Claim | None = None
    for claim in claims:
        found = specified_concepts(claim) & _CONTRACT
        if found & _SAID_OF_PIPELINES and not _of_the_api(claim):
            # "idempotent rebuild" of an index, "cap retrieval to top-k": a property of a
            # pipeline or a result set, not of the calls a client makes.
            found = found - _SAID_OF_PIPELINES
        if found:
            kinds |= found
            first = first or claim
    return len(kinds), first


# Contract kinds that are as often said of a batch job or a consumer as of an API.
_SAID_OF_PIPELINES = frozenset({"idempotency", "pagination"})
# Words that put a line on the API: a call, its parts, or the client that makes it.
_API_WORDS = re.compile(
    r"\b(?:api|apis|endpoints?|requests?|responses?|calls?|clients?|callers?|headers?"
    r"|cursors?|page[_ ]?tokens?|next[_ ]?(?:token|cursor)|offset|limit=|idempotency[- _]keys?"
    r"|GET|POST|PUT|PATCH|DELETE)\b",
    re.I,
)


def _of_the_api(claim: Claim) -> bool:
    """Whether a claim is about the API: it names a call or its parts, is code or a diagram
    arrow (a request drawn), or stands under an API heading."""
    return (
        claim.kind in (CODE, EDGE)
        or _API_WORDS.search(claim.text) is not None
        or any(dimension_of_heading(h) == "api_data" for h in claim.headings[-2:])
    )


def _api_data(claims: Sequence[Claim]) -> list[Rung]:
    endpoints = _distinct_endpoints(claims)
    model = _count(
        claims,
        lambda c: specifies(c, "data-model") or (c.kind == CODE and bool(_FIELD.search(c.text))),
    )
    keys = _count(
        claims,
        lambda c: (c.features.specific or c.kind == ROW) and bool(SCREEN.search(_KEYED, c.text)),
    )
    contract = _contract_kinds(claims)
    # A store named only as what the reason serves ("cached to reduce DB pressure") is no
    # store chosen for the access pattern; nor is one named in a goal with why it matters
    # ("| Cost efficiency | The data store is a big part of the bill |").
    access = _count(
        claims,
        lambda c: (
            c.features.reason
            and bool(_ACCESS & (c.features.concepts - c.features.motives))
            and not _goal_row(c)
        ),
    )
    return [
        _rung("endpoints defined", endpoints[0], 3, endpoints[1], "endpoints"),
        Rung(
            "entities with keys",
            0.5 * min(1.0, model[0] / 3) + 0.5 * min(1.0, float(keys[0])),
            model[1] or keys[1],
            _needs([(model[0], 3, "entity definitions"), (keys[0], 1, "keys")]),
        ),
        _rung(
            "errors, pagination, idempotency",
            contract[0],
            2,
            contract[1],
            "of errors, pagination, idempotency, versioning and rate limits",
        ),
        _rung(
            "store and keys chosen for the access pattern",
            access[0],
            2,
            access[1],
            "store or key choices with a reason",
        ),
    ]


_COMPONENT_CATEGORY = "component"


def _components(claims: Sequence[Claim]) -> list[Rung]:
    drawn = _distinct(claims, lambda c: c.kind in (NODE, EDGE) and bool(c.features.concepts))
    flows = _count(claims, lambda c: c.kind == EDGE and ":" in c.text)
    # What the design says of its parts: a requirement or an estimate that names a part
    # does not specify it (see `describes_part`), here as for the rubric's items.
    claims = [c for c in claims if not implied_concepts(c) & _REQUIREMENT_SECTIONS]
    # The mechanisms each claim specifies of a part, worked out once for the three rungs
    # that ask (by position: equal claims read apart may differ in their features).
    parts = [_part_mechanisms(c) for c in claims]
    part_of = {id(c): found for c, found in zip(claims, parts, strict=True)}
    specified = _distinct(
        claims,
        lambda c: (
            c.kind not in (NODE, EDGE)
            and any(describes_part(c, x) for x in specified_concepts(c) & c.features.concepts)
            and bool(part_of[id(c)] or c.features.sizing or c.features.reason)
        ),
    )
    mechanisms = {
        m for c, found in zip(claims, parts, strict=True) if c.kind not in (NODE,) for m in found
    }
    deep = _deep_sections(claims, parts)
    return [
        Rung(
            "components connected",
            min(1.0, drawn[0] / 4) if drawn[0] else min(1.0, specified[0] / 6),
            drawn[1] or specified[1],
            _needs(
                [(drawn[0], 4, "components drawn")]
                if drawn[0]
                else [(specified[0], 6, "components specified")]
            ),
        ),
        _rung(
            "components specified with mechanisms",
            specified[0],
            6,
            specified[1],
            "components specified",
        ),
        Rung("request paths traced", min(1.0, flows[0] / 3 + len(mechanisms) / 12), flows[1]),
        Rung(
            "deep dives with mechanisms",
            min(1.0, deep / 3),
            None,
            _needs([(deep, 3, "deep-dive sections with mechanisms")]),
        ),
    ]


def _part_mechanisms(claim: Claim) -> list[str]:
    """The mechanisms a claim specifies of a part of the design (not of an estimate)."""
    f = claim.features
    return [m for m in f.mechanisms if f.substantive_for(m) and describes_part(claim, m)]


def _deep_sections(claims: Sequence[Claim], parts: Sequence[list[str]] | None = None) -> int:
    """Sections (with their sub-sections) whose claims specify at least three distinct
    mechanisms: a deep dive that adds information, however long or short its prose.
    `parts` are the claims' `_part_mechanisms`, when the caller has worked them out."""
    if parts is None:
        parts = [_part_mechanisms(c) for c in claims]
    own: dict[tuple[str, ...], set[str]] = {}  # under the heading itself
    within: dict[tuple[str, ...], set[str]] = {}  # under it or its sub-headings
    for claim, found in zip(claims, parts, strict=True):
        if not found or not claim.headings:
            continue
        own.setdefault(claim.headings, set()).update(found)
        for depth in range(1, len(claim.headings) + 1):
            within.setdefault(claim.headings[:depth], set()).update(found)
    # A section is a deep dive by its own claims, or else by those of its sub-sections
    # together when none of them is one alone: "# 8) Redirect flow" over "## Read path",
    # "## Why cache layers?" and "## Negative caching" is one deep dive, not three shallow
    # ones; "## Deep dives" over three sections that each hold one is three, not four.
    counted: set[tuple[str, ...]] = set()
    for section in sorted(within, key=len, reverse=True):
        alone = len(own.get(section, ())) >= 3
        nested = any(c[: len(section)] == section for c in counted if len(c) > len(section))
        if alone or (len(within[section]) >= 3 and not nested):
            counted.add(section)
    return len(counted)


def _reasoned(claim: Claim) -> bool:
    f = claim.features
    return f.reason and not f.hedge and bool(f.choices or f.decision or f.alternative)


def _weighed(claim: Claim) -> bool:
    """A decision weighed: a reason with a rejected alternative or a cost, or both of those."""
    f = claim.features
    return (_reasoned(claim) and (f.alternative or f.cost)) or (f.alternative and f.cost)


def _weighing_key(claim: Claim) -> frozenset[str]:
    """What makes two weighed claims the same decision. A claim that weighs in its own
    words is keyed by what it is about, as `_distinct` keys any claim; one whose reason
    or alternative is only its heading's ("Why not use only SQL joins?", "Why 302 by
    default" over a list of points) is one of that heading's reasons, and the items of
    one such section are one decision, counted once."""
    if claim.kind == ROW and lexicon.CHOSEN.search(claim.text.split(". ", 1)[0]) is None:
        # Each row of a comparison whose columns are the options weighs on one criterion
        # the same decision: the table is counted once, as one section's reasons are.
        if lexicon.CHOSEN.search(claim.text) is not None:
            return frozenset({"\x00table", *claim.headings[-2:]})
        # Each row of a table whose rows are the options ("| Approach | Pros | Cons |":
        # counter-based, hash-based) weighs one option of the same decision.
        columns = _COLUMN.findall(claim.text)
        if columns and _OPTION_COLUMN.fullmatch(columns[0].strip()) and _weighs_options(columns):
            return frozenset({"\x00options", *claim.headings[-2:], *columns})
        return claim.features.concepts or frozenset({claim.text.lower()[:40]})
    if claim.kind == ROW or any(
        SCREEN.search(p, claim.text) for p in (lexicon.REASON, lexicon.ALTERNATIVE, lexicon.COST)
    ):
        return claim.features.concepts or frozenset({claim.text.lower()[:40]})
    return frozenset({"\x00under", *claim.headings[-2:]})


# The column names of a table row claim ("Approach: Counter-based. Pros: ... Cons: ...").
_COLUMN = re.compile(r"(?:^|\. )([^:.]{1,30}):")
# A first column that lists the options weighed, not decisions made ("| Decision | Pros |").
_OPTION_COLUMN = re.compile(
    r"(?:approach|strateg|method|option|alternative|algorithm|variant|scheme)\w*", re.I
)
_PROS = re.compile(r"^(?:pros?|advantages?|upsides?)$", re.I)
_CONS = re.compile(r"^(?:cons?|disadvantages?|downsides?|drawbacks?)$", re.I)


def _weighs_options(columns: list[str]) -> bool:
    """Whether a table's columns set each option's pros against its cons."""
    names = [c.strip() for c in columns]
    return any(_PROS.match(n) for n in names) and any(_CONS.match(n) for n in names)


def _distinct_weighing(
    claims: Sequence[Claim], test: Callable[[Claim], bool]
) -> tuple[int, Claim | None]:
    seen: set[frozenset[str]] = set()
    first: Claim | None = None
    for claim in claims:
        if test(claim):
            seen.add(_weighing_key(claim))
            first = first or claim
    return len(seen), first


def _whole_rows(claims: Sequence[Claim]) -> list[Claim]:
    """The claims with each table row read whole again: a row whose cells are broken at
    `<br>` is read as one claim per statement (each a feature, each a risk), but it weighs
    one option: "Push. Pros: fast reads", "Push. Pros: no joins" and "Push. Cons: heavy
    writes" are one option with its reasons and its cost, as the unbroken row would be.
    A row whose first cell is empty goes on with the decision of the row above it."""
    out: list[Claim] = []
    row_line = 0  # the line of the last row read, joined or not
    for claim in claims:
        last = out[-1] if out else None
        if claim.kind == ROW and last is not None and last.kind == ROW and last.line == claim.line:
            out[-1] = _joined_row(last, claim)
        elif (
            claim.kind == ROW
            and last is not None
            and last.kind == ROW
            and claim.line in (row_line, row_line + 1)
            and _CONTINUED_ROW.match(claim.quote) is not None
        ):
            # "| | Sliding window log | larger storage |" under "| Token bucket | Leaky
            # bucket | ... |": a row whose first cell is left empty weighs one more
            # alternative of the decision in the row above, not a decision of its own.
            out[-1] = _joined_row(last, claim)
        else:
            out.append(claim)
        if claim.kind == ROW:
            row_line = claim.line
    return out


# A table row whose first cell is empty: "| | Sliding window log | ... |".
_CONTINUED_ROW = re.compile(r"^\s*\|\s*\|")


def _joined_row(a: Claim, b: Claim) -> Claim:
    f, g = a.features, b.features
    features = replace(
        f,
        concepts=f.concepts | g.concepts,
        options=(f.options | g.options) - (f.concepts | g.concepts),
        choices=f.choices | g.choices,
        mechanisms=f.mechanisms | g.mechanisms,
        reason=f.reason or g.reason,
        alternative=f.alternative or g.alternative,
        cost=f.cost or g.cost,
        decision=f.decision or g.decision,
        hedge=f.hedge and g.hedge,
        failure_response=f.failure_response or g.failure_response,
    )
    return Claim(a.line, a.quote, f"{a.text} {b.text}", a.kind, a.headings, features)


# The first column of a table of goals: each row states what the system must achieve.
_GOAL_COLUMN = re.compile(
    r"(?:design )?(?:goals?|requirements?|objectives?|nfrs?|non-?functional requirements?"
    r"|quality attributes?|constraints?)",
    re.I,
)


def _goal_row(claim: Claim) -> bool:
    """Whether a claim is a row of a table of goals ("Goal: Low latency. Why it matters:
    ..."): its reason column says why the goal matters, and nothing in it is chosen."""
    if claim.kind != ROW:
        return False
    columns = _COLUMN.findall(claim.text)
    return bool(columns) and _GOAL_COLUMN.fullmatch(columns[0].strip()) is not None


def _tradeoffs(claims: Sequence[Claim]) -> list[Rung]:
    # A bare "we will use X" is a mention of X, not a decision anyone can weigh: the
    # ladder starts at a decision with its reason. A row of a table of goals ("| Strong
    # consistency | Prevent surges that defeat the quota | ... |" under "| Goal | Why it
    # matters |") is a goal and its motive, no design decision; a row of parameters chosen
    # with their rationale ("| Code length | 7 | 62^7 = 3.5T |") under a requirements
    # heading still is one.
    claims = _whole_rows([c for c in claims if not _goal_row(c)])
    reasoned = _distinct_weighing(claims, _reasoned)
    weighed = _distinct_weighing(claims, _weighed)
    return [
        _rung("a decision with its reason", reasoned[0], 2, reasoned[1], "decisions with a reason"),
        _rung("several reasoned decisions", reasoned[0], 5, reasoned[1], "decisions with a reason"),
        _rung(
            "alternatives rejected, costs stated",
            weighed[0],
            2,
            weighed[1],
            "decisions weighed against an alternative",
        ),
        _rung(
            "several weighed decisions",
            weighed[0],
            5,
            weighed[1],
            "decisions weighed against an alternative",
        ),
    ]


# A degraded mode or a recovery target, in any inflection: "the CDN serves stale segments",
# "failover to the second CDN within 30 seconds", "target rebuild time: < 6 hours", "degrade
# gracefully: skip the re-ranker".
_RECOVERY = re.compile(
    r"\b(rpo|rto|degraded mode|read-only mode"
    r"|(?:recover\w*|rebuild\w*|repair\w*|restor\w*|fail ?over)(?: [\w-]+){0,3}?:?"
    r" (?:within|in|under|<|≤) ~?\d"
    r"|serv(?:e|es|ing) stale|graceful(?:ly)? degrad|degrad(?:e|es|ing) gracefully|brown-?out"
    r"|fail(?:s|ing)? (?:open|closed))",
    re.I,
)
# A fallback is a degraded mode only as the response to a named failure ("Vector DB outage
# ... circuit-break to a BM25-only fallback", "reads fall back to other EC chunks"); "GPT-4o-mini
# with a fallback to 4o" or "fall back to the DB for cold users" is a path of normal running.
_FALLBACK = re.compile(r"\b(?:fall(?:s|ing)? ?back to|fallback to|[\w-]+-only fallback)", re.I)


# Searched on every claim: the screen skips a claim that holds none of their words.
SCREEN.add(_SANITY, _KEYED, _RECOVERY, _FALLBACK, _EXCLUDES, _ALIAS_GUARD)

_REDUNDANCY = frozenset(
    {
        "replication",
        "failover",
        "leader-follower",
        "quorum",
        "multi-region",
        "consensus",
        "erasure-coding",
    }
)


# Components that hold state: losing the only copy loses data or the service.
STATEFUL = frozenset(
    """cache database relational-database wide-column-store document-store graph-store
    time-series-db object-store search-index message-queue coordination-service""".split()
)


# The copies themselves, not the technique's name: "read replicas", "a standby", "streaming
# replication", "across three availability zones". "Read scaling via caching and
# replication" names two techniques and copies nothing it names.
_COPIES = re.compile(
    r"\b(?:replicas?|standbys?|secondar(?:y|ies)|followers?|multi-?(?:az|region)"
    r"|availability zones|(?:streaming|synchronous|semi-sync\w*|async\w*) replication"
    r"|fails? over|failover|copies|snapshots?)\b",
    re.I,
)
SCREEN.add(_COPIES)


def _states_redundancy(claim: Claim) -> bool:
    """Redundancy specified, or said of a part that holds state: "use read replicas for
    the metadata DB" and "Metadata DB: streaming replication and daily snapshots" say what
    is copied, as a single point of failure is judged (a replica or a stated failover);
    "replication ensures that data is never lost" names no part."""
    if specified_concepts(claim) & _REDUNDANCY:
        return True
    concepts = claim.features.concepts
    return (
        not concepts.isdisjoint(_REDUNDANCY)
        and not concepts.isdisjoint(STATEFUL)
        and SCREEN.search(_COPIES, claim.text) is not None
        and not claim.features.hedge
        and not claim.text.rstrip().endswith("?")
        and not out_of_scope(claim)
    )


def _reliability(claims: Sequence[Claim]) -> list[Rung]:
    redundancy = _count(claims, _states_redundancy)
    failures = _distinct(claims, lambda c: c.features.failure_response)
    # A degraded mode or recovery target with what triggers it or how much: "RPO 5 min",
    # "serve stale when Redis is down"; "graceful degradation" alone names the idea.
    recovery = _count(
        claims,
        lambda c: (
            (
                bool(SCREEN.search(_RECOVERY, c.text))
                and (c.features.failure_response or c.features.quantities > 0 or c.features.reason)
            )
            or (c.features.failure_response and bool(SCREEN.search(_FALLBACK, c.text)))
        ),
    )
    monitoring = _distinct(claims, lambda c: c.features.monitoring)
    security = _distinct(claims, lambda c: c.features.security_control)
    return [
        _rung("redundancy", redundancy[0], 1, redundancy[1], "redundancy"),
        _rung(
            "failures named with responses",
            failures[0],
            2,
            failures[1],
            "failures with responses",
        ),
        Rung(
            "non-obvious failures, degraded modes, recovery",
            0.6 * min(1.0, max(0, failures[0] - 2) / 3) + 0.4 * min(1.0, recovery[0] / 2),
            recovery[1],
            _needs(
                [
                    (max(0, failures[0] - 2), 3, "failures with responses past the first two"),
                    (recovery[0], 2, "degraded modes or recovery targets"),
                ]
            ),
        ),
        Rung(
            "monitoring with thresholds and actions, concrete security",
            0.6 * min(1.0, monitoring[0] / 2) + 0.4 * min(1.0, security[0] / 2),
            monitoring[1] or security[1],
            _needs(
                [(monitoring[0], 2, "monitoring points"), (security[0], 2, "security controls")]
            ),
        ),
    ]


def visible_order(claims: Sequence[Claim]) -> int:
    """Sections that specify something: headings over claims with evidence. A heading over
    prose that only names things adds no order an interviewer can follow, and the heading
    a practice report puts the spoken turns under is no section of the design."""
    return len(
        {
            c.heading
            for c in claims
            if c.heading and c.heading != TRANSCRIPT_HEADING and c.features.has_evidence
        }
    )


# The two paths an item asks to be presented apart ("Presents the upload path and the
# playback path separately", "separates the data path from the metadata path", "treats the
# serving path and the pipeline separately"), each with the words a heading uses for it.
_SEPARATELY = re.compile(r"\bseparat", re.I)
_PATH_NAMED = re.compile(r"\bthe (\w+) path\b|\bthe (pipeline)\b", re.I)
_PATH_SIDES: dict[str, re.Pattern[str]] = {
    "upload": re.compile(r"\bupload|\bingest|\bwrite[- ]path|\btranscod", re.I),
    "playback": re.compile(
        # (not "CDN": "Upload Workflow (User -> CDN -> Origin)" heads the upload path)
        r"\bplayback|\bstream|\bwatch|\bview(?:ing|ers?)?\b|\bdelivery|\bread[- ]path"
        r"|\bserving",
        re.I,
    ),
    "metadata": re.compile(r"\bmetadata\b", re.I),
    "data": re.compile(
        r"\bdata (?:path|plane|storage|nodes?|placement|layer|tier)\b"
        r"|\bstorage (?:layer|nodes?|tier|service|design|strategy)\b|\bblock storage\b"
        r"|\bchunks?\b|\bblobs?\b|\bobject storage\b(?! system)",
        re.I,
    ),
    "serving": re.compile(r"\bserv(?:e|es|ing)\b|\bquer(?:y|ies)\b|\bread[- ]path|\bonline", re.I),
    "pipeline": re.compile(
        r"\bpipeline|\bbuild|\boffline|\bbatch|\bindex(?:ing|er)\b|\baggregat|\bwrite[- ]path",
        re.I,
    ),
}


def path_sides(item_text: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The headings' words for the two paths an item asks to be presented apart, or None
    for an item that asks only for an order ("Works in a visible order")."""
    if _SEPARATELY.search(item_text) is None:
        return None
    sides = [_PATH_SIDES.get((a or b).lower()) for a, b in _PATH_NAMED.findall(item_text)]
    if len(sides) != 2 or sides[0] is None or sides[1] is None:
        return None
    return sides[0], sides[1]


def presents_apart(claims: Sequence[Claim], sides: tuple[re.Pattern[str], re.Pattern[str]]) -> bool:
    """Whether each path has a heading of its own: one that names it and not the other.
    ("4.1 Upload Pipeline" and "4.3 Streaming & CDN"; one "Upload and playback flows" heads
    both at once.)"""
    headings = {h for c in claims for h in c.headings}
    first = {h for h in headings if sides[0].search(h)}
    second = {h for h in headings if sides[1].search(h)}
    return bool(first - second) and bool(second - first)


def _assumption(claim: Claim) -> bool:
    """An assumption said with what it assumes: a number or a reason, not the word alone."""
    about = "assumptions" in claim.features.concepts or "assumptions" in implied_concepts(claim)
    f = claim.features
    return about and (f.quantities > 0 or f.reason or f.specific)


def _communication(claims: Sequence[Claim]) -> list[Rung]:
    sections = visible_order(claims)
    # A wrap-up under its own heading, or the closing paragraph that restates the design
    # ("This design balances ... by separating the metadata and data planes"), which the
    # rubric's summary item already reads as one.
    closing = {id(claims[i]) for i in _closing_summary(claims)}
    wrap = _wrap_ups(
        claims,
        lambda c: (
            (bool(_WRAP_UP & implied_concepts(c)) or id(c) in closing)
            and _states_something(c)
            # "This design provides plays a key role here." claims importance and sums up
            # nothing, though it closes the text (a selling word alone, "proven", may still
            # sum up: "handles the load with proven parts and capacity math at every layer")
            and not (c.features.fluff and IMPORTANCE_ONLY.search(c.text))
        ),
    )
    assumed = _count(claims, _assumption)
    return [
        _rung("a visible order", sections, 5, None, "sections that specify something"),
        _rung("assumptions said aloud", assumed[0], 2, assumed[1], "assumptions"),
        _rung("a wrap-up: a summary or the bottlenecks", wrap[0], 1, wrap[1], "wrap-ups"),
    ]


_WRAP_UP = frozenset({"summary", "bottlenecks"})


def _wrap_ups(claims: Sequence[Claim], test: Callable[[Claim], bool]) -> tuple[int, Claim | None]:
    """Wrap-ups, each counted once however many lines it runs to: a section that sums up
    or names the bottlenecks (keyed by that heading), or the closing paragraph that restates
    the design. Counted in lines, a six-bullet "Summary Checklist" that restates the
    decisions reached the step and the one sentence "This design separates the data plane
    from the control plane" that closes an answer reached half of it: length, not a
    wrap-up, made the difference."""
    seen: set[str] = set()
    first: Claim | None = None
    for claim in claims:
        if not test(claim):
            continue
        heading = next((h for h in claim.headings[-2:] if _heading_concepts(h) & _WRAP_UP), "")
        seen.add(heading)  # "" is the closing paragraph, under whatever heading it stands
        first = first or claim
    return len(seen), first


_LADDERS: dict[str, Callable[[Sequence[Claim]], list[Rung]]] = {
    "requirements": _requirements,
    "capacity": _capacity,
    "api_data": _api_data,
    "components": _components,
    "tradeoffs": _tradeoffs,
    "reliability": _reliability,
    "communication": _communication,
}

__all__ = [
    "ABSENT",
    "ITEM",
    "MENTIONED",
    "SUBSTANCE",
    "Rung",
    "Support",
    "item_support",
    "ladder",
    "ladder_share",
]


def figure_parts(item_text: str) -> tuple[str, ...]:
    """The parts of a capacity item that each ask for a figure of their own kind: "Estimates
    ledger writes (about 1,040 a second at peak) and storage (about 33 TB over 10 years)"
    asks for a rate and for a total, and a line that gives one has said half of it. Parts
    are the item's clauses joined by "and" or a comma outside its parentheses; an item whose
    figures are all of one kind (or that names one) has a single part, returned as none."""
    body = _LEADING_VERB.sub("", item_text.strip().rstrip("."))
    if _WORKED.search(body):
        return ()  # "99 peers at 20 Hz is 1,980 ...": one working, its figures its steps
    pieces, depth, start = [], 0, 0
    for match in _PART_BREAK.finditer(body):
        depth = body.count("(", 0, match.start()) - body.count(")", 0, match.start())
        if depth == 0:
            pieces.append(body[start : match.start()])
            start = match.end()
    pieces.append(body[start:])
    parts = [p.strip() for p in pieces if part_kinds(p)]
    if len(parts) < 2 or len({part_kinds(p) for p in parts}) < 2:
        return ()
    return tuple(parts)


def part_kinds(text: str) -> frozenset[tuple[int, int]]:
    """The measured kinds a part's figures are, a span of time aside ("over 10 years")."""
    kinds = _measured_kinds(text)
    return kinds - {(1, 0)} if kinds - {(1, 0)} else kinds


def unstated_parts(item_text: str, claims: Sequence[Claim]) -> tuple[str, ...]:
    """The figure parts of an item (`figure_parts`) that no claim states, each judged as
    an item of its own (`states_kind_named`)."""
    return tuple(
        part
        for part in figure_parts(item_text)
        if not any(states_kind_named(part, claim) for claim in claims)
    )


_LEADING_VERB = re.compile(r"^(?:estimates|derives|sizes|computes|works out|states)\s+", re.I)
_PART_BREAK = re.compile(r"\s*(?:,\s+(?:and\s+)?|\s+and\s+)")
# Words that make an item one working rather than a list of estimates: "... at 20 Hz is
# 1,980 updates a second", "7-8 store shards at 5,000 writes/s each; notes that ...".
# ("at peak" says when, not what a figure is worked from.)
_WORKED = re.compile(
    r";|\b(?:is|are|at(?! (?:the )?peak\b)|per|each|so|takes|leaves|brings?|plus)\b|=|->|→", re.I
)

"""Evidence features of each claim: what it specifies beyond the concepts it names.

A claim that names a concept is a mention; a claim that names it *and* sizes it, gives a
reason, rejects an alternative, states a cost, pairs a failure with a response, sets an
alert threshold or names a concrete control is evidence. Rubric coverage and the ladders of
each review dimension are computed from these features, never from word counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from tradeoff.catalog.vocabulary import Concept
from tradeoff.estimate.grammar import find_quantities, may_state_dimension
from tradeoff.language import lexicon, operations
from tradeoff.language.claims import CODE, EDGE, ITEM, NODE, ROW, SENTENCE, Claim
from tradeoff.language.features import Features
from tradeoff.language.literals import SCREEN
from tradeoff.language.mentions import (
    _NEGATORS,
    LISTED,
    NEGATED,
    OPTION,
    _cached_term_table,
    _matches,
    _negated,
    _sentence_status,
    clean_line,
    clear_matches,
    is_fluff,
    rejected_after,
)
from tradeoff.text_caches import clear_text_caches

MECHANISM_CATEGORIES = frozenset({"technique", "data"})
# A label naming its text the reason ("Rationale:", "*Justification:*"), as REASON reads it.
_REASON_LABEL = re.compile(
    r"(?:the reason|(?:reasons?|rationale)\s*:|(?:justification|pros|benefits?|advantages?)\s*:)",
    re.I,
)
CHOICE_CATEGORIES = frozenset(
    {"component", "technique", "data", "api", "front-end", "object-oriented"}
)
# Arithmetic in a line of code: an operator between two numbers ("2M x 1 MB"), a result
# after numbers joined by an operator ("8 renditions x 150 MB = 1.2 GB", "top 10% (50M)
# = 150 GB"), an input carried to a result by an arrow, or the "= result" line of a sum
# set over several lines. An assignment of a
# constant ("allow = 0", "max-age=3600"), a comparison ("tokens >= 1") or a date
# ("2025-01-15") computes nothing.
_ARITH_CODE = re.compile(
    r"\d\s*(?:[×*/÷+^]\s*\(?|x\s*|\bper\s+|\s[-−]\s+)\d"
    r"|\d[^=≈<>!\n]*?(?:[×*/÷+^%]|\bx\b|\s[-−]\s)[^=≈<>!\n]*?\d[^=≈<>!\n]*[=≈]\s*~?\d"
    # An input carried to its result: "posts/user/day = 2 → 200 M posts/day".
    r"|[=≈]\s*~?\d[^→\n]*(?:→|->|⇒)\s*~?\d"
    # A multiplier or a share applied: "Peak ×10 = 58 uploads/s", "70% GETs = 70M rps".
    r"|(?:[×*]|\bx)\s*\d[\d.,]*\s*[=≈]\s*~?\d|\d\s*%[^=≈<>!\n]{0,30}[=≈]\s*~?\d"
    # The result line of a calculation set over several lines: "= 131.25 PB/day".
    r"|^\s*[=≈]\s*~?\d"
)
_DECISION_HEADING = re.compile(r"\bdecisions?\b|\bwhy\b|\bchoice\b|\bchose\b", re.I)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve"
    r"|sixteen|dozens)\b"
)
# The lexicon's patterns each claim is searched with, screened for their required words.
SCREEN.add(lexicon.REASON, lexicon.ALTERNATIVE, lexicon.COST, lexicon.DECIDES, lexicon.HEDGE,
           lexicon.DEFERRED, lexicon.FLOW, lexicon.ABOUT_THE_TEXT,
           lexicon.SPELLED_RATE)  # fmt: skip
# `lexicon.may_hold` is exact on ASCII text, as `holds` is: one pass answers both.
SCREEN.add_stems(lexicon.HEDGE_STEMS, lexicon.DEFERRED_STEMS)
_COLUMN_NAME = re.compile(r"(?:^|\. )([^:.]{1,30}):")
# "Shards" in the erasure-coding sense, the pieces of one object: "the 14 shards of an
# object are spread across racks", "must read 6 shards", "6 data shards + 3 parity shards".
# There they partition no data set, and a line about them says nothing of sharding. Nor
# does a placement rule that spreads one object's pieces over failure domains: "at most 1
# shard per rack" keeps a rack's loss within what the code rebuilds.
_CODED_SHARDS = re.compile(
    r"\bshards? of (?:an|the|each|one|every) (?:object|chunk|stripe|blob|file)\b"
    r"|\b(?:read|reads|reading|fetch\w*|lose|losing|loses|lost)\s+(?:any\s+)?\d+\s+shards?\b"
    r"|\b(?:data|parity)\s+shards?\b"
    r"|\b(?:max(?:imum)?|at most|no more than)\s+(?:1|one)\s+shard\s+per\s+"
    r"(?:rack|zone|az|availability zone|failure domain|fault domain)\b",
    re.I,
)
_SHARD_NOUNS = frozenset({"shard", "shards"})
# "Partition" in the network sense: "if a partition cannot reach a quorum, it ceases writes
# to prevent split-brain", "during a network partition".
_NETWORK_SPLIT = re.compile(
    r"split-?brain|\bnetwork partitions?\b"
    r"|\b(?:a|the) partition (?:cannot|can't|heals|occurs|happens|isolates)\b",
    re.I,
)
_PARTITION_NOUNS = frozenset({"partition", "partitions"})
_WORDS = re.compile(r"[a-z0-9][a-z0-9.+-]*")
_BRAND_WORDS = frozenset(
    """
    redis memcached kafka cassandra dynamodb mongodb postgres postgresql mysql aurora
    elasticsearch opensearch rabbitmq sqs sns kinesis pulsar zookeeper etcd consul spark flink
    nginx haproxy envoy cloudfront akamai fastly cloudflare bigtable hbase spanner cockroachdb
    prometheus grafana datadog scylla s3 gcs kubernetes k8s
    """.split()
)


_FUTURE_HEADING = re.compile(
    r"\bfuture (?:work|ideas|improvements|extensions|enhancements|considerations)\b"
    r"|\bextension ideas\b|\bpossible (?:extensions|improvements|enhancements)\b"
    r"|\broadmap\b|\blater phases\b|\bnice[- ]to[- ]haves?\b|\bout of scope\b",
    re.I,
)


# "Why Token Bucket?", and numbered as sections are: "20) Why not use only SQL joins?".
_EXAMPLES = re.compile(r"\b(?:such as|e\.g\.|for example|for instance)(?!\w)", re.I)
_WHY_LABEL = re.compile(r"\s*(?:(?:\d+(?:\.\d+)*|[A-Z])[.)]?\s+)?why\b", re.I)
# Concepts named by the failure they are about: "the clock moves backwards" is the
# trigger of "if the clock moves backwards, the generator refuses to issue ids", and masked
# as a technique's name the line lost its failure (only "refuses to" was left).
FAILURE_EVENT_CONCEPTS = frozenset({"clock-rollback"})
# Techniques whose names are what a system does when something fails: "if Redis is down, the
# gateway fails open", "on a timeout the client retries", "a circuit breaker sheds the load".
# Masked as names, the failure they answer would have no response; other names stay masked
# ("Static error page" pages no one, "fault injection ... throttling" is a test).
# An elevator's operating mode is its answer to a fire alarm or a fault ("Fire alarm: all
# cars go to the ground floor"), so the name is kept for the failure it answers too. So is
# a client's: "works offline; syncs when a connection returns" names the lost link and
# the catching up after it.
RESPONSE_CONCEPTS = frozenset(
    {"fail-open", "circuit-breaker", "retry-backoff", "back-pressure", "leader-election",
     "snapshot", "event-sourcing", "failover", "multi-region", "reconciliation",
     "elevator-modes", "offline-support", "sync-protocol"}
)  # fmt: skip

# `_BRAND_WORDS` as stems of the literal screen: a word of a text is a substring of it.
_BRAND_STEMS = tuple(sorted(_BRAND_WORDS))
SCREEN.add_stems(_BRAND_STEMS)


# The word a result is said after, aloud: "..., that's 100,000 writes a second", and "each
# is" after a factor ("1M requests a second and about 2 rules each is 2M checks a second").
_SAID_RESULT = re.compile(
    r"\b(?:that(?:'|’)?s|that is|which is|which comes to|each is|each comes to)\s+"
    r"(?:about |roughly |around |~)?",
    re.I,
)


def _spoken_result(text: str) -> bool:
    """A result worked in words from the quantities before it: "At 50,000 acquires a second
    and two writes per acquire, that's 100,000 replicated writes a second" multiplies a rate
    into another rate with no operator written, and "At 200 bytes a message that is 400 GB
    a day" a size into a rate of bytes. A count after the marker ("200 ms, that's two round
    trips") is no such result."""
    if _SAID_RESULT.search(text) is None:
        return False
    found = [f for f in find_quantities(text) if f.dims != (0, 0)]
    for marker in _SAID_RESULT.finditer(text):
        after = next((f for f in found if f.start == marker.end()), None)
        if after is not None and any(
            f.end <= marker.start() and f.value != after.value
            and (f.dims == after.dims or after.dims[0] == f.dims[0] - 1)
            for f in found
        ):  # fmt: skip
            return True
    return False


def analyse(claims: Iterable[Claim], concepts: Iterable[Concept]) -> list[Claim]:
    """The claims with their `features` filled in."""
    pool = tuple(concepts)
    table = _cached_term_table(pool)
    mechanism_ids, choice_ids, component_ids = _category_ids(pool, table)
    key = id(table)
    reread = _Reread(key, table, mechanism_ids, choice_ids, component_ids)
    analysed: list[Claim] = []
    for c in claims:
        # The same claim read again is the same object, so the reviewer's per-claim caches
        # (`specified_concepts`) find it by identity instead of comparing every field.
        done = _claims.get((c, key))
        if done is None:
            if len(_claims) >= _CACHE_SIZE:
                _claims.clear()
            features = _cached_features(c.text, c.kind, c.headings, key, table, mechanism_ids,
                                        choice_ids, component_ids)  # fmt: skip
            # Built directly: `dataclasses.replace` reads the fields anew on every call.
            done = Claim(c.line, c.quote, c.text, c.kind, c.headings, features)
            _claims[(c, key)] = done
        previous = analysed[-1] if analysed else None
        if previous is not None and _gives_reason_for(done, previous):
            analysed[-1] = reread(previous, f"{previous.text} {done.text}")
            continue
        if previous is not None and _refers_back(done, previous):
            analysed[-1] = reread.joined(previous, done)
            continue
        if previous is not None and _sets_against(done, previous):
            analysed[-1] = reread.joined(previous, done)
            continue
        if previous is not None and _closes_weighing(done, previous):
            # The decision that closes the weighing before it: each weighing sentence of
            # the same line is read with it, nearest first.
            closing = done
            while analysed and _closes_weighing(closing, analysed[-1]):
                done = reread.joined(done, analysed.pop())
            analysed.append(done)
            continue
        analysed.append(done)
    if any(_REASONS_LABEL.fullmatch(c.text) for c in analysed):
        analysed = _join_reason_lists(analysed, reread)
    if any(lexicon.ROLE_LABEL.match(c.text) for c in analysed):
        analysed = _join_labelled_parts(analysed, reread)
    if any(_MITIGATION_LABEL.match(c.text) for c in analysed):
        analysed = _answer_labelled_failures(analysed)
    if any(c.text.rstrip().endswith(":") and c.features.concepts for c in analysed):
        analysed = _lead_ins_with_lists(analysed)
    if any(_OFFER.match(c.text) for c in analysed):
        analysed = _drop_offers(analysed)
    return _contrast_siblings(analysed, reread, table)


_CATEGORY_IDS: dict[int, tuple[object, frozenset[str], frozenset[str], frozenset[str]]] = {}


def _category_ids(
    pool: tuple[Concept, ...], table: object
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The ids of the pool's mechanism, choice and component concepts, worked out once per
    vocabulary (keyed as its term table is, which `_cached_term_table` builds once for the
    same concepts): a review reads its design and then each next step's text, and each read
    went through the whole vocabulary three times for sets that depend on it alone."""
    hit = _CATEGORY_IDS.get(id(table))
    if hit is None or hit[0] is not table:
        if len(_CATEGORY_IDS) > 8:
            _CATEGORY_IDS.clear()
        hit = _CATEGORY_IDS[id(table)] = (
            table,  # held, so its id stays its own
            frozenset(c.id for c in pool if c.category in MECHANISM_CATEGORIES),
            frozenset(c.id for c in pool if c.category in CHOICE_CATEGORIES),
            frozenset(c.id for c in pool if c.category == "component"),
        )
    return hit[1], hit[2], hit[3]


# The writer offering more work at the end of an answer ("If you want, I can also turn
# this into:" over "- a 1-page architecture summary"): what it could write next, not what
# the design holds.
_OFFER = re.compile(
    r"\W*(?:if you(?:'d|’d| would)? (?:want|like|prefer)\W+i (?:can|could)\b|want me to\b"
    r"|i can (?:also |next )*(?:turn|provide|give|write|draw|add|expand|produce|sketch)\b)",
    re.I,
)


def _drop_offers(claims: list[Claim]) -> list[Claim]:
    """The claims without an offer of more work and the list of what it offers (the items
    on the lines just after it, under the same headings)."""
    kept: list[Claim] = []
    offer: Claim | None = None
    last = 0
    for claim in claims:
        if _OFFER.match(claim.text) and claim.kind in _PROSE:
            offer, last = claim, claim.line
            continue
        listed = (
            offer is not None
            and claim.kind == ITEM
            and claim.headings == offer.headings
            and 0 <= claim.line - last <= 2
        )
        if listed:
            last = claim.line
            continue
        offer = None
        kept.append(claim)
    return kept


@dataclass(frozen=True)
class _Reread:
    """Reads a joined claim with the same concepts as the claims it joins."""

    key: int
    table: object
    mechanism_ids: frozenset[str]
    choice_ids: frozenset[str]
    component_ids: frozenset[str]

    def __call__(self, claim: Claim, text: str) -> Claim:
        features = _cached_features(text, claim.kind, claim.headings, self.key, self.table,
                                    self.mechanism_ids, self.choice_ids,
                                    self.component_ids)  # fmt: skip
        return Claim(claim.line, claim.quote, text, claim.kind, claim.headings, features)

    def joined(self, decision: Claim, part: Claim) -> Claim:
        """`decision` read with `part` (its labelled reason, cost or alternative, or the
        "Instead, ..." that follows it) joined on: the evidence of the whole, the concepts
        of each as each was read. Read as one sentence, a decision and its listed parts can
        read as options weighed ("X rather than Y ... Alternative: Y is safer"), which would
        turn the decision's own concepts into options it only names."""
        whole = self(decision, f"{decision.text} {part.text}")
        a, b, f = decision.features, part.features, whole.features
        concepts = a.concepts | b.concepts
        features = replace(
            f,
            concepts=concepts,
            options=(a.options | b.options) - concepts,
            negated=(a.negated | b.negated) - concepts,
            mechanisms=a.mechanisms | b.mechanisms,
            choices=a.choices | b.choices,
            motives=(a.motives | b.motives) - (a.concepts - a.motives) - (b.concepts - b.motives),
            decision=a.decision or b.decision or f.decision,
            hedge=a.hedge,
            reason=f.reason or a.reason or b.reason,
            alternative=f.alternative or a.alternative or b.alternative,
            cost=f.cost or a.cost or b.cost,
            failure_response=f.failure_response or a.failure_response or b.failure_response,
            monitoring=f.monitoring or a.monitoring or b.monitoring,
            security_control=f.security_control or a.security_control or b.security_control,
            control=f.control or a.control or b.control,
        )
        return Claim(decision.line, decision.quote, whole.text, decision.kind,
                     decision.headings, features)  # fmt: skip


# A paragraph that only labels the list under it as the reasons of what came before.
_REASONS_LABEL = re.compile(
    r"\W*(?:why|reasons?|rationale|because|justification|why this (?:works|wins))\s*[:?]\W*",
    re.I,
)


def _join_reason_lists(claims: list[Claim], reread: _Reread) -> list[Claim]:
    """A decision, then a "Why:" label and its list: "Use a token bucket.", "Why:", "- O(1)
    state per key", "- supports bursts". The bullets are the decision's reasons, as a reader
    takes them; read apart, the decision has none. The decision's claim is read with its
    reasons joined on; the label, which says nothing by itself, is dropped, and the bullets
    stay claims of their own."""
    joined: list[Claim] = []
    for index, claim in enumerate(claims):
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and claim.kind in _PROSE
            and _REASONS_LABEL.fullmatch(claim.text)
            and previous.kind in _PROSE
            and previous.headings == claim.headings
            and 0 <= claim.line - previous.line <= 2
            and _decides(previous)
        ):
            label = (*claim.headings, claim.text.strip().rstrip(":?").strip())
            reasons = []
            for following in claims[index + 1 :]:
                if following.kind != ITEM or following.headings != label:
                    break
                reasons.append(following.text)
            if reasons:
                text = f"{previous.text} Why: {'; '.join(reasons)}"
                joined[-1] = reread(previous, text)
                continue
        joined.append(claim)
    return joined


def _lead_ins_with_lists(claims: list[Claim]) -> list[Claim]:
    """A short lead-in that names a thing, then the list of what it holds: "Use an opaque
    cursor containing:", "- last score / timestamp", "- last post_id". The list says what
    the lead-in's thing is, as a reader takes it; read apart, the lead-in names a cursor and
    says nothing of it. The lead-in is concrete (`specific`) with its list under it: it
    specifies what it names, and gains no reason, decision or figure from the items, which
    stay claims of their own."""
    out: list[Claim] = []
    for index, claim in enumerate(claims):
        text = claim.text.rstrip()
        if (
            claim.kind in _PROSE
            and text.endswith(":")
            and claim.features.concepts
            and len(text.split()) <= _LEAD_IN_WORDS
            and not _REASONS_LABEL.fullmatch(claim.text)
        ):
            label = (*claim.headings, text.rstrip(":").strip())
            items = []
            for following in claims[index + 1 :]:
                if following.kind != ITEM or following.headings != label:
                    break
                items.append(following.text)
            if len(items) >= 2:
                features = replace(claim.features, specific=True)
                out.append(Claim(claim.line, claim.quote, claim.text, claim.kind,
                                 claim.headings, features))  # fmt: skip
                continue
        out.append(claim)
    return out


_LEAD_IN_WORDS = 8  # as long as a label heading a list may be (language.claims)


def _join_labelled_parts(claims: list[Claim], reread: _Reread) -> list[Claim]:
    """A decision listed with its parts, each under a label that names its role:
    "- *Trade-off:* We keep a copy of each post id per follower.", "- *Justification:*
    memory is cheap; joins at read time are not." A reader weighs the decision with its
    labelled reason and cost; read apart, the decision has neither and the reason decides
    nothing. Each labelled part is joined to the nearest decision of its group (the claims
    just before it under the same headings, or the label line heading them: "Cassandra vs.
    a relational DB:") and is not counted again on its own."""
    joined: list[Claim] = []
    roles: dict[int, set[str]] = {}  # the labels each decision has taken its parts under
    # Parts listed before the decision they weigh ("*Options:* ...", "*Tradeoff:* pgvector
    # scales poorly ...", "*Decision:* Qdrant."): joined to it once it is labelled.
    ahead: list[int] = []
    dropped: set[int] = set()
    for claim in claims:
        if ahead and not _same_group(joined[ahead[-1]], claim):
            ahead = []
        label = lexicon.ROLE_LABEL.match(claim.text) if claim.kind in _PROSE else None
        if label is not None:
            target = _labelled_decision(joined, claim)
            role = label.group(1).lower()
            # A second "Pros:" belongs to another option than the one that has its pros:
            # "Strict: ... Pros: ... Cons: ...", "Relaxed approach (...): ... Pros: ...".
            if target is not None and role not in roles.setdefault(target, set()):
                roles[target].add(role)
                joined[target] = reread.joined(joined[target], claim)
                continue
            if target is None:
                ahead.append(len(joined))
        elif ahead and claim.kind in _PROSE and _DECISION_LABEL.match(claim.text):
            merged = claim
            for index in ahead:
                merged = reread.joined(merged, joined[index])
            dropped.update(ahead)
            ahead = []
            joined.append(merged)
            continue
        joined.append(claim)
    return [c for i, c in enumerate(joined) if i not in dropped] if dropped else joined


# A claim that says it is the decision its group weighs: "*Decision:* Qdrant.", "Choice:".
_DECISION_LABEL = re.compile(
    r"^\W*(?:decision|choice|chosen|our choice|we pick|selected|recommendation)\W*:(?=\W*\w)",
    re.I,
)


def _same_group(earlier: Claim, claim: Claim) -> bool:
    """Whether `claim` is listed with `earlier`: under the same headings, on the same line
    or one or two lines below."""
    return earlier.headings == claim.headings and 0 <= claim.line - earlier.line <= 2


_GROUP_REACH = 8  # claims looked back over for the decision a labelled part belongs to

# A failure and its answer listed as labelled parts, as a failure table's columns are:
# "- *Failure:* the gateway cannot reach Redis", "- *Mitigation:* Fail-Open Policy."
_FAILURE_LABEL = re.compile(
    r"^\W*(?:failures?|failure modes?|scenarios?|problems?|risks?|what (?:fails|breaks))\W*:"
    r"(?=\W*\w)",
    re.I,
)
_MITIGATION_LABEL = re.compile(
    r"^\W*(?:(?:primary|secondary) )?(?:mitigations?|responses?|recovery|fix(?:es)?|remed(?:y|ies)"
    r"|handling)\W*:(?=\W*\w)",
    re.I,
)


def _answer_labelled_failures(claims: list[Claim]) -> list[Claim]:
    """A "Mitigation:" part listed after the "Failure:" (or "Scenario:") part it answers,
    in the same group (the claims just before it under the same headings): the pair is a
    failure with its response whatever verb the mitigation uses ("*Mitigation:* Use the
    gateway's local time and pass it to Redis"), as a failure table's row is. The failure
    may also be said in a plain sentence just before the label, in the same section ("If
    the primary region goes down, uploads stop." then "- **Mitigation:** a standby region
    takes writes."): the sentence names what fails, the label answers it."""
    out = list(claims)
    for index, claim in enumerate(out):
        if claim.features.failure_response or claim.kind not in _PROSE:
            continue
        if not _MITIGATION_LABEL.match(claim.text):
            continue
        last = claim.line
        for earlier in reversed(out[max(0, index - _GROUP_REACH) : index]):
            if earlier.headings != claim.headings or not 0 <= last - earlier.line <= 2:
                break
            last = earlier.line
            if _FAILURE_LABEL.match(earlier.text) or _states_failure(earlier):
                features = replace(claim.features, failure_response=True)
                out[index] = Claim(claim.line, claim.quote, claim.text, claim.kind,
                                   claim.headings, features)  # fmt: skip
                break
    return out


def _states_failure(claim: Claim) -> bool:
    """A sentence of prose that names a failure ("crashes", "an outage", "goes down") and
    answers none itself: the failure a "Mitigation:" label just after it responds to."""
    f = claim.features
    return claim.kind == SENTENCE and "failure-handling" in f.concepts and not f.failure_response


def _labelled_decision(done: list[Claim], part: Claim) -> int | None:
    """The index in `done` of the decision `part` is a labelled part of, if any: the
    nearest claim that decides, among the claims just before it (each within two lines of
    the next) under the same headings, or the label line that heads them."""
    group = part.headings
    label = group[-1] if group else ""
    last = part.line
    for index in range(len(done) - 1, max(-1, len(done) - 1 - _GROUP_REACH), -1):
        earlier = done[index]
        if earlier.kind not in _PROSE or not 0 <= last - earlier.line <= 2:
            return None
        last = earlier.line
        heads = earlier.headings == group[:-1] and bool(label) and earlier.text.startswith(label)
        if earlier.headings != group and not heads:
            return None
        if _decides(earlier):
            return index
        if heads:
            return None
    return None


_CLAUSE_END = re.compile(r"[.;:!?]\s|$")


def _praise_is_the_reason(text: str, at: int) -> bool:
    """Whether the clause opened by the reason word at `at` is general praise of a product
    (`lexicon.EMPTY_PROPERTY`'s "because it is highly scalable", "can handle basically
    unlimited throughput"), and only such praise gives the reason."""
    end = _CLAUSE_END.search(text, at)
    clause = text[at : end.start() if end is not None else len(text)]
    return lexicon.EMPTY_PROPERTY.search(clause) is not None


def _closes_weighing(claim: Claim, previous: Claim) -> bool:
    """Whether `claim` is the decision a weighing on its own line leads to: "Fixed-size vs.
    semantic: fixed-size with overlap is simple and works well; semantic chunking preserves
    meaning better but is slower. We choose recursive character split as a good balance."
    Read apart, the options and costs decide nothing and the decision weighs nothing; a
    reader reads the item whole. Only a sentence that weighs (sets an alternative aside or
    states a cost) and decides nothing itself is joined."""
    if claim.kind not in _PROSE or previous.kind != claim.kind or claim.line != previous.line:
        return False
    if claim.headings != previous.headings:
        return False
    f, p = claim.features, previous.features
    if not f.decision or f.alternative or f.cost or f.hedge:
        return False
    return (p.alternative or p.cost) and not p.decision


def _sets_against(claim: Claim, previous: Claim) -> bool:
    """Whether `claim` opens "Instead," right after `previous` in the same paragraph: what
    it does is set against what the sentence before rejected ("Celebrities do not push.
    Instead, followers pull their posts at read time."). Read together, the pair weighs an
    alternative; read apart, "Instead, ..." is set against nothing a reader can see."""
    if claim.kind not in _PROSE or previous.kind != claim.kind:
        return False
    if claim.headings != previous.headings or not 0 <= claim.line - previous.line <= 1:
        return False
    return lexicon.SETS_AGAINST.match(claim.text) is not None


# What follows the option a list item opens with, when it names the case the option is
# chosen for: "`fail-open` for low-risk traffic", "fail closed when the caller is anonymous".
_CASE = re.compile(r"[`*_\"']*\s*(?:for|when|if|during)\s+\w", re.I)


def _contrast_siblings(claims: list[Claim], reread: _Reread, table: object) -> list[Claim]:
    """Sibling list items that each open with a different option of one concept and name
    the case it is chosen for: "- `fail-open` for low-risk authenticated traffic",
    "- `fail-closed` for abuse-prone endpoints". A reader sees one decision weighed per
    case, each option rejected where the other is chosen; read apart, each bullet only
    names an option. Each is read with its sibling as the alternative it is set against."""
    out = list(claims)
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        if first.kind != ITEM or second.kind != ITEM or first.headings != second.headings:
            continue
        if second.line - first.line != 1 or "(vs " in first.text or "(vs " in second.text:
            continue
        shared = first.features.concepts & second.features.concepts
        if not shared:
            continue
        lead_a = _leading_term(first.text, table)
        lead_b = _leading_term(second.text, table)
        if lead_a is None or lead_b is None or lead_a[0] != lead_b[0] or lead_a[0] not in shared:
            continue
        if _squash(lead_a[1]) == _squash(lead_b[1]):
            continue  # the same option twice is a list, not a contrast
        out[index] = reread(first, f"{first.text} (vs {second.text})")
        out[index + 1] = reread(second, f"{second.text} (vs {first.text})")
    return out


def _leading_term(text: str, table: object) -> tuple[str, str] | None:
    """The concept and term a claim opens with, when the case it is chosen for follows it
    at once ("`fail-open` for ..."); None for any other claim."""
    lowered = text.lower()
    opening = len(lowered) - len(lowered.lstrip(" `*_\"'"))
    for concept_id, start, end, term in _matches(lowered, table):  # type: ignore[arg-type]
        if start <= opening + 1 and _CASE.match(lowered, end):
            return concept_id, term
    return None


def _squash(term: str) -> str:
    """A term without spaces, hyphens and a trailing "s": "fail open" is "fail-open"."""
    return re.sub(r"[\s-]+", "", term).removesuffix("s")


def _decides(claim: Claim) -> bool:
    """A claim that makes a design decision a reason can be given for: one that says it
    decides ("we store", "chose", "sits between") or weighs an alternative, or an imperative
    that picks a component or technique ("Use a token bucket ..."), or a component named as
    the label of what it does ("Local cache: each app node keeps the top 10,000 codes in
    memory."). "Users upload 500 hours a minute" names an upload but decides nothing."""
    f = claim.features
    if f.hedge:
        return False
    if f.decision or f.alternative:
        return True
    return bool(f.choices) and bool(
        _IMPERATIVE.match(claim.text) or _LABELLED.match(claim.text) or _PICK.match(claim.text)
    )


# "Local In-Process Cache (Caffeine/LRU): each app node keeps ...": a part and what it does.
_LABELLED = re.compile(r"[^:.;]{2,48}:\s+\S")
# "Qdrant (self-hosted, 3-node RF=2).": the part picked, named alone with its settings, as
# a label names it.
_PICK = re.compile(r"\W*[\w.-]+(?: [\w.-]+)?\s*\([^()]{2,60}\)\W*$")
_IMPERATIVE = re.compile(
    r"\W*(?:use|pick|choose|go with|store|keep|run|deploy|put|shard|partition|replicate|cache"
    r"|serve|send|write|split|push|pull)\b",
    re.I,
)


def _gives_reason_for(claim: Claim, previous: Claim) -> bool:
    """Whether `claim` is the reason (or cost) of the decision just before it, in the same
    paragraph or the next line: "We store chunks in S3. This keeps the app servers
    stateless." A careful reader joins the two; read apart, the decision has no reason and
    the reason decides nothing. The joined claim keeps the decision's line and quote."""
    if claim.kind not in _PROSE or previous.kind != claim.kind:
        return False
    if claim.headings != previous.headings or not 0 <= claim.line - previous.line <= 1:
        return False
    if not lexicon.may_hold(claim.text[:24], lexicon.BACK_REASON_STEMS):
        return False
    # "Decision: Qdrant. It supports HNSW ... and payload filtering (which we use for RBAC)":
    # a sentence that points back and gives a reason of its own is that decision's reason.
    if lexicon.BACK_REASON.match(claim.text) is None and not (
        claim.features.reason and _POINTS_BACK.match(claim.text)
    ):
        return False
    return _decides(previous)


def _refers_back(claim: Claim, previous: Claim) -> bool:
    """Whether `claim` is a clause of the same line that goes on about what the clause before
    it named, by a pronoun: "Rules live in a config service; gateways cache them for 30 s".
    Split at the semicolon, the first clause names the config service and says nothing of
    it, and the second says how it is used but not of what; a reader reads them as one."""
    if claim.kind not in _PROSE or previous.kind != claim.kind or claim.line != previous.line:
        return False
    if not previous.features.concepts or previous.features.concepts & claim.features.concepts:
        return False
    if _REFERS_BACK.search(claim.text[:60]) is not None:
        return True
    # ... or with no subject of its own, which it takes from the clause before: "Works
    # offline; syncs when a connection returns" is one thing doing both.
    if _NO_SUBJECT.match(claim.text) is not None:
        return True
    # ... or by "the" and a word the clause before it said: "Every POST takes an
    # Idempotency-Key header; we store the key, a hash of the body and the response for 24 h"
    said = set(_WORD.findall(previous.text.lower())) - _NOT_A_REFERENT
    return any(m.group(1).lower() in said for m in _THE_WORD.finditer(claim.text[:60]))


# An object or possessive pronoun early in a clause: "gateways cache them", "its TTL is".
# "it" as the object of a verb points back too: "FeeCalculator is an interface; HourlyFee
# implements it, so weekend pricing is a new class" (as a subject, "it" may open any clause).
_REFERS_BACK = re.compile(r"\b(?:them|its|their)\b|\b[a-z]+s it\b", re.I)
# A clause that opens on a verb in the third person, written lower-case after the ";", and
# goes straight on to when or to what: "syncs when ...", "retries it once". ("reads from
# replicas" may open on a noun: only a subordinator, a pronoun or an adverb follows here.)
_NO_SUBJECT = re.compile(
    r"\W*[a-z]+(?<!s)s\s+(?:when|whenever|if|once|after|until|while|it|them|its|their"
    r"|automatically|again|back|locally|later)\b"
)
_THE_WORD = re.compile(r"\bthe\s+([A-Za-z][A-Za-z]+)\b")
_WORD = re.compile(r"[a-z]+")
# Words after "the" that point at no one thing said before: "the same", "the rest".
_NOT_A_REFERENT = frozenset("the a an same other first last next whole rest most end".split())


_POINTS_BACK = re.compile(r"\W*(?:it|this|that|these|they)\b", re.I)


_PROSE = frozenset({SENTENCE, ITEM})


_CACHE_SIZE = 16384
_cache: dict[tuple[str, str, tuple[str, ...], int], Features] = {}
_claims: dict[tuple[Claim, int], Claim] = {}


def _cached_features(
    text: str,
    kind: str,
    headings: tuple[str, ...],
    table_key: int,
    table: object,
    mechanism_ids: frozenset[str],
    choice_ids: frozenset[str],
    component_ids: frozenset[str],
) -> Features:
    """Features depend only on a claim's words, kind and headings: a design reviewed again
    (each turn of a mock interview, each save in the editor) re-reads only what changed."""
    key = (text, kind, headings[-2:], table_key)
    found = _cache.get(key)
    if found is None:
        if len(_cache) >= _CACHE_SIZE:
            _cache.clear()
        claim = Claim(0, text, text, kind, headings)
        found = _cache[key] = _features(claim, table, mechanism_ids, choice_ids, component_ids)
    return found


def clear_cache() -> None:
    """Forget every analysed claim and matched text (for benchmarks that measure a cold read),
    and every other cache keyed by a design's text (`tradeoff.text_caches`)."""
    _cache.clear()
    _claims.clear()
    _LABELS.clear()
    _FUTURE.clear()
    clear_matches()
    SCREEN.clear()
    clear_text_caches()


# A table row whose label gives the unit of its bare value: "Parameter: Peak read RPS (3x).
# Value: ~350,000", "Metric: Storage (GB). Value: 120".
_LABELLED_VALUE = re.compile(
    r"\b(?:qps|rps|tps|[kmgtp]i?b|bytes|ms|seconds|per (?:second|day))\b[^.]*\.\s*[^:.]{1,20}:"
    r"\s*[~≈]?\d",
    re.I,
)


# The figure of a row of a table of figures, however bare: "Value: 200 000".
_VALUE_CELL = re.compile(r"(?:^|\.\s)(?:values?|estimates?|amounts?)\s*:\s*[~≈]?\d", re.I)


def _quantities(kind: str, text: str) -> int:
    """How many quantities a text states: the lexicon's quick reading, or the estimate
    grammar's rates and sizes when it reads more ("50,000 acquires a second", "100,000
    replicated writes a second": a rate of any noun, a noun after an adjective), so a
    derivation said aloud in such words is an estimate to the reviewer as to the checker.
    A table row whose label holds the unit ("Peak read RPS | ~350,000") states one."""
    found = len(lexicon.QUANTITY.findall(text))
    if may_state_dimension(text):  # no unit word: no rate or size to count (most claims)
        found = max(found, sum(1 for f in find_quantities(text) if f.dims != (0, 0)))
    if not found and kind == ROW and _LABELLED_VALUE.search(text) is not None:
        return 1
    if not found and kind == ROW and _VALUE_CELL.search(text) is not None:
        return 1  # "Item: Total documents. Value: 200 000": the label says what it counts
    return found


def _spelled_rates(text: str) -> int:
    """Rates written in words ("one request per host per second"), for a line with no digit."""
    return len(SCREEN.findall(lexicon.SPELLED_RATE, text))


def _features(
    claim: Claim,
    table: object,
    mechanism_ids: frozenset[str],
    choice_ids: frozenset[str],
    component_ids: frozenset[str],
) -> Features:
    text = clean_line(claim.text)
    lowered = text.lower()
    header_names = _row_headers(claim) if claim.kind == ROW else ""
    # A list of names holds three of them: most claims hold none (one look-up of the
    # screen's answer for the text, where splitting the claim into words took a pass).
    listed = SCREEN.holds(_BRAND_STEMS, text) and _is_name_list(lowered)
    status = _sentence_status(text, listed)
    if claim.headings and _under_future_heading(claim.headings[-2:]):
        # Under "Extension Ideas" or "Future work" a line proposes, it does not design:
        # "Longer TTL for known heavy hitters" there is no hot-key handling of the design.
        status = OPTION
    # "a Memory Cache such as Redis or Memcached": the "or" offers examples of what the
    # sentence chose, not options it leaves open. When the words before the examples
    # decide, only the examples are options.
    examples = len(text)
    if status == OPTION:
        found = _EXAMPLES.search(text)
        if found is not None and _sentence_status(text[: found.start()], listed) != OPTION:
            examples, status = found.start(), _sentence_status(text[: found.start()], listed)
    meant: set[str] = set()
    options: set[str] = set()
    negated: set[str] = set()
    branded: set[str] = set()
    named: list[tuple[int, int]] = []  # spans of the names of things (components, techniques)
    first_named: dict[str, int] = {}  # where each concept meant is first named
    may_negate = SCREEN.may_match(_NEGATORS, text)  # no words of it: nothing is negated
    responses: list[tuple[int, int]] = []  # the names among them that are failure responses
    # A "Metric" column over figures labels what a row estimates; it monitors nothing.
    label = operations.metric_column(text) if claim.kind == ROW else None
    # Whether the shards are an erasure code's and the partition a network's is asked only
    # of a claim that names a shard or a partition (a few in a design), then kept.
    coded: bool | None = None
    split: bool | None = None
    for concept_id, start, end, term in _matches(lowered, table):  # type: ignore[arg-type]
        if label is not None and start >= label[0] and end <= label[1]:
            continue
        if term in _SHARD_NOUNS:
            if coded is None:
                coded = _CODED_SHARDS.search(text) is not None
            if coded:
                continue  # an erasure code's pieces of one object, no partition of the data
        if term in _PARTITION_NOUNS:
            if split is None:
                split = _NETWORK_SPLIT.search(text) is not None
            if split:
                continue  # a network split: "if a partition cannot reach a quorum"
        if concept_id in choice_ids:
            named.append((start, end))
            if concept_id in RESPONSE_CONCEPTS or concept_id in FAILURE_EVENT_CONCEPTS:
                responses.append((start, end))
        if (may_negate and _negated(text[:start])) or rejected_after(text[end:]):
            negated.add(concept_id)
        elif status in (OPTION, LISTED) or start >= examples:
            options.add(concept_id)
        else:
            meant.add(concept_id)
            first_named.setdefault(concept_id, start)
            if term in _BRAND_WORDS:
                branded.add(concept_id)
    if (
        "failover" not in meant
        and "failover" in table.concept_ids  # type: ignore[attr-defined]
        and operations.fails_over(text)
    ):
        # "if a provider is down we route new payments to the other one" fails over as
        # surely as "we fail over to the other provider" (`operations.fails_over`).
        (options if status in (OPTION, LISTED) else meant).add("failover")
    negated -= meant
    heading = claim.heading
    # Evidence is read from the words around the names of things, never from inside a name:
    # "read receipts", "key-value store" and "fail-open versus fail-closed" name concepts;
    # they do not trace a flow or weigh an alternative.
    prose = _mask(text, named) if named else text
    said = _labelled(header_names, heading)  # what its heading and column names say
    # A row of a comparison table that marks its chosen option (a column "Hybrid (chosen)"
    # beside "Push-only" and "Pull-only", or the row "Token bucket (chosen)" above the
    # others): the row weighs the chosen option against the rest on its criterion.
    compared = claim.kind == ROW and _compares_chosen(claim.text, header_names)
    # The points listed under an option marked chosen among its siblings ("### Option 1:
    # Redis sorted sets (Chosen)" over "- precise counting", beside "### Option 2: ..."):
    # each is a merit the chosen option wins on, as a chosen row's cells are.
    compared = compared or (
        claim.kind == ITEM and bool(heading) and lexicon.CHOSEN.search(heading) is not None
    )
    # A purpose clause whose verb is a concept's name ("to decouple the write from the
    # fan-out", "to recover") gives a reason all the same: that verb stays readable.
    purposes = [span for span in named if _purpose_verb(lowered, span[0])]
    reason_prose = _mask(text, [s for s in named if s not in purposes]) if purposes else prose
    # Under "Rationale", or after a "Justification:" label of its own row, "Lua scripts,
    # which ensures correctness." or "Guarantees high availability." still gives none.
    # (Read only when a reason word or a reason label makes it matter: most claims have neither.)
    stated = SCREEN.search(lexicon.REASON, reason_prose)
    motives = _motives(reason_prose, stated, first_named)
    if (
        stated is not None
        and claim.kind == ROW
        and _FIGURE_TABLE.search(header_names) is not None
        and _REASON_LABEL.fullmatch(stated.group(0).strip())
    ):
        # "Item: Network RTT. Value: 1-2 ms. Rationale: same datacenter": the column's name
        # is no reason word of the cell, which says where the figure comes from; a cell that
        # says what the chosen value does ("Keeps embeddings stable") still gives one.
        cell = text[stated.end() :]  # unmasked: "Balance" also names a ledger's balance
        if _EFFECT_CELL.match(cell) is None:
            stated = SCREEN.search(lexicon.REASON, cell)
            motives = frozenset()
    hollow = (stated is not None or said.reason) and lexicon.EMPTY_PROPERTY.search(text) is not None
    if stated is not None and hollow and _REASON_LABEL.fullmatch(stated.group(0).strip()):
        stated = None  # the label is the only reason word: what follows it is the property
        motives = frozenset()
    if stated is not None and hollow and _praise_is_the_reason(text, stated.start()):
        # "because it is highly scalable and always available": the clause "because" opens
        # praises the product in general and says nothing of this design's need
        stated = None
        motives = frozenset()
    reason = compared or stated is not None or (said.reason and not hollow)
    if "instead of" in prose.lower():
        prose = lexicon.QUANTITIES_COMPARED.sub(lambda m: "Q" * len(m.group()), prose)
    alternative = compared or bool(SCREEN.search(lexicon.ALTERNATIVE, prose)) or said.alternative
    if ": " in text and claim.kind in (ITEM, SENTENCE):
        labelled_choice, explained = lexicon.weighs_in_a_label(text, " ".join(claim.headings))
        alternative = alternative or labelled_choice
        reason = reason or explained
        if not alternative and heading and claim.kind == ITEM:
            alternative = lexicon.picks_a_side(text, heading)
    cost = bool(SCREEN.search(lexicon.COST, prose)) or said.cost
    # Numbers, derivations, sizings and thresholds all need a digit (or a number word for
    # a sizing); most prose has none, and these are the costliest patterns to try.
    digits = _DIGIT.search(text) is not None
    growth = False
    if digits and claim.kind != CODE and ("x" in lowered or "×" in text):
        # "the first thing to break at 10x is fan-out": the growth an answer imagines is no
        # figure of the design, and says nothing checkable of what the sentence names
        scenario = _SCENARIO.sub(_unless_threshold, text)
        if scenario != text:
            text, lowered = scenario, scenario.lower()
            digits = _DIGIT.search(text) is not None
            growth = not digits
    code_arith = digits and claim.kind == CODE and _ARITH_CODE.search(text) is not None
    derivation = code_arith or (
        digits
        and (
            lexicon.is_derivation(text)
            or lexicon.is_formula(text)
            or lexicon.is_conversion(text)
            or _spoken_result(text)
        )
    )
    fluff = not digits and is_fluff(text)
    sized = (digits or _NUMBER_WORD.search(lowered) is not None) and bool(lexicon.is_sizing(text))
    watched = (digits or "slo" in lowered or "burn" in lowered) and (
        operations.monitoring_signal(text, heading) is not None
    )
    control = operations.security_control(text)
    watched_only = claim.kind == CODE and lexicon.is_metric_sample(text)
    if watched_only:
        # "rate_limit_local_fallback_active 1": a metric's sample names what is watched; the
        # words of its name are mentions: no mechanism, choice or specific of the design
        branded |= meant
    return Features(
        concepts=frozenset(meant),
        options=frozenset(options),
        negated=frozenset(negated),
        mechanisms=frozenset((meant & mechanism_ids) - branded),
        choices=frozenset(meant & choice_ids) if not watched_only else frozenset(),
        motives=motives,
        quantities=_quantities(claim.kind, text) if digits else _spelled_rates(text),
        derivation=derivation,
        sizing=sized,
        specific=not watched_only and _is_specific(claim.kind, text, digits),
        growth=growth,
        reason=reason and not fluff and SCREEN.search(lexicon.ABOUT_THE_TEXT, text) is None,
        alternative=alternative,
        cost=cost,
        decision=status not in (OPTION, LISTED)
        and (SCREEN.search(lexicon.DECIDES, text) is not None or said.decision_heading),
        hedge=(not prose.isascii() or SCREEN.holds(lexicon.HEDGE_STEMS, prose))
        and SCREEN.search(lexicon.HEDGE, prose) is not None,
        deferred=(not text.isascii() or SCREEN.holds(lexicon.DEFERRED_STEMS, text))
        and SCREEN.search(lexicon.DEFERRED, text) is not None,
        failure_response=operations.failure_response(
            _mask(text, [span for span in named if span not in responses]) if named else text,
            " > ".join(claim.headings[-2:]),
        )
        is not None
        or (claim.kind == ROW and _pairs_failure_columns(text)),
        monitoring=watched,
        security_control=control is not None,
        control=control or "",
        flow=len(meant & component_ids) >= 2 and SCREEN.search(lexicon.FLOW, prose) is not None,
        fluff=fluff,
    )


@dataclass(frozen=True)
class _Labels:
    """What a claim's heading and a row's column names say of it, whatever its words."""

    reason: bool
    alternative: bool
    cost: bool
    decision_heading: bool


_LABELS: dict[tuple[str, str], _Labels] = {}
_FUTURE: dict[tuple[str, ...], bool] = {}


def _under_future_heading(headings: tuple[str, ...]) -> bool:
    """Whether a claim's last two headings title future work (`_FUTURE_HEADING`). Every
    claim of a section shares them, so they are searched once per section, not per claim."""
    found = _FUTURE.get(headings)
    if found is None:
        if len(_FUTURE) >= _CACHE_SIZE:
            _FUTURE.clear()
        found = _FUTURE[headings] = _FUTURE_HEADING.search(" ".join(headings)) is not None
    return found


# A cell that opens with what a chosen value does ("Keeps embeddings stable", "Preserve
# edge context", "Balance context vs precision", "Distribute hot keys", "To absorb
# bursts"), or works out the room it leaves ("62^7 = 3.5 trillion capacity").
_EFFECT_CELL = re.compile(
    r"\W*(?:to\s+)?(?:keeps?|reduces?|avoids?|prevents?|preserves?|cuts?|bounds?|caps?|lets?"
    r"|saves?|halves?|limits?|spreads?|absorbs?|isolates?|decouples?|simplif(?:y|ies)"
    r"|protects?|eliminates?|fits?|smooths?|amorti[sz]es?|minimi[sz]es?|balances?"
    r"|distributes?)\b"
    r"|[^;]*\d[^;]*\b(?:capacity|headroom|combinations)\b",
    re.I,
)
# The column of a table of figures: what each row estimates is its value.
_FIGURE_TABLE = re.compile(
    r"\b(?:values?|estimates?|figures?|calculations?|amounts?|quantit(?:y|ies))\b", re.I
)


def _labelled(header_names: str, heading: str) -> _Labels:
    """What the labels over a claim say: its items are reasons, alternatives or costs, or
    it sits under a decision heading. Every claim of a section (every row of a table)
    shares them, so they are read once per heading and column names, not once per claim."""
    key = (header_names, heading)
    found = _LABELS.get(key)
    if found is not None:
        return found
    # What a claim's own label says of it: the items under "Why:", "Cons:" or "Why X
    # instead of Y?" are reasons, costs and alternatives as much as a table column's cells.
    # Only a short label names what its items are ("Why", "Cons", "Alternatives considered");
    # a longer line before a list ("see the links for trade-offs and alternatives:") does not.
    # A "Why ...?" heading names its items' role whatever its length ("Why not other
    # algorithms?" heads rejected alternatives).
    label = heading if len(heading.split()) <= 3 or _WHY_LABEL.match(heading) else ""
    labels = f"{header_names} {label}".strip()
    # A table's columns say which of its cells is a cost ("| Decision | Benefit | Cost |");
    # the heading over it only titles the table. Under "Key Tradeoffs" a row "Decision: URL
    # expiration. Option A: Never. Option B: Configurable. Recommendation: Default never"
    # picks an option and states no cost; under "Cost" a row "Item: GPUs. Total: $9k" is a
    # budget line. (A label over a list, "Cons:" or "Trade-offs:", still makes its items costs.)
    costs = header_names or labels
    found = _Labels(
        # Beside a column of figures ("| Item | Value | Rationale |") the rationale says
        # where a figure comes from ("Node to cluster in one datacenter", "~12 GB"), not
        # why the design chose something: only a reason word in the cell gives one there.
        reason=bool(labels and lexicon.REASON_COLUMN.search(labels))
        and _FIGURE_TABLE.search(header_names) is None,
        alternative=bool(
            labels
            and (
                lexicon.ALTERNATIVE_COLUMN.search(labels)
                or SCREEN.search(lexicon.ALTERNATIVE, heading)
            )
        ),
        cost=bool(costs and lexicon.COST_COLUMN.search(costs)),
        decision_heading=_DECISION_HEADING.search(heading) is not None,
    )
    if len(_LABELS) >= _CACHE_SIZE:
        _LABELS.clear()
    _LABELS[key] = found
    return found


def _motives(
    prose: str, stated: re.Match[str] | None, first_named: dict[str, int]
) -> frozenset[str]:
    """The concepts named only inside the purpose or cause clause `stated` opens after the
    decision: what the decision serves, not what it decides ("results cached per user for 5
    min to reduce DB pressure" chooses a cache; the database is why). Only a clause that
    follows its decision in the same sentence is read so: one that opens the sentence ("To
    absorb bursts, writes go through Kafka") comes before what it explains, ", so ..." states
    the consequence, and a label ("Rationale:", "Why:") heads a cell that may name the choice
    itself."""
    if stated is None or not first_named:
        return frozenset()
    word = stated.group(0).strip().lower()
    if not _PURPOSE_OR_CAUSE.match(word):
        return frozenset()
    begin = stated.start()
    sentence = max(prose.rfind(". ", 0, begin), prose.rfind(": ", 0, begin))
    if not prose[sentence + 1 : begin].strip(" \t*_-#>"):
        return frozenset()  # the clause opens its sentence: nothing decided before it
    # the clause ends at its sentence's or its own comma's end
    ends = [at for at in (prose.find(". ", begin), prose.find(",", begin)) if at >= 0]
    end = min(ends, default=len(prose))
    return frozenset(c for c, at in first_named.items() if begin <= at < end)


_PURPOSE_OR_CAUSE = re.compile(r"(?:to|in order to|so that|because|since|due to)\b")


def without_reason(text: str) -> str:
    """A sentence less the cause or purpose clause that follows what it decides (the clause
    `_motives` reads): what the sentence says is done, not why. "Privacy checks happen on
    every read in the API layer, because the cache must never leak a profile that a block
    hides" does the checks; the cache, the leak and the block are why. A clause that opens
    its sentence, or a text with none, is kept whole."""
    stated = SCREEN.search(lexicon.REASON, text)
    if stated is None or not _PURPOSE_OR_CAUSE.match(stated.group(0).strip().lower()):
        return text
    begin = stated.start()
    sentence = max(text.rfind(". ", 0, begin), text.rfind(": ", 0, begin))
    if not text[sentence + 1 : begin].strip(" \t*_-#>"):
        return text
    ends = [at for at in (text.find(". ", begin), text.find(",", begin)) if at >= 0]
    return text[:begin] + text[min(ends, default=len(text)) :]


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by a placeholder word of the same length. Spans may
    overlap (a term inside a longer one); the text between them is copied in slices."""
    pieces: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        start = max(start, at)
        pieces.append(text[at:start])
        pieces.append("Q" * (end - start))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


# A digit that starts a number: "12 shards", "p99 < 80 ms", "v2"'s "2" is glued to a letter.
_NUMBER = re.compile(r"(?<![A-Za-z])\d")
# A growth scenario: "at 10x", "10x the traffic", "at 100x scale", "if traffic grows 10x".
# Not "at 1x speed" (an encoder as fast as playback) nor "3x the weekly baseline".
_SCENARIO = re.compile(
    r"\b(?:at|to|by|grows?|growth of|with)\s+(?:~\s*)?(?:[2-9]|\d\d+)\s*[x×](?=[\s,.;:)]|$)"
    r"(?!\s+(?:speed|real[- ]?time|faster|slower|the\s+(?:speed|rate|baseline|average|norm)"
    r"|(?:the\s+)?(?:weekly|daily|hourly)?\s*(?:baseline|average)))"
    r"(?:\s+(?:the\s+)?(?:traffic|load|scale|growth|users|volume|today))?"
    r"|\b(?:[2-9]|\d\d+)\s*[x×]\s+(?:the\s+)?(?:traffic|load|scale|growth|users|volume)\b",
    re.I,
)
# "alert at 3x the weekly baseline" sets a threshold: that number is the design's own.
_THRESHOLD_BEFORE = re.compile(
    r"\b(?:alerts?|alerting|pages?|paging|warns?|threshold|exceeds?|above|over|trips?)\b\W*$",
    re.I,
)


def _unless_threshold(found: re.Match[str]) -> str:
    before = found.string[max(0, found.start() - 30) : found.start()]
    return found.group(0) if _THRESHOLD_BEFORE.search(before) else " "


def _is_specific(kind: str, text: str, digits: bool) -> bool:
    """Whether a claim states something concrete a reader could check: code, an arrow of a
    diagram (a part's role in a flow), a number, an identifier or an endpoint.

    A box of a diagram names a part; its label is a name, not a statement, so "Object
    Store (S3-compatible)" or "Redis Shard 1" says nothing more of the part than "Object
    Store": only evidence in the label (a count, a size) specifies it. Nor is the digit of
    a product's name ("S3", "EC2", "L7") a number: "media goes to S3" names a store."""
    if kind == NODE:
        return False
    if kind in (CODE, EDGE):
        return True
    if digits and _NUMBER.search(text) is not None:
        return True
    return _specific(text)


# A call written with its arguments ("acquire(name, ttl)", "renew(lease)") is as concrete as
# an identifier; "server(s)" pluralises a word and calls nothing.
_CALL_WITH_ARGUMENTS = re.compile(r"\b[A-Za-z_]\w*\([A-Za-z_]\w+(?:\s*,\s*[A-Za-z_]\w+)*\)")


def _specific(text: str) -> bool:
    """`lexicon.SPECIFIC` without its digit (the caller knows): each other alternative
    holds a backtick, a slash, an underscore, "()", " by "/" on " (a key named), "aria-" or
    "role" (markup named) or "every " (an interval spelled out), which most prose lacks."""
    if "(" in text and _CALL_WITH_ARGUMENTS.search(text) is not None:
        return True
    if lexicon.CAMEL_CASE.search(text) is not None:
        return True
    lowered = text.lower()
    if not any(mark in text for mark in ("`", "/", "_", "()")) and not (
        " by " in lowered
        or " on " in lowered
        or "aria-" in lowered
        or "role" in lowered
        or "every " in lowered
    ):
        return False
    return lexicon.SPECIFIC.search(text) is not None


# The columns of a failure table: "| Failure | Impact | Mitigation |", "| Scenario | ... |
# Recovery |". A row there pairs its failure with its mitigation, whatever verb the
# mitigation uses ("CRC32C per block; a monthly scrubber verifies all chunks").
# A qualifier may come first or after: "| Potential Failure | ... | Mitigation Strategy |",
# "| Failure Scenario | ... |".
_FAILURE_COLUMN = re.compile(
    r"^(?:(?:potential|possible|likely|common|key|main) )?(?:failures?|faults?|scenarios?"
    r"|failure (?:modes?|scenarios?|cases?|types?)|what (?:fails|breaks)|risks?)$",
    re.I,
)
_ANSWER_COLUMN = re.compile(
    r"^(?:mitigations?|responses?|recovery|handling|fallbacks?|remed(?:y|ies)|fix(?:es)?"
    r"|mitigation ?/ ?recovery)(?: (?:strateg(?:y|ies)|plans?|steps?|approach(?:es)?"
    r"|actions?))?$",
    re.I,
)


def _pairs_failure_columns(text: str) -> bool:
    """Whether a table row (its cells prefixed by their column names) sits in a table with
    a failure column and a mitigation column, and fills both."""
    cells = dict((name.strip(), value.strip()) for name, value in _ROW_CELL.findall(text))
    failure = any(_FAILURE_COLUMN.match(n) and v for n, v in cells.items())
    answer = any(_ANSWER_COLUMN.match(n) and _ALNUM_WORD.search(v) for n, v in cells.items())
    return failure and answer


_ROW_CELL = re.compile(r"(?:^|\. )([^:.]{1,30}):\s*(.*?)(?=\.\s[^:.]{1,30}:\s|$)")
_ALNUM_WORD = re.compile(r"[A-Za-z]{2}")


def _purpose_verb(lowered: str, start: int) -> bool:
    """Whether the name at `start` is the verb of a purpose clause the lexicon reads as a
    reason ("to decouple ...")."""
    return lowered[max(0, start - 3) : start] == "to " and (
        lexicon.REASON.match(lowered, start - 3) is not None
    )


def _compares_chosen(text: str, header_names: str) -> bool:
    """Whether a table row sets a chosen option against others: the chosen mark in a
    column header among at least three columns (a criterion and two options or more), or
    in the row's own first cell."""
    if "(" not in text and "\u2705" not in text:
        return False
    if lexicon.CHOSEN.search(header_names):
        return len(_COLUMN_NAME.findall(text)) >= 3
    first = text.split(". ", 1)[0]
    return lexicon.CHOSEN.search(first) is not None


def _row_headers(claim: Claim) -> str:
    """The column names of a table row claim ("Alternative: Memcached. Why: ...")."""
    return " ".join(_COLUMN_NAME.findall(claim.text))


def _is_name_list(lowered: str) -> bool:
    """A claim that is mostly product names ("Kafka, Cassandra, Redis and Spark")."""
    words = _WORDS.findall(lowered)
    if len(words) < 3:
        return False
    names = sum(1 for w in words if w in _BRAND_WORDS)
    return names >= 3 and names * 2 >= len(words) - 2 and not lexicon.REASON.search(lowered)


__all__ = ["LISTED", "NEGATED", "OPTION", "analyse"]

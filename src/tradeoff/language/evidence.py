"""Evidence features of each claim: what it specifies beyond the concepts it names.

A claim that names a concept is a mention; a claim that names it *and* sizes it, gives a
reason, rejects an alternative, states a cost, pairs a failure with a response, sets an
alert threshold or names a concrete control is evidence. Rubric coverage and the ladders of
each review dimension are computed from these features, never from word counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tradeoff.catalog.vocabulary import Concept
from tradeoff.language import lexicon, operations
from tradeoff.language.claims import CODE, EDGE, ITEM, ROW, SENTENCE, Claim
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
)

MECHANISM_CATEGORIES = frozenset({"technique", "data"})
CHOICE_CATEGORIES = frozenset(
    {"component", "technique", "data", "api", "front-end", "object-oriented"}
)
_ARITH_CODE = re.compile(r"\d\s*(?:[x×*/+^-]|\bper\b)\s*\d|[=≈]\s*~?\d")
_DECISION_HEADING = re.compile(r"\bdecisions?\b|\bwhy\b|\bchoice\b|\bchose\b", re.I)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve"
    r"|sixteen|dozens)\b"
)
# The lexicon's patterns each claim is searched with, screened for their required words.
SCREEN.add(lexicon.REASON, lexicon.ALTERNATIVE, lexicon.COST, lexicon.DECIDES, lexicon.HEDGE,
           lexicon.DEFERRED, lexicon.FLOW)  # fmt: skip
# `lexicon.may_hold` is exact on ASCII text, as `holds` is: one pass answers both.
SCREEN.add_stems(lexicon.HEDGE_STEMS, lexicon.DEFERRED_STEMS)
_COLUMN_NAME = re.compile(r"(?:^|\. )([^:.]{1,30}):")
_WORDS = re.compile(r"[a-z0-9][a-z0-9.+-]*")
_BRAND_WORDS = frozenset(
    """
    redis memcached kafka cassandra dynamodb mongodb postgres postgresql mysql aurora
    elasticsearch opensearch rabbitmq sqs sns kinesis pulsar zookeeper etcd consul spark flink
    nginx haproxy envoy cloudfront akamai fastly cloudflare bigtable hbase spanner cockroachdb
    prometheus grafana datadog scylla s3 gcs kubernetes k8s
    """.split()
)


# `_BRAND_WORDS` as stems of the literal screen: a word of a text is a substring of it.
_BRAND_STEMS = tuple(sorted(_BRAND_WORDS))
SCREEN.add_stems(_BRAND_STEMS)

_WHY_LABEL = re.compile(r"\s*why\b", re.I)


def analyse(claims: Iterable[Claim], concepts: Iterable[Concept]) -> list[Claim]:
    """The claims with their `features` filled in."""
    pool = tuple(concepts)
    table = _cached_term_table(pool)
    mechanism_ids = frozenset(c.id for c in pool if c.category in MECHANISM_CATEGORIES)
    choice_ids = frozenset(c.id for c in pool if c.category in CHOICE_CATEGORIES)
    component_ids = frozenset(c.id for c in pool if c.category == "component")
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
        analysed.append(done)
    if any(_REASONS_LABEL.fullmatch(c.text) for c in analysed):
        analysed = _join_reason_lists(analysed, reread)
    return _contrast_siblings(analysed, reread, table)


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
    return bool(f.choices) and bool(_IMPERATIVE.match(claim.text) or _LABELLED.match(claim.text))


# "Local In-Process Cache (Caffeine/LRU): each app node keeps ...": a part and what it does.
_LABELLED = re.compile(r"[^:.;]{2,48}:\s+\S")
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
    if lexicon.BACK_REASON.match(claim.text) is None:
        return False
    return _decides(previous)


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
    """Forget every analysed claim and matched text (for benchmarks that measure a cold read)."""
    _cache.clear()
    _claims.clear()
    _LABELS.clear()
    clear_matches()
    SCREEN.clear()


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
    meant: set[str] = set()
    options: set[str] = set()
    negated: set[str] = set()
    branded: set[str] = set()
    named: list[tuple[int, int]] = []  # spans of the names of things (components, techniques)
    may_negate = SCREEN.may_match(_NEGATORS, text)  # no words of it: nothing is negated
    for concept_id, start, end, term in _matches(lowered, table):  # type: ignore[arg-type]
        if concept_id in choice_ids:
            named.append((start, end))
        if may_negate and _negated(text[:start]):
            negated.add(concept_id)
        elif status in (OPTION, LISTED):
            options.add(concept_id)
        else:
            meant.add(concept_id)
            if term in _BRAND_WORDS:
                branded.add(concept_id)
    negated -= meant
    heading = claim.heading
    # Evidence is read from the words around the names of things, never from inside a name:
    # "read receipts", "key-value store" and "fail-open versus fail-closed" name concepts;
    # they do not trace a flow or weigh an alternative.
    prose = _mask(text, named) if named else text
    said = _labelled(header_names, heading)  # what its heading and column names say
    reason = bool(SCREEN.search(lexicon.REASON, prose)) or said.reason
    alternative = bool(SCREEN.search(lexicon.ALTERNATIVE, prose)) or said.alternative
    cost = bool(SCREEN.search(lexicon.COST, prose)) or said.cost
    # Numbers, derivations, sizings and thresholds all need a digit (or a number word for
    # a sizing); most prose has none, and these are the costliest patterns to try.
    digits = _DIGIT.search(text) is not None
    code_arith = digits and claim.kind == CODE and _ARITH_CODE.search(text) is not None
    derivation = code_arith or (
        digits and (lexicon.DERIVATION.search(text) is not None or lexicon.is_formula(text))
    )
    fluff = not digits and is_fluff(text)
    sized = (digits or _NUMBER_WORD.search(lowered) is not None) and bool(
        lexicon.SIZING.search(text)
    )
    watched = (digits or "slo" in lowered or "burn" in lowered) and (
        operations.monitoring_signal(text, heading) is not None
    )
    return Features(
        concepts=frozenset(meant),
        options=frozenset(options),
        negated=frozenset(negated),
        mechanisms=frozenset((meant & mechanism_ids) - branded),
        choices=frozenset(meant & choice_ids),
        quantities=len(lexicon.QUANTITY.findall(text)) if digits else 0,
        derivation=derivation,
        sizing=sized,
        specific=claim.kind in (CODE, EDGE) or digits or _specific(text),
        reason=reason and not fluff,
        alternative=alternative,
        cost=cost,
        decision=status not in (OPTION, LISTED)
        and (SCREEN.search(lexicon.DECIDES, text) is not None or said.decision_heading),
        hedge=(not prose.isascii() or SCREEN.holds(lexicon.HEDGE_STEMS, prose))
        and SCREEN.search(lexicon.HEDGE, prose) is not None,
        deferred=(not text.isascii() or SCREEN.holds(lexicon.DEFERRED_STEMS, text))
        and SCREEN.search(lexicon.DEFERRED, text) is not None,
        failure_response=operations.failure_response(prose, " > ".join(claim.headings[-2:]))
        is not None,
        monitoring=watched,
        security_control=operations.security_control(text) is not None,
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
    found = _Labels(
        reason=bool(labels and lexicon.REASON_COLUMN.search(labels)),
        alternative=bool(
            labels
            and (lexicon.ALTERNATIVE_COLUMN.search(labels) or lexicon.ALTERNATIVE.search(heading))
        ),
        cost=bool(labels and lexicon.COST_COLUMN.search(labels)),
        decision_heading=_DECISION_HEADING.search(heading) is not None,
    )
    if len(_LABELS) >= _CACHE_SIZE:
        _LABELS.clear()
    _LABELS[key] = found
    return found


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


def _specific(text: str) -> bool:
    """`lexicon.SPECIFIC` without its digit (the caller knows): each other alternative
    holds a backtick, a slash, an underscore, "()" or " by "/" on " (a key named), which
    most prose lacks."""
    lowered = text.lower()
    if not any(mark in text for mark in ("`", "/", "_", "()")) and not (
        " by " in lowered or " on " in lowered
    ):
        return False
    return lexicon.SPECIFIC.search(text) is not None


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

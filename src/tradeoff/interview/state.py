"""What the interviewer knows about the conversation so far, updated once per turn.

Facts revealed, the interviewer's open questions and whether each was answered, dodged or
deferred, rubric items covered with substance or only mentioned (in what was said and in
the attached design), assumptions stated, decisions with and without reasons, numbers said
and written. The policy chooses moves from this and the report is written from it, so the
two never disagree about what the candidate covered.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tradeoff.catalog.derivation import NumberRef
from tradeoff.catalog.schema import Problem, RubricItem
from tradeoff.estimate.grammar import find_quantities
from tradeoff.interview.listener import Heard
from tradeoff.interview.numbers import (
    Spoken,
    counts_another_thing,
    given_clause,
    given_phrase,
    gives_too,
    is_interval,
    name_stems,
    names_another,
    names_figure,
    off_by,
)
from tradeoff.interview.questions import concept_tokens, questions_in, stems
from tradeoff.language import Claim
from tradeoff.language.contradiction import contradicts
from tradeoff.language.mentions import MentionIndex
from tradeoff.language.operations import failure_response
from tradeoff.review import coverage, substance, walkthrough
from tradeoff.review.products import brands_in

STATEFUL = substance.STATEFUL  # components that hold state
# Concepts that answer "what if it fails?": copies, takeover, or a way back.
REDUNDANCY = frozenset(
    """replication leader-follower multi-leader failover consensus quorum multi-region
    in-sync-replicas erasure-coding snapshot write-ahead-log""".split()
)
SUBSTANCE, MENTIONED = substance.SUBSTANCE, substance.MENTIONED
OPEN, ANSWERED, DODGED, DEFERRED, RETURNED = "open", "answered", "dodged", "deferred", "returned"


@dataclass(frozen=True)
class Support:
    """How an item is covered, with the words that cover it."""

    status: str  # substance or mentioned
    quote: str
    line: int  # turn number when said, design line when written
    source: str  # "said" or "design"
    # How much the quoted line says of the item (substance.citation_strength): a later line
    # that says more ("I chose a token bucket over a sliding log because ...") is quoted
    # instead of the first that specified it ("keeps token buckets in Redis").
    strength: tuple[int, int] = (0, 0)
    # Mentioned only through a concept beside the item (a catalog `mentions` concept its own
    # text never says): "500,000 location updates a second" for "Driver pings ... go over a
    # persistent connection", a matching line for the pricing service. The interviewer may
    # probe the item; the report never quotes the line as mentioning it.
    beside: bool = False
    # Met by parts said in different turns (an item that asks for each of its concepts):
    # the quote is only the turn that completed it, so a design line that states the whole
    # item is the better one to show.
    pieced: bool = False
    # Worked out, with its numbers, from a figure said against the one given ("10 million
    # orders a day is about 120 payments/s" after "About 5 million payments a day"): the
    # figure it starts from. Not "only mentioned": the working is there, its input is not
    # the interviewer's.
    worked_from: str = ""


@dataclass
class Ask:
    """A question or challenge the interviewer put and is waiting on."""

    text: str
    kind: str  # probe, failure, why, challenge, sanity, follow-up, wrap-up
    item: str | None
    phase: str
    concepts: frozenset[str] = frozenset()
    status: str = OPEN
    words: frozenset[str] = frozenset()  # its words and its rubric item's: the subject said
    # The turn in which the candidate put it off ("let's come back to that"), 0 if they did
    # not: a question put off and never taken up again is left unanswered, whereas one put
    # aside by a hint or by the interviewer moving on is not the candidate's to answer.
    put_off: int = 0
    # Put aside by a hint, until the candidate's next turn: "let's come back to that" said
    # right after a hint puts off the question the hint was for.
    hinted: bool = False


@dataclass(frozen=True)
class Stated:
    """A number or an assumption, with where it was stated."""

    line: int
    quote: str
    number: Spoken | None = None
    # Said in a step of working that does not come out as said ("50,000 sessions
    # heartbeating every 2 seconds is 100,000 per second"): no estimate to list as one.
    slipped: bool = False


@dataclass(frozen=True)
class Contradicted:
    """A figure the candidate said against one the interviewer had given: "Applications
    are kept for a year" after "Applications are kept for three years"."""

    line: int  # the candidate's turn
    said: str  # "a year", as said
    given: str  # "Applications are kept for three years", as the fact words it
    figure: str  # the reference figure's name (app_retention)
    ratio: float = 1.0  # the figure said over the figure given (0.1 for 50 million of 500)


@dataclass
class ConversationState:
    """Everything the interviewer remembers; see the module docstring."""

    revealed: dict[str, int] = field(default_factory=dict)  # fact id -> turn
    said: dict[str, Support] = field(default_factory=dict)  # item id -> best spoken support
    written: dict[str, Support] = field(default_factory=dict)  # item id -> design support
    asks: list[Ask] = field(default_factory=list)
    assumptions: list[Stated] = field(default_factory=list)
    decisions: list[tuple[int, str, bool]] = field(default_factory=list)
    spoken_numbers: list[Stated] = field(default_factory=list)
    written_numbers: list[Stated] = field(default_factory=list)
    # The reference figures a spoken threshold was about ("over 1M followers"): assumed.
    thresholds: set[str] = field(default_factory=set)
    moves: set[tuple[str, str, str]] = field(default_factory=set)  # (phase, kind, about)
    redundant: set[str] = field(default_factory=set)  # stateful concepts given redundancy
    # Every spoken mention so far: concepts judged over the whole conversation (questions
    # asked, a closing summary) need all of it, not the last turn alone.
    heard_mentions: MentionIndex = field(default_factory=MentionIndex)
    stateful_seen: set[str] = field(default_factory=set)
    last_stateful: str | None = None  # the stateful component named last
    # Concepts settled by what happened rather than by words (a question that drew out the
    # features): the report's review is told them, so its rules see what the state saw.
    settled: set[str] = field(default_factory=set)
    # Products named with a reason (lower case) -> the turn that first gave it.
    reasoned: dict[str, int] = field(default_factory=dict)
    # Products named at all (lower case) -> the turn that first named them.
    named_products: dict[str, int] = field(default_factory=dict)
    # Concepts the candidate has said something checkable about ("we fail open for up to 2
    # seconds, because ..."): a probe whose whole subject is among them asks what was said.
    specified: set[str] = field(default_factory=set)
    # Figures said against what the interviewer had given, each once per turn.
    contradicted: list[Contradicted] = field(default_factory=list)
    # Figures said of one case under a limit the interviewer gave ("a 5 GB file" under "the
    # largest file is 20 GB"): no disagreement, but another input than the limit's.
    within: list[Contradicted] = field(default_factory=list)
    # Figures the candidate said they assume against one the interviewer gave ("Let's assume
    # 2 billion users" after "about a billion registered users"): theirs to choose, and
    # reported beside the figure given, as issue 9 asks of a written assumption.
    assumed_against: list[Contradicted] = field(default_factory=list)
    # The turn that last answered a question asked before the open one (taken up late): the
    # reply acknowledges it before returning to the open question.
    answered_late: int = 0
    # Items some turn said in the item's own words, covered or not ("A holder that pauses
    # past its lease ... rejects any token lower than the highest it has seen"): a question
    # about one asks what was explained, however weak the quote the item keeps.
    restated: set[str] = field(default_factory=set)
    # The concepts of an item that asks for each of them ("Summarises and names
    # bottlenecks") some turn has specified: the summary in one turn and the bottlenecks in
    # another cover it, as they do in the review of the whole transcript.
    parts: dict[str, set[str]] = field(default_factory=dict)
    # The figure parts of a capacity item ("ledger writes (... a second)", "storage (...
    # over 10 years)", `substance.figure_parts`) some turn has stated for it: each is half
    # the item, and the report says which is still to say.
    figures: dict[str, set[str]] = field(default_factory=dict)
    # ... and those the attached design states (read anew with each version).
    written_figures: dict[str, set[str]] = field(default_factory=dict)

    def support(self, item_id: str) -> Support | None:
        """The stronger of what was said and what was written about an item."""
        said, written = self.said.get(item_id), self.written.get(item_id)
        if (
            said
            and said.status == SUBSTANCE
            and not (said.pieced and written and written.status == SUBSTANCE)
        ):
            return said
        if written and written.status == SUBSTANCE:
            return written
        if said and written and written.strength > said.strength:
            # Both only name it: the line that names the item's own concept is the one to
            # quote. "Placement service picks nodes across zones and racks" (design) names
            # the placement the item is about; "a stripe is 8 data plus 4 parity fragments,
            # 4 in each of the three zones" (said) only its subject.
            return written
        return said or written

    def covered(self, item_id: str) -> bool:
        support = self.support(item_id)
        return support is not None and support.status == SUBSTANCE

    def moved(self, phase: str, kind: str, about: str) -> bool:
        return (phase, kind, about) in self.moves

    def open_ask(self) -> Ask | None:
        """The interviewer's last question, while it waits for an answer."""
        if self.asks and self.asks[-1].status in (OPEN, RETURNED):
            return self.asks[-1]
        return None


# The dimensions whose items are parts the design specifies.
_PARTS = frozenset({"api_data", "components"})


def item_support(
    item: RubricItem,
    dimension: str,
    claims: Sequence[Claim],
    mentions: MentionIndex,
    source: str,
) -> Support | None:
    """The reviewer's judgement of an item over these claims, with the quote it rests on:
    substance when a claim specifies it, mentioned when one only names it."""
    found = coverage.item_support(item, claims, mentions, dimension)
    if found.status not in (SUBSTANCE, MENTIONED):
        return None
    claim = found.claim
    status = found.status
    if status == SUBSTANCE and claim is not None and calls_only(claim.text, dimension):
        status = MENTIONED
    if status == SUBSTANCE and claim is not None and recap_weighs_nothing(claim, dimension):
        status = MENTIONED
    if dimension == "capacity" and claim is not None and status == SUBSTANCE:
        named = claim.features.concepts & set(item.concepts)
        if not named - substance.GENERIC_ESTIMATE:
            # "an estimate" is not this estimate: a capacity item is evidenced by its own
            # concept, or by a number that matches its figure (see capacity_item).
            status = MENTIONED
    if status == MENTIONED and claim is not None and not _names_item(claim, item, dimension):
        if "structure" not in item.concepts or substance.visible_order(claims) < 3:
            return None
        if walkthrough.is_walkthrough(item.text):
            return None  # "Walks one trip through every component": no section order
        # The order of the sections is visible, the item's other half is not: mentioned, by
        # the order itself, not by the line that happened to hold a "then" ("Works in a
        # visible order and separates the data path from the metadata path" was "neither
        # said nor written" of a design whose sections ran requirements, estimates, API,
        # design, beside a depth line that read "reached a visible order").
        return Support(MENTIONED, "", 0, source)
    quote = claim.quote if claim is not None else ""
    if claim is not None and claim.kind == "node" and claim.text.startswith(f"{quote}: "):
        # A class drawn with its members is quoted with them: "Car" (its name, all its line
        # holds) shows nothing of "Each car keeps sorted up-stops and down-stops ...", which
        # its "-stops: SortedSet~int~" specifies.
        quote = claim.text
    # A part of the API, the data or the components named only in the line's reason clause
    # is what its decision serves (`substance._item_support`): no line about that item.
    served = claim.features.motives if claim is not None and dimension in _PARTS else frozenset()
    beside = (
        status == MENTIONED
        and claim is not None
        and not ((claim.features.concepts - served) | claim.features.options)
        & (set(item.concepts) | (set(item.mentions) & _fact_concepts(item.text)))
    )
    strength = (
        substance.citation_strength(claim, item, dimension)
        if claim is not None and status == SUBSTANCE
        else _naming_strength(claim, item)
    )
    line = claim.line if claim is not None else 0
    return Support(status, quote, line, source, strength, beside)


# A call written out: "produce(topic, key, value)", "fetch(partition, offset, max_bytes)".
_CALL = re.compile(r"\b[a-z_][\w.]*\([^()]*\)", re.I)


# Words that put steps in order, and words that name the plan itself.
_SEQUENCE = re.compile(
    r"\b(?:first|then|next|after that|finally|lastly|(?:start|begin) (?:with|by)"
    r"|move (?:on )?to|followed by)\b",
    re.I,
)
_PLAN = re.compile(r"\b(?:agenda|plan|step \d|high-level design|deep dive)\b", re.I)


# The steps of an answer, which a stated order puts in order ("requirements, then the API").
_ANSWER_STEP = re.compile(
    r"\b(?:requirements?|clarify\w*|questions|scope|estimates?|estimation|capacity|sizing"
    r"|numbers|api|data model|schema|design|components?|architecture|deep[- ]dive|wrap[- ]up"
    r"|trade-?offs?|bottlenecks?|(?:serving|read|write|request) path|pipeline)\b",
    re.I,
)


def _orders_steps(text: str) -> bool:
    """Whether a line says the order it works in: two steps put in order ("first the
    requirements, then the API") or the plan named. One ordinal orders nothing: "The first
    thing to break is the SMS provider limits ...; I'd add a second provider" and "tries are
    sharded by the first two characters" were quoted as mentioning "Works in a visible
    order", whose concept's words include "first" (an ordinal of a thing, "a second
    provider", orders no steps either). Steps are put in order in more words than ordinals:
    "Let's start with requirements and scale, move to the API, then the serving path and
    the offline pipeline" was reported as neither saying nor writing a visible order. The
    steps ordered are the answer's ("the API", "the serving path"): "we start with a trie per
    shard and then cache the top 10" orders the work of a lookup, not of the answer."""
    return (
        len(_SEQUENCE.findall(text)) >= 2 and _ANSWER_STEP.search(text) is not None
    ) or _PLAN.search(text) is not None


def without_claimed_mentions(
    problem: Problem, supports: dict[str, Support], claims: Sequence[Claim], mentions: MentionIndex
) -> dict[str, Support]:
    """The supports without the mentions that belong to another item the same line
    specifies: "the client sends POST /payments with an idempotency key; the payment service
    stores the key ..." specifies the API's idempotency keys, and its "idempotency" is theirs;
    it was reported as only mentioning "Events leave through a transactional outbox;
    consumers dedupe by event id ...", of which it says nothing. A line names an item by one
    of its own concepts, or by a subject the item only lists (`mentions`) that no item the
    line specifies holds, or by a word of the item's own text beyond the terms of the
    concepts it names: "a metadata service that maps keys to locations" names "An explicit
    placement map ...", though the metadata service is another item's."""
    items = {item.id: item for _dimension, item in problem.rubric.items()}
    owners: dict[str, list[RubricItem]] = {}
    for item_id, support in supports.items():
        if support.status == SUBSTANCE and support.quote:
            owners.setdefault(support.quote, []).append(items[item_id])
    out: dict[str, Support] = {}
    for item_id, support in supports.items():
        if support.status == MENTIONED and support.quote in owners:
            item = items[item_id]
            claim = next((c for c in claims if c.quote == support.quote), None)
            if claim is not None and _claimed(item, claim, owners[support.quote], mentions):
                continue
        out[item_id] = support
    return out


def _claimed(
    item: RubricItem, claim: Claim, owners: list[RubricItem], mentions: MentionIndex
) -> bool:
    """Whether all a line names of an item is a listed subject that an item it specifies
    holds, with no word of the item's own beyond its concepts' terms and the words of the
    items it specifies ("the same idempotency key" is the timeout item's "same", not the
    outbox's "in the same transaction")."""
    named = (claim.features.concepts | claim.features.options) & (
        set(item.concepts) | set(item.mentions)
    )
    owned = {c for owner in owners for c in owner.concepts}
    if not named or not named <= set(item.mentions) & owned:
        return False
    terms = " ".join(
        m.term for found in mentions.by_concept.values() for m in found if m.quote in claim.text
    )
    theirs = stems(" ".join([terms, *(owner.text for owner in owners)]))
    return not (stems(claim.text) - theirs) & stems(item.text)


def _names_item(claim: Claim, item: RubricItem, dimension: str) -> bool:
    """Whether a line that only mentions an item names something of it beyond two things
    every such line has. A question names the asking ("how many reads and writes per second
    at peak?" is a clarifying question), not what an item about asking asks for: it was
    reported as mentioning "Asks how many reads the database can absorb", a question about
    the cache's own reads. And an operation written as a call ("delete(key)") is the API's,
    not the mechanism the word names elsewhere: "get(key), set(key, value, ttl) and
    delete(key)" was quoted as mentioning "only one caller rebuilds a hot item that expires
    or is deleted". (An item about the API itself is named by its calls.)"""
    own = frozenset(item.concepts) | frozenset(item.mentions)
    named = (claim.features.concepts | claim.features.options) & own
    if "clarifying-questions" in named and set(item.concepts) - {"clarifying-questions"}:
        named -= {"clarifying-questions"}
    if "structure" in named and not _orders_steps(claim.text):
        named -= {"structure"}
    if dimension == "capacity":
        # An estimate is named by its own concept (a figure matching it is read apart, by
        # `capacity_item`), not by the design it leads to: "keeps the last position in
        # Redis, sharded by geohash cell" and "if a Redis shard dies ..." say nothing of
        # "the live driver index is only about 200 MB, so ... sharded for write
        # throughput", and were reported as mentioning it.
        named -= claim.features.mechanisms
    if named and dimension not in _CALLS_SPEAK_OF and _CALL.search(claim.text):
        outside = _fact_concepts(_CALL.sub(" ", claim.text))
        named &= outside
    return bool(named)


# The dimensions whose items a line of calls can be evidence for: the API, and how the
# answer is organised.
_CALLS_SPEAK_OF = frozenset({"api_data", "communication", "requirements"})


def recap_weighs_nothing(claim: Claim, dimension: str) -> bool:
    """Whether a line is a closing summary read as a trade-off's weighing. "to sum up: a
    sharded Redis tier on a consistent-hash ring, cache-aside with delete after commit and a
    5 minute TTL, one replica per shard in another zone, so losing a node costs a few
    seconds of misses, never wrong data" lists the choices made, and its "so ..." is what
    the whole design promises: it was credited for "Cache-aside with delete-on-write keeps
    the database the source of truth; write-through keeps the cache warm but writes data that
    may never be read", which it never weighs. A summary names the choices it recaps."""
    return dimension == "tradeoffs" and "summary" in claim.features.concepts


def calls_only(text: str, dimension: str) -> bool:
    """Whether a line is an API written as calls (two or more), which says what the API
    is and nothing of how the parts behind it work: "produce(topic, key, value) returns the
    partition and offset; consumers fetch(partition, offset, max_bytes) in batches" was
    credited for "Brokers each host many partitions; a partition is the unit of ordering,
    parallelism and replication", its "partition" only a value passed and returned."""
    return dimension not in _CALLS_SPEAK_OF and len(_CALL.findall(text)) >= 2


def update_items(state: ConversationState, problem: Problem, heard: Heard) -> list[str]:
    """Record what a turn covers; returns the items it newly covers with substance."""
    newly: list[str] = []
    for found in heard.mentions.by_concept.values():
        for mention in found:
            state.heard_mentions.add(mention)
    for claim in heard.claims:
        state.specified |= substance.specified_concepts(claim)
    # Items whose figure this turn got far wrong ("Posts are about 200 writes per second"
    # against 1,157): the turn names them and draws a sanity check; it derives none of them,
    # even when another figure of the same item ("60K feed reads") came out right.
    wrong = {
        item.id
        for spoken in heard.numbers
        if spoken.off and (item := capacity_item(problem, spoken)) is not None
    }
    # A figure far off that no item states ("so about 20 Redis nodes", the node count an
    # item words as "tens of cache nodes"): the interviewer doubts the line's working, so the
    # line sizes nothing; "Sizes the timeline cache ..." was credited from the very line
    # that drew "That looks low to me ... How did you get 20 Redis nodes?".
    doubted = any(spoken.off and capacity_item(problem, spoken) is None for spoken in heard.numbers)
    # A line that works from a figure said against one the interviewer gave ("so 5 billion
    # searches a day at maybe 6 requests per search ... about 350K requests a second" after
    # "We serve about 2 billion searches a day") derives nothing from the prompt's figures:
    # the interviewer has just asked which one the candidate is designing for, and a result
    # that still lands near the reference does so by the wrong input's luck.
    against = any(c.line == heard.line for c in state.contradicted)
    doubted = doubted or against
    supports = without_claimed_mentions(
        problem,
        {
            item.id: support
            for dimension, item in problem.rubric.items()
            if (
                support := item_support(item, dimension, heard.claims, state.heard_mentions, "said")
            )
            is not None
        },
        heard.claims,
        heard.mentions,
    )
    for dimension, item in problem.rubric.items():
        support = supports.get(item.id)
        if support is None:
            continue
        if heard.defers and "scope" in item.concepts and not _scopes_its_examples(item, heard):
            # "phishing links are out of scope for now" puts the question off; it leaves
            # out none of what the item asks about ("analytics, accounts").
            continue
        if item.every_concept and support.status != SUBSTANCE:
            met = state.parts.setdefault(item.id, set())
            now = substance.concepts_met(item, heard.claims, dimension, item.shared_concepts)
            met |= now
            if now and met >= set(item.concepts):
                support = replace(support, status=SUBSTANCE, pieced=now < set(item.concepts))
        if dimension == "capacity":
            support = _by_figure_parts(state, item, heard, support)
        if not support.quote:
            # Judged over the whole conversation ("asks floors, cars and call types": the
            # questions asked so far), with no one claim to cite: the first of the mentions
            # it rests on is the quote ("How many floors and how many elevators ..."), never
            # an empty one.
            first = next(
                (m for c in item.concepts for m in state.heard_mentions.by_concept.get(c, ())),
                None,
            )
            quote, line = (first.quote, first.line) if first else (heard.text, heard.line)
            support = replace(support, quote=quote, line=line)
        if (
            dimension == "capacity"
            and support.status == SUBSTANCE
            and (slipped(heard, support) or item.id in wrong or doubted)
        ):
            # "500 million users times 4 GB is 2 PB": a step the review calls wrong derives
            # nothing; the item is named, and the interviewer asks for the working.
            support = Support(MENTIONED, support.quote, support.line, support.source)
        old = state.said.get(item.id)
        if old is None or (old.status != SUBSTANCE and support.status == SUBSTANCE):
            if support.status == SUBSTANCE and not state.covered(item.id):
                newly.append(item.id)
            state.said[item.id] = support
        elif (
            (
                support.status == SUBSTANCE
                and "clarifying-questions" not in item.concepts
                and _asked(old.quote)
                and not _asked(support.quote)
            )
            or (
                support.status == MENTIONED == old.status
                and "clarifying-questions" not in item.concepts
                and _asked(old.quote)
                and not _asked(support.quote)
            )
            or (
                # A mention that names the item's own concept over one that named only its
                # subject: "services do cache-aside ..." over "we'll use Redis."
                support.status == MENTIONED == old.status
                and old.source == "said"
                and support.strength > old.strength
            )
            or (
                support.status == SUBSTANCE == old.status
                and old.source == "said"
                and _says_more(support.strength, old.strength)
                and not ("clarifying-questions" in item.concepts and _asked(old.quote))
                and not _answers_its_failure(support.quote, dimension, item.concepts)
            )
        ):
            # Covered by asking, then said: the report quotes what the candidate stated ("Comments
            # and recommendations are out of scope"), not the question that drew the fact out;
            # an item about asking ("Asks for the scale") keeps its question.
            state.said[item.id] = support
    if any(spoken.ref is not None and not spoken.off for spoken in heard.numbers):
        newly += credit_concept(state, problem, "scale-numbers", heard)
    for spoken in heard.numbers:
        estimated = capacity_item(problem, spoken)
        if spoken.ref is not None and spoken.ref.kind == "step":
            # An estimate the interviewer checked against the prompt's figures: the review's
            # "No capacity estimates" (which counts lines of numbers) must see it too, the
            # one that came out far off as much as the close one (that one gets a sanity
            # check, and no credit for the item).
            state.settled.add("back-of-envelope")
        # (Or from such an input said in an earlier turn, the figure off by as much as it:
        # "so we store roughly 400 GB a day" after "50 million users ..." was "only
        # mentioned", the disagreement it carries nowhere in the report.)
        carried = carried_forward(state, problem, spoken, heard.line) if spoken.off else None
        quote = sentence_with(heard.text, spoken.text)
        # (The input questioned is one this sentence works from: "A 5 GB file is 625 parts
        # of 8 MB. At 1 million uploads a day ..." works the parts from the file, not from
        # the uploads a day said against the 2 million given.)
        worked = [
            c.said
            for c in (*state.contradicted, *state.within)
            if c.line == heard.line and c.said in quote
        ]
        if estimated is not None and spoken.ref is not None and (worked or carried):
            # Named, with the figure worked from the input the interviewer questioned.
            start = carried.said if carried is not None else worked[0]
            held = state.said.get(estimated.id)
            if held is None or (held.status != SUBSTANCE and held.line == heard.line):
                # (over this line's own mention: it works the figure out, from that input)
                state.said[estimated.id] = Support(
                    MENTIONED, quote, heard.line, "said", worked_from=start
                )
            continue
        quote = sentence_with(heard.text, spoken.text)
        if (
            estimated is not None
            and spoken.ref is not None
            and not spoken.off
            and estimated.id not in wrong
            and _works_kind_named(estimated, heard.text)
            # "300 million a day is about 35,000 requests a second on average, and about
            # 10,000 at peak": the peak lands near by luck in a sentence whose working is
            # wrong; quoted for "Derives about 3,500 requests/s on average", it said 35,000.
            # (A step the checker doubts, holding a figure far from the facts.)
            and not any(slip in quote and _holds_off(slip, heard) for slip in heard.slips)
        ):
            if state.covered(estimated.id):
                # The working that covered it stays its quote: "I'd go with 16 MB chunks"
                # said later is no better evidence of "20 GB in 8 MB chunks is 2,500 parts"
                # than the line that worked it out.
                continue
            if _one_part_of_several(state, estimated, spoken, "said"):
                # "about 1,100 ledger writes a second" is half of "ledger writes (...) and
                # storage (...)": named, with the storage still to say.
                if state.said.get(estimated.id) is None:
                    state.said[estimated.id] = Support(MENTIONED, quote, heard.line, "said")
                continue
            newly.append(estimated.id)
            state.said[estimated.id] = Support(SUBSTANCE, quote, heard.line, "said")
    return newly


def _holds_off(slip: str, heard: Heard) -> bool:
    """Whether a step of working said wrong holds a figure far from the prompt's own."""
    return any(spoken.off and spoken.text in slip for spoken in heard.numbers)


def _by_figure_parts(
    state: ConversationState, item: RubricItem, heard: Heard, support: Support
) -> Support:
    """A capacity item of two figure parts, judged over the turns: the line that specifies
    it states one part or both (`state.figures`), and the item is covered once every part
    has been stated, a mention till then. "180 payments a second at peak, 3 entries each,
    so about 540 ledger writes a second" says the writes and not the storage kept."""
    parts = substance.figure_parts(item.text)
    if not parts:
        return support
    whole = substance.item_support(item, heard.claims, "capacity", item.shared_concepts)
    if whole.status != SUBSTANCE or whole.claim is None:
        return support
    met = state.figures.setdefault(item.id, set())
    met |= {part for part in parts if substance.states_kind_named(part, whole.claim)}
    if support.status != SUBSTANCE and met >= set(parts):
        return replace(support, status=SUBSTANCE, pieced=True)
    return support


def figures_unsaid(state: ConversationState, item: RubricItem) -> list[str]:
    """The figure parts of a capacity item that neither a turn nor the attached design has
    stated; none for an item of one part."""
    said = state.figures.get(item.id, set()) | state.written_figures.get(item.id, set())
    return [part for part in substance.figure_parts(item.text) if part not in said]


def note_written_figures(
    state: ConversationState, problem: Problem, claims: Sequence[Claim]
) -> None:
    """The figure parts of each capacity item that the attached design states somewhere."""
    state.written_figures = {}
    if problem.rubric.capacity is None:
        return
    for item in problem.rubric.capacity.items:
        parts = substance.figure_parts(item.text)
        if parts:
            unstated = substance.unstated_parts(item.text, claims)
            state.written_figures[item.id] = set(parts) - set(unstated)


def _scopes_its_examples(item: RubricItem, heard: Heard) -> bool:
    """Whether a turn that puts something off ("... out of scope for now") scopes what a
    scope item names ("Says what is out of scope (analytics, accounts)"): "analytics is out
    of scope for now" sets the product's bounds, "phishing links are out of scope for now"
    sets the interviewer's question aside."""
    named = stems(item.text) - _SCOPE_WORDS
    return bool(named & stems(heard.text))


# The words every scope item uses, which name nothing it leaves out.
_SCOPE_WORDS = stems(
    "says states names what is are out of scope in non goals goal leaves left deliberately"
    " purpose on first version features feature puts put and so"
)


def _works_kind_named(item: RubricItem, text: str) -> bool:
    """Whether a line that reaches one of an item's figures works with the kind of quantity
    the item sizes from: "4.4M ops/s at peak needs about 22 shards at 200k ops/s each, so
    memory decides: 32 primaries, 64 nodes with replicas" sizes the fleet from a rate, and
    "the hot 2 TB at 64 GB a node is 32 shards, 64 nodes with replicas" reaches its 64 nodes
    from memory alone, saying nothing of operations per second. An item that names no
    measured quantity ("about 2,080 workers") is met by its figure."""
    named = _kinds(item.text)
    return not named or bool(named & _kinds(text))


def _kinds(text: str) -> frozenset[tuple[int, int]]:
    """The kinds of measured quantity a text states (a rate, a size), plain counts left out."""
    return frozenset(f.dims for f in find_quantities(text) if f.dims != (0, 0))


def _naming_strength(claim: Claim | None, item: RubricItem) -> tuple[int, int]:
    """How near a line that only mentions an item comes to it: (0, 1) when it names one of
    the item's own concepts, (0, 0) when it names only its subject (`mentions`): "we'll use
    Redis." names the cache, "services do cache-aside" the write policy the item is about."""
    named = claim is not None and not claim.features.concepts.isdisjoint(item.concepts)
    return (0, 1) if named else (0, 0)


def _answers_its_failure(quote: str, dimension: str, concepts: Sequence[str]) -> bool:
    """Whether a line is what the system does when a part fails, quoted for an item that
    is not about failure. "If Redis is down, each gateway instance falls back to local
    in-memory counters with its share of the limit" names more of "Counters live in a shared
    in-memory store (Redis) so all gateway instances see the same count" than "Each gateway
    checks a token bucket per client in Redis", and replaced it as the quote: the fallback
    is the answer to losing the shared store, not where the counters live: the store is
    named only in the condition ("If Redis is down")."""
    if dimension == "reliability" or failure_response(quote) is None:
        return False
    # Where the line names the item outside the failure it answers ("each shard has a primary
    # and one replica in another zone, and if the primary dies Sentinel promotes the
    # replica"), it says the item itself.
    rest = _CONDITION.sub(" ", quote)
    return not (_fact_concepts(rest) & set(concepts))


# The clause that states a condition: "If Redis is down", "when the primary dies".
_CONDITION = re.compile(r"\b(?:if|when|whenever|once|should)\b[^,;:]*", re.I)


def _says_more(new: tuple[int, int], old: tuple[int, int]) -> bool:
    """Whether a later line says more of an item than the one quoted: more weighing, or as
    much and more of the item's own words, as the reviewer picks its line to cite. "each
    shard has a primary and one replica in another zone, and if the primary dies Sentinel
    promotes the replica" over "... 64 nodes with replicas", a count that named them first.
    More weighing counts only with as many of the item's words: "we filter at build time,
    because filtering per query adds latency" weighs more than "the top 10 completions are
    precomputed at each node, so a lookup is one walk", and says nothing of precomputing."""
    return (new[0] > old[0] and new[1] >= old[1]) or (new[0] >= old[0] and new[1] > old[1])


def slipped(heard: Heard, support: Support) -> bool:
    """Whether the line a capacity item is quoted from holds a step of working said wrong."""
    return any(slip in support.quote or support.quote in slip for slip in heard.slips)


def capacity_item(problem: Problem, spoken: Spoken) -> RubricItem | None:
    """The capacity rubric item a spoken estimate evidences: the one whose text shares
    most words with the reference figure it estimates (writes_per_s -> "write and read
    QPS"); fact inputs said back are the candidate's assumptions, not estimates."""
    if spoken.ref is None or spoken.ref.kind != "step" or problem.rubric.capacity is None:
        return None
    ref = spoken.ref
    # An item that states figures names its quantities: the estimate evidences the item
    # whose figure is this reference's ("about 230,000 timeline inserts/s" for the fan-out
    # writes), never one that only shares a word ("post storage" for posts per second).
    stating = [
        (abs(math.log(f.value.value / ref.value)), item)
        for item in problem.rubric.capacity.items
        for f in find_quantities(item.text)
        if f.dims == ref.dims and f.value.value > 0 and ref.value > 0
    ]
    close = [c for c in stating if c[0] <= math.log(_SAME_FIGURE)]
    if close:
        # Two items may state the same figure by chance: "90 million POSTs a day" (the
        # idempotency store) and "about 1,000/s" webhook events are both about 1,040 a
        # second. The one whose words name the reference ("webhook_events_per_s") is its
        # item; by value alone a webhook figure was credited as sizing the idempotency store.
        name = name_stems(ref.name)
        return min(close, key=lambda c: (-len(name & stems(c[1].text)), c[0]))[1]
    if any(_measured(item.text) for item in problem.rubric.capacity.items):
        return None  # the items name their figures, and none is this one
    name = name_stems(spoken.ref.name)
    best: tuple[int, RubricItem] | None = None
    for item in problem.rubric.capacity.items:
        # The item's id names what it is about ("peak", "storage"): it weighs most.
        shared = 5 * len(name & stems(item.id.replace("-", " ")))
        shared += len((name | _unit_words(spoken)) & stems(item.text))
        if shared and (best is None or shared > best[0]):
            best = (shared, item)
    return best[1] if best else None


# An item's figure is the reference rounded for reading ("about 230,000" for 231,481).
_SAME_FIGURE = 1.5


def _measured(text: str) -> bool:
    return any(f.dims != (0, 0) for f in find_quantities(text))


def _unit_words(spoken: Spoken) -> frozenset[str]:
    """Words for the kind of quantity: a rate is QPS, a size is storage."""
    time, data = spoken.value.kind
    if time == -1 and data == 0:
        return frozenset({"qps", "second"})
    if data == 1 and time == 0:
        return frozenset({"kept", "size"})
    return frozenset()


def sentence_with(text: str, fragment: str) -> str:
    """The sentence of `text` that holds `fragment` (the whole text when none does)."""
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        if fragment in sentence:
            return sentence.strip()
    return text.strip()


def note_redundancy(state: ConversationState, claims: Sequence[Claim]) -> None:
    """Which stateful components have redundancy: those named in a claim that replicates
    or fails over. A claim naming none ("it is replicated") covers those its turn (or the
    attached design) names, else the one named last; a technique of one kind of store
    ("erasure coding") covers that kind. "At 10x I'd move old photos to cold storage and
    use erasure coding" gave every component named so far copies (Redis, the queue,
    Cassandra), and their failure probes were never listed as unanswered."""
    here: set[str] = set()
    for claim in claims:
        named = claim.features.concepts & STATEFUL
        state.stateful_seen |= named
        here |= named
    before = state.last_stateful
    for claim in claims:
        concepts = claim.features.concepts
        if concepts & REDUNDANCY or claim.features.failure_response:
            kinds = {k for c in concepts & REDUNDANCY for k in _REDUNDANCY_OF.get(c, ())}
            fallback = {before} if before else set()
            state.redundant |= (concepts & STATEFUL) or kinds or here or fallback
    for claim in claims:
        for concept in sorted(claim.features.concepts & STATEFUL):
            state.last_stateful = concept


# Redundancy that only one kind of store has: erasure coding protects stored objects.
_REDUNDANCY_OF = {
    "erasure-coding": ("object-store",),
    "in-sync-replicas": ("message-queue",),
}


def chosen_inputs(state: ConversationState, problem: Problem, heard: Heard) -> list[Spoken]:
    """Numbers the candidate chose for an input the prompt's facts hold but the interviewer
    has not revealed ("about 500 bytes each" before anyone said how big a link is): each
    is an assumption stated aloud, and is credited as one."""
    chosen = []
    for spoken in heard.numbers:
        if spoken.ref is None or spoken.ref.kind != "fact":
            continue
        fact = next((f for f in problem.facts if spoken.ref.name in f.values), None)
        if fact is not None and fact.id not in state.revealed:
            chosen.append(spoken)
    return chosen


# A figure given, said back this far off either way, is another figure: rounding moves a
# figure by a few percent, not by half ("30 million seekers" for "about 30 million").
_SAME_AS_GIVEN = 1.5


def note_contradicted(
    state: ConversationState, problem: Problem, refs: Sequence[NumberRef], heard: Heard
) -> None:
    """Figures of this turn that say another value for a figure the interviewer already
    gave: the same quantity, of the same kind (a span of time against a span of time), more
    than half or twice it. The same quantity is the figure the number was read as, or one
    whose name the words said with it name (`names_figure`: "two months", too far from
    "three years" to be read as it); never a figure the fact gives for another thing
    ("Postings are kept for a year" names the postings, whose 30 days the fact gives in
    another sentence than the applications' three years). An estimate worked out from the
    figures ("380,000 pages/s") is checked as an estimate; a figure the candidate says
    they assume is theirs to choose: it is kept apart (`assumed_against`), for the report to
    say the given figure beside the assumption, and never asked about."""
    found = state.assumed_against if heard.assumption else state.contradicted
    given = {
        name: fact for fact in problem.facts if fact.id in state.revealed for name in fact.values
    }
    told = [fact.text for fact in problem.facts if fact.id in state.revealed]
    for spoken in heard.numbers:
        if spoken.per_unit or spoken.proposed or spoken.value.value <= 0:
            continue
        if _PER_THING.search(spoken.text):
            # "20 searches per seeker" counts searches per person, never the people: it
            # was said against "About 30 million job seekers use the site each day".
            continue
        if spoken.ref is not None and spoken.ref.kind != "fact":
            continue
        if any(spoken.text in slip for slip in heard.slips):
            # "300 million requests a day is about 35,000 requests a second": the figure
            # given, said right, then worked out wrong in the line. A slip of working, asked
            # about as one; "which one are you designing for?" asked a choice never offered.
            continue
        if spoken.ref is None and any(gives_too(text, spoken.value) for text in told):
            continue  # a figure the interviewer gave, said back ("each 100 kB object")
        for ref in [spoken.ref] if spoken.ref is not None else refs:
            fact = given.get(ref.name)
            if fact is None or ref.kind != "fact" or ref.dims != spoken.value.kind:
                continue
            if ref.value <= 0 or state.revealed[fact.id] >= heard.line:
                continue
            ratio = spoken.value.value / ref.value
            if 1 / _SAME_AS_GIVEN <= ratio <= _SAME_AS_GIVEN:
                continue
            phrase = given_phrase(ref, fact.text)
            if phrase is None or gives_too(fact.text, spoken.value):
                continue
            if not names_figure(spoken, ref, phrase[1]) and (
                spoken.ref is None or names_another(spoken, fact.text, phrase[1])
            ):
                continue
            if counts_another_thing(spoken, ref):
                continue  # "the 8 cells around it" counts cells, not the drivers in them
            if (
                ratio < 1
                and _A_LIMIT.search(fact.text)
                and not _A_LIMIT.search(sentence_with(heard.text, spoken.text))
            ):
                # "A 5 GB file is 625 parts of 8 MB" sizes one file under the 20 GB the
                # interviewer gave as the largest accepted; it was asked "Which one are you
                # designing for?", as if it said the limit. An estimate of the limit's
                # case worked from it is still worked from another input.
                state.within.append(
                    Contradicted(heard.line, spoken.text, given_clause(*phrase), ref.name, ratio)
                )
                break
            if spoken.interval and not is_interval(ref):
                continue  # "a sweeper runs every 30 seconds" is no 10-minute hold
            if spoken.lease and is_interval(ref):
                continue  # "a 30 second TTL refreshed by every ping" is no ping interval
            if any(c.line == heard.line and c.figure == ref.name for c in found):
                # "10 million orders a day is about 120 payments a second": the rate is the
                # same figure worked out, not a second disagreement with "5 million a day".
                break
            clause = given_clause(*phrase)
            found.append(Contradicted(heard.line, spoken.text, clause, ref.name, ratio))
            break


# A figure said per something that is no span of time ("20 searches per seeker").
_PER_THING = re.compile(
    r"\b(?:per|each|every|a|an)\s+(?!(?:s|sec|second|minute|min|hour|hr|day|week|month|year)s?\b)"
    r"[a-z]+\s*$|/\s*(?!(?:s|sec|second|min|minute|h|hr|hour|day|week|month|year)s?\b)[a-z]+\s*$",
    re.I,
)
# A figure given as a limit, not a typical value: a smaller figure said of one case is
# within it, and only one said as the limit itself differs from it.
_A_LIMIT = re.compile(
    r"\b(?:largest|biggest|maximum|max|at most|up to|no more than|limit(?:ed)?|cap(?:ped)?)\b",
    re.I,
)


def note_reasons(state: ConversationState, heard: Heard) -> None:
    """Products the candidate gave a reason for ("Cassandra because the access pattern is a
    single key lookup"): asking later what made them pick it asks what they already said.
    And the turn each product was first named in, the turn it was chosen."""
    for product in heard.products:
        state.named_products.setdefault(product.lower(), heard.line)
    for claim in heard.claims:
        if claim.features.reason:
            for match in brands_in(claim.quote):
                state.reasoned.setdefault(match.group(0).lower(), heard.line)


def _asked(quote: str) -> bool:
    """A question, with its mark or typed without one ("how long do we keep messages")."""
    return quote.rstrip().endswith("?") or bool(questions_in(quote))


def credit_answer(
    state: ConversationState,
    item_id: str,
    heard: Heard,
    concepts: frozenset[str],
    measures: str = "",
    item: RubricItem | None = None,
) -> list[str]:
    """The candidate answered the interviewer's question about an item: the item counts as
    covered by that answer, with substance when the answer names what was asked about, is
    specific or argued (a number, a mechanism, a reason) or is a full statement, else as
    mentioned. Returns it when new.

    `measures` is the text of a capacity item: an answer to "how many streams at peak, and
    how much bandwidth?" that works out a day's uploads states no egress, however many
    numbers it holds, so it needs a figure of the kind the item names.

    `item` is the item asked about: an answer that makes the choice its text rules out
    ("Prices are stored as floats" to an item that asks for integer cents) mentions nothing
    of it (`language/contradiction.py`), and an answer to an estimate's question whose
    figures are all another estimate's ("30M DAU, 10 searches each and 50M saved searches,
    so about 3,500 searches a second" to "how much work is checking every posting against
    every saved search?") is the other estimate, so only a mention of this one."""
    if state.covered(item_id):
        return []
    if item is not None and contradicts(item.text, heard.text):
        return []
    if measures and not any(
        substance.states_kind_named(measures, c)
        and (item is None or not substance.anothers_figure(item, c))
        for c in heard.claims
    ):
        # Another estimate worked out ("10 minutes at 50 Mbit/s is 3.75 GB ... 25 minutes"
        # to "how much time does the preview have for each frame?") names nothing of this
        # one by the item's own concepts, whatever estimates the question is tied to: it was
        # quoted as mentioning the 33 ms frame budget.
        own = frozenset(item.concepts) if item is not None else concepts
        if (own - substance.GENERIC_ESTIMATE) & heard.meant():
            state.said.setdefault(item_id, Support(MENTIONED, heard.text, heard.line, "said"))
        return []
    # Substance needs the answer to name what was asked about and to say something of it:
    # a long turn about monitoring that follows "walk me through a feed request" answered
    # the turn, not the read path, and "returns 20 items with a cursor" defines no endpoint.
    specific = any(c.features.evidence or c.features.specific for c in heard.claims)
    full = len(heard.text.split()) >= 10
    about = bool(concepts & heard.meant())
    if not about:
        # An answer that names nothing the question was about ("That's 6 rows of 8 slots" to
        # "Which parts are you not designing today?") is no mention of it: it was quoted as
        # the line that mentioned the scope item.
        return []
    status = SUBSTANCE if specific or full else MENTIONED
    state.said[item_id] = Support(status, heard.text, heard.line, "said")
    return [item_id] if status == SUBSTANCE else []


# What a revealed fact of each category settles: asking for the latency target and being
# told it is how a candidate learns (and states) it in a real interview.
CATEGORY_CONCEPTS = {
    "latency": ("latency-target", "non-functional-requirements"),
    "availability": ("availability-target", "non-functional-requirements"),
    "durability": ("durability",),
    "consistency": ("consistency-model",),
    "scope-out": ("scope",),
    "scope-in": ("functional-requirements",),
}
# The question kind that asks for each category: a fact given in answer to another kind of
# question ("how long is history kept?" drawing out a durability promise) settles nothing.
ASKED_FOR = {
    "latency": ("latency",),
    "availability": ("availability",),
    "durability": ("durability",),
    "consistency": ("consistency",),
    "scope-out": ("out-of-scope", "features"),
    "scope-in": ("features",),
}


_GATHERING = frozenset({"requirements", "communication"})
# The fact categories that speak to a requirement concept: a clarifying question counts for
# an item about scale ("asks for the scale") only when what it drew out was the scale.
SPEAKS_TO = {
    "scale-numbers": frozenset({"scale"}),
    "peak-traffic": frozenset({"scale"}),
    "latency-target": frozenset({"latency"}),
    "availability-target": frozenset({"availability"}),
    "functional-requirements": frozenset({"scope-in"}),
    "consistency-model": frozenset({"consistency"}),
    "durability": frozenset({"durability"}),
}


def credit_concept(
    state: ConversationState,
    problem: Problem,
    concept: str,
    heard: Heard,
    drew: frozenset[str] | None = None,
    quote: str | None = None,
    drawn: frozenset[str] | None = None,
) -> list[str]:
    """Items evidenced by what the interviewer saw happen rather than by words: scale numbers
    said that match the prompt's figures, clarifying questions that drew out facts. `drew`
    is the categories of the facts a question drew out: an item whose other concepts are
    about a kind of fact (the scale) is credited only by a question that drew one out.
    `quote` is the words that show it, when that is one sentence of the turn. `drawn` is
    the ids of those facts: an item that restates facts in detail ("Pins down the pricing -
    stays up to 15 minutes free, ...") is credited only by a question that drew one out."""
    newly = []
    state.settled.add(concept)
    for dimension, item in problem.rubric.items():
        if dimension not in _GATHERING:
            continue  # a capacity or design item needs its own working, not a question
        restated = restated_facts(problem, item) if drawn is not None else frozenset()
        if restated and drawn is not None:
            # The facts the item restates, not their kind: "Pins down the pricing" needs the
            # pricing drawn out; the gates and panels (also in scope) are another item's.
            if not restated & drawn:
                continue
        else:
            if drew is not None:
                about = [SPEAKS_TO[c] for c in item.concepts if c != concept and c in SPEAKS_TO]
                if about and not any(categories & drew for categories in about):
                    continue
            # What the drawn facts name, and what the question that drew them asks about
            # ("What if the product gets stuck?" asks an edge case, and drew the answer).
            told = _told(problem, drawn) | heard.meant() if drawn else frozenset()
            asked = drew is not None or drawn is not None  # settled by a question
            if asked and set(item.concepts) - {concept} - _ASKABLE - state.settled - told:
                # "Raises accessibility, IME input and what happens when suggestions fail"
                # is not settled by asking for the latency target: it is about more. What
                # the facts drawn out name counts ("celebrity accounts" name the skew).
                continue
        if concept == "assumptions" and not states_assumed(item, quote or heard.text, heard):
            continue  # a sizing ("3 ledger entries of 200 bytes") is no provider behaviour
        if concept in item.concepts and not state.covered(item.id):
            state.said[item.id] = Support(SUBSTANCE, quote or heard.text, heard.line, "said")
            newly.append(item.id)
        elif concept == "clarifying-questions" in item.concepts and _asks_it_more(
            state, item, quote or heard.text
        ):
            # "How long are seats held, and how many can one person pick?" drew out the
            # contention with the overview fact; "How many people fight over one show?"
            # asks it, and is the question to quote for "Asks how many people compete".
            state.said[item.id] = Support(SUBSTANCE, quote or heard.text, heard.line, "said")
        elif concept == "clarifying-questions" in item.concepts and _stated_not_asked(
            state, item.id
        ):
            # "Asks how exact limits must be ..." was quoted from the candidate's statement
            # ("Limits can be approximate ...") though they asked it after: an item about
            # asking quotes the question once there is one.
            state.said[item.id] = Support(SUBSTANCE, quote or heard.text, heard.line, "said")
    return newly


# What an assumptions item names as assumed: "States assumptions aloud (ping interval,
# drivers online)", "... such as N=3 and default quorum settings", "... about skew".
_ASSUMED = re.compile(r"\(([^)]*)\)|\b(?:about|such as|especially)\b(.*)", re.I)
_NOT_ASSUMED = stems("aloud before choosing")


def assumed_subjects(item: RubricItem) -> frozenset[str]:
    """The stems of what an assumptions item says is assumed; empty when it names nothing
    ("States assumptions aloud."), and then any assumption stated is one."""
    if "assumptions" not in item.concepts:
        return frozenset()
    match = _ASSUMED.search(item.text)
    if match is None:
        return frozenset()
    return stems(match.group(1) or match.group(2) or "") - _NOT_ASSUMED


def states_assumed(item: RubricItem, quote: str, heard: Heard) -> bool:
    """Whether a sentence states what an assumptions item names, in its words or by a figure
    read as one of those inputs ("a fix every 4 seconds" is the ping interval): "each payment
    writes 3 ledger entries of about 200 bytes" chooses a size, and states nothing about
    "provider behaviour, delivery semantics"; "20 million rides a day" is no ping interval."""
    subjects = assumed_subjects(item)
    if not subjects:
        return True
    words = stems(quote)
    for spoken in heard.numbers:
        if spoken.ref is not None and spoken.ref.kind == "fact" and spoken.text in quote:
            words |= stems(spoken.ref.name.replace("_", " "))
    return bool(words & subjects)


def credit_named_inputs(state: ConversationState, problem: Problem, heard: Heard) -> list[str]:
    """An assumptions item that names its inputs, credited by the sentence that says figures
    for them, given or not: "2 million drivers sending a fix every 4 seconds" states the
    drivers online and the ping interval the design rests on (whether 2 million is right is
    the contradiction's business, listed apart)."""
    newly = []
    for _dimension, item in problem.rubric.items():
        if state.covered(item.id) or not assumed_subjects(item):
            continue
        for spoken in heard.numbers:
            quote = sentence_with(heard.text, spoken.text)
            if spoken.ref is None:
                # A figure of the candidate's own for an input the item names, where the
                # interviewer gave none: "returns an upload id and a part size of 8 MB"
                # chooses the chunk size of "States assumptions (chunk size, expiry, ...)".
                own = stems(_clause_of(quote, spoken.text)) & assumed_subjects(item)
                if own - _MEASURES and not spoken.proposed:
                    state.said[item.id] = Support(SUBSTANCE, quote, heard.line, "said")
                    newly.append(item.id)
                    break
                continue
            if spoken.ref.kind != "fact":
                continue
            if states_assumed(item, quote, heard) and stems(
                spoken.ref.name.replace("_", " ")
            ) & assumed_subjects(item):
                state.said[item.id] = Support(SUBSTANCE, quote, heard.line, "said")
                newly.append(item.id)
                break
    return newly


# Words any figure's subject may hold: they tell no input apart.
_MEASURES = stems("size sizes count number rate amount total time times")
_CLAUSE_BREAK = re.compile(r"[,;:]|\band\b|\bso\b|\bbut\b", re.I)


def _clause_of(sentence: str, fragment: str) -> str:
    """The clause of a sentence that holds a figure: "returns an upload id and a part size
    of 8 MB" gives "a part size of 8 MB", not the upload id before it."""
    at = sentence.find(fragment)
    if at < 0:
        return sentence
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    stop = _CLAUSE_BREAK.search(sentence, at + len(fragment))
    return sentence[starts[-1] if starts else 0 : stop.start() if stop else len(sentence)]


def _asks_it_more(state: ConversationState, item: RubricItem, question: str) -> bool:
    """Whether a question shares more of an asking item's words than the question quoted
    for it (both questions: a statement quoted is `_stated_not_asked`'s case)."""
    said = state.said.get(item.id)
    if said is None or said.status != SUBSTANCE or not _asked(said.quote):
        return False
    words = stems(item.text)
    return len(words & stems(question)) > len(words & stems(said.quote))


def _stated_not_asked(state: ConversationState, item_id: str) -> bool:
    """Whether an item is covered by a statement the candidate made aloud, not a question."""
    said = state.said.get(item_id)
    return said is not None and said.status == SUBSTANCE and not _asked(said.quote)


def _told(problem: Problem, facts: frozenset[str]) -> frozenset[str]:
    """The concepts the drawn-out facts' texts name."""
    return frozenset(c for f in problem.facts if f.id in facts for c in _fact_concepts(f.text))


@lru_cache(maxsize=1024)
def _fact_concepts(text: str) -> frozenset[str]:
    return frozenset(t.removeprefix("concept:") for t in concept_tokens(text))


# The concepts a requirement can be settled by asking about: what a question draws out.
_ASKABLE = frozenset(
    {"clarifying-questions", "functional-requirements", "non-functional-requirements", "scope",
     "assumptions", *SPEAKS_TO, *(c for cs in CATEGORY_CONCEPTS.values() for c in cs)}
)  # fmt: skip

# An item restates a fact when it shares this many of its words with it: the pricing item
# and the pricing fact share ten, an item and an unrelated fact two or three.
_RESTATES = 5


def restated_facts(problem: Problem, item: RubricItem) -> frozenset[str]:
    """The facts an item restates in detail: those sharing most of its words, at least
    `_RESTATES` of them, and at least half as many as the closest fact does."""
    return _restated(problem.id, item.id, item.text, tuple((f.id, f.text) for f in problem.facts))


@lru_cache(maxsize=1024)
def _restated(
    _problem: str, _item: str, text: str, facts: tuple[tuple[str, str], ...]
) -> frozenset[str]:
    words = stems(text)
    shared = {fact: len(words & stems(fact_text)) for fact, fact_text in facts}
    best = max(shared.values(), default=0)
    if best < _RESTATES:
        return frozenset()
    return frozenset(fact for fact, n in shared.items() if n >= max(_RESTATES, best / 2))


def credit_numbers(
    state: ConversationState, problem: Problem, numbers: list[Stated], source: str
) -> None:
    """Capacity items evidenced by numbers that match the prompt's figures (within 3x).

    A line that works from a figure given and written as another ("5 billion searches a
    day, about 6 keystroke requests each after debounce = 350K req/s" after "We serve about
    2 billion searches a day") derives nothing, as when it is said (`update_items`): its
    result lands near the reference by the wrong input's luck. It names the item."""
    target = state.said if source == "said" else state.written
    against = {
        s.line: s.number.text
        for s in numbers
        if s.number is not None and against_given(state, problem, s.number)
    }
    for stated in numbers:
        spoken = stated.number
        if spoken is None or spoken.ref is None or spoken.off:
            continue
        item = capacity_item(problem, spoken)
        if item is not None and stated.line in against:
            held = target.get(item.id)
            # (Even when the line itself was read as specifying it: "2 million drivers ...
            # each sending a GPS fix every 4 s: 500,000 location updates/s" was covered with
            # substance beside "10 million orders a day is about 120 payments/s", worked
            # out from another input all the same.)
            if held is None or held.status != SUBSTANCE or held.line == stated.line:
                start = against[stated.line]
                target[item.id] = Support(
                    MENTIONED, stated.quote, stated.line, source, worked_from=start
                )
        elif item is not None and _one_part_of_several(state, item, spoken, source):
            # "6 GB a day" matches the ledger figures, and is half of "ledger writes (...)
            # and storage (...)": the item is named, and covered once both are stated.
            if target.get(item.id) is None:
                target[item.id] = Support(MENTIONED, stated.quote, stated.line, source)
        elif item is not None:
            target[item.id] = Support(SUBSTANCE, stated.quote, stated.line, source)
    # An estimate named on a line that works a result from such a figure ("10 million
    # orders a day is about 120 payments/s, 1,000/s at a sale peak"): worked out, from
    # another input, which is what the report says of it, not "say how, with a number".
    results = Counter(s.line for s in numbers if s.number is not None)
    for dimension, item in problem.rubric.items():
        support = target.get(item.id)
        if (
            dimension == "capacity"
            and support is not None
            and support.status == MENTIONED
            and support.line in against
            and results[support.line] >= 2
            and not support.worked_from
        ):
            target[item.id] = replace(support, worked_from=against[support.line])


def _one_part_of_several(
    state: ConversationState, item: RubricItem, spoken: Spoken, source: str
) -> bool:
    """Whether a figure matching a capacity item of several figure parts leaves a part of
    it unstated: the part of its kind is met, and the others must be met too."""
    parts = substance.figure_parts(item.text)
    if not parts:
        return False
    met = (state.figures if source == "said" else state.written_figures).setdefault(item.id, set())
    met |= {p for p in parts if spoken.value.kind in substance.part_kinds(p)}
    return not met >= set(parts)


def against_given(state: ConversationState, problem: Problem, spoken: Spoken) -> bool:
    """Whether a figure read as one the interviewer has given is of the same kind and more
    than half or twice it (`note_contradicted`, for a written line)."""
    ref = spoken.ref
    if ref is None or ref.kind != "fact" or spoken.per_unit or ref.value <= 0:
        return False
    if ref.dims != spoken.value.kind or spoken.value.value <= 0:
        return False
    fact = next((f for f in problem.facts if ref.name in f.values), None)
    if fact is None or fact.id not in state.revealed:
        return False
    ratio = spoken.value.value / ref.value
    return not 1 / _SAME_AS_GIVEN <= ratio <= _SAME_AS_GIVEN and not gives_too(
        fact.text, spoken.value
    )


def figure_inputs(problem: Problem, name: str) -> frozenset[str]:
    """The reference figures a figure is computed from, all the way down, itself included."""
    formulas = {q.name: q.formula for q in problem.capacity}
    names: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current not in names:
            names.add(current)
            todo += re.findall(r"[a-z_][a-z0-9_]*", formulas.get(current, ""))
    return frozenset(names)


def carried_forward(
    state: ConversationState, problem: Problem, spoken: Spoken, line: int
) -> Contradicted | None:
    """The input said against the one given, by this turn, that a figure far off is worked
    from and is off by: "each message is about 200 bytes so we store roughly 400 GB a day"
    after "50 million users sending 40 messages a day" (the interviewer had said 500
    million) is a tenth of the 6 TB because of the 50 million, not a second mistake. The
    interviewer says so rather than quote the same fact again, and the report lists it as
    worked out from another input, not as a figure only mentioned."""
    if spoken.ref is None or spoken.ref.kind != "step":
        return None
    inputs = figure_inputs(problem, spoken.ref.name) - {spoken.ref.name}
    return next(
        (
            c
            for c in state.contradicted
            if c.line <= line and c.figure in inputs and off_by(spoken.ratio, c.ratio)
        ),
        None,
    )

"""The interviewer's choice of move, from the conversation state and the last turn.

React to the last turn first, as a person would: challenge an absolute claim,
sanity-check a number far from the facts, return once to a dodged question, ask what happens
when a stateful component just named fails, ask why about a choice made without a reason.
Otherwise the phase's business (deep dive: the prompt's follow-up questions; wrap-up:
what breaks at 10x), then the most important item of the phase not yet covered with
substance. A covered item is never probed, and no move (kind, subject) repeats in a phase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import Problem, RubricItem
from tradeoff.interview import phrasing
from tradeoff.interview.listener import Heard
from tradeoff.interview.numbers import Spoken
from tradeoff.interview.personas import ALTERNATIVES, Move
from tradeoff.interview.phases import PHASE_DIMENSIONS
from tradeoff.interview.questions import (
    best_fact,
    coordinated,
    literal_stems,
    names_fact,
    questions_in,
    stems,
)
from tradeoff.interview.said_written import written_against
from tradeoff.interview.state import (
    ANSWERED,
    DEFERRED,
    DODGED,
    MENTIONED,
    OPEN,
    REDUNDANCY,
    RETURNED,
    STATEFUL,
    SUBSTANCE,
    Ask,
    ConversationState,
    Support,
    carried_forward,
    item_support,
)
from tradeoff.language.mentions import REASONS, Mention, MentionIndex
from tradeoff.language.periods import figure_words
from tradeoff.review.coverage import expected_at
from tradeoff.review.products import BRANDS
from tradeoff.vocabulary import Dimension, Persona, Phase

# ("append-only", "read-only" name a kind of store, not a condition: "The ledger is
# double-entry and append-only" answered "If PostgreSQL goes down at peak, what happens?")
_CONDITION = re.compile(r"\b(if|when|unless|until|in case|as long as|(?<!-)only)\b", re.I)
_SCALE_UP = re.compile(r"\bat (?:\d+\s?x|ten times)\b", re.I)
_CHOICE = re.compile(
    r"\b(?:(?:we|i)(?:'ll|'d| will| would)?\s+(?P<verb>use|go with|pick|choose|store|put|keep"
    r"|shard|cache|add)|let's (?:use|go with|pick)|going with|settle on)\s+(?P<what>[^,.;!?]+)",
    re.I,
)
# "We put users in a virtual waiting room", "we store posts in Cassandra": what is chosen is
# the place, not what is put there ("Why users in a virtual waiting room?" asked nothing).
_PLACED = re.compile(r"^(?:put|keep|store|cache)$", re.I)
# (a thing or a product: "in a waiting room", "in Cassandra"; not "in front of the app
# servers", a position, nor "in memory", a manner)
_PLACE = re.compile(r"\b(?:in|into|inside)\s+(?P<place>(?:(?i:a|an|the|our)\s+|[A-Z]).+)$")


@dataclass(frozen=True)
class Situation:
    """Everything a move depends on besides the state."""

    problem: Problem
    catalog: Catalog
    phase: Phase
    persona: str
    level: str


def settle(ask: Ask, heard: Heard) -> str:
    """Whether the last turn answered the interviewer's open question, dodged it or put it off.

    An answer touches the question's subject (its concepts, their synonyms and the concepts
    tied to them, or two of its words), gives the reason a "why" asks for, or states a
    condition, redundancy or a response to the failure for a challenge. A turn about other
    concepts that shares one word with the question is a dodge.
    """
    if heard.defers:
        return DEFERRED
    if heard.switches:
        # "Let me talk about monitoring instead": set aside, not answered, by its own words.
        return DODGED if ask.status == RETURNED else RETURNED
    meant = heard.meant()
    named = meant & STATEFUL
    if (
        ask.kind == "failure"
        and named
        and meant & REDUNDANCY
        and ask.item not in {f"component:{c}" for c in named}
    ):
        # "The PostgreSQL shards use a synchronous replica and fail over" to "If ZooKeeper
        # goes down ...": another component's copies (concepts tied to any component's
        # failure) leave this one's question open. ("Only one request per key goes to
        # Postgres" protects the database from the cache's misses: an answer.)
        return DODGED if ask.status == RETURNED else RETURNED
    if ask.concepts & meant:
        return ANSWERED  # the subject, in any of its words or a concept tied to it
    if ask.kind in ("why", "follow-up") and heard.reason:
        return ANSWERED
    if ask.kind == "challenge" and (heard.failure_response or _CONDITION.search(heard.text)):
        return ANSWERED
    if ask.kind == "failure" and (
        heard.failure_response
        or (
            _CONDITION.search(heard.text)
            and (_component(ask) in meant or _OUTAGE.search(heard.text))
        )
    ):
        # "If S3 goes down ..." is answered by a condition about the component or an outage
        # ("if S3 is unreachable, parts wait on the phone"); "we need to refresh URLs when
        # they expire" has a condition too, about something else, and answers nothing.
        return ANSWERED
    if ask.kind == "sanity" and heard.numbers:
        return ANSWERED
    if ask.kind == "sanity" and phrasing.asks_which_holds(ask.text):
        # Said against the design and asked once: a person does not press the point, and
        # the report lists the two figures whatever the answer.
        return DODGED
    shared = ((ask.words or stems(ask.text)) & stems(heard.text)) - _NO_SUBJECT
    specifies = any(c.features.evidence or c.features.specific for c in heard.claims)
    statement = len(heard.text.split()) >= 8
    reason = heard.reason
    if meant and ask.concepts:
        # The turn is about other things ("the schema" after a phishing question): one
        # shared word ("links") does not make it an answer, nor does a reason given for
        # those things ("eviction is LRU per shard, since recently read items are read
        # again" to "How do you give a user their own fresh edit without making every read
        # go to the database?").
        specifies = statement = reason = False
    if len(shared) >= 2 or (shared and (reason or specifies or statement)):
        return ANSWERED
    return DODGED if ask.status == RETURNED else RETURNED


# Words that say how many, how often or what happens, never what a question is about: "each
# shard has a primary and one replica ... within about 10 seconds" shares "one" and
# "second" with "A key read thousands of times a second expires ... only one caller
# rebuilds it", and answers nothing of it.
_NO_SUBJECT = stems(
    "one two three once twice second seconds minute minutes hour hours day days time times"
    " other others happen happens go goes see sees"
    # Negation says nothing of a subject: "late frames get dropped, not delayed" shared only
    # "not" with a hint's "should not pass through your app servers", and was taken as the
    # answer to "A user imports a 3 GB clip. What requests does the client make ...?".
    " not no never nor"
)


def _last_question(text: str) -> str:
    """The last sentence of a move, when it is a question: what the move asked."""
    last = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
    return last if last.endswith("?") else text


def _component(ask: Ask) -> str:
    """The component a failure probe asks about ("component:object-store")."""
    return (ask.item or "").removeprefix("component:")


# Words that say a part is failing: what a condition in an answer to a failure probe is about.
_OUTAGE = re.compile(
    r"\b(?:down|outages?|unavailable|unreachable|fails?|failed|failing|failures?|crash\w*|dies"
    r"|dead|errors?|times? out|timeouts?|lost|degrad\w*|fall ?back|retr(?:y|ies|ied))\b",
    re.I,
)


def taken_up(ask: Ask, heard: Heard) -> bool:
    """Whether a later turn answers a question put off or dodged: it speaks of the
    question's subject (its concepts; for a question put off, two of its words too) and is
    not itself put off. A failure question is taken up by a turn that names the component
    asked about and says what happens when it fails ("If etcd is down, triggers keep firing
    on their leases"); another part's failover, or the component named in passing, is not.
    The next turn's looser signs (a reason, a number) answer what was just asked, not a
    question from turns ago."""
    if heard.defers:
        return False
    if ask.kind == "sanity" and ask.item:
        # "How did you get 20 Redis nodes?" is taken up by that figure worked again, not by
        # a later turn that shares a concept with the fact the check quoted ("The fan-out
        # workers break first at 10x; ..." took it up by the words of "500 million people
        # ... open the home feed").
        return any(n.ref is not None and n.ref.name == ask.item for n in heard.numbers)
    meant = heard.meant()
    if ask.kind == "failure":
        component = (ask.item or "").removeprefix("component:")
        responds = heard.failure_response or bool(meant & REDUNDANCY)
        return component in meant and (responds or _CONDITION.search(heard.text) is not None)
    if ask.concepts & meant:
        return True
    shared = (ask.words or stems(ask.text)) & stems(heard.text)
    return bool(ask.put_off) and len(shared) >= 2


def choose(state: ConversationState, heard: Heard, at: Situation, newly: list[str]) -> Move:
    """The reply to a statement (questions are answered before this is asked)."""
    move = _react(state, heard, at) or _business(state, heard, at) or _gap_probe(state, heard, at)
    if move is None:
        move = _open_prompt(state, at, heard)
    # A return after a turn that covered a point (the answer to an earlier question, not
    # this one) says it heard it: a bare "Still: ..." reads as not listening.
    ack = "" if move.kind in ("sanity", "challenge") else _ack(state, heard, at, newly)
    if not ack and not newly and at.persona == Persona.friendly and heard.hedged:
        # The friendly voice praises by default ("That makes sense."); after "we'd handle
        # that somehow" praise would be false, so it only takes note.
        ack = "Okay."
    state.moves.add((at.phase, move.kind, move.item or move.text))
    return Move(move.kind, move.text, move.item, ack)


def _react(state: ConversationState, heard: Heard, at: Situation) -> Move | None:
    # The first absolute claim not yet challenged: one already challenged ("like I said,
    # the cache never goes down") leaves the next ("and we never lose data") to challenge,
    # before a return to the open question.
    for claim in heard.absolutes:
        if not state.moved("*", "challenge", claim.lower()):
            state.moves.add(("*", "challenge", claim.lower()))
            return Move("challenge", phrasing.challenge(claim), claim.lower())
    misheard = _misheard(state, heard)
    if misheard is not None:
        return misheard
    against = _said_against_written(state, heard)
    if against is not None:
        return against
    # A figure far from the facts is checked when it is said, like an absolute claim, before
    # a return: "Each fetcher node downloads 1,000 pages per second" (four times what one
    # node can do) went unchecked behind "Before we move on, back to my question".
    for spoken in heard.numbers:
        if _corrected_in_turn(heard, spoken):
            continue  # "... roughly 600 kB/s. Sorry, I mean 60 kB/s": withdrawn as said
        if spoken.off and spoken.ref is not None and not state.moved("*", "sanity", spoken.text):
            state.moves.add(("*", "sanity", spoken.text))
            carried = carried_forward(state, at.problem, spoken, heard.line)
            if carried is not None:
                text = phrasing.carried_check(spoken.text, carried.said, carried.given)
                return Move("sanity", text, spoken.ref.name)
            revealed = [f.text for f in at.problem.facts if f.id in state.revealed]
            facts = _inputs(at.problem, spoken.ref.name, revealed)
            if spoken.peak:
                # "At peak that's about 1,200 runs a second": the fact that says how far
                # the peak rises is the one to cite, not the daily volume.
                peaks = {f.text for f in at.problem.facts if any("peak" in v for v in f.values)}
                facts.sort(key=lambda text: text not in peaks)
            # Worked out in the line ("300 million a day is about 35,000 a second"): a figure
            # computed, asked how it was got, never what made the candidate pick it.
            worked = any(spoken.text in slip for slip in heard.slips)
            return Move(
                "sanity", phrasing.sanity_check(spoken, facts, worked=worked), spoken.ref.name
            )
    # A step of working that does not compute ("500 million users times 4 GB is 2 PB"): the
    # report flags it, so the interviewer asks about it when it is said, as a person would
    # (after a figure far from the facts, which is asked about with the facts it comes from).
    for step in heard.slips:
        if not state.moved("*", "sanity", step):
            state.moves.add(("*", "sanity", step))
            return Move("sanity", phrasing.slip_check(step), None)
    ask = state.asks[-1] if state.asks else None
    returning = ask is not None and ask.status == RETURNED and ask.phase == at.phase
    if ask is not None and returning and not state.moved(at.phase, "return", ask.text):
        # A figure doubted ("That looks low to me, given that <a fact of three sentences>.
        # How did you get 20 Redis nodes?") is returned to by its question alone, which
        # names the figure; a slip or a choice between two figures needs its whole text.
        doubted = ask.kind == "sanity" and ask.text.startswith(phrasing.DOUBTS)
        question = _last_question(ask.text) if doubted else ask.text
        return Move("return", phrasing.polite_return(question), ask.item)
    if at.phase != Phase.clarify:
        # A front end, or one program's classes (an object-oriented prompt), runs in one
        # process: "one queue and a single thread" in a vending machine is no server.
        one_process = at.problem.type in ("front-end", "object-oriented")
        failure = _failure_probe(state, heard, client=one_process, problem=at.problem)
        if failure is not None:
            return failure
    product = _product_to_question(state, heard, at)
    if product is not None:
        return product
    for sentence, reasoned in heard.decisions:
        match = _CHOICE.search(sentence)
        if reasoned or match is None or _CONDITION.search(sentence) or _SCALE_UP.search(sentence):
            continue  # "at 10x I'd add nodes": the condition is the reason
        what = match.group("what").strip()
        place = _PLACE.search(what) if _PLACED.match(match.group("verb") or "") else None
        what = _second_person(place.group("place") if place else what)
        if what.split(" ", 1)[0].lower() in _PRONOUNS:
            continue  # "we store them": "Why them?" asks about nothing
        if what and not state.moved(at.phase, "why", what.lower()):
            return Move("why", phrasing.why_question(what), what.lower())
    return None


def _misheard(state: ConversationState, heard: Heard) -> Move | None:
    """A given figure said back as another ("Applications are kept for a year" after "...
    kept for three years"): the interviewer says what they said and asks which one the
    design is for, once. Said far off, it is this, not a figure that "looks low" to check
    the working of: the candidate was told it (`state.note_contradicted`)."""
    for found in state.contradicted:
        if found.line != heard.line or state.moved("*", "sanity", found.said):
            continue
        state.moves.add(("*", "sanity", found.said))
        return Move("sanity", phrasing.misheard(found.said, found.given), found.figure)
    return None


def _said_against_written(state: ConversationState, heard: Heard) -> Move | None:
    """A figure said now against the one the attached design writes for it ("about 60 GB"
    for a Bloom filter the design sizes at "~6 GB"): a person reading along asks which one
    holds, once, rather than leave it to the report (`said_written`)."""
    for said in state.spoken_numbers:
        if said.line != heard.line or said.number is None or said.number.ref is None:
            continue
        written = written_against(said, state)
        if written is None or written.number is None:
            continue
        if state.moved("*", "sanity", said.number.text):
            continue
        state.moves.add(("*", "sanity", said.number.text))
        about = figure_words(said.number.ref.name)
        text = phrasing.said_against_written(
            said.number.text, about, written.number.text, written.line
        )
        return Move("sanity", text, said.number.ref.name)
    return None


# Words that take back what was just said: "Sorry, I mean 60 kB/s", "no wait, 6 MB".
_TAKES_BACK = re.compile(
    r"\b(?:sorry|i mean|i meant|no,? wait|scratch that|correction|let me correct)\b", re.I
)


def _corrected_in_turn(heard: Heard, spoken: Spoken) -> bool:
    """Whether a figure far from the facts is taken back later in the same turn by one of
    the same figure that is not ("At 30 bytes that's 600 kB/s. Sorry, I mean 60 kB/s"): the
    candidate caught the slip, and asking "How did you get 600 kB/s?" asks about it again."""
    if not spoken.off or spoken.ref is None:
        return False
    at = heard.text.find(spoken.text)
    for later in heard.numbers:
        if later is spoken or later.ref is None or later.ref.name != spoken.ref.name or later.off:
            continue
        after = heard.text.find(later.text, at + len(spoken.text)) if at >= 0 else -1
        if after > at >= 0 and _TAKES_BACK.search(heard.text, at + len(spoken.text), after):
            return True
    return False


def _inputs(problem: Problem, name: str, revealed: list[str]) -> list[str]:
    """The revealed facts a reference figure is computed from (to cite in a sanity check)."""
    formulas = {q.name: q.formula for q in problem.capacity}
    names: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in names:
            continue
        names.add(current)
        todo += re.findall(r"[a-z_][a-z0-9_]*", formulas.get(current, ""))
    return [f.text for f in problem.facts if f.text in revealed and set(f.values) & names]


def _failure_probe(
    state: ConversationState, heard: Heard, client: bool = False, problem: Problem | None = None
) -> Move | None:
    """A stateful component named now, with no redundancy said for it anywhere. A part that
    lives in one process ("an LRU in memory", "a local cache", "in localStorage") goes down
    with it and is no single point of failure; nor, in a front-end or object-oriented
    design (`client`: one program), is a part of the component unless it is a server the
    candidate names ("Redis", "PostgreSQL")."""
    if heard.meant() & REDUNDANCY:
        return None
    for concept in sorted(heard.meant() & STATEFUL):
        if concept in state.redundant or state.moved("*", "failure", concept):
            continue
        mention = _component_mention(heard.mentions.get(concept))
        if (
            mention is None
            or _LOCAL.search(mention.quote)
            or _CLIENT_HELD.search(mention.quote)
            or _property_of(mention)
        ):
            continue
        if client and _said_as(mention.quote, mention.term).lower() not in BRANDS:
            continue
        if _inside_other_term(heard, concept, mention.term) or _kind_heard_before(
            state, concept, mention.term
        ):
            continue  # the "bucket" of "token bucket" is no store that can go down
        word = _server_of(_said_as(mention.quote, mention.term))
        if problem is not None and _scoped_out(problem, word):
            continue  # "the databases themselves are out of scope": not ours to keep up
        state.moves.add(("*", "failure", concept))
        subject = word if word.lower() in BRANDS else f"the {word}"
        text = phrasing.failure_probe(subject, holds_work=concept in _HOLDS_WORK)
        return Move("failure", text, f"component:{concept}")
    return None


# The stateful parts that hold work to be done (messages, jobs, URLs to fetch), not data
# that requests read: what their outage puts at risk is that work.
_HOLDS_WORK = frozenset({"message-queue"})


# A part of a product's data, not a server: "separate Kafka topics per priority" asks "If
# Kafka goes down", not "If the Kafka topic goes down" (a topic does not go down).
_DATA_PART = frozenset({"topic", "topics", "partition", "partitions", "table", "tables", "index"})


# The part an activity is done by: "TAO-style caching in front of the graph" drew "If the
# caching goes down at peak ...?"; what goes down is the cache.
_PART_DOING = {"caching": "cache", "queueing": "queue", "queuing": "queue"}


def _server_of(word: str) -> str:
    """The product a term names a part of ("Kafka topic" -> "Kafka"), the part an activity
    is done by ("caching" -> "cache"), else the term."""
    first, _, rest = word.partition(" ")
    if rest and rest.lower() in _DATA_PART and first.lower() in BRANDS:
        return first
    return _PART_DOING.get(word.lower(), word)


def _scoped_out(problem: Problem, word: str) -> bool:
    """Whether the prompt puts the part out of scope ("Persisting cached data ..., and the
    databases themselves are out of scope"): asking "If the database goes down at peak ...?"
    of a cache design asks about what the interviewer said is not being designed. The
    prompt's own subject ("cache" in "Design a distributed cache") is never out of scope."""
    said = stems(word) - stems(problem.title)
    out = [f.text for f in problem.facts if f.category == "scope-out"]
    return bool(said) and any(said <= stems(text) for text in out)


# A cache the client keeps: "the browser debounces keystrokes by 150 ms and caches results
# per prefix" drew "If the cache goes down at peak ...?", of a cache in each user's tab.
_CLIENT_HELD = re.compile(
    r"\b(?:browser|client|app|phone|device)s?\b[^.;]{0,40}?"
    r"\b(?:caches|caching|keeps? (?:a |an )?(?:local )?cache|has (?:a |an )?cache)\b",
    re.I,
)


def _property_of(mention: Mention) -> bool:
    """Whether the word names a property, not the part: "long cache lifetimes", "the cache
    hit ratio", "cache headers" say how something is cached; nothing there can go down."""
    at = mention.quote.lower().find(mention.term.lower())
    if at < 0:
        return False
    return _PROPERTY_AFTER.match(mention.quote, at + len(mention.term)) is not None


_PROPERTY_AFTER = re.compile(
    r"[\s-]+(?:lifetimes?|control|headers?|hits?|hit ratio|hit rate|ratio|miss(?:es)?|keys?"
    r"|policy|policies|ttls?|expiry|invalidation|busting)\b",
    re.I,
)

# A part held in one process or one device: it fails with that process, not for everyone.
_LOCAL = re.compile(
    r"\b(?:in[- ]memory|in[- ]process|locally|local (?:cache|buffer|copy|bucket|counter|store"
    r"|map|lru)|client[- ]side|on[- ]device|per[- ](?:instance"
    r"|process|server|node|pod|tab|host)|in the (?:browser|component|client|app|page|tab)"
    r"|localstorage|sessionstorage|indexeddb)\b",
    re.I,
)

# The last word of a way of using a component, not of the component: "read through",
# "write back", "cache aside", "write around".
_PATTERN_END = frozenset({"through", "aside", "back", "around", "behind"})


def _component_mention(mentions: Sequence[Mention]) -> Mention | None:
    """The first mention that names the component itself, to ask about it in the candidate's
    word: "Redirects read through a Redis cache" asks "If Redis goes down", never "If the
    read through goes down" (a pattern's name is nothing that can go down)."""
    named = [
        m
        for m in mentions
        if m.term.split()[-1].lower() not in _PATTERN_END and not _rejected(m.term, m.quote)
    ]
    return named[0] if named else None


def _kind_heard_before(state: ConversationState, concept: str, term: str) -> bool:
    """Whether the conversation has said the word only as the end of another concept's
    longer term, and the component by no other name: after "a token bucket in Redis", "each
    gateway keeps a local bucket" is the same kind of bucket, not an object store."""
    mentions = state.heard_mentions.by_concept
    if any(m.term != term for m in mentions.get(concept, ())):
        return False  # "object storage", "an S3 bucket": the component itself was named
    return any(
        m.term != term and re.search(rf"\b{re.escape(term)}$", m.term)
        for other, found in mentions.items()
        if other != concept
        for m in found
    )


def _inside_other_term(heard: Heard, concept: str, term: str) -> bool:
    """Whether every time the turn says a component's word it ends a longer term of another
    concept, which makes it a kind of something else: "runs a token bucket in Redis" names
    a rate-limiting algorithm, whose "bucket" is no object-store bucket that can go down.
    A word that only modifies the term ("cache stampede") still names the component."""
    text = heard.text.lower()
    alone = len(re.findall(rf"\b{re.escape(term)}\b", text))
    longer = {
        m.term
        for other, found in heard.mentions.by_concept.items()
        if other != concept
        for m in found
        if m.term != term and re.search(rf"\b{re.escape(term)}$", m.term)
    }
    inside = sum(len(re.findall(rf"\b{re.escape(t)}\b", text)) for t in longer)
    return 0 < alone <= inside


def _said_as(quote: str, term: str) -> str:
    found = re.search(re.escape(term), quote, re.I)
    return found.group(0) if found else term


def _product_to_question(state: ConversationState, heard: Heard, at: Situation) -> Move | None:
    """A product named without a reason, in the turn that first names it. The adversarial
    persona also pushes back on a reason given in this very turn ("why X and not Y?"), but
    never asks again about a product whose reason the candidate gave in an earlier turn."""
    adversarial = at.persona == Persona.adversarial
    if heard.reason and not adversarial:
        return None
    for name in heard.products:
        if name.lower() not in ALTERNATIVES or state.moved("*", "product", name.lower()):
            continue
        if _rejected(name, heard.text):
            continue  # "Redis over Memcached because ...": Memcached is what was set aside
        if state.reasoned.get(name.lower(), heard.line) < heard.line:
            continue
        if state.named_products.get(name.lower(), heard.line) < heard.line:
            # Chosen in an earlier turn and said again as the setting of another point ("a
            # cache stampede when a viral link expires from Redis; we use request
            # coalescing"): "Why Redis and not Memcached?" answered the stampede with a
            # question about a choice made two turns before.
            continue
        state.moves.add(("*", "product", name.lower()))
        kind = "challenge" if adversarial else "follow-up"
        text = phrasing.why_not(name, ALTERNATIVES[name.lower()], adversarial)
        return Move(kind, text, name)
    return None


def _rejected(name: str, text: str) -> bool:
    """Whether every mention of a product in the turn sets it aside: "Redis over Memcached",
    "rather than Memcached", "not Memcached"."""
    said = list(re.finditer(rf"\b{re.escape(name)}\b", text, re.I))
    return bool(said) and all(
        _SET_ASIDE.search(text[: m.start()]) or _OUT_OF_SCOPE.search(_clause_at(text, m.start()))
        for m in said
    )


# A clause that puts what it names out of scope: "GraphQL and webhooks are out of scope" chose
# no GraphQL, and "What made you pick GraphQL over plain REST?" asked about a choice not made.
_OUT_OF_SCOPE = re.compile(
    r"\bout of scope\b|\bnot in scope\b|\bnon-?goals?\b|\bwon't (?:use|build|cover|need)\b"
    r"|\bno need for\b|\bleave (?:out|aside)\b|\bleaving (?:out|aside)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[.;!?]")


def _clause_at(text: str, at: int) -> str:
    """The clause of a turn around a position, between the punctuation that ends clauses."""
    ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    start = max((e + 1 for e in ends if e < at), default=0)
    stop = min((e for e in ends if e >= at), default=len(text))
    return text[start:stop]


_SET_ASIDE = re.compile(
    r"\b(?:over|instead\s+of|rather\s+than|not|vs\.?|versus|than)\s+(?:a\s+|an\s+|the\s+)?$",
    re.I,
)


def _business(state: ConversationState, heard: Heard, at: Situation) -> Move | None:
    """Wrap-up: what breaks at 10x. Deep dive: the prompt's follow-up question closest to
    what the candidate is talking about, when one is (never one they already covered)."""
    if at.phase == Phase.wrap_up and not state.moved(at.phase, "wrap-up", "10x"):
        return Move("wrap-up", phrasing.wrap_up(at.problem.type), "10x")
    if at.phase != Phase.deep_dive or heard.defers:
        return None  # the follow-up closest to what is put off is the one not to ask now
    said = stems(heard.text)
    best: tuple[int, int, str] | None = None
    for number, follow_up in enumerate(at.problem.follow_ups, start=1):
        about, question = f"follow-up-{number}", follow_up.text
        if follow_up.about is not None and (
            state.covered(follow_up.about) or state.moved("*", "asked", follow_up.about)
        ):
            # The item it asks, when its words alone do not say: "The tab crashes in the
            # middle of a trim. What does the user get back?" shares two words with the
            # local journal, and was asked right after "every edit is a command written
            # to IndexedDB ... so a tab crash loses at most a few seconds". Its item's probe
            # put already asks the same question in other words ("How do you stop scam
            # postings ...?" then "How would you spot and stop a scam posting ...?").
            continue
        if state.moved(at.phase, "probe", about) or _answered_already(
            state, at, question, heard.line, heard
        ):
            continue
        shared = len(said & stems(question))
        if shared and (best is None or shared > best[0]):
            best = (shared, number, question)
    if best is None:
        return None
    question = best[2]
    if _ruled_out(state, at.problem, question):
        question = (
            f"Beyond the scope I gave you, as an extension: {question[0].lower()}{question[1:]}"
        )
    return Move("probe", question, f"follow-up-{best[1]}")


def _ruled_out(state: ConversationState, problem: Problem, question: str) -> bool:
    """A follow-up that adds what a scope fact the interviewer has revealed puts out of
    scope: after "Click analytics (click logs and dashboards) ... are out of scope", "How
    would you add per-link click counts?" asks for what the candidate was told not to
    build. It is still a fair question, as an extension, and is asked as one. A word counts
    when only the scope fact, of all the prompt's facts, says it ("click"), so a word every
    fact uses ("links") does not; and only a follow-up that adds or supports something is
    an extension ("Someone pastes cells from another app" shares "app" with "native apps
    are out of scope" and adds nothing)."""
    if not _EXTENDS.search(question):
        return False
    words = literal_stems(question) - _SCOPE_WORDS
    texts = {f.id: literal_stems(f.text) for f in problem.facts}
    for fact in problem.facts:
        if fact.id not in state.revealed or "out-of-scope" not in fact.answers:
            continue
        own = texts[fact.id] - frozenset().union(*(t for i, t in texts.items() if i != fact.id))
        if words & own:
            return True
    return False


_EXTENDS = re.compile(r"\b(?:add|adding|support)\b", re.I)
# The words that say a thing is excluded, not what is ("out of scope", "not in scope").
_SCOPE_WORDS = literal_stems("out of scope not in scope excluded")


# Words that shape a follow-up and name none of its subject: "How do you make sure someone
# removed from a folder can no longer download its files?" asks about removal, folders and
# downloads ("make" reads as "create", and "someone", "no longer" weigh as much as
# "download"); counted, they halved the share of the revocation item the last turn covered.
_FOLLOW_UP_FRAME = re.compile(
    r"\b(?:make sure|ensure|someone|somebody|something|anyone|anything|no longer|any more"
    r"|anymore)\b",
    re.I,
)


def _answered_already(
    state: ConversationState,
    at: Situation,
    question: str,
    line: int = -1,
    heard: Heard | None = None,
) -> bool:
    """A follow-up about an item the candidate has already covered with substance. An item
    is known by its own text and probe and by the prompt's hints that lead to it: "How do
    two servers avoid handing out the same code?" shares few words with the code-generation
    item's text and probe, but most with its hint ("How will two app servers avoid creating
    the same short code ..."), and is asked right after "no two servers can issue the same
    code" unless the hint counts."""
    words = stems(_FOLLOW_UP_FRAME.sub(" ", question))
    known = _item_words(at.problem)
    for item_id, own in known.items():
        now = heard.text if heard is not None else ""
        if not state.covered(item_id) and not _restated(state, at.problem, item_id, now):
            continue
        shared = words & own
        # Most of the question's words; or three of them, when one is a word no other item
        # uses or the last turn itself covered the item: the follow-up closest to what was
        # just said is the one it answered ("A deleted post is filtered out when the feed is
        # hydrated", then "How would you make a deleted post vanish from every feed?").
        unique = any(
            all(w not in other for i, other in known.items() if i != item_id) for w in shared
        )
        support = state.said.get(item_id)
        # The last turn spoke of it: as the line the item's credit rests on, or again after
        # an earlier turn earned the credit ("That's why fencing tokens matter: the resource
        # checks the token" after the token was defined), which keeps the earlier quote.
        just = (
            (support is not None and support.line == line)
            or (heard is not None and _speaks_of_item(at.problem, item_id, heard))
            # Explained in the item's own words, if only in a turn before: "A holder pauses
            # for 30 seconds ... what prevents damage?" a turn after the candidate said the
            # fencing check ("rejects any token lower than the highest it has seen").
            or item_id in state.restated
        )
        share = len(shared) / max(1, len(words))
        if len(shared) >= _enough(words) and (share >= 0.6 or unique or (just and share >= 0.4)):
            return True
    return False


def _enough(words: frozenset[str]) -> int:
    """How many of a follow-up's words an item must share to be what it asks: three, or two
    of a short question's four ("What changes if most objects are 4 kB?" shares "objects"
    and "kB" with the small-object packing the candidate had just explained, and was asked
    right after it)."""
    return min(3, max(2, len(words) // 2))


def _speaks_of_item(problem: Problem, item_id: str, heard: Heard) -> bool:
    """Whether the turn covers the item, or names one of its concepts."""
    for dimension, item in problem.rubric.items():
        if item.id == item_id:
            if any(heard.mentions.positive(concept) for concept in item.concepts):
                return True
            return item_support(item, dimension, heard.claims, heard.mentions, "said") is not None
    return False


def _restated(state: ConversationState, problem: Problem, item_id: str, now: str = "") -> bool:
    """Whether the candidate said the item in its own words: two of the words only its text
    uses, or half of what its text says to do ("a per-conversation sequence number assigned
    by the partition leader" is "a sequence number assigned by the conversation's owner").
    "Anti-entropy with Merkle trees repairs replicas" is the anti-entropy item said, though
    without the detail that covers it, and "How do you detect that two replicas have
    diverged?" asks what was just explained."""
    does = _item_does(problem)[item_id]
    if item_id in _asks_items(problem) and _drawn_out(state, problem, does):
        return True
    support = state.said.get(item_id)
    if item_id in state.restated or (now and _says_item(problem, item_id, stems(now))):
        # The turn just said ("A holder that pauses past its lease can wake up and write;
        # the storage checks the fencing token and rejects any lower ...") though the
        # item's quote is an earlier, weaker mention of it (the API's "fencing token").
        return True
    if support is None:
        return False
    return _says_item(problem, item_id, stems(support.quote))


def note_restated(state: ConversationState, problem: Problem, heard: Heard) -> list[str]:
    """Remember the items a turn says in their own words (see `ConversationState.restated`);
    returns those it says and names, which it covers: "A holder that pauses past its lease
    can wake up and write; the storage checks the fencing token and rejects any lower than
    the highest it has seen" is the fencing item, said, though no reason or number marks it
    as specific, and "only mentioned" beside it claimed it was not said."""
    said = stems(heard.text)
    covers = []
    asked = bool(questions_in(heard.text))
    for dimension, item in problem.rubric.items():
        if not _says_item(problem, item.id, said):
            continue
        state.restated.add(item.id)
        if dimension == "capacity" or asked or state.covered(item.id):
            continue  # an estimate is credited by its figures, checked; a question says none
        # Covered only when half of all the item says was said, not one clause of it nor
        # its rare words ("consumers in a group each own some partitions" leaves out the
        # coordinator and the cap of the consumer-group item, as "anti-entropy with Merkle
        # trees" leaves out how the repair works).
        whole = said & _item_does(problem)[item.id]
        if len(whole) < 3 or len(whole) < 0.5 * len(_item_does(problem)[item.id]):
            continue
        if any(heard.mentions.positive(c) for c in item.concepts):
            state.said[item.id] = Support(SUBSTANCE, heard.text, heard.line, "said")
            covers.append(item.id)
    return covers


def _says_item(problem: Problem, item_id: str, said: frozenset[str]) -> bool:
    """Whether these words say the item (see `_restated`)."""
    does = _item_does(problem)[item_id]
    if len(said & _own_words(problem).get(item_id, frozenset())) >= 2:
        return True
    shared = said & does
    if len(shared) >= 3 and len(shared) >= 0.5 * len(does):
        return True
    # Or half of one clause of it that the item's question asks about: "consumers in a group
    # each own some partitions and commit offsets" says the first clause of "A group
    # coordinator assigns each partition to one consumer in a group and stores the group's
    # offsets; parallelism is capped by partition count", and "A consumer group has ten
    # instances. How do they split a topic's work ...?" asks what was just explained.
    for clause, asked in _item_clauses(problem).get(item_id, ()):
        part = said & clause
        if asked and len(part) >= 3 and len(part) >= 0.5 * len(clause):
            return True
    return False


def _item_clauses(problem: Problem) -> dict[str, tuple[tuple[frozenset[str], bool], ...]]:
    """Each item's clauses (what it does, split at ";"), with whether its probe asks about
    the clause (shares a word with it); an item of one clause has none."""
    found = _CLAUSES.get(problem.id)
    if found is None:
        found = {}
        for _, item in problem.rubric.items():
            parts = _AVOIDS.split(item.text, maxsplit=1)[0].split(";")
            if len(parts) < 2:
                continue
            probe = stems(item.probe or "")
            clauses = [stems(part) for part in parts]
            found[item.id] = tuple((c, bool(c & probe)) for c in clauses if c)
        _CLAUSES[problem.id] = found
    return found


_CLAUSES: dict[str, dict[str, tuple[tuple[frozenset[str], bool], ...]]] = {}


# An item about asking ("Asks for executions per day, the peak pattern and how late a job
# may start"): the candidate's questions say it, through the facts they drew out.
# An item about stating assumptions ("States assumptions aloud (ping interval, drivers
# online)") is the same: what the candidate asked and was told needs no assuming.
_ASKS = re.compile(r"^\s*(?:asks|asked|states assumptions)\b", re.I)


def _asks_items(problem: Problem) -> frozenset[str]:
    """The items about asking ("Asks for ...")."""
    found = _ASKS_ITEMS.get(problem.id)
    if found is None:
        found = frozenset(i.id for _, i in problem.rubric.items() if _ASKS.match(i.text))
        _ASKS_ITEMS[problem.id] = found
    return found


_ASKS_ITEMS: dict[str, frozenset[str]] = {}


# The words that frame an item about asking or assuming, not what it is about.
_FRAME_WORDS = stems("ask asks states state assumptions assumption aloud such as")


def _drawn_out(state: ConversationState, problem: Problem, does: frozenset[str]) -> bool:
    """Whether the facts the candidate's questions drew out state half of what an item about
    asking names: after "How many jobs run per day, and how precise must start times be?",
    "What do you need to know about volume and punctuality?" asks what was just asked."""
    drawn = stems(" ".join(f.text for f in problem.facts if f.id in state.revealed))
    wanted = does - _FRAME_WORDS
    shared = drawn & wanted
    return len(shared) >= 3 and len(shared) >= 0.5 * len(wanted)


def _item_texts(problem: Problem) -> dict[str, frozenset[str]]:
    texts = _TEXTS.get(problem.id)
    if texts is None:
        texts = {item.id: stems(item.text) - {"not"} for _, item in problem.rubric.items()}
        _TEXTS[problem.id] = texts
    return texts


_TEXTS: dict[str, dict[str, frozenset[str]]] = {}


# Where an item's text turns from what to do to what it avoids: "Orders by a sequence
# number assigned by the conversation's owner, | not by client clocks (skew) ...".
_AVOIDS = re.compile(r",?\s*\b(?:not|instead of|rather than)\b", re.I)


def _item_does(problem: Problem) -> dict[str, frozenset[str]]:
    """Each item's words for what it does, without the alternatives it turns down."""
    does = _DOES.get(problem.id)
    if does is None:
        items = (item for _, item in problem.rubric.items())
        does = {item.id: stems(_AVOIDS.split(item.text, maxsplit=1)[0]) for item in items}
        _DOES[problem.id] = does
    return does


_DOES: dict[str, dict[str, frozenset[str]]] = {}


def _own_words(problem: Problem) -> dict[str, frozenset[str]]:
    """Each rubric item's text words that no other item's text uses ("merkle", "entropy")."""
    own = _OWN_WORDS.get(problem.id)
    if own is None:
        texts = _item_texts(problem)
        own = {
            i: words - frozenset().union(*(w for j, w in texts.items() if j != i))
            for i, words in texts.items()
        }
        _OWN_WORDS[problem.id] = own
    return own


_OWN_WORDS: dict[str, dict[str, frozenset[str]]] = {}


def _item_words(problem: Problem) -> dict[str, frozenset[str]]:
    """Each rubric item's words: its text, probe, hint and the prompt's nudges towards it."""
    known = _ITEM_WORDS.get(problem.id)
    if known is None:
        known = {}
        for _, item in problem.rubric.items():
            nudges = [h.nudge for h in problem.hints if h.about == item.id]
            texts = (item.text, item.probe, item.hint, *nudges)
            known[item.id] = stems(" ".join(t for t in texts if t))
        _ITEM_WORDS[problem.id] = known
    return known


_ITEM_WORDS: dict[str, dict[str, frozenset[str]]] = {}


def _gap_probe(state: ConversationState, heard: Heard, at: Situation) -> Move | None:
    """The most important open item, skipping any the turn just spoke of: "how would you
    know redirects got slow?" right after "I'd monitor p99 redirect latency" asks what the
    candidate just said (the item stays open, for a later turn or the report)."""
    skip: set[str] = set()
    # "Let's talk about the config service later": what the turn puts off is not the next
    # question either (the item stays open for a later turn, or the report).
    put_off = _put_off(heard, at.problem)
    while True:
        found = most_important_gap(state, at, skip=frozenset(skip))
        if found is None:
            return None
        dimension, item = found
        spoken_of = item_support(item, dimension, heard.claims, heard.mentions, "said")
        # A turn that names the item's concept in words the item's text does not use
        # ("acquire(...) returning a lease id and a fencing token" for "each grant returns a
        # fencing token") has spoken of it all the same: "what does the client get back
        # besides yes?" would ask what was just said.
        named = any(heard.mentions.positive(concept) for concept in item.concepts)
        deferred = put_off & (set(item.concepts) | stems(f"{item.text} {item.probe or ''}"))
        if spoken_of is None and not named and not deferred:
            if state.moved(at.phase, "follow-up", item.id):
                skip.add(item.id)  # its weighing was asked for: the probe would ask again
                continue
            weighed = _weighing_asked(state, dimension, item)
            if weighed is not None:
                return weighed
            text = phrasing.probe_text(at.problem, dimension, item)
            met = state.parts.get(item.id, set())
            left = [c for c in item.concepts if c not in met]
            if item.every_concept and met and left:
                # The bottlenecks named, the summary not: ask for what is left.
                text = phrasing.part_probe(left[0]) or text
            if item.id in _asks_items(at.problem):
                narrowed = _unsettled(state, at, text)
                if narrowed is None:
                    skip.add(item.id)
                    continue
                text = narrowed
            asked = _unasked_part(state, at, text)
            if asked is None:
                skip.add(item.id)
                continue
            return Move("probe", asked, item.id)
        skip.add(item.id)


def _weighing_asked(state: ConversationState, dimension: str, item: RubricItem) -> Move | None:
    """A trade-off the candidate made without weighing it: what it gives up. After "We keep
    separate Kafka topics per priority so login codes never wait behind a campaign", the
    item's own probe ("One queue or several, and what does your choice cost?") asks again
    for the choice just made; the cost and the option set aside are what is missing."""
    said = state.said.get(item.id)
    if dimension != "tradeoffs" or said is None or said.status != MENTIONED:
        return None
    match = _CHOICE.search(said.quote)
    what = _second_person(match.group("what").strip()) if match is not None else ""
    if not what or what.split(" ", 1)[0].lower() in _PRONOUNS:
        return None
    return Move("follow-up", phrasing.cost_question(what), item.id)


# "Do consumers need messages in order, and can a message ever be delivered twice?": two
# questions joined, each its own clause with its own verb.
# Only a second question that stands on its own (an auxiliary verb, then its own subject
# and verb) is split off: "..., and how fast?" or "..., and how do the others stay up to
# date?" lean on the first and are asked whole.
_TWO_QUESTIONS = re.compile(
    r"^(?P<first>(?:do|does|did|is|are|can|will|would|should)\b[^?]+?),\s+and\s+"
    r"(?P<second>(?:can|could|do|does|did|is|are|will|would|should)\s+\w+\s+\w+[^?]*)\?\s*$",
    re.I,
)


def _unasked_part(state: ConversationState, at: Situation, probe: str) -> str | None:
    """A probe of two joined questions without the one the candidate already asked and was
    answered: after "Do consumers need ordering, per key or global?" drew the ordering fact,
    "Do consumers need messages in order, and can a message ever be delivered twice?" asks
    only "Can a message ever be delivered twice?". None when both were answered."""
    match = _TWO_QUESTIONS.match(probe)
    if match is None:
        return probe
    kinds = at.catalog.vocabulary.question_kinds
    parts = [match["first"], match["second"]]
    open_parts = []
    for part in parts:
        fact = best_fact(part, at.problem, kinds)
        if fact is None or fact.id not in state.revealed or not names_fact(part, fact, at.problem):
            open_parts.append(part.strip())
    if not open_parts:
        return None
    if len(open_parts) == len(parts):
        return probe
    only = open_parts[0]
    return f"{only[0].upper()}{only[1:]}?"


# "What are you assuming about A, and about B?": what follows "about" lists what is asked.
_ASSUMING_ABOUT = re.compile(r"^(?P<lead>.*?\babout\s+)(?P<rest>[^?]+)\?\s*$", re.I)
_ABOUT = re.compile(r"^\s*about\s+", re.I)


def _unsettled(state: ConversationState, at: Situation, probe: str) -> str | None:
    """An assumptions probe without the parts a revealed fact settles, None if every part
    is: after "Does the limit need to be exact?" drew "Limits need not be exact: letting a
    client exceed its limit by a few percent for a moment is fine", "What are you assuming
    about how much overshoot is acceptable, and about regions?" asks about regions only.
    Each part is read by the question matcher, so it is settled by the fact a candidate
    asking it would be told, when that fact says one of its words or cues."""
    match = _ASSUMING_ABOUT.match(probe)
    if match is None or re.search(r"\d", match["rest"]):
        return probe  # "100,000 hosts" is no list of two things
    kinds = at.catalog.vocabulary.question_kinds
    pieces = coordinated(match["rest"])
    if len(pieces) < 2:
        return probe
    open_pieces = []
    for piece in pieces:
        topic = _ABOUT.sub("", piece)
        fact = best_fact(topic, at.problem, kinds)
        if fact is None or fact.id not in state.revealed:
            open_pieces.append(topic)
        elif not names_fact(topic, fact, at.problem):
            open_pieces.append(topic)  # inferred, not said: "the checksum you use"
    if not open_pieces:
        return None
    if len(open_pieces) == len(pieces):
        return probe
    listed = (
        open_pieces[0]
        if len(open_pieces) == 1
        else f"{', '.join(open_pieces[:-1])} and {open_pieces[-1]}"
    )
    return f"{match['lead']}{listed}?"


def _put_off(heard: Heard, problem: Problem) -> set[str]:
    """What a deferring turn puts off: the concepts it names and its own words (the prompt's
    words, said in every turn, name nothing in particular)."""
    if not heard.defers:
        return set()
    concepts = {c for c, found in heard.mentions.by_concept.items() if found}
    words = stems(heard.text) - stems(f"{problem.title} {problem.prompt}") - _DEFER_WORDS
    return concepts | words


# The words of putting off, not of what is put off.
_DEFER_WORDS = frozenset(
    {"later", "talk", "come", "back", "let", "think", "sure", "skip", "park", "scop", "now", "out"}
)


def most_important_gap(
    state: ConversationState,
    at: Situation,
    *,
    for_hint: bool = False,
    skip: frozenset[str] = frozenset(),
) -> tuple[str, RubricItem] | None:
    """The heaviest item of the phase's dimensions that is expected at the level, not yet
    covered with substance, not yet probed in this phase nor asked about in any. An
    adversarial interviewer presses on failure cases first: reliability leads the deep dive."""
    order = PHASE_DIMENSIONS[at.phase]
    if at.persona == Persona.adversarial and at.phase == Phase.deep_dive:
        order = (Dimension.reliability, *[d for d in order if d != Dimension.reliability])
    dimensions = at.problem.rubric.dimensions()
    best: tuple[int, str, RubricItem] | None = None
    for rank, dimension in enumerate(order):
        rubric = dimensions.get(dimension)
        if rubric is None:
            continue
        for item in rubric.items:
            if not expected_at(item, at.level) or state.covered(item.id) or item.id in skip:
                continue
            if (
                at.phase == Phase.wrap_up
                and "bottlenecks" in item.concepts
                and "bottlenecks" not in state.specified
                and state.moved(at.phase, "wrap-up", "10x")
            ):
                # The wrap-up opened with what breaks first at 10x: "Summarise the design.
                # What breaks first if traffic grows ten times?" asked it again in new words.
                # (Once the bottleneck is given, the item asks for the summary it lacks.)
                continue
            if at.phase == Phase.wrap_up and "structure" in item.concepts:
                # "What is your plan for the rest of the session?" with five minutes left:
                # the order of the work is asked while there is work left to order.
                continue
            if not for_hint and (
                state.moved(at.phase, "probe", item.id) or state.moved("*", "asked", item.id)
            ):
                continue
            if not for_hint and (
                set(item.concepts) <= state.specified or _restated(state, at.problem, item.id)
            ):
                # Its probe asks what the candidate has answered in other words ("The counter
                # store is unreachable ... What happens?" after "we fail open ... because"),
                # or said in the item's own ("a per-conversation sequence number assigned by
                # the partition leader", then "Whose message shows first, and who decides?").
                continue
            score = item.weight * 10 - rank
            if best is None or score > best[0]:
                best = (score, dimension, item)
    return (best[1], best[2]) if best else None


# The terms of `bottlenecks` that name what breaks first (not "next steps", "improvements").
_BREAKS_FIRST = frozenset(
    {
        "bottleneck", "bottlenecks", "breaks first", "break first", "what breaks",
        "first thing to break", "first to break", "first to saturate", "weak spot",
        "weak spots", "weakest spot", "weakest point", "weakest link", "biggest risk",
        "main risk", "goes wrong first", "go wrong first",
    }
)  # fmt: skip


def names_what_breaks(mentions: MentionIndex) -> bool:
    """Whether the candidate has named what breaks first ("The biggest risk is a cache
    stampede", "What breaks first is whole-column lookups"), asked or not."""
    return any(m.term in _BREAKS_FIRST for m in mentions.positive("bottlenecks"))


def _open_prompt(state: ConversationState, at: Situation, heard: Heard | None = None) -> Move:
    for text in phrasing.OPEN_PROMPTS[at.phase]:
        if state.moved(at.phase, "open", text):
            continue
        if text == phrasing.GOES_WRONG_FIRST and names_what_breaks(state.heard_mentions):
            continue  # "What breaks first is ...", then "What would go wrong first?"
        if text == phrasing.WALK_THROUGH and heard is not None and _walks_a_request(heard.text):
            continue
        return Move("open", text)
    if at.phase == Phase.wrap_up:
        return Move("nudge", phrasing.ALL_COVERED, "move-on")
    return Move("nudge", phrasing.MOVE_ON, "move-on")


# A request followed through its steps: "On a PUT the front end writes the fragments ...,
# waits until they're durable, then commits the metadata record".
_A_REQUEST = re.compile(
    r"\b(?:on|for|when|after)\s+(?:a|an|each|every|the)\s+(?:[\w-]+\s+)?"
    r"(?:request|PUT|GET|POST|DELETE|write|read|upload|download|call|lookup)s?\b",
    re.I,
)
_THEN = re.compile(r"\b(?:then|after that|once|waits? (?:until|for)|before)\b", re.I)


def _walks_a_request(text: str) -> bool:
    """Whether a turn follows one request through its steps, which "Walk me through one
    request end to end" would ask again: it was asked right after "On a PUT the front end
    writes the fragments to storage nodes, waits until they're durable, then commits the
    metadata record in one transaction"."""
    return _A_REQUEST.search(text) is not None and len(_THEN.findall(text)) >= 1


def _ack(state: ConversationState, heard: Heard, at: Situation, newly: list[str]) -> str:
    """Acknowledge the point the last turn covered, in the candidate's words. A turn that
    only puts a point off is acknowledged as that: the friendly voice otherwise praised "can
    we come back to it later?" with "Thanks, that helps." (the others add no praise)."""
    late = state.answered_late == heard.line and heard.line > 0
    if not newly and not late:
        return _PUT_OFF_ACK if heard.defers and at.persona == "friendly" else ""
    # An earlier question answered late is heard too, though it covered no item anew:
    # "what breaks first is the single Postgres primary ..." answered the 10x question, and
    # a bare "Still: <the open question>" read as not listening.
    support = state.said.get(newly[0]) if newly else None
    quote = support.quote if support is not None else heard.text
    if support is None and not late:
        return ""
    acks = sum(1 for p, k, _ in state.moves if k == "ack")
    state.moves.add((at.phase, "ack", str(acks)))
    return phrasing.acknowledge(quote, acks)


_PUT_OFF_ACK = "Sure, we can come back to that."

# A choice that names nothing of its own: "we store them", "we keep it".
_PRONOUNS = frozenset("them it this that these those they one ones something everything".split())

# Where a chosen thing's name ends and what is said of it begins: "a display board per
# level | showing free spots by size", "a cache | in front of the database".
_CLAUSE_START = frozenset(
    {"that", "which", "who", "where", "when", "so", "because", "to", "for", "in", "on", "with",
     "and", "showing", "updated", "holding", "keeping", "using", "behind", "before", "after",
     "instead", "rather"}
)  # fmt: skip
# What follows an "and" that joins a second part on ("a queue and a worker", "a map and
# then ..."), not one that joins two words of one name ("keyed by row and column ids",
# which cut there asked "Why a sparse map keyed by row?").
_AND_JOINS = frozenset(
    "a an the our my we i it they then each every one two some its their also".split()
)
_OBJECTS = frozenset("them it us him her me you".split())


def _second_person(text: str) -> str:
    """The chosen thing as the interviewer names it back: its name, not the clause after it
    (cut mid-clause it read "Why a display board per level showing free?")."""
    words = text.split()
    for at, word in enumerate(words[2:], start=2):
        bare = word.lower().strip(",")
        if bare == "and" and not word.endswith(",") and at + 2 < len(words):
            after, then = words[at + 1].lower(), words[at + 2].lower().strip(",")
            if after not in _AND_JOINS and then not in _CLAUSE_START | _OBJECTS:
                continue  # "row and column ids": one name; "and admit them" is a clause
        if bare in _CLAUSE_START:
            words = words[:at]
            break
    if len(words) > 7:
        return ""  # a long name cut anywhere reads as a broken sentence: ask nothing
    swap = {"our": "your", "my": "your", "we": "you", "i": "you", "us": "you"}
    return " ".join(swap.get(w.lower(), w) for w in words).rstrip(" ,")


__all__ = [
    "OPEN",
    "REASONS",
    "STATEFUL",
    "Situation",
    "choose",
    "most_important_gap",
    "settle",
]

"""A mock interview in progress: phases, turns, commands, hints, snapshots and the record.

The interview holds no I/O of its own: it receives lines, returns what the interviewer
says, and reports every event to a recorder (the store commits each one as it arrives),
so a killed process loses nothing and a session can be rebuilt from its events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import Fact, Problem, RubricItem
from tradeoff.design.load import decode, parse_design, read_design_bytes
from tradeoff.errors import TradeoffError
from tradeoff.interview import phrasing
from tradeoff.interview.clock import Clock, ManualClock
from tradeoff.interview.listener import (
    Heard,
    Listener,
    MentionListener,
    decisions_in,
    hedged_clause,
)
from tradeoff.interview.numbers import quantities_in, thresholds_in
from tradeoff.interview.personas import ASKING, PERSONAS, SWITCH_LEAD, Move, say
from tradeoff.interview.phases import PHASE_DIMENSIONS, PHASES, TITLES, budgets, clock_text
from tradeoff.interview.policy import (
    Situation,
    choose,
    most_important_gap,
    names_what_breaks,
    note_restated,
    settle,
    taken_up,
)
from tradeoff.interview.questions import (
    answer_turn,
    kinds_of,
    questions_in,
    stems,
    without_lead_in,
)
from tradeoff.interview.state import (
    ANSWERED,
    ASKED_FOR,
    CATEGORY_CONCEPTS,
    DEFERRED,
    DODGED,
    MENTIONED,
    REDUNDANCY,
    RETURNED,
    STATEFUL,
    SUBSTANCE,
    Ask,
    ConversationState,
    Stated,
    Support,
    chosen_inputs,
    credit_answer,
    credit_concept,
    credit_named_inputs,
    credit_numbers,
    item_support,
    note_contradicted,
    note_reasons,
    note_redundancy,
    note_written_figures,
    restated_facts,
    sentence_with,
    update_items,
    without_claimed_mentions,
)
from tradeoff.interview.subject import subject_of
from tradeoff.review.context import ReviewContext
from tradeoff.vocabulary import EventKind, Phase, Speaker

# A question about growth ("grows tenfold", "at 10x the traffic", "doubles") and the ways
# a system grows that answer it.
# ("Each opens the home feed about ten times a day": how often, not how much it grows.)
_GROWTH = re.compile(
    r"\b(?:grows?|growing|tenfold|10x|ten times(?!\s+(?:a|an|per|every|each)\s)|doubles?"
    r"|triples?)\b",
    re.I,
)
_SCALING = frozenset(
    {"sharding", "replication", "autoscaling", "cache", "load-balancer", "partition-key",
     "hot-key", "bottlenecks"}
)  # fmt: skip


# A question whose scene takes a part down: "A provider is down for an hour", "the
# primary region goes down".
_DOWN = re.compile(
    r"\b(?:is|are|goes|went|go) down\b|\boutages?\b|\b(?:is|are|goes|becomes) unavailable\b",
    re.I,
)


@dataclass(frozen=True)
class Event:
    kind: str  # an EventKind
    at: datetime
    phase: str
    text: str = ""
    speaker: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


class EventLike(Protocol):
    """A recorded event as the store returns it (or an Event): what a rebuild reads."""

    @property
    def kind(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def phase(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def data(self) -> dict[str, Any]: ...


Recorder = Callable[[Event], None]
Phraser = Callable[[str, Move, str], str]  # (persona, move, transcript tail) -> words


class Interview:
    """One session; feed it lines with `handle`, read the interviewer's replies."""

    def __init__(
        self,
        *,
        problem: Problem,
        catalog: Catalog,
        persona: str,
        level: str,
        minutes: int,
        clock: Clock,
        record: Recorder,
        started_at: datetime | None = None,
        phraser: Phraser | None = None,
        listener: Listener | None = None,
    ) -> None:
        if persona not in PERSONAS:
            raise TradeoffError(f"no persona {persona!r}; use one of {', '.join(PERSONAS)}")
        self.problem, self.catalog = problem, catalog
        self.persona, self.level, self.minutes = persona, level, minutes
        self.clock, self.record, self.phraser = clock, record, phraser
        self.budgets = budgets(minutes)
        self.started_at = started_at or clock.now()
        self.phase_index = 0
        self.phase_started_at = self.started_at
        self.turns: list[tuple[datetime, str, str]] = []  # (at, speaker, text)
        self.spoken = 0  # candidate turns so far: the line numbers of the spoken record
        self.design: str | None = None
        self.design_versions = 0
        self.hints: dict[str, int] = {}
        self.hints_used = 0
        self.nudged: set[str] = set()
        self.state = ConversationState()
        self.logged_moves: set[tuple[str, str, str]] = set()  # moves already in a turn's data
        self.numbers = catalog.numbers.get(problem.id, ())
        self.listener = listener or MentionListener(catalog.vocabulary, self.numbers)
        self.listener_concepts = tuple(catalog.vocabulary.concepts.values())
        self.items = {item.id: item for _, item in problem.rubric.items()}
        self.measured = {item.id for d, item in problem.rubric.items() if d == "capacity"}
        self.last_heard: Heard | None = None
        self.ended = False
        self.notices: list[str] = []
        self.unseen: list[str] = []  # notices not yet shown to the candidate

    @classmethod
    def from_events(
        cls,
        problem: Problem,
        persona: str,
        events: Iterable[EventLike],
        clock: Clock,
        *,
        catalog: Catalog,
        level: str,
        minutes: int,
        started_at: datetime,
        record: Recorder | None = None,
        phraser: Phraser | None = None,
        ended: bool = False,
    ) -> Interview:
        """The interview a session's stored events describe, ready for its next line.

        Nothing is recorded while rebuilding (the events are already stored); `record` gets
        only what happens next. `ended` marks a session its store says is finished even if
        no /end was recorded (one closed by other means).
        """
        interview = cls(
            problem=problem, catalog=catalog, persona=persona, level=level, minutes=minutes,
            clock=clock, record=_ignore, started_at=started_at, phraser=phraser,
        )  # fmt: skip
        interview.restore(events)
        interview.record = record or _ignore
        interview.ended = interview.ended or ended
        return interview

    @property
    def revealed(self) -> set[str]:
        return set(self.state.revealed)

    # --- the public surface ---------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return PHASES[self.phase_index]

    def status(self) -> str:
        """The line shown before every prompt: phase, time left in it, time left overall."""
        now = self.clock.now()
        in_phase = self.budgets[self.phase] - (now - self.phase_started_at).total_seconds()
        overall = self.minutes * 60 - (now - self.started_at).total_seconds()
        over = " (over time)" if in_phase < 0 else ""
        return (
            f"[{TITLES[self.phase]} · {clock_text(in_phase)} left in phase{over}"
            f" · {clock_text(overall)} left]"
        )

    def opening(self) -> list[str]:
        lines = [
            f"{self.problem.title}. {self.problem.prompt}",
            "Start by asking about requirements and scale.",
        ]
        for line in lines:
            self._log(Speaker.interviewer, line)
        return lines

    def handle(self, line: str) -> list[str]:
        """Everything the interviewer says in reply to one line of input, after any notice
        (an LLM that failed) the candidate has not seen yet."""
        replies = self._reply(line)
        notices, self.unseen = self.unseen, []
        return notices + replies

    def _reply(self, line: str) -> list[str]:
        if self.ended:
            return []
        text = line.strip()
        if not text:
            return []
        if text.startswith("/"):
            return self._command(text)
        self._log(Speaker.candidate, text)
        for sentence, reasoned in decisions_in(text, self.listener_concepts):
            self.record(
                Event(EventKind.decision, self.clock.now(), self.phase, sentence, Speaker.candidate,
                      {"reason": reasoned})
            )  # fmt: skip
        heard, newly = self.listen(text)
        replies = self._pace()
        if questions_in(text):
            return [*replies, self._answer(text, heard)]
        asked_to_move = self.state.moved(self.phase, "nudge", "move-on")
        move = choose(self.state, heard, self._situation(), newly)
        if move.item == "move-on" and asked_to_move and self.phase_index < len(PHASES) - 1:
            # Asked once to move on, the candidate kept adding to the phase: "I think we've
            # covered this part. Shall we move on?" came four times in a row. A real
            # interviewer moves them on.
            lead = f"{move.ack} {phrasing.MOVING_ON}".strip()
            return [*replies, *self._advance_phase(lead=lead)]
        replies.append(self._speak(move))
        return replies

    def listen(self, text: str) -> tuple[Heard, list[str]]:
        """Read a candidate turn into the state; returns the reading and the items it newly
        covers with substance. Replaying a session calls this for every recorded turn."""
        self.spoken += 1
        heard = self.listener.hear(text, self.spoken)
        self.last_heard = heard
        # Before the items: a line whose working starts from a figure said against one
        # given derives nothing (`update_items`).
        note_contradicted(self.state, self.problem, self.numbers, heard)
        newly = update_items(self.state, self.problem, heard)
        newly += note_restated(self.state, self.problem, heard)
        note_redundancy(self.state, heard.claims)
        note_reasons(self.state, heard)
        for spoken in heard.numbers:
            slipped = any(spoken.text in slip for slip in heard.slips)
            self.state.spoken_numbers.append(Stated(heard.line, text, spoken, slipped))
        self.state.thresholds |= {ref.name for ref in thresholds_in(text, self.numbers)}
        chosen = chosen_inputs(self.state, self.problem, heard)
        if heard.assumption or heard.says_figures or heard.chose_figure or chosen:
            # A figure chosen with "maybe" among figures given is quoted by its clause; with
            # inputs of its own chosen too ("20 million users" before any was given), whole.
            quote = (
                text
                if heard.assumption or heard.says_figures or (heard.chose_figure and chosen)
                else hedged_clause(text)
                if heard.chose_figure
                else sentence_with(text, chosen[0].text)
            )
            self.state.assumptions.append(Stated(heard.line, quote))
            newly += credit_concept(self.state, self.problem, "assumptions", heard, quote=quote)
        newly += credit_named_inputs(self.state, self.problem, heard)
        if heard.features is not None:  # "users post X, follow Y and scroll Z"
            newly += credit_concept(
                self.state, self.problem, "functional-requirements", heard, quote=heard.features
            )
        for sentence, reasoned in heard.decisions:
            self.state.decisions.append((heard.line, sentence, reasoned))
        current = self.state.open_ask()  # settled below, as the question just put
        for earlier in self.state.asks:
            left = earlier.status in (DODGED, RETURNED) or (
                earlier.status == DEFERRED and earlier.put_off
            )
            if (
                left
                and earlier is not current
                and taken_up(earlier, heard)
                and (
                    earlier.item not in self.items
                    or self._reads_as(self.items[earlier.item], heard)
                )
            ):
                earlier.status = ANSWERED  # come back to: late, but answered
                self.state.answered_late = heard.line
                if earlier.item in self.items:
                    # And credited as the answer it is: "Pricing is a chain of PriceRule
                    # objects: ..." answered the pricing question two questions on, and the
                    # report still called pricing "neither said nor written".
                    item = self.items[earlier.item]
                    measures = item.text if earlier.item in self.measured else ""
                    concepts = self._covering(earlier.concepts, item)
                    meant = heard.meant()
                    # What it asked about, not a shared word; and not a closing recap, which
                    # names the choices made ("a metadata store range-partitioned by (bucket,
                    # key)") without weighing them (`recap_weighs_nothing`).
                    # Nor the answer to what breaks first, which names where it hurts
                    # ("hot partitions ... so I'd add more shards") and weighs no option: it
                    # was credited for "polling against timer wheels against delay queues",
                    # a question dodged two phases before.
                    closing = meant & {"summary", "bottlenecks"}
                    if concepts & meant and not closing and not self._answers_another(item, heard):
                        newly += credit_answer(
                            self.state, earlier.item, heard, concepts, measures, item
                        )
        ask = self.state.open_ask()
        hinted = next((a for a in self.state.asks if a.hinted), None)
        if ask is None and hinted is not None and hinted.status == DEFERRED and heard.defers:
            hinted.put_off = heard.line  # the hint was for it: "let's come back to that"
        for earlier in self.state.asks:
            earlier.hinted = False
        if ask is not None and not questions_in(text):
            ask.status = settle(ask, heard)
            if ask.status == DEFERRED:
                ask.put_off = heard.line
            if (
                ask.status == ANSWERED
                and ask.item in self.items
                and not self._answers_another(self.items[ask.item], heard)
            ):
                measures = self.items[ask.item].text if ask.item in self.measured else ""
                concepts = self._covering(ask.concepts, self.items[ask.item])
                newly += credit_answer(
                    self.state, ask.item, heard, concepts, measures, self.items[ask.item]
                )
        return heard, newly

    # --- what the candidate has produced --------------------------------------------------

    def candidate_text(self) -> str:
        """The candidate's words and latest design, as the reviewer should read them."""
        said = [t for _, who, t in self.turns if who == Speaker.candidate]
        spoken = "\n".join(f"Candidate: {t}" for t in said)
        return f"{self.design}\n\n{spoken}" if self.design else spoken

    def transcript(self) -> str:
        return "\n".join(
            f"[{clock_text((at - self.started_at).total_seconds())}]"
            f" {'Candidate' if who == Speaker.candidate else 'Interviewer'}: {t}"
            for at, who, t in self.turns
        )

    def _situation(self) -> Situation:
        return Situation(self.problem, self.catalog, self.phase, self.persona, self.level)

    # --- moves --------------------------------------------------------------------------------

    def _answer(self, text: str, heard: Heard) -> str:
        """One reply to every question in the turn: the facts asked for, each once, and an
        invitation to assume for the parts no fact answers."""
        parts = answer_turn(text, self.problem, self.catalog.vocabulary.question_kinds)
        facts = [f for part in parts for f in part.facts]
        unknown = [part.text for part in parts if not part.facts]
        said: list[str] = []
        answered = [part.text for part in parts for _ in part.facts]
        self._credit_questions(facts, heard)
        for fact in facts:
            again = fact.id in self.state.revealed
            self.state.revealed.setdefault(fact.id, self.spoken)
            said.append(f"As I said, {_lower_first(fact.text)}" if again else fact.text)
        if not facts:
            asked = [part.text for part in parts] or [text]
            move = Move(
                "assume", "Assume what you think is reasonable and say it.", asked=tuple(asked)
            )
        else:
            if unknown:
                # "who are the users" has no figure to give: the wording fits any question.
                topics = " or ".join(f'"{_asked(u)}"' for u in unknown[:2])
                said.append(f"As for {topics}, assume what you think is reasonable and say it.")
            move = Move(
                "answer", " ".join(said), ",".join(f.id for f in facts),
                parts=tuple(said), asked=tuple(answered),
            )  # fmt: skip
        return self._speak(move)

    def _credit_questions(self, facts: list[Fact], heard: Heard | None) -> None:
        """Questions that drew out facts are clarifying questions; one that drew out a
        latency target, the scope or the consistency needed settles that requirement."""
        if heard is None or not facts:
            return
        if len(self.state.revealed) + len(facts) >= 2:
            drew = frozenset(f.category for f in facts)
            ids = frozenset(f.id for f in facts)
            credit_concept(self.state, self.problem, "clarifying-questions", heard, drew, drawn=ids)
        asked = set(kinds_of(heard.text, self.catalog.vocabulary.question_kinds))
        answered = False
        for fact in facts:
            if fact.category == "scope-in" and asked & set(fact.answers):
                # What the product does is asked for in its own words as often as
                # "features": "What do we limit on?" asks the rules (kinds the scope fact
                # answers). The features are then not missing (REQ101); which items that
                # covers stays the question's own, as for "features" below.
                self.state.settled.add("functional-requirements")
            if asked & set(ASKED_FOR.get(fact.category, ())):
                answered = True
                for concept in CATEGORY_CONCEPTS.get(fact.category, ()):
                    credit_concept(
                        self.state, self.problem, concept, heard, drawn=frozenset({fact.id})
                    )
        named = {c for c in self._requirement_concepts if heard.mentions.positive(c)}
        drew_ids = frozenset(f.id for f in facts)
        for item in self.problem.rubric.requirements.items:
            # So does one that drew out the fact the requirement restates ("What do users
            # control about what they get?" drawing "Users choose channels per category
            # ... quiet hours ..." for "Honours opt-outs per channel and category, quiet
            # hours ..."), though its own words name none of the item's concepts.
            restated = bool(restated_facts(self.problem, item) & drew_ids)
            if (named & set(item.concepts) or restated) and item.id not in self.state.said:
                # A question that drew out facts about part of a requirement ("does it need
                # to work offline? and what about undo" of "convergence, offline editing,
                # undo and roles") mentions it: never "neither said nor written".
                self.state.said[item.id] = Support(MENTIONED, heard.text, heard.line, "said")
        if answered:
            # "Do we need ordering, and what delivery guarantee?" answered by the ordering
            # and delivery facts establishes the requirement it names (per-key ordering,
            # at-least-once), as a latency question answered settles the latency target.
            named = {c for c in self._requirement_concepts if heard.mentions.positive(c)}
            self.state.settled |= named
            drawn = frozenset(f.id for f in facts)
            for concept in sorted(named):
                credit_concept(self.state, self.problem, concept, heard, drawn=drawn)

    @cached_property
    def _requirement_concepts(self) -> frozenset[str]:
        """The concepts of the prompt's requirement items that a question can name."""
        rubric = self.problem.rubric.requirements
        generic = {"clarifying-questions", "scale-numbers", "assumptions"}
        return frozenset(c for i in rubric.items for c in i.concepts) - generic

    def _speak(self, move: Move) -> str:
        words = say(self.persona, move, len(self.turns))
        if move.kind in ASKING and move.kind != "return":
            self._ask(move)
        if self.phraser is not None:
            try:
                words = self.phraser(self.persona, move, self.transcript()[-1500:])
            except TradeoffError as exc:
                self.phraser = None  # one notice, then the built-in interviewer for the rest
                notice = f"(LLM unavailable: {exc}; the built-in interviewer continues)"
                self.notices.append(notice)
                self.unseen.append(notice)
                self.record(Event(EventKind.notice, self.clock.now(), self.phase, notice))
        said = {"move": move.kind, "item": move.item, "said": move.text, "moves": self._new_moves()}
        self._log(Speaker.interviewer, words, said)
        return words

    def _ask(self, move: Move) -> None:
        """Remember a question put to the candidate, to notice whether it is answered."""
        items = {i.id: i for _, i in self.problem.rubric.items()}
        item = items.get(move.item or "") or items.get(
            _follow_up_item(self.problem, move.item or "") or ""
        )
        guessed = item is None and move.kind not in ("failure", "challenge")
        if guessed:
            item = _nearest_item(move.text, list(items.values()))  # a prompt's follow-up
        guessed = guessed and (move.item or "").startswith("follow-up-")
        # An item guessed from shared words is the question's neighbour, not its subject: "A
        # user deletes a photo. How do you remove it from the CDN and from followers' feeds?"
        # sits nearest the feed item by "followers'", and was answered by "push photo ids to
        # followers' timelines ..., pull for celebrities", which removes nothing. It is asked
        # once like its item, but only the question's own words and concepts answer it.
        said = [item.text, item.probe or "", item.hint or ""] if item and not guessed else []
        if item is not None and move.kind in ("probe", "follow-up"):
            # Asked once, in whatever words (the prompt's follow-up or the item's probe): a
            # later phase does not ask it again; the report lists it if it stays open.
            self.state.moves.add(("*", "asked", item.id))
        # The prompt's own words ("link", "short", "payment") are in every question and every
        # answer, the rubric item's included; its other words say what this one is about.
        # ("That's roughly 100 payments a second" answered "What do you need to know about
        # how the payment providers behave?" by "payment" and a number.)
        common = stems(f"{self.problem.title} {self.problem.prompt}")
        # The agent noun of the title names its verb too: a web crawler's "crawl", a job
        # scheduler's "schedul" are in every answer ("monitor crawl rate per host" took up
        # "What stops you crawling it forever?" by "crawl" and "host").
        common |= {w[:-2] for w in common if w.endswith("er") and len(w) > 5}
        words = (stems(move.text) | stems(" ".join(said))) - common
        subject = self._subject(move, item)
        if guessed and item is not None:
            subject = self._subject(move, None) or subject
        self.state.asks.append(
            Ask(
                move.text,
                move.kind,
                move.item,
                self.phase,
                subject,
                words=words,
            )
        )

    def _subject(self, move: Move, item: RubricItem | None) -> frozenset[str]:
        """The concepts an answer to a move may name, synonyms and tied concepts included:
        a failure or a challenge is answered by redundancy or by a technique tied to the
        component at stake (request coalescing for a cache), never by naming it again."""
        vocabulary = self.catalog.vocabulary.concepts
        if move.kind == "failure":
            component = (move.item or "").removeprefix("component:")
            return REDUNDANCY | (subject_of("", [component], vocabulary) - STATEFUL)
        if move.kind == "challenge":
            return REDUNDANCY | (subject_of(move.text, (), vocabulary) - STATEFUL)
        # A probe's scene ("It's 7 pm, a flash-sale campaign is half sent, and someone asks
        # for a login code.") sets the stage; what it asks is its item and its question:
        # "35 workers at peak" names the peak of the scene and answers nothing of the wait.
        said = _question_asked(move.text) if move.kind == "probe" and item else move.text
        subject = subject_of(said, item.concepts if item else (), vocabulary)
        # The title's own concepts ("lock" in a lock service: pessimistic locking) are named
        # by every answer: "So peak is 10,000 lock ops/s" answered "If the service cannot be
        # sure who holds a lock, should it hand the lock out anyway or refuse?" by "lock".
        subject -= self._title_concepts - frozenset(item.concepts if item else ())
        if _GROWTH.search(move.text):
            # "The corpus grows tenfold. What changes in the serving tier?" is answered by
            # how it scales ("shard by prefix range ... replicate the hot ones"), in words
            # the question never used.
            subject |= _SCALING & frozenset(vocabulary)
        if move.kind == "probe" and _DOWN.search(move.text):
            # "A provider is down for an hour on Black Friday. What does the buyer see?"
            # names no concept of its own, yet "we route new payments to the other one"
            # answers it: moving the work off the part that is down is the answer an outage
            # asks for, in whatever words (`operations.fails_over`).
            subject |= frozenset({"failover"}) & frozenset(vocabulary)
        return subject

    @cached_property
    def _title_concepts(self) -> frozenset[str]:
        """The concepts the prompt's title names, with their ties."""
        return subject_of(self.problem.title, (), self.catalog.vocabulary.concepts)

    def _reads_as(self, item: RubricItem, heard: Heard) -> bool:
        """Whether a line that takes up a question left turns ago is about its item as the
        reviewer reads it, named or specified. With no question just put to give it that
        sense, a shared concept is not enough: "... return 422 if the same key comes with a
        different body", said of idempotency keys, was credited with "One error body
        everywhere (type, code, message ...)", which the reviewer finds missing in it."""
        dimension = next(d for d, i in self.problem.rubric.items() if i.id == item.id)
        support = item_support(item, dimension, heard.claims, self.state.heard_mentions, "said")
        if support is None:
            return False
        # Only mentioned, it must be by the item's own concepts: a concept listed as tied to
        # it is another part's. "The frontier is partitioned by a hash of the host" names
        # key design, a mention of the URL record, and shares "hash" and "host" with its
        # text; it took up "What do you store for each URL ...?", put off two turns before,
        # and the report left that question off the ones put off.
        return support.status == SUBSTANCE or bool(heard.meant() & set(item.concepts))

    def _answers_another(self, item: RubricItem, heard: Heard) -> bool:
        """Whether a line names none of the asked item's own concepts, only ones tied to
        them, and names another item's own concept: it answers that item. "A client cache of
        the last 200 prefixes at 1.5 kB each is about 300 kB" after "What does the request to
        the suggestion API look like?" shares only "cache" (tied to the endpoint's caching
        headers), and was reported as the endpoint covered with substance beside API101's
        "No API is defined"."""
        meant = heard.meant()
        if meant & set(item.concepts):
            # Named, but specified as another item's answer and not as this one's: "Prices
            # come from a PricingStrategy interface; a new marketing rule is a new strategy
            # class" after "What methods does the booking service expose?" shares only
            # "interface", and was quoted as "BookingService.holdSeats(...) ... covered".
            return not self._specifies(item, heard) and any(
                other.id != item.id and self._specifies(other, heard)
                for _, other in self.problem.rubric.items()
            )
        return any(
            other.id != item.id and meant & set(other.concepts)
            for _, other in self.problem.rubric.items()
        )

    def _specifies(self, item: RubricItem, heard: Heard) -> bool:
        """Whether the reviewer reads the line as specifying the item, on its own."""
        dimension = next(d for d, i in self.problem.rubric.items() if i.id == item.id)
        found = item_support(item, dimension, heard.claims, self.state.heard_mentions, "said")
        return found is not None and found.status == SUBSTANCE

    def _covering(self, asked: frozenset[str], item: RubricItem) -> frozenset[str]:
        """The concepts an answer must name to cover the item it answers: not those the item
        lists as mere mentions, nor their ties. "A replica is promoted" answers "a primary
        fails over to its replica; what happens to the counts?" in its words, but says
        nothing of the increments the replica never received."""
        vocabulary = self.catalog.vocabulary.concepts
        own = subject_of("", item.concepts, vocabulary)
        if not item.mentions:
            return own
        mentioned = subject_of("", item.mentions, vocabulary)
        return (own - mentioned) | frozenset(item.concepts)

    def _pace(self) -> list[str]:
        """A nudge when the phase's time is up; past the grace, move on and say so."""
        now = self.clock.now()
        spent = (now - self.phase_started_at).total_seconds()
        budget = self.budgets[self.phase]
        if spent > budget + grace(budget) and self.phase_index < len(PHASES) - 1:
            title = TITLES[self.phase].lower()
            self.record(
                Event(EventKind.nudge, now, self.phase, "moved on", Speaker.interviewer,
                      {"auto": True})
            )  # fmt: skip
            replies = self._advance_phase(lead=f"We're well over time on {_short(title)}, so"
                                          " let's move on.")  # fmt: skip
            return replies
        if spent <= budget or self.phase in self.nudged:
            return []
        self.nudged.add(self.phase)
        left = self.minutes * 60 - (now - self.started_at).total_seconds()
        minutes_left = max(0, round(left / 60))
        text = {
            Phase.clarify: "We're past the time for requirements; let's move to the high-level"
            " design soon.",
            Phase.high_level: f"We have {minutes_left} minutes left; pick one component to go"
            " deep on.",
            Phase.deep_dive: f"We have {minutes_left} minutes left; let's start wrapping up.",
            Phase.wrap_up: "We're out of time. Give me your summary in a sentence or two.",
        }[self.phase]
        self.record(Event(EventKind.nudge, now, self.phase, text, Speaker.interviewer))
        return [self._speak(Move("nudge", text))]

    # --- commands -----------------------------------------------------------------------------

    def _command(self, text: str) -> list[str]:
        name, _, argument = text.partition(" ")
        name = name.lower()
        self.record(Event(EventKind.command, self.clock.now(), self.phase, text, Speaker.candidate))
        if name == "/hint":
            return [self._hint()]
        if name == "/next":
            return self._advance_phase()
        if name in ("/design", "/diagram"):
            return [self._attach(name[1:], argument.strip())]
        if name == "/end":
            self.ended = True
            return ["Thanks, that's time. Here is how it went."]
        if name == "/advance" and isinstance(self.clock, ManualClock):
            self.clock.advance(_seconds(argument))
            return []
        if name == "/help":
            return ["Commands: /hint, /next, /end, /design FILE, /diagram FILE."]
        return [f"Unknown command {name}; use /hint, /next, /end, /design FILE or /diagram FILE."]

    def hint_order(self) -> list[str]:
        """Items to hint at: the open question's item if uncovered, then the phase's
        uncovered items by importance. A covered item is never hinted at. The open question
        was asked in this phase (a phase change closes it), so its item belongs here even
        when the rubric files it elsewhere: "The suggestion API times out. What does the user
        see?" asked in the deep dive wants a hint about errors, not about debouncing."""
        at = self._situation()
        order: list[str] = []
        ask = self.state.open_ask()
        asked = self._asked_item(ask)
        if asked is not None and not self.state.covered(asked):
            order.append(asked)
        skip = set(order)
        while True:
            state = ConversationState(said=self.state.said, written=self.state.written)
            state.moves = {(self.phase, "probe", i) for i in skip}
            found = most_important_gap(state, at)
            if found is None:
                return order
            order.append(found[1].id)
            skip.add(found[1].id)

    def _asked_item(self, ask: Ask | None) -> str | None:
        """The rubric item the open question is about: its own, or for one of the prompt's
        follow-ups the item the catalog says it tests ("The presigned part URLs expire
        halfway through a four-hour upload" tests the retries item)."""
        if ask is None or ask.item is None:
            return None
        if ask.item in self.items:
            return ask.item
        return _follow_up_item(self.problem, ask.item)

    def _hint(self) -> str:
        order = self.hint_order()  # before the open question is put aside: it comes first
        open_item = self._asked_item(self.state.open_ask())
        ask = self.state.open_ask()
        pending = ask is not None
        self._put_off_open_ask()
        if ask is not None and ask.kind == "failure" and ask.item and ask.item not in self.hints:
            # "If S3 goes down at peak ...?" has no rubric item; the hint for the phase's top
            # item ("How do you know the file in storage is byte for byte ...?") asked another
            # question instead of helping with this one.
            return self._give_hint(ask.item, phrasing.FAILURE_HINT, "nudge", asks=False)
        items = {i.id: i for _, i in self.problem.rubric.items()}
        for item_id in order:
            rungs = phrasing.hint_texts(self.problem, items[item_id])
            given = self.hints.get(item_id, 0)
            if given >= len(rungs):
                continue
            text = rungs[given]
            item = items[item_id]
            unasked = not self.state.moved("*", "asked", item_id)
            asks = given == 0 and unasked and bool(item.probe) and text == item.hint
            if asks and item.probe:
                # An item's hint helps with its question ("Write each as a method and a
                # path"): never asked, the question comes first, and is now open.
                text = f"{item.probe} {text}"
                if pending and item_id != open_item:
                    # No hint helps with the question on the table (a follow-up of the
                    # prompt's with no item): say the hint is for another question.
                    text = f"{SWITCH_LEAD} {text}"
                self._ask(Move("probe", item.probe, item_id))
            elif pending and item_id != open_item and item.probe:
                # A hint about another question than the one on the table says which: "The
                # API can authorise an upload without carrying its bytes" right after "The
                # presigned part URLs expire ... What happens?" read as a hint about expiry.
                text = f"{_hint_lead(item.probe)} {text}"
            elif pending and ask is not None and item_id == open_item and item_id != ask.item:
                # A follow-up of the prompt's that asks this item ("How would you spot and
                # stop a scam posting ...?"): the item's hint is written for its own probe,
                # so it says which question it helps with, the follow-up as it was asked.
                text = f"{_hint_lead(ask.text)} {text}"
            level = ("nudge", "pointer", "partial")[min(given, 2)]
            return self._give_hint(item_id, text, level, asks=asks)
        return self._speak(
            Move("hint", "No more hints for this part: trust your reasoning and state it.")
        )

    def _give_hint(self, item_id: str, text: str, level: str, *, asks: bool) -> str:
        self.hints[item_id] = self.hints.get(item_id, 0) + 1
        self.hints_used += 1
        self.record(
            Event(EventKind.hint, self.clock.now(), self.phase, text, Speaker.interviewer,
                  {"item": item_id, "level": level, "count": self.hints_used, "asks": asks})
        )  # fmt: skip
        return self._speak(Move("hint", text, item_id))

    def _put_off_open_ask(self) -> None:
        """Asking for a hint puts the open question aside: the hint is what is on the table
        now, and an answer to it is not a dodge of the question before. A question already
        returned to is another matter: asked twice and helped with, it is still the
        candidate's, and it stays unanswered until a turn takes it up. "If Cassandra goes
        down at peak ...?" was returned to, the candidate took a hint and spoke of group
        fan-out, and the report never said the question went unanswered."""
        ask = self.state.open_ask()
        if ask is not None:
            ask.status = DODGED if ask.status == RETURNED else DEFERRED
            ask.hinted = True

    def _advance_phase(self, lead: str = "") -> list[str]:
        if self.phase_index == len(PHASES) - 1:
            return ["This is the last phase; /end when you're done."]
        ask = self.state.open_ask()
        if ask is not None:  # skipped by /next, or put off when the interviewer moved on
            ask.status = DEFERRED if lead else DODGED
        self.phase_index += 1
        self.phase_started_at = self.clock.now()
        self.record(Event(EventKind.phase, self.clock.now(), self.phase, TITLES[self.phase]))
        intro = {
            Phase.high_level: phrasing.high_level_intro(self.problem.type),
            Phase.deep_dive: "Pick the hardest part and let's go deep.",
            Phase.wrap_up: "Let's wrap up.",
        }[self.phase]
        replies = [self._speak(Move("phase", f"{lead} {intro}".strip()))]
        if self.phase == Phase.wrap_up:
            self.state.moves.add((self.phase, "wrap-up", "10x"))
            wrap = phrasing.wrap_up(self.problem.type)
            # (A sanity check quotes a fact, and a fact's words are no question of growth.)
            grown = next(
                (a for a in self.state.asks if a.kind != "sanity" and _GROWTH.search(a.text)),
                None,
            )
            if grown is not None:
                # "Lock traffic grows tenfold. What breaks first ...?" was asked in the deep
                # dive: "What breaks first ... at 10x the traffic?" again read as not
                # listening. Answered, the wrap-up asks for the summary; left, it goes back.
                wrap = (
                    phrasing.WRAP_UP_SUMMARY
                    if grown.status == ANSWERED
                    else phrasing.NOT_REACHED + grown.text
                )
            elif names_what_breaks(self.state.heard_mentions):
                # Said unasked ("The biggest risk is a cache stampede when a viral link
                # expires"): asking what breaks first asks what the candidate just told.
                wrap = phrasing.WRAP_UP_SUMMARY
            replies.append(self._speak(Move("wrap-up", wrap, "10x")))
            if wrap.startswith(phrasing.NOT_REACHED):
                # Asked, returned to once, and asked again here: not a fourth time. "Lock
                # traffic grows tenfold ..." came back after "I'd use etcd." in the wrap-up.
                self.state.moves.add((self.phase, "return", wrap))
        return replies

    def _attach(self, kind: str, name: str) -> str:
        if not name:
            return f"Give a file: /{kind} FILE"
        path = Path(name).expanduser()
        try:  # a FIFO or /dev/zero is refused before it is read, as `tradeoff review` does
            content = decode(read_design_bytes(path), str(path))
        except TradeoffError as exc:
            return f"{exc}. Nothing was attached."
        if kind == "diagram" and path.suffix != ".excalidraw" and "```" not in content:
            content = f"```mermaid\n{content}\n```"
        self.attach_text(
            content if kind == "design" or self.design is None else f"{self.design}\n\n{content}"
        )
        self.design_versions += 1
        self.record(
            Event(EventKind.snapshot, self.clock.now(), self.phase, content, Speaker.candidate,
                  {"kind": kind, "source": path.name, "version": self.design_versions})
        )  # fmt: skip
        return f"Got it: {kind} version {self.design_versions} from {path.name}."

    def save_text(self, text: str, source: str) -> int:
        """A design written elsewhere (the web editor) as the next version, recorded as the
        same snapshot event /design records; returns the version number, unchanged (and
        nothing recorded) when the text is the current design."""
        if text == (self.design or ""):
            return self.design_versions
        self.attach_text(text)
        self.design_versions += 1
        self.record(
            Event(EventKind.snapshot, self.clock.now(), self.phase, text, Speaker.candidate,
                  {"kind": "design", "source": source, "version": self.design_versions})
        )  # fmt: skip
        return self.design_versions

    def attach_text(self, design: str) -> None:
        """Read an attached design once: what it covers, its numbers and its redundancy."""
        self.design = design
        context = ReviewContext(
            doc=parse_design(design),
            problem=self.problem,
            rubric=self.problem.rubric,
            vocabulary=self.catalog.vocabulary,
            level=self.level,
            interview_type=self.problem.type,
        )
        claims, mentions = context.claims, context.mentions
        written = {
            item.id: support
            for dimension, item in self.problem.rubric.items()
            if (support := item_support(item, dimension, claims, mentions, "design")) is not None
        }
        self.state.written = without_claimed_mentions(self.problem, written, claims, mentions)
        note_redundancy(self.state, claims)
        note_written_figures(self.state, self.problem, claims)
        self.state.written_numbers = [
            Stated(number, text.strip(), spoken)
            for number, text in context.prose
            for spoken in quantities_in(text, self.numbers)
        ]
        credit_numbers(self.state, self.problem, self.state.written_numbers, "design")

    # --- bookkeeping ---------------------------------------------------------------------------

    def _new_moves(self) -> list[list[str]]:
        """The moves made since the last interviewer turn, to store with it: the policy keeps
        more than the move said (a concept probed, an acknowledgement counted), and a rebuilt
        interview must remember exactly what the live one did."""
        new = self.state.moves - self.logged_moves
        self.logged_moves |= new
        return [list(move) for move in sorted(new)]

    def _log(self, speaker: str, text: str, data: dict[str, Any] | None = None) -> None:
        now = self.clock.now()
        self.turns.append((now, speaker, text))
        self.record(Event(EventKind.turn, now, self.phase, text, speaker, data or {}))

    def restore(self, events: Iterable[EventLike]) -> None:
        """Rebuild the interview from its recorded events, without recording anything.
        Call on a new Interview only; `from_events` is the way in from outside."""
        auto = False  # the interviewer moved the phase on (pacing), not the candidate
        for event in events:
            if event.kind in (EventKind.phase, EventKind.nudge, EventKind.turn):
                auto = auto if event.kind == EventKind.phase else bool(event.data.get("auto"))
            if event.kind == EventKind.turn:
                self.turns.append((event.at, event.speaker or "", event.text))
                if event.speaker == Speaker.candidate:
                    self.listen(event.text)
                    continue
                if "moves" in event.data:
                    made = {(str(p), str(k), str(a)) for p, k, a in event.data["moves"]}
                    self.state.moves |= made
                    self.logged_moves |= made
                move, item = event.data.get("move"), event.data.get("item")
                if move == "answer" and item:
                    facts = [f for f in self.problem.facts if f.id in str(item).split(",")]
                    self._credit_questions(facts, self.last_heard)
                    for fact in facts:
                        self.state.revealed.setdefault(fact.id, self.spoken)
                elif move:
                    plain = str(event.data.get("said", event.text))
                    if "moves" not in event.data:  # stored before turns carried their moves
                        self.state.moves.add((event.phase, move, item or plain))
                    if move in ASKING and move != "return":
                        self._ask(Move(move, plain, item))
            elif event.kind == EventKind.phase:
                ask = self.state.open_ask()
                if ask is not None:
                    ask.status = DEFERRED if auto else DODGED
                self.phase_index = PHASES.index(event.phase)
                self.phase_started_at = event.at
            elif event.kind == EventKind.hint:
                self._put_off_open_ask()
                item_id = str(event.data.get("item"))
                self.hints[item_id] = self.hints.get(item_id, 0) + 1
                self.hints_used += 1
                probe = self.items[item_id].probe if item_id in self.items else None
                if event.data.get("asks") and probe:
                    self._ask(Move("probe", probe, item_id))  # the hint put the question
            elif event.kind == EventKind.snapshot:
                self.attach_text(event.text)
                self.design_versions = int(event.data.get("version", self.design_versions + 1))
            elif event.kind == EventKind.nudge:
                self.nudged.add(event.phase)
            elif event.kind == EventKind.command and _command_name(event.text) == "/end":
                self.ended = True
        if isinstance(self.clock, ManualClock) and self.turns:
            self.clock.advance((self.turns[-1][0] - self.clock.now()).total_seconds())


def _ignore(event: Event) -> None:
    """The recorder while rebuilding: the events replayed are already stored."""


def _command_name(text: str) -> str:
    return text.strip().partition(" ")[0].lower()


def grace(budget: float) -> float:
    """How far past its budget a phase may run before the interviewer moves on."""
    return max(60.0, budget * 0.25)


def _phase_items(problem: Problem, phase: str) -> set[str]:
    dims = set(PHASE_DIMENSIONS[phase])
    return {item.id for dim, item in problem.rubric.items() if dim in dims}


def _follow_up_item(problem: Problem, about: str) -> str | None:
    """The rubric item a follow-up move ("follow-up-2") tests, when the catalog says."""
    match = re.fullmatch(r"follow-up-(\d+)", about)
    if match is None or not 1 <= int(match.group(1)) <= len(problem.follow_ups):
        return None
    return problem.follow_ups[int(match.group(1)) - 1].about


def _hint_lead(question: str) -> str:
    """How a hint names the follow-up on the table it helps with: quoted back when it is one
    question ("A hint on my earlier question, how would you spot ...?"), else by reference
    ("An EU seeker asks ... What has to happen?" quoted from its last sentence would be
    "what has to happen?", which names nothing)."""
    sentences = re.split(r"(?<=[.!?])\s+", question.strip())
    if len(sentences) == 1 and question.strip().endswith("?"):
        return f"A hint on my earlier question, {_lower_first(question.strip()[:-1])}?"
    scene = _SUPPOSE.sub("", sentences[0]).rstrip(".")
    if len(sentences) > 1 and sentences[0].endswith(".") and len(scene.split()) <= _SCENE_WORDS:
        # "Someone edits a cell that 10,000 formulas depend on. Where does that ...?" was
        # run into one sentence ("A hint on my earlier question, someone edits a cell ...
        # depend on. Where ...?"): the scene it sets names the question.
        return f"A hint on my earlier question, the one where {_lower_first(scene)}:"
    return "A hint on my earlier question:"


# "Say the database machine dies" sets a scene: "the one where the database machine dies".
_SUPPOSE = re.compile(r"^(?:say|suppose|imagine|picture this:?|let's say)\s+", re.I)
_SCENE_WORDS = 16


def _nearest_item(question: str, items: list[RubricItem]) -> RubricItem | None:
    """The rubric item a question of the prompt's own (a follow-up) is about: the one whose
    text, probe and hint share most of its words, two at least ("two servers ... the same
    code" is the code-generation item, whose probe asks the same in other words)."""
    asked = stems(question)
    best: tuple[int, RubricItem] | None = None
    for item in items:
        shared = len(asked & stems(" ".join(filter(None, (item.text, item.probe, item.hint)))))
        if shared >= 2 and (best is None or shared > best[0]):
            best = (shared, item)
    return best[1] if best else None


def _short(title: str) -> str:
    return {"clarify requirements": "the requirements"}.get(title, f"the {title}")


def _asked(part: str) -> str:
    """A question part as quoted back: without a lead-in ("Before I start, who ...")."""
    return _lower_first(without_lead_in(part))


def _lower_first(text: str) -> str:
    text = text.strip().rstrip("?")
    # ("A show is ..." is lowered too: "As I said, A show is one movie" read as a typo.)
    return text[0].lower() + text[1:] if re.match(r"[A-Z][a-z]|A\s", text) else text


def _seconds(argument: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|m|min|h)?\s*", argument)
    if not match:
        raise TradeoffError("use /advance 90s, /advance 5m or /advance 1h")
    value = float(match.group(1))
    return value * {"s": 1, None: 1, "m": 60, "min": 60, "h": 3600}[match.group(2)]


def _question_asked(text: str) -> str:
    """The last sentence of a move when it is a question (what the move asks), else all."""
    last = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
    return last if last.endswith("?") else text

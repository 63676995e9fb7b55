"""A mock interview in progress: phases, turns, commands, hints, snapshots and the record.

The interview holds no I/O of its own: it receives lines, returns what the interviewer
says, and reports every event to a recorder (the store commits each one as it arrives),
so a killed process loses nothing and a session can be rebuilt from its events.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import Problem
from tradeoff.design.load import decode, parse_design
from tradeoff.design.model import DesignDoc
from tradeoff.errors import TradeoffError
from tradeoff.interview.clock import Clock, ManualClock
from tradeoff.interview.personas import PERSONAS, Move, say
from tradeoff.interview.phases import PHASES, TITLES, budgets, clock_text
from tradeoff.interview.policy import (
    WRAP_UP,
    PolicyState,
    decisions_in,
    most_important_gap,
    next_move,
)
from tradeoff.interview.questions import answer, questions_in
from tradeoff.review.context import ReviewContext

MAX_DESIGN_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Event:
    kind: str  # turn, phase, hint, decision, snapshot, nudge, notice, command
    at: datetime
    phase: str
    text: str = ""
    speaker: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


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
        self.design: str | None = None
        self.design_versions = 0
        self.hints: dict[str, int] = {}
        self.hints_used = 0
        self.revealed: set[str] = set()
        self.nudged: set[str] = set()
        self.policy = PolicyState()
        self.ended = False
        self.notices: list[str] = []

    # --- the public surface ---------------------------------------------------------------

    @property
    def phase(self) -> str:
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
            "Start by asking about requirements and scale. Commands: /hint, /next, /end,"
            " /design FILE, /diagram FILE.",
        ]
        for line in lines:
            self._log("interviewer", line)
        return lines

    def handle(self, line: str) -> list[str]:
        """Everything the interviewer says in reply to one line of input."""
        if self.ended:
            return []
        text = line.strip()
        if not text:
            return []
        if text.startswith("/"):
            return self._command(text)
        self._log("candidate", text)
        for sentence, reasoned in decisions_in(text):
            self.record(
                Event("decision", self.clock.now(), self.phase, sentence, "candidate",
                      {"reason": reasoned})
            )  # fmt: skip
        replies = self._overrun_nudge()
        asked = questions_in(text)
        if asked:
            replies += [self._answer(q) for q in asked[:3]]
            return replies
        move = next_move(
            problem=self.problem,
            catalog=self.catalog,
            mentions=self.mentions(),
            phase=self.phase,
            persona=self.persona,
            level=self.level,
            turn=text,
            state=self.policy,
        )
        replies.append(self._speak(move))
        return replies

    # --- what the candidate has produced --------------------------------------------------

    def candidate_text(self) -> str:
        """The candidate's words and latest design, as the reviewer should read them."""
        spoken = "\n".join(f"Candidate: {t}" for _, who, t in self.turns if who == "candidate")
        return f"{self.design}\n\n{spoken}" if self.design else spoken

    def transcript(self) -> str:
        return "\n".join(
            f"[{clock_text((at - self.started_at).total_seconds())}]"
            f" {'Candidate' if who == 'candidate' else 'Interviewer'}: {t}"
            for at, who, t in self.turns
        )

    def mentions(self) -> Any:
        doc = parse_design(self.candidate_text() or " ")
        return self._context(doc).mentions

    def _context(self, doc: DesignDoc) -> ReviewContext:
        return ReviewContext(
            doc=doc,
            problem=self.problem,
            rubric=self.problem.rubric,
            vocabulary=self.catalog.vocabulary,
            level=self.level,
            interview_type=self.problem.type,
        )

    # --- moves --------------------------------------------------------------------------------

    def _answer(self, question: str) -> str:
        found = answer(question, self.problem, self.catalog.vocabulary.question_kinds)
        if found.fact is None:
            move = Move("assume", "State your assumption and we'll go with it.")
        else:
            self.revealed.add(found.fact.id)
            move = Move("answer", found.fact.text, found.fact.id)
        return self._speak(move)

    def _speak(self, move: Move) -> str:
        words = say(self.persona, move)
        if self.phraser is not None:
            try:
                words = self.phraser(self.persona, move, self.transcript()[-1500:])
            except TradeoffError as exc:
                notice = f"(LLM unavailable: {exc}; the built-in interviewer answers this turn)"
                self.notices.append(notice)
                self.record(Event("notice", self.clock.now(), self.phase, notice))
        self._log("interviewer", words, {"move": move.kind, "item": move.item})
        return words

    def _overrun_nudge(self) -> list[str]:
        now = self.clock.now()
        spent = (now - self.phase_started_at).total_seconds()
        left = self.minutes * 60 - (now - self.started_at).total_seconds()
        if spent <= self.budgets[self.phase] or self.phase in self.nudged:
            return []
        self.nudged.add(self.phase)
        minutes_left = max(0, round(left / 60))
        text = {
            "clarify": "We're past the time for requirements; let's move to the high-level design.",
            "high-level": f"We have {minutes_left} minutes left; pick one component to go deep on.",
            "deep-dive": f"We have {minutes_left} minutes left; let's start wrapping up.",
            "wrap-up": "We're out of time. Give me your summary in a sentence or two.",
        }[self.phase]
        self.record(Event("nudge", now, self.phase, text, "interviewer"))
        return [self._speak(Move("nudge", text))]

    # --- commands -----------------------------------------------------------------------------

    def _command(self, text: str) -> list[str]:
        name, _, argument = text.partition(" ")
        name = name.lower()
        self.record(Event("command", self.clock.now(), self.phase, text, "candidate"))
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

    def _hint(self) -> str:
        ladders = {h.about: h for h in self.problem.hints}
        gap = most_important_gap(self.problem, self.mentions(), self.phase, self.level, set())
        order = [gap[1].id] if gap and gap[1].id in ladders else []
        order += [h.about for h in self.problem.hints if h.about not in order]
        for item in order:
            given = self.hints.get(item, 0)
            if given < 3:
                ladder = ladders[item]
                text = (ladder.nudge, ladder.pointer, ladder.partial)[given]
                self.hints[item] = given + 1
                self.hints_used += 1
                level = ("nudge", "pointer", "partial")[given]
                self.record(
                    Event("hint", self.clock.now(), self.phase, text, "interviewer",
                          {"item": item, "level": level, "count": self.hints_used})
                )  # fmt: skip
                return self._speak(Move("hint", text, item))
        return self._speak(Move("hint", "No more hints: trust your reasoning and state it."))

    def _advance_phase(self) -> list[str]:
        if self.phase_index == len(PHASES) - 1:
            return ["This is the last phase; /end when you're done."]
        self.phase_index += 1
        self.phase_started_at = self.clock.now()
        self.policy.turns_in_phase = 0
        self.record(Event("phase", self.clock.now(), self.phase, TITLES[self.phase]))
        intro = {
            "high-level": "Let's see the high-level design: the main components and the API.",
            "deep-dive": "Pick the hardest part and let's go deep.",
            "wrap-up": "Let's wrap up.",
        }[self.phase]
        replies = [self._speak(Move("phase", intro))]
        if self.phase == "wrap-up":
            self.policy.wrap_up_asked = True
            replies.append(self._speak(Move("wrap-up", WRAP_UP)))
        return replies

    def _attach(self, kind: str, name: str) -> str:
        if not name:
            return f"Give a file: /{kind} FILE"
        path = Path(name).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            return f"Cannot read {path}: {exc.strerror}. Nothing was attached."
        if len(data) > MAX_DESIGN_BYTES:
            return f"{path} is over 2 MB; attach the design text, not its media."
        try:
            content = decode(data, str(path))
        except TradeoffError as exc:
            return f"{exc}. Nothing was attached."
        if kind == "diagram" and path.suffix != ".excalidraw" and "```" not in content:
            content = f"```mermaid\n{content}\n```"
        self.design = content if kind == "design" or self.design is None else (
            f"{self.design}\n\n{content}"
        )  # fmt: skip
        self.design_versions += 1
        self.record(
            Event("snapshot", self.clock.now(), self.phase, content, "candidate",
                  {"kind": kind, "source": path.name, "version": self.design_versions})
        )  # fmt: skip
        return f"Got it: {kind} version {self.design_versions} from {path.name}."

    # --- bookkeeping ---------------------------------------------------------------------------

    def _log(self, speaker: str, text: str, data: dict[str, Any] | None = None) -> None:
        now = self.clock.now()
        self.turns.append((now, speaker, text))
        self.record(Event("turn", now, self.phase, text, speaker, data or {}))


def _seconds(argument: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|m|min|h)?\s*", argument)
    if not match:
        raise TradeoffError("use /advance 90s, /advance 5m or /advance 1h")
    value = float(match.group(1))
    return value * {"s": 1, None: 1, "m": 60, "min": 60, "h": 3600}[match.group(2)]

"""Practice sessions for the web: start, resume, speak, hint, next, save a design, end.

Nothing is kept in memory between requests: each call rebuilds the Interview from the
session's stored events (`Interview.restore`, as `tradeoff practice --resume` does), acts,
and every event it records is committed before the call returns. So a reload, a second
browser tab or another app process all see the same session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import LEVELS, Problem
from tradeoff.design.load import MAX_BYTES, parse_design
from tradeoff.interview.clock import Clock, SystemClock
from tradeoff.interview.personas import PERSONAS
from tradeoff.interview.phases import PHASES, TITLES
from tradeoff.interview.report import final_report, render
from tradeoff.interview.session import Event, Interview
from tradeoff.services.errors import BadInputError, ConflictError, NotFoundError, TooLargeError
from tradeoff.services.library import problem as find_problem
from tradeoff.services.reviews import Scorecard, Unread, from_contract
from tradeoff.store import SessionRecord, Store, StoreError

COMMANDS = ("hint", "next")
MIN_MINUTES, MAX_MINUTES = 4, 180


@dataclass(frozen=True)
class Turn:
    at: datetime
    speaker: str  # "candidate" or "interviewer"
    text: str


@dataclass(frozen=True)
class Room:
    """Everything the practice room shows, rebuilt from the stored events."""

    session_id: int
    problem: Problem
    persona: str
    level: str
    minutes: int
    started_at: datetime
    phase: str
    phase_title: str
    phases: list[tuple[str, str]]  # (phase id, title), in order
    phase_started_at: datetime
    phase_budget_s: float
    status: str
    turns: list[Turn]
    design: str
    design_versions: int
    hints_used: int
    ended: bool


@dataclass(frozen=True)
class Exchange:
    """What one action said (the candidate's line, if any, and the interviewer's replies)
    and the room after it, so a page updates its phase bar without another replay."""

    said: str | None
    replies: list[str]
    notices: list[str]
    room: Room


@dataclass(frozen=True)
class SessionReport:
    session_id: int
    problem: Problem
    scorecard: Scorecard
    report_lines: list[str]  # the interviewer's end report, as the CLI prints it


class PracticeSessions:
    """Sessions over one store and catalog; `clock` is injectable for tests."""

    def __init__(
        self, store: Store, catalog: Catalog, clock: Callable[[], Clock] = SystemClock
    ) -> None:
        self.store, self.catalog, self.clock = store, catalog, clock

    # --- start and resume -------------------------------------------------------------

    def start(
        self,
        problem_id: str,
        persona: str = "neutral",
        level: str = "senior",
        minutes: int = 45,
        *,
        owner_id: int | None = None,
    ) -> int:
        problem = find_problem(self.catalog, problem_id)
        if persona not in PERSONAS:
            raise BadInputError(f"no persona {persona!r}; use one of {', '.join(PERSONAS)}")
        if level not in LEVELS:
            raise BadInputError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
        if not MIN_MINUTES <= minutes <= MAX_MINUTES:
            raise BadInputError(f"minutes must be {MIN_MINUTES} to {MAX_MINUTES}, not {minutes}")
        clock = self.clock()
        session_id = self.store.create_session(
            problem_id=problem.id, persona=persona, level=level, minutes=minutes,
            started_at=clock.now(), owner_id=owner_id,
        )  # fmt: skip
        interview = self._interview(problem, persona, level, minutes, clock, session_id, None)
        interview.opening()
        return session_id

    def _record(self, session_id: int) -> SessionRecord:
        try:
            return self.store.get_session(session_id)
        except StoreError as exc:
            # get_session says "no session N" for an unknown id; other store errors (a
            # locked or unreachable database) are not the user's wrong link.
            if str(exc).startswith("no session"):
                raise NotFoundError(f"no practice session {session_id}") from None
            raise

    def _interview(
        self,
        problem: Problem,
        persona: str,
        level: str,
        minutes: int,
        clock: Clock,
        session_id: int,
        started_at: datetime | None,
    ) -> Interview:
        return Interview(
            problem=problem, catalog=self.catalog, persona=persona, level=level,
            minutes=minutes, clock=clock, record=self._recorder(session_id),
            started_at=started_at,
        )  # fmt: skip

    def _recorder(self, session_id: int) -> Callable[[Event], None]:
        """Commit each event as it happens; a snapshot also becomes a design version row."""
        store = self.store

        def record(event: Event) -> None:
            if event.kind == "snapshot":
                store.add_snapshot(
                    session_id,
                    kind=str(event.data.get("kind", "design")),
                    at=event.at,
                    source=str(event.data.get("source", "")),
                    content=event.text,
                )
            store.add_event(
                session_id, kind=event.kind, at=event.at, phase=event.phase, text=event.text,
                speaker=event.speaker, data=event.data,
            )  # fmt: skip

        return record

    def _resume(self, session_id: int) -> tuple[SessionRecord, Interview]:
        record = self._record(session_id)
        problem = find_problem(self.catalog, record.problem_id)
        interview = self._interview(
            problem, record.persona, record.level, record.minutes, self.clock(), session_id,
            record.started_at,
        )  # fmt: skip
        interview.restore(record.events)
        if record.ended_at is not None:
            interview.ended = True
        return record, interview

    def _live(self, session_id: int) -> tuple[SessionRecord, Interview]:
        record, interview = self._resume(session_id)
        if record.ended_at is not None:
            raise ConflictError(f"session {session_id} has ended; its report is final")
        return record, interview

    # --- the room -----------------------------------------------------------------------

    def room(self, session_id: int) -> Room:
        record, interview = self._resume(session_id)
        return _room(record, interview)

    def say(self, session_id: int, text: str) -> Exchange:
        """One candidate turn and the interviewer's replies."""
        text = text.strip()
        if not text:
            raise BadInputError("say something first: the turn was empty")
        if text.startswith("/"):
            raise BadInputError("use the Hint, Next phase and End buttons for commands")
        record, interview = self._live(session_id)
        replies = interview.handle(text)
        return _exchange(record, interview, text, replies)

    def command(self, session_id: int, name: str) -> Exchange:
        """Hint or next phase, as the CLI's /hint and /next."""
        if name not in COMMANDS:
            raise BadInputError(f"no command {name!r}; use one of {', '.join(COMMANDS)}")
        record, interview = self._live(session_id)
        replies = interview.handle(f"/{name}")
        return _exchange(record, interview, None, replies)

    def save_design(self, session_id: int, text: str) -> int:
        """Save the editor's text as the next design version; returns its number.

        The Interview reads files for the CLI's /design; the web has the text itself, so it
        is read with the Interview's public `attach_text` and recorded as the same snapshot
        event /design records (kind "design", source "editor", the version number).
        """
        size = len(text.encode("utf-8"))
        if size > MAX_BYTES:
            raise TooLargeError(size, MAX_BYTES)
        if not text.strip():
            raise BadInputError("the design is empty; write it before saving")
        _, interview = self._live(session_id)
        if text == (interview.design or ""):
            return interview.design_versions  # unchanged: no new version
        interview.attach_text(text)
        interview.design_versions += 1
        interview.record(
            Event("snapshot", interview.clock.now(), interview.phase, text, "candidate",
                  {"kind": "design", "source": "editor", "version": interview.design_versions})
        )  # fmt: skip
        return interview.design_versions

    def end(self, session_id: int) -> None:
        """End the session: the report from the stored events, saved on the session."""
        _, interview = self._live(session_id)
        interview.handle("/end")
        record = self._record(session_id)
        report = final_report(
            problem=interview.problem, catalog=self.catalog, level=record.level,
            minutes=record.minutes, started_at=record.started_at, events=record.events,
        )  # fmt: skip
        self.store.finish_session(session_id, ended_at=interview.clock.now(), review=report)

    def is_finished(self, session_id: int) -> bool:
        return self._record(session_id).ended_at is not None

    # --- the report ---------------------------------------------------------------------

    def report(self, session_id: int) -> SessionReport:
        record = self._record(session_id)
        if record.ended_at is None or not record.review:
            raise ConflictError(f"session {session_id} has not ended yet")
        problem = find_problem(self.catalog, record.problem_id)
        text = reviewed_text(record.events)
        doc = parse_design(text)
        contract: dict[str, Any] = record.review["review"]
        card = from_contract(
            contract,
            doc.lines,
            {record.level: contract["verdict"]},
            unread=[Unread(n.line, n.message) for n in doc.notices],
            interview_type=problem.type,
        )
        return SessionReport(session_id, problem, card, render(record.review))


def _room(record: SessionRecord, interview: Interview) -> Room:
    return Room(
        session_id=record.id,
        problem=interview.problem,
        persona=record.persona,
        level=record.level,
        minutes=record.minutes,
        started_at=interview.started_at,
        phase=interview.phase,
        phase_title=TITLES[interview.phase],
        phases=[(p, TITLES[p]) for p in PHASES],
        phase_started_at=interview.phase_started_at,
        phase_budget_s=interview.budgets[interview.phase],
        status=interview.status(),
        turns=[Turn(at, who, text) for at, who, text in interview.turns],
        design=interview.design or "",
        design_versions=interview.design_versions,
        hints_used=interview.hints_used,
        ended=record.ended_at is not None,
    )


def _exchange(
    record: SessionRecord, interview: Interview, said: str | None, replies: list[str]
) -> Exchange:
    notices = [r for r in replies if r in interview.notices]
    others = [r for r in replies if r not in notices]
    return Exchange(said, others, notices, _room(record, interview))


def reviewed_text(events: Any) -> str:
    """The text a session's review read, so its line numbers can be shown: the last design
    version, a blank line, then the spoken turns (as `interview.report.final_report`)."""
    snapshots = [e for e in events if e.kind == "snapshot"]
    spoken = "\n".join(
        f"{'Candidate' if e.speaker == 'candidate' else 'Interviewer'}: {e.text}"
        for e in events
        if e.kind == "turn"
    )
    design = snapshots[-1].text if snapshots else ""
    return f"{design}\n\n{spoken}" if design else spoken or " "

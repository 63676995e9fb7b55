"""Practice sessions for the CLI and the web: start, resume, speak, hint, next, save a
design, end, the report and the export; both front ends are a few lines over these calls.

Nothing is kept in memory between requests: each web call rebuilds the Interview from the
session's stored events (`Interview.from_events`, as `tradeoff practice --resume` does),
acts, and every event it records is committed before the call returns. So a reload, a
second browser tab or another app process all see the same session. A call that changes a
session (say, command, save_design, save_board, end) holds the session's lock in the
database for its whole length (`Store.locked_session`): two turns posted at once run one
after the other, each reading the events the other recorded, never interleaved. The CLI holds one
`Live` session for its whole loop and calls the same methods on it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import LEVELS, Problem
from tradeoff.design.load import MAX_BYTES, parse_design
from tradeoff.errors import TradeoffError
from tradeoff.interview.clock import Clock, SystemClock
from tradeoff.interview.personas import PERSONAS
from tradeoff.interview.phases import PHASES, TITLES, budgets
from tradeoff.interview.report import Judge, final_report
from tradeoff.interview.session import Event, Interview, Phraser
from tradeoff.practice import models
from tradeoff.practice.models import ExportModel
from tradeoff.practice.report_text import render
from tradeoff.practice.transfer import session_model
from tradeoff.services.errors import BadInputError, ConflictError, NotFoundError, TooLargeError
from tradeoff.services.library import problem as find_problem
from tradeoff.services.reviews import Scorecard, Unread, from_contract
from tradeoff.services.whiteboard import compose, read_board, same_drawing
from tradeoff.store import EventRecord, SessionRecord, Store, StoreError
from tradeoff.vocabulary import EventKind, Speaker

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
    text: str = ""  # the editor's Markdown (the design is it plus the board's section)
    board: str = ""  # the board's Excalidraw JSON, "" before the first board save
    last_event: int = 0  # the seq of the last event shown: where the live stream starts
    text_version: int = 0  # the design version the editor's text was last saved as
    board_version: int = 0  # the design version the board was last saved as


@dataclass(frozen=True)
class SavedBoard:
    version: int
    notices: list[str]  # what the Excalidraw parser could not read (loose arrows)
    changed: bool


@dataclass(frozen=True)
class PhaseBar:
    """What the phase bar shows after a phase change, without rebuilding the interview."""

    started_at: datetime
    minutes: int
    phase: str
    phase_title: str
    phases: list[tuple[str, str]]
    phase_started_at: datetime
    phase_budget_s: float
    status: str


@dataclass(frozen=True)
class Updates:
    """Events recorded after a point, for the live stream; `ended` once the session is over."""

    events: list[EventRecord]
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
    report: models.SessionReport  # the stored report, typed


@dataclass(frozen=True)
class Live:
    """A session with its Interview rebuilt and recording to the store: what the CLI keeps
    for its whole loop and a web request for one call."""

    record: SessionRecord  # the session as it was opened (settings, start, earlier events)
    interview: Interview

    @property
    def session_id(self) -> int:
        return self.record.id


class PracticeSessions:
    """Sessions over one store and catalog; `clock` is injectable for tests. `phraser` and
    `judge` are the optional LLM's voice for the interviewer and its verdicts on the report."""

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        clock: Callable[[], Clock] = SystemClock,
        *,
        phraser: Phraser | None = None,
        judge: Judge | None = None,
    ) -> None:
        self.store, self.catalog, self.clock = store, catalog, clock
        self.phraser, self.judge = phraser, judge

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
        return self.begin(problem_id, persona, level, minutes, owner_id=owner_id)[0].session_id

    def begin(
        self,
        problem_id: str,
        persona: str = "neutral",
        level: str = "senior",
        minutes: int = 45,
        *,
        owner_id: int | None = None,
    ) -> tuple[Live, list[str]]:
        """A new session and the interviewer's opening lines."""
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
        live = self._open(self._record(session_id), clock)
        return live, live.interview.opening()

    def open(self, session_id: int) -> Live:
        """A stored session, rebuilt from its events, to continue or to read."""
        return self._open(self._record(session_id), self.clock())

    def resume_last(self) -> Live:
        """The most recently started session that never ended."""
        record = self.store.last_unfinished()
        if record is None:
            raise NotFoundError(
                "no unfinished session to resume; start one with: tradeoff practice"
            )
        return self._open(record, self.clock())

    def _open(self, record: SessionRecord, clock: Clock) -> Live:
        interview = Interview.from_events(
            find_problem(self.catalog, record.problem_id), record.persona, record.events, clock,
            catalog=self.catalog, level=record.level, minutes=record.minutes,
            started_at=record.started_at, record=self._recorder(record.id),
            phraser=self.phraser, ended=record.ended_at is not None,
        )  # fmt: skip
        return Live(record, interview)

    def _record(self, session_id: int) -> SessionRecord:
        try:
            return self.store.get_session(session_id)
        except StoreError as exc:
            # get_session says "no session N" for an unknown id; other store errors (a
            # locked or unreachable database) are not the user's wrong link.
            if str(exc).startswith("no session"):
                raise NotFoundError(f"no session {session_id}") from None
            raise

    def _recorder(self, session_id: int) -> Callable[[Event], None]:
        """Commit each event as it happens; a snapshot is written once, as its event and its
        design version row together."""
        store = self.store

        def record(event: Event) -> None:
            if event.kind == EventKind.snapshot:
                store.add_design_version(
                    session_id, at=event.at, phase=event.phase, speaker=event.speaker,
                    content=event.text, data=event.data,
                    kind=str(event.data.get("kind", "design")),
                    source=str(event.data.get("source", "")),
                )  # fmt: skip
                return
            store.add_event(
                session_id, kind=event.kind, at=event.at, phase=event.phase, text=event.text,
                speaker=event.speaker, data=event.data,
            )  # fmt: skip

        return record

    @contextmanager
    def _locked(self, session_id: int) -> Iterator[None]:
        """The session held for one whole call, its events committed together at the end."""
        try:
            with self.store.locked_session(session_id):
                yield
        except StoreError as exc:
            if str(exc).startswith("no session"):
                raise NotFoundError(f"no session {session_id}") from None
            raise

    def _live(self, session_id: int) -> Live:
        live = self.open(session_id)
        if live.record.ended_at is not None:
            raise ConflictError(f"session {session_id} has ended; its report is final")
        return live

    # --- the room -----------------------------------------------------------------------

    def room(self, session_id: int) -> Room:
        return _room(self.open(session_id))

    def handle(self, live: Live, line: str) -> Exchange:
        """One line typed in the CLI (a turn or a /command) and what the interviewer says."""
        text = line.strip()
        replies = live.interview.handle(text)
        said = text if text and not text.startswith("/") else None
        return _exchange(live, said, replies)

    def say(self, session_id: int, text: str) -> Exchange:
        """One candidate turn and the interviewer's replies."""
        text = text.strip()
        if not text:
            raise BadInputError("say something first: the turn was empty")
        if text.startswith("/"):
            raise BadInputError("use the Hint, Next phase and End buttons for commands")
        with self._locked(session_id):
            return self.handle(self._live(session_id), text)

    def command(self, session_id: int, name: str) -> Exchange:
        """Hint or next phase, as the CLI's /hint and /next."""
        if name not in COMMANDS:
            raise BadInputError(f"no command {name!r}; use one of {', '.join(COMMANDS)}")
        with self._locked(session_id):
            live = self._live(session_id)
            if name == "next" and live.interview.phase == PHASES[-1]:
                # The Interview answers this without recording it, so no stream would carry it.
                raise ConflictError("this is the last phase; press End when you are done")
            return self.handle(live, f"/{name}")

    def save_design(self, session_id: int, text: str) -> int:
        """Save the editor's text as the next design version; returns its number (the same
        number when the text is unchanged: no new version). With a board saved, the version
        is the text followed by the board's section."""
        _check_size(text)
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # a form sends CRLF
        if not text.strip():
            raise BadInputError("the design is empty; write it before saving")
        with self._locked(session_id):
            live = self._live(session_id)
            interview = live.interview
            current, board_json = design_parts(live.record.events)
            if not board_json:
                return interview.save_text(text, "editor")
            design = compose(text, read_board(board_json).text)
            if text == current and design == (interview.design or ""):
                return interview.design_versions  # unchanged: no new version
            data: dict[str, Any] = {"kind": "design", "source": "editor", "markdown": text}
            return self._new_version(interview, design, data)

    def save_board(self, session_id: int, scene: str) -> SavedBoard:
        """Save the whiteboard (Excalidraw JSON) as the next design version.

        The board is read by the Excalidraw parser; the version the reviewer reads is the
        editor's text followed by the board as a Mermaid flowchart. Scrolling or zooming
        without changing an element is not a new version.
        """
        _check_size(scene)
        board = read_board(scene)
        with self._locked(session_id):
            live = self._live(session_id)
            interview = live.interview
            text, current = design_parts(live.record.events)
            if current and same_drawing(current, board.json):
                return SavedBoard(interview.design_versions, board.notices, changed=False)
            if not current and not board.elements:
                raise BadInputError("the board is empty; draw something before saving it")
            compact = json.dumps(json.loads(board.json), separators=(",", ":"), ensure_ascii=False)
            version = self._new_version(
                interview,
                compose(text, board.text),
                {"kind": "board", "source": "whiteboard", "board": compact},
            )
            return SavedBoard(version, board.notices, changed=True)

    def _new_version(self, interview: Interview, design: str, data: dict[str, Any]) -> int:
        interview.attach_text(design)
        interview.design_versions += 1
        interview.record(
            Event(EventKind.snapshot, interview.clock.now(), interview.phase, design,
                  Speaker.candidate, {**data, "version": interview.design_versions})
        )  # fmt: skip
        return interview.design_versions

    # --- the live stream ----------------------------------------------------------------

    def updates(self, session_id: int, after: int) -> Updates:
        """What happened after event `after`: read from the store, so any process can serve
        the stream of a session whose turns another process recorded."""
        try:
            events, ended_at = self.store.events_after(session_id, after)
        except StoreError as exc:
            if str(exc).startswith("no session"):
                raise NotFoundError(f"no session {session_id}") from None
            raise
        return Updates(events, ended_at is not None)

    def phase_bar(self, session_id: int, event: EventRecord) -> PhaseBar:
        """The phase bar as a phase change left it (the page's clock runs the time)."""
        record = self._record(session_id)
        return PhaseBar(
            started_at=record.started_at,
            minutes=record.minutes,
            phase=event.phase,
            phase_title=TITLES[event.phase],
            phases=[(p, TITLES[p]) for p in PHASES],
            phase_started_at=event.at,
            phase_budget_s=budgets(record.minutes)[event.phase],
            status=TITLES[event.phase],
        )

    def end(self, session_id: int) -> None:
        """End the session: the report from the stored events, saved on the session."""
        with self._locked(session_id):
            live = self._live(session_id)
            live.interview.handle("/end")
            self.finish(live)

    def finish(self, live: Live) -> models.SessionReport:
        """The report of an ended session, from its stored events, saved on the session."""
        record = self._record(live.session_id)
        report = final_report(
            problem=live.interview.problem, catalog=self.catalog, level=record.level,
            minutes=record.minutes, started_at=record.started_at, events=record.events,
            judge=self.judge,
        )  # fmt: skip
        typed = models.SessionReport.model_validate(report)
        self.store.finish_session(
            live.session_id, ended_at=live.interview.clock.now(), review=report
        )
        return typed

    def is_finished(self, session_id: int) -> bool:
        return self._record(session_id).ended_at is not None

    # --- the report and the export ------------------------------------------------------

    def finished(self, session_id: int) -> tuple[SessionRecord, SessionReport] | None:
        """An ended session and its report from one read of the store, or None while it is
        still going (the session page sends the visitor back to the room)."""
        try:
            record = self.store.ended_session(session_id)
        except StoreError as exc:
            if str(exc).startswith("no session"):
                raise NotFoundError(f"no session {session_id}") from None
            raise
        return None if record is None else (record, self._report(record))

    def report(self, session_id: int) -> SessionReport:
        return self._report(self._record(session_id))

    def _report(self, record: SessionRecord) -> SessionReport:
        session_id = record.id
        if record.ended_at is None or not record.review:
            raise ConflictError(f"session {session_id} has not ended yet")
        problem = find_problem(self.catalog, record.problem_id)
        typed = stored_report(record)
        doc = parse_design(reviewed_text(record.events))
        contract = typed.review
        card = from_contract(
            record.review["review"],
            doc.lines,
            {record.level: contract.verdict},
            unread=[Unread(n.line, n.message) for n in doc.notices],
            interview_type=problem.type,
        )
        return SessionReport(session_id, problem, card, render(typed), typed)

    def export(self, session_id: int) -> dict[str, Any]:
        """One session as an export file (the schema `tradeoff import` reads), to share."""
        record = self._record(session_id)
        return ExportModel(
            format=models.FORMAT, version=models.VERSION, sessions=[session_model(record)],
            drills=[], card_states=[], card_reviews=[],
        ).to_json()  # fmt: skip

    def timeline(self, session_id: int) -> list[str]:
        """The session step by step: time into the session, phase, kind, who and what."""
        return _timeline(self._record(session_id))

    def markdown(self, session_id: int) -> str:
        """The session to read or share: settings, timeline and the report."""
        record = self._record(session_id)
        lines = [f"# Practice session {record.id}: {record.problem_id}", ""]
        lines += [f"- persona {record.persona}, level {record.level}, {record.minutes} minutes"]
        lines += [f"- started {record.started_at.isoformat()}", "", "## Timeline", ""]
        lines += [f"- {line}" for line in _timeline(record)]
        if record.review:
            report = stored_report(record)
            lines += ["", "## Report", ""] + [f"    {line}" for line in render(report)]
        return "\n".join(lines)


def stored_report(record: SessionRecord) -> models.SessionReport:
    """A finished session's report, typed; one the schema refuses is a one-line error."""
    if record.review is None:
        raise ConflictError(f"session {record.id} has no report")
    try:
        return models.SessionReport.load(record.review)
    except ValueError as exc:
        raise TradeoffError(f"session {record.id}: {exc}") from None


def _timeline(record: SessionRecord) -> list[str]:
    lines = []
    for event in record.events:
        offset = int((event.at - record.started_at).total_seconds())
        stamp = f"{offset // 60:02d}:{offset % 60:02d}"
        who = f"{event.speaker}: " if event.speaker else ""
        text = event.text if len(event.text) < 300 else event.text[:300] + "…"
        lines.append(f"[{stamp}] {event.phase:<10} {event.kind:<8} {who}{text}")
    return lines


def _room(live: Live) -> Room:
    record, interview = live.record, live.interview
    text, board = design_parts(record.events)
    text_version = board_version = 0
    for event in record.events:
        if event.kind == EventKind.snapshot:
            version = int(event.data.get("version", 0))
            if event.data.get("source") == "whiteboard":
                board_version = version
            else:
                text_version = version
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
        text=text,
        board=board,
        last_event=record.events[-1].seq if record.events else 0,
        text_version=text_version,
        board_version=board_version,
    )


def _exchange(live: Live, said: str | None, replies: list[str]) -> Exchange:
    notices = [r for r in replies if r in live.interview.notices]
    others = [r for r in replies if r not in notices]
    return Exchange(said, others, notices, _room(live))


def design_parts(events: Any) -> tuple[str, str]:
    """The editor's text and the board's JSON as last saved (either may be "").

    A board save records the scene in its data; a text save records the whole design as
    its text, with the editor's own text in its data when a board section follows it.
    """
    text, board = "", ""
    for event in events:
        if event.kind != EventKind.snapshot:
            continue
        if event.data.get("source") == "whiteboard":
            board = str(event.data.get("board", ""))
        else:
            text = str(event.data.get("markdown", event.text))
    return text, board


def _check_size(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise TooLargeError(size, MAX_BYTES)


def reviewed_text(events: Any) -> str:
    """The text a session's review read, so its line numbers can be shown: the last design
    version, a blank line, then the spoken turns (as `interview.report.final_report`)."""
    snapshots = [e for e in events if e.kind == EventKind.snapshot]
    spoken = "\n".join(
        f"{'Candidate' if e.speaker == Speaker.candidate else 'Interviewer'}: {e.text}"
        for e in events
        if e.kind == EventKind.turn
    )
    design = snapshots[-1].text if snapshots else ""
    return f"{design}\n\n{spoken}" if design else spoken or " "

"""Store: the practice database's public face, one committed transaction per call."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from tradeoff.store.engine import check_sqlite_file, first_line, make_engine, parse_url, safe
from tradeoff.store.engine import sqlite_path as file_of
from tradeoff.store.errors import StoreError
from tradeoff.store.migrate import upgrade
from tradeoff.store.models import (
    CardReviewRow,
    CardStateRow,
    DrillRow,
    EventRow,
    SessionRow,
    SnapshotRow,
)
from tradeoff.store.records import EventRecord, SessionRecord, SessionSummary, SnapshotRecord

TURN = "turn"  # the event kind that list_sessions counts as a turn


class Store:
    """Sessions, their events and snapshots, drill results and flashcard reviews, in one database.

    Every write commits before it returns, so a process killed mid-interview loses nothing
    it was told was saved; `last_unfinished` then finds the session to resume.
    """

    def __init__(self, engine: Engine, label: str) -> None:
        """Wrap an engine whose schema is already at head; use Store.open instead."""
        self._engine = engine
        self._label = label
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        """Open `url`, creating the database if missing and upgrading it to the latest schema.

        A SQLite file is checked for the SQLite header before anything connects to it, so a
        wrong file is refused without being touched.
        """
        parsed = parse_url(url)
        path = file_of(parsed)
        if path is not None:
            check_sqlite_file(path)
        label = str(path) if path is not None else safe(parsed)
        engine = make_engine(parsed)
        try:
            upgrade(engine, label)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, label)

    def close(self) -> None:
        """Release every connection (and, for SQLite, let the WAL be checkpointed)."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A session whose work commits on exit; a locked or vanished database is a StoreError."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            raise StoreError(
                f"cannot use {self._label} ({first_line(exc)}); close other tradeoff windows"
                " using it, or pass --db with another path"
            ) from None

    def _require_session(self, session: Session, session_id: int) -> SessionRow:
        row = session.get(SessionRow, session_id)
        if row is None:
            raise StoreError(f"no session {session_id}; run 'tradeoff sessions list'")
        return row

    def create_session(
        self, *, problem_id: str, persona: str, level: str, minutes: int, started_at: datetime
    ) -> int:
        """Record a new, unfinished interview and return its id."""
        with self._transaction() as session:
            row = SessionRow(
                problem_id=problem_id,
                persona=persona,
                level=level,
                minutes=minutes,
                started_at=aware(started_at, "started_at"),
                ended_at=None,
                review=None,
            )
            session.add(row)
            session.flush()
            session_id = row.id
        return session_id

    def add_event(
        self,
        session_id: int,
        *,
        kind: str,
        at: datetime,
        phase: str,
        text: str = "",
        speaker: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> EventRecord:
        """Append an event to a session; its seq is one more than the session's last."""
        with self._transaction() as session:
            self._require_session(session, session_id)
            last = session.scalar(
                select(func.max(EventRow.seq)).where(EventRow.session_id == session_id)
            )
            row = EventRow(
                session_id=session_id,
                seq=(last or 0) + 1,
                at=aware(at, "at"),
                kind=kind,
                phase=phase,
                speaker=speaker,
                text=text,
                data=as_json(data or {}, "data"),
            )
            session.add(row)
            session.flush()
            record = event_record(row)
        return record

    def add_snapshot(
        self, session_id: int, *, kind: str, at: datetime, source: str, content: str
    ) -> SnapshotRecord:
        """Save a version of the design; versions count 1, 2, ... within the session."""
        with self._transaction() as session:
            self._require_session(session, session_id)
            last = session.scalar(
                select(func.max(SnapshotRow.version)).where(SnapshotRow.session_id == session_id)
            )
            row = SnapshotRow(
                session_id=session_id,
                version=(last or 0) + 1,
                at=aware(at, "at"),
                kind=kind,
                source=source,
                content=content,
            )
            session.add(row)
            session.flush()
            record = snapshot_record(row)
        return record

    def finish_session(
        self, session_id: int, *, ended_at: datetime, review: dict[str, Any] | None
    ) -> None:
        """Mark a session ended and keep its final review (None when it was abandoned)."""
        with self._transaction() as session:
            row = self._require_session(session, session_id)
            row.ended_at = aware(ended_at, "ended_at")
            row.review = None if review is None else as_json(review, "review")

    def last_unfinished(self) -> SessionRecord | None:
        """The most recently started session that never ended: the one to offer to resume."""
        with self._transaction() as session:
            row = session.scalars(
                select(SessionRow)
                .where(SessionRow.ended_at.is_(None))
                .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
                .limit(1)
                .options(selectinload(SessionRow.events), selectinload(SessionRow.snapshots))
            ).first()
            return None if row is None else session_record(row)

    def get_session(self, session_id: int) -> SessionRecord:
        """A whole session with its events and snapshots in order."""
        with self._transaction() as session:
            row = session.scalars(
                select(SessionRow)
                .where(SessionRow.id == session_id)
                .options(selectinload(SessionRow.events), selectinload(SessionRow.snapshots))
            ).first()
            if row is None:
                raise StoreError(f"no session {session_id}; run 'tradeoff sessions list'")
            return session_record(row)

    def all_sessions(self, *, finished_only: bool = False) -> list[SessionRecord]:
        """Every session, oldest first, with events and snapshots: one query per table.

        Progress and export read the whole history; fetching each session by id would be
        one round trip per session.
        """
        statement = (
            select(SessionRow)
            .order_by(SessionRow.started_at, SessionRow.id)
            .options(selectinload(SessionRow.events), selectinload(SessionRow.snapshots))
        )
        if finished_only:
            statement = statement.where(SessionRow.ended_at.is_not(None))
        with self._transaction() as session:
            return [session_record(row) for row in session.scalars(statement)]

    def list_sessions(self, limit: int = 50) -> list[SessionSummary]:
        """The newest sessions first, with their overall score and number of turns."""
        turns = (
            select(EventRow.session_id, func.count().label("turns"))
            .where(EventRow.kind == TURN)
            .group_by(EventRow.session_id)
            .subquery()
        )
        statement = (
            select(SessionRow, func.coalesce(turns.c.turns, 0))
            .outerjoin(turns, turns.c.session_id == SessionRow.id)
            .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
            .limit(limit)
        )
        with self._transaction() as session:
            return [
                SessionSummary(
                    id=row.id,
                    problem_id=row.problem_id,
                    persona=row.persona,
                    level=row.level,
                    started_at=row.started_at,
                    ended_at=row.ended_at,
                    overall=overall_of(row.review),
                    turns=int(count),
                )
                for row, count in session.execute(statement)
            ]

    def add_drill(self, *, problem_id: str, at: datetime, result: dict[str, Any]) -> int:
        """Keep a capacity drill result and return its id."""
        with self._transaction() as session:
            row = DrillRow(
                problem_id=problem_id, at=aware(at, "at"), result=as_json(result, "result")
            )
            session.add(row)
            session.flush()
            drill_id = row.id
        return drill_id

    def list_drills(self, limit: int = 100) -> list[dict[str, Any]]:
        """The newest drill results first, as {"id", "problem_id", "at", "result"}."""
        statement = select(DrillRow).order_by(DrillRow.at.desc(), DrillRow.id.desc()).limit(limit)
        with self._transaction() as session:
            return [
                {"id": row.id, "problem_id": row.problem_id, "at": row.at, "result": row.result}
                for row in session.scalars(statement)
            ]

    def card_states(self) -> dict[str, dict[str, Any]]:
        """Every reviewed card's state, by card id, as {"deck", "state", "due"}."""
        with self._transaction() as session:
            return {
                row.card_id: {"deck": row.deck, "state": row.state, "due": row.due}
                for row in session.scalars(select(CardStateRow))
            }

    def save_card_state(
        self, card_id: str, deck: str, state: dict[str, Any], due: datetime
    ) -> None:
        """Insert or replace a card's FSRS state (a JSON-ready dict) and its due time."""
        with self._transaction() as session:
            row = session.get(CardStateRow, card_id)
            if row is None:
                session.add(
                    CardStateRow(
                        card_id=card_id,
                        deck=deck,
                        state=as_json(state, "state"),
                        due=aware(due, "due"),
                    )
                )
            else:
                row.deck = deck
                row.state = as_json(state, "state")
                row.due = aware(due, "due")

    def add_card_review(self, card_id: str, rating: str, at: datetime, log: dict[str, Any]) -> int:
        """Append one review of a card (rating name, time, fsrs log) and return its id."""
        with self._transaction() as session:
            row = CardReviewRow(
                card_id=card_id, rating=rating, reviewed_at=aware(at, "at"), log=as_json(log, "log")
            )
            session.add(row)
            session.flush()
            review_id = row.id
        return review_id

    def record_card_review(
        self,
        *,
        card_id: str,
        deck: str,
        rating: str,
        at: datetime,
        state: dict[str, Any],
        due: datetime,
        log: dict[str, Any],
    ) -> int:
        """Save a card's new state and the review that produced it in one transaction.

        Two commits could leave a state without its review (or the reverse) if the process
        died between them; the review log would then disagree with the schedule.
        """
        with self._transaction() as session:
            row = session.get(CardStateRow, card_id)
            if row is None:
                row = CardStateRow(card_id=card_id)
                session.add(row)
            row.deck = deck
            row.state = as_json(state, "state")
            row.due = aware(due, "due")
            review = CardReviewRow(
                card_id=card_id, rating=rating, reviewed_at=aware(at, "at"), log=as_json(log, "log")
            )
            session.add(review)
            session.flush()
            return review.id

    def card_reviews(self, since: datetime | None = None) -> list[dict[str, Any]]:
        """Reviews oldest first, as {"id", "card_id", "rating", "reviewed_at", "log"}.

        `since` keeps reviews at or after that time (an aware datetime).
        """
        statement = select(CardReviewRow).order_by(CardReviewRow.reviewed_at, CardReviewRow.id)
        if since is not None:
            statement = statement.where(CardReviewRow.reviewed_at >= aware(since, "since"))
        with self._transaction() as session:
            return [
                {
                    "id": row.id,
                    "card_id": row.card_id,
                    "rating": row.rating,
                    "reviewed_at": row.reviewed_at,
                    "log": row.log,
                }
                for row in session.scalars(statement)
            ]


def aware(value: datetime, name: str) -> datetime:
    """`value` if it carries a time zone; a naive one would be stored at the wrong instant.

    Checked here rather than only in the column type so the caller gets a plain ValueError
    naming the argument, not one wrapped in SQLAlchemy's StatementError.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name}={value!r} is naive; pass an aware datetime (datetime.now(UTC))")
    return value


def as_json(value: dict[str, Any], name: str) -> dict[str, Any]:
    """A copy of `value`, refused early (TypeError) if it would not serialise to JSON."""
    try:
        json.dumps(value)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be JSON-serialisable: {exc}") from None
    return dict(value)


def overall_of(review: dict[str, Any] | None) -> int | None:
    """The review's 0-100 overall score, if it has a numeric one."""
    if not review:
        return None
    value = review.get("overall")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return round(value)


def event_record(row: EventRow) -> EventRecord:
    return EventRecord(
        id=row.id,
        session_id=row.session_id,
        seq=row.seq,
        at=row.at,
        kind=row.kind,
        phase=row.phase,
        speaker=row.speaker,
        text=row.text,
        data=row.data,
    )


def snapshot_record(row: SnapshotRow) -> SnapshotRecord:
    return SnapshotRecord(
        id=row.id,
        session_id=row.session_id,
        version=row.version,
        at=row.at,
        kind=row.kind,
        source=row.source,
        content=row.content,
    )


def session_record(row: SessionRow) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        problem_id=row.problem_id,
        persona=row.persona,
        level=row.level,
        minutes=row.minutes,
        started_at=row.started_at,
        ended_at=row.ended_at,
        review=row.review,
        events=tuple(event_record(event) for event in row.events),
        snapshots=tuple(snapshot_record(snapshot) for snapshot in row.snapshots),
    )

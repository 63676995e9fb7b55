"""Store: the practice database's public face, one committed transaction per call."""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Row,
    bindparam,
    delete,
    exists,
    func,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload, sessionmaker

from tradeoff.store.accounts import AccountStore
from tradeoff.store.engine import check_sqlite_file, first_line, make_engine, parse_url, safe
from tradeoff.store.engine import sqlite_path as file_of
from tradeoff.store.errors import StoreError
from tradeoff.store.migrate import upgrade
from tradeoff.store.models import (
    Base,
    CardReviewRow,
    CardStateRow,
    DrillRow,
    EventRow,
    SessionRow,
    ShareRow,
    SnapshotRow,
)
from tradeoff.store.records import (
    EventRecord,
    ImportBatch,
    ImportCounts,
    SessionRecord,
    SessionStamp,
    SessionSummary,
    SnapshotRecord,
)

TURN = "turn"  # the event kind that list_sessions counts as a turn
MAX_ID = 2**63 - 1  # the largest integer key SQLite and PostgreSQL's bigint can hold
# The advisory lock id an import takes on PostgreSQL: "tradeimp" in ASCII, as a bigint.
IMPORT_LOCK = int.from_bytes(b"tradeimp", "big")


def _stamp_statement() -> Any:
    """`Store.session_stamp`'s query, built once: building a statement costs more than
    running this one."""
    sessions, events, snapshots = SessionRow.__table__, EventRow.__table__, SnapshotRow.__table__
    shares = ShareRow.__table__
    wanted: Any = bindparam("session_id")
    last = select(func.max(events.c.seq)).where(events.c.session_id == wanted)
    versions = select(func.count()).where(snapshots.c.session_id == wanted)
    shared = exists().where(shares.c.session_id == wanted)  # an index lookup (ix on session_id)
    return select(
        sessions.c.uid,
        sessions.c.owner_id,
        sessions.c.ended_at,
        last.scalar_subquery().label("last_seq"),
        versions.scalar_subquery().label("versions"),
        shared.label("shared"),
    ).where(sessions.c.id == wanted)


_STAMP = _stamp_statement()


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
        # The transaction a thread holds inside `locked_session`, which every call it makes
        # joins (a second connection would wait for the lock this one holds).
        self._held = threading.local()

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

    @property
    def _sqlite(self) -> bool:
        return self._engine.dialect.name == "sqlite"

    @contextmanager
    def _transaction(self, *, write: bool = False) -> Iterator[Session]:
        """A session whose work commits on exit; a locked, vanished or damaged database is a
        StoreError. A damaged page shows only when a query reaches it, long after opening, and
        SQLite reports it as a DatabaseError that is not an OperationalError.

        `write` takes SQLite's write lock first (BEGIN IMMEDIATE) for a call that reads and
        then writes: a deferred transaction whose snapshot another writer has moved past
        fails at its first write instead of waiting its turn. PostgreSQL locks rows instead.
        """
        held: Session | None = getattr(self._held, "session", None)
        if held is not None:
            yield held  # inside locked_session: its transaction commits, or maps the errors
            return
        with self._errors(), self._sessions() as session, session.begin():
            if write and self._sqlite:
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A connection for Core reads: no ORM session to build and nothing to commit, for
        the reads every page makes (a session's stamp, the coach notice). Inside
        `locked_session`, the held transaction's connection, so a read sees its writes."""
        held: Session | None = getattr(self._held, "session", None)
        if held is not None:
            yield held.connection()
            return
        shared: Connection | None = getattr(self._held, "connection", None)
        if shared is not None:
            with self._errors():
                yield shared
            return
        with self._errors(), self._engine.connect() as connection:
            yield connection

    @contextmanager
    def shared_reads(self) -> Iterator[None]:
        """The Core reads this thread makes in the block (`_reading`) share one pooled
        connection: a page that reads three things checks one connection out and back
        (a reset, and a ping on PostgreSQL), not three. Each statement still sees what is
        committed when it runs (SQLite begins no transaction for a SELECT; PostgreSQL
        reads at READ COMMITTED), so a write made meanwhile on another connection shows in
        the next read."""
        if getattr(self._held, "session", None) is not None or getattr(
            self._held, "connection", None
        ):
            yield  # inside locked_session or another block: its connection already serves
            return
        with self._errors(), self._engine.connect() as connection:
            self._held.connection = connection
            try:
                yield
            finally:
                self._held.connection = None

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """A locked, vanished or damaged database as a StoreError (see `_transaction`)."""
        try:
            yield
        except IntegrityError as exc:
            # Not damage: a constraint refused a row (two writers racing past every lock).
            raise StoreError(
                f"cannot save to {self._label} ({first_line(exc)}); nothing was saved, try again"
            ) from None
        except OperationalError as exc:
            advice = (
                "close other tradeoff windows using it, or pass --db with another path"
                if self._sqlite
                else "check that the database server is running and reachable, then try again"
            )
            raise StoreError(f"cannot use {self._label} ({first_line(exc)}); {advice}") from None
        except DatabaseError as exc:
            if not self._sqlite:
                raise StoreError(
                    f"cannot use {self._label} ({first_line(exc)}); nothing was saved"
                ) from None
            raise StoreError(
                f"cannot read {self._label} ({first_line(exc)}): part of the file is damaged;"
                " keep a copy of it, then try 'sqlite3 FILE .recover' or import your last export"
                " into a new --db"
            ) from None

    def _require_session(
        self, session: Session, session_id: int, *, lock: bool = False
    ) -> SessionRow:
        """The session's row; `lock` holds it (SELECT ... FOR UPDATE) until the commit, so
        appends to one session from several processes take their seq one after another."""
        row = (
            session.get(SessionRow, session_id, with_for_update=lock)
            if 0 < session_id <= MAX_ID
            else None
        )
        if row is None:
            raise StoreError(f"no session {session_id}; run 'tradeoff sessions list'")
        return row

    @contextmanager
    def locked_session(self, session_id: int) -> Iterator[None]:
        """Hold session `session_id` for the block: one transaction, which every store call
        the block makes on this thread joins, committed when the block ends (rolled back if
        it raises). Another process or thread locking the same session waits until then.

        Two turns posted at once to one session (two tabs, two app processes) would otherwise
        each rebuild the interview from the same events and interleave their records. The
        lock is the session row (SELECT ... FOR UPDATE) on PostgreSQL, so other sessions go
        on; SQLite has only the database's write lock (BEGIN IMMEDIATE), so there every
        other write waits for the block too, within SQLite's busy timeout. Re-entering for
        the session already held just joins.
        """
        held: Session | None = getattr(self._held, "session", None)
        if held is not None:
            self._require_session(held, session_id, lock=True)
            yield
            return
        with self._transaction(write=True) as session:
            self._require_session(session, session_id, lock=True)
            self._held.session = session
            try:
                yield
            finally:
                self._held.session = None

    @property
    def accounts(self) -> AccountStore:
        """Users, sign-ins, shares, comments and coach scores, over the same database."""
        return AccountStore(self._transaction, self._reading)

    def create_session(
        self,
        *,
        problem_id: str,
        persona: str,
        level: str,
        minutes: int,
        started_at: datetime,
        owner_id: int | None = None,
    ) -> int:
        """Record a new, unfinished interview and return its id (owned by an account in
        accounts mode; `owner_id` None in single-user mode and the CLI)."""
        storable(SessionRow, problem_id=problem_id, persona=persona, level=level)
        with self._transaction() as session:
            row = SessionRow(
                owner_id=owner_id,
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
        storable(EventRow, kind=kind, phase=phase, text=text, speaker=speaker)
        with self._transaction(write=True) as session:
            self._require_session(session, session_id, lock=True)
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
        storable(SnapshotRow, kind=kind, source=source, content=content)
        with self._transaction(write=True) as session:
            self._require_session(session, session_id, lock=True)
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

    def add_design_version(
        self,
        session_id: int,
        *,
        at: datetime,
        phase: str,
        speaker: str | None,
        content: str,
        data: dict[str, Any],
        kind: str,
        source: str,
    ) -> EventRecord:
        """A design version: its snapshot event and its snapshot row, in one transaction, so
        a killed process never leaves one without the other."""
        with self._transaction() as session:
            self._require_session(session, session_id)
            last = session.scalar(
                select(func.max(SnapshotRow.version)).where(SnapshotRow.session_id == session_id)
            )
            session.add(
                SnapshotRow(
                    session_id=session_id, version=(last or 0) + 1, at=aware(at, "at"),
                    kind=kind, source=source, content=content,
                )
            )  # fmt: skip
            seq = session.scalar(
                select(func.max(EventRow.seq)).where(EventRow.session_id == session_id)
            )
            row = EventRow(
                session_id=session_id, seq=(seq or 0) + 1, at=aware(at, "at"), kind="snapshot",
                phase=phase, speaker=speaker, text=content, data=as_json(data, "data"),
            )  # fmt: skip
            session.add(row)
            session.flush()
            record = event_record(row)
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
        record = self._read_session(session_id, ended_only=False)
        assert record is not None  # only ended_only answers None
        return record

    def session_stamp(self, session_id: int) -> SessionStamp | None:
        """What names one state of a session, from one small Core query (None: no such
        session): its uid, when it ended, its last event's seq and how many design versions
        it has. Anything derived from a session's events (its report, its parsed design)
        is the same for the same stamp, so a page may keep the derived form under it and
        still show a turn or a version recorded by another process on the next view.
        It also says whether the session was ever shared with a coach (`shared`, outside
        the stamp's identity), so the session page reads coaching only where there is some."""
        if not 0 < session_id <= MAX_ID:
            return None
        with self._reading() as connection:
            row = connection.execute(_STAMP, {"session_id": session_id}).first()
        if row is None:
            return None
        return SessionStamp(
            session_id,
            row.uid,
            row.owner_id,
            row.ended_at,
            row.last_seq or 0,
            row.versions,
            bool(row.shared),
        )

    def ended_session(self, session_id: int) -> SessionRecord | None:
        """A whole session if it has ended, else None without reading its events: the
        session page's one read (an ended session's report never changes)."""
        return self._read_session(session_id, ended_only=True)

    def _read_session(self, session_id: int, *, ended_only: bool) -> SessionRecord | None:
        """Core queries, one per table: no ORM identity map, so a read inside
        `locked_session` sees the events that block has just added, and a page does not pay
        for building ORM objects it throws away."""
        if not 0 < session_id <= MAX_ID:
            # The driver cannot even bind a larger integer; no such row can exist.
            raise StoreError(f"no session {session_id}; run 'tradeoff sessions list'")
        sessions, events, snapshots = (
            SessionRow.__table__,
            EventRow.__table__,
            SnapshotRow.__table__,
        )
        with self._transaction() as session:
            row = session.execute(select(sessions).where(sessions.c.id == session_id)).first()
            if row is None:
                raise StoreError(f"no session {session_id}; run 'tradeoff sessions list'")
            if ended_only and row.ended_at is None:
                return None
            event_rows = session.execute(
                select(events).where(events.c.session_id == session_id).order_by(events.c.seq)
            )
            snapshot_rows = session.execute(
                select(snapshots)
                .where(snapshots.c.session_id == session_id)
                .order_by(snapshots.c.version)
            )
            return SessionRecord(
                id=row.id,
                problem_id=row.problem_id,
                persona=row.persona,
                level=row.level,
                minutes=row.minutes,
                started_at=row.started_at,
                ended_at=row.ended_at,
                review=row.review,
                events=tuple(event_record(r) for r in event_rows),
                snapshots=tuple(snapshot_record(r) for r in snapshot_rows),
                uid=row.uid,
                owner_id=row.owner_id,
            )

    def events_after(
        self, session_id: int, after: int, limit: int = 200
    ) -> tuple[list[EventRecord], datetime | None]:
        """A session's events with seq above `after` (at most `limit`), and when it ended.

        A live stream polls this; reading the whole session each time would reload every
        event and design version for each poll.
        """
        with self._transaction() as session:
            row = self._require_session(session, session_id)
            rows = session.scalars(
                select(EventRow)
                .where(EventRow.session_id == session_id, EventRow.seq > min(max(0, after), MAX_ID))
                .order_by(EventRow.seq)
                .limit(limit)
            )
            return [event_record(r) for r in rows], row.ended_at

    def all_sessions(
        self, *, finished_only: bool = False, owner_id: int | None = None
    ) -> list[SessionRecord]:
        """Every session (of `owner_id` if given), oldest first, with events and snapshots:
        one query per table.

        Progress and export read the whole history; fetching each session by id would be
        one round trip per session.
        """
        statement = (
            select(SessionRow)
            .order_by(SessionRow.started_at, SessionRow.id)
            .options(selectinload(SessionRow.events), selectinload(SessionRow.snapshots))
        )
        if owner_id is not None:
            statement = statement.where(SessionRow.owner_id == owner_id)
        if finished_only:
            statement = statement.where(SessionRow.ended_at.is_not(None))
        with self._transaction() as session:
            return [session_record(row) for row in session.scalars(statement)]

    def list_sessions(
        self, limit: int | None = 50, owner_id: int | None = None
    ) -> list[SessionSummary]:
        """The newest sessions first (of `owner_id` if given), with their overall score,
        turns and last activity."""
        turns = (
            select(
                EventRow.session_id,
                func.count().filter(EventRow.kind == TURN).label("turns"),
                func.max(EventRow.at).label("last_at"),
            )
            .group_by(EventRow.session_id)
            .subquery()
        )
        statement = (
            select(SessionRow, func.coalesce(turns.c.turns, 0), turns.c.last_at)
            .outerjoin(turns, turns.c.session_id == SessionRow.id)
            .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
            .limit(limit)
        )
        if owner_id is not None:
            statement = statement.where(SessionRow.owner_id == owner_id)
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
                    last_at=row.ended_at or last_event(last_at) or row.started_at,
                )
                for row, count, last_at in session.execute(statement)
            ]

    def delete_session(self, session_id: int) -> SessionSummary:
        """Delete a session with its events and snapshots; returns what it was."""
        summary = next((s for s in self.list_sessions(limit=None) if s.id == session_id), None)
        if summary is None:
            raise StoreError(f"no session {session_id}; run 'tradeoff sessions list'")
        self.delete_sessions([session_id])
        return summary

    def delete_sessions(self, session_ids: list[int]) -> int:
        """Delete sessions (events and snapshots cascade) in one transaction; how many went."""
        if not session_ids:
            return 0
        with self._transaction() as session:
            result = session.execute(delete(SessionRow).where(SessionRow.id.in_(session_ids)))
            return int(getattr(result, "rowcount", 0) or 0)

    def stale_sessions(self, before: datetime, *, unfinished_only: bool) -> list[SessionSummary]:
        """Sessions whose last activity (end, else last event, else start) is before `before`.

        The last event rather than the start decides, so a session resumed yesterday after
        a week's pause is not stale.
        """
        cutoff = aware(before, "before")
        return [
            s
            for s in self.list_sessions(limit=None)
            if s.last_at is not None
            and s.last_at < cutoff
            and not (unfinished_only and s.ended_at is not None)
        ]

    def add_drill(
        self, *, problem_id: str, at: datetime, result: dict[str, Any], owner_id: int | None = None
    ) -> int:
        """Keep a capacity drill result and return its id."""
        storable(DrillRow, problem_id=problem_id)
        with self._transaction() as session:
            row = DrillRow(
                problem_id=problem_id,
                at=aware(at, "at"),
                result=as_json(result, "result"),
                owner_id=owner_id,
            )
            session.add(row)
            session.flush()
            drill_id = row.id
        return drill_id

    def list_drills(self, limit: int = 100, owner_id: int | None = None) -> list[dict[str, Any]]:
        """The newest drill results first (of `owner_id` if given), as {"id", "uid",
        "problem_id", "at", "result"}."""
        statement = select(DrillRow).order_by(DrillRow.at.desc(), DrillRow.id.desc()).limit(limit)
        if owner_id is not None:
            statement = statement.where(DrillRow.owner_id == owner_id)
        with self._transaction() as session:
            return [
                {
                    "id": row.id,
                    "uid": row.uid,
                    "problem_id": row.problem_id,
                    "at": row.at,
                    "result": row.result,
                }
                for row in session.scalars(statement)
            ]

    def card_states(self, owner_id: int | None = None) -> dict[str, dict[str, Any]]:
        """One learner's reviewed cards, by card id, as {"deck", "state", "due"}.

        `owner_id` is an account (accounts mode); None is the machine's one user (single-
        user mode and the CLI). Unlike sessions, None is not "everyone": a schedule is one
        person's, and mixing two would put one person's ratings on another's cards.
        """
        statement = select(CardStateRow).where(owned(CardStateRow.owner_id, owner_id))
        with self._transaction() as session:
            return {
                row.card_id: {"deck": row.deck, "state": row.state, "due": row.due}
                for row in session.scalars(statement)
            }

    def save_card_state(
        self,
        card_id: str,
        deck: str,
        state: dict[str, Any],
        due: datetime,
        owner_id: int | None = None,
    ) -> None:
        """Insert or replace a card's FSRS state (a JSON-ready dict) and its due time."""
        storable(CardStateRow, card_id=card_id, deck=deck)
        with self._transaction(write=True) as session:
            upsert_card_state(
                session, owner_id, card_id, deck, as_json(state, "state"), aware(due, "due")
            )

    def add_card_review(
        self,
        card_id: str,
        rating: str,
        at: datetime,
        log: dict[str, Any],
        owner_id: int | None = None,
    ) -> int:
        """Append one review of a card (rating name, time, fsrs log) and return its id."""
        storable(CardReviewRow, card_id=card_id, rating=rating)
        with self._transaction() as session:
            row = CardReviewRow(
                card_id=card_id, rating=rating, reviewed_at=aware(at, "at"),
                log=as_json(log, "log"), owner_id=owner_id,
            )  # fmt: skip
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
        owner_id: int | None = None,
    ) -> int:
        """Save a card's new state and the review that produced it in one transaction.

        Two commits could leave a state without its review (or the reverse) if the process
        died between them; the review log would then disagree with the schedule.
        """
        storable(CardStateRow, card_id=card_id, deck=deck)
        storable(CardReviewRow, rating=rating)
        with self._transaction(write=True) as session:
            upsert_card_state(
                session, owner_id, card_id, deck, as_json(state, "state"), aware(due, "due")
            )
            review = CardReviewRow(
                card_id=card_id, rating=rating, reviewed_at=aware(at, "at"),
                log=as_json(log, "log"), owner_id=owner_id,
            )  # fmt: skip
            session.add(review)
            session.flush()
            return review.id

    def card_reviews(
        self, since: datetime | None = None, owner_id: int | None = None
    ) -> list[dict[str, Any]]:
        """One learner's reviews (see `card_states` for `owner_id`), oldest first, as {"id",
        "uid", "card_id", "rating", "reviewed_at", "log"}.

        `since` keeps reviews at or after that time (an aware datetime).
        """
        statement = (
            select(CardReviewRow)
            .where(owned(CardReviewRow.owner_id, owner_id))
            .order_by(CardReviewRow.reviewed_at, CardReviewRow.id)
        )
        if since is not None:
            statement = statement.where(CardReviewRow.reviewed_at >= aware(since, "since"))
        with self._transaction() as session:
            return [
                {
                    "id": row.id,
                    "uid": row.uid,
                    "card_id": row.card_id,
                    "rating": row.rating,
                    "reviewed_at": row.reviewed_at,
                    "log": row.log,
                }
                for row in session.scalars(statement)
            ]

    def import_batch(self, batch: ImportBatch) -> ImportCounts:
        """Add what `batch` holds and this database lacks, all in one transaction.

        Sessions, drills and card reviews already here (same uid) are left as they are, so
        importing the same export twice adds nothing the second time; a card state is
        replaced only by one reviewed later. One transaction means a process killed or
        interrupted midway leaves nothing of the import: no half session for --resume.
        """
        added = dict.fromkeys(("sessions", "drills", "card_states", "card_reviews"), 0)
        present = dict(added)
        updated = dict(added)
        for item in batch.sessions:
            storable(SessionRow, problem_id=item.problem_id, persona=item.persona, level=item.level)
            for e in item.events:
                storable(EventRow, kind=e.kind, phase=e.phase, text=e.text, speaker=e.speaker)
            for snap in item.snapshots:
                storable(SnapshotRow, kind=snap.kind, source=snap.source, content=snap.content)
        with self._transaction(write=True) as session:
            if session.get_bind().dialect.name == "postgresql":
                # Two imports of one backup at once would each find its uids absent; the
                # second waits here and then finds them (each statement sees the commits).
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})
            have = set(session.scalars(select(SessionRow.uid)))
            for item in batch.sessions:
                if item.uid in have:
                    present["sessions"] += 1
                    continue
                have.add(item.uid)
                row = SessionRow(
                    uid=item.uid,
                    problem_id=item.problem_id,
                    persona=item.persona,
                    level=item.level,
                    minutes=item.minutes,
                    started_at=aware(item.started_at, "started_at"),
                    ended_at=None if item.ended_at is None else aware(item.ended_at, "ended_at"),
                    review=None if item.review is None else as_json(item.review, "review"),
                )
                row.events = [
                    EventRow(
                        seq=seq,
                        at=aware(e.at, "at"),
                        kind=e.kind,
                        phase=e.phase,
                        speaker=e.speaker,
                        text=e.text,
                        data=as_json(e.data, "data"),
                    )
                    for seq, e in enumerate(item.events, start=1)
                ]
                row.snapshots = [
                    SnapshotRow(
                        version=version,
                        at=aware(s.at, "at"),
                        kind=s.kind,
                        source=s.source,
                        content=s.content,
                    )
                    for version, s in enumerate(item.snapshots, start=1)
                ]
                session.add(row)
                added["sessions"] += 1
            have = set(session.scalars(select(DrillRow.uid)))
            for drill in batch.drills:
                if drill.uid in have:
                    present["drills"] += 1
                    continue
                have.add(drill.uid)
                session.add(
                    DrillRow(
                        uid=drill.uid,
                        problem_id=drill.problem_id,
                        at=aware(drill.at, "at"),
                        result=as_json(drill.result, "result"),
                    )
                )
                added["drills"] += 1
            have = set(session.scalars(select(CardReviewRow.uid)))
            for review in batch.card_reviews:
                if review.uid in have:
                    present["card_reviews"] += 1
                    continue
                have.add(review.uid)
                session.add(
                    CardReviewRow(
                        uid=review.uid,
                        card_id=review.card_id,
                        rating=review.rating,
                        reviewed_at=aware(review.reviewed_at, "reviewed_at"),
                        log=as_json(review.log, "log"),
                    )
                )
                added["card_reviews"] += 1
            for card in batch.card_states:
                state_row = session.scalars(
                    select(CardStateRow).where(
                        CardStateRow.owner_id.is_(None), CardStateRow.card_id == card.card_id
                    )
                ).one_or_none()
                if state_row is None:
                    session.add(
                        CardStateRow(
                            card_id=card.card_id,
                            deck=card.deck,
                            state=as_json(card.state, "state"),
                            due=aware(card.due, "due"),
                        )
                    )
                    session.flush()  # a later duplicate in the batch must find this row
                    added["card_states"] += 1
                elif reviewed_later(card.state, state_row.state):
                    state_row.deck = card.deck
                    state_row.state = as_json(card.state, "state")
                    state_row.due = aware(card.due, "due")
                    updated["card_states"] += 1
                else:
                    present["card_states"] += 1
        return ImportCounts(added=added, present=present, updated=updated)


def owned(column: InstrumentedAttribute[int | None], owner_id: int | None) -> ColumnElement[bool]:
    """Rows of one learner: `owner_id`'s, or the machine's one user's (NULL) for None."""
    return column.is_(None) if owner_id is None else column == owner_id


def upsert_card_state(
    session: Session,
    owner_id: int | None,
    card_id: str,
    deck: str,
    state: dict[str, Any],
    due: datetime,
) -> None:
    """Insert a learner's card state, or replace it, in one statement (INSERT ... ON CONFLICT).

    Reading first and inserting when absent lets two first reviews of a card (two tabs, two
    app processes) both insert, and one of them fail on the key. The conflict is on the
    partial unique index for this kind of owner (see CardStateRow).
    """
    values = {"owner_id": owner_id, "card_id": card_id, "deck": deck, "state": state, "due": due}
    dialect = session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        found = session.scalars(
            select(CardStateRow).where(
                owned(CardStateRow.owner_id, owner_id), CardStateRow.card_id == card_id
            )
        ).one_or_none()
        if found is None:
            session.add(CardStateRow(**values))
        else:
            found.deck, found.state, found.due = deck, state, due
        return
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(CardStateRow).values(values)
    keys: list[InstrumentedAttribute[Any]]
    if owner_id is None:
        keys, where = [CardStateRow.card_id], CardStateRow.owner_id.is_(None)
    else:
        keys, where = (
            [CardStateRow.owner_id, CardStateRow.card_id],
            CardStateRow.owner_id.isnot(None),
        )
    session.execute(
        statement.on_conflict_do_update(
            index_elements=keys,
            index_where=where,
            set_={name: statement.excluded[name] for name in ("deck", "state", "due")},
        )
    )


def reviewed_later(incoming: dict[str, Any], local: dict[str, Any]) -> bool:
    """Whether an imported FSRS state was last reviewed after the local one.

    The later review has seen every rating the earlier one saw (on its own machine), so it
    wins; a tie or an unreadable time keeps the local state, so a repeat import changes nothing.
    """
    new, old = review_time(incoming), review_time(local)
    if new is None:
        return False
    return old is None or new > old


def review_time(state: dict[str, Any]) -> datetime | None:
    """The state's `last_review` as an aware datetime, or None if absent or unreadable."""
    value = state.get("last_review") if isinstance(state, dict) else None
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def storable(model: type[Base], **fields: str | None) -> None:
    """Refuse text that one backend would store and another refuse, on every backend alike.

    PostgreSQL cannot store a NUL character in text and enforces each VARCHAR's length;
    SQLite does neither. Checking here keeps a history made on SQLite movable to a shared
    server, and gives the user one line to act on instead of a driver error.
    """
    columns = model.__table__.columns
    for name, value in fields.items():
        if value is None:
            continue
        if "\x00" in value:
            raise StoreError(
                f"the {name} holds a NUL character (\\x00), which cannot be stored;"
                " remove it and try again"
            )
        length = getattr(columns[name].type, "length", None)
        if length is not None and len(value) > length:
            raise StoreError(
                f"the {name} is {len(value)} characters long; at most {length} can be stored"
            )


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


def overall_of(report: dict[str, Any] | None) -> int | None:
    """The 0-100 overall score of a session's stored report, if it has a finite number.

    The session's `review` column holds the whole end report (interview/report.py:
    final_report), whose design review, with the score, is under "review".
    """
    review = report.get("review") if isinstance(report, dict) else None
    value = review.get("overall") if isinstance(review, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return round(value)


def last_event(value: Any) -> datetime | None:
    """MAX(at) from an aggregate: SQLite returns the stored text, not a datetime."""
    if value is None or isinstance(value, datetime):
        return value
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def event_record(row: EventRow | Row[Any]) -> EventRecord:
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


def snapshot_record(row: SnapshotRow | Row[Any]) -> SnapshotRecord:
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
        uid=row.uid,
        owner_id=row.owner_id,
    )

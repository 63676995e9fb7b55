"""Accounts and coach review in the store: users, sign-ins, shares, comments, coach scores.

Reached as `Store.accounts`; every method is one committed transaction, like the Store's.
Sign-in keys arrive here already hashed: the database never holds a value that would sign
anyone in. Invite tokens are kept as they are (see ShareRow).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tradeoff.store.models import (
    AuthSessionRow,
    CoachScoreRow,
    CommentRow,
    SecretRow,
    SessionRow,
    ShareRow,
    UserRow,
    UserSettingsRow,
)

Transaction = Callable[[], AbstractContextManager[Session]]
Reading = Callable[[], AbstractContextManager[Connection]]  # Core reads, nothing to commit
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class UserRecord:
    id: int
    email: str
    password_hash: str
    created_at: datetime


@dataclass(frozen=True)
class UserSettings:
    """An account's settings page; None is not set (the default applies)."""

    base_url: str | None = None
    model: str | None = None
    timeout: float | None = None
    api_key: str | None = None
    new_per_day: int | None = None


SETTING_FIELDS = ("base_url", "model", "timeout", "api_key", "new_per_day")


@dataclass(frozen=True)
class ShareRecord:
    id: int
    token: str
    session_id: int
    owner_id: int | None  # the session's owner
    label: str
    created_at: datetime
    revoked_at: datetime | None
    coach_id: int | None
    coach_email: str | None
    accepted_at: datetime | None


@dataclass(frozen=True)
class CommentRecord:
    id: int
    share_id: int
    session_id: int
    author_id: int | None
    author_name: str
    version: int | None  # with `line`: a line of a design version
    line: int | None
    turn_seq: int | None  # or the event seq of a transcript turn
    body: str
    created_at: datetime
    read_at: datetime | None


@dataclass(frozen=True)
class CoachScoreRecord:
    share_id: int
    session_id: int
    author_name: str
    scores: dict[str, int]
    scored_at: datetime
    session_started_at: datetime
    problem_id: str


@dataclass(frozen=True)
class Unread:
    """New comments on one of the candidate's sessions, for the notice on their pages."""

    session_id: int
    problem_id: str
    count: int
    authors: tuple[str, ...]


class AccountStore:
    def __init__(self, transaction: Transaction, reading: Reading) -> None:
        self._transaction = transaction
        self._reading = reading

    # --- users and sign-ins -----------------------------------------------------------

    def create_user(self, email: str, password_hash: str, at: datetime) -> UserRecord | None:
        """A new account, or None when the email is taken (checked by the unique index, so
        two sign-ups racing for one address cannot both win)."""
        with self._transaction() as session:
            row = UserRow(email=email, password_hash=password_hash, created_at=at)
            if not _inserted(session, row):
                return None
            return _user(row)

    def user_by_email(self, email: str) -> UserRecord | None:
        with self._transaction() as session:
            row = session.scalars(select(UserRow).where(UserRow.email == email)).first()
            return None if row is None else _user(row)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace a hash made with older argon2 parameters, at the next sign-in."""
        with self._transaction() as session:
            session.execute(
                update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash)
            )

    def add_sign_in(self, user_id: int, key_hash: str, at: datetime, expires_at: datetime) -> None:
        """Record a signed-in browser, and drop every expired sign-in while here."""
        with self._transaction() as session:
            session.execute(delete(AuthSessionRow).where(AuthSessionRow.expires_at <= at))
            session.add(
                AuthSessionRow(
                    key_hash=key_hash, user_id=user_id, created_at=at, expires_at=expires_at
                )
            )

    def user_signed_in(self, key_hash: str, now: datetime) -> UserRecord | None:
        """The account a browser's session key belongs to, if the sign-in has not expired."""
        with self._transaction() as session:
            row = session.execute(
                select(UserRow)
                .join(AuthSessionRow, AuthSessionRow.user_id == UserRow.id)
                .where(AuthSessionRow.key_hash == key_hash, AuthSessionRow.expires_at > now)
            ).scalar_one_or_none()
            return None if row is None else _user(row)

    def sign_out(self, key_hash: str) -> None:
        with self._transaction() as session:
            session.execute(delete(AuthSessionRow).where(AuthSessionRow.key_hash == key_hash))

    def secret(self, name: str, make: Callable[[], str]) -> str:
        """The named secret, made with `make` the first time; a process that loses the race
        to make it reads the winner's, so every process signs with the same key."""
        with self._transaction() as session:
            value = session.scalar(select(SecretRow.value).where(SecretRow.name == name))
        if value is not None:
            return value
        with self._transaction() as session:
            _inserted(session, SecretRow(name=name, value=make()))
            found = session.scalar(select(SecretRow.value).where(SecretRow.name == name))
        assert found is not None
        return found

    # --- settings ---------------------------------------------------------------------

    def settings(self, user_id: int) -> UserSettings:
        """The account's settings; all unset when it never saved any."""
        with self._transaction() as session:
            row = session.get(UserSettingsRow, user_id)
            if row is None:
                return UserSettings()
            return UserSettings(**{name: getattr(row, name) for name in SETTING_FIELDS})

    def save_settings(self, user_id: int, **changes: str | float | int | None) -> None:
        """Set the named fields (None clears one), keeping the others. Two first saves of
        one account racing each other both land: the loser updates the winner's row."""
        unknown = set(changes) - set(SETTING_FIELDS)
        assert not unknown, f"no setting {sorted(unknown)}"
        with self._transaction() as session:
            row = session.get(UserSettingsRow, user_id)
            if row is None and _inserted(session, UserSettingsRow(user_id=user_id, **changes)):
                return
            row = row or session.get(UserSettingsRow, user_id)
            assert row is not None
            for name, value in changes.items():
                setattr(row, name, value)

    # --- sessions' owners -------------------------------------------------------------

    def session_owner(self, session_id: int) -> tuple[bool, int | None]:
        """(whether the practice session exists, its owner)."""
        if not 0 < session_id <= MAX_ID:
            return False, None  # the driver could not even bind it
        sessions = SessionRow.__table__
        with self._reading() as connection:
            row = connection.execute(
                select(sessions.c.id, sessions.c.owner_id).where(sessions.c.id == session_id)
            ).first()
            return (False, None) if row is None else (True, row.owner_id)

    # --- shares -----------------------------------------------------------------------

    def add_share(self, session_id: int, token: str, label: str, at: datetime) -> int:
        with self._transaction() as session:
            row = ShareRow(session_id=session_id, token=token, label=label, created_at=at)
            session.add(row)
            session.flush()
            return row.id

    def share_by_token(self, token: str) -> ShareRecord | None:
        with self._transaction() as session:
            found = list(_shares(session, _shares_statement(_SHARES.c.token == token), {}))
            return found[0] if found else None

    def shares_of_session(self, session_id: int) -> list[ShareRecord]:
        with self._transaction() as session:
            return list(_shares(session, _SESSION_SHARES, {"session_id": session_id}))

    def shares_of_coach(self, coach_id: int) -> list[ShareRecord]:
        """The live shares an account accepted as coach, newest first."""
        with self._transaction() as session:
            live = _SHARES.c.revoked_at.is_(None)
            return list(
                _shares(session, _shares_statement(_SHARES.c.coach_id == coach_id, live), {})
            )

    def revoke_share(self, share_id: int, session_id: int, at: datetime) -> bool:
        """Revoke a live share of `session_id`; False when there is no such live share."""
        if not 0 < share_id <= MAX_ID:
            return False
        with self._transaction() as session:
            result = session.execute(
                update(ShareRow)
                .where(
                    ShareRow.id == share_id,
                    ShareRow.session_id == session_id,
                    ShareRow.revoked_at.is_(None),
                )
                .values(revoked_at=at)
            )
            return bool(getattr(result, "rowcount", 0))

    def accept_share(self, share_id: int, coach_id: int, at: datetime) -> bool:
        """Bind a share to the first account that opens it; True if it is (now) that one's.

        One conditional UPDATE, so two accounts opening the link at once cannot both win.
        """
        with self._transaction() as session:
            session.execute(
                update(ShareRow)
                .where(ShareRow.id == share_id, ShareRow.coach_id.is_(None))
                .values(coach_id=coach_id, accepted_at=at)
            )
            holder = session.scalar(select(ShareRow.coach_id).where(ShareRow.id == share_id))
            return holder == coach_id

    # --- comments and scores ----------------------------------------------------------

    def add_comment(
        self,
        *,
        share_id: int,
        session_id: int,
        author_id: int | None,
        author_name: str,
        version: int | None,
        line: int | None,
        turn_seq: int | None,
        body: str,
        at: datetime,
    ) -> CommentRecord:
        with self._transaction() as session:
            row = CommentRow(
                share_id=share_id,
                session_id=session_id,
                author_id=author_id,
                author_name=author_name,
                version=version,
                line=line,
                turn_seq=turn_seq,
                body=body,
                created_at=at,
                read_at=None,
            )
            session.add(row)
            session.flush()
            return _comment(row)

    def comments_of_session(self, session_id: int) -> list[CommentRecord]:
        """Every comment on a session, oldest first."""
        with self._transaction() as session:
            return _comments(session, session_id)

    def coaching(self, session_id: int, *, shares: bool) -> Coaching:
        """A session's comments, coach scores and (if `shares`) its invites, in one
        transaction: what the session page shows around the scorecard, read fresh on every
        view (none of it is cached)."""
        with self._reading() as connection:
            return Coaching(
                _comments(connection, session_id),
                _scores(connection, _SESSION_SCORES, {"session_id": session_id}),
                list(_shares(connection, _SESSION_SHARES, {"session_id": session_id}))
                if shares
                else [],
            )

    def mark_read(self, session_id: int, at: datetime) -> int:
        """The candidate has seen the session's comments; how many were new."""
        with self._transaction() as session:
            result = session.execute(
                update(CommentRow)
                .where(CommentRow.session_id == session_id, CommentRow.read_at.is_(None))
                .values(read_at=at)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def unread(self, owner_id: int | None) -> list[Unread]:
        """New comments per session of `owner_id` (None: every session, single-user mode)."""
        statement, values = _UNREAD_ALL, {}
        if owner_id is not None:
            statement, values = _UNREAD_OF, {"owner_id": owner_id}
        found: dict[int, tuple[str, list[str]]] = {}
        with self._reading() as connection:  # every full page asks: Core, built once
            for session_id, problem_id, author in connection.execute(statement, values):
                found.setdefault(session_id, (problem_id, []))[1].append(author)
        return [
            Unread(sid, problem, len(authors), tuple(dict.fromkeys(authors)))
            for sid, (problem, authors) in found.items()
        ]

    def set_scores(
        self,
        *,
        share_id: int,
        session_id: int,
        author_id: int | None,
        author_name: str,
        scores: dict[str, int],
        at: datetime,
    ) -> None:
        """Insert or replace the coach's scores for a share."""
        with self._transaction() as session:
            row = session.scalars(
                select(CoachScoreRow).where(CoachScoreRow.share_id == share_id)
            ).first()
            if row is None:
                row = CoachScoreRow(share_id=share_id, session_id=session_id)
                session.add(row)
            row.author_id, row.author_name = author_id, author_name
            row.scores, row.scored_at = dict(scores), at

    def scores(
        self, *, session_id: int | None = None, owner_id: int | None = None
    ) -> list[CoachScoreRecord]:
        """Coach scores of one session, or of every session of `owner_id` (None: of every
        session), ordered by the session's start."""
        statement = _scores_statement()
        if session_id is not None:
            statement = statement.where(_SCORES.c.session_id == session_id)
        if owner_id is not None:
            statement = statement.where(SessionRow.__table__.c.owner_id == owner_id)
        with self._transaction() as session:
            return _scores(session, statement, {})


def _inserted(session: Session, row: Any) -> bool:
    """Add `row` in a savepoint; False (and nothing added) if a unique key already holds it.

    The savepoint keeps the transaction usable after the conflict, and catching it here,
    inside the transaction, keeps it from reaching the store's handler of damaged files.
    """
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


# Core tables: the session page reads these on every view, and Core rows cost a fraction of
# ORM objects (no identity map, no instrumentation).
_SHARES = ShareRow.__table__
_COMMENTS = CommentRow.__table__
_SCORES = CoachScoreRow.__table__


@dataclass(frozen=True)
class Coaching:
    """What coaches left on one session: comments, scores and the invites."""

    comments: list[CommentRecord]
    scores: list[CoachScoreRecord]
    shares: list[ShareRecord]


def _comments(reader: Session | Connection, session_id: int) -> list[CommentRecord]:
    return [_comment(row) for row in reader.execute(_SESSION_COMMENTS, {"session_id": session_id})]


def _scores_statement() -> Select[Any]:
    sessions = SessionRow.__table__
    return (
        select(_SCORES, sessions.c.started_at.label("session_started_at"), sessions.c.problem_id)
        .join(sessions, sessions.c.id == _SCORES.c.session_id)
        .order_by(sessions.c.started_at, _SCORES.c.id)
    )


def _scores(
    reader: Session | Connection, statement: Select[Any], values: dict[str, Any]
) -> list[CoachScoreRecord]:
    return [
        CoachScoreRecord(
            share_id=row.share_id,
            session_id=row.session_id,
            author_name=row.author_name,
            scores=_int_scores(row.scores),
            scored_at=row.scored_at,
            session_started_at=row.session_started_at,
            problem_id=row.problem_id,
        )
        for row in reader.execute(statement, values)
    ]


def _shares_statement(*conditions: Any) -> Select[Any]:
    users, sessions = UserRow.__table__, SessionRow.__table__
    return (
        select(_SHARES, sessions.c.owner_id.label("owner_id"), users.c.email.label("email"))
        .join(sessions, sessions.c.id == _SHARES.c.session_id)
        .outerjoin(users, users.c.id == _SHARES.c.coach_id)
        .where(*conditions)
        .order_by(_SHARES.c.created_at.desc(), _SHARES.c.id.desc())
    )


def _shares(
    reader: Session | Connection, statement: Select[Any], values: dict[str, Any]
) -> Iterator[ShareRecord]:
    for row in reader.execute(statement, values):
        owner_id, email = row.owner_id, row.email
        yield ShareRecord(
            id=row.id,
            token=row.token,
            session_id=row.session_id,
            owner_id=owner_id,
            label=row.label,
            created_at=row.created_at,
            revoked_at=row.revoked_at,
            coach_id=row.coach_id,
            coach_email=email,
            accepted_at=row.accepted_at,
        )


def _unread_statement() -> Select[Any]:
    sessions = SessionRow.__table__
    return (
        select(_COMMENTS.c.session_id, sessions.c.problem_id, _COMMENTS.c.author_name)
        .join(sessions, sessions.c.id == _COMMENTS.c.session_id)
        .where(_COMMENTS.c.read_at.is_(None))
        .order_by(_COMMENTS.c.session_id, _COMMENTS.c.id)
    )


# The session page's and every page's reads, built once (building a statement costs more
# than running these on SQLite).
_SESSION_COMMENTS = (
    select(_COMMENTS)
    .where(_COMMENTS.c.session_id == bindparam("session_id"))
    .order_by(_COMMENTS.c.created_at, _COMMENTS.c.id)
)
_SESSION_SCORES = _scores_statement().where(_SCORES.c.session_id == bindparam("session_id"))
_SESSION_SHARES = _shares_statement(_SHARES.c.session_id == bindparam("session_id"))
_UNREAD_ALL = _unread_statement()
_UNREAD_OF = _unread_statement().where(SessionRow.__table__.c.owner_id == bindparam("owner_id"))


def _int_scores(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}


def _user(row: UserRow) -> UserRecord:
    return UserRecord(row.id, row.email, row.password_hash, row.created_at)


def _comment(row: Any) -> CommentRecord:
    """A comment from its ORM row or a Core row (the same attribute names)."""
    return CommentRecord(
        id=row.id,
        share_id=row.share_id,
        session_id=row.session_id,
        author_id=row.author_id,
        author_name=row.author_name,
        version=row.version,
        line=row.line,
        turn_seq=row.turn_seq,
        body=row.body,
        created_at=row.created_at,
        read_at=row.read_at,
    )

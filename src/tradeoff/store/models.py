"""The ORM tables: sessions, events, snapshots, drills, flashcards, accounts and coach review."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tradeoff.store.columns import JSONText, UTCDateTime
from tradeoff.store.keys import UID_LENGTH, new_uid

# Named constraints keep migrations portable: PostgreSQL and SQLite batch mode both need a
# name to drop or alter a constraint later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base whose metadata Alembic compares against the migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SessionRow(Base):
    """A mock interview; `review` is the final report JSON, NULL until it ends.

    `uid` (like the drills' and card reviews') names the row across machines: export and
    import match on it, so importing a backup twice adds nothing the second time.
    """

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(
        String(UID_LENGTH), unique=True, index=True, default=new_uid, server_default=""
    )
    problem_id: Mapped[str] = mapped_column(String(200))
    persona: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    review: Mapped[dict[str, Any] | None] = mapped_column(JSONText, nullable=True)
    # The account that practised; NULL for single-user mode (and the CLI), where the machine's
    # one user owns every session. No ON DELETE: see migration 0004.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)

    events: Mapped[list[EventRow]] = relationship(
        back_populates="session", order_by="EventRow.seq", cascade="all, delete-orphan"
    )
    snapshots: Mapped[list[SnapshotRow]] = relationship(
        back_populates="session", order_by="SnapshotRow.version", cascade="all, delete-orphan"
    )


class EventRow(Base):
    """One event of a session; `seq` orders events within the session from 1."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("session_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(64))
    phase: Mapped[str] = mapped_column(String(64))
    speaker: Mapped[str | None] = mapped_column(String(64), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSONText)

    session: Mapped[SessionRow] = relationship(back_populates="events")


class SnapshotRow(Base):
    """One version of the candidate's design; `version` counts from 1 within the session."""

    __tablename__ = "snapshots"
    __table_args__ = (UniqueConstraint("session_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)

    session: Mapped[SessionRow] = relationship(back_populates="snapshots")


class DrillRow(Base):
    """A capacity drill result, kept apart from sessions because drills stand alone."""

    __tablename__ = "drills"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(
        String(UID_LENGTH), unique=True, index=True, default=new_uid, server_default=""
    )
    problem_id: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSONText)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)


class CardStateRow(Base):
    """A flashcard's current FSRS state for one learner; one row per card they reviewed.

    `owner_id` is the account (accounts mode), NULL for the machine's one user (single-user
    mode and the CLI), as on sessions. A card id is unique per owner: two partial unique
    indexes, because a plain UNIQUE (owner_id, card_id) lets NULL owners repeat (NULLs are
    distinct in both SQLite and PostgreSQL), and the one-statement upsert needs a unique
    index to conflict on. `due` repeats the state's due time so counting due cards needs
    no JSON. No ON DELETE on the owner: see migration 0004.
    """

    __tablename__ = "card_states"
    __table_args__ = (
        Index(
            "uq_card_states_local_card_id",
            "card_id",
            unique=True,
            sqlite_where=text("owner_id IS NULL"),
            postgresql_where=text("owner_id IS NULL"),
        ),
        Index(
            "uq_card_states_owner_id_card_id",
            "owner_id",
            "card_id",
            unique=True,
            sqlite_where=text("owner_id IS NOT NULL"),
            postgresql_where=text("owner_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    card_id: Mapped[str] = mapped_column(String(64))
    deck: Mapped[str] = mapped_column(String(100), index=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSONText)
    due: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class CardReviewRow(Base):
    """One rating given to a flashcard, with fsrs's review log; never updated.

    `owner_id` as on `card_states`: the reviews of one learner decide which of their cards
    are no longer new today.
    """

    __tablename__ = "card_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(
        String(UID_LENGTH), unique=True, index=True, default=new_uid, server_default=""
    )
    card_id: Mapped[str] = mapped_column(String(64), index=True)
    rating: Mapped[str] = mapped_column(String(16))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    log: Mapped[dict[str, Any]] = mapped_column(JSONText)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)


class UserSettingsRow(Base):
    """One account's settings page (accounts mode): the LLM endpoint, model, timeout and API
    key, and the daily new-card limit. A NULL field means not set: the default applies.

    Single-user mode and the CLI keep these in the machine's config file instead; in
    accounts mode that file belongs to whoever runs the server, not to any visitor. The key
    is stored as typed, like the key file of single-user mode: whoever can read the
    database can read it, and it is never sent back to a browser.
    """

    __tablename__ = "user_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    base_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    model: Mapped[str | None] = mapped_column(Text, nullable=True)
    timeout: Mapped[float | None] = mapped_column(Float, nullable=True)
    api_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_per_day: Mapped[int | None] = mapped_column(Integer, nullable=True)


class UserRow(Base):
    """An account (accounts mode): the email it signs in with and an argon2 password hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuthSessionRow(Base):
    """A signed-in browser. The cookie holds a random key; only its SHA-256 is stored, so a
    copy of the database does not sign anyone in. Rows live here, not in a process, so every
    app process behind a load balancer knows every sign-in."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ShareRow(Base):
    """One practice session shared with a coach by an invite link whose random token opens
    that session only. Kept as is (not hashed, unlike sign-in keys) so the candidate and the
    coach can find the link again: it reaches nothing the database does not already hold.

    `coach_id` is the account that opened the link first (accounts mode); from then on the
    link works for that account only. Revoking keeps the row, so the coach's comments stay.
    """

    __tablename__ = "shares"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    coach_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CommentRow(Base):
    """A coach's comment on line `line` of design `version`, or on the turn whose event has
    `turn_seq`; exactly one of the two places is set. `read_at` is when the candidate saw it."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    share_id: Mapped[int] = mapped_column(ForeignKey("shares.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    author_name: Mapped[str] = mapped_column(String(254))
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    turn_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)


class CoachScoreRow(Base):
    """A coach's own 0-4 score per dimension for a shared session; one row per share, replaced
    when the coach scores again."""

    __tablename__ = "coach_scores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    share_id: Mapped[int] = mapped_column(
        ForeignKey("shares.id", ondelete="CASCADE"), unique=True, index=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    author_name: Mapped[str] = mapped_column(String(254))
    scores: Mapped[dict[str, Any]] = mapped_column(JSONText)
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SecretRow(Base):
    """Random server secrets (the CSRF signing key), made once and shared by every process."""

    __tablename__ = "app_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))

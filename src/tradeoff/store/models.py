"""The ORM tables: sessions, events, snapshots, drill results, and flashcard states and reviews."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
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


class CardStateRow(Base):
    """A flashcard's current FSRS state; one row per card ever reviewed, keyed by card id.

    `due` repeats the state's due time as a column so counting due cards needs no JSON.
    """

    __tablename__ = "card_states"

    card_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    deck: Mapped[str] = mapped_column(String(100), index=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSONText)
    due: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class CardReviewRow(Base):
    """One rating given to a flashcard, with fsrs's review log; never updated."""

    __tablename__ = "card_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(
        String(UID_LENGTH), unique=True, index=True, default=new_uid, server_default=""
    )
    card_id: Mapped[str] = mapped_column(String(64), index=True)
    rating: Mapped[str] = mapped_column(String(16))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    log: Mapped[dict[str, Any]] = mapped_column(JSONText)

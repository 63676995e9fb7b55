"""The plain, frozen records the store hands out: nothing in them touches the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class EventRecord:
    """One thing that happened in a session (a turn, a hint, a phase change...), in order."""

    id: int
    session_id: int
    seq: int
    at: datetime
    kind: str
    phase: str
    speaker: str | None
    text: str
    data: dict[str, Any]


@dataclass(frozen=True)
class SnapshotRecord:
    """One saved version of the candidate's design (text, diagram, board) during a session."""

    id: int
    session_id: int
    version: int
    at: datetime
    kind: str
    source: str
    content: str


@dataclass(frozen=True)
class SessionRecord:
    """A whole mock interview: its settings, events and snapshots in order, and the review."""

    id: int
    problem_id: str
    persona: str
    level: str
    minutes: int
    started_at: datetime
    ended_at: datetime | None
    review: dict[str, Any] | None
    events: tuple[EventRecord, ...]
    snapshots: tuple[SnapshotRecord, ...]
    uid: str = ""
    owner_id: int | None = None  # the account (accounts mode); None in single-user mode


@dataclass(frozen=True)
class SessionStamp:
    """One state of a session (`Store.session_stamp`): equal stamps, equal events."""

    session_id: int
    uid: str
    owner_id: int | None
    ended_at: datetime | None
    last_seq: int  # the seq of its last event (0: none yet)
    versions: int  # how many design versions it has
    # Whether it has ever been shared with a coach, read by the same query. Not part of
    # the stamp's identity (nothing derived from the events depends on it): it lets the
    # session page skip reading comments, coach scores and invites on a session that has
    # none of them, since comments and scores hang off an invite (shares.id) and invites
    # are never deleted on their own. True when unknown, so a reader then looks.
    shared: bool = field(default=True, compare=False)


@dataclass(frozen=True)
class SessionSummary:
    """A line of `sessions list`: enough to choose a session without loading its events."""

    id: int
    problem_id: str
    persona: str
    level: str
    started_at: datetime
    ended_at: datetime | None
    overall: int | None
    turns: int
    last_at: datetime | None = None  # the end, else the last event, else the start


# --- what an import writes: plain values, already validated by the caller ------------------


@dataclass(frozen=True)
class EventIn:
    """An event to import; its seq is its position in the session's tuple."""

    at: datetime
    kind: str
    phase: str
    speaker: str | None
    text: str
    data: dict[str, Any]


@dataclass(frozen=True)
class SnapshotIn:
    """A design version to import; its version number is its position in the tuple."""

    at: datetime
    kind: str
    source: str
    content: str


@dataclass(frozen=True)
class SessionIn:
    """A whole session to import, skipped when a session with its uid is already here."""

    uid: str
    problem_id: str
    persona: str
    level: str
    minutes: int
    started_at: datetime
    ended_at: datetime | None
    review: dict[str, Any] | None
    events: tuple[EventIn, ...]
    snapshots: tuple[SnapshotIn, ...]


@dataclass(frozen=True)
class DrillIn:
    """A drill result to import, keyed by uid."""

    uid: str
    problem_id: str
    at: datetime
    result: dict[str, Any]


@dataclass(frozen=True)
class CardStateIn:
    """A card's FSRS state to import; the newer of it and the local state is kept."""

    card_id: str
    deck: str
    state: dict[str, Any]
    due: datetime


@dataclass(frozen=True)
class CardReviewIn:
    """One past rating of a card to import, keyed by uid."""

    uid: str
    card_id: str
    rating: str
    reviewed_at: datetime
    log: dict[str, Any]


@dataclass(frozen=True)
class ImportBatch:
    """Everything one import writes, in one transaction."""

    sessions: tuple[SessionIn, ...] = ()
    drills: tuple[DrillIn, ...] = ()
    card_states: tuple[CardStateIn, ...] = ()
    card_reviews: tuple[CardReviewIn, ...] = ()


@dataclass(frozen=True)
class ImportCounts:
    """Per kind ("sessions", "drills", "card_states", "card_reviews"): rows added, rows
    already present (left as they were), and card states replaced by a newer one."""

    added: dict[str, int]
    present: dict[str, int]
    updated: dict[str, int]

    @property
    def changed(self) -> bool:
        return any(self.added.values()) or any(self.updated.values())

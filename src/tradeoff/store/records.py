"""The plain, frozen records the store hands out: nothing in them touches the database."""

from __future__ import annotations

from dataclasses import dataclass
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

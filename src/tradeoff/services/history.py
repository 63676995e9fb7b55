"""Past practice sessions, read for the JSON API: the list, and one session's turns and review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tradeoff.services.errors import NotFoundError
from tradeoff.store import SessionSummary, Store, StoreError
from tradeoff.store.database import overall_of

MAX_ID = 2**63 - 1  # SQLite's largest integer: a bigger id cannot exist, and cannot be bound


@dataclass(frozen=True)
class SpokenTurn:
    at: datetime
    speaker: str
    text: str


@dataclass(frozen=True)
class SessionDetail:
    summary: SessionSummary
    minutes: int
    turns: list[SpokenTurn]
    design_versions: int
    review: dict[str, Any] | None  # the review contract once the session has ended


def sessions(store: Store, limit: int = 50, owner_id: int | None = None) -> list[SessionSummary]:
    """The newest sessions first (one account's in accounts mode)."""
    return store.list_sessions(limit, owner_id=owner_id)


def session(store: Store, session_id: int) -> SessionDetail:
    """One session; an unknown id is a NotFoundError."""
    try:
        if not 1 <= session_id <= MAX_ID:
            raise StoreError(f"no session {session_id}")
        record = store.get_session(session_id)
    except StoreError as exc:
        if str(exc).startswith("no session"):
            raise NotFoundError(f"no practice session {session_id}") from None
        raise
    turns = [
        SpokenTurn(e.at, e.speaker or "", e.text)
        for e in record.events
        if e.kind == "turn" and e.speaker in ("candidate", "interviewer")
    ]
    summary = SessionSummary(
        id=record.id, problem_id=record.problem_id, persona=record.persona, level=record.level,
        started_at=record.started_at, ended_at=record.ended_at,
        overall=overall_of(record.review),
        turns=sum(1 for e in record.events if e.kind == "turn"),
        last_at=record.ended_at or max((e.at for e in record.events), default=record.started_at),
    )  # fmt: skip
    review = (record.review or {}).get("review") if record.ended_at is not None else None
    return SessionDetail(summary, record.minutes, turns, len(record.snapshots), review)

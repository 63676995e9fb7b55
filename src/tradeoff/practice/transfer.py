"""Move all of a user's data between machines: one JSON file out, the same data back in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tradeoff.errors import TradeoffError
from tradeoff.store import Store

FORMAT = "tradeoff-export"
VERSION = 1


def export_all(store: Store) -> dict[str, Any]:
    """Sessions with every event, snapshot and report; drills; flashcard states and reviews."""
    sessions = []
    for record in store.all_sessions():
        sessions.append(
            {
                "problem_id": record.problem_id,
                "persona": record.persona,
                "level": record.level,
                "minutes": record.minutes,
                "started_at": record.started_at.isoformat(),
                "ended_at": record.ended_at.isoformat() if record.ended_at else None,
                "review": record.review,
                "events": [
                    {
                        "at": e.at.isoformat(),
                        "kind": e.kind,
                        "phase": e.phase,
                        "speaker": e.speaker,
                        "text": e.text,
                        "data": e.data,
                    }
                    for e in record.events
                ],
                "snapshots": [
                    {
                        "at": s.at.isoformat(),
                        "kind": s.kind,
                        "source": s.source,
                        "content": s.content,
                    }
                    for s in record.snapshots
                ],
            }
        )
    drills = [
        {"problem_id": d["problem_id"], "at": _iso(d["at"]), "result": d["result"]}
        for d in reversed(store.list_drills(limit=1_000_000))
    ]
    cards = [
        {"card_id": card_id, **{k: _iso(v) for k, v in state.items()}}
        for card_id, state in sorted(store.card_states().items())
    ]
    reviews = [{k: _iso(v) for k, v in review.items()} for review in store.card_reviews()]
    return {
        "format": FORMAT,
        "version": VERSION,
        "sessions": sessions,
        "drills": drills,
        "card_states": cards,
        "card_reviews": reviews,
    }


def import_all(store: Store, data: Any) -> dict[str, int]:
    """Add everything from an export to `store`; counts of what was added."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TradeoffError("not a tradeoff export; make one with: tradeoff export FILE.json")
    if data.get("version") != VERSION:
        raise TradeoffError(
            f"export version {data.get('version')} is not supported; upgrade tradeoff"
        )
    try:
        sessions, drills, states, reviews = _parsed(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise TradeoffError(
            f"the export is damaged ({exc}); nothing was imported. Export it again"
        ) from None
    for session in sessions:
        session_id = store.create_session(
            problem_id=session["problem_id"],
            persona=session["persona"],
            level=session["level"],
            minutes=session["minutes"],
            started_at=session["started_at"],
        )
        for snapshot in session["snapshots"]:
            store.add_snapshot(session_id, **snapshot)
        for event in session["events"]:
            store.add_event(session_id, **event)
        if session["ended_at"]:
            store.finish_session(session_id, ended_at=session["ended_at"], review=session["review"])
    for drill in drills:
        store.add_drill(**drill)
    for card in states:
        store.save_card_state(card["card_id"], card["deck"], card["state"], card["due"])
    for review in reviews:
        store.add_card_review(
            review["card_id"], review["rating"], review["reviewed_at"], review["log"]
        )
    return {
        "sessions": len(data["sessions"]),
        "drills": len(data["drills"]),
        "card_states": len(data["card_states"]),
        "card_reviews": len(data["card_reviews"]),
    }


Rows = list[dict[str, Any]]


def _parsed(data: dict[str, Any]) -> tuple[Rows, Rows, Rows, Rows]:
    """Every record with its times parsed, before anything is written.

    The store commits each call on its own, so a damaged entry found halfway through the
    writes would leave half an import behind; reading everything first refuses it whole.
    """
    sessions = [
        {
            "problem_id": str(session["problem_id"]),
            "persona": str(session["persona"]),
            "level": str(session["level"]),
            "minutes": int(session["minutes"]),
            "started_at": _time(session["started_at"]),
            "ended_at": _time(session["ended_at"]) if session["ended_at"] else None,
            "review": session["review"],
            "snapshots": [
                {
                    "kind": snapshot["kind"],
                    "at": _time(snapshot["at"]),
                    "source": snapshot["source"],
                    "content": snapshot["content"],
                }
                for snapshot in session["snapshots"]
            ],
            "events": [
                {
                    "kind": event["kind"],
                    "at": _time(event["at"]),
                    "phase": event["phase"],
                    "text": event["text"],
                    "speaker": event["speaker"],
                    "data": event["data"],
                }
                for event in session["events"]
            ],
        }
        for session in data["sessions"]
    ]
    drills = [
        {"problem_id": d["problem_id"], "at": _time(d["at"]), "result": d["result"]}
        for d in data["drills"]
    ]
    states = [
        {"card_id": c["card_id"], "deck": c["deck"], "state": c["state"], "due": _time(c["due"])}
        for c in data["card_states"]
    ]
    reviews = [
        {
            "card_id": r["card_id"],
            "rating": r["rating"],
            "reviewed_at": _time(r["reviewed_at"]),
            "log": r["log"],
        }
        for r in data["card_reviews"]
    ]
    return sessions, drills, states, reviews


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time without a zone: {text}")
    return moment

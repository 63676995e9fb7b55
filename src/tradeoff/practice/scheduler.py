"""Spaced repetition with FSRS: pure functions from (state, rating, time) to the next state.

States are plain dicts (fsrs's own `Card.to_dict()`), so the store keeps them as JSON and
nothing here touches a database or the system clock: callers pass `now`, and tests pass a
fixed one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from tradeoff.errors import TradeoffError
from tradeoff.practice.decks import Card

RATINGS: dict[str, Rating] = {
    "again": Rating.Again,
    "hard": Rating.Hard,
    "good": Rating.Good,
    "easy": Rating.Easy,
}
KEYS = {"1": "again", "2": "hard", "3": "good", "4": "easy"}


@dataclass(frozen=True)
class Reviewed:
    """The outcome of one review: the new state to store, when it is due, and the log."""

    state: dict[str, Any]
    due: datetime
    log: dict[str, Any]


@lru_cache(maxsize=1)
def scheduler() -> Scheduler:
    """FSRS with its default weights, day-sized steps and no fuzz.

    A terminal review shows each due card once, so fsrs's minute-sized steps would only make
    every card answered today come back tomorrow whatever the rating. Instead a new card
    goes straight to its first interval, and a forgotten one (Again) comes back the next day
    before FSRS's longer post-lapse interval applies. No fuzz: the same reviews always give
    the same due dates, which keeps schedules reproducible.
    """
    return Scheduler(learning_steps=(), relearning_steps=(timedelta(days=1),), enable_fuzzing=False)


def utc(now: datetime) -> datetime:
    """`now` in UTC; a naive datetime is refused because its zone would be a guess."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now={now!r} is naive; pass an aware datetime (datetime.now(UTC))")
    return now.astimezone(UTC)


def parse_now(value: str | None) -> datetime:
    """The review clock: an ISO-8601 override (TRADEOFF_NOW) or the system clock.

    An override without a zone is read as UTC, since it is typed by a person or a test.
    """
    if value is None or not value.strip():
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise TradeoffError(
            f"TRADEOFF_NOW={value!r} is not an ISO-8601 datetime;"
            " use e.g. 2025-03-01T09:00:00+00:00 or unset it"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_rating(text: str) -> str | None:
    """'1'-'4' or again/hard/good/easy (any case) as a rating name; None for anything else."""
    word = text.strip().lower()
    word = KEYS.get(word, word)
    return word if word in RATINGS else None


def fsrs_id(card_id: str) -> int:
    """fsrs wants an integer id; the hex card id is one, and stable across runs."""
    return int(card_id, 16)


def new_state(card_id: str, now: datetime) -> dict[str, Any]:
    """The state of a never-reviewed card: due at `now`, so new cards count as due."""
    return dict(FsrsCard(card_id=fsrs_id(card_id), due=utc(now)).to_dict())


def review(state: Mapping[str, Any] | None, card_id: str, rating: str, now: datetime) -> Reviewed:
    """Apply one rating at `now` to a card's state (None: never reviewed)."""
    if rating not in RATINGS:
        raise ValueError(f"rating {rating!r}; use one of {', '.join(RATINGS)}")
    at = utc(now)
    card = (
        FsrsCard.from_dict(dict(state))  # type: ignore[arg-type]
        if state is not None
        else FsrsCard(card_id=fsrs_id(card_id), due=at)
    )
    updated, log = scheduler().review_card(card, RATINGS[rating], review_datetime=at)
    return Reviewed(
        state=dict(updated.to_dict()), due=updated.due.astimezone(UTC), log=dict(log.to_dict())
    )


def is_due(due: datetime | None, now: datetime) -> bool:
    """Due when never reviewed (`due` None) or when its due time has come."""
    return due is None or utc(due) <= utc(now)


def due_cards(cards: Iterable[Card], due_at: Mapping[str, datetime], now: datetime) -> list[Card]:
    """The cards to review at `now`, most overdue first, then new cards in deck order.

    `due_at` maps the ids of reviewed cards to their due time; cards missing from it have
    never been reviewed and are due.
    """
    reviewed: list[tuple[datetime, int, Card]] = []
    new: list[tuple[int, Card]] = []
    for position, card in enumerate(cards):
        due = due_at.get(card.id)
        if due is None:
            new.append((position, card))
        elif is_due(due, now):
            reviewed.append((utc(due), position, card))
    reviewed.sort(key=lambda item: (item[0], item[1]))
    return [card for _, _, card in reviewed] + [card for _, card in new]


def count_due(cards: Iterable[Card], due_at: Mapping[str, datetime], now: datetime) -> int:
    """How many of `cards` are due at `now` (new cards included)."""
    return sum(1 for card in cards if is_due(due_at.get(card.id), now))

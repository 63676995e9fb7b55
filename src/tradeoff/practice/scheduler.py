"""Spaced repetition with FSRS: pure functions from (state, rating, time) to the next state.

States are plain dicts (fsrs's own `Card.to_dict()`), so the store keeps them as JSON and
nothing here touches a database or the system clock: callers pass `now`, and tests pass a
fixed one. New cards are introduced at a daily limit, as Anki does: a first day with every
card of every deck due would be a wall nobody climbs twice.
"""

from __future__ import annotations

import heapq
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
DEFAULT_NEW_PER_DAY = 20  # Anki's default; about ten minutes of new material a day


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


def day_start(now: datetime) -> datetime:
    """Midnight UTC of `now`'s day: the day the new-card allowance counts over.

    UTC rather than local time keeps a review, the plan and a test on another machine
    agreeing on which day a card was first seen.
    """
    at = utc(now)
    return at.replace(hour=0, minute=0, second=0, microsecond=0)


def new_seen_on(first_reviewed: Iterable[datetime], now: datetime) -> int:
    """How many cards had their first ever review on `now`'s day (from their first reviews)."""
    start = day_start(now)
    end = start + timedelta(days=1)
    return sum(1 for when in first_reviewed if start <= utc(when) < end)


@dataclass(frozen=True)
class Queue:
    """Today's review: every seen card that is due, then new cards up to the daily limit."""

    reviews: tuple[Card, ...]  # seen before and due, most overdue first
    new: tuple[Card, ...]  # never seen, in deck order, at most what today's limit leaves
    unseen: int  # never-seen cards in the selection, introduced or not
    new_per_day: int
    new_seen_today: int  # new cards already introduced today, before this queue

    @property
    def cards(self) -> tuple[Card, ...]:
        return self.reviews + self.new


def review_queue(
    cards: Iterable[Card],
    due_at: Mapping[str, datetime],
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    new_seen_today: int = 0,
) -> Queue:
    """The cards to review at `now`: all due seen cards, and new ones while today's limit lasts.

    Seen cards are never held back by the limit: a review that falls due and waits only
    grows harder, while a new card that waits a day costs nothing.
    """
    if new_per_day < 0:
        raise ValueError(f"new_per_day={new_per_day}; it must be 0 or more")
    ordered = due_cards(cards, due_at, now)
    reviews = tuple(card for card in ordered if card.id in due_at)
    unseen = tuple(card for card in ordered if card.id not in due_at)
    allowance = max(0, new_per_day - new_seen_today)
    return Queue(reviews, unseen[:allowance], len(unseen), new_per_day, new_seen_today)


@dataclass(frozen=True)
class DayLoad:
    """Cards one day of a forecast asks for: seen cards falling due, and new introductions."""

    reviews: int
    new: int

    @property
    def cards(self) -> int:
        return self.reviews + self.new


def forecast(
    cards: Iterable[Card],
    states: Mapping[str, Mapping[str, Any]],
    now: datetime,
    days: int,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    new_seen_today: int = 0,
) -> list[DayLoad]:
    """The cards due on each of `days` days from `now`, if every card is answered Good.

    `states` maps seen card ids to their stored {"state", "due"}. Day 0 counts everything
    already overdue; each day introduces new cards up to the limit (less what today already
    introduced), and every card reviewed in the forecast comes back when FSRS would
    schedule it after a Good rating, so the load of new cards shows up on later days too.
    """
    start = utc(now)
    midnight = day_start(start)
    horizon = midnight + timedelta(days=days)
    queue: list[tuple[datetime, str, dict[str, Any]]] = []
    unseen: list[str] = []
    for card in cards:
        seen = states.get(card.id)
        if seen is None:
            unseen.append(card.id)
        elif utc(seen["due"]) < horizon:
            queue.append((utc(seen["due"]), card.id, dict(seen["state"])))
    heapq.heapify(queue)
    loads: list[DayLoad] = []
    for offset in range(days):
        end = midnight + timedelta(days=offset + 1)
        moment = max(start, midnight + timedelta(days=offset))
        reviews = 0
        while queue and queue[0][0] < end:
            due, card_id, state = heapq.heappop(queue)
            reviews += 1
            _requeue(queue, review(state, card_id, "good", max(due, moment)), card_id, horizon)
        allowance = max(0, new_per_day - (new_seen_today if offset == 0 else 0))
        introduced, unseen = unseen[:allowance], unseen[allowance:]
        for card_id in introduced:
            _requeue(queue, review(None, card_id, "good", moment), card_id, horizon)
        loads.append(DayLoad(reviews, len(introduced)))
    return loads


def _requeue(
    queue: list[tuple[datetime, str, dict[str, Any]]],
    reviewed: Reviewed,
    card_id: str,
    horizon: datetime,
) -> None:
    """Put a forecast card back at its next due time, unless that is past the forecast."""
    if reviewed.due < horizon:
        heapq.heappush(queue, (reviewed.due, card_id, reviewed.state))

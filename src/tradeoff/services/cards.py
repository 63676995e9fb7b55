"""Flashcards over the store: decks chosen, today's queue, one rating saved whole, the forecast.

The CLI and the web only ask and show; what counts as due today (the new-card limit), which
card may be rated now, how a rating is saved (the card's state and its review log in one
transaction) and how many cards the coming days hold are decided here, so `cards review`,
the flashcards page and `plan` cannot disagree.
"""

from __future__ import annotations

import difflib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tradeoff.errors import TradeoffError
from tradeoff.practice.decks import Card, Deck
from tradeoff.practice.scheduler import (
    DEFAULT_NEW_PER_DAY,
    RATINGS,
    DayLoad,
    Queue,
    Reviewed,
    forecast,
    is_due,
    new_seen_on,
    parse_now,
    parse_rating,
    review,
    review_queue,
    utc,
)
from tradeoff.services.errors import BadInputError, ConflictError, NotFoundError

if TYPE_CHECKING:
    from tradeoff.store import Store

SECTION = "cards"  # the config file's object for flashcard settings
NEW_PER_DAY = "new_per_day"
MAX_NEW_PER_DAY = 1000  # more than every packaged card: a typo, not a plan


def first_reviews(store: Store, owner_id: int | None = None) -> dict[str, datetime]:
    """When each of the learner's cards was first reviewed: the day it stopped being new.

    `owner_id` everywhere here is the learner: an account, or None for the machine's one
    user (single-user mode and the CLI); see Store.card_states.
    """
    first: dict[str, datetime] = {}
    for entry in store.card_reviews(owner_id=owner_id):  # oldest first
        first.setdefault(entry["card_id"], entry["reviewed_at"])
    return first


def todays_queue(
    store: Store,
    cards: Iterable[Card],
    now: datetime,
    new_per_day: int,
    owner_id: int | None = None,
) -> Queue:
    """The cards to review now: every due seen card, and new ones while today's limit lasts."""
    states = store.card_states(owner_id)
    due_at = {card_id: state["due"] for card_id, state in states.items()}
    seen_today = new_seen_on(first_reviews(store, owner_id).values(), now)
    return review_queue(cards, due_at, now, new_per_day=new_per_day, new_seen_today=seen_today)


def rate(
    store: Store, card: Card, rating: str, now: datetime, owner_id: int | None = None
) -> Reviewed:
    """Apply `rating` to `card` at `now` and save the new state with its review log at once.

    The state is read again here rather than taken from the caller, so two terminals
    reviewing the same deck each build on the latest rating.
    """
    previous = store.card_states(owner_id).get(card.id)
    result = review(previous["state"] if previous else None, card.id, rating, now)
    store.record_card_review(
        card_id=card.id, deck=card.deck, rating=rating, at=now,
        state=result.state, due=result.due, log=result.log, owner_id=owner_id,
    )  # fmt: skip
    return result


def due_by_day(
    store: Store,
    cards: Iterable[Card],
    now: datetime,
    days: int,
    new_per_day: int,
    owner_id: int | None = None,
) -> dict[date, DayLoad]:
    """The cards each day of a plan asks for, by UTC date, if every card is answered Good."""
    states = store.card_states(owner_id)
    seen_today = new_seen_on(first_reviews(store, owner_id).values(), now)
    loads = forecast(cards, states, now, days, new_per_day=new_per_day, new_seen_today=seen_today)
    start = utc(now).date()
    return {start + timedelta(days=offset): load for offset, load in enumerate(loads)}


NOW_VAR = "TRADEOFF_NOW"  # an ISO-8601 datetime used as "now" by tests and demos


def current_time() -> datetime:
    """The review clock, read on every call so each rating is stamped with its own time."""
    return parse_now(os.environ.get(NOW_VAR))


def per_day(override: int | None = None) -> int:
    """The daily new-card limit: `override` (an option or a query), else the setting."""
    if override is None:
        return load_new_per_day().value
    return check_new_per_day(override, "new cards per day")


def select_cards(decks: dict[str, Deck], deck: str | None, topic: str | None) -> list[Card]:
    """Cards of one deck (or all), optionally only those tagged `topic`; unknowns suggest."""
    deck, topic = deck or None, topic or None
    if deck is not None and deck not in decks:
        raise BadInputError(f"no deck {deck!r}; {_suggest(deck, list(decks))}")
    chosen = [decks[deck]] if deck is not None else list(decks.values())
    cards = [card for d in chosen for card in d.cards]
    if topic is None:
        return cards
    tags = sorted({tag for d in chosen for tag in d.tags})
    if topic not in tags:
        where = f" in deck {deck!r}" if deck is not None else ""
        raise BadInputError(f"no cards tagged {topic!r}{where}; {_suggest(topic, tags)}")
    return [card for card in cards if topic in card.tags]


def _suggest(word: str, known: list[str]) -> str:
    near = difflib.get_close_matches(word, known, n=1)
    if near:
        return f"did you mean {near[0]!r}?"
    shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
    return f"use one of {shown}" if known else "import a deck with 'tradeoff cards import'"


def find_card(decks: dict[str, Deck], card_id: str) -> Card:
    """A card by id, in any deck; an unknown id is a NotFoundError."""
    for deck in decks.values():
        for card in deck.cards:
            if card.id == card_id:
                return card
    raise NotFoundError(f"no flashcard {card_id!r}; its deck may have been removed or edited")


def rating_of(text: str) -> str:
    """A rating name from 1-4 or again/hard/good/easy; anything else says what to send."""
    rating = parse_rating(text)
    if rating is None:
        raise BadInputError(f"no rating {text[:40]!r}; use one of {', '.join(RATINGS)} (or 1-4)")
    return rating


def rate_due(
    store: Store,
    card: Card,
    rating: str,
    now: datetime,
    new_per_day: int,
    owner_id: int | None = None,
) -> Reviewed:
    """Rate `card` if today's review holds it, else a ConflictError saying why not.

    A seen card must be due, and a new card needs what is left of today's allowance: a
    resent form or a second tab rating the same card again would otherwise push its
    schedule out twice for one recall, and new cards would slip past the daily limit.
    """
    seen = store.card_states(owner_id).get(card.id)
    if seen is not None and not is_due(seen["due"], now):
        raise ConflictError(
            f"that card is not due until {utc(seen['due']):%Y-%m-%d %H:%M} UTC;"
            " its rating is already saved"
        )
    if seen is None:
        started = new_seen_on(first_reviews(store, owner_id).values(), now)
        if started >= new_per_day:
            raise ConflictError(
                f"today's {new_per_day} new cards are done; new ones come in tomorrow"
            )
    return rate(store, card, rating, now, owner_id)


def next_due(cards: Iterable[Card], states: dict[str, dict[str, Any]]) -> datetime | None:
    """When the first of the seen `cards` comes due next (None when none is seen)."""
    upcoming = [states[card.id]["due"] for card in cards if card.id in states]
    return min(upcoming) if upcoming else None


def interval(delta: timedelta) -> str:
    """A due interval as a person says it: '10 minutes', '1 day', '3 days'."""
    seconds = max(0, int(delta.total_seconds()))
    days, rest = divmod(seconds, 86_400)
    if days:
        return f"{days} day{'s' if days != 1 else ''}"
    hours, rest = divmod(rest, 3_600)
    if hours:
        return f"{hours} hour{'s' if hours != 1 else ''}"
    minutes = max(1, rest // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


@dataclass(frozen=True)
class DeckCounts:
    """One deck's line of `cards stats`: cards, seen ones due now, never seen, seen."""

    cards: int
    due: int
    new: int
    reviewed: int


def deck_counts(
    decks: dict[str, Deck], states: dict[str, dict[str, Any]], queue: Queue
) -> dict[str, DeckCounts]:
    due = {card.id for card in queue.reviews}
    return {
        deck_id: DeckCounts(
            cards=len(deck.cards),
            due=sum(1 for card in deck.cards if card.id in due),
            new=sum(1 for card in deck.cards if card.id not in states),
            reviewed=sum(1 for card in deck.cards if card.id in states),
        )
        for deck_id, deck in decks.items()
    }


def all_cards(decks: dict[str, Deck]) -> Sequence[Card]:
    return [card for deck in decks.values() for card in deck.cards]


# --- the setting ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NewPerDay:
    """The daily new-card limit in force and where it came from, for `cards settings`."""

    value: int
    source: str  # "default" or the config file's path


def check_new_per_day(value: object, where: str) -> int:
    """A whole number from 0 to MAX_NEW_PER_DAY; anything else names where it came from."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TradeoffError(f"{where}: new cards per day must be a whole number, got {value!r}")
    if not 0 <= value <= MAX_NEW_PER_DAY:
        raise TradeoffError(
            f"{where}: new cards per day must be between 0 and {MAX_NEW_PER_DAY}, got {value}"
        )
    return value


def load_new_per_day(path: Path | None = None) -> NewPerDay:
    """`cards.new_per_day` from the config file, or the default (20, Anki's) when unset."""
    file = path if path is not None else config_path()
    section = _read(file).get(SECTION) or {}
    if not isinstance(section, dict):
        raise TradeoffError(f'config file {file}: "{SECTION}" must be a JSON object; fix it')
    if section.get(NEW_PER_DAY) is None:
        return NewPerDay(DEFAULT_NEW_PER_DAY, "default")
    where = f'config file {file}, "{SECTION}.{NEW_PER_DAY}"'
    return NewPerDay(check_new_per_day(section[NEW_PER_DAY], where), str(file))


def save_new_per_day(value: int, path: Path | None = None) -> Path:
    """Store the limit in the config file, keeping every other setting in it.

    Written to a temporary file and renamed, so an interrupted save never leaves half a
    config file (which also holds the LLM settings).
    """
    file = path if path is not None else config_path()
    data = _read(file)
    section = data.get(SECTION)
    merged: dict[str, Any] = dict(section) if isinstance(section, dict) else {}
    merged[NEW_PER_DAY] = check_new_per_day(value, "--new-per-day")
    data[SECTION] = merged
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".config-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=2)
                out.write("\n")
            os.replace(temporary, file)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise TradeoffError(f"cannot write config file {file} ({exc.strerror})") from None
    return file


def config_path() -> Path:
    """The one config file tradeoff keeps (the LLM settings live in it too)."""
    from tradeoff.llm.config import config_path as shared

    return shared()


def _read(file: Path) -> dict[str, Any]:
    """The config file as a JSON object; missing or empty is an empty one."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise TradeoffError(f"cannot read config file {file} ({exc}); fix or delete it") from None
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TradeoffError(
            f"config file {file} is not valid JSON (line {exc.lineno}); fix or delete it"
        ) from None
    if not isinstance(data, dict):
        raise TradeoffError(f"config file {file} must hold a JSON object; fix or delete it")
    return data

"""Flashcard reviews over the store: today's queue, one rating saved whole, the forecast.

The CLI only asks and prints; what counts as due today (the new-card limit), how a rating
is saved and how many cards the coming days hold are decided here, so `cards review` and
`plan` cannot disagree.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tradeoff.errors import TradeoffError
from tradeoff.practice.decks import Card
from tradeoff.practice.scheduler import (
    DEFAULT_NEW_PER_DAY,
    DayLoad,
    Queue,
    Reviewed,
    forecast,
    new_seen_on,
    review,
    review_queue,
    utc,
)

if TYPE_CHECKING:
    from tradeoff.store import Store

SECTION = "cards"  # the config file's object for flashcard settings
NEW_PER_DAY = "new_per_day"
MAX_NEW_PER_DAY = 1000  # more than every packaged card: a typo, not a plan


def first_reviews(store: Store) -> dict[str, datetime]:
    """When each card was first reviewed: the day it stopped being new."""
    first: dict[str, datetime] = {}
    for entry in store.card_reviews():  # oldest first
        first.setdefault(entry["card_id"], entry["reviewed_at"])
    return first


def todays_queue(store: Store, cards: Iterable[Card], now: datetime, new_per_day: int) -> Queue:
    """The cards to review now: every due seen card, and new ones while today's limit lasts."""
    states = store.card_states()
    due_at = {card_id: state["due"] for card_id, state in states.items()}
    seen_today = new_seen_on(first_reviews(store).values(), now)
    return review_queue(cards, due_at, now, new_per_day=new_per_day, new_seen_today=seen_today)


def rate(store: Store, card: Card, rating: str, now: datetime) -> Reviewed:
    """Apply `rating` to `card` at `now` and save the new state with its review log at once.

    The state is read again here rather than taken from the caller, so two terminals
    reviewing the same deck each build on the latest rating.
    """
    previous = store.card_states().get(card.id)
    result = review(previous["state"] if previous else None, card.id, rating, now)
    store.record_card_review(
        card_id=card.id, deck=card.deck, rating=rating, at=now,
        state=result.state, due=result.due, log=result.log,
    )  # fmt: skip
    return result


def due_by_day(
    store: Store, cards: Iterable[Card], now: datetime, days: int, new_per_day: int
) -> dict[date, DayLoad]:
    """The cards each day of a plan asks for, by UTC date, if every card is answered Good."""
    states = store.card_states()
    seen_today = new_seen_on(first_reviews(store).values(), now)
    loads = forecast(cards, states, now, days, new_per_day=new_per_day, new_seen_today=seen_today)
    start = utc(now).date()
    return {start + timedelta(days=offset): load for offset, load in enumerate(loads)}


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

"""The study plan over the store: the days `tradeoff plan` prints and the plan page shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tradeoff.catalog.loader import Catalog
from tradeoff.practice.decks import Deck
from tradeoff.practice.plan import PlanDay, build_plan
from tradeoff.practice.progress import SessionView, analyse
from tradeoff.services import cards as flashcards
from tradeoff.services.errors import BadInputError
from tradeoff.store import Store

MAX_DAYS = 90
MIN_MINUTES, MAX_MINUTES = 15, 480
HISTORY = timedelta(weeks=8)  # the weaknesses a plan trains are those of the last 8 weeks


def check_range(value: int, low: int, high: int, name: str) -> int:
    if not low <= value <= high:
        raise BadInputError(f"{name} must be {low} to {high}, not {value}")
    return value


def study_plan(
    store: Store,
    catalog: Catalog,
    decks: dict[str, Deck],
    now: datetime,
    *,
    days: int = 14,
    minutes_per_day: int = 45,
    new_per_day: int | None = None,
    owner_id: int | None = None,
) -> list[PlanDay]:
    """Days of mocks, drills and due cards from the last 8 weeks' sessions and drills and
    the flashcard forecast (at the daily new-card limit); each item says why it is there.

    `owner_id` is an account (accounts mode): its sessions, drills and cards only. None
    (single-user mode, the CLI) reads every session and drill, and the local flashcards.
    """
    check_range(days, 1, MAX_DAYS, "days")
    check_range(minutes_per_day, MIN_MINUTES, MAX_MINUTES, "minutes a day")
    limit = flashcards.per_day(new_per_day)
    views = [
        SessionView(record.id, record.problem_id, record.started_at, record.review)
        for record in store.all_sessions(finished_only=True, owner_id=owner_id)
        if record.review
    ]
    drills = store.list_drills(limit=1_000_000, owner_id=owner_id)
    topics_of = {pid: list(p.topics) for pid, p in catalog.problems.items()}
    progress = analyse(views, topics_of, drills, now - HISTORY)
    load = flashcards.due_by_day(store, flashcards.all_cards(decks), now, days, limit, owner_id)
    practised: dict[str, date] = {}
    for view in sorted(views, key=lambda v: v.started_at):
        practised[view.problem_id] = view.started_at.date()
    drilled: dict[str, date] = {}
    for drill in sorted(drills, key=lambda d: d["at"]):
        drilled[drill["problem_id"]] = drill["at"].date()
    return build_plan(
        progress, catalog, start=now.date(), days=days, minutes_per_day=minutes_per_day,
        cards=load, practised=practised, drilled=drilled,
    )  # fmt: skip

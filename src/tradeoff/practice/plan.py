"""A day-by-day study plan drawn from weak topics, recurring mistakes and due flashcards.

Deterministic for a given history and start date, so the same data gives the same plan and
a new session visibly changes it; every item says why it is there. A weakness is trained
on different prompts in turn (least recently practised first): the same prompt four times
in two weeks teaches its answer, not the skill.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from tradeoff.catalog.loader import Catalog
from tradeoff.practice.progress import Progress
from tradeoff.practice.scheduler import DayLoad

# Which finding kinds each prompt trains, by the topics it is tagged with.
_MISTAKE_TOPICS = {
    "single-point-of-failure": ("replication", "availability"),
    "arithmetic-error": ("storage", "caching"),
    "unit-error": ("storage",),
    "options-without-decision": ("consistency", "storage"),
    "buzzwords-without-reasons": ("queues", "storage"),
    "no-idempotency": ("idempotency", "payments"),
    "no-concurrency-control": ("concurrency", "inventory"),
    "vague-monitoring": ("monitoring",),
    "availability-chain": ("availability",),
    "no-monitoring": ("monitoring",),
    "god-class": ("solid",),
    "no-cache": ("caching",),
    "no-pagination": ("pagination", "api-design"),
}
# Topics to start with when there is no history to find weak ones in.
STARTER_TOPICS = ("caching", "sharding", "api-design")
SECONDS_PER_CARD = 30  # a reveal and a rating; new cards take longer, reviews less
DRILL_MINUTES = 15
DRILL_EVERY_DAYS = 3
MOCK_MINUTES = 45
MIN_MOCK_MINUTES = 25  # shorter than this a mock interview cannot reach the deep dive


@dataclass(frozen=True)
class PlanItem:
    kind: str  # mock, drill, cards
    what: str
    minutes: int
    why: str
    problem: str | None = None  # the prompt a mock or drill uses


@dataclass
class PlanDay:
    day: date
    items: list[PlanItem] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(i.minutes for i in self.items)


def build_plan(
    progress: Progress,
    catalog: Catalog,
    *,
    start: date,
    days: int = 14,
    minutes_per_day: int = 45,
    cards: Mapping[date, DayLoad] | None = None,
    practised: Mapping[str, date] | None = None,
    drilled: Mapping[str, date] | None = None,
) -> list[PlanDay]:
    """Mocks rotating over the weakest topics, drills while capacity is weak, due cards daily.

    `cards` is the flashcard forecast by day; `practised` and `drilled` give the last day
    each prompt was used in a mock or a drill, so the plan picks the least recent one.
    """
    cards = cards or {}
    last_mock = _Usage(dict(practised or {}))
    last_drill = _Usage(dict(drilled or {}))
    weak_topics = progress.weakest_topics(3) or list(STARTER_TOPICS)
    mistakes = [m.kind for m in progress.recurring]
    wanted = set(weak_topics) | {t for m in mistakes for t in _MISTAKE_TOPICS.get(m, ())}
    capacity_weak = "capacity" in progress.weak_dimensions() or (
        progress.drill_accuracy is not None and progress.drill_accuracy < 0.6
    )
    plan: list[PlanDay] = []
    mocks = 0
    for offset in range(days):
        day = PlanDay(start + timedelta(days=offset))
        left = minutes_per_day
        load = cards.get(day.day)
        if load is not None and load.cards:
            item = _cards_item(load, left)
            day.items.append(item)
            left -= item.minutes
        if capacity_weak and offset % DRILL_EVERY_DAYS == 0 and left >= DRILL_MINUTES:
            drill = _pick_drill(catalog, weak_topics, wanted, last_drill, progress, day.day)
            if drill is not None:
                day.items.append(drill)
                last_drill.planned[str(drill.problem)] = day.day
                left -= DRILL_MINUTES
        if left >= MIN_MOCK_MINUTES:
            target = weak_topics[mocks % len(weak_topics)]
            mock = _pick_mock(catalog, target, wanted, last_mock, progress, mistakes, day.day,
                              min(MOCK_MINUTES, left))  # fmt: skip
            if mock is not None:
                day.items.append(mock)
                last_mock.planned[str(mock.problem)] = day.day
                mocks += 1
                left -= mock.minutes
        plan.append(day)
    return plan


def _cards_item(load: DayLoad, left: int) -> PlanItem:
    """The day's flashcards, timed at SECONDS_PER_CARD each and never more than the day."""
    needed = max(5, math.ceil(load.cards * SECONDS_PER_CARD / 60))
    minutes = min(needed, left)
    fit = load.cards if minutes == needed else minutes * 60 // SECONDS_PER_CARD
    what = f"Review {fit if fit < load.cards else load.cards} flashcards (tradeoff cards review)"
    counts = []
    if load.reviews:
        counts.append(f"{load.reviews} seen card{'s' if load.reviews != 1 else ''} fall due")
    if load.new:
        counts.append(f"{load.new} new card{'s come' if load.new != 1 else ' comes'} in")
    why = f"{' and '.join(counts)} that day, at about {SECONDS_PER_CARD} s a card"
    if fit < load.cards:
        why += f"; the other {load.cards - fit} wait for a day with more time"
    return PlanItem("cards", what, minutes, why)


@dataclass
class _Usage:
    """When each prompt was last used: in the history, or earlier in this plan."""

    history: dict[str, date]
    planned: dict[str, date] = field(default_factory=dict)

    def last(self, problem_id: str) -> date:
        return self.planned.get(problem_id) or self.history.get(problem_id) or date.min

    def describe(self, problem_id: str, today: date) -> str:
        """'never', 'last on 2026-10-19 in this plan', 'last 12 days ago'."""
        if problem_id in self.planned:
            return f"last on {self.planned[problem_id].isoformat()} in this plan"
        when = self.history.get(problem_id)
        if when is None:
            return "never"
        gap = (today - when).days
        return "last today" if gap <= 0 else f"last {gap} day{'s' if gap != 1 else ''} ago"


def _rank(catalog: Catalog, ids: list[str], wanted: set[str], usage: _Usage) -> list[str]:
    """Least recently used first (never used before any); then most weak topics; then id."""
    return sorted(
        ids,
        key=lambda pid: (
            usage.last(pid),
            -len(wanted & set(catalog.problems[pid].topics)),
            pid,
        ),
    )


def _pick_mock(
    catalog: Catalog,
    target: str,
    wanted: set[str],
    usage: _Usage,
    progress: Progress,
    mistakes: list[str],
    today: date,
    minutes: int,
) -> PlanItem | None:
    """The prompt tagged `target` practised least recently, with why it was chosen."""
    sharing = [pid for pid, p in catalog.problems.items() if target in p.topics]
    if not sharing:
        return None
    ranked = _rank(catalog, sharing, wanted, usage)
    chosen = ranked[0]
    topics = list(catalog.problems[chosen].topics)
    mastery = progress.topic_mastery.get(target)
    focus = (
        f"targets {target} (mastery {round(100 * mastery)}%)"
        if mastery is not None
        else f"targets {target}, which you have not practised yet"
    )
    also = [t for t in topics if t != target and t in wanted]
    if usage.last(chosen) == date.min:
        pick = f"{chosen} is one of the {len(sharing)} {target} prompts you have not practised"
        if also:
            pick += (
                f", and of those it covers most of the other topics to work on ({', '.join(also)})"
            )
    else:
        pick = (
            f"{chosen} is the {target} prompt (of {len(sharing)}) you practised least recently"
            f" ({usage.describe(chosen, today)})"
        )
        if also:
            pick += f"; it also covers {', '.join(also)}"
    parts = [focus, pick]
    trained = [m for m in mistakes if set(_MISTAKE_TOPICS.get(m, ())) & set(topics)]
    for kind in trained[:1]:
        count = next(len(m.sessions) for m in progress.recurring if m.kind == kind)
        parts.append(f"trains against '{kind}', seen in {count} of your last 5 sessions")
    return PlanItem(
        "mock", f"tradeoff practice {chosen} --minutes {minutes}", minutes, "; ".join(parts),
        problem=chosen,
    )  # fmt: skip


def _pick_drill(
    catalog: Catalog,
    weak_topics: list[str],
    wanted: set[str],
    usage: _Usage,
    progress: Progress,
    today: date,
) -> PlanItem | None:
    """A capacity drill on a prompt with weak topics, drilled least recently."""
    with_numbers = [pid for pid, p in catalog.problems.items() if p.capacity]
    on_weak = [pid for pid in with_numbers if set(weak_topics) & set(catalog.problems[pid].topics)]
    pool = on_weak or with_numbers
    if not pool:
        return None
    chosen = _rank(catalog, pool, wanted, usage)[0]
    shared = [t for t in catalog.problems[chosen].topics if t in weak_topics]
    scope = (
        f"prompts on {', '.join(weak_topics[:-1])} or {weak_topics[-1]}"
        if on_weak and len(weak_topics) > 1
        else f"prompts on {weak_topics[0]}"
        if on_weak
        else "prompts with numbers"
    )
    if usage.last(chosen) == date.min:
        pick = f"{chosen} is one of the {len(pool)} {scope} you have not drilled yet"
    else:
        pick = (
            f"of the {len(pool)} {scope}, {chosen} is the one you drilled least recently"
            f" ({usage.describe(chosen, today)})"
        )
    why = f"{_capacity_reason(progress)}; {pick}"
    if shared:
        why += f", and it exercises {', '.join(shared)}"
    return PlanItem("drill", f"tradeoff drill capacity {chosen}", DRILL_MINUTES, why, chosen)


def _capacity_reason(progress: Progress) -> str:
    if progress.weeks:
        latest = progress.dimension_by_week.get(progress.weeks[-1], {}).get("capacity")
        if latest is not None:
            return f"capacity averaged {latest}/4 in your latest week"
    if progress.drill_accuracy is not None:
        return f"only {round(100 * progress.drill_accuracy)}% of your drill answers were within 2x"
    return "capacity estimates are weak"

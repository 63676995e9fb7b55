"""A day-by-day study plan drawn from weak topics, recurring mistakes and due flashcards.

Deterministic for a given history and start date, so the same data gives the same plan and
a new session visibly changes it; every item says why it is there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from tradeoff.catalog.loader import Catalog
from tradeoff.practice.progress import Progress

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
    "no-monitoring": ("monitoring",),
    "god-class": ("solid",),
    "no-cache": ("caching",),
    "no-pagination": ("pagination", "api-design"),
}


@dataclass(frozen=True)
class PlanItem:
    kind: str  # mock, drill, cards, review
    what: str
    minutes: int
    why: str


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
    due_cards: dict[date, int] | None = None,
    recent_problems: list[str] | None = None,
) -> list[PlanDay]:
    """Mock interviews on the weakest topics, drills while capacity is weak, due cards daily."""
    due_cards = due_cards or {}
    recent = list(recent_problems or [])
    weak_topics = progress.weakest_topics(3) or ["caching", "sharding", "api-design"]
    mistakes = [m.kind for m in progress.recurring]
    capacity_weak = "capacity" in progress.weak_dimensions() or (
        progress.drill_accuracy is not None and progress.drill_accuracy < 0.6
    )
    candidates = _problems_for(catalog, weak_topics, mistakes)
    plan: list[PlanDay] = []
    pick = 0
    for offset in range(days):
        day = PlanDay(start + timedelta(days=offset))
        left = minutes_per_day
        due = due_cards.get(day.day, 0)
        if due:
            minutes = min(15, max(5, (due + 1) // 2))
            day.items.append(
                PlanItem("cards", f"Review {due} due flashcards (tradeoff cards review)", minutes,
                         f"the FSRS schedule has {due} cards due that day")
            )  # fmt: skip
            left -= minutes
        if capacity_weak and offset % 3 == 0 and left >= 15:
            drill_id = next(
                (p for p in candidates if catalog.problems[p].capacity), "url-shortener"
            )
            day.items.append(
                PlanItem("drill", f"tradeoff drill capacity {drill_id}", 15,
                         _capacity_reason(progress))
            )  # fmt: skip
            left -= 15
        if left >= 25 and candidates:
            problem_id = _next_problem(candidates, recent, pick)
            pick += 1
            recent.append(problem_id)
            problem = catalog.problems[problem_id]
            minutes = min(45, left)
            day.items.append(
                PlanItem("mock", f"tradeoff practice {problem_id} --minutes {minutes}", minutes,
                         _mock_reason(problem.topics, progress, mistakes))
            )  # fmt: skip
            left -= minutes
        plan.append(day)
    return plan


def _problems_for(catalog: Catalog, topics: list[str], mistakes: list[str]) -> list[str]:
    """Prompts ranked by how many weak topics (and mistake-related topics) they exercise."""
    wanted = list(topics) + [t for m in mistakes for t in _MISTAKE_TOPICS.get(m, ())]
    scored = []
    for problem in catalog.problems.values():
        score = sum(3 if t in topics else 1 for t in problem.topics if t in wanted)
        if score:
            scored.append((-score, problem.id))
    return [pid for _, pid in sorted(scored)]


def _next_problem(candidates: list[str], recent: list[str], index: int) -> str:
    """The best-ranked prompt not practised in the last few sessions."""
    fresh = [p for p in candidates if p not in recent[-4:]]
    pool = fresh or candidates
    return pool[index % min(len(pool), 6)] if index < 6 else pool[0]


def _mock_reason(topics: list[str], progress: Progress, mistakes: list[str]) -> str:
    parts = []
    weak = [t for t in topics if t in progress.topic_mastery]
    for topic in sorted(weak, key=lambda t: progress.topic_mastery[t])[:2]:
        parts.append(f"exercises {topic} (mastery {round(100 * progress.topic_mastery[topic])}%)")
    trained = [m for m in mistakes if set(_MISTAKE_TOPICS.get(m, ())) & set(topics)]
    for kind in trained[:1]:
        count = next(len(m.sessions) for m in progress.recurring if m.kind == kind)
        parts.append(f"trains against '{kind}', seen in {count} of your last 5 sessions")
    return "; ".join(parts) or f"covers {', '.join(topics[:2])}, which you have not practised yet"


def _capacity_reason(progress: Progress) -> str:
    if progress.weeks:
        latest = progress.dimension_by_week.get(progress.weeks[-1], {}).get("capacity")
        if latest is not None:
            return f"capacity averaged {latest}/4 in your latest week"
    if progress.drill_accuracy is not None:
        return f"only {round(100 * progress.drill_accuracy)}% of your drill answers were within 2x"
    return "capacity estimates are weak"

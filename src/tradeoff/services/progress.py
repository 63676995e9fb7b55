"""Progress over the store: the same analysis `tradeoff progress` prints, for a page, plus
the scores coaches gave, kept as a series of their own beside the reviewer's."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from statistics import mean

from tradeoff.catalog.loader import Catalog
from tradeoff.errors import TradeoffError
from tradeoff.practice.progress import Progress, SessionView, analyse, parse_since, week_of
from tradeoff.services.errors import BadInputError
from tradeoff.store import SessionSummary, Store
from tradeoff.store.accounts import CoachScoreRecord


@dataclass(frozen=True)
class CoachSeries:
    """Coaches' 0-4 scores by the week of the session they scored (as the reviewer's are
    grouped), each week's mean per dimension over every coach score that week."""

    weeks: list[str] = field(default_factory=list)
    dimension_by_week: dict[str, dict[str, float]] = field(default_factory=dict)
    sessions_by_week: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ProgressPage:
    progress: Progress
    since: str
    sessions: list[SessionSummary]  # newest first, finished or not
    coach: CoachSeries = field(default_factory=CoachSeries)


def coach_series(scores: list[CoachScoreRecord], start: datetime | None) -> CoachSeries:
    by_week: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    sessions: dict[str, set[int]] = defaultdict(set)
    for record in scores:
        if start is not None and record.session_started_at < start:
            continue
        week = week_of(record.session_started_at)
        sessions[week].add(record.session_id)
        for dimension, value in record.scores.items():
            by_week[week][dimension].append(value)
    weeks = sorted(by_week)
    return CoachSeries(
        weeks=weeks,
        dimension_by_week={
            w: {d: round(float(mean(values)), 1) for d, values in by_week[w].items()} for w in weeks
        },
        sessions_by_week={w: len(sessions[w]) for w in weeks},
    )


def progress_page(
    store: Store,
    catalog: Catalog,
    since: str = "8w",
    now: datetime | None = None,
    owner_id: int | None = None,
) -> ProgressPage:
    """Finished sessions analysed since `since` ("8w", "30d"), the recent sessions, and the
    coaches' scores; only `owner_id`'s when given (accounts mode), else everyone's."""
    try:
        start = parse_since(since, now or datetime.now(UTC))
    except TradeoffError as exc:
        raise BadInputError(str(exc).replace("--since", "since")) from None
    views = [
        SessionView(record.id, record.problem_id, record.started_at, record.review)
        for record in store.all_sessions(finished_only=True, owner_id=owner_id)
        if record.review
    ]
    drills = store.list_drills(limit=1_000_000, owner_id=owner_id)
    topics_of = {pid: list(p.topics) for pid, p in catalog.problems.items()}
    return ProgressPage(
        analyse(views, topics_of, drills, start),
        since,
        store.list_sessions(owner_id=owner_id),
        coach_series(store.accounts.scores(owner_id=owner_id), start),
    )

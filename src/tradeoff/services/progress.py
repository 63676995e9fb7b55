"""Progress over the store: the same analysis `tradeoff progress` prints, for a page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tradeoff.catalog.loader import Catalog
from tradeoff.errors import TradeoffError
from tradeoff.practice.progress import Progress, SessionView, analyse, parse_since
from tradeoff.services.errors import BadInputError
from tradeoff.store import SessionSummary, Store


@dataclass(frozen=True)
class ProgressPage:
    progress: Progress
    since: str
    sessions: list[SessionSummary]  # newest first, finished or not


def progress_page(
    store: Store, catalog: Catalog, since: str = "8w", now: datetime | None = None
) -> ProgressPage:
    """Finished sessions analysed since `since` ("8w", "30d"), and the recent sessions."""
    try:
        start = parse_since(since, now or datetime.now(UTC))
    except TradeoffError as exc:
        raise BadInputError(str(exc).replace("--since", "since")) from None
    views = [
        SessionView(record.id, record.problem_id, record.started_at, record.review)
        for record in store.all_sessions(finished_only=True)
        if record.review
    ]
    drills = store.list_drills(limit=1_000_000)
    topics_of = {pid: list(p.topics) for pid, p in catalog.problems.items()}
    return ProgressPage(analyse(views, topics_of, drills, start), since, store.list_sessions())

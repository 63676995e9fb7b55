"""Progress over weeks from finished sessions: trends, topic mastery, recurring mistakes.

Pure functions over plain session data (what the store hands out), so a synthetic history
in a test and a real one on disk are analysed by the same code.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean
from typing import Any

from tradeoff.vocabulary import Dimension, Severity

DIMENSIONS: tuple[Dimension, ...] = tuple(Dimension)
# Finding kinds that only restate an uncovered rubric item are not "mistakes".
_NOT_MISTAKES = frozenset(
    {
        "missing-requirement",
        "missing-estimate",
        "missing-api-detail",
        "missing-component",
        "missing-tradeoff",
        "missing-reliability-point",
        "empty-section",
    }
)


@dataclass(frozen=True)
class SessionView:
    """The parts of a finished session that progress needs."""

    id: int
    problem_id: str
    started_at: datetime
    report: dict[str, Any]

    @property
    def review(self) -> dict[str, Any]:
        return dict(self.report.get("review") or {})

    @property
    def markers(self) -> dict[str, Any]:
        return dict(self.report.get("markers") or {})


@dataclass(frozen=True)
class Markers:
    """One session's communication markers, as an interviewer would note them.

    `first_question_min` is None when no clarifying question was asked: averaging the
    session length in its place would make silence look like a slow start.
    """

    session: int
    first_question_min: float | None
    questions: int
    assumptions: int
    decisions_with_reason: int
    decisions_without_reason: int
    hints: int


# The marker series `progress` shows and charts, with their labels.
MARKER_SERIES = {
    "first_question_min": "1st question (min)",
    "questions": "questions",
    "assumptions": "assumptions",
    "decisions_with_reason": "reasoned decisions",
    "decisions_without_reason": "unreasoned decisions",
    "hints": "hints",
}


def session_markers(session: SessionView) -> Markers:
    """The markers a finished session recorded; absent or damaged values count as none."""
    marks = session.markers
    seconds = _number(marks.get("first_question_after_s"))
    return Markers(
        session=session.id,
        first_question_min=None if seconds is None else round(seconds / 60, 1),
        questions=_count(marks.get("questions_asked")),
        assumptions=_count(marks.get("assumptions_stated")),
        decisions_with_reason=_count(marks.get("decisions_with_reason")),
        decisions_without_reason=_count(marks.get("decisions_without_reason")),
        hints=_count(marks.get("hints_used")),
    )


def _number(value: Any) -> float | None:
    """A finite, non-negative number, or None (missing, text, NaN, negative)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and number >= 0 else None


def _count(value: Any) -> int:
    number = _number(value)
    return int(number) if number is not None else 0


@dataclass(frozen=True)
class Mistake:
    kind: str
    sessions: tuple[int, ...]  # where it happened, newest first
    where: tuple[str, ...]  # "session 7 line 14: 100M/day = 1.16M QPS"


@dataclass
class Progress:
    weeks: list[str] = field(default_factory=list)  # ISO weeks, oldest first
    overall_by_week: dict[str, float] = field(default_factory=dict)
    dimension_by_week: dict[str, dict[str, float]] = field(default_factory=dict)
    topic_mastery: dict[str, float] = field(default_factory=dict)  # 0..1
    topic_sessions: dict[str, int] = field(default_factory=dict)
    recurring: list[Mistake] = field(default_factory=list)
    minutes_by_session: list[tuple[int, float]] = field(default_factory=list)
    phase_overrun: dict[str, float] = field(default_factory=dict)  # mean seconds over budget
    hints_by_session: list[tuple[int, int]] = field(default_factory=list)
    markers_by_session: list[Markers] = field(default_factory=list)
    # Weekly means of MARKER_SERIES; minutes to first question is None in a week with none.
    markers_by_week: dict[str, dict[str, float | None]] = field(default_factory=dict)
    drills: int = 0
    drill_accuracy: float | None = None

    def weakest_topics(self, count: int = 3) -> list[str]:
        ranked = sorted(self.topic_mastery.items(), key=lambda kv: (kv[1], kv[0]))
        return [topic for topic, _ in ranked[:count]]

    def weak_dimensions(self, threshold: float = 2.0) -> list[str]:
        """Dimensions whose latest weekly average is below `threshold` (of 4)."""
        if not self.weeks:
            return []
        latest = self.dimension_by_week.get(self.weeks[-1], {})
        return [d for d in DIMENSIONS if d in latest and latest[d] < threshold]


def week_of(moment: datetime) -> str:
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def analyse(
    sessions: Sequence[SessionView],
    topics_of: dict[str, list[str]],
    drills: Sequence[dict[str, Any]] = (),
    since: datetime | None = None,
) -> Progress:
    """Everything `tradeoff progress` shows, from finished sessions (oldest first)."""
    chosen = sorted(
        (s for s in sessions if s.review and (since is None or s.started_at >= since)),
        key=lambda s: s.started_at,
    )
    progress = Progress()
    by_week: dict[str, list[SessionView]] = defaultdict(list)
    for session in chosen:
        by_week[week_of(session.started_at)].append(session)
    progress.weeks = sorted(by_week)
    for week, group in by_week.items():
        progress.overall_by_week[week] = round(mean(s.review["overall"] for s in group), 1)
        dims: dict[str, float] = {}
        for dim in DIMENSIONS:
            values = [
                s.review["dimensions"][dim]["score"]
                for s in group
                if s.review["dimensions"].get(dim, {}).get("score") is not None
            ]
            if values:
                dims[dim] = round(mean(values), 2)
        progress.dimension_by_week[week] = dims
        progress.markers_by_week[week] = _weekly_markers([session_markers(s) for s in group])
    _mastery(progress, chosen, topics_of)
    progress.recurring = recurring_mistakes(chosen)
    for session in chosen:
        seconds = _number(session.markers.get("session_seconds")) or 0.0
        progress.minutes_by_session.append((session.id, round(seconds / 60, 1)))
        progress.markers_by_session.append(session_markers(session))
        progress.hints_by_session.append((session.id, progress.markers_by_session[-1].hints))
    overruns: dict[str, list[float]] = defaultdict(list)
    for session in chosen:
        spent, budget = (
            session.markers.get("seconds_per_phase", {}),
            session.markers.get("budget_per_phase", {}),
        )
        for phase, seconds in spent.items():
            if phase in budget:
                overruns[phase].append(max(0.0, seconds - budget[phase]))
    progress.phase_overrun = {p: round(mean(v), 1) for p, v in overruns.items()}
    _drills(progress, drills, since)
    return progress


def _weekly_markers(group: Sequence[Markers]) -> dict[str, float | None]:
    """Each marker series averaged over a week's sessions (first question: where asked)."""
    out: dict[str, float | None] = {}
    for key in MARKER_SERIES:
        values = [getattr(m, key) for m in group if getattr(m, key) is not None]
        out[key] = round(mean(values), 1) if values else None
    return out


MASTERY_HALF_LIFE_DAYS = 28.0


def _mastery(
    progress: Progress, sessions: Sequence[SessionView], topics_of: dict[str, list[str]]
) -> None:
    """Share of rubric coverage per topic, recent sessions counting most.

    Partial coverage counts as partial, and a session's weight halves every four weeks
    before the newest one: a topic that was solid a month ago but slipped this week must
    surface as weak, or the plan would keep drilling what is already fixed.
    """
    covered: dict[str, float] = defaultdict(float)
    expected: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    newest = max((s.started_at for s in sessions), default=None)
    for session in sessions:
        assert newest is not None
        age_days = (newest - session.started_at).total_seconds() / 86_400
        weight = 0.5 ** (age_days / MASTERY_HALF_LIFE_DAYS)
        coverage = session.report.get("rubric_coverage") or {}
        topics = session.report.get("topics") or topics_of.get(session.problem_id, [])
        for topic in topics:
            counts[topic] += 1
            for value in coverage.values():
                expected[topic] += weight
                covered[topic] += weight * min(1.0, max(0.0, float(value)))
    progress.topic_mastery = {
        t: round(covered[t] / expected[t], 2) for t in expected if expected[t]
    }
    progress.topic_sessions = dict(counts)


def recurring_mistakes(
    sessions: Sequence[SessionView], window: int = 5, at_least: int = 2
) -> list[Mistake]:
    """Finding kinds that show up in `at_least` of the last `window` sessions."""
    recent = sorted(sessions, key=lambda s: s.started_at)[-window:]
    seen: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for session in reversed(recent):
        kinds_here: dict[str, str] = {}
        for finding in session.review.get("findings", []):
            kind = finding.get("kind", "")
            info = finding.get("severity") == Severity.info
            if kind in _NOT_MISTAKES or info or kind in kinds_here:
                continue
            line = finding.get("evidence", {}).get("line")
            quote = finding.get("evidence", {}).get("quote")
            where = f"session {session.id}" + (f" line {line}: {quote}" if line else "")
            kinds_here[kind] = where
        for kind, where in kinds_here.items():
            seen[kind].append((session.id, where))
    out = [
        Mistake(kind, tuple(s for s, _ in places), tuple(w for _, w in places))
        for kind, places in seen.items()
        if len(places) >= at_least
    ]
    return sorted(out, key=lambda m: (-len(m.sessions), m.kind))


def _drills(progress: Progress, drills: Sequence[dict[str, Any]], since: datetime | None) -> None:
    kept = [d for d in drills if since is None or d["at"] >= since]
    progress.drills = len(kept)
    graded = [
        a["grade"]
        for d in kept
        for a in d.get("result", {}).get("answers", [])
        if a.get("grade") != "skipped"
    ]
    if graded:
        progress.drill_accuracy = round(sum(1 for g in graded if g == "fine") / len(graded), 2)


def parse_since(text: str, now: datetime) -> datetime:
    """'8w', '30d', '12h' before `now`."""
    import re

    from tradeoff.errors import TradeoffError

    # Digits are bounded before int() reads them (5000 digits pass its limit) and the period
    # before timedelta holds it ("99999999w" is before year 1).
    match = re.fullmatch(r"\s*(\d{1,30})\s*([wdh])\s*", text)
    if not match:
        raise TradeoffError(
            f"cannot read --since {text.strip()[:40]!r}; use a number and w, d or h, like 8w"
        )
    hours = int(match.group(1)) * {"w": 168, "d": 24, "h": 1}[match.group(2)]
    if hours > 100 * 8766:
        raise TradeoffError(f"--since {text.strip()} is over 100 years; use a shorter period")
    return now - timedelta(hours=hours)

"""A synthetic six-week history: trends, weak topics, recurring mistakes, a plan and a chart."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from tradeoff.catalog import Catalog
from tradeoff.cli.main import app
from tradeoff.interview.report import final_report
from tradeoff.interview.session import Event
from tradeoff.practice.plan import build_plan
from tradeoff.practice.progress import MARKER_SERIES, Progress, SessionView, analyse
from tradeoff.practice.scheduler import DayLoad
from tradeoff.store import Store

ANSWERS = Path(__file__).parent / "data" / "answers"
START = datetime(2026, 9, 7, 9, 0, tzinfo=UTC)  # a Monday
# Two sessions a week: strong early weeks, then shallow answers with the same defects.
HISTORY = [
    (0, "url-shortener", "solid"), (0, "news-feed", "solid"),
    (1, "chat-system", "solid"), (1, "rate-limiter", "solid"),
    (2, "payment-system", "solid"), (2, "notification-system", "solid"),
    (3, "rest-api-design", "solid"), (3, "url-shortener", "dense"),
    (4, "chat-system", "shallow"), (4, "rate-limiter", "shallow"),
    (5, "news-feed", "shallow"), (5, "payment-system", "shallow"),
]  # fmt: skip


def _session(
    store: Store, catalog: Catalog, week: int, problem_id: str, tier: str, index: int
) -> None:
    started = START + timedelta(weeks=week, days=index % 2 * 2)
    text = (ANSWERS / problem_id / f"{tier}.md").read_text()
    # The first question comes a minute later in each session; every other session states
    # a decision with its reason.
    asked = started + timedelta(seconds=30 + 60 * index)
    events = [
        Event("turn", asked, "clarify", "How many users?", "candidate"),
        *([Event("decision", asked + timedelta(minutes=1), "high-level", "Use Postgres",
                 "candidate", {"reason": "we need transactions"})] if index % 2 else []),
        Event("snapshot", started + timedelta(minutes=20), "high-level", text, "candidate",
              {"kind": "design", "source": f"{tier}.md", "version": 1}),
        Event("hint", started + timedelta(minutes=25), "deep-dive", "a hint", "interviewer",
              {"item": "x", "level": "nudge", "count": 1}),
    ]  # fmt: skip
    session_id = store.create_session(
        problem_id=problem_id, persona="neutral", level="senior", minutes=45, started_at=started
    )
    for event in events:
        store.add_event(session_id, kind=event.kind, at=event.at, phase=event.phase,
                        text=event.text, speaker=event.speaker, data=event.data)  # fmt: skip
    report = final_report(
        problem=catalog.get(problem_id), catalog=catalog, level="senior", minutes=45,
        started_at=started, events=events,
    )  # fmt: skip
    store.finish_session(session_id, ended_at=started + timedelta(minutes=44), review=report)


@pytest.fixture(autouse=True)
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty user data and config folders: only the packaged decks, no saved settings."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def history(tmp_path: Path, catalog: Catalog) -> str:
    url = f"sqlite:///{tmp_path / 'history.db'}"
    with Store.open(url) as store:
        for index, (week, problem_id, tier) in enumerate(HISTORY):
            _session(store, catalog, week, problem_id, tier, index)
    return url


def _views(url: str) -> list[SessionView]:
    with Store.open(url) as store:
        return [
            SessionView(r.id, r.problem_id, r.started_at, r.review or {})
            for r in (store.get_session(s.id) for s in store.list_sessions())
        ]


def test_six_weeks_of_trends_mastery_and_recurring_mistakes(history: str, catalog: Catalog) -> None:
    topics = {pid: list(p.topics) for pid, p in catalog.problems.items()}
    progress = analyse(_views(history), topics)
    assert len(progress.weeks) == 6
    first, last = progress.weeks[0], progress.weeks[-1]
    assert progress.overall_by_week[first] > progress.overall_by_week[last] + 20
    kinds = {m.kind for m in progress.recurring}
    assert {"single-point-of-failure", "options-without-decision"} <= kinds
    spof = next(m for m in progress.recurring if m.kind == "single-point-of-failure")
    assert len(spof.sessions) >= 2 and all(s >= 8 for s in spof.sessions)  # shallow answers
    assert any("line" in where for where in spof.where)
    weakest = progress.weakest_topics(3)
    shallow_topics = {t for _, pid, tier in HISTORY if tier == "shallow" for t in topics[pid]}
    assert set(weakest) <= shallow_topics
    assert progress.hints_by_session[0] == (1, 1)
    assert progress.minutes_by_session[0][1] == 25.0


def test_the_plan_targets_weak_topics_and_changes_with_new_sessions(
    history: str, catalog: Catalog
) -> None:
    topics = {pid: list(p.topics) for pid, p in catalog.problems.items()}
    progress = analyse(_views(history), topics)
    start = (START + timedelta(weeks=6)).date()
    cards = {start: DayLoad(reviews=12, new=0)}
    plan = build_plan(progress, catalog, start=start, days=7, cards=cards)
    assert len(plan) == 7
    assert plan[0].items[0].kind == "cards" and "12 seen cards fall due" in plan[0].items[0].why
    mocks = [item for day in plan for item in day.items if item.kind == "mock"]
    weakest = progress.weakest_topics(3)
    assert mocks and all("mastery" in m.why or "trains against" in m.why for m in mocks)
    first_problem = mocks[0].what.split()[2]
    assert set(catalog.get(first_problem).topics) & set(weakest)
    assert all(day.minutes <= 45 for day in plan)
    before = [i.what for d in plan for i in d.items]
    # Practise a recommended prompt that has a written answer here (the first one may not).
    practised = next(
        problem
        for problem in (m.what.split()[2] for m in mocks)
        if (ANSWERS / problem / "solid.md").exists()
    )
    with Store.open(history) as store:
        _session(store, catalog, 6, practised, "solid", 0)
        _session(store, catalog, 6, "chat-system", "solid", 1)
    after_progress = analyse(_views(history), topics)
    after = build_plan(after_progress, catalog, start=start, days=7, cards=cards)
    assert [i.what for d in after for i in d.items] != before


def _cli(args: list[str], url: str) -> Result:
    """The command in process (typer's runner), at a fixed "now" six weeks into the history."""
    env = {"TRADEOFF_NOW": (START + timedelta(weeks=6)).isoformat(), "COLUMNS": "200"}
    return CliRunner().invoke(app, [*args, "--db", url], env=env)


def test_progress_command_and_chart(history: str, tmp_path: Path) -> None:
    png, svg = tmp_path / "progress.png", tmp_path / "progress.svg"
    shown = _cli(["progress", "--since", "8w", "--chart", str(png)], history)
    assert shown.exit_code == 0, shown.stderr
    assert "Scores by week" in shown.stdout and "Recurring mistakes" in shown.stdout
    assert "single-point-of-failure" in shown.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    _cli(["progress", "--chart", str(svg)], history)
    drawing = svg.read_text()
    assert drawing.startswith("<?xml") and "<svg" in drawing
    for label in ("overall / 25", "capacity", "reliability", *MARKER_SERIES.values()):
        assert label in drawing
    bad = _cli(["progress", "--chart", str(tmp_path / "chart.gif")], history)
    assert bad.exit_code == 2 and ".png or .svg" in bad.stderr


def test_plan_command(history: str) -> None:
    shown = _cli(["plan", "--days", "5", "--minutes-per-day", "60"], history)
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.count("(") >= 5 and "tradeoff practice" in shown.stdout


def test_export_and_import_round_trip(history: str, tmp_path: Path) -> None:
    from tradeoff.practice.decks import builtin_decks
    from tradeoff.practice.scheduler import review

    card = builtin_decks()["concepts"].cards[0]
    moment = START + timedelta(weeks=6)
    with Store.open(history) as store:
        reviewed = review(None, card.id, "good", moment)
        store.save_card_state(card.id, card.deck, reviewed.state, reviewed.due)
        store.add_card_review(card.id, "good", moment, reviewed.log)
    exported = tmp_path / "backup.json"
    assert _cli(["export", str(exported)], history).exit_code == 0
    other = f"sqlite:///{tmp_path / 'other.db'}"
    imported = _cli(["import", str(exported)], other)
    assert imported.exit_code == 0, imported.stderr
    again = tmp_path / "again.json"
    _cli(["export", str(again)], other)
    data = json.loads(exported.read_text())
    assert data == json.loads(again.read_text())
    assert len(data["sessions"]) == len(HISTORY) and len(data["card_reviews"]) == 1
    assert [c["card_id"] for c in data["card_states"]] == [card.id]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}')
    refused = _cli(["import", str(bad)], other)
    assert refused.exit_code == 2 and "not a tradeoff export" in refused.stderr


def test_topic_mastery_weights_recent_sessions_more() -> None:
    def view(index: int, weeks_ago: int, topic: str, coverage: float) -> SessionView:
        report = {
            "review": {"overall": 50, "dimensions": {}, "findings": []},
            "rubric_coverage": {"item-a": coverage, "item-b": coverage},
            "topics": [topic],
        }
        return SessionView(index, "url-shortener", START - timedelta(weeks=weeks_ago), report)

    # "caching" was solid eight weeks ago and slipped this week; "queues" the other way round.
    sessions = [
        view(1, 8, "caching", 1.0),
        view(2, 0, "caching", 0.0),
        view(3, 8, "queues", 0.0),
        view(4, 0, "queues", 1.0),
        view(5, 0, "sharding", 0.5),
    ]
    mastery = analyse(sessions, {}).topic_mastery
    assert mastery["caching"] == 0.2 and mastery["queues"] == 0.8  # weights 1/4 and 1
    assert mastery["sharding"] == 0.5  # partial coverage counts as partial
    assert analyse(sessions, {}).weakest_topics(1) == ["caching"]


def test_a_damaged_export_imports_nothing(history: str, tmp_path: Path) -> None:
    exported = tmp_path / "backup.json"
    assert _cli(["export", str(exported)], history).exit_code == 0
    data = json.loads(exported.read_text())
    data["sessions"][-1]["events"][0]["at"] = "not a time"  # the last entry is broken
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(data))
    other = f"sqlite:///{tmp_path / 'other.db'}"
    refused = _cli(["import", str(damaged)], other)
    assert refused.exit_code == 2 and "nothing was imported" in refused.stderr
    with Store.open(other) as store:
        assert store.all_sessions() == []


# --- communication markers --------------------------------------------------------------


def _view(index: int, day: int, markers: dict[str, Any]) -> SessionView:
    report = {"review": {"overall": 50, "dimensions": {}, "findings": []}, "markers": markers}
    return SessionView(index, "url-shortener", START + timedelta(days=day), report)


def test_markers_are_series_by_session_and_week() -> None:
    sessions = [
        _view(1, 0, {"first_question_after_s": 90, "assumptions_stated": 2, "hints_used": 1,
                     "decisions_with_reason": 3, "decisions_without_reason": 1}),
        _view(2, 1, {"first_question_after_s": None, "assumptions_stated": 4, "hints_used": 0,
                     "decisions_with_reason": 1, "decisions_without_reason": 0,
                     "session_seconds": 2400}),
        _view(3, 7, {"first_question_after_s": "NaN", "assumptions_stated": float("nan"),
                     "hints_used": -2, "questions_asked": "many"}),
    ]  # fmt: skip
    result = analyse(sessions, {})
    first, second = result.weeks
    week = result.markers_by_week[first]
    # A session without a question is left out of the mean, not counted as its whole length.
    assert week["first_question_min"] == 1.5
    assert week["assumptions"] == 3 and week["hints"] == 0.5
    assert week["decisions_with_reason"] == 2 and week["decisions_without_reason"] == 0.5
    damaged = result.markers_by_week[second]
    assert damaged["first_question_min"] is None and damaged["assumptions"] == 0
    assert [m.first_question_min for m in result.markers_by_session] == [1.5, None, None]
    assert [m.hints for m in result.markers_by_session] == [1, 0, 0]


def test_progress_prints_the_markers_each_session_recorded(history: str) -> None:
    with Store.open(history) as store:
        recorded = [s.review["markers"] for s in store.all_sessions() if s.review]
    shown = _cli(["progress", "--since", "8w"], history)
    assert shown.exit_code == 0, shown.stderr
    assert "Communication by week" in shown.stdout
    for label in MARKER_SERIES.values():
        assert label in shown.stdout
    result = analyse(_views(history), {})
    firsts = [m.first_question_min for m in result.markers_by_session]
    assert firsts == [round(r["first_question_after_s"] / 60, 1) for r in recorded]
    assert firsts == sorted(firsts) and firsts[0] < firsts[-1]  # later each session
    with_reason = [m.decisions_with_reason for m in result.markers_by_session]
    assert with_reason == [r["decisions_with_reason"] for r in recorded] and 0 in with_reason
    week = result.weeks[-1]
    table = shown.stdout.split("Communication by week")[1]
    shown_row = next(line for line in table.splitlines() if line.startswith(f"│ {week}"))
    first_minutes = result.markers_by_week[week]["first_question_min"]
    assert f"{first_minutes:g}" in shown_row


# --- the plan varies the prompts that train a weakness ----------------------------------


def _weak(catalog: Catalog, topics: dict[str, float]) -> Progress:
    """A history whose capacity is weak and whose weakest topics are `topics`."""
    progress = Progress(weeks=["2026-W40"])
    progress.dimension_by_week = {"2026-W40": {"capacity": 1.0, "requirements": 3.0}}
    progress.overall_by_week = {"2026-W40": 40.0}
    progress.topic_mastery = dict(topics)
    return progress


def test_a_two_week_plan_rotates_prompts_and_says_why(catalog: Catalog) -> None:
    progress = _weak(catalog, {"payments": 0.2, "idempotency": 0.3, "api-design": 0.4})
    start = (START + timedelta(weeks=6)).date()
    plan = build_plan(progress, catalog, start=start, days=14)
    drills = [i for d in plan for i in d.items if i.kind == "drill"]
    mocks = [i for d in plan for i in d.items if i.kind == "mock"]
    assert len(drills) == 5 and len(mocks) == 14
    assert max(Counter(i.problem for i in drills).values()) == 1
    # Three prompts carry the payments tag, so it repeats at most once in two weeks, and
    # never on two days in a row.
    assert max(Counter(i.problem for i in mocks).values()) <= 2
    assert all(a.problem != b.problem for a, b in itertools.pairwise(mocks))
    for item in mocks:
        topics = catalog.get(str(item.problem)).topics
        target = item.why.split(" ")[1]
        assert target in topics and target in progress.topic_mastery, item.why
        assert "least recently" in item.why or "have not practised" in item.why, item.why
    for item in drills:
        assert catalog.get(str(item.problem)).capacity
        assert "capacity averaged 1.0/4" in item.why
        assert "have not drilled yet" in item.why, item.why  # five of ten: none repeats


def test_the_plan_starts_with_the_prompt_practised_longest_ago(catalog: Catalog) -> None:
    progress = _weak(catalog, {"payments": 0.2})
    start = (START + timedelta(weeks=6)).date()
    payments = sorted(p.id for p in catalog.problems.values() if "payments" in p.topics)
    ages = {pid: start - timedelta(days=2 + 5 * n) for n, pid in enumerate(payments)}
    plan = build_plan(progress, catalog, start=start, days=3, practised=ages, drilled=ages)
    mocks = [i for d in plan for i in d.items if i.kind == "mock"]
    oldest_first = sorted(payments, key=lambda pid: ages[pid])
    assert [m.problem for m in mocks] == oldest_first[:3]
    assert f"last {(start - ages[oldest_first[0]]).days} days ago" in mocks[0].why
    drill = next(i for d in plan for i in d.items if i.kind == "drill")
    assert drill.problem == oldest_first[0] and "drilled least recently" in drill.why


def test_a_plan_day_holds_the_daily_new_cards_not_the_whole_deck(history: str) -> None:
    shown = _cli(["plan", "--days", "3"], history)
    assert shown.exit_code == 0, shown.stderr
    first_day = shown.stdout.split("\n2026-")[0]
    assert "Review 20 flashcards" in first_day and "20 new cards come in" in first_day
    fewer = _cli(["plan", "--days", "3", "--new-per-day", "5"], history)
    assert "Review 5 flashcards" in fewer.stdout.split("\n2026-")[0]

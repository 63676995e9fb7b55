"""A synthetic six-week history: trends, weak topics, recurring mistakes, a plan and a chart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tradeoff.catalog import Catalog
from tradeoff.interview.report import final_report
from tradeoff.interview.session import Event
from tradeoff.practice.plan import build_plan
from tradeoff.practice.progress import SessionView, analyse
from tradeoff.store import Store

ANSWERS = Path(__file__).parent / "data" / "answers"
SCRIPT = str(Path(sys.executable).parent / "tradeoff")
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
    events = [
        Event("turn", started + timedelta(seconds=30), "clarify", "How many users?", "candidate"),
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
    assert len(spof.sessions) >= 3 and all(s >= 8 for s in spof.sessions)
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
    plan = build_plan(progress, catalog, start=start, days=7, due_cards={start: 12})
    assert len(plan) == 7
    assert plan[0].items[0].kind == "cards" and "12 cards" in plan[0].items[0].why
    mocks = [item for day in plan for item in day.items if item.kind == "mock"]
    weakest = progress.weakest_topics(3)
    assert mocks and all("mastery" in m.why or "trains against" in m.why for m in mocks)
    first_problem = mocks[0].what.split()[2]
    assert set(catalog.get(first_problem).topics) & set(weakest)
    assert all(day.minutes <= 45 for day in plan)
    before = [i.what for d in plan for i in d.items]
    with Store.open(history) as store:
        _session(store, catalog, 6, first_problem, "solid", 0)
        _session(store, catalog, 6, "chat-system", "solid", 1)
    after_progress = analyse(_views(history), topics)
    after = build_plan(after_progress, catalog, start=start, days=7, due_cards={start: 12})
    assert [i.what for d in after for i in d.items] != before


def _cli(args: list[str], url: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TRADEOFF_NOW=(START + timedelta(weeks=6)).isoformat())
    return subprocess.run([SCRIPT, *args, "--db", url], capture_output=True, text=True,
                          timeout=120, env=env)  # fmt: skip


def test_progress_command_and_chart(history: str, tmp_path: Path) -> None:
    png, svg = tmp_path / "progress.png", tmp_path / "progress.svg"
    shown = _cli(["progress", "--since", "8w", "--chart", str(png)], history)
    assert shown.returncode == 0, shown.stderr
    assert "Scores by week" in shown.stdout and "Recurring mistakes" in shown.stdout
    assert "single-point-of-failure" in shown.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    _cli(["progress", "--chart", str(svg)], history)
    drawing = svg.read_text()
    assert drawing.startswith("<?xml") and "<svg" in drawing
    for label in ("overall / 25", "capacity", "reliability", "hints used"):
        assert label in drawing
    bad = _cli(["progress", "--chart", str(tmp_path / "chart.gif")], history)
    assert bad.returncode == 2 and ".png or .svg" in bad.stderr


def test_plan_command(history: str) -> None:
    shown = _cli(["plan", "--days", "5", "--minutes-per-day", "60"], history)
    assert shown.returncode == 0, shown.stderr
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
    assert _cli(["export", str(exported)], history).returncode == 0
    other = f"sqlite:///{tmp_path / 'other.db'}"
    imported = _cli(["import", str(exported)], other)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.json"
    _cli(["export", str(again)], other)
    data = json.loads(exported.read_text())
    assert data == json.loads(again.read_text())
    assert len(data["sessions"]) == len(HISTORY) and len(data["card_reviews"]) == 1
    assert [c["card_id"] for c in data["card_states"]] == [card.id]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}')
    refused = _cli(["import", str(bad)], other)
    assert refused.returncode == 2 and "not a tradeoff export" in refused.stderr


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
    assert _cli(["export", str(exported)], history).returncode == 0
    data = json.loads(exported.read_text())
    data["sessions"][-1]["events"][0]["at"] = "not a time"  # the last entry is broken
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(data))
    other = f"sqlite:///{tmp_path / 'other.db'}"
    refused = _cli(["import", str(damaged)], other)
    assert refused.returncode == 2 and "nothing was imported" in refused.stderr
    with Store.open(other) as store:
        assert store.all_sessions() == []

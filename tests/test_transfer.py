"""`tradeoff export` and `import`: all of the data, once, whole or not at all, never truncated."""

from __future__ import annotations

import copy
import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tradeoff.catalog import Catalog
from tradeoff.cli.main import app
from tradeoff.interview.report import final_report
from tradeoff.interview.session import Event
from tradeoff.practice import user_decks
from tradeoff.practice.scheduler import review
from tradeoff.store import Store

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DECK = """---
deck: my-latency
title: Latencies I keep forgetting
---

Q: Round trip inside one data centre?
A: About half a millisecond.

Q: Reading 1 MB sequentially from an SSD?
A: Roughly a millisecond.
"""
Data = dict[str, Any]


@pytest.fixture
def decks_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder, so decks imported with `cards import` land in tmp_path."""
    home = tmp_path / "home"
    monkeypatch.setattr(user_decks, "user_data_dir", lambda app: str(home))
    monkeypatch.delenv("TRADEOFF_DATABASE_URL", raising=False)
    return home


def _finished(store: Store, catalog: Catalog, problem_id: str, started: datetime) -> None:
    events = [
        Event("turn", started + timedelta(seconds=40), "clarify", "How many reads a day?",
              "candidate"),
        Event("turn", started + timedelta(seconds=50), "clarify", "About a billion.",
              "interviewer", {"move": "answer"}),
        Event("hint", started + timedelta(minutes=20), "deep-dive", "Think about hot keys.",
              "interviewer", {"item": "x", "level": "nudge", "count": 1}),
    ]  # fmt: skip
    session_id = store.create_session(
        problem_id=problem_id, persona="friendly", level="senior", minutes=45, started_at=started
    )
    for e in events:
        store.add_event(session_id, kind=e.kind, at=e.at, phase=e.phase, text=e.text,
                        speaker=e.speaker, data=e.data)  # fmt: skip
    store.add_snapshot(
        session_id, kind="design", at=started, source="a.md", content="# Cache in front"
    )
    report = final_report(
        problem=catalog.get(problem_id), catalog=catalog, level="senior", minutes=45,
        started_at=started, events=events,
    )  # fmt: skip
    store.finish_session(session_id, ended_at=started + timedelta(minutes=40), review=report)


@pytest.fixture
def history(
    tmp_path: Path, catalog: Catalog, decks_home: Path, new_database: Callable[[str], str]
) -> str:
    """Two finished sessions, one unfinished, a drill, a reviewed card and a user deck, on
    each backend (tests/conftest.py: new_database)."""
    url = new_database("history")
    with Store.open(url) as store:
        _finished(store, catalog, "url-shortener", START)
        _finished(store, catalog, "rate-limiter", START + timedelta(days=1))
        store.create_session(
            problem_id="chat-system", persona="terse", level="mid", minutes=30,
            started_at=START + timedelta(days=2),
        )  # fmt: skip
        store.add_drill(
            problem_id="url-shortener", at=START, result={"answers": [{"grade": "fine"}]}
        )
        reviewed = review(None, "abc123abc123", "good", START)
        store.save_card_state("abc123abc123", "my-latency", reviewed.state, reviewed.due)
        store.add_card_review("abc123abc123", "good", START, reviewed.log)
    source = tmp_path / "my-latency.md"
    source.write_text(DECK, encoding="utf-8")
    assert cli(["cards", "import", str(source)]).exit_code == 0
    return url


def cli(args: list[str], input: str | None = None) -> Any:
    return CliRunner().invoke(app, args, input=input)


def export(url: str, path: Path) -> Data:
    done = cli(["export", str(path), "--db", url])
    assert done.exit_code == 0, done.output
    data: Data = json.loads(path.read_text(encoding="utf-8"))
    return data


def counts(url: str) -> tuple[int, int, int, int]:
    with Store.open(url) as store:
        return (
            len(store.all_sessions()),
            len(store.list_drills()),
            len(store.card_states()),
            len(store.card_reviews()),
        )


# --- idempotent, complete -------------------------------------------------------------------


def test_importing_the_same_backup_twice_adds_it_once(
    history: str, tmp_path: Path, new_database: Callable[[str], str]
) -> None:
    backup = tmp_path / "backup.json"
    data = export(history, backup)
    assert [d["id"] for d in data["decks"]] == ["my-latency"]  # decks from `cards import`
    other = new_database("other")

    first = cli(["import", str(backup), "--db", other])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Imported 3 sessions, 1 drill, 1 flashcard state,")
    assert counts(other) == (3, 1, 1, 1)

    second = cli(["import", str(backup), "--db", other])
    assert second.exit_code == 0, second.output
    assert second.output.startswith(f"Nothing to import: everything in {backup} is already here")
    assert "3 sessions" in second.output
    assert counts(other) == (3, 1, 1, 1)

    again = export(other, tmp_path / "again.json")
    assert again == data  # same uids, same events, same reports, same decks


def test_decks_are_restored_and_a_different_local_deck_is_kept(
    history: str, tmp_path: Path, decks_home: Path, new_database: Callable[[str], str]
) -> None:
    backup = tmp_path / "backup.json"
    export(history, backup)
    deck_file = decks_home / "decks" / "my-latency.md"
    deck_file.unlink()
    other = new_database("other")
    assert "1 deck" in cli(["import", str(backup), "--db", other]).output
    assert deck_file.read_text(encoding="utf-8") == DECK

    deck_file.write_text(DECK.replace("half a millisecond", "0.5 ms"), encoding="utf-8")
    kept = cli(["import", str(backup), "--db", other])
    assert kept.exit_code == 0 and "Kept your deck 'my-latency'" in kept.output
    assert "0.5 ms" in deck_file.read_text(encoding="utf-8")


def test_a_version_1_backup_imports_once(
    history: str, tmp_path: Path, new_database: Callable[[str], str]
) -> None:
    """Backups made before uids: rows are matched by what identifies them."""
    data = export(history, tmp_path / "backup.json")
    old = copy.deepcopy(data)
    old["version"] = 1
    del old["decks"]
    for row in old["sessions"] + old["drills"] + old["card_reviews"]:
        del row["uid"]
    legacy = tmp_path / "legacy.json"
    legacy.write_text(json.dumps(old), encoding="utf-8")
    other = new_database("other")
    assert cli(["import", str(legacy), "--db", other]).exit_code == 0
    assert "Nothing to import" in cli(["import", str(legacy), "--db", other]).output
    assert counts(other) == (3, 1, 1, 1)


# --- validated whole before writing ---------------------------------------------------------


def _set(path: str, value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value

    return change


BAD = {
    "event-data-a-list": (_set("sessions.1.events.0.data", [1, 2]), "sessions[1].events[0].data"),
    "review-a-string": (_set("sessions.1.review", "great"), "sessions[1].review"),
    "minutes-10**30": (_set("sessions.1.minutes", 10**30), "sessions[1].minutes"),
    "minutes-0": (_set("sessions.1.minutes", 0), "sessions[1].minutes"),
    "overall-NaN-text": (_set("sessions.1.review.review.overall", "NaN"), "review.overall"),
    "phase-bogus": (_set("sessions.1.events.2.phase", "bogus"), "unknown phase 'bogus'"),
    "persona-unknown": (_set("sessions.0.persona", "strict"), "unknown persona"),
    "time-without-zone": (_set("drills.0.at", "2026-03-02T09:00:00"), "drills[0].at"),
    "card-state-not-fsrs": (_set("card_states.0.state.state", "due"), "card_states[0].state"),
    "rating-unknown": (_set("card_reviews.0.rating", "meh"), "unknown rating"),
    "deck-broken": (_set("decks.0.content", "no front matter"), "decks[0]"),
    "ended-before-start": (
        _set("sessions.0.ended_at", "2020-01-01T00:00:00+00:00"),
        "ended_at is before started_at",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_value_anywhere_is_one_line_and_writes_nothing(
    name: str, history: str, tmp_path: Path, decks_home: Path, new_database: Callable[[str], str]
) -> None:
    data = export(history, tmp_path / "backup.json")
    change, where = BAD[name]
    change(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    (decks_home / "decks" / "my-latency.md").unlink()
    other = new_database("other")
    done = cli(["import", str(bad), "--db", other])
    assert done.exit_code == 2, done.output
    message = done.stderr
    assert message.count("\n") == 1 and message.startswith("tradeoff: error: ")
    assert where in message and "nothing was imported" in message
    assert counts(other) == (0, 0, 0, 0)
    assert not (decks_home / "decks" / "my-latency.md").exists()


def test_nan_literals_and_huge_numbers_are_refused_at_parse(tmp_path: Path) -> None:
    other = f"sqlite:///{tmp_path / 'other.db'}"  # refused before any database is opened
    for text in (
        '{"format": "tradeoff-export", "version": 2, "x": NaN}',
        '{"format": "tradeoff-export", "version": ' + "9" * 5000 + "}",
        "[" * 100_000 + "]" * 100_000,
    ):
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        done = cli(["import", str(bad), "--db", other])
        assert done.exit_code == 2, done.output
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("tradeoff: error:")


# --- one transaction ------------------------------------------------------------------------


def test_ctrl_c_midway_leaves_nothing(
    history: str, tmp_path: Path, new_database: Callable[[str], str]
) -> None:
    from sqlalchemy import event

    from tradeoff.store.models import EventRow

    backup = tmp_path / "backup.json"
    export(history, backup)
    other = new_database("other")
    inserted: list[int] = []

    def interrupt(mapper: Any, connection: Any, target: Any) -> None:
        inserted.append(1)
        if len(inserted) == 5:  # two whole sessions' events are in by now
            raise KeyboardInterrupt

    event.listen(EventRow, "after_insert", interrupt)
    try:
        done = cli(["import", str(backup), "--db", other])
    finally:
        event.remove(EventRow, "after_insert", interrupt)
    assert isinstance(done.exception, KeyboardInterrupt) or done.exit_code != 0
    assert counts(other) == (0, 0, 0, 0)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_a_killed_import_leaves_nothing(
    history: str, tmp_path: Path, signum: int, new_database: Callable[[str], str]
) -> None:
    """Killed mid-import: SQLite rolls back from its journal, PostgreSQL on the lost link."""
    backup = tmp_path / "backup.json"
    export(history, backup)
    other = new_database("other")
    script = textwrap.dedent(
        f"""
        import os
        from sqlalchemy import event
        from tradeoff.cli.main import app
        from tradeoff.store.models import EventRow

        inserted = []

        def die(mapper, connection, target):
            inserted.append(1)
            if len(inserted) == 5:  # sessions 1 and 2 are written, session 3 is not
                os.kill(os.getpid(), {int(signum)})

        event.listen(EventRow, "after_insert", die)
        app(["import", {str(backup)!r}, "--db", {other!r}])
        """
    )
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert child.returncode == -signum, child.stderr
    assert counts(other) == (0, 0, 0, 0)


# --- export never truncates an older backup -------------------------------------------------


def test_export_on_a_full_disk_keeps_the_old_backup(history: str, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    export(history, backup)
    before = backup.read_bytes()
    with Store.open(history) as store:
        sid = store.create_session(
            problem_id="news-feed", persona="neutral", level="senior", minutes=45,
            started_at=START + timedelta(days=3),
        )  # fmt: skip
        store.add_snapshot(sid, kind="design", at=START, source="big.md", content="x" * 400_000)
    Store.open(history).close()  # the WAL is folded back before the limit applies
    limit = _limit_and_export(history, backup)
    assert limit.exit_code == 2 and "any earlier file there is unchanged" in limit.output
    assert backup.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []


def _limit_and_export(history: str, backup: Path) -> Any:
    limit = 256 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        return cli(["export", str(backup), "--db", history])
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_export_replaces_a_backup_whole(history: str, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text("an older backup", encoding="utf-8")
    data = export(history, backup)
    assert len(data["sessions"]) == 3
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert os.stat(backup).st_size == len(backup.read_bytes())


def test_an_export_masks_credentials_quoted_in_stored_notices(tmp_path: Path) -> None:
    """A notice stored before LLM errors were redacted must not carry the key into a backup."""
    url = f"sqlite:///{tmp_path / 'n.db'}"
    leaked = (
        "(LLM unavailable: LLM server at http://me:pw1234@llm.example/v1: HTTP 401: bad key"
        " Bearer sk-live-0123456789abcdef; the built-in interviewer continues)"
    )
    with Store.open(url) as store:
        sid = store.create_session(
            problem_id="url-shortener", persona="friendly", level="senior", minutes=45,
            started_at=START,
        )  # fmt: skip
        store.add_event(sid, kind="notice", at=START, phase="clarify", text=leaked)
    data = export(url, tmp_path / "backup.json")
    (notice,) = [e["text"] for e in data["sessions"][0]["events"]]
    assert "pw1234" not in notice and "0123456789abcdef" not in notice
    assert "http://me:***@llm.example/v1" in notice and "Bearer ***" in notice

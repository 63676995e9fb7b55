"""`tradeoff sessions list|delete|prune` in process: the score shown, and removing sessions."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from typer.testing import CliRunner

from tradeoff.cli.main import app
from tradeoff.store import Store

NOW = datetime(2026, 5, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new database on each backend (tests/conftest.py), with the clock fixed."""
    monkeypatch.setenv("TRADEOFF_TEST_CLOCK", "1")
    monkeypatch.setenv("TRADEOFF_NOW", NOW.isoformat())
    for key in [k for k in os.environ if k.startswith("TRADEOFF_LLM")]:
        monkeypatch.delenv(key)
    return database_url


def cli(args: list[str], input: str | None = None) -> Any:
    return CliRunner().invoke(app, args, input=input)


def _row(output: str, session_id: int) -> list[str]:
    """The cells of a session's row in the `sessions list` table."""
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if cells and cells[0] == str(session_id):
            return cells
    raise AssertionError(f"no row for session {session_id} in:\n{output}")


def test_sessions_list_shows_the_overall_score_of_a_finished_session(db: str) -> None:
    done = cli(
        ["practice", "url-shortener", "--db", db],
        "How many links are created a month?\nWe keep links for five years.\n/end\n",
    )
    assert done.exit_code == 0, done.output
    with Store.open(db) as store:
        report = store.get_session(1).review
    assert report is not None
    overall = report["review"]["overall"]
    listing = cli(["sessions", "list", "--db", db])
    assert listing.exit_code == 0, listing.output
    cells = _row(listing.output, 1)
    assert cells[6] == str(round(overall)) and cells[7] == "finished"


def _session(db: str, *, started: datetime, finished: bool = False, turn_at: Any = None) -> int:
    with Store.open(db) as store:
        session_id = store.create_session(
            problem_id="url-shortener", persona="neutral", level="senior", minutes=45,
            started_at=started,
        )  # fmt: skip
        if turn_at is not None:
            store.add_event(session_id, kind="turn", at=turn_at, phase="clarify", text="back")
        if finished:
            store.finish_session(session_id, ended_at=started + timedelta(minutes=40), review=None)
    return session_id


def _ids(db: str) -> set[int]:
    with Store.open(db) as store:
        return {s.id for s in store.list_sessions()}


def test_delete_asks_first_and_yes_skips_the_question(db: str) -> None:
    first = _session(db, started=NOW - timedelta(days=1))
    second = _session(db, started=NOW)
    declined = cli(["sessions", "delete", str(first), "--db", db], input="n\n")
    assert declined.exit_code == 1 and "Nothing deleted" in declined.output
    assert _ids(db) == {first, second}
    accepted = cli(["sessions", "delete", str(first), "--db", db], input="y\n")
    assert accepted.exit_code == 0 and f"Deleted session {first}" in accepted.output
    assert _ids(db) == {second}
    forced = cli(["sessions", "delete", str(second), "--yes", "--db", db])
    assert forced.exit_code == 0 and "Delete session" not in forced.output
    assert _ids(db) == set()


@pytest.mark.parametrize("session_id", ["7", str(2**70)])
def test_deleting_an_unknown_session_is_one_line(db: str, session_id: str) -> None:
    _session(db, started=NOW)
    done = cli(["sessions", "delete", session_id, "--yes", "--db", db])
    assert done.exit_code == 2
    assert (
        done.stderr == f"tradeoff: error: no session {session_id}; run 'tradeoff sessions list'\n"
    )


def test_prune_removes_old_unfinished_sessions_and_says_which(db: str) -> None:
    stale = _session(db, started=NOW - timedelta(days=10))
    resumed = _session(db, started=NOW - timedelta(days=10), turn_at=NOW - timedelta(days=1))
    recent = _session(db, started=NOW - timedelta(days=2))
    finished = _session(db, started=NOW - timedelta(days=30), finished=True)

    done = cli(["sessions", "prune", "--unfinished", "--older-than", "7d", "--db", db])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("Removed 1 session:")
    assert f"session {stale} (url-shortener, started 2026-05-10 12:00, unfinished" in done.output
    assert _ids(db) == {resumed, recent, finished}

    again = cli(["sessions", "prune", "--unfinished", "--older-than", "7d", "--db", db])
    assert again.exit_code == 0 and "nothing removed" in again.output


def test_prune_of_finished_sessions_asks_first(db: str) -> None:
    finished = _session(db, started=NOW - timedelta(days=30), finished=True)
    declined = cli(["sessions", "prune", "--older-than", "2w", "--db", db], input="n\n")
    assert declined.exit_code == 1 and f"session {finished}" in declined.output
    assert _ids(db) == {finished}
    accepted = cli(["sessions", "prune", "--older-than", "2w", "--yes", "--db", db])
    assert accepted.exit_code == 0 and "Removed 1 session" in accepted.output
    assert _ids(db) == set()


@pytest.mark.parametrize("age", ["7", "seven days", "99999999w", "-1d"])
def test_an_unreadable_age_is_one_line(db: str, age: str) -> None:
    done = cli(["sessions", "prune", "--unfinished", "--older-than", age, "--db", db])
    assert done.exit_code == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith("tradeoff: error: ")

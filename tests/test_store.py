"""The practice store on a real SQLite file and on PostgreSQL: migrations, round trips, kill
safety, concurrent writers; and bad files, which only SQLite has."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, column, create_engine, inspect, table, text
from sqlalchemy.pool import NullPool

from tradeoff.errors import TradeoffError
from tradeoff.store import (
    CardReviewIn,
    CardStateIn,
    DrillIn,
    EventIn,
    ImportBatch,
    SessionIn,
    SnapshotIn,
    Store,
    StoreError,
    database_url,
)
from tradeoff.store import location as location_module
from tradeoff.store.columns import UTCDateTime
from tradeoff.store.database import overall_of
from tradeoff.store.keys import LegacyKeys
from tradeoff.store.migrate import alembic_config, head_revision
from tradeoff.store.models import Base

TABLES = {"sessions", "events", "snapshots", "drills", "alembic_version"}
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "practice.db"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A store on each backend (tests/conftest.py: database_url)."""
    opened = Store.open(database_url)
    yield opened
    opened.close()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A plain engine on the test's database, to look at it behind the store's back."""
    plain = create_engine(database_url, poolclass=NullPool)
    yield plain
    plain.dispose()


def tables_and_revisions(engine: Engine) -> tuple[set[str], list[str]]:
    """The database's tables and its Alembic revisions, on any backend."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revisions = (
            [r for (r,) in connection.execute(text("SELECT version_num FROM alembic_version"))]
            if "alembic_version" in tables
            else []
        )
    return tables, revisions


def tables_and_revision(path: Path) -> tuple[set[str], list[str]]:
    with sqlite3.connect(path) as connection:
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revisions = [r for (r,) in connection.execute("SELECT version_num FROM alembic_version")]
    connection.close()
    return tables, revisions


# --- migrations -------------------------------------------------------------------------


def test_fresh_database_gets_every_table_at_head(database_url: str, engine: Engine) -> None:
    Store.open(database_url).close()
    tables, revisions = tables_and_revisions(engine)
    assert tables >= TABLES
    assert revisions == [head_revision()]


def test_opening_again_is_a_no_op(db_path: Path) -> None:
    Store.open(url_of(db_path)).close()
    before = db_path.read_bytes()
    with Store.open(url_of(db_path)) as again:
        assert again.list_sessions() == []
    assert db_path.read_bytes() == before
    assert tables_and_revision(db_path)[1] == [head_revision()]


def test_upgrade_downgrade_upgrade_through_alembic(database_url: str, engine: Engine) -> None:
    config = alembic_config(database_url)
    command.upgrade(config, "head")
    assert tables_and_revisions(engine)[0] >= TABLES
    command.downgrade(config, "base")
    tables, revisions = tables_and_revisions(engine)
    assert tables & TABLES == {"alembic_version"}
    assert revisions == []
    command.upgrade(config, "head")
    assert tables_and_revisions(engine)[1] == [head_revision()]
    with Store.open(database_url) as store:
        store.create_session(
            problem_id="url-shortener", persona="p", level="mid", minutes=45, started_at=T0
        )


def test_models_match_the_migrations(database_url: str, engine: Engine) -> None:
    """A model change without a migration would pass every other test on a fresh database."""
    Store.open(database_url).close()
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diffs == []


def test_sqlite_pragmas(db_path: Path) -> None:
    with Store.open(url_of(db_path)) as store, store._engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert set(inspect(connection).get_table_names()) >= TABLES


def test_newer_schema_is_refused(database_url: str, engine: Engine) -> None:
    Store.open(database_url).close()
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'zz9999'"))
    with pytest.raises(StoreError) as caught:
        Store.open(database_url)
    message = str(caught.value)
    assert "newer tradeoff" in message and "upgrade tradeoff" in message
    assert "\n" not in message
    label = database_url.removeprefix("sqlite:///")
    if label == database_url:  # a server: named by its URL, the password masked
        label = database_url.split("://")[0] + "://tradeoff"
        assert "***" in message
    assert label in message


# --- round trip -------------------------------------------------------------------------


def test_round_trip(store: Store) -> None:
    session_id = store.create_session(
        problem_id="url-shortener", persona="friendly", level="senior", minutes=45, started_at=T0
    )
    paris = timezone(timedelta(hours=1))
    first = store.add_event(
        session_id, kind="phase", at=T0, phase="requirements", data={"from": None}
    )
    turn = store.add_event(
        session_id,
        kind="turn",
        at=(T0 + timedelta(minutes=1)).astimezone(paris),
        phase="requirements",
        speaker="candidate",
        text="How many users — 100M DAU?",
        data={"tags": ["clarify"], "n": 1.5, "nested": {"ok": True}},
    )
    store.add_event(
        session_id,
        kind="turn",
        at=T0 + timedelta(minutes=2),
        phase="requirements",
        speaker="interviewer",
        text="About 100M.",
    )
    v1 = store.add_snapshot(
        session_id, kind="markdown", at=T0 + timedelta(minutes=3), source="answer.md", content="# A"
    )
    v2 = store.add_snapshot(
        session_id, kind="markdown", at=T0 + timedelta(minutes=4), source="answer.md", content="# B"
    )
    assert (first.seq, turn.seq) == (1, 2)
    assert (v1.version, v2.version) == (1, 2)
    assert turn.at == T0 + timedelta(minutes=1) and turn.at.tzinfo is not None

    # The stored report's design review, with the score, sits under "review" (final_report).
    review = {"review": {"overall": 62, "verdict": "lean hire"}, "markers": {"hints_used": 0}}
    store.finish_session(session_id, ended_at=T0 + timedelta(minutes=45), review=review)

    record = store.get_session(session_id)
    assert (record.problem_id, record.persona, record.level, record.minutes) == (
        "url-shortener",
        "friendly",
        "senior",
        45,
    )
    assert record.started_at == T0 and record.started_at.tzinfo == UTC
    assert record.ended_at == T0 + timedelta(minutes=45)
    assert record.review == review
    assert [e.seq for e in record.events] == [1, 2, 3]
    assert [e.kind for e in record.events] == ["phase", "turn", "turn"]
    assert [e.speaker for e in record.events] == [None, "candidate", "interviewer"]
    assert record.events[0].data == {"from": None}
    assert record.events[1] == turn
    assert record.events[1].text == "How many users — 100M DAU?"
    assert record.events[2].data == {}
    assert [s.content for s in record.snapshots] == ["# A", "# B"]
    assert record.snapshots == (v1, v2)
    for stamp in [e.at for e in record.events] + [s.at for s in record.snapshots]:
        assert stamp.tzinfo == UTC

    other = store.create_session(
        problem_id="chat-system",
        persona="strict",
        level="staff",
        minutes=60,
        started_at=T0 + timedelta(days=1),
    )
    summaries = store.list_sessions()
    assert [s.id for s in summaries] == [other, session_id]
    newest, oldest = summaries
    assert (newest.overall, newest.turns, newest.ended_at) == (None, 0, None)
    assert (oldest.overall, oldest.turns, oldest.problem_id) == (62, 2, "url-shortener")
    assert store.list_sessions(limit=1) == [newest]


def test_snapshot_versions_and_seqs_are_per_session(store: Store) -> None:
    a = store.create_session(problem_id="a", persona="p", level="mid", minutes=30, started_at=T0)
    b = store.create_session(problem_id="b", persona="p", level="mid", minutes=30, started_at=T0)
    store.add_snapshot(a, kind="markdown", at=T0, source="x", content="1")
    assert store.add_snapshot(b, kind="markdown", at=T0, source="x", content="1").version == 1
    store.add_event(a, kind="turn", at=T0, phase="p")
    assert store.add_event(b, kind="turn", at=T0, phase="p").seq == 1


def test_unknown_session_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match=r"^no session 42; run 'tradeoff sessions list'$"):
        store.get_session(42)
    with pytest.raises(StoreError, match="no session 42"):
        store.add_event(42, kind="turn", at=T0, phase="p")
    with pytest.raises(StoreError, match="no session 42"):
        store.add_snapshot(42, kind="markdown", at=T0, source="x", content="")
    with pytest.raises(StoreError, match="no session 42"):
        store.finish_session(42, ended_at=T0, review=None)
    assert issubclass(StoreError, TradeoffError)


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match=r"started_at=.* is naive"):
        store.create_session(
            problem_id="a", persona="p", level="mid", minutes=30, started_at=datetime(2025, 1, 1)
        )
    assert store.list_sessions() == []


def test_last_unfinished_picks_the_newest_unfinished(store: Store) -> None:
    assert store.last_unfinished() is None
    ids = [
        store.create_session(
            problem_id=f"p{n}",
            persona="p",
            level="mid",
            minutes=30,
            started_at=T0 + timedelta(hours=n),
        )
        for n in range(4)
    ]
    store.finish_session(ids[3], ended_at=T0 + timedelta(hours=5), review={"overall": 70})
    store.add_event(ids[2], kind="turn", at=T0 + timedelta(hours=2), phase="design", text="hi")
    found = store.last_unfinished()
    assert found is not None
    assert found.id == ids[2] and found.ended_at is None
    assert [e.text for e in found.events] == ["hi"]
    store.finish_session(ids[2], ended_at=T0 + timedelta(hours=6), review=None)
    found = store.last_unfinished()
    assert found is not None and found.id == ids[1]


def test_drills_round_trip(store: Store) -> None:
    first = store.add_drill(
        problem_id="url-shortener", at=T0, result={"steps": [{"name": "qps", "grade": "fine"}]}
    )
    second = store.add_drill(
        problem_id="chat-system", at=T0 + timedelta(hours=1), result={"score": 3, "of": 4}
    )
    drills = store.list_drills()
    assert [d["id"] for d in drills] == [second, first]
    assert len({d["uid"] for d in drills}) == 2  # each drill gets its own stable id
    assert drills[1] == {
        "id": first,
        "uid": drills[1]["uid"],
        "problem_id": "url-shortener",
        "at": T0,
        "result": {"steps": [{"name": "qps", "grade": "fine"}]},
    }
    assert drills[0]["at"].tzinfo == UTC
    assert len(store.list_drills(limit=1)) == 1


def test_data_survives_reopening(database_url: str) -> None:
    with Store.open(database_url) as store:
        session_id = store.create_session(
            problem_id="a", persona="p", level="mid", minutes=30, started_at=T0
        )
        store.add_drill(problem_id="a", at=T0, result={"ok": 1})
    with Store.open(database_url) as store:
        assert store.get_session(session_id).problem_id == "a"
        assert store.list_drills()[0]["result"] == {"ok": 1}


# --- kill safety ------------------------------------------------------------------------


def test_killed_process_loses_nothing_returned(database_url: str) -> None:
    script = textwrap.dedent(
        f"""
        import time
        from datetime import UTC, datetime
        from tradeoff.store import Store

        store = Store.open({database_url!r})
        now = datetime.now(UTC)
        sid = store.create_session(
            problem_id="url-shortener", persona="p", level="senior", minutes=45, started_at=now
        )
        for n in range(3):
            store.add_event(sid, kind="turn", at=now, phase="requirements", text=f"turn {{n}}")
        print("ready", flush=True)
        time.sleep(120)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else ""
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL

    with Store.open(database_url) as store:
        found = store.last_unfinished()
        assert found is not None
        assert [e.text for e in found.events] == ["turn 0", "turn 1", "turn 2"]
        assert store.get_session(found.id).events == found.events


# --- files that are not ours ------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(bytes(range(256)) * 64, id="random-bytes"),
        pytest.param(b"# my notes\nnot a database at all\n" * 10, id="text"),
        pytest.param(b"SQLite format 3\x00" + bytes(range(256)) * 64, id="header-then-garbage"),
    ],
)
def test_wrong_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store.open(url_of(path))
    message = str(caught.value)
    assert message.startswith(f"{path} is not a tradeoff database (")
    assert "move it aside or pass --db with another path" in message
    assert "\n" not in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_random_bytes_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "random.db"
    content = os.urandom(8192)
    path.write_bytes(content)
    with pytest.raises(StoreError, match="file is not a database"):
        Store.open(url_of(path))
    assert path.read_bytes() == content
    assert not (tmp_path / "random.db-wal").exists()
    assert not (tmp_path / "random.db-shm").exists()


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program's tables: contacts"):
        Store.open(url_of(path))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    Store.open(url_of(path)).close()
    assert tables_and_revision(path)[1] == [head_revision()]


def test_folder_and_bad_urls_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(url_of(tmp_path))
    with pytest.raises(StoreError, match="not a database URL"):
        Store.open("not a url")
    with pytest.raises(StoreError, match="no database driver"):
        Store.open("nosuchdb://localhost/x")


def test_missing_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "practice.db"
    Store.open(url_of(path)).close()
    assert path.exists()


def test_in_memory_database_works() -> None:
    with Store.open("sqlite://") as store:
        sid = store.create_session(
            problem_id="a", persona="p", level="mid", minutes=1, started_at=T0
        )
        store.add_event(sid, kind="turn", at=T0, phase="p")
        assert store.list_sessions()[0].turns == 1


# --- PostgreSQL URLs --------------------------------------------------------------------


def test_a_plain_postgresql_url_uses_psycopg_3(postgres_admin: Engine) -> None:
    """postgresql:// means psycopg2 to SQLAlchemy; tradeoff installs and uses psycopg 3."""
    plain = postgres_admin.url.set(drivername="postgresql").render_as_string(hide_password=False)
    assert plain.startswith("postgresql://")
    with Store.open(plain) as store:
        assert store._engine.driver == "psycopg"
        store.list_sessions()


def test_a_connection_the_server_dropped_costs_no_call(postgres_admin: Engine) -> None:
    """A server restart or an idle timeout kills pooled connections; the next call works."""
    url = postgres_admin.url.render_as_string(hide_password=False)
    with Store.open(url) as store:
        with store._engine.connect() as connection:
            pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with postgres_admin.connect() as admin:
            killed = admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            assert killed.scalar() is True
        assert isinstance(store.list_sessions(), list)


def test_an_unreachable_server_is_one_line_without_the_password(postgres_admin: Engine) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = postgres_admin.url.set(port=port, password="s3cret-pw")
    with pytest.raises(StoreError) as caught:
        Store.open(url.render_as_string(hide_password=False))
    message = str(caught.value)
    assert message.startswith("cannot connect to postgresql+psycopg://tradeoff")
    assert f"127.0.0.1:{port}" in message and "s3cret-pw" not in message
    assert "check that the server is running" in message and "\n" not in message


# --- database_url -----------------------------------------------------------------------


def test_database_url_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data" / "tradeoff"
    monkeypatch.setattr(location_module, "user_data_dir", lambda app: str(data_dir))
    monkeypatch.delenv("TRADEOFF_DATABASE_URL", raising=False)

    assert database_url() == f"sqlite:///{data_dir / 'tradeoff.db'}"
    assert data_dir.is_dir()

    monkeypatch.setenv("TRADEOFF_DATABASE_URL", "postgresql://me@db/tradeoff")
    assert database_url() == "postgresql://me@db/tradeoff"
    assert database_url("sqlite:///explicit.db") == "sqlite:///explicit.db"

    monkeypatch.setenv("TRADEOFF_DATABASE_URL", "")
    assert database_url().endswith("tradeoff.db")


def test_database_url_takes_plain_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRADEOFF_DATABASE_URL", raising=False)
    assert database_url("practice.db") == f"sqlite:///{tmp_path.resolve() / 'practice.db'}"
    monkeypatch.setenv("TRADEOFF_DATABASE_URL", str(tmp_path / "env.db"))
    assert database_url() == f"sqlite:///{tmp_path.resolve() / 'env.db'}"


def test_default_location_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "linux":
        pytest.skip("XDG_DATA_HOME is a Linux convention")
    monkeypatch.delenv("TRADEOFF_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert database_url() == f"sqlite:///{tmp_path / 'tradeoff' / 'tradeoff.db'}"
    assert (tmp_path / "tradeoff").is_dir()


def test_data_that_is_not_json_is_refused(store: Store) -> None:
    sid = store.create_session(problem_id="a", persona="p", level="mid", minutes=1, started_at=T0)
    with pytest.raises(TypeError, match="data must be JSON-serialisable"):
        store.add_event(sid, kind="turn", at=T0, phase="p", data={"when": T0})
    assert store.get_session(sid).events == ()


def test_text_with_a_nul_character_is_refused_alike_on_every_backend(store: Store) -> None:
    """PostgreSQL cannot store NUL in text; SQLite could, but the same input must not work
    on one backend and fail on the other."""
    sid = store.create_session(problem_id="a", persona="p", level="mid", minutes=1, started_at=T0)
    with pytest.raises(StoreError, match=r"^the text holds a NUL character \(\\x00\)"):
        store.add_event(sid, kind="turn", at=T0, phase="p", text="50\x00 QPS")
    with pytest.raises(StoreError, match="the content holds a NUL character"):
        store.add_snapshot(sid, kind="design", at=T0, source="a.md", content="# A\x00")
    batch = _batch("s1")
    session = batch.sessions[0]
    bad = replace(session, events=(replace(session.events[0], text="\x00"),))
    with pytest.raises(StoreError, match="the text holds a NUL character"):
        store.import_batch(replace(batch, sessions=(bad,)))
    assert store.get_session(sid).events == () and store.get_session(sid).snapshots == ()
    assert len(store.all_sessions()) == 1
    store.add_event(sid, kind="turn", at=T0, phase="p", data={"raw": "\x00"})  # JSON escapes it
    assert store.get_session(sid).events[0].data == {"raw": "\x00"}


def test_text_longer_than_its_column_is_refused_alike_on_every_backend(store: Store) -> None:
    """SQLite ignores VARCHAR lengths, PostgreSQL enforces them: a deck id of 101 characters
    must not review fine on a laptop and fail on the shared server."""
    deck = "d" * 101
    with pytest.raises(StoreError, match=r"^the deck is 101 characters long; at most 100 can"):
        store.record_card_review(
            card_id="c1", deck=deck, rating="good", at=T0, state={}, due=T0, log={}
        )
    with pytest.raises(StoreError, match="the problem_id is 201 characters long"):
        store.create_session(
            problem_id="p" * 201, persona="p", level="mid", minutes=1, started_at=T0
        )
    store.record_card_review(
        card_id="c1", deck="d" * 100, rating="good", at=T0, state={}, due=T0, log={}
    )
    assert store.card_states()["c1"]["deck"] == "d" * 100
    assert store.all_sessions() == [] and len(store.card_reviews()) == 1


# --- the overall score in listings ------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        pytest.param({"review": {"overall": 61.6}, "markers": {}}, 62, id="nested-as-stored"),
        pytest.param({"overall": 62}, None, id="top-level-is-not-the-review"),
        pytest.param({"review": {"overall": float("nan")}}, None, id="nan"),
        pytest.param({"review": {"overall": "70"}}, None, id="text"),
        pytest.param({"review": "not a review"}, None, id="review-not-an-object"),
        pytest.param(None, None, id="unfinished"),
    ],
)
def test_overall_is_read_from_the_stored_report(report: Any, expected: int | None) -> None:
    assert overall_of(report) == expected


# --- stable ids and imports -------------------------------------------------------------


def test_migration_0003_gives_old_rows_the_uids_an_old_export_would_get(
    database_url: str, engine: Engine
) -> None:
    config = alembic_config(database_url)
    command.upgrade(config, "0002")
    # The tables as revision 0002 left them (no uid), with the store's own column types.
    sessions = table(
        "sessions", *(column(n) for n in ("problem_id", "persona", "level", "minutes")),
        column("started_at", UTCDateTime()),
    )  # fmt: skip
    events = table(
        "events", *(column(n) for n in ("session_id", "seq", "kind", "phase", "text", "data")),
        column("at", UTCDateTime()),
    )  # fmt: skip
    drills = table("drills", column("problem_id"), column("result"), column("at", UTCDateTime()))
    with engine.begin() as connection:
        for problem in ("url-shortener", "url-shortener", "chat-system"):
            row = {"problem_id": problem, "persona": "neutral", "level": "senior"}
            connection.execute(sessions.insert().values(**row, minutes=45, started_at=T0))
        turn = {"kind": "turn", "phase": "clarify", "text": "hi", "data": "{}"}
        connection.execute(
            events.insert().values(**turn, session_id=1, seq=1, at=T0 + timedelta(minutes=1))
        )
        connection.execute(
            drills.insert().values(
                problem_id="url-shortener", at=T0 + timedelta(hours=1), result="{}"
            )
        )
    command.upgrade(config, "head")
    keys = LegacyKeys()
    expected = [
        keys.uid("session", T0, "url-shortener"),
        keys.uid("session", T0, "url-shortener"),  # same time and prompt: the second one
        keys.uid("session", T0, "chat-system"),
    ]
    with Store.open(database_url) as store:
        found = store.all_sessions()
        assert [s.uid for s in found] == expected and len(set(expected)) == 3
        assert [e.text for e in found[0].events] == ["hi"]
        drill_uid = store.list_drills()[0]["uid"]
        assert drill_uid == LegacyKeys().uid("drill", T0 + timedelta(hours=1), "url-shortener")
    command.downgrade(config, "0002")  # dropping the column must not cascade to the events
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM events")).scalar() == 1


def test_sqlite_rows_written_before_uids_keep_their_stored_time_format(db_path: Path) -> None:
    """Rows written by an old tradeoff hold SQLAlchemy's SQLite text format for times."""
    config = alembic_config(url_of(db_path))
    command.upgrade(config, "0002")
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO sessions (problem_id, persona, level, minutes, started_at)"
            " VALUES ('url-shortener', 'neutral', 'senior', 45, '2025-03-01 09:00:00.000000')"
        )
    connection.close()
    with Store.open(url_of(db_path)) as store:
        assert [s.uid for s in store.all_sessions()] == [
            LegacyKeys().uid("session", T0, "url-shortener")
        ]


def _batch(uid: str, *, events: int = 2, reviewed: datetime = T0) -> ImportBatch:
    session = SessionIn(
        uid=uid,
        problem_id="url-shortener",
        persona="neutral",
        level="senior",
        minutes=45,
        started_at=T0,
        ended_at=None,
        review=None,
        events=tuple(
            EventIn(T0 + timedelta(minutes=n), "turn", "clarify", "candidate", f"turn {n}", {})
            for n in range(events)
        ),
        snapshots=(SnapshotIn(T0, "design", "a.md", "# A"),),
    )
    state = {"card_id": 1, "state": 2, "due": "2025-03-09T00:00:00+00:00"}
    return ImportBatch(
        sessions=(session,),
        drills=(DrillIn(f"d-{uid}", "url-shortener", T0, {"answers": []}),),
        card_states=(
            CardStateIn("card1", "concepts", {**state, "last_review": reviewed.isoformat()}, T0),
        ),
        card_reviews=(CardReviewIn(f"r-{uid}", "card1", "good", reviewed, {"rating": 3}),),
    )


def test_import_batch_adds_once_and_keeps_the_later_card_state(store: Store) -> None:
    first = store.import_batch(_batch("s1"))
    assert first.added == {"sessions": 1, "drills": 1, "card_states": 1, "card_reviews": 1}
    again = store.import_batch(_batch("s1"))
    assert not again.changed
    assert again.present == {"sessions": 1, "drills": 1, "card_states": 1, "card_reviews": 1}
    assert len(store.all_sessions()) == 1 and len(store.card_reviews()) == 1
    record = store.all_sessions()[0]
    assert [e.seq for e in record.events] == [1, 2] and record.uid == "s1"

    older = store.import_batch(_batch("s2", reviewed=T0 - timedelta(days=1)))
    assert older.present["card_states"] == 1 and older.updated["card_states"] == 0
    newer = store.import_batch(_batch("s3", reviewed=T0 + timedelta(days=1)))
    assert newer.updated["card_states"] == 1
    assert store.card_states()["card1"]["state"]["last_review"].startswith("2025-03-02")


def test_an_interrupted_import_writes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C (KeyboardInterrupt) during the writes rolls the whole import back."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    def interrupt(session: Any, context: Any, instances: Any) -> None:
        raise KeyboardInterrupt

    event.listen(Session, "before_flush", interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            store.import_batch(_batch("s1", events=50))
    finally:
        event.remove(Session, "before_flush", interrupt)
    assert store.all_sessions() == [] and store.list_drills() == []
    assert store.card_states() == {} and store.card_reviews() == []


# --- deleting sessions ------------------------------------------------------------------


def test_delete_and_stale_sessions(store: Store, engine: Engine) -> None:
    old = store.create_session(
        problem_id="url-shortener", persona="neutral", level="senior", minutes=45, started_at=T0
    )
    resumed = store.create_session(
        problem_id="chat-system", persona="neutral", level="senior", minutes=45, started_at=T0
    )
    store.add_event(resumed, kind="turn", at=T0 + timedelta(days=9), phase="clarify", text="back")
    done = store.create_session(
        problem_id="news-feed", persona="neutral", level="senior", minutes=45, started_at=T0
    )
    store.finish_session(done, ended_at=T0 + timedelta(hours=1), review=None)
    store.add_snapshot(old, kind="design", at=T0, source="a.md", content="# A")

    cutoff = T0 + timedelta(days=7)
    assert [s.id for s in store.stale_sessions(cutoff, unfinished_only=True)] == [old]
    assert {s.id for s in store.stale_sessions(cutoff, unfinished_only=False)} == {old, done}
    removed = store.delete_session(old)
    assert (removed.id, removed.problem_id) == (old, "url-shortener")
    assert {s.id for s in store.list_sessions()} == {resumed, done}
    with pytest.raises(StoreError, match=f"no session {old}"):
        store.get_session(old)
    with pytest.raises(StoreError, match="no session"):
        store.delete_session(old)
    with engine.connect() as connection:  # events and snapshots went with it
        for table in ("snapshots", "events"):
            left = connection.execute(
                text(f"SELECT count(*) FROM {table} WHERE session_id = :id"), {"id": old}
            )
            assert left.scalar() == 0


def test_ids_too_large_for_the_database_are_unknown_sessions(store: Store) -> None:
    with pytest.raises(StoreError, match="no session"):
        store.get_session(2**70)
    with pytest.raises(StoreError, match="no session"):
        store.add_event(2**70, kind="turn", at=T0, phase="clarify")


# --- where the data lives ---------------------------------------------------------------


def test_the_first_run_says_where_the_data_is_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data" / "tradeoff"
    monkeypatch.setattr(location_module, "user_data_dir", lambda app: str(data_dir))
    monkeypatch.setattr(location_module, "_announced", set())
    monkeypatch.delenv("TRADEOFF_DATABASE_URL", raising=False)
    url = database_url()
    database_url()  # the same process, before the file exists: still one line
    notice = capsys.readouterr().err
    assert notice.count("\n") == 1 and str(data_dir / "tradeoff.db") in notice
    Store.open(url).close()
    monkeypatch.setattr(location_module, "_announced", set())  # a later run
    database_url()
    assert capsys.readouterr().err == ""
    database_url(str(tmp_path / "chosen.db"))  # a path the user chose needs no notice
    assert capsys.readouterr().err == ""

"""Several writers on one database at once, as behind a load balancer: on SQLite and PostgreSQL.

Each test makes the writers start together (a barrier for threads, a file for processes) so
that the race it guards against actually happens on an unguarded store.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tradeoff.store import Store
from tradeoff.store.migrate import head_revision

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
WRITERS = 6


def run_together(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run work(0..count-1) on threads released at once; the exceptions they raised."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        barrier.wait()
        try:
            work(n)
        except BaseException as exc:  # collected and asserted on by the caller
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_six_processes_open_a_new_database_at_once(database_url: str, tmp_path: Path) -> None:
    """Six app processes started together each migrate or wait; none fails or half-creates."""
    go = tmp_path / "go"
    script = textwrap.dedent(
        f"""
        import pathlib, sys, time
        from datetime import UTC, datetime
        from tradeoff.store import Store

        go = pathlib.Path({str(go)!r})
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.002)
        with Store.open({database_url!r}) as store:
            sid = store.create_session(
                problem_id="url-shortener", persona="neutral", level="senior", minutes=45,
                started_at=datetime.now(UTC),
            )
        print(sid, flush=True)
        """
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WRITERS)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
        go.touch()
        results = [child.communicate(timeout=120) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    failures = [err for child, (_, err) in zip(children, results, strict=True) if child.returncode]
    assert failures == []
    ids = sorted(int(out.split()[-1]) for out, _ in results)
    assert ids == list(range(1, WRITERS + 1))
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            revisions = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert [r for (r,) in revisions] == [head_revision()]
    finally:
        engine.dispose()


def test_appends_to_one_session_from_many_writers_get_distinct_seqs(database_url: str) -> None:
    """Two app processes adding turns to one session must not both take the same seq."""
    stores = [Store.open(database_url) for _ in range(WRITERS)]
    try:
        sid = stores[0].create_session(
            problem_id="url-shortener", persona="neutral", level="senior", minutes=45,
            started_at=T0,
        )  # fmt: skip

        def append(n: int) -> None:
            for k in range(5):
                at = T0 + timedelta(seconds=n * 10 + k)
                stores[n].add_event(sid, kind="turn", at=at, phase="clarify", text=f"{n}.{k}")
                stores[n].add_snapshot(sid, kind="design", at=at, source="x", content=f"{n}.{k}")

        assert run_together(WRITERS, append) == []
        record = stores[0].get_session(sid)
        assert [e.seq for e in record.events] == list(range(1, 5 * WRITERS + 1))
        assert [s.version for s in record.snapshots] == list(range(1, 5 * WRITERS + 1))
        assert sorted(e.text for e in record.events) == sorted(
            f"{n}.{k}" for n in range(WRITERS) for k in range(5)
        )
    finally:
        for store in stores:
            store.close()


def test_first_reviews_of_one_card_from_many_writers_keep_one_state(database_url: str) -> None:
    """A card reviewed for the first time in two tabs at once: one state row, every review."""
    stores = [Store.open(database_url) for _ in range(WRITERS)]
    try:

        def review(n: int) -> None:
            at = T0 + timedelta(minutes=n)
            stores[n].record_card_review(
                card_id="card1", deck="numbers", rating="good", at=at,
                state={"n": n}, due=at + timedelta(days=1), log={"n": n},
            )  # fmt: skip

        assert run_together(WRITERS, review) == []
        states = stores[0].card_states()
        assert list(states) == ["card1"] and states["card1"]["state"]["n"] in range(WRITERS)
        assert len(stores[0].card_reviews()) == WRITERS

        def save(n: int) -> None:
            stores[n].save_card_state("card2", "numbers", {"n": n}, T0 + timedelta(days=n))

        assert run_together(WRITERS, save) == []
        assert sorted(stores[0].card_states()) == ["card1", "card2"]
    finally:
        for store in stores:
            store.close()


def test_the_same_backup_imported_twice_at_once_is_added_once(database_url: str) -> None:
    from test_store import _batch  # the import batch the store tests build

    stores = [Store.open(database_url) for _ in range(2)]
    try:
        results = []

        def load(n: int) -> None:
            results.append(stores[n].import_batch(_batch("s1")))

        started = time.monotonic()
        assert run_together(2, load) == []
        assert time.monotonic() - started < 60
        assert sorted(r.added["sessions"] for r in results) == [0, 1]
        assert len(stores[0].all_sessions()) == 1 and len(stores[0].card_reviews()) == 1
    finally:
        for store in stores:
            store.close()

"""Store.locked_session: one session held for a block, across threads and connections, on
SQLite and PostgreSQL; the block's writes commit together or not at all."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest

from tradeoff.store import Store, StoreError

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _session(store: Store) -> int:
    return store.create_session(
        problem_id="url-shortener", persona="neutral", level="senior", minutes=45, started_at=NOW
    )


def test_a_second_holder_waits_for_the_first_and_then_sees_its_events(database_url: str) -> None:
    with Store.open(database_url) as store:
        session_id = _session(store)
        first_in = threading.Event()
        order: list[str] = []
        seen: list[int] = []

        def first() -> None:
            with store.locked_session(session_id):
                store.add_event(session_id, kind="turn", at=NOW, phase="clarify", text="one")
                first_in.set()
                time.sleep(0.5)  # the second holder must still be waiting when this ends
                store.add_event(session_id, kind="turn", at=NOW, phase="clarify", text="two")
                order.append("first done")

        def second() -> None:
            first_in.wait(10)
            with store.locked_session(session_id):
                order.append("second in")
                seen.append(len(store.get_session(session_id).events))
                store.add_event(session_id, kind="turn", at=NOW, phase="clarify", text="three")

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert order == ["first done", "second in"]
        assert seen == [2]  # both of the first block's events, committed together
        texts = [e.text for e in store.get_session(session_id).events]
        assert texts == ["one", "two", "three"]


def test_a_block_that_fails_leaves_nothing_and_reentry_joins(database_url: str) -> None:
    with Store.open(database_url) as store:
        session_id = _session(store)
        with pytest.raises(RuntimeError), store.locked_session(session_id):
            with store.locked_session(session_id):  # the same thread again: joins
                store.add_event(session_id, kind="turn", at=NOW, phase="clarify", text="lost")
            raise RuntimeError("the turn failed")
        assert store.get_session(session_id).events == ()
        with pytest.raises(StoreError, match="no session 999"), store.locked_session(999):
            pass

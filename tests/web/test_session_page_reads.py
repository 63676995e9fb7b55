"""What one view of a session page reads from the database: a session never shared with a
coach has no comment, coach score or invite to read (comments and scores hang off an
invite), and the session's stamp already says whether it has one, so the page skips those
reads; once shared, it reads them again on every view, from any process."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from csrf_client import armed
from fastapi.testclient import TestClient
from sqlalchemy import event

from tradeoff.catalog import default_catalog
from tradeoff.services.practice import PracticeSessions
from tradeoff.store import Store
from tradeoff.web import create_app

DESIGN = "# Links\n\n## Design\n- A load balancer in front of stateless app servers.\n"
ON_SESSION = re.compile(r"\b(comments|coach_scores|shares)\.session_id = ")


def ended_session(db_url: str) -> int:
    with Store.open(db_url) as store:
        sessions = PracticeSessions(store, default_catalog())
        session_id = sessions.start("url-shortener")
        sessions.say(session_id, "About 100M new links a month, reads 100x writes.")
        sessions.save_design(session_id, DESIGN)
        sessions.end(session_id)
    return session_id


@contextmanager
def statements(client: TestClient) -> Iterator[list[str]]:
    """The SQL the app runs inside the block."""
    engine = client.app.state.tradeoff.store._engine  # type: ignore[attr-defined]
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def coaching_reads(seen: list[str]) -> list[str]:
    """The reads of one session's comments, coach scores or invites (not the stamp, whose
    EXISTS on shares is part of its one query, nor the notice of unread comments)."""
    return [s for s in seen if ON_SESSION.search(s) and "sessions.uid" not in s]


def test_a_session_never_shared_reads_no_coaching(db_url: str) -> None:
    session_id = ended_session(db_url)
    with TestClient(create_app(db_url)) as client:
        client = armed(client)
        assert client.get(f"/sessions/{session_id}").status_code == 200
        with statements(client) as seen:
            page = client.get(f"/sessions/{session_id}")
        assert page.status_code == 200
        assert "No comments or scores from a coach yet." in page.text
        assert seen, "the page reads the session's stamp"
        assert coaching_reads(seen) == []


def test_a_share_made_by_another_process_shows_on_the_next_view(db_url: str) -> None:
    session_id = ended_session(db_url)
    with TestClient(create_app(db_url)) as client:
        client = armed(client)
        assert "No comments or scores" in client.get(f"/sessions/{session_id}").text
        with Store.open(db_url) as store:  # another process shares it and a coach comments
            at = datetime(2026, 1, 2, tzinfo=UTC)
            share_id = store.accounts.add_share(session_id, "t" * 32, "Priya", at)
            store.accounts.add_comment(
                share_id=share_id,
                session_id=session_id,
                author_id=None,
                author_name="Priya",
                version=1,
                line=1,
                turn_seq=None,
                body="Which load balancer?",
                at=at,
            )
        with statements(client) as seen:
            page = html.unescape(client.get(f"/sessions/{session_id}").text)
        assert "Which load balancer?" in page
        assert "design version 1, line 1" in page
        assert "Priya" in page
        assert coaching_reads(seen), "a shared session reads its coaching on every view"


def test_the_stamp_says_whether_a_session_is_shared(db_url: str) -> None:
    session_id = ended_session(db_url)
    with Store.open(db_url) as store:
        before = store.session_stamp(session_id)
        assert before is not None and before.shared is False
        store.accounts.add_share(session_id, "u" * 32, "", datetime(2026, 1, 2, tzinfo=UTC))
        after = store.session_stamp(session_id)
        assert after is not None and after.shared is True
        # Sharing changes nothing derived from the events: the report kept under the
        # stamp is still the session's report.
        assert after == before and hash(after) == hash(before)


def test_one_view_checks_out_one_connection(db_url: str) -> None:
    """The owner check, the stamp, the coaching and the notice share one pooled connection:
    the page checks its session itself (`auth.checks_session`), in its own worker thread,
    so the guard takes no thread and no connection of its own for it."""
    session_id = ended_session(db_url)
    with TestClient(create_app(db_url)) as client:
        client = armed(client)
        assert client.get(f"/sessions/{session_id}").status_code == 200
        engine = client.app.state.tradeoff.store._engine  # type: ignore[attr-defined]
        checkouts: list[object] = []

        def record(*args: Any) -> None:
            checkouts.append(args[0])

        event.listen(engine, "checkout", record)
        try:
            assert client.get(f"/sessions/{session_id}").status_code == 200
        finally:
            event.remove(engine, "checkout", record)
        assert len(checkouts) == 1
        missing = client.get("/sessions/987654")
        assert missing.status_code == 404 and "no practice session 987654" in missing.text

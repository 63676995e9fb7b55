"""What the app keeps between requests never hides a change: two app instances over one
database (as two processes behind a load balancer), each having shown a page, show a new
coach comment, a new turn or the session's end on the next load of either."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from csrf_client import armed
from fastapi.testclient import TestClient

from tradeoff.catalog import default_catalog
from tradeoff.services.practice import PracticeSessions
from tradeoff.store import Store
from tradeoff.web import create_app

DESIGN = "# Links\n\n## Design\n- A load balancer in front of stateless app servers.\n"
LINK = re.compile(r'id="invite-link" class="invite" value="[^"]*/coach/([^"]+)"')


@pytest.fixture
def two(db_url: str) -> Iterator[tuple[TestClient, TestClient]]:
    """Two apps over the same database, each with its own memo, one browser each."""
    with TestClient(create_app(db_url)) as first, TestClient(create_app(db_url)) as second:
        yield armed(first), armed(second)


def ended_session(db_url: str) -> int:
    with Store.open(db_url) as store:
        sessions = PracticeSessions(store, default_catalog())
        session_id = sessions.start("url-shortener")
        sessions.say(session_id, "About 100M new links a month, reads 100x writes.")
        sessions.save_design(session_id, DESIGN)
        sessions.end(session_id)
    return session_id


def page_text(client: TestClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    return html.unescape(response.text)


def invite(client: TestClient, session_id: int) -> str:
    response = client.post(f"/sessions/{session_id}/shares", data={"label": "mentor"})
    assert response.status_code == 201
    found = LINK.search(response.text)
    assert found
    return found.group(1)


def comment(client: TestClient, token: str, body: str, *, line: int) -> None:
    data = {"body": body, "version": "1", "line": str(line)}
    response = client.post(f"/coach/{token}/comments", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text


def test_a_comment_made_through_one_app_shows_on_the_next_view_of_the_other(
    db_url: str, two: tuple[TestClient, TestClient]
) -> None:
    first, second = two
    session_id = ended_session(db_url)
    page = f"/sessions/{session_id}"
    before = page_text(first, page)
    assert "Watch the cache hit rate" not in before
    page_text(second, page)  # the second app has the session's report kept too
    token = invite(second, session_id)
    comment(second, token, "Watch the cache hit rate.", line=4)
    assert "1 new comment from your coach" in page_text(first, "/problems")
    after = page_text(first, page)
    # On the scorecard's line 4: its kept HTML is keyed by the comments on its lines.
    assert re.search(r'id="L4" class="[^"]*commented".*?Watch the cache hit rate\.', after, re.S)
    # A second comment on the same line, from the other app, shows beside the first.
    comment(first, token, "And the eviction policy.", line=4)
    again = page_text(second, page)
    assert "Watch the cache hit rate." in again and "And the eviction policy." in again
    # Opening the page marked the comments read: the next page of either app has no notice.
    assert "new comment" not in page_text(first, "/problems")


def test_a_turn_recorded_after_a_view_shows_on_the_next_view(
    db_url: str, two: tuple[TestClient, TestClient]
) -> None:
    first, second = two
    session_id = ended_session(db_url)
    page = f"/sessions/{session_id}"
    assert "Shard the links by code" not in page_text(first, page)
    # Another process (an import, the CLI) records a turn on the session: its stamp moves.
    with Store.open(db_url) as store:
        store.add_event(
            session_id,
            kind="turn",
            at=datetime.now(UTC),
            phase="wrapup",
            text="Shard the links by code.",
            speaker="candidate",
        )
    assert "Candidate: Shard the links by code." in page_text(first, page)
    assert "Candidate: Shard the links by code." in page_text(second, page)


def test_a_session_ended_by_one_app_shows_its_scorecard_on_the_other(
    db_url: str, two: tuple[TestClient, TestClient]
) -> None:
    first, second = two
    start = first.post("/practice", data={"problem": "url-shortener"}, follow_redirects=False)
    session_id = int(start.headers["location"].rsplit("/", 1)[1])
    page = f"/sessions/{session_id}"
    going = second.get(page, follow_redirects=False)
    assert going.status_code == 303 and going.headers["location"] == f"/practice/{session_id}"
    said = second.post(f"/practice/{session_id}/turn", data={"text": "Reads dominate writes."})
    assert said.status_code == 200
    assert first.post(f"/practice/{session_id}/end", follow_redirects=False).status_code == 303
    assert "Candidate: Reads dominate writes." in page_text(second, page)


def test_the_problem_list_kept_per_filter_still_reads_the_notice_and_token(
    db_url: str, two: tuple[TestClient, TestClient]
) -> None:
    first, second = two
    easy = page_text(first, "/problems?difficulty=easy")
    every = page_text(first, "/problems")
    assert easy != every and 'value="easy" selected' in easy
    assert page_text(first, "/problems?difficulty=easy") == easy  # the same list again
    bad = first.get("/problems?difficulty=impossible")
    assert bad.status_code == 400 and "no difficulty 'impossible'" in html.unescape(bad.text)
    session_id = ended_session(db_url)
    comment(second, invite(second, session_id), "Nice estimate.", line=2)
    assert "1 new comment from your coach" in page_text(first, "/problems?difficulty=easy")
    token = first.cookies.get("tradeoff_csrf")
    assert token and first.headers["X-CSRF-Token"] in easy

"""The practice room over HTTP: start, speak, hint, next, design versions, reload, end."""

from __future__ import annotations

import html
import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_samples import DESIGN

from tradeoff.catalog import default_catalog


def _start(client: TestClient, **fields: str) -> str:
    response = client.post(
        "/practice", data={"problem": "url-shortener", **fields}, follow_redirects=False
    )
    assert response.status_code == 303
    location = response.headers["location"]
    assert re.fullmatch(r"/practice/\d+", location)
    return location


def _current_phase(page: str) -> str:
    match = re.search(r'<li class="current">([^<]+)</li>', page)
    assert match
    return match.group(1)


def test_room_shows_the_prompt_phase_bar_and_opening(client: TestClient) -> None:
    room = client.get(_start(client))
    assert room.status_code == 200
    page = html.unescape(room.text)
    assert default_catalog().problems["url-shortener"].prompt in page
    assert 'id="phasebar"' in page and 'data-minutes="45"' in page
    assert _current_phase(page).startswith("Clarify")
    assert 'class="turn interviewer"' in page  # the opening lines


def test_a_question_reveals_a_fact_and_reload_resumes(client: TestClient) -> None:
    room = _start(client)
    question = "How many new links are created each month?"
    reply = client.post(f"{room}/turn", data={"text": question})
    assert reply.status_code == 200
    facts = [f.text for f in default_catalog().problems["url-shortener"].facts]
    answered = [fact for fact in facts if fact in html.unescape(reply.text)]
    assert answered, "the interviewer should reveal the scale fact"
    assert 'hx-swap-oob="true"' in reply.text  # the phase bar comes along
    again = html.unescape(client.get(room).text)  # a reload rebuilds the room from the store
    assert question in again
    assert answered[0] in again


def test_hint_and_next_phase(client: TestClient) -> None:
    room = _start(client)
    hint = client.post(f"{room}/hint")
    assert hint.status_code == 200
    assert 'class="turn interviewer"' in hint.text
    moved = client.post(f"{room}/next")
    assert moved.status_code == 200
    assert not _current_phase(moved.text).startswith("Clarify")
    assert _current_phase(client.get(room).text) == _current_phase(moved.text)


def test_design_saves_are_versions_the_store_keeps(client: TestClient, app: FastAPI) -> None:
    room = _start(client)
    first = client.post(f"{room}/design", data={"design": DESIGN})
    assert "version 1" in first.text
    same = client.post(f"{room}/design", data={"design": DESIGN})
    assert "version 1" in same.text  # unchanged text is not a new version
    second = client.post(f"{room}/design", data={"design": DESIGN + "\n- Cache hot links.\n"})
    assert "version 2" in second.text
    session_id = int(room.rsplit("/", 1)[1])
    record = app.state.tradeoff.store.get_session(session_id)
    assert [s.version for s in record.snapshots] == [1, 2]
    assert "Cache hot links" in html.unescape(client.get(room).text)  # the editor resumes
    assert client.post(f"{room}/design", data={"design": "  "}).status_code == 400


def test_end_shows_the_scorecard_and_progress_lists_it(client: TestClient) -> None:
    room = _start(client)
    client.post(f"{room}/turn", data={"text": "How many new links are created each month?"})
    client.post(f"{room}/design", data={"design": DESIGN})
    ended = client.post(f"{room}/end", follow_redirects=False)
    assert ended.status_code == 303
    report_url = ended.headers["location"]
    report = client.get(report_url)
    assert report.status_code == 200
    assert 'id="scorecard"' in report.text
    lines = re.findall(r'class="line-link" href="#L(\d+)"', report.text)
    assert lines and all(f'id="L{n}"' in report.text for n in lines)
    assert "The interviewer's report" in report.text
    assert re.search(r"Overall \d+/100", report.text)
    assert client.get(room, follow_redirects=False).status_code == 303  # ended: to the report
    assert client.post(f"{room}/turn", data={"text": "one more thing"}).status_code == 409
    progress = client.get("/progress").text
    assert f'href="{report_url}"' in progress


def test_unfinished_session_report_redirects_to_the_room(client: TestClient) -> None:
    room = _start(client)
    session_id = room.rsplit("/", 1)[1]
    response = client.get(f"/sessions/{session_id}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == room


def test_bad_practice_input(client: TestClient) -> None:
    assert client.get("/practice/999").status_code == 404
    assert client.post("/practice/999/turn", data={"text": "hi"}).status_code == 404
    assert client.get("/sessions/999").status_code == 404
    assert client.get("/practice/abc").status_code == 422
    assert client.post("/practice", data={"problem": "nope"}).status_code == 404
    assert (
        client.post("/practice", data={"problem": "url-shortener", "minutes": "2"}).status_code
        == 400
    )
    assert (
        client.post("/practice", data={"problem": "url-shortener", "persona": "rude"}).status_code
        == 400
    )
    room = _start(client)
    assert client.post(f"{room}/turn", data={"text": "   "}).status_code == 400
    assert client.post(f"{room}/turn", data={"text": "/end"}).status_code == 400

"""The practice room's live chat over a real HTTP server: server-sent events read from the
store, so a turn posted to one app process streams from another; resume by Last-Event-ID."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from csrf_client import armed
from room_samples import Message, free_port, messages, read_until, serve, start_session

from tradeoff.catalog import default_catalog

QUESTION = "How many new links are created each month?"


def _fact(text: str) -> bool:
    facts = [f.text for f in default_catalog().problems["url-shortener"].facts]
    return any(fact in text for fact in facts)


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'room.db'}"


@pytest.fixture
def first(database: str) -> Iterator[str]:
    with serve(database) as address:
        yield address


@pytest.fixture
def second_process(database: str) -> Iterator[str]:
    """Another app process over the same database: it shares no memory with the first."""
    port = free_port()
    code = (
        "import sys, uvicorn; from tradeoff.web import create_app;"
        " uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]),"
        " log_level='warning')"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, database, str(port)], env=dict(os.environ)
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "the second app process exited"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the second app process did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=15)


def _stream(client: httpx.Client, session_id: int, **params: str) -> Iterator[Message]:
    headers = {}
    if "last_event_id" in params:
        headers["Last-Event-ID"] = params.pop("last_event_id")
    with client.stream(
        "GET", f"/practice/{session_id}/events", params=params, headers=headers
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        yield from messages(response.iter_lines())


def _last_event(client: httpx.Client, session_id: int) -> int:
    page = client.get(f"/practice/{session_id}").text
    marker = 'data-last-event="'
    start = page.index(marker) + len(marker)
    return int(page[start : page.index('"', start)])


def test_a_turn_posted_to_one_process_streams_from_another(first: str, second_process: str) -> None:
    timeout = httpx.Timeout(60.0)
    with (
        httpx.Client(base_url=first, timeout=timeout) as poster,
        httpx.Client(base_url=second_process, timeout=timeout) as listener,
    ):
        armed(poster)
        session_id = start_session(poster)
        shown = _last_event(poster, session_id)  # the opening lines are on the page already
        stream = _stream(listener, session_id, after=str(shown))
        hello = next(stream)
        assert hello.retry is not None and hello.id is None  # connected, nothing new yet
        assert poster.post(f"/practice/{session_id}/turn", data={"text": QUESTION}).is_success
        seen = read_until(stream, lambda m: m.event == "turn" and _fact(m.text))
        turns = [m for m in seen if m.event == "turn"]
        assert 'class="turn candidate"' in turns[0].text and QUESTION in turns[0].text
        assert 'class="turn interviewer"' in turns[-1].text
        ids = [m.id for m in seen if m.id is not None]
        assert ids == sorted(ids) and ids[0] == shown + 1  # every event after the page's last


def test_resume_with_last_event_id_sends_only_what_came_after(first: str) -> None:
    with httpx.Client(base_url=first, timeout=httpx.Timeout(60.0)) as client:
        armed(client)
        session_id = start_session(client)
        client.post(f"/practice/{session_id}/turn", data={"text": QUESTION})
        client.post(f"/practice/{session_id}/next")
        everything = _stream(client, session_id, after="0")
        all_seen = read_until(everything, lambda m: m.event == "phase")
        ids = [m.id for m in all_seen if m.id is not None]
        assert ids == list(range(1, len(ids) + 1))  # each event once, in order
        resume_at = ids[len(ids) // 2]
        # A reconnecting EventSource sends Last-Event-ID; it wins over the page's ?after=.
        resumed = _stream(client, session_id, after="0", last_event_id=str(resume_at))
        again = read_until(resumed, lambda m: m.event == "phase")
        again_ids = [m.id for m in again if m.id is not None]
        assert again_ids == ids[ids.index(resume_at) + 1 :]
        bar = again[-1].text
        assert 'id="phasebar"' in bar and '<li class="current">High-level design</li>' in bar


def test_the_stream_ends_when_the_session_does(first: str) -> None:
    with httpx.Client(base_url=first, timeout=httpx.Timeout(60.0)) as client:
        armed(client)
        session_id = start_session(client)
        shown = _last_event(client, session_id)
        stream = _stream(client, session_id, after=str(shown))
        next(stream)
        client.post(f"/practice/{session_id}/end")
        seen = read_until(stream, lambda m: m.event == "end")
        assert seen[-1].text == f"/sessions/{session_id}"
        assert next(stream, None) is None  # the server closed it


def test_stream_refusals(first: str) -> None:
    with httpx.Client(base_url=first, timeout=httpx.Timeout(60.0)) as client:
        armed(client)
        assert client.get("/practice/999/events").status_code == 404
        session_id = start_session(client)
        bad = client.get(f"/practice/{session_id}/events", headers={"Last-Event-ID": "abc"})
        assert bad.status_code == 400 and "Last-Event-ID" in bad.text
        assert client.get(f"/practice/{session_id}/events?after=-1").status_code == 422


def test_next_in_the_last_phase_says_why_it_cannot(first: str) -> None:
    with httpx.Client(base_url=first, timeout=httpx.Timeout(60.0)) as client:
        armed(client)
        session_id = start_session(client)
        for _ in range(3):  # clarify -> high-level -> deep dive -> wrap-up
            assert client.post(f"/practice/{session_id}/next").is_success
        refused = client.post(f"/practice/{session_id}/next")
        assert refused.status_code == 409 and "press End when you are done" in refused.text

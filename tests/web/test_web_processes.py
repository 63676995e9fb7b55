"""Two app processes over one database, as behind a load balancer: one session, either server.

Each `tradeoff serve` is a real uvicorn process on 127.0.0.1; nothing of the session lives
in either process, so a turn posted to one is in the room the other serves, and a session
ended on one has its scorecard on the other. Runs on each backend (PostgreSQL is the shared
deployment; SQLite in WAL mode also lets two local processes share a file).
"""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from csrf_client import armed
from web_samples import DESIGN

from tradeoff.catalog import default_catalog

START_TIMEOUT_S = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(database_url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "tradeoff", "serve", "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--db", database_url],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "TRADEOFF_DATABASE_URL": ""},
        )
    return process, f"http://127.0.0.1:{port}"


def _wait_until_up(process: subprocess.Popen[bytes], address: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        assert process.poll() is None, f"the server exited: {log.read_text()}"
        try:
            if httpx.get(f"{address}/", timeout=2).status_code < 500:  # / redirects
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, f"the server did not start: {log.read_text()}"
        time.sleep(0.1)


@pytest.fixture
def servers(database_url: str, tmp_path: Path) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """Two servers on one database, started together, each with its own HTTP client."""
    started = [_serve(database_url, tmp_path / f"server{n}.log") for n in range(2)]
    try:
        for n, (process, address) in enumerate(started):
            _wait_until_up(process, address, tmp_path / f"server{n}.log")
        clients = [armed(httpx.Client(base_url=address, timeout=30)) for _, address in started]
        yield clients[0], clients[1]
        for client in clients:
            client.close()
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_one_session_served_by_two_processes(
    servers: tuple[httpx.Client, httpx.Client],
) -> None:
    first, second = servers
    started = first.post("/practice", data={"problem": "url-shortener"})
    assert started.status_code == 303
    room = started.headers["location"]
    assert re.fullmatch(r"/practice/\d+", room)

    question = "How many new links are created each month?"
    assert first.post(f"{room}/turn", data={"text": question}).status_code == 200
    seen = html.unescape(second.get(room).text)
    assert question in seen
    facts = [f.text for f in default_catalog().problems["url-shortener"].facts]
    answered = [fact for fact in facts if fact in seen]
    assert answered, "the other process shows the interviewer's answer too"

    follow_up = "We keep every link for five years, and reads outnumber writes 100 to 1."
    assert second.post(f"{room}/turn", data={"text": follow_up}).status_code == 200
    assert second.post(f"{room}/design", data={"design": DESIGN}).status_code == 200
    page = html.unescape(first.get(room).text)
    assert page.index(question) < page.index(follow_up)
    assert DESIGN in page and "Version 1 saved." in page  # the editor, saved on the other

    ended = first.post(f"{room}/end")
    assert ended.status_code == 303
    report = second.get(ended.headers["location"])
    assert report.status_code == 200
    assert re.search(r'<div class="overall"><span class="big">\d+</span>/100</div>', report.text)
    assert first.post(f"{room}/turn", data={"text": "One more thing"}).status_code == 409

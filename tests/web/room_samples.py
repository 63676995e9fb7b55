"""Helpers for the practice-room tests: a uvicorn server, an SSE reader, Excalidraw scenes."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn

from tradeoff.web import create_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve(database: str) -> Iterator[str]:
    """The app over `database` under uvicorn on 127.0.0.1, in a thread; yields its address."""
    port = free_port()
    config = uvicorn.Config(create_app(database), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=15)


@dataclass
class Message:
    """One server-sent event as the browser's EventSource would dispatch it."""

    id: int | None = None
    event: str = "message"
    data: list[str] = field(default_factory=list)
    retry: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.data)


def messages(lines: Iterator[str]) -> Iterator[Message]:
    """Parse an SSE body (text/event-stream) into messages; comments are skipped."""
    current = Message()
    for line in lines:
        if line == "":
            if current.id is not None or current.data or current.retry is not None:
                yield current
            current = Message()
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "id":
            current.id = int(value)
        elif name == "event":
            current.event = value
        elif name == "data":
            current.data.append(value)
        elif name == "retry":
            current.retry = int(value)


def read_until(stream: Iterator[Message], done: Any, seconds: float = 30.0) -> list[Message]:
    """Messages from `stream` up to and including the first for which `done` is true."""
    seen: list[Message] = []
    deadline = time.monotonic() + seconds
    for message in stream:
        seen.append(message)
        if done(message):
            return seen
        assert time.monotonic() < deadline, f"not seen in {seconds}s: {seen}"
    raise AssertionError(f"the stream ended first: {seen}")


def start_session(client: httpx.Client, problem: str = "url-shortener") -> int:
    response = client.post("/practice", data={"problem": problem}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


# --- Excalidraw scenes, built the way the editor saves them ------------------------------


def shape(element_id: str, x: float, y: float, label: str, kind: str = "rectangle") -> list[dict]:
    """A shape with its label as a bound text element (what double-click-and-type makes)."""
    box = {
        "id": element_id, "type": kind, "x": x, "y": y, "width": 160, "height": 70,
        "isDeleted": False, "boundElements": [{"type": "text", "id": f"{element_id}-t"}],
    }  # fmt: skip
    text = {
        "id": f"{element_id}-t", "type": "text", "x": x + 10, "y": y + 20, "text": label,
        "originalText": label, "containerId": element_id, "isDeleted": False,
    }  # fmt: skip
    return [box, text]


def arrow(element_id: str, start: str | None, end: str | None, x: float, y: float) -> dict:
    return {
        "id": element_id, "type": "arrow", "x": x, "y": y, "width": 100, "height": 0,
        "points": [[0, 0], [100, 0]], "isDeleted": False,
        "startBinding": {"elementId": start, "focus": 0, "gap": 4} if start else None,
        "endBinding": {"elementId": end, "focus": 0, "gap": 4} if end else None,
    }  # fmt: skip


def scene(elements: list[dict], scroll_x: float = 0) -> str:
    return json.dumps(
        {
            "type": "excalidraw",
            "version": 2,
            "source": "http://127.0.0.1",
            "elements": elements,
            "appState": {"viewBackgroundColor": "#ffffff", "scrollX": scroll_x},
            "files": {},
        },
        indent=2,
    )


def three_tier(note: str = "Short codes are cached at the edge") -> list[dict]:
    """Client -> API servers -> Postgres database, and a free note under them."""
    return [
        *shape("client", 0, 0, "Client"),
        *shape("api", 300, 0, "API servers"),
        *shape("db", 600, 0, "Postgres database"),
        arrow("a1", "client", "api", 165, 35),
        arrow("a2", "api", "db", 465, 35),
        {"id": "note", "type": "text", "x": 0, "y": 200, "text": note, "isDeleted": False},
    ]

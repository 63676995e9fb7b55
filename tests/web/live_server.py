"""The app under a real uvicorn server on 127.0.0.1 (in a thread), and helpers that drive
it over HTTP as a browser would: sign up, practise, end, read the CSRF token from a page."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from fastapi import FastAPI
from web_samples import DESIGN

TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
META = re.compile(r'<meta name="csrf-token" content="([0-9a-f]+)">')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The base URL of `app` served on a free port until the block ends."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def browser(base: str) -> httpx.Client:
    """A client with its own cookie jar, like one browser."""
    return httpx.Client(base_url=base, timeout=60)


def form_token(client: httpx.Client, page: str) -> str:
    """The CSRF token in a page's forms, as a browser would submit it."""
    response = client.get(page)
    assert response.status_code == 200, (page, response.status_code)
    match = TOKEN.search(response.text)
    assert match, f"no csrf_token field on {page}"
    return match.group(1)


def htmx_token(client: httpx.Client, page: str = "/problems") -> str:
    """The token htmx sends as a header: the page's meta tag (also in hx-headers)."""
    match = META.search(client.get(page).text)
    assert match, f"no csrf-token meta tag on {page}"
    return match.group(1)


def post_form(client: httpx.Client, page: str, action: str, data: dict[str, str]) -> httpx.Response:
    """Submit a form found on `page`: its fields plus the page's hidden token."""
    return client.post(action, data={**data, "csrf_token": form_token(client, page)})


def sign_up(client: httpx.Client, email: str, password: str = "correct horse 1") -> None:
    response = post_form(
        client, "/signup", "/signup", {"email": email, "password": password, "password2": password}
    )
    assert response.status_code == 303, response.text[:300]


def finished_session(client: httpx.Client, turns: tuple[str, ...] = ()) -> int:
    """Start a URL shortener interview, say `turns`, save the sample design, end it."""
    started = post_form(
        client, "/problems/url-shortener", "/practice", {"problem": "url-shortener"}
    )
    assert started.status_code == 303, started.text[:300]
    room = started.headers["location"]
    headers = {"X-CSRF-Token": htmx_token(client), "HX-Request": "true"}
    for text in turns:
        assert client.post(f"{room}/turn", data={"text": text}, headers=headers).status_code == 200
    assert (
        client.post(f"{room}/design", data={"design": DESIGN}, headers=headers).status_code == 200
    )
    assert client.post(f"{room}/end", headers=headers).status_code == 200
    return int(room.rsplit("/", 1)[1])


# The name the study-page tests use for the same server.
serve = serving

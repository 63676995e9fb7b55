"""Accounts over real HTTP (uvicorn on 127.0.0.1, httpx): sign-up, sign-in, sign-out,
wrong passwords, CSRF on every unsafe request, and no user reaching another's sessions."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import (
    browser,
    finished_session,
    form_token,
    free_port,
    post_form,
    serving,
    sign_up,
)

from tradeoff.cli.serve import is_loopback
from tradeoff.web import create_app


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("accounts") / "web.db"
    with serving(create_app(f"sqlite:///{db}", accounts_mode=True)) as base:
        yield base


@pytest.fixture(scope="module")
def solo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db: Path = tmp_path_factory.mktemp("solo") / "web.db"
    with serving(create_app(f"sqlite:///{db}", accounts_mode=False)) as base:
        yield base


def test_sign_up_sign_out_sign_in(site: str) -> None:
    with browser(site) as ann:
        response = post_form(
            ann,
            "/signup",
            "/signup",
            {
                "email": " Ann@Example.com ",
                "password": "a long secret",
                "password2": "a long secret",
                "next": "/progress",
            },
        )
        assert response.status_code == 303
        assert response.headers["location"] == "/progress"
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("tradeoff_session=")
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
        page = ann.get("/progress")
        assert page.status_code == 200 and "ann@example.com" in page.text
        out = post_form(ann, "/progress", "/signout", {})
        assert out.status_code == 303 and out.headers["location"] == "/signin"
        assert ann.get("/progress").status_code == 303  # signed out: back to the sign-in page
        again = post_form(
            ann, "/signin", "/signin", {"email": "ann@example.com", "password": "a long secret"}
        )
        assert again.status_code == 303
        assert "ann@example.com" in ann.get("/progress").text


def test_wrong_password_and_unknown_email_say_the_same(site: str) -> None:
    with browser(site) as bob:
        sign_up(bob, "bob@example.com")
    with browser(site) as stranger:
        wrong = post_form(
            stranger, "/signin", "/signin", {"email": "bob@example.com", "password": "guess1234"}
        )
        unknown = post_form(
            stranger, "/signin", "/signin", {"email": "nobody@example.com", "password": "x" * 9}
        )
        for response in (wrong, unknown):
            assert response.status_code == 401
            assert "wrong email or password" in response.text
            assert "tradeoff_session" not in response.headers.get("set-cookie", "")
        assert stranger.get("/progress").status_code == 303
        taken = post_form(
            stranger,
            "/signup",
            "/signup",
            {"email": "BOB@example.com", "password": "another one", "password2": "another one"},
        )
        assert taken.status_code == 409 and "already an account" in taken.text
        short = post_form(
            stranger,
            "/signup",
            "/signup",
            {"email": "carl@example.com", "password": "short", "password2": "short"},
        )
        assert short.status_code == 400 and "at least 8 characters" in short.text


def test_signed_out_visitors_are_sent_to_sign_in(site: str) -> None:
    with browser(site) as visitor:
        page = visitor.get("/sessions/1")
        assert page.status_code == 303
        assert page.headers["location"] == "/signin?next=%2Fsessions%2F1"
        api = visitor.get("/api/sessions")
        assert api.status_code == 401 and api.json()["detail"].startswith("sign in first")
        token = visitor.get("/api/session")
        assert token.status_code == 401
        assert visitor.get("/signin").status_code == 200
        assert visitor.get("/api/openapi.json").status_code == 200


def test_post_without_or_with_a_wrong_csrf_token_is_403(site: str) -> None:
    with browser(site) as dee:
        sign_up(dee, "dee@example.com")
        start = {"problem": "url-shortener"}
        assert dee.post("/practice", data=start).status_code == 403
        wrong = dee.post("/practice", data={**start, "csrf_token": "0" * 64})
        assert wrong.status_code == 403 and "security token" in wrong.text
        assert (
            dee.post("/practice", data=start, headers={"X-CSRF-Token": "nope"}).status_code == 403
        )
        assert dee.post("/api/reviews", json={"text": "x"}).status_code == 403
        # a token from before signing in is refused after it: the token follows the sign-in
        with browser(site) as fresh:
            before = form_token(fresh, "/signin")
            post_form(
                fresh,
                "/signin",
                "/signin",
                {"email": "dee@example.com", "password": "correct horse 1"},
            )
            stale = fresh.post("/practice", data={**start, "csrf_token": before})
            assert stale.status_code == 403
            assert (
                post_form(fresh, "/problems/url-shortener", "/practice", start).status_code == 303
            )
        good = post_form(dee, "/problems/url-shortener", "/practice", start)
        assert good.status_code == 303


def test_single_user_mode_needs_no_sign_in_but_checks_csrf(solo: str) -> None:
    with browser(solo) as me:
        assert me.get("/progress").status_code == 200
        assert me.get("/signin").status_code == 404  # no accounts to sign in to
        assert me.post("/practice", data={"problem": "url-shortener"}).status_code == 403
        started = post_form(
            me, "/problems/url-shortener", "/practice", {"problem": "url-shortener"}
        )
        assert started.status_code == 303
        token = me.get("/api/session").json()
        assert token["accounts"] is False and token["email"] is None
        api = me.post(
            "/api/reviews",
            json={"text": "## Requirements\n- short links"},
            headers={"X-CSRF-Token": token["csrf_token"]},
        )
        assert api.status_code == 200


def test_no_user_reaches_another_users_sessions(site: str) -> None:
    with browser(site) as eve, browser(site) as fay:
        sign_up(eve, "eve@example.com")
        sign_up(fay, "fay@example.com")
        mine = finished_session(eve, ("How many new links are created each month?",))
        token = form_token(fay, "/progress")
        headers = {"X-CSRF-Token": token}
        for path in (
            f"/sessions/{mine}",
            f"/practice/{mine}",
            f"/api/sessions/{mine}",
            f"/api/sessions/{mine}/comments",
        ):
            assert fay.get(path).status_code == 404, path
        for path in (
            f"/practice/{mine}/turn",
            f"/practice/{mine}/end",
            f"/sessions/{mine}/shares",
            f"/sessions/{mine}/shares/1/revoke",
        ):
            assert fay.post(path, data={"text": "hi"}, headers=headers).status_code == 404, path
        # the same answer as for an id that does not exist
        assert fay.get("/sessions/987654").status_code == 404
        assert fay.get("/api/sessions").json() == []
        assert f'href="/sessions/{mine}"' not in fay.get("/progress").text
        # the owner still has it all
        assert eve.get(f"/sessions/{mine}").status_code == 200
        assert [s["id"] for s in eve.get("/api/sessions").json()] == [mine]
        review = eve.get(f"/api/sessions/{mine}").json()
        assert review["review"]["problem"] == "url-shortener"
        assert re.search(rf'href="/sessions/{mine}"', eve.get("/progress").text)


def test_api_with_a_signed_in_session(site: str) -> None:
    with browser(site) as gus:
        sign_up(gus, "gus@example.com")
        who = gus.get("/api/session").json()
        assert who == {
            "accounts": True,
            "email": "gus@example.com",
            "csrf_token": who["csrf_token"],
        }
        review = gus.post(
            "/api/reviews",
            json={"text": "## Requirements\n- 1M links"},
            headers={"X-CSRF-Token": who["csrf_token"]},
        )
        assert review.status_code == 200 and "overall" in review.json()
    assert httpx.get(f"{site}/api/problems").status_code == 401


def test_serve_accounts_flag_starts_the_app_with_sign_in(tmp_path: Path) -> None:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "tradeoff",
        "serve",
        "--accounts",
        "--port",
        str(port),
        "--db",
        f"sqlite:///{tmp_path / 'served.db'}",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/progress", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert response.status_code == 303
        assert response.headers["location"] == "/signin?next=%2Fprogress"
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=30)
    assert f"serving at http://127.0.0.1:{port}/ (with accounts" in out


def test_single_user_mode_warns_off_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")

"""An expired sign-in keeps the unsent text, in a real browser (Debian's chromium via
Playwright) against a real uvicorn in accounts mode: a turn typed in the practice room, the
sign-in ended on the server, Send refused with a note to sign in again and the words still
in the box; signing in again in another tab lets the same words be sent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from live_server import serving
from playwright.sync_api import Page, expect, sync_playwright
from test_web_room_browser import ARGS, CHROMIUM

from tradeoff.services.accounts import key_hash
from tradeoff.store import Store
from tradeoff.web import create_app
from tradeoff.web.csrf import SESSION_COOKIE

ARTIFACTS = Path(__file__).parent / "artifacts"
WAIT = 30_000  # ms: generous, the machine is shared
EMAIL = "dana@example.com"
PASSWORD = "long enough 7"
TURN = "Should a short link stay valid forever, or expire after some years?"


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'expiry.db'}"


@pytest.fixture
def site(database: str) -> Iterator[str]:
    with serving(create_app(database, accounts_mode=True)) as base:
        yield base


def sign_in(page: Page) -> None:
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_an_expired_sign_in_keeps_the_unsent_turn(site: str, database: str) -> None:
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(WAIT)
        page = context.new_page()
        page.goto(f"{site}/signup")
        page.get_by_label("Email").fill(EMAIL)
        page.get_by_label("Password (8 characters or more)").fill(PASSWORD)
        page.get_by_label("Password again").fill(PASSWORD)
        page.get_by_role("button", name="Sign up").click()
        page.goto(f"{site}/problems/url-shortener")
        page.get_by_role("button", name="Start a mock interview").click()
        expect(page.locator("#stream-status")).to_have_text("Live.", timeout=WAIT)
        # htmx binds its forms on DOMContentLoaded, after its deferred script runs: until the
        # load event a click may submit the plain form (which works, but reloads the page).
        page.wait_for_function(
            "() => window.htmx !== undefined && document.readyState === 'complete'"
        )
        box = page.locator("#say textarea")
        box.fill(TURN)

        # The sign-in ends on the server (as when it expires): its row is gone.
        (cookie,) = [c for c in context.cookies() if c["name"] == SESSION_COOKIE]
        signed_in = key_hash(cookie["value"])
        with Store.open(database) as store:
            assert store.accounts.user_signed_in(signed_in, datetime.now(UTC)) is not None
            store.accounts.sign_out(signed_in)
            assert store.accounts.user_signed_in(signed_in, datetime.now(UTC)) is None

        send = page.locator("#say").get_by_role("button", name="Send", exact=True)
        with page.expect_response(lambda r: r.url.endswith("/turn")) as refused:
            send.click()
        assert refused.value.status == 401
        note = page.locator("#auth-problem")
        expect(note).to_contain_text("Your sign-in has expired. Sign in again")
        expect(box).to_have_value(TURN)
        expect(page).to_have_url(f"{site}/practice/1")  # no redirect away from the words
        chat = page.locator("#chat-log")
        expect(chat.locator(".turn.candidate")).to_have_count(0)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "expired-sign-in.png"))

        # As the note says: sign in again in another tab, then send again from this one.
        other = context.new_page()
        other.goto(f"{site}/signin")
        sign_in(other)
        expect(other.locator("h1")).to_have_text("Problem library")
        other.close()
        page.bring_to_front()
        send.click()
        expect(chat.locator(".turn.candidate")).to_contain_text(TURN, timeout=WAIT)
        expect(box).to_have_value("")
        expect(note).to_be_hidden()
        page.screenshot(path=str(ARTIFACTS / "expired-sign-in-sent.png"))
        browser.close()

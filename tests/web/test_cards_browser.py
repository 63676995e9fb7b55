"""The flashcard review in a real browser (Debian's chromium via Playwright): front, reveal,
rate with htmx, the next card, and the rating in the database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from live_server import serve
from playwright.sync_api import expect, sync_playwright
from test_web_browser import ARGS, CHROMIUM

from tradeoff.practice.scheduler import review
from tradeoff.practice.user_decks import all_decks
from tradeoff.store import Store
from tradeoff.web import create_app

NOW = "2025-03-01T09:00:00+00:00"
SCREENSHOT = Path(__file__).parent / "artifacts" / "flashcards.png"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("TRADEOFF_NOW", NOW)
    db_url = f"sqlite:///{tmp_path / 'cards.db'}"
    with serve(create_app(db_url)) as base:
        yield base, db_url


def test_review_flashcards_in_a_browser(site: tuple[str, str]) -> None:
    base, db_url = site
    first, second = all_decks()["numbers"].cards[:2]
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 800})
        page.goto(f"{base}/problems")
        page.get_by_role("link", name="Flashcards").click()
        page.locator("select[name=deck]").select_option("numbers")
        page.get_by_role("button", name="Show").click()
        card = page.locator("#card .flashcard")
        expect(card.locator(".front")).to_have_text(first.front)
        expect(card.locator(".back")).to_have_count(0)
        expect(page.locator("#card .count")).to_contain_text("0 seen cards due and 20 new")
        page.get_by_role("link", name="Show answer").click()
        expect(card.locator(".back")).to_have_text(first.back)
        url_before = page.url
        page.get_by_role("button", name="Good").click()
        # htmx swapped the panel in place: the next card, what the rating did, same page.
        expect(page.locator("#card .said")).to_contain_text("Good: that card comes back in")
        expect(card.locator(".front")).to_have_text(second.front)
        expect(card.locator(".back")).to_have_count(0)
        expect(page.locator("#card .count")).to_contain_text("0 seen cards due and 19 new")
        assert page.url == url_before
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=False)
        page.get_by_role("link", name="Show answer").click()
        page.get_by_role("button", name="Again").click()
        expect(page.locator("#card .said")).to_contain_text("Again: that card comes back in")
        browser.close()
    with Store.open(db_url) as store:
        states = store.card_states()
        reviews = [(r["card_id"], r["rating"]) for r in store.card_reviews()]
    assert reviews == [(first.id, "good"), (second.id, "again")]
    at = datetime.fromisoformat(NOW)
    assert states[first.id]["due"] == review(None, first.id, "good", at).due
    assert states[second.id]["due"] == review(None, second.id, "again", at).due

"""One real browser (Debian's chromium via Playwright) against a real uvicorn server:
library -> problem -> review a pasted design with Mermaid -> a finding linked to its line."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright
from web_samples import DESIGN, WRONG_LINE

from tradeoff.web import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path(__file__).parent / "artifacts" / "scorecard.png"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1, in a thread, stopped after the test."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(f"sqlite:///{tmp_path / 'browser.db'}"),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


def test_review_a_pasted_design_in_a_browser(server: str) -> None:
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server}/problems?type=product")
        page.get_by_role("link", name="URL Shortener").first.click()
        expect(page.locator("blockquote.prompt")).to_be_visible()
        page.get_by_role("link", name="Review a written design").click()
        expect(page.locator("select[name=problem]")).to_have_value("url-shortener")
        page.locator("textarea[name=text]").fill(DESIGN)
        page.get_by_role("button", name="Review").click()
        expect(page.locator("#scorecard")).to_be_visible()
        # The Mermaid block is drawn as an SVG by the vendored mermaid (no network).
        expect(page.locator("pre.mermaid svg")).to_be_visible(timeout=15_000)
        link = page.locator(f'a.line-link[href="#L{WRONG_LINE}"]').first
        link.click()
        target = page.locator(f"li#L{WRONG_LINE}")
        expect(target).to_be_in_viewport()
        assert page.evaluate("location.hash") == f"#L{WRONG_LINE}"
        assert "400 writes/s" in target.inner_text()
        background = target.evaluate("el => getComputedStyle(el).backgroundColor")
        assert background == "rgb(255, 233, 138)"  # the :target highlight
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=False)
        browser.close()

"""The practice room in a real browser (Debian's chromium via Playwright, a real uvicorn):
a turn whose reply arrives over the event stream, a Mermaid preview, three boxes and two
arrows drawn on the vendored Excalidraw board and saved, then a reload that finds the chat,
the board, the text (saved and unsaved) and the clock where they were."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from room_samples import serve

from tradeoff.catalog import default_catalog
from tradeoff.store import Store

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
ARTIFACTS = Path(__file__).parent / "artifacts"
QUESTION = "How many new links are created each month?"
TEXT = """## Requirements
- Shorten a link to a 7-character code.

```mermaid
flowchart LR
  web[Browser] --> api[API servers]
```
"""


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'room-browser.db'}"


@pytest.fixture
def server(database: str) -> Iterator[str]:
    with serve(database) as address:
        yield address


def _draw(page: Page) -> None:
    """Three labelled boxes and two arrows, drawn with the mouse and keyboard as a person does.

    Shapes sit right of the tool's property panel (which covers the board's left edge); an
    arrow binds when it starts and ends just outside a box's outline.
    """
    page.locator("#board").scroll_into_view_if_needed()
    box = page.locator("#board canvas.interactive").bounding_box()
    assert box
    x0, y0 = box["x"], box["y"]
    page.mouse.click(x0 + 600, y0 + 480)
    page.keyboard.press("Escape")
    for x, label in ((300, "Client"), (600, "API servers"), (900, "Postgres database")):
        page.keyboard.press("r")
        page.mouse.move(x0 + x, y0 + 250, steps=4)
        page.mouse.down()
        page.mouse.move(x0 + x + 140, y0 + 320, steps=6)
        page.mouse.up()
        page.keyboard.press("Enter")  # edit the selected box's label
        page.keyboard.type(label)
        page.keyboard.press("Escape")
    for start, end in ((446, 594), (746, 894)):
        page.keyboard.press("a")
        page.mouse.move(x0 + start, y0 + 285, steps=4)
        page.mouse.down()
        page.mouse.move(x0 + end, y0 + 285, steps=8)
        page.mouse.up()
        page.keyboard.press("Escape")


SCENE = """() => window.tradeoffBoard.getSceneElements().map(e => ({
  type: e.type, text: e.text || "", bound: !!(e.startBinding && e.endBinding) }))"""


def _shapes(page: Page) -> tuple[list[str], int]:
    elements = page.evaluate(SCENE)
    labels = sorted(" ".join(e["text"].split()) for e in elements if e["type"] == "text")
    arrows = sum(1 for e in elements if e["type"] == "arrow" and e["bound"])
    return labels, arrows


def test_the_room_streams_draws_saves_and_resumes(server: str, database: str) -> None:
    facts = [f.text for f in default_catalog().problems["url-shortener"].facts]
    outside: list[str] = []
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on(
            "request",
            lambda r: (
                None if r.url.startswith((server, "data:", "blob:")) else outside.append(r.url)
            ),
        )
        page.goto(f"{server}/problems/url-shortener")
        page.get_by_role("button", name="Start a mock interview").click()
        expect(page.locator("#stream-status")).to_have_text("Live.", timeout=20_000)
        started = page.locator("#phasebar").get_attribute("data-started")

        # A turn: the form's own response is not swapped in; the lines come over the stream.
        page.locator("#say textarea").fill(QUESTION)
        page.get_by_role("button", name="Send").click()
        chat = page.locator("#chat-log")
        expect(chat.locator(".turn.candidate")).to_contain_text(QUESTION, timeout=20_000)
        reply = chat.locator(".turn.interviewer").last
        expect(reply).to_contain_text(facts[0][:20], timeout=20_000)  # the scale fact
        assert page.evaluate("window.tradeoffStream.turns") == 2  # the question and the reply
        answer = reply.inner_text()
        assert any(fact in answer for fact in facts)

        # The text with a Mermaid preview, saved as version 1.
        page.locator("#design").fill(TEXT)
        expect(page.locator("#preview .diagram svg")).to_be_visible(timeout=20_000)
        page.get_by_role("button", name="Save text").click()
        expect(page.locator("#save-status")).to_have_text("Saved as design version 1.")

        # The board: drawn, then saved as version 2 and read by the Excalidraw parser.
        page.wait_for_function("!!window.tradeoffBoard", timeout=30_000)
        _draw(page)
        assert _shapes(page) == (["API servers", "Client", "Postgres database"], 2)
        page.get_by_role("button", name="Save board").click()
        expect(page.locator("#board-status")).to_contain_text("Board saved as design version 2")
        expect(page.locator("#board-status")).not_to_contain_text("Not read")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "room.png"), full_page=True)

        # Unsaved words in the editor, then the tab reloads.
        page.locator("#design").press("Control+End")
        page.locator("#design").type("- Not saved yet: expire links after 5 years.")
        time.sleep(0.3)
        page.reload()
        expect(page.locator("#stream-status")).to_have_text("Live.", timeout=20_000)
        expect(chat.locator(".turn.candidate")).to_contain_text(QUESTION)
        assert any(fact in chat.inner_text() for fact in facts)
        expect(page.locator("#design")).to_have_value(
            TEXT + "- Not saved yet: expire links after 5 years."
        )
        expect(page.locator("#save-status")).to_have_text("Unsaved draft restored.")
        page.wait_for_function("!!window.tradeoffBoard", timeout=30_000)
        assert _shapes(page) == (["API servers", "Client", "Postgres database"], 2)
        assert page.locator("#phasebar").get_attribute("data-started") == started
        expect(page.locator("#phase-clock")).to_contain_text("left in phase")
        page.screenshot(path=str(ARTIFACTS / "room-reloaded.png"), full_page=True)
        browser.close()
    assert outside == []  # every asset came from the app: no CDN, works offline

    with Store.open(database) as store:
        (session,) = store.list_sessions()
        versions = store.get_session(session.id).snapshots
    assert [v.version for v in versions] == [1, 2]
    board_version = versions[1].content
    assert board_version.startswith(TEXT.rstrip())
    for line in ('["Client"]', '["API servers"]', '["Postgres database"]'):
        assert line in board_version
    board = board_version.split("## Whiteboard", 1)[1]
    assert board.count(" --> ") == 2  # the two arrows, bound at both ends

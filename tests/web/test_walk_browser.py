"""A whole practice session in a real browser (Debian's chromium via Playwright, a real
uvicorn, single-user mode): pick a prompt in the library, ask a question and get a hidden
fact over the event stream, draw and save a board, write a design whose Mermaid diagram
the preview draws, save, end, follow a finding to its highlighted line, find the session
on the progress page. Screenshots go to tests/web/artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from room_samples import serve
from test_web_room_browser import ARGS, CHROMIUM, _draw, _shapes

from tradeoff.catalog import default_catalog
from tradeoff.store import Store

ARTIFACTS = Path(__file__).parent / "artifacts"
WAIT = 30_000  # ms: generous, the machine is shared
QUESTION = "How long should a short link stay valid before it expires?"
# Line 6 divides wrongly (100 M / 2.6 M s is about 38/s): the reviewer flags that line.
DESIGN = """## Requirements
- Shorten a long URL to a 7-character code; redirect on GET.
- Out of scope: click analytics dashboards.

## Capacity
- 100 M new links a month / 2.6 M seconds a month = 400 writes/s.
- Reads are 100x writes.

## High-level design
```mermaid
flowchart LR
  client[Browser] --> api[API servers]
  api --> cache[Redis cache]
  api --> db[(Postgres database)]
```

## Trade-offs
- Postgres holds the links because the data is small and relational.
"""
WRONG_LINE = 6
HIGHLIGHT = "rgb(255, 233, 138)"  # app.css: ol.lines li:target


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'walk.db'}"


@pytest.fixture
def server(database: str) -> Iterator[str]:
    with serve(database) as address:
        yield address


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"walk-{name}.png"), full_page=True)


def test_a_whole_practice_session_from_library_to_progress(server: str, database: str) -> None:
    facts = {f.id: f.text for f in default_catalog().problems["url-shortener"].facts}
    retention = facts["retention"]
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.set_default_timeout(WAIT)

        # The library: filter by topic, pick the URL shortener.
        page.goto(f"{server}/problems")
        page.get_by_label("Topic").select_option("caching")
        page.get_by_role("button", name="Filter").click()
        expect(page).to_have_url(f"{server}/problems?type=&topic=caching&difficulty=")
        page.locator("a[href='/problems/url-shortener']").click()
        expect(page.locator("blockquote.prompt")).to_contain_text("short link")
        shot(page, "1-problem")
        page.get_by_role("button", name="Start a mock interview").click()
        expect(page.locator("#stream-status")).to_have_text("Live.", timeout=WAIT)
        # htmx binds its forms on DOMContentLoaded, after its deferred script runs: until the
        # load event a click may submit the plain form (which works, but reloads the page).
        page.wait_for_function(
            "() => window.htmx !== undefined && document.readyState === 'complete'"
        )

        # A clarifying question; the hidden fact comes back over the stream.
        page.locator("#say textarea").fill(QUESTION)
        page.locator("#say").get_by_role("button", name="Send", exact=True).click()
        chat = page.locator("#chat-log")
        expect(chat.locator(".turn.candidate").last).to_contain_text(QUESTION, timeout=WAIT)
        expect(chat.locator(".turn.interviewer").last).to_contain_text(retention, timeout=WAIT)
        assert page.evaluate("window.tradeoffStream.turns") == 2  # both lines came over SSE
        expect(page.locator("#say textarea")).to_have_value("")  # the form reset after sending

        # The whiteboard: three boxes and two arrows, saved as version 1.
        page.wait_for_function("() => !!window.tradeoffBoard", timeout=WAIT)
        _draw(page)
        assert _shapes(page) == (["API servers", "Client", "Postgres database"], 2)
        page.get_by_role("button", name="Save board").click()
        expect(page.locator("#board-status")).to_contain_text("Board saved as design version 1")

        # The written design: the preview draws its Mermaid diagram; saved as version 2.
        page.locator("#design").fill(DESIGN)
        diagram = page.locator("#preview .diagram svg")
        expect(diagram).to_be_visible(timeout=WAIT)
        expect(diagram).to_contain_text("Redis cache")
        page.get_by_role("button", name="Save text").click()
        expect(page.locator("#save-status")).to_have_text("Saved as design version 2.")
        page.locator(".room h1").scroll_into_view_if_needed()
        shot(page, "2-room")

        # End: the confirm dialog, then the scorecard.
        page.once("dialog", lambda dialog: dialog.accept())
        page.locator("#say").get_by_role("button", name="End", exact=True).click()
        expect(page).to_have_url(f"{server}/sessions/1", timeout=WAIT)
        card = page.locator("#scorecard")
        score = card.locator(".overall .big")
        expect(score).to_have_text(re.compile(r"^\d+$"))
        shown_overall = score.inner_text()
        finding = card.locator("li.finding", has=page.locator("code", has_text="CAP102"))
        expect(finding).to_contain_text("400 writes/s")
        link = finding.locator("a.line-link")
        expect(link).to_have_attribute("href", f"#L{WRONG_LINE}")
        line = card.locator(f"ol.lines li#L{WRONG_LINE}")
        expect(line).to_contain_text("= 400 writes/s")
        expect(line).to_have_class("flagged error")
        link.click()
        expect(page).to_have_url(f"{server}/sessions/1#L{WRONG_LINE}")
        assert line.evaluate("el => el.matches(':target')")
        expect(line).to_have_css("background-color", HIGHLIGHT)
        # The board is part of the version the reviewer read, drawn again as a diagram.
        expect(card.locator(".design pre.mermaid svg").first).to_be_visible(timeout=WAIT)
        shot(page, "3-scorecard")
        card.locator(".design").screenshot(path=str(ARTIFACTS / "walk-3-design-lines.png"))
        page.screenshot(path=str(ARTIFACTS / "walk-3-highlighted-line.png"))  # the viewport

        # Progress: the session is listed with its score and a link back to the report.
        page.get_by_role("link", name="Progress").click()
        row = page.locator("table.sessions tbody tr").filter(has_text="url-shortener")
        expect(row).to_have_count(1)
        expect(row.locator("td.num").last).to_have_text(shown_overall)
        expect(page.locator("h2", has_text="Scores by week")).to_be_visible()
        expect(page.locator("table.grid .mini > div").first).to_be_visible()  # a drawn bar
        expect(page.locator("table.bars").first).to_contain_text("1 session")
        expect(page.locator("table.bars").first).not_to_contain_text("1 sessions")
        shot(page, "4-progress")
        row.get_by_role("link", name="report").click()
        expect(page).to_have_url(f"{server}/sessions/1")
        browser.close()

    with Store.open(database) as store:
        record = store.get_session(1)
    assert [s.version for s in record.snapshots] == [1, 2]
    final = record.snapshots[-1].content
    assert final.startswith(DESIGN.rstrip())
    assert "## Whiteboard" in final

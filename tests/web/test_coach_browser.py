"""The coach round trip in a real browser (Debian's chromium via Playwright) against a real
server with accounts: the candidate shares a session, the coach signs up through the link,
comments on line 12 of the design and scores it; the candidate is told and sees it in place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import browser, finished_session, serving, sign_up
from playwright.sync_api import expect, sync_playwright
from test_web_browser import ARGS, CHROMIUM

from tradeoff.web import create_app

LINE = 12  # "flowchart LR" in the sample design
SCREENSHOTS = Path(__file__).parent / "artifacts"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    with serving(create_app(f"sqlite:///{tmp_path / 'coach.db'}", accounts_mode=True)) as base:
        yield base


def test_coach_comments_on_a_line_and_the_candidate_sees_it(site: str) -> None:
    with browser(site) as setup:  # the candidate's account and one finished session
        sign_up(setup, "cand@example.com", "candidate pass")
        session_id = finished_session(setup, ("How many new links are created each month?",))
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        candidate = chromium.new_context(viewport={"width": 1280, "height": 900}).new_page()
        candidate.goto(f"{site}/sessions/{session_id}")
        expect(candidate).to_have_url(f"{site}/signin?next=%2Fsessions%2F{session_id}")
        candidate.get_by_label("Email").fill("cand@example.com")
        candidate.get_by_label("Password").fill("candidate pass")
        candidate.get_by_role("button", name="Sign in").click()
        expect(candidate.locator("#scorecard")).to_be_visible()
        candidate.get_by_label("Coach's name (optional)").fill("Sam")
        candidate.get_by_role("button", name="Create invite link").click()
        link = candidate.locator("#invite-link").input_value()
        assert link.startswith(f"{site}/coach/")

        coach = chromium.new_context(viewport={"width": 1280, "height": 900}).new_page()
        coach.goto(link)
        expect(coach.locator(".note").first).to_contain_text("session you were invited to")
        coach.locator("main").get_by_role("link", name="Sign up").click()
        coach.get_by_label("Email").fill("sam@example.com")
        coach.get_by_label("Password (8 characters or more)").fill("coach pass 1")
        coach.get_by_label("Password again").fill("coach pass 1")
        coach.get_by_role("button", name="Sign up").click()
        expect(coach).to_have_url(link)
        # htmx binds its forms on DOMContentLoaded, after its deferred script runs: until the
        # load event a click may submit the plain form (which works, but reloads the page).
        coach.wait_for_function(
            "() => window.htmx !== undefined && document.readyState === 'complete'"
        )
        line = coach.locator(f"li#v1-L{LINE}")
        expect(line).to_contain_text("flowchart LR")
        line.locator("summary").click()
        line.locator("textarea[name=body]").fill("Name the cache tier in this diagram.")
        line.get_by_role("button", name="Add comment").click()
        # htmx swaps the line's comments in place; the form closes, the page stays
        expect(line.locator(".comment")).to_contain_text("Name the cache tier")
        expect(coach).to_have_url(link)
        coach.get_by_label("your score for Capacity").select_option("2")
        coach.get_by_role("button", name="Save scores").click()
        expect(coach.locator(".saved")).to_contain_text("Scores saved")
        coach.locator(f"li#v1-L{LINE}").scroll_into_view_if_needed()
        coach.screenshot(path=str(SCREENSHOTS / "coach-comment.png"))

        candidate.goto(f"{site}/problems")
        notice = candidate.locator(".coach-notice")
        expect(notice).to_contain_text("1 new comment from your coach")
        notice.get_by_role("link").click()
        shown = candidate.locator(f"li#L{LINE}")
        expect(shown.locator(".comment")).to_contain_text("Name the cache tier")
        expect(shown.locator(".comment .author")).to_have_text("sam@example.com")
        expect(candidate.locator("table.coach-scores")).to_contain_text("sam@example.com")
        shown.scroll_into_view_if_needed()
        candidate.screenshot(path=str(SCREENSHOTS / "candidate-sees-comment.png"))
        chromium.close()

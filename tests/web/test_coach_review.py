"""Coach review over real HTTP: share by invite link, comment on a line and a turn, score,
and the candidate sees it all in place; links are revocable and bound to one coach."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_server import (
    browser,
    finished_session,
    form_token,
    htmx_token,
    post_form,
    serving,
    sign_up,
)
from web_samples import WRONG_LINE

from tradeoff.web import create_app

QUESTION = "How many new links are created each month?"
LINK = re.compile(r'id="invite-link" class="invite" value="([^"]+)"')


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    with serving(create_app(f"sqlite:///{tmp_path / 'web.db'}", accounts_mode=True)) as base:
        yield base


@pytest.fixture
def solo(tmp_path: Path) -> Iterator[str]:
    with serving(create_app(f"sqlite:///{tmp_path / 'solo.db'}", accounts_mode=False)) as base:
        yield base


def share(client: httpx.Client, session_id: int, label: str = "") -> str:
    page = f"/sessions/{session_id}"
    response = post_form(client, page, f"{page}/shares", {"label": label})
    assert response.status_code == 201
    match = LINK.search(response.text)
    assert match
    return match.group(1)


def turn_seq(coach_page: str, text: str) -> int:
    """The event number of the transcript turn that says `text`, from the coach's page."""
    for seq, body in re.findall(
        r'<li id="t(\d+)" class="coach-turn [a-z]+">(.*?)</li>', coach_page, re.S
    ):
        if text in html.unescape(body):
            return int(seq)
    raise AssertionError(f"no turn saying {text!r}")


def scorecard_line(page: str, number: int) -> str:
    match = re.search(rf'<li id="L{number}"[^>]*>(.*?)</li>', page, re.S)
    assert match, f"no line {number}"
    return html.unescape(match.group(1))


def test_coach_round_trip_with_accounts(site: str) -> None:
    with browser(site) as ann, browser(site) as kim:
        sign_up(ann, "ann@example.com")
        session_id = finished_session(ann, (QUESTION,))
        unshared = finished_session(ann)
        link = share(ann, session_id, "Kim")
        path = httpx.URL(link).path
        assert link.startswith(site)
        # the coach follows the link, signs up through it, and lands on the review
        first = kim.get(path)
        assert first.status_code == 303 and first.headers["location"].startswith("/signin?next=")
        signup = f"/signup?next={path}"
        made = post_form(
            kim,
            signup,
            "/signup",
            {
                "email": "kim@example.com",
                "password": "coach pass 1",
                "password2": "coach pass 1",
                "next": path,
            },
        )
        assert made.headers["location"] == path
        page = kim.get(path)
        assert page.status_code == 200
        assert "Design versions (1)" in page.text and 'id="scorecard"' in page.text
        seq = turn_seq(page.text, QUESTION)
        token = form_token(kim, path)
        hx = {"X-CSRF-Token": token, "HX-Request": "true"}
        on_line = kim.post(
            f"{path}/comments",
            headers=hx,
            data={
                "version": "1",
                "line": str(WRONG_LINE),
                "body": "Redo this: 100M a month is about 39 writes/s.",
            },
        )
        assert on_line.status_code == 201
        assert f'id="c-v1-L{WRONG_LINE}"' in on_line.text and "about 39 writes/s" in on_line.text
        on_turn = kim.post(
            f"{path}/comments",
            headers=hx,
            data={"turn": str(seq), "body": "Good opening question."},
        )
        assert on_turn.status_code == 201
        bad = kim.post(
            f"{path}/comments", headers=hx, data={"version": "1", "line": "999", "body": "x"}
        )
        assert bad.status_code == 400 and "no line 999" in bad.text
        scored = kim.post(
            f"{path}/scores",
            headers={"X-CSRF-Token": token},
            data={"score_capacity": "1", "score_requirements": "3"},
        )
        assert scored.status_code == 303
        # the coach reaches nothing else of Ann's
        assert kim.get(f"/sessions/{session_id}").status_code == 404
        assert kim.get(f"/sessions/{unshared}").status_code == 404
        assert kim.get(f"/api/sessions/{unshared}/comments").status_code == 404
        assert kim.get("/api/sessions").json() == []
        assert f"/coach/{path.rsplit('/', 1)[1]}" in kim.get("/coach").text

        # the candidate: a notice on every page, then the comments in place
        home = ann.get("/problems").text
        assert "2 new comments from your coach" in home
        report = ann.get(f"/sessions/{session_id}").text
        # the page marks them read before its notice is read: no notice of what it shows
        assert "new comments from your coach" not in report
        assert "about 39 writes/s" in scorecard_line(report, WRONG_LINE)
        turn_lines = [
            n
            for n in range(1, 400)
            if f'id="L{n}"' in report and f"Candidate: {QUESTION}" in scorecard_line(report, n)
        ]
        assert turn_lines and "Good opening question." in scorecard_line(report, turn_lines[0])
        assert "new comment" not in ann.get("/problems").text  # read now
        comments = ann.get(f"/api/sessions/{session_id}/comments").json()
        assert comments["coaches"] == ["kim@example.com"]
        capacity = next(s for s in comments["scores"] if s["dimension"] == "capacity")
        assert capacity["coaches"] == [1]
        places = {(c["version"], c["line"], c["turn"]) for c in comments["comments"]}
        assert places == {(1, WRONG_LINE, None), (None, None, seq)}
        progress = ann.get("/progress").text
        assert (
            "Your coach&#39;s scores by week" in progress
            or "Your coach's scores by week" in progress
        )
        series = progress.split('class="grid coach-series"', 1)[1].split("</table>", 1)[0]
        assert re.search(r'<td class="num">1\.0<div', series)  # capacity, as Kim scored it

        # another account cannot take over an accepted invite
        with browser(site) as lee:
            sign_up(lee, "lee@example.com")
            assert lee.get(path).status_code == 403
        # revoked: the link stops working for the coach, pages and posts alike
        share_id = re.search(r"/shares/(\d+)/revoke", ann.get(f"/sessions/{session_id}").text)
        assert share_id
        revoked = post_form(
            ann,
            f"/sessions/{session_id}",
            f"/sessions/{session_id}/shares/{share_id.group(1)}/revoke",
            {},
        )
        assert revoked.status_code == 303
        assert kim.get(path).status_code == 404
        again = kim.post(f"{path}/comments", headers=hx, data={"turn": str(seq), "body": "still?"})
        assert again.status_code == 404
        assert "revoked" in ann.get(f"/sessions/{session_id}").text


def test_unfinished_sessions_cannot_be_shared(site: str) -> None:
    with browser(site) as ann:
        sign_up(ann, "ann@example.com")
        started = post_form(
            ann, "/problems/url-shortener", "/practice", {"problem": "url-shortener"}
        )
        session_id = started.headers["location"].rsplit("/", 1)[1]
        token = htmx_token(ann)
        response = ann.post(f"/sessions/{session_id}/shares", headers={"X-CSRF-Token": token})
        assert response.status_code == 409 and "end the session" in response.text


def test_single_user_link_grants_that_session_only(solo: str) -> None:
    with browser(solo) as me:
        session_id = finished_session(me, (QUESTION,))
        link = share(me, session_id, "Priya")
        path = httpx.URL(link).path
        with browser(solo) as coach:  # another browser: no cookies, only the link
            page = coach.get(path)
            assert page.status_code == 200
            posted = post_form(
                coach,
                path,
                f"{path}/comments",
                {"version": "1", "line": "3", "body": "Say who the users are."},
            )
            assert posted.status_code == 303
            assert posted.headers["location"] == f"{path}#v1-L3"
            assert coach.get(f"{path}nope").status_code == 404  # a guessed token
        report = me.get(f"/sessions/{session_id}").text
        assert "Priya" in scorecard_line(report, 3) and "Say who the users are." in report

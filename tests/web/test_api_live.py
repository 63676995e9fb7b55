"""The JSON API over HTTP to a real server: sessions and cards due, then schemathesis generating
requests from /api/openapi.json (no 5xx; status, content type and body as the schema says)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from live_server import serve
from schemathesis.checks import positive_data_acceptance
from web_samples import DESIGN

from tradeoff.catalog import default_catalog
from tradeoff.practice.user_decks import all_decks
from tradeoff.services import cards as flashcards
from tradeoff.services.practice import PracticeSessions
from tradeoff.store import Store
from tradeoff.web import create_app

NOW = "2025-03-01T09:00:00+00:00"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, int, str]]:
    """A server over a store with an ended session, an open one and one rated card.

    Yields the base URL, the ended and open session ids and the rated card's id."""
    home = tmp_path_factory.mktemp("api")
    db_url = f"sqlite:///{home / 'api.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(home / "data"))
        patch.setenv("XDG_CONFIG_HOME", str(home / "config"))
        patch.setenv("TRADEOFF_NOW", NOW)
        with Store.open(db_url) as store:
            sessions = PracticeSessions(store, default_catalog())
            ended = sessions.start("url-shortener")
            sessions.say(ended, "How many new links are created each month?")
            sessions.save_design(ended, DESIGN)
            sessions.end(ended)
            still_open = sessions.start("rate-limiter", minutes=30)
            card = flashcards.all_cards(all_decks())[0]
            yesterday = datetime.fromisoformat(NOW) - timedelta(days=3)
            flashcards.rate(store, card, "again", yesterday)
        with serve(create_app(db_url)) as base:
            yield base, ended, still_open, card.id


@pytest.fixture
def http(world: tuple[str, int, int, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=world[0], timeout=60) as client:
        yield client


def test_sessions_list_and_show(http: httpx.Client, world: tuple[str, int, int, str]) -> None:
    _, ended, still_open, _ = world
    listed = http.get("/api/sessions").json()
    assert [s["id"] for s in listed] == [still_open, ended]  # newest first
    assert listed[0]["ended_at"] is None and listed[0]["overall"] is None
    shown = http.get(f"/api/sessions/{ended}").json()
    assert shown["problem"] == "url-shortener" and shown["design_versions"] == 1
    said = [t["text"] for t in shown["transcript"] if t["speaker"] == "candidate"]
    assert said == ["How many new links are created each month?"]
    assert shown["review"]["overall"] == listed[1]["overall"]
    assert any(f["evidence"]["line"] == 8 for f in shown["review"]["findings"])  # 400 writes/s
    live = http.get(f"/api/sessions/{still_open}").json()
    assert live["review"] is None and live["minutes"] == 30
    assert http.get("/api/sessions", params={"limit": 1}).json()[0]["id"] == still_open
    missing = http.get("/api/sessions/999")
    assert missing.status_code == 404 and missing.json() == {"detail": "no practice session 999"}


def test_comments_of_a_running_session_are_a_documented_conflict(
    http: httpx.Client, world: tuple[str, int, int, str]
) -> None:
    # schemathesis drew the open session's comments: 409, which the schema did not list
    _, ended, still_open, _ = world
    early = http.get(f"/api/sessions/{still_open}/comments")
    assert early.status_code == 409
    assert early.json() == {"detail": f"session {still_open} has not ended yet"}
    listed = http.get("/api/openapi.json").json()["paths"]["/api/sessions/{session_id}/comments"]
    assert "409" in listed["get"]["responses"]
    assert http.get(f"/api/sessions/{ended}/comments").status_code == 200


def test_a_session_id_with_spaces_is_no_session_id(
    http: httpx.Client, world: tuple[str, int, int, str]
) -> None:
    # schemathesis sent /api/sessions/1%20/comments ("1 ", against the schema's integer) and
    # got the ended session's comments back, 200
    ended = world[1]
    for address in (f"/api/sessions/{ended}%20/comments", f"/api/sessions/%20{ended}"):
        assert http.get(address).status_code == 422, address
    assert http.get(f"/api/sessions/{ended}/comments").status_code == 200


def test_a_query_parameter_given_twice_is_refused(http: httpx.Client) -> None:
    # FastAPI keeps the last of repeated values; schemathesis sent
    # "?new_per_day=persona&...&new_per_day=0.0" and got the queue back, 200.
    twice = http.get("/api/cards/due", params=[("new_per_day", "3"), ("new_per_day", "x")])
    assert twice.status_code == 400
    assert twice.json() == {
        "detail": "query parameter 'new_per_day' is given more than once; give it once"
    }
    assert http.get("/api/cards/due", params={"new_per_day": 3}).status_code == 200


def test_cards_due_is_todays_queue(http: httpx.Client, world: tuple[str, int, int, str]) -> None:
    rated = world[3]
    due = http.get("/api/cards/due", params={"new_per_day": 3}).json()
    assert [c["id"] for c in due["reviews"]] == [rated]  # "again" three days ago: due again
    assert due["reviews"][0]["due"] is not None
    assert len(due["new"]) == 3 and all(c["due"] is None for c in due["new"])
    assert due["new_per_day"] == 3 and due["now"].startswith("2025-03-01T09:00:00")
    numbers = http.get("/api/cards/due", params={"deck": "numbers", "new_per_day": 0}).json()
    assert numbers["new"] == [] and numbers["reviews"] == []
    wrong = http.get("/api/cards/due", params={"deck": "numbrs"})
    assert wrong.status_code == 400 and "did you mean 'numbers'" in wrong.json()["detail"]


# Where a well-formed request can still be refused with a documented 400, because what makes
# it acceptable is not its shape: which decks and tags exist depends on the user's own deck
# files, and whether a text is a design (not binary-looking, not blank) is found by reading it.
JUDGED_BY_READING = {"/api/cards/due", "/api/reviews"}


def _fuzz(
    operation: Any,
    mode: schemathesis.GenerationMode,
    excluded: list[Any],
    csrf: tuple[str, dict[str, str]],
) -> None:
    """Requests hypothesis draws from one operation's schema (valid, or not), each checked;
    each carries the CSRF token and cookie a script gets from `GET /api/session`."""
    token, cookies = csrf

    @given(case=operation.as_strategy(mode))
    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        # The same draws on every run: CI gets one try, and a draw that once failed at
        # random (a running session's 409, a session id "1 ") is now a test of its own.
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(
            timeout=60, excluded_checks=excluded, headers={"X-CSRF-Token": token}, cookies=cookies
        )

    check()


def test_every_operation_answers_as_its_schema_says(world: tuple[str, int, int, str]) -> None:
    """No 5xx; every status, content type and body is one the schema documents; requests
    that break the schema are refused with a 4xx."""
    schema = schemathesis.openapi.from_url(f"{world[0]}/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 8
    hello = httpx.get(f"{world[0]}/api/session")
    csrf = (hello.json()["csrf_token"], dict(hello.cookies))
    for operation in operations:
        excluded = [positive_data_acceptance] if operation.path in JUDGED_BY_READING else []
        # An operation that takes nothing (GET /api/session) has no request that breaks it.
        takes = any(True for _ in operation.iter_parameters()) or operation.method == "post"
        for mode in schemathesis.GenerationMode:
            if takes or mode is schemathesis.GenerationMode.POSITIVE:
                _fuzz(operation, mode, excluded, csrf)

"""Flashcards, study plan, capacity drill and settings, over HTTP to a real uvicorn server."""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from csrf_client import armed
from live_server import serve
from sqlalchemy import event
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from tradeoff.catalog import default_catalog
from tradeoff.cli.main import app as cli
from tradeoff.estimate.drill import drill_steps, grade
from tradeoff.llm.config import config_path, key_path
from tradeoff.practice.scheduler import review
from tradeoff.practice.user_decks import all_decks
from tradeoff.store import Store
from tradeoff.store.models import CardReviewRow
from tradeoff.web import create_app

NOW = "2025-03-01T09:00:00+00:00"
HX = {"HX-Request": "true"}
PAGES = ["/cards", "/plan", "/drill", "/drill/url-shortener", "/settings"]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fresh data and config folders, a fixed review clock and no LLM from the environment."""
    for name in ("TRADEOFF_LLM_BASE_URL", "TRADEOFF_LLM_MODEL", "TRADEOFF_LLM_API_KEY_ENV"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("TRADEOFF_NOW", NOW)
    return tmp_path


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'study.db'}"


@pytest.fixture
def http(db_url: str) -> Iterator[httpx.Client]:
    with (
        serve(create_app(db_url)) as base,
        httpx.Client(base_url=base, timeout=60, follow_redirects=True) as client,
    ):
        yield armed(client)  # every form post carries the page's CSRF token


def _text(response: httpx.Response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text)))


def _first_card(http: httpx.Client) -> str:
    match = re.search(r'href="/cards/([0-9a-f]+)/answer"', http.get("/cards").text)
    assert match, "the flashcards page shows a card to reveal"
    return match.group(1)


def _card_rows(db_url: str, card_id: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    with Store.open(db_url) as store:
        state = store.card_states().get(card_id)
        logs = [r for r in store.card_reviews() if r["card_id"] == card_id]
    return state, logs


def test_each_page_renders_and_the_nav_links_them(http: httpx.Client) -> None:
    for path in PAGES:
        response = http.get(path)
        assert response.status_code == 200, path
        assert "text/html" in response.headers["content-type"]
    nav = http.get("/problems").text
    for path in ("/cards", "/plan", "/drill", "/settings"):
        assert f'<a href="{path}">' in nav


def test_a_rating_moves_the_due_date_and_writes_one_log_row(
    http: httpx.Client, db_url: str
) -> None:
    card_id = _first_card(http)
    card = next(c for d in all_decks().values() for c in d.cards if c.id == card_id)
    front = http.get("/cards").text
    assert html.escape(card.back, quote=False) not in front  # the back waits for the reveal
    revealed = http.get(f"/cards/{card_id}/answer", headers=HX)
    assert html.escape(card.back, quote=False) in revealed.text
    assert 'value="good"' in revealed.text and 'value="again"' in revealed.text
    assert _card_rows(db_url, card_id) == (None, [])

    rated = http.post(f"/cards/{card_id}/review", data={"rating": "good"}, headers=HX)
    assert rated.status_code == 200
    assert "Good: that card comes back in" in _text(rated)
    assert f"/cards/{card_id}/answer" not in rated.text  # the next card, not the same one
    expected = review(None, card_id, "good", datetime.fromisoformat(NOW))
    state, logs = _card_rows(db_url, card_id)
    assert state is not None and state["due"] == expected.due
    assert [(r["rating"], r["reviewed_at"].isoformat()) for r in logs] == [("good", NOW)]

    # The same form sent again: refused with a 409 page, nothing more written.
    again = http.post(f"/cards/{card_id}/review", data={"rating": "easy"})
    assert again.status_code == 409
    assert "not due until" in _text(again)
    assert _card_rows(db_url, card_id) == (state, logs)


def test_a_rating_that_fails_before_commit_leaves_neither_state_nor_log(
    http: httpx.Client, db_url: str
) -> None:
    card_id = _first_card(http)

    def cut(session: Session, _context: Any) -> None:
        """Both rows are written in the transaction by now; fail before it commits."""
        if any(isinstance(row, CardReviewRow) for row in session.new):
            raise RuntimeError("the process dies between the writes and the commit")

    event.listen(Session, "after_flush", cut)
    try:
        # The server drops a connection whose request raised; do not pool it for the next one.
        closing = {**HX, "Connection": "close"}
        failed = http.post(f"/cards/{card_id}/review", data={"rating": "good"}, headers=closing)
    finally:
        event.remove(Session, "after_flush", cut)
    assert failed.status_code == 500
    assert _card_rows(db_url, card_id) == (None, [])
    # With nothing half-written, the same rating then goes through whole.
    assert http.post(f"/cards/{card_id}/review", data={"rating": "good"}).status_code == 200
    state, logs = _card_rows(db_url, card_id)
    assert state is not None and len(logs) == 1


def test_new_cards_stop_at_the_daily_limit(http: httpx.Client) -> None:
    assert http.post("/settings/cards", data={"new_per_day": "2"}).status_code == 200
    for _ in range(2):
        card_id = _first_card(http)
        assert http.post(f"/cards/{card_id}/review", data={"rating": "easy"}).status_code == 200
    page = _text(http.get("/cards"))
    assert "Nothing is due" in page and "2 new a day, 2 started today" in page
    # A third new card, asked for directly, is refused: the limit holds outside the queue too.
    other = next(c.id for d in all_decks().values() for c in d.cards[5:6])
    refused = http.post(f"/cards/{other}/review", data={"rating": "good"})
    assert refused.status_code == 409 and "2 new cards are done" in _text(refused)


def test_the_plan_page_shows_what_tradeoff_plan_prints(
    http: httpx.Client, db_url: str, home: Path
) -> None:
    page = _text(http.get("/plan", params={"days": 5, "minutes": 60}))
    done = CliRunner().invoke(
        cli, ["plan", "--days", "5", "--minutes-per-day", "60", "--db", db_url],
        env={"COLUMNS": "400"},
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    items = re.findall(r"^  - (.+) \((\d+) min\): (.+)$", done.stdout, re.M)
    assert len(items) >= 5
    for what, minutes, why in items:
        assert f"{what}" in page and f"({minutes} min)" in page
        assert f"Why: {why}" in page
    days = re.findall(r"^(\d{4}-\d\d-\d\d) \(", done.stdout, re.M)
    assert days[0] == NOW[:10] and all(day in page for day in days)


def test_the_drill_grades_as_the_cli_does_and_saves_the_drill(
    http: httpx.Client, db_url: str
) -> None:
    steps = drill_steps(default_catalog().get("url-shortener"))
    answers = ["40/s", "4000", "", "6 billion", "300 TB", "3.5T", "30 GB"][: len(steps)]
    first = http.get("/drill/url-shortener")
    started = re.search(r'name="started" value="([^"]+)"', first.text)
    assert started
    for count in range(1, len(steps)):
        partial = http.post(
            "/drill/url-shortener",
            data={"answer": answers[:count], "started": started.group(1)},
            headers=HX,
        )
        grades = re.findall(r'class="grade (\w+)"', partial.text)
        assert grades == [grade(s, a).grade for s, a in zip(steps, answers[:count], strict=False)]
        assert f"{count + 1}/{len(steps)}" in partial.text
    with Store.open(db_url) as store:
        assert store.list_drills() == []  # nothing saved until the drill is over
    final = http.post("/drill/url-shortener", data={"answer": answers, "started": started.group(1)})
    expected = [grade(s, a).grade for s, a in zip(steps, answers, strict=True)]
    assert re.findall(r'class="grade (\w+)"', final.text) == expected
    assert {"fine", "wrong", "skipped"} <= set(expected)  # the answers above test each grade
    with Store.open(db_url) as store:
        (saved,) = store.list_drills()
    assert saved["problem_id"] == "url-shortener"
    assert [a["grade"] for a in saved["result"]["answers"]] == expected
    assert f"Saved as drill {saved['id']}" in _text(final)


def test_the_api_key_is_never_sent_back(http: httpx.Client, db_url: str) -> None:
    key = f"sk-test-{secrets.token_hex(16)}"
    assert 'id="key-state">not set<' in http.get("/settings").text
    saved = http.post(
        "/settings/llm",
        data={"base_url": "http://127.0.0.1:9/v1", "model": "tiny", "api_key": key},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    bodies = [saved.text, str(saved.headers)]
    settings = http.get(saved.headers["location"])
    assert 'id="key-state">set<' in settings.text and "The LLM settings are saved" in settings.text
    assert 'name="api_key" value=""' in settings.text
    # Saving the model again without a key keeps the key (and still never shows it).
    again = http.post("/settings/llm", data={"base_url": "http://127.0.0.1:9/v1", "model": "other"})
    assert 'id="key-state">set<' in again.text
    bodies += [settings.text, again.text]
    for path in [*PAGES, "/problems", "/progress", "/review", "/simulate", "/api/openapi.json",
                 "/api/sessions", "/api/cards/due", "/api/problems"]:  # fmt: skip
        response = http.get(path)
        assert response.status_code == 200, path
        bodies.append(response.text)
    assert all(key not in body and key[-12:] not in body for body in bodies)
    # It is kept, in its own owner-only file, and not in the shared config file.
    assert key_path().read_text().strip() == key
    assert key_path().stat().st_mode & 0o777 == 0o600
    assert key not in config_path().read_text()
    forgot = http.post(
        "/settings/llm",
        data={"base_url": "http://127.0.0.1:9/v1", "model": "other", "forget_key": "1"},
    )
    assert 'id="key-state">not set<' in forgot.text and not key_path().exists()


@pytest.mark.parametrize(
    ("method", "path", "data", "status", "says"),
    [
        ("GET", "/plan?days=0", None, 400, "days must be 1 to 90"),
        ("GET", "/plan?minutes=lots", None, 422, "minutes"),
        ("GET", "/cards?deck=numbrs", None, 400, "did you mean 'numbers'"),
        ("GET", "/cards?topic=nosuchtopic", None, 400, "no cards tagged"),
        ("GET", "/cards/0123abcd/answer", None, 404, "no flashcard"),
        ("POST", "/cards/0123abcd/review", {"rating": "good"}, 404, "no flashcard"),
        ("GET", "/drill/url-shortner", None, 404, "url-shortener"),
        ("GET", "/drill/parking-lot", None, 400, "no capacity derivation"),
        ("POST", "/drill/url-shortener", {"answer": ["1"] * 12}, 400, "start the drill again"),
        ("POST", "/drill/url-shortener", {"answer": "9" * 500}, 400, "at most 200 characters"),
        ("POST", "/drill/url-shortener", {"started": "teatime"}, 400, "is not a time"),
        ("POST", "/settings/llm", {"base_url": "ftp://x", "model": "m"}, 400, "not an http(s)"),
        ("POST", "/settings/llm", {"base_url": "http://h/v1"}, 400, "give both"),
        (
            "POST",
            "/settings/llm",
            {"base_url": "http://h", "model": "m", "timeout": "soon"},
            400,
            "not a number",
        ),
        (
            "POST",
            "/settings/llm",
            {"base_url": "http://h", "model": "m", "api_key": "a\nb"},
            400,
            "line breaks",
        ),
        ("POST", "/settings/cards", {"new_per_day": "lots"}, 400, "whole number"),
        ("POST", "/settings/cards", {"new_per_day": "5000"}, 400, "0 to 1000"),
    ],
)
def test_bad_input_gets_a_4xx_page_not_a_traceback(
    http: httpx.Client,
    method: str,
    path: str,
    data: dict[str, Any] | None,
    status: int,
    says: str,
) -> None:
    response = http.request(method, path, data=data)
    assert response.status_code == status
    assert "text/html" in response.headers["content-type"]
    assert '<section class="error">' in response.text and "Traceback" not in response.text
    assert says in _text(response)


def test_a_bad_rating_is_a_400_page(http: httpx.Client) -> None:
    card_id = _first_card(http)
    response = http.post(f"/cards/{card_id}/review", data={"rating": "great"})
    assert response.status_code == 400
    assert "no rating 'great'" in _text(response)

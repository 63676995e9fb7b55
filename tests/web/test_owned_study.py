"""Flashcards, drills and settings per account: two users on one real server (uvicorn on
127.0.0.1, accounts mode, SQLite and PostgreSQL), the machine's own rows beside them, and
the CLI on the same database."""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from csrf_client import armed
from live_server import browser, serving, sign_up
from typer.testing import CliRunner

from tradeoff.cli.main import app as cli
from tradeoff.llm.config import config_path, key_path
from tradeoff.practice.decks import Card
from tradeoff.practice.scheduler import DEFAULT_NEW_PER_DAY
from tradeoff.practice.user_decks import all_decks
from tradeoff.services import cards as flashcards
from tradeoff.store import Store
from tradeoff.web import create_app

NOW = datetime.fromisoformat("2025-03-01T09:00:00+00:00")
LONG_AGO = NOW - timedelta(days=30)  # a card rated "again" then is overdue now
HX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fresh data and config folders and a fixed review clock, for the server (a thread of
    this process) and the CLI alike."""
    for name in ("TRADEOFF_LLM_BASE_URL", "TRADEOFF_LLM_MODEL", "TRADEOFF_LLM_API_KEY_ENV"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("TRADEOFF_NOW", NOW.isoformat())
    return tmp_path


@pytest.fixture
def site(database_url: str) -> Iterator[str]:
    with serving(create_app(database_url, accounts_mode=True)) as base:
        yield base


@pytest.fixture
def users(site: str) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """Ann and Bob, each signed in in a browser of their own."""
    with browser(site) as ann, browser(site) as bob:
        sign_up(ann, "ann@example.com")
        sign_up(bob, "bob@example.com")
        for client in (ann, bob):
            client.follow_redirects = True  # a saved form comes back as its page
        yield armed(ann), armed(bob)


def user_id(store: Store, email: str) -> int:
    found = store.accounts.user_by_email(email)
    assert found is not None
    return found.id


def packaged_cards() -> list[Card]:
    return list(flashcards.all_cards(all_decks()))


def overdue(store: Store, card: Card, owner_id: int | None) -> None:
    """Rate `card` "again" a month ago for `owner_id`, through the service: due now."""
    flashcards.rate(store, card, "again", LONG_AGO, owner_id)


def due(client: httpx.Client, query: str = "") -> dict[str, Any]:
    response = client.get(f"/api/cards/due{query}")
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def ids(cards: list[dict[str, Any]]) -> list[str]:
    return [card["id"] for card in cards]


def rows_of(store: Store, owner_id: int | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    return store.card_states(owner_id), store.card_reviews(owner_id=owner_id)


def test_ratings_and_due_cards_are_each_accounts_own(
    users: tuple[httpx.Client, httpx.Client], database_url: str
) -> None:
    ann, bob = users
    first, second, third, local_card = packaged_cards()[:4]
    with Store.open(database_url) as store:
        ann_id, bob_id = user_id(store, "ann@example.com"), user_id(store, "bob@example.com")
        overdue(store, first, bob_id)
        overdue(store, local_card, None)  # the machine's own user (single-user mode, CLI)
        bob_before, local_before = rows_of(store, bob_id), rows_of(store, None)

    bob_due = due(bob)
    assert ids(bob_due["reviews"]) == [first.id]
    # Ann sees none of Bob's (or the machine's) due cards: the same card is new to her.
    ann_due = due(ann)
    assert ann_due["reviews"] == [] and ann_due["new_seen_today"] == 0
    assert first.id in ids(ann_due["new"]) and local_card.id not in ids(ann_due["reviews"])
    assert ann_due["unseen"] == bob_due["unseen"] + 1

    # Ann rates the card Bob has due, and two more, through the page's htmx posts.
    for card in (first, second, third):
        rated = ann.post(f"/cards/{card.id}/review", data={"rating": "good"}, headers=HX)
        assert rated.status_code == 200 and "Good: that card comes back in" in rated.text
    after = due(ann)
    assert after["new_seen_today"] == 3 and after["unseen"] == ann_due["unseen"] - 3

    # Bob's schedule and log, and the machine's, are exactly as they were.
    with Store.open(database_url) as store:
        assert rows_of(store, bob_id) == bob_before
        assert rows_of(store, None) == local_before
        ann_states, ann_reviews = rows_of(store, ann_id)
    assert set(ann_states) == {first.id, second.id, third.id}
    assert [r["rating"] for r in ann_reviews] == ["good"] * 3
    bob_after = due(bob)
    assert ids(bob_after["reviews"]) == [first.id] and bob_after["new_seen_today"] == 0
    assert bob_after["reviews"] == bob_due["reviews"]
    # Bob's flashcards page puts his overdue card first; Ann's does not offer it again.
    assert re.search(rf'href="/cards/{first.id}/answer', bob.get("/cards").text)
    assert f"/cards/{first.id}/answer" not in ann.get("/cards").text
    # Ann cannot rate Bob's due card a second time on the strength of his schedule.
    again = ann.post(f"/cards/{first.id}/review", data={"rating": "good"}, headers=HX)
    assert "Not rated: that card is not due" in again.text


def test_settings_are_each_accounts_own_and_the_key_never_comes_back(
    users: tuple[httpx.Client, httpx.Client], database_url: str
) -> None:
    ann, bob = users
    key = f"sk-test-{secrets.token_hex(16)}"
    saved = ann.post(
        "/settings/llm",
        data={"base_url": "http://127.0.0.1:9/v1", "model": "ann-model", "api_key": key},
    )
    assert saved.status_code == 200 and 'id="key-state">set<' in saved.text
    assert ann.post("/settings/cards", data={"new_per_day": "2"}).status_code == 200

    bob_page = bob.get("/settings").text
    assert 'id="key-state">not set<' in bob_page and "ann-model" not in bob_page
    assert f'name="new_per_day" value="{DEFAULT_NEW_PER_DAY}"' in bob_page
    assert due(bob)["new_per_day"] == DEFAULT_NEW_PER_DAY
    ann_due = due(ann)
    assert ann_due["new_per_day"] == 2 and len(ann_due["new"]) == 2
    assert 'value="ann-model"' in ann.get("/settings").text

    bodies = [saved.text, bob_page]
    for client in (ann, bob):
        for path in ("/settings", "/cards", "/plan", "/api/cards/due", "/api/session"):
            response = client.get(path)
            assert response.status_code == 200, path
            bodies.append(response.text)
    assert all(key not in body and key[-12:] not in body for body in bodies)
    # The account's row holds it; the server's own config and key files are untouched.
    with Store.open(database_url) as store:
        ann_settings = store.accounts.settings(user_id(store, "ann@example.com"))
        bob_settings = store.accounts.settings(user_id(store, "bob@example.com"))
    assert ann_settings.api_key == key and ann_settings.new_per_day == 2
    assert bob_settings.api_key is None and bob_settings.model is None
    assert not config_path().exists() and not key_path().exists()

    forgot = ann.post(
        "/settings/llm",
        data={"base_url": "http://127.0.0.1:9/v1", "model": "ann-model", "forget_key": "1"},
    )
    assert 'id="key-state">not set<' in forgot.text


def test_a_drill_and_the_plan_are_the_accounts_own(
    users: tuple[httpx.Client, httpx.Client], database_url: str
) -> None:
    ann, bob = users
    ended = ann.post("/drill/url-shortener", data={"answer": "40 per second", "end": "1"})
    assert ended.status_code == 200 and "Saved as drill" in ended.text
    with Store.open(database_url) as store:
        ann_id, bob_id = user_id(store, "ann@example.com"), user_id(store, "bob@example.com")
        assert [d["problem_id"] for d in store.list_drills(owner_id=ann_id)] == ["url-shortener"]
        assert store.list_drills(owner_id=bob_id) == []
        overdue(store, packaged_cards()[0], bob_id)
    # Bob's overdue card is on his plan's first day, not on Ann's.
    assert _cards_today(bob.get("/plan").text) == _cards_today(ann.get("/plan").text) + 1


def _cards_today(page: str) -> int:
    """The number of flashcards the plan's first day asks for ("Review N flashcards")."""
    match = re.search(r"Review (\d+) flashcards", page)
    assert match, "the plan lists the day's flashcards"
    return int(match.group(1))


def run_cli(args: list[str], home: Path, stdin: str = "") -> str:
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("TRADEOFF_")}
    env |= {
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "TRADEOFF_NOW": NOW.isoformat(),
    }
    done = CliRunner().invoke(cli, args, input=stdin, env=env)
    assert done.exit_code == 0, (done.stdout, done.stderr)
    return done.stdout


def test_the_cli_on_the_same_database_reviews_the_machines_cards_only(
    users: tuple[httpx.Client, httpx.Client], database_url: str, home: Path
) -> None:
    ann, _ = users
    first, second = packaged_cards()[:2]
    rated = ann.post(f"/cards/{first.id}/review", data={"rating": "easy"}, headers=HX)
    assert rated.status_code == 200
    with Store.open(database_url) as store:
        ann_id = user_id(store, "ann@example.com")
        overdue(store, second, None)
        ann_before = rows_of(store, ann_id)

    stats = json.loads(run_cli(["cards", "stats", "--format", "json", "--db", database_url], home))
    assert stats["total"]["reviewed"] == 1 and stats["total"]["due"] == 1
    # Rate the machine's due card "good" (Enter shows the answer, 3 is good).
    out = run_cli(["cards", "review", "-n", "1", "--db", database_url], home, "\n3\n")
    assert "Reviewed 1" in out
    with Store.open(database_url) as store:
        local_states, local_reviews = rows_of(store, None)
        assert rows_of(store, ann_id) == ann_before
    assert set(local_states) == {second.id}
    assert [r["rating"] for r in local_reviews] == ["again", "good"]
    assert due(ann)["reviews"] == []  # still nothing of the machine's on Ann's page

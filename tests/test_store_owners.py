"""Migration 0005 on SQLite and PostgreSQL: a v0004 database's flashcards become the
machine's own user's, accounts get schedules of their own beside them, and the CLI goes on
reviewing the same database."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, column, create_engine, func, select, table
from sqlalchemy.pool import NullPool
from typer.testing import CliRunner

from tradeoff.cli.main import app as cli_app
from tradeoff.practice.scheduler import review
from tradeoff.practice.user_decks import all_decks
from tradeoff.services import cards as flashcards
from tradeoff.store import Store
from tradeoff.store.columns import JSONText, UTCDateTime
from tradeoff.store.migrate import alembic_config, head_revision

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
RATED = NOW - timedelta(days=30)  # "again" then: due again long before NOW

STATES = table(
    "card_states",
    column("card_id"),
    column("deck"),
    column("state", JSONText),
    column("due", UTCDateTime),
)
REVIEWS = table(
    "card_reviews",
    column("uid"),
    column("card_id"),
    column("rating"),
    column("reviewed_at", UTCDateTime),
    column("log", JSONText),
)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    plain = create_engine(database_url, poolclass=NullPool)
    yield plain
    plain.dispose()


@pytest.fixture
def v0004(database_url: str, engine: Engine) -> list[str]:
    """A database at revision 0004 holding two rated cards (a state and a review each), as
    written by a tradeoff before flashcards had owners; returns the cards' ids."""
    command.upgrade(alembic_config(database_url), "0004")
    cards = list(flashcards.all_cards(all_decks()))[:2]
    with engine.begin() as connection:
        for card in cards:
            rated = review(None, card.id, "again", RATED)
            connection.execute(
                STATES.insert().values(
                    card_id=card.id, deck=card.deck, state=rated.state, due=rated.due
                )
            )
            connection.execute(
                REVIEWS.insert().values(
                    uid=f"old-{card.id}",
                    card_id=card.id,
                    rating="again",
                    reviewed_at=RATED,
                    log=rated.log,
                )
            )
    return [card.id for card in cards]


def count(engine: Engine, name: str) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(table(name))) or 0)


def test_older_card_states_become_the_local_users_and_accounts_get_their_own(
    v0004: list[str], database_url: str, engine: Engine
) -> None:
    first, second = v0004
    with Store.open(database_url) as store:  # upgrades to head
        local = store.card_states()
        assert set(local) == {first, second}
        assert [r["uid"] for r in store.card_reviews()] == [f"old-{first}", f"old-{second}"]
        cards = list(flashcards.all_cards(all_decks()))
        queue = flashcards.todays_queue(store, cards, NOW, 20)
        assert {c.id for c in queue.reviews} == {first, second}

        user = store.accounts.create_user("ann@example.com", "hash", NOW)
        assert user is not None
        assert store.card_states(user.id) == {} and store.card_reviews(owner_id=user.id) == []
        # The same card for Ann: a row of her own, the local one untouched.
        mine = flashcards.rate(store, cards[0], "good", NOW, user.id)
        assert store.card_states(user.id)[first]["due"] == mine.due
        assert store.card_states() == local
        # Rating again replaces each owner's row in place (the partial unique indexes).
        flashcards.rate(store, cards[0], "easy", NOW + timedelta(days=30), user.id)
        flashcards.rate(store, cards[0], "good", NOW, None)
        assert len(store.card_states(user.id)) == 1 and len(store.card_states()) == 2
    assert count(engine, "card_states") == 3 and count(engine, "card_reviews") == 5

    command.downgrade(alembic_config(database_url), "0004")  # Ann's rows cannot go back
    assert count(engine, "card_states") == 2 and count(engine, "card_reviews") == 3
    command.upgrade(alembic_config(database_url), "head")
    with Store.open(database_url) as store:
        assert set(store.card_states()) == {first, second}


def run_cli(args: list[str], home: Path, stdin: str = "") -> str:
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("TRADEOFF_")}
    env |= {
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "TRADEOFF_NOW": NOW.isoformat(),
    }
    done = CliRunner().invoke(cli_app, args, input=stdin, env=env)
    assert done.exit_code == 0, (done.stdout, done.stderr)
    return done.stdout


def test_the_cli_reviews_a_migrated_database(
    v0004: list[str], database_url: str, tmp_path: Path
) -> None:
    stats: dict[str, Any] = json.loads(
        run_cli(["cards", "stats", "--format", "json", "--db", database_url], tmp_path)
    )
    assert stats["total"]["reviewed"] == 2 and stats["total"]["due"] == 2
    out = run_cli(["cards", "review", "-n", "2", "--db", database_url], tmp_path, "\n3\n\n4\n")
    assert "Reviewed 2" in out
    with Store.open(database_url) as store:
        assert [r["rating"] for r in store.card_reviews()] == ["again", "again", "good", "easy"]
        assert set(store.card_states()) == set(v0004)
    assert head_revision() == "0005"

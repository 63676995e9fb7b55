"""Flashcards: deck parsing, FSRS scheduling, the store's card tables and `tradeoff cards`."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from typer.testing import CliRunner, Result

from tradeoff.cli.main import app
from tradeoff.estimate.reference import reference_table
from tradeoff.practice.decks import (
    NUMBERS,
    DeckError,
    builtin_decks,
    card_id,
    load_decks,
    numbers_deck,
    parse_deck,
)
from tradeoff.practice.scheduler import (
    DayLoad,
    Reviewed,
    count_due,
    due_cards,
    forecast,
    new_seen_on,
    new_state,
    parse_now,
    parse_rating,
    review,
    review_queue,
)
from tradeoff.practice.user_decks import all_decks, import_deck
from tradeoff.services import cards as cards_service
from tradeoff.store import Store
from tradeoff.store.migrate import alembic_config

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

DECK = """---
deck: fixture
title: Fixture deck
---

Q: What does consistent hashing change when a node joins
a cluster of N nodes?
A: Only the keys on the arc the new node takes over move,
about 1/(N+1) of them.
Tags: sharding, consistent-hashing

Q: What is a quorum of 5 replicas?
A: 3, a majority.
Tags: quorum, replication

Q: Why put a cache in front of a database?
A: To serve hot reads from memory and shed load from the database.
Tags: caching

Q: What does a write-ahead log buy?
A: Durability: a change is on disk in the log before it is applied.
Tags: storage, durability
"""


def deck_file(folder: Path, text: str = DECK, name: str = "fixture.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def at(days: float, hours: float = 0) -> str:
    return (T0 + timedelta(days=days, hours=hours)).isoformat()


# --- decks ------------------------------------------------------------------------------


def test_a_deck_parses() -> None:
    deck = parse_deck(DECK, "fixture.md")
    assert (deck.id, deck.title, len(deck.cards)) == ("fixture", "Fixture deck", 4)
    first = deck.cards[0]
    assert first.front == (
        "What does consistent hashing change when a node joins a cluster of N nodes?"
    )
    assert (
        first.back
        == "Only the keys on the arc the new node takes over move, about 1/(N+1) of them."
    )
    assert first.tags == ("sharding", "consistent-hashing")
    assert [card.line for card in deck.cards] == [6, 12, 16, 20]
    assert all(card.deck == "fixture" for card in deck.cards)
    assert deck.tags >= {"quorum", "caching", "storage"}
    # Ids hash deck and front only: stable across parses, unchanged by a new back or wrapping.
    again = parse_deck(DECK.replace("3, a majority.", "Three."), "fixture.md")
    assert [c.id for c in again.cards] == [c.id for c in deck.cards]
    assert first.id == card_id(
        "fixture", "What does consistent hashing change when a node joins a cluster of N nodes?"
    )
    assert len({c.id for c in deck.cards}) == 4 and all(len(c.id) == 12 for c in deck.cards)
    assert card_id("other", first.front) != first.id


def test_tags_are_optional_before_a_blank_line() -> None:
    text = "---\ndeck: d\ntitle: T\n---\nQ: one?\nA: 1.\n\nQ: two?\nA: 2.\nTags: x\n"
    deck = parse_deck(text, "d.md")
    assert [(c.front, c.tags) for c in deck.cards] == [("one?", ()), ("two?", ("x",))]


HEAD = "---\ndeck: d\ntitle: T\n---\n\n"  # the body starts on line 6


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        pytest.param("Q: one?\nTags: x\n", 6, "needs an 'A:' line after 'Q:'", id="tags-no-answer"),
        pytest.param(
            "Q: one?\nA: 1.\n\nQ: two?\nmore question\n\nQ: three?\nA: 3.\n",
            9,
            "needs an 'A:' line after 'Q:'",
            id="q-then-q",
        ),
        pytest.param("Q: one?\nA: 1.\n\nQ: two?\n", 9, "needs an 'A:'", id="missing-at-end"),
        pytest.param("Q: one?\nA: 1.\nA: 2.\n", 8, "a second 'A:'", id="two-answers"),
        pytest.param("Q: one?\nA: 1.\nTags: Big Tag\n", 8, "not a lower-case slug", id="bad-tag"),
        pytest.param("Q: one?\nA: 1.\nTags: x\nstray\n", 9, "belongs to no card", id="stray"),
        pytest.param("Q: one?\nA: 1.\nQ: two?\nA: 2.\n", 8, "blank line before", id="no-blank"),
        pytest.param("just text\n", 6, "expected a card", id="no-q"),
        pytest.param("Q:\nA: 1.\n", 6, "question after 'Q:' is empty", id="empty-front"),
        pytest.param("Q: one?\nA:\n", 6, "answer after 'A:' is empty", id="empty-back"),
        pytest.param("\n", 5, "has no cards", id="no-cards"),
    ],
)
def test_a_malformed_card_names_its_line(body: str, line: int, words: str) -> None:
    with pytest.raises(DeckError) as caught:
        parse_deck(HEAD + body, "mydeck.md")
    message = str(caught.value)
    assert message.startswith(f"mydeck.md line {line}: "), message
    assert words in message and "\n" not in message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        pytest.param("Q: one?\nA: 1.\n", 1, "starts with front matter", id="no-front-matter"),
        pytest.param("---\ndeck: d\ntitle: T\nQ: x\n", 1, "not closed", id="unclosed"),
        pytest.param("---\ndeck: My Deck\ntitle: T\n---\n", 2, "lower-case slug", id="bad-id"),
        pytest.param("---\ndeck: d\n---\nQ: a\nA: b\n", 2, "title", id="no-title"),
        pytest.param("---\ndeck: d\ntitle: T\nauthor: me\n---\n", 2, "'author'", id="extra-key"),
        pytest.param("---\ndeck: d\ntitle: [x\n---\n", 3, "not valid YAML", id="bad-yaml"),
    ],
)
def test_malformed_front_matter_names_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DeckError, match=rf"^mydeck\.md line {line}: .*{words}"):
        parse_deck(text, "mydeck.md")


def test_duplicate_fronts_are_an_error() -> None:
    body = "Q: What is a quorum?\nA: A majority.\n\nQ: what is  a quorum?\nA: Most nodes.\n"
    with pytest.raises(DeckError) as caught:
        parse_deck(HEAD + body, "mydeck.md")
    message = str(caught.value)
    assert message.startswith("mydeck.md line 9: the same question is on line 6")
    assert "unique" in message


def test_load_decks_reads_a_folder_and_refuses_two_files_with_one_id(tmp_path: Path) -> None:
    assert load_decks(tmp_path / "missing") == {}
    deck_file(tmp_path, name="a.md")
    decks = load_decks(tmp_path)
    assert list(decks) == ["fixture"] and decks["fixture"].path == tmp_path / "a.md"
    deck_file(tmp_path, name="b.md")
    with pytest.raises(
        DeckError, match=r"^b\.md line 2: deck id 'fixture' is already used by a.md"
    ):
        load_decks(tmp_path)


def test_the_numbers_deck_has_one_card_per_reference_entry() -> None:
    table = reference_table()
    deck = numbers_deck()
    assert deck.id == NUMBERS and len(deck.cards) == len(table.numbers)
    assert len({card.id for card in deck.cards}) == len(deck.cards)
    for card, number in zip(deck.cards, table.numbers, strict=True):
        assert card.front == f"What is a typical {number.name} (as of {table.as_of})?"
        assert card.back.startswith(f"{number.shown()}; typical range {number.range}. Source: ")
        assert card.back.endswith(".") and not card.back.endswith("..")
        assert card.tags == (number.topic, "numbers")


def test_the_packaged_decks_load() -> None:
    decks = builtin_decks()
    assert NUMBERS in decks
    for deck in decks.values():
        assert deck.cards, deck.id
        assert all(card.deck == deck.id for card in deck.cards)


def test_a_packaged_deck_named_numbers_is_refused(tmp_path: Path) -> None:
    deck_file(tmp_path, DECK.replace("deck: fixture", "deck: numbers"))
    with pytest.raises(DeckError, match="reserved for the reference numbers"):
        builtin_decks(tmp_path)


def test_import_copies_a_valid_deck_and_refuses_clashes(tmp_path: Path) -> None:
    packaged, user = tmp_path / "packaged", tmp_path / "user"
    deck_file(packaged, DECK.replace("deck: fixture", "deck: concepts"), "concepts.md")
    source = deck_file(tmp_path / "src", DECK, "mine.md")
    deck, replaced = import_deck(source, packaged, user)
    assert (deck.id, replaced) == ("fixture", False)
    assert (user / "fixture.md").read_text(encoding="utf-8") == DECK
    assert import_deck(source, packaged, user)[1] is True
    assert set(all_decks(packaged, user)) == {"concepts", NUMBERS, "fixture"}
    assert [p.name for p in user.iterdir()] == ["fixture.md"]  # no temporary file left

    clash = deck_file(tmp_path / "src", DECK.replace("deck: fixture", "deck: concepts"), "c.md")
    with pytest.raises(DeckError, match=r"^c\.md line 2: deck id 'concepts' is a built-in deck"):
        import_deck(clash, packaged, user)
    assert not (user / "concepts.md").exists()


# --- scheduling -------------------------------------------------------------------------


def test_intervals_grow_with_good_and_reset_after_again() -> None:
    state: dict[str, Any] | None = None
    now = T0
    intervals = []
    for _ in range(6):
        result = review(state, "abc123abc123", "good", now)
        intervals.append(result.due - now)
        state, now = result.state, result.due
    assert all(later > earlier for earlier, later in itertools.pairwise(intervals))
    assert intervals[0] >= timedelta(days=1) and intervals[-1] > timedelta(days=30)

    lapsed = review(state, "abc123abc123", "again", now)
    assert lapsed.due - now == timedelta(days=1) < intervals[-1]
    relearned = review(lapsed.state, "abc123abc123", "good", lapsed.due)
    assert relearned.due - lapsed.due < intervals[-1]
    assert lapsed.log["rating"] == 1 and lapsed.log["card_id"] == int("abc123abc123", 16)
    json.dumps(lapsed.state)  # plain JSON for the store


def test_ratings_order_the_first_interval() -> None:
    dues = [review(None, "0a", rating, T0).due for rating in ("again", "hard", "good", "easy")]
    assert dues == sorted(dues) and dues[0] < dues[-1]
    assert review(None, "0a", "good", T0) == review(None, "0a", "good", T0)  # no fuzz


def test_ratings_and_now_parse() -> None:
    assert [parse_rating(x) for x in ("1", "2", " 3 ", "4", "AGAIN", "easy")] == [
        "again",
        "hard",
        "good",
        "easy",
        "again",
        "easy",
    ]
    assert parse_rating("5") is None and parse_rating("") is None and parse_rating("g") is None
    assert parse_now("2025-03-01T10:00:00+01:00") == T0
    assert parse_now("2025-03-01T09:00:00") == T0  # no zone: UTC
    assert parse_now(None).tzinfo is not None
    with pytest.raises(ValueError, match="naive"):
        review(None, "0a", "good", datetime(2025, 1, 1))
    assert new_state("0a", T0)["due"] == T0.isoformat()


def test_due_cards_puts_overdue_first_then_new_in_deck_order() -> None:
    cards = list(parse_deck(DECK, "fixture.md").cards)
    a, b, c, d = cards
    due_at = {b.id: T0 + timedelta(days=1), c.id: T0 - timedelta(days=2), d.id: T0 - timedelta(1)}
    assert due_cards(cards, due_at, T0) == [c, d, a]
    assert count_due(cards, due_at, T0) == 3
    assert due_cards(cards, due_at, T0 + timedelta(days=1)) == [c, d, b, a]
    assert count_due(cards, {}, T0) == 4


# --- store ------------------------------------------------------------------------------


def test_card_states_and_reviews_round_trip(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        assert store.card_states() == {} and store.card_reviews() == []
        first = review(None, "0a", "good", T0)
        store.save_card_state("0a", "fixture", first.state, first.due)
        store.add_card_review("0a", "good", T0, first.log)
        second = review(first.state, "0a", "again", first.due)
        store.save_card_state("0a", "fixture", second.state, second.due)
        store.add_card_review("0a", "again", first.due, second.log)
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        states = store.card_states()
        assert states == {"0a": {"deck": "fixture", "state": second.state, "due": second.due}}
        assert states["0a"]["due"].tzinfo == UTC
        reviews = store.card_reviews()
        assert [(r["card_id"], r["rating"]) for r in reviews] == [("0a", "good"), ("0a", "again")]
        assert reviews[0]["reviewed_at"] == T0 and reviews[1]["log"] == second.log
        assert [r["rating"] for r in store.card_reviews(since=T0 + timedelta(hours=1))] == ["again"]
        with pytest.raises(ValueError, match="naive"):
            store.save_card_state("0b", "d", {}, datetime(2025, 1, 1))


def test_a_0001_database_upgrades_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    command.upgrade(alembic_config(f"sqlite:///{path}"), "0001")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO sessions (problem_id, persona, level, minutes, started_at)"
            " VALUES ('a', 'p', 'mid', 30, '2025-01-01 00:00:00')"
        )
    connection.close()
    with Store.open(f"sqlite:///{path}") as store:
        assert [s.problem_id for s in store.list_sessions()] == ["a"]
        store.save_card_state("0a", "d", {"x": 1}, T0)
        assert list(store.card_states()) == ["0a"]


# --- the CLI, in process, with piped input -----------------------------------------------


def run(args: list[str], home: Path, now: str | None = None, stdin: str = "") -> Result:
    """`tradeoff ARGS` through typer's runner, with its own data and config folders."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("TRADEOFF_")}
    env["XDG_DATA_HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["TRADEOFF_NOW"] = now
    return CliRunner().invoke(app, args, input=stdin, env=env)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user data folder with the fixture deck imported through the CLI."""
    home = tmp_path / "home"
    source = deck_file(tmp_path / "src", DECK, "my-deck.md")
    done = run(["cards", "import", str(source)], home)
    assert done.exit_code == 0, done.stderr
    assert "Imported deck 'fixture'" in done.stdout and "4 cards" in done.stdout
    assert (home / "tradeoff" / "decks" / "fixture.md").is_file()
    return home


def stats_at(home: Path, db: str, now: str) -> dict[str, Any]:
    done = run(["cards", "stats", "--format", "json", "--db", db], home, now)
    assert done.exit_code == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def test_review_through_a_pipe_records_reviews_and_states(home: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    # reveal + "1"; reveal + "good"; reveal + nonsense twice (skipped); reveal, then the
    # input ends before a rating: the review stops cleanly.
    script = "\n1\n\ngood\n\nmaybe\n9\n\n"
    done = run(["cards", "review", "--deck", "fixture", "--db", db], home, at(0), script)
    assert done.exit_code == 0, done.stderr
    out = done.stdout
    assert "0 seen cards due and 4 new (of 4 not yet seen; 20 new a day" in out
    assert "reviewing 4" in out
    assert "Q: What does consistent hashing change when a node joins a cluster of N nodes?" in out
    assert "A: 3, a majority." in out
    assert "Type 1, 2, 3 or 4" in out and "Skipped." in out
    assert "Reviewed 2; 2 still due today." in out
    assert done.stderr == ""

    cards = parse_deck(DECK, "fixture.md").cards
    with Store.open(db) as store:
        reviews = store.card_reviews()
        states = store.card_states()
    assert [(r["card_id"], r["rating"]) for r in reviews] == [
        (cards[0].id, "again"),
        (cards[1].id, "good"),
    ]
    assert all(r["reviewed_at"] == T0 for r in reviews)
    assert set(states) == {cards[0].id, cards[1].id}
    assert states[cards[1].id]["deck"] == "fixture"
    assert states[cards[1].id]["due"] == review(None, cards[1].id, "good", T0).due
    assert states[cards[0].id]["due"] < states[cards[1].id]["due"]

    # The two skipped/unanswered cards are still due; the rated ones are not. 'q' stops.
    again = run(["cards", "review", "--deck", "fixture", "--db", db], home, at(0), "q\n")
    assert again.exit_code == 0, again.stderr
    assert "2 new (of 2 not yet seen; 20 new a day, 2 started today)" in again.stdout
    assert "Reviewed 0; 2 still due today." in again.stdout


def test_due_counts_across_days(home: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    # Day 0: again, good, easy on the first three fixture cards, then the input ends.
    done = run(
        ["cards", "review", "--deck", "fixture", "--limit", "3", "--db", db],
        home,
        at(0),
        "\nagain\n\n3\n\n4\n",
    )
    assert done.exit_code == 0, done.stderr
    assert "Reviewed 3; 1 still due today." in done.stdout
    # And one numbers card, rated good.
    done = run(["cards", "review", "--deck", NUMBERS, "-n", "1", "--db", db], home, at(0), "\n3\n")
    assert done.exit_code == 0, done.stderr

    numbers = len(numbers_deck().cards)
    expected = {  # (fixture due, numbers due, new cards left for that day) at each moment
        at(0): (0, 0, 16),  # reviewed cards are in the future; 4 of 20 new started today
        at(1, 1): (1, 0, 20),  # "again" comes back after a day; a new day, a new allowance
        at(3): (2, 1, 20),  # "good" after about two days
        at(30): (3, 1, 20),  # "easy" after about eight
    }
    for now, (fixture_due, numbers_due, new_today) in expected.items():
        data = stats_at(home, db, now)
        decks = data["decks"]
        assert decks["fixture"] == {"cards": 4, "due": fixture_due, "new": 1, "reviewed": 3}, now
        assert decks[NUMBERS] == {
            "cards": numbers, "due": numbers_due, "new": numbers - 1, "reviewed": 1
        }, now  # fmt: skip
        for key in ("cards", "due", "new", "reviewed"):
            assert data["total"][key] == sum(d[key] for d in decks.values())
        assert data["total"]["reviewed"] == 4 and data["new_today"] == new_today, now
        assert datetime.fromisoformat(data["now"]) == datetime.fromisoformat(now)

    table = run(["cards", "stats", "--db", db], home, at(0))
    assert table.exit_code == 0 and "fixture" in table.stdout and "total" in table.stdout


def test_export_writes_an_anki_package(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "cards.apkg"
    done = run(["cards", "export", "--anki", str(target)], home)
    assert done.exit_code == 0, done.stderr
    total = sum(len(d.cards) for d in all_decks(user_folder=home / "tradeoff" / "decks").values())
    assert notes_in(target, tmp_path) == total

    one = tmp_path / "fixture.apkg"
    done = run(["cards", "export", "--anki", str(one), "--deck", "fixture"], home)
    assert done.exit_code == 0, done.stderr
    assert "Wrote 4 cards in 1 deck" in done.stdout
    with zipfile.ZipFile(one) as package:
        package.extract("collection.anki2", tmp_path / "one")
    with sqlite3.connect(tmp_path / "one" / "collection.anki2") as connection:
        rows = connection.execute("SELECT tags, flds FROM notes ORDER BY id").fetchall()
    connection.close()
    assert len(rows) == 4
    assert any("consistent-hashing" in tags.split() for tags, _ in rows)
    assert any(fields.startswith("What is a quorum of 5 replicas?") for _, fields in rows)

    topic = run(
        ["cards", "export", "--anki", str(one), "--deck", "fixture", "--topic", "quorum"], home
    )
    assert topic.exit_code == 0, topic.stderr
    assert notes_in(one, tmp_path / "topic") == 1


def notes_in(package_path: Path, folder: Path) -> int:
    with zipfile.ZipFile(package_path) as package:
        assert "collection.anki2" in package.namelist()
        package.extract("collection.anki2", folder)
    with sqlite3.connect(folder / "collection.anki2") as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM notes").fetchone()
    connection.close()
    return int(count)


def test_an_imported_deck_shows_in_stats(home: Path, tmp_path: Path) -> None:
    data = stats_at(home, f"sqlite:///{tmp_path / 'p.db'}", at(0))
    assert data["decks"]["fixture"] == {"cards": 4, "due": 0, "new": 4, "reviewed": 0}
    assert NUMBERS in data["decks"]


def test_a_malformed_import_exits_2_naming_the_line_and_copies_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bad = deck_file(tmp_path, DECK.replace("A: 3, a majority.\n", ""), "bad.md")
    done = run(["cards", "import", str(bad)], home)
    assert done.exit_code == 2
    assert done.stderr.startswith("tradeoff: error: bad.md line 12: a card needs an 'A:' line")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not (home / "tradeoff" / "decks").exists()

    clash = deck_file(tmp_path, DECK.replace("deck: fixture", "deck: numbers"), "clash.md")
    done = run(["cards", "import", str(clash)], home)
    assert done.exit_code == 2 and "is a built-in deck" in done.stderr
    assert not (home / "tradeoff" / "decks").exists()

    missing = run(["cards", "import", str(tmp_path / "nope.md")], home)
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_unknown_deck_topic_and_clock_are_one_line_errors(home: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    deck = run(["cards", "review", "--deck", "fixtur", "--db", db], home, at(0))
    assert deck.exit_code == 2
    assert deck.stderr == "tradeoff: error: no deck 'fixtur'; did you mean 'fixture'?\n"
    topic = run(["cards", "review", "--topic", "quorom", "--db", db], home, at(0))
    assert topic.exit_code == 2
    assert topic.stderr == "tradeoff: error: no cards tagged 'quorom'; did you mean 'quorum'?\n"
    clock = run(["cards", "stats", "--db", db], home, "yesterday")
    assert clock.exit_code == 2 and "TRADEOFF_NOW='yesterday'" in clock.stderr


def test_nothing_due_says_when_the_next_card_is(home: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    run(["cards", "review", "--deck", "fixture", "--db", db], home, at(0), "\n4\n" * 4)
    done = run(["cards", "review", "--deck", "fixture", "--db", db], home, at(1))
    assert done.exit_code == 0, done.stderr
    assert "Nothing is due. The next card is due 2025-03-" in done.stdout


# --- new cards a day --------------------------------------------------------------------


def test_new_cards_come_in_at_the_daily_limit_while_seen_ones_all_stay_due() -> None:
    cards = list(parse_deck(DECK, "fixture.md").cards)
    a, b, c, _ = cards
    due_at = {a.id: T0 - timedelta(days=3), b.id: T0 - timedelta(days=1)}
    queue = review_queue(cards, due_at, T0, new_per_day=1)
    assert queue.reviews == (a, b) and queue.new == (c,) and queue.unseen == 2
    assert queue.cards == (a, b, c)
    # The limit counts what today already introduced; seen cards never wait for it.
    spent = review_queue(cards, due_at, T0, new_per_day=2, new_seen_today=2)
    assert spent.new == () and spent.reviews == (a, b)
    assert review_queue(cards, due_at, T0, new_per_day=0).cards == (a, b)
    with pytest.raises(ValueError, match="0 or more"):
        review_queue(cards, due_at, T0, new_per_day=-1)
    # A first review at 23:59 counts for that day; one at 00:00 the next day does not.
    firsts = [T0.replace(hour=23, minute=59), T0 + timedelta(hours=15), T0 - timedelta(hours=9)]
    assert new_seen_on(firsts, T0) == 2


def test_the_forecast_introduces_the_limit_and_brings_cards_back() -> None:
    deck = parse_deck(
        HEAD + "\n\n".join(f"Q: card {n}?\nA: {n}." for n in range(50)) + "\n", "d.md"
    )
    loads = forecast(deck.cards, {}, T0, 5, new_per_day=20)
    first = review(None, deck.cards[0].id, "good", T0).due - T0  # Good on a new card
    assert first == timedelta(days=2)
    assert [load.new for load in loads] == [20, 20, 10, 0, 0]
    # Day 2 sees day 0's twenty again, day 3 day 1's, day 4 day 2's ten.
    assert [load.reviews for load in loads] == [0, 0, 20, 20, 10]
    seen = {deck.cards[0].id: {"state": new_state(deck.cards[0].id, T0), "due": T0}}
    overdue = forecast(deck.cards, seen, T0 + timedelta(days=3), 1, new_per_day=5)
    assert overdue == [DayLoad(reviews=1, new=5)]
    assert forecast(deck.cards, {}, T0, 2, new_per_day=20, new_seen_today=15)[0].new == 5


def test_day_one_reviews_twenty_new_cards_not_every_deck(home: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    total = sum(len(d.cards) for d in all_decks(user_folder=home / "tradeoff" / "decks").values())
    done = run(["cards", "review", "--db", db], home, at(0), "\n3\n\n3\n")
    assert done.exit_code == 0, done.stderr
    assert f"0 seen cards due and 20 new (of {total} not yet seen; 20 new a day" in done.stdout
    assert "reviewing 20." in done.stdout and "Reviewed 2; 18 still due today." in done.stdout
    later = run(["cards", "review", "--db", db, "--new-per-day", "5"], home, at(0, 2), "q\n")
    assert "0 seen cards due and 3 new" in later.stdout and "2 started today" in later.stdout
    saved = run(["cards", "settings", "--new-per-day", "2"], home)
    assert saved.exit_code == 0 and "2 new cards a day" in saved.stdout
    assert (home / "config" / "tradeoff" / "config.json").is_file()
    shown = run(["cards", "settings"], home)
    assert "New cards a day: 2 (from " in shown.stdout and "config.json" in shown.stdout
    none_left = run(["cards", "review", "--db", db], home, at(0, 3))
    assert (
        "Nothing is due." in none_left.stdout and f"{total - 2} new cards wait" in none_left.stdout
    )
    tomorrow = run(["cards", "review", "--db", db], home, at(1), "q\n")
    assert "0 seen cards due and 2 new" in tomorrow.stdout


def test_a_bad_setting_is_a_one_line_error(home: Path) -> None:
    config = home / "config" / "tradeoff" / "config.json"
    config.parent.mkdir(parents=True)
    config.write_text('{"llm": {"model": "m"}, "cards": {"new_per_day": "lots"}}')
    done = run(["cards", "stats"], home, at(0))
    assert done.exit_code == 2 and '"cards.new_per_day"' in done.stderr
    assert "whole number" in done.stderr
    assert run(["cards", "settings", "--new-per-day", "7"], home).exit_code == 0
    assert json.loads(config.read_text()) == {"llm": {"model": "m"}, "cards": {"new_per_day": 7}}


def test_a_rating_saves_state_and_log_together_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = parse_deck(DECK, "fixture.md").cards[0]
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        result = cards_service.rate(store, card, "good", T0)
        assert store.card_states()[card.id]["due"] == result.due
        assert [r["card_id"] for r in store.card_reviews()] == [card.id]

        def broken_log(state: Any, card_id: str, rating: str, now: datetime) -> Reviewed:
            good = review(state, card_id, rating, now)
            return Reviewed(good.state, good.due, {"at": object()})  # not JSON

        monkeypatch.setattr(cards_service, "review", broken_log)
        with pytest.raises(TypeError, match="log must be JSON"):
            cards_service.rate(store, card, "again", result.due)
        # Neither the state nor the review changed: no state without its log.
        assert store.card_states()[card.id]["due"] == result.due
        assert len(store.card_reviews()) == 1


def test_only_a_card_todays_review_holds_can_be_rated(tmp_path: Path) -> None:
    first, second = parse_deck(DECK, "fixture.md").cards[:2]
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        done = cards_service.rate_due(store, first, "good", T0, new_per_day=1)
        # The same card again (a resent form, a second tab): refused, nothing written.
        with pytest.raises(cards_service.ConflictError, match="not due until"):
            cards_service.rate_due(store, first, "good", T0 + timedelta(minutes=1), 1)
        # A second new card the same day is past the limit of one.
        with pytest.raises(cards_service.ConflictError, match="1 new cards are done"):
            cards_service.rate_due(store, second, "good", T0, new_per_day=1)
        assert len(store.card_reviews()) == 1
        # Once due, the seen card can be rated; the next day brings a new card in.
        cards_service.rate_due(store, first, "again", done.due, new_per_day=1)
        cards_service.rate_due(store, second, "easy", T0 + timedelta(days=1), new_per_day=1)
        reviewed = sorted(r["card_id"] for r in store.card_reviews())
        assert reviewed == sorted([first.id, first.id, second.id])

"""Coach review in the services and the store: places on the scorecard, migration 0004 on
a database with sessions from before accounts."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command

from tradeoff.catalog import default_catalog
from tradeoff.services import coach
from tradeoff.services.practice import PracticeSessions, reviewed_text
from tradeoff.services.reviews import from_contract
from tradeoff.store import Store
from tradeoff.store.migrate import alembic_config

DESIGN = "# Links\r\n\r\n## Requirements\n- 100M links a month\n- Redirects under 50 ms\n"
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def test_every_scorecard_line_points_at_its_version_line_or_turn(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'c.db'}") as store:
        sessions = PracticeSessions(store, default_catalog())
        session_id = sessions.start("url-shortener")
        sessions.say(session_id, "How many links a month?\nAnd how many reads per write?")
        sessions.save_design(session_id, "first draft")
        sessions.save_design(session_id, DESIGN)
        sessions.say(session_id, "Reads dominate, so I cache redirects.")
        sessions.end(session_id)
        record = store.get_session(session_id)
        lines = reviewed_text(record.events).replace("\r\n", "\n").split("\n")
        places = coach.scorecard_places(record)
        last = record.snapshots[-1]
        assert last.version == 2
        turns = {e.seq: e for e in record.events if e.kind == "turn"}
        for number, text in enumerate(lines, start=1):
            place = places.get(number)
            if place is None:
                assert text == "", (number, text)  # only the blank line between the parts
            elif place.turn_seq is None:
                assert place.version == 2
                assert text == coach.version_lines(last)[place.line - 1]
            else:
                turn = turns[place.turn_seq]
                who = "Candidate" if turn.speaker == "candidate" else "Interviewer"
                assert text in f"{who}: {turn.text}"
        two_line = [
            n
            for n, p in places.items()
            if p.turn_seq is not None and "\n" in turns[p.turn_seq].text
        ]
        assert len(two_line) == 2 and two_line[1] == two_line[0] + 1
        card = from_contract(record.review["review"], lines, {"senior": "hire"})  # type: ignore[index]
        assert len(card.lines) >= max(places)


def test_accounts_migration_keeps_older_sessions_without_an_owner(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    config = alembic_config(url)
    command.upgrade(config, "0003")
    with sqlite3.connect(tmp_path / "old.db") as connection:
        connection.execute(
            "INSERT INTO sessions (id, uid, problem_id, persona, level, minutes, started_at)"
            " VALUES (1, 'u-1', 'url-shortener', 'neutral', 'senior', 45, '2026-01-05 09:00:00')"
        )
        connection.execute(
            "INSERT INTO events (session_id, seq, at, kind, phase, text, data)"
            " VALUES (1, 1, '2026-01-05 09:00:00', 'turn', 'clarify', 'hello', '{}')"
        )
    connection.close()
    with Store.open(url) as store:
        record = store.get_session(1)
        assert record.owner_id is None and len(record.events) == 1
        assert store.accounts.session_owner(1) == (True, None)
        user = store.accounts.create_user("a@example.com", "hash", T0)
        assert user is not None
        assert store.accounts.create_user("a@example.com", "other", T0) is None
        mine = store.create_session(
            problem_id="url-shortener",
            persona="neutral",
            level="senior",
            minutes=45,
            started_at=T0,
            owner_id=user.id,
        )
        assert [s.id for s in store.list_sessions(owner_id=user.id)] == [mine]
        assert {s.id for s in store.list_sessions()} == {1, mine}
        secret = store.accounts.secret("csrf", lambda: "first")
        assert store.accounts.secret("csrf", lambda: "second") == secret == "first"
    command.downgrade(config, "0003")  # and back: the older session and its events stay
    with sqlite3.connect(tmp_path / "old.db") as connection:
        assert connection.execute("SELECT count(*) FROM events").fetchone() == (1,)
    connection.close()

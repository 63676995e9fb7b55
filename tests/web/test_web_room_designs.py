"""Design versions in the practice room (the Markdown text and the Excalidraw board) and the
replay's timeline and diffs, over a real HTTP server and a real SQLite file."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from csrf_client import armed
from room_samples import arrow, scene, serve, shape, start_session, three_tier

from tradeoff.design.excalidraw import parse_excalidraw
from tradeoff.design.load import parse_design
from tradeoff.services.replay import Version, diff_versions
from tradeoff.services.whiteboard import board_text, compose
from tradeoff.store import Store

NOW = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
TEXT = """# URL shortener

## Requirements
- Shorten a long link to a 7-character code.
- Redirects answer in under 50 ms at p99.
"""


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'designs.db'}"


@pytest.fixture
def client(database: str) -> Iterator[httpx.Client]:
    with serve(database) as address, httpx.Client(base_url=address, timeout=60.0) as http:
        armed(http)
        yield http


def _snapshots(database: str, session_id: int) -> list[tuple[int, str]]:
    with Store.open(database) as store:
        return [(s.version, s.content) for s in store.get_session(session_id).snapshots]


def test_the_board_is_read_by_the_excalidraw_parser_as_the_same_diagram() -> None:
    raw = scene(three_tier())
    drawn, notices = parse_excalidraw(raw)
    assert notices == []
    section = board_text(drawn)
    (read,) = parse_design(section).diagrams
    assert sorted((n.label, n.kind) for n in read.nodes.values()) == sorted(
        (n.label, n.kind) for n in drawn.nodes.values() if n.kind != "note"
    )
    labels = {n.id: n.label for n in read.nodes.values()}
    assert sorted((labels[e.source], labels[e.target]) for e in read.edges) == [
        ("API servers", "Postgres database"),
        ("Client", "API servers"),
    ]
    assert "- Short codes are cached at the edge" in section.splitlines()  # the free note
    assert compose(TEXT, section).startswith(TEXT.rstrip() + "\n\n## Whiteboard\n")
    assert compose(TEXT, "") == TEXT


def test_text_and_board_saves_are_design_versions(client: httpx.Client, database: str) -> None:
    session_id = start_session(client)
    room = f"/practice/{session_id}"
    assert "version 1" in client.post(f"{room}/design", data={"design": TEXT}).text
    saved = client.post(f"{room}/board", data={"board": scene(three_tier())})
    assert saved.status_code == 200
    assert "Board saved as design version 2" in saved.text and "Not read" not in saved.text
    versions = _snapshots(database, session_id)
    assert [v for v, _ in versions] == [1, 2]
    board_version = versions[1][1]
    assert board_version.startswith(TEXT.rstrip())  # the text, then the board's section
    assert 'n2["API servers"]' in board_version and "n1 --> n2" in board_version
    (diagram,) = parse_design(board_version).diagrams
    assert {n.label: n.kind for n in diagram.nodes.values()}["Postgres database"] == "database"

    # Scrolling the board changes no element: no new version.
    same = client.post(f"{room}/board", data={"board": scene(three_tier(), scroll_x=250)})
    assert "No change since design version 2" in same.text
    # A text save keeps the board's section after the new text.
    edited = TEXT + "- Links expire after 5 years unless renewed.\n"
    assert "version 3" in client.post(f"{room}/design", data={"design": edited}).text
    third = _snapshots(database, session_id)[-1][1]
    assert "expire after 5 years" in third and 'n3["Postgres database"]' in third

    # A reload gives back the editor's own text (without the board's section) and the board.
    page = client.get(room).text
    editor = re.search(r'<textarea id="design".*?">(.*?)</textarea>', page, re.S)
    assert editor and html.unescape(editor.group(1)) == edited
    data = re.search(r'<script type="application/json" id="board-data">(.*?)</script>', page)
    assert data
    board = json.loads(json.loads(data.group(1)))
    assert {e["id"] for e in board["elements"]} == {e["id"] for e in three_tier()}
    assert 'data-board-version="2"' in page and 'data-text-version="3"' in page


def test_a_board_that_cannot_be_read_says_what(client: httpx.Client) -> None:
    session_id = start_session(client)
    room = f"/practice/{session_id}"
    broken = client.post(f"{room}/board", data={"board": '{"elements": [ '})
    assert broken.status_code == 400 and "not Excalidraw JSON" in html.unescape(broken.text)
    no_elements = client.post(f"{room}/board", data={"board": '{"type": "excalidraw"}'})
    assert no_elements.status_code == 400 and "no &#39;elements&#39; list" in no_elements.text
    empty = client.post(f"{room}/board", data={"board": scene([])})
    assert empty.status_code == 400 and "the board is empty" in empty.text
    loose = [*shape("api", 0, 0, "API"), arrow("a", "api", None, 170, 30)]
    partial = client.post(f"{room}/board", data={"board": scene(loose)})
    assert partial.status_code == 200
    assert "Not read: the board: an arrow is not attached at both ends" in partial.text
    too_big = client.post(f"{room}/board", data={"board": "x" * (2 * 1024 * 1024 + 10)})
    assert too_big.status_code == 413


def test_the_reviewer_reads_the_board_at_the_end(client: httpx.Client) -> None:
    session_id = start_session(client)
    room = f"/practice/{session_id}"
    client.post(f"{room}/board", data={"board": scene(three_tier())})
    client.post(f"{room}/end")
    report = html.unescape(client.get(f"/sessions/{session_id}").text)
    numbered = dict(re.findall(r'<li id="L(\d+)".*?<code>(.*?)</code>', report, re.S))
    assert any('"Postgres database"' in line for line in numbered.values()), numbered


def test_replay_shows_the_timeline_and_the_diff_of_each_version(client: httpx.Client) -> None:
    session_id = start_session(client)
    room = f"/practice/{session_id}"
    said = "We use Postgres because the links need a unique key."
    client.post(f"{room}/turn", data={"text": said})
    client.post(f"{room}/design", data={"design": TEXT})
    client.post(f"{room}/board", data={"board": scene(three_tier())})
    edited = TEXT.replace("under 50 ms", "under 20 ms")
    client.post(f"{room}/design", data={"design": edited})
    page = client.get(f"/sessions/{session_id}/replay")
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert said in text
    assert 'class="entry decision candidate"' in text and "(with a reason)" in text
    for number in (1, 2, 3):
        assert f'id="v{number}"' in text
    version_two = text[text.index('id="v2"') : text.index('id="v3"')]
    added = [line for kind, line in _rows(version_two) if kind == "add"]
    assert '+   n1["Client"]' in added and "+ ## Whiteboard" in added
    assert all(kind != "del" for kind, _ in _rows(version_two))  # the board only added lines
    changed = [row for row in _rows(text[text.index('id="v3"') :]) if row[0] != "same"]
    assert changed == [
        ("del", "− - Redirects answer in under 50 ms at p99."),
        ("add", "+ - Redirects answer in under 20 ms at p99."),
    ]
    # Any two versions side by side; a version that does not exist is a clear 400.
    compared = html.unescape(client.get(f"/sessions/{session_id}/replay?from=1&to=3").text)
    assert "Version 1 → version 3" in compared
    assert client.get(f"/sessions/{session_id}/replay?from=3&to=9").status_code == 400
    assert client.get(f"/sessions/{session_id}/replay?from=3&to=2").status_code == 400
    assert client.get("/sessions/999/replay").status_code == 404


def _rows(page: str) -> list[tuple[str, str]]:
    """The diff rows of a replay page: (add/del/same, the code cell's text)."""
    return re.findall(r'<tr class="(add|del|same)">.*?<code>(.*?)</code>', page, re.S)


def test_diff_versions_counts_and_leaves_out_unchanged_runs() -> None:
    old = "\n".join(f"line {n}" for n in range(1, 21))
    new = old.replace("line 2\n", "line two\n").replace("line 18", "line eighteen")
    diff = diff_versions(Version(1, NOW, "editor", old), Version(2, NOW, "editor", new))
    assert (diff.added, diff.removed) == (2, 2)
    kinds = [row.kind for row in diff.rows]
    assert kinds.count("gap") == 1  # lines 6-14 are unchanged and far from both changes
    assert [r.new for r in diff.rows if r.kind == "add"] == [2, 18]
    first = diff_versions(None, Version(1, NOW, "editor", "a\nb"))
    assert (first.old, first.added, first.removed) == (0, 2, 0)

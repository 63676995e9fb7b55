"""Decisions the attached design and the spoken answer make differently (round 35).

File sharing with a design attached that says "Conflicts are resolved by last writer
wins.", then aloud: "If two devices edit the same file offline, we keep a conflicted copy
so nobody loses work." The report listed only numbers that disagree, so it said nothing.
It now lists a decision both sides name and choose differently among the prompt's known
alternatives (a trade-off's options, or a trade-off's concept rejected on one side and
decided on the other), and nothing it would have to guess.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.practice.models import SessionReport
from tradeoff.practice.report_text import render

_FILES = """# File sharing

- Clients split files into 4 MB blocks and upload only blocks the server lacks.
- A metadata service in PostgreSQL keeps file versions and block lists.
- Conflicts are resolved by last writer wins.
"""
_NOTIFY = """# Notifications

- The API writes each request to Kafka and answers 202.
- There is no deduplication: senders call the provider once per message.
"""


def _disagreements(catalog: Catalog, problem: str, design: str, said: str, tmp: Path) -> list:
    lines = ["/design {design}", "/next", said, "/end"]
    session = run(catalog, problem, "neutral", lines, tmp=tmp, design=design)
    report = session.report(catalog)
    text = [line for line in render(SessionReport.load(report)) if "disagree" in line]
    return text


def test_a_conflict_policy_written_one_way_and_said_another(
    catalog: Catalog, tmp_path: Path
) -> None:
    said = (
        "If two devices edit the same file offline, we keep a conflicted copy so nobody loses work."
    )
    lines = _disagreements(catalog, "file-sharing", _FILES, said, tmp_path)
    assert lines == [
        f'Said and written disagree on conflict policy: you said "{said}" at 0:00; the design'
        ' says "Conflicts are resolved by last writer wins." (line 5)'
    ], lines


def test_deduplication_rejected_in_writing_and_done_aloud(catalog: Catalog, tmp_path: Path) -> None:
    said = "We dedupe on the event id before calling the provider."
    lines = _disagreements(catalog, "notification-system", _NOTIFY, said, tmp_path)
    assert len(lines) == 1 and "There is no deduplication" in lines[0] and said in lines[0], lines


@pytest.mark.parametrize(
    ("problem", "design", "said"),
    [
        # the same choice both ways
        ("file-sharing", _FILES, "Conflicts: last writer wins, it is simple."),
        # a choice rejected aloud, none made: nothing to set against the design's
        ("file-sharing", _FILES, "We would never use last writer wins for conflicts."),
        # no known alternatives name it: not guessed
        ("message-broker", "# B\n\n- All events go to a single Kafka topic.\n",
         "We use one topic per tenant."),
        # the cache rejected on one path, used on another: no trade-off's options
        ("url-shortener", "# U\n\n- No cache on the write path.\n",
         "We cache hot links in Redis with a 24 hour TTL."),
    ],
)  # fmt: skip
def test_nothing_is_guessed(
    catalog: Catalog, tmp_path: Path, problem: str, design: str, said: str
) -> None:
    assert not _disagreements(catalog, problem, design, said, tmp_path)

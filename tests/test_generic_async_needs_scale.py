"""The generic rubric asks for queues and workers only of a design that states a scale.

A household budget app on one VM was told "missing: queues and workers for slow work"."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review import review_design

_SMALL = """# Book club tracker

## Requirements
- Eight friends log the books they read and see who read what this year.
- Out of scope: recommendations.

## Design
- A single Flask app with SQLite on a small VM; a nightly backup of the file to object storage.
"""


def test_a_small_tool_is_not_told_to_add_queues(tmp_path: Path) -> None:
    path = tmp_path / "design.md"
    path.write_text(_SMALL, encoding="utf-8")
    review = review_design(load_design(path), default_catalog(), None)
    summary = review.scores["components"].summary
    assert "queues and workers" not in summary, summary

"""An item's own words read an adverb as its adjective: "written concurrently" is what
"concurrent writes" are about. The item "Asks what should happen when the same key is
written concurrently" was "Not covered" beside "last write wins drops one of two concurrent
writes", since "concurrently" and "concurrent" shared no word.
"""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review.context import ReviewContext
from tradeoff.review.coverage import item_support
from tradeoff.review.substance import ABSENT

_STORE = """# Replicated store

## Requirements
- get and put by key, three copies of each item

## Choices
- {line}
"""


def _conflict_question(tmp_path: Path, line: str) -> str:
    path = tmp_path / "store.md"
    path.write_text(_STORE.format(line=line), encoding="utf-8")
    catalog = default_catalog()
    problem = catalog.problems["key-value-store"]
    ctx = ReviewContext(
        doc=load_design(path),
        problem=problem,
        rubric=problem.rubric,
        vocabulary=catalog.vocabulary,
        level="senior",
        interview_type=problem.type,
    )
    [item] = [i for i in problem.rubric.requirements.items if i.id == "conflict-question"]
    return item_support(item, ctx.claims, ctx.mentions, "requirements").status


def test_concurrent_writes_answer_what_happens_when_written_concurrently(
    tmp_path: Path,
) -> None:
    line = (
        "Last write wins by timestamp, because callers accept losing one of two concurrent writes."
    )
    assert _conflict_question(tmp_path, line) != ABSENT


def test_conflict_resolution_of_another_subject_stays_apart(tmp_path: Path) -> None:
    line = "Version vectors for the membership table, because gossip rounds can cross."
    assert _conflict_question(tmp_path, line) == ABSENT

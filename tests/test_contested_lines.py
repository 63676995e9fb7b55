"""A line that speaks of several items only through a concept they share belongs to the
item whose text it is written in: "privacy checks on every read" is the privacy checker,
not also the per-field audience model nor the invalidation on block, whose words ("read",
"check") the checker's text uses too. Every case is in our own words."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import Catalog
from tradeoff.design import load_design
from tradeoff.language import read_design
from tradeoff.review.coverage import item_support
from tradeoff.review.substance import SUBSTANCE


def _statuses(catalog: Catalog, text: str, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "design.md"
    path.write_text(f"# Friends\n\n## Design\n\n{text}\n", encoding="utf-8")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    wanted = {"privacy-model", "privacy-checker", "block-enforcement"}
    return {
        item.id: item_support(item, claims, dimension=dimension).status
        for dimension, item in catalog.problems["social-network"].rubric.items()
        if item.id in wanted
    }


def test_a_privacy_check_line_is_the_checkers_alone(catalog: Catalog, tmp_path: Path) -> None:
    line = (
        "- A privacy check runs for each read at the edge, because a cached page must not"
        " show a blocked person."
    )
    found = _statuses(catalog, line, tmp_path)
    assert found["privacy-checker"] == SUBSTANCE, found
    assert found["privacy-model"] != SUBSTANCE, found
    assert found["block-enforcement"] != SUBSTANCE, found


def test_a_line_with_the_models_own_words_is_the_models_too(
    catalog: Catalog, tmp_path: Path
) -> None:
    line = (
        "- A privacy check on every read path compares the viewer with each field's audience,"
        " because people pick who sees their phone number."
    )
    found = _statuses(catalog, line, tmp_path)
    assert found["privacy-checker"] == SUBSTANCE, found
    assert found["privacy-model"] == SUBSTANCE, found

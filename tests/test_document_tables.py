"""A table of the document's own working ("the budget table shows it meets 300 ms", "the
table above") is no table of a data model: a front end with no store was told its data
model names no keys, quoting its trade-off line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog import Catalog
from tradeoff.design import load_design
from tradeoff.language import Claim, read_design


def _claims(catalog: Catalog, text: str, tmp_path: Path) -> list[Claim]:
    path = tmp_path / "design.md"
    path.write_text(f"# Design\n\n- {text}\n", encoding="utf-8")
    return read_design(load_design(path), catalog.vocabulary.concepts.values())


@pytest.mark.parametrize(
    "text",
    [
        "A 100 ms delay fits, as the budget table shows.",
        "The sizing table says two nodes are enough.",
        "Both options are in the table above.",
    ],
)
def test_a_table_of_the_working_names_no_data_model(
    catalog: Catalog, tmp_path: Path, text: str
) -> None:
    [claim] = _claims(catalog, text, tmp_path)
    assert "data-model" not in claim.features.concepts


def test_a_table_of_records_still_names_the_data_model(catalog: Catalog, tmp_path: Path) -> None:
    [claim] = _claims(catalog, "The orders table holds one row per checkout.", tmp_path)
    assert "data-model" in claim.features.concepts

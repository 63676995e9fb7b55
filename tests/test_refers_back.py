"""A sentence that opens by pointing back at the one before ("This is ...", "It maps ...")
says what it says of that one's subject: the two are read as one claim, so a component
named in the first is specified by the mechanism the second gives it."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import Catalog
from tradeoff.design import load_design
from tradeoff.language import Claim, read_design


def _claims(catalog: Catalog, text: str, tmp_path: Path) -> list[Claim]:
    path = tmp_path / "design.md"
    path.write_text(f"# Design\n\n- {text}\n", encoding="utf-8")
    return read_design(load_design(path), catalog.vocabulary.concepts.values())


def test_a_sentence_pointing_back_is_read_with_the_one_before(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = (
        "**Index service**: Strongly consistent object index. It maps each (tenant, path,"
        " version) triple to the servers holding the blocks."
    )
    [claim] = _claims(catalog, text, tmp_path)
    assert "maps each" in claim.text and "Index service" in claim.text


def test_a_new_subject_starts_a_new_claim(catalog: Catalog, tmp_path: Path) -> None:
    text = (
        "**Index service**: Strongly consistent object index. Clients retry with jittered"
        " backoff when a lookup times out."
    )
    assert len(_claims(catalog, text, tmp_path)) == 2


def test_a_judgement_after_a_sentence_of_its_own_stays_apart(
    catalog: Catalog, tmp_path: Path
) -> None:
    # After a sentence with its own verb, "This is ..." judges it: the reason reading keeps
    # such a line apart ("This is acceptable" is no sanity check of the figure before it).
    text = (
        "**Index service**: lookups are served from memory on every node. This is fast"
        " enough for every upload and download we expect."
    )
    assert len(_claims(catalog, text, tmp_path)) == 2

"""Two readings of a log's guarantees: an order said to hold per key or within a partition
("order is per key", "read in offset order") names ordering as "per-partition order" does,
and duplicates dropped by a named key ("dedupe on an event id") are specified as
"keyed by" specifies a store: the key says how, where "we dedupe" only names the idea."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import Catalog
from tradeoff.design import load_design
from tradeoff.language import Claim, read_design
from tradeoff.review.substance import specified_concepts


def _claims(catalog: Catalog, text: str, tmp_path: Path) -> list[Claim]:
    path = tmp_path / "design.md"
    path.write_text(f"# Design\n\n- {text}\n", encoding="utf-8")
    return read_design(load_design(path), catalog.vocabulary.concepts.values())


def test_order_held_per_key_names_ordering(catalog: Catalog, tmp_path: Path) -> None:
    text = "Events of one account keep their order per key: the account id picks the shard."
    [claim] = _claims(catalog, text, tmp_path)
    assert "ordering" in claim.features.concepts


def test_reading_in_offset_order_names_ordering(catalog: Catalog, tmp_path: Path) -> None:
    [claim] = _claims(catalog, "Each shard is replayed in offset order.", tmp_path)
    assert "ordering" in claim.features.concepts


def test_dedupe_on_a_named_key_specifies_idempotency(catalog: Catalog, tmp_path: Path) -> None:
    [claim] = _claims(catalog, "Readers dedupe on the event id.", tmp_path)
    assert "idempotency" in specified_concepts(claim)


def test_dedupe_alone_only_names_idempotency(catalog: Catalog, tmp_path: Path) -> None:
    [claim] = _claims(catalog, "Readers dedupe.", tmp_path)
    assert "idempotency" in claim.features.concepts
    assert "idempotency" not in specified_concepts(claim)

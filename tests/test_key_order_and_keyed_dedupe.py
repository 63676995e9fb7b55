"""Readings of a log's guarantees and replicas: an order said to hold per key or
within a partition ("order is per key", "read in offset order") names ordering as
"per-partition order" does; duplicates dropped by a named key ("dedupe on an event id") are
specified as "keyed by" specifies a store (the key says how; "we dedupe" only names the
idea); "the leader of each partition" names leader-follower replication; and "a key
hashes to one partition" names the partition key."""

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


def test_the_leader_of_each_partition_names_leader_follower(
    catalog: Catalog, tmp_path: Path
) -> None:
    """ "the leader of each partition" and "the leader plus one follower" say who takes the
    writes and who copies them, as "partition leader" does."""
    [claim] = _claims(catalog, "The leader of each partition takes every write.", tmp_path)
    assert "leader-follower" in claim.features.concepts
    text = "With `min_acks = 2` a write waits for the leader plus one follower in another rack."
    [claim] = _claims(catalog, text, tmp_path)
    assert "leader-follower" in specified_concepts(claim)


def test_a_key_that_hashes_to_a_partition_names_the_partition_key(
    catalog: Catalog, tmp_path: Path
) -> None:
    """ "a key hashes to one partition" says what places each record, as "partitioned by"
    does; the data model then names its key."""
    [claim] = _claims(catalog, "Each event's key hashes to one shard of the topic.", tmp_path)
    assert "partition-key" in claim.features.concepts

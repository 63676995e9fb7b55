"""A replication factor said as ways ("replicates three ways", "3-way replication") counts
the copies a design keeps, as "RF 3" does; ways of doing something count nothing."""

from __future__ import annotations

import pytest

from tradeoff.catalog import Catalog
from tradeoff.language import read_text
from tradeoff.language.lexicon import is_sizing
from tradeoff.review.substance import specifies


@pytest.mark.parametrize(
    "text",
    [
        "Every bucket's data replicates three ways across zones.",
        "Chunks use 3-way replication inside a region.",
        "Each segment is replicated 3 times.",
    ],
)
def test_copies_said_as_ways_size_the_replication(catalog: Catalog, text: str) -> None:
    assert is_sizing(text)
    [claim] = read_text(text, catalog.vocabulary.concepts.values())
    assert specifies(claim, "replication")


@pytest.mark.parametrize(
    "text", ["There are three ways to cut the keyspace.", "We tried two ways of batching."]
)
def test_ways_of_doing_something_count_no_copies(text: str) -> None:
    assert not is_sizing(text)

"""Lines credited as substance for what they do not say (branch iv32).

- A count said as the size of a cluster ("each gateway calls a cluster of N shards") was
  read as one gateway's figure, so it was checked against nothing and a count far from the
  shards derived was credited as the shard-count sizing, and the report said the candidate
  had assumed one shard's capacity (a far-off count is worked from no fact).
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in

_FEW_SHARDS = "Every gateway box talks to a Redis cluster of 5 shards, keyed by the client id."


def test_a_clusters_size_is_not_one_gateways_figure(catalog: Catalog) -> None:
    refs = tuple(catalog.numbers["rate-limiter"])
    (shards,) = quantities_in(_FEW_SHARDS, refs)
    assert not shards.per_unit
    assert shards.ref is not None and shards.ref.name == "redis_shards"
    assert shards.off  # 5 against about 20


def test_a_far_off_shard_count_does_not_size_the_fleet(catalog: Catalog) -> None:
    session = run(catalog, "rate-limiter", "friendly", ["/next", _FEW_SHARDS])
    assert not session.interview.state.covered("shard-count")


def test_a_far_off_count_assumes_none_of_the_facts_it_is_derived_from(catalog: Catalog) -> None:
    session = run(catalog, "rate-limiter", "friendly", ["/next", _FEW_SHARDS, "/end"])
    unclear = " ".join(session.report(catalog)["unclear_assumptions"])
    assert "100,000 limiter checks per second" in unclear, unclear

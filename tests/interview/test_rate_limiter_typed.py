"""A rate-limiter session typed by hand with the adversarial persona.

- "Redis is sharded by key across 6 primaries with one replica each, so 1M checks/s is about
  170K per shard." drew "That looks high to me. How did you get 1M checks/s?": "per shard"
  was read as said of every number in the clause, so the fleet's 1M checks a second was
  checked against one shard's 100K.
- "If Redis is slow, the gateway falls back to a local in-memory bucket ..." covered nothing,
  so the wrap-up asked "Redis is slow rather than down, taking 50 ms to answer. What does the
  gateway do?": a slow dependency was no failure to the reader, only one that is down.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in

_SHARDS = (
    "Redis is sharded by key across 6 primaries with one replica each, so 1M checks/s is"
    " about 170K per shard."
)
_SLOW = (
    "If Redis is slow, the gateway falls back to a local in-memory bucket with limit divided"
    " by the number of gateways."
)


def test_a_per_shard_figure_does_not_make_the_fleet_rate_per_shard() -> None:
    said = {spoken.text.split()[0]: spoken for spoken in quantities_in(_SHARDS, ())}
    fleet, shard = said["1M"], said["170K"]
    assert not fleet.per_unit
    assert shard.per_unit


def test_the_fleet_rate_is_not_challenged(catalog: Catalog) -> None:
    session = run(catalog, "rate-limiter", "adversarial", ["/next", "/next", _SHARDS])
    reply = " ".join(session.exchanges[-1].replies)
    assert "1M" not in reply and "looks high" not in reply, reply


def test_a_fallback_when_redis_is_slow_covers_the_timeout_item(catalog: Catalog) -> None:
    session = run(catalog, "rate-limiter", "adversarial", ["/next", "/next", _SLOW])
    assert session.interview.state.covered("timeout-fallback")

"""Lines credited as substance for what they do not say (branch iv32).

- A count said as the size of a cluster ("each gateway calls a cluster of N shards") was
  read as one gateway's figure, so it was checked against nothing and a count far from the
  shards derived was credited as the shard-count sizing, and the report said the candidate
  had assumed one shard's capacity (a far-off count is worked from no fact).
- A part of an item's text was taken as said when each half of a hyphenated word turned up
  in some other line ("serve-time" from "serving" in one line and "time" in another).
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


_BUILD_FILTER = (
    "Offensive phrases are dropped by a blocklist and a classifier while the index is built,"
    " because a filter on the hot path would slow every keystroke."
)
_SCATTERED = [
    "We keep serving yesterday's index if a build fails.",
    "Rebuilding takes about an hour of batch time.",
]


def _filter_entry(catalog: Catalog, lines: list[str]) -> dict[str, object]:
    session = run(catalog, "search-autocomplete", "friendly", ["/next", *lines, "/end"])
    talk = session.report(catalog)["conversation"]
    [entry] = [e for e in talk["covered"] if e["item"] == "filter"]
    return entry


def test_halves_of_a_hyphenated_word_in_other_lines_do_not_say_it(catalog: Catalog) -> None:
    entry = _filter_entry(catalog, [_BUILD_FILTER, *_SCATTERED])
    assert any("serve-time" in part for part in entry["lacks"]), entry


def test_the_hyphenated_word_said_whole_says_the_part(catalog: Catalog) -> None:
    urgent = "At serve time a tiny denylist on every server drops takedowns within minutes."
    entry = _filter_entry(catalog, [_BUILD_FILTER, urgent])
    assert not any("serve-time" in part for part in entry["lacks"]), entry

"""A sentence that names a product the design runs on lists no feature (issue 10).

Typed in a ride-sharing session: "drivers send GPS fixes to a location service that keeps
the last position in Redis, sharded by geohash cell" opens as a feature list does ("drivers
send ...", with a comma later) and the report credited "States the flows: price and ETA
quote, request, match, ..." with substance, quoting it."""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.listener import features_listed


def test_a_path_through_a_named_product_is_no_feature_list(catalog: Catalog) -> None:
    said = "drivers send their position to a tracking service that keeps it in Redis, keyed by city"
    session = run(catalog, "ride-sharing", "neutral", [said])
    assert session.interview.state.said.get("core-flows") is None


def test_what_riders_and_drivers_do_is_still_a_feature_list(catalog: Catalog) -> None:
    said = "riders ask for a car, drivers accept it, and riders watch it arrive on a map"
    session = run(catalog, "ride-sharing", "neutral", [said])
    support = session.interview.state.said.get("core-flows")
    assert support is not None and support.quote == said
    assert features_listed("users post photos, follow people and scroll a feed") is not None

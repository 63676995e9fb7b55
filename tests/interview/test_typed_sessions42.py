"""A ride-sharing session typed by hand with the terse persona (round 42).

The report read as a candidate would:
- "Drivers send locations over a WebSocket to a location service that keeps the latest
  position in Redis, sharded by geohash." was "covered with substance" for "Location
  ingestion through connection gateways into a stream (such as Kafka) ..." (it names no
  stream: the item listed the gateway as one of two concepts either of which covered it)
  and for "Trip service and store holding trip state durably, sharded by city, with
  replicas" (the sharded Redis of positions is no trip store). The items now ask for the
  stream and for a sharded store, the gateway, database and sharding kept as mentions.
- "I'd watch match latency and alert if p99 goes over 2 seconds for 5 minutes." was
  counted as an assumption stated aloud: "for 5 minutes" was read as the trip duration (the
  figure nearest in value). It is how long the condition holds before the alert fires.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in

_LINES = [
    "How many riders and drivers, and how often do drivers send their location?",
    "/next",
    "Drivers send locations over a WebSocket to a location service that keeps the latest"
    " position in Redis, sharded by geohash.",
    "/next",
    "/next",
    "I'd watch match latency and alert if p99 goes over 2 seconds for 5 minutes.",
    "/end",
]


def _covered(catalog: Catalog) -> list[str]:
    report = run(catalog, "ride-sharing", "terse", _LINES).report(catalog)
    return [c["item"] for c in report["conversation"]["covered"]]


def test_a_sharded_position_cache_is_no_stream_and_no_trip_store(catalog: Catalog) -> None:
    covered = _covered(catalog)
    assert "location-pipeline" not in covered
    assert "trip-store" not in covered


def test_an_alert_window_is_no_assumption(catalog: Catalog) -> None:
    said = quantities_in(
        "I'd watch match latency and alert if p99 goes over 2 seconds for 5 minutes.",
        tuple(catalog.numbers["ride-sharing"]),
    )
    assert [s.ref for s in said] == [None]
    assert "assumptions" not in _covered(catalog)

"""The report of a ride-sharing session with a design attached (issue 10, round iv17).

- An estimate of the location update rate was quoted as mentioning the persistent
  connection the pings travel over, and a matching line as mentioning the pricing service:
  the catalog lists those concepts beside the items, and the items' texts never say them.
- Drivers re-sending their position after a failover rebuilds the lost index shard: the
  item was "only mentioned" for want of the words.
- The spoken turns fell under the design's last heading ("Trade-offs"), so picking geohash
  was credited as weighing geohash against a quadtree.
- A list of trip states was told to "say how": what it lacks is the conditional update.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.practice.models import SessionReport
from tradeoff.practice.report_text import render

_DESIGN = """# Rides

## Components
- Trip service keeps trips in Postgres; a trip is a state machine: requested, matched,
  en route, in progress, completed.

## Trade-offs
- One ride is offered to one driver at a time, over offering it to several at once,
  because double booking is worse than a few seconds of waiting.
"""

_SCRIPT = [
    "/next",
    "1 million drivers pinging every 4 seconds comes to 250,000 location updates a second",
    "/design {design}",
    "/next",
    "positions live in Redis, sharded by geohash cell",
    "the matcher takes the drivers of the rider's cell and its neighbours and picks the nearest",
    "when a Redis shard is lost its replica takes over and drivers re-send their location"
    " within 4 seconds",
    "/end",
]


def _talk(catalog: Catalog, tmp_path: Path) -> dict[str, list[dict[str, str]]]:
    session = run(catalog, "ride-sharing", "neutral", _SCRIPT, tmp=tmp_path, design=_DESIGN)
    return session.report(catalog)["conversation"]


def _ids(entries: list[dict[str, str]]) -> set[str]:
    return {e["item"] for e in entries}


def test_a_line_about_a_neighbouring_concept_is_no_mention(
    catalog: Catalog, tmp_path: Path
) -> None:
    talk = _talk(catalog, tmp_path)
    for item in ("location-channel", "location-pipeline", "pricing"):
        assert item not in _ids(talk["mentioned"]), talk["mentioned"]
        assert item in _ids(talk["missing"])


def test_pings_sent_again_rebuild_the_lost_shard(catalog: Catalog, tmp_path: Path) -> None:
    assert "index-recovery" in _ids(_talk(catalog, tmp_path)["covered"])


def test_a_pick_said_aloud_weighs_nothing(catalog: Catalog, tmp_path: Path) -> None:
    talk = _talk(catalog, tmp_path)
    assert "index-choice" not in _ids(talk["covered"])
    assert "matching-strategy" not in _ids(talk["covered"])


def test_a_listed_state_machine_is_told_what_it_lacks(catalog: Catalog, tmp_path: Path) -> None:
    session = run(catalog, "ride-sharing", "neutral", _SCRIPT, tmp=tmp_path, design=_DESIGN)
    lines = render(SessionReport.model_validate(session.report(catalog)))
    trip = [line for line in lines if line.lstrip().startswith("Trip record")]
    assert trip and "still to say: optimistic concurrency control" in trip[0], lines

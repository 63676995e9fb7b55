"""A ride-sharing session typed with the adversarial persona (issue 10, round iv17).

Three lines were challenged as disagreeing with a figure the interviewer had given, and the
report listed each as a contradiction: a count of map cells was taken for the count of
drivers online (the clause mentions drivers), a lock's lease for the ping interval (both
spans of seconds, close in value), and a send interval the candidate proposed for idle cars
at 10x for a claim that the given interval is otherwise, quoted as "8 seconds when the car".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK_DRIVERS = "how many rides per day and how many drivers are online at peak?"
_ASK_PINGS = "how often does a driver send its location?"
_CELLS = (
    "matching reads the drivers in the rider's cell plus the 8 cells that surround it and"
    " picks the nearest"
)
_LOCK = "when a ride is offered, the driver is held by a 10 second lock in Redis"
_PROPOSAL = "at 10x I'd have idle cars send every 8 seconds while parked"
_DRIVERS = "we have 3 million drivers online at the busiest hour"


def _session(catalog: Catalog, line: str) -> tuple[str, list[dict[str, str]]]:
    session = run(
        catalog, "ride-sharing", "adversarial", [_ASK_DRIVERS, _ASK_PINGS, "/next", line, "/end"]
    )
    reply = " ".join(session.exchanges[3].replies)
    return reply, session.report(catalog)["conversation"]["given_contradicted"]


def test_a_count_of_cells_is_no_count_of_drivers(catalog: Catalog) -> None:
    reply, contradictions = _session(catalog, _CELLS)
    assert "Which one are you designing for?" not in reply, reply
    assert not contradictions, contradictions


def test_a_lock_lease_is_not_the_ping_interval(catalog: Catalog) -> None:
    reply, contradictions = _session(catalog, _LOCK)
    assert "Which one are you designing for?" not in reply, reply
    assert not contradictions, contradictions


def test_a_proposed_interval_is_no_disagreement(catalog: Catalog) -> None:
    reply, contradictions = _session(catalog, _PROPOSAL)
    assert "Which one are you designing for?" not in reply, reply
    assert not contradictions, contradictions


def test_a_count_of_drivers_against_the_given_one_is_still_challenged(catalog: Catalog) -> None:
    reply, contradictions = _session(catalog, _DRIVERS)
    assert "Earlier I said one million drivers; you said 3 million drivers" in reply, reply
    assert len(contradictions) == 1, contradictions


def test_a_quoted_figure_stops_before_the_next_clause() -> None:
    from tradeoff.catalog import default_catalog
    from tradeoff.interview.numbers import quantities_in

    refs = default_catalog().numbers["ride-sharing"]
    said = quantities_in("we send every 8 seconds when the car is idle", refs)
    assert [s.text for s in said] == ["8 seconds"]

"""A metrics-backend session typed by hand with the friendly persona (round 30).

"How many active series are there, and how often does each report?" drew "From benchmarks,
one ingest node of the size we buy (64 GB of RAM) holds about 2 million active series in
memory with headroom." rather than "The whole system's cardinality is about 100 million
active time series ...": the node's number counts "active series", which the question
counts, and earned the count bonus. A number said of one machine counts its share, not
what the system has.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_how_many_series_is_the_whole_system(catalog: Catalog) -> None:
    lines = ["How many active series are there, and how often does each report?"]
    session = run(catalog, "metrics-aggregation", "friendly", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "100 million active time series" in reply, reply
    assert "one ingest node" not in reply, reply

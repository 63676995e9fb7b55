"""A metrics-backend session typed by hand with the neutral persona (round 46).

Read as a candidate would:
- "compression: gorilla style delta-of-delta timestamps and XOR values ..." drew "If the
  gorilla goes down at peak, what happens to the requests that need it?": "gorilla" alone
  was a name of the time-series database. Said in a metrics design it is the compression
  scheme.
- "downsampling: a job rolls up raw points into 1 min and 1 hour aggregates" drew "Earlier
  I said about 500,000 alert rules, each evaluated every 30 seconds; you said 1 min": a
  span said as the width of what data is rolled up into is no interval the prompt gives.
- "ok actually 10M series every 10 s is 100K points/s" drew "That looks high to me. What
  makes you pick 10M series?": the 10M was read as what one ingester holds (2 million,
  "series_per_ingester") because the figure's name says "series", though nothing said of
  an ingester; it is the 100 million active series, so it is low, not high. Its working
  (10M every 10 s is 1M a second, not 100K) was not read at all: "every 10 s" now divides.
- The contradiction quoted "you said "10M active series at one"" for "10M active series
  at one point every 10s".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.estimate.check import check_line
from tradeoff.interview.numbers import quantities_in

_ASK = "how many hosts are sending metrics and how many series per host?"


def test_gorilla_compression_is_no_store_to_fail(catalog: Catalog) -> None:
    lines = [_ASK, "/next", "/next", "compression: gorilla style delta-of-delta timestamps and"
             " XOR values gets a point to about 1.4 bytes"]  # fmt: skip
    reply = " ".join(run(catalog, "metrics-aggregation", "neutral", lines).exchanges[-1].replies)
    assert "gorilla" not in reply.lower(), reply


def test_a_rollup_width_is_no_rule_interval(catalog: Catalog) -> None:
    lines = [
        _ASK,
        "Do we need alerting too? and what query latency for dashboards",
        "/next",
        "/next",
        "downsampling: a job rolls up raw points into 1 min and 1 hour aggregates",
        "/end",
    ]
    session = run(catalog, "metrics-aggregation", "neutral", lines)
    reply = " ".join(session.exchanges[-2].replies)
    assert "you said 1 min" not in reply, reply
    assert not session.report(catalog)["conversation"]["contradictions"]


def test_ten_million_series_is_the_fleet_and_low(catalog: Catalog) -> None:
    refs = tuple(catalog.numbers["metrics-aggregation"])
    said = quantities_in("ok actually 10M series every 10 s is 100K points/s, I was off", refs)
    assert said[0].ref is not None and said[0].ref.name == "active_series"
    assert [c.wrong for c in check_line(1, "10M series every 10 s is 100K points/s")] == [True]
    assert [c.wrong for c in check_line(1, "10M series every 10 s is 1M points/s")] == [False]
    lines = [_ASK, "/next", "ok actually 10M series every 10 s is 100K points/s, I was off"]
    reply = " ".join(run(catalog, "metrics-aggregation", "neutral", lines).exchanges[-1].replies)
    assert "looks high" not in reply, reply


def test_the_figure_is_quoted_without_its_next_words(catalog: Catalog) -> None:
    lines = [_ASK, "ok 10M active series at one point every 10s is 1M points/s"]
    reply = " ".join(run(catalog, "metrics-aggregation", "neutral", lines).exchanges[-1].replies)
    assert 'you said "10M active series"' in reply or "you said 10M active series." in reply, reply

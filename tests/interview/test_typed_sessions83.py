"""The mock interviewer's report, read line by line (issue 10, the last wrong lines).

- "Estimate said at 0:00: 240 TB a day (storage per year)": a day's storage was labelled
  with the per-year figure it had been checked against (365 days of it). The label says
  what the spoken figure measures, over its own period.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def _estimates(catalog: Catalog, problem: str, lines: list[str]) -> dict[str, str]:
    report = run(catalog, problem, "adversarial", [*lines, "/end"]).report(catalog)
    return {e["said"]: e["about"] for e in report["conversation"]["estimates"]}


def test_an_estimate_is_labelled_over_its_own_period(catalog: Catalog) -> None:
    said = _estimates(
        catalog,
        "photo-sharing",
        [
            "sorry, 100M / 86,400 is about 1,160 uploads/s; views are 50 billion a day so"
            " about 580K/s",
            "storage: 2.4 MB per photo with renditions is 240 TB a day, about 88 PB a year",
        ],
    )
    assert said["240 TB a day"] == "storage per day"
    assert said["88 PB a year"] == "storage per year"
    assert said["50 billion a day"] == "views per day"
    assert said["580K/s"] == "views per s"

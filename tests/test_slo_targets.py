"""A list of metrics meets "Monitors with concrete metrics and SLOs" only beside a stated
target (a latency or availability bound, an SLO); any other non-functional requirement is
no target. The check once read the requirements ladder's set of target concepts, which
shared its name and counts every non-functional requirement (issue 9)."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review import review_design

_DESIGN = """# Team wiki search

## Non-functional requirements

- {requirement}

## Monitoring

- Metrics: query rate, error rate, index lag.
"""
_ITEM = "Monitors with concrete metrics and SLOs"


def _open(requirement: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "design.md"
    path.write_text(_DESIGN.format(requirement=requirement), encoding="utf-8")
    review = review_design(load_design(path), default_catalog(), None)
    assert review.problem == "generic"
    return [f.message for f in review.findings if _ITEM in f.message]


def test_metrics_beside_a_latency_target_monitor_with_slos(tmp_path: Path) -> None:
    assert _open("Search answers within 300 ms at p99.", tmp_path) == []


def test_metrics_beside_a_requirement_that_sets_no_target_do_not(tmp_path: Path) -> None:
    found = _open("Durability: no page is ever lost, 11 nines.", tmp_path)
    assert found == [f"Mentioned on line 9 but not specified: {_ITEM}"]

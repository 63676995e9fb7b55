"""An item that asks for each of its concepts names the one its quote leaves out.

"Summarises and names what breaks first at 10x" was only mentioned beside "at 10x the
location updates break first; I'd batch fixes ..." with nothing to say what was missing:
the summary.
"""

from __future__ import annotations

from tradeoff.catalog import Catalog
from tradeoff.interview.report import _lacked


def test_the_concept_a_quote_leaves_out_is_named(catalog: Catalog) -> None:
    problem = catalog.get("ride-sharing")
    item = next(i for _, i in problem.rubric.items() if i.every_concept and "summary" in i.concepts)
    lacks = _lacked(item, "at 10x the ping volume breaks first; I'd batch pings on the phone")
    assert "summary" in lacks and "bottlenecks" not in lacks

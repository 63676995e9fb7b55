"""Report credits resting on a line about something else (round 34).

Notification system, wrap-up: "What breaks first at 10x is the provider rate limits." was
listed under "Only mentioned" as the per-user caps and per-provider send limits item, and
with a figure ("... throttle us at about 3,000 sends a second") as covered with substance:
a limit a provider holds the design to is not a limiter the design runs. With the solid
notification answer attached, the item was quoted from its summary's "Bottlenecks:
provider rate limits during campaign bursts", while "Senders enforce per-provider send
limits; per-user caps use the Redis counters." went unread ("send limits" and "per-user
caps" named no rate limiting).

Job portal, design attached: "30 million seekers a day run 10 searches each: about 3,500
searches/s ..." was quoted as covering "... about 580 million checks/s, so matching needs
another shape": a line is another estimate's only when all its figures are another
estimate's, and the 30 million a day (an input the prompt gives) is none.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.design.load import parse_design
from tradeoff.review.context import ReviewContext
from tradeoff.review.coverage import item_support

_WRAP_UP = ["/next", "/next", "/next"]


def _listed(report: dict, item: str) -> list[dict]:
    talk = report["conversation"]
    return [e for e in [*talk["covered"], *talk["mentioned"]] if e["item"] == item]


def test_a_providers_rate_limit_is_not_the_designs(catalog: Catalog) -> None:
    for said in (
        "What breaks first at 10x is the provider rate limits.",
        "What breaks first at 10x is the provider rate limits, since APNs and the SMS provider"
        " throttle us at about 3,000 sends a second.",
    ):
        session = run(catalog, "notification-system", "neutral", [*_WRAP_UP, said])
        assert not _listed(session.report(catalog), "rate-limits"), said


def test_limits_the_senders_enforce_count(catalog: Catalog) -> None:
    said = "Senders enforce per-provider send limits; per-user caps use Redis counters per day."
    session = run(catalog, "notification-system", "neutral", ["/next", "/next", said])
    assert _listed(session.report(catalog), "rate-limits")


def test_the_solid_answer_is_credited_from_its_limits_line(catalog: Catalog) -> None:
    problem = catalog.get("notification-system")
    text = (Path(__file__).parents[1] / "data/answers/notification-system/solid.md").read_text()
    context = ReviewContext(
        doc=parse_design(text), problem=problem, rubric=problem.rubric,
        vocabulary=catalog.vocabulary, level="senior", interview_type=problem.type,
    )  # fmt: skip
    (item,) = [i for _, i in problem.rubric.items() if i.id == "rate-limits"]
    found = item_support(item, context.claims, context.mentions, "reliability")
    assert found.claim is not None and "per-user caps" in found.claim.quote, found.claim


_DESIGN = """# Job portal

## Estimates
- 30 million seekers a day run 10 searches each: about 3,500 searches/s, 10,000 at the Monday peak.
- 20 million open postings at 5 KB is 100 GB raw, about 200 GB indexed.

## Design
- Jobs live in PostgreSQL; an indexer feeds Elasticsearch from the outbox within a minute.
"""


def test_an_input_on_the_search_rate_line_makes_it_no_alert_estimate(
    catalog: Catalog, tmp_path: Path
) -> None:
    session = run(
        catalog, "job-portal", "neutral", ["/design {design}", "/end"], tmp=tmp_path,
        design=_DESIGN,
    )  # fmt: skip
    report = session.report(catalog)
    assert not _listed(report, "alert-matching"), _listed(report, "alert-matching")
    assert _listed(report, "search-rate")

"""The report's dimension lines: a score and its "N with substance" rest on one coverage.

Over simulated transcripts, each dimension's count of points covered with substance is the
count the reviewer scored, the listing above the scores holds exactly those points, and a
score that the count alone does not explain names what does (the depth reached, a cap).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from simulate import run
from test_simulated_candidates import URL_ADVERSARIAL, URL_DESIGN, URL_TERSE

from tradeoff.catalog import Catalog
from tradeoff.practice.models import SessionReport
from tradeoff.practice.report_text import render

SCRIPTS: dict[str, tuple[str, str, list[str]]] = {
    "url-adversarial": ("url-shortener", "adversarial", URL_ADVERSARIAL),
    "url-terse": ("url-shortener", "terse", URL_TERSE),
    "id-neutral": (
        "unique-id-generator",
        "neutral",
        [
            "I'll assume 100,000 ids per second at peak across all services.",
            "/next",
            "Each node packs a timestamp, a worker id and a sequence into 64 bits.",
            "Worker ids are leased from etcd, so no two live processes share one.",
            "/end",
        ],
    ),
    "crawler-neutral": (
        "web-crawler",
        "neutral",
        [
            "How many pages a month do we fetch, and how big is a page?",
            "So 10 billion pages a month is about 3,800 pages/s, 380 TB a month at 100 KB.",
            "/next",
            "A frontier queue feeds fetchers; a per-host queue keeps us polite to each site.",
            "/end",
        ],
    ),
    "payments-neutral": (
        "payment-system",
        "neutral",
        [
            "/next",
            "We'll store payments in a ledger table.",
            "Because every movement needs a debit and a credit that sum to zero.",
            "/end",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_scores_and_substance_lines_agree(name: str, catalog: Catalog, tmp_path: Path) -> None:
    problem, persona, script = SCRIPTS[name]
    result = run(catalog, problem, persona, script, tmp=tmp_path, design=URL_DESIGN)
    report = result.report(catalog)
    talk = report["conversation"]
    lines = render(SessionReport.load(report))
    for dimension, dim in report["review"]["dimensions"].items():
        if dim["score"] is None:
            continue
        listed = [c for c in talk["covered"] if c["dimension"] == dimension]
        assert dim["covered"] == dim["scored_covered"] == len(listed), (dimension, dim)
        line = next(x for x in lines if x.startswith(f"  {dimension}: "))
        assert f"{len(listed)} of {dim['expected']} points with substance" in line, line
        if dim["score"] == 0 and listed:
            # Items covered but a 0: a rule caps it, problems at a line took it off, or the
            # design reached no depth.
            assert dim["capped_by"] or dim["penalties"] >= 0.5 or dim["depth"] is None, dim
            assert "held at" in line or " off for " in line or "depth" in line, line
        if dim["score"] >= 1 and not listed:
            # No point with substance: the depth half earned it, whole steps or part of one.
            step = (
                f'depth reached "{dim["depth"]}"'
                if dim["depth"]
                else f'depth: part way to "{dim["partly"]}"'
                if dim["partly"]
                else None
            )
            assert step is not None and step in line, line
        if dim["depth"] is None and dim["partly"] is not None:
            assert "depth: none shown yet" not in line, line
        # What was shown and what is missing, by name (iv12: "3 of 4 points with substance;
        # deepest step: none yet" said neither).
        for entry in talk["mentioned"] + talk["missing"]:
            if entry["dimension"] == dimension:
                assert entry["item"].replace("-", " ") in line, (entry, line)

"""A design with no API hears it once: API101 says so, and API110 does not repeat it as
"Not covered: Defines the API" beside it (two next steps for one point)."""

from __future__ import annotations

from tradeoff.catalog import default_catalog
from tradeoff.design.load import parse_design
from tradeoff.review import review_design

DESIGN = """# Team knowledge helper

## Requirements

- Staff ask questions in chat and get answers with links to the documents used.
- 10,000 employees, about 70 questions a second at peak.

## Design

- A retriever finds the 20 nearest chunks in a vector index and a reranker keeps 5.
- Chunks and their access lists are kept in Postgres, keyed by chunk id.
"""


def test_no_api_is_reported_once() -> None:
    review = review_design(parse_design(DESIGN, "d.md"), default_catalog(), None)
    api = [f for f in review.findings if f.rule in ("API101", "API110")]
    assert [f.rule for f in api if "API" in f.message or f.rule == "API101"] == ["API101"], [
        (f.rule, f.message) for f in api
    ]
    assert not any("Defines the API" in f.message for f in review.findings)

"""Single points of failure and connectivity from the diagram graph."""

from __future__ import annotations

from tradeoff.catalog import Catalog
from tradeoff.design import parse_design
from tradeoff.review import review_design


def _kinds(catalog: Catalog, text: str) -> list[tuple[str, int | None]]:
    review = review_design(parse_design(text), catalog, "url-shortener")
    return [(f.kind, f.evidence.line) for f in review.findings if f.rule.startswith("CMP10")]


FLOW = "```mermaid\nflowchart LR\n{body}\n```\n"


def test_single_database_on_every_path_is_flagged_at_its_line(catalog: Catalog) -> None:
    text = FLOW.format(
        body="  C[Client] --> LB[Load balancer]\n  LB --> A[App]\n  A --> DB[(Postgres)]"
    )
    assert ("single-point-of-failure", 5) in _kinds(catalog, text)


def test_replicated_database_is_not_flagged(catalog: Catalog) -> None:
    text = FLOW.format(
        body="  C[Client] --> A[App]\n  A --> DB[(Postgres primary)]\n  DB --> R[(Read replica)]"
    )
    assert not any(k == "single-point-of-failure" for k, _ in _kinds(catalog, text))


def test_replication_stated_in_text_clears_the_node(catalog: Catalog) -> None:
    text = FLOW.format(body="  C[Client] --> A[App]\n  A --> DB[(Postgres)]") + (
        "The Postgres database has two synchronous replicas and automatic failover.\n"
    )
    assert not any(k == "single-point-of-failure" for k, _ in _kinds(catalog, text))


def test_cache_that_every_path_crosses_is_an_articulation_point(catalog: Catalog) -> None:
    text = FLOW.format(
        body="  C[Client] --> A[App]\n  A --> R[(Redis cache)]\n  R --> DB[(Postgres cluster)]"
    )
    assert ("single-point-of-failure", 4) in _kinds(catalog, text)


def test_disconnected_storage_is_reported(catalog: Catalog) -> None:
    text = FLOW.format(body="  C[Client] --> A[App]\n  DB[(Postgres cluster)]")
    assert ("disconnected-diagram", None) in _kinds(catalog, text)


def test_stated_single_instance_in_prose(catalog: Catalog) -> None:
    text = "# Design\nAll links are stored in a single Postgres instance.\n"
    assert ("single-point-of-failure", 2) in _kinds(catalog, text)


def test_negated_single_instance_is_not_flagged(catalog: Catalog) -> None:
    text = "# Design\nWe avoid a single database instance by running three replicas.\n"
    assert not any(k == "single-point-of-failure" for k, _ in _kinds(catalog, text))

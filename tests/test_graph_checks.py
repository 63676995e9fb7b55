"""Single points of failure and connectivity from the diagram graph."""

from __future__ import annotations

import json
from pathlib import Path

from tradeoff.catalog import Catalog
from tradeoff.design import load_design, parse_design
from tradeoff.review import review_design
from tradeoff.review.graph import says_redundant


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


def _board(tmp_path: Path, labels: list[str]) -> Path:
    """A drawing of boxes in a column, each joined to the next by an arrow."""
    elements: list[dict[str, object]] = []
    for index, label in enumerate(labels):
        elements.append({"id": f"b{index}", "type": "rectangle", "x": 0, "y": 100 * index})
        elements.append(
            {"id": f"t{index}", "type": "text", "text": label, "containerId": f"b{index}"}
        )
        if index:
            elements.append(
                {
                    "id": f"a{index}",
                    "type": "arrow",
                    "startBinding": {"elementId": f"b{index - 1}"},
                    "endBinding": {"elementId": f"b{index}"},
                }
            )
    path = tmp_path / "board.excalidraw"
    path.write_text(json.dumps({"type": "excalidraw", "elements": elements}))
    return path


def test_excalidraw_labels_count_for_coverage_as_mermaid_labels_do(
    catalog: Catalog, tmp_path: Path
) -> None:
    board = _board(tmp_path, ["Client", "Load balancer", "App server", "MySQL"])
    review = review_design(load_design(board), catalog, "url-shortener")
    messages = [f.message for f in review.findings if f.rule in ("CMP101", "CMP110")]
    assert not any("load balancer" in m.lower() for m in messages)
    spof = [f for f in review.findings if f.rule == "CMP103"]
    assert [(f.evidence.line, f.evidence.quote) for f in spof] == [(4, "MySQL")]


def _spof(catalog: Catalog, text: str, problem: str | None = "url-shortener") -> list[str]:
    review = review_design(parse_design(text), catalog, problem)
    return [f.evidence.quote or "" for f in review.findings if f.rule == "CMP103"]


SCALED = "  C[Mobile clients] --> LB[Load balancer]\n  LB --> A[App servers]\n"


def test_single_redis_every_app_server_uses_is_flagged_next_to_a_replicated_store(
    catalog: Catalog,
) -> None:
    body = SCALED + "  A --> R[(Redis)]\n  A --> DB[(Cassandra cluster)]"
    assert _spof(catalog, FLOW.format(body=body)) == ["Redis"]


def test_cluster_manager_and_geo_index_are_coordinating_and_stateful(catalog: Catalog) -> None:
    body = SCALED + "  A --> CM[Cluster Manager]\n  A --> GEO[(Redis Geo Index)]"
    assert _spof(catalog, FLOW.format(body=body)) == ["Cluster Manager", "Redis Geo Index"]


def test_primary_alone_is_not_redundancy(catalog: Catalog) -> None:
    body = SCALED + "  A --> DB[(Postgres primary)]"
    assert _spof(catalog, FLOW.format(body=body)) == ["Postgres primary"]


def test_a_cache_inside_each_app_server_is_not_a_single_point(catalog: Catalog) -> None:
    body = SCALED + "  A --> L[In-process cache per app server]\n  A --> DB[(Cassandra cluster)]"
    assert _spof(catalog, FLOW.format(body=body)) == []


def test_copies_stated_in_prose_about_that_node_clear_it(catalog: Catalog) -> None:
    body = SCALED + "  A --> R[(Redis)]\n  A --> DB[(Cassandra cluster)]"
    text = FLOW.format(body=body) + "Redis runs as three nodes under Sentinel.\n"
    assert _spof(catalog, text) == []


def test_another_components_copies_do_not_clear_it(catalog: Catalog) -> None:
    body = SCALED + "  A --> R[(Redis)]\n  A --> DB[(Cassandra cluster)]"
    text = FLOW.format(body=body) + "Cassandra keeps three replicas of every row.\n"
    assert _spof(catalog, text) == ["Redis"]


def test_without_any_need_for_redundancy_a_single_store_is_not_flagged(catalog: Catalog) -> None:
    text = "# Notes app for one person\n" + FLOW.format(
        body="  U[User terminal] --> N[Notes service]\n  N --> DB[(Postgres)]"
    )
    assert _spof(catalog, text, None) == []
    stated = text + "It must stay up: 99.9% availability for 5,000 users/s.\n"
    assert _spof(catalog, stated, None) == ["Postgres"]


def test_state_diagrams_are_not_component_graphs(catalog: Catalog) -> None:
    text = "```mermaid\nstateDiagram-v2\n  [*] --> Client\n  Client --> Redis: connect\n```\n"
    assert _spof(catalog, text) == []


def _missing(catalog: Catalog, text: str, problem: str) -> list[tuple[str, int | None]]:
    review = review_design(parse_design(text), catalog, problem)
    return [(f.message, f.evidence.line) for f in review.findings if f.rule == "CMP101"]


def test_a_component_drawn_under_its_own_name_is_not_missing(catalog: Catalog) -> None:
    text = FLOW.format(
        body="  C[Client] --> G[API Gateway]\n  G --> CS[Config Service]\n  G --> R[(Redis)]"
    )
    assert not any(
        "config service" in m.lower() for m, _ in _missing(catalog, text, "rate-limiter")
    )


def test_a_component_named_but_not_described_is_mentioned_not_missing(catalog: Catalog) -> None:
    # A list of names names the config service; it says nothing of what it does. ("Rules
    # could live in a config service" is a soft decision, and places it.)
    text = "# Rate limiter\n## Design\nThe stack: Envoy, Redis, Kafka and a config service.\n"
    found = [(m, n) for m, n in _missing(catalog, text, "rate-limiter") if "onfig" in m]
    assert found == [
        (
            "Rules config service is mentioned on line 3 but not specified: Stores rules and"
            " pushes changes to gateways, which keep them in memory.",
            3,
        )
    ]


def test_a_failure_answered_by_each_instance_s_own_copy_clears_the_node(catalog: Catalog) -> None:
    body = SCALED + "  A --> RDB[(Rules DB)]\n  A --> DB[(Cassandra cluster)]"
    text = FLOW.format(body=body) + (
        "- *Failure:* the Rules DB goes down.\n"
        "- *Mitigation:* app servers keep serving with their locally cached rules.\n"
    )
    assert _spof(catalog, text) == []


def test_a_cluster_named_in_the_same_list_belongs_to_its_own_item(catalog: Catalog) -> None:
    body = SCALED + "  A --> DB[(Postgres)]\n  A --> K[Kafka]"
    text = FLOW.format(body=body) + "We use Postgres for the data, Kafka for events.\n"
    assert _spof(catalog, text) == ["Postgres"]


def test_another_components_failover_on_the_same_line_does_not_clear_it(catalog: Catalog) -> None:
    body = SCALED + "  A --> R[(Redis)]\n  A --> DB[(Cassandra cluster)]"
    text = FLOW.format(body=body) + (
        "If Redis is slow we add a timeout. If an app server dies the load balancer sends"
        " traffic to the others.\n"
    )
    assert _spof(catalog, text) == ["Redis"]


def test_an_arrow_to_a_subgraph_reaches_every_node_drawn_in_it() -> None:
    from tradeoff.review.graph import DesignGraph

    text = (
        "```mermaid\nflowchart LR\n  subgraph Core[Core services]\n    P[Post Service]\n"
        "    F[Feed Service]\n  end\n  subgraph Storage\n    DB[(Postgres)]\n  end\n"
        "  C[Clients] --> Core\n  Core --> Storage\n```\n"
    )
    graph = DesignGraph.from_diagrams(parse_design(text).diagrams)
    assert graph.links["postgres"] == {"post service", "feed service"}
    assert graph.links["clients"] == {"post service", "feed service"}
    assert "core" not in graph.nodes and "storage" not in graph.nodes


def test_distributed_rate_limiting_names_the_technique_not_copies_of_the_store() -> None:
    """'Redis for distributed rate limiting' says what the gateways do together; it gives
    Redis no replica, where 'a distributed key-value store' is a cluster."""
    assert not says_redundant("counters live in Redis for distributed rate limiting")
    assert says_redundant("counters live in a distributed key-value store")

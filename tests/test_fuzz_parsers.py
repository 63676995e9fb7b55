"""Property tests: no input makes a parser crash, and every reported line exists."""

from __future__ import annotations

import contextlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradeoff.catalog import Catalog, load_catalog
from tradeoff.design import parse_design
from tradeoff.design.excalidraw import DrawingError, parse_excalidraw
from tradeoff.design.model import Diagram, Edge, Node
from tradeoff.estimate.check import check_line
from tradeoff.review import review_design
from tradeoff.review.graph import DesignGraph

MERMAID_BITS = st.sampled_from(
    [
        "flowchart LR", "graph TD", "sequenceDiagram", "classDiagram", "A --> B", "A[Client]",
        "B[(DB)]", "C{{LB}}", "-->|x|", "---", "-.->", "==>", "&", "subgraph s", "end",
        "participant A as B", "A->>B: hi", "class X {", "}", "X <|-- Y", "%% c", "[[", "((",
        '"', ":::", "click A", "style A", "]]", "))", "{", "A-->", "-->B",
    ]
)  # fmt: skip
TEXT_BITS = st.sampled_from(
    [
        "# Title", "## Requirements", "1. Step", "**Bold**", "Candidate: hi?", "Interviewer: ok",
        "```mermaid", "```", "GET /v1/x", "100M/day = 1.16M QPS", "- item", "| a | b |", "",
        "We don't need a cache.", "We could use Redis or Memcached.", "<!--", "-->", "~~~",
        "500 GB x 3 = 1.5 TB", "per day", "2^32", "Setext", "====",
    ]
)  # fmt: skip
CATALOG: Catalog = load_catalog(check_derivations=False)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TEXT_BITS, MERMAID_BITS, st.text(max_size=40)), max_size=40))
def test_any_markdown_parses_and_reviews(parts: list[str]) -> None:
    text = "\n".join(parts)
    doc = parse_design(text)
    lines = doc.lines
    for notice in doc.notices:
        assert notice.line is None or 1 <= notice.line <= len(lines)
    review = review_design(doc, CATALOG, "url-shortener")
    for finding in review.findings:
        line, quote = finding.evidence.line, finding.evidence.quote
        if line is not None:
            assert quote is not None and quote in lines[line - 1]


@settings(max_examples=150)
@given(st.lists(MERMAID_BITS, min_size=1, max_size=25))
def test_any_mermaid_block_parses(parts: list[str]) -> None:
    doc = parse_design("```mermaid\n" + "\n".join(parts) + "\n```\n")
    for diagram in doc.diagrams:
        for edge in diagram.edges:
            assert edge.source in diagram.nodes and edge.target in diagram.nodes


BOUND = st.sampled_from(["a", "b", "x"])
ELEMENT = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["a", "b", "c", "d", "t1", "t2"]),
        "type": st.sampled_from(["rectangle", "ellipse", "diamond", "arrow", "text", "line"]),
    },
    optional={
        "text": st.text(max_size=20),
        "containerId": st.sampled_from(["a", "b", "c", None]),
        "startBinding": st.one_of(st.none(), st.fixed_dictionaries({"elementId": BOUND})),
        "endBinding": st.one_of(st.none(), st.fixed_dictionaries({"elementId": BOUND})),
        "isDeleted": st.booleans(),
    },
)  # fmt: skip


@settings(max_examples=150)
@given(st.lists(ELEMENT, max_size=12))
def test_any_excalidraw_scene_parses(elements: list[dict[str, object]]) -> None:
    diagram, _ = parse_excalidraw(json.dumps({"type": "excalidraw", "elements": elements}))
    for edge in diagram.edges:
        assert edge.source in diagram.nodes and edge.target in diagram.nodes


@given(st.text(max_size=200))
def test_arbitrary_bytes_of_json_never_crash_the_drawing_parser(text: str) -> None:
    with contextlib.suppress(DrawingError):
        parse_excalidraw(text)


UNIT_BITS = st.sampled_from(
    ["100M", "1.5B", "86,400", "x", "/", "=", "->", "per day", "/s", "QPS", "KB", "GB", "TB",
     "Gbps", "bytes", "users", "(", ")", "3", "12K", "months", "years", "is about", "2^32", "%"]
)  # fmt: skip


@given(st.lists(UNIT_BITS, max_size=14))
def test_estimate_checker_never_crashes_on_estimate_like_text(parts: list[str]) -> None:
    text = " ".join(parts)
    for check in check_line(3, text):
        assert check.quote in text and check.ratio > 0


def _brute_force_cut_vertices(graph: DesignGraph, nodes: set[str]) -> set[str]:
    def components(without: str | None) -> int:
        seen: set[str] = set()
        count = 0
        for start in nodes - {without}:
            if start in seen:
                continue
            count += 1
            seen |= graph.component(start, without=without) & nodes
        return count

    base = components(None)
    return {n for n in nodes if components(n) > base}


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, 7)).filter(lambda e: e[0] != e[1]),
        max_size=16,
    )
)
def test_articulation_points_match_brute_force(edges: list[tuple[int, int]]) -> None:
    diagram = Diagram("flowchart", 1, 2)
    for index in range(8):
        diagram.nodes[str(index)] = Node(str(index), f"n{index}", "service", 1)
    diagram.edges = [Edge(str(a), str(b), "", 1) for a, b in edges]
    graph = DesignGraph.from_diagrams([diagram])
    nodes = set(graph.nodes)
    assert graph.articulation_points(nodes) == _brute_force_cut_vertices(graph, nodes)

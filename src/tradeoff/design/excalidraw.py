"""Read an Excalidraw drawing (.excalidraw JSON): labelled shapes are nodes, bound arrows edges.

A drawing has no lines of text, yet the review matches concepts on lines and cites them. So
every piece of text on the board (a shape's label, an arrow's label, a free note) becomes one
line of the design, top to bottom as a reader scans the board, and each node and edge keeps
the number of its line: a box labelled "Load balancer" counts exactly as a Mermaid node
with that label does, and a finding can quote it.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from tradeoff.design.kinds import infer_kind
from tradeoff.design.model import Diagram, Edge, Node, Notice
from tradeoff.errors import TradeoffError

_SHAPES = {"rectangle": "box", "ellipse": "circle", "diamond": "rhombus"}


class DrawingError(TradeoffError):
    """An Excalidraw file that is not valid JSON or not a drawing at all."""


def parse_excalidraw(text: str, name: str = "drawing") -> tuple[Diagram, list[Notice]]:
    """Build a diagram from an Excalidraw scene; text bound to a shape becomes its label."""
    try:
        scene = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DrawingError(
            f"{name}: not valid Excalidraw JSON (line {exc.lineno}: {exc.msg});"
            " export it again from Excalidraw with File > Save"
        ) from None
    except RecursionError:  # json recurses per level: "[[[[..." 100k deep is not a drawing
        raise DrawingError(
            f"{name}: JSON nested too deeply to be an Excalidraw drawing;"
            " export it again from Excalidraw with File > Save"
        ) from None
    elements = scene.get("elements") if isinstance(scene, dict) else None
    if not isinstance(elements, list):
        raise DrawingError(f"{name}: no 'elements' list; is this an .excalidraw file?")
    live = [e for e in elements if isinstance(e, dict) and not e.get("isDeleted")]
    by_id = {str(e.get("id")): e for e in live if e.get("id") is not None}
    diagram = Diagram("excalidraw", None, None)
    notices: list[Notice] = []
    labels = _bound_labels(live)
    edge_elements: list[str] = []  # the arrow each edge came from, index for index
    for element in live:
        kind = element.get("type")
        if kind in _SHAPES:
            element_id = str(element.get("id"))
            label = labels.get(element_id, "")
            shape = _SHAPES[str(kind)]
            diagram.nodes[element_id] = Node(
                element_id, label or f"(unlabelled {kind})", infer_kind(label, shape), None, shape
            )
    for element in live:
        if element.get("type") not in ("arrow", "line"):
            continue
        start = _binding(element.get("startBinding"))
        end = _binding(element.get("endBinding"))
        label = labels.get(str(element.get("id")), "")
        if start in diagram.nodes and end in diagram.nodes:
            diagram.edges.append(Edge(start, end, label, None))
            edge_elements.append(str(element.get("id")))
        elif element.get("type") == "arrow":
            what = f" labelled {label!r}" if label else ""
            notices.append(Notice(None, f"{name}: an arrow{what} is not attached at both ends"))
    # Free text that is not bound to anything is kept as a node of its own kind "note".
    for element in live:
        if element.get("type") == "text" and not element.get("containerId"):
            text_value = _one_line(element.get("text") or element.get("originalText"))
            if text_value and str(element.get("id")) in by_id:
                node_id = str(element.get("id"))
                diagram.nodes[node_id] = Node(node_id, text_value, "note", None, "text")
    _number_lines(diagram, by_id, edge_elements)
    return diagram, notices


def drawing_lines(diagram: Diagram) -> list[str]:
    """The drawing's text as lines: lines[n - 1] is the label of the node or edge on line n."""
    numbered: dict[int, str] = {}
    for node in diagram.nodes.values():
        if node.line is not None:
            numbered[node.line] = node.label
    for edge in diagram.edges:
        if edge.line is not None:
            numbered[edge.line] = edge.label
    return [numbered[n] for n in sorted(numbered)]


def _number_lines(
    diagram: Diagram, by_id: dict[str, dict[str, Any]], edge_elements: list[str]
) -> None:
    """Give each node and edge with text a line, ordered top to bottom, then left to right."""
    order = {element_id: index for index, element_id in enumerate(by_id)}
    with_text = [k for k, n in diagram.nodes.items() if not n.label.startswith("(unlabelled ")]
    with_text += [edge_elements[i] for i, e in enumerate(diagram.edges) if e.label]
    placed = sorted((*_position(by_id.get(k)), order.get(k, 0), k) for k in with_text)
    line_of = {element_id: n for n, (*_, element_id) in enumerate(placed, start=1)}
    for node_id, node in list(diagram.nodes.items()):
        if node_id in line_of:
            diagram.nodes[node_id] = replace(node, line=line_of[node_id])
    for index, edge in enumerate(diagram.edges):
        if edge.label and edge_elements[index] in line_of:
            diagram.edges[index] = replace(edge, line=line_of[edge_elements[index]])


def _position(element: dict[str, Any] | None) -> tuple[float, float]:
    if element is None:
        return (0.0, 0.0)
    values = []
    for key in ("y", "x"):
        value = element.get(key)
        values.append(float(value) if isinstance(value, int | float) else 0.0)
    return values[0], values[1]


def _bound_labels(elements: list[dict[str, Any]]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for element in elements:
        if element.get("type") == "text" and element.get("containerId"):
            container = str(element["containerId"])
            text = _one_line(element.get("text") or element.get("originalText"))
            joined = f"{labels.get(container, '')} {text}".strip()
            if joined:
                labels[container] = joined
    return labels


def _one_line(value: Any) -> str:
    """A label wrapped over several lines in the drawing ("App\\nserver") is one line here."""
    return re.sub(r"\s+", " ", str(value or "")).strip()


def _binding(value: Any) -> str | None:
    if isinstance(value, dict) and value.get("elementId") is not None:
        return str(value["elementId"])
    return None

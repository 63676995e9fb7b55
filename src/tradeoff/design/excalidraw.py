"""Read an Excalidraw drawing (.excalidraw JSON): labelled shapes are nodes, bound arrows edges."""

from __future__ import annotations

import json
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
    elements = scene.get("elements") if isinstance(scene, dict) else None
    if not isinstance(elements, list):
        raise DrawingError(f"{name}: no 'elements' list; is this an .excalidraw file?")
    live = [e for e in elements if isinstance(e, dict) and not e.get("isDeleted")]
    by_id = {str(e.get("id")): e for e in live if e.get("id") is not None}
    diagram = Diagram("excalidraw", None, None)
    notices: list[Notice] = []
    labels = _bound_labels(live)
    for element in live:
        kind = element.get("type")
        if kind in _SHAPES:
            element_id = str(element.get("id"))
            label = labels.get(element_id, "").strip()
            shape = _SHAPES[str(kind)]
            diagram.nodes[element_id] = Node(
                element_id, label or f"(unlabelled {kind})", infer_kind(label, shape), None, shape
            )
    for element in live:
        if element.get("type") not in ("arrow", "line"):
            continue
        start = _binding(element.get("startBinding"))
        end = _binding(element.get("endBinding"))
        label = labels.get(str(element.get("id")), "").strip()
        if start in diagram.nodes and end in diagram.nodes:
            diagram.edges.append(Edge(start, end, label, None))
        elif element.get("type") == "arrow":
            what = f" labelled {label!r}" if label else ""
            notices.append(Notice(None, f"{name}: an arrow{what} is not attached at both ends"))
    # Free text that is not bound to anything is kept as a node of its own kind "note".
    for element in live:
        if element.get("type") == "text" and not element.get("containerId"):
            text_value = str(element.get("text") or "").strip()
            if text_value and str(element.get("id")) in by_id:
                node_id = str(element.get("id"))
                diagram.nodes[node_id] = Node(node_id, text_value, "note", None, "text")
    return diagram, notices


def _bound_labels(elements: list[dict[str, Any]]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for element in elements:
        if element.get("type") == "text" and element.get("containerId"):
            container = str(element["containerId"])
            text = str(element.get("text") or element.get("originalText") or "")
            labels[container] = f"{labels.get(container, '')} {text}".strip()
    return labels


def _binding(value: Any) -> str | None:
    if isinstance(value, dict) and value.get("elementId") is not None:
        return str(value["elementId"])
    return None

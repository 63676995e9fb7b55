"""The practice room's two artefacts, the Markdown text and the Excalidraw board, as one design.

The reviewer, the interviewer and the scorecard all read a design as text with line
numbers. A board is read by the Excalidraw parser (bound text becomes labels, bound arrows
edges) and written after the text as a Mermaid flowchart with its free notes as a list, so
a box labelled "Load balancer" counts as the same box drawn in Mermaid and a finding can
cite the line it is on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tradeoff.design.excalidraw import parse_excalidraw
from tradeoff.design.model import Diagram
from tradeoff.services.errors import BadInputError

BOARD_HEADING = "## Whiteboard"
_MERMAID_SHAPES = {"box": ('["', '"]'), "circle": ('(("', '"))'), "rhombus": ('{"', '"}')}


@dataclass(frozen=True)
class Board:
    """A saved board: its JSON as the browser sent it, and what the reviewer reads of it."""

    json: str
    text: str  # the board section of the design ("" for an empty board)
    notices: list[str]  # what could not be read (an arrow attached at one end only)
    elements: int  # shapes, arrows and text on the board


def read_board(raw: str) -> Board:
    """Parse the browser's Excalidraw scene; a scene that is not a drawing is a clear 400."""
    try:
        scene = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadInputError(
            f"the board is not Excalidraw JSON (line {exc.lineno}: {exc.msg}); reload the room"
        ) from None
    except RecursionError:
        raise BadInputError("the board's JSON is nested too deeply to be a drawing") from None
    diagram, notices = parse_excalidraw(raw, "the board")
    return Board(raw, board_text(diagram), [n.message for n in notices], len(live(scene)))


def live(scene: Any) -> list[dict[str, Any]]:
    """The elements a person sees: Excalidraw keeps deleted ones with isDeleted set."""
    elements = scene.get("elements") if isinstance(scene, dict) else None
    if not isinstance(elements, list):
        return []
    return [e for e in elements if isinstance(e, dict) and not e.get("isDeleted")]


def same_drawing(a: str, b: str) -> bool:
    """Whether two scenes draw the same elements; scrolling or zooming is not a new version."""
    try:
        return live(json.loads(a)) == live(json.loads(b))
    except (json.JSONDecodeError, RecursionError):
        return a == b


def board_text(diagram: Diagram) -> str:
    """The board as Markdown: a Mermaid flowchart of its shapes and arrows, then its notes."""
    shapes = [n for n in diagram.nodes.values() if n.kind != "note"]
    notes = [n for n in diagram.nodes.values() if n.kind == "note"]
    shapes.sort(key=lambda n: (n.line is None, n.line or 0))
    notes.sort(key=lambda n: (n.line is None, n.line or 0))
    if not shapes and not notes:
        return ""
    lines = [BOARD_HEADING, ""]
    if shapes:
        ids = {node.id: f"n{index}" for index, node in enumerate(shapes, start=1)}
        lines += ["```mermaid", "flowchart LR"]
        for node in shapes:
            unlabelled = node.label.startswith("(unlabelled ")
            opening, closing = _MERMAID_SHAPES.get(node.shape, _MERMAID_SHAPES["box"])
            label = "" if unlabelled else f"{opening}{_quoted(node.label)}{closing}"
            lines.append(f"  {ids[node.id]}{label}")
        for edge in diagram.edges:
            if edge.source in ids and edge.target in ids:
                label = f'|"{_quoted(edge.label)}"|' if edge.label else ""
                lines.append(f"  {ids[edge.source]} -->{label} {ids[edge.target]}")
        lines.append("```")
    if notes:
        if shapes:
            lines.append("")
        lines += ["Notes on the board:", "", *(f"- {note.label}" for note in notes)]
    return "\n".join(lines)


def _quoted(label: str) -> str:
    """A label safe inside Mermaid's quotes and an edge's bars."""
    return label.replace('"', "'").replace("|", "/")


def compose(text: str, board: str) -> str:
    """The design the reviewer reads: the editor's text, then the board's section."""
    if not board:
        return text
    if not text.strip():
        return board + "\n"
    return f"{text.rstrip()}\n\n{board}\n"

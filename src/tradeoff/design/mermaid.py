"""Parse Mermaid flowcharts, sequence diagrams and class diagrams into a graph with line numbers.

Only the statements that carry structure are read: nodes, edges, participants, messages,
classes and relations. Styling (classDef, style, linkStyle, click) is skipped. A statement
that cannot be read becomes a Notice, so a broken block still yields what it could.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from tradeoff.design.kinds import infer_kind
from tradeoff.design.model import Diagram, Edge, Node, Notice

# (opening, closing, shape); longest openings first so "[(" wins over "[".
_SHAPES: list[tuple[str, str, str]] = [
    ("(((", ")))", "circle"),
    ("[[", "]]", "subroutine"),
    ("[(", ")]", "cylinder"),
    ("([", "])", "stadium"),
    ("((", "))", "circle"),
    ("{{", "}}", "hexagon"),
    ("[/", "/]", "parallelogram"),
    ("[\\", "\\]", "parallelogram"),
    ("[/", "\\]", "trapezoid"),
    (">", "]", "flag"),
    ("[", "]", "box"),
    ("(", ")", "rounded"),
    ("{", "}", "rhombus"),
]
_ID = re.compile(r"[A-Za-z0-9_](?:[\w:]|[.-](?![-.>=]))*")
_EDGE = re.compile(r"\s*<?(?:-{2,}|-\.+-|={2,}|~{3,})(?:>|[ox](?=\s))?(?:\|([^|]*)\|)?\s*")
_TEXT_EDGE = re.compile(r"(--|-\.|==)\s+([^->=|][^>|]*?)\s+(-->|\.->|==>|---|-\.-|===)")
_SKIP = re.compile(
    r"^\s*(%%|classDef\b|class\s+\S+\s+\S+|style\b|linkStyle\b|click\b|direction\b|end\s*$|accTitle|accDescr|title\b)"
)
_SUBGRAPH = re.compile(r"^\s*subgraph\s+(.*)$")


@dataclass
class _Cursor:
    text: str
    pos: int = 0

    def rest(self) -> str:
        return self.text[self.pos :]

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1


def header_kind(first_line: str) -> str | None:
    word = first_line.strip().split(maxsplit=1)[0].lower() if first_line.strip() else ""
    if word in ("flowchart", "graph"):
        return "flowchart"
    if word == "sequencediagram":
        return "sequence"
    if word in ("classdiagram", "classdiagram-v2"):
        return "class"
    return None


def parse_mermaid(
    body: list[tuple[int, str]], start: int, end: int
) -> tuple[Diagram, list[Notice]]:
    """Parse a Mermaid block; `body` is (line number, text) for the lines inside the fence."""
    meaningful = [(n, t) for n, t in body if t.strip() and not t.strip().startswith("%%")]
    if not meaningful:
        return Diagram("flowchart", start, end), [Notice(start, "empty Mermaid block")]
    first_line, first = meaningful[0]
    kind = header_kind(first)
    if kind is None:
        word = first.strip().split()[0]
        message = (
            f"Mermaid block starts with {word!r}; expected flowchart, graph, sequenceDiagram"
            " or classDiagram, so its diagram was not read"
        )
        return Diagram("flowchart", start, end), [Notice(first_line, message)]
    diagram = Diagram(kind, start, end)
    parser = {"flowchart": _flowchart_line, "sequence": _sequence_line, "class": _class_line}[kind]
    notices: list[Notice] = []
    state: dict[str, str] = {}
    for number, text in meaningful[1:]:
        for statement in _split_statements(text):
            if not parser(diagram, statement, number, state):
                shown = statement.strip()[:60]
                notices.append(Notice(number, f"could not read Mermaid statement {shown!r}"))
    return diagram, notices


def _split_statements(text: str) -> list[str]:
    return [part for part in re.split(r";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", text) if part.strip()]


# --- flowchart -------------------------------------------------------------------------


def _flowchart_line(diagram: Diagram, text: str, line: int, state: dict[str, str]) -> bool:
    if _SKIP.match(text):
        return True
    sub = _SUBGRAPH.match(text)
    if sub:
        return True  # subgraphs group nodes visually; membership is not needed for review
    text = _TEXT_EDGE.sub(lambda m: f"{_arrow(m.group(3))}|{m.group(2)}|", text)
    cursor = _Cursor(text)
    groups: list[list[str]] = []
    labels: list[str] = []
    while True:
        cursor.skip_space()
        group = _node_group(diagram, cursor, line)
        if group is None:
            return False
        groups.append(group)
        cursor.skip_space()
        if cursor.pos >= len(cursor.text):
            break
        match = _EDGE.match(cursor.text, cursor.pos)
        if not match:
            return False
        labels.append((match.group(1) or "").strip())
        cursor.pos = match.end()
    for (sources, targets), label in zip(pairwise(groups), labels, strict=True):
        for source in sources:
            for target in targets:
                diagram.edges.append(Edge(source, target, _unquote(label), line))
    return True


def _arrow(closing: str) -> str:
    return {"-->": "-->", ".->": "-.->", "==>": "==>"}.get(closing, "---")


def _node_group(diagram: Diagram, cursor: _Cursor, line: int) -> list[str] | None:
    ids: list[str] = []
    while True:
        cursor.skip_space()
        node_id = _node(diagram, cursor, line)
        if node_id is None:
            return None
        ids.append(node_id)
        cursor.skip_space()
        if cursor.rest().startswith("&"):
            cursor.pos += 1
            continue
        return ids


def _node(diagram: Diagram, cursor: _Cursor, line: int) -> str | None:
    match = _ID.match(cursor.text, cursor.pos)
    if not match:
        return None
    node_id = match.group(0)
    # An id never ends in edge characters: "A--" belongs to the arrow.
    while node_id and node_id[-1] in "-.":
        node_id = node_id[:-1]
    if not node_id:
        return None
    cursor.pos += len(node_id)
    rest = cursor.rest()
    for opening, closing, shape in _SHAPES:
        if rest.startswith(opening):
            label = _read_label(cursor, opening, closing)
            if label is None:
                return None
            _add_node(diagram, node_id, label, shape, line)
            return node_id
    if node_id not in diagram.nodes:
        _add_node(diagram, node_id, node_id, "box", line)
    return node_id


def _read_label(cursor: _Cursor, opening: str, closing: str) -> str | None:
    start = cursor.pos + len(opening)
    text = cursor.text
    if text[start : start + 1] == '"':
        close_quote = text.find('"', start + 1)
        if close_quote < 0:
            return None
        stop = text.find(closing, close_quote + 1)
        label = text[start + 1 : close_quote]
    else:
        stop = text.find(closing, start)
        label = text[start:stop] if stop >= 0 else ""
    if stop < 0:
        return None
    cursor.pos = stop + len(closing)
    return _unquote(label)


def _add_node(diagram: Diagram, node_id: str, label: str, shape: str, line: int) -> None:
    clean = re.sub(r"<br\s*/?>", " ", label, flags=re.I).strip()
    existing = diagram.nodes.get(node_id)
    if existing is not None and existing.label != existing.id and clean == node_id:
        return  # a later bare reference does not erase the label given first
    diagram.nodes[node_id] = Node(node_id, clean or node_id, infer_kind(clean, shape), line, shape)


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


# --- sequence diagrams -------------------------------------------------------------------

_PARTICIPANT = re.compile(r"^\s*(participant|actor)\s+(\S+?)(?:\s+as\s+(.+))?\s*$", re.I)
_MESSAGE = re.compile(
    r"^\s*([^\s\-+>x)]+?)\s*(-{1,2}>>|-{1,2}>|-{1,2}x|-{1,2}\))\s*([+-]?)(\S+?)\s*:\s*(.*)$"
)
_SEQ_SKIP = re.compile(
    r"^\s*(autonumber|activate|deactivate|note\b|loop\b|alt\b|else\b|opt\b|par\b|and\b|critical\b|break\b|rect\b|end\b|box\b|create\b|destroy\b|links?\b|%%|title\b)",
    re.I,
)


def _sequence_line(diagram: Diagram, text: str, line: int, state: dict[str, str]) -> bool:
    match = _PARTICIPANT.match(text)
    if match:
        label = match.group(3) or match.group(2)
        shape = "actor" if match.group(1).lower() == "actor" else "box"
        node_id = match.group(2)
        kind = "client" if shape == "actor" else infer_kind(label, shape)
        diagram.nodes[node_id] = Node(node_id, label.strip(), kind, line, shape)
        return True
    if _SEQ_SKIP.match(text):
        return True
    match = _MESSAGE.match(text)
    if not match:
        return False
    source, target, message = match.group(1), match.group(4), match.group(5)
    for node_id in (source, target):
        if node_id not in diagram.nodes:
            diagram.nodes[node_id] = Node(node_id, node_id, infer_kind(node_id), line)
    diagram.edges.append(Edge(source, target, message.strip(), line))
    return True


# --- class diagrams -----------------------------------------------------------------------

_CLASS_OPEN = re.compile(
    r"^\s*class\s+([\w.]+)(?:~[\w,<> ]+~)?(?:\[\"?(.*?)\"?\])?\s*(\{)?\s*(\})?\s*$"
)
_ANNOTATION = re.compile(r"^\s*<<\s*(\w+)\s*>>\s*([\w.]+)?\s*$")
_MEMBER = re.compile(r"^\s*([\w.]+)\s*:\s*(.+)$")
_RELATION = re.compile(
    r"^\s*([\w.]+)\s*(?:\"[^\"]*\"\s*)?"
    r"(<\|--|--\|>|\*--|--\*|o--|--o|<--|-->|--|\.\.>|<\.\.|\.\.\|>|<\|\.\.|\.\.)"
    r"\s*(?:\"[^\"]*\"\s*)?([\w.]+)\s*(?::\s*(.*))?$"
)
_RELATION_NAMES = {
    "<|--": "inherits",
    "--|>": "inherits",
    "*--": "composition",
    "--*": "composition",
    "o--": "aggregation",
    "--o": "aggregation",
    "-->": "association",
    "<--": "association",
    "--": "link",
    "..>": "dependency",
    "<..": "dependency",
    "..|>": "realizes",
    "<|..": "realizes",
    "..": "link",
}


def _class_line(diagram: Diagram, text: str, line: int, state: dict[str, str]) -> bool:
    open_class = state.get("open")
    if open_class is not None:
        stripped = text.strip()
        if stripped == "}":
            state.pop("open")
            return True
        annotation = _ANNOTATION.match(stripped)
        if annotation:
            _mark_stereotype(diagram, open_class, annotation.group(1), line)
            return True
        diagram.members.setdefault(open_class, []).append(stripped)
        return True
    match = _CLASS_OPEN.match(text)
    if match:
        name = match.group(1)
        _ensure_class(diagram, name, line)
        if match.group(3) and not match.group(4):
            state["open"] = name
        return True
    if _SKIP.match(text) or re.match(r"^\s*(note|namespace|cssClass)\b", text):
        return True
    annotation = _ANNOTATION.match(text)
    if annotation and annotation.group(2):
        _ensure_class(diagram, annotation.group(2), line)
        _mark_stereotype(diagram, annotation.group(2), annotation.group(1), line)
        return True
    match = _RELATION.match(text)
    if match:
        left, arrow, right, label = match.groups()
        _ensure_class(diagram, left, line)
        _ensure_class(diagram, right, line)
        relation = _RELATION_NAMES[arrow]
        # Point inheritance and realisation from the subclass to the parent.
        if arrow in ("<|--", "<|..", "*--", "o--", "<--", "<.."):
            left, right = right, left
        text_label = relation + (f": {label.strip()}" if label else "")
        diagram.edges.append(Edge(left, right, text_label, line))
        return True
    match = _MEMBER.match(text)
    if match and match.group(1) in diagram.nodes:
        diagram.members.setdefault(match.group(1), []).append(match.group(2).strip())
        return True
    return False


def _ensure_class(diagram: Diagram, name: str, line: int) -> None:
    if name not in diagram.nodes:
        diagram.nodes[name] = Node(name, name, "class", line, "class")


def _mark_stereotype(diagram: Diagram, name: str, stereotype: str, line: int) -> None:
    node = diagram.nodes.get(name) or Node(name, name, "class", line, "class")
    kind = "interface" if stereotype.lower() in ("interface", "abstract") else "class"
    diagram.nodes[name] = Node(node.id, node.label, kind, node.line, stereotype.lower())

"""Parse Mermaid flowcharts, sequence, class, state and architecture diagrams with line numbers.

Only the statements that carry structure are read: nodes, edges, participants, messages,
classes, relations, states and transitions. Styling (classDef, style, linkStyle, click) is
skipped. A statement that cannot be read becomes a Notice, so a broken block still yields
what it could. Diagram types Mermaid has but the review has no use for (erDiagram, gantt,
pie...) are valid input: they are left unread without blaming the candidate's syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from tradeoff.design.kinds import infer_kind, names_database
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
# Mermaid allows a space between an arrow and its |label|: "A --> |reads| B".
_EDGE = re.compile(r"\s*<?(?:-{2,}|-\.+-|={2,}|~{3,})(?:>|[ox](?=\s))?(?:\s*\|([^|]*)\|)?\s*")
# Text between the two halves of an arrow: "A -- reads --> B", "A --\"1. POST\"--> B",
# and, as Mermaid's lexer reads it, with no spaces ("A--reads-->B", "R1 -.gossip.- R2": a
# dotted link's text closes with ".-" or ".->"). Unspaced, the opening must not be the tail
# of a longer arrow: "A---B-->C" is a chain of two links through B, no text "B".
_TEXT_EDGE = re.compile(
    r"(?<![-.=<])(--|-\.|==)(?:\s*([^-\s>=|\".][^>|\"]*?)\s*|\s*\"([^\"]*)\"\s*)"
    r"(-->|\.->|==>|---|-\.-|===|\.-(?![->]))"
)
# "A:::hot" attaches a CSS class; it says nothing about structure.
_CLASS_SHORTHAND = re.compile(r":::[\w-]+")
_SKIP = re.compile(
    r"^\s*(%%|classDef\b|class\s+\S+\s+\S+|style\b|linkStyle\b|click\b|direction\b|end\s*$|accTitle|accDescr|title\b)"
)
_SUBGRAPH = re.compile(r"^\s*subgraph\s+(.*)$")
_TRAILING_COMMENT = re.compile(r"\s+%%.*$")


@dataclass
class _Cursor:
    text: str
    pos: int = 0

    def at(self, prefix: str) -> bool:
        """Whether the text continues with `prefix`; tested in place, since a copy of the
        rest of the line per node made a 100,000-node chain on one line quadratic."""
        return self.text.startswith(prefix, self.pos)

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1


_KINDS = {
    "flowchart": "flowchart",
    "graph": "flowchart",
    "sequencediagram": "sequence",
    "classdiagram": "class",
    "classdiagram-v2": "class",
    "statediagram": "state",
    "statediagram-v2": "state",
    "architecture-beta": "architecture",
}
# Valid Mermaid diagram types that hold no component graph the review could check.
_UNREAD_KINDS = frozenset(
    {
        "erdiagram", "gantt", "pie", "journey", "gitgraph", "mindmap", "timeline", "quadrantchart",
        "requirementdiagram", "c4context", "c4container", "c4component", "c4dynamic",
        "c4deployment", "sankey-beta", "xychart-beta", "block-beta", "packet-beta", "kanban",
        "radar-beta", "treemap-beta", "zenuml",
    }
)  # fmt: skip


def header_kind(first_line: str) -> str | None:
    word = first_line.strip().split(maxsplit=1)[0].lower() if first_line.strip() else ""
    return _KINDS.get(word)


def parse_mermaid(
    body: list[tuple[int, str]], start: int, end: int
) -> tuple[Diagram, list[Notice]]:
    """Parse a Mermaid block; `body` is (line number, text) for the lines inside the fence."""
    meaningful = [(n, t) for n, t in _without_front_matter(body) if not t.strip().startswith("%%")]
    if not meaningful:
        return Diagram("flowchart", start, end), [Notice(start, "empty Mermaid block")]
    first_line, first = meaningful[0]
    kind = header_kind(first)
    if kind is None:
        word = first.strip().split()[0]
        if word.lower() in _UNREAD_KINDS:
            return Diagram("other", start, end), []
        message = (
            f"Mermaid block starts with {word!r}, which is not a Mermaid diagram type"
            " (flowchart, sequenceDiagram, classDiagram, stateDiagram-v2...), so it was not read"
        )
        return Diagram("other", start, end), [Notice(first_line, message)]
    diagram = Diagram(kind, start, end)
    parser = {
        "flowchart": _flowchart_line,
        "sequence": _sequence_line,
        "class": _class_line,
        "state": _state_line,
        "architecture": _architecture_line,
    }[kind]
    notices: list[Notice] = []
    state: dict[str, str] = {}
    for number, text in meaningful[1:]:
        statements = [text] if kind == "state" and "note" in state else _split_statements(text)
        for statement in statements:
            if not parser(diagram, statement, number, state):
                shown = statement.strip()[:60]
                notices.append(Notice(number, f"could not read Mermaid statement {shown!r}"))
    if kind == "flowchart":
        _name_groups(diagram, state)
        _follow_the_shapes(diagram)
    return diagram, notices


def _follow_the_shapes(diagram: Diagram) -> None:
    """A flowchart that draws its stores as cylinders says by its shapes which nodes are
    stores: a box among them whose label calls it a database only through a generic word
    ("Ranker / Feature Store" beside `[(Post Store)]` cylinders) is a service. A box that
    names a database ("Postgres", "Orders DB") stays one."""
    if not any(n.shape == "cylinder" for n in diagram.nodes.values()):
        return
    for node_id, node in list(diagram.nodes.items()):
        if node.kind == "database" and node.shape == "box" and not names_database(node.label):
            diagram.nodes[node_id] = replace(node, kind="service")


def _without_front_matter(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Non-blank lines after an optional YAML block (`---` ... `---`) of title and config."""
    lines = [(n, t) for n, t in body if t.strip()]
    if lines and lines[0][1].strip() == "---":
        for index, (_, text) in enumerate(lines[1:], start=1):
            if text.strip() == "---":
                return lines[index + 1 :]
    return lines


def _split_statements(text: str) -> list[str]:
    return [part for part in re.split(r";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", text) if part.strip()]


# --- flowchart -------------------------------------------------------------------------


_GROUPS = "subgraphs"  # state key: the ids of the subgraphs open around this line
_ALL_GROUPS = "all subgraphs"  # state key: every subgraph id of the diagram
_SEP = "\x1f"
_TITLE = "\x1e"


def _flowchart_line(diagram: Diagram, text: str, line: int, state: dict[str, str]) -> bool:
    open_groups = [g for g in state.get(_GROUPS, "").split(_SEP) if g]
    if text.strip() == "end":
        state[_GROUPS] = _SEP.join(open_groups[:-1])
        return True
    if _SKIP.match(text):
        return True
    sub = _SUBGRAPH.match(text)
    if sub:
        # A subgraph groups nodes; an arrow drawn to its id ("Core --> Storage") reaches
        # every node in it (see `DesignGraph.from_diagrams`).
        header = sub.group(1).strip()
        found = _ID.match(header)
        group = found.group(0) if found else header
        rest = header[len(group) :].strip()
        title = _unquote(rest[1:-1].strip()) if rest[:1] in "[(" and len(rest) > 1 else header
        if open_groups and open_groups[-1] != group:
            diagram.parents[group] = open_groups[-1]
        state[_GROUPS] = _SEP.join([*open_groups, group])
        named = f"{group}{_TITLE}{title or group}"
        state[_ALL_GROUPS] = _SEP.join([*state.get(_ALL_GROUPS, "").split(_SEP), named])
        return True
    before = set(diagram.nodes)
    if not _flowchart_statement(diagram, text, line):
        return False
    if open_groups:
        for node_id in diagram.nodes.keys() - before - set(open_groups):
            diagram.parents.setdefault(node_id, open_groups[-1])
    return True


def _name_groups(diagram: Diagram, state: dict[str, str]) -> None:
    """A subgraph's id that an arrow reached became a box named by the id ("R1"); it is
    the subgraph, so it takes the subgraph's title ("Regional Data Plane") and no kind of
    component. `DesignGraph` reads such an arrow as reaching each node drawn inside."""
    titles = dict(item.split(_TITLE, 1) for item in state.get(_ALL_GROUPS, "").split(_SEP) if item)
    for group, title in titles.items():
        node = diagram.nodes.get(group)
        if node is not None and group in diagram.parents.values():
            diagram.nodes[group] = Node(group, title, "other", node.line, "subgraph")


def _flowchart_statement(diagram: Diagram, text: str, line: int) -> bool:
    text = _CLASS_SHORTHAND.sub("", _TRAILING_COMMENT.sub("", text))
    text = _TEXT_EDGE.sub(lambda m: f"{_arrow(m.group(4))}|{m.group(2) or m.group(3)}|", text)
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
        if cursor.at("&"):
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
    for opening, closing, shape in _SHAPES:
        if cursor.at(opening):
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
    # Line breaks inside a label: "<br/>" in HTML labels, a literal "\n" in markdown strings.
    clean = re.sub(r"\s+", " ", re.sub(r"<br\s*/?>|\\n", " ", label, flags=re.I)).strip()
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


# --- state diagrams -----------------------------------------------------------------------

_STATE_ID = r"\[\*\]|[\w.-]+?"
_TRANSITION = re.compile(
    rf"^\s*({_STATE_ID})(?::::[\w-]+)?\s*-->\s*({_STATE_ID})(?::::[\w-]+)?\s*(?::\s*(.*))?$"
)
_STATE_AS = re.compile(r'^\s*state\s+"([^"]*)"\s+as\s+([\w.-]+)\s*(\{)?\s*$')
_STATE_OPEN = re.compile(r"^\s*state\s+([\w.-]+)\s*(\{)?\s*$")
_STATE_SPECIAL = re.compile(r"^\s*state\s+([\w.-]+)\s*<<\s*(fork|join|choice)\s*>>\s*$", re.I)
_STATE_DESCRIPTION = re.compile(r"^\s*([\w.-]+)(?::::[\w-]+)?\s*:\s*(.+)$")
_NOTE = re.compile(r"^\s*note\s+(?:left|right)\s+of\s+([\w.-]+)\s*(?::\s*(.*))?$", re.I)
_STATE_SKIP = re.compile(
    r"^\s*(--\s*$|direction\b|classDef\b|class\s|style\b|click\b|hide\b|scale\b|%%)", re.I
)


def _state_line(diagram: Diagram, text: str, line: int, state: dict[str, str]) -> bool:
    """One statement of a stateDiagram: states, transitions, composites and notes."""
    stripped = text.strip()
    scope = state.get("scope", "")
    if "note" in state:  # inside a multi-line note: every line is its text until "end note"
        note_id = state["note"]
        if stripped.lower() == "end note":
            state.pop("note")
            return True
        held = diagram.nodes[note_id]
        label = f"{held.label} {stripped}".strip()
        diagram.nodes[note_id] = Node(note_id, label, "note", held.line, "note")
        return True
    if stripped == "}":
        if not scope:
            return False
        state["scope"] = scope.rpartition("/")[0]
        return True
    if _STATE_SKIP.match(text):
        return True
    note = _NOTE.match(text)
    if note:
        note_id = f"note@{line}"
        _state_node(diagram, note.group(1), line, scope)
        diagram.nodes[note_id] = Node(note_id, (note.group(2) or "").strip(), "note", line, "note")
        if note.group(2) is None:
            state["note"] = note_id
        return True
    match = _TRANSITION.match(text)
    if match:
        source = _state_node(diagram, match.group(1), line, scope, end="start")
        target = _state_node(diagram, match.group(2), line, scope, end="end")
        diagram.edges.append(Edge(source, target, (match.group(3) or "").strip(), line))
        return True
    special = _STATE_SPECIAL.match(text)
    if special:
        node_id, kind = special.group(1), special.group(2).lower()
        diagram.nodes[node_id] = Node(node_id, node_id, "pseudo", line, kind)
        _set_parent(diagram, node_id, scope)
        return True
    named = _STATE_AS.match(text)
    opened = None if named else _STATE_OPEN.match(text)
    declared = (named.group(2), named.group(1), named.group(3)) if named else None
    if opened:
        declared = (opened.group(1), "", opened.group(2))
    if declared is not None:
        node_id, label, brace = declared
        _state_node(diagram, node_id, line, scope, label=label)
        if brace:
            node = diagram.nodes[node_id]
            diagram.nodes[node_id] = Node(node.id, node.label, node.kind, node.line, "composite")
            state["scope"] = f"{scope}/{node_id}" if scope else node_id
        return True
    described = _STATE_DESCRIPTION.match(text)
    if described:
        _state_node(diagram, described.group(1), line, scope, label=described.group(2).strip())
        return True
    if re.fullmatch(r"[\w.-]+(?::::[\w-]+)?", stripped):
        _state_node(diagram, stripped.split(":::")[0], line, scope)
        return True
    return False


def _state_node(
    diagram: Diagram, name: str, line: int, scope: str, end: str = "", label: str = ""
) -> str:
    """The id of state `name`, added if new; `[*]` is the scope's own start or end point."""
    if name == "[*]":
        node_id = f"{scope}/[*]{end}" if scope else f"[*]{end}"
        if node_id not in diagram.nodes:
            diagram.nodes[node_id] = Node(node_id, end or "start", "pseudo", line, end or "start")
            _set_parent(diagram, node_id, scope)
        return node_id
    existing = diagram.nodes.get(name)
    if existing is None:
        diagram.nodes[name] = Node(name, label or name, "state", line, "state")
        _set_parent(diagram, name, scope)
    elif label and label != existing.label:
        # "Idle : waiting for a coin" describes Idle, shown under its name; the line where
        # the state first appeared stays its line.
        text = (
            f"{existing.label}: {label}" if existing.label == name else f"{existing.label} {label}"
        )
        diagram.nodes[name] = Node(name, text, existing.kind, existing.line, existing.shape)
    return name


def _set_parent(diagram: Diagram, node_id: str, scope: str) -> None:
    if scope:
        diagram.parents[node_id] = scope.rpartition("/")[2]


# --- architecture diagrams (architecture-beta) ---------------------------------------------

_ARCH_NODE = re.compile(
    r"^\s*(service|junction)\s+([\w-]+)\s*(?:\(([^)]*)\))?\s*(?:\[(.*?)\])?\s*(?:in\s+([\w-]+))?\s*$"
)
_ARCH_GROUP = re.compile(
    r"^\s*group\s+[\w-]+\s*(?:\([^)]*\))?\s*(?:\[.*?\])?\s*(?:in\s+[\w-]+)?\s*$"
)
_ARCH_EDGE = re.compile(
    r"^\s*([\w-]+)(?:\{group\})?\s*:\s*[LRTB]\s*<?-+>?\s*[LRTB]\s*:\s*([\w-]+)(?:\{group\})?\s*$"
)
_ARCH_ICON_SHAPES = {"database": "cylinder", "disk": "cylinder"}


def _architecture_line(diagram: Diagram, text: str, line: int, state: dict[str, str]) -> bool:
    """services are nodes (the icon names a database or disk), `a:R -- L:b` edges."""
    if _ARCH_GROUP.match(text) or _SKIP.match(text):
        return True
    service = _ARCH_NODE.match(text)
    if service:
        what, node_id, icon, label, _ = service.groups()
        shape = _ARCH_ICON_SHAPES.get((icon or "").strip().lower(), "box")
        if what == "junction":
            diagram.nodes[node_id] = Node(node_id, node_id, "other", line, "junction")
        else:
            _add_node(diagram, node_id, (label or node_id).strip(), shape, line)
        return True
    edge = _ARCH_EDGE.match(text)
    if edge and edge.group(1) in diagram.nodes and edge.group(2) in diagram.nodes:
        diagram.edges.append(Edge(edge.group(1), edge.group(2), "", line))
        return True
    return False

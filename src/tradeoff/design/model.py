"""Plain data for a parsed design; every element keeps the 1-based line it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

NodeKind = str  # one of kinds.NODE_KINDS; a str so new kinds need no schema change


@dataclass(frozen=True)
class Section:
    """A run of lines under one heading (or the untitled start of the document)."""

    title: str
    level: int
    start: int  # line of the heading (or first line)
    end: int  # last line, inclusive
    dimension: str | None  # the review dimension the heading or content points at


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: NodeKind
    line: int | None  # in a drawing, the line of its label among the board's text lines
    shape: str = "box"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    line: int | None


@dataclass
class Diagram:
    """A component graph, sequence, class or state diagram from Mermaid or Excalidraw."""

    kind: str  # flowchart, sequence, class, state, architecture, excalidraw, other (unread)
    start: int | None
    end: int | None
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    # classDiagram only: class name -> member lines; relations use edges with a label.
    members: dict[str, list[str]] = field(default_factory=dict)
    # stateDiagram: state id -> the composite state drawn around it; flowchart: node id ->
    # the subgraph drawn around it.
    parents: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Turn:
    """One transcript line: who spoke, what they said, and the clock if the line had one."""

    speaker: str  # "candidate" or "interviewer"
    text: str
    line: int
    seconds: float | None


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    line: int


@dataclass(frozen=True)
class Entity:
    """A stored entity written as `name(field, field)`, `CREATE TABLE` or a field table."""

    name: str
    line: int
    fields: tuple[str, ...]
    keys: tuple[str, ...]  # fields marked PK, primary/partition/sort key, or the entity's `id`


@dataclass(frozen=True)
class ClassDef:
    """A class written as code (Java, Python, TypeScript...) in a fenced block."""

    name: str
    line: int
    methods: tuple[str, ...]
    fields: tuple[str, ...]
    kind: str = "class"  # class, interface, abstract, enum


@dataclass(frozen=True)
class Notice:
    """Something the parser could not read; the review reports it instead of failing."""

    line: int | None
    message: str


@dataclass(frozen=True)
class Unread:
    """What a bounded review left out: it read `chars` characters, up to `line`."""

    chars: int  # characters read
    total_chars: int  # characters in the whole design
    line: int  # the last line read (possibly in part)
    total_lines: int
    words: int  # words not read

    def to_json(self) -> dict[str, int]:
        """The review contract's `unread` object (docs/review.md)."""
        return {
            "read_chars": self.chars,
            "total_chars": self.total_chars,
            "last_line_read": self.line,
            "total_lines": self.total_lines,
            "unread_words": self.words,
        }

    def note(self) -> str:
        """The sentence a review prints, so nobody takes it for a review of the whole."""
        return (
            f"this design is {self.total_chars:,} characters, far beyond an interview answer"
            f" (at most about 5,000 words); the review read its first {self.chars:,}"
            f" characters (to line {self.line:,} of {self.total_lines:,}) and did not read the"
            f" remaining {self.words:,} words"
        )


@dataclass
class DesignDoc:
    """Everything the reviewer looks at, with line numbers into the original file."""

    source: str
    lines: list[str]  # lines[0] is line 1
    sections: list[Section] = field(default_factory=list)
    diagrams: list[Diagram] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    endpoints: list[Endpoint] = field(default_factory=list)
    classes: list[ClassDef] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)  # lines inside fenced blocks
    comment_lines: set[int] = field(default_factory=set)  # lines wholly inside <!-- -->
    unread: Unread | None = None  # what a bounded review of a huge design left out

    @property
    def is_transcript(self) -> bool:
        return len(self.turns) >= 2

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def text_lines(self) -> list[tuple[int, str]]:
        """(number, text) for prose lines, skipping fenced blocks other than plain code."""
        return [(i + 1, t) for i, t in enumerate(self.lines) if (i + 1) not in self.code_lines]

    def section_of(self, number: int) -> Section | None:
        for section in self.sections:
            if section.start <= number <= section.end:
                return section
        return None

    def candidate_lines(self) -> list[tuple[int, str]]:
        """Lines the candidate wrote or said; an interviewer's turns are not their evidence."""
        if not self.is_transcript:
            return self.text_lines()
        spoken = {t.line for t in self.turns if t.speaker == "interviewer"}
        return [(n, t) for n, t in self.text_lines() if n not in spoken]

    def word_count(self) -> int:
        return sum(len(t.split()) for _, t in self.candidate_lines())

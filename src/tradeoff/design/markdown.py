"""Split a Markdown (or plain-text) design into fenced blocks and sections, keeping line numbers.

Candidates write in every shape: ATX and setext headings, numbered headings ("2. API"),
bold lines ("**Estimates**"), "Requirements:" on a line of its own, or no headings at all.
A line-based scan handles all of them and keeps exact 1-based line numbers, which a
Markdown AST would blur.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradeoff.design.model import Section
from tradeoff.language.literals import SCREEN

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)([^*_]{2,60}?)(?:\*\*|__)\s*:?\s*$")
_NUMBERED = re.compile(
    r"^\s*(?:step\s+)?(\d{1,2}(?:\.\d{1,2})*)[.):]?\s+([A-Z][^.!?]{1,60})\s*:?\s*$"
)
_INLINE_LABEL = re.compile(r"^\s*(?:\*\*|__)([A-Z][^*_]{1,40}?)[.:](?:\*\*|__)\s+\S")
_COLON = re.compile(r"^\s*([A-Z][\w /&()'\u2019-]{1,40}):\s*$")

# Heading words that point at a review dimension; first match wins, so order matters.
_HEADING_DIMENSIONS: list[tuple[str, re.Pattern[str]]] = [
    (
        "capacity",
        re.compile(
            r"estimat|capacity|back[- ]of[- ]the[- ]envelope|calculat|sizing|numbers|traffic"
            r"|performance budget|budget",
            re.I,
        ),
    ),
    (
        "requirements",
        re.compile(
            r"requirement|use cases\b|scope|constraints?|assumptions?|goals?|features|clarif"
            r"|problem statement|functional|questions"
            r"|what we(?:'|\u2019)?re (?:designing|building)",
            re.I,
        ),
    ),
    (
        "api_data",
        re.compile(
            r"\bapi\b|endpoint|interface|data ?model|schema|database design|storage model"
            r"|classes|class diagram|entities|contract|state model|data structures?",
            re.I,
        ),
    ),
    (
        "tradeoffs",
        re.compile(r"trade-?offs?|alternatives|decisions?|options|why not|comparison", re.I),
    ),
    (
        "reliability",
        re.compile(
            r"reliab|fault|failure|availability|resilien|monitor|observab|operat|security"
            r"|disaster|recovery|alert|slo|concurrency|edge cases|offline|error handling",
            re.I,
        ),
    ),
    (
        "communication",
        re.compile(
            r"summary|wrap[- ]?up|conclusion|recap|next steps|bottlenecks|future"
            r"|final answer|in one sentence|tl;?dr|in a nutshell",
            re.I,
        ),
    ),
    (
        "components",
        re.compile(
            r"high[- ]level|architecture|\bdesign\b|components?|overview|diagram|deep dive"
            r"|scaling|scale|core|flow|services",
            re.I,
        ),
    ),
]


# Each heading is tried against each dimension's words in turn, case-insensitive
# alternations the engine tries at every position of the title (about 200k instructions a
# heading, read through). The literal screen skips a dimension when the title holds none
# of the words every match of its pattern needs.
SCREEN.add(*(pattern for _, pattern in _HEADING_DIMENSIONS))


def dimension_of_heading(title: str) -> str | None:
    """The dimension a heading names, if any ("3. Back-of-the-envelope" -> capacity)."""
    for dimension, pattern in _HEADING_DIMENSIONS:
        if SCREEN.search(pattern, title):
            return dimension
    return None


@dataclass(frozen=True)
class Fence:
    """A fenced block: its info string (`mermaid`, `python`, ...) and line span."""

    info: str
    start: int  # line of the opening fence
    end: int  # line of the closing fence (or the last line if never closed)
    closed: bool

    def body_lines(self) -> range:
        return range(self.start + 1, self.end if self.closed else self.end + 1)


def find_fences(lines: list[str]) -> list[Fence]:
    fences: list[Fence] = []
    opened: tuple[str, str, int] | None = None  # (marker, info, start)
    for number, text in enumerate(lines, start=1):
        match = _FENCE.match(text)
        if opened is None:
            if match:
                opened = (match.group(1), match.group(2).lower(), number)
        elif (
            match
            and match.group(1)[0] == opened[0][0]
            and len(match.group(1)) >= len(opened[0])
            and not match.group(2)
        ):
            fences.append(Fence(opened[1], opened[2], number, True))
            opened = None
    if opened is not None:
        fences.append(Fence(opened[1], opened[2], len(lines), False))
    return fences


def heading_at(lines: list[str], index: int) -> tuple[int, str] | None:
    """(level, title) if lines[index] is a heading in any of the shapes candidates use."""
    text = lines[index]
    if not text.strip():
        return None
    match = _ATX.match(text)
    if match:
        return len(match.group(1)), _clean(match.group(2))
    if index + 1 < len(lines) and _SETEXT.match(lines[index + 1]) and not _is_list(text):
        level = 1 if lines[index + 1].strip().startswith("=") else 2
        return level, _clean(text)
    match = _BOLD_LINE.match(text)
    if match:
        return 3, _clean(match.group(1))
    match = _INLINE_LABEL.match(text)
    if match:  # "**Scope.** Authorise at checkout, ..." opens a paragraph section
        return 4, _clean(match.group(1))
    match = _NUMBERED.match(text)
    if match and len(match.group(2).split()) <= 8 and not _in_numbered_list(lines, index):
        return 2 + match.group(1).count("."), _clean(match.group(2))
    match = _COLON.match(text)
    if match and len(match.group(1).split()) <= 5 and not _LEAD_IN_END.search(match.group(1)):
        return 3, _clean(match.group(1))
    return None


# A "Label:" line is a noun phrase ("Read path:"); a sentence that leads into a list ends
# on the word that points at it ("The design is broken into:", "It works as follows:",
# "The steps are:"). That is prose introducing what comes next, never a section's title.
_LEAD_IN_END = re.compile(
    r"\b(?:into|of|to|the|an?|as|by|with|for|from|than|and|or|follows|following|below"
    r"|includes?|including|are|is|were|was|be)\s*$",
    re.I,
)


def _is_real_heading(lines: list[str], index: int) -> bool:
    """An ATX (`## Title`) or setext heading, as against a line that only looks like one."""
    if _ATX.match(lines[index]):
        return True
    return index + 1 < len(lines) and bool(_SETEXT.match(lines[index + 1]))


def is_label_line(text: str) -> bool:
    """A bold line or a "Label:" line: a caption inside a section, never a peer of it."""
    return bool(_BOLD_LINE.match(text) or _INLINE_LABEL.match(text) or _COLON.match(text))


def _in_numbered_list(lines: list[str], index: int) -> bool:
    """A numbered line next to another numbered line is a list item, not a heading."""
    for step in (-1, 1):
        probe = index + step
        while 0 <= probe < len(lines) and not lines[probe].strip():
            probe += step
        if 0 <= probe < len(lines) and re.match(r"^\s*\d{1,2}[.)]\s", lines[probe]):
            return True
    return False


def _is_list(text: str) -> bool:
    return bool(re.match(r"^\s*([-*+]|\d+[.)])\s", text))


def _clean(title: str) -> str:
    return re.sub(r"[*_`#]+", "", title).strip(" :")


def find_sections(lines: list[str], skip: set[int]) -> list[Section]:
    """Sections from headings outside fenced blocks; text before the first heading is one too."""
    heads: list[tuple[int, int, str]] = []
    real_level = 0  # the level of the last Markdown (ATX or setext) heading
    for index in range(len(lines)):
        if index + 1 in skip:
            continue
        found = heading_at(lines, index)
        if not found:
            continue
        level, title = found
        if _is_real_heading(lines, index):
            real_level = level
        elif real_level and is_label_line(lines[index]):
            # "Cause:" or "**Fixes**" under "### 7. LLM outage" labels a part of that
            # section; at the section's own level it would close it and hide its title.
            level = min(6, real_level + 1)
        heads.append((index + 1, level, title))
    sections: list[Section] = []
    if not heads or heads[0][0] > 1:
        first_end = heads[0][0] - 1 if heads else len(lines)
        if first_end >= 1:
            sections.append(Section("(untitled)", 0, 1, first_end, None))
    for position, (start, level, title) in enumerate(heads):
        end = heads[position + 1][0] - 1 if position + 1 < len(heads) else len(lines)
        # The document's title ("# Design TinyURL") names the prompt, not a dimension.
        is_title = position == 0 and level == 1
        dimension = None if is_title else dimension_of_heading(title)
        sections.append(Section(title, level, start, max(start, end), dimension))
    return _inherit_dimensions(sections)


def _inherit_dimensions(sections: list[Section]) -> list[Section]:
    """A subsection with a neutral title ("Use case: ...") belongs to its parent's dimension."""
    out: list[Section] = []
    stack: list[Section] = []
    for section in sections:
        while stack and stack[-1].level >= section.level:
            stack.pop()
        if section.dimension is None and stack and stack[-1].dimension is not None:
            section = Section(
                section.title, section.level, section.start, section.end, stack[-1].dimension
            )
        out.append(section)
        if section.level > 0:
            stack.append(section)
    return out


_COMMENT = re.compile(r"<!--.*?-->")


def find_comment_lines(lines: list[str], skip: set[int]) -> set[int]:
    """Lines that hold nothing but an HTML comment (or lie inside a multi-line one)."""
    inside = False
    found: set[int] = set()
    for number, text in enumerate(lines, start=1):
        if number in skip:
            continue
        rest = _COMMENT.sub("", text) if "<!--" in text else text  # most lines hold none
        if inside:
            found.add(number)
            if "-->" in text:
                inside = False
            continue
        if "<!--" in rest:
            inside = "-->" not in rest[rest.index("<!--") :]
            if not rest[: rest.index("<!--")].strip():
                found.add(number)
        elif not rest.strip() and text.strip():
            found.add(number)
    return found

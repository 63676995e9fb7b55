"""The part of a huge design that one review reads, and what it leaves unread.

An interview answer is 500 to 5,000 words (about 35 KB at most); the loader accepts up to
2 MB, some 300,000 words, so a pasted log or a generated dump can still be reviewed. Every
claim costs the reviewer a fraction of a millisecond across forty rules, so a review of
the whole of such a file takes tens of seconds. A design longer than REVIEW_CHARS (about
20,000 words, four times the longest real answer) is therefore reviewed on its first
REVIEW_CHARS characters, cut at a word, and the review says so in a note naming where it
stopped and how much it did not read. Anything of interview size is read whole.
"""

from __future__ import annotations

import re

from tradeoff.design.markdown import find_fences
from tradeoff.design.model import Unread

REVIEW_CHARS = 128 * 1024
# Connectors left dangling by a cut inside a line ("A1 --> A2 -->", "cache |"): dropped so
# a Mermaid statement or a table row cut in two still reads as what it was up to the cut.
_DANGLING = " \t-=.<>|&~:,;"
_MARKER = re.compile(r"^\s*(`{3,}|~{3,})")  # the opening run of a fence, as find_fences reads it


def bounded_lines(lines: list[str]) -> tuple[list[str], Unread | None]:
    """`lines` cut to REVIEW_CHARS characters at a word, with a fence open at the cut
    closed again (so the cut is not reported as the candidate's unclosed block); and what
    was left out, or None when the whole design is read."""
    total = sum(len(line) + 1 for line in lines)
    if total <= REVIEW_CHARS:
        return lines, None
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > REVIEW_CHARS:
            part = line[: REVIEW_CHARS - used]
            space = part.rfind(" ")
            part = (part[:space] if space > 0 else part).rstrip(_DANGLING)
            if part.strip():
                kept.append(part)
                used += len(part)
            break
        kept.append(line)
        used += len(line) + 1
    unread_words = sum(len(line.split()) for line in lines[len(kept) :])
    if kept and len(kept[-1]) < len(lines[len(kept) - 1]):
        unread_words += len(lines[len(kept) - 1][len(kept[-1]) :].split())
    closing = _open_fence(kept)
    read = Unread(used, total, len(kept), len(lines), unread_words)
    return kept + ([closing] if closing else []), read


def _open_fence(lines: list[str]) -> str | None:
    """The marker that closes a fence still open at the end of `lines`, if any."""
    fences = find_fences(lines)
    if not fences or fences[-1].closed:
        return None
    match = _MARKER.match(lines[fences[-1].start - 1])
    return match.group(1) if match else None

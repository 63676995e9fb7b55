"""Recognise interview transcripts: lines that start with `Candidate:` or `Interviewer:`."""

from __future__ import annotations

import re

from tradeoff.design.model import Turn

# The heading the practice report puts a session's spoken turns under, after the attached
# design: the turns are what was said, not a section the design puts in order.
TRANSCRIPT_HEADING = "Interview transcript"

# Optional clock ("[03:15]", "(1:02:07)", "00:41") before or after the speaker.
_CLOCK = r"[\[(]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[\])]?"
_TURN = re.compile(
    rf"^\s*(?:{_CLOCK}\s*)?(?:\*\*)?(candidate|interviewer|me|you|c|i)(?:\*\*)?\s*:(?:\*\*)?\s*(?:{_CLOCK}\s*)?(.*)$",
    re.I,
)
_SPEAKERS = {"candidate": "candidate", "me": "candidate", "c": "candidate"}


def find_turns(lines: list[str]) -> list[Turn]:
    """Turns in order; a transcript needs both speakers, or the 'C:' prefix means nothing."""
    turns: list[Turn] = []
    for number, text in enumerate(lines, start=1):
        match = _TURN.match(text)
        if not match:
            continue
        groups = match.groups()
        who = groups[3].lower()
        speaker = _SPEAKERS.get(who, "interviewer")
        seconds = _seconds(groups[0:3]) if groups[2] else _seconds(groups[4:7])
        turns.append(Turn(speaker, groups[7].strip(), number, seconds))
    speakers = {t.speaker for t in turns}
    full_names = sum(
        1 for t in turns if re.match(r"^\W*(candidate|interviewer)", lines[t.line - 1], re.I)
    )
    if len(speakers) < 2 or full_names < 2:
        return []
    return turns


def _seconds(parts: tuple[str | None, ...]) -> float | None:
    hours, minutes, seconds = parts
    if minutes is None or seconds is None:
        return None
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)

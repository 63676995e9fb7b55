"""The domain's words as enums: dimensions, severities, levels, verdicts, phases, event kinds.

Each is a StrEnum whose values are the strings already stored in users' databases and
exports, written in problem files and returned by the JSON contract: a member *is* its
string (`Phase.clarify == "clarify"`, `json.dumps` writes `"clarify"`), so moving code onto
these names changes no stored byte. Spell a word here once; everywhere else names the member.
"""

from __future__ import annotations

from enum import StrEnum


class Dimension(StrEnum):
    """A scorecard dimension, in the order the scorecard shows them."""

    requirements = "requirements"
    capacity = "capacity"
    api_data = "api_data"
    components = "components"
    tradeoffs = "tradeoffs"
    reliability = "reliability"
    communication = "communication"


class Severity(StrEnum):
    """How much a finding matters, worst first."""

    error = "error"
    warning = "warning"
    info = "info"


class Level(StrEnum):
    """The seniority a design is judged against, junior-most first."""

    mid = "mid"
    senior = "senior"
    staff = "staff"


class Verdict(StrEnum):
    """The hiring verdict at one level, weakest first (the scoring bands index this order)."""

    strong_no_hire = "strong-no-hire"
    no_hire = "no-hire"
    lean_no_hire = "lean-no-hire"
    lean_hire = "lean-hire"
    hire = "hire"
    strong_hire = "strong-hire"


class Phase(StrEnum):
    """The phases of a mock interview, in the order they run."""

    clarify = "clarify"
    high_level = "high-level"
    deep_dive = "deep-dive"
    wrap_up = "wrap-up"


class EventKind(StrEnum):
    """What a recorded session event is; a session is rebuilt from these alone."""

    turn = "turn"  # a line said by the candidate or the interviewer
    phase = "phase"  # the interview moved to the next phase
    hint = "hint"  # the interviewer gave a hint (data: item, level, count)
    decision = "decision"  # a design decision the candidate stated (data: reason)
    snapshot = "snapshot"  # a design version (data: kind, source, version)
    nudge = "nudge"  # a pacing reminder, or the interviewer moving on (data: auto)
    notice = "notice"  # something the candidate should know (an LLM that failed)
    command = "command"  # a slash command the candidate typed


class Speaker(StrEnum):
    """Who said a turn."""

    candidate = "candidate"
    interviewer = "interviewer"


class Persona(StrEnum):
    """The interviewer's manner."""

    friendly = "friendly"
    neutral = "neutral"
    adversarial = "adversarial"
    terse = "terse"

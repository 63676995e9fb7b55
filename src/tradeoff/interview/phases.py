"""The four phases of a design interview and their time budgets."""

from __future__ import annotations

PHASES: tuple[str, ...] = ("clarify", "high-level", "deep-dive", "wrap-up")
TITLES = {
    "clarify": "Clarify requirements",
    "high-level": "High-level design",
    "deep-dive": "Deep dive",
    "wrap-up": "Wrap-up",
}
# Minutes out of 45: clarify 5-8, high-level 10-15, deep dive 15-20, wrap-up 5.
_BASE = {"clarify": 7.0, "high-level": 13.0, "deep-dive": 20.0, "wrap-up": 5.0}
# Which review dimensions the interviewer probes in each phase, most important first.
PHASE_DIMENSIONS = {
    "clarify": ("requirements", "capacity"),
    "high-level": ("api_data", "components", "capacity"),
    "deep-dive": ("tradeoffs", "reliability", "components"),
    "wrap-up": ("communication", "reliability"),
}


def budgets(total_minutes: int) -> dict[str, float]:
    """Seconds per phase, scaled so they add up to `total_minutes`."""
    if total_minutes < 4:
        raise ValueError("an interview needs at least 4 minutes")
    scale = total_minutes / sum(_BASE.values())
    return {phase: minutes * scale * 60 for phase, minutes in _BASE.items()}


def clock_text(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"

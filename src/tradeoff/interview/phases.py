"""The four phases of a design interview and their time budgets."""

from __future__ import annotations

from tradeoff.vocabulary import Dimension, Phase

PHASES: tuple[Phase, ...] = tuple(Phase)
# Keyed by str as well as Phase: stored events carry the phase as plain text.
TITLES: dict[str, str] = {
    Phase.clarify: "Clarify requirements",
    Phase.high_level: "High-level design",
    Phase.deep_dive: "Deep dive",
    Phase.wrap_up: "Wrap-up",
}
# Minutes out of 45: clarify 5-8, high-level 10-15, deep dive 15-20, wrap-up 5.
_BASE = {Phase.clarify: 7.0, Phase.high_level: 13.0, Phase.deep_dive: 20.0, Phase.wrap_up: 5.0}
# Which review dimensions the interviewer probes in each phase, most important first.
PHASE_DIMENSIONS: dict[str, tuple[Dimension, ...]] = {
    Phase.clarify: (Dimension.requirements, Dimension.capacity),
    Phase.high_level: (Dimension.api_data, Dimension.components, Dimension.capacity),
    Phase.deep_dive: (Dimension.tradeoffs, Dimension.reliability, Dimension.components),
    Phase.wrap_up: (Dimension.communication, Dimension.reliability),
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

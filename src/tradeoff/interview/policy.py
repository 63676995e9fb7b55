"""The interviewer's choice of move, computed from the rubric and what has been said so far.

Order of preference after a statement: follow up on a product named without a reason,
then the phase's business (deep dive: the prompt's follow-up questions; wrap-up: what
breaks at 10x), then probe the most important rubric item the candidate has not covered.
Questions are answered from the hidden facts before any of that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import LEVELS, Problem, RubricItem
from tradeoff.interview.personas import ALTERNATIVES, Move
from tradeoff.interview.phases import PHASE_DIMENSIONS
from tradeoff.review.coverage import item_coverage
from tradeoff.language.mentions import REASONS, MentionIndex
from tradeoff.review.products import brands_in

_PROBES = {
    "requirements": "Before we go on: what about {name}?",
    "capacity": "Can you put numbers on {name}?",
    "api_data": "How do your API and data model handle {name}?",
    "components": "Where does {name} fit in your design?",
    "tradeoffs": "What are your options for {name}, and which would you pick?",
    "reliability": "How does {name} work when something fails?",
    "communication": "Can you sum up the design so far and the decisions you made?",
}
WRAP_UP = "What breaks first as load grows, and what would you change at 10x the traffic?"


@dataclass
class PolicyState:
    """What the policy remembers between turns."""

    probed: set[str] = field(default_factory=set)
    followups_asked: int = 0
    techs_followed: set[str] = field(default_factory=set)
    wrap_up_asked: bool = False
    turns_in_phase: int = 0
    claims_challenged: set[str] = field(default_factory=set)


def next_move(
    *,
    problem: Problem,
    catalog: Catalog,
    mentions: MentionIndex,
    phase: str,
    persona: str,
    level: str,
    turn: str,
    state: PolicyState,
) -> Move:
    """The interviewer's reply to a statement (questions are answered elsewhere)."""
    state.turns_in_phase += 1
    claim = _CLAIM.search(turn)
    if claim is not None and claim.group(0).lower() not in state.claims_challenged:
        state.claims_challenged.add(claim.group(0).lower())
        return Move("challenge", f'You said "{claim.group(0)}". What would make that false?')
    tech = _unexplained_tech(turn, state, any_reason=persona == "adversarial")
    if tech is not None:
        state.techs_followed.add(tech.lower())
        alternative = ALTERNATIVES.get(tech.lower(), "the obvious alternative")
        if persona == "adversarial":
            return Move("challenge", f"Why {tech} and not {alternative}?", tech)
        return Move(
            "follow-up", f"You mentioned {tech}. What made you pick it over {alternative}?", tech
        )
    if phase == "wrap-up" and not state.wrap_up_asked:
        state.wrap_up_asked = True
        return Move("wrap-up", WRAP_UP)
    followups_left = state.followups_asked < len(problem.follow_ups)
    if phase == "deep-dive" and followups_left and state.turns_in_phase % 2 == 1:
        question = problem.follow_ups[state.followups_asked]
        state.followups_asked += 1
        return Move("probe", question, f"follow-up-{state.followups_asked}")
    item = most_important_gap(
        problem, mentions, phase, level, state.probed, failures_first=persona == "adversarial"
    )
    if item is not None:
        dimension, rubric_item = item
        state.probed.add(rubric_item.id)
        name = catalog.vocabulary.concepts[rubric_item.concepts[0]].name.lower()
        return Move("probe", _PROBES[dimension].format(name=name), rubric_item.id)
    if persona == "adversarial" and problem.pitfalls:
        return Move("challenge", "What would go wrong first in what you just described?")
    return Move("probe", "Go on. What would you look at next?")


def most_important_gap(
    problem: Problem,
    mentions: MentionIndex,
    phase: str,
    level: str,
    skip: set[str],
    *,
    failures_first: bool = False,
) -> tuple[str, RubricItem] | None:
    """The heaviest rubric item of the phase's dimensions that is expected at the level,
    not yet covered, and not already probed. An adversarial interviewer presses on failure
    cases first: reliability leads every phase after the requirements."""
    dimensions = problem.rubric.dimensions()
    order = PHASE_DIMENSIONS[phase]
    if failures_first and phase != "clarify":
        order = ("reliability", *[d for d in order if d != "reliability"])
    best: tuple[int, str, RubricItem] | None = None
    for rank, dimension in enumerate(order):
        rubric = dimensions.get(dimension)  # type: ignore[call-overload]
        if rubric is None:
            continue
        for item in rubric.items:
            if item.id in skip or LEVELS.index(item.level) > LEVELS.index(level):  # type: ignore[arg-type,unused-ignore]
                continue
            if item_coverage(item, mentions, dimension) >= 0.5:
                continue
            score = item.weight * 10 - rank
            if best is None or score > best[0]:
                best = (score, dimension, item)
    return (best[1], best[2]) if best else None


def _unexplained_tech(turn: str, state: PolicyState, *, any_reason: bool = False) -> str | None:
    """The first product named in this turn without a reason (with `any_reason`, whatever
    the reason: the adversarial persona asks "why not X?" about every product), once each."""
    if REASONS.search(turn) and not any_reason:
        return None
    for match in brands_in(turn):
        name = match.group(0)
        if name.lower() not in state.techs_followed and name.lower() in ALTERNATIVES:
            return name
    return None


# Absolute claims worth a challenge: "it never loses data", "this scales infinitely".
_CLAIM = re.compile(
    r"\b(never (?:loses?|fails?|goes? down|drops?)\w*|always (?:available|consistent|up)"
    r"|scales? (?:infinitely|linearly|to any|forever)|infinitely scalable|zero downtime"
    r"|no single point of failure|guarantees? (?:exactly[- ]once|no)\b[^.,;]*"
    r"|(?:is|are) (?:fully|perfectly) (?:consistent|reliable|scalable))",
    re.I,
)
_DECIDES = re.compile(
    r"\b((we|i)('ll| will| would|'d)?\s+(use|go with|pick|choose|store|put|keep|shard|cache|add)"
    r"|let's (use|go with|pick)|chose|choosing|picked|decided|going with|prefer|settle on)\b",
    re.I,
)


def decisions_in(turn: str) -> list[tuple[str, bool]]:
    """Sentences that pick something, and whether each gives a reason."""
    out = []
    for sentence in re.split(r"(?<=[.!?;])\s+", turn):
        if _DECIDES.search(sentence):
            out.append((sentence.strip(), bool(REASONS.search(sentence))))
    return out

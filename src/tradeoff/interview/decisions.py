"""Decisions the attached design and the spoken answer make differently.

The design says "last writer wins" and the candidate said "we keep a conflicted copy": the
report lists it beside spoken and written numbers that disagree. Only a decision both
sides name, chosen differently among alternatives the prompt knows, is listed; anything
else is left alone, never guessed:

- one of the prompt's trade-offs, each side naming exactly one of its options (by the
  option's words, `language.options`) in a line that means one of the trade-off's
  concepts, the option not negated, and the line neither hedged, deferred nor a question;
- a concept of one of the prompt's trade-offs that one side rejects everywhere it names
  it ("There is no deduplication") while the other decides it ("We dedupe on the event
  id") and never rejects it (`Features.negated`, `Features.choices`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tradeoff.catalog.schema import Problem, Tradeoff
from tradeoff.language import Claim
from tradeoff.language.mentions import POSITIVE, classify
from tradeoff.language.options import option_at


@dataclass(frozen=True)
class Disagreement:
    """One decision made one way in the design and another aloud."""

    about: str
    said: str
    turn: int
    written: str
    line: int


def disagreements(
    problem: Problem, written: Sequence[Claim], said: Sequence[tuple[int, Claim]]
) -> list[Disagreement]:
    """Each decision the design and the spoken turns (each claim with its turn) make
    differently, once."""
    out: list[Disagreement] = []
    spoken = [claim for _, claim in said]
    turn_of = {id(claim): turn for turn, claim in said}
    for tradeoff in problem.tradeoffs:
        mine = _chosen(tradeoff, written)
        theirs = _chosen(tradeoff, spoken)
        if len(mine) == 1 and len(theirs) == 1 and set(mine) != set(theirs):
            (w,) = mine.values()
            (s,) = theirs.values()
            about = tradeoff.id.replace("-", " ")
            out.append(Disagreement(about, s.quote, turn_of[id(s)], w.quote, w.line))
            continue
        for concept in tradeoff.concepts:
            found = _rejected_and_decided(concept, written, spoken)
            if found is not None:
                w, s = found
                out.append(Disagreement(concept.replace("-", " "), s.quote, turn_of[id(s)],
                                        w.quote, w.line))  # fmt: skip
                break
    return out


def _chosen(tradeoff: Tradeoff, claims: Sequence[Claim]) -> dict[str, Claim]:
    """The options of a trade-off these claims choose, each with the first line choosing it."""
    out: dict[str, Claim] = {}
    concepts = set(tradeoff.concepts)
    for claim in claims:
        f = claim.features
        if f.hedge or f.deferred or claim.text.rstrip().endswith("?"):
            continue
        if not concepts & f.concepts:
            continue
        text = claim.text.lower()
        named = [
            (o.name, at) for o in tradeoff.options if (at := option_at(o.name, text)) is not None
        ]
        if len(named) != 1:
            continue  # "conflicted copies over last-writer-wins" weighs; it names both
        name, at = named[0]
        if classify(claim.text, at, at + 1, False) != POSITIVE:
            continue  # "we never use last writer wins", "we could ..."
        out.setdefault(name, claim)
    return out


def _rejected_and_decided(
    concept: str, written: Sequence[Claim], spoken: Sequence[Claim]
) -> tuple[Claim, Claim] | None:
    """The design's line and the spoken line when one side rejects `concept` and the other
    decides it, in that order; None otherwise."""
    for rejecting, deciding, flipped in ((written, spoken, False), (spoken, written, True)):
        rejects = [c for c in rejecting if concept in c.features.negated]
        if not rejects or any(concept in c.features.concepts for c in rejecting):
            continue
        if any(concept in c.features.negated for c in deciding):
            continue
        decides = [
            c
            for c in deciding
            if concept in c.features.choices and c.features.decision and not c.features.hedge
        ]
        if decides:
            return (decides[0], rejects[0]) if flipped else (rejects[0], decides[0])
    return None

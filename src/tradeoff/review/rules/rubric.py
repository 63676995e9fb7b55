"""Shared by the rules that report rubric items a design leaves unspecified."""

from __future__ import annotations

from tradeoff.catalog.schema import RubricItem
from tradeoff.review.context import ReviewContext
from tradeoff.review.coverage import expected_at, item_support
from tradeoff.review.findings import ABSENT, Evidence
from tradeoff.review.substance import MENTIONED, SUBSTANCE, Support


def uncovered(
    ctx: ReviewContext, dimension: str, min_weight: int = 2
) -> list[tuple[RubricItem, Support]]:
    """Important items expected at the candidate's level that no claim specifies, each with
    what the text does say of it (a mention, or nothing)."""
    rubric = ctx.rubric.dimensions().get(dimension)  # type: ignore[call-overload]
    if rubric is None:
        return []
    found = []
    for item in rubric.items:
        if item.weight < min_weight or not expected_at(item, ctx.level):
            continue
        if item.id in ctx.credited:
            continue
        held = item_support(item, ctx.claims, ctx.mentions, dimension)
        if held.status != SUBSTANCE:
            found.append((item, held))
    return found


def uncovered_items(ctx: ReviewContext, dimension: str, min_weight: int = 2) -> list[RubricItem]:
    return [item for item, _ in uncovered(ctx, dimension, min_weight)]


def gap(ctx: ReviewContext, item: RubricItem, held: Support) -> tuple[str, Evidence]:
    """The message and evidence for an item left unspecified: a mention is cited as such,
    never reported as absent."""
    text = item.text.rstrip(".")
    if held.status == MENTIONED and held.claim is not None:
        line = held.claim.line
        return (
            f"Mentioned on line {line} but not specified: {text}",
            ctx.line_evidence(line, held.claim.quote),
        )
    return f"Not covered: {text}", ABSENT

"""Shared by the rules that report rubric items a design leaves uncovered."""

from __future__ import annotations

from tradeoff.catalog.schema import RubricItem
from tradeoff.review.context import ReviewContext
from tradeoff.review.coverage import expected_at, item_coverage


def uncovered_items(ctx: ReviewContext, dimension: str, min_weight: int = 2) -> list[RubricItem]:
    """Important items expected at the candidate's level that the design does not cover."""
    rubric = ctx.rubric.dimensions().get(dimension)  # type: ignore[call-overload]
    if rubric is None:
        return []
    return [
        item
        for item in rubric.items
        if item.weight >= min_weight
        and expected_at(item, ctx.level)
        and item_coverage(item, ctx.mentions, dimension) < 0.5
    ]

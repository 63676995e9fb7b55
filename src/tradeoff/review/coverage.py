"""How well a design covers each rubric item, from the strength of its concept mentions."""

from __future__ import annotations

from tradeoff.catalog.schema import LEVELS, RubricItem
from tradeoff.review.mentions import MentionIndex


def item_coverage(item: RubricItem, mentions: MentionIndex, dimension: str = "") -> float:
    """1.0 meant with a reason, 0.8 meant, 0.5 only as an option, 0.3 in a name list, else 0.

    A capacity item needs a number: "we estimated storage" with no figure is not an estimate.
    """
    numeric = dimension == "capacity"
    return max((mentions.strength(c, numeric=numeric) for c in item.concepts), default=0.0)


def expected_at(item: RubricItem, level: str) -> bool:
    """Whether a candidate at `level` is expected to cover the item."""
    return LEVELS.index(item.level) <= LEVELS.index(level)  # type: ignore[arg-type,unused-ignore]

"""The registry of review rules; importing this package registers every rule."""

from tradeoff.review.rules import (  # noqa: F401  (imported for registration)
    api_data,
    capacity,
    communication,
    components,
    reliability,
    requirements,
    tradeoffs,
)
from tradeoff.review.rules.base import RULES, Rule

__all__ = ["RULES", "Rule"]

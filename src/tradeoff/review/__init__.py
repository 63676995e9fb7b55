"""The reviewer: rules, concept matching and a scorecard computed from the problem's rubric."""

from tradeoff.review.engine import Review, review_design

__all__ = ["Review", "review_design"]

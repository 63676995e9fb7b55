"""A candidate's expression read as a `dims.Q` quantity, through the shared grammar.

A candidate's estimate is a chain like `100M DAU x 10 reads / 86400 = 11.5K QPS`. This
module reads one side of such a chain, reporting which token it could not read. Words that
only name what is counted (DAU, reads, tweets) carry no unit. The reading itself is
`estimate.grammar`'s, the same the calculator and the interviewer use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tradeoff.estimate.dims import Q
from tradeoff.estimate.grammar import GrammarError, Token, evaluate, tokenize, without_time


class UnreadableEstimate(ValueError):
    """An expression with a token that is neither a number, an operator nor a known unit."""


@dataclass(frozen=True)
class Reading:
    """A quantity read from text, and how much of the text it understood."""

    value: Q
    text: str
    operators: int  # arithmetic operators applied; 0 means a bare quantity
    # the units written, as one quantity ('/s' and 'frames/s' alike)
    scale: Q = field(default_factory=lambda: Q(1.0))
    ambiguous: bool = False  # a token has another reading ("500 B": bytes or billion)
    per: tuple[str, ...] = ()  # labels divided by: "per paste", "/AZ"
    tokens: tuple[Token, ...] = ()


def read_quantity(
    text: str, *, ignore_time: bool = False, tokens: list[Token] | None = None
) -> Reading:
    """Evaluate a candidate's expression with the usual precedence.

    `100M DAU x 10 reads / 86400` -> 11,574 (dimensionless); `500M tweets/day` -> 500e6/day;
    `1.27 KB * 10 million per month` -> 12.7 GB/month. With `ignore_time`, durations and
    per-time units are dropped ("100M per month x 12 months x 5 years" read as counts).
    """
    found = tokenize(text) if tokens is None else tokens
    if ignore_time:
        found = without_time(found)
    try:
        result = evaluate(found)
    except GrammarError as exc:
        raise UnreadableEstimate(str(exc)) from None
    value = result.value if isinstance(result.value, Q) else Q(float(result.value))
    return Reading(
        value, text, result.operators, result.scale, result.ambiguous, result.per, tuple(found)
    )

"""A figure said aloud against the one the attached design writes for the same quantity.

The report lists each such pair, and the interviewer asks about it once when it is said:
both read it here, so the question asked and the line reported never disagree."""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff.estimate.dims import Q
from tradeoff.estimate.grammar import find_quantities
from tradeoff.interview.state import ConversationState, Stated
from tradeoff.language.periods import every_period

# Spoken and written figures within 1.5x are the same estimate, rounded ("about 600 TB" and
# "576 TB"); twice or half is another estimate: "8 MB parts, 2,500 parts" said against a
# design's "4 MB chunks = 5,000 parts" are two designs, and the report says so.
AGREE = 1.5


def written_against(said: Stated, state: ConversationState) -> Stated | None:
    """The design's figure that a figure said disagrees with, or None: none written for its
    quantity, one written within `AGREE` of it, the figure said also written on its own
    words, or taken back later by a figure that agrees with the design."""
    a = said.number
    if a is None or a.ref is None or a.value.value <= 0:
        return None
    if states_as_said(a.text, state.written_numbers):
        # "240 TB a day" read as the year's storage against the design's "44 PB/year",
        # while the same design line says "240 TB/day" (a worked result, matched to no
        # figure): the figure said is written, the disagreement is the design's own.
        return None
    same = [
        w
        for w in state.written_numbers
        if w.number is not None and w.number.ref == a.ref and w.number.value.value > 0
    ]
    if any(_agree(a.value, w) for w in same):
        return None
    if any(
        o.number is not None
        and o.number.ref == a.ref
        and o.line > said.line
        and any(_agree(o.number.value, w) for w in same)
        for o in state.spoken_numbers
    ):
        return None  # "10,000 uploads a second", then "sorry, ... about 1,160 uploads/s"
    return same[0] if same else None


def _agree(value: Q, written: Stated) -> bool:
    assert written.number is not None
    return 1 / AGREE <= value.value / written.number.value.value <= AGREE


def states_as_said(said: str, written: Sequence[Stated]) -> bool:
    """Whether the design writes a figure as said, read on its own words ("240 TB/day" for
    "240 TB a day"), whatever figure of the prompt each was matched to. Over the same
    period: "88 PB a year" is the rate of "240 TB/day", but a design that writes that and
    "44 PB/year" disagrees with the year said."""
    spoken = _alone(said)
    if spoken is None:
        return False
    for stated in written:
        if stated.number is None:
            continue
        other = _alone(stated.number.text)
        if (
            other is not None
            and other.kind == spoken.kind
            and every_period(stated.number.text) == every_period(said)
            and 1 / AGREE <= other.value / spoken.value <= AGREE
        ):
            return True
    return False


def _alone(text: str) -> Q | None:
    """A figure's quantity read from its own words, with no sentence to say what it is of."""
    found = find_quantities(text)
    return found[0].value if found and found[0].value.value > 0 else None

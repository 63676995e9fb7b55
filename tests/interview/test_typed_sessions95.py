"""The report's depth line when the steps were not reached in order.

The cache session (iv14's script, adversarial) read "requirements: ... depth reached
"quantified targets and non-goals"; not yet "scoped features" (2 of the 3 features this step
needs)": the design states targets and non-goals, and two of the three features the first
step wants. "Not yet" a lower step beside a higher one reached read as a contradiction; the
line now says the step missing is an earlier one.
"""

from __future__ import annotations

from types import SimpleNamespace

from tradeoff.interview.report import _below_deepest
from tradeoff.practice.models import Conversation, DimensionScore
from tradeoff.practice.report_text import _dimension_detail


def _steps(*reached: float) -> list[SimpleNamespace]:
    return [SimpleNamespace(reached=r) for r in reached]


def test_a_missing_step_below_the_deepest_is_known() -> None:
    assert _below_deepest(_steps(0.67, 1.0, 0.0))
    assert not _below_deepest(_steps(1.0, 0.5, 0.0))  # the next step up
    assert not _below_deepest(_steps(0.5, 0.0, 0.0))  # none reached


def test_the_depth_line_names_an_earlier_step_as_earlier() -> None:
    dim = DimensionScore(
        score=2,
        expected=4,
        depth="quantified targets and non-goals",
        next_step="scoped features",
        next_below=True,
        needs="2 of the 3 features this step needs",
    )
    line = _dimension_detail("requirements", Conversation(), dim)
    assert 'not yet an earlier step, "scoped features" (2 of the 3' in line
    later = dim.model_copy(update={"next_below": False, "next_step": "assumptions"})
    assert 'not yet "assumptions"' in _dimension_detail("requirements", Conversation(), later)

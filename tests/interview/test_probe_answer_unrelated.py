"""An answer that names nothing the interviewer asked about is no mention of the item.

"Which parts are you not designing today?" answered with "That's 6 rows of 8 slots" was
quoted in the report as the line that mentioned the scope item.
"""

from __future__ import annotations

from test_iv24_typed import _heard

from tradeoff.catalog import Catalog
from tradeoff.interview.state import ConversationState, credit_answer


def test_an_unrelated_answer_mentions_nothing_of_the_probed_item(catalog: Catalog) -> None:
    problem = catalog.get("vending-machine")
    item = next(
        i for d, i in problem.rubric.items() if d == "requirements" and "scope" in i.concepts
    )
    heard = _heard(catalog, problem.id, "The tubes hold quarters, dimes and nickels, 40 of each.")
    state = ConversationState()
    credit_answer(state, item.id, heard, frozenset(item.concepts), "", item)
    assert item.id not in state.said, state.said


def test_an_answer_about_the_item_still_counts(catalog: Catalog) -> None:
    problem = catalog.get("vending-machine")
    item = next(
        i for d, i in problem.rubric.items() if d == "requirements" and "scope" in i.concepts
    )
    heard = _heard(catalog, problem.id, "Fleet telemetry and app payments are out of scope.")
    state = ConversationState()
    credit_answer(state, item.id, heard, frozenset(item.concepts), "", item)
    assert item.id in state.said, state.said

"""A sentence that says it assumes heads the list under it (issue 9).

"Let's assume a chat app for a mid-sized company." over "- Messages: 40 per user per
day" and "- Attachments: 200 KB on average" states two assumptions, as the same list
under "Assumptions:" does; the reviewer read the lead-in alone (no figure, so no
assumption) and the list as plain estimates, and reported "mentioned but not specified:
states assumptions" on a short answer that states them. A lead-in that assumes nothing
heads nothing.
"""

from __future__ import annotations

from functools import cache

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import read_text
from tradeoff.review.substance import ladder

_ASSUMED = """# Team chat

## Estimates

Let's assume a chat app for a mid-sized company.

- Attachments: 200 KB on average
- Messages: 40 per user per day
"""


@cache
def _catalog() -> Catalog:
    return default_catalog()


def _reached(dimension: str, text: str, rung: str) -> float:
    claims = read_text(text, tuple(_catalog().vocabulary.concepts.values()))
    return {r.name: r for r in ladder(dimension, claims)}[rung].reached


def test_a_list_under_an_assuming_sentence_states_assumptions() -> None:
    assert _reached("communication", _ASSUMED, "assumptions said aloud") == 1.0
    assert _reached("requirements", _ASSUMED, "assumptions that drive choices") == 1.0


def test_the_imperative_form_heads_the_list_too() -> None:
    text = _ASSUMED.replace("Let's assume a", "Assume the system is a")
    assert _reached("communication", text, "assumptions said aloud") == 1.0


def test_a_lead_in_that_assumes_nothing_heads_nothing() -> None:
    text = _ASSUMED.replace("Let's assume a", "We are building a")
    assert _reached("communication", text, "assumptions said aloud") == 0.0


def test_a_conditional_lead_in_heads_its_consequences_not_assumptions() -> None:
    text = _ASSUMED.replace(
        "Let's assume a chat app for a mid-sized company.",
        "Assuming 90% of reads hit the cache, the database sees:",
    )
    assert _reached("communication", text, "assumptions said aloud") < 1.0

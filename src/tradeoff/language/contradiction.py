"""Answers that say the opposite of what an item asks.

An answer to the interviewer's question about an item counts at least as a mention of it,
so "Prices are stored as floats in dollars", said to "How do you represent a price of
$1.35?", was listed as a mention of "money as integer cents": the report then told the
candidate to say more about a point they had got the other way round. A line that
contradicts the item mentions nothing of it; it is left to the rules and the reviewer.

Each pair is one item subject with the choice that rules it out, both read as words, so
only a choice an item names is ever judged.
"""

from __future__ import annotations

import re

# (what the item asks, the answer that contradicts it)
_OPPOSITES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    # Money counted in whole cents (or a decimal/Money type) against floating point.
    (
        re.compile(r"\b(?:integer|whole) cents\b|\bminor units\b", re.I),
        re.compile(
            r"\b(?:money|prices?|amounts?|balances?|dollars|totals?|costs?)\b[^.;]*"
            r"\b(?:floats?|doubles?|floating[- ]point)\b"
            r"|\b(?:floats?|doubles?|floating[- ]point)\b[^.;]*"
            r"\b(?:money|prices?|amounts?|balances?|dollars|totals?|costs?)\b",
            re.I,
        ),
    ),
)


def contradicts(item_text: str, answer: str) -> bool:
    """Whether `answer` makes the choice that the item's text rules out."""
    return any(
        asks.search(item_text) is not None and opposite.search(answer) is not None
        for asks, opposite in _OPPOSITES
    )

"""Walkthrough items: rubric points that ask the candidate to walk one case through.

"Walks one trip through every component from quote to completion" asks for a trace, and
"Walks through a crash between the provider's answer and the database write" for one named
failure followed step by step. Neither is the order of the design's sections (which meets
"Works in a visible order"), and the second is not met by a line about another failure:
"if the provider times out we mark it unknown and poll" handles a timeout, not a crash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tradeoff.language.claims import Claim

_WALKS = re.compile(r"\s*Walks\b")

# The failures an item can name, each with the words that name it in a line. One family
# per kind of event: a process that dies is a crash however it is said.
_FAILURE_FAMILIES: dict[str, re.Pattern[str]] = {
    "crash": re.compile(
        r"\bcrash\w*|\bdie[sd]?\b|\bdying\b|\brestart\w*|\bkilled\b|\bgoes down\b|\bwent down\b",
        re.I,
    ),
    "timeout": re.compile(r"\btime[sd]? out\b|\btimed out\b|\btimeouts?\b", re.I),
    "partition": re.compile(r"\bpartition(?:s|ed)?\b|\bsplit[- ]brain\b", re.I),
    "pause": re.compile(r"\bpause[sd]?\b|\bgc\b|\bgarbage collect\w*", re.I),
}


def is_walkthrough(item_text: str) -> bool:
    """Whether an item asks to walk a case through, rather than for an order."""
    return _WALKS.match(item_text) is not None


def failures_named(item_text: str) -> frozenset[str]:
    """The failures a walkthrough item is about ("a crash", "a pause or partition");
    empty for one that names none ("including the failure branches")."""
    if not is_walkthrough(item_text):
        return frozenset()
    return frozenset(k for k, pattern in _FAILURE_FAMILIES.items() if pattern.search(item_text))


def on_named_failure(item_text: str, claims: Sequence[Claim]) -> Sequence[Claim]:
    """The claims that can evidence an item: for a walkthrough of a named failure, those
    that name that failure; every claim otherwise, as the very same list: the reviewer's
    per-list caches (`substance.concept_index`, the item supports) are keyed on it, and a
    copy per item rebuilt the concept index some 40 times a review (twice its cost)."""
    named = failures_named(item_text)
    if not named:
        return claims
    return [c for c in claims if any(_FAILURE_FAMILIES[k].search(c.text) for k in named)]

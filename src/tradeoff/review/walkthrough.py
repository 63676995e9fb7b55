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


# A section that traces one case: "Walkthrough", "End-to-end flow", "Checkout flow",
# "Life cycle of a ticket", "Example: one car", "Step by step".
_TRACE_HEADING = re.compile(
    r"walk[- ]?through|end[- ]to[- ]end|\bflows?\b|life[- ]?cycle|step[- ]by[- ]step"
    r"|\bexample\b|\bscenario\b|\btrace\b|\bjourney\b",
    re.I,
)
# A call written out in a step: "`EntryPanel.issueTicket(CAR)`", "assignSpot(vehicle)".
_CALL_WRITTEN = re.compile(r"\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\(")
_ASKS_CALLS = re.compile(r"\bmethods?\b|\bcalls?\b|\bevents?\b", re.I)
_ASKS_FAILURES = re.compile(r"\bfailures?\b|\berrors?\b|\bbranch", re.I)
# Steps a trace needs: a case walked through has a start, a middle and an end.
_STEPS = 3


def traced(item_text: str, claims: Sequence[Claim]) -> Claim | None:
    """The first step of a trace that meets a walkthrough item, or None.

    "Walks one vehicle through entry, payment and exit, naming the method calls" asks for a
    case followed in order, which no single claim is and no order of sections gives: it is
    met by a section headed as a trace ("Walkthrough", "Checkout flow") whose lines take at
    least three steps, two of them naming a call where the item asks for calls (or one part
    acting on another where it does not), and one handling a failure where the item asks
    for the failure branches. A walkthrough of a named failure ("a crash between ...") is
    judged by the claims that name it (`on_named_failure`), not here."""
    if not is_walkthrough(item_text) or failures_named(item_text):
        return None
    calls = _ASKS_CALLS.search(item_text) is not None
    failures = _ASKS_FAILURES.search(item_text) is not None
    sections: dict[tuple[str, ...], list[Claim]] = {}
    for claim in claims:
        if claim.heading and _TRACE_HEADING.search(claim.heading):
            sections.setdefault(claim.headings, []).append(claim)
    for steps in sections.values():
        if len({c.line for c in steps}) < _STEPS:
            continue
        if calls:
            acting = {c.line for c in steps if _CALL_WRITTEN.search(c.text)}
        else:
            acting = {c.line for c in steps if c.features.flow or _CALL_WRITTEN.search(c.text)}
        if len(acting) < 2:
            continue
        if failures and not any(c.features.failure_response for c in steps):
            continue
        return steps[0]
    return None

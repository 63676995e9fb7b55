"""Whether a number is a bound ("up to 5 TB", "above 1M followers") or a figure the speaker
takes back ("8,750 a second, not 87,000") rather than a figure.

A bound or threshold is a line the candidate draws, not an estimate of how much of
something there is: "for celebrities above 1M followers we pull" says nothing about how
many followers the biggest accounts have, and "max 10 MB" is not the average upload. The
reviewer's capacity checks and the interviewer's sanity checks both read it here, so they
never compare a threshold with a fact.
"""

from __future__ import annotations

import re

# The words just before a number that make it a bound: "up to", "max", "above", "<".
BOUND_BEFORE = re.compile(
    r"(?:\bup\s+to|\bmax(?:imum)?|\bat\s+most|\blimit(?:ed)?(?:\s+to)?|\bcap(?:ped)?(?:\s+at)?"
    # what is capped or limited named between: "cap groups at 500", "limit uploads to 10"
    r"|\b(?:cap(?:s|ped|ping)?|limit(?:s|ed|ing)?)(?:\s+[\w-]+){1,3}?\s+(?:at|to)"
    r"|\bunder|\bbelow|\bless\s+than|\bmore\s+than|\bover|\babove|\bexceed(?:s|ing)?"
    r"|\bbeyond|\bgreater\s+than|\bat\s+least|[<>≤≥]"
    # A window the design keeps: "keep the last 50 prefixes", "the latest 800 post ids",
    # "I keep a cache of decoded frames around the playhead, about 60 frames".
    r"|\b(?:the|only)\s+(?:last|latest|most\s+recent|newest|top)"
    r"|\b(?:i|we)\s+(?:keep|cache|buffer)(?:\s+[\w-]+){0,8}?"
    r"(?:,\s*(?:about|around|roughly)|\s+(?:about|around|roughly))?(?=\s*$)"
    # A replication factor the design picks: "each key is replicated to 3 nodes".
    r"|\b(?:replicated|copied|mirrored)\s+(?:to|on|across|onto)"
    # A setting: "debounced by 150 ms", "a TTL of 60 s", "times out after 2 s".
    r"|\b(?:debounced?|throttled?|timeouts?|times\s+out|ttl|expiry|interval)"
    r"(?:\s+(?:by|of|at|to|after|is))?)\W*$",
    re.I,
)


def is_bound(before: str) -> bool:
    """Whether the text that ends right before a number makes that number a bound."""
    return BOUND_BEFORE.search(before) is not None


# A figure said only to be denied: "8,750 req/s at peak, not 87,000", "that isn't 900 MB". A
# correction names the slip it replaces; checking the slip again asked the candidate to
# defend the very figure they had just withdrawn. ("not more than 10" is a bound, read above.)
REJECTED_BEFORE = re.compile(
    r"(?:\bnot|\bisn'?t|\baren'?t|\bwasn'?t|\bweren'?t|\brather\s+than|\binstead\s+of)"
    r"\s+(?:about\s+|around\s+|roughly\s+|~\s*)?$",
    re.I,
)


def is_rejected(before: str) -> bool:
    """Whether the text that ends right before a number says the number is not so."""
    return REJECTED_BEFORE.search(before) is not None


# A figure denied after its replacement: "that's 3,800 pages a second, not 38,000", "31,500
# rows, not 3,150". The number the denial names, as written.
_TAKEN_BACK = re.compile(
    r"(?:\bnot|\bisn'?t|\bwasn'?t|\brather\s+than|\binstead\s+of)\s+"
    r"(?:about\s+|around\s+|roughly\s+|~\s*)?(\d[\d,]*(?:\.\d+)?)\s*([kmb])?\b",
    re.I,
)
_SCALE = {"": 1.0, "k": 1e3, "m": 1e6, "b": 1e9}
_LEADING = re.compile(r"\d[\d,]*(?:\.\d+)?")


def takes_back(later: str, figure: str) -> bool:
    """Whether a later line denies the number a figure opens with ("38,000 pages a second"
    and "... 3,800 pages a second, not 38,000"). A slip corrected aloud, or in the next line
    of a design, is no longer the candidate's figure: a review that still reports it as an
    arithmetic error tells them to fix what they already fixed."""
    first = _LEADING.search(figure)
    if first is None:
        return False
    value = float(first.group(0).replace(",", ""))
    for match in _TAKEN_BACK.finditer(later):
        denied = float(match.group(1).replace(",", "")) * _SCALE[(match.group(2) or "").lower()]
        if denied == value:
            return True
    return False

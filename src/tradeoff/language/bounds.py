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


def denies(text: str, figure: str) -> bool:
    """Whether a text takes a figure back ("Sorry, 5 x 200 is 1,000 spots, not 10,000." of
    "10,000"): the figure said right after "not", "isn't", "rather than" or the like.
    Digits are compared without their commas ("10000" is "10,000")."""
    digits = figure.replace(",", "")
    for match in _DIGITS.finditer(text):
        if match.group(0).replace(",", "") == digits and is_rejected(text[: match.start()]):
            return True
    return False


_DIGITS = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?")

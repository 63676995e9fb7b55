"""Whether a design says what a cache's loss costs: reads falling back to the store.

A cache drawn once (or named once in prose) that every instance reads is judged for a single
point of failure like a database (issue 9 lists caches among stateful nodes). Unlike a
database it holds no data of its own: when the design says reads go to the store while it
is down ("Redis cluster fails -> read from the persistent timeline store", "cache
unavailable: fall back to the database"), its loss costs latency, not the system, and a
careful reader does not call it a single point of failure. Only what the design says
counts: a cache in front of a store is not taken to fall back on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tradeoff.language.claims import Claim

# The cache lost: "Cache outage", "Redis cluster fails", "if the cache is down".
_CACHE_WORD = re.compile(r"\b(?:cach(?:e|es|ing)|redis|memcached?)\b", re.I)
_LOST = re.compile(
    r"\b(?:down|fails?|failed|failures?|outages?|unavailable|unreachable|dies|dead|crash(?:es|ed)?"
    r"|lost|loss|evicted entirely|cold)\b",
    re.I,
)
# Reads served by the store meanwhile: "read from the persistent timeline store", "fall
# back to the DB", "fall back to pull mode from Cassandra", "serve reads from PostgreSQL".
_STORE = (
    r"(?:db|database|store|storage|source of truth|system of record|primary|origin"
    r"|cassandra|postgres\w*|mysql|dynamo\w*|mongo\w*|s3)"
)
_FALLS_BACK = re.compile(
    r"\b(?:fall(?:s|ing)?\s*back|read(?:s|ing)?|serv(?:e|es|ed|ing)|go(?:es)?\s+(?:straight\s+)?"
    r"|hit(?:s|ting)?|quer(?:y|ies|ying)|fetch(?:es|ing)?)\b"
    rf"(?:\s+[\w/-]+){{0,6}}?\s+(?:from|to|against)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_STORE}\b",
    re.I,
)


def _may_name_a_cache(text: str) -> bool:
    low = text.lower()
    return "cach" in low or "redis" in low or "memcache" in low


def falls_back_to_store(claims: list[Claim], names: Callable[[str], bool]) -> Claim | None:
    """The claim saying reads go to the store while the cache is lost, if the design says
    so of this cache: one whose text or heading (a "Failure: Redis cluster fails" heading
    over its "Fix" list) loses a cache that `names` accepts as this one."""
    for claim in claims:
        # (`_CACHE_WORD` needs one of these words: most claims hold none, and joining each
        # with its headings for the search cost a cold review about 1%.)
        if not (_may_name_a_cache(claim.text) or any(map(_may_name_a_cache, claim.headings[-2:]))):
            continue
        said = " ".join((*claim.headings[-2:], claim.text))
        if not (_LOST.search(said) and _CACHE_WORD.search(said)):
            continue
        if _FALLS_BACK.search(claim.text) and names(said):
            return claim
    return None

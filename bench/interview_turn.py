"""Median time for the interviewer to read a turn, choose a move and say it, early and late.

The conversation state is updated once per turn, so a long session should cost no more
per turn than a short one (the target is under 20 ms at turn 300). Run:
`python bench/interview_turn.py`.
"""

from __future__ import annotations

import statistics
import time

from tradeoff.catalog import default_catalog
from tradeoff.interview.clock import ManualClock
from tradeoff.interview.session import Interview

TURNS = [
    "Users paste a long URL and get a short code back; opening the code redirects them.",
    "I'll assume 100M new links a month, so about 40 writes/s and 4,000 reads/s.",
    "A load balancer spreads requests over stateless app servers.",
    "Each server leases a block of 1,000 ids and encodes them in base62.",
    "Hot codes are cached in Redis with a one-day TTL because reads dominate.",
    "Links live in a key-value store keyed by the short code, replicated three ways.",
    "If a cache node dies, requests fall through to the store while it warms up.",
    "We alert when p99 redirect latency goes above 100 ms for five minutes.",
]
SAMPLES = 25


def _interview() -> Interview:
    catalog = default_catalog()
    interview = Interview(
        problem=catalog.get("url-shortener"), catalog=catalog, persona="neutral",
        level="senior", minutes=45, clock=ManualClock(), record=lambda event: None,
    )  # fmt: skip
    interview.opening()
    return interview


def _say(turn: int) -> str:
    """A different line every turn, so no cache answers for the analysis."""
    return f"{TURNS[turn % len(TURNS)][:-1]}, as point {turn} of my plan."


def _timed(interview: Interview, turn: int) -> float:
    started = time.perf_counter()
    interview.handle(_say(turn))
    return (time.perf_counter() - started) * 1000


def main() -> None:
    _interview().handle(TURNS[0])  # warm the caches the first session pays for once
    early = []
    for _ in range(SAMPLES):
        early.append(_timed(_interview(), len(early) * len(TURNS)))
    interview = _interview()
    for turn in range(300 - SAMPLES // 2):
        interview.handle(_say(turn))
    late = [_timed(interview, 300 + turn) for turn in range(SAMPLES)]
    print(f"turn 1:   median {statistics.median(early):.1f} ms over {SAMPLES} sessions")
    print(f"turn 300: median {statistics.median(late):.1f} ms over turns 288-312")


if __name__ == "__main__":
    main()

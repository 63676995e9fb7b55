"""Pausing the cyclic garbage collector for the length of one pure computation (a review).

Why: a cold review of the judged set's longest answer allocates some 50,000 container
objects that outlive their generation (tokens, matches, features kept in per-text caches),
so CPython's collector ran about 33 young and 3 middle collections per review, plus a full
one every few reviews: about 10 ms of its 160 ms (`bench/review_speed.py`), and none of them
ever found a cycle to free (a review leaves no cyclic garbage: `gc.collect()` after a review
run with collection disabled returns 0). Reference counting frees everything a review drops,
so pausing the collector changes nothing but the time. The pause nests and is shared by
threads (the web app reviews in a thread pool): the collector is re-enabled when the last
paused computation ends, and only if it was enabled when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Run the body with the cyclic collector disabled (see the module's docstring)."""
    global _depth, _was_enabled
    with _LOCK:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _LOCK:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
                gc.collect(0)

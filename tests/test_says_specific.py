"""`says_specific` answers as the `_SPECIFIC` pattern it stands for, branch by branch."""

from __future__ import annotations

import pytest

from tradeoff.language.mentions import _SPECIFIC, says_specific


@pytest.mark.parametrize(
    "sentence",
    [
        "Redis keeps the counters",
        "Redis keeps 3 replicas",
        "the ٣ shards",  # a decimal digit of another script is a digit to re
        "call `incr` on the key",
        "client -> gateway",
        "a => b",
        "client \u2192 gateway",
        "user_id is the key",
        "_private and trailing_",
        "call flush() at the end",
        "call flush () at the end",
        "() alone",
        "GET the feed",
        "a GETTER and POSTS",
        "get and post in lower case",
        "DELETE",
        "",
    ],
)
def test_says_specific_as_the_pattern(sentence: str) -> None:
    assert says_specific(sentence) == (_SPECIFIC.search(sentence) is not None)

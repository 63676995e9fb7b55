"""Patterns rewritten for speed find exactly what their plain forms find.

`estimate.check._MARKER` looks ahead for the characters its markers start with, and
`language.claims._SENTENCE_END` matches the mark before looking behind it for an
abbreviation. Both forms are only faster; these tests keep them equal to the plain ones,
and keep the lookahead admitting every marker when one is added.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest

from tradeoff.estimate.check import _MARKER
from tradeoff.language.claims import _SENTENCE_END

_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

_LOOKAHEAD = r"\s*(?=[~≈=\-→icwtgesma])"
_PLAIN_MARKER = re.compile(r"\s*" + _MARKER.pattern.removeprefix(_LOOKAHEAD), _MARKER.flags)
_PLAIN_SENTENCE_END = re.compile(
    r"(?<![ (]e\.g)(?<![ (]i\.e)(?<!\bvs)(?<!\betc)(?<!\b[A-Z])[.!?](?=\s)"
)

PHRASES = [
    "100M users x 2 posts = 200M posts/day ≈ 2.3K writes/s",
    "Storage is about 5 TB, which is 15 TB with 3 replicas",
    "so 10 shards; that's 1K QPS each -> fine. It comes to 40 GB",
    "A 10 Gbps NIC can move 1.25 GB/s, which works out to 100 TB a day",
    "Reads total 1M/s and writes amount to 10K/s; it equals 100x",
    "ſo 3 and İs 4 and K = 5",  # letters that match an ASCII one under re.I
    "Use e.g. Redis. Or i.e. Memcached! Kafka vs. Pulsar? U.S. users. etc. More.",
    "(e.g. a cache) and (i.e. the store). A. B. Done.  Then: end.\tTab. Line",
    "",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", PHRASES)
def test_fast_forms_match_the_plain_forms(text: str) -> None:
    assert _spans(_MARKER, text) == _spans(_PLAIN_MARKER, text)
    assert _spans(_SENTENCE_END, text) == _spans(_PLAIN_SENTENCE_END, text)


def _first_characters(items: list[tuple[Any, Any]]) -> set[str]:
    """The characters a match of a parsed sequence can start with (zero-width parts
    skipped); fails on a part it cannot tell, so a new kind of marker is looked at."""
    for op, av in items:
        if op is _constants.AT:
            continue
        if op is _constants.LITERAL:
            return {chr(av).lower()}
        if op is _constants.SUBPATTERN:
            return _first_characters(list(av[3]))
        if op is _constants.BRANCH:
            return set().union(*(_first_characters(list(b)) for b in av[1]))
        raise AssertionError(f"a marker starts with {op}; extend the lookahead test")
    raise AssertionError("a marker can be empty")


def test_marker_lookahead_admits_every_marker() -> None:
    assert _MARKER.pattern.startswith(_LOOKAHEAD)
    body = _MARKER.pattern.removeprefix(_LOOKAHEAD).removesuffix(r"\s*")
    starts = _first_characters(list(_parser.parse(body, _MARKER.flags)))
    admitted = re.compile(r"[~≈=\-→icwtgesma]", re.I)
    assert all(admitted.fullmatch(char) for char in starts), starts

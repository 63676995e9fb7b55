"""Patterns rewritten for speed find exactly what their plain forms find.

`estimate.check._MARKER` looks ahead for the characters its markers start with, and
`language.claims._SENTENCE_END` matches the mark before looking behind it for an
abbreviation. Both forms are only faster; these tests keep them equal to the plain ones,
and keep the lookahead admitting every marker when one is added. The patterns that open
with a lookahead for their first characters (see "First characters" in
`language.lexicon`) are checked the same way: their first characters are derived from the
parse tree of the pattern without its lookahead, and each must be admitted by it.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest

from tradeoff.estimate.check import _MARKER, _REPLICATION
from tradeoff.language import lexicon, mentions, operations
from tradeoff.language.claims import _SENTENCE_END
from tradeoff.review import graph, substance
from tradeoff.review.rules import tradeoffs

_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

_LOOKAHEAD = r"\s*(?=[~≈=\-→icwtgesmanr])"
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


# The breaks of `review.rules.tradeoffs` as first written, with the lookbehinds before the mark.
_PLAIN_TRD_SENTENCE_BREAK = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.;!?]\s")
_PLAIN_TRD_CLAUSE_BREAK = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.;!?]\s|[:()\[\]|]")
BREAK_PHRASES = [
    *PHRASES,
    "e.g; a cache, i.e? a store, e.g! this, i.e. that; done. (e.g.) [i.e.] x|y: z",
    "the.e.g. a, xe.g. b, e.gg. c, İe.g. d, ſe.g. e, é.g. f, 3e.g. g, _i.e. h",
]


@pytest.mark.parametrize("text", PHRASES)
def test_fast_forms_match_the_plain_forms(text: str) -> None:
    assert _spans(_MARKER, text) == _spans(_PLAIN_MARKER, text)
    assert _spans(_SENTENCE_END, text) == _spans(_PLAIN_SENTENCE_END, text)


@pytest.mark.parametrize("text", BREAK_PHRASES)
def test_breaks_that_match_the_mark_first_split_as_the_plain_forms(text: str) -> None:
    assert tradeoffs._SENTENCE_BREAK.split(text) == _PLAIN_TRD_SENTENCE_BREAK.split(text)
    assert tradeoffs._CLAUSE_BREAK.split(text) == _PLAIN_TRD_CLAUSE_BREAK.split(text)


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
    admitted = re.compile(r"[~≈=\-→icwtgesmanr]", re.I)
    assert all(admitted.fullmatch(char) for char in starts), starts


# Patterns that open with a lookahead for the characters their matches start with.
GUARDED = {
    "QUANTITY": lexicon.QUANTITY,
    "SIZING": lexicon.SIZING,
    "PART_COUNT": lexicon.PART_COUNT,
    "DECIDES": lexicon.DECIDES,
    "REASON": lexicon.REASON,
    "FLOW": lexicon.FLOW,
    "_PERIOD_WORD": lexicon._PERIOD_WORD,
    "_NEGATORS": mentions._NEGATORS,
    "_CLAUSE_BREAK": mentions._CLAUSE_BREAK,
    "_TRIGGER": operations._TRIGGER,
    "_RESPONSE": operations._RESPONSE,
    "_FIELD_LIST": substance._FIELD_LIST,
    "_REDUNDANT": graph._REDUNDANT,
    "_REPLICATION": _REPLICATION,
}
_LEAD = re.compile(r"\(\?=\[((?:\\.|[^\]\\])+)\]\)")
_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}

# Texts where the lookahead could differ from the plain form: each first character in each
# case, letters that match an ASCII one under re.I, and the phrases of real answers.
GUARD_TEXTS = [
    *PHRASES,
    "We use Redis; we'd pick Kafka, I chose S3 but not Memcached, however RF=3 and 3 replicas",
    "About 100M users, around 5 TB/day, ~40 QPS, ≈ 2 GB, p99 < 80 ms, 3 nines, 10^9, 2e6 rows",
    "Three nodes, twelve shards, x 4 copies, (x3), n = 5, quorum of 3, 5-node group, 2 of 3 nodes",
    "Metadata (id, title, owner, size) and tables(a, b, c, d); fields (x, y, z, w)",
    "If the primary fails, fall back to the replica; on timeout we retry and shed load",
    "Replicated 3x, replication factor of 3, 3 replicas, Rf = 2, 2 copies",
    "multi-AZ, 3x, ×2, (3) standby, leader election, primary/replica, HA quorum",
    "per second, /day, a month, each hour, 40 qps, 100 rps",
    "İt ıs ſo: ſhards, ſizing; RF ≈ 3, ıf İ fail, K nodes",
]


def _lookahead(pattern: re.Pattern[str]) -> tuple[str, re.Pattern[str], re.Pattern[str]]:
    """The class of the pattern's leading lookahead, that class compiled with the pattern's
    flags, and the pattern without it."""
    lead = _LEAD.match(pattern.pattern)
    assert lead is not None, pattern.pattern[:40]
    plain = re.compile(pattern.pattern[lead.end() :], pattern.flags)
    return lead.group(1), re.compile(f"[{lead.group(1)}]", pattern.flags), plain


def _starts(items: list[tuple[Any, Any]]) -> tuple[list[tuple[Any, Any]], bool]:
    """The parse items a match of a sequence can start with (zero-width parts skipped), and
    whether the sequence can match nothing at all."""
    found: list[tuple[Any, Any]] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op in (_constants.LITERAL, _constants.IN):
            return [*found, (op, av)], False
        if op is _constants.SUBPATTERN:
            assert not av[1] and not av[2], "a group that changes the flags"
            starts, empty = _starts(list(av[3]))
        elif op is _constants.BRANCH:
            starts, empty = [], False
            for branch in av[1]:
                branch_starts, branch_empty = _starts(list(branch))
                starts, empty = starts + branch_starts, empty or branch_empty
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            starts, empty = _starts(list(av[2]))
            empty = empty or av[0] == 0
        else:
            raise AssertionError(f"a match may start with {op}; extend this test")
        found += starts
        if not empty:
            return found, False
    return found, True


def _admits(source: str, admitted: re.Pattern[str], op: Any, av: Any) -> bool:
    if op is _constants.LITERAL:
        return admitted.fullmatch(chr(av)) is not None
    if op is _constants.RANGE:
        return all(admitted.fullmatch(chr(c)) for c in range(av[0], av[1] + 1))
    if op is _constants.CATEGORY:
        return av is _constants.CATEGORY_DIGIT and r"\d" in source
    assert op is _constants.IN
    return all(_admits(source, admitted, item_op, item_av) for item_op, item_av in av)


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_lookahead_admits_every_first_character(name: str) -> None:
    source, admitted, plain = _lookahead(GUARDED[name])
    starts, empty = _starts(list(_parser.parse(plain.pattern, plain.flags)))
    assert not empty, "a pattern that can match nothing can match anywhere"
    for op, av in starts:
        assert _admits(source, admitted, op, av), (name, op, av)


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guarded_forms_match_the_plain_forms(name: str) -> None:
    pattern = GUARDED[name]
    _, _, plain = _lookahead(pattern)
    for text in GUARD_TEXTS:
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text


def _literal_text(items: list[tuple[Any, Any]]) -> str:
    """The literal characters a branch opens with, its word boundaries skipped: every match
    of the branch holds them ("that" of "that(?:'|’)?s")."""
    chars = []
    for op, av in items:
        if op is _constants.AT:
            continue
        if op is not _constants.LITERAL:
            break
        chars.append(chr(av))
    assert chars, "a marker that opens with no literal; extend this test"
    return "".join(chars)


def test_result_marks_cover_every_marker_of_a_derivation() -> None:
    """`is_derivation` skips a text with none of `_RESULT_MARKS`: each alternative of the
    pattern's marker group must hold one of them."""
    group = re.search(r"\(\?:=\|.*?\)(?=\\s\*\[~≈\])", lexicon.DERIVATION.pattern)
    assert group is not None
    [(op, (_, branches))] = list(_parser.parse(group.group(0), lexicon.DERIVATION.flags))
    assert op is _constants.BRANCH  # a group without flags or a name is read inline
    for branch in branches:
        text = _literal_text(list(branch)).lower()
        assert any(mark in text for mark in lexicon._RESULT_MARKS), text


@pytest.mark.parametrize("text", [*PHRASES, *GUARD_TEXTS, "2 x 3 İS 6", "4 per 2 GİVES 2"])
def test_is_derivation_is_the_pattern(text: str) -> None:
    assert lexicon.is_derivation(text) == (lexicon.DERIVATION.search(text) is not None)


ENDPOINT_TEXTS = [
    *GUARD_TEXTS,
    "POST /v1/links creates a link; GET /v1/links/{code} redirects",
    "rpc Shorten(ShortenRequest) returns (ShortenResponse)",
    "create_link(url, alias) -> Link",
    "fetch(key): value",
    "shorten(url) returns code",
    "curl -X DELETE https://api.example.com/api/v1/links/abc",
    "See https://example.com/api/v2/items for details",
    "Use a cache (Redis) for hot keys / reads",
    "gEt /x and rPc f( and -x post and HTTPS://h/API/z",
    "İt ıs: f(x) ſee -X GET",
]


@pytest.mark.parametrize("text", ENDPOINT_TEXTS)
def test_endpoint_ways_are_the_endpoint_pattern(text: str) -> None:
    """`writes_endpoint` tries the alternatives of `_ENDPOINT` one by one, each only in a
    text holding the strings every match of it holds; it answers as the whole pattern."""
    assert substance.writes_endpoint(text) == (substance._ENDPOINT.search(text) is not None)


# The plain form of `lexicon._CLASS_SAID`, which opens with `\b` and is tried at every
# position: a compound name, or a capitalised name before a verb of owning or being.
_PLAIN_CLASS_SAID = re.compile(
    r"\b([A-Z][a-z]+(?:[A-Z][a-z]+)+)\b"
    r"|\b([A-Z][a-z]\w*) (?:has|have|holds|owns|contains|extends|implements|records|keeps"
    r"|wraps|is (?:an? )?(?:abstract|interface|subclass|enum))\b"
)
CLASS_PROSE = [
    "ParkingLot has Levels; a Level has Spots, and Vehicle is abstract.",
    "The SpotAllocator keeps a map. Ticket records the spot; Payment is an interface.",
    "xParkingLot has none, _Level has none, ÉlanVital has none, Élan has one",
    "Redis has replicas. RedisCluster is a subclass of Cluster. Ab1 has x. AbcDef",
    "LevelHas has. A Bc. Ab is an enum Cd is enum. ParkingLot2 holds. Lot wraps",
    "SeatStatus (AVAILABLE, HELD) and BookingService implements the API",
]


@pytest.mark.parametrize("text", CLASS_PROSE)
def test_class_names_match_the_plain_form(text: str) -> None:
    plain = {m.group(1) or m.group(2) for m in _PLAIN_CLASS_SAID.finditer(text)}
    assert {m.group(1) for m in lexicon._CLASS_SAID.finditer(text)} == plain


SCALE_PHRASES = [
    "3 replicas and 40 nodes",
    "5 req/s at peak, 10 users",
    "3,000 questions a day; 3 times a day",
    "4 Elevators serving 20 FLOORS",
    "100 QPS, 2 MAU",
    "10 K writes per second",
    "the upper second tier holds 5 upper seconds",
    "ſo 3 uſers and 2 ſhapes",  # a long s folds to "s" under re.I
    "",
]


@pytest.mark.parametrize("text", SCALE_PHRASES)
def test_scale_unit_skip_is_the_pattern(text: str) -> None:
    assert substance._says_scale_unit(text) == (substance._SCALE_UNIT.search(text) is not None)

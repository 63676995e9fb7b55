"""The regex screen answers exactly as the patterns it screens, on real and generated text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradeoff.language.evidence
import tradeoff.language.operations
from tradeoff.design import load_design
from tradeoff.language.claims import split_design
from tradeoff.language.literals import SCREEN, Screen, derive_all, fold, required

CALIBRATION = Path(__file__).parent / "data" / "calibration"
# Imported for the patterns they add to SCREEN.
assert tradeoff.language.evidence and tradeoff.language.operations


def test_required_reads_alternations_sequences_and_optional_parts() -> None:
    assert required(re.compile(r"\b(because|since)\b", re.I)) == {"because", "since"}
    assert required(re.compile(r"so (?:we|the)\b")) == {"so we", "so the"}
    assert required(re.compile(r"caches?")) == {"cache", "caches"}
    assert required(re.compile(r"\d+\s*(?:ms|sec)")) == {"ms", "sec"}
    assert required(re.compile(r"[Kk]afka")) == {"kafka"}


def test_required_is_none_when_a_match_needs_no_literal() -> None:
    assert required(re.compile(r"\d+")) is None
    assert required(re.compile(r"(?:cache|\w+_id)")) == {"cache", "_id"}
    assert required(re.compile(r"(?:cache|\w+)")) is None  # one branch has no literal
    assert required(re.compile(r"x*y?")) is None
    assert required(re.compile(r"(a)\1")) == {"a"}
    assert required(re.compile(r"→")) is None  # non-ASCII literals are not kept


def test_fold_maps_every_character_ignorecase_matches_to_an_ascii_letter() -> None:
    letters = re.compile("[a-z]", re.I)
    for code in range(0x80, 0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not letters.fullmatch(char):
            continue
        assert len(fold(char)) == 1 and re.fullmatch(re.escape(fold(char)), char, re.I), char


def _claim_texts() -> list[str]:
    texts = []
    for path in sorted(CALIBRATION.rglob("*.md"))[::4]:
        texts += [claim.text for claim in split_design(load_design(path))]
    return texts


def test_screen_answers_as_each_pattern_on_real_claims() -> None:
    texts = _claim_texts()
    assert len(texts) > 1000 and SCREEN.patterns
    for pattern in SCREEN.patterns:
        for text in texts:
            assert (SCREEN.search(pattern, text) is None) == (pattern.search(text) is None), (
                pattern.pattern[:60],
                text,
            )


_PIECES = sorted({s for p in SCREEN.patterns for s in required(p) or ()})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES),
            st.sampled_from([" ", ", ", ". ", "-", "İ", "ı", "ſ", "\u212a", "5", "10 ms"]),
            st.text(alphabet="abcdeiklnorstuKSI ", max_size=6),
        ),
        max_size=12,
    )
)
def test_screen_answers_as_each_pattern_on_generated_text(parts: list[str]) -> None:
    text = "".join(parts)
    screen = Screen()
    screen.add(*SCREEN.patterns)
    for pattern in SCREEN.patterns:
        assert (screen.search(pattern, text) is None) == (pattern.search(text) is None)
        assert screen.findall(pattern, text) == pattern.findall(text)


def test_unregistered_pattern_is_always_searched() -> None:
    screen = Screen()
    pattern = re.compile(r"\bcache\b")
    assert screen.search(pattern, "a cache here") is not None
    assert screen.search(pattern, "nothing") is None


def test_derived_strings_are_cached_and_a_bad_cache_file_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    patterns = [re.compile(r"\b(?:because|since)\b", re.I), re.compile(r"\d+")]
    assert derive_all(patterns) == [frozenset({"because", "since"}), None]
    (cache,) = tmp_path.rglob("literals-*.json")
    assert json.loads(cache.read_text())[f"{int(re.I | re.U)}:{patterns[0].pattern}"] == [
        "because",
        "since",
    ]
    assert derive_all(patterns) == [frozenset({"because", "since"}), None]
    cache.write_text(json.dumps({f"{int(re.I | re.U)}:{patterns[0].pattern}": [1, ""]}))
    assert derive_all(patterns) == [frozenset({"because", "since"}), None]
    cache.write_text("not json")
    assert derive_all(patterns)[0] == {"because", "since"}


def test_holds_answers_as_a_substring_test_of_the_lower_cased_text() -> None:
    screen = Screen()
    stems = ("fail", "time", "up to the")
    screen.add_stems(stems)
    for text in ("Redis FAILS", "timeouts", "Up To The team", "nothing here", "ſail", "İt TİME"):
        lowered = text.lower()
        assert screen.holds(stems, text) == any(stem in lowered for stem in stems), text
    with pytest.raises(ValueError):
        screen.add_stems(("Fail",))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="failtmeupohİıſ\u212a -", max_size=20))
def test_holds_is_exact_on_any_text(text: str) -> None:
    screen = Screen()
    stems = ("fail", "time", "up to the", "ks")
    screen.add_stems(stems)
    assert screen.holds(stems, text) == any(stem in text.lower() for stem in stems)


def test_claims_read_the_same_with_the_screen_off() -> None:
    from tradeoff.catalog import default_catalog
    from tradeoff.language.evidence import analyse, clear_cache

    concepts = default_catalog().vocabulary.concepts.values()
    claims = [
        claim
        for path in sorted(CALIBRATION.rglob("*.md"))[1::6]
        for claim in split_design(load_design(path))
    ]
    clear_cache()
    screened = [c.features for c in analyse(claims, concepts)]
    SCREEN.enabled = False
    try:
        clear_cache()
        plain = [c.features for c in analyse(claims, concepts)]
    finally:
        SCREEN.enabled = True
        clear_cache()
    assert screened == plain
    assert sum(bool(f.reason) for f in plain) > 50  # the patterns do match, screened or not


def test_may_match_each_answers_as_may_match_of_each_group() -> None:
    screen = Screen()
    cache = re.compile(r"\bcaches?\b", re.I)
    queue = re.compile(r"\bqueues?\b", re.I)
    digits = re.compile(r"\d+")  # no literal: always searched
    screen.add(cache, queue, digits)
    groups = ((cache,), (queue, cache), (digits,))
    for text in ("a Cache", "two queues", "nothing", "", "ſ and İ"):
        expected = tuple(any(screen.may_match(p, text) for p in group) for group in groups)
        assert screen.may_match_each(groups, text) == expected, text
    assert screen.may_match_each(groups, "nothing") == (False, False, True)
    unknown = ((re.compile(r"\bbroker\b"),), (cache,))  # a pattern never added: may match
    assert screen.may_match_each(unknown, "nothing") == (True, False)
    screen.enabled = False
    assert screen.may_match_each(groups, "nothing") == (True, True, True)


def test_narrow_concepts_read_the_same_with_the_screen_off() -> None:
    """Each narrow detector's gate is a pattern it must match before it can say yes: with
    the screen off every detector runs on every claim, and finds the same concepts."""
    from tradeoff.catalog import default_catalog
    from tradeoff.language.evidence import analyse, clear_cache
    from tradeoff.review.narrow import narrow_concepts

    concepts = default_catalog().vocabulary.concepts.values()
    claims = analyse(
        [c for path in sorted(CALIBRATION.rglob("*.md")) for c in split_design(load_design(path))],
        concepts,
    )
    screened = [narrow_concepts(c) for c in claims]
    SCREEN.enabled = False
    try:
        plain = [narrow_concepts(c) for c in claims]
    finally:
        SCREEN.enabled = True
        clear_cache()
    assert screened == plain
    assert sum(bool(found) for found in plain) > 10  # the detectors do fire

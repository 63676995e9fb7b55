"""A guessed prompt brings its hidden scale and rubric, so it is used only when sure."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review import review_design


def _review(tmp_path: Path, text: str) -> tuple[str, list[str]]:
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    review = review_design(load_design(path), default_catalog(), None)
    return review.problem, review.notes


def test_a_title_that_is_the_prompt_is_reviewed_as_that_prompt(tmp_path: Path) -> None:
    problem, notes = _review(
        tmp_path, "# Design a URL shortener like bit.ly\n\nUsers shorten links.\n"
    )
    assert problem == "url-shortener"
    assert any("guessed from the title" in n for n in notes)


def test_a_chat_app_for_a_socratic_coach_is_not_graded_as_whatsapp(tmp_path: Path) -> None:
    text = "# A Socratic coach chat app\n\nOne tutor talks with one student at a time.\n"
    problem, notes = _review(tmp_path, text)
    assert problem == "generic"
    assert any("may answer 'chat-system'" in n and "socratic" in n for n in notes)
    assert any("--problem chat-system" in n for n in notes)


def test_a_plans_own_numbers_are_not_errors_against_a_weakly_guessed_prompt(
    tmp_path: Path,
) -> None:
    text = (
        "# Link shortener for our internal wiki team\n\n"
        "We assume 10K req/s at peak and 200M URLs in total.\n"
    )
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    review = review_design(load_design(path), default_catalog(), None)
    assert review.problem == "generic"
    assert not [f for f in review.findings if f.rule in ("CAP108", "CAP109")]


# Texts for the word counts: names at the edges, inside words, beside "_" and digits,
# overlapping, and next to letters `\b` reads as word characters (accented, non-Latin).
_WORD_TEXTS = [
    "bit.ly and bit.lyx, xbit.ly; (bit.ly) bit.ly",
    "url shortener url shortenerurl shortener _url shortener url shortener_ 2url shortener",
    "feed feedfeed news feed éfeed feedé фeed feed",
    "aaa aaaa a a",
    "",
]


def test_word_counts_are_the_regex_counts() -> None:
    """`_word_count` counts what `re.findall` with `\\b` on each side finds, up to a limit."""
    import re

    from tradeoff.review.engine import _word_count

    for text in _WORD_TEXTS:
        for word in ("bit.ly", "url shortener", "feed", "a", "aa", "news feed", ".ly", "é"):
            for limit in (1, 3, 100):
                expected = len(re.findall(rf"\b{re.escape(word)}\b", text))
                assert _word_count(word, text, limit) == min(limit, expected), (word, text)


def test_names_in_are_the_substrings() -> None:
    """One pass of the automaton finds each name a text holds, nested ones included."""
    from tradeoff.review.engine import _names_in, _prompt_names

    names = _prompt_names(default_catalog())
    assert "news feed" in names and "feed" in names
    for text in _WORD_TEXTS:
        expected = {name for name in names if name in text}
        assert _names_in(names, (text,)) == expected

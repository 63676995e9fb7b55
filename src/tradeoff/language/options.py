"""Whether a text names one of a decision's options, by the option's own words.

A prompt's trade-offs list their options by name ("Conflicted copy", "Last writer wins").
The reviewer asks whether an answer discusses a trade-off (it names two options, or one
with the trade-off's concepts); the interviewer asks which option each side chose. Both
read an option's name the same way, here.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]{3,}")
_STOP = frozenset("the and with for per one all use using from into over then only".split())


# A setting an option is named by: "W=2, R=2 (N=3)" is three settings, whose letters and
# digits are each too short to be words; a text names one as "w=2" or "W = 2".
_SETTING = re.compile(r"\b([a-z])\s*=\s*(\d+)\b")


def option_words(name: str) -> list[str]:
    """The words that name an option, as a text may write them ("copy" as "cop", so that
    "conflict copies" names "Conflicted copy"), and its settings ("w=2")."""
    lowered = name.lower()
    words = [_stem(w) for w in _WORD.findall(lowered) if w not in _STOP]
    return words + [f"{m.group(1)}={m.group(2)}" for m in _SETTING.finditer(lowered)]


def _find(word: str, text: str) -> int:
    """Where `word` first stands in `text`, -1 if nowhere; a setting ("w=2") with or without
    spaces at its "=" and not inside a longer one ("w=20", "rw=2")."""
    letter, equals, number = word.partition("=")
    if not equals:
        return text.find(word)
    found = re.search(rf"(?<![a-z0-9_]){letter}\s*=\s*{number}(?![0-9.])", text)
    return found.start() if found else -1


def option_at(name: str, text: str) -> int | None:
    """Where in `text` (lower case) the option is first named, or None when it is not: at
    least half its words (one of one, two of three) appear."""
    words = option_words(name)
    if not words:
        return None
    found = [at for w in words if (at := _find(w, text)) >= 0]
    if len(found) < max(1, (len(words) + 1) // 2):
        return None
    return min(found)


def names_option(name: str, text: str) -> bool:
    """Whether `text` (lower case) names the option called `name`."""
    return option_at(name, text) is not None


def _stem(word: str) -> str:
    """The part of an option's word that its plural shares: a design writes "conflict copies"
    for the option "Conflicted copy", "eviction policies" for "eviction policy". (Only the
    plural: "Ranked" cut to "rank" would be named by every "ranking engine", which is the
    trade-off's own concept, not a choice between its options.)"""
    if word.endswith("y") and len(word) > 3:
        return word[:-1]
    return word

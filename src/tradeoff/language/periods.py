"""The period a figure is counted over ("storage_per_year", "5-year storage", "a day").

The reviewer's reference check (CAP108) and the interviewer's sanity check both compare a
candidate's amount with a reference that counts per day or per year. An amount said for
another period ("2 PB of new storage a day" against a year's storage) is another quantity,
not a wrong estimate of the same one; an amount said per the reference's own period
("720,000 hours a day" against the hours uploaded per day) is the same one.
"""

from __future__ import annotations

import re

PERIODS = ("day", "week", "month", "year")
SECONDS = {"day": 86_400.0, "week": 604_800.0, "month": 2_629_746.0, "year": 31_556_952.0}

_SPAN = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|ten|twenty|thirty)[\s-]*(day|week|month|year)s?\b",
    re.I,
)
_EVERY = re.compile(
    r"(?:\bper|/|\ba|\bone|\beach|\bevery|\b1)[\s-]*(day|week|month|year)\b"
    r"|\b(dai|week|month|year)ly\b|\b(annual)",
    re.I,
)


def reference_period(name: str) -> str | None:
    """The period a reference's name counts over: "video_hours_per_day" -> "day"."""
    parts = name.lower().split("_")
    if "per" not in parts:
        return None
    return next((p for p in parts[parts.index("per") + 1 :] if p in PERIODS), None)


def _named(label: str) -> list[str]:
    """Each period the label says a figure recurs over, in order."""
    found = []
    for match in _EVERY.finditer(label):
        named = (match.group(1) or match.group(2) or match.group(3) or "").lower()
        if named:
            found.append({"dai": "day", "annual": "year"}.get(named, named))
    return found


def every_period(label: str) -> str | None:
    """The period a label says its figure recurs over: "a day", "per month", "yearly"."""
    named = _named(label)
    return named[0] if named else None


def other_period(label: str, ref_name: str) -> bool:
    """Whether an estimate's label names another period than the reference's: the
    reference counts per day ("video_hours_per_day") or per year ("storage_per_year") and
    the label says "per year", "5-year" or "over 10 years". A rate carries its period in
    its unit, so only amounts are compared this way."""
    period = reference_period(ref_name)
    if period is None:
        return False
    for match in _SPAN.finditer(label):
        if match.group(1).lower() == period and not re.match(r"(?:1|one)\b", match.group(0)):
            return True  # "5-year storage growth" against a year's storage
    return any(named != period for named in _named(label))


_PER_S_NAME = re.compile(r"_per_s$")
_PER_S_SAID = re.compile(
    r"/\s*s(?:ec)?\b|\bper\s+sec|\b(?:a|each|every|per)\s+second\b|\b[qr]ps\b", re.I
)


# Abbreviations in the catalog's figure names, spelled out for a candidate reading the
# report: "dau" is the interviewer's shorthand, "daily active users" what a person says.
_SPELLED = {
    "dau": "daily active users",
    "mau": "monthly active users",
    "qps": "queries",
    "fps": "frames",
    "rtt": "round-trip time",
    "afr": "annual failure rate",
    "avg": "average",
    "msg": "message",
    "nic": "network card",
    "psp": "payment provider",
    "def": "definition",
    "db": "database",
}
_PER_SECOND_WORDS = re.compile(r"\b(queries|frames)\b(?! per)")


def figure_words(ref_name: str) -> str:
    """A figure's catalog name in words: "writes_per_s" is "writes per second", "dau"
    "daily active users", "psp_timeout" "payment provider timeout"."""
    words = " ".join(_SPELLED.get(w, w) for w in ref_name.split("_"))
    words = re.sub(r"\bper s\b", "per second", words)
    return _PER_SECOND_WORDS.sub(r"\1 per second", words)


def measured_name(ref_name: str, said: str) -> str:
    """What a spoken figure measures, named after the reference it was compared with but
    over its own period: "240 TB a day", read against "storage_per_year" (365 days of it),
    is "storage per day", and "50 billion a day" against "views_per_s" is "views per day".
    The reference's period names what the figure was checked against, not what was said."""
    words = ref_name.replace("_", " ")
    own = every_period(said) or ("s" if _PER_S_SAID.search(said) else None)
    theirs = reference_period(ref_name) or ("s" if _PER_S_NAME.search(ref_name) else None)
    if own is None or theirs is None or own == theirs:
        return figure_words(ref_name)
    moved = re.sub(rf"\bper {theirs}\b", f"per {own}", words, count=1)
    return figure_words(moved.replace(" ", "_"))

"""Counts and sentences in plain English: "1 card", "3 cards", joined sentences that end.

Messages are assembled from parts written in different places (a catalog error, a note of
the reviewer, a count of rows), so the joins are done here once: a count agrees with its
noun, every sentence but a question ends with a full stop, and a catalog name keeps the
capitals of the identifiers in it ("SpotAllocator", "CDN") when it is used mid-sentence.
"""

from __future__ import annotations

import re

_ENDS = (".", "?", "!")
# The first word of a sentence-case name: a capital, then lower case only ("Media", "Fan-out").
_SENTENCE_CASE = re.compile(r"[A-Z][a-z'-]*")
# A class name: a capital after a lower-case letter ("SpotAllocator", "TicketRepository").
_CAMEL = re.compile(r"[a-z][A-Z]")


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """'1 card', '2 cards', '0 cards'; `plural` for nouns that do not take an s."""
    word = noun if count == 1 else (plural or f"{noun}s")
    return f"{count} {word}"


def sentences(*parts: str) -> str:
    """Parts joined as sentences: each ends with a full stop unless it already ends a sentence,
    and each after the first starts with a capital."""
    out: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out:
            part = part[0].upper() + part[1:]
        out.append(part if part.endswith(_ENDS) else f"{part}.")
    return " ".join(out)


def in_sentence(name: str) -> str:
    """A catalog name as it reads mid-sentence. Names are written in sentence case, so only
    the first word loses its capital ("Media storage and CDN" -> "media storage and CDN"),
    and not when the name is made of classes ("Ticket and TicketRepository", "SpotAllocator")
    or the word is an acronym ("API gateway")."""
    first, _, rest = name.partition(" ")
    if _CAMEL.search(name) or not _SENTENCE_CASE.fullmatch(first):
        return name
    return f"{first.lower()} {rest}" if rest else first.lower()


def clipped(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word and marked with an ellipsis: a quote cut
    mid-word ("stores the key with t…") reads as the candidate's typo."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"

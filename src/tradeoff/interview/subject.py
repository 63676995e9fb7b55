"""What an interviewer's question is about: its concepts and those the vocabulary ties to them.

A candidate answers in their own words: "request coalescing" answers a question about a
cache stampede though it shares no word with it. Two concepts are tied when one's name uses
a term of the other ("Request coalescing on cache miss" uses "cache"), so an answer naming
a tied concept stays on the question's subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tradeoff.catalog.vocabulary import Concept
from tradeoff.language.mentions import find_mentions


def concepts_in(text: str, concepts: Iterable[Concept]) -> frozenset[str]:
    """The concepts a text names (not negated), through the shared mention matcher."""
    found = find_mentions([(1, text)], tuple(concepts), frozenset())
    return frozenset(c for c, mentions in found.by_concept.items() if mentions)


def subject_of(
    text: str, item_concepts: Iterable[str], concepts: dict[str, Concept]
) -> frozenset[str]:
    """The question's own concepts (its item's and those its words name) and their ties."""
    own = frozenset(item_concepts) | concepts_in(text, concepts.values())
    ties = _ties(concepts)
    return own | frozenset(c for o in own for c in ties.get(o, ()))


_TIES: dict[int, dict[str, frozenset[str]]] = {}


def _ties(vocabulary: dict[str, Concept]) -> dict[str, frozenset[str]]:
    """Each concept's ties: concepts whose name uses one of its terms, and
    those whose terms its own name uses. Built once per vocabulary."""
    cached = _TIES.get(id(vocabulary))
    if cached is not None:
        return cached
    concepts = tuple(vocabulary.values())
    prose = {c.id: c.name.lower() for c in concepts}
    patterns = {
        c.id: re.compile("|".join(rf"\b{re.escape(t)}\b" for t in c.terms if len(t) > 3))
        for c in concepts
        if any(len(t) > 3 for t in c.terms)
    }
    ties: dict[str, set[str]] = {c.id: set() for c in concepts}
    for a, pattern in patterns.items():
        for b, words in prose.items():
            if a != b and pattern.search(words):
                ties[a].add(b)
                ties[b].add(a)
    built = {k: frozenset(v) for k, v in ties.items()}
    _TIES[id(vocabulary)] = built
    return built

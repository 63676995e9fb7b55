"""The controlled vocabularies: concepts (with synonyms), topics and question kinds.

Rubric items, components and pitfalls name concepts by id; the reviewer and the interviewer
match a candidate's words against each concept's terms, so synonyms here are what make
"we put Redis in front of Postgres" count as a cache.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from tradeoff.catalog.schema import Slug, Text, _Strict

ConceptCategory = Literal[
    "component",
    "technique",
    "property",
    "practice",
    "requirement",
    "data",
    "api",
    "object-oriented",
    "front-end",
    "communication",
]


def _as_term(value: Any) -> str:
    """YAML reads `429` or `99.9` as numbers; terms are always lower-case text."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("a term must be text")
    text = str(value).strip().lower()
    if not text:
        raise ValueError("a term must not be empty")
    return text


Term = Annotated[str, BeforeValidator(_as_term)]


class Concept(_Strict):
    """A design idea and the words candidates use for it."""

    id: Slug
    name: Text
    category: ConceptCategory
    terms: list[Term] = Field(
        min_length=1, description="Lower-case words and phrases that mean this concept."
    )
    description: Text


class Topic(_Strict):
    """A tag for filtering problems and, later, for tracking mastery."""

    id: Slug
    name: Text
    description: Text


class QuestionKind(_Strict):
    """A kind of clarifying question; hidden facts say which kinds they answer."""

    id: Slug
    description: Text
    phrases: list[Term] = Field(
        min_length=1, description="Words that name what a question of this kind asks about."
    )
    frames: list[Term] = Field(
        default_factory=list,
        description=(
            "Question shapes that suggest the kind without naming a topic ('how many', "
            "'what if'): a weak signal that only breaks ties between facts."
        ),
    )


class Vocabulary(_Strict):
    concepts: dict[str, Concept]
    topics: dict[str, Topic]
    question_kinds: dict[str, QuestionKind]

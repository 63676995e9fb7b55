"""The problem library: the catalog filtered by type, topic and difficulty, for browsing."""

from __future__ import annotations

from dataclasses import dataclass

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import DIFFICULTIES, INTERVIEW_TYPES, Problem
from tradeoff.errors import CatalogError, UnknownProblemError
from tradeoff.services.errors import BadInputError, NotFoundError


@dataclass(frozen=True)
class Library:
    """The problems matching the filters, and every value each filter can take."""

    problems: list[Problem]
    interview_type: str | None
    topic: str | None
    difficulty: str | None
    types: tuple[str, ...]
    topics: list[tuple[str, int]]  # (topic id, how many problems carry it)
    difficulties: tuple[str, ...]


def browse(
    catalog: Catalog,
    interview_type: str | None = None,
    topic: str | None = None,
    difficulty: str | None = None,
) -> Library:
    """Filter the catalog; an empty filter value means "any", an unknown one is bad input
    (a mistyped link should say so, not show an empty list)."""
    interview_type, topic, difficulty = interview_type or None, topic or None, difficulty or None
    if interview_type is not None and interview_type not in INTERVIEW_TYPES:
        raise BadInputError(
            f"no interview type {interview_type!r}; use one of {', '.join(INTERVIEW_TYPES)}"
        )
    if difficulty is not None and difficulty not in DIFFICULTIES:
        raise BadInputError(f"no difficulty {difficulty!r}; use one of {', '.join(DIFFICULTIES)}")
    try:
        chosen = catalog.select(
            interview_type=interview_type,
            topic=topic,
            difficulty=difficulty,
        )
    except CatalogError as exc:
        raise BadInputError(str(exc)) from None
    counts = {t: 0 for t in catalog.vocabulary.topics}
    for problem in catalog.problems.values():
        for t in problem.topics:
            counts[t] = counts.get(t, 0) + 1
    return Library(
        problems=chosen,
        interview_type=interview_type,
        topic=topic,
        difficulty=difficulty,
        types=INTERVIEW_TYPES,
        topics=sorted((t, n) for t, n in counts.items() if n),
        difficulties=DIFFICULTIES,
    )


def problem(catalog: Catalog, problem_id: str) -> Problem:
    """One problem; an unknown id is a NotFoundError naming the nearest id."""
    try:
        return catalog.get(problem_id)
    except UnknownProblemError as exc:
        raise NotFoundError(str(exc)) from None


def fact_categories(found: Problem) -> list[str]:
    """What the interviewer can be asked about, without revealing the facts themselves."""
    return sorted({f.category for f in found.facts})

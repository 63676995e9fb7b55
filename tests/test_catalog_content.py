"""The packaged catalog: every prompt loads, covers its interview type and is internally sound."""

from __future__ import annotations

from collections import Counter

import pytest

from tradeoff.catalog import INTERVIEW_TYPES, Catalog, load_catalog
from tradeoff.catalog.schema import LEVELS

REQUIRED_IDS = """
url-shortener news-feed chat-system ride-sharing video-streaming file-sharing photo-sharing
e-commerce-checkout job-portal web-crawler social-network rate-limiter message-broker
key-value-store distributed-lock distributed-cache notification-system search-autocomplete
distributed-job-scheduler metrics-aggregation object-storage unique-id-generator payment-system
parking-lot vending-machine elevator-control spreadsheet-ui video-editor-ui
collaborative-whiteboard rest-api-design
""".split()

PROBLEM_IDS = sorted(load_catalog().problems)


def test_catalog_has_at_least_32_problems(catalog: Catalog) -> None:
    assert len(catalog.problems) >= 32


def test_every_prompt_the_brief_names_is_present(catalog: Catalog) -> None:
    missing = [pid for pid in REQUIRED_IDS if pid not in catalog.problems]
    assert missing == []


def test_at_least_two_prompts_beyond_the_brief(catalog: Catalog) -> None:
    assert len(set(catalog.problems) - set(REQUIRED_IDS)) >= 2


def test_each_interview_type_has_at_least_three_problems(catalog: Catalog) -> None:
    counts = Counter(p.type for p in catalog.problems.values())
    assert {t: counts[t] for t in INTERVIEW_TYPES if counts[t] < 3} == {}


def test_ids_are_unique_across_titles_and_files(catalog: Catalog) -> None:
    titles = Counter(p.title.lower() for p in catalog.problems.values())
    assert [t for t, n in titles.items() if n > 1] == []


def test_every_topic_in_the_vocabulary_tags_some_problem(catalog: Catalog) -> None:
    used = {t for p in catalog.problems.values() for t in p.topics}
    assert sorted(set(catalog.vocabulary.topics) - used) == []


def test_every_difficulty_is_used(catalog: Catalog) -> None:
    assert {p.difficulty for p in catalog.problems.values()} == {"easy", "medium", "hard"}


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_rubric_covers_every_level(catalog: Catalog, problem_id: str) -> None:
    """Each level gets at least one item of its own, so the verdict per level means something."""
    problem = catalog.get(problem_id)
    levels = {item.level for _, item in problem.rubric.items()}
    assert levels >= {"mid", "senior"}, levels
    for rubric in problem.rubric.dimensions().values():
        assert set(rubric.expectations) == set(LEVELS)


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_object_oriented_prompts_have_no_capacity_and_others_do(
    catalog: Catalog, problem_id: str
) -> None:
    problem = catalog.get(problem_id)
    if problem.type == "object-oriented":
        assert problem.rubric.capacity is None and problem.capacity == []
    else:
        assert problem.rubric.capacity is not None


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_hidden_facts_cover_scale_or_rules_and_scope(catalog: Catalog, problem_id: str) -> None:
    problem = catalog.get(problem_id)
    categories = {f.category for f in problem.facts}
    assert "scope-out" in categories
    assert len(problem.facts) >= 6
    if problem.type in ("product", "infrastructure", "backend-distributed"):
        assert "scale" in categories
        assert categories & {"latency", "availability", "consistency", "durability"}


@pytest.mark.parametrize("problem_id", PROBLEM_IDS)
def test_every_tradeoff_has_real_options(catalog: Catalog, problem_id: str) -> None:
    for tradeoff in catalog.get(problem_id).tradeoffs:
        names = [o.name.lower() for o in tradeoff.options]
        assert len(set(names)) == len(names) >= 2

"""Every probe and hint of every prompt, rendered in every persona, reads as a person's words."""

from __future__ import annotations

import re

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.interview.personas import PERSONAS, TERSE_WORDS, Move, say
from tradeoff.interview.phrasing import hint_texts, probe_text

CATALOG = default_catalog()
_SLOT = re.compile(r"\{[^}]*\}|<[a-z_ ]+>|\$[A-Za-z_]\w*|%\(\w+\)s|\bNone\b|\bTODO\b")


def _title_pasted(text: str, title: str) -> bool:
    """A rubric item's text (or its first clause) copied into what the interviewer says."""
    title = title.rstrip(".").lower()
    clause = re.split(r"[,(;:]", title)[0].strip()
    lowered = text.lower()
    return title in lowered or (len(clause.split()) >= 4 and clause in lowered)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


@pytest.mark.parametrize("problem_id", sorted(CATALOG.problems))
def test_probes_and_hints_read_as_questions_a_person_asks(problem_id: str) -> None:
    problem = CATALOG.get(problem_id)
    probes: dict[str, str] = {}
    problems: list[str] = []
    for dimension, item in problem.rubric.items():
        probe = probe_text(problem, dimension, item)
        if probe in probes.values():
            other = next(k for k, v in probes.items() if v == probe)
            problems.append(f"{item.id} and {other} share the probe {probe!r}")
        probes[item.id] = probe
        for persona in PERSONAS:
            said = say(persona, Move("probe", probe, item.id), turn=3)
            if _SLOT.search(said):
                problems.append(f"{item.id} ({persona}): unfilled slot in {said!r}")
            if "?" not in said:
                problems.append(f"{item.id} ({persona}): probe without a question: {said!r}")
            if _title_pasted(said, item.text):
                problems.append(f"{item.id} ({persona}): rubric text pasted into {said!r}")
            if persona == "terse" and len(said.split()) >= TERSE_WORDS:
                problems.append(f"{item.id} (terse): {len(said.split())} words: {said!r}")
            if "...?" in said:
                problems.append(f"{item.id} ({persona}): a question cut mid-phrase: {said!r}")
            for hint in hint_texts(problem, item):
                shown = say(persona, Move("hint", hint, item.id), turn=3)
                if _SLOT.search(shown):
                    problems.append(f"{item.id} ({persona}): unfilled slot in hint {shown!r}")
                if persona == "terse" and not shown.strip():
                    problems.append(f"{item.id} (terse): empty hint")
    assert not problems, "\n".join(problems[:30])


def test_the_lint_catches_a_pasted_title_and_a_missing_question_mark() -> None:
    assert _title_pasted(
        "How does security and abuse prevention work when something fails?",
        "Security and abuse prevention, with rate limits.",
    )
    assert not _title_pasted("What stops someone spreading phishing links?", "Screens links.")
    assert _SLOT.search("Can you put numbers on {name}?")

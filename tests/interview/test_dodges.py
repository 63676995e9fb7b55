"""Dodges judged by meaning: an answer in other words is not a dodge; a turn about something
else is returned to once, then reported.

The question's subject is its concepts, their synonyms (concepts.yaml terms) and concepts
tied to them; a challenge or failure probe is also answered by a condition or a response
to the failure, read by the shared claim analysis.
"""

from __future__ import annotations

import pytest
from simulate import Run, check_invariants, run

from tradeoff.catalog import Catalog
from tradeoff.interview.state import ANSWERED, DODGED, RETURNED

DEEP = ["/next", "/next"]


def _ask_before(result: Run, line: str) -> tuple[str, str]:
    """The interviewer's question the line answered: its kind and its status after."""
    index = next(n for n, ex in enumerate(result.exchanges) if ex.line == line)
    asks = result.interview.state.asks
    asked = [m for ex in result.exchanges[:index] for m in ex.moves]
    assert asked, "no question was put before the line"
    said = asked[-1]["said"]
    ask = next(a for a in asks if a.text in said or said.endswith(a.text))
    return ask.kind, ask.status


def _returned(result: Run) -> list[str]:
    return [r for ex in result.exchanges for r in ex.replies if "back to my question" in r]


# (prompt, persona, the turn that draws a question, the paraphrased answer, the kind asked)
PARAPHRASES = [
    (
        "url-shortener",
        "neutral",
        "The biggest risk is a cache stampede when a hot link expires.",
        "Request coalescing: only one request per key goes to Postgres, the rest wait for it.",
        "failure",
    ),
    (
        "url-shortener",
        "adversarial",
        "We keep every link in Postgres.",
        "A hot standby in a second zone gets promoted within half a minute.",
        "failure",
    ),
    (
        "url-shortener",
        "adversarial",
        "The redirect path never goes down.",
        "Only if both regions lose power at once; each one serves redirects alone.",
        "challenge",
    ),
    (
        "news-feed",
        "neutral",
        "Timelines are kept in Redis for every active user.",
        "Single-flight on the miss path: one rebuild per user, others wait on it.",
        "failure",
    ),
]


@pytest.mark.parametrize(("problem", "persona", "opener", "answer", "kind"), PARAPHRASES)
def test_an_answer_in_other_words_is_not_a_dodge(
    catalog: Catalog, problem: str, persona: str, opener: str, answer: str, kind: str
) -> None:
    result = run(catalog, problem, persona, [*DEEP, opener, answer, "/end"])
    check_invariants(result, catalog)
    asked_kind, status = _ask_before(result, answer)
    assert asked_kind == kind
    assert status == ANSWERED, (answer, status)
    assert not _returned(result)
    assert not result.report(catalog)["conversation"]["dodged"]


def test_a_real_dodge_is_returned_to_once_then_reported(catalog: Catalog) -> None:
    opener = "We keep every link in Postgres."
    dodge = "Let's talk about the schema: a links table keyed by the short code."
    again = "The short code column has a unique index on it."
    result = run(catalog, "url-shortener", "neutral", [*DEEP, opener, dodge, again, "/end"])
    check_invariants(result, catalog)
    (back,) = _returned(result)
    assert "Postgres goes down" in back and back.endswith("?")
    (ask,) = [a for a in result.interview.state.asks if a.kind == "failure"]
    assert ask.status == DODGED
    report = result.report(catalog)["conversation"]
    assert any("Postgres goes down" in q for q in report["dodged"])


def test_a_one_word_overlap_on_another_subject_is_a_dodge(catalog: Catalog) -> None:
    """A follow-up on codes shares only "links" with a turn about the schema: a dodge."""
    script = [
        *DEEP,
        "Codes come from a counter, base62-encoded, so they never collide.",
        "Next I'd like to cover the links table and its indexes.",
        "/end",
    ]
    result = run(catalog, "url-shortener", "neutral", script)
    check_invariants(result, catalog)
    kind, status = _ask_before(result, script[3])
    assert status in (RETURNED, DODGED), (kind, status)
    assert len(_returned(result)) == 1

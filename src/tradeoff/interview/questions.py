"""Match a candidate's clarifying question to the hidden facts that answer it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradeoff.catalog.schema import Fact, Problem
from tradeoff.catalog.vocabulary import QuestionKind

_QUESTION_START = re.compile(
    r"^\s*(how|what|which|who|when|where|why|is|are|do|does|did|should|can|could|will|would"
    r"|shall|may|am|any)\b",
    re.I,
)
_STOP = frozenset(
    """about what which there their does should would could with this that have from into
    will need needs many much also just your like kind kinds sort""".split()
)


@dataclass(frozen=True)
class Answer:
    fact: Fact | None  # None: nothing the interviewer knows answers it
    kinds: tuple[str, ...]  # the question kinds recognised


def questions_in(text: str) -> list[str]:
    """The questions in a turn: sentences ending in '?' or starting like a question."""
    parts = [p.strip() for p in re.split(r"(?<=[?])\s+|(?<=[.!])\s+", text) if p.strip()]
    return [p for p in parts if p.endswith("?") or (_QUESTION_START.match(p) and "?" in text)]


def kinds_of(question: str, kinds: dict[str, QuestionKind]) -> tuple[str, ...]:
    lowered = question.lower()
    found = []
    for kind in kinds.values():
        if any(re.search(rf"\b{re.escape(p)}", lowered) for p in kind.phrases):
            found.append(kind.id)
    return tuple(found)


def answer(question: str, problem: Problem, kinds: dict[str, QuestionKind]) -> Answer:
    """The fact that best answers the question, by question kind and shared words.

    A fact must share the question's kind or at least two content words with it; otherwise
    the interviewer has nothing to say and asks the candidate to state an assumption.
    """
    asked = kinds_of(question, kinds)
    words = _words(question)
    best: tuple[float, Fact] | None = None
    for fact in problem.facts:
        # A fact that answers fewer kinds is more specific: "how big is a message?" wants the
        # message-size fact, not the group fact that also mentions sizes.
        score = 2.0 * len(set(asked) & set(fact.answers)) + 1 / len(fact.answers)
        shared = words & _words(fact.text)
        score += 0.5 * len(shared)
        if not set(asked) & set(fact.answers) and len(shared) < 2:
            continue
        if best is None or score > best[0]:
            best = (score, fact)
    return Answer(best[1] if best and best[0] >= 1.0 else None, asked)


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}

"""The capacity drill for the web: a prompt's derivation asked one step at a time.

Answers are graded by `estimate.drill.grade`, the code `tradeoff drill capacity` uses. The
page sends back every answer so far with the next one, so nothing waits in memory between
requests; a finished (or ended) drill is saved to the store as the CLI saves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from tradeoff.catalog.derivation import Step
from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import Problem
from tradeoff.errors import TradeoffError
from tradeoff.estimate.drill import DrillSession, Graded, drill_steps, givens, grade, question
from tradeoff.services.errors import BadInputError
from tradeoff.services.library import problem as find_problem
from tradeoff.store import Store

MAX_ANSWER = 200  # characters; an answer is a number and a unit, not an essay


@dataclass(frozen=True)
class Drill:
    """A drill so far: the prompt, what the interviewer told, each question, the graded
    answers, and the saved drill's id once it is over."""

    problem: Problem
    givens: list[str]
    questions: list[str]
    graded: list[Graded]
    summary: dict[str, int] = field(default_factory=dict)
    saved_id: int | None = None

    @property
    def finished(self) -> bool:
        return self.saved_id is not None

    @property
    def next_question(self) -> str | None:
        if self.finished or len(self.graded) >= len(self.questions):
            return None
        return self.questions[len(self.graded)]


def started(text: str, now: datetime) -> datetime:
    """When the drill began, as the page sent it back (ISO-8601); empty: `now`."""
    if not text.strip():
        return now
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadInputError(f"started={text[:40]!r} is not a time; start the drill again") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def drill_problems(catalog: Catalog) -> list[Problem]:
    """The prompts a drill can use: those with a capacity derivation, by title."""
    return sorted((p for p in catalog.problems.values() if p.capacity), key=lambda p: p.title)


def _steps(catalog: Catalog, problem_id: str) -> tuple[Problem, list[Step]]:
    found = find_problem(catalog, problem_id)
    try:
        return found, drill_steps(found)
    except TradeoffError as exc:
        raise BadInputError(str(exc).replace("tradeoff drill capacity ", "the drill of ")) from None


def start(catalog: Catalog, problem_id: str) -> Drill:
    found, steps = _steps(catalog, problem_id)
    return Drill(found, givens(found), [question(s) for s in steps], [])


def answer(
    store: Store,
    catalog: Catalog,
    problem_id: str,
    answers: list[str],
    started_at: datetime,
    *,
    end: bool = False,
    owner_id: int | None = None,
) -> Drill:
    """Grade `answers` (every answer so far, in order); when the last step is answered, or
    `end` stops early with at least one answer, save the drill and return its id."""
    found, steps = _steps(catalog, problem_id)
    if len(answers) > len(steps):
        raise BadInputError(
            f"{len(answers)} answers for a drill of {len(steps)} steps; start the drill again"
        )
    for text in answers:
        if len(text) > MAX_ANSWER:
            raise BadInputError(
                f"an answer is {len(text)} characters; give a number and a unit"
                f" (at most {MAX_ANSWER} characters)"
            )
    session = DrillSession(found.id, started_at=started_at)
    session.answers.extend(grade(step, text) for step, text in zip(steps, answers, strict=False))
    drill = Drill(found, givens(found), [question(s) for s in steps], session.answers)
    if session.answers and (end or len(answers) == len(steps)):
        saved = store.add_drill(
            problem_id=found.id, at=started_at, result=session.to_json(), owner_id=owner_id
        )
        return Drill(drill.problem, drill.givens, drill.questions, drill.graded,
                     session.summary(), saved)  # fmt: skip
    return drill

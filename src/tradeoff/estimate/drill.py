"""A guided capacity drill: the prompt's reference derivation, asked one step at a time.

The steps are the problem's own derivation (writes per second, reads, peak, storage,
bandwidth, servers...), whose answers are computed by code from the hidden facts, so every
graded answer is graded against a checked number. No I/O here: the CLI asks and prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tradeoff.catalog.derivation import Step, derive
from tradeoff.catalog.schema import Problem
from tradeoff.errors import TradeoffError
from tradeoff.estimate.calculator import EstimateError, calculate, humanize
from tradeoff.units import human_number, registry

FINE, WARNING, WRONG, SKIPPED = "fine", "warning", "wrong", "skipped"


@dataclass(frozen=True)
class Graded:
    step: str
    answer: str
    expected: float
    unit: str
    given: float | None  # the answer in the step's unit; None when skipped or unreadable
    grade: str
    worked: str  # the worked step shown after the answer
    remark: str = ""


@dataclass
class DrillSession:
    """One run through a problem's derivation; serialisable for the store to keep."""

    problem: str
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    answers: list[Graded] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = {FINE: 0, WARNING: 0, WRONG: 0, SKIPPED: 0}
        for answer in self.answers:
            counts[answer.grade] += 1
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "problem": self.problem,
            "started_at": self.started_at.isoformat(),
            "answers": [a.__dict__ for a in self.answers],
            "summary": self.summary(),
        }


def drill_steps(problem: Problem) -> list[Step]:
    if not problem.capacity:
        raise TradeoffError(
            f"{problem.id} has no capacity derivation ({problem.type} prompt); pick a product,"
            " infrastructure or back-end prompt, e.g. tradeoff drill capacity url-shortener"
        )
    return derive(problem)


def givens(problem: Problem) -> list[str]:
    """The facts a drill may use: the hidden facts that state numbers."""
    return [fact.text for fact in problem.facts if fact.values]


def question(step: Step) -> str:
    unit = "" if step.unit == "dimensionless" else f" (in {step.unit})"
    return f"{step.name.replace('_', ' ')}{unit}?"


def grade(step: Step, answer: str) -> Graded:
    """Within 2x of the reference is fine, within 10x a warning, anything else wrong."""
    worked = (
        f"{step.name} = {step.formula} = {human_number(step.value)}"
        f"{'' if step.unit == 'dimensionless' else ' ' + step.unit}"
        + (f" ({step.note})" if step.note else "")
    )
    text = answer.strip()
    if not text or text.lower() in ("skip", "s", "?", "pass"):
        return Graded(step.name, answer, step.value, step.unit, None, SKIPPED, worked)
    try:
        given = _in_unit(text, step.unit)
    except (EstimateError, ValueError) as exc:
        return Graded(step.name, answer, step.value, step.unit, None, WRONG, worked, str(exc))
    if given <= 0 or step.value <= 0:
        verdict = FINE if given == step.value else WRONG
        return Graded(step.name, answer, step.value, step.unit, given, verdict, worked)
    ratio = given / step.value
    off = max(ratio, 1 / ratio)
    verdict = FINE if off <= 2 else WARNING if off <= 10 else WRONG
    remark = "" if verdict == FINE else f"{human_number(off)}x too {'high' if ratio > 1 else 'low'}"
    return Graded(step.name, answer, step.value, step.unit, given, verdict, worked, remark)


def _in_unit(text: str, unit: str) -> float:
    """An answer in the step's unit; a bare number is taken to be in that unit already."""
    ureg = registry()
    value = calculate(text).value
    target = ureg.Unit(unit if unit != "dimensionless" else "")
    if value.dimensionless and not target.dimensionless:
        return float(value.to("").magnitude)
    try:
        return float(value.to(target).magnitude)
    except Exception:
        raise ValueError(
            f"{humanize(value)} is not in {unit}; the question asks for {unit}"
        ) from None

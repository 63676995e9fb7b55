"""Turn rubric coverage and findings into dimension scores, an overall score and a verdict.

Scores are computed, not judged: each dimension starts from the weighted share of the
rubric items expected at the candidate's level that the text covers, gains a little for
items above the level, and loses for defects found in that dimension. A finding that only
restates an uncovered rubric item costs nothing extra, since coverage already counts it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tradeoff.catalog.schema import LEVELS, DimensionRubric
from tradeoff.review.coverage import expected_at, item_coverage
from tradeoff.review.findings import Finding
from tradeoff.review.mentions import MentionIndex
from tradeoff.review.rules.base import RULES

# How much each dimension counts towards the overall score (sums to 100).
DIMENSION_WEIGHTS = {
    "requirements": 15,
    "capacity": 14,
    "api_data": 15,
    "components": 18,
    "tradeoffs": 15,
    "reliability": 15,
    "communication": 8,
}
_PENALTY = {"error": 0.9, "warning": 0.4, "info": 0.1}
_MAX_PENALTY_PER_KIND = 1.6
# Kinds that restate uncovered rubric items; coverage already scores them.
COVERAGE_KINDS = frozenset(
    {
        "missing-requirement",
        "missing-estimate",
        "missing-api-detail",
        "missing-component",
        "missing-tradeoff",
        "missing-reliability-point",
    }
)

# The overall score a candidate needs for a "lean-hire" at each level.
HIRE_BAR = {"mid": 50, "senior": 58, "staff": 66}
VERDICTS = ("strong-no-hire", "no-hire", "lean-no-hire", "lean-hire", "hire", "strong-hire")


@dataclass(frozen=True)
class DimensionScore:
    dimension: str
    score: float  # 0-4, unrounded
    covered: int
    expected: int
    penalties: float
    summary: str

    @property
    def rounded(self) -> int:
        return round(self.score)


def score_dimension(
    dimension: str,
    rubric: DimensionRubric,
    mentions: MentionIndex,
    findings: list[Finding],
    level: str,
    overrides: Mapping[str, float] | None = None,
) -> DimensionScore:
    expected = [i for i in rubric.items if expected_at(i, level)]
    above = [i for i in rubric.items if not expected_at(i, level)]
    coverage = {i.id: item_coverage(i, mentions, dimension) for i in rubric.items}
    for item_id, value in (overrides or {}).items():
        if item_id in coverage:
            coverage[item_id] = max(coverage[item_id], value)
    weight = sum(i.weight for i in expected) or 1
    base = 4 * sum(i.weight * coverage[i.id] for i in expected) / weight
    if above:
        above_weight = sum(i.weight for i in above)
        base += 0.5 * sum(i.weight * coverage[i.id] for i in above) / above_weight
    # Only defects the text shows (a finding with a line) subtract; an absence is already
    # scored by the coverage it lacks, and the worst absences cap the dimension instead.
    own = [
        f
        for f in findings
        if f.dimension == dimension and f.kind not in COVERAGE_KINDS and f.evidence.line is not None
    ]
    # The first finding of a kind costs its full weight, repeats a quarter: two rules that
    # see the same single database (on the diagram and in prose) are one defect, not two.
    per_kind: dict[str, float] = {}
    for finding in own:
        cost = _PENALTY[finding.severity]
        previous = per_kind.get(finding.kind)
        added = cost if previous is None else previous + cost / 4
        per_kind[finding.kind] = min(_MAX_PENALTY_PER_KIND, added)
    penalties = sum(per_kind.values())
    score = max(0.0, min(4.0, base - penalties))
    for finding in findings:
        cap = RULES[finding.rule].caps.get(dimension) if finding.rule in RULES else None
        if cap is not None:
            score = min(score, cap)
    covered = sum(1 for i in expected if coverage[i.id] >= 0.5)
    mine = [f for f in findings if f.dimension == dimension]
    summary = _summary(expected, coverage, mine, covered)
    return DimensionScore(dimension, score, covered, len(expected), penalties, summary)


def _summary(expected: list, coverage: dict[str, float], own: list[Finding], covered: int) -> str:  # type: ignore[type-arg]
    parts = [f"covers {covered} of {len(expected)} expected points"]
    missing = [i for i in expected if coverage[i.id] < 0.5]
    if missing:
        worst = max(missing, key=lambda i: i.weight)
        parts.append(f"missing: {worst.text.rstrip('.')}")
    errors = [f for f in own if f.severity == "error"]
    if errors:
        first = errors[0]
        where = f" (line {first.evidence.line})" if first.evidence.line else ""
        parts.append(f"{len(errors)} error(s), e.g. {first.kind}{where}")
    return "; ".join(parts)


def overall_score(scores: dict[str, DimensionScore]) -> int:
    """0-100 from the unrounded dimension scores, over the dimensions assessed."""
    total = sum(DIMENSION_WEIGHTS[d] for d in scores)
    if not total:
        return 0
    value = sum(DIMENSION_WEIGHTS[d] * s.score / 4 for d, s in scores.items()) / total
    return round(100 * value)


def verdict(overall: int, scores: dict[str, DimensionScore], level: str) -> str:
    """The hire signal at `level`; an empty dimension caps it below hire."""
    bar = HIRE_BAR[level]
    margin = overall - bar
    if margin >= 22:
        index = 5
    elif margin >= 10:
        index = 4
    elif margin >= 0:
        index = 3
    elif margin >= -12:
        index = 2
    elif margin >= -28:
        index = 1
    else:
        index = 0
    if any(s.rounded == 0 for s in scores.values()):
        index = min(index, 2)
    return VERDICTS[index]


assert set(HIRE_BAR) == set(LEVELS)

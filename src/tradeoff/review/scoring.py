"""Turn rubric coverage and findings into dimension scores, an overall score and a verdict.

Scores are computed, not judged: each dimension starts from the weighted share of the
rubric items expected at the candidate's level that the text covers, gains a little for
items above the level, and loses for defects found in that dimension. A finding that only
restates an uncovered rubric item costs nothing extra, since coverage already counts it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tradeoff.catalog.schema import LEVELS, DimensionRubric, RubricItem
from tradeoff.language.claims import Claim
from tradeoff.language.mentions import MentionIndex
from tradeoff.review.coverage import expected_at, item_support
from tradeoff.review.findings import Finding
from tradeoff.review.rules.base import RULES
from tradeoff.review.substance import Rung, Support, ladder, ladder_share
from tradeoff.vocabulary import Level, Severity, Verdict

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
# Half of a dimension's score is the rubric's items specified, half the depth its ladder
# reaches: items say *what* this prompt needs, the ladder says how deeply it is specified.
RUBRIC_SHARE = 0.5
_PENALTY: dict[str, float] = {Severity.error: 0.9, Severity.warning: 0.4, Severity.info: 0.1}
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
HIRE_BAR: dict[str, int] = {Level.mid: 50, Level.senior: 58, Level.staff: 66}
VERDICTS: tuple[Verdict, ...] = tuple(Verdict)


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
    claims: Sequence[Claim],
    mentions: MentionIndex,
    findings: list[Finding],
    level: str,
    overrides: Mapping[str, float] | None = None,
    rubric_share: float = RUBRIC_SHARE,
) -> DimensionScore:
    """Part from the rubric items a claim specifies, part from the dimension's ladder, minus
    defects found at a line, capped by absences that make credit impossible. The generic
    rubric (no catalog prompt) is judged by the ladders alone (`rubric_share=0`): its items
    name components a design may rightly not need."""
    expected = [i for i in rubric.items if expected_at(i, level)]
    above = [i for i in rubric.items if not expected_at(i, level)]
    supports = {i.id: item_support(i, claims, mentions, dimension) for i in rubric.items}
    coverage = {item_id: held.credit for item_id, held in supports.items()}
    for item_id, value in (overrides or {}).items():
        if item_id in coverage:
            coverage[item_id] = max(coverage[item_id], value)
    weight = sum(i.weight for i in expected) or 1
    share = sum(i.weight * coverage[i.id] for i in expected) / weight
    if above:
        above_weight = sum(i.weight for i in above)
        share += 0.25 * sum(i.weight * coverage[i.id] for i in above) / above_weight
    # A prompt judged by its rubric alone (object-oriented, front-end) is not told which
    # rung it reached: "not yet: endpoints defined" under the classes of a parking lot names
    # a ladder that does not count there.
    rungs = ladder(dimension, claims) if rubric_share < 1.0 else []
    depth = ladder_share(rungs) if rungs else min(1.0, share)
    base = 4 * (rubric_share * min(1.0, share) + (1 - rubric_share) * depth)
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
    summary = _summary(expected, coverage, supports, rungs, mine, covered)
    return DimensionScore(dimension, score, covered, len(expected), penalties, summary)


def _summary(
    expected: list[RubricItem],
    coverage: dict[str, float],
    supports: dict[str, Support],
    rungs: Sequence[Rung],
    own: list[Finding],
    covered: int,
) -> str:
    """What a candidate reads beside the score: what is specified, what is only mentioned
    (with the line), the weightiest gap, and the highest rung reached."""
    parts = [f"specifies {covered} of {len(expected)} expected points"]
    reached = [r for r in rungs if r.reached >= 0.99]
    if rungs:
        top = reached[-1].name if reached else None
        low = rungs[0]
        along = f" ({low.needs})" if low.needs else ""
        parts.append(f"deepest step reached: {top}" if top else f"not yet: {low.name}{along}")
    mentioned = [i for i in expected if coverage[i.id] < 0.5 and supports[i.id].claim is not None]
    if mentioned:
        item = max(mentioned, key=lambda i: i.weight)
        claim = supports[item.id].claim
        assert claim is not None
        parts.append(f"mentioned on line {claim.line} but not specified: {_short(item.text)}")
    missing = [i for i in expected if coverage[i.id] < 0.5 and supports[i.id].claim is None]
    if missing:
        worst = max(missing, key=lambda i: i.weight)
        parts.append(f"missing: {_short(worst.text)}")
    errors = [f for f in own if f.severity == "error"]
    if errors:
        first = errors[0]
        where = f" (line {first.evidence.line})" if first.evidence.line else ""
        parts.append(f"{len(errors)} error(s), e.g. {first.kind}{where}")
    return "; ".join(parts)


def _short(text: str) -> str:
    text = text.rstrip(".")
    return text[0].lower() + text[1:] if text[:2].isupper() is False and text else text


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

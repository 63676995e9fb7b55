"""Render a Review as Markdown (for files, coaches and the web app) or as the JSON contract."""

from __future__ import annotations

import json

from tradeoff.review.engine import Review

DIMENSION_TITLES = {
    "requirements": "Requirements",
    "capacity": "Capacity",
    "api_data": "API and data model",
    "components": "Components",
    "tradeoffs": "Trade-offs",
    "reliability": "Reliability and operations",
    "communication": "Communication",
}
OOD_TITLES = {
    "api_data": "Classes and interfaces",
    "components": "Composition and patterns",
    "reliability": "Concurrency, states and edge cases",
}


def dimension_title(dimension: str, interview_type: str) -> str:
    if interview_type == "object-oriented" and dimension in OOD_TITLES:
        return OOD_TITLES[dimension]
    return DIMENSION_TITLES[dimension]


def to_json(review: Review) -> str:
    return json.dumps(review.to_json(), indent=2, ensure_ascii=False)


def to_markdown(review: Review, source: str) -> str:
    lines = [
        f"# Review of {source}",
        "",
        f"- Prompt: **{review.problem}** · level: **{review.level}**",
        f"- Overall: **{review.overall}/100** · verdict at {review.level}: **{review.verdict}**",
    ]
    lines += [f"- Note: {note}" for note in review.notes]
    lines += ["", "## Scorecard", "", "| dimension | score | summary |", "|---|---|---|"]
    for dim, score in review.scores.items():
        title = dimension_title(dim, review.interview_type)
        lines.append(f"| {title} | {score.rounded}/4 | {_cell(score.summary)} |")
    if "capacity" not in review.scores:
        lines.append("| Capacity | n/a | not assessed for object-oriented prompts |")
    lines += ["", "## Next steps", ""]
    lines += [f"{i}. {step}" for i, step in enumerate(review.next_steps, start=1)]
    lines += ["", "## Findings", ""]
    if not review.findings:
        lines.append("No findings.")
    for finding in review.findings:
        where = (
            f"line {finding.evidence.line}: `{_code(finding.evidence.quote or '')}`"
            if finding.evidence.line is not None
            else "absent from the design"
        )
        lines.append(
            f"- **{finding.severity}** {finding.rule} `{finding.kind}`: {finding.message}"
            f" ({where}). Fix: {finding.fix}"
        )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    return text.replace("`", "'")

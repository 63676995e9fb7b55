"""Rule documentation generated from the rules themselves: `rules explain` and docs/rules.md."""

from __future__ import annotations

from tradeoff.review.rules import RULES, Rule

_DIMENSION_ORDER = (
    "requirements",
    "capacity",
    "api_data",
    "components",
    "tradeoffs",
    "reliability",
    "communication",
)


def explain_rule(rule: Rule) -> str:
    """Plain text for the terminal."""
    return "\n".join(
        [
            f"{rule.id} ({rule.dimension}, {rule.kind}, {rule.severity})",
            rule.message,
            "",
            "Why it matters in an interview:",
            f"  {rule.rationale}",
            "",
            "Example that triggers it:",
            *[f"  {line}" for line in rule.example.splitlines()],
            "",
            "Fix:",
            f"  {rule.fix}",
        ]
    )


def rules_markdown() -> str:
    """docs/rules.md: every rule grouped by dimension. A test fails when the file is stale."""
    out = [
        "# Review rules",
        "",
        "Generated from `src/tradeoff/review/rules/` by `python -m tradeoff.review.rules_doc`;"
        " do not edit by hand.",
        f"There are {len(RULES)} rules. `tradeoff rules explain ID` shows one in the terminal.",
        "",
    ]
    for dimension in _DIMENSION_ORDER:
        rules = sorted((r for r in RULES.values() if r.dimension == dimension), key=lambda r: r.id)
        out += [f"## {dimension}", ""]
        for rule in rules:
            out += [
                f"### {rule.id}: {rule.message}",
                "",
                f"- kind: `{rule.kind}`; severity: {rule.severity}",
                f"- why it matters: {rule.rationale}",
                f"- fix: {rule.fix}",
                "",
                "Example:",
                "",
                "```text",
                rule.example,
                "```",
                "",
            ]
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover - the documented way to regenerate the file
    from pathlib import Path

    target = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
    target.write_text(rules_markdown(), encoding="utf-8")
    print(f"wrote {target}")

"""The rule registry: enough rules, each documented, and docs/rules.md generated from them."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from tradeoff.cli.main import app
from tradeoff.review.rules import RULES
from tradeoff.review.rules_doc import rules_markdown

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
DIMENSIONS = {
    "requirements",
    "capacity",
    "api_data",
    "components",
    "tradeoffs",
    "reliability",
    "communication",
}


def test_at_least_forty_rules_covering_every_dimension() -> None:
    assert len(RULES) >= 40
    assert {r.dimension for r in RULES.values()} == DIMENSIONS


def test_rule_ids_and_metadata() -> None:
    for rule_id, rule in RULES.items():
        assert re.fullmatch(r"(REQ|CAP|API|CMP|TRD|REL|COM)1\d\d", rule_id)
        assert rule.severity in {"error", "warning", "info"}
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.kind)
        assert len(rule.rationale) > 60, rule_id


def test_docs_rules_md_is_generated_and_current() -> None:
    assert DOC.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run python -m tradeoff.review.rules_doc"
    )


def test_rules_cli_lists_and_explains() -> None:
    listing = CliRunner().invoke(app, ["rules"])
    assert listing.exit_code == 0 and "CAP102" in listing.stdout
    explained = CliRunner().invoke(app, ["rules", "explain", "cmp103"])
    assert explained.exit_code == 0 and "Why it matters in an interview" in explained.stdout
    unknown = CliRunner().invoke(app, ["rules", "explain", "CAP999"])
    assert unknown.exit_code == 2 and "no rule" in unknown.stderr

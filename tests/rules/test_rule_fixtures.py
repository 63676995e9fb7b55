"""Every review rule fires on its own fixture and stays silent on its `.ok` twin.

Convention (issue 9): `fixtures/<ID>.md` is a small design where rule ID must fire and
`fixtures/<ID>.ok.md` one where it must not. Line 1 of each is an HTML comment with settings:
`<!-- problem: url-shortener; level: senior; lines: 7, 12 -->`. `problem` is a catalog id or
`generic` (reviewed with no --problem, and it must not be guessed as a catalog prompt);
`level` defaults to senior; `lines` (firing fixtures only) lists the 1-based lines the rule
must cite, or `absent` for a finding that names no line. The test is parametrized over the
registry, so a rule added without fixtures fails here. Named cases beside the main pair,
`<ID>.<case>.md` and `<ID>.<case>.ok.md`, pin one cause of a false finding each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tradeoff.catalog import Catalog
from tradeoff.catalog.loader import default_catalog
from tradeoff.catalog.schema import LEVELS
from tradeoff.design import load_design
from tradeoff.review.engine import GENERIC, Review, review_design
from tradeoff.review.rules import RULES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_HEADER = re.compile(r"^<!--(?P<body>.*)-->\s*$")
_KEYS = {"problem", "level", "lines"}


@dataclass(frozen=True)
class Settings:
    problem: str
    level: str
    lines: tuple[int | None, ...]  # None stands for "absent": a finding without a line


@cache
def _catalog() -> Catalog:
    return default_catalog()


def parse_header(path: Path) -> Settings:
    """Line 1's comment as settings; a malformed header fails with the file's name."""
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    match = _HEADER.match(first)
    if match is None:
        pytest.fail(f"{path.name}: line 1 must be <!-- problem: ...; level: ...; lines: ... -->")
    fields: dict[str, str] = {}
    for part in match["body"].split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition(":")
        key = key.strip()
        if not sep or key not in _KEYS:
            pytest.fail(f"{path.name}: unknown setting {part.strip()!r} on line 1")
        fields[key] = value.strip()
    problem = fields.get("problem", "")
    if problem != GENERIC and problem not in _catalog().problems:
        pytest.fail(f"{path.name}: problem {problem!r} is neither a catalog id nor 'generic'")
    level = fields.get("level", "senior")
    if level not in LEVELS:
        pytest.fail(f"{path.name}: level {level!r} is not one of {', '.join(LEVELS)}")
    lines: tuple[int | None, ...] = ()
    raw = fields.get("lines", "")
    if raw == "absent":
        lines = (None,)
    elif raw:
        try:
            lines = tuple(int(n) for n in raw.split(","))
        except ValueError:
            pytest.fail(f"{path.name}: lines must be 1-based numbers or 'absent', not {raw!r}")
    return Settings(problem=problem, level=level, lines=lines)


def review_fixture(path: Path, settings: Settings) -> Review:
    problem = None if settings.problem == GENERIC else settings.problem
    review = review_design(load_design(path), _catalog(), problem, settings.level)
    if settings.problem == GENERIC and review.problem != GENERIC:
        pytest.fail(
            f"{path.name} says 'generic' but was guessed as {review.problem!r}:"
            " name that prompt on line 1 or reword the title"
        )
    return review


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_fixtures(rule_id: str) -> None:
    firing, ok = FIXTURES / f"{rule_id}.md", FIXTURES / f"{rule_id}.ok.md"
    missing = [p.name for p in (firing, ok) if not p.exists()]
    if missing:
        pytest.fail(f"{rule_id} has no fixture: missing tests/rules/fixtures/{', '.join(missing)}")

    settings = parse_header(firing)
    if not settings.lines:
        pytest.fail(f"{firing.name}: a firing fixture names its lines (or 'lines: absent')")
    found = [f for f in review_fixture(firing, settings).findings if f.rule == rule_id]
    cited = {f.evidence.line for f in found}
    text = firing.read_text(encoding="utf-8").splitlines()
    for line in settings.lines:
        where = "with no line" if line is None else f"at line {line}: {text[line - 1]!r}"
        assert line in cited, f"{rule_id} did not fire {where}; it cited {sorted(map(str, cited))}"

    ok_settings = parse_header(ok)
    if ok_settings.lines:
        pytest.fail(f"{ok.name}: an .ok fixture must not list lines")
    silent = [f for f in review_fixture(ok, ok_settings).findings if f.rule == rule_id]
    assert not silent, f"{rule_id} fired on {ok.name}: " + "; ".join(
        f"line {f.evidence.line}: {f.message}" for f in silent
    )


def _cases() -> list[str]:
    """Named cases of a rule beside its main pair: `<ID>.<case>.md` must fire at its lines
    and `<ID>.<case>.ok.md` must not fire. Each pins one cause of a false finding (issue 9)."""
    names = {p.name.removesuffix(".ok.md").removesuffix(".md") for p in FIXTURES.glob("*.*.md")}
    return sorted(n for n in names if n.count(".") == 1 and not n.endswith(".ok"))


@pytest.mark.parametrize("case", _cases())
def test_rule_fixture_cases(case: str) -> None:
    rule_id = case.split(".")[0]
    assert rule_id in RULES, f"{case}: no rule {rule_id}"
    firing, ok = FIXTURES / f"{case}.md", FIXTURES / f"{case}.ok.md"
    missing = [p.name for p in (firing, ok) if not p.exists()]
    assert not missing, f"{case} lacks tests/rules/fixtures/{', '.join(missing)}"
    settings = parse_header(firing)
    assert settings.lines, f"{firing.name}: a firing fixture names its lines (or 'lines: absent')"
    found = review_fixture(firing, settings).findings
    cited = {f.evidence.line for f in found if f.rule == rule_id}
    text = firing.read_text(encoding="utf-8").splitlines()
    for line in settings.lines:
        where = "with no line" if line is None else f"at line {line}: {text[line - 1]!r}"
        assert line in cited, f"{case} did not fire {where}; it cited {sorted(map(str, cited))}"
    silent = [f for f in review_fixture(ok, parse_header(ok)).findings if f.rule == rule_id]
    assert not silent, f"{case}.ok fired: " + "; ".join(
        f"line {f.evidence.line}: {f.message}" for f in silent
    )

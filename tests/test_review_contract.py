"""The review JSON contract, evidence that can be checked, and the review CLI end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.catalog import Catalog
from tradeoff.cli.main import app
from tradeoff.design import load_design
from tradeoff.review import review_design

CALIBRATION = Path(__file__).parent / "data" / "calibration"
ALL_ANSWERS = sorted(CALIBRATION.glob("*/*.md"))
runner = CliRunner()

DIMENSION_KEYS = [
    "requirements",
    "capacity",
    "api_data",
    "components",
    "tradeoffs",
    "reliability",
    "communication",
]
VERDICTS = {"strong-no-hire", "no-hire", "lean-no-hire", "lean-hire", "hire", "strong-hire"}


def assert_contract(data: dict[str, object], source: Path) -> None:
    assert list(data) == [
        "problem",
        "level",
        "overall",
        "verdict",
        "dimensions",
        "findings",
        "next_steps",
    ]
    assert isinstance(data["overall"], int) and 0 <= data["overall"] <= 100
    assert data["verdict"] in VERDICTS
    dimensions = data["dimensions"]
    assert isinstance(dimensions, dict) and list(dimensions) == DIMENSION_KEYS
    for value in dimensions.values():
        assert set(value) == {"score", "max", "summary"} and value["max"] == 4
        assert value["score"] is None or 0 <= value["score"] <= 4
    lines = source.read_text(encoding="utf-8").splitlines()
    findings = data["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        assert list(finding) == [
            "rule",
            "dimension",
            "severity",
            "kind",
            "message",
            "evidence",
            "fix",
        ]
        evidence = finding["evidence"]
        if evidence["line"] is None:
            assert evidence["quote"] is None
        else:
            assert evidence["quote"] in lines[evidence["line"] - 1], finding
    steps = data["next_steps"]
    assert isinstance(steps, list) and len(steps) <= 5


@pytest.mark.parametrize("path", ALL_ANSWERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_calibration_answer_reviews_within_the_contract(catalog: Catalog, path: Path) -> None:
    review = review_design(load_design(path), catalog)
    assert_contract(review.to_json(), path)
    assert 3 <= len(review.next_steps) <= 5


def test_cli_json_is_exactly_the_contract_and_notes_go_to_stderr() -> None:
    source = CALIBRATION / "grokking" / "design-tinyurl.md"
    result = runner.invoke(app, ["review", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert_contract(data, source)
    assert data["problem"] == "url-shortener"
    assert "guessed" in result.stderr


def test_unknown_problem_id_uses_the_generic_rubric_and_says_so() -> None:
    source = CALIBRATION / "grokking" / "design-tinyurl.md"
    result = runner.invoke(app, ["review", str(source), "-p", "url-shortner", "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["problem"] == "generic"
    assert "did you mean 'url-shortener'" in result.stderr and "generic rubric" in result.stderr


def test_level_changes_the_verdict_bar(catalog: Catalog) -> None:
    doc = load_design(CALIBRATION / "grokking" / "design-tinyurl.md")
    mid = review_design(doc, catalog, "url-shortener", "mid")
    staff = review_design(doc, catalog, "url-shortener", "staff")
    order = ["strong-no-hire", "no-hire", "lean-no-hire", "lean-hire", "hire", "strong-hire"]
    assert order.index(mid.verdict) >= order.index(staff.verdict)
    assert mid.overall >= staff.overall


def test_markdown_and_rich_formats_render(tmp_path: Path) -> None:
    source = CALIBRATION / "primer" / "pastebin.md"
    md = runner.invoke(app, ["review", str(source), "-p", "url-shortener", "-f", "markdown"])
    assert md.exit_code == 0 and "## Scorecard" in md.stdout and "## Next steps" in md.stdout
    rich = runner.invoke(app, ["review", str(source), "-p", "url-shortener"])
    assert rich.exit_code == 0 and "Scorecard" in rich.stdout and "verdict" in rich.stdout


def test_console_script_end_to_end_json() -> None:
    script = Path(sys.executable).parent / "tradeoff"
    source = CALIBRATION / "primer" / "twitter.md"
    proc = subprocess.run(
        [str(script), "review", str(source), "--problem", "news-feed", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert_contract(json.loads(proc.stdout), source)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"\xff\xfe\xfa not utf8", "UTF-8"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "design.md"
    path.write_bytes(content)
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_ten_megabyte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(b"# design\n" + b"word " * (2 * 1024 * 1024))
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 2 and "too large" in result.stderr


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(tmp_path / "nope.md")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_malformed_excalidraw_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "board.excalidraw"
    path.write_text('{"type": "excalidraw", "elements": [')
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 2 and "not valid Excalidraw JSON" in result.stderr


def test_broken_mermaid_is_reported_not_fatal(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "design.md"
    path.write_text("# Design\n```mermaid\nflowchart LR\n  A -> B ]]\n```\nUsers post links.\n")
    result = runner.invoke(app, ["review", str(path), "-f", "json"])
    assert result.exit_code == 0
    findings = json.loads(result.stdout)["findings"]
    unread = [f for f in findings if f["kind"] == "unreadable-input"]
    assert unread and unread[0]["evidence"]["line"] == 4


def test_excalidraw_drawing_reviews(tmp_path: Path) -> None:
    path = tmp_path / "board.excalidraw"
    path.write_text(
        json.dumps(
            {
                "type": "excalidraw",
                "elements": [
                    {"id": "c", "type": "rectangle"},
                    {"id": "ct", "type": "text", "text": "Client", "containerId": "c"},
                    {"id": "d", "type": "rectangle"},
                    {"id": "dt", "type": "text", "text": "Postgres DB", "containerId": "d"},
                    {
                        "id": "a",
                        "type": "arrow",
                        "startBinding": {"elementId": "c"},
                        "endBinding": {"elementId": "d"},
                    },
                ],
            }
        )
    )
    result = runner.invoke(app, ["review", str(path), "-p", "url-shortener", "-f", "json"])
    assert result.exit_code == 0, result.output
    kinds = {f["kind"] for f in json.loads(result.stdout)["findings"]}
    assert "single-point-of-failure" in kinds


@pytest.mark.parametrize(
    ("answer", "problem"),
    [("parking-lot/solid.md", "parking-lot"), ("parking-lot/shallow.md", "parking-lot")],
)
def test_a_prompt_judged_by_its_rubric_names_no_ladder_rung(
    catalog: Catalog, answer: str, problem: str
) -> None:
    # The ladders climb endpoints, replicas and monitoring and do not count for an
    # object-oriented prompt: "not yet: endpoints defined" under a parking lot's classes
    # would send the candidate after the wrong thing.
    path = Path(__file__).parent / "data" / "answers" / answer
    review = review_design(load_design(path), catalog, problem)
    for score in review.scores.values():
        assert "not yet:" not in score.summary and "deepest step" not in score.summary

"""The problems commands, through typer's runner and as the installed console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tradeoff.catalog import Catalog
from tradeoff.cli.main import app

runner = CliRunner()


def test_list_shows_every_problem(catalog: Catalog) -> None:
    result = runner.invoke(app, ["problems", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sorted(r["id"] for r in rows) == sorted(catalog.problems)


def test_list_filters_by_type_topic_and_difficulty(catalog: Catalog) -> None:
    result = runner.invoke(
        app, ["problems", "list", "--type", "product", "--topic", "caching", "-f", "json"]
    )
    rows = json.loads(result.stdout)
    assert rows, "expected at least one product prompt about caching"
    assert all(r["type"] == "product" and "caching" in r["topics"] for r in rows)
    hard = json.loads(runner.invoke(app, ["problems", "list", "-d", "hard", "-f", "json"]).stdout)
    assert hard and all(r["difficulty"] == "hard" for r in hard)
    expected = {p.id for p in catalog.problems.values() if p.difficulty == "hard"}
    assert {r["id"] for r in hard} == expected


def test_list_table_is_readable() -> None:
    result = runner.invoke(app, ["problems", "list", "--type", "object-oriented"])
    assert result.exit_code == 0
    assert "parking-lot" in result.stdout and "practice prompts" in result.stdout


def test_show_hides_the_facts_until_revealed() -> None:
    plain = runner.invoke(app, ["problems", "show", "url-shortener"])
    assert plain.exit_code == 0
    assert "bit.ly" in plain.stdout
    assert "100 million" not in plain.stdout
    revealed = runner.invoke(app, ["problems", "show", "url-shortener", "--reveal"])
    assert revealed.exit_code == 0
    assert "100 million" in revealed.stdout
    assert "Rubric: capacity" in revealed.stdout
    assert "3.8K 1/s" in revealed.stdout  # computed by code, not copied from the file


def test_unknown_id_suggests_the_nearest_and_exits_2() -> None:
    result = runner.invoke(app, ["problems", "show", "url-shortner"])
    assert result.exit_code == 2
    assert "no problem 'url-shortner'; did you mean 'url-shortener'?" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_topic_exits_2_with_a_suggestion() -> None:
    result = runner.invoke(app, ["problems", "list", "--topic", "cachin"])
    assert result.exit_code == 2
    assert "did you mean 'caching'?" in result.stderr


def test_topics_lists_counts(catalog: Catalog) -> None:
    result = runner.invoke(app, ["topics"])
    assert result.exit_code == 0
    assert "leader-election" in result.stdout


def _console_script() -> str:
    script = Path(sys.executable).parent / "tradeoff"
    found = str(script) if script.exists() else shutil.which("tradeoff")
    assert found, "the tradeoff console script is not installed; run pip install -e '.[dev]'"
    return found


def test_installed_console_script_lists_problems() -> None:
    proc = subprocess.run(
        [_console_script(), "problems", "list", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert any(row["id"] == "rest-api-design" for row in json.loads(proc.stdout))


def test_installed_console_script_user_error_is_one_line_exit_2() -> None:
    proc = subprocess.run(
        [_console_script(), "problems", "show", "no-such-problem"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert proc.stderr.startswith("tradeoff: error: no problem 'no-such-problem'")


def test_module_entry_point_matches_console_script() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tradeoff", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("tradeoff ")

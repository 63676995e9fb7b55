"""`tradeoff new` skeletons: one per interview type, and an untouched one scores near zero."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.catalog import Catalog
from tradeoff.cli.main import app
from tradeoff.design import load_design
from tradeoff.review import review_design

runner = CliRunner()


@pytest.mark.parametrize(
    ("problem", "diagram_kinds"),
    [
        ("url-shortener", ["flowchart", "sequence", "flowchart"]),
        ("parking-lot", ["class"]),
        ("spreadsheet-ui", ["flowchart", "sequence"]),
        ("rest-api-design", ["flowchart"]),
    ],
)
def test_untouched_template_reviews_as_empty(
    tmp_path: Path, catalog: Catalog, problem: str, diagram_kinds: list[str]
) -> None:
    path = tmp_path / "answer.md"
    result = runner.invoke(app, ["new", str(path), "--problem", problem])
    assert result.exit_code == 0, result.output
    doc = load_design(path)
    assert [d.kind for d in doc.diagrams] == diagram_kinds
    assert doc.notices == []
    review = review_design(doc, catalog, problem)
    assert review.overall <= 5
    assert any(f.kind == "empty-section" and f.severity == "error" for f in review.findings)


def test_filling_one_section_counts_only_that_section(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "answer.md"
    runner.invoke(app, ["new", str(path), "--problem", "url-shortener"])
    text = path.read_text().replace(
        "## 1. Requirements\n",
        "## 1. Requirements\n\n- Users can shorten a URL and follow the short link.\n",
    )
    path.write_text(text)
    review = review_design(load_design(path), catalog, "url-shortener")
    empty = [f.message for f in review.findings if f.kind == "empty-section"]
    assert not any("Requirements" in m for m in empty)
    assert any("Capacity estimates" in m for m in empty)


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "mine.md"
    path.write_text("my work")
    result = runner.invoke(app, ["new", str(path)])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert path.read_text() == "my work"


def test_new_with_unknown_problem_suggests(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", str(tmp_path / "a.md"), "-p", "parkinglot"])
    assert result.exit_code == 2 and "did you mean 'parking-lot'" in result.stderr

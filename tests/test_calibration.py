"""Calibration: the reviewer ranks answers the way a careful interviewer would.

Real answers by others (tests/data/calibration, CC BY 4.0) and answers written for these
tests by a separate author (tests/data/answers), each tier written to a brief: hand-waved
buzzwords, shallow with planted defects, solid; and for some prompts a padded 1,500-word
answer against a dense 500-word one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tradeoff.catalog import Catalog
from tradeoff.design import load_design
from tradeoff.review import Review, review_design

DATA = Path(__file__).parent / "data"
ANSWERS = DATA / "answers"
PROMPTS = sorted(p.name for p in ANSWERS.iterdir() if p.is_dir())
PADDED = sorted(p.name for p in ANSWERS.iterdir() if (p / "padded.md").exists())
PAIRS = [
    ("primer/pastebin.md", "grokking/design-tinyurl.md", "url-shortener"),
    ("primer/twitter.md", "grokking/design-twitter.md", "news-feed"),
    ("primer/web_crawler.md", "grokking/design-web-crawler.md", "web-crawler"),
]


def _review(catalog: Catalog, path: Path, problem: str) -> Review:
    return review_design(load_design(path), catalog, problem)


@pytest.mark.parametrize(("strong", "shallow", "problem"), PAIRS)
def test_primer_answer_outscores_the_grokking_answer(
    catalog: Catalog, strong: str, shallow: str, problem: str
) -> None:
    for given in (problem, None):  # with the prompt named, and guessed from the text
        high = review_design(load_design(DATA / "calibration" / strong), catalog, given)
        low = review_design(load_design(DATA / "calibration" / shallow), catalog, given)
        assert high.problem == low.problem == problem
        assert high.overall > low.overall, (high.overall, low.overall)


def test_at_least_six_prompts_have_three_tiers() -> None:
    assert len(PROMPTS) >= 6
    for prompt in PROMPTS:
        for tier in ("handwaved", "shallow", "solid"):
            assert (ANSWERS / prompt / f"{tier}.md").exists()


@pytest.mark.parametrize("problem", PROMPTS)
def test_handwaved_below_shallow_below_solid(catalog: Catalog, problem: str) -> None:
    scores = [
        _review(catalog, ANSWERS / problem / f"{tier}.md", problem).overall
        for tier in ("handwaved", "shallow", "solid")
    ]
    assert scores[0] < scores[1] < scores[2], scores


@pytest.mark.parametrize("problem", PROMPTS)
def test_solid_answer_is_a_hire_and_handwaved_is_not(catalog: Catalog, problem: str) -> None:
    solid = _review(catalog, ANSWERS / problem / "solid.md", problem)
    handwaved = _review(catalog, ANSWERS / problem / "handwaved.md", problem)
    assert solid.verdict in ("lean-hire", "hire", "strong-hire"), solid.overall
    assert handwaved.verdict in ("strong-no-hire", "no-hire"), handwaved.overall


def _planted(problem: str) -> list[dict[str, str]]:
    manifest = yaml.safe_load((ANSWERS / problem / "manifest.yaml").read_text())
    assert manifest["problem"] == problem
    return list(manifest["planted"])


PLANTED = [(p, d["file"], d["kind"], d["quote"]) for p in PROMPTS for d in _planted(p)]


@pytest.mark.parametrize(("problem", "file", "kind", "quote"), PLANTED)
def test_each_planted_defect_is_reported_with_its_kind_and_line(
    catalog: Catalog, problem: str, file: str, kind: str, quote: str
) -> None:
    path = ANSWERS / problem / file
    lines = path.read_text(encoding="utf-8").splitlines()
    (line,) = [i for i, text in enumerate(lines, start=1) if quote in text]
    review = _review(catalog, path, problem)
    found = [(f.kind, f.evidence.line) for f in review.findings]
    assert (kind, line) in found, f"{kind} at line {line} not in {found}"


def test_buzzword_answer_scores_below_25(catalog: Catalog) -> None:
    path = ANSWERS / "buzzword-kafka.md"
    assert 120 <= len(path.read_text().split()) <= 180
    assert _review(catalog, path, "url-shortener").overall < 25


@pytest.mark.parametrize("problem", PADDED)
def test_padded_answer_scores_below_the_dense_one(catalog: Catalog, problem: str) -> None:
    padded_path, dense_path = ANSWERS / problem / "padded.md", ANSWERS / problem / "dense.md"
    assert len(padded_path.read_text().split()) > 2.5 * len(dense_path.read_text().split())
    padded = _review(catalog, padded_path, problem)
    dense = _review(catalog, dense_path, problem)
    assert padded.overall < dense.overall, (padded.overall, dense.overall)

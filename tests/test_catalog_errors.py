"""A broken catalog file is refused with an error that names the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tradeoff.catalog import load_catalog
from tradeoff.errors import CatalogError, TradeoffError

EXAMPLE = "url-shortener"


def _edit(data_dir: Path, problem_id: str, change: object) -> Path:
    path = data_dir / "problems" / f"{problem_id}.yaml"
    data = yaml.safe_load(path.read_text())
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def _error(data_dir: Path) -> str:
    with pytest.raises(CatalogError) as info:
        load_catalog(data_dir)
    assert isinstance(info.value, TradeoffError)
    return str(info.value)


def test_missing_field_names_file_and_field(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d.pop("difficulty"))
    message = _error(data_copy)
    assert "url-shortener.yaml" in message and "difficulty" in message


def test_wrong_enum_value_names_the_field(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d.update(type="systems"))
    message = _error(data_copy)
    assert "url-shortener.yaml: type:" in message


def test_nested_field_path_is_reported(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d["rubric"]["capacity"]["items"][0].update(weight=9))
    assert "rubric.capacity.items.0.weight" in _error(data_copy)


def test_unknown_key_is_an_error_not_ignored(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d.update(promt="typo"))
    assert "promt" in _error(data_copy)


def test_unknown_concept_suggests_the_nearest(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d["components"][0].update(concepts=["load-balancr"]))
    message = _error(data_copy)
    assert "url-shortener.yaml: concepts: unknown id 'load-balancr'" in message
    assert "load-balancer" in message


def test_unknown_topic_is_reported(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d.update(topics=["blockchain"]))
    assert "topics: unknown id 'blockchain'" in _error(data_copy)


def test_unknown_question_kind_is_reported(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d["facts"][0].update(answers=["vibes"]))
    assert "facts.0.answers: unknown id 'vibes'" in _error(data_copy)


def test_formula_with_wrong_units_names_the_step(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d["capacity"][0].update(unit="TB"))
    message = _error(data_copy)
    assert "url-shortener.yaml" in message and "capacity.0 (writes_per_s)" in message


def test_hint_about_unknown_rubric_item(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d["hints"][0].update(about="nothing-like-it"))
    assert "hints.0.about" in _error(data_copy)


def test_id_must_match_file_name(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d.update(id="url-shortener-two"))
    assert "must match the file name" in _error(data_copy)


def test_object_oriented_prompt_with_capacity_is_refused(data_copy: Path) -> None:
    _edit(data_copy, EXAMPLE, lambda d: d.update(type="object-oriented"))
    assert "rubric.capacity" in _error(data_copy)


def test_yaml_syntax_error_names_file_and_line(data_copy: Path) -> None:
    path = data_copy / "problems" / f"{EXAMPLE}.yaml"
    lines = path.read_text().splitlines()
    lines[3] = "difficulty: [easy"
    path.write_text("\n".join(lines))
    message = _error(data_copy)
    assert "url-shortener.yaml" in message and "line" in message


def test_duplicate_concept_id_in_vocabulary(data_copy: Path) -> None:
    path = data_copy / "concepts.yaml"
    path.write_text(
        path.read_text()
        + "\n  - id: cache\n    name: Again\n    category: component\n"
        + "    terms: [again]\n    description: A duplicate.\n"
    )
    assert "duplicate id 'cache'" in _error(data_copy)

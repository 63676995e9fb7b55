"""Reference capacity derivations: evaluated by code with units, agreeing with the stated facts."""

from __future__ import annotations

import re

import pytest

from tradeoff.catalog import Catalog, load_catalog
from tradeoff.catalog.derivation import FormulaError, derive, evaluate
from tradeoff.units import registry

PROBLEMS_WITH_DERIVATION = sorted(p.id for p in load_catalog().problems.values() if p.capacity)

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a thousand": 1e3, "a million": 1e6, "a billion": 1e9, "half": 0.5,
    "double": 2, "twice": 2, "triple": 3, "dozen": 12, "a dozen": 12, "a fifth": 0.2,
    "a quarter": 0.25, "a tenth": 0.1, "a third": 1 / 3, "one in five": 0.2, "one in ten": 0.1,
}  # fmt: skip
_SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "b": 1e9,
    "bn": 1e9, "trillion": 1e12, "t": 1e12,
}  # fmt: skip
_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    r"(thousand|million|billion|trillion|mn|bn|k|m|b|t|%|percent)?(?:\b|(?<=%))",
    re.IGNORECASE,
)


def numbers_in(text: str) -> list[float]:
    """Every number a sentence states, reading '100 million', '1.5B', '12,000' and 'five'."""
    found: list[float] = []
    text = re.sub(r"(\d)x(\d)", r"\1 x \2", text)  # "960x540" states both numbers
    for match in _NUMBER.finditer(text):
        value = float(match.group(1).replace(",", ""))
        scale = (match.group(2) or "").lower()
        if scale in ("%", "percent"):  # "20%" states 20 percent, i.e. the fraction 0.2
            found.extend([value, value / 100])
            continue
        found.append(value * _SCALE.get(scale, 1))
        if scale in ("m", "b", "t", "k"):  # "5 m" might be metres or minutes: keep the bare number
            found.append(value)
    lowered = text.lower()
    for word, value in _WORDS.items():
        if re.search(rf"\b{word}\b", lowered):
            found.append(value)
            for scale_word, scale in _SCALE.items():
                if len(scale_word) > 2 and re.search(rf"\b{word} {scale_word}\b", lowered):
                    found.append(value * scale)
    return found


@pytest.mark.parametrize("problem_id", PROBLEMS_WITH_DERIVATION)
def test_derivation_evaluates_with_consistent_units(catalog: Catalog, problem_id: str) -> None:
    steps = derive(catalog.get(problem_id))
    assert len(steps) >= 3
    assert all(step.value == step.value for step in steps)  # no NaN


@pytest.mark.parametrize("problem_id", PROBLEMS_WITH_DERIVATION)
def test_authors_rounded_figures_match_the_computation(catalog: Catalog, problem_id: str) -> None:
    """An `approx` is what a reader sees next to the formula; it must be what the formula gives."""
    off = [
        f"{s.name}: computed {s.value:.4g} {s.unit}, file says {s.approx:g}"
        for s in derive(catalog.get(problem_id))
        if s.relative_error > 0.02
    ]
    assert off == []


@pytest.mark.parametrize("problem_id", sorted(load_catalog().problems))
def test_fact_values_are_the_numbers_the_interviewer_says(
    catalog: Catalog, problem_id: str
) -> None:
    """A fact's machine value must appear in its spoken text, so the two cannot drift apart."""
    ureg = registry()
    drift = []
    for fact in catalog.get(problem_id).facts:
        spoken = numbers_in(fact.text)
        for name, text in fact.values.items():
            magnitude = float(ureg.Quantity(text).magnitude)
            if not any(abs(n - magnitude) <= 0.011 * abs(magnitude) for n in spoken):
                drift.append(f"{fact.id}.{name} = {text!r} but the text says {fact.text!r}")
    assert drift == []


def test_numbers_in_reads_interview_shorthand() -> None:
    assert 100e6 in numbers_in("About 100 million new links a month")
    assert 1.5e9 in numbers_in("1.5B requests")
    assert 12_000 in numbers_in("up to 12,000 writes")
    assert 5 in numbers_in("kept for five years")
    assert 500 in numbers_in("about 500 bytes")
    assert 0.2 in numbers_in("the hottest 20% of items")


def test_formula_uses_units_and_earlier_names() -> None:
    ureg = registry()
    value = evaluate("rate * 86400 * s", {"rate": ureg.Quantity(2, "1/s")})
    assert value.to("").magnitude == pytest.approx(172_800)


def test_formula_with_functions() -> None:
    assert evaluate("ceil(10 / 3) + max(2, 5) + log2(1024)", {}) == 4 + 5 + 10


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os').system('true')",
        "rate.__class__",
        "open('x')",
        "'text'",
        "[1, 2]",
        "lambda: 1",
    ],
)
def test_formula_refuses_anything_but_arithmetic(formula: str) -> None:
    with pytest.raises(FormulaError):
        evaluate(formula, {"rate": 1})


def test_formula_reports_unknown_names() -> None:
    with pytest.raises(FormulaError, match="unknown name 'nonsense_quantity'"):
        evaluate("nonsense_quantity * 2", {})


def test_formula_reports_incompatible_units() -> None:
    with pytest.raises(FormulaError):
        evaluate("3 * byte + 2 * s", {})

"""One grammar for interview shorthand: the calculator (pint) and the checker (dims.Q) agree."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tradeoff.cli.main import app
from tradeoff.estimate import check
from tradeoff.estimate.calculator import EstimateError, calculate
from tradeoff.estimate.dims import Q
from tradeoff.estimate.grammar import find_quantities, states_quantity, tokenize
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity
from tradeoff.units import registry

PHRASINGS = yaml.safe_load(
    (Path(__file__).parent / "data" / "estimate_phrasings.yaml").read_text(encoding="utf-8")
)


def _base(value: Any) -> Q:
    """A pint result as a Q: magnitude in seconds and bytes, with its exponents."""
    ureg = registry()
    if not isinstance(value, ureg.Quantity):
        return Q(float(value))
    dims = dict(value.dimensionality)
    if "[currency]" in dims:  # the calculator keeps dollars; the checker counts them plainly
        value = value / ureg.Quantity(1, "USD")
        dims = dict(value.dimensionality)
    assert set(dims) <= {"[time]", "[information]"}, dims
    time, data = int(dims.get("[time]", 0)), int(dims.get("[information]", 0))
    unit = " * ".join(p for p in (f"second ** {time}" if time else "",
                                  f"byte ** {data}" if data else "") if p)  # fmt: skip
    magnitude = value.to(unit).magnitude if unit else value.to("").magnitude
    return Q(float(magnitude), time, data)


def _sides(text: str) -> list[str]:
    """The expressions the checker reads in a statement: each marker's left and right."""
    out = []
    for marker in check._MARKER.finditer(text):
        left = check._left_side(text[: marker.start()])
        right = check._right_side(text[marker.end() :])
        out += [side for side in (left, right) if side]
    return out


SIDES = sorted({side for p in PHRASINGS for side in _sides(p["text"])})


@pytest.mark.parametrize("side", SIDES)
def test_both_evaluators_read_every_phrasing_the_same(side: str) -> None:
    """Every expression in the phrasings table means the same to `tradeoff estimate` and to
    the reviewer: both read it to the same value and units, or both refuse it."""
    try:
        checker: Q | None = read_quantity(side).value
    except UnreadableEstimate:
        checker = None
    try:
        calculator: Q | None = _base(calculate(side).value)
    except EstimateError:
        calculator = None
    assert (checker is None) == (calculator is None), (side, checker, calculator)
    if checker is not None and calculator is not None:
        assert checker.kind == calculator.kind, side
        assert math.isclose(checker.value, calculator.value, rel_tol=1e-9), side


def test_the_property_covers_most_of_the_table() -> None:
    readable = 0
    for side in SIDES:
        try:
            read_quantity(side)
            readable += 1
        except UnreadableEstimate:
            pass
    assert len(SIDES) >= 150 and readable >= 0.9 * len(SIDES), (readable, len(SIDES))


@pytest.mark.parametrize(
    ("expression", "unit", "expected"),
    [
        ("40 M x 3 KB", "GB", 120),  # a scale written apart from its number
        ("1.75 M uploads/day", "1/s", 1.75e6 / 86_400),
        ("10 m keys x 100 bytes", "GB", 1),  # lower-case m: a million keys, not metres
        ("150 K/s x 2", "1/s", 300_000),
        ("1536-dim x 2 bytes", "kB", 3.072),  # a hyphen joins a number to its label
        ("100 bytes each x 10M", "GB", 1),  # "each" is a label, not "per"
        ("1B over 86400", "", 1e9 / 86_400),  # "over" a number divides
        ("1 TB/day over 5 years", "TB", 5 * 365.25),  # "over" a duration totals a rate
        ("5 videos per DAU/day", "1/day", 5),  # per DAU, per day
        ("3 Mbps x 480 s", "MB", 180),  # Mb is megabit
        ("1 B users x 2 KB", "TB", 2),  # a billion users
        ("300 B x 1M", "MB", 300),  # bytes when no counted noun follows
    ],
)
def test_shorthand_read_the_same_by_both(expression: str, unit: str, expected: float) -> None:
    ureg = registry()
    value = calculate(expression).value
    assert float(value.to(unit).magnitude) == pytest.approx(expected, rel=1e-9)
    assert read_quantity(expression).value.value == pytest.approx(
        _base(ureg.Quantity(expected, unit)).value, rel=1e-9
    )


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        ("1 Gbps in MB/s", "= 125 MB/s"),
        ("12K QPS x 1 KB in Mbps", "= 96 Mbps"),
        ("2 TB in GiB", "= 1.86K GiB"),
    ],
)
def test_conversions_print_in_the_unit_asked(expression: str, shown: str) -> None:
    result = CliRunner().invoke(app, ["estimate", expression])
    assert result.exit_code == 0, result.stderr
    assert shown in result.stdout and "²" not in result.stdout


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        ("1 000 000 users x 2 KB", "= 2 GB"),  # thousands grouped by spaces
        ("10 000 000 / 86 400", "= 116"),
        ("$0.02/GB x 500 TB", "= $10K"),  # a price per GB times a size: dollars
        ("$1.50 per hour x 40 x 720 h", "= $43.2K"),
    ],
)
def test_grouped_thousands_and_money_are_calculated(expression: str, shown: str) -> None:
    result = CliRunner().invoke(app, ["estimate", expression])
    assert result.exit_code == 0, result.stderr
    assert shown in result.stdout


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("2-3 replicas x 1 TB", "range"),
        ("1e999999999 users", "too large"),
        ("2^99999", "too large"),
        ("3 TB in seconds", "cannot be expressed"),
    ],
)
def test_unreadable_expressions_say_why(expression: str, message: str) -> None:
    with pytest.raises(EstimateError, match=message):
        calculate(expression)


def test_find_quantities_gives_span_value_noun_and_per() -> None:
    text = "We expect 500 million tweets per day and 100,000 connections per server."
    tweets, connections = find_quantities(text)
    assert text[tweets.start : tweets.end] == "500 million tweets per day"
    assert tweets.dims == (-1, 0) and tweets.value.value == pytest.approx(500e6 / 86_400)
    assert tweets.noun == ("tweets",) and tweets.per == ()
    assert connections.dims == (0, 0) and connections.per == ("server",)
    (size,) = find_quantities("Peak reads: 3 KB/vector")
    assert size.dims == (0, 1) and size.value.value == 3000 and size.label == ("Peak", "reads")
    (people,) = find_quantities("500 million daily active users")
    assert people.dims == (0, 0)  # a population, not a rate


def test_within_metres_is_a_length() -> None:
    (near,) = find_quantities("drivers within 500 m of the rider")
    assert near.value.value == 500 and not near.scaled


@pytest.mark.parametrize(
    ("line", "states"),
    [
        ("About 100M links a month", True),
        ("p99 under 200 ms", True),
        ("99.9% availability", True),
        ("We run 3 replicas", False),
        ("Step 2: design the API", False),
    ],
)
def test_states_quantity(line: str, states: bool) -> None:
    assert states_quantity(line) is states


@given(st.text(max_size=120))
def test_tokenize_and_find_never_raise(text: str) -> None:
    tokens = tokenize(text)
    assert all(0 <= t.start <= t.end <= len(text) for t in tokens)
    for found in find_quantities(text):
        assert text[found.start : found.end] == found.text


def test_a_count_at_a_size_each_is_a_product() -> None:
    from tradeoff.estimate.check import check_line

    [check] = check_line(1, "500 million saves a day at 500 kB each is 250 GB a day.")
    assert check.wrong
    [check] = check_line(1, "100 servers at 2 TB each is 200 TB.")
    assert not check.wrong
    assert not check_line(1, "10,000 QPS at peak is fine.")


def _in(expression: str, unit: str) -> float:
    return float(calculate(expression).value.to(unit).magnitude)


def test_a_second_slash_divides_again() -> None:
    """'$0.023/GB/month' is per GB, per month; read with 'GB/month' as one unit after the
    first slash it divided by a rate (0.023 months per GB)."""
    tokens = [t for t in tokenize("0.023/GB/month") if t.kind == "unit"]
    assert [t.text for t in tokens] == ["GB", "month"]
    assert _in("$0.023/GB/month x 500 TB", "USD/month") == pytest.approx(11_500)


def test_a_size_held_for_a_period_is_one_unit() -> None:
    assert _in("$0.023 per GB-month x 2 PB", "USD/month") == pytest.approx(46_000)


def test_a_price_per_million_is_divided_by_a_million() -> None:
    assert _in("$0.40 per million requests x 5B", "USD") == pytest.approx(2_000)
    # only after a price: "5 errors per million" in prose is no number of its own
    assert [t.kind for t in tokenize("5 errors per million")][-1] == "word"

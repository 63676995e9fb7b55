"""`tradeoff estimate`: interview shorthand evaluated with units, every step shown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tradeoff.cli.main import app
from tradeoff.estimate.calculator import EstimateError, calculate
from tradeoff.units import registry

runner = CliRunner()


def _in(expression: str, unit: str) -> float:
    return float(calculate(expression).value.to(unit).magnitude)


# The primer's own inputs (tests/data/calibration/README.md) recomputed.
@pytest.mark.parametrize(
    ("expression", "unit", "expected", "tolerance"),
    [
        ("10M writes per month", "1/s", 4, 0.1),  # pastebin: about 4 writes/s
        ("100M reads per month", "1/s", 40, 0.1),  # about 40 reads/s
        ("1.27 KB x 10M per month", "GB/month", 12.7, 0.01),  # 12.7 GB a month
        ("1.27 KB x 10M per month over 3 years", "GB", 450, 0.05),  # about 450 GB
        ("500M tweets per day", "1/s", 6000, 0.05),  # twitter: about 6,000/s
        ("250B reads per month", "1/s", 100_000, 0.06),  # about 100K/s
        ("5B deliveries per day", "1/s", 60_000, 0.05),  # fan-out: about 60K/s
        ("4B pages per month", "1/s", 1600, 0.06),  # crawler: about 1,600/s
        ("4B pages x 500 KB", "PB", 2, 0.01),  # 2 PB a month
    ],
)
def test_primer_facts_recomputed(
    expression: str, unit: str, expected: float, tolerance: float
) -> None:
    assert _in(expression, unit) == pytest.approx(expected, rel=tolerance)


@pytest.mark.parametrize(
    ("expression", "unit", "expected"),
    [
        ("100M DAU x 10 reads / day", "1/s", 1e9 / 86_400),
        ("2^32", "", 2**32),
        ("1.5B x 2 KB", "TB", 3),
        ("100 Mbps", "MB/s", 12.5),
        ("4000 RPS x 500 KB", "Gbit/s", 16),
        ("peak x 2 x 11.6K QPS", "1/s", 23_200),
        ("500M x 1 KB / day over 5 years", "TB", 500 * 365.25 * 5 / 1000),
        ("(100M + 50M) / day", "1/day", 150e6),
        ("20% of 3800 QPS x 86400 s x 500 bytes", "GB", 0.2 * 3800 * 86400 * 500 / 1e9),
        ("2 TB / 100 MB/s", "hour", 2e12 / 100e6 / 3600),
        ("10 Gbps x 1 hour", "TB", 10e9 / 8 * 3600 / 1e12),
        ("3 TB x 3 replicas", "TB", 9),
        ("1 GiB", "byte", 2**30),
    ],
)
def test_shorthand(expression: str, unit: str, expected: float) -> None:
    assert _in(expression, unit) == pytest.approx(expected, rel=1e-6)


def test_servers_needed_rounds_up() -> None:
    result = calculate("25K QPS / 2K QPS per server")
    assert result.servers == 13
    assert result.human().startswith("13 servers")


def test_every_step_is_shown() -> None:
    result = calculate("100M DAU x 10 reads / day x 3")
    assert len(result.steps) == 3
    assert result.steps[0] == "100M × 10 = 1B"
    assert "11.6K/s" in result.steps[1]


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        ("3 million posts/day in /s", "34.7 /s"),
        ("3 Million posts/day in per second", "34.7 per second"),
        ("100M/day in /s", "1.16K /s"),
    ],
)
def test_conversion_to_a_count_per_time(expression: str, shown: str) -> None:
    # "in /s" asks for the count per second; it once divided by a second again (1/s²).
    assert calculate(expression).human() == shown


@pytest.mark.parametrize(
    ("expression", "unit", "expected"),
    [
        # hours a day times days: 3 x 200 x 24 x 30 = 432,000 dollars, not dollar-days
        ("$3/hr x 200 x 24 h x 30 days", "USD", 432_000),
        ("8 hours x 22 working days", "hour", 176),
        ("2 GB/hour x 24 hours x 7 days", "GB", 336),
    ],
)
def test_a_span_of_each_longer_period(expression: str, unit: str, expected: float) -> None:
    assert _in(expression, unit) == pytest.approx(expected, rel=1e-6)


def test_spans_that_do_not_fit_a_period_stay_as_written() -> None:
    # 36 hours is more than a day: no reading as "36 hours of each day", so time squared
    assert calculate("36 h x 2 days").value.dimensionality == {"[time]": 2}


def test_over_needs_a_rate() -> None:
    with pytest.raises(EstimateError, match="needs a rate"):
        calculate("3 TB over 5 years")


@pytest.mark.parametrize(("expression", "token"), [("12 # 3", "#"), ("5 TB + 3 s", "")])
def test_garbage_names_what_it_could_not_read(expression: str, token: str) -> None:
    with pytest.raises(EstimateError) as info:
        calculate(expression)
    assert token in str(info.value)


def test_cli_text_and_json() -> None:
    text = runner.invoke(app, ["estimate", "100M DAU x 10 reads / day"])
    assert text.exit_code == 0 and "= 11.6K/s" in text.stdout
    result = runner.invoke(app, ["estimate", "1 KB x 1B", "--format", "json"])
    data = json.loads(result.stdout)
    assert set(data) == {"expression", "value", "unit", "human", "steps"}
    ureg = registry()
    assert ureg.Quantity(data["value"], data["unit"]).to("TB").magnitude == pytest.approx(1)
    assert data["human"] == "1 TB"


def test_cli_garbage_is_one_line_exit_2() -> None:
    result = runner.invoke(app, ["estimate", "lots of users"])
    assert result.exit_code == 2
    assert result.stderr.startswith("tradeoff: error:") and result.stderr.count("\n") == 1


UNITS = st.sampled_from(["B", "kB", "MB", "GB", "TB", "KiB", "MiB", "bit", "Mbit", "Gbit"])
RATES = st.sampled_from(["/s", "/day", "/month", "/year", "/hour"])


@given(st.floats(min_value=1e-3, max_value=1e15), UNITS, UNITS)
def test_unit_conversions_round_trip(value: float, first: str, second: str) -> None:
    ureg = registry()
    there = ureg.Quantity(value, first).to(second)
    back = there.to(first)
    assert back.magnitude == pytest.approx(value, rel=1e-9)


@given(
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=2, max_value=1000),
    UNITS,
    RATES,
)
def test_scaling_an_input_scales_the_result(base: int, factor: int, unit: str, rate: str) -> None:
    one = calculate(f"{base} {unit} x 3 {rate}").value
    scaled = calculate(f"{base * factor} {unit} x 3 {rate}").value
    assert (scaled / one).to("").magnitude == pytest.approx(factor, rel=1e-9)


def test_numbers_table_lists_sources_and_a_date() -> None:
    result = runner.invoke(app, ["numbers", "--topic", "latency"])
    assert result.exit_code == 0
    assert "current as of 2025" in result.stdout and "DRAM" in result.stdout
    assert "cost" not in result.stdout.split("\n", 3)[-1].split()[:1]


def test_every_reference_number_has_a_unit_pint_reads_and_a_source() -> None:
    from tradeoff.estimate.reference import TOPICS, reference_table

    table = reference_table()
    ureg = registry()
    assert {n.topic for n in table.numbers} == set(TOPICS)
    for number in table.numbers:
        ureg.Quantity(number.value, number.unit if number.unit != "dimensionless" else "")
        assert len(number.source) > 8
    two = {n.id: n.value for n in table.numbers}
    assert two["two-32"] == 2**32 and two["seconds-day"] == 86_400
    assert two["seconds-year"] == pytest.approx(365.25 * 86_400)


def test_drill_through_a_pipe(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "tradeoff"
    answers = "40/s\n40K\n\n2B\n3 TB\n"  # fine, warning(10x... 40K vs 3.8K), skip, wrong, fine
    db = f"sqlite:///{tmp_path / 'drills.db'}"
    proc = subprocess.run(
        [str(script), "drill", "capacity", "url-shortener", "--db", db],
        input=answers,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "fine: writes_per_s = new_urls_per_month = 38" in out
    assert "warning (10.5x too high)" in out or "wrong (10.5x too high)" in out
    assert "skipped: peak_reads_per_s" in out
    assert "wrong (3x too low)" not in out
    assert "Drill stopped." in out  # input ran out before the last steps
    assert "of 7 steps" in out
    assert "Saved as drill 1" in out
    from tradeoff.store import Store

    with Store.open(db) as store:
        (saved,) = store.list_drills()
    assert saved["problem_id"] == "url-shortener"
    assert saved["result"]["summary"] == {"fine": 2, "warning": 1, "wrong": 1, "skipped": 1}


def test_drill_refuses_object_oriented_prompts() -> None:
    result = runner.invoke(app, ["drill", "capacity", "parking-lot"])
    assert result.exit_code == 2 and "no capacity derivation" in result.stderr


@pytest.mark.parametrize(
    ("expression", "steps", "shown"),
    [
        ("$0.02/GB x 500 TB", ["$0.02/GB × 500 TB = $10K"], "$10K"),
        (
            "$1.50/hr x 40 x 720 h",
            [
                "$1.1K/month ($36/day, $1.50/hour) × 40 = $43.8K/month ($1.44K/day, $60/hour)",
                "$43.8K/month ($1.44K/day, $60/hour) × 30 days = $43.2K",
            ],
            "$43.2K",
        ),
        ("$0.40 per million x 5B", ["$0.40 ÷ 1M = $0.0000004", "$0.0000004 × 5B = $2K"], "$2K"),
    ],
)
def test_money_keeps_its_dollar_sign_through_every_step(
    expression: str, steps: list[str], shown: str
) -> None:
    """A price is written as one figure ("$0.02/GB"), never as "0.02 ÷ GB", and every step
    and the result say dollars; a running cost reads as a monthly bill."""
    calculation = calculate(expression)
    assert calculation.steps == steps
    assert calculation.human() == shown


def test_a_cost_converts_to_dollars_a_month() -> None:
    assert calculate("200 x $0.50/hour in $/month").human() == "$73K/month"
    assert _in("$2,000/month over 3 years", "USD") == pytest.approx(2_000 * 36)


def test_a_bare_count_of_days_after_a_daily_rate_is_read_as_days_with_a_note() -> None:
    # 2 TB a day for 365 days, 5 times over: 2 x 365 x 5 = 3,650 TB = 3.65 PB.
    result = calculate("2 TB/day x 365 x 5 in PB")
    assert result.value.to("PB").magnitude == pytest.approx(2 * 365 * 5 / 1000)
    assert result.notes == [
        "read 'x 365' after a rate per day as 365 days; write 'x 365 days' to say so"
    ]
    assert result.to_json()["notes"] == result.notes


def test_a_rate_asked_as_a_rate_keeps_its_bare_factor() -> None:
    result = calculate("2 TB/day x 365 in TB/day")
    assert result.value.magnitude == pytest.approx(730)
    assert result.notes == [] and "notes" not in result.to_json()


def test_a_rate_times_another_number_asked_as_a_total_says_what_to_write() -> None:
    # "x 3" (three replicas?) is no count of days: nothing is guessed.
    with pytest.raises(EstimateError, match=r"still a rate.*'x 365 days', 'x 5 years'"):
        calculate("2 TB/day x 3 in TB")

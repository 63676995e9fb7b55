"""Recomputing a candidate's estimates from their own inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tradeoff.estimate.check import check_line
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity

CASES = [
    # (statement, verdict) — right and wrong, in several writing styles
    ("100M DAU x 10 reads / 86400 = 11.5K QPS", "ok"),
    ("- 500M tweets/day -> 6k/s", "ok"),
    ("1 KB x 1B = 1 TB", "ok"),
    ("Writes: 100M/day = 1.16M QPS", "arithmetic-error"),
    ("500M tweets/day = 500M QPS", "unit-error"),
    ("Storage: 100 million per month times 12 months times 5 years is 6 billion objects", "ok"),
    ("Cache: 20% of 3800 x 86400 x 500 bytes = 33 GB", "ok"),
    ("peak = 3 x 4K/s = 12K/s", "ok"),
    ("Bandwidth: 4000 req/s x 500 KB = 2 GB/s", "ok"),
    ("4000 req/s x 500 KB = 2 Gbps", "unit-error"),
    ("10M users x 2 posts/day / 86400 = 231 writes/s", "ok"),
    ("10M users x 2 posts/day / 86400 = 2300 writes/s", "arithmetic-error"),
    ("- **Reads**: 250B/month ≈ 100K/s", "ok"),
    ("3 TB x 3 replicas = 9 TB", "ok"),
    ("100M/month = 40 writes/s", "ok"),
    ("4B pages/month -> 1,600 pages/s", "ok"),
    ("1.27 KB per paste * 10 million pastes per month = 12.7 GB per month", "ok"),
    ("1 billion requests per day is about 12K requests per second", "ok"),
    ("1 billion requests per day is about 12 requests per second", "arithmetic-error"),
    ("50M messages/day x 1 KB = 50 GB/day", "ok"),
    ("50M messages/day x 1 KB = 50 TB/day", "unit-error"),
    # In a chain, "so" after a comma carries the figure on: a step like the unchained one.
    ("2M + 1M + 0.5M orders is 3.5M a day, so about 400 per second", "arithmetic-error"),
    ("2M + 1M + 0.5M orders is 3.5M a day, so about 40 per second", "ok"),
    # A parenthesised operand or an aside in words is part of the working, not a new clause.
    ("Index: (900M/30) * 0.5 * 4 KB = 60 GB", "ok"),
    ("Index: (900M/30) * 0.5 * 4 KB = 600 GB", "arithmetic-error"),
    ("Pings: ~40 bytes/req x 10 K RPS (after batching) = 4 MB/s", "arithmetic-error"),
    ("Pings: 8 KB x 1,000 (per batch) = 8 MB", "ok"),
    # A count "at" a size each, with an average said between them; hours at a size an hour.
    ("Clips: 2 M clips/day at avg 5 MB = 100 TB/day", "arithmetic-error"),
    ("Podcasts: 30K hours/day at 60 MB/hour = 1.8 TB/day", "ok"),
    ("Podcasts: 30K hours/day at 60 MB/hour = 1.8 PB/day", "unit-error"),
    # A share or a count with its magnitude is no size: the ambiguous "B" is bytes.
    ("Warm set = 0.3 x 20 M rows x 500 B = 30 GB", "arithmetic-error"),
    ("Rows: 20 M x 500 B = 10 TB", "unit-error"),
    # Hours written out in seconds by hand: the unit already converts.
    ("Day shift: 72,000 / (10 hours x 3600) = 2 req/s", "ok"),
    # One figure restated in another period inside the parenthesis after it.
    ("Load: 500 writes/s (≈ 43 M writes/day)", "ok"),
    ("Load: 500 writes/s (≈ 43 M writes/month)", "unit-error"),
    # A restatement opening the next sentence restates the end of the one before it.
    ("So 20 billion requests a day. That's roughly 231K requests a second.", "ok"),
    ("So 20 billion requests a day. That's roughly 23K requests a second.", "arithmetic-error"),
    ("We log 3 TB a day. So about 35 MB/s.", "ok"),
    # The same figure in other units, scoped to one part, is still a unit slip.
    ("NIC: 25 Gbps = 25 GB/s per host", "unit-error"),
]


def test_a_division_restated_in_a_chain_is_not_its_result() -> None:
    """'a / (b x c) = a / d ≈ e': the middle step writes the divisor out, so its first
    figure is no result of the left side; the last step is."""
    checks = check_line(1, "Pods: 600,000 / (60 min x 24 h x 5 jobs/min) = 600,000 / 7,200 ≈ 83")
    assert [c.verdict for c in checks] == ["ok"]


def test_a_figure_of_each_part_restates_no_total() -> None:
    """'(≈ 50 k writes/s each)' after a working is what one of the parts takes."""
    text = "Peak ≈ 500 k writes/s → **Run 2 brokers + 10 partitions** (≈ 50 k writes/s each)."
    assert [c for c in check_line(1, text) if c.wrong] == []


@pytest.mark.parametrize(("statement", "verdict"), CASES)
def test_estimate_verdicts(statement: str, verdict: str) -> None:
    checks = check_line(7, statement)
    assert checks, f"no estimate read in {statement!r}"
    assert checks[-1].verdict == verdict, checks[-1].explanation
    assert checks[-1].quote in statement
    assert checks[-1].line == 7


@pytest.mark.parametrize(
    "text",
    [
        "The system is fast = good",
        "Step 1 = requirements",
        "see RFC 7231 = HTTP",
        "v2 = better",
        # A share of a total needs the count it is shared by, said in another sentence.
        "The cache holds 20 GB, that's 2 KB per user.",
        "We have 10M users. The index takes 20 GB. That is 2 KB per user.",
        # Two sentences about different things, the second not restating the first.
        "We keep 5 TB of logs. That's 3 replicas.",
    ],
)
def test_statements_that_are_not_estimates_are_not_judged(text: str) -> None:
    assert [c for c in check_line(1, text) if c.wrong] == []


def test_explanation_shows_the_right_answer() -> None:
    (check,) = check_line(1, "100M/day = 1.16M QPS")
    assert "1.16K QPS" in check.explanation and "not 1.16M QPS" in check.explanation


def test_unreadable_token_is_named() -> None:
    with pytest.raises(UnreadableEstimate, match="could not read"):
        read_quantity("100M # 3")


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=2, max_value=1000))
def test_scaling_an_input_scales_the_result(base: int, factor: int) -> None:
    one = read_quantity(f"{base} bytes x 3").value.value
    scaled = read_quantity(f"{base * factor} bytes x 3").value.value
    assert scaled == pytest.approx(one * factor, rel=1e-9)


@given(st.text(max_size=200))
def test_checker_never_crashes_on_arbitrary_text(text: str) -> None:
    for check in check_line(1, text):
        assert check.quote in text


PHRASINGS = yaml.safe_load(
    (Path(__file__).parent / "data" / "estimate_phrasings.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    ("text", "verdict"), [(p["text"], p["verdict"]) for p in PHRASINGS], ids=range(len(PHRASINGS))
)
def test_independently_written_phrasings(text: str, verdict: str) -> None:
    """98 statements written by a separate author from a brief, each verdict computed in
    Python: the checker must agree on every one (the last result of a chain counts)."""
    checks = check_line(1, text)
    assert checks, f"no estimate read in {text!r}"
    assert checks[-1].verdict == verdict, checks[-1].explanation


def test_the_phrasings_table_is_large_and_mixed() -> None:
    verdicts = [p["verdict"] for p in PHRASINGS]
    assert len(verdicts) >= 60
    assert {"ok", "unit-error", "arithmetic-error"} == set(verdicts)


def test_tables_of_estimates_are_checked_cell_by_cell() -> None:
    from tradeoff.estimate.check import check_lines

    lines = [
        "| Quantity | Calculation | Result |",
        "|---|---|---|",
        "| Writes/s | 100M / 2.6M s | 40 |",
        "| Reads/s | 40 x 100 | 40K |",
        "| Storage | 1 KB x 1B | 1 TB |",
    ]
    checks = check_lines(list(enumerate(lines, start=1)))
    assert [(c.line, c.verdict) for c in checks] == [
        (3, "ok"),
        (4, "arithmetic-error"),
        (5, "ok"),
    ]
    assert all(c.quote in lines[c.line - 1] for c in checks)


def test_missing_replication_factor_is_a_unit_error() -> None:
    from tradeoff.estimate.check import check_lines

    lines = [
        "Every record is kept with a replication factor of 3.",
        "Total storage with replication: 6B x 500 bytes = 3 TB",
        "Total storage with replication: 6B x 500 bytes x 3 = 9 TB",
    ]
    checks = check_lines(list(enumerate(lines, start=1)))
    assert [(c.line, c.verdict) for c in checks] == [(2, "unit-error"), (3, "ok")]
    assert "replication factor of 3" in checks[0].explanation


def test_a_sizing_table_row_is_checked_across_its_columns() -> None:
    """A table of one item's size, how many, and the total states no product, but its
    columns do: 300 B x 2 T is 600 TB, not 600 GB. Rows that multiply out, a count read
    as billions ("5 B" in a count column) and a total row with no size pass."""
    from tradeoff.estimate.check import check_lines

    table = [
        "| Record | Avg size | Count | Total storage |",
        "|---|---|---|---|",
        "| Song play | 300 B | 2 T over a year | 600 GB |",
        "| Track | 1 KB | 5 B | 5 TB |",
        "| Playlist | 2 KB | 40 M | 80 GB |",
        "| All | | | ~700 GB |",
    ]
    wrong = [c for c in check_lines(enumerate(table, start=1)) if c.wrong]
    assert [(c.line, c.quote) for c in wrong] == [(3, "600 GB")]


def test_a_step_continued_on_the_next_line_is_judged_against_the_line_above() -> None:
    from tradeoff.estimate.check import check_lines

    lines = [(1, "Data = users × size each"), (2, "     = 3 M × 2 TB"), (3, "     = 6 PB")]
    (found,) = [c for c in check_lines(lines) if c.line == 3]
    assert found.wrong and found.quote == "6 PB"
    assert "6K PB" in found.explanation


def test_a_right_step_continued_on_the_next_line_is_ok() -> None:
    from tradeoff.estimate.check import check_lines

    lines = [(1, "Total = 4 PB × 3"), (2, "      = 12 PB")]
    assert all(not c.wrong for c in check_lines(lines))


def test_a_b_beside_a_counted_noun_and_a_size_result_is_bytes() -> None:
    (found,) = check_line(1, "10 k follows × 5 B = 5 GB per user")
    assert found.verdict == "arithmetic-error"
    assert "about 50 KB per user" in found.explanation


def test_a_b_beside_a_bare_number_may_still_be_a_billion() -> None:
    assert not [c for c in check_line(1, "4 B × 300 = 1.2 TB") if c.wrong]
    assert not [c for c in check_line(1, "4 B × 300 = 1.2 GB") if c.wrong]


def test_a_bold_figure_before_an_arrow_is_the_left_side() -> None:
    (found,) = check_line(1, "**2 M uploads/day** → ~ 75 QPS")
    assert found.verdict == "arithmetic-error" and "23.1 QPS" in found.explanation
    (chained,) = check_line(1, "**≈ 3 B events/day** → **≈ 35 k writes/sec**")
    assert chained.verdict == "ok"


def test_each_ambiguous_b_is_read_on_its_own() -> None:
    (found,) = check_line(1, "800 B × 40 B ≈ 32 GB")
    assert found.verdict == "unit-error" and "32K GB" in found.explanation
    assert [c.verdict for c in check_line(1, "8 B × 30 B ≈ 240 GB")] == ["ok"]


def test_a_reading_in_bytes_squared_is_not_the_candidates() -> None:
    (found,) = check_line(1, "4 B × 100 KB = 400 GB")
    assert found.verdict == "unit-error"


def test_a_bare_number_repeating_the_rows_size_carries_its_unit() -> None:
    from tradeoff.estimate.check import check_lines

    rows = ["| Item | Size | Per day |", "|---|---|---|", "| Post | 300 B | 4 B × 300 = 1.2 GB |"]
    (found,) = [c for c in check_lines(list(enumerate(rows, 1))) if c.wrong]
    assert found.line == 3 and found.quote == "4 B × 300 = 1.2 GB"
    rows[2] = "| Post | 300 B | 4 B × 300 = 1.2 TB |"
    assert not [c for c in check_lines(list(enumerate(rows, 1))) if c.wrong]


@pytest.mark.parametrize(
    "text",
    [
        "prompt: 1.5k tokens x $0.002 = $0.003",  # priced per 1k tokens, which is not written
        "| Workers | 12 CPU-hours/day x 30 | $36 000 |",  # a total with no price beside it
        "| Encoding (90 workers x $2/hr) | ~$130K |",  # a month of hours understood
    ],
)
def test_money_is_judged_only_where_every_factor_is_written(text: str) -> None:
    from tradeoff.estimate.check import check_lines

    assert not check_lines([(1, text)])


def test_a_price_per_unit_times_a_size_is_judged() -> None:
    checks = check_line(1, "Egress: $0.05/GB x 40 TB = $20K/month")
    assert checks and checks[-1].verdict == "arithmetic-error"
    assert "$2K/month" in checks[-1].explanation


def test_a_name_is_read_with_the_value_the_line_gave_it() -> None:
    checks = check_line(1, "limit = 500, spike = limit x 3 = 15000")
    assert checks and checks[-1].verdict == "arithmetic-error"
    assert checks[-1].quote == "limit x 3 = 15000" and "1.5K" in checks[-1].explanation


@pytest.mark.parametrize(
    "text",
    [
        "spike = limit x 3 = 15000",  # the name has no value on the line
        "limit = 100/2 = 50, spike = limit x 3 = 150",  # a value worked out, not given
    ],
)
def test_a_name_without_a_given_value_is_not_substituted(text: str) -> None:
    assert all(c.quote != "limit x 3 = 15000" for c in check_line(1, text))
    assert all(c.verdict == "ok" for c in check_line(1, text))


def test_a_new_subject_after_and_is_not_the_left_side_of_its_figure() -> None:
    # "the whole buffer" is what is 1.5 GB; the 33 MB before it is another thing's figure.
    assert check_line(1, "One frame is 33 MB and the whole buffer is 1.5 GB.") == []
    assert check_line(1, "Each row is 2 KB but the table is 40 GB.") == []


def test_working_after_a_new_subject_is_still_checked() -> None:
    wrong = check_line(1, "One frame is 33 MB and the buffer is 45 x 33 MB = 15 GB")
    assert [c.verdict for c in wrong] == ["arithmetic-error"]


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # A product of the candidate's own figures has no period to round: a result half
        # again too small is a slip, though it is under the 2x that rates per day are given.
        (
            "Each write lands on 3 copies: 200 K writes/s x 3 = 400 K copy writes/s",
            "arithmetic-error",
        ),
        ("Disks: 40 TB + 20 TB = 50 TB", "arithmetic-error"),
        # Rounded or cut to the digits written, or said to be approximate, it stands.
        ("Index: 3.6 TB x 3 = 10 TB", "ok"),
        ("Peak: 14,000 x 3 = 40K/s", "ok"),
        ("Each write lands on 3 copies: 200 K writes/s x 3 ≈ 400 K", "ok"),
        # A binary prefix read as decimal is no slip of the arithmetic.
        ("Raw: 80 B rows x 1 KB = 81.9 TB", "ok"),
    ],
)
def test_a_sum_or_product_is_held_to_the_digits_it_writes(statement: str, verdict: str) -> None:
    """'300 K x 3 = 600 K' passed as within 2x; the result is 900 K."""
    checks = check_line(1, statement)
    assert checks and checks[-1].verdict == verdict


def test_a_duration_worked_after_takes_is_judged_without_its_subject() -> None:
    """In "a 10 Gbps pipe takes 4 GB / 10 Gbps = 0.4 s" the pipe's own figure names what
    does the work; the working starts after "takes"."""
    checks = check_line(1, "- a backup over a 10 Gbps pipe takes 4 GB / 10 Gbps = 0.4 s")
    assert [check.verdict for check in checks] == ["unit-error"]
    assert checks[0].left == "4 GB / 10 Gbps"


def test_a_clause_joined_after_a_comma_starts_a_new_working() -> None:
    """ "= 2 GB, and ..." ends one chain; the clause after the comma is read on its own."""
    line = (
        "- 4M logs of 500 bytes = 2 GB, and shipping them on a 1 Gbps uplink"
        " takes 2 GB / 1 Gbps = 16 s"
    )
    checks = check_line(1, line)
    assert [(check.left, check.verdict) for check in checks][-1] == ("2 GB / 1 Gbps", "ok")
    slipped = check_line(1, line.replace("= 16 s", "= 2 s"))
    assert slipped[-1].verdict == "unit-error"

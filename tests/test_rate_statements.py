"""The system's read, write and search rates as the design states them, and the ones that
no earlier statement of the same rate bears out."""

from __future__ import annotations

from tradeoff.estimate.rate_statements import contradictions, rate_statements


def _found(lines: list[tuple[int, str]]) -> list[tuple[int, str, float]]:
    return [(s.line, s.direction, s.value) for s, _, _ in contradictions(rate_statements(lines))]


def test_a_rate_below_both_the_average_and_the_peak_contradicts_them() -> None:
    lines = [
        (5, "| Read RPS | ~80,000 |"),
        (6, "| Peak read RPS | ~240,000 |"),
        (40, "## Read path (24K RPS)"),
    ]
    assert _found(lines) == [(40, "read", 24_000.0)]


def test_a_rate_between_the_average_and_the_peak_is_either() -> None:
    lines = [
        (5, "| Read RPS | ~80,000 |"),
        (6, "| Peak read RPS | ~240,000 |"),
        (40, "The read path is provisioned for 150K RPS."),
    ]
    assert _found(lines) == []


def test_reads_searches_and_one_nodes_rate_are_other_quantities() -> None:
    lines = [
        (1, "* 100 thousand read requests per second"),
        (2, "* 4,000 search requests per second"),
        (3, "Each Redis node can handle 100K reads/s."),
        (4, "Rate limit: 50 writes/s per API key, 2,000 writes/s overall."),
    ]
    found = rate_statements(lines)
    assert [(s.line, s.direction) for s in found] == [(1, "read"), (2, "search")]
    assert contradictions(found) == []


def test_a_peak_is_compared_with_peaks_only() -> None:
    lines = [(1, "Average write QPS: 1,200"), (2, "Peak write QPS: 12,000")]
    assert _found(lines) == []
    lines.append((3, "At peak we see 1,300 write QPS on the ingest tier."))
    assert _found(lines) == [(3, "write", 1_300.0)]

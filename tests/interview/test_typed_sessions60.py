"""A message-broker session typed by hand with the terse persona, the lead's own round.

The report read as a candidate would:
- "Said and written disagree on avg messages: you said "3M messages/s out"; the design
  says "1M messages/s"", though the design's line reads "1M messages/s in, 3M/s out". A
  rate said with its direction out is what consumers read, not the producers' rate, and a
  figure said is contradicted only when no figure of its kind in the design agrees.
- "Works in a visible order. "" (design line 0)": the order of a whole answer has no line
  to quote; the report says it rests on the order of the design's sections.
- "Committed offsets are stored per (group, topic, partition)" was covered by "For
  monitoring: page on under-replicated partitions ... and alert on consumer lag": consumer
  lag was a term of consumer groups, and a lag alert says nothing of where offsets live.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog

_DESIGN = """# Broker

## Requirements
- Non-functional: 1M messages/s in, 3M/s out (three consumer groups); p99 produce under 20 ms.

## Design
- Each partition is an append-only log of 1 GB segment files with a sparse offset index.
- Each partition has a leader and 2 followers; a write is acknowledged by the in-sync replicas.

## Trade-offs
- Pull over push for consumers: each reads at its own pace, at the cost of polling when idle.
"""

_LINES = [
    "How many messages per second, and how big is a message?",
    "OK. I'll assume 3 consumer groups reading everything, so 3M messages/s out.",
    "/next",
    "For monitoring: page on under-replicated partitions above zero for 5 minutes and alert"
    " on consumer lag.",
    "/design {design}",
    "/end",
]


def _report(catalog: Catalog, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    session = run(catalog, "message-broker", "terse", _LINES, tmp=tmp_path, design=_DESIGN)
    return session.report(catalog)


def test_a_rate_said_out_is_not_the_rate_written_in(catalog: Catalog, tmp_path: Path) -> None:
    assert _report(catalog, tmp_path)["conversation"]["contradictions"] == []


def test_the_order_of_the_sections_has_no_line_zero(catalog: Catalog, tmp_path: Path) -> None:
    covered = _report(catalog, tmp_path)["conversation"]["covered"]
    ordered = [c for c in covered if c["item"] == "structure"]
    assert all(c["where"] != "design line 0" for c in ordered)


def test_a_lag_alert_says_nothing_of_where_offsets_live(catalog: Catalog, tmp_path: Path) -> None:
    covered = [c["item"] for c in _report(catalog, tmp_path)["conversation"]["covered"]]
    assert "offsets-model" not in covered

"""A capacity table's input rows are assumptions the candidate states (issue 9).

CAP109 reads a row such as "| Daily active users | 40 M |" as a figure the candidate chose
and compares it with the interviewer's; the ladders must read it the same way, or the
review says "missing: states assumptions" beside a note about the assumption it states.
Rows that work a figure out, price it, size a machine or set a latency budget state no
assumption of the workload.
"""

from __future__ import annotations

from functools import cache

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import read_text
from tradeoff.review.substance import ladder

_INPUTS = """# Photo sharing

## Capacity estimates

| Quantity | Value |
|---|---|
| Daily active users | 40 M |
| Photos uploaded per user per day | 2 |
| Average photo size | 3 MB |
| Storage per day | 80 M × 3 MB = 240 TB |
"""

# Each table states figures, and none of them is an input of the workload.
_NOT_INPUTS = """# Photo sharing

## Capacity estimates

| Quantity | Value |
|---|---|
| Storage per day | 80 M × 3 MB = 240 TB |
| Thumbnails (4 sizes) | 40 KB |
| Write rate | ~930 uploads/s |

| Stage | Target |
|---|---|
| Resize | 120 ms |
| Upload to blob store | 300 ms |

| Component | Monthly cost |
|---|---|
| Blob storage | $40K |
| Total | $55K |

| Service | Nodes | RAM |
|---|---|---|
| Resizer | 12 | 32 GB |
| Metadata DB | 3 | 64 GB |
"""


@cache
def _catalog() -> Catalog:
    return default_catalog()


def _reached(dimension: str, text: str, rung: str) -> float:
    claims = read_text(text, tuple(_catalog().vocabulary.concepts.values()))
    return {r.name: r for r in ladder(dimension, claims)}[rung].reached


def test_input_rows_of_a_capacity_table_are_stated_assumptions() -> None:
    assert _reached("communication", _INPUTS, "assumptions said aloud") == 1.0
    assert _reached("requirements", _INPUTS, "assumptions that drive choices") == 1.0


def test_results_prices_budgets_and_machines_are_no_assumptions() -> None:
    assert _reached("communication", _NOT_INPUTS, "assumptions said aloud") == 0.0
    assert _reached("requirements", _NOT_INPUTS, "assumptions that drive choices") == 0.0


def test_the_same_table_outside_a_capacity_section_assumes_nothing() -> None:
    elsewhere = _INPUTS.replace("## Capacity estimates", "## Photo feed")
    assert _reached("communication", elsewhere, "assumptions said aloud") == 0.0

"""With no --qps and no prompt, the simulation runs at the rate the design itself states."""

from __future__ import annotations

from pathlib import Path

from tradeoff.design import load_design
from tradeoff.simulate.workload import design_workload

DESIGN = """# URL shortener

## Estimates

- 100M links a month is about 40 writes/s and 4,000 reads/s, 12K reads/s at peak.
- One app server handles 5,000 requests/s per node.

```mermaid
flowchart LR
  C[Client] --> API[API x4 @ 2ms w=8]
  API --> DB[(Postgres x1 @ 5ms w=4)]
```
"""


def test_the_designs_own_rate_and_peak(tmp_path: Path) -> None:
    path = tmp_path / "design.md"
    path.write_text(DESIGN, encoding="utf-8")
    load = design_workload(load_design(path), None)
    assert load is not None
    # The largest average rate (reads), its stated peak, and never the per-node capacity.
    assert load.rate == 4000 and load.peak == 3.0
    assert "line 5" in load.source


def test_a_design_that_states_no_rate_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "design.md"
    text = DESIGN.replace(
        "100M links a month is about 40 writes/s and 4,000 reads/s, 12K reads/s at peak.",
        "Links are created rarely and read often.",
    )
    path.write_text(text, encoding="utf-8")
    assert design_workload(load_design(path), None) is None

"""The wrap-up's "what breaks first at 10x?" answer, checked against a simulation of the
attached design when the design carries capacity figures of its own (issue 13)."""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import default_catalog
from tradeoff.practice.models import SessionReport
from tradeoff.practice.report_text import render

DESIGN = """# URL shortener

```mermaid
flowchart LR
  C[Client] --> LB[Load balancer x2 @ 0.1ms]
  LB --> API[API x4 @ 2ms w=8]
  API --> R[(Redis x3 @ 0.5ms hit=0.9)]
  R --> DB[(Postgres x1 @ 5ms w=4)]
```
"""


def _session(tmp_path: Path, answer: str) -> list[str]:
    catalog = default_catalog()
    script = ["/design {design}", "/next", "/next", "/next", answer, "/end"]
    result = run(catalog, "url-shortener", "neutral", script, tmp=tmp_path, design=DESIGN)
    asked = [r for e in result.exchanges for r in e.replies if "10x" in r]
    assert asked, "the wrap-up asks what breaks at 10x"
    return render(SessionReport.load(result.report(catalog)))


def test_naming_the_simulated_bottleneck_is_credited(tmp_path: Path) -> None:
    lines = _session(tmp_path, "At 10x the Redis tier saturates first, so I'd add shards.")
    line = next(x for x in lines if x.startswith("What breaks first"))
    # Redis: 3 servers of 0.5 ms = 6,000 requests/s before anything else saturates.
    assert "Redis (design line 7)" in line and "6,000" in line and "you named it" in line


def test_naming_another_part_is_shown_beside_the_simulation(tmp_path: Path) -> None:
    lines = _session(tmp_path, "At 10x the load balancer is the first thing to go.")
    line = next(x for x in lines if x.startswith("What breaks first"))
    assert "Redis" in line and 'you said "At 10x the load balancer' in line

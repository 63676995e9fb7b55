"""--burst: a window of traffic above the peak, simulated where the formulas cannot say."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tradeoff.cli.main import app

DESIGN = """# Shortener

```mermaid
flowchart LR
  C[Client] --> API[API x2 @ 2ms w=4]
  API --> DB[(Postgres x1 @ 5ms w=4)]
```
"""


def _run(tmp_path: Path, *extra: str) -> dict[str, object]:
    design = tmp_path / "design.md"
    design.write_text(DESIGN, encoding="utf-8")
    args = ["simulate", str(design), "--qps", "500", "--duration", "20s", "--seed", "3"]
    result = CliRunner().invoke(app, [*args, *extra, "-f", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_a_burst_adds_its_requests_and_its_queueing(tmp_path: Path) -> None:
    calm = _run(tmp_path)
    burst = _run(tmp_path, "--burst", "1.5x@5s+5s")
    # 500/s for 20 s is about 10,000 requests; half again for 5 s adds about 1,250.
    extra = int(burst["requests"]) - int(calm["requests"])  # type: ignore[call-overload]
    assert 900 < extra < 1600
    # 750/s against a database of 800/s: the burst's queueing shows in the tail.
    p99 = lambda d: d["latency_ms"]["p99"]  # type: ignore[index]  # noqa: E731
    assert p99(burst) > p99(calm)


def test_a_burst_that_does_not_parse_is_one_line(tmp_path: Path) -> None:
    design = tmp_path / "design.md"
    design.write_text(DESIGN, encoding="utf-8")
    result = CliRunner().invoke(app, ["simulate", str(design), "--qps", "500", "--burst", "x3"])
    assert result.exit_code == 2
    assert "FACTORx@START+LENGTH" in result.output

"""The review's "what breaks first" line: from the design's own figures, or not at all."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tradeoff.cli.main import app

ANNOTATED = """# URL shortener

```mermaid
flowchart LR
  C[Client] --> LB[Load balancer x2 @ 0.1ms]
  LB --> API[API x4 @ 2ms w=8]
  API --> R[(Redis x3 @ 0.5ms hit=0.9)]
  R --> DB[(Postgres x1 @ 5ms w=4)]
```
"""


def test_an_annotated_diagram_names_its_first_bottleneck(tmp_path: Path) -> None:
    design = tmp_path / "design.md"
    design.write_text(ANNOTATED, encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(design), "-p", "url-shortener", "-f", "json"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)["breaks_first"]
    # Redis: 3 servers of 0.5 ms = 6,000/s; Postgres sees 10% of traffic at 800/s, so 8,000.
    assert first["node"] == "Redis" and first["line"] == 7
    assert first["ceiling_rps"] == 6000.0
    assert first["utilisation_at_peak"] > 1  # the prompt's peak (about 11,400/s) is beyond it


def test_a_diagram_without_figures_gets_no_line(tmp_path: Path) -> None:
    design = tmp_path / "design.md"
    design.write_text(ANNOTATED.replace(" x2 @ 0.1ms", "").replace(" x4 @ 2ms w=8", "")
                      .replace(" x3 @ 0.5ms hit=0.9", "").replace(" x1 @ 5ms w=4", ""),
                      encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(app, ["review", str(design), "-p", "url-shortener", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "breaks_first" not in json.loads(result.stdout)


def test_a_bottleneck_of_defaults_alone_gets_no_line(tmp_path: Path) -> None:
    # Only the journal has a figure of the candidate's (3x); the frontends have no count and
    # no speed, so a ceiling for them would be our default, not the design's.
    design = tmp_path / "design.md"
    design.write_text(
        "# Object store\n\n```mermaid\nflowchart LR\n  C[Client] --> FE[API Frontends]\n"
        "  FE --> MD[(Metadata Partitions)]\n"
        "  FE --> J[(Durability Journal\\n3x replicated across AZs)]\n"
        "  FE --> SN[(Storage Nodes\\n8+4 erasure-coded)]\n```\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["review", str(design), "-p", "object-storage", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "breaks_first" not in json.loads(result.stdout)

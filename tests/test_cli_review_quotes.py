"""The review table quotes each finding's line cut at a word, not at a character count: a
quote cut at 120 characters stopped inside a Markdown link ("(an [event log](../deep-
dives/kafka-distributed-messaging.md")."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tradeoff.cli.main import app

runner = CliRunner()


def test_a_long_quote_is_cut_at_a_word(tmp_path: Path) -> None:
    design = tmp_path / "design.md"
    design.write_text(
        "# Exchange\n\n## Key ideas\n\n"
        "- Sequencing: order events are written to a durable log first (an [event log]"
        "(../deep-dives/kafka-distributed-messaging.md) style) before the engine reads them.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["review", str(design)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    quoted = [line for line in result.output.splitlines() if '"Sequencing' in line]
    assert quoted, result.output
    assert all("…" in line or "style)" in line for line in quoted), quoted
    assert not any(line.rstrip(' │"').endswith(".md") for line in quoted), quoted

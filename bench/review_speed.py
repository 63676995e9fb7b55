"""Benchmark the reviewer: in one process (cold and warm), then the CLI end to end.

Targets (issue 9): median under 100 ms per review of a long answer (the judged set's
longest, about 4,300 words) in process, and `tradeoff review --format json` under 1 s end to
end. "Cold" clears the per-claim analysis caches before each review, as for a design seen
for the first time; "warm" keeps them, as when the same design is reviewed again after an
edit (each mock-interview turn, each save in the editor).
Run: python bench/review_speed.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.language.evidence import clear_cache
from tradeoff.review import review_design
from tradeoff.review.substance import specified_concepts

ANSWER = (
    Path(__file__).resolve().parents[1]
    / "tests/data/calibration/judged/answers/rag-search-assistant/claude-sonnet-4.6.md"
)


def review_ms(runs: int, cold: bool) -> list[float]:
    catalog = default_catalog()
    review_design(load_design(ANSWER), catalog, None)  # imports, catalog and term tables
    times = []
    for _ in range(runs):
        if cold:
            clear_cache()
            specified_concepts.cache_clear()
        start = time.perf_counter()
        review_design(load_design(ANSWER), catalog, None)
        times.append((time.perf_counter() - start) * 1000)
    return times


def cli_seconds(runs: int) -> list[float]:
    """Median of repeated runs of the installed command, as a user runs it: with Python's
    bytecode cache allowed (some sandboxes set PYTHONDONTWRITEBYTECODE, which would make
    every run recompile the package) and after one run that fills it."""
    script = Path(sys.executable).parent / "tradeoff"
    command = [str(script), "review", str(ANSWER), "--format", "json"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    words = len(ANSWER.read_text(encoding="utf-8").split())
    cold = review_ms(args.runs, cold=True)
    warm = review_ms(args.runs, cold=False)
    cli = cli_seconds(max(3, args.runs // 6))
    print(f"answer: {ANSWER.parent.name}/{ANSWER.name}, {words} words")
    for name, times in (("cold review", cold), ("warm review", warm)):
        print(
            f"{name}: median {statistics.median(times):.1f} ms"
            f" (min {min(times):.1f}, max {max(times):.1f}, {len(times)} runs; target < 100 ms)"
        )
    print(
        f"CLI end to end (--format json): median {statistics.median(cli):.2f} s"
        f" (min {min(cli):.2f}, max {max(cli):.2f}, {len(cli)} runs; target < 1 s)"
    )


if __name__ == "__main__":
    main()

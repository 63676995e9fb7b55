"""Benchmark the reviewer: one warm process, then the CLI end to end.

Targets (issue 3): median under 100 ms per review of the primer's twitter answer in a warm
process, and the `tradeoff review --format json` command under 1 s end to end.
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
from tradeoff.review import review_design

ANSWER = Path(__file__).resolve().parents[1] / "tests/data/calibration/primer/twitter.md"


def warm_review_ms(runs: int) -> list[float]:
    catalog = default_catalog()
    review_design(load_design(ANSWER), catalog, "news-feed")  # warm caches and imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        review_design(load_design(ANSWER), catalog, "news-feed")
        times.append((time.perf_counter() - start) * 1000)
    return times


def cli_seconds(runs: int) -> list[float]:
    """Median of repeated runs of the installed command, as a user runs it: with Python's
    bytecode cache allowed (some sandboxes set PYTHONDONTWRITEBYTECODE, which would make
    every run recompile the package) and after one run that fills it."""
    script = Path(sys.executable).parent / "tradeoff"
    command = [str(script), "review", str(ANSWER), "--problem", "news-feed", "--format", "json"]
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
    warm = warm_review_ms(args.runs)
    cli = cli_seconds(max(3, args.runs // 6))
    print(f"answer: {ANSWER.name}, {words} words")
    print(
        f"warm review: median {statistics.median(warm):.1f} ms"
        f" (min {min(warm):.1f}, max {max(warm):.1f}, {len(warm)} runs; target < 100 ms)"
    )
    print(
        f"CLI end to end (--format json): median {statistics.median(cli):.2f} s"
        f" (min {min(cli):.2f}, max {max(cli):.2f}, {len(cli)} runs; target < 1 s)"
    )


if __name__ == "__main__":
    main()

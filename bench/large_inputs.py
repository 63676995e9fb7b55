"""Benchmark the reviewer on huge designs: time and peak memory per generated input.

Target (issue 11): each input, up to the 2 MB design limit, reviews in under 5 s and under
500 MB of peak memory. Inputs are generated here, not stored: an ordinary design (headings,
prose, lists, tables, Mermaid) grown to 2 MB, the same prose as a single 2 MB line, a
Mermaid chain of 100,000 nodes, and a table of 100,000 rows. Each input is reviewed in its
own process, as `tradeoff review FILE --format json` would (load, review, render JSON);
memory is that process's peak resident set (getrusage), so the interpreter, the catalog
and the parse all count. CPU seconds are printed beside wall seconds: on a shared machine
the wall clock also counts other processes. "read" is how much of the input the review read:
a design over REVIEW_CHARS characters (design/bounded.py) is reviewed on its first part, and
the review says so.
Run: python bench/large_inputs.py [--case NAME ...] [--timeout 300] [--whole]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LIMIT = 2 * 1024 * 1024  # the design loader's size limit (design/load.py MAX_BYTES)
TARGET_SECONDS = 5.0
TARGET_MB = 500.0
CHAIN_NODES = 100_000
TABLE_ROWS = 100_000


def _block(i: int) -> str:
    """One section of an ordinary design; `i` varies names and figures between copies."""
    return f"""## Part {i}: ingest service {i}

### Requirements
- Users upload up to {i % 90 + 10} photos a day; reads outnumber writes 20:1.
- The feed must load in under 200 ms at p99, and uploads must never be lost.

### Capacity
{i % 50 + 5}K QPS x 2 KB = {(i % 50 + 5) * 2} MB/s of writes at peak, because evenings
double the mean. Storage grows by 10M photos/day x 500 KB = 5 TB/day.

| Component | Instances | Reason |
|---|---|---|
| api-{i} | 6 | stateless, behind the load balancer |
| cache-{i} | 3 | Redis holds the hot feed pages, since reads dominate |
| db-{i} | 3 | Postgres primary with two replicas for failover |

We chose Kafka over a direct write because the queue absorbs bursts; the cost is a second
of lag before a follower sees a post. If the primary fails, a replica is promoted within
30 s and we alert on replication lag above 5 s.

```mermaid
flowchart LR
  C{i}[Client] --> LB{i}[Load balancer]
  LB{i} --> API{i}[API servers]
  API{i} --> R{i}[(Redis cache)]
  API{i} --> Q{i}[[Kafka queue]]
  Q{i} --> W{i}[Workers]
  W{i} --> D{i}[(Postgres)]
```

"""


def ordinary() -> str:
    parts = ["# Photo sharing service\n\n"]
    size = len(parts[0])
    i = 0
    while True:
        block = _block(i)
        if size + len(block.encode()) > LIMIT:
            return "".join(parts)
        parts.append(block)
        size += len(block.encode())
        i += 1


def single_line() -> str:
    """The ordinary design's words with every line break turned into a space."""
    text = " ".join(ordinary().split("\n"))
    return text[: LIMIT - 1] + "\n"


def mermaid_chain() -> str:
    chain = " --> ".join(f"A{n}" for n in range(CHAIN_NODES))
    return f"# Chain\n\n```mermaid\nflowchart LR\n  {chain}\n```\n"


def big_table() -> str:
    rows = "".join(f"| s{n} | {n} |\n" for n in range(TABLE_ROWS))
    return f"# Table\n\n## Capacity\n\n| Service | QPS |\n|---|---|\n{rows}"


CASES: dict[str, Callable[[], str]] = {
    "ordinary-2mb": ordinary,
    "single-line-2mb": single_line,
    "mermaid-chain-100k": mermaid_chain,
    "table-100k-rows": big_table,
}


def child(path: Path, whole: bool) -> None:
    """Review one file and print seconds and peak memory as JSON (runs in its own process)."""
    from tradeoff.design import bounded

    if whole:  # measure the review of the whole text, as if no design were too long
        bounded.REVIEW_CHARS = LIMIT
    from tradeoff.catalog import default_catalog
    from tradeoff.design import load_design
    from tradeoff.review import review_design
    from tradeoff.review.report import to_json

    catalog = default_catalog()
    start, cpu = time.perf_counter(), time.process_time()
    review = review_design(load_design(path), catalog, None)
    to_json(review)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    found = len(review.findings)
    whole = len(path.read_text(encoding="utf-8"))
    read = review.unread.chars if review.unread is not None else whole
    print(
        json.dumps(
            {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "findings": found, "read": read}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per case")
    parser.add_argument(
        "--whole",
        action="store_true",
        help="review every input whole (no bounded review): what per-claim work costs",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.whole)
        return
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for name in args.case or list(CASES):
            path = Path(folder) / f"{name}.md"
            path.write_text(CASES[name](), encoding="utf-8")
            size_mb = path.stat().st_size / 1_048_576
            command = [sys.executable, __file__, "--child", str(path)]
            command += ["--whole"] if args.whole else []
            try:
                done = subprocess.run(
                    command, capture_output=True, text=True, timeout=args.timeout, check=True
                )
            except subprocess.TimeoutExpired:
                print(f"{name:20} {size_mb:4.2f} MB  over {args.timeout:.0f} s  FAIL")
                failed = True
                continue
            result = json.loads(done.stdout)
            ok = result["seconds"] < TARGET_SECONDS and result["peak_mb"] < TARGET_MB
            failed |= not ok
            print(
                f"{name:20} {size_mb:4.2f} MB  {result['seconds']:6.2f} s"
                f" ({result['cpu']:.2f} s CPU)"
                f"  {result['peak_mb']:6.0f} MB peak  {result['findings']:3} findings"
                f"  read {result['read'] / 1024:5.0f}K chars"
                f"  {'ok' if ok else 'FAIL'} (target < {TARGET_SECONDS:g} s, < {TARGET_MB:g} MB)"
            )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

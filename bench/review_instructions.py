"""Instructions executed by one cold review, counted by callgrind: a figure that a machine
shared with other work does not move, unlike the times of bench/review_speed.py.

The script runs itself under `valgrind --tool=callgrind`: the child loads the catalog,
reviews the answer once (imports, term tables, the literal screen), clears the per-claim
caches and the other caches keyed by its text (`tradeoff.text_caches`; the claims are then
read anew, remembering nothing), and reviews it again between
two calls of `os.getppid`, at each of which callgrind dumps its counters; the middle part
is the cold review alone. Under valgrind this takes a
minute or two. The answer is bench/review_speed.py's (the judged set's longest).
Run: python bench/review_instructions.py [--answer PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ANSWER = (
    Path(__file__).resolve().parents[1]
    / "tests/data/calibration/judged/answers/rag-search-assistant/claude-sonnet-4.6.md"
)


def child(answer: Path) -> None:
    """The measured process: warm up, then one cold review between two markers."""
    from tradeoff.catalog import default_catalog
    from tradeoff.design import load_design
    from tradeoff.language.evidence import clear_cache
    from tradeoff.review import review_design

    catalog = default_catalog()
    review_design(load_design(answer), catalog, None)
    clear_cache()
    os.getppid()  # marker: callgrind dumps the counters so far
    review_design(load_design(answer), catalog, None)
    os.getppid()


def count(answer: Path) -> int:
    """Instructions of the part between the markers."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            "--dump-before=os_getppid*",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--child",
            "--answer",
            str(answer),
        ]
        subprocess.run(command, check=True, capture_output=True)
        parts = sorted(Path(folder).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
        if len(parts) < 2:
            raise SystemExit("callgrind wrote no part for the review (was os_getppid renamed?)")
        for line in parts[1].read_text(encoding="utf-8").splitlines():
            if line.startswith("summary:"):
                return int(line.split()[1])
    raise SystemExit("callgrind's part for the review has no summary line")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answer", type=Path, default=ANSWER)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.answer)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    words = len(args.answer.read_text(encoding="utf-8").split())
    total = count(args.answer)
    print(f"answer: {args.answer.parent.name}/{args.answer.name}, {words} words")
    print(f"cold review: {total / 1e6:.0f}M instructions (callgrind)")


if __name__ == "__main__":
    main()

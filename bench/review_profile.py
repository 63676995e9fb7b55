"""Where a cold review's time goes, by sampling the Python stack on a CPU-time timer.

cProfile charges its own cost to every call it sees, so a function called 14,000 times a
review (the literal screen's `search`) looks several times dearer than it is, and the
profile of a review (about 360 ms under cProfile, 140 ms without) no longer says where the
time goes. A sampler leaves each call's cost as it is: every `--interval` seconds of CPU
time (`ITIMER_PROF`) it records the Python stack, and a function's share of the samples is
its share of the time. Native code (a regex search, the Aho-Corasick pass) is charged to the
Python function that called it.

It prints each function's share of the samples with it on the stack (inclusive) and at the
top (exclusive), over `--runs` cold reviews of bench/review_speed.py's answer (each after
`clear_cache`, as that benchmark's cold review is); `--under NAME` prints instead what the
functions called from one function (given as printed, "file.py:name:line") take of it.
Unix only (`signal.setitimer`).
Run: python bench/review_profile.py [--runs 30] [--top 40] [--under evidence.py:_features:768]
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections import Counter
from pathlib import Path
from types import FrameType

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.language.evidence import clear_cache
from tradeoff.review import review_design

sys.path.insert(0, str(Path(__file__).resolve().parent))
from review_speed import ANSWER  # the same answer as the timing benchmark


def _name(frame: FrameType) -> str:
    code = frame.f_code
    return f"{Path(code.co_filename).name}:{code.co_name}:{code.co_firstlineno}"


def _stack(frame: FrameType | None) -> list[str]:
    """The names of the frames from the top of the stack down."""
    names = []
    while frame is not None:
        names.append(_name(frame))
        frame = frame.f_back
    return names


def sample(runs: int, interval: float) -> list[list[str]]:
    """The stacks sampled during `runs` cold reviews."""
    catalog = default_catalog()
    review_design(load_design(ANSWER), catalog, None)  # imports, catalog and term tables
    stacks: list[list[str]] = []

    def record(_signum: int, frame: FrameType | None) -> None:
        stacks.append(_stack(frame))

    previous = signal.signal(signal.SIGPROF, record)
    try:
        for _ in range(runs):
            clear_cache()
            signal.setitimer(signal.ITIMER_PROF, interval, interval)
            review_design(load_design(ANSWER), catalog, None)
            signal.setitimer(signal.ITIMER_PROF, 0, 0)
    finally:
        signal.signal(signal.SIGPROF, previous)
    return stacks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--interval", type=float, default=0.0003)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--under", default=None)
    args = parser.parse_args()
    stacks = sample(args.runs, args.interval)
    total = len(stacks) or 1
    print(f"{len(stacks)} samples over {args.runs} cold reviews of {ANSWER.name}")
    if args.under:
        children: Counter[str] = Counter()
        for names in stacks:
            if args.under in names:
                at = names.index(args.under)
                children[names[at - 1] if at else "(itself)"] += 1
        print(f"{args.under}: {100 * sum(children.values()) / total:.1f}% of the samples")
        for name, count in children.most_common(args.top):
            print(f"{100 * count / total:6.1f}%  {name}")
        return
    inclusive: Counter[str] = Counter()
    exclusive: Counter[str] = Counter()
    for names in stacks:
        if names:
            exclusive[names[0]] += 1
        inclusive.update(set(names))
    print("inclusive (on the stack):")
    for name, count in inclusive.most_common(args.top):
        print(f"{100 * count / total:6.1f}%  {name}")
    print("exclusive (at the top, with the native code it called):")
    for name, count in exclusive.most_common(args.top):
        print(f"{100 * count / total:6.1f}%  {name}")


if __name__ == "__main__":
    main()

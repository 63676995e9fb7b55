"""What `tradeoff.immutable.immutable` saves: a token made by a frozen dataclass against one
made by the plain slots dataclass the decorator builds (frozen to the type checker only),
and the estimate grammar's tokens of every line of the longest judged answer, made cold.

A frozen dataclass's `__init__` sets each field with `object.__setattr__`, a call per field;
a token has eleven. Run: python bench/token_init.py
"""

from __future__ import annotations

import statistics
import time
import timeit
from dataclasses import dataclass
from pathlib import Path

from tradeoff.estimate import grammar
from tradeoff.estimate.grammar import Token, Unit

ANSWER = (
    Path(__file__).resolve().parents[1]
    / "tests/data/calibration/judged/answers/rag-search-assistant/claude-sonnet-4.6.md"
)


@dataclass(frozen=True, slots=True)
class FrozenToken:
    """`Token` as it was: the same fields, frozen at run time."""

    kind: str
    text: str
    start: int
    end: int
    value: float = 0.0
    unit: Unit | None = None
    op: str = ""
    power: bool = False
    scaled: bool = False
    percent: bool = False
    ambiguous: bool = False


def per_token_us(cls: type) -> float:
    runs = 200_000
    best = min(timeit.repeat(lambda: cls("word", "users", 10, 15), number=runs, repeat=5))
    return best / runs * 1e6


def main() -> None:
    print(f"frozen dataclass token:   {per_token_us(FrozenToken):.2f} µs")
    print(f"grammar.Token (immutable): {per_token_us(Token):.2f} µs")
    lines = [line for line in ANSWER.read_text(encoding="utf-8").splitlines() if line.strip()]
    tokenize = grammar._tokenize.__wrapped__  # uncached: each line read as if first seen
    times = []
    for _ in range(15):
        start = time.process_time()
        count = sum(len(tokenize(line)) for line in lines)
        times.append(time.process_time() - start)
    print(
        f"tokens of {len(lines)} lines ({count} tokens): "
        f"median {statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms CPU"
    )


if __name__ == "__main__":
    main()

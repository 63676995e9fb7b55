"""Whether a design writes capacity figures into its diagram; cheap, and free of numpy.

Callers (the review command, the interview report) test this before loading the simulator,
so a design without figures never pays for numpy's import.
"""

from __future__ import annotations

import re

# Capacity written into a diagram: "x4", "@ 2ms", "hit=0.9", "w=8", an "instances" column.
_FIGURES = re.compile(
    r"\bx\s?\d|\d\s?x\b|@\s*\d|\bhit\s*=|\b(?:w|workers|r|replicas)\s*=\s*\d"
    r"|\|\s*instances\s*\|",
    re.I,
)


def carries_figures(text: str) -> bool:
    return _FIGURES.search(text) is not None

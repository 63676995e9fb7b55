"""The one pint unit registry, shared so quantities from different modules can be combined."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def registry() -> Any:
    """Build the registry once; pint is imported here because it costs ~0.5 s to set up and
    most commands (listing, reviewing prose) never need it."""
    import pint

    ureg: Any = pint.UnitRegistry()
    # Interview shorthand that pint does not know; plain counts stay dimensionless.
    ureg.define("request = 1 = req")
    ureg.define("QPS = request / second")
    return ureg


_SUFFIXES = ((1e15, "P"), (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"), (1.0, ""))


def human_number(value: float) -> str:
    """Three significant figures with interview suffixes: 3802.6 -> '3.8K', 6e9 -> '6B'."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    rounded = float(f"{value:.3g}")  # round first so 999.6 becomes 1K, not 1e+03
    magnitude = abs(rounded)
    if magnitude < 1 or magnitude >= 1e18:
        return f"{rounded:.3g}"
    for threshold, suffix in _SUFFIXES:
        if magnitude >= threshold:
            return f"{rounded / threshold:.3g}{suffix}"
    raise AssertionError("unreachable: the last threshold is 1")

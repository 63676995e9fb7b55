"""The one pint unit registry, shared so quantities from different modules can be combined."""

from __future__ import annotations

import gc
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def registry() -> Any:
    """Build the registry once, lazily: most commands (listing, reviewing prose) never need it.

    Parsing pint's definition files takes about half a second; pint caches the parsed form
    in the user's cache folder, which brings later starts to a few tens of milliseconds.
    The registry is then frozen out of the garbage collector's view: it is a large graph
    that lives as long as the process and would otherwise be walked by every collection.
    """
    import pint

    folder = _cache_folder()
    ureg: Any
    try:
        ureg = pint.UnitRegistry(filename=_definitions(pint, folder), cache_folder=folder)
    except Exception:  # an unwritable or stale cache must never stop the calculation
        ureg = pint.UnitRegistry(filename=_definitions(pint, None))
    # Interview shorthand that pint does not know; plain counts stay dimensionless.
    ureg.define("request = 1 = req")
    ureg.define("QPS = request / second")
    # Money is a dimension of its own here, so "$1.50/hr x 40 x 720 h" stays dollars through
    # every step; the reviewer's `dims.Q` counts it as a plain number (grammar.Algebra.money).
    ureg.define("USD = [currency] = dollar")
    gc.freeze()
    return ureg


def _definitions(pint: Any, folder: Path | None) -> str:
    """pint's definitions with information as a dimension of its own.

    pint defines `bit = []`, which makes a byte a plain number: a derivation that forgets
    the record size would still "convert" to TB. Estimates are mostly about bytes, so we
    load pint's own file with that one line changed (written once, next to its import).
    """
    source = Path(pint.__file__).parent
    text = (source / "default_en.txt").read_text(encoding="utf-8")
    if "\nbit = []\n" not in text:
        return str(source / "default_en.txt")
    target = (folder or Path(tempfile.gettempdir()) / "tradeoff-units") / f"pint-{pint.__version__}"
    patched = target / "default_en.txt"
    if not patched.exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / "constants_en.txt", target / "constants_en.txt")
        partial = target / "default_en.txt.tmp"
        partial.write_text(text.replace("\nbit = []\n", "\nbit = [information]\n"), "utf-8")
        partial.replace(patched)
    return str(patched)


def _cache_folder() -> Path | None:
    try:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("tradeoff")) / "pint"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except Exception:
        return None


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

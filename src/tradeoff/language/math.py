"""Inline LaTeX maths read as the plain arithmetic it typesets.

Some answers write their estimates in TeX: `$100\\text{k RPS} \\times 1\\text{ MB} =
100\\text{ GB/s}$`, or `$\\frac{500 \\times 10^6}{30 \\times 24 \\times 3600} \\approx 193$`.
A reader sees "100k RPS × 1 MB = 100 GB/s"; the estimate grammar saw backslashes and
braces and read no quantity at all, so the capacity a candidate worked out was reported
missing. Only text between dollar signs that holds a TeX command is rewritten; everything
else is returned as it is (the same object, so callers can tell nothing changed).
"""

from __future__ import annotations

import re

# $...$ or $$...$$ holding at least one backslash command or braced exponent.
_MATH = re.compile(r"\$\$?([^$]*?(?:\\[A-Za-z]|\^\{)[^$]*?)\$\$?")
_WRAPPERS = re.compile(r"\\(?:text|mathrm|mathbf|textbf|mathit|operatorname|textit)\s*\{([^{}]*)\}")
_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_POWER = re.compile(r"\^\{([^{}]*)\}")
_SYMBOLS: dict[str, str] = {
    "times": "×",
    "cdot": "×",
    "approx": "≈",
    "sim": "~",
    "simeq": "≈",
    "rightarrow": "→",
    "to": "→",
    "Rightarrow": "→",
    "implies": "→",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "div": "/",
    "%": "%",
    ",": "",
    ";": " ",
    ":": " ",
    "!": "",
    " ": " ",
    "quad": " ",
    "qquad": " ",
    "left": "",
    "right": "",
}
_COMMAND = re.compile(r"\\([A-Za-z]+|[%,;:! ])")
_BRACES = re.compile(r"[{}]")


def _symbol(match: re.Match[str]) -> str:
    name = match.group(1)
    replacement = _SYMBOLS.get(name)
    if replacement is None:
        return name  # an unknown command keeps its name: "\mu s" reads as "mu s"
    return f" {replacement} " if replacement.strip() and len(replacement) == 1 else replacement


def _plain(body: str) -> str:
    for _ in range(4):  # nested wrappers and fractions, innermost first
        rewritten = _WRAPPERS.sub(r"\1", body)
        rewritten = _FRAC.sub(r"(\1) / (\2)", rewritten)
        if rewritten == body:
            break
        body = rewritten
    body = _POWER.sub(r"^\1", body)
    body = _COMMAND.sub(_symbol, body)
    body = _BRACES.sub("", body)
    return re.sub(r"\s+", " ", body).strip()


def plain_math(text: str) -> str:
    """`text` with each inline TeX formula replaced by its plain arithmetic."""
    if "$" not in text or ("\\" not in text and "^{" not in text):
        return text
    return _MATH.sub(lambda m: _plain(m.group(1)), text)

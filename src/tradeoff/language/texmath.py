"""TeX math read as the plain arithmetic it writes.

Model-written answers often typeset their estimates: `$\\frac{500 \\times 10^6}{30 \\times
24 \\times 3600} \\approx 193$ requests/sec`, `$50\\text{M} \\times 200\\text{ bytes} \\approx
10\\text{ GB/day}$`, `\\[ \\frac{1 \\times 10^9}{86\\,400} ≈ 11\\,574 \\text{ writes/s} \\]`.
The quantity grammar reads "500M × 200 bytes ≈ 10 GB/day", not `\\times` or `\\text{ GB`;
untranslated, a page of worked estimates reads as no estimate at all. `plain_math` rewrites
the math of a line (between `$...$`, `$$...$$`, `\\(...\\)` or `\\[...\\]`, or a line
of a display formula whose delimiters stand on lines of their own) into that plain form
and leaves every other character alone; text without math comes back unchanged (the same
object), so callers can tell whether a line was rewritten.

A `$` is math only as Pandoc reads it: the opening one followed by a non-space, the
closing one preceded by a non-space and not followed by a digit. "costs $5 and $10 a
month" holds no math.
"""

from __future__ import annotations

import re

# Inline math as Pandoc delimits it, display math, and the LaTeX bracket forms.
_MATH = re.compile(
    r"\$\$(?P<display>.+?)\$\$"
    r"|(?<![\\$])\$(?=\S)(?P<inline>[^$\n]*?[^\s\\])\$(?!\d)"
    r"|\\\[(?P<bracket>.+?)\\\]"
    r"|\\\((?P<paren>.+?)\\\)",
)
# Commands whose argument is the text itself.
_WRAPPER = re.compile(
    r"\\(?:text|textrm|textbf|textit|mathrm|mathbf|mathit|mathsf|mathtt|operatorname|mbox"
    r"|boldsymbol|bm)\s*\{([^{}]*)\}"
)
_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_SQRT = re.compile(r"\\sqrt\s*\{([^{}]*)\}")
_POWER = re.compile(r"\^\s*\{([^{}]*)\}")
# A thin space between digit groups is a thousands separator: "86\,400".
_DIGIT_SPACE = re.compile(r"(?<=\d)\\[,;:! ](?=\d{3}\b)")
_SYMBOLS: dict[str, str] = {
    "times": "×",
    "cdot": "×",
    "ast": "*",
    "div": "/",
    "approx": "≈",
    "simeq": "≈",
    "sim": "~",
    "eq": "=",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "lt": "<",
    "gt": ">",
    "ll": "<<",
    "gg": ">>",
    "to": "→",
    "rightarrow": "→",
    "Rightarrow": "→",
    "implies": "→",
    "%": "%",
    "$": "$",
    "left": "",
    "right": "",
    "quad": " ",
    "qquad": " ",
}
_COMMAND = re.compile(r"\\([A-Za-z]+|[%$,;:! ])")
# A line of a display formula whose delimiters stand on lines of their own ("\\[" above,
# "\\]" below): no delimiter, but commands only math uses.
_BARE = re.compile(r"\\(?:[dt]?frac|times|cdot|approx|text|mathrm|mathbf)\b")


def _symbol(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _SYMBOLS:
        return _SYMBOLS[name]
    if name in ",;:! ":
        return " "
    return name  # "\log", "\mu": the word itself


def _plain_formula(formula: str) -> str:
    """One formula's plain arithmetic: wrappers unwrapped, fractions as divisions,
    operators as the symbols the quantity grammar reads, braces dropped."""
    text = _DIGIT_SPACE.sub(",", formula)
    for _ in range(4):  # nested arguments, innermost first: \frac{\text{1 B}}{86\,400}
        before = text
        text = _WRAPPER.sub(r"\1", text)
        text = _FRAC.sub(r"(\1) / (\2)", text)
        text = _SQRT.sub(r"sqrt(\1)", text)
        text = _POWER.sub(r"^\1", text)
        if text == before:
            break
    text = _COMMAND.sub(_symbol, text)
    text = text.replace("{", "").replace("}", "")
    return re.sub(r"\s{2,}", " ", text).strip()


def _replace(match: re.Match[str]) -> str:
    formula = next(g for g in match.groups() if g is not None)
    return _plain_formula(formula)


def plain_math(text: str) -> str:
    """`text` with each TeX formula rewritten as plain arithmetic; `text` itself when it
    holds none."""
    if "\\" not in text and "$" not in text:
        return text
    found = _MATH.sub(_replace, text)
    if found == text and _BARE.search(text):
        indent = text[: len(text) - len(text.lstrip())]
        found = indent + _plain_formula(text.strip())
    return found if found != text else text


def has_math(text: str) -> bool:
    """Whether `text` holds a TeX formula `plain_math` would rewrite."""
    return plain_math(text) is not text

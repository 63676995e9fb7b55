"""`tradeoff estimate`: a unit-aware calculator that reads interview shorthand and shows steps.

"100M DAU x 10 reads / day" is 11.6K requests/s; "500M x 1 KB over 5 years" is a storage
total; "20K QPS / 2K QPS per server" is 10 servers. Expressions are evaluated with pint,
with the usual precedence, and every multiplication or division is recorded as a step.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from tradeoff.errors import TradeoffError
from tradeoff.estimate.quantities import _UNIT_WORDS, TOKEN, parse_number
from tradeoff.units import human_number, registry

_RATE_WORDS = {"daily": "1/day", "monthly": "1/month", "yearly": "1/year", "hourly": "1/hour"}
_CAPACITY_WORDS = re.compile(r"^(server|servers|node|nodes|machine|machines|instance|instances"
                             r"|host|hosts|box|boxes|shard|shards|worker|workers|partition"
                             r"|partitions|core|cores)$", re.I)  # fmt: skip


class EstimateError(TradeoffError):
    """An expression the calculator cannot read; the message names the token."""


@dataclass
class Calculation:
    expression: str
    value: Any  # pint Quantity
    steps: list[str] = field(default_factory=list)
    servers: int | None = None  # set when the last division was by a per-server capacity

    @property
    def unit(self) -> str:
        """A unit string pint can parse back ('1 / second', 'terabyte')."""
        return "dimensionless" if self.value.dimensionless else str(self.value.units)

    def human(self) -> str:
        if self.servers is not None:
            return f"{self.servers:,} servers ({human_number(float(self.value.magnitude))} exactly)"
        return humanize(self.value)

    def to_json(self) -> dict[str, Any]:
        return {
            "expression": self.expression,
            "value": float(self.value.magnitude),
            "unit": self.unit,
            "human": self.human(),
            "steps": list(self.steps),
        }


@dataclass
class _Token:
    kind: str  # num, unit, op, word, capacity
    value: Any
    text: str


def calculate(expression: str) -> Calculation:
    """Evaluate `expression`; raise EstimateError naming the first token it cannot read."""
    if not expression.strip():
        raise EstimateError('empty expression; try: tradeoff estimate "100M DAU x 10 / day"')
    tokens = _tokenize(expression)
    # "peak x 2 x 11.6K QPS": a leading label and its operator start the chain.
    while tokens and tokens[0].kind == "word":
        tokens.pop(0)
    if len(tokens) > 1 and tokens[0].kind == "op" and tokens[0].value == "*":
        tokens.pop(0)
    parser = _Parser(tokens, expression)
    value = parser.expression()
    if parser.position < len(tokens):
        raise _unreadable(tokens[parser.position].text)
    ureg = registry()
    if not isinstance(value, ureg.Quantity):
        value = ureg.Quantity(value, "")
    result = Calculation(expression, _simplify(value), parser.steps)
    if parser.per_server and result.value.dimensionless:
        result.servers = math.ceil(round(float(result.value.to("").magnitude), 9))
    return result


def _unreadable(token: str) -> EstimateError:
    return EstimateError(
        f"could not read {token!r}; write numbers like 10M, 1.5B or 2^32, units like GB, /day,"
        " QPS or Mbps, and operators x, /, +, -, per, over"
    )


def _tokenize(expression: str) -> list[_Token]:
    ureg = registry()
    tokens: list[_Token] = []
    words = expression.replace("×", " x ").replace("÷", " / ")
    for match in TOKEN.finditer(words):
        text = match.group(0)
        if match.group("num") is not None:
            tokens.append(_Token("num", parse_number(match), text))
        elif match.group("op") is not None:
            op = text.lower()
            if op in ("x", "*", "times", "of"):
                tokens.append(_Token("op", "*", text))
            elif op in ("/", "per", "a", "an", "each"):
                tokens.append(_Token("op", "/", text))
            elif op == "over":
                tokens.append(_Token("op", "over", text))
            elif op.startswith("divided"):
                tokens.append(_Token("op", "/", text))
            else:
                tokens.append(_Token("op", op, text))
        elif match.group("word") is not None:
            spec = _unit_spec(text)
            if spec is not None:
                tokens.append(_Token("unit", ureg.Quantity(1, spec), text))
            elif _CAPACITY_WORDS.match(text):
                tokens.append(_Token("capacity", None, text))
            else:
                tokens.append(_Token("word", None, text))  # DAU, reads, replicas, peak
        elif text == "%" and tokens and tokens[-1].kind == "num":
            tokens[-1] = _Token("num", tokens[-1].value / 100, tokens[-1].text + "%")
        elif text == "^" or text == "=":
            raise _unreadable(text)
        else:
            raise _unreadable(text)
    return tokens


def _unit_spec(word: str) -> str | None:
    lowered = word.lower()
    if lowered in _RATE_WORDS:
        return _RATE_WORDS[lowered]
    if "/" in lowered:
        top, bottom = lowered.split("/", 1)
        top_spec = _UNIT_WORDS.get(top) if top not in ("req", "reqs", "requests") else None
        bottom_spec = _UNIT_WORDS.get(bottom)
        if bottom_spec is None:
            return None
        return f"({_pint(top_spec) if top_spec else '1'}) / ({_pint(bottom_spec)})"
    spec = _UNIT_WORDS.get(lowered)
    return _pint(spec) if spec else None


def _pint(spec: str) -> str:
    return "1" + spec if spec.startswith("/") else spec


class _Parser:
    """Recursive descent with precedence: (+ -) < (* / over) < a number with its unit."""

    def __init__(self, tokens: list[_Token], expression: str) -> None:
        self.tokens = tokens
        self.position = 0
        self.steps: list[str] = []
        self.per_server = False
        self.expression_text = expression

    def peek(self) -> _Token | None:
        while self.position < len(self.tokens) and self.tokens[self.position].kind == "word":
            self.position += 1  # words name what is counted: "100M DAU", "x 3 replicas"
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def expression(self) -> Any:
        value = self.term()
        while (token := self.peek()) is not None and token.kind == "op" and token.value in "+-":
            self.position += 1
            right = self.term()
            value = self._apply(value, token.value, right)
        return value

    def term(self) -> Any:
        value = self.factor()
        while (token := self.peek()) is not None:
            if token.kind == "unit":  # "86400 s", "... per day" handled below; a trailing unit
                self.position += 1
                value = self._apply(value, "*", token.value, shown=token.text)
                continue
            if token.kind != "op" or token.value not in ("*", "/", "over"):
                break
            self.position += 1
            following = self.peek()
            if token.value == "/" and following is not None and following.kind == "capacity":
                self.position += 1  # "2K QPS per server": the divisor was a capacity
                self.per_server = True
                continue
            if token.value == "/" and following is not None and following.kind == "unit":
                self.position += 1  # "per day", "/s", "a month"
                value = self._apply(value, "/", following.value, shown=following.text)
                continue
            right = self.factor()
            if token.value == "over":
                # "over 5 years" turns a rate into a total; "over 86400" divides.
                op = "*" if _is_duration(right) else "/"
                if op == "*" and not _is_rate(value):
                    raise EstimateError(
                        f"'over {_show(right)}' needs a rate on its left, such as 1.5B/year"
                        " or 500 GB/day; the left side here is not per anything"
                    )
            else:
                op = token.value
            if self._capacity_follows():
                self.per_server = op == "/"
            value = self._apply(value, op, right)
        return value

    def _capacity_follows(self) -> bool:
        """'... / 2K QPS per server': consume 'per server' after a divisor."""
        if self.position + 1 < len(self.tokens):
            first, second = self.tokens[self.position], self.tokens[self.position + 1]
            if first.kind == "op" and first.value == "/" and second.kind == "capacity":
                self.position += 2
                return True
        return False

    def factor(self) -> Any:
        token = self.peek()
        if token is None:
            raise EstimateError(
                f"{self.expression_text!r} ends where a number was expected; finish the expression"
            )
        self.position += 1
        if token.kind == "op" and token.value == "(":
            inner = self.expression()
            closing = self.peek()
            if closing is None or closing.kind != "op" or closing.value != ")":
                raise EstimateError("a '(' is never closed; add the ')'")
            self.position += 1
            return inner
        if token.kind == "op" and token.value == "-":
            return -self.factor()
        if token.kind == "num":
            following = self.peek()
            if following is not None and following.kind == "unit":
                self.position += 1
                return token.value * following.value
            return token.value
        if token.kind == "unit":
            return token.value
        raise _unreadable(token.text)

    def _apply(self, left: Any, op: str, right: Any, shown: str | None = None) -> Any:
        try:
            result = {
                "*": lambda a, b: a * b,
                "/": lambda a, b: a / b,
                "+": lambda a, b: a + b,
                "-": lambda a, b: a - b,
            }[op](left, right)
        except ZeroDivisionError:
            raise EstimateError("division by zero") from None
        except Exception as exc:  # pint refuses to add seconds to bytes
            raise EstimateError(f"cannot combine these units: {exc}") from None
        result = _simplify(result)
        symbol = {"*": "×", "/": "÷", "+": "+", "-": "−"}[op]
        right_text = shown or _show(right)
        self.steps.append(f"{_show(left)} {symbol} {right_text} = {humanize(result)}")
        return result


def _is_rate(value: Any) -> bool:
    ureg = registry()
    return isinstance(value, ureg.Quantity) and value.dimensionality.get("[time]") == -1


def _is_duration(value: Any) -> bool:
    ureg = registry()
    return isinstance(value, ureg.Quantity) and value.dimensionality == {"[time]": 1}


def _simplify(value: Any) -> Any:
    """Cancel units that cancel (requests/s × s), and prefer bytes to bits for sizes."""
    ureg = registry()
    if not isinstance(value, ureg.Quantity):
        return value
    simplified = value.to_reduced_units()
    dims = dict(simplified.dimensionality)
    if not dims:
        return simplified.to("")
    return simplified


def _show(value: Any) -> str:
    ureg = registry()
    if isinstance(value, ureg.Quantity):
        return humanize(value)
    return human_number(float(value))


_DATA_UNITS = ("B", "kB", "MB", "GB", "TB", "PB", "EB")


def humanize(value: Any) -> str:
    """A quantity in the units an interviewer uses: requests/s, GB/day, TB, Gbit/s, hours."""
    ureg = registry()
    if not isinstance(value, ureg.Quantity):
        return human_number(float(value))
    dims = dict(value.dimensionality)
    if not dims:
        return human_number(float(value.to("").magnitude))
    if dims == {"[time]": -1}:
        per_second = float(value.to("1/s").magnitude)
        per_day = float(value.to("1/day").magnitude)
        if abs(per_second) < 1:
            return f"{human_number(per_day)}/day ({human_number(per_second)}/s)"
        return f"{human_number(per_second)}/s ({human_number(per_day)}/day)"
    if dims == {"[information]": 1}:
        return _bytes(float(value.to("byte").magnitude))
    if dims == {"[information]": 1, "[time]": -1}:
        per_second = float(value.to("byte/s").magnitude)
        bits = float(value.to("Gbit/s").magnitude)
        per_day = float(value.to("byte/day").magnitude)
        link = f" = {human_number(bits)} Gbit/s" if abs(bits) >= 0.1 else ""
        return f"{_bytes(per_second)}/s{link} ({_bytes(per_day)}/day)"
    if dims == {"[time]": 1}:
        return _duration(float(value.to("s").magnitude))
    return f"{human_number(float(value.magnitude))} {value.units:~P}"


def _bytes(count: float) -> str:
    index = 0
    while index < len(_DATA_UNITS) - 1 and abs(count) >= 1000:
        count /= 1000
        index += 1
    return f"{human_number(count)} {_DATA_UNITS[index]}"


def _duration(seconds: float) -> str:
    for name, size in (("years", 31_557_600), ("days", 86_400), ("hours", 3_600), ("minutes", 60)):
        if abs(seconds) >= size:
            return f"{human_number(seconds / size)} {name}"
    if abs(seconds) >= 1:
        return f"{human_number(seconds)} s"
    return f"{human_number(seconds * 1000)} ms"

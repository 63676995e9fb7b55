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
from tradeoff.estimate.grammar import GrammarError, Token, Unit, evaluate, is_currency, tokenize
from tradeoff.units import human_number, registry


class EstimateError(TradeoffError):
    """An expression the calculator cannot read; the message names the token."""


@dataclass
class Calculation:
    expression: str
    value: Any  # pint Quantity
    steps: list[str] = field(default_factory=list)
    servers: int | None = None  # set when the last division was by a per-server capacity
    target: Unit | None = None  # "in MB/s": the unit asked for
    notes: list[str] = field(default_factory=list)  # how a shorthand was read, said aloud

    @property
    def unit(self) -> str:
        """A unit string pint can parse back ('1 / second', 'terabyte')."""
        return "dimensionless" if self.value.dimensionless else str(self.value.units)

    def human(self) -> str:
        if self.servers is not None:
            return f"{self.servers:,} servers ({human_number(float(self.value.magnitude))} exactly)"
        if self.target is not None:
            number = human_number(float(self.value.magnitude))
            if self.target.word.startswith("$"):  # "in $/month": "$43.2K/month"
                return f"${number}{self.target.word[1:]}"
            return f"{number} {self.target.word}"
        return humanize(self.value)

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "expression": self.expression,
            "value": float(self.value.magnitude),
            "unit": self.unit,
            "human": self.human(),
            "steps": list(self.steps),
        }
        if self.notes:  # only when a shorthand was read one way of two
            found["notes"] = list(self.notes)
        return found


class _PintAlgebra:
    """Evaluation over pint, so any unit conversion the user asks for is pint's."""

    def unit(self, found: Unit) -> Any:
        ureg = registry()
        spec = found.pint
        return ureg.Quantity(1, "1" + spec if spec.startswith("/") else spec)

    def kind(self, value: Any) -> tuple[int, int] | None:
        ureg = registry()
        if not isinstance(value, ureg.Quantity):
            return (0, 0)
        dims = dict(value.dimensionality)
        if set(dims) - {"[time]", "[information]", "[currency]"}:
            return None  # dollars are carried along: "$500/day" is a rate for "over 5 years"
        return (int(dims.get("[time]", 0)), int(dims.get("[information]", 0)))

    def convert(self, value: Any, target: Unit) -> Any:
        ureg = registry()
        quantity = value if isinstance(value, ureg.Quantity) else ureg.Quantity(value, "")
        try:
            return quantity.to(target.pint)
        except Exception:
            hint = ""
            if _is_rate(quantity) and target.q.time == 0:
                # "2 TB/day x 365 x 5 in PB": the bare numbers multiplied a rate, which
                # stays a rate; a total needs a time.
                hint = (
                    f": it is still a rate; multiply it by a time to get {target.word}"
                    " (write the time with its unit: 'x 365 days', 'x 5 years')"
                )
            raise GrammarError(
                f"{humanize(quantity)} cannot be expressed in {target.word}{hint}"
            ) from None

    def money(self, amount: float) -> Any:
        return registry().Quantity(amount, "USD")


def calculate(expression: str) -> Calculation:
    """Evaluate `expression`; raise EstimateError naming the first token it cannot read.

    A bare count of a rate's period in a longer one right after the rate ("2 TB/day x 365",
    "x 30", "req/month x 12") is read as that many periods when the unit asked for is a
    total (PB, not PB/day) and the plain reading cannot give it; the reading is said in a
    note. Asked for a rate, or with any other number, it stays a plain factor."""
    try:
        return _calculate(expression)
    except EstimateError as error:
        if _STILL_A_RATE not in str(error):
            raise
        bare = _bare_period(tokenize(expression))
        if bare is None:
            raise
        number, period = bare
        written = f"{expression[: number.end]} {period}s{expression[number.end :]}"
        calculation = _calculate(written)
        calculation.expression = expression
        calculation.notes.append(
            f"read 'x {number.text}' after a rate per {period} as {number.text} {period}s;"
            f" write 'x {number.text} {period}s' to say so"
        )
        return calculation


_STILL_A_RATE = "it is still a rate"
# A rate's period, from its pint spelling ("(TB)/(day)", "1/(month)"), and the counts of
# that period in a longer one a candidate multiplies by without writing the unit.
_RATE_PERIOD = re.compile(r"/\(?(second|minute|hour|day|week|month)\)?$")
_PERIODS_IN_LONGER: dict[str, frozenset[float]] = {
    "second": frozenset({60, 3600, 86400}),
    "minute": frozenset({60, 1440}),
    "hour": frozenset({24}),
    "day": frozenset({7, 30, 31, 365, 366}),
    "week": frozenset({52}),
    "month": frozenset({12}),
}


def _bare_period(tokens: list[Token]) -> tuple[Token, str] | None:
    """The number right after the first rate ("TB/day x 365"), with the rate's period,
    when it is a count of that period in a longer one and no unit follows it."""
    for index, token in enumerate(tokens):
        if token.kind != "unit" or token.unit is None:
            continue
        period = _RATE_PERIOD.search(token.unit.pint)
        if period is None:
            continue
        following = tokens[index + 1 : index + 4]
        if len(following) < 2 or following[0].kind != "op" or following[0].op != "*":
            return None
        number = following[1]
        if number.kind != "num" or number.scaled or number.percent:
            return None
        if len(following) > 2 and following[2].kind == "unit":
            return None  # "x 365 days" already says it
        if number.value not in _PERIODS_IN_LONGER[period.group(1)]:
            return None
        return number, period.group(1)
    return None


def _calculate(expression: str) -> Calculation:
    if not expression.strip():
        raise EstimateError('empty expression; try: tradeoff estimate "100M DAU x 10 / day"')
    steps: list[str] = []

    def record(left: Any, op: str, right: Any, result: Any, shown: str) -> None:
        symbol = {"*": "×", "/": "÷", "+": "+", "-": "−"}[op]
        steps.append(f"{_show(left)} {symbol} {shown or _show(right)} = {humanize(result)}")

    tokens = tokenize(expression)
    for token in tokens:
        if token.kind == "other" and token.text not in ",~≈" and not is_currency(token):
            raise _unreadable(token.text)
    try:
        result = evaluate(tokens, _PintAlgebra(), record)
    except GrammarError as exc:
        message = str(exc)
        if message.startswith("could not read "):
            raise _unreadable(message.removeprefix("could not read ").strip("'\"")) from None
        raise EstimateError(message) from None
    ureg = registry()
    value = result.value
    if not isinstance(value, ureg.Quantity):
        value = ureg.Quantity(value, "")
    if result.target is None:
        value = _simplify(value)
    calculation = Calculation(expression, value, steps, target=result.target)
    if not math.isfinite(float(value.magnitude)):
        raise EstimateError("the result is too large a number to work with")
    if result.per_capacity and value.dimensionless:
        calculation.servers = math.ceil(round(float(value.to("").magnitude), 9))
    return calculation


def _unreadable(token: str) -> EstimateError:
    return EstimateError(
        f"could not read {token!r}; write numbers like 10M, 1.5B or 2^32, units like GB, /day,"
        " QPS or Mbps, and operators x, /, +, -, per, over"
    )


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
    if "[currency]" in dims:
        return _money(value)
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


# How a price or a cost is written per unit: storage and transfer per GB, running costs per
# hour and per month (a month is how cloud bills are read), per-request prices per request.
_MONEY_UNITS: tuple[tuple[dict[str, int], str, str], ...] = (
    ({"[currency]": 1}, "USD", ""),
    ({"[currency]": 1, "[information]": -1}, "USD/GB", "/GB"),
    ({"[currency]": 1, "[information]": -1, "[time]": -1}, "USD/GB/month", "/GB/month"),
    ({"[currency]": 1, "[information]": 1}, "USD*GB", " GB"),
)


def _money(value: Any) -> str:
    """Dollars as a candidate writes them: "$10K", "$0.02/GB", "$43.8K/month (...)"."""
    dims = dict(value.dimensionality)
    if dims == {"[currency]": 1, "[time]": -1}:
        # A running cost is read as a monthly bill, with the day and hour it comes to
        hourly = float(value.to("USD/hour").magnitude)
        daily = float(value.to("USD/day").magnitude)
        monthly = float(value.to("USD/month").magnitude)
        return f"{_dollars(monthly)}/month ({_dollars(daily)}/day, {_dollars(hourly)}/hour)"
    for shape, spec, suffix in _MONEY_UNITS:
        if dims == shape:
            return f"{_dollars(float(value.to(spec).magnitude))}{suffix}"
    rest = value / registry().Quantity(1, "USD")  # dollars times something no bill uses
    return f"{_dollars(float(rest.magnitude))} {rest.units:~P}"


def _dollars(amount: float) -> str:
    """ "$1.50", "$10K", "-$5": two decimals under ten dollars, as prices are written."""
    sign, amount = ("-", -amount) if amount < 0 else ("", amount)
    if 0.01 <= amount < 10 and round(amount, 2) == round(amount, 4):
        return f"{sign}${amount:.2f}"
    if 0 < amount < 0.01:  # a price per request: "$0.0000004", as a price list writes it
        return f"{sign}${amount:.12f}".rstrip("0")
    return f"{sign}${human_number(amount)}"


def _bytes(count: float) -> str:
    index = 0
    while index < len(_DATA_UNITS) - 1 and abs(count) >= 1000:
        count /= 1000
        index += 1
    return f"{human_number(count)} {_DATA_UNITS[index]}"


def _duration(seconds: float) -> str:
    for name, size in (("years", 31_557_600), ("days", 86_400), ("hours", 3_600), ("minutes", 60)):
        if abs(seconds) >= size:
            count = human_number(seconds / size)
            return f"{count} {name[:-1] if count == '1' else name}"  # "1 day", not "1 days"
    if abs(seconds) >= 1:
        return f"{human_number(seconds)} s"
    return f"{human_number(seconds * 1000)} ms"

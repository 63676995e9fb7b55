"""A small quantity type for checking estimates: counts, time, and data in bits or bytes.

Candidates' estimates only ever combine counts, durations and sizes, so a value with two
exponents (time and data) covers them, and checking a 2,000-word design needs no unit
registry at all; pint (loaded lazily by `tradeoff.units`) stays for the calculator, where
any unit may appear. Calendar factors match pint's: a month is 30.4375 days, a year 365.25.
"""

from __future__ import annotations

import math

from tradeoff.immutable import immutable

DAY = 86_400.0
_TIME = {
    "nanosecond": 1e-9,
    "microsecond": 1e-6,
    "millisecond": 1e-3,
    "second": 1.0,
    "minute": 60.0,
    "hour": 3_600.0,
    "day": DAY,
    "week": 7 * DAY,
    "month": 30.4375 * DAY,
    "year": 365.25 * DAY,
}
_DECIMAL = {"": 1.0, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}
_BINARY = {"Ki": 2.0**10, "Mi": 2.0**20, "Gi": 2.0**30, "Ti": 2.0**40, "Pi": 2.0**50}


class UnitError(ValueError):
    """Quantities of different kinds were added, or a unit name is unknown."""


@immutable  # frozen to the type checker only (`tradeoff.immutable`)
class Q:
    """`value` in base units (seconds, bytes) with exponents of time and data."""

    value: float
    time: int = 0
    data: int = 0

    @property
    def kind(self) -> tuple[int, int]:
        return (self.time, self.data)

    def __mul__(self, other: Q | float) -> Q:
        other = as_q(other)
        return Q(self.value * other.value, self.time + other.time, self.data + other.data)

    __rmul__ = __mul__

    def __truediv__(self, other: Q | float) -> Q:
        other = as_q(other)
        if other.value == 0:
            raise ZeroDivisionError("division by zero")
        return Q(self.value / other.value, self.time - other.time, self.data - other.data)

    def __rtruediv__(self, other: float) -> Q:
        return as_q(other) / self

    def __add__(self, other: Q | float) -> Q:
        other = as_q(other)
        if other.kind != self.kind:
            raise UnitError(f"cannot add {describe(self)} and {describe(other)}")
        return Q(self.value + other.value, self.time, self.data)

    def __sub__(self, other: Q | float) -> Q:
        return self + as_q(other) * -1.0

    def __radd__(self, other: float) -> Q:
        return as_q(other) + self

    def __rsub__(self, other: float) -> Q:
        return as_q(other) - self

    def without_time(self) -> Q:
        """The same number with time units dropped: '100M/month x 60 months' read as counts."""
        return Q(self.value / _TIME["second"] ** self.time, 0, self.data)

    def in_unit(self, unit: Q) -> float:
        """The magnitude of this quantity expressed in `unit` (same kind required)."""
        if unit.kind != self.kind:
            raise UnitError(f"{describe(self)} is not {describe(unit)}")
        return self.value / unit.value


def as_q(value: Q | float) -> Q:
    return value if isinstance(value, Q) else Q(float(value))


def unit(name: str) -> Q:
    """A unit by pint-style name: 'second', 'day', 'byte', 'kB', 'GiB', 'Mbit'."""
    if name in _TIME:
        return Q(_TIME[name], time=1)
    if name == "byte":
        return Q(1.0, data=1)
    if name == "bit":
        return Q(1 / 8, data=1)
    for table in (_BINARY, _DECIMAL):
        for prefix, factor in table.items():
            if prefix and name.startswith(prefix):
                rest = name[len(prefix) :]
                if rest == "B":
                    return Q(factor, data=1)
                if rest == "bit":
                    return Q(factor / 8, data=1)
    raise UnitError(f"unknown unit {name!r}")


def describe(q: Q) -> str:
    parts = []
    if q.data:
        parts.append("data" if q.data == 1 else f"data^{q.data}")
    if q.time:
        parts.append("per time" if q.time == -1 else f"time^{q.time}")
    return " ".join(parts) or "a count"


def close(a: float, b: float, rel: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=rel)

"""Evaluate a problem's reference capacity derivation with units, so no number is taken on trust.

A formula is a small arithmetic expression: numbers, `+ - * / **`, parentheses, names of
fact values and earlier steps, unit names (`s`, `day`, `byte`, `GB`, `Mbit`) and the
functions `ceil`, `floor`, `max`, `min`, `log2`. Names resolve to quantities first, then
to units. Anything else (attribute access, calls to other functions, strings) is refused,
because formulas come from data files and must never run code.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tradeoff.catalog.schema import Problem
from tradeoff.errors import CatalogError
from tradeoff.units import human_number, registry

_BINOPS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}


def _ceil(value: Any) -> Any:
    # Round away float noise first: 6.4 TB / 100 GB is 64.00000000000001 in binary.
    return _apply_to_magnitude(value, lambda x: math.ceil(round(x, 9)))


def _floor(value: Any) -> Any:
    return _apply_to_magnitude(value, lambda x: math.floor(round(x, 9)))


def _log2(value: Any) -> Any:
    return _apply_to_magnitude(value, math.log2)


def _apply_to_magnitude(value: Any, fn: Callable[[float], float]) -> Any:
    ureg = registry()
    if isinstance(value, ureg.Quantity):
        if not value.dimensionless:
            raise ValueError(f"expects a plain number, got {value.units}")
        return fn(float(value.to("").magnitude))
    return fn(float(value))


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "ceil": _ceil,
    "floor": _floor,
    "log2": _log2,
    "max": max,
    "min": min,
}


class FormulaError(ValueError):
    """A formula that cannot be evaluated; the message says which part."""


def evaluate(formula: str, names: Mapping[str, Any]) -> Any:
    """Evaluate `formula` with `names` bound; returns a pint Quantity or a plain number."""
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"cannot parse {formula!r}: {exc.msg}") from None
    return _eval(tree.body, names)


def _eval(node: ast.AST, names: Mapping[str, Any]) -> Any:
    ureg = registry()
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        try:
            return ureg.Quantity(1, node.id)
        except Exception:
            raise FormulaError(f"unknown name {node.id!r} (not a quantity or a unit)") from None
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        left, right = _eval(node.left, names), _eval(node.right, names)
        try:
            return _BINOPS[type(node.op)](left, right)
        except Exception as exc:
            raise FormulaError(f"{ast.unparse(node)}: {exc}") from None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, names)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in _FUNCTIONS
        and not node.keywords
    ):
        args = [_eval(arg, names) for arg in node.args]
        try:
            return _FUNCTIONS[node.func.id](*args)
        except Exception as exc:
            raise FormulaError(f"{ast.unparse(node)}: {exc}") from None
    raise FormulaError(f"not allowed in a formula: {ast.unparse(node)!r}")


@dataclass(frozen=True)
class Step:
    """One evaluated step of a derivation."""

    name: str
    formula: str
    value: float
    unit: str
    approx: float
    note: str

    @property
    def relative_error(self) -> float:
        """How far the author's rounded figure is from the computed one (0.05 = 5%)."""
        if self.value == 0:
            return 0.0 if self.approx == 0 else math.inf
        return abs(self.approx - self.value) / abs(self.value)


def fact_values(problem: Problem) -> dict[str, Any]:
    """The named quantities the hidden facts state, parsed with units."""
    ureg = registry()
    out: dict[str, Any] = {}
    for index, fact in enumerate(problem.facts):
        for name, text in fact.values.items():
            try:
                out[name] = ureg.Quantity(text)
            except Exception as exc:
                raise CatalogError(
                    f"{problem.id}: facts.{index}.values.{name}: cannot read {text!r} ({exc})"
                ) from None
    return out


def derive(problem: Problem) -> list[Step]:
    """Evaluate every step in order; each step may use facts and the steps before it."""
    ureg = registry()
    names = fact_values(problem)
    steps: list[Step] = []
    for index, quantity in enumerate(problem.capacity):
        where = f"{problem.id}: capacity.{index} ({quantity.name})"
        try:
            raw = evaluate(quantity.formula, names)
            target = ureg.Unit(quantity.unit)
        except FormulaError as exc:
            raise CatalogError(f"{where}: {exc}") from None
        except Exception as exc:
            raise CatalogError(f"{where}: unit {quantity.unit!r} is not known ({exc})") from None
        value = raw if isinstance(raw, ureg.Quantity) else ureg.Quantity(raw, "")
        try:
            converted = value.to(target)
        except Exception:
            raise CatalogError(
                f"{where}: result is in {value.units:~} ({value.dimensionality}),"
                f" which cannot be expressed in {quantity.unit!r}"
            ) from None
        names[quantity.name] = converted
        steps.append(
            Step(
                name=quantity.name,
                formula=quantity.formula,
                value=float(converted.magnitude),
                unit=quantity.unit,
                approx=quantity.approx,
                note=quantity.note,
            )
        )
    return steps


@dataclass(frozen=True)
class NumberRef:
    """A reference figure in base units (seconds, bytes), so the reviewer can compare a
    candidate's number with it without loading pint."""

    name: str
    value: float
    time: int  # exponent of time
    data: int  # exponent of information
    text: str  # how to show it: the fact's words, or the step's value and unit
    kind: str  # "fact" or "step"

    @property
    def dims(self) -> tuple[int, int]:
        return (self.time, self.data)


def problem_numbers(problem: Problem) -> tuple[NumberRef, ...]:
    """The hidden facts' values and the derivation's results, in base units."""
    refs: list[NumberRef] = []
    values = fact_values(problem)
    for fact in problem.facts:
        for name in fact.values:
            refs.append(_ref(name, values[name], fact.text, "fact"))
    for step in derive(problem):
        ureg = registry()
        quantity = ureg.Quantity(step.value, step.unit if step.unit != "dimensionless" else "")
        unit = "" if step.unit == "dimensionless" else f" {step.unit}"
        shown = f"{step.name.replace('_', ' ')} = {human_number(step.value)}{unit}"
        refs.append(_ref(step.name, quantity, shown, "step"))
    return tuple(refs)


def _ref(name: str, quantity: Any, text: str, kind: str) -> NumberRef:
    ureg = registry()
    if not isinstance(quantity, ureg.Quantity):
        quantity = ureg.Quantity(quantity, "")
    dims = dict(quantity.dimensionality)
    time, data = int(dims.get("[time]", 0)), int(dims.get("[information]", 0))
    if set(dims) - {"[time]", "[information]"}:
        time, data = 99, 99  # a unit the reviewer never compares (currency per GB, ...)
    base = quantity.to_base_units()  # seconds and bits
    value = float(base.magnitude) / (8**data if data and data != 99 else 1)
    return NumberRef(name, value, time, data, text, kind)

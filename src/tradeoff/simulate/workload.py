"""The request rate to simulate: given on the command line, or from the prompt's hidden facts."""

from __future__ import annotations

import re

from tradeoff.catalog import default_catalog
from tradeoff.catalog.derivation import NumberRef
from tradeoff.errors import TradeoffError
from tradeoff.simulate.model import Workload


def _stem(name: str) -> str:
    return re.sub(r"^(avg|peak)_|_per_s$|_rate$", "", name)


def problem_workload(problem_id: str, peak: float | None) -> Workload:
    """The prompt's average request rate and peak factor.

    The rate is the one whose peak the derivation computes (`reads_per_s` for
    `peak_reads_per_s`), else the peak rate over the peak factor, else the largest rate step.
    """
    catalog = default_catalog()
    problem = catalog.get(problem_id)
    refs = catalog.numbers.get(problem.id, ())
    rates = [r for r in refs if r.dims == (-1, 0) and r.value >= 1]
    factor_refs = [r for r in refs if r.name.endswith("peak_factor") and r.dims == (0, 0)]
    factor = peak if peak is not None else (factor_refs[0].value if factor_refs else 1.0)
    chosen: NumberRef | None = None
    note = ""
    for ref in rates:
        if not ref.name.startswith("peak_"):
            continue
        stem = _stem(ref.name)
        base = next((r for r in rates if r is not ref and _stem(r.name) == stem), None)
        if base is not None:
            chosen, note = base, f"{problem.id}: {base.name} = {base.value:,.0f}/s"
            break
        if factor_refs:
            value = ref.value / factor_refs[0].value
            chosen = NumberRef(ref.name, value, -1, 0, ref.text, "step")
            note = f"{problem.id}: {ref.name} / {factor_refs[0].name} = {value:,.0f}/s"
            break
    if chosen is None:
        steps = [r for r in rates if r.kind == "step"] or rates
        if not steps:
            raise TradeoffError(f"{problem.id} gives no request rate; pass one with --qps N")
        chosen = max(steps, key=lambda r: r.value)
        note = f"{problem.id}: {chosen.name} = {chosen.value:,.0f}/s (the largest rate)"
    if factor_refs and peak is None:
        note += f", peak x{factor:g} ({factor_refs[0].name})"
    return Workload(chosen.value, factor, note)


def workload(qps: float | None, peak: float | None, problem_id: str | None) -> Workload:
    if qps is not None:
        if qps <= 0:
            raise TradeoffError(f"--qps {qps:g}: the rate must be above zero")
        return Workload(qps, peak if peak is not None else 1.0, "--qps")
    if problem_id is None:
        raise TradeoffError("give the request rate with --qps N, or the prompt with --problem ID")
    return problem_workload(problem_id, peak)

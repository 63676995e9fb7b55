"""The rate to simulate: from the command line, the prompt's facts, or the design's own."""

from __future__ import annotations

import re

from tradeoff.catalog import default_catalog
from tradeoff.catalog.derivation import NumberRef
from tradeoff.design.model import DesignDoc
from tradeoff.errors import TradeoffError
from tradeoff.estimate.grammar import find_quantities
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


def workload(
    qps: float | None,
    peak: float | None,
    problem_id: str | None,
    doc: DesignDoc | None = None,
) -> Workload:
    """The rate to simulate: `--qps`, else the prompt's facts, else the design's own
    estimates (the largest request rate it states, and its peak if it states one)."""
    if qps is not None:
        if qps <= 0:
            raise TradeoffError(f"--qps {qps:g}: the rate must be above zero")
        return Workload(qps, peak if peak is not None else 1.0, "--qps")
    if problem_id is not None:
        return problem_workload(problem_id, peak)
    found = design_workload(doc, peak) if doc is not None else None
    if found is None:
        raise TradeoffError(
            "give the request rate with --qps N or the prompt with --problem ID; the design"
            " states no request rate (such as '4,000 reads/s') to take it from"
        )
    return found


_PEAK_WORD = re.compile(r"\bpeak|\bburst|\bspike", re.I)
_RATE_NOUN = re.compile(
    r"^(?:req|request|read|write|query|queries|qps|rps|redirect|call|op|hit|"
    r"lookup|message|event|upload|view|click|search|post|tweet)",
    re.I,
)


def design_workload(doc: DesignDoc, peak: float | None) -> Workload | None:
    """The design's own request rate: the largest "N /s" of requests it states outside
    diagrams and code, with the largest rate said at peak (when larger) as the peak factor.
    Per-node figures ("5,000 QPS per node") are capacities, not the load, and are skipped."""
    average: tuple[float, int, str] | None = None
    at_peak: tuple[float, int, str] | None = None
    for number, text in doc.text_lines():
        for found in find_quantities(text):
            if found.dims != (-1, 0) or found.per or found.value.value <= 0:
                continue
            if found.noun and not _RATE_NOUN.match(found.noun[0]):
                continue
            entry = (found.value.value, number, found.text)
            window = text[max(0, found.start - 30) : found.end + 20]
            if _PEAK_WORD.search(window):
                at_peak = max(at_peak or entry, entry)
            else:
                average = max(average or entry, entry)
    if average is None:
        return None
    rate, line, said = average
    factor = peak if peak is not None else 1.0
    source = f"design line {line}: {said}"
    if peak is None and at_peak is not None and at_peak[0] > rate:
        factor = at_peak[0] / rate
        source += f"; peak from line {at_peak[1]}: {at_peak[2]}"
    return Workload(rate, factor, source)

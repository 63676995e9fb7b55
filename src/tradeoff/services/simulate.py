"""Simulate a pasted design from form fields, with caps so a page answers in a few seconds.

The fields arrive as text; each is read here with a one-line message when it cannot be, so
a mistyped number is a 400 and never reaches numpy. The run is the CLI's
(`tradeoff.simulate.run_design`), shortened or refused where the CLI would run for minutes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from tradeoff.design.model import DesignDoc
from tradeoff.services.errors import BadInputError

MAX_DURATION = 60.0  # seconds simulated: the CLI's default run
MAX_REQUESTS = 200_000
MAX_VISITS = 500_000  # jobs at nodes: about 5 us each on one core, so two or three seconds
MIN_SHORTENED = 1.0  # seconds: a shorter run fills less than one bin of the timelines
MAX_SEED = 2**32 - 1


@dataclass(frozen=True)
class Settings:
    """What the form asks for, read and checked."""

    problem: str | None
    qps: float | None
    peak: float | None
    failure: str | None
    duration: float | None  # None: as long as the caps allow, up to MAX_DURATION
    seed: int


@dataclass(frozen=True)
class BottleneckView:
    node: str
    line: int | None
    quote: str  # the design line that draws the node, as written
    ceiling_per_s: float
    capacity_assumed: bool


@dataclass(frozen=True)
class Outcome:
    """A run as the page shows it: the summary (`--format json`), the bottleneck's line and
    the timelines as an `<svg>` element."""

    summary: dict[str, Any]
    bottleneck: BottleneckView | None
    chart_svg: str
    shortened: str | None  # why the run is shorter than asked, when it is


def _number(name: str, text: str) -> float | None:
    if not text.strip():
        return None
    try:
        value = float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise BadInputError(f"{name}: {text.strip()!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise BadInputError(f"{name}: {text.strip()!r} must be a number above zero")
    return value


def read_settings(
    problem: str, qps: str, peak: str, failure: str, duration: str, seed: str
) -> Settings:
    """The form's text fields as Settings; blank means the default."""
    from tradeoff.simulate.failures import seconds

    length = None
    if duration.strip():
        try:
            length = seconds(duration)
        except ValueError:
            raise BadInputError(
                f"duration: {duration.strip()!r} is not a time; write one such as 30s or 500ms"
            ) from None
        if not math.isfinite(length) or not 0 < length <= MAX_DURATION:
            raise BadInputError(f"duration: give a time above 0s and at most {MAX_DURATION:g}s")
    chosen_seed = 0
    if seed.strip():
        try:
            chosen_seed = int(seed.strip())
        except ValueError:
            raise BadInputError(f"seed: {seed.strip()!r} is not a whole number") from None
        if not 0 <= chosen_seed <= MAX_SEED:
            raise BadInputError(f"seed: give a whole number from 0 to {MAX_SEED}")
    rate = _number("requests per second", qps)
    if rate is None and not problem:
        raise BadInputError("give the requests per second, or a prompt to take the rate from")
    return Settings(
        problem=problem or None,
        qps=rate,
        peak=_number("peak factor", peak),
        failure=failure.strip() or None,
        duration=length,
        seed=chosen_seed,
    )


def run(doc: DesignDoc, settings: Settings) -> Outcome:
    """Model, solve and simulate `doc`; TradeoffErrors (no diagram, no path to a store, a
    failure naming no node) pass up as 400s with the simulator's own message."""
    from tradeoff.simulate import SimConfig, chart, parse_failure, run_design, workload

    load = workload(settings.qps, settings.peak, settings.problem, doc)
    failures = (parse_failure(settings.failure),) if settings.failure else ()
    longest, limit = _longest(doc, load.offered)
    shortened = None
    if settings.duration is not None:
        length = settings.duration
        if length > longest:
            raise BadInputError(
                f"{load.offered:,.0f}/s for {length:g}s is more than {limit}; shorten the"
                f" duration to {longest:.3g}s or lower the rate (`tradeoff simulate` runs longer)"
            )
    else:
        length = min(MAX_DURATION, longest)
        if length < MIN_SHORTENED:
            raise BadInputError(
                f"{load.offered:,.0f}/s for {MIN_SHORTENED:g}s is more than {limit};"
                " lower the rate or the peak factor (`tradeoff simulate` runs longer)"
            )
        if length < MAX_DURATION:
            shortened = (
                f"{load.offered:,.0f}/s for {MAX_DURATION:g}s would be more than {limit},"
                f" so the run lasts {length:.3g}s"
            )
    late = [f for f in failures if f.at >= length]
    if late:
        raise BadInputError(
            f"the failure starts at {late[0].at:g}s, after the run ends at {length:.3g}s;"
            " start it earlier or run for longer"
        )
    config = SimConfig(duration=length, seed=settings.seed, failures=failures)
    result = run_design(doc, load, config)
    return Outcome(
        summary=result.summary,
        bottleneck=_bottleneck(result.summary, doc),
        chart_svg=chart.svg(result.summary),
        shortened=shortened,
    )


def _longest(doc: DesignDoc, offered: float) -> tuple[float, str]:
    """The longest run the caps allow at `offered` requests/s, and the cap that binds.

    A fan-out (`-->|x10|`) multiplies the jobs a request makes, and the simulation's time
    goes with the jobs, so node visits per request (from the analytic model) count too.
    """
    from tradeoff.simulate import analyse, build_network

    visits = sum(load.visits for load in analyse(build_network(doc), offered).loads.values())
    by_requests = MAX_REQUESTS / offered
    by_visits = MAX_VISITS / (offered * max(visits, 1.0))
    if by_visits < by_requests:
        return by_visits, f"{MAX_VISITS:,} node visits ({visits:.3g} a request)"
    return by_requests, f"{MAX_REQUESTS:,} requests"


def _bottleneck(summary: dict[str, Any], doc: DesignDoc) -> BottleneckView | None:
    neck = summary["bottleneck"]
    if neck is None:
        return None
    line = neck["line"]
    quote = doc.lines[line - 1].strip() if line and 0 < line <= len(doc.lines) else ""
    return BottleneckView(
        node=neck["node"],
        line=line,
        quote=quote,
        ceiling_per_s=neck["ceiling_per_s"],
        capacity_assumed=neck["capacity_assumed"],
    )

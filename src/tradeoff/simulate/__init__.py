"""Simulate the candidate's own design under load and failure: closed forms and a fast DES."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from tradeoff.design.model import DesignDoc
from tradeoff.errors import TradeoffError
from tradeoff.simulate.analytic import Analysis, analyse
from tradeoff.simulate.build import DesignModelError, build_network
from tradeoff.simulate.failures import Failure, parse_failure
from tradeoff.simulate.model import Network, Workload
from tradeoff.simulate.workload import workload

if TYPE_CHECKING:
    from tradeoff.simulate.engine import Burst, Progress, SimConfig, SimRun, simulate

MAX_REQUESTS = 5_000_000  # about 1 GB of job arrays at six nodes; a longer run says so

__all__ = [
    "Burst",
    "DesignModelError",
    "Failure",
    "SimConfig",
    "Simulation",
    "Workload",
    "analyse",
    "build_network",
    "parse_failure",
    "run_design",
    "simulate",
    "workload",
]


# The event engine and the report load numpy; the reviewer imports this package for the
# closed forms (`breaks_first`) on every design with figures, so they load on first use.
_LAZY = {
    "Burst": "engine",
    "Progress": "engine",
    "SimConfig": "engine",
    "SimRun": "engine",
    "simulate": "engine",
    "summarise": "report",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)


@dataclass
class Simulation:
    network: Network
    analysis: Analysis
    run: SimRun
    summary: dict[str, Any]


def _resolve(network: Network, failure: Failure) -> Failure:
    name = network.station_named(failure.target)
    if name is None:
        known = ", ".join(network.stations)
        raise TradeoffError(f"--fail: no node {failure.target!r} in the model (nodes: {known})")
    if failure.action == "flush" and network.stations[name].hit is None:
        raise TradeoffError(f"--fail: {name} is not a cache, so it cannot be flushed")
    peer = None
    if failure.peer is not None:
        peer = network.station_named(failure.peer)
        if peer is None:
            raise TradeoffError(f"--fail: no node {failure.peer!r} in the model")
    return replace(failure, target=name, peer=peer)


def run_design(
    doc: DesignDoc,
    load: Workload,
    config: SimConfig,
    progress: Progress | None = None,
    duration_given: bool = True,
) -> Simulation:
    """Model `doc`, solve it, simulate it, and summarise; the one entry point for callers."""
    from tradeoff.simulate.engine import simulate
    from tradeoff.simulate.report import summarise

    network = build_network(doc)
    failures = tuple(_resolve(network, f) for f in config.failures)
    expected = load.offered * config.duration * (1 + config.retries)
    if expected > MAX_REQUESTS:
        if duration_given:
            raise TradeoffError(
                f"{load.offered:,.0f}/s for {config.duration:g}s is {expected:,.0f} requests;"
                f" at most {MAX_REQUESTS:,} are simulated, so shorten --duration"
            )
        config = replace(config, duration=MAX_REQUESTS / load.offered / (1 + config.retries))
    config = replace(config, failures=failures)
    analysis = analyse(network, load.offered)
    run = simulate(network, load, config, progress)
    return Simulation(network, analysis, run, summarise(network, analysis, run))

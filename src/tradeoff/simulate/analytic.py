"""Closed forms for the network: traffic per node, M/M/c waits, paths, ceiling, availability.

Each station is read as an M/M/c queue fed by the traffic its callers send it (Jackson's
theorem makes that exact for Poisson arrivals, exponential service and probabilistic routing).
A service time that is not exponential scales the wait by (1 + cv^2) / 2 (Allen-Cunneen).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tradeoff.simulate.model import Network, Station


@dataclass(frozen=True)
class NodeLoad:
    name: str
    arrival: float  # requests per second reaching it
    visits: float  # per request entering the system
    utilisation: float  # per server; 1 or more means the queue grows without bound
    wait: float  # mean seconds in the queue (inf when saturated)
    response: float  # wait + service


@dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    probability: float  # share of requests that take this path
    latency: float  # mean seconds: responses plus one hop per call


@dataclass(frozen=True)
class Analysis:
    loads: dict[str, NodeLoad]
    paths: list[Path]
    ceiling: float  # the entry rate at which the first node saturates
    bottleneck: str | None
    availability: float


def erlang_c(servers: int, offered: float) -> float:
    """P(wait) in M/M/c with `offered` = lambda / mu Erlangs; computed by the stable recurrence."""
    if offered <= 0:
        return 0.0
    if offered >= servers:
        return 1.0
    # Erlang B by recurrence, then C from B.
    b = 1.0
    for k in range(1, servers + 1):
        b = offered * b / (k + offered * b)
    rho = offered / servers
    return b / (1 - rho + rho * b)


def mmc_wait(arrival: float, service: float, servers: int, cv: float = 1.0) -> float:
    """Mean time in the queue of M/M/c (M/G/c by Allen-Cunneen when cv != 1)."""
    if arrival <= 0:
        return 0.0
    offered = arrival * service
    if offered >= servers:
        return math.inf
    wait = erlang_c(servers, offered) * service / (servers - offered)
    return wait * (1 + cv * cv) / 2


def visit_ratios(network: Network) -> dict[str, float]:
    """Jobs per entering request at each station, in topological order."""
    visits = dict.fromkeys(network.stations, 0.0)
    out_of: dict[str, float] = dict(network.entries)
    for name in [*network.entries, *network.order]:
        if name in network.stations:
            station = network.stations[name]
            out_of[name] = visits[name] * (1 - (station.hit or 0.0))
        for route in network.out_routes(name):
            if route.target in visits:
                share = route.p if route.p is not None else 1.0
                visits[route.target] += out_of.get(name, 0.0) * share * route.fanout
    return visits


def analyse(network: Network, rate: float) -> Analysis:
    """Loads at `rate` requests per second entering, paths, ceiling and availability."""
    visits = visit_ratios(network)
    loads: dict[str, NodeLoad] = {}
    ceiling = math.inf
    bottleneck: str | None = None
    for name, station in network.stations.items():
        arrival = rate * visits[name]
        rho = arrival * station.service / station.servers
        wait = mmc_wait(arrival, station.service, station.servers, station.cv)
        loads[name] = NodeLoad(name, arrival, visits[name], rho, wait, wait + station.service)
        if visits[name] > 0:
            limit = station.capacity / visits[name]
            if limit < ceiling:
                ceiling, bottleneck = limit, name
    return Analysis(
        loads=loads,
        paths=request_paths(network, loads),
        ceiling=ceiling,
        bottleneck=bottleneck,
        availability=availability(network, visits),
    )


def request_paths(network: Network, loads: dict[str, NodeLoad], limit: int = 50) -> list[Path]:
    """Sync paths from each entry to where a request ends, most likely first."""
    paths: list[Path] = []

    def walk(name: str, trail: tuple[str, ...], probability: float, latency: float) -> None:
        if len(paths) >= limit:
            return
        station = network.stations.get(name)
        hit = 0.0
        if station is not None:
            latency += loads[name].response
            trail = (*trail, name)
            hit = station.hit or 0.0
        onward = [r for r in network.out_routes(name) if r.sync and r.target in network.stations]
        if not onward:
            paths.append(Path(trail, probability, latency))
            return
        if hit > 0:
            paths.append(Path(trail, probability * hit, latency))  # answered here
        going = probability * (1 - hit)
        if going <= 0:
            return
        chosen = [r for r in onward if r.p is not None]
        for route in onward:  # calls without a share go to every target (in parallel)
            share = route.p if route.p is not None else 1.0
            walk(route.target, trail, going * share, latency + network.hop)
        rest = 1 - sum(r.p or 0.0 for r in chosen)
        if chosen and len(chosen) == len(onward) and rest > 1e-9:
            paths.append(Path(trail, going * rest, latency))

    for entry, share in network.entries.items():
        for route in network.out_routes(entry):
            if route.target in network.stations:
                walk(route.target, (), share * (route.p if route.p is not None else 1.0), 0.0)
    return sorted(paths, key=lambda p: -p.probability)


def node_availability(station: Station) -> float:
    """Up when at least one of its copies is: replicas for a store, instances otherwise."""
    return 1 - (1 - station.availability) ** max(1, station.replicas)


def availability(network: Network, visits: dict[str, float]) -> float:
    """Share of requests that find every node they need up (each node weighted by the share
    of requests that need it, counted once per request)."""
    total = 1.0
    sync_visits = _sync_visits(network)
    for name, station in network.stations.items():
        need = min(1.0, sync_visits.get(name, 0.0))
        total *= 1 - need * (1 - node_availability(station))
    return total


def _sync_visits(network: Network) -> dict[str, float]:
    visits = dict.fromkeys(network.stations, 0.0)
    out_of: dict[str, float] = dict(network.entries)
    for name in [*network.entries, *network.order]:
        if name in network.stations:
            out_of[name] = visits[name] * (1 - (network.stations[name].hit or 0.0))
        for route in network.out_routes(name):
            if route.target in visits and route.sync:
                share = route.p if route.p is not None else 1.0
                visits[route.target] += out_of.get(name, 0.0) * share
    return visits

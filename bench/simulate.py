"""Benchmark the simulator against ciw on the same queueing networks, in the same run.

1. M/M/10 at utilisation 0.9 (arrivals 9/s, service 1/s per server).
2. A six-node feed-forward network with probabilistic routing (below).
Each model runs through tradeoff's simulator and through ciw; the script prints simulated
requests per second for each, the ratio, and the mean wait of each against the closed form,
so a fast answer that is wrong shows. Targets (issue 13): at least 50x ciw, and one million
requests through the six-node network in under 5 s.
Run: python bench/simulate.py [--requests 1000000] [--ciw-requests 30000]
"""

from __future__ import annotations

import argparse
import time

import ciw
import numpy as np

from tradeoff.simulate.analytic import analyse
from tradeoff.simulate.engine import SimConfig, simulate
from tradeoff.simulate.model import Network, Route, Station, Workload

# The six-node network: name, servers, mean service (s); routes (source, target, share).
NODES = [
    ("A", 4, 0.01),
    ("B", 3, 0.01),
    ("C", 2, 0.01),
    ("D", 4, 0.01),
    ("E", 2, 0.01),
    ("F", 3, 0.01),
]
ROUTES = [
    ("A", "B", 0.6),
    ("A", "C", 0.4),
    ("B", "D", 1.0),
    ("C", "D", 0.5),
    ("C", "E", 0.5),
    ("D", "F", 0.3),
    ("E", "F", 1.0),
]
NETWORK_RATE = 300.0  # requests/s entering A: utilisations 0.75 to 0.6


def network(nodes: list[tuple[str, int, float]], routes: list[tuple[str, str, float]]) -> Network:
    stations = {n: Station(n, "service", None, c, 1, s) for n, c, s in nodes}
    route_list = [Route("client", nodes[0][0], None)]
    route_list += [Route(a, b, None, True, 1, None if p == 1.0 else p) for a, b, p in routes]
    return Network(stations, route_list, {"client": 1.0}, [n for n, _, _ in nodes], 0.0)


def ciw_network(
    nodes: list[tuple[str, int, float]], routes: list[tuple[str, str, float]], rate: float
) -> ciw.Network:
    index = {n: i for i, (n, _, _) in enumerate(nodes)}
    matrix = [[0.0] * len(nodes) for _ in nodes]
    for a, b, p in routes:
        matrix[index[a]][index[b]] = p
    return ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate)] + [None] * (len(nodes) - 1),
        service_distributions=[ciw.dists.Exponential(1 / s) for _, _, s in nodes],
        number_of_servers=[c for _, c, _ in nodes],
        routing=matrix,
    )


def run_ours(net: Network, rate: float, requests: int) -> tuple[float, int, dict[str, float]]:
    duration = requests / rate
    started = time.perf_counter()
    run = simulate(net, Workload(rate, 1.0, "bench"), SimConfig(duration=duration, seed=1))
    elapsed = time.perf_counter() - started
    waits = {}
    for name, trace in run.traces.items():
        late = trace.arrival > duration * 0.1
        waits[name] = float(np.mean((trace.start - trace.arrival)[late]))
    return elapsed, run.requests, waits


def run_ciw(net: ciw.Network, rate: float, requests: int) -> tuple[float, int, dict[int, float]]:
    ciw.seed(1)
    sim = ciw.Simulation(net)
    started = time.perf_counter()
    sim.simulate_until_max_time(requests / rate)
    elapsed = time.perf_counter() - started
    records = sim.get_all_records()
    customers = len({r.id_number for r in records})
    waits: dict[int, list[float]] = {}
    for r in records:
        if r.arrival_date > requests / rate * 0.1:
            waits.setdefault(r.node, []).append(r.waiting_time)
    return elapsed, customers, {k: float(np.mean(v)) for k, v in waits.items()}


def compare(
    title: str,
    nodes: list[tuple[str, int, float]],
    routes: list[tuple[str, str, float]],
    rate: float,
    ours_n: int,
    ciw_n: int,
) -> None:
    net = network(nodes, routes)
    exact = analyse(net, rate)
    t_ours, n_ours, w_ours = run_ours(net, rate, ours_n)
    t_ciw, n_ciw, w_ciw = run_ciw(ciw_network(nodes, routes, rate), rate, ciw_n)
    ours_rate, ciw_rate = n_ours / t_ours, n_ciw / t_ciw
    print(f"\n{title}")
    print(f"  tradeoff: {n_ours:>9,} requests in {t_ours:6.2f} s = {ours_rate:>12,.0f} requests/s")
    print(f"  ciw:      {n_ciw:>9,} requests in {t_ciw:6.2f} s = {ciw_rate:>12,.0f} requests/s")
    print(f"  ratio:    {ours_rate / ciw_rate:,.0f}x")
    print("  mean wait (ms)  node: closed form / tradeoff / ciw")
    for i, (name, _, _) in enumerate(nodes):
        print(
            f"    {name}: {exact.loads[name].wait * 1e3:8.3f} / {w_ours[name] * 1e3:8.3f}"
            f" / {w_ciw.get(i + 1, float('nan')) * 1e3:8.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--ciw-requests", type=int, default=30_000)
    args = parser.parse_args()
    compare(
        "M/M/10 at utilisation 0.9", [("Q", 10, 1.0)], [], 9.0, args.requests, args.ciw_requests
    )
    compare(
        "Six-node network with routing",
        NODES,
        ROUTES,
        NETWORK_RATE,
        args.requests,
        args.ciw_requests,
    )


if __name__ == "__main__":
    main()

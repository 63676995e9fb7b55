"""The simulator against closed forms (M/M/1, M/M/c, a tandem Jackson network) and a
job-by-job reference, so speed never comes at the price of a wrong queue."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tradeoff.simulate.analytic import analyse, erlang_c, mmc_wait
from tradeoff.simulate.engine import SimConfig, simulate
from tradeoff.simulate.model import Network, Route, Station, Workload
from tradeoff.simulate.station import Outage, run_station


def batch_means(values: np.ndarray, batches: int = 40) -> tuple[float, float]:
    """Mean and 95% confidence half-width from batch means (waits are correlated)."""
    means = np.array([b.mean() for b in np.array_split(values, batches)])
    half = 2.023 * means.std(ddof=1) / math.sqrt(batches)  # t(0.975, 39)
    return float(means.mean()), float(half)


def poisson(rate: float, n: int, seed: int) -> np.ndarray:
    return np.cumsum(np.random.default_rng(seed).exponential(1 / rate, n))


def test_erlang_c_matches_known_values() -> None:
    # M/M/1: P(wait) = rho. M/M/2 at a = 1 Erlang: C = 1/3 (textbook value).
    assert erlang_c(1, 0.7) == pytest.approx(0.7)
    assert erlang_c(2, 1.0) == pytest.approx(1 / 3)
    assert mmc_wait(0.5, 1.0, 1) == pytest.approx(1.0)  # rho / (mu - lambda)


# Jobs enough for a 95% interval narrower than 2% of the exact mean wait (waits at low
# load are mostly zero, so the mean is noisy; measured half-widths 1.2-1.6%).
@pytest.mark.parametrize(
    ("servers", "rho", "n"), [(1, 0.5, 600_000), (2, 0.6, 1_000_000), (4, 0.7, 2_000_000)]
)
def test_mmc_mean_wait_and_utilisation_within_two_percent(servers: int, rho: float, n: int) -> None:
    arrivals = poisson(servers * rho, n, seed=servers)
    service = np.random.default_rng(100 + servers).exponential(1.0, n)
    run = run_station(arrivals, service, servers)
    keep = slice(n // 10, None)  # leave out the start from empty
    wait = (run.start - arrivals)[keep]
    mean, half = batch_means(wait)
    exact = mmc_wait(servers * rho, 1.0, servers)
    assert half < 0.02 * exact, "the run is too short to decide at 2%"
    assert abs(mean - exact) < 0.02 * exact + half, (mean, exact, half)
    span = arrivals[-1] - arrivals[n // 10]
    busy = np.sum(
        np.clip(run.end, arrivals[n // 10], arrivals[-1])
        - np.clip(run.start, arrivals[n // 10], arrivals[-1])
    )
    assert busy / (servers * span) == pytest.approx(rho, rel=0.02)


def test_tandem_jackson_network_matches_product_form() -> None:
    stations = {
        "A": Station("A", "service", 1, 1, 1, 0.010),
        "B": Station("B", "service", 2, 2, 1, 0.025),
        "C": Station("C", "service", 3, 1, 1, 0.008),
    }
    routes = [Route("client", "A", None), Route("A", "B", 1), Route("B", "C", 2)]
    network = Network(stations, routes, {"client": 1.0}, ["A", "B", "C"], 0.0)
    rate = 60.0  # utilisations 0.6, 0.75, 0.48
    run = simulate(network, Workload(rate, 1.0, "test"), SimConfig(duration=5_000, seed=3))
    exact = analyse(network, rate)
    total_exact = 0.0
    for name, station in stations.items():
        trace = run.traces[name]
        late = trace.arrival > 500
        mean, half = batch_means((trace.start - trace.arrival)[late])
        wait = exact.loads[name].wait
        assert abs(mean - wait) < 0.02 * wait + half, (name, mean, wait, half)
        total_exact += wait + station.service
    sojourn = (run.done - run.arrival)[run.arrival > 500]
    mean, half = batch_means(sojourn)
    assert half < 0.02 * total_exact
    assert abs(mean - total_exact) < 0.02 * total_exact + half


def reference(
    arrivals: np.ndarray,
    service: np.ndarray,
    servers: int,
    patience: float,
    capacity: int | None,
    outages: tuple[Outage, ...],
) -> tuple[np.ndarray, np.ndarray]:
    """The recursion written job by job, as the docstring of station.py states it."""
    free, last = [0.0] * servers, [-math.inf] * servers
    starts, lost_flags, accepted = [], [], []
    for a, s in zip(arrivals, service, strict=True):
        eff = list(free)
        for o in outages:
            for c in o.columns:
                if not (max(free[c], a) < o.down or last[c] >= o.up):
                    eff[c] = max(o.up, a)
        eff = [max(e, a) for e in eff]
        col = min(range(servers), key=eff.__getitem__)
        start = eff[col]
        lost = start - a > patience or (
            capacity is not None and len(accepted) >= capacity and accepted[-capacity] > a
        )
        starts.append(start)
        lost_flags.append(lost)
        if not lost:
            free[col], last[col] = start + s, start
            accepted.append(start)
    return np.array(starts), np.array(lost_flags)


@pytest.mark.parametrize(
    ("servers", "patience", "capacity", "outages"),
    [
        (3, math.inf, None, ()),
        (3, 0.5, None, ()),
        (3, math.inf, 5, ()),
        (4, math.inf, None, (Outage((2, 3), 50.0, 80.0),)),
    ],
)
@pytest.mark.parametrize("segment", [16, 1024])
def test_segments_give_the_job_by_job_answer(
    servers: int, patience: float, capacity: int | None, outages: tuple[Outage, ...], segment: int
) -> None:
    # segment=16 forces many segments and the job-by-job finish; 1024 the vectorised passes.
    n = 6_000
    arrivals = poisson(servers * 0.9, n, seed=7)
    service = np.random.default_rng(8).exponential(1.0, n)
    run = run_station(
        arrivals,
        service,
        servers,
        patience=patience,
        capacity=capacity,
        outages=outages,
        segment=segment,
    )
    starts, lost = reference(arrivals, service, servers, patience, capacity, outages)
    assert np.array_equal(run.dropped, lost)
    assert np.allclose(run.start[~lost], starts[~lost])

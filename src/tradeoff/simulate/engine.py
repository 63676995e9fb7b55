"""The discrete-event simulation of a network: every request, station by station.

Stations are solved in topological order, each for its whole stream of jobs at once
(station.py). A job's successors arrive one hop after it ends; a cache answers a share of
its jobs and sends the rest on. A request's latency runs to the end of its last synchronous
job; it fails when one of its synchronous jobs is lost. Retries are new attempts that arrive
after a backoff; because they add load, the run is repeated with the retries of the last pass
until the set of attempts stops changing (a fixed point, usually two or three passes).
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from tradeoff.simulate import rand
from tradeoff.simulate.failures import Failure
from tradeoff.simulate.model import Network, Workload
from tradeoff.simulate.station import Outage, run_station

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Bools = NDArray[np.bool_]
Progress = Callable[[float], None]


@dataclass(frozen=True)
class Burst:
    """Traffic `factor` times the peak rate in [start, start + length)."""

    start: float
    length: float
    factor: float


@dataclass(frozen=True)
class SimConfig:
    duration: float = 60.0
    seed: int = 0
    failures: tuple[Failure, ...] = ()
    bursts: tuple[Burst, ...] = ()
    retries: int = 0
    backoff: float = 0.1  # seconds before the first retry, doubled after each
    client_timeout: float | None = None
    warm_up_cache: float = 10.0  # seconds for a flushed cache to regain 63% of its hit ratio
    max_passes: int = 8


@dataclass
class StationTrace:
    """Every job a station saw in the final pass, sorted by arrival."""

    arrival: Floats
    start: Floats  # NaN when lost
    end: Floats
    lost: Bools
    lost_at: Floats
    sync: Bools
    service: Floats


@dataclass
class Attempts:
    request: Ints
    number: Ints  # 0 for the first try
    arrival: Floats
    key: NDArray[np.uint64]


@dataclass
class SimRun:
    config: SimConfig
    workload: Workload
    requests: int
    arrival: Floats  # per request: when it first arrived
    done: Floats  # when it succeeded (NaN if it never did)
    failed_at: Floats  # when it finally failed (NaN if it succeeded)
    attempts: Attempts
    traces: dict[str, StationTrace] = field(default_factory=dict)
    passes: int = 1
    settled: bool = True


def arrivals(rate: float, duration: float, bursts: tuple[Burst, ...], seed: int) -> Floats:
    """A Poisson stream at `rate`, raised to rate x factor inside each burst."""
    rng = np.random.default_rng(seed)
    edges = sorted(
        {0.0, duration, *(b.start for b in bursts), *(b.start + b.length for b in bursts)}
    )
    parts = []
    for lo, hi in itertools.pairwise(edges):
        if hi <= lo or lo >= duration:
            continue
        hi = min(hi, duration)
        factor = max([b.factor for b in bursts if b.start <= lo < b.start + b.length], default=1.0)
        count = rng.poisson(rate * factor * (hi - lo))
        parts.append(np.sort(rng.uniform(lo, hi, count)))
    return np.concatenate(parts) if parts else np.zeros(0)


def simulate(
    network: Network,
    workload: Workload,
    config: SimConfig,
    progress: Progress | None = None,
) -> SimRun:
    first = arrivals(workload.offered, config.duration, config.bursts, config.seed)
    n = len(first)
    base = rand.salt(config.seed, 1)
    requests = np.arange(n, dtype=np.int64)
    originals = Attempts(
        requests, np.zeros(n, np.int64), first, rand.mix(requests.astype(np.uint64) ^ base)
    )
    attempts = originals
    passes = 0
    settled = config.retries == 0
    while True:
        passes += 1
        end, fail, traces = _one_pass(network, attempts, config, progress, passes)
        if config.retries == 0 or passes >= config.max_passes:
            break
        nxt = _with_retries(originals, attempts, fail, config)
        if len(nxt.arrival) == len(attempts.arrival) and np.array_equal(
            nxt.arrival, attempts.arrival
        ):
            settled = True
            break
        attempts = nxt
    done = np.full(n, np.nan)
    failed_at = np.full(n, np.nan)
    ok = ~np.isnan(end)
    np.fmax.at(done, attempts.request[ok], end[ok])
    last = _last_attempt(attempts, n)
    final_fail = fail[last]
    failed_at = np.where(np.isnan(done), final_fail, np.nan)
    return SimRun(config, workload, n, first, done, failed_at, attempts, traces, passes, settled)


def _last_attempt(attempts: Attempts, n: int) -> Ints:
    order = np.lexsort((attempts.number, attempts.request))
    req_sorted = attempts.request[order]
    last_pos = np.searchsorted(req_sorted, np.arange(n), side="right") - 1
    return np.asarray(order[last_pos], dtype=np.int64)


def _with_retries(
    originals: Attempts, attempts: Attempts, fail: Floats, config: SimConfig
) -> Attempts:
    """The originals plus one retry for each failed attempt that has retries left."""
    retry = ~np.isnan(fail) & (attempts.number < config.retries)
    number = attempts.number[retry] + 1
    keys = rand.child(attempts.key[retry], 7)
    jitter = rand.uniform(keys, rand.salt(config.seed, 2))
    wait = config.backoff * (2.0 ** (number - 1)) * (0.5 + 0.5 * jitter)  # equal jitter
    more = Attempts(attempts.request[retry], number, fail[retry] + wait, keys)
    request = np.concatenate([originals.request, more.request])
    order = np.argsort(np.concatenate([originals.arrival, more.arrival]), kind="stable")
    return Attempts(
        request[order],
        np.concatenate([originals.number, more.number])[order],
        np.concatenate([originals.arrival, more.arrival])[order],
        np.concatenate([originals.key, more.key])[order],
    )


@dataclass
class _Jobs:
    time: Floats
    attempt: Ints
    sync: Bools
    key: NDArray[np.uint64]

    @staticmethod
    def join(parts: list[_Jobs]) -> _Jobs:
        if not parts:
            return _Jobs(
                np.zeros(0), np.zeros(0, np.int64), np.zeros(0, bool), np.zeros(0, np.uint64)
            )
        time = np.concatenate([p.time for p in parts])
        order = np.argsort(time, kind="stable")
        return _Jobs(
            time[order],
            np.concatenate([p.attempt for p in parts])[order],
            np.concatenate([p.sync for p in parts])[order],
            np.concatenate([p.key for p in parts])[order],
        )

    def take(self, mask: Bools | Ints) -> _Jobs:
        return _Jobs(self.time[mask], self.attempt[mask], self.sync[mask], self.key[mask])


def _one_pass(
    network: Network,
    attempts: Attempts,
    config: SimConfig,
    progress: Progress | None,
    pass_number: int,
) -> tuple[Floats, Floats, dict[str, StationTrace]]:
    """Per attempt: when it ended (NaN if it failed) and when it failed (NaN if it did not)."""
    count = len(attempts.arrival)
    end = np.full(count, -np.inf)
    fail = np.full(count, np.inf)
    inbox: dict[str, list[_Jobs]] = {name: [] for name in network.stations}
    entry = _pick_entry(network, attempts, config.seed)
    for index, name in enumerate(network.entries):
        mine = entry == index
        jobs = _Jobs(attempts.arrival[mine], np.flatnonzero(mine), np.ones(int(mine.sum()), bool),
                     attempts.key[mine])  # fmt: skip
        _send(network, name, jobs, 0.0, inbox, fail, config)
    traces: dict[str, StationTrace] = {}
    for step, name in enumerate(network.order):
        station = network.stations[name]
        jobs = _Jobs.join(inbox.pop(name))
        purpose = rand.salt(config.seed, 3, step)
        service = rand.service_times(jobs.key, purpose, station.service, station.cv)
        outages, node_down = [], None
        for failure in config.failures:
            if failure.target != name:
                continue
            if failure.action == "slow":
                window = (jobs.time >= failure.at) & (jobs.time < failure.until)
                service = np.where(window, service * failure.amount, service)
            elif failure.action == "kill":
                node_down = (failure.at, failure.until)
            elif failure.action == "kill-instances":
                killed = min(station.instances, int(failure.amount))
                if killed >= station.instances:
                    node_down = (failure.at, failure.until)
                else:
                    columns = tuple(
                        range(station.servers - killed * station.workers, station.servers)
                    )
                    outages.append(Outage(columns, failure.at, failure.until))
        run = run_station(
            jobs.time,
            service,
            station.servers,
            patience=station.timeout if station.timeout is not None else math.inf,
            capacity=station.queue,
            outages=tuple(outages),
            node_down=node_down,
        )
        lost = run.dropped | run.killed
        traces[name] = StationTrace(jobs.time, run.start, run.end, lost, run.lost_at, jobs.sync,
                                    service)  # fmt: skip
        sync_lost = lost & jobs.sync
        np.minimum.at(fail, jobs.attempt[sync_lost], run.lost_at[sync_lost])
        served = ~lost
        ok_sync = served & jobs.sync
        np.maximum.at(end, jobs.attempt[ok_sync], run.end[ok_sync])
        leaving = jobs.take(served)
        leaving.time = run.end[served]
        if station.hit is not None:
            hit = _hit_ratio(station.hit, name, leaving.time, config)
            answered = rand.uniform(leaving.key, rand.salt(config.seed, 4, step)) < hit
            leaving = leaving.take(~answered)
        _send(network, name, leaving, network.hop, inbox, fail, config)
        if progress is not None:
            progress((pass_number - 1 + (step + 1) / len(network.order)) / config.max_passes)
    failed = np.isfinite(fail)
    end = np.maximum(end, attempts.arrival)  # an attempt with no synchronous work ends at once
    if config.client_timeout is not None:
        late = ~failed & (end - attempts.arrival > config.client_timeout)
        fail[late] = attempts.arrival[late] + config.client_timeout
        failed |= late
    finished = np.where(failed, np.nan, end)
    return finished, np.where(failed, fail, np.nan), traces


def _pick_entry(network: Network, attempts: Attempts, seed: int) -> Ints:
    shares = np.array(list(network.entries.values()), dtype=float)
    if len(shares) <= 1:
        return np.zeros(len(attempts.arrival), np.int64)
    cumulative = np.cumsum(shares / shares.sum())
    u = rand.uniform(attempts.key, rand.salt(seed, 5))
    return np.minimum(np.searchsorted(cumulative, u), len(shares) - 1).astype(np.int64)


def _hit_ratio(hit: float, name: str, times: Floats, config: SimConfig) -> Floats:
    """The cache's hit ratio at each time: cold after a flush, warming up exponentially."""
    ratio = np.full(len(times), hit)
    for failure in config.failures:
        if failure.target == name and failure.action == "flush":
            since = times - failure.at
            warm = hit * -np.expm1(-np.maximum(since, 0) / config.warm_up_cache)
            ratio = np.where(since >= 0, np.minimum(ratio, warm), ratio)
    return ratio


def _send(
    network: Network,
    source: str,
    jobs: _Jobs,
    hop: float,
    inbox: dict[str, list[_Jobs]],
    fail: Floats,
    config: SimConfig,
) -> None:
    """Jobs leaving `source` along its routes: every route without a share, one of those
    with a share (or none, for the share left over)."""
    routes = network.out_routes(source)
    if not routes or not len(jobs.time):
        return
    chosen = [r for r in routes if r.p is not None]
    pick: Ints | None = None
    if chosen:
        cumulative = np.cumsum([r.p or 0.0 for r in chosen])
        u = rand.uniform(jobs.key, rand.salt(config.seed, 6, zlib.crc32(source.encode())))
        pick = np.searchsorted(cumulative, u, side="right")
    position = {id(r): i for i, r in enumerate(chosen)}
    for index, route in enumerate(routes):
        if route.target not in inbox:
            continue
        if route.p is None:
            mask: Bools = np.ones(len(jobs.time), bool)
        else:
            assert pick is not None
            mask = pick == position[id(route)]
        part = jobs.take(mask)
        part.time = part.time + hop
        part.sync = part.sync & route.sync
        for failure in config.failures:
            if (
                failure.action == "partition"
                and failure.target == source
                and failure.peer == route.target
            ):
                cut = (part.time >= failure.at) & (part.time < failure.until)
                lost = cut & part.sync
                np.minimum.at(fail, part.attempt[lost], part.time[lost])
                part = part.take(~cut)
        for copy in range(route.fanout):
            copy_jobs = _Jobs(part.time, part.attempt, part.sync, rand.child(part.key, index, copy))
            inbox[route.target].append(copy_jobs)

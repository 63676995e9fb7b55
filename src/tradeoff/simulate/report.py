"""What a run means: per-node figures, request latency, timelines and time to recover."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tradeoff.simulate.analytic import Analysis
from tradeoff.simulate.engine import SimRun, StationTrace
from tradeoff.simulate.model import Network

Floats = NDArray[np.float64]
WARM_UP = 0.1  # the first tenth of the run is left out of the summary figures (empty start)


def _pct(values: Floats, q: float) -> float | None:
    return float(np.percentile(values, q)) if len(values) else None


def _ms(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(value * 1e3, 4)


def node_figures(name: str, trace: StationTrace, servers: int, run: SimRun) -> dict[str, Any]:
    """Utilisation, throughput and time in the node, measured after the warm-up."""
    duration = run.config.duration
    since = duration * WARM_UP
    window = duration - since
    served = ~trace.lost
    late = trace.arrival >= since
    busy_start = np.clip(trace.start[served], since, duration)
    busy_end = np.clip(trace.end[served], since, duration)
    busy = float(np.sum(busy_end - busy_start))
    response = (trace.end - trace.arrival)[served & late]
    wait = (trace.start - trace.arrival)[served & late]
    in_window = served & (trace.end >= since) & (trace.end < duration)
    return {
        "node": name,
        "jobs": len(trace.arrival),
        "utilisation": round(busy / (servers * window), 4) if window > 0 else None,
        "throughput_per_s": round(int(in_window.sum()) / window, 2) if window > 0 else None,
        "lost": int(trace.lost.sum()),
        "mean_wait_ms": _ms(float(wait.mean())) if len(wait) else None,
        "p50_ms": _ms(_pct(response, 50)),
        "p95_ms": _ms(_pct(response, 95)),
        "p99_ms": _ms(_pct(response, 99)),
    }


def summarise(
    network: Network, analysis: Analysis, run: SimRun, bin_s: float = 1.0
) -> dict[str, Any]:
    """The JSON document `tradeoff simulate --format json` prints."""
    duration = run.config.duration
    since = duration * WARM_UP
    latency = run.done - run.arrival
    counted = run.arrival >= since
    ok = ~np.isnan(run.done) & counted
    failed = ~np.isnan(run.failed_at) & counted
    lat_ok = latency[ok]
    nodes = []
    for name, station in network.stations.items():
        load = analysis.loads[name]
        figures = node_figures(name, run.traces[name], station.servers, run)
        nodes.append(
            {
                "kind": station.kind,
                "line": station.line,
                "servers": station.servers,
                "service_ms": _ms(station.service),
                "assumed": sorted(station.assumed - {"availability"}),
                "analytic": {
                    "arrival_per_s": round(load.arrival, 3),
                    "utilisation": round(load.utilisation, 4),
                    "mean_wait_ms": _ms(load.wait),
                },
                **figures,
            }
        )
    bottleneck = analysis.bottleneck
    bottleneck_doc = None
    if bottleneck is not None:
        station = network.stations[bottleneck]
        bottleneck_doc = {
            "node": bottleneck,
            "line": station.line,
            "ceiling_per_s": round(analysis.ceiling, 2),
            "capacity_assumed": bool(station.assumed & {"instances", "service"}),
        }
    return {
        "workload": {
            "rate_per_s": run.workload.rate,
            "peak": run.workload.peak,
            "offered_per_s": run.workload.offered,
            "source": run.workload.source,
        },
        "duration_s": duration,
        "seed": run.config.seed,
        "requests": run.requests,
        "attempts": len(run.attempts.arrival),
        "passes": run.passes,
        "retries_settled": run.settled,
        "throughput_ceiling_per_s": round(analysis.ceiling, 2)
        if math.isfinite(analysis.ceiling)
        else None,
        "bottleneck": bottleneck_doc,
        "availability": round(analysis.availability, 6),
        "latency_ms": {
            "p50": _ms(_pct(lat_ok, 50)),
            "p95": _ms(_pct(lat_ok, 95)),
            "p99": _ms(_pct(lat_ok, 99)),
            "mean": _ms(float(lat_ok.mean())) if len(lat_ok) else None,
        },
        "error_rate": round(float(failed.sum()) / max(1, int(counted.sum())), 6),
        "nodes": nodes,
        "paths": [
            {"nodes": list(p.nodes), "share": round(p.probability, 4), "mean_ms": _ms(p.latency)}
            for p in analysis.paths
        ],
        "failures": failure_report(run, bin_s),
        "timeline": timeline(network, run, bin_s),
        "assumptions": [{"line": a.line, "text": a.text} for a in network.assumptions],
        "findings": [{"line": f.line, "text": f.message} for f in network.findings],
    }


def timeline(network: Network, run: SimRun, bin_s: float) -> dict[str, Any]:
    """Per bin of `bin_s` seconds: requests done and failed, p50/p99 of those done, and per
    node the queue length at the bin's end and the jobs it lost."""
    duration = run.config.duration
    edges = np.arange(0.0, duration + bin_s / 2, bin_s)
    if edges[-1] < duration:
        edges = np.append(edges, duration)
    ok = ~np.isnan(run.done)
    done_at = run.done[ok]
    latency = (run.done - run.arrival)[ok]
    which = np.digitize(done_at, edges) - 1
    p50: list[float | None] = []
    p99: list[float | None] = []
    order = np.argsort(which, kind="stable")
    groups = np.split(latency[order], np.searchsorted(which[order], np.arange(1, len(edges) - 1)))
    for group in groups:
        p50.append(_ms(_pct(group, 50)))
        p99.append(_ms(_pct(group, 99)))
    completed = np.histogram(done_at, edges)[0]
    failures = np.histogram(run.failed_at[~np.isnan(run.failed_at)], edges)[0]
    queues: dict[str, list[int]] = {}
    lost: dict[str, list[int]] = {}
    for name, trace in run.traces.items():
        left = np.where(trace.lost, trace.lost_at, trace.start)
        arrived = np.searchsorted(np.sort(trace.arrival), edges[1:], side="right")
        gone = np.searchsorted(np.sort(left), edges[1:], side="right")
        queues[name] = (arrived - gone).astype(int).tolist()
        lost[name] = np.histogram(trace.lost_at[trace.lost], edges)[0].astype(int).tolist()
    return {
        "bin_s": bin_s,
        "t_s": [round(float(t), 6) for t in edges[1:]],
        "completed": completed.astype(int).tolist(),
        "errors": failures.astype(int).tolist(),
        "p50_ms": p50,
        "p99_ms": p99,
        "queue": queues,
        "lost": lost,
    }


def failure_report(run: SimRun, bin_s: float) -> list[dict[str, Any]]:
    """For each failure: errors it caused and when requests were back to normal.

    Normal means: no errors and a p99 within 1.5x the pre-failure p99, in every bin from then
    to the end of the run. A failure that never ends, or a run that ends first, reports None.
    """
    out: list[dict[str, Any]] = []
    duration = run.config.duration
    edges = np.arange(0.0, duration + bin_s / 2, bin_s)
    latency = run.done - run.arrival
    for failure in run.config.failures:
        before = (run.arrival >= duration * WARM_UP) & (run.arrival < failure.at)
        base = latency[before & ~np.isnan(run.done)]
        base_p99 = float(np.percentile(base, 99)) if len(base) else math.inf
        errors = int(np.sum(~np.isnan(run.failed_at) & (run.failed_at >= failure.at)))
        recovered: float | None = None
        start = failure.until if math.isfinite(failure.until) else failure.at
        for lo in edges[edges >= start]:
            later = run.arrival >= lo
            bad = np.any(~np.isnan(run.failed_at) & later)
            tail = latency[later & ~np.isnan(run.done)]
            slow = len(tail) > 0 and float(np.percentile(tail, 99)) > 1.5 * base_p99
            if not bad and not slow and lo < duration:
                recovered = float(lo)
                break
        out.append(
            {
                "failure": failure.shown(),
                "at_s": failure.at,
                "errors": errors,
                "baseline_p99_ms": _ms(base_p99),
                "recovered_at_s": recovered,
                "time_to_recover_s": None
                if recovered is None
                else round(recovered - failure.at, 6),
            }
        )
    return out

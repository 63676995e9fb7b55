"""One FIFO station of c servers, solved for a whole arrival stream at once with numpy.

A FIFO queue is a recursion over jobs in arrival order: a job starts when it has arrived and
a server is free, and takes the server until it ends. Run job by job in Python that is about
a microsecond a job. Here the stream is cut into R segments of L jobs and the recursion runs
on all segments together, one numpy step per job position: each step moves R jobs. A segment
needs the servers' state at its start, which depends on the segment before it; the first
pass guesses "empty", later passes feed each segment the end state of the one before, and the
result is exact once no segment's start state changes (a queue forgets its past at the first
moment it has an idle server, so this takes a few passes, and at most R). With one server and
nothing to drop, Lindley's recursion has a closed form and needs no loop at all.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Bools = NDArray[np.bool_]

VECTOR_PASSES = 4  # then the rest runs job by job (see _sequential)
SEGMENT = 1024  # jobs per segment: measured fastest on 1M-job M/M/10 runs (256-4096 tried)


@dataclass(frozen=True)
class Outage:
    """Servers `columns` are down in [down, up): their jobs in service fail at `down`."""

    columns: tuple[int, ...]
    down: float
    up: float = float("inf")


@dataclass
class StationRun:
    """Per job, in the order given: start, end (NaN when dropped) and why a job was lost."""

    start: Floats
    end: Floats
    dropped: Bools  # refused: queue full, waited past the timeout, or node down
    killed: Bools  # in service when its server was killed
    server: Ints
    passes: int = 1
    lost_at: Floats = field(default_factory=lambda: np.zeros(0))  # time each lost job failed


def lindley(arrivals: Floats, service: Floats) -> tuple[Floats, Floats]:
    """Single-server FIFO in closed form: D_n = C_n + max_{k<=n}(A_k - C_{k-1})."""
    cum = np.cumsum(service)
    before = cum - service
    end = cum + np.maximum.accumulate(arrivals - before)
    return end - service, end


def run_station(
    arrivals: Floats,
    service: Floats,
    servers: int,
    *,
    patience: float = float("inf"),
    capacity: int | None = None,
    outages: tuple[Outage, ...] = (),
    node_down: tuple[float, float] | None = None,
    segment: int = SEGMENT,
) -> StationRun:
    """Serve `arrivals` (sorted) with `servers` FIFO servers.

    `patience`: a job that would wait longer than this is dropped when it would have started
    (a caller's timeout; it never takes a server). `capacity`: at most this many jobs wait; a
    job arriving to a full queue is dropped at once. `outages`: servers killed for a while.
    `node_down`: the whole node is down in [down, up): jobs arriving then are refused, and
    jobs still waiting or in service at `down` fail at `down`.
    """
    n = len(arrivals)
    if servers < 1:
        raise ValueError("a station needs at least one server")
    lost_at = np.full(n, np.nan)
    if n == 0:
        empty = np.zeros(0)
        return StationRun(empty, empty, np.zeros(0, bool), np.zeros(0, bool), np.zeros(0, np.int64))
    simple = (
        servers == 1 and patience == float("inf") and capacity is None and not outages
        and node_down is None
    )  # fmt: skip
    if simple:
        start, end = lindley(arrivals, service)
        none = np.zeros(n, bool)
        return StationRun(start, end, none, none.copy(), np.zeros(n, np.int64), 1, lost_at)
    refused = np.zeros(n, bool)
    all_outages = list(outages)
    if node_down is not None:
        down, up = node_down
        refused = (arrivals >= down) & (arrivals < up)
        all_outages.append(Outage(tuple(range(servers)), down, up))
    with np.errstate(invalid="ignore"):  # padding jobs at +inf give inf - inf
        start, end, dropped, server, passes = _segments(
            arrivals, service, servers, patience, capacity, tuple(all_outages), node_down, segment
        )
    dropped |= refused
    start[refused] = np.nan
    end[refused] = np.nan
    lost_at[dropped] = np.where(refused[dropped], arrivals[dropped], np.nan)
    waited = dropped & ~refused
    # A queue-full drop fails on arrival; a timeout when the patience runs out; a job still
    # waiting when its node went down fails then.
    lost_at[waited] = _drop_time(arrivals[waited], start[waited], patience, node_down)
    killed = np.zeros(n, bool)
    for outage in all_outages:
        on = np.isin(server, outage.columns) & ~dropped
        hit = on & (start < outage.down) & (end > outage.down)
        killed |= hit
        lost_at[hit] = outage.down
    end[killed] = np.nan
    start[dropped] = np.nan
    end[dropped] = np.nan
    return StationRun(start, end, dropped, killed, server, passes, lost_at)


def _drop_time(
    arrivals: Floats, would_start: Floats, patience: float, node_down: tuple[float, float] | None
) -> Floats:
    out = np.where(np.isnan(would_start), arrivals, np.minimum(would_start, arrivals + patience))
    if node_down is not None:
        down = node_down[0]
        out = np.where((arrivals < down) & (out >= down), down, out)
    return out


def _segments(
    arrivals: Floats,
    service: Floats,
    servers: int,
    patience: float,
    capacity: int | None,
    outages: tuple[Outage, ...],
    node_down: tuple[float, float] | None,
    segment: int,
) -> tuple[Floats, Floats, Bools, Ints, int]:
    n = len(arrivals)
    segment = max(8, min(segment, n))
    rows = -(-n // segment)
    pad = rows * segment - n
    inf = np.inf
    arr = np.concatenate([arrivals, np.full(pad, inf)]).reshape(rows, segment)
    svc = np.concatenate([service, np.zeros(pad)]).reshape(rows, segment)
    k = capacity if capacity is not None else 0
    first = arr[:, 0]
    # Start state of every segment: servers' next-free times, last starts, the ring of the
    # last k accepted starts (to count who is still waiting).
    free0, last0 = _canon(
        np.full((rows, servers), -inf), np.full((rows, servers), -inf), first, outages
    )
    ring0 = np.repeat(first[:, None], max(k, 1), axis=1)
    ptr0 = np.zeros(rows, np.int64)
    start = np.empty((rows, segment))
    drop = np.zeros((rows, segment), bool)
    server = np.zeros((rows, segment), np.int64)
    todo = np.arange(rows)
    passes = 0
    out_cols = sorted({c for o in outages for c in o.columns})
    normal = [c for c in range(servers) if c not in out_cols]
    dropping = patience < inf or k > 0 or node_down is not None
    arr_t, svc_t = arr.T, svc.T  # rows of one job position: contiguous for each step
    while len(todo):
        if passes >= VECTOR_PASSES:
            # Still changing: a long busy period (an overloaded station) spans many segments.
            # Finish job by job from the first unsettled segment; a bounded cost of ~1 us/job.
            first_row = int(todo[0])
            _sequential(
                arr.reshape(-1), svc.reshape(-1), first_row * segment,
                free0[first_row], last0[first_row], ring0[first_row], patience, k, outages,
                node_down, start.reshape(-1), drop.reshape(-1), server.reshape(-1),
            )  # fmt: skip
            passes += 1
            break
        passes += 1
        whole = len(todo) == rows
        free, last = free0[todo], last0[todo]
        ring, ptr = ring0[todo], ptr0[todo]
        sub = np.arange(len(todo))
        a_all = arr_t if whole else arr_t[:, todo]
        s_all = svc_t if whole else svc_t[:, todo]
        st_out = np.empty((segment, len(todo)))
        idx_out = np.empty((segment, len(todo)), np.int64)
        lost_out = np.zeros((segment, len(todo)), bool)
        for j in range(segment):
            a = a_all[j]
            eff = free
            if outages:
                eff = free.copy()
                for o in outages:
                    for col in o.columns:
                        keep = (np.maximum(free[:, col], a) < o.down) | (last[:, col] >= o.up)
                        eff[:, col] = np.where(keep, free[:, col], np.maximum(o.up, a))
                # Idle is idle: clip to the arrival so the lowest idle column wins, whatever
                # its past (outage columns come last, so a healthy server is taken first).
                eff = np.maximum(eff, a[:, None])
            idx = eff.argmin(axis=1)
            st = np.maximum(a, eff[sub, idx])
            st_out[j] = st
            idx_out[j] = idx
            if not dropping:
                free[sub, idx] = st + s_all[j]
                if outages:
                    last[sub, idx] = st
                continue
            lost = st - a > patience
            if node_down is not None:
                down, up = node_down
                lost |= ((a < down) & (st >= down)) | ((a >= down) & (a < up))
            if k:
                lost |= ring[sub, ptr] > a
            lost_out[j] = lost
            keep_job = ~lost
            free[sub, idx] = np.where(keep_job, st + s_all[j], free[sub, idx])
            if outages:
                last[sub, idx] = np.where(keep_job, st, last[sub, idx])
            if k:
                ring[sub, ptr] = np.where(keep_job, st, ring[sub, ptr])
                ptr = np.where(keep_job, (ptr + 1) % k, ptr)
        start[todo] = st_out.T
        drop[todo] = lost_out.T
        server[todo] = idx_out.T
        # The end state of segment r, put in a canonical form, is the start of segment r+1.
        nxt = todo[todo + 1 < rows]
        if not len(nxt):
            break
        pos = np.searchsorted(todo, nxt)
        after = first[nxt + 1]
        new_free, new_last = _canon(free[pos], last[pos], after, outages)
        if normal:
            new_free[:, normal] = np.sort(new_free[:, normal], axis=1)
        if k:
            order = (ptr[pos][:, None] + np.arange(k)) % k
            new_ring = np.maximum(ring[pos][np.arange(len(pos))[:, None], order], after[:, None])
        else:
            new_ring = ring0[nxt + 1]
        changed = (
            (new_free != free0[nxt + 1]).any(axis=1)
            | (new_last != last0[nxt + 1]).any(axis=1)
            | (new_ring != ring0[nxt + 1]).any(axis=1)
        )
        targets = nxt[changed] + 1
        free0[targets] = new_free[changed]
        last0[targets] = new_last[changed]
        ring0[targets] = new_ring[changed]
        ptr0[targets] = 0
        todo = targets
    flat = slice(0, n)
    begin = start.reshape(-1)[flat].copy()
    return (
        begin,
        begin + service,
        drop.reshape(-1)[flat].copy(),
        server.reshape(-1)[flat].copy(),
        passes,
    )


def _canon(
    free: Floats, last: Floats, after: Floats, outages: tuple[Outage, ...]
) -> tuple[Floats, Floats]:
    """Servers' state as seen by jobs arriving from `after` on, in one form per meaning.

    A free time before `after` means "idle" whatever its value. A server under an outage is
    either alive before its kill (last start -inf) or already back or dead until `up` (its
    free time at least `up`, last start +inf): the step loop reads these the same way.
    """
    at = after[:, None]
    free = np.maximum(free, at)
    canon = np.full_like(last, -np.inf)
    for o in outages:
        for col in o.columns:
            alive = free[:, col] < o.down
            returned = last[:, col] >= o.up  # took a job after coming back
            back = np.where(returned, free[:, col], np.maximum(o.up, after))
            free[:, col] = np.where(alive, free[:, col], back)
            canon[:, col] = np.where(alive, -np.inf, np.inf)
    return free, canon


def _sequential(
    arr: Floats,
    svc: Floats,
    begin: int,
    free_in: Floats,
    last_in: Floats,
    ring_in: Floats,
    patience: float,
    k: int,
    outages: tuple[Outage, ...],
    node_down: tuple[float, float] | None,
    start: Floats,
    drop: Bools,
    server: Ints,
) -> None:
    """The same recursion as the vectorised step, one job at a time, from job `begin` on."""
    free = [float(x) for x in free_in]
    last = [float(x) for x in last_in]
    ring = [float(x) for x in ring_in]
    ptr = 0
    watched = [(c, o.down, o.up) for o in outages for c in o.columns]
    out_cols = {c for c, _, _ in watched}
    latest_up = max((o.up for o in outages), default=math.inf)
    heap = [(f, c) for c, f in enumerate(free) if c not in out_cols]
    heapq.heapify(heap)
    down, up = node_down if node_down is not None else (math.inf, math.inf)
    arrivals = arr.tolist()
    services = svc.tolist()
    starts = start.tolist()
    drops = drop.tolist()
    servers = server.tolist()
    for j in range(begin, len(arrivals)):
        a = arrivals[j]
        if a == math.inf:
            break  # padding after the last job
        if watched and a >= latest_up and all(last[c] >= latest_up for c, _, _ in watched):
            for c, _, _ in watched:  # every killed server is back and has served: plain again
                heapq.heappush(heap, (free[c], c))
            watched = []
        f, col = heap[0] if heap else (math.inf, -1)
        f = a if a > f else f
        from_heap = bool(heap)
        for c, o_down, o_up in watched:  # servers under an outage, read as the step does
            fc = free[c]
            e = fc if (fc < o_down and a < o_down) or last[c] >= o_up else max(o_up, a)
            e = a if a > e else e
            if e < f or (e == f and not from_heap and c < col):
                f, col, from_heap = e, c, False
        st = a if a > f else f
        lost = st - a > patience
        if node_down is not None:
            lost = lost or (a < down <= st) or (down <= a < up)
        if k:
            lost = lost or ring[ptr] > a
        starts[j], drops[j], servers[j] = st, lost, col
        if lost:
            continue
        if from_heap:
            heapq.heapreplace(heap, (st + services[j], col))
        else:
            free[col] = st + services[j]
            last[col] = st
        if k:
            ring[ptr] = st
            ptr = (ptr + 1) % k
    start[:] = starts
    drop[:] = drops
    server[:] = servers

"""Latency of the problem list and a session page under concurrent clients, and the review
endpoint's throughput against the same reviews done in process, over real HTTP.

A uvicorn server (2 workers by default) runs in its own process on 127.0.0.1 over a scratch
SQLite store holding one finished practice session; this process is the load: N clients
(asyncio tasks, each with its own keep-alive connection), each sending its next request as
soon as the last one answers, for a fixed time per page. Target: p99 under 50 ms at 50 clients.

Then `POST /api/reviews` (the design below) from a few clients for a fixed time, against the
same review (`services.reviews.read_text` and `scorecard`, what the route calls) run back to
back in as many plain processes as the server has workers, for the same time; the two
alternate for a few rounds and each side is summed, so other work on the machine that comes
and goes weighs on both. Target: the endpoint serves at least 90% of the in-process rate.
The CPU each review took on each side (the server's processes and this load, against the
plain processes) is printed too: its ratio is what idle cores would give.

Run: `python bench/web.py [--clients 50] [--seconds 10] [--workers 2] [--review-clients 6]
[--review-seconds 5] [--review-rounds 3] [--only pages|reviews]`; exit 1 when a target is
missed. The machine's load average is printed too: other work on the same cores shows up in
the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path

import httpx

TARGET_P99_MS = 50.0
TARGET_REVIEW_SHARE = 0.9  # of the in-process reviews a second
REVIEW_PROBLEM = "url-shortener"
TURNS = [
    "How many new links are created each month, and what is the read to write ratio?",
    "I'll assume 100M new links a month, so about 40 writes a second and 4,000 reads.",
    "A load balancer spreads requests over stateless app servers that read a Redis cache.",
    "Links live in a key-value store keyed by the short code, replicated three ways.",
    "If a cache node dies, reads fall through to the store while the cache warms up.",
]
DESIGN = """# URL shortener

## Requirements
- Shorten a long link to a 7-character code; redirect on GET /{code}.
- 100M new links a month; reads are 100x writes.

## Capacity
- Writes: 100M / month / 2.6M s = about 40/s; reads about 4,000/s, peak 12,000/s.
- Storage: 100M x 500 B = 50 GB a month, 3 TB over five years.

## Design
```mermaid
flowchart LR
  user[Browser] --> lb[Load balancer]
  lb --> app[App servers]
  app --> cache[(Redis)]
  app --> db[(Key-value store)]
```
- Ids come from leased blocks of 1,000 per server, base62-encoded.
- Hot codes are cached for a day because reads dominate.
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _seed(db_url: str) -> int:
    """One ended session with turns, a design and its report; returns its id."""
    from tradeoff.catalog import default_catalog
    from tradeoff.services.practice import PracticeSessions
    from tradeoff.store import Store

    with Store.open(db_url) as store:
        sessions = PracticeSessions(store, default_catalog())
        session_id = sessions.start("url-shortener")
        for turn in TURNS:
            sessions.say(session_id, turn)
        sessions.save_design(session_id, DESIGN)
        sessions.end(session_id)
    return session_id


Server = subprocess.Popen[bytes]


def _start_server(db_url: str, port: int, workers: int, env: dict[str, str]) -> Server:
    # The app as its own command deploys it: `tradeoff serve --workers N` gives each process
    # a socket of its own on Linux (tradeoff.web.workers), so the clients spread evenly.
    command = [
        sys.executable, "-m", "tradeoff", "serve", "--host", "127.0.0.1", "--port", str(port),
        "--workers", str(workers), "--db", db_url,
    ]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)


def _wait_ready(base: str, paths: list[str], server: Server) -> None:
    """Until every page answers 200 (the catalog and the store open on first use)."""
    deadline = time.monotonic() + 180
    with httpx.Client(base_url=base, timeout=60) as client:
        for path in paths:
            while True:
                if server.poll() is not None:
                    raise SystemExit(f"the server exited with status {server.returncode}")
                try:
                    if client.get(path).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit(f"{path} did not answer 200 within 180 s")
                time.sleep(0.2)


class _Connection:
    """One keep-alive HTTP/1.1 connection speaking just enough of the protocol for the bench.

    httpx's async pool costs 11-13 ms of CPU a request at 50 connections, more than the
    server it measures on the same cores; this costs a small fraction of a millisecond,
    so the cores go to the server.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.cookies: dict[str, str] = {}  # those the server set, sent back as a browser does

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body length) of one GET; reconnects when the server closed the last one."""
        status, body = await self.request("GET", path)
        return status, len(body)

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        """(status, body) of one request."""
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if body or method != "GET":
            lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        parsed = [line.partition(":") for line in head[1:] if line]
        fields = {name.strip().lower(): value.strip() for name, _, value in parsed}
        answer = await reader.readexactly(int(fields.get("content-length", "0")))
        for name, _, value in parsed:
            if name.strip().lower() == "set-cookie":
                key, _, cookie = value.split(";")[0].strip().partition("=")
                self.cookies[key] = cookie
        if fields.get("connection", "").lower() == "close":
            await self.close()
        return status, answer

    async def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def _load(base: str, path: str, clients: int, seconds: float) -> tuple[list[float], int]:
    """Closed-loop load: each client sends its next request when the last one answers."""
    latencies: list[float] = []
    errors = 0
    host, _, port = base.removeprefix("http://").partition(":")
    end = time.perf_counter() + seconds

    async def one_client() -> None:
        nonlocal errors
        connection = _Connection(host, int(port))
        while time.perf_counter() < end:
            started = time.perf_counter()
            try:
                status, size = await asyncio.wait_for(connection.get(path), 30)
                ok = status == 200 and size > 1000
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                ok = False
                await connection.close()
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not ok
        await connection.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies, errors


def _process_tree_cpu(root: int) -> float:
    """CPU seconds (user + system) used so far by `root` and every process below it, from
    /proc: the uvicorn supervisor and its workers."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # a process that ended while we looked
        fields = text[text.rindex(")") + 2 :].split()  # after "pid (name) "
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        times[pid] = (int(fields[11]) + int(fields[12])) / tick
    total, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        total += times.get(pid, 0.0)
        stack += [child for child, parent in parents.items() if parent == pid]
    return total


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Measured:
    latencies: list[float]
    errors: int
    server_cpu: float  # seconds, the server's processes, during the load
    client_cpu: float  # seconds, this process (the load), during the load


def _measure(base: str, path: str, server: Server, clients: int, seconds: float) -> Measured:
    server_before, client_before = _process_tree_cpu(server.pid), time.process_time()
    latencies, errors = asyncio.run(_load(base, path, clients, seconds))
    return Measured(
        latencies,
        errors,
        _process_tree_cpu(server.pid) - server_before,
        time.process_time() - client_before,
    )


# --- the review endpoint against the same reviews in process ------------------------------


def _review_once(catalog: object) -> None:
    """The work `POST /api/reviews` asks of the services (the route adds HTTP, validation
    and JSON around it)."""
    from tradeoff.catalog.loader import Catalog
    from tradeoff.services import reviews

    assert isinstance(catalog, Catalog)
    reviews.scorecard(reviews.read_text(DESIGN), catalog, REVIEW_PROBLEM, "senior")


@dataclass
class Rate:
    """Reviews done in a time, and the CPU they took (every process doing or asking)."""

    reviews: int
    seconds: float
    cpu: float

    def __add__(self, other: Rate) -> Rate:
        return Rate(
            self.reviews + other.reviews, self.seconds + other.seconds, self.cpu + other.cpu
        )

    @property
    def per_second(self) -> float:
        return self.reviews / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms(self) -> float:
        return self.cpu / self.reviews * 1000 if self.reviews else float("inf")


def _review_process(go: Event, seconds: float, done: Queue[tuple[int, float]]) -> None:
    """One process reviewing the design back to back for `seconds` once `go` is set; puts
    (reviews finished in time, CPU seconds) once the time is up."""
    from tradeoff.catalog import default_catalog

    catalog = default_catalog()
    _review_once(catalog)  # imports and first-use caches, as a warmed server worker has
    done.put((-1, 0.0))  # ready
    go.wait()
    cpu, count = time.process_time(), 0
    end = time.perf_counter() + seconds
    while True:
        _review_once(catalog)
        if time.perf_counter() > end:  # a review finishing after the bell is not counted
            break
        count += 1
    done.put((count, time.process_time() - cpu))


def _reviews_in_process(processes: int, seconds: float) -> Rate:
    """Reviews by `processes` plain processes started together (forked from this one: no
    server, no HTTP, the same code and catalog)."""
    context = multiprocessing.get_context("fork")
    done: Queue[tuple[int, float]] = context.Queue()
    go = context.Event()
    workers = [
        context.Process(target=_review_process, args=(go, seconds, done)) for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        done.get(timeout=300)
    go.set()
    results = [done.get(timeout=seconds + 300) for _ in workers]
    for worker in workers:
        worker.join()
    return Rate(sum(n for n, _ in results), seconds, sum(cpu for _, cpu in results))


async def _review_load(base: str, clients: int, seconds: float) -> tuple[int, int]:
    """(reviews answered 200 in time, errors) from `clients` closed-loop clients posting the
    design to /api/reviews, each with the CSRF token of its own cookies."""
    host, _, port = base.removeprefix("http://").partition(":")
    body = json.dumps({"text": DESIGN, "problem": REVIEW_PROBLEM, "level": "senior"}).encode()
    answered = errors = 0
    connections = [_Connection(host, int(port)) for _ in range(clients)]
    headers: list[dict[str, str]] = []
    for connection in connections:  # before the clock starts
        status, who = await connection.request("GET", "/api/session")
        assert status == 200, who[:200]
        token = json.loads(who)["csrf_token"]
        # A connection a review: a keep-alive one stays with the worker that accepted it,
        # and two of six could land on one worker and leave the other idle; a new one goes
        # to whichever worker accepts first, which is the idle one. The cookie (and so the
        # token) carries over.
        headers.append(
            {"Content-Type": "application/json", "X-CSRF-Token": token, "Connection": "close"}
        )

    async def one_client(connection: _Connection, sent: dict[str, str], end: float) -> None:
        nonlocal answered, errors
        while time.perf_counter() < end:
            try:
                status, answer = await asyncio.wait_for(
                    connection.request("POST", "/api/reviews", body, sent), 60
                )
                ok = status == 200 and b'"findings"' in answer
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                ok = False
                await connection.close()
            if time.perf_counter() <= end:  # a review finishing after the bell is not counted
                answered += ok
                errors += not ok
        await connection.close()

    end = time.perf_counter() + seconds
    pairs = zip(connections, headers, strict=True)
    await asyncio.gather(*(one_client(c, h, end) for c, h in pairs))
    return answered, errors


@dataclass
class ReviewRates:
    in_process: Rate
    endpoint: Rate
    errors: int
    rounds: list[tuple[float, float]]  # (in process, endpoint) reviews a second, by round

    @property
    def share(self) -> float:
        return self.endpoint.per_second / self.in_process.per_second

    @property
    def verdict_share(self) -> float:
        """The lower of the two shares. On a shared machine the wall-clock one can favour
        the endpoint (its server has more runnable threads, so the kernel gives it more of
        the cores than the two plain processes) or not (other work came during its run);
        the CPU one has neither bias, but assumes the cores stay busy."""
        return min(self.share, self.cpu_share)

    @property
    def cpu_share(self) -> float:
        """In-process CPU a review over the endpoint's (server and load): the share of the
        in-process rate the endpoint would reach on the same idle cores."""
        return self.in_process.cpu_ms / self.endpoint.cpu_ms


def _measure_reviews(
    base: str, server: Server, workers: int, clients: int, seconds: float, rounds: int
) -> ReviewRates:
    """Alternate in-process and endpoint runs, `rounds` of each, and sum each side: other
    work on the machine that comes and goes then weighs on both sides alike."""
    asyncio.run(_review_load(base, clients, 3.0))  # warm each worker's review path
    in_process = endpoint = Rate(0, 0.0, 0.0)
    errors, by_round = 0, []
    for _ in range(rounds):
        alone = _reviews_in_process(workers, seconds)
        server_cpu, load_cpu = _process_tree_cpu(server.pid), time.process_time()
        answered, failed = asyncio.run(_review_load(base, clients, seconds))
        cpu = _process_tree_cpu(server.pid) - server_cpu + time.process_time() - load_cpu
        served = Rate(answered, seconds, cpu)
        in_process, endpoint, errors = in_process + alone, endpoint + served, errors + failed
        by_round.append((alone.per_second, served.per_second))
    return ReviewRates(in_process, endpoint, errors, by_round)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="of load per page")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument(
        "--review-clients", type=int, default=6, help="clients posting to /api/reviews"
    )
    parser.add_argument(
        "--review-seconds", type=float, default=5.0, help="each run, in process or the endpoint"
    )
    parser.add_argument(
        "--review-rounds", type=int, default=3, help="in-process and endpoint runs, alternating"
    )
    parser.add_argument("--only", choices=("pages", "reviews"), help="measure one part only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tradeoff-bench-web-") as scratch:
        folder = Path(scratch)
        env = dict(os.environ)
        env |= {"XDG_DATA_HOME": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config")}
        os.environ.update(env)  # the seeding below uses the same scratch folders
        db_url = f"sqlite:///{folder / 'bench.db'}"
        session_id = _seed(db_url)
        pages = {"problem list": "/problems", "session page": f"/sessions/{session_id}"}
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = _start_server(db_url, port, args.workers, env)
        try:
            _wait_ready(base, list(pages.values()), server)
            # Warm every worker (imports, templates, the catalog) before measuring.
            asyncio.run(_load(base, "/problems", 8, 2.0))
            asyncio.run(_load(base, pages["session page"], 8, 2.0))
            results = {
                name: _measure(base, path, server, args.clients, args.seconds)
                for name, path in pages.items()
                if args.only != "reviews"
            }
            rates = None
            if args.only != "pages":
                rates = _measure_reviews(
                    base, server, args.workers, args.review_clients, args.review_seconds,
                    args.review_rounds,
                )  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=30)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    cores = os.cpu_count() or 1
    print(
        f"{args.clients} clients, {args.seconds:g} s a page, {args.workers} uvicorn workers,"
        f" {cores} cores (load average {load} at the end)"
    )
    passed = True
    for name, run in results.items():
        latencies, count = run.latencies, len(run.latencies)
        p50, p99 = statistics.median(latencies), _percentile(latencies, 0.99)
        verdict = "ok" if p99 < TARGET_P99_MS and not run.errors else "MISSED"
        passed &= verdict == "ok"
        print(
            f"{name:13} {count / args.seconds:7.0f} req/s  p50 {p50:6.1f} ms"
            f"  p99 {p99:6.1f} ms  max {max(latencies):6.1f} ms  errors {run.errors}"
            f"  (target: p99 < {TARGET_P99_MS:g} ms) {verdict}"
        )
        server_ms = run.server_cpu / count * 1000
        client_ms = run.client_cpu / count * 1000
        # A quiet machine gives the server and this load all its cores: at most cores / (CPU
        # a request, both sides) requests a second; with every client always waiting on one
        # request, the mean latency is then at least clients / that rate (Little's law),
        # and the p99 above it.
        rate = cores / ((server_ms + client_ms) / 1000)
        floor = args.clients / rate * 1000
        print(
            f"{'':13} CPU a request: server {server_ms:5.2f} ms, load {client_ms:5.2f} ms;"
            f" {cores} idle cores: at most {rate:4.0f} req/s, so a mean of at least"
            f" {floor:5.1f} ms at {args.clients} clients"
        )
    if rates is None:
        return 0 if passed else 1
    met = rates.verdict_share >= TARGET_REVIEW_SHARE and not rates.errors
    passed &= met
    alone, served = rates.in_process, rates.endpoint
    print(
        f"reviews       in process ({args.workers} processes) {alone.per_second:6.1f}/s;"
        f" POST /api/reviews ({args.review_clients} clients) {served.per_second:6.1f}/s;"
        f" errors {rates.errors}; {args.review_rounds} rounds of {args.review_seconds:g} s each"
    )
    print(
        f"{'':13} endpoint / in process {rates.share:5.1%} by the clock,"
        f" {rates.cpu_share:5.1%} by CPU a review"
        f"  (target: at least {TARGET_REVIEW_SHARE:.0%} by both) {'ok' if met else 'MISSED'}"
    )
    each = ", ".join(f"{a:.1f} vs {b:.1f}" for a, b in rates.rounds)
    print(
        f"{'':13} by round (in process vs endpoint, reviews/s): {each}"
        f"\n{'':13} CPU a review: in process {alone.cpu_ms:5.1f} ms, endpoint"
        f" {served.cpu_ms:5.1f} ms (server and load)"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())

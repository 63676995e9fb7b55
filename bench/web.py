"""Latency of the problem list and a session page under concurrent clients, over real HTTP.

A uvicorn server (2 workers by default) runs in its own process on 127.0.0.1 over a scratch
SQLite store holding one finished practice session; this process is the load: N clients
(asyncio tasks, each with its own keep-alive connection), each sending its next request as
soon as the last one answers, for a fixed time per page. Target: p99 under 50 ms at 50 clients.
Run: `python bench/web.py [--clients 50] [--seconds 10] [--workers 2]`; exit 1 when a page
misses the target. The machine's load average is printed too: other work on the same cores
shows up in the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

TARGET_P99_MS = 50.0
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
    command = [
        sys.executable, "-m", "uvicorn", "tradeoff.web.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    return subprocess.Popen(command, env=env | {"TRADEOFF_DATABASE_URL": db_url})


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
    """One keep-alive HTTP/1.1 connection speaking just enough of the protocol for GETs.

    httpx's async pool costs 11-13 ms of CPU a request at 50 connections, more than the
    server it measures on the same cores; this costs a small fraction of a millisecond,
    so the cores go to the server.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.cookie = ""  # the nonce cookie the first answer sets, sent back as a browser does

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body length) of one GET; reconnects when the server closed the last one."""
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        cookie = f"Cookie: {self.cookie}\r\n" if self.cookie else ""
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n{cookie}\r\n".encode())
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = [line.partition(":") for line in head[1:] if line]
        fields = {name.strip().lower(): value.strip() for name, _, value in headers}
        body = await reader.readexactly(int(fields.get("content-length", "0")))
        for name, _, value in headers:
            if name.strip().lower() == "set-cookie":
                self.cookie = value.split(";")[0].strip()
        if fields.get("connection", "").lower() == "close":
            await self.close()
        return status, len(body)

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="of load per page")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
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
            }
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
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())

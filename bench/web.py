"""Latency of the problem list and a session page under concurrent clients, over real HTTP.

A uvicorn server (2 workers by default) runs in its own process on 127.0.0.1 over a scratch
SQLite store holding one finished practice session; this process is the load: N clients
(asyncio tasks sharing one httpx connection pool), each sending its next request as soon as
the last one answers, for a fixed time per page. Target: p99 under 50 ms at 50 clients.
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


async def _load(base: str, path: str, clients: int, seconds: float) -> tuple[list[float], int]:
    """Closed-loop load: each client sends its next request when the last one answers."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        end = time.perf_counter() + seconds

        async def one_client() -> None:
            nonlocal errors
            while time.perf_counter() < end:
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code == 200 and len(response.content) > 1000
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - started) * 1000)
                errors += not ok

        await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies, errors


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


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
                name: asyncio.run(_load(base, path, args.clients, args.seconds))
                for name, path in pages.items()
            }
        finally:
            server.terminate()
            server.wait(timeout=30)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{args.clients} clients, {args.seconds:g} s a page, {args.workers} uvicorn workers,"
        f" {os.cpu_count()} cores (load average {load} at the end)"
    )
    passed = True
    for name, (latencies, errors) in results.items():
        p50, p99 = statistics.median(latencies), _percentile(latencies, 0.99)
        verdict = "ok" if p99 < TARGET_P99_MS and not errors else "MISSED"
        passed &= verdict == "ok"
        print(
            f"{name:13} {len(latencies) / args.seconds:7.0f} req/s  p50 {p50:6.1f} ms"
            f"  p99 {p99:6.1f} ms  max {max(latencies):6.1f} ms  errors {errors}"
            f"  (target: p99 < {TARGET_P99_MS:g} ms) {verdict}"
        )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""CPU time a request of the problem list and a session page costs inside the app process.

The ASGI app is called directly (no sockets, no HTTP client) one request after another, and
the process's CPU time (every thread: the threadpool that runs sync routes counts) is
divided by the number of requests. Unlike bench/web.py this figure hardly moves with the
machine's load, so a change to the server's cost per request shows even on busy cores.
The store is a scratch SQLite file holding the session bench/web.py seeds.
Run: `python bench/web_cpu.py [--requests 300] [--rounds 5] [--profile list|session]
[--sort ttot|tsub]` (yappi, CPU clock; tsub: a function's own time). Other work on the
cores still inflates CPU time a little (caches, frequency), so each page is measured in
rounds and the least is printed with the median.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def _seeder() -> Any:
    """bench/web.py's _seed (one ended session with turns, a design and its report)."""
    spec = importlib.util.spec_from_file_location("bench_web", HERE / "web.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_web"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module._seed


async def _get(app: Any, path: str, cookie: str) -> tuple[int, int, str]:
    """(status, body length, the Set-Cookie nonce) of one GET through the ASGI app."""
    path, _, query = path.partition("?")
    headers = [(b"host", b"127.0.0.1")]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": query.encode(), "headers": headers, "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80), "state": {},
    }  # fmt: skip
    status, size, set_cookie = 0, 0, ""

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, size, set_cookie
        if message["type"] == "http.response.start":
            status = message["status"]
            for name, value in message["headers"]:
                if name == b"set-cookie":
                    set_cookie = value.decode().split(";")[0]
        elif message["type"] == "http.response.body":
            size += len(message.get("body", b""))

    await app(scope, receive, send)
    return status, size, set_cookie


async def _run(app: Any, path: str, requests: int) -> float:
    """CPU milliseconds a request, after a warm-up, with the browser's nonce cookie."""
    status, size, cookie = await _get(app, path, "")
    if status != 200 or size < 1000:
        raise SystemExit(f"{path} answered {status} with {size} bytes")
    for _ in range(20):
        await _get(app, path, cookie)
    started = time.process_time()
    for _ in range(requests):
        await _get(app, path, cookie)
    return (time.process_time() - started) / requests * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="per page, after warm-up")
    parser.add_argument("--rounds", type=int, default=5, help="the least is the quietest")
    parser.add_argument(
        "--profile", choices=("list", "session"), help="profile one page with yappi"
    )
    parser.add_argument(
        "--sort", choices=("ttot", "tsub"), default="ttot", help="the profile's order"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tradeoff-bench-webcpu-") as scratch:
        folder = Path(scratch)
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        db_url = f"sqlite:///{folder / 'bench.db'}"
        session_id = _seeder()(db_url)
        from tradeoff.web import create_app

        app = create_app(db_url)
        pages = {"list": "/problems", "session": f"/sessions/{session_id}"}
        if args.profile:
            import yappi  # every thread: sync routes and dependencies run in the threadpool

            asyncio.run(_run(app, pages[args.profile], 20))
            yappi.set_clock_type("cpu")
            yappi.start()
            asyncio.run(_run(app, pages[args.profile], args.requests))
            yappi.stop()
            stats = yappi.get_func_stats()
            columns = {0: ("name", 90), 1: ("ncall", 9), 2: ("tsub", 8), 3: ("ttot", 8)}
            stats.sort(args.sort).print_all(columns=columns)
            return 0
        for name, path in pages.items():
            runs = sorted(asyncio.run(_run(app, path, args.requests)) for _ in range(args.rounds))
            print(
                f"{name:8} {path:14} CPU a request: least {runs[0]:5.2f} ms,"
                f" median {runs[len(runs) // 2]:5.2f} ms"
                f" ({args.rounds} rounds of {args.requests} requests, in process)"
            )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

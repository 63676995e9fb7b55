"""`tradeoff serve --workers 2`: both processes take a fair share of the connections.

uvicorn's own workers share one listening socket, and the first to wake accepts a burst of
pending connections: 50 keep-alive clients split 39/11, 38/12 or 44/6, and the busy process
set the p99 of bench/web.py. With a socket of its own in each process (SO_REUSEPORT), Linux
hashes connections across them. Also: SIGTERM to `tradeoff serve` stops every worker.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tradeoff.web.workers import spreads_connections

pytestmark = pytest.mark.skipif(
    not spreads_connections(), reason="SO_REUSEPORT spreads connections only on Linux"
)
CLIENTS = 50
BURSTS = 3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if int(text[text.rindex(")") + 2 :].split()[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _sockets(pid: int) -> int:
    count = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            count += os.readlink(fd).startswith("socket:")
        except OSError:
            continue
    return count


def _workers(parent: int) -> list[int]:
    """The app processes: spawn's resource tracker holds no listening socket of the port."""
    return [pid for pid in _children(parent) if _sockets(pid) > 0]


def test_two_workers_share_the_connections_and_stop_together(tmp_path: Path) -> None:
    port = _free_port()
    database = f"sqlite:///{tmp_path / 'app.db'}"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "TRADEOFF_DATABASE_URL": ""}
    command = [sys.executable, "-m", "tradeoff", "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen([*command, "--db", database], env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "the server exited"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/problems", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        while len(workers := _workers(server.pid)) < 2:  # the second may still be starting
            assert time.monotonic() < deadline, f"workers listening: {workers}"
            time.sleep(0.2)
        time.sleep(1)  # and its app built: the first request to it must not wait on imports
        workers = _workers(server.pid)
        # Connect all at once, as a browser's burst or a load test does: the kernel completes
        # each handshake and queues it until a worker accepts.
        for _ in range(BURSTS):
            before = {pid: _sockets(pid) for pid in workers}
            clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(CLIENTS)]
            try:
                for client in clients:
                    client.sendall(b"GET /problems HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                for client in clients:
                    assert client.recv(64).startswith(b"HTTP/1.1 200"), "a request failed"
                taken = {pid: _sockets(pid) - before[pid] for pid in workers}
                assert sum(taken.values()) == CLIENTS, taken
                # A hash over 50 connections: a share under a quarter is about 2 in 10,000.
                assert min(taken.values()) >= CLIENTS // 4, taken
            finally:
                for client in clients:
                    client.close()
            time.sleep(0.5)  # the workers see the connections close
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        time.sleep(0.5)
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers), "a worker outlived it"
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

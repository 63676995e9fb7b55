"""`tradeoff serve --workers 2`: two app processes on one port over one database, each
building its app from the environment the command sets (the database URL, the mode)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from csrf_client import armed
from live_server import finished_session, free_port

START_TIMEOUT_S = 90


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if int(text[text.rindex(")") + 2 :].split()[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_two_workers_serve_one_database(tmp_path: Path) -> None:
    port = free_port()
    database = tmp_path / "practice.db"
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "tradeoff", "serve", "--port", str(port), "--workers", "2"]
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*command, "--db", str(database)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "TRADEOFF_DATABASE_URL": "", "TRADEOFF_ACCOUNTS": ""},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert server.poll() is None, log.read_text()
            try:
                if httpx.get(f"{base}/problems", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        assert "2 processes" in log.read_text()
        workers = [
            pid
            for pid in _children(server.pid)
            if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
        ]
        assert len(workers) == 2, workers
        client = armed(httpx.Client(base_url=base, timeout=60))
        session_id = finished_session(client, ("How many links a day?",))
        client.close()
        # New connections, so the kernel spreads them over both workers: each one reads the
        # session the other may have written, from the file the command named.
        for _ in range(6):
            page = httpx.get(f"{base}/sessions/{session_id}", timeout=30)
            assert page.status_code == 200 and "/100</div>" in page.text
        assert database.exists()
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

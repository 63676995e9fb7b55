"""The README's first command: `tradeoff serve` starts the app on embedded defaults and
prints its address; a port another program holds is one line and exit 2, not a traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from live_server import free_port


def test_serve_prints_its_address_and_serves_the_library(tmp_path: Path) -> None:
    port = free_port()
    # No --db: the default SQLite file in the user data folder (here a scratch home).
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("TRADEOFF_DATABASE_URL", None)
    command = [sys.executable, "-m", "tradeoff", "serve", "--port", str(port)]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=5, follow_redirects=True)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and "url-shortener" in response.text
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=30)
    assert f"tradeoff is serving at http://127.0.0.1:{port}/ (single-user" in out
    assert list((tmp_path / "data").rglob("*.db")) or list((tmp_path / "data").rglob("*.sqlite*"))


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "tradeoff", "serve", "--port", str(port),
             "--db", f"sqlite:///{tmp_path / 'x.db'}"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr and "--port" in done.stderr

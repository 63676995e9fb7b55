"""Several app processes on one port, each with its own listening socket (SO_REUSEPORT).

Why: uvicorn's `--workers` shares one listening socket among its processes, and asyncio
accepts every pending connection at each wake-up, so whichever process wakes first takes a
burst of them. Measured with 50 keep-alive clients against 2 workers: 39/11, 38/12 and 44/6
connections. One process then serves four clients in five while the other idles, and the
page's p99 is that busy process's queue (issue 12: 89.7 ms at 50 clients, p50 24.8 ms).
With a socket of its own in each process, bound with SO_REUSEPORT, Linux hashes each new
connection to one of them, so the load splits about evenly.

Only on Linux: elsewhere SO_REUSEPORT does not spread connections (on macOS the last socket
bound takes them all), and uvicorn's own workers are used instead.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import socket
import sys
from types import FrameType

APP = "tradeoff.web.app:create_app"
BACKLOG = 2048  # uvicorn's default


def spreads_connections() -> bool:
    """Whether the kernel spreads connections over sockets bound with SO_REUSEPORT."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listener(host: str, port: int) -> socket.socket:
    """A listening socket of this process's own on a port other processes also bind."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.listen(BACKLOG)
    return sock


def _die_with_parent() -> None:
    """Ask Linux to stop this process when `tradeoff serve` dies, however it dies (a SIGKILL
    gives the parent no chance to stop its workers, which would keep the port)."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # no glibc: Ctrl-C and SIGTERM still stop the workers through the parent


_PR_SET_PDEATHSIG = 1


def _worker(host: str, port: int) -> None:
    """One app process: the app from the environment the parent set, on its own socket."""
    import uvicorn

    _die_with_parent()
    config = uvicorn.Config(APP, factory=True, log_level="warning")
    uvicorn.Server(config).run(sockets=[listener(host, port)])


def run(host: str, port: int, workers: int) -> None:
    """Start `workers` app processes and wait for them; Ctrl-C or SIGTERM stops them all."""
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no copied state
    processes = [context.Process(target=_worker, args=(host, port)) for _ in range(workers)]
    for process in processes:
        process.start()

    def stop(signum: int, frame: FrameType | None) -> None:
        for process in processes:
            if process.is_alive():
                process.terminate()  # uvicorn finishes the requests in flight, then exits

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        for process in processes:
            process.join()
    except KeyboardInterrupt:
        stop(signal.SIGINT, None)  # the children had the same Ctrl-C and are stopping
        for process in processes:
            process.join()
    finally:
        signal.signal(signal.SIGTERM, previous)

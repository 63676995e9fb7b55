"""Instructions a design review costs in process and through `POST /api/reviews`, by callgrind.

bench/web.py compares reviews a second, which on a machine shared with other work move with
that work (and with how the kernel shares the cores between two plain processes and a
server's threads). Instruction counts do not: this runs the same review under valgrind's
callgrind twice, in a plain process and in a uvicorn server (one process, the app as
`tradeoff serve` builds it) fed over 127.0.0.1 from this process, zeroes the counters after
a warm-up, counts N reviews, and prints the instructions per review on each side (the
server's: every thread of the process, so HTTP parsing, middleware, validation, the thread
hand-offs and JSON encoding are in it) and their ratio. The load's own instructions are in
neither count: it is a second process, as in bench/web.py, which prints its CPU.

Run: `python bench/endpoint_instructions.py [--reviews 10]`; needs valgrind (callgrind_control
on the PATH); takes several minutes (each side loads the catalog at valgrind's pace).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from web import DESIGN, REVIEW_PROBLEM  # noqa: E402  (the same design as bench/web.py)

WARM_UP = 3
BODY = {"text": DESIGN, "problem": REVIEW_PROBLEM, "level": "senior"}


def _counters(command: str, pid: int) -> None:
    """Zero (`-z`) or dump (`-d`) the counters of the callgrind run `pid`."""
    args = ["callgrind_control", command, *(["measured"] if command == "-d" else []), str(pid)]
    subprocess.run(args, check=True, capture_output=True)


def in_process(reviews: int) -> None:
    """The child under callgrind: warm up, zero, review `reviews` times, dump."""
    from tradeoff.catalog import default_catalog
    from tradeoff.services import reviews as service

    catalog = default_catalog()
    for index in range(WARM_UP + reviews):
        if index == WARM_UP:
            _counters("-z", os.getpid())
        service.scorecard(service.read_text(DESIGN), catalog, REVIEW_PROBLEM, "senior")
    _counters("-d", os.getpid())


def _summary(folder: Path, name: str) -> int:
    """The instruction count of the dump the `-d` made (file NAME.PID.1)."""
    (dump,) = folder.glob(f"{name}.*.1")
    match = re.search(r"^summary: (\d+)$", dump.read_text(), re.MULTILINE)
    assert match, f"no summary line in {dump}"
    return int(match.group(1))


def _valgrind(folder: Path, name: str) -> list[str]:
    return ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder / name}.%p"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _through_endpoint(folder: Path, reviews: int, env: dict[str, str]) -> None:
    """A uvicorn server under callgrind; this process posts the reviews."""
    port = _free_port()
    command = [
        *_valgrind(folder, "server"), sys.executable, "-m", "uvicorn",
        "tradeoff.web.app:create_app", "--factory", "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    env = env | {"TRADEOFF_DATABASE_URL": f"sqlite:///{folder / 'bench.db'}"}
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 1800
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
            while True:
                try:
                    token = client.get("/api/session").json()["csrf_token"]
                    break
                except httpx.TransportError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("the server under valgrind did not start") from None
                    time.sleep(2)
            for index in range(WARM_UP + reviews):
                if index == WARM_UP:
                    _counters("-z", server.pid)
                answer = client.post("/api/reviews", json=BODY, headers={"X-CSRF-Token": token})
                assert answer.status_code == 200, answer.text[:300]
            _counters("-d", server.pid)
    finally:
        server.terminate()
        server.wait(timeout=120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=10, help="counted on each side")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        in_process(args.reviews)
        return 0
    with tempfile.TemporaryDirectory(prefix="tradeoff-bench-instructions-") as scratch:
        folder = Path(scratch)
        env = dict(os.environ)
        env |= {"XDG_DATA_HOME": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config")}
        child = subprocess.Popen(
            [*_valgrind(folder, "inproc"), sys.executable, __file__, "--child",
             "--reviews", str(args.reviews)],
            env=env, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            _through_endpoint(folder, args.reviews, env)  # both run at once: counts are exact
        finally:
            if child.wait(timeout=3600) != 0:
                raise SystemExit(f"the in-process run failed ({child.returncode})")
        alone, served = _summary(folder, "inproc"), _summary(folder, "server")
    n = args.reviews
    print(
        json.dumps(
            {
                "reviews": n,
                "in_process_instructions_per_review": alone // n,
                "endpoint_instructions_per_review": served // n,
                "endpoint_share_of_in_process_rate": round(alone / served, 4),
            }
        )
    )
    print(
        f"a review: {alone / n / 1e6:.1f} M instructions in process, {served / n / 1e6:.1f} M"
        f" through POST /api/reviews (+{(served - alone) / n / 1e6:.2f} M);"
        f" the endpoint reaches {alone / served:.1%} of the in-process rate on the same cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

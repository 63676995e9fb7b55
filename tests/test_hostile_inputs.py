"""Hostile files, devices and faults: each is one line on stderr and exit 2, never a hang,
a memory blow-up or a traceback (issue 11, reliability sweep)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tradeoff.cli.main import app
from tradeoff.store import Store
from tradeoff.store.engine import sqlite_failure

runner = CliRunner()


def cli(args: list[str], tmp_path: Path, stdin: str | None = None) -> Result:
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("TRADEOFF_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "home")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return runner.invoke(app, args, input=stdin, env=env)


def one_line_error(done: Result, *words: str) -> str:
    assert done.exit_code == 2, (done.exit_code, done.output, done.exception)
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("tradeoff: error: ")
    for word in words:
        assert word in done.stderr, done.stderr
    return done.stderr


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.md"
    os.mkfifo(path)
    return path


def _in_time(target: object, seconds: float = 10.0) -> Result:
    """Run a CLI call on a thread; a FIFO read would block it forever, so time it out."""
    box: list[Result] = []
    thread = threading.Thread(target=lambda: box.append(target()), daemon=True)  # type: ignore[operator]
    thread.start()
    thread.join(seconds)
    assert box, "the command blocked"
    return box[0]


# --- FIFOs and devices --------------------------------------------------------------------


def test_a_fifo_as_design_deck_or_database_is_refused_without_blocking(
    fifo: Path, tmp_path: Path
) -> None:
    one_line_error(_in_time(lambda: cli(["review", str(fifo)], tmp_path)), "not a regular file")
    one_line_error(
        _in_time(lambda: cli(["cards", "import", str(fifo)], tmp_path)), "not a regular file"
    )
    one_line_error(
        _in_time(lambda: cli(["sessions", "list", "--db", str(fifo)], tmp_path)),
        "not a regular file",
    )


def test_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    """stat says 0 bytes for /dev/zero; reading it whole would take all memory."""
    zero = tmp_path / "zero.md"
    zero.symlink_to("/dev/zero")
    one_line_error(_in_time(lambda: cli(["review", str(zero)], tmp_path)), "not a regular file")
    one_line_error(
        _in_time(lambda: cli(["cards", "import", str(zero)], tmp_path)), "not a regular file"
    )
    one_line_error(
        _in_time(lambda: cli(["sessions", "list", "--db", "/dev/zero"], tmp_path)),
        "not a regular file",
    )


def test_a_design_over_the_limit_is_refused_having_read_no_more_than_it(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"# Big\n" + b"word " * (2 * 1024 * 1024 // 5 + 10))
    one_line_error(cli(["review", str(big)], tmp_path), "too large")


# --- deep nesting ---------------------------------------------------------------------------


def test_deeply_nested_excalidraw_json_is_one_line(tmp_path: Path) -> None:
    for text in ("[" * 100_000 + "]" * 100_000, '{"elements": ' + "[" * 5000 + "]" * 5000 + "}"):
        drawing = tmp_path / "deep.excalidraw"
        drawing.write_text(text, encoding="utf-8")
        one_line_error(cli(["review", str(drawing)], tmp_path), "nested too deeply")


def test_deeply_nested_deck_front_matter_is_one_line(tmp_path: Path) -> None:
    deck = tmp_path / "deep.md"
    deck.write_text(
        "---\ndeck: x\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n---\n\nQ: a?\nA: b.\n",
        encoding="utf-8",
    )
    one_line_error(cli(["cards", "import", str(deck)], tmp_path), "line 2", "nested too deeply")


# --- the database ---------------------------------------------------------------------------


def _damaged(tmp_path: Path) -> Path:
    """A database whose sessions table's root page is overwritten: it opens, then a query
    reaching that page fails with a DatabaseError that is not an OperationalError."""
    path = tmp_path / "damaged.db"
    with Store.open(f"sqlite:///{path}") as store:
        for n in range(3):
            store.create_session(
                problem_id="url-shortener", persona="friendly", level="senior", minutes=45,
                started_at=datetime(2026, 1, 1 + n, tzinfo=UTC),
            )  # fmt: skip
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sessions'"
        ).fetchone()
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * size : root * size] = b"\xa5" * size
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_data_page_is_one_line_that_says_keep_it(tmp_path: Path) -> None:
    db = str(_damaged(tmp_path))
    for args in (["sessions", "list"], ["progress"], ["sessions", "show", "1"], ["plan"]):
        message = one_line_error(cli([*args, "--db", db], tmp_path), "damaged", "keep a copy")
        assert "move it aside" not in message


def test_sessions_show_a_huge_id_is_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    one_line_error(cli(["sessions", "show", str(2**70), "--db", db], tmp_path), "no session")


@pytest.mark.parametrize("since", ["99999999w", "9" * 5000 + "d"])
def test_progress_since_far_past_is_one_line(tmp_path: Path, since: str) -> None:
    db = f"sqlite:///{tmp_path / 'p.db'}"
    one_line_error(cli(["progress", "--since", since, "--db", db], tmp_path), "--since")


@pytest.mark.parametrize(
    ("reason", "says", "never"),
    [
        ("file is not a database", "not a tradeoff database", "damaged"),
        ("database disk image is malformed", "keep a copy", "move it aside"),
        ("database or disk is full", "free space", "move it aside"),
        ("disk I/O error", "free space", "not a tradeoff database"),
        ("attempt to write a readonly database", "may write", "not a tradeoff database"),
        ("unable to open database file", "may write", "not a tradeoff database"),
    ],
)
def test_sqlite_failures_name_their_real_cause(reason: str, says: str, never: str) -> None:
    message = str(sqlite_failure("/data/t.db", reason))
    assert says in message and never not in message and reason in message


# --- processes: the first migration, a full disk, a closed stdin, a full stdout --------------

_OPEN = "import sys; from tradeoff.store import Store; Store.open(sys.argv[1]).close()"


def test_six_processes_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    for round_ in range(3):
        url = f"sqlite:///{tmp_path / f'race{round_}.db'}"
        procs = [
            subprocess.Popen([sys.executable, "-c", _OPEN, url], stderr=subprocess.PIPE, text=True)
            for _ in range(6)
        ]
        errors = [p.communicate(timeout=60)[1] for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, errors


_FULL = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from tradeoff.cli.main import main
sys.argv = ["tradeoff", *sys.argv[2:]]
main()
"""


def _run(args: list[str], stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADEOFF_")}
    return subprocess.run(
        [sys.executable, "-c", *args], stdout=stdout, stderr=subprocess.PIPE, text=True,
        timeout=60, env=env,
    )  # fmt: skip


def test_a_disk_full_during_the_first_migration_is_reported_and_leaves_no_half_schema(
    tmp_path: Path,
) -> None:
    db = tmp_path / "full.db"
    for limit in (5_000, 40_000):
        db.unlink(missing_ok=True)
        done = _run([_FULL, str(limit), "sessions", "list", "--db", str(db)])
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert "free space" in done.stderr and "not a tradeoff database" not in done.stderr
        with Store.open(f"sqlite:///{db}") as store:  # no half schema left behind
            assert store.list_sessions() == []


def test_a_full_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = _run(["from tradeoff.cli.main import main; main()", "problems", "list"], stdout=full)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "tradeoff: error: cannot write the output (No space left on device)\n"


def test_a_closed_stdin_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys; sys.stdin.close(); sys.stdin = None;"
         " from tradeoff.cli.main import main; sys.argv = ['tradeoff', *sys.argv[1:]]; main()",
         "drill", "capacity", "url-shortener"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().endswith("standard input is closed; run this in a terminal or"
                                        " pipe input in")  # fmt: skip
    assert "Traceback" not in done.stderr


def test_read_bounded_reads_at_most_one_byte_past_the_limit(tmp_path: Path) -> None:
    from tradeoff.files import FileTooLarge, read_bounded

    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_bounded(path, 10) == b"x" * 10
    with pytest.raises(FileTooLarge):
        read_bounded(path, 9)

"""A whole mock interview through a pipe, with a clock the test moves, saved in SQLite."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SCRIPT = str(Path(sys.executable).parent / "tradeoff")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["TRADEOFF_TEST_CLOCK"] = "1"
    for key in [k for k in env if k.startswith("TRADEOFF_LLM")]:
        del env[key]
    return env


def _run(args: list[str], stdin: str = "", timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SCRIPT, *args], input=stdin, capture_output=True, text=True, timeout=timeout, env=_env()
    )


def _exported(db: str) -> dict[str, Any]:
    """Session 1 of `sessions export 1 -f json` (an export file holding that session)."""
    done = _run(["sessions", "export", "1", "-f", "json", "--db", db])
    (session,) = json.loads(done.stdout)["sessions"]
    return session  # type: ignore[no-any-return]


SESSION = """How many new links are created each month?
/advance 2m
What is the read to write ratio?
I'll assume 500 bytes per link, kept five years.
/next
/advance 5m
We'll put Redis in front of the link store because reads dominate 100 to 1.
/design {design}
/hint
/next
/advance 10m
Let's go deep on code generation with counter ranges in base62.
/next
The store and the key allocator break first; at 10x we shard by code.
/end
"""


def test_a_whole_session_through_a_pipe(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'practice.db'}"
    design = tmp_path / "answer.md"
    design.write_text(
        "# URL shortener\n```mermaid\nflowchart LR\n  C[Client] --> LB[Load balancer]\n"
        "  LB --> A[App servers]\n  A --> R[(Redis cache)]\n  A --> DB[(Link store)]\n```\n"
    )
    proc = _run(["practice", "url-shortener", "--db", db], SESSION.format(design=design))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "About 100 million new short links" in out  # a hidden fact, once asked
    assert "[Clarify requirements" in out and "left in phase" in out
    assert "version 1 from answer.md" in out
    assert "What breaks first" in out
    assert "Overall" in out and "verdict at senior" in out
    assert "Saved as session 1" in out

    listing = _run(["sessions", "list", "--db", db])
    assert (
        listing.returncode == 0
        and "url-shortener" in listing.stdout
        and "finished" in listing.stdout
    )

    shown = _run(["sessions", "show", "1", "--db", db])
    assert "hint" in shown.stdout and "snapshot" in shown.stdout and "decision" in shown.stdout

    exported = _run(["sessions", "export", "1", "--format", "json", "--db", db])
    (data,) = json.loads(exported.stdout)["sessions"]  # an export file with this session
    kinds = [e["kind"] for e in data["events"]]
    assert {"turn", "phase", "hint", "snapshot", "decision"} <= set(kinds)
    assert data["review"]["review"]["problem"] == "url-shortener"
    assert data["review"]["markers"]["questions_asked"] == 2
    (snapshot,) = data["snapshots"]  # the design version is written once
    assert snapshot["source"] == "answer.md" and "Redis cache" in snapshot["content"]
    assert kinds.count("snapshot") == 1
    shared = tmp_path / "session-1.json"
    shared.write_text(exported.stdout, encoding="utf-8")
    other = f"sqlite:///{tmp_path / 'coach.db'}"
    imported = _run(["import", str(shared), "--db", other])
    assert imported.returncode == 0, imported.stderr
    assert "finished" in _run(["sessions", "list", "--db", other]).stdout
    again = _run(["sessions", "export", "1", "--format", "json", "--db", other]).stdout
    assert json.loads(again)["sessions"] == json.loads(exported.stdout)["sessions"]
    markdown = _run(["sessions", "export", "1", "--db", db])
    assert markdown.stdout.startswith("# Practice session 1: url-shortener")


def test_a_killed_session_resumes_with_nothing_lost(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'practice.db'}"
    proc = subprocess.Popen(
        [SCRIPT, "practice", "url-shortener", "--db", db],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        # Ctrl-C as a terminal sends it: a runner started in the background by a shell
        # without job control passes SIGINT on ignored, and Python then never raises it.
        preexec_fn=_default_sigint,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("How many new links are created each month?\n")
    proc.stdin.write("I'll assume 500 bytes per link.\n")
    proc.stdin.flush()
    deadline = time.time() + 60
    seen = ""
    while "500 bytes" not in seen and time.time() < deadline:
        seen += proc.stdout.readline()
    time.sleep(0.5)  # let the reply to the second turn be committed too
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)

    resumed = _run(["practice", "--resume", "--db", db], "/end\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "Resuming session 1 (url-shortener)" in resumed.stdout
    exported = _exported(db)
    said = [e["text"] for e in exported["events"] if e["speaker"] == "candidate"]
    assert "How many new links are created each month?" in said
    assert "I'll assume 500 bytes per link." in said
    assert exported["ended_at"] is not None


def test_end_of_input_pauses_and_resume_needs_a_session(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'practice.db'}"
    nothing = _run(["practice", "--resume", "--db", db])
    assert nothing.returncode == 2 and "no unfinished session" in nothing.stderr
    paused = _run(["practice", "url-shortener", "--db", db], "What is the peak traffic?\n")
    assert paused.returncode == 0 and "paused" in paused.stdout
    listing = _run(["sessions", "list", "--db", db])
    assert "unfinished" in listing.stdout


def test_a_corrupt_database_is_a_clear_error_and_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    content = os.urandom(4096)
    path.write_bytes(content)
    proc = _run(["practice", "url-shortener", "--db", f"sqlite:///{path}"], "/end\n")
    assert proc.returncode == 2
    assert str(path) in proc.stderr and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
    assert path.read_bytes() == content


def test_unknown_session_and_persona_are_one_line_errors(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'practice.db'}"
    missing = _run(["sessions", "show", "42", "--db", db])
    assert missing.returncode == 2 and "no session 42" in missing.stderr
    persona = _run(["practice", "url-shortener", "--persona", "grumpy", "--db", db])
    assert persona.returncode == 2


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_pauses_without_a_traceback(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'practice.db'}"
    proc = subprocess.Popen(
        [SCRIPT, "practice", "url-shortener", "--db", db],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        # Ctrl-C as a terminal sends it: a runner started in the background by a shell
        # without job control passes SIGINT on ignored, and Python then never raises it.
        preexec_fn=_default_sigint,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("How many new links are created each month?\n")
    proc.stdin.flush()
    deadline = time.time() + 60
    seen = ""
    while "100 million" not in seen and time.time() < deadline:
        seen += proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    # Wait with stdin still open, as a terminal keeps it: closing it at once (communicate)
    # let an end of input race the signal, and the session then ended as a plain pause, 0.
    proc.wait(timeout=30)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "paused" in out and "Traceback" not in err
    exported = _exported(db)
    assert any(e["text"].startswith("How many new links") for e in exported["events"])

"""The optional LLM, end to end: a real local server speaking chat completions voices the
interviewer and proposes verdicts; only verbatim evidence counts, failures fall back."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

SCRIPT = str(Path(sys.executable).parent / "tradeoff")
SAID = "We'll put Redis in front of the link store because reads dominate."


class _Handler(BaseHTTPRequestHandler):
    mode = "ok"
    requests: ClassVar[list[dict[str, object]]] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        if type(self).mode == "fail":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "overloaded"}}')
            return
        text = " ".join(str(m["content"]) for m in body["messages"])
        if '"verdicts"' in text:
            ids = re.findall(r"^- ([a-z0-9-]+):", text, re.M)
            verdicts = [{"item": ids[0], "covered": True, "quote": SAID}]
            if len(ids) > 1:
                verdicts.append(
                    {
                        "item": ids[1],
                        "covered": True,
                        "quote": "we replicate it across three regions",
                    }
                )
            content = "```json\n" + json.dumps({"verdicts": verdicts}) + "\n```"
        else:
            content = "[LLM] Tell me more about that, please."
        reply = {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.mode, _Handler.requests = "ok", []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()


def _practice(tmp_path: Path, base_url: str, script: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        TRADEOFF_TEST_CLOCK="1",
        TRADEOFF_LLM_BASE_URL=base_url,
        TRADEOFF_LLM_MODEL="test-model",
        TRADEOFF_LLM_TIMEOUT="5",
    )
    db = f"sqlite:///{tmp_path / 'llm.db'}"
    return subprocess.run(
        [SCRIPT, "practice", "url-shortener", "--db", db],
        input=script,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _report(tmp_path: Path) -> dict[str, object]:
    db = f"sqlite:///{tmp_path / 'llm.db'}"
    out = subprocess.run(
        [SCRIPT, "sessions", "export", "1", "-f", "json", "--db", db],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # `sessions export ID -f json` writes an export file holding that one session.
    return json.loads(out.stdout)["sessions"][0]  # type: ignore[no-any-return]


def test_the_llm_voices_moves_and_only_verbatim_verdicts_count(server: str, tmp_path: Path) -> None:
    proc = _practice(tmp_path, server, f"How many links are created a month?\n{SAID}\n/end\n")
    assert proc.returncode == 0, proc.stderr
    assert "[LLM] Tell me more about that" in proc.stdout
    assert any(r["model"] == "test-model" for r in _Handler.requests)
    report = _report(tmp_path)["review"]
    llm = report["llm_verdicts"]  # type: ignore[index]
    assert llm["asked"] >= 1
    assert [v["quote"] for v in llm["kept"]] == [SAID]  # the invented quote was dropped
    assert llm["dropped"] == (1 if llm["asked"] > 1 else 0)


def test_a_failing_server_falls_back_and_the_session_goes_on(server: str, tmp_path: Path) -> None:
    _Handler.mode = "fail"
    script = "How many links are created a month?\nWhat is the read to write ratio?\n/end\n"
    proc = _practice(tmp_path, server, script)
    assert proc.returncode == 0, proc.stderr
    assert "About 100 million new short links" in proc.stdout  # the built-in interviewer
    assert proc.stdout.count("LLM unavailable") == 1  # one visible notice line
    events = _report(tmp_path)["events"]
    notices = [e for e in events if e["kind"] == "notice"]  # type: ignore[union-attr,index]
    assert notices and "LLM unavailable" in notices[0]["text"]  # type: ignore[index]

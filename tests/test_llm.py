"""The LLM layer against a real local OpenAI-compatible HTTP server, scripted per test."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tradeoff.errors import TradeoffError
from tradeoff.llm import (
    ChatClient,
    LLMConfig,
    LLMError,
    Verdict,
    config_path,
    load_config,
    phrase_move,
    pick_verdicts,
    save_config,
    verify_verdicts,
)
from tradeoff.llm.config import save_key

Behaviour = Callable[[BaseHTTPRequestHandler, dict[str, Any]], None]


@dataclass
class FakeServer:
    """A chat-completions server on 127.0.0.1 whose reply each test scripts."""

    base_url: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    behaviour: Behaviour | None = None
    release: threading.Event = field(default_factory=threading.Event)

    def reply_text(self, text: str) -> None:
        self.behaviour = lambda handler, body: send_json(handler, 200, completion(text))


def completion(text: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}}],
    }


def send_json(handler: BaseHTTPRequestHandler, status: int, payload: Any) -> None:
    send_raw(handler, status, json.dumps(payload).encode(), "application/json")


def send_raw(handler: BaseHTTPRequestHandler, status: int, raw: bytes, ctype: str) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(raw)))
    handler.end_headers()
    handler.wfile.write(raw)


def send_events(handler: BaseHTTPRequestHandler, events: list[str]) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream")
    handler.end_headers()
    for event in events:
        handler.wfile.write(f"data: {event}\n\n".encode())
        handler.wfile.flush()


def delta(text: str) -> str:
    return json.dumps({"choices": [{"index": 0, "delta": {"content": text}}]})


@pytest.fixture
def server() -> Iterator[FakeServer]:
    fake = FakeServer(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            fake.requests.append(body)
            fake.paths.append(self.path)
            fake.headers.append(dict(self.headers.items()))
            if self.path not in ("/v1/chat/completions", "/chat/completions"):
                send_json(self, 404, {"error": {"message": f"no route {self.path}"}})
                return
            assert fake.behaviour is not None, "test did not script the server"
            # The client may give up first, as the timeout tests intend.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                fake.behaviour(self, body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    fake.base_url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    try:
        yield fake
    finally:
        fake.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def no_llm_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A fresh config folder: a key saved from this machine's settings page must not leak in.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in (
        "TRADEOFF_LLM_BASE_URL",
        "TRADEOFF_LLM_MODEL",
        "TRADEOFF_LLM_API_KEY_ENV",
        "TRADEOFF_LLM_TIMEOUT",
    ):
        monkeypatch.delenv(name, raising=False)


def client_for(server: FakeServer, timeout: float = 2.0) -> ChatClient:
    return ChatClient(LLMConfig(base_url=server.base_url, model="tiny-model", timeout=timeout))


MESSAGES = [{"role": "user", "content": "Say hello."}]


# --- complete() ---------------------------------------------------------------------------


def test_complete_returns_message_content_and_sends_model_and_messages(
    server: FakeServer,
) -> None:
    server.reply_text("Hello there.")
    assert client_for(server).complete(MESSAGES, max_tokens=50) == "Hello there."
    (body,) = server.requests
    assert body["model"] == "tiny-model"
    assert body["messages"] == MESSAGES
    assert body["stream"] is False
    assert body["max_tokens"] == 50
    assert server.paths == ["/v1/chat/completions"]
    assert server.headers[0]["Authorization"] == "Bearer not-needed"


def test_complete_streams_server_sent_events(server: FakeServer) -> None:
    events = [
        json.dumps({"choices": [{"index": 0, "delta": {"role": "assistant"}}]}),
        delta("Tell me "),
        delta("about "),
        delta("your cache."),
        json.dumps({"choices": [], "usage": {"total_tokens": 9}}),
        "[DONE]",
    ]
    server.behaviour = lambda handler, body: send_events(handler, events)
    assert client_for(server).complete(MESSAGES, stream=True) == "Tell me about your cache."
    (body,) = server.requests
    assert body["stream"] is True
    assert body["model"] == "tiny-model"
    assert body["messages"] == MESSAGES


def test_complete_accepts_a_json_reply_to_a_streaming_request(server: FakeServer) -> None:
    server.reply_text("Not streamed after all.")
    assert client_for(server).complete(MESSAGES, stream=True) == "Not streamed after all."


def test_base_url_without_v1_and_with_trailing_slash(server: FakeServer) -> None:
    server.reply_text("ok")
    root = server.base_url.removesuffix("/v1") + "/"
    client = ChatClient(LLMConfig(base_url=root, model="m", timeout=2))
    assert client.complete(MESSAGES) == "ok"
    assert server.paths == ["/chat/completions"]


def test_api_key_is_read_from_the_named_environment_variable(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.reply_text("ok")
    monkeypatch.setenv("MY_LLM_KEY", "sk-test-123")
    config = LLMConfig(base_url=server.base_url, model="m", api_key_env="MY_LLM_KEY", timeout=2)
    assert ChatClient(config).complete(MESSAGES) == "ok"
    assert server.headers[0]["Authorization"] == "Bearer sk-test-123"


def test_a_key_saved_from_the_settings_page_is_sent_when_no_variable_is_named(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.reply_text("ok")
    path = save_key("sk-saved-456")
    assert path.stat().st_mode & 0o777 == 0o600
    assert client_for(server).complete(MESSAGES) == "ok"
    assert server.headers[0]["Authorization"] == "Bearer sk-saved-456"
    # A named variable wins over the saved key; forgetting the key sends none again.
    monkeypatch.setenv("MY_LLM_KEY", "sk-env-789")
    config = LLMConfig(base_url=server.base_url, model="m", api_key_env="MY_LLM_KEY", timeout=2)
    ChatClient(config).complete(MESSAGES)
    assert server.headers[1]["Authorization"] == "Bearer sk-env-789"
    save_key(None)
    client_for(server).complete(MESSAGES)
    assert server.headers[2]["Authorization"] == "Bearer not-needed"


def test_missing_api_key_variable_is_an_llm_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_SUCH_KEY_VAR", raising=False)
    config = LLMConfig(base_url="http://127.0.0.1:9/v1", model="m", api_key_env="NO_SUCH_KEY_VAR")
    with pytest.raises(LLMError, match="NO_SUCH_KEY_VAR"):
        ChatClient(config)


def assert_one_line_failure(
    client: ChatClient, base_url: str, *, stream: bool = False, within: float = 3.0
) -> str:
    started = time.monotonic()
    with pytest.raises(LLMError) as caught:
        client.complete(MESSAGES, stream=stream)
    assert time.monotonic() - started < within
    message = str(caught.value)
    assert message.startswith(f"LLM server at {base_url}: ")
    assert "\n" not in message
    assert isinstance(caught.value, TradeoffError)
    return message


def test_http_500_is_an_llm_error_with_the_server_message(server: FakeServer) -> None:
    server.behaviour = lambda handler, body: send_json(
        handler, 500, {"error": {"message": "model crashed\nwhile loading"}}
    )
    message = assert_one_line_failure(client_for(server), server.base_url)
    assert "HTTP 500" in message
    assert "model crashed while loading" in message


def test_http_404_unknown_model_is_an_llm_error(server: FakeServer) -> None:
    server.behaviour = lambda handler, body: send_json(
        handler, 404, {"error": {"message": 'model "tiny-model" not found, try pulling it first'}}
    )
    message = assert_one_line_failure(client_for(server), server.base_url)
    assert "HTTP 404" in message
    assert "not found" in message


def test_slow_reply_times_out_within_the_client_timeout(server: FakeServer) -> None:
    def slow(handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        server.release.wait(3.0)
        send_json(handler, 200, completion("too late"))

    server.behaviour = slow
    message = assert_one_line_failure(client_for(server, timeout=0.5), server.base_url, within=2)
    assert "0.5 s" in message


def test_trickling_stream_is_bounded_by_the_whole_request_timeout(server: FakeServer) -> None:
    def trickle(handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.end_headers()
        for _ in range(30):
            if server.release.wait(0.1):
                return
            handler.wfile.write(f"data: {delta('.')}\n\n".encode())
            handler.wfile.flush()

    server.behaviour = trickle
    client = client_for(server, timeout=0.5)
    assert_one_line_failure(client, server.base_url, stream=True, within=2)


def test_malformed_json_is_an_llm_error(server: FakeServer) -> None:
    server.behaviour = lambda handler, body: send_raw(
        handler, 200, b'{"choices": [ {"message": ', "application/json"
    )
    message = assert_one_line_failure(client_for(server), server.base_url)
    assert "not valid JSON" in message


def test_missing_choices_is_an_llm_error(server: FakeServer) -> None:
    server.behaviour = lambda handler, body: send_json(handler, 200, {"id": "x", "object": "y"})
    message = assert_one_line_failure(client_for(server), server.base_url)
    assert "no choices" in message


def test_null_content_is_an_llm_error(server: FakeServer) -> None:
    server.behaviour = lambda handler, body: send_json(handler, 200, completion(None))
    assert_one_line_failure(client_for(server), server.base_url)


def test_malformed_stream_event_is_an_llm_error(server: FakeServer) -> None:
    events = [delta("Hello"), '{"choices": [', "[DONE]"]
    server.behaviour = lambda handler, body: send_events(handler, events)
    message = assert_one_line_failure(client_for(server), server.base_url, stream=True)
    assert "malformed stream event" in message


def test_stream_cut_off_before_done_is_an_llm_error(server: FakeServer) -> None:
    server.behaviour = lambda handler, body: send_events(handler, [delta("Half a sen")])
    message = assert_one_line_failure(client_for(server), server.base_url, stream=True)
    assert "[DONE]" in message


def test_closed_port_is_an_llm_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base_url = f"http://127.0.0.1:{port}/v1"
    client = ChatClient(LLMConfig(base_url=base_url, model="m", timeout=0.5))
    message = assert_one_line_failure(client, base_url, within=2)
    assert "cannot connect" in message


def test_importing_the_package_does_not_import_the_http_client() -> None:
    code = "import sys, tradeoff.llm; sys.exit('httpx' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- phrase_move --------------------------------------------------------------------------


def test_phrase_move_sends_persona_and_move_and_returns_the_text(server: FakeServer) -> None:
    server.reply_text('Interviewer: "Walk me through what happens when the cache node dies."')
    said = phrase_move(
        client_for(server),
        persona="adversarial",
        move="Ask what happens when the cache fails.",
        transcript_tail="Candidate: I put Redis in front of the database.",
    )
    assert said == "Walk me through what happens when the cache node dies."
    (body,) = server.requests
    sent = "\n".join(message["content"] for message in body["messages"])
    assert "adversarial" in sent
    assert "skeptical" in sent  # the persona's voice, not just its name
    assert "Ask what happens when the cache fails." in sent
    assert "I put Redis in front of the database." in sent
    assert "2 sentences" in sent
    assert body["stream"] is False


def test_phrase_move_streams_when_asked(server: FakeServer) -> None:
    events = [delta("How many "), delta("users?"), "[DONE]"]
    server.behaviour = lambda handler, body: send_events(handler, events)
    said = phrase_move(
        client_for(server),
        persona="terse",
        move="Ask about scale.",
        transcript_tail="",
        stream=True,
    )
    assert said == "How many users?"
    assert server.requests[0]["stream"] is True


@pytest.mark.parametrize("reply", ["", "   \n", "<think>just reasoning</think>", '""'])
def test_phrase_move_empty_reply_is_an_llm_error(server: FakeServer, reply: str) -> None:
    server.reply_text(reply)
    with pytest.raises(LLMError, match="empty reply"):
        phrase_move(client_for(server), persona="friendly", move="Ask.", transcript_tail="")


# --- pick_verdicts and verify_verdicts ----------------------------------------------------

CANDIDATE = (
    "We shard the URL table by a hash of the short code,\n"
    "so  each shard holds about 1/16 of the keys. Reads go through a Redis cache\n"
    "with a 24h TTL. We chose base62 codes of length 7."
)
ITEMS = [
    ("sharding", "partitions the data and says by which key"),
    ("cache-ttl", "caches hot reads and states an expiry"),
    ("analytics", "tracks clicks asynchronously"),
]


def test_pick_verdicts_parses_fenced_json(server: FakeServer) -> None:
    reply = (
        "Here is my grading:\n```json\n"
        + json.dumps(
            {
                "verdicts": [
                    {
                        "item": "sharding",
                        "covered": True,
                        "quote": "shard the URL table by a hash of the short code",
                    },
                    {"item": "cache-ttl", "covered": "true", "quote": "Redis cache with a 24h TTL"},
                    {"item": "analytics", "covered": False, "quote": ""},
                    {"item": "made-up-item", "covered": True, "quote": "We chose base62"},
                    {"item": "sharding", "covered": False, "quote": "a duplicate"},
                    {"covered": True, "quote": "no id at all"},
                ]
            },
            indent=2,
        )
        + "\n```\nDone."
    )
    server.reply_text(reply)
    verdicts = pick_verdicts(client_for(server), items=ITEMS, candidate_text=CANDIDATE)
    assert verdicts == [
        Verdict("sharding", True, "shard the URL table by a hash of the short code"),
        Verdict("cache-ttl", True, "Redis cache with a 24h TTL"),
        Verdict("analytics", False, ""),
    ]
    (body,) = server.requests
    sent = "\n".join(message["content"] for message in body["messages"])
    assert "partitions the data and says by which key" in sent
    assert "Redis cache" in sent
    assert body["temperature"] == 0.0


def test_pick_verdicts_reads_bare_json_around_prose(server: FakeServer) -> None:
    server.reply_text(
        'Sure! {"verdicts": [{"item": "analytics", "covered": false, "quote": ""}]} Hope it helps.'
    )
    verdicts = pick_verdicts(client_for(server), items=ITEMS, candidate_text=CANDIDATE)
    assert verdicts == [Verdict("analytics", False, "")]


@pytest.mark.parametrize(
    "reply", ["I think the sharding item is covered.", '```json\n{"verdicts": [\n```', "[1, 2"]
)
def test_pick_verdicts_invalid_json_is_an_llm_error(server: FakeServer, reply: str) -> None:
    server.reply_text(reply)
    with pytest.raises(LLMError, match="not valid JSON"):
        pick_verdicts(client_for(server), items=ITEMS, candidate_text=CANDIDATE)


def test_pick_verdicts_without_verdicts_list_is_an_llm_error(server: FakeServer) -> None:
    server.reply_text('{"grades": []}')
    with pytest.raises(LLMError, match="verdicts"):
        pick_verdicts(client_for(server), items=ITEMS, candidate_text=CANDIDATE)


def test_pick_verdicts_with_no_items_asks_nothing(server: FakeServer) -> None:
    assert pick_verdicts(client_for(server), items=[], candidate_text=CANDIDATE) == []
    assert server.requests == []


def test_verify_verdicts_keeps_only_verbatim_evidence() -> None:
    verbatim = Verdict("sharding", True, "shard the URL table by a hash of the short code")
    across_lines = Verdict("sharding", True, "short code, so each shard holds about 1/16")
    paraphrased = Verdict("sharding", True, "shard the URL table by hashing the short code")
    elsewhere = Verdict("analytics", True, "clicks are counted through Kafka")
    too_short = Verdict("cache-ttl", True, "24h TTL")
    empty = Verdict("analytics", False, "")
    changed_case = Verdict("cache-ttl", True, "reads go through a redis cache")
    kept, dropped = verify_verdicts(
        [verbatim, across_lines, paraphrased, elsewhere, too_short, empty, changed_case],
        CANDIDATE,
    )
    assert kept == [verbatim, across_lines]
    assert dropped == [paraphrased, elsewhere, too_short, empty, changed_case]


def test_verify_verdicts_normalises_whitespace_on_both_sides() -> None:
    spaced = Verdict("cache-ttl", True, "  Reads go\tthrough a Redis   cache\nwith a 24h TTL ")
    kept, dropped = verify_verdicts([spaced], CANDIDATE)
    assert kept == [spaced]
    assert dropped == []


# --- configuration ------------------------------------------------------------------------


def test_config_path_is_the_user_config_folder() -> None:
    path = config_path()
    assert path.name == "config.json"
    assert path.parent.name == "tradeoff"


def test_save_then_load_round_trips_and_keeps_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "config.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"persona": "terse", "llm": {"model": "old"}}))
    config = LLMConfig(
        base_url="http://127.0.0.1:11434/v1", model="qwen2.5:3b", api_key_env="KEY", timeout=7.5
    )
    assert save_config(config, path) == path
    assert load_config(path) == config
    data = json.loads(path.read_text())
    assert data["persona"] == "terse"
    assert data["llm"]["api_key_env"] == "KEY"
    assert not list(path.parent.glob(".config-*"))  # no temporary file left behind


def test_save_creates_missing_folders_and_default_fields_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "config.json"
    config = LLMConfig(base_url="http://localhost:8080/v1", model="m")
    save_config(config, path)
    assert load_config(path) == config


def test_env_vars_override_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config.json"
    save_config(LLMConfig(base_url="http://file/v1", model="file-model", timeout=5), path)
    monkeypatch.setenv("TRADEOFF_LLM_MODEL", "env-model")
    monkeypatch.setenv("TRADEOFF_LLM_TIMEOUT", "1.5")
    assert load_config(path) == LLMConfig(base_url="http://file/v1", model="env-model", timeout=1.5)
    monkeypatch.setenv("TRADEOFF_LLM_BASE_URL", "http://env/v1")
    monkeypatch.setenv("TRADEOFF_LLM_API_KEY_ENV", "ENV_KEY")
    assert load_config(path) == LLMConfig(
        base_url="http://env/v1", model="env-model", api_key_env="ENV_KEY", timeout=1.5
    )


def test_env_vars_alone_configure_without_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRADEOFF_LLM_BASE_URL", "http://env/v1")
    monkeypatch.setenv("TRADEOFF_LLM_MODEL", "env-model")
    assert load_config(tmp_path / "absent.json") == LLMConfig("http://env/v1", "env-model")


def test_no_config_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_config(tmp_path / "absent.json") is None
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"persona": "terse"}))
    assert load_config(path) is None
    path.write_text(json.dumps({"llm": {"base_url": "http://x/v1"}}))
    assert load_config(path) is None  # a server without a model is not a configuration
    monkeypatch.setenv("TRADEOFF_LLM_MODEL", "m")
    assert load_config(path) == LLMConfig("http://x/v1", "m")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"llm": "ollama"}', '"llm" must be a JSON object'),
        ('{"llm": {"base_url": 11434, "model": "m"}}', "must be a string"),
        ('{"llm": {"base_url": "http://x", "model": "m", "timeout": -1}}', "positive number"),
        ('{"llm": {"base_url": "http://x", "model": "m", "modle": "m"}}', "unknown key"),
    ],
)
def test_malformed_config_file_is_an_llm_error(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "config.json"
    path.write_text(content)
    with pytest.raises(LLMError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message
    assert expected in message
    assert "\n" not in message


def test_save_refuses_to_overwrite_a_malformed_file(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text("{broken")
    with pytest.raises(LLMError, match="fix or delete it"):
        save_config(LLMConfig("http://x/v1", "m"), path)
    assert path.read_text() == "{broken"


def test_bad_timeout_env_var_is_an_llm_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRADEOFF_LLM_BASE_URL", "http://env/v1")
    monkeypatch.setenv("TRADEOFF_LLM_MODEL", "m")
    monkeypatch.setenv("TRADEOFF_LLM_TIMEOUT", "soon")
    with pytest.raises(LLMError, match="TRADEOFF_LLM_TIMEOUT"):
        load_config(tmp_path / "absent.json")


# --- hostile servers: dripped headers, escape sequences, echoed credentials (issue 11) ----


def test_headers_dripped_a_byte_at_a_time_are_bounded_by_one_deadline(server: FakeServer) -> None:
    """Each byte arrives well within httpx's per-read timeout, so only a deadline over the
    whole call ends it; without one this call takes over a minute."""

    def drip(handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: " + b"x" * 200
        for byte in head:
            if server.release.wait(0.25):
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()

    server.behaviour = drip
    message = assert_one_line_failure(client_for(server, timeout=1.0), server.base_url, within=2.5)
    assert "within 1 s" in message


def test_terminal_control_sequences_are_stripped_from_replies(server: FakeServer) -> None:
    hostile = (
        "Tell me\x1b]52;c;cm0gLXJmIH4=\x07 about\x1b[2J\x1b[H scale\x07\u202e.\x00\tOk?\nNext."
    )
    server.reply_text(hostile)
    assert client_for(server).complete(MESSAGES) == "Tell me about scale.\tOk?\nNext."
    server.behaviour = lambda handler, body: send_events(
        handler, [delta("Say \x1b]0;pwned"), delta("\x07hi\x1b[31m!"), "[DONE]"]
    )
    assert client_for(server).complete(MESSAGES, stream=True) == "Say hi!"


def test_terminal_control_sequences_are_stripped_from_error_bodies(server: FakeServer) -> None:
    server.behaviour = lambda handler, body: send_json(
        handler, 500, {"error": {"message": "boom\x1b[2J\x1b]52;c;eA==\x07 now"}}
    )
    message = assert_one_line_failure(client_for(server), server.base_url)
    assert "\x1b" not in message and "\x07" not in message
    assert message.endswith("HTTP 500 Internal Server Error: boom now")


def test_an_echoed_authorization_header_is_redacted(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MY_LLM_KEY", "sk-live-abcdefghijklmnop")

    def refuse(handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        echoed = handler.headers["Authorization"]
        send_json(handler, 401, {"error": {"message": f"invalid key; got {echoed}"}})

    server.behaviour = refuse
    config = LLMConfig(base_url=server.base_url, model="m", api_key_env="MY_LLM_KEY", timeout=2)
    message = assert_one_line_failure(ChatClient(config), server.base_url)
    assert "HTTP 401" in message and "invalid key; got Bearer ***" in message
    assert "abcdefghijklmnop" not in message


def test_credentials_in_the_base_url_never_reach_a_message(server: FakeServer) -> None:
    server.behaviour = lambda handler, body: send_json(handler, 500, {"error": "down"})
    url = server.base_url.replace("http://", "http://user:hunter2pass@") + "?api_key=zz9secret"
    client = ChatClient(LLMConfig(base_url=url, model="m", timeout=2))
    with pytest.raises(LLMError) as caught:
        client.complete(MESSAGES)
    message = str(caught.value)
    assert "hunter2pass" not in message and "zz9secret" not in message
    assert "user:***@" in message and "api_key=***" in message


def test_a_verdict_quote_must_hold_the_words_that_make_its_item_true(server: FakeServer) -> None:
    """Any verbatim span used to count; now the quote must be about the item."""
    server.reply_text(
        json.dumps(
            {
                "verdicts": [
                    {"item": "sharding", "covered": True, "quote": "We chose base62 codes"},
                    {"item": "cache-ttl", "covered": True, "quote": "through a Redis cache"},
                    {"item": "analytics", "covered": True, "quote": "shard holds about 1/16"},
                ]
            }
        )
    )
    items = [ITEMS[0] + (("shard", "sharding", "partition"),), ITEMS[1], ITEMS[2]]
    verdicts = pick_verdicts(client_for(server), items=items, candidate_text=CANDIDATE)
    kept, dropped = verify_verdicts(verdicts, CANDIDATE)
    assert [v.item_id for v in kept] == ["cache-ttl"]  # "cache" for "caches hot reads"
    assert [v.item_id for v in dropped] == ["sharding", "analytics"]
    relevant = Verdict("sharding", True, "so each shard holds", ("shard",))
    assert verify_verdicts([relevant], CANDIDATE) == ([relevant], [])

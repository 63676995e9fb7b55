"""ChatClient: one OpenAI-compatible chat-completions request, every failure as LLMError."""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from tradeoff.llm.config import LLMConfig, load_key
from tradeoff.llm.errors import LLMError
from tradeoff.safe_text import redact_url, safe, strip_controls

if TYPE_CHECKING:
    import httpx

# A chat reply is a few hundred tokens; anything near this is not a chat reply.
_MAX_REPLY_BYTES = 4 * 1024 * 1024
_DETAIL_CHARS = 200
_THINK = re.compile(r"<think>.*?(?:</think>|\Z)", re.DOTALL | re.IGNORECASE)


class ChatClient:
    """Talks to {base_url}/chat/completions with httpx, imported on first construction.

    No retries: a turn that fails falls back to the deterministic interviewer at once,
    which is better than a candidate waiting through three timeouts. The timeout bounds the
    whole call, from connecting to the last byte: httpx's timeouts are per read, so a server
    that drips its headers a byte a second would pass every one of them; the request runs in
    a worker thread that the caller stops waiting for at the deadline.

    What the server says (the reply, an error body) is stripped of terminal control
    sequences and of credentials before it leaves this class, so nothing printed, stored in
    a notice or exported carries them; the base URL is shown with its credentials masked.
    """

    def __init__(self, config: LLMConfig) -> None:
        import httpx  # the optional dependency, loaded only when an LLM is actually used

        self._httpx = httpx
        self.config = config
        self._url = config.base_url.strip().rstrip("/")
        self.base_url = redact_url(self._url)  # for messages; requests use self._url
        self._secrets: tuple[str, ...] = ()
        key = "not-needed"
        saved = None if config.api_key_env else load_key()
        if config.api_key_env:
            key = os.environ.get(config.api_key_env, "").strip()
            if not key:
                raise self._error(
                    f"environment variable {config.api_key_env} (api_key_env) is not set"
                )
        elif saved is not None:
            key = saved  # typed into the settings page
        self._secrets = (key,) if config.api_key_env or saved is not None else ()
        self._headers = {
            "Authorization": f"Bearer {key}",
            "Accept": "application/json, text/event-stream",
        }

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        stream: bool = False,
        max_tokens: int = 400,
        temperature: float | None = None,
    ) -> str:
        """POST {base_url}/chat/completions. Non-streaming: choices[0].message.content.
        Streaming: parse server-sent events (`data: {...}` lines, `data: [DONE]`), concatenate
        choices[0].delta.content. Any timeout, connection error, non-2xx status, or malformed
        JSON/SSE -> LLMError('LLM server at <base_url>: <what happened>').

        A server asked to stream that answers with one JSON body instead is accepted: some
        OpenAI-compatible servers ignore `stream`, and the text is the same.
        """
        body: dict[str, Any] = {
            "model": self.config.model,
            "messages": messages,
            "max_tokens": max_tokens,
            "stream": stream,
        }
        if temperature is not None:
            body["temperature"] = temperature
        timeout = self.config.timeout
        outcome: list[str | BaseException] = []
        closing: list[Callable[[], None]] = []

        def work() -> None:
            try:
                outcome.append(self._request(body, stream, timeout, closing))
            except BaseException as exc:  # handed to the waiting thread
                outcome.append(exc)

        worker = threading.Thread(target=work, name="tradeoff-llm", daemon=True)
        worker.start()
        worker.join(timeout)
        if not outcome:
            for close in closing:  # unblock the worker if the socket allows; it is a daemon
                with contextlib.suppress(Exception):
                    close()
            raise self._error(f"no complete reply within {timeout:g} s")
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return strip_controls(result)

    def _request(
        self,
        body: dict[str, Any],
        stream: bool,
        timeout: float,
        closing: list[Callable[[], None]],
    ) -> str:
        """The request itself, in the worker thread; `closing` gets the client's close."""
        httpx = self._httpx
        deadline = time.monotonic() + timeout
        try:
            with httpx.Client(timeout=httpx.Timeout(timeout)) as http:
                closing.append(http.close)
                with http.stream(
                    "POST", f"{self._url}/chat/completions", json=body, headers=self._headers
                ) as response:
                    if not response.is_success:
                        raise self._error(self._status_detail(response, deadline))
                    content_type = response.headers.get("content-type", "")
                    if stream and "text/event-stream" in content_type:
                        return self._read_events(response, deadline)
                    return self._parse_reply(self._read_body(response, deadline))
        except httpx.TimeoutException as exc:
            raise self._error(f"no reply within {timeout:g} s") from exc
        except httpx.ConnectError as exc:
            raise self._error(f"cannot connect ({_one_line(str(exc))}); is it running?") from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            detail = _one_line(str(exc)) or type(exc).__name__
            raise self._error(f"request failed ({detail})") from exc

    def _error(self, what: str) -> LLMError:
        return LLMError(f"LLM server at {self.base_url}: {safe(what, self._secrets)}")

    def _check_deadline(self, deadline: float) -> None:
        if time.monotonic() > deadline:
            raise self._error(f"no complete reply within {self.config.timeout:g} s")

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            self._check_deadline(deadline)
            size += len(chunk)
            if size > _MAX_REPLY_BYTES:
                raise self._error(f"reply larger than {_MAX_REPLY_BYTES // 1024 // 1024} MB")
            chunks.append(chunk)
        return b"".join(chunks)

    def _status_detail(self, response: httpx.Response, deadline: float) -> str:
        """'HTTP 404 Not Found: model "x" not found', using the server's own error message."""
        status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
        try:
            raw = self._read_body(response, deadline)
        except LLMError:
            return status
        text = raw.decode("utf-8", errors="replace")
        message: Any = text
        try:
            data = json.loads(text)
        except ValueError:
            pass
        else:
            message = _error_message(data) or text
        detail = _one_line(safe(str(message), self._secrets))  # masked before it is cut
        return f"{status}: {detail}" if detail else status

    def _parse_reply(self, raw: bytes) -> str:
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise self._error(f"reply is not valid JSON ({_snippet(raw)})") from exc
        if not isinstance(data, dict):
            raise self._error("reply is not a JSON object")
        choices = data.get("choices")
        if not isinstance(choices, list) or not choices:
            error = _error_message(data)
            if error:
                raise self._error(f"error in reply: {_one_line(error)}")
            raise self._error("reply has no choices")
        first = choices[0]
        message = first.get("message") if isinstance(first, dict) else None
        content = message.get("content") if isinstance(message, dict) else None
        if not isinstance(content, str):
            raise self._error("reply has no text in choices[0].message.content")
        return content

    def _read_events(self, response: httpx.Response, deadline: float) -> str:
        """Concatenate the deltas of an SSE stream that must end with `data: [DONE]`.

        A stream that stops without [DONE] was cut off, so its text is incomplete and is
        refused rather than shown half-said.
        """
        parts: list[str] = []
        saw_choices = False
        for payload in _events(response.iter_lines(), lambda: self._check_deadline(deadline)):
            if payload.strip() == "[DONE]":
                if not saw_choices:
                    raise self._error("stream ended without any choices")
                return "".join(parts)
            try:
                event = json.loads(payload)
            except ValueError as exc:
                raise self._error(f"malformed stream event ({_snippet(payload)})") from exc
            if not isinstance(event, dict):
                raise self._error(f"malformed stream event ({_snippet(payload)})")
            error = _error_message(event)
            if error:
                raise self._error(f"error in stream: {_one_line(error)}")
            choices = event.get("choices")
            if not choices:  # a usage-only or keep-alive chunk
                continue
            first = choices[0] if isinstance(choices, list) else None
            delta = first.get("delta") if isinstance(first, dict) else None
            if not isinstance(delta, dict):
                raise self._error("stream event has no choices[0].delta")
            saw_choices = True
            content = delta.get("content")
            if isinstance(content, str):
                parts.append(content)
            elif content is not None:
                raise self._error("stream event has a non-text choices[0].delta.content")
        raise self._error("stream ended without data: [DONE]")


def visible_text(reply: str) -> str:
    """The reply without a reasoning model's <think>...</think> block, stripped."""
    return _THINK.sub("", reply).strip()


def _events(lines: Iterator[str], tick: Callable[[], None]) -> Iterator[str]:
    """The data of each server-sent event: `data:` lines joined, dispatched on a blank line."""
    data: list[str] = []
    for line in lines:
        tick()
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):  # a comment, used as keep-alive
            continue
        field, _, value = line.partition(":")
        if field == "data":
            data.append(value[1:] if value.startswith(" ") else value)
    if data:
        yield "\n".join(data)


def _error_message(data: Any) -> str:
    """The message of an OpenAI-style {"error": {"message": ...}} or {"error": "..."} body."""
    if not isinstance(data, dict):
        return ""
    error = data.get("error")
    if isinstance(error, dict):
        error = error.get("message") or error.get("type") or json.dumps(error)
    return str(error) if error else ""


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _DETAIL_CHARS else line[: _DETAIL_CHARS - 3] + "..."


def _snippet(raw: bytes | str) -> str:
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    return repr(_one_line(text)[:60]) if text.strip() else "empty body"

"""Refuse request bodies over the limit before reading them (413), not after parsing them."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tradeoff.services.errors import TooLargeError

Refusal = Callable[[Request, TooLargeError], Response]


class BodyLimit:
    """ASGI middleware: a Content-Length over `limit` is refused at once, with the page
    `refuse` renders; a body without one (chunked) is counted as it arrives and refused
    (TooLargeError, handled like any other) when it passes the limit."""

    def __init__(self, app: ASGIApp, limit: int, design_limit: int, refuse: Refusal) -> None:
        self.app, self.limit, self.design_limit, self.refuse = app, limit, design_limit, refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            error = TooLargeError(int(declared), self.design_limit)
            await self.refuse(Request(scope), error)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLargeError(seen, self.design_limit)
            return message

        await self.app(scope, counted, send)

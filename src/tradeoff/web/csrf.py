"""CSRF protection: a signed token in every form and htmx request, checked on every unsafe
method, in single-user mode as in accounts mode.

Each browser gets a random nonce in an HttpOnly, SameSite=Lax cookie. Its token is
HMAC(secret, nonce | the sign-in cookie), so it changes when the browser signs in or out
(a form from before a sign-in is refused) and cannot be forged by a page that can set a
cookie but not read the secret (another site on localhost). The token travels in a hidden
`csrf_token` field, or in the `X-CSRF-Token` header that `hx-headers` on <body> adds to
every htmx request; a cross-site page can send neither.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from http.cookies import SimpleCookie

from fastapi import Request
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tradeoff.services.errors import ForbiddenError
from tradeoff.web.forms import read_form, text_field
from tradeoff.web.state import state_of

CSRF_COOKIE = "tradeoff_csrf"
SESSION_COOKIE = "tradeoff_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
NONCE_BYTES = 24
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
STALE = (
    "this form's security token is missing or out of date (the page was open before a"
    " sign-in or sign-out); reload the page and send it again"
)


def cookie_values(scope: Scope) -> dict[str, str]:
    raw = b"; ".join(value for name, value in scope.get("headers") or [] if name == b"cookie")
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw.decode("latin-1"))
    except Exception:  # a malformed Cookie header is a browser without cookies, not a 500
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


def _valid_nonce(value: str | None) -> bool:
    text = value or ""
    return len(text) == 32 and all(c.isalnum() or c in "-_" for c in text)


class CsrfCookie:
    """ASGI middleware: give a browser without a nonce cookie a new one, on the response to
    the same request (whose forms already carry the matching token)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        cookies = cookie_values(scope)
        nonce = cookies.get(CSRF_COOKIE)
        state = scope.setdefault("state", {})
        state["sign_in_key"] = cookies.get(SESSION_COOKIE, "")
        if _valid_nonce(nonce):
            state["csrf_nonce"] = nonce
            await self.app(scope, receive, send)
            return
        state["csrf_nonce"] = fresh = secrets.token_urlsafe(NONCE_BYTES)
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        header = f"{CSRF_COOKIE}={fresh}; Path=/; HttpOnly; SameSite=Lax{secure}"

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", header)
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def csrf_token(request: Request) -> str:
    """The token this browser's forms must carry (the same on every page until it signs in
    or out). Reads the secret from the database the first time: call it off the event loop."""
    state = request.scope.setdefault("state", {})
    cached = state.get("csrf_token")
    if isinstance(cached, str):
        return cached
    nonce = str(state.get("csrf_nonce", ""))
    key = str(state.get("sign_in_key", ""))
    secret = state_of(request).csrf_secret().encode("ascii")
    message = f"{nonce}|{hashlib.sha256(key.encode('utf-8')).hexdigest()}".encode()
    token = hmac.new(secret, message, hashlib.sha256).hexdigest()
    state["csrf_token"] = token
    return token


def csrf_field(request: Request) -> Markup:
    """The hidden field for a form that posts without htmx."""
    return Markup(
        f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token(request))}">'
    )


async def check_csrf(request: Request) -> None:
    """App-wide dependency: an unsafe method without the right token is refused (403)."""
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER, "")
    content_type = request.headers.get("content-type", "")
    if not sent and content_type.startswith(FORM_TYPES):
        # Parsed with the app's limits; Starlette keeps the parsed form for the route.
        sent = text_field(await read_form(request, state_of(request)), CSRF_FIELD)
    expected = await run_in_threadpool(csrf_token, request)
    if not sent or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise ForbiddenError(STALE)

"""Who is asking, and what they may reach: the app-wide guard every route runs first.

Single-user mode (the default of `tradeoff serve`) has no sign-in: the one person at the
machine owns every session. Accounts mode (`--accounts`) asks for a sign-in everywhere
except the sign-in and sign-up pages, and a practice session is reachable only by its
owner: any route with a `session_id` path parameter is checked here, so a route added
later is covered without remembering to. A session of someone else is "not found", the
same answer as an id that does not exist, so ids cannot be probed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from tradeoff.services import accounts, coach
from tradeoff.services.errors import NotFoundError, SignInRequiredError
from tradeoff.services.settings import Account
from tradeoff.store import SessionStamp
from tradeoff.store.accounts import Unread, UserRecord
from tradeoff.web.csrf import SESSION_COOKIE, csrf_field, csrf_token
from tradeoff.web.errors import error_response
from tradeoff.web.forms import whole_number
from tradeoff.web.state import AppState, state_of
from tradeoff.web.templating import templates

PUBLIC_PATHS = ("/signin", "/signup", "/api/docs", "/api/openapi.json")
SIGN_IN_NEEDED = "sign in first: this app has accounts"
CHECKS_SESSION = "tradeoff_checks_session"  # the mark `checks_session` sets on a route
Endpoint = Callable[..., Any]


@dataclass(frozen=True)
class Visitor:
    accounts: bool  # the app's mode
    user: UserRecord | None  # the signed-in account (accounts mode only)

    @property
    def owner_id(self) -> int | None:
        """The owner to record on a new session and to filter lists by (None: everyone's,
        in single-user mode)."""
        return self.user.id if self.user is not None else None

    def may_open(self, owner_id: int | None) -> bool:
        return not self.accounts or (self.user is not None and self.user.id == owner_id)


def account_of(request: Request) -> Account | None:
    """Whose settings a page reads and saves: the signed-in account's own (accounts mode),
    or the machine's config file (None: single-user mode, as the CLI)."""
    user = visitor_of(request).user
    return None if user is None else Account(state_of(request).store, user.id)


def now() -> datetime:
    return datetime.now(UTC)


def sign_in_key(request: Request) -> str:
    return request.cookies.get(SESSION_COOKIE, "")


def resolve(request: Request, state: AppState) -> Visitor:
    if not state.accounts:
        return Visitor(False, None)
    key = sign_in_key(request)
    user = accounts.signed_in(state.store, key, now()) if key else None
    return Visitor(True, user)


async def guard(request: Request) -> Visitor:
    """App-wide dependency. Async, so a page that needs no database read for it (single-user
    mode, no session in the address, or a route that checks its session itself) costs no
    worker thread; the reads it does make (the sign-in, the session's owner) run in one."""
    state = state_of(request)
    session_id = str(request.path_params.get("session_id", ""))
    if not state.accounts and (whole_number(session_id) is None or _checks_itself(request)):
        visitor = Visitor(False, None)
        request.state.visitor = visitor
        return visitor
    return await run_in_threadpool(_guard, request, state)


def _guard(request: Request, state: AppState) -> Visitor:
    visitor = resolve(request, state)
    request.state.visitor = visitor
    if visitor.accounts and visitor.user is None and not request.url.path.startswith(PUBLIC_PATHS):
        raise SignInRequiredError(SIGN_IN_NEEDED)
    if not _checks_itself(request):
        check_session(request)
    return visitor


def checks_session(endpoint: Endpoint) -> Endpoint:
    """Mark a sync route that calls `check_session` itself, before anything else, in the
    worker thread it runs in anyway: the guard then reads no session for it, and a
    single-user request makes one thread hand-off (about 85 us of CPU each) instead of two.
    Every other route with a `session_id` keeps the guard's check, so a route added later
    is covered without remembering to."""
    setattr(endpoint, CHECKS_SESSION, True)
    return endpoint


def _checks_itself(request: Request) -> bool:
    return getattr(request.scope.get("endpoint"), CHECKS_SESSION, False) is True


def check_session(request: Request) -> SessionStamp | None:
    """The owner check of the session in the address: "not found" unless the visitor may
    open it. Returns its stamp (None when the address holds no whole number: the route's
    validation says so). Needs the visitor the guard resolved; call it off the event loop."""
    text = str(request.path_params.get("session_id", ""))
    number = whole_number(text)
    if number is None:  # anything else is no session id: the route's validation says so
        return None
    # The session's stamp names its owner, and the session page reads it next: kept
    # on the request (never longer), it is one query for both.
    stamp = state_of(request).store.session_stamp(number)
    request.state.session_stamp = stamp
    if stamp is None or not visitor_of(request).may_open(stamp.owner_id):
        raise NotFoundError(f"no practice session {text}")
    return stamp


def visitor_of(request: Request) -> Visitor:
    """The visitor the guard resolved (a single-user visitor on pages it did not run for,
    such as a 404 for an unknown address)."""
    found = getattr(request.state, "visitor", None)
    if isinstance(found, Visitor):
        return found
    return Visitor(state_of(request).accounts, None)


def safe_next(target: str) -> str:
    """Where to go after signing in: a path on this site only, never another host."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def install(app: FastAPI) -> None:
    async def sign_in_required(request: Request, error: Exception) -> Response:
        path = request.url.path
        wants_page = (
            request.method == "GET"
            and not path.startswith("/api")
            and not request.headers.get("HX-Request")
        )
        if wants_page:
            target = path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/signin?next={quote(target, safe='')}", status_code=303)
        return error_response(request, 401, str(error))

    app.add_exception_handler(SignInRequiredError, sign_in_required)


def coach_notice(request: Request) -> list[Unread]:
    """New coach comments on the visitor's sessions, for the notice on every full page:
    read once per request (by `page_reads`, or here by a sync route's template)."""
    found = getattr(request.state, "coach_notice", None)
    if isinstance(found, list):
        return found
    visitor = visitor_of(request)
    notice: list[Unread] | None = [] if visitor.accounts and visitor.user is None else None
    if notice is None:
        notice = coach.unread(state_of(request).store, visitor.owner_id)
    request.state.coach_notice = notice
    return notice


async def page_reads(request: Request) -> None:
    """What base.html reads from the database (the CSRF secret, the coach notice), read in
    one worker thread, so an async route then renders without blocking the event loop."""

    def read() -> None:
        csrf_token(request)
        coach_notice(request)

    await run_in_threadpool(read)


templates.env.globals.update(
    csrf_token=csrf_token, csrf_field=csrf_field, visitor=visitor_of, coach_notice=coach_notice
)

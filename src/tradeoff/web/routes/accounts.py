"""Sign-up, sign-in and sign-out (accounts mode; single-user mode has no such pages)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from tradeoff.services import accounts
from tradeoff.services.errors import BadInputError, ConflictError, NotFoundError
from tradeoff.store.accounts import UserRecord
from tradeoff.web.auth import now, safe_next, sign_in_key, visitor_of
from tradeoff.web.csrf import SESSION_COOKIE
from tradeoff.web.forms import read_form, text_field
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)
SINGLE_USER = (
    "this app runs in single-user mode, with no accounts: nothing to sign in to."
    " Start it with 'tradeoff serve --accounts' for sign-in"
)


def _accounts_only(state: AppState) -> None:
    if not state.accounts:
        raise NotFoundError(SINGLE_USER)


def _form_page(
    request: Request, page: str, next_path: str, email: str = "", error: str = "", status: int = 200
) -> Response:
    context = {"next": safe_next(next_path), "email": email, "error": error}
    return templates.TemplateResponse(request, page, context, status_code=status)


def _signed_in(request: Request, state: AppState, user: UserRecord, target: str) -> Response:
    """Open a sign-in for `user` and send the browser on with its cookie."""
    response = RedirectResponse(safe_next(target), status_code=303)
    old = sign_in_key(request)
    if old:  # a new sign-in never reuses the browser's old key (session fixation)
        accounts.sign_out(state.store, old)
    key = accounts.open_sign_in(state.store, user, now())
    response.set_cookie(
        SESSION_COOKIE,
        key,
        max_age=accounts.SIGN_IN_DAYS * 86_400,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


@router.get("/signin")
def sign_in_page(
    request: Request, next: str = "/", state: AppState = Depends(app_state)
) -> Response:
    _accounts_only(state)
    if visitor_of(request).user is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _form_page(request, "signin.html", next)


@router.post("/signin")
async def sign_in(request: Request, state: AppState = Depends(app_state)) -> Response:
    _accounts_only(state)
    form = await read_form(request, state)
    email, target = text_field(form, "email"), text_field(form, "next", "/")
    try:
        # argon2 takes a few hundred ms of CPU: off the event loop
        user = await run_in_threadpool(
            accounts.sign_in, state.store, email, text_field(form, "password")
        )
    except BadInputError as exc:
        return _form_page(request, "signin.html", target, email, str(exc), 401)
    return await run_in_threadpool(_signed_in, request, state, user, target)


@router.get("/signup")
def sign_up_page(
    request: Request, next: str = "/", state: AppState = Depends(app_state)
) -> Response:
    _accounts_only(state)
    return _form_page(request, "signup.html", next)


@router.post("/signup")
async def sign_up(request: Request, state: AppState = Depends(app_state)) -> Response:
    _accounts_only(state)
    form = await read_form(request, state)
    email, target = text_field(form, "email"), text_field(form, "next", "/")
    password = text_field(form, "password")
    if password != text_field(form, "password2"):
        return _form_page(request, "signup.html", target, email, "the two passwords differ", 400)
    try:
        user = await run_in_threadpool(accounts.sign_up, state.store, email, password, now())
    except (BadInputError, ConflictError) as exc:
        status = 409 if isinstance(exc, ConflictError) else 400
        return _form_page(request, "signup.html", target, email, str(exc), status)
    return await run_in_threadpool(_signed_in, request, state, user, target)


@router.post("/signout")
def sign_out(request: Request, state: AppState = Depends(app_state)) -> Response:
    _accounts_only(state)
    accounts.sign_out(state.store, sign_in_key(request))
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response

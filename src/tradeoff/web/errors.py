"""Errors as pages (or JSON under /api): 404 for unknown ids, 413 with the limit, 400, 409."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from tradeoff.errors import TradeoffError, UnknownProblemError
from tradeoff.services.errors import (
    BadInputError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    SignInRequiredError,
    TooLargeError,
)
from tradeoff.web.templating import templates

TITLES = {
    400: "That could not be read",
    401: "Sign in",
    403: "Not allowed",
    404: "Not found",
    409: "Not now",
    422: "That could not be read",
    413: "Too large",
    500: "Something broke",
}


def status_of(error: TradeoffError) -> int:
    if isinstance(error, NotFoundError | UnknownProblemError):
        return 404
    if isinstance(error, TooLargeError):
        return 413
    if isinstance(error, ConflictError):
        return 409
    if isinstance(error, SignInRequiredError):
        return 401
    if isinstance(error, ForbiddenError):
        return 403
    if isinstance(error, BadInputError):
        return 400
    return 400  # any other TradeoffError is something the user can act on


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON for the API, a page for a person."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": message}, status_code=status)
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "title": TITLES.get(status, "Error"), "message": message},
        status_code=status,
    )


def too_large(request: Request, error: TooLargeError) -> Response:
    return error_response(request, 413, str(error))


def install(app: FastAPI) -> None:
    async def domain(request: Request, error: Exception) -> Response:
        assert isinstance(error, TradeoffError)
        return error_response(request, status_of(error), str(error))

    async def http(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        message = str(error.detail) if error.status_code != 404 else "no page at this address"
        return error_response(request, error.status_code, message)

    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if request.url.path.startswith("/api"):
            return await request_validation_exception_handler(request, error)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors()
        )
        return error_response(request, 422, problems)

    app.add_exception_handler(TradeoffError, domain)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http)

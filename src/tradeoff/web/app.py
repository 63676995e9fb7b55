"""The app factory: routes by page, static files, error pages and the body limit."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from tradeoff import __version__
from tradeoff.design.load import MAX_BYTES
from tradeoff.web import auth, errors
from tradeoff.web.csrf import CsrfCookie, check_csrf
from tradeoff.web.limits import BodyLimit
from tradeoff.web.routes import (
    accounts,
    api,
    api_sessions,
    coach,
    library,
    practice,
    progress,
    review,
    simulate,
)
from tradeoff.web.routes import cards as cards_page
from tradeoff.web.routes import drill as drill_page
from tradeoff.web.routes import plan as plan_page
from tradeoff.web.routes import settings as settings_page
from tradeoff.web.state import AppState
from tradeoff.web.static_files import VersionedStaticFiles
from tradeoff.web.templating import HERE


def create_app(
    database: str | None = None,
    *,
    max_design_bytes: int = MAX_BYTES,
    accounts_mode: bool | None = None,
) -> FastAPI:
    """A new app over the store at `database` (a SQLAlchemy URL; None: the default).

    `accounts_mode` asks for sign-in and keeps each user's sessions their own; None reads
    TRADEOFF_ACCOUNTS (1/true/yes), so `uvicorn --factory` workers can be told too.
    """
    if accounts_mode is None:
        accounts_mode = os.environ.get("TRADEOFF_ACCOUNTS", "").lower() in ("1", "true", "yes")
    state = AppState(database=database, max_design_bytes=max_design_bytes, accounts=accounts_mode)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="tradeoff",
        version=__version__,
        summary="A coach for system design interviews: problems, reviews and practice.",
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        # Every route: who is asking and may they (auth.guard), then the CSRF token.
        dependencies=[Depends(auth.guard), Depends(check_csrf)],
    )
    app.state.tradeoff = state
    app.mount("/static", VersionedStaticFiles(HERE / "static"), name="static")
    for module in (library, review, simulate, practice, progress, api, accounts, coach):
        app.include_router(module.router)
    app.include_router(api_sessions.router)
    for module in (cards_page, plan_page, drill_page, settings_page):
        app.include_router(module.router)
    errors.install(app)
    auth.install(app)
    app.add_middleware(
        BodyLimit,
        limit=state.max_request_bytes,
        design_limit=state.max_design_bytes,
        refuse=errors.too_large,
    )
    app.add_middleware(CsrfCookie)
    return app

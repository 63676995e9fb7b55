"""The progress page: weekly scores, topic mastery, recurring mistakes, recent sessions."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from tradeoff.practice.progress import DIMENSIONS, MARKER_SERIES
from tradeoff.services.progress import progress_page
from tradeoff.web.auth import visitor_of
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/progress")
def progress(request: Request, since: str = "8w", state: AppState = Depends(app_state)) -> Response:
    page = progress_page(state.store, state.catalog, since, owner_id=visitor_of(request).owner_id)
    return templates.TemplateResponse(
        request,
        "progress.html",
        {"page": page, "dimensions": DIMENSIONS, "marker_series": MARKER_SERIES},
    )

"""The problem library (filters by type, topic, difficulty) and a problem's page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tradeoff.services import library
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/")
def home() -> Response:
    return RedirectResponse("/problems", status_code=303)


@router.get("/problems")
def problems(
    request: Request,
    type: str | None = None,
    topic: str | None = None,
    difficulty: str | None = None,
    state: AppState = Depends(app_state),
) -> Response:
    found = library.browse(state.catalog, type, topic, difficulty)
    return templates.TemplateResponse(request, "library.html", {"library": found})


@router.get("/problems/{problem_id}")
def problem(request: Request, problem_id: str, state: AppState = Depends(app_state)) -> Response:
    found = library.problem(state.catalog, problem_id)
    return templates.TemplateResponse(
        request,
        "problem.html",
        {"problem": found, "categories": library.fact_categories(found)},
    )

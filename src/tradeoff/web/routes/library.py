"""The problem library (filters by type, topic, difficulty) and a problem's page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from tradeoff.services import library
from tradeoff.web.auth import page_reads
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/")
def home() -> Response:
    return RedirectResponse("/problems", status_code=303)


@router.get("/problems")
async def problems(
    request: Request,
    type: str | None = None,
    topic: str | None = None,
    difficulty: str | None = None,
    state: AppState = Depends(app_state),
) -> Response:
    """The list depends on the filters and the catalog (package data) only, so its HTML is
    made once per process for each set of filters; the page around it (the CSRF token, the
    coach notice) is read and rendered for every request."""
    key = (type or None, topic or None, difficulty or None)
    listing = state.pages.get(("library", key), lambda: _listing(state, *key))
    await page_reads(request)
    return templates.TemplateResponse(request, "library.html", {"listing": listing})


def _listing(
    state: AppState, interview_type: str | None, topic: str | None, difficulty: str | None
) -> Markup:
    """The filters and the table; bad filter values raise (and are not kept)."""
    found = library.browse(state.catalog, interview_type, topic, difficulty)
    return Markup(templates.get_template("_library.html").render(library=found))


@router.get("/problems/{problem_id}")
def problem(request: Request, problem_id: str, state: AppState = Depends(app_state)) -> Response:
    found = library.problem(state.catalog, problem_id)
    return templates.TemplateResponse(
        request,
        "problem.html",
        {"problem": found, "categories": library.fact_categories(found)},
    )

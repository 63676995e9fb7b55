"""The capacity drill page: a prompt's derivation asked step by step, graded as the CLI does."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tradeoff.services import drill as drills
from tradeoff.web.auth import visitor_of
from tradeoff.web.forms import read_form, text_field
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/drill")
def choose(request: Request, problem: str = "", state: AppState = Depends(app_state)) -> Response:
    if problem:  # the chooser's form
        return RedirectResponse(f"/drill/{quote(problem, safe='')}", status_code=303)
    context = {"problems": drills.drill_problems(state.catalog)}
    return templates.TemplateResponse(request, "drill.html", context)


@router.get("/drill/{problem_id}")
def start(request: Request, problem_id: str, state: AppState = Depends(app_state)) -> Response:
    drill = drills.start(state.catalog, problem_id)
    return _render(request, drill, datetime.now(UTC))


@router.post("/drill/{problem_id}")
async def answer(
    request: Request, problem_id: str, state: AppState = Depends(app_state)
) -> Response:
    form = await read_form(request, state)
    answers = [value for value in form.getlist("answer") if isinstance(value, str)]
    began = drills.started(text_field(form, "started"), datetime.now(UTC))
    end = bool(text_field(form, "end"))
    if end and answers and not answers[-1].strip():
        answers.pop()  # "End the drill" also sends the empty box of the step not answered
    owner = visitor_of(request).owner_id
    drill = drills.answer(
        state.store, state.catalog, problem_id, answers, began, end=end, owner_id=owner
    )
    return _render(request, drill, began)


def _render(request: Request, drill: drills.Drill, began: datetime) -> Response:
    name = "_drill.html" if request.headers.get("HX-Request") else "drill.html"
    return templates.TemplateResponse(request, name, {"drill": drill, "started": began})

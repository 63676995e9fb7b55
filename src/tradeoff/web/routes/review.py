"""The review page: paste or upload a design, get the scorecard beside its lines."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from tradeoff.catalog.schema import LEVELS
from tradeoff.services import reviews
from tradeoff.web.forms import file_field, read_form, text_field
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


def _form_context(state: AppState, problem: str = "", level: str = "senior") -> dict[str, object]:
    return {
        "problems": sorted(state.catalog.problems.values(), key=lambda p: p.title),
        "levels": LEVELS,
        "chosen_problem": problem,
        "chosen_level": level,
        "limit_mb": state.max_design_bytes // 1_048_576,
    }


@router.get("/review")
def review_form(
    request: Request, problem: str = "", state: AppState = Depends(app_state)
) -> Response:
    return templates.TemplateResponse(request, "review.html", _form_context(state, problem))


@router.post("/review")
async def review_submit(request: Request, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    problem, level = text_field(form, "problem"), text_field(form, "level", "senior")
    upload = await file_field(form, "file")
    text = text_field(form, "text")
    if upload is not None:
        doc = reviews.read_upload(upload[0], upload[1], state.max_design_bytes)
    else:
        doc = reviews.read_text(text, state.max_design_bytes)
    card = reviews.scorecard(doc, state.catalog, problem or None, level)
    context = _form_context(state, problem, level) | {"card": card, "text": text}
    return templates.TemplateResponse(request, "review.html", context)

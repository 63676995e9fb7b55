"""The simulate page: paste or upload a design, run it under load and one failure, see the
per-node figures, the first bottleneck and the timelines drawn as SVG."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from tradeoff.services import reviews
from tradeoff.services import simulate as simulation
from tradeoff.web.forms import file_field, read_form, text_field
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)

FIELDS = ("problem", "qps", "peak", "fail", "duration", "seed")


def _form_context(state: AppState, values: dict[str, str] | None = None) -> dict[str, object]:
    return {
        "problems": sorted(state.catalog.problems.values(), key=lambda p: p.title),
        "values": values or {},
        "limit_mb": state.max_design_bytes // 1_048_576,
        "max_duration": simulation.MAX_DURATION,
        "max_requests": simulation.MAX_REQUESTS,
    }


@router.get("/simulate")
def simulate_form(
    request: Request, problem: str = "", state: AppState = Depends(app_state)
) -> Response:
    context = _form_context(state, {"problem": problem})
    return templates.TemplateResponse(request, "simulate.html", context)


@router.post("/simulate")
async def simulate_submit(request: Request, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    values = {name: text_field(form, name) for name in FIELDS}
    upload = await file_field(form, "file")
    text = text_field(form, "text")
    settings = simulation.read_settings(
        values["problem"],
        values["qps"],
        values["peak"],
        values["fail"],
        values["duration"],
        values["seed"],
    )
    if upload is not None:
        doc = reviews.read_upload(upload[0], upload[1], state.max_design_bytes)
    else:
        doc = reviews.read_text(text, state.max_design_bytes)
    # a second or two of numpy: off the event loop so other requests are served meanwhile
    outcome = await run_in_threadpool(simulation.run, doc, settings)
    context = _form_context(state, values) | {"outcome": outcome, "text": text}
    return templates.TemplateResponse(request, "simulate.html", context)

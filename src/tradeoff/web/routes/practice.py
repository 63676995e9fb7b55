"""The practice room: start a session, speak, hint, next phase, save the design, end."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tradeoff.interview.personas import PERSONAS
from tradeoff.services.practice import Exchange
from tradeoff.web.auth import visitor_of
from tradeoff.web.forms import read_form, text_field
from tradeoff.web.routes.coach import candidate_context
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.post("/practice")
async def start(request: Request, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    minutes = text_field(form, "minutes", "45")
    session_id = state.sessions.start(
        text_field(form, "problem"),
        text_field(form, "persona", "neutral"),
        text_field(form, "level", "senior"),
        int(minutes) if minutes.isdigit() else -1,
        owner_id=visitor_of(request).owner_id,
    )
    return RedirectResponse(f"/practice/{session_id}", status_code=303)


@router.get("/practice/{session_id}")
def room(request: Request, session_id: int, state: AppState = Depends(app_state)) -> Response:
    found = state.sessions.room(session_id)
    if found.ended:
        return RedirectResponse(f"/sessions/{session_id}", status_code=303)
    return templates.TemplateResponse(
        request, "practice.html", {"room": found, "personas": PERSONAS}
    )


@router.post("/practice/{session_id}/turn")
async def turn(request: Request, session_id: int, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    exchange = state.sessions.say(session_id, text_field(form, "text"))
    return _exchange(request, exchange)


@router.post("/practice/{session_id}/hint")
def hint(request: Request, session_id: int, state: AppState = Depends(app_state)) -> Response:
    return _exchange(request, state.sessions.command(session_id, "hint"))


@router.post("/practice/{session_id}/next")
def next_phase(request: Request, session_id: int, state: AppState = Depends(app_state)) -> Response:
    return _exchange(request, state.sessions.command(session_id, "next"))


@router.post("/practice/{session_id}/end")
def end(request: Request, session_id: int, state: AppState = Depends(app_state)) -> Response:
    state.sessions.end(session_id)
    if request.headers.get("HX-Request"):
        return Response(headers={"HX-Redirect": f"/sessions/{session_id}"})
    return RedirectResponse(f"/sessions/{session_id}", status_code=303)


@router.post("/practice/{session_id}/design")
async def save_design(
    request: Request, session_id: int, state: AppState = Depends(app_state)
) -> Response:
    form = await read_form(request, state)
    version = state.sessions.save_design(session_id, text_field(form, "design"))
    return templates.TemplateResponse(request, "_saved.html", {"version": version})


def _exchange(request: Request, exchange: Exchange) -> Response:
    """The new chat lines, and the phase bar swapped out of band (the phase may move)."""
    return templates.TemplateResponse(
        request, "_exchange.html", {"exchange": exchange, "room": exchange.room, "oob": True}
    )


@router.get("/sessions/{session_id}")
def report(request: Request, session_id: int, state: AppState = Depends(app_state)) -> Response:
    if not state.sessions.is_finished(session_id):
        return RedirectResponse(f"/practice/{session_id}", status_code=303)
    found = state.sessions.report(session_id)
    context = {"report": found} | candidate_context(request, state, session_id, found)
    return templates.TemplateResponse(request, "session.html", context)

"""Coach review: the candidate's invite links, the coach's page (comments on lines and
turns, their own scores), and the coach's list of sessions shared with them.

A coach's routes take the invite token, never a session id: `coach.open_share` turns the
token into the one session it opens (or refuses it), so nothing else is reachable from here.
The candidate's routes sit under /sessions/{session_id}/, which the app-wide guard limits
to the session's owner.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tradeoff.catalog.schema import DIMENSIONS
from tradeoff.services import coach
from tradeoff.services.practice import SessionReport
from tradeoff.store import SessionRecord
from tradeoff.store.accounts import ShareRecord
from tradeoff.web.auth import Visitor, now, visitor_of
from tradeoff.web.forms import read_form, text_field
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


def candidate_context(
    request: Request,
    state: AppState,
    session_id: int,
    report: SessionReport,
    record: SessionRecord | None = None,
    *,
    shared: bool = True,
) -> dict[str, Any]:
    """What the session page adds for coach review: invites, comments in place and the
    coach's scores. Opening the page marks the comments read (after they are laid out, so
    this one view still marks them new); with none new, it writes nothing. `shared=False`
    (the session's stamp says it has no invite) reads no coaching at all; the page does not
    show the versions and transcript, so they are not laid out (`coach.review`)."""
    found = coach.review(
        state.store,
        state.sessions,
        session_id,
        report=report,
        record=record,
        shared=shared,
        layout=False,
    )
    if any(placed.comment.read_at is None for placed in found.comments):
        coach.mark_read(state.store, session_id, now())
    return {"coach": found, "line_comments": found.line_comments}


@router.post("/sessions/{session_id}/shares")
async def create_share(
    request: Request, session_id: int, state: AppState = Depends(app_state)
) -> Response:
    form = await read_form(request, state)
    label = text_field(form, "label")
    token = coach.create_share(state.store, state.sessions, session_id, label, now())
    link = str(request.url_for("coach_page", token=token))
    context = {"session_id": session_id, "link": link, "label": " ".join(label.split())}
    return templates.TemplateResponse(request, "shared.html", context, status_code=201)


@router.post("/sessions/{session_id}/shares/{share_id}/revoke")
def revoke_share(session_id: int, share_id: int, state: AppState = Depends(app_state)) -> Response:
    coach.revoke_share(state.store, session_id, share_id, now())
    return RedirectResponse(f"/sessions/{session_id}#coach", status_code=303)


def _share(request: Request, state: AppState, token: str) -> tuple[Visitor, ShareRecord]:
    visitor = visitor_of(request)
    return visitor, coach.open_share(state.store, token, visitor.user, now())


@router.get("/coach")
def coaching(request: Request, state: AppState = Depends(app_state)) -> Response:
    visitor = visitor_of(request)
    shares = coach.coached(state.store, visitor.user) if visitor.user is not None else []
    return templates.TemplateResponse(request, "coaching.html", {"shares": shares})


@router.get("/coach/{token}", name="coach_page")
def coach_page(request: Request, token: str, state: AppState = Depends(app_state)) -> Response:
    visitor, share = _share(request, state, token)
    if visitor.user is not None and visitor.user.id == share.owner_id:
        # the candidate opened their own invite: their session page shows the same and more
        return RedirectResponse(f"/sessions/{share.session_id}#coach", status_code=303)
    found = coach.review(state.store, state.sessions, share.session_id, only_share=share)
    mine = {row.dimension: (row.coaches[0] if row.coaches else None) for row in found.scores}
    context = {
        "coach": found,
        "share": share,
        "token": token,
        "card": found.report.scorecard,
        "line_comments": found.line_comments,
        "my_scores": mine,
        "dimensions": DIMENSIONS,
    }
    return templates.TemplateResponse(request, "coach.html", context)


@router.post("/coach/{token}/comments")
async def comment(request: Request, token: str, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    visitor, share = _share(request, state, token)
    place, _ = coach.add_comment(
        state.store,
        share,
        visitor.user,
        text_field(form, "body"),
        version=text_field(form, "version"),
        line=text_field(form, "line"),
        turn=text_field(form, "turn"),
        now=now(),
    )
    if not request.headers.get("HX-Request"):
        return RedirectResponse(f"/coach/{token}#{place.anchor}", status_code=303)
    comments = [
        c
        for c in state.store.accounts.comments_of_session(share.session_id)
        if c.share_id == share.id and coach.Place.of(c) == place
    ]
    context = {"anchor": place.anchor, "comments": comments}
    return templates.TemplateResponse(request, "_comments.html", context, status_code=201)


@router.post("/coach/{token}/scores")
async def scores(request: Request, token: str, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    visitor, share = _share(request, state, token)
    given: dict[str, str] = {d: text_field(form, f"score_{d}") for d in DIMENSIONS}
    coach.set_scores(state.store, share, visitor.user, given, now())
    return RedirectResponse(f"/coach/{token}?scored=1#scores", status_code=303)

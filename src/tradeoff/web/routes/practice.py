"""The practice room: start a session, speak, hint, next phase, save the text or the board,
end; the live stream of the session's events; the replay with diffs between versions."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from functools import partial

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from tradeoff.interview.personas import PERSONAS
from tradeoff.services.errors import BadInputError, NotFoundError
from tradeoff.services.practice import Exchange, SessionReport, Turn, Updates
from tradeoff.services.replay import Replays, compare
from tradeoff.store import EventRecord, SessionStamp
from tradeoff.store.accounts import CommentRecord
from tradeoff.web.auth import check_session, checks_session, coach_notice, visitor_of
from tradeoff.web.forms import read_form, text_field, whole_number
from tradeoff.web.routes.coach import candidate_context
from tradeoff.web.state import AppState, Finished, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)

POLL_SECONDS = 0.25  # how often a stream looks for new events in the store
HEARTBEAT_SECONDS = 15.0  # a comment line, so proxies keep an idle stream open
STREAM_SECONDS = 300.0  # then the stream closes; the browser reconnects with Last-Event-ID
RETRY_MS = 1000  # how long the browser waits before reconnecting


@router.post("/practice")
async def start(request: Request, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    minutes = text_field(form, "minutes", "45")
    session_id = await run_in_threadpool(
        partial(
            state.sessions.start,
            text_field(form, "problem"),
            text_field(form, "persona", "neutral"),
            text_field(form, "level", "senior"),
            -1 if (chosen := whole_number(minutes)) is None else chosen,
            owner_id=visitor_of(request).owner_id,
        )
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
    # In a worker thread: the call waits for the session's lock while another turn runs.
    exchange = await run_in_threadpool(state.sessions.say, session_id, text_field(form, "text"))
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
    design = text_field(form, "design")
    version = await run_in_threadpool(state.sessions.save_design, session_id, design)
    return templates.TemplateResponse(request, "_saved.html", {"version": version})


@router.post("/practice/{session_id}/board")
async def save_board(
    request: Request, session_id: int, state: AppState = Depends(app_state)
) -> Response:
    form = await read_form(request, state)
    board = text_field(form, "board")
    saved = await run_in_threadpool(state.sessions.save_board, session_id, board)
    return templates.TemplateResponse(request, "_saved_board.html", {"saved": saved})


@router.get("/practice/{session_id}/events")
async def events(
    request: Request,
    session_id: int,
    after: int = Query(0, ge=0, description="the last event seq the page already shows"),
    last_event_id: str | None = Header(None),
    state: AppState = Depends(app_state),
) -> Response:
    """Server-sent events: each turn, notice, phase change and design version recorded
    after `after` (or after the Last-Event-ID a reconnecting browser sends), read from the
    store by polling, so the process serving the stream need not be the one that recorded
    the turn. The stream ends when the session does (event "end") or after STREAM_SECONDS."""
    start = after
    if last_event_id is not None:
        number = whole_number(last_event_id)
        if number is None:
            raise BadInputError("Last-Event-ID must be the number of an event")
        start = number
    first = await run_in_threadpool(state.sessions.updates, session_id, start)  # 404 here
    return StreamingResponse(
        _stream(request, state, session_id, start, first),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _stream(
    request: Request, state: AppState, session_id: int, sent: int, batch: Updates
) -> AsyncIterator[str]:
    began = last_beat = time.monotonic()
    yield f"retry: {RETRY_MS}\n\n"
    while True:
        for event in batch.events:
            yield await run_in_threadpool(_message, state, session_id, event)
            sent = event.seq
        if batch.ended:
            yield f"event: end\ndata: /sessions/{session_id}\n\n"
            return
        now = time.monotonic()
        if now - began > STREAM_SECONDS or await request.is_disconnected():
            return
        if now - last_beat > HEARTBEAT_SECONDS:
            last_beat = now
            yield ": keep-alive\n\n"
        if not batch.events:
            await asyncio.sleep(POLL_SECONDS)
        batch = await run_in_threadpool(state.sessions.updates, session_id, sent)


def _message(state: AppState, session_id: int, event: EventRecord) -> str:
    """One SSE message; an event the room does not show only moves the Last-Event-ID on."""
    if event.kind in ("turn", "notice"):
        speaker = event.speaker if event.kind == "turn" else "notice"
        html = templates.get_template("_turns.html").render(
            turns=[Turn(event.at, speaker or "", event.text)]
        )
        return _sse(event.seq, "turn", html)
    if event.kind == "phase":
        bar = state.sessions.phase_bar(session_id, event)
        html = templates.get_template("_phasebar.html").render(room=bar, oob=False)
        return _sse(event.seq, "phase", html)
    if event.kind == "snapshot":
        data = {"version": event.data.get("version"), "source": event.data.get("source")}
        return _sse(event.seq, "version", json.dumps(data))
    return f"id: {event.seq}\n\n"


def _sse(seq: int, name: str, data: str) -> str:
    lines = "".join(f"data: {line}\n" for line in data.strip().split("\n"))
    return f"id: {seq}\nevent: {name}\n{lines}\n"


@router.get("/sessions/{session_id}/replay")
def replay(
    request: Request,
    session_id: int,
    old: int | None = Query(None, alias="from", ge=0),
    new: int | None = Query(None, alias="to", ge=1),
    state: AppState = Depends(app_state),
) -> Response:
    """The timeline with each version's diff; `from` and `to` compare any two versions."""
    found = Replays(state.store, state.catalog).replay(session_id)
    compared = None
    if old is not None or new is not None:
        latest = found.versions[-1].number if found.versions else 0
        compared = compare(found, old or 0, latest if new is None else new)
    return templates.TemplateResponse(
        request, "replay.html", {"replay": found, "compared": compared}
    )


def _exchange(request: Request, exchange: Exchange) -> Response:
    """The new chat lines, and the phase bar swapped out of band (the phase may move)."""
    return templates.TemplateResponse(
        request, "_exchange.html", {"exchange": exchange, "room": exchange.room, "oob": True}
    )


@router.get("/sessions/{session_id}")
@checks_session
def report(request: Request, session_id: int, state: AppState = Depends(app_state)) -> Response:
    """The scorecard of an ended session (an unfinished one goes back to the room).

    The session's state is named by one small query (`Store.session_stamp`); its record
    and report are derived from its events only, so they are kept under that stamp and
    read again only when a turn, a version or the end changes it. The coach's comments,
    scores and invites around them are read on every view of a session that has an invite
    (the stamp's `shared`; without one there is none of them to read).

    The owner check (`check_session`) runs here, first, in this route's worker thread and
    on its one connection, rather than in the guard's own thread hand-off."""
    with state.store.shared_reads():  # the stamp, the coaching and the notice: one connection
        stamp: SessionStamp | None = check_session(request)
        if stamp is None or stamp.session_id != session_id:
            stamp = state.store.session_stamp(session_id)
        if stamp is None:
            raise NotFoundError(f"no session {session_id}")
        if stamp.ended_at is None:
            return RedirectResponse(f"/practice/{session_id}", status_code=303)
        finished = state.reports.get(stamp, lambda: _finished(state, session_id))
        record, found = finished
        coaching = candidate_context(request, state, session_id, found, record, shared=stamp.shared)
        context = {"report": found} | coaching
        coach_notice(request)  # after the comments are marked read, as the template would
    line_comments: dict[int, list[CommentRecord]] = context["line_comments"]
    said = tuple(
        (n, tuple((c.author_name, c.body) for c in line_comments[n])) for n in sorted(line_comments)
    )
    context["scorecard"] = state.pages.get(
        ("scorecard", stamp, said), lambda: _scorecard(found, line_comments)
    )
    return templates.TemplateResponse(request, "session.html", context)


def _scorecard(found: SessionReport, line_comments: dict[int, list[CommentRecord]]) -> Markup:
    """The scorecard with the comments on its lines: the same HTML for the same session
    stamp and the same comments (author and text), so it is kept under both."""
    template = templates.get_template("_scorecard.html")
    return Markup(template.render(card=found.scorecard, line_comments=line_comments))


def _finished(state: AppState, session_id: int) -> Finished:
    finished = state.sessions.finished(session_id)
    if finished is None:  # the stamp said ended, and sessions never un-end
        raise NotFoundError(f"no session {session_id}")
    return finished

"""The JSON API for accounts and coach review: who is signed in (and the CSRF token a
script sends back), and a session's coach comments and scores (sessions themselves are
in `api`).

In accounts mode every route needs a signed-in session, and a session of another account
is a 404 (the app-wide guard checks every `session_id`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from tradeoff.services import coach
from tradeoff.web.auth import visitor_of
from tradeoff.web.csrf import csrf_token
from tradeoff.web.routes.api import ERRORS, SessionId
from tradeoff.web.state import AppState, app_state

router = APIRouter(prefix="/api", tags=["api"])
AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ERRORS[404]["model"], "description": "Accounts mode: sign in first"},
    403: {"model": ERRORS[404]["model"], "description": "A missing or wrong CSRF token"},
}


class WhoOut(BaseModel):
    accounts: bool = Field(description="Whether the app runs with accounts")
    email: str | None = Field(description="The signed-in account, if any")
    csrf_token: str = Field(description="Send it as X-CSRF-Token on POST, PUT, PATCH, DELETE")


class CommentOut(BaseModel):
    id: int
    author: str
    version: int | None = Field(description="With line: a line of this design version")
    line: int | None
    turn: int | None = Field(description="Or the event number of a transcript turn")
    where: str
    quote: str
    body: str
    created_at: datetime
    read: bool


class ScoreOut(BaseModel):
    dimension: str
    reviewer: int | None
    coaches: list[int | None]


class CoachReviewOut(BaseModel):
    session_id: int
    coaches: list[str]
    scores: list[ScoreOut]
    comments: list[CommentOut]


@router.get("/session", responses=AUTH_ERRORS)
def who(request: Request) -> WhoOut:
    """The signed-in account and the CSRF token for this browser's (or script's) cookies."""
    visitor = visitor_of(request)
    email = visitor.user.email if visitor.user is not None else None
    return WhoOut(accounts=visitor.accounts, email=email, csrf_token=csrf_token(request))


# A session still running has no coach review yet: its comments are asked for too soon.
COMMENT_ERRORS: dict[int | str, dict[str, Any]] = {
    **AUTH_ERRORS,
    409: {"model": ERRORS[404]["model"], "description": "The session has not ended yet"},
}


@router.get("/sessions/{session_id}/comments", responses=COMMENT_ERRORS)
def comments(session_id: SessionId, state: AppState = Depends(app_state)) -> CoachReviewOut:
    """Your coaches' comments on a finished session, each with its place, and their scores."""
    found = coach.review(state.store, state.sessions, session_id, layout=False)
    return CoachReviewOut(
        session_id=session_id,
        coaches=found.coaches,
        scores=[
            ScoreOut(dimension=r.dimension, reviewer=r.reviewer, coaches=list(r.coaches))
            for r in found.scores
        ],
        comments=[
            CommentOut(
                id=p.comment.id,
                author=p.comment.author_name,
                version=p.comment.version,
                line=p.comment.line,
                turn=p.comment.turn_seq,
                where=p.where,
                quote=p.quote,
                body=p.comment.body,
                created_at=p.comment.created_at,
                read=p.comment.read_at is not None,
            )
            for p in found.comments
        ],
    )

"""The JSON API under /api: problems, reviews, sessions and the flashcards due, each with a
pydantic response model so /api/openapi.json describes every answer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, BeforeValidator, Field

from tradeoff.catalog import default_catalog
from tradeoff.catalog.schema import DIFFICULTIES as LEVELS
from tradeoff.catalog.schema import INTERVIEW_TYPES as TYPES
from tradeoff.design.load import MAX_BYTES
from tradeoff.practice.decks import Card
from tradeoff.practice.user_decks import all_decks
from tradeoff.services import cards as flashcards
from tradeoff.services import history, library, reviews
from tradeoff.services.settings import new_per_day as saved_new_per_day
from tradeoff.store import SessionSummary
from tradeoff.web.auth import account_of, visitor_of
from tradeoff.web.state import AppState, app_state


def _each_parameter_once(request: Request) -> None:
    """Refuse a query parameter given more than once: every parameter of this API takes one
    value, and FastAPI would silently keep the last of "?new_per_day=3&new_per_day=x"."""
    seen: set[str] = set()
    for name, _ in request.query_params.multi_items():
        if name in seen:
            raise HTTPException(
                400, f"query parameter '{name}' is given more than once; give it once"
            )
        seen.add(name)


router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(_each_parameter_once)])


class ErrorOut(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Input the user can correct"},
    404: {"model": ErrorOut, "description": "Unknown id"},
    413: {"model": ErrorOut, "description": "Over the size limit"},
}
# A POST also needs the CSRF token of the caller's cookies (`GET /api/session` gives it),
# and in accounts mode a signed-in session.
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ERRORS[404]["model"], "description": "Accounts mode: sign in first"},
    403: {"model": ERRORS[404]["model"], "description": "A missing or wrong CSRF token"},
}
READ_ERRORS: dict[int | str, dict[str, Any]] = {code: ERRORS[code] for code in (400, 404)}


class ProblemSummary(BaseModel):
    id: str
    title: str
    type: str
    difficulty: str
    topics: list[str]


class ProblemOut(ProblemSummary):
    prompt: str
    ask_about: list[str] = Field(description="Fact categories the interviewer can be asked about")


class ReviewIn(BaseModel):
    text: str = Field(
        min_length=1,
        description=f"The design (Markdown, text, Mermaid), at most {MAX_BYTES} bytes of UTF-8",
    )
    problem: str | None = Field(None, description="A catalog id; omitted: guessed from the text")
    level: Literal["mid", "senior", "staff"] = "senior"


class EvidenceOut(BaseModel):
    line: int | None
    quote: str | None


class FindingOut(BaseModel):
    rule: str
    dimension: str
    severity: Literal["error", "warning", "info"]
    kind: str
    message: str
    evidence: EvidenceOut
    fix: str


class DimensionOut(BaseModel):
    score: int | None
    max: int
    summary: str


class UnreadOut(BaseModel):
    line: int | None
    message: str


class ContractOut(BaseModel):
    """The review contract, as `tradeoff review --format json` prints it."""

    problem: str
    level: str
    overall: int
    verdict: str
    dimensions: dict[str, DimensionOut]
    findings: list[FindingOut]
    next_steps: list[str]


class ReviewOut(ContractOut):
    """The review contract, plus the verdict per level and what could not be read."""

    verdicts: dict[str, str]
    notes: list[str]
    unread: list[UnreadOut]


class SessionOut(BaseModel):
    """A practice session as `tradeoff sessions` lists it."""

    id: int
    problem: str
    persona: str
    level: str
    started_at: datetime
    ended_at: datetime | None = Field(description="None while the session is open")
    overall: int | None = Field(description="0-100, once the session has ended")
    turns: int
    last_at: datetime | None


class TurnOut(BaseModel):
    at: datetime
    speaker: Literal["candidate", "interviewer"]
    text: str


class SessionDetailOut(SessionOut):
    minutes: int
    design_versions: int
    transcript: list[TurnOut]
    review: ContractOut | None = Field(description="The design review, once the session ended")


class CardOut(BaseModel):
    id: str
    deck: str
    front: str
    back: str
    tags: list[str]
    due: datetime | None = Field(description="When a seen card fell due; None for a new card")


class CardsDueOut(BaseModel):
    """Today's review, as `tradeoff cards review` would walk it."""

    now: datetime
    reviews: list[CardOut] = Field(description="Seen cards that are due, most overdue first")
    new: list[CardOut] = Field(description="New cards that today's limit lets in")
    unseen: int = Field(description="Never-seen cards in the selection, let in today or not")
    new_per_day: int
    new_seen_today: int


def _summary(p: Any) -> ProblemSummary:
    return ProblemSummary(
        id=p.id, title=p.title, type=p.type, difficulty=p.difficulty, topics=list(p.topics)
    )


def _values(
    names: Callable[[], Iterable[str]], any_value: str | None = ""
) -> Callable[[dict[str, Any]], None]:
    """A parameter's allowed values for the schema, listed when the schema is first asked for
    (they come from the catalog, which the app loads on first use, not at import). A filter
    also takes `any_value`: empty, as a form sends it, means any."""

    def extra(schema: dict[str, Any]) -> None:
        listed = sorted(names())
        schema["enum"] = listed if any_value is None else [any_value, *listed]

    return extra


def _topics() -> Iterable[str]:
    return default_catalog().vocabulary.topics


def _problem_ids() -> Iterable[str]:
    return default_catalog().problems


@router.get("/problems", responses=ERRORS)
def list_problems(
    type: Annotated[str | None, Query(json_schema_extra=_values(lambda: TYPES))] = None,
    topic: Annotated[str | None, Query(json_schema_extra=_values(_topics))] = None,
    difficulty: Annotated[str | None, Query(json_schema_extra=_values(lambda: LEVELS))] = None,
    state: AppState = Depends(app_state),
) -> list[ProblemSummary]:
    """Practice prompts matching every filter given."""
    found = library.browse(state.catalog, type, topic, difficulty)
    return [_summary(p) for p in found.problems]


@router.get("/problems/{problem_id}", responses=ERRORS)
def get_problem(
    problem_id: Annotated[str, Path(json_schema_extra=_values(_problem_ids, any_value=None))],
    state: AppState = Depends(app_state),
) -> ProblemOut:
    """A prompt as the candidate hears it (the hidden facts stay hidden)."""
    found = library.problem(state.catalog, problem_id)
    return ProblemOut(
        **_summary(found).model_dump(),
        prompt=found.prompt,
        ask_about=library.fact_categories(found),
    )


@router.post("/reviews", responses=WRITE_ERRORS)
def create_review(body: ReviewIn, state: AppState = Depends(app_state)) -> ReviewOut:
    """Review a design; every finding cites a line and quotes it, or says what is absent."""
    doc = reviews.read_text(body.text, state.max_design_bytes)
    card = reviews.scorecard(doc, state.catalog, body.problem, body.level)
    return ReviewOut(
        **card.contract,
        verdicts=card.verdicts,
        notes=card.notes,
        unread=[UnreadOut(line=u.line, message=u.message) for u in card.unread],
    )


def _digits(value: object) -> object:
    """A session id in the address is digits and nothing else: "1 " (as `/sessions/1%20`)
    read as session 1 once, and answered 200 to an address its schema rejects."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("a session id is a whole number, written in digits")
    return value


SessionId = Annotated[int, Path(ge=1, le=history.MAX_ID), BeforeValidator(_digits)]


def _session(summary: SessionSummary) -> SessionOut:
    return SessionOut(
        id=summary.id, problem=summary.problem_id, persona=summary.persona, level=summary.level,
        started_at=summary.started_at, ended_at=summary.ended_at, overall=summary.overall,
        turns=summary.turns, last_at=summary.last_at,
    )  # fmt: skip


@router.get("/sessions", responses=READ_ERRORS)
def list_sessions(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    state: AppState = Depends(app_state),
) -> list[SessionOut]:
    """Your practice sessions, newest first, finished or not (every session in single-user
    mode; in accounts mode the app-wide guard also refuses another account's session id)."""
    owner = visitor_of(request).owner_id
    return [_session(s) for s in history.sessions(state.store, limit, owner)]


@router.get("/sessions/{session_id}", responses=READ_ERRORS)
def get_session(session_id: SessionId, state: AppState = Depends(app_state)) -> SessionDetailOut:
    """One session: its transcript, how many design versions, and its review once ended."""
    found = history.session(state.store, session_id)
    return SessionDetailOut(
        **_session(found.summary).model_dump(),
        minutes=found.minutes,
        design_versions=found.design_versions,
        transcript=[TurnOut(at=t.at, speaker=t.speaker, text=t.text) for t in found.turns],
        review=ContractOut.model_validate(found.review) if found.review else None,
    )


def _card(card: Card, due: datetime | None) -> CardOut:
    return CardOut(
        id=card.id, deck=card.deck, front=card.front, back=card.back, tags=list(card.tags),
        due=due,
    )  # fmt: skip


@router.get("/cards/due", responses=READ_ERRORS)
def cards_due(
    request: Request,
    deck: str | None = None,
    topic: str | None = None,
    new_per_day: Annotated[int | None, Query(ge=0, le=flashcards.MAX_NEW_PER_DAY)] = None,
    state: AppState = Depends(app_state),
) -> CardsDueOut:
    """Your flashcards to review now: every seen card due, and new ones up to the daily limit
    (your setting unless `new_per_day` is given). In accounts mode each account has its own
    schedule; single-user mode has one."""
    chosen = flashcards.select_cards(all_decks(), deck, topic)
    now = flashcards.current_time()
    limit = (
        saved_new_per_day(account_of(request))
        if new_per_day is None
        else flashcards.per_day(new_per_day)
    )
    owner = visitor_of(request).owner_id
    queue = flashcards.todays_queue(state.store, chosen, now, limit, owner)
    states = state.store.card_states(owner)
    return CardsDueOut(
        now=now,
        reviews=[_card(c, states[c.id]["due"]) for c in queue.reviews],
        new=[_card(c, None) for c in queue.new],
        unseen=queue.unseen,
        new_per_day=queue.new_per_day,
        new_seen_today=queue.new_seen_today,
    )

"""The JSON API under /api: problems, reviews and sessions, described by the OpenAPI schema."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from tradeoff.design.load import MAX_BYTES
from tradeoff.services import library, reviews
from tradeoff.web.state import AppState, app_state

router = APIRouter(prefix="/api", tags=["api"])


class ErrorOut(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Input the user can correct"},
    404: {"model": ErrorOut, "description": "Unknown id"},
    413: {"model": ErrorOut, "description": "Over the size limit"},
}


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


class ReviewOut(BaseModel):
    """The review contract (as `tradeoff review --format json`), plus the verdict per level
    and what of the input could not be read."""

    problem: str
    level: str
    overall: int
    verdict: str
    verdicts: dict[str, str]
    dimensions: dict[str, DimensionOut]
    findings: list[FindingOut]
    next_steps: list[str]
    notes: list[str]
    unread: list[UnreadOut]


def _summary(p: Any) -> ProblemSummary:
    return ProblemSummary(
        id=p.id, title=p.title, type=p.type, difficulty=p.difficulty, topics=list(p.topics)
    )


@router.get("/problems", responses=ERRORS)
def list_problems(
    type: str | None = None,
    topic: str | None = None,
    difficulty: str | None = None,
    state: AppState = Depends(app_state),
) -> list[ProblemSummary]:
    """Practice prompts matching every filter given."""
    found = library.browse(state.catalog, type, topic, difficulty)
    return [_summary(p) for p in found.problems]


@router.get("/problems/{problem_id}", responses=ERRORS)
def get_problem(problem_id: str, state: AppState = Depends(app_state)) -> ProblemOut:
    """A prompt as the candidate hears it (the hidden facts stay hidden)."""
    found = library.problem(state.catalog, problem_id)
    return ProblemOut(
        **_summary(found).model_dump(),
        prompt=found.prompt,
        ask_about=library.fact_categories(found),
    )


@router.post("/reviews", responses=ERRORS)
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

"""Typed models of a session's end report and of the export file: one schema for each.

A finished session stores its report as JSON (`interview.report.final_report`); readers
(the CLI, the services, the web pages) validate it into `SessionReport` once and then read
attributes, not `.get()` chains. The same models check an import, so an export file and a
report in the database are one shape. Fields added to the report over time have defaults,
so reports stored by older versions (no `conversation`, no `topics`...) still load; extra
keys are kept, never refused, so a newer report is not lost by an older reader.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from tradeoff.practice.decks import SLUG
from tradeoff.store.keys import UID_LENGTH
from tradeoff.vocabulary import Dimension, Level, Persona, Phase, Severity, Verdict

FORMAT = "tradeoff-export"
VERSION = 2  # 2 added uids and decks; version 1 files (no uids) still import
VERSIONS = (1, 2)
RATINGS = ("again", "hard", "good", "easy")
MIN_MINUTES, MAX_MINUTES = 4, 180  # what `tradeoff practice --minutes` accepts

_STRICT = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)
_OPEN = ConfigDict(strict=True, extra="allow", allow_inf_nan=False)

E = TypeVar("E", bound=StrEnum)


def clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _member(enum: type[E], what: str) -> Callable[[Any], E]:
    """A validator turning stored text into `enum`'s member, with the error the import has
    always given ("unknown phase 'bogus'; expected one of ...")."""

    def check(value: Any) -> E:
        if isinstance(value, str) and value in enum._value2member_map_:
            return enum(value)
        shown = clip(repr(value))
        raise ValueError(f"unknown {what} {shown}; expected one of {', '.join(enum)}")

    return check


def _one_of(allowed: tuple[str, ...], what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(
                f"unknown {what} {clip(repr(value))}; expected one of {', '.join(allowed)}"
            )
        return value

    return check


Moment = Annotated[AwareDatetime, Field(strict=False)]  # ISO text in JSON, with a zone
Name = Annotated[str, Field(min_length=1, max_length=64)]
Uid = Annotated[str, Field(min_length=1, max_length=UID_LENGTH)]
Count = Annotated[int, Field(ge=0, le=10**9)]
# float: strict mode takes ints as floats, and one type (not int | float) keeps an error
# message free of union branch names.
Seconds = Annotated[float, Field(ge=0, le=10**9)]
JsonObject = dict[str, Any]

DimensionName = Annotated[Dimension, BeforeValidator(_member(Dimension, "dimension"))]
SeverityName = Annotated[Severity, BeforeValidator(_member(Severity, "severity"))]
LevelName = Annotated[Level, BeforeValidator(_member(Level, "level"))]
VerdictName = Annotated[Verdict, BeforeValidator(_member(Verdict, "verdict"))]
PhaseName = Annotated[Phase, BeforeValidator(_member(Phase, "phase"))]
PersonaName = Annotated[Persona, BeforeValidator(_member(Persona, "persona"))]
Rating = Annotated[str, AfterValidator(_one_of(RATINGS, "rating"))]


def first_error(exc: ValidationError) -> str:
    """`sessions[2].events[0].data: Input should be a valid dictionary`, from pydantic's list."""
    error = exc.errors(include_url=False)[0]
    where = ""
    for part in error["loc"]:
        where += f"[{part}]" if isinstance(part, int) else f".{part}"
    message = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    shown = ""
    if isinstance(value, int | float | str | bool) or value is None:
        finite = not isinstance(value, float) or (value == value and abs(value) != float("inf"))
        shown = f" (got {clip(json.dumps(value) if finite else repr(value))})"
    return f"{where.lstrip('.') or 'the file'}: {message}{shown}"


# --- the session report ---------------------------------------------------------------------


class Evidence(BaseModel):
    """Where a finding points: a 1-based line and its words, or nothing for an absence."""

    model_config = _OPEN
    line: int | None = None
    quote: str | None = None


class Finding(BaseModel):
    model_config = _OPEN
    rule: str
    dimension: DimensionName
    severity: SeverityName
    kind: str
    message: str
    evidence: Evidence = Evidence()
    fix: str = ""


class Cap(BaseModel):
    """A rule that holds a dimension's score below what its coverage earned."""

    model_config = _OPEN
    rule: str
    cap: float
    message: str


class DimensionScore(BaseModel):
    """A dimension's 0-4 score (None: not assessed, as capacity for object-oriented prompts)."""

    model_config = _OPEN
    score: Annotated[int, Field(ge=0, le=4)] | None
    max: int = 4
    summary: str = ""
    # What the interview report's score rests on (absent in reports stored before them).
    expected: int | None = None
    depth: str | None = None
    partly: str | None = None  # no step reached whole: the one reached furthest, in part
    next_step: str | None = None  # the first step of the depth ladder not reached whole
    # Whether that step lies below the deepest one reached (the steps need not come in
    # order: a design can quantify its targets and not yet list its features).
    next_below: bool = False
    # How far along that step (or the one reached in part) is: "1 of the 2 failures with
    # responses this step needs".
    needs: str | None = None
    penalties: float = 0.0  # what problems found at a line took off the score
    capped_by: Cap | None = None
    # Scored by the rubric's points alone, with no depth ladder (object-oriented and
    # front-end prompts): no step is named, reached or not.
    rubric_only: bool = False


class ReviewContract(BaseModel):
    """The design review (`Review.to_json()`, the JSON contract of `tradeoff review`)."""

    model_config = _OPEN
    problem: str = ""  # the prompt id, "generic" for the generic rubric
    level: LevelName
    overall: Annotated[int, Field(ge=0, le=100)]
    verdict: VerdictName
    dimensions: dict[DimensionName, DimensionScore]
    findings: list[Finding] = []
    next_steps: list[str]


class Silence(BaseModel):
    model_config = _OPEN
    at: str
    gap_s: Seconds


class Markers(BaseModel):
    """Communication markers: progress and the report's rendering do arithmetic on them."""

    model_config = _OPEN
    first_question_after_s: Seconds | None
    questions_asked: Count
    assumptions_stated: Count
    decisions_with_reason: Count
    decisions_without_reason: Count
    hints_used: Count
    long_silences: list[Silence]
    changes_of_course_without_reason: list[str]
    seconds_per_phase: dict[str, Seconds]
    budget_per_phase: dict[str, Seconds]
    session_seconds: Seconds


class DesignChange(BaseModel):
    """What one design version changed from the one before."""

    model_config = _OPEN
    version: int | None = None
    source: str | None = None
    lines_added: Count = 0
    lines_removed: Count = 0
    components_added: list[str] = []
    components_removed: list[str] = []


class ItemEntry(BaseModel):
    """A rubric item in the transcript report; `quote` and `where` when it was covered."""

    model_config = _OPEN
    item: str
    dimension: DimensionName
    text: str
    quote: str = ""
    where: str = ""
    # What the item's text asks that the quoted line does not name (concept names), for an
    # item only mentioned: "Optimistic concurrency control" for a list of trip states.
    lacks: list[str] = []
    # For an estimate worked out from a figure said against the one given: that figure
    # ("10 million orders a day"). The working is there; its input is not the prompt's.
    worked_from: str = ""


class Contradiction(BaseModel):
    model_config = _OPEN
    said: str
    said_at: str = ""
    written: str
    line: int | None = None
    about: str


class GivenContradicted(BaseModel):
    """A figure said against one the interviewer had given."""

    model_config = _OPEN
    said: str
    said_at: str = ""
    given: str
    about: str
    # The figure said later that takes it back, and when ("" when none did).
    corrected: str = ""
    corrected_at: str = ""


class Quote(BaseModel):
    model_config = _OPEN
    quote: str
    at: str = ""
    # For an assumption: the interviewer's figure it sets aside, as they worded it.
    given: str = ""


class Estimate(BaseModel):
    model_config = _OPEN
    said: str
    at: str = ""
    about: str
    # An estimate of the same figure said earlier, which this one replaced.
    corrected_from: str = ""


class BreaksFirst(BaseModel):
    """The simulation's first bottleneck of the design, against the candidate's 10x answer."""

    model_config = _OPEN
    node: str
    line: int | None = None
    ceiling_rps: float
    peak_rps: float | None = None
    utilisation_at_peak: float | None = None
    answer: str = ""
    agrees: bool = False


class Conversation(BaseModel):
    """The transcript's side of the report (absent from reports stored before it existed)."""

    model_config = _OPEN
    covered: list[ItemEntry] = []
    mentioned: list[ItemEntry] = []
    missing: list[ItemEntry] = []
    dodged: list[str] = []
    unanswered_challenges: list[str] = []
    contradictions: list[Contradiction] = []
    given_contradicted: list[GivenContradicted] = []
    assumptions: list[Quote] = []
    estimates: list[Estimate] = []
    breaks_first: BreaksFirst | None = None


class LlmVerdict(BaseModel):
    model_config = _OPEN
    item: str
    covered: bool
    quote: str


class LlmVerdicts(BaseModel):
    """Evidence-checked LLM verdicts; empty when no LLM was configured."""

    model_config = _OPEN
    asked: Count = 0
    kept: list[LlmVerdict] = []
    dropped: Count = 0
    error: str | None = None


class SessionReport(BaseModel):
    """A finished session's end report, as `final_report` builds it and the store keeps it."""

    model_config = _OPEN
    review: ReviewContract
    markers: Markers
    design_changes: list[DesignChange]
    unclear_assumptions: list[str]
    missing_edge_cases: list[str] = []
    rubric_coverage: dict[str, Annotated[float, Field(ge=0, le=1)]] = {}
    topics: list[str] = []
    conversation: Conversation = Conversation()
    llm_verdicts: LlmVerdicts = LlmVerdicts()

    @classmethod
    def load(cls, stored: JsonObject) -> SessionReport:
        """A report as stored (a JSON object), typed; a damaged one says which field."""
        try:
            return cls.model_validate(stored)
        except ValidationError as exc:
            raise ValueError(f"the stored report is damaged: {first_error(exc)}") from None


# --- the export file ----------------------------------------------------------------------------


class EventModel(BaseModel):
    model_config = _STRICT
    at: Moment
    kind: Name
    phase: PhaseName
    speaker: Name | None
    text: str
    data: JsonObject


class SnapshotModel(BaseModel):
    model_config = _STRICT
    at: Moment
    kind: Name
    source: str
    content: str


class SessionModel(BaseModel):
    """One session of an export: settings, every event and design version, the report."""

    model_config = _STRICT
    uid: Uid | None = None  # absent in version 1 files
    problem_id: Annotated[str, Field(min_length=1, max_length=200)]
    persona: PersonaName
    level: LevelName
    minutes: Annotated[int, Field(ge=MIN_MINUTES, le=MAX_MINUTES)]
    started_at: Moment
    ended_at: Moment | None
    review: JsonObject | None
    events: list[EventModel]
    snapshots: list[SnapshotModel]

    @field_validator("review")
    @classmethod
    def _report(cls, value: JsonObject | None) -> JsonObject | None:
        """Checked against SessionReport but kept as written, so numbers keep their form."""
        if value is not None:
            try:
                SessionReport.model_validate(value)
            except ValidationError as exc:
                raise ValueError(first_error(exc)) from None
        return value

    @model_validator(mode="after")
    def _times(self) -> SessionModel:
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise ValueError("ended_at is before started_at")
        if self.review is not None and self.ended_at is None:
            raise ValueError("an unfinished session cannot have a report")
        return self

    def report(self) -> SessionReport | None:
        return None if self.review is None else SessionReport.model_validate(self.review)


class DrillModel(BaseModel):
    model_config = _STRICT
    uid: Uid | None = None
    problem_id: Annotated[str, Field(min_length=1, max_length=200)]
    at: Moment
    result: JsonObject

    @field_validator("result")
    @classmethod
    def _answers(cls, value: JsonObject) -> JsonObject:
        """Progress counts the answers' grades; they must be a list of objects."""
        answers = value.get("answers", [])
        if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
            raise ValueError("answers must be a list of objects")
        return value


class FsrsStateModel(BaseModel):
    """fsrs's Card.to_dict(): what `cards review` hands back to fsrs."""

    model_config = _OPEN
    card_id: int
    state: Annotated[int, Field(ge=1, le=3)]
    step: Annotated[int, Field(ge=0)] | None
    stability: Annotated[float, Field(ge=0)] | None
    difficulty: Annotated[float, Field(ge=0)] | None
    due: Moment
    last_review: Moment | None


class CardStateModel(BaseModel):
    model_config = _STRICT
    card_id: Name
    deck: Annotated[str, Field(min_length=1, max_length=100)]
    state: JsonObject
    due: Moment

    @field_validator("state")
    @classmethod
    def _fsrs(cls, value: JsonObject) -> JsonObject:
        try:
            FsrsStateModel.model_validate(value)
        except ValidationError as exc:
            raise ValueError(first_error(exc)) from None
        return value


class CardReviewModel(BaseModel):
    model_config = _STRICT
    uid: Uid | None = None
    card_id: Name
    rating: Rating
    reviewed_at: Moment
    log: JsonObject


class DeckModel(BaseModel):
    model_config = _STRICT
    id: Annotated[str, Field(pattern=SLUG.pattern, max_length=100)]
    content: Annotated[str, Field(max_length=2 * 1024 * 1024)]


class ExportModel(BaseModel):
    """A whole export file; nothing is written unless all of it validates. `tradeoff export`
    writes this model and `tradeoff import` reads it; `sessions export --format json`
    writes it with one session, so a shared session imports too."""

    model_config = _STRICT
    format: str
    version: int
    sessions: list[SessionModel]
    drills: list[DrillModel]
    card_states: list[CardStateModel]
    card_reviews: list[CardReviewModel]
    decks: list[DeckModel] = []

    def to_json(self) -> JsonObject:
        """The file's JSON: times as ISO text, enums as their strings, reports as stored."""
        return self.model_dump(mode="json")

"""Move all of a user's data between machines: one JSON file out, the same data back in.

An export holds every session (events, snapshots, report), drill, flashcard state and
review, and the decks added with `cards import`. An import is checked whole against one
schema before anything is written, then written in one transaction, and skips what the
store already has (matched by uid), so importing the same file twice changes nothing.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from tradeoff.errors import TradeoffError
from tradeoff.interview.personas import PERSONAS
from tradeoff.interview.phases import PHASES
from tradeoff.practice.decks import SLUG, Deck, DeckError, builtin_decks, parse_deck
from tradeoff.practice.user_decks import restore_deck, user_deck_texts
from tradeoff.safe_text import redact_text
from tradeoff.store import (
    CardReviewIn,
    CardStateIn,
    DrillIn,
    EventIn,
    ImportBatch,
    ImportCounts,
    SessionIn,
    SnapshotIn,
    Store,
)
from tradeoff.store.keys import UID_LENGTH, LegacyKeys

FORMAT = "tradeoff-export"
VERSION = 2  # 2 added uids and decks; version 1 files (no uids) still import
VERSIONS = (1, 2)
LEVELS = ("mid", "senior", "staff")
RATINGS = ("again", "hard", "good", "easy")
MAX_BYTES = 512 * 1024 * 1024  # far above any real history; stops /dev/zero and the like
MIN_MINUTES, MAX_MINUTES = 4, 180  # what `tradeoff practice --minutes` accepts

# --- the schema: one model for the whole file ------------------------------------------------

_STRICT = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)
_OPEN = ConfigDict(strict=True, extra="allow", allow_inf_nan=False)

Moment = Annotated[AwareDatetime, Field(strict=False)]  # ISO text in JSON, with a zone
Name = Annotated[str, Field(min_length=1, max_length=64)]
Uid = Annotated[str, Field(min_length=1, max_length=UID_LENGTH)]
Count = Annotated[int, Field(ge=0, le=10**9)]
# float: strict mode takes ints as floats, and one type (not int | float) keeps an error
# message free of union branch names; the models only check, the JSON is stored as read.
Seconds = Annotated[float, Field(ge=0, le=10**9)]
JsonObject = dict[str, Any]


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(
            f"unknown {what} {_clip(repr(value))}; expected one of {', '.join(allowed)}"
        )
    return value


def _level(value: str) -> str:
    return _one_of(value, LEVELS, "level")


def _phase(value: str) -> str:
    return _one_of(value, PHASES, "phase")


def _persona(value: str) -> str:
    return _one_of(value, PERSONAS, "persona")


def _rating(value: str) -> str:
    return _one_of(value, RATINGS, "rating")


Level = Annotated[str, AfterValidator(_level)]
Phase = Annotated[str, AfterValidator(_phase)]
Persona = Annotated[str, AfterValidator(_persona)]
Rating = Annotated[str, AfterValidator(_rating)]


class DimensionModel(BaseModel):
    """A review dimension: progress averages its score, so it must be a number or null."""

    model_config = _OPEN
    score: Annotated[float, Field(ge=0, le=4)] | None


class ReviewModel(BaseModel):
    """The design review inside a report: what `sessions list`, progress and render read."""

    model_config = _OPEN
    overall: Annotated[float, Field(ge=0, le=100)]
    level: Level
    verdict: str
    dimensions: dict[str, DimensionModel]
    next_steps: list[str]
    findings: list[JsonObject] = []


class MarkersModel(BaseModel):
    """Communication markers: progress and the report's rendering do arithmetic on them."""

    model_config = _OPEN
    first_question_after_s: Seconds | None
    questions_asked: Count
    assumptions_stated: Count
    decisions_with_reason: Count
    decisions_without_reason: Count
    hints_used: Count
    long_silences: list[JsonObject]
    changes_of_course_without_reason: list[str]
    seconds_per_phase: dict[str, Seconds]
    budget_per_phase: dict[str, Seconds]
    session_seconds: Seconds


class ReportModel(BaseModel):
    """A finished session's end report (interview/report.py: final_report)."""

    model_config = _OPEN
    review: ReviewModel
    markers: MarkersModel
    design_changes: list[JsonObject]
    unclear_assumptions: list[str]
    rubric_coverage: dict[str, Annotated[float, Field(ge=0, le=1)]] = {}
    topics: list[str] = []


class EventModel(BaseModel):
    model_config = _STRICT
    at: Moment
    kind: Name
    phase: Phase
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
    model_config = _STRICT
    uid: Uid | None = None  # absent in version 1 files
    problem_id: Annotated[str, Field(min_length=1, max_length=200)]
    persona: Persona
    level: Level
    minutes: Annotated[int, Field(ge=MIN_MINUTES, le=MAX_MINUTES)]
    started_at: Moment
    ended_at: Moment | None
    review: JsonObject | None
    events: list[EventModel]
    snapshots: list[SnapshotModel]

    @field_validator("review")
    @classmethod
    def _report(cls, value: JsonObject | None) -> JsonObject | None:
        """Checked against ReportModel but kept as written, so numbers keep their form."""
        if value is not None:
            try:
                ReportModel.model_validate(value)
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
    """A whole export file; nothing is written unless all of it validates."""

    model_config = _STRICT
    format: str
    version: int
    sessions: list[SessionModel]
    drills: list[DrillModel]
    card_states: list[CardStateModel]
    card_reviews: list[CardReviewModel]
    decks: list[DeckModel] = []


# --- export ------------------------------------------------------------------------------------


def export_all(store: Store, deck_folder: Path | None = None) -> dict[str, Any]:
    """Sessions with every event, snapshot and report; drills; flashcards; the user's decks."""
    sessions = [
        {
            "uid": record.uid,
            "problem_id": record.problem_id,
            "persona": record.persona,
            "level": record.level,
            "minutes": record.minutes,
            "started_at": record.started_at.isoformat(),
            "ended_at": record.ended_at.isoformat() if record.ended_at else None,
            "review": record.review,
            "events": [
                {
                    "at": e.at.isoformat(),
                    "kind": e.kind,
                    "phase": e.phase,
                    "speaker": e.speaker,
                    # A notice quotes an LLM server; one stored before its errors were
                    # redacted may hold a key or a credentialed URL.
                    "text": redact_text(e.text) if e.kind == "notice" else e.text,
                    "data": e.data,
                }
                for e in record.events
            ],
            "snapshots": [
                {"at": s.at.isoformat(), "kind": s.kind, "source": s.source, "content": s.content}
                for s in record.snapshots
            ],
        }
        for record in store.all_sessions()
    ]
    drills = [
        {"uid": d["uid"], "problem_id": d["problem_id"], "at": _iso(d["at"]), "result": d["result"]}
        for d in reversed(store.list_drills(limit=1_000_000))
    ]
    cards = [
        {"card_id": card_id, **{k: _iso(v) for k, v in state.items()}}
        for card_id, state in sorted(store.card_states().items())
    ]
    reviews = [
        {k: _iso(v) for k, v in review.items() if k != "id"} for review in store.card_reviews()
    ]
    decks = [{"id": deck_id, "content": text} for deck_id, text in user_deck_texts(deck_folder)]
    return {
        "format": FORMAT,
        "version": VERSION,
        "sessions": sessions,
        "drills": drills,
        "card_states": cards,
        "card_reviews": reviews,
        "decks": decks,
    }


def write_export(data: dict[str, Any], path: Path) -> None:
    """Write `data` as JSON to `path` through a temporary file and a rename.

    Writing in place would truncate an older backup first; a full disk or a kill halfway
    would then leave neither the old backup nor the new one. The rename is atomic, so
    `path` holds the old file or the whole new one, never a part.
    """
    text = json.dumps(data, indent=1)  # ASCII: no stored string can fail to encode
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise TradeoffError(f"{path}: cannot write ({exc.strerror}); check the folder") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise TradeoffError(
            f"{path}: cannot write ({exc.strerror}); any earlier file there is unchanged"
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- import ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeckCounts:
    """Decks from an export: written here, already here, or kept as the local copy differs."""

    restored: tuple[str, ...]
    present: tuple[str, ...]
    kept: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    counts: ImportCounts
    decks: DeckCounts

    @property
    def changed(self) -> bool:
        return self.counts.changed or bool(self.decks.restored)


def read_export(path: Path) -> ExportModel:
    """Read and validate an export file whole; any problem is one TradeoffError line."""
    try:
        if not path.is_file():
            what = "no such file" if not path.exists() else "not a regular file"
            raise TradeoffError(f"{path}: {what}; give a file written by tradeoff export")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TradeoffError(f"{path}: cannot read ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise TradeoffError(f"{path}: over {MAX_BYTES // 2**20} MB; not a tradeoff export")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise TradeoffError(f"{path}: not UTF-8 text; give a tradeoff export file") from None
    except json.JSONDecodeError as exc:
        raise TradeoffError(
            f"{path}: not JSON (line {exc.lineno}); give a tradeoff export file"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise TradeoffError(f"{path}: not a tradeoff export ({_clip(str(exc))})") from None
    return validate_export(data, str(path))


def validate_export(data: Any, label: str = "the export") -> ExportModel:
    """The export checked against ExportModel; the first problem names where it is."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TradeoffError(
            f"{label}: not a tradeoff export; make one with: tradeoff export FILE.json"
        )
    if data.get("version") not in VERSIONS:
        raise TradeoffError(
            f"{label}: export version {_clip(repr(data.get('version')))} is not supported;"
            " upgrade tradeoff"
        )
    try:
        return ExportModel.model_validate(data)
    except ValidationError as exc:
        raise TradeoffError(f"{label}: {first_error(exc)}; nothing was imported") from None
    except RecursionError:
        raise TradeoffError(f"{label}: nested too deeply; nothing was imported") from None


def import_all(store: Store, export: ExportModel, deck_folder: Path | None = None) -> ImportResult:
    """Add what the store lacks from a validated export, in one transaction, then its decks.

    Decks are checked before anything is written too; they are files, so they are written
    after the database commits, each atomically. A process killed between the two leaves
    the decks to the next import of the same file, which adds only them.
    """
    decks = _decks(export)
    counts = store.import_batch(_batch(export))
    outcomes: dict[str, list[str]] = {"restored": [], "present": [], "kept": []}
    for deck, text in decks:
        outcomes[restore_deck(deck, text, deck_folder)].append(deck.id)
    return ImportResult(
        counts,
        DeckCounts(*(tuple(outcomes[key]) for key in ("restored", "present", "kept"))),
    )


def _decks(export: ExportModel) -> list[tuple[Deck, str]]:
    builtin = builtin_decks()
    out = []
    for index, item in enumerate(export.decks):
        where = f"decks[{index}]"
        try:
            deck = parse_deck(item.content, f"{where} ({item.id})")
        except DeckError as exc:
            raise TradeoffError(f"{exc}; nothing was imported") from None
        if deck.id != item.id or deck.id in builtin:
            raise TradeoffError(
                f"{where}: deck id {deck.id!r} does not match {item.id!r} or is a built-in deck;"
                " nothing was imported"
            )
        out.append((deck, item.content))
    return out


def _batch(export: ExportModel) -> ImportBatch:
    """Store inputs; a version 1 file's rows get the uids the 0003 migration derives."""
    keys = LegacyKeys()
    sessions = tuple(
        SessionIn(
            uid=s.uid or keys.uid("session", s.started_at, s.problem_id),
            problem_id=s.problem_id,
            persona=s.persona,
            level=s.level,
            minutes=s.minutes,
            started_at=s.started_at,
            ended_at=s.ended_at,
            review=s.review,
            events=tuple(
                EventIn(e.at, e.kind, e.phase, e.speaker, e.text, e.data) for e in s.events
            ),
            snapshots=tuple(SnapshotIn(p.at, p.kind, p.source, p.content) for p in s.snapshots),
        )
        for s in export.sessions
    )
    drills = tuple(
        DrillIn(d.uid or keys.uid("drill", d.at, d.problem_id), d.problem_id, d.at, d.result)
        for d in export.drills
    )
    states = tuple(CardStateIn(c.card_id, c.deck, c.state, c.due) for c in export.card_states)
    reviews = tuple(
        CardReviewIn(
            r.uid or keys.uid("card-review", r.reviewed_at, r.card_id),
            r.card_id,
            r.rating,
            r.reviewed_at,
            r.log,
        )
        for r in export.card_reviews
    )
    return ImportBatch(sessions, drills, states, reviews)


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
        shown = f" (got {_clip(json.dumps(value) if _finite(value) else repr(value))})"
    return f"{where.lstrip('.') or 'the file'}: {message}{shown}"


def _finite(value: Any) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON; json.loads would otherwise accept them as floats."""
    raise ValueError(f"{name} is not a JSON number")


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value

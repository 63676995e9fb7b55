"""Move all of a user's data between machines: one JSON file out, the same data back in.

An export holds every session (events, snapshots, report), drill, flashcard state and
review, and the decks added with `cards import`. An import is checked whole against one
schema before anything is written, then written in one transaction, and skips what the
store already has (matched by uid), so importing the same file twice changes nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tradeoff.errors import TradeoffError
from tradeoff.practice.decks import Deck, DeckError, builtin_decks, parse_deck
from tradeoff.practice.models import (
    FORMAT,
    VERSION,
    VERSIONS,
    CardReviewModel,
    CardStateModel,
    DeckModel,
    DrillModel,
    EventModel,
    ExportModel,
    SessionModel,
    SnapshotModel,
    clip,
    first_error,
)
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
    SessionRecord,
    SnapshotIn,
    Store,
)
from tradeoff.store.keys import LegacyKeys

MAX_BYTES = 512 * 1024 * 1024  # far above any real history; stops /dev/zero and the like

# --- export ------------------------------------------------------------------------------------


def export_all(store: Store, deck_folder: Path | None = None) -> dict[str, Any]:
    """Sessions with every event, snapshot and report; drills; flashcards; the user's decks.

    Built as the ExportModel an import validates, so a file this writes always imports;
    data the import would refuse is a one-line error here, before any file is written.
    """
    try:
        export = ExportModel(
            format=FORMAT,
            version=VERSION,
            sessions=[session_model(record) for record in store.all_sessions()],
            drills=[
                DrillModel(uid=d["uid"], problem_id=d["problem_id"], at=d["at"], result=d["result"])
                for d in reversed(store.list_drills(limit=1_000_000))
            ],
            card_states=[
                CardStateModel(card_id=card_id, deck=c["deck"], state=c["state"], due=c["due"])
                for card_id, c in sorted(store.card_states().items())
            ],
            card_reviews=[
                CardReviewModel(
                    uid=r["uid"],
                    card_id=r["card_id"],
                    rating=r["rating"],
                    reviewed_at=r["reviewed_at"],
                    log=r["log"],
                )
                for r in store.card_reviews()
            ],
            decks=[
                DeckModel(id=deck_id, content=text)
                for deck_id, text in user_deck_texts(deck_folder)
            ],
        )
    except ValidationError as exc:
        raise TradeoffError(
            f"cannot export: {first_error(exc)}; nothing was written (report this as a bug)"
        ) from None
    return export.to_json()


def session_model(record: SessionRecord) -> SessionModel:
    """One stored session as the export file holds it."""
    return SessionModel(
        uid=record.uid or None,
        problem_id=record.problem_id,
        persona=record.persona,
        level=record.level,
        minutes=record.minutes,
        started_at=record.started_at,
        ended_at=record.ended_at,
        review=record.review,
        events=[
            EventModel(
                at=e.at,
                kind=e.kind,
                phase=e.phase,
                speaker=e.speaker,
                # A notice quotes an LLM server; one stored before its errors were
                # redacted may hold a key or a credentialed URL.
                text=redact_text(e.text) if e.kind == "notice" else e.text,
                data=e.data,
            )
            for e in record.events
        ],
        snapshots=[
            SnapshotModel(at=s.at, kind=s.kind, source=s.source, content=s.content)
            for s in record.snapshots
        ],
    )


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
        raise TradeoffError(f"{path}: not a tradeoff export ({clip(str(exc))})") from None
    return validate_export(data, str(path))


def validate_export(data: Any, label: str = "the export") -> ExportModel:
    """The export checked against ExportModel; the first problem names where it is."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TradeoffError(
            f"{label}: not a tradeoff export; make one with: tradeoff export FILE.json"
        )
    if data.get("version") not in VERSIONS:
        raise TradeoffError(
            f"{label}: export version {clip(repr(data.get('version')))} is not supported;"
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


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON; json.loads would otherwise accept them as floats."""
    raise ValueError(f"{name} is not a JSON number")

"""Coach review: share a finished session by an invite link, comment on lines and turns,
score each dimension, and show all of it to the candidate in place.

An invite token is random (24 bytes, URL-safe) and revocable. What a coach can reach is
decided here from the share alone (one session, only while the share is live), so a route
cannot widen it by passing another id.
"""

from __future__ import annotations

import json
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from tradeoff.catalog.schema import DIMENSIONS
from tradeoff.design.excalidraw import drawing_lines, parse_excalidraw
from tradeoff.errors import TradeoffError
from tradeoff.review.report import dimension_title
from tradeoff.services.errors import (
    BadInputError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
)
from tradeoff.services.practice import PracticeSessions, SessionReport
from tradeoff.store import EventRecord, SessionRecord, SnapshotRecord, Store
from tradeoff.store.accounts import (
    Coaching,
    CoachScoreRecord,
    CommentRecord,
    ShareRecord,
    Unread,
)
from tradeoff.store.accounts import UserRecord as User

MAX_COMMENT = 4000
MAX_LABEL = 100
SCORES = range(5)  # a coach scores each dimension 0-4, as the reviewer does
UNKNOWN_INVITE = "no such invite: the link is mistyped, or the candidate revoked it"


@dataclass(frozen=True)
class Place:
    """Where a comment points: a line of a design version, or a turn of the transcript."""

    version: int | None = None
    line: int | None = None
    turn_seq: int | None = None

    @property
    def anchor(self) -> str:
        return f"t{self.turn_seq}" if self.turn_seq is not None else f"v{self.version}-L{self.line}"

    @staticmethod
    def of(comment: CommentRecord) -> Place:
        return Place(comment.version, comment.line, comment.turn_seq)


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    comments: tuple[CommentRecord, ...]


@dataclass(frozen=True)
class Version:
    number: int
    at: datetime
    kind: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class TurnView:
    seq: int
    at: datetime
    speaker: str
    text: str
    comments: tuple[CommentRecord, ...]


@dataclass(frozen=True)
class ScoreRow:
    """One dimension: the reviewer's score beside each coach's."""

    dimension: str
    title: str
    reviewer: int | None
    coaches: tuple[int | None, ...]  # in the order of `CoachReview.coaches`


@dataclass(frozen=True)
class PlacedComment:
    comment: CommentRecord
    where: str  # "design version 2, line 12" or "turn 5 (Interviewer)"
    quote: str
    anchor: str  # the scorecard line's anchor ("L12") when shown there, else ""


@dataclass(frozen=True)
class CoachReview:
    """A shared session as its coach sees it, and as its candidate sees the coach's work."""

    session_id: int
    report: SessionReport
    versions: list[Version]  # empty when `review` was asked for no layout and no comment
    turns: list[TurnView]  # likewise
    scores: list[ScoreRow]
    coaches: list[str]  # who scored, in column order
    line_comments: dict[int, list[CommentRecord]]  # scorecard line -> comments shown there
    comments: list[PlacedComment]
    shares: list[ShareRecord]


def create_share(
    store: Store, sessions: PracticeSessions, session_id: int, label: str, now: datetime
) -> str:
    """A new invite for a finished session; returns its token."""
    label = " ".join(label.split())
    if len(label) > MAX_LABEL:
        raise BadInputError(f"keep the coach's name under {MAX_LABEL} characters")
    if not sessions.is_finished(session_id):
        raise ConflictError("end the session before sharing it: the coach reviews its report")
    token = secrets.token_urlsafe(24)
    store.accounts.add_share(session_id, token, label, now)
    return token


def revoke_share(store: Store, session_id: int, share_id: int, now: datetime) -> None:
    if not store.accounts.revoke_share(share_id, session_id, now):
        raise NotFoundError(f"session {session_id} has no live invite {share_id}")


def open_share(store: Store, token: str, user: User | None, now: datetime) -> ShareRecord:
    """The live share a token opens. `user` is the signed-in account in accounts mode (None
    in single-user mode, where the link alone grants access): the first account other than
    the candidate to open the link becomes its coach, and the only one it opens for."""
    share = store.accounts.share_by_token(token) if 0 < len(token) <= 64 else None
    if share is None or share.revoked_at is not None:
        raise NotFoundError(UNKNOWN_INVITE)
    if user is None or user.id == share.owner_id:
        return share
    if share.coach_id is None and store.accounts.accept_share(share.id, user.id, now):
        return store.accounts.share_by_token(token) or share
    if share.coach_id != user.id:
        raise ForbiddenError("another account has already accepted this invite")
    return share


def author_of(share: ShareRecord, user: User | None) -> str:
    if user is not None:
        return user.email
    return share.label or "your coach"


def add_comment(
    store: Store,
    share: ShareRecord,
    user: User | None,
    body: str,
    *,
    version: str = "",
    line: str = "",
    turn: str = "",
    now: datetime,
) -> tuple[Place, CommentRecord]:
    """A comment on a line of a design version or on a turn, checked to exist."""
    body = body.strip()
    if not body:
        raise BadInputError("write the comment first: it was empty")
    if len(body) > MAX_COMMENT:
        raise BadInputError(f"keep a comment under {MAX_COMMENT} characters")
    record = store.get_session(share.session_id)
    place = _place(record, version, line, turn)
    comment = store.accounts.add_comment(
        share_id=share.id,
        session_id=share.session_id,
        author_id=user.id if user else None,
        author_name=author_of(share, user),
        version=place.version,
        line=place.line,
        turn_seq=place.turn_seq,
        body=body,
        at=now,
    )
    return place, comment


def _place(record: SessionRecord, version: str, line: str, turn: str) -> Place:
    if turn.strip():
        seq = _integer(turn, "turn")
        if not any(e.seq == seq for e in _turns(record.events)):
            raise BadInputError(f"the transcript has no turn {seq}")
        return Place(turn_seq=seq)
    number, at_line = _integer(version, "version"), _integer(line, "line")
    found = next((s for s in record.snapshots if s.version == number), None)
    if found is None:
        raise BadInputError(f"the session has no design version {number}")
    if not 1 <= at_line <= len(version_lines(found)):
        raise BadInputError(f"design version {number} has no line {at_line}")
    return Place(version=number, line=at_line)


def _integer(text: str, name: str) -> int:
    text = text.strip()
    if not text.isdigit() or len(text) > 9:
        raise BadInputError(f"say which {name} the comment is on (a number)")
    return int(text)


def set_scores(
    store: Store, share: ShareRecord, user: User | None, given: dict[str, str], now: datetime
) -> dict[str, int]:
    """The coach's 0-4 per dimension; a dimension left blank is not scored."""
    scores: dict[str, int] = {}
    for dimension in DIMENSIONS:
        value = given.get(dimension, "").strip()
        if not value:
            continue
        if not value.isdigit() or int(value) not in SCORES:
            raise BadInputError(f"score {dimension} from 0 to 4, or leave it blank")
        scores[dimension] = int(value)
    if not scores:
        raise BadInputError("score at least one dimension (0 to 4)")
    store.accounts.set_scores(
        share_id=share.id,
        session_id=share.session_id,
        author_id=user.id if user else None,
        author_name=author_of(share, user),
        scores=scores,
        at=now,
    )
    return scores


# --- what a page shows ------------------------------------------------------------------


def review(
    store: Store,
    sessions: PracticeSessions,
    session_id: int,
    *,
    only_share: ShareRecord | None = None,
    report: SessionReport | None = None,
    record: SessionRecord | None = None,
    shared: bool = True,
    layout: bool = True,
) -> CoachReview:
    """The session's report, versions and transcript with every comment in place, and the
    scores side by side. For a coach (`only_share`), only that share's comments and scores;
    for the candidate, every coach's. A caller that has read the session already passes its
    `record` (and `report`), so the page reads it once.

    `shared=False` (the session's stamp says it has no invite, so no comment or coach score
    either) skips the three coaching reads. `layout=False` is for a page that shows the
    comments but not the design versions and transcript (the session page, the API): the
    versions' lines (a whiteboard's JSON parsed) and the turns are then built only when a
    comment needs its place described, and left empty otherwise."""
    report = report or sessions.report(session_id)
    record = record or store.get_session(session_id)
    coaching = Coaching([], [], [])
    if shared:
        coaching = store.accounts.coaching(session_id, shares=only_share is None)
    comments, marks = coaching.comments, coaching.scores
    if only_share is not None:
        comments = [c for c in comments if c.share_id == only_share.id]
        marks = [m for m in marks if m.share_id == only_share.id]
    at_place: dict[Place, list[CommentRecord]] = defaultdict(list)
    for comment in comments:
        at_place[Place.of(comment)].append(comment)
    laid_out = layout or bool(comments)
    versions = [
        Version(
            s.version,
            s.at,
            s.kind,
            tuple(
                Line(n, text, tuple(at_place.get(Place(s.version, n), ())) if at_place else ())
                for n, text in enumerate(version_lines(s), start=1)
            ),
        )
        for s in (record.snapshots if laid_out else ())
    ]
    turns = [
        TurnView(
            e.seq,
            e.at,
            e.speaker or "candidate",
            e.text,
            tuple(at_place.get(Place(turn_seq=e.seq), ())) if at_place else (),
        )
        for e in (_turns(record.events) if laid_out else ())
    ]
    # With no comment (most sessions) no line is looked up: no Place is built or hashed.
    places = scorecard_places(record) if comments else {}
    first_line: dict[Place, int] = {}
    for number, place in sorted(places.items()):
        first_line.setdefault(place, number)
    line_comments: dict[int, list[CommentRecord]] = defaultdict(list)
    placed = []
    for comment in comments:
        place = Place.of(comment)
        shown_at = first_line.get(place)
        if shown_at is not None:
            line_comments[shown_at].append(comment)
        where, quote = _describe(place, versions, turns)
        placed.append(PlacedComment(comment, where, quote, f"L{shown_at}" if shown_at else ""))
    reviewer = {bar.dimension: bar.score for bar in report.scorecard.dimensions}
    interview_type = report.problem.type
    rows = [
        ScoreRow(
            d,
            dimension_title(d, interview_type),
            reviewer.get(d),
            tuple(m.scores.get(d) for m in marks),
        )
        for d in DIMENSIONS
    ]
    shares = coaching.shares
    return CoachReview(
        session_id,
        report,
        versions,
        turns,
        rows,
        [m.author_name for m in marks],
        dict(line_comments),
        placed,
        shares,
    )


def _describe(place: Place, versions: list[Version], turns: list[TurnView]) -> tuple[str, str]:
    if place.turn_seq is not None:
        for number, turn in enumerate(turns, start=1):
            if turn.seq == place.turn_seq:
                who = "you" if turn.speaker == "candidate" else "the interviewer"
                return f"turn {number} ({who})", turn.text
        return "a turn", ""
    for version in versions:
        if version.number == place.version and place.line is not None:
            text = version.lines[place.line - 1].text if place.line <= len(version.lines) else ""
            return f"design version {version.number}, line {place.line}", text
    return f"design version {place.version}", ""


def mark_read(store: Store, session_id: int, now: datetime) -> int:
    return store.accounts.mark_read(session_id, now)


def unread(store: Store, owner_id: int | None) -> list[Unread]:
    return store.accounts.unread(owner_id)


def coach_scores(store: Store, owner_id: int | None) -> list[CoachScoreRecord]:
    return store.accounts.scores(owner_id=owner_id)


def coached(store: Store, coach: User) -> list[ShareRecord]:
    return store.accounts.shares_of_coach(coach.id)


# --- lines and places -------------------------------------------------------------------


def text_lines(text: str) -> list[str]:
    """Lines as `design.load.parse_design` numbers them (a final newline adds no line)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def version_lines(snapshot: SnapshotRecord) -> list[str]:
    """A design version as numbered lines: a whiteboard (Excalidraw JSON) as the reviewer
    reads it, the labels of its shapes and arrows; anything else as its text."""
    content = snapshot.content
    if content.lstrip().startswith("{"):
        try:
            if json.loads(content).get("type") == "excalidraw":
                diagram, _ = parse_excalidraw(content, f"version {snapshot.version}")
                return drawing_lines(diagram)
        except (ValueError, AttributeError, TradeoffError):
            pass
    return text_lines(content)


def _turns(events: tuple[EventRecord, ...]) -> list[EventRecord]:
    return [e for e in events if e.kind == "turn"]


def scorecard_places(record: SessionRecord) -> dict[int, Place]:
    """Each line of the session's scorecard as a place a comment can point at.

    The scorecard numbers the text the review read (`services.practice.reviewed_text`): the
    last design version, a blank line, then one "Speaker: text" line per turn (more if the
    turn has line breaks). Built the same way here, so line N of the scorecard and the
    comment on version V line N (or on a turn) meet.
    """
    places: dict[int, Place] = {}
    snapshot_events = [e for e in record.events if e.kind == "snapshot"]
    number = 0
    if snapshot_events:
        design = snapshot_events[-1].text.replace("\r\n", "\n").replace("\r", "\n")
        last = record.snapshots[-1] if record.snapshots else None
        # A whiteboard's lines on the coach's page are its labels, not the JSON the review
        # numbered: its scorecard lines point at no version line.
        shown = text_lines(design)
        if last is not None and version_lines(last) == shown:
            places.update({n: Place(last.version, n) for n in range(1, len(shown) + 1)})
        number = len(design.split("\n")) + 1  # the blank line between design and turns
    for event in _turns(record.events):
        speaker = "Candidate" if event.speaker == "candidate" else "Interviewer"
        spoken = f"{speaker}: {event.text}".replace("\r\n", "\n").replace("\r", "\n")
        for _ in range(spoken.count("\n") + 1):
            number += 1
            places[number] = Place(turn_seq=event.seq)
    return places

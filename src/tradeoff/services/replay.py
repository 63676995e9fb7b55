"""A session's replay: the timeline of turns, decisions, hints, phases and design versions,
with each version's changes as a line diff (difflib) against the one before it.

The versions diffed are the text the reviewer read (the editor's Markdown with the board's
section after it), so a box added on the whiteboard shows as the Mermaid line it became.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import Problem
from tradeoff.interview.phases import TITLES, clock_text
from tradeoff.services.errors import BadInputError, NotFoundError
from tradeoff.services.library import problem as find_problem
from tradeoff.store import EventRecord, Store, StoreError

CONTEXT = 3  # unchanged lines shown around each change, as `diff -u` does


@dataclass(frozen=True)
class DiffRow:
    kind: str  # "same", "add", "del", or "gap" (unchanged lines left out)
    old: int | None  # the line in the older version
    new: int | None  # the line in the newer version
    text: str


@dataclass(frozen=True)
class Version:
    number: int
    at: datetime
    source: str  # "editor", "whiteboard" or the file the CLI attached
    text: str


@dataclass(frozen=True)
class Diff:
    old: int  # version number; 0 is the empty design before the first save
    new: int
    added: int
    removed: int
    rows: list[DiffRow]


@dataclass(frozen=True)
class Entry:
    """One moment of the session, at its offset from the start."""

    clock: str  # "m:ss" since the session started
    kind: str  # turn, decision, hint, phase, nudge, notice, version
    speaker: str  # "candidate", "interviewer" or ""
    text: str
    detail: str = ""  # a decision's "with a reason", a hint's level, a version's source
    version: Version | None = None
    diff: Diff | None = None


@dataclass(frozen=True)
class Replay:
    session_id: int
    problem: Problem
    level: str
    started_at: datetime
    ended: bool
    entries: list[Entry]
    versions: list[Version]


def diff_versions(old: Version | None, new: Version) -> Diff:
    """The lines of `new` that changed since `old`, with CONTEXT lines around each change."""
    before = old.text.splitlines() if old else []
    after = new.text.splitlines()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    rows: list[DiffRow] = []
    added = removed = 0
    end = (0, 0)  # where the last group shown stopped, in the old and the new lines
    for group in matcher.get_grouped_opcodes(CONTEXT):
        if (group[0][1], group[0][3]) != end:
            rows.append(DiffRow("gap", None, None, ""))
        end = (group[-1][2], group[-1][4])
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows += [DiffRow("same", i + 1, j + 1, before[i]) for i, j in zip(
                    range(i1, i2), range(j1, j2), strict=True
                )]  # fmt: skip
                continue
            if tag in ("replace", "delete"):
                rows += [DiffRow("del", i + 1, None, before[i]) for i in range(i1, i2)]
                removed += i2 - i1
            if tag in ("replace", "insert"):
                rows += [DiffRow("add", None, j + 1, after[j]) for j in range(j1, j2)]
                added += j2 - j1
    if rows and end != (len(before), len(after)):
        rows.append(DiffRow("gap", None, None, ""))
    return Diff(old.number if old else 0, new.number, added, removed, rows)


class Replays:
    """Replays over one store and catalog."""

    def __init__(self, store: Store, catalog: Catalog) -> None:
        self.store, self.catalog = store, catalog

    def replay(self, session_id: int) -> Replay:
        try:
            record = self.store.get_session(session_id)
        except StoreError as exc:
            if str(exc).startswith("no session"):
                raise NotFoundError(f"no session {session_id}") from None
            raise
        problem = find_problem(self.catalog, record.problem_id)
        entries: list[Entry] = []
        versions: list[Version] = []
        for event in record.events:
            clock = clock_text((event.at - record.started_at).total_seconds())
            if event.kind == "snapshot":
                version = Version(
                    int(event.data.get("version", len(versions) + 1)),
                    event.at,
                    str(event.data.get("source", "")),
                    event.text,
                )
                diff = diff_versions(versions[-1] if versions else None, version)
                versions.append(version)
                entries.append(Entry(clock, "version", "candidate", "", version.source,
                                     version, diff))  # fmt: skip
                continue
            entry = _entry(event, clock)
            if entry is not None:
                entries.append(entry)
        return Replay(
            session_id, problem, record.level, record.started_at, record.ended_at is not None,
            entries, versions,
        )  # fmt: skip


def compare(found: Replay, old: int, new: int) -> Diff:
    """Any two versions of a session's design, older first; 0 is the empty design."""
    by_number = {v.number: v for v in found.versions}
    if not by_number:
        raise BadInputError("this session has no design versions to compare yet")
    have = f"versions 1 to {max(by_number)}"
    if new not in by_number or (old != 0 and old not in by_number):
        raise BadInputError(f"no such design version; this session has {have} (0 is empty)")
    if old >= new:
        raise BadInputError("compare an older version with a newer one (from < to)")
    return diff_versions(by_number.get(old), by_number[new])


def _entry(event: EventRecord, clock: str) -> Entry | None:
    """The timeline line of an event other than a design version; None for bookkeeping."""
    if event.kind == "turn":
        return Entry(clock, "turn", event.speaker or "", event.text)
    if event.kind == "decision":
        reasoned = bool(event.data.get("reason"))
        return Entry(clock, "decision", "candidate", event.text,
                     "with a reason" if reasoned else "no reason given")  # fmt: skip
    if event.kind == "hint":
        # The interviewer's next turn says the hint; the timeline marks that one was taken.
        return Entry(clock, "hint", "candidate", "", str(event.data.get("level", "")))
    if event.kind == "phase":
        return Entry(clock, "phase", "", TITLES.get(event.phase, event.text))
    if event.kind == "notice":
        return Entry(clock, "notice", "", event.text)
    return None

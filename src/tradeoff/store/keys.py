"""Stable ids for sessions, drills and card reviews, so an import can tell what it already has.

Row ids differ between machines; a uid travels with the row through export and import.
Rows made before uids existed get one derived from what identifies them (kind, time, name,
and which of several identical ones it is), by the same function in the migration that
backfilled them and in the import of an old export, so both agree on the same row. The
derivation is a file format: changing it would make old exports import twice.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, datetime

NAMESPACE = uuid.UUID("5b0c3c1e-8f43-4b8e-9a57-1d2f0c6a7e10")
UID_LENGTH = 36


def new_uid() -> str:
    """A random uid for a row made on this machine."""
    return str(uuid.uuid4())


def legacy_uid(kind: str, moment: datetime, name: str, occurrence: int) -> str:
    """The uid of a row that predates uids: a name-based UUID of what identifies it."""
    key = f"{kind}|{moment.astimezone(UTC).isoformat()}|{name}|{occurrence}"
    return str(uuid.uuid5(NAMESPACE, key))


class LegacyKeys:
    """Derives legacy uids in order, numbering rows that share kind, time and name.

    Feed rows in the order they were created (by row id, which is also export order).
    """

    def __init__(self) -> None:
        self._seen: Counter[tuple[str, str, str]] = Counter()

    def uid(self, kind: str, moment: datetime, name: str) -> str:
        key = (kind, moment.astimezone(UTC).isoformat(), name)
        occurrence = self._seen[key]
        self._seen[key] += 1
        return legacy_uid(kind, moment, name, occurrence)

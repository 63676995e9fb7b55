"""The practice store: mock interview sessions, their events and snapshots, and drill results."""

from tradeoff.store.database import Store
from tradeoff.store.errors import StoreError
from tradeoff.store.location import database_url
from tradeoff.store.records import (
    CardReviewIn,
    CardStateIn,
    DrillIn,
    EventIn,
    EventRecord,
    ImportBatch,
    ImportCounts,
    SessionIn,
    SessionRecord,
    SessionStamp,
    SessionSummary,
    SnapshotIn,
    SnapshotRecord,
)

__all__ = [
    "CardReviewIn",
    "CardStateIn",
    "DrillIn",
    "EventIn",
    "EventRecord",
    "ImportBatch",
    "ImportCounts",
    "SessionIn",
    "SessionRecord",
    "SessionStamp",
    "SessionSummary",
    "SnapshotIn",
    "SnapshotRecord",
    "Store",
    "StoreError",
    "database_url",
]

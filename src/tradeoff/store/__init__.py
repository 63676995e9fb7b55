"""The practice store: mock interview sessions, their events and snapshots, and drill results."""

from tradeoff.store.database import Store
from tradeoff.store.errors import StoreError
from tradeoff.store.location import database_url
from tradeoff.store.records import EventRecord, SessionRecord, SessionSummary, SnapshotRecord

__all__ = [
    "EventRecord",
    "SessionRecord",
    "SessionSummary",
    "SnapshotRecord",
    "Store",
    "StoreError",
    "database_url",
]

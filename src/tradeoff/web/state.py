"""What the app holds between requests: settings, the catalog and a store handle, no sessions.

The store is opened on first use (an app serving only the library never touches the
database) and every practice session lives in it, not in memory, so any process can serve
any request.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field

from fastapi import Request

from tradeoff.catalog import default_catalog
from tradeoff.catalog.loader import Catalog
from tradeoff.design.load import MAX_BYTES
from tradeoff.services.practice import PracticeSessions
from tradeoff.store import Store, database_url

FORM_SLACK = 64 * 1024  # multipart boundaries and the other fields around a design


@dataclass
class AppState:
    database: str | None = None  # a SQLAlchemy URL; None: TRADEOFF_DATABASE_URL, then SQLite
    max_design_bytes: int = MAX_BYTES
    accounts: bool = False  # sign-in required, each user sees their own; else single-user
    _store: Store | None = field(default=None, repr=False)
    _secret: str | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def max_request_bytes(self) -> int:
        return self.max_design_bytes + FORM_SLACK

    @property
    def catalog(self) -> Catalog:
        return default_catalog()

    @property
    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = Store.open(database_url(self.database))
            return self._store

    @property
    def sessions(self) -> PracticeSessions:
        return PracticeSessions(self.store, self.catalog)

    def csrf_secret(self) -> str:
        """The key CSRF tokens are signed with: made once, kept in the database, so every
        process (and a restarted one) accepts the tokens of pages already open."""
        if self._secret is None:
            self._secret = self.store.accounts.secret("csrf", lambda: secrets.token_hex(32))
        return self._secret

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def app_state(request: Request) -> AppState:
    """The FastAPI dependency every route takes."""
    state: AppState = request.app.state.tradeoff
    return state

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
from markupsafe import Markup

from tradeoff.catalog import default_catalog
from tradeoff.catalog.loader import Catalog
from tradeoff.design.load import MAX_BYTES
from tradeoff.services.practice import PracticeSessions, SessionReport
from tradeoff.store import SessionRecord, Store, database_url
from tradeoff.web.memo import Memo

FORM_SLACK = 64 * 1024  # multipart boundaries and the other fields around a design
PAGES_KEPT = 256  # problem lists (one per set of filters), about 30 KB each
REPORTS_KEPT = 64  # ended sessions' reports, a few hundred KB at most each
Finished = tuple[SessionRecord, SessionReport]


@dataclass
class AppState:
    database: str | None = None  # a SQLAlchemy URL; None: TRADEOFF_DATABASE_URL, then SQLite
    max_design_bytes: int = MAX_BYTES
    accounts: bool = False  # sign-in required, each user sees their own; else single-user
    _store: Store | None = field(default=None, repr=False)
    _secret: str | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # Values that are a pure function of their key (web/memo.py): HTML made from package
    # data, and what a session's events give under the stamp the database names them by.
    pages: Memo[Markup] = field(default_factory=lambda: Memo(PAGES_KEPT), repr=False)
    reports: Memo[Finished] = field(default_factory=lambda: Memo(REPORTS_KEPT), repr=False)

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


def state_of(request: Request) -> AppState:
    """The app's state, from anywhere a request is at hand."""
    state: AppState = request.app.state.tradeoff
    return state


async def app_state(request: Request) -> AppState:
    """The FastAPI dependency every route takes (async: a sync one costs a worker thread)."""
    return state_of(request)

"""Engine creation: URL checks, the SQLite header guard, pragmas, and friendly failures."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from tradeoff.files import is_special
from tradeoff.store.errors import StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
ASIDE = "move it aside or pass --db with another path"
CONNECT_TIMEOUT_S = 10


def parse_url(url: str) -> URL:
    """The URL parsed, or a StoreError that names what was wrong with it."""
    try:
        return make_url(url)
    except ArgumentError:
        raise StoreError(
            f"{url!r} is not a database URL; pass --db with a file path or a URL"
            " like postgresql://user@host/tradeoff"
        ) from None


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def check_sqlite_file(path: Path) -> None:
    """Refuse a path that SQLite would misread or damage, before any connection touches it.

    Connecting to a file that is not SQLite and setting WAL mode can leave -wal/-shm files
    beside it, and a migration attempt could write to it; reading the 16-byte header first
    leaves a wrong file byte-for-byte untouched. An empty file is a new database to SQLite.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a folder; pass --db with a database file path")
    if is_special(path):  # a FIFO would block the header read; a device is no database
        raise StoreError(
            f"{path} is not a regular file (a pipe or device); pass --db with a database file"
        )
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise StoreError(f"{path} cannot be read ({exc.strerror}); {ASIDE}") from None
        if header and header != SQLITE_HEADER:
            raise not_a_database(path, "file is not a database")
        if header:
            check_sqlite_tables(path)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the folder {path.parent} ({exc.strerror}); pass --db with another path"
        ) from None


def check_sqlite_tables(path: Path) -> None:
    """Refuse another program's SQLite file, or a damaged one, through a read-only connection.

    Our engine turns WAL mode on, which rewrites the file header; a file that is not ours
    must be refused before that. A file with an `alembic_version` table is taken as ours
    (its revision is checked later); one with only other tables is someone else's.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            names = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%'"
                )
            }
    except sqlite3.DatabaseError as exc:
        raise sqlite_failure(path, first_line(exc)) from None
    if names and "alembic_version" not in names:
        tables = ", ".join(sorted(names)[:5])
        raise not_a_database(path, f"it holds another program's tables: {tables}")


def not_a_database(path: Path | str, why: str) -> StoreError:
    """The one message for a file that exists but is not ours to use."""
    return StoreError(f"{path} is not a tradeoff database ({why}); {ASIDE}")


# SQLite's words for a file that is not a database, or is one whose pages are damaged.
_NOT_OURS = ("file is not a database", "not a database", "file is encrypted")
_DAMAGED = ("malformed", "corrupt")
# Its words for a machine problem, each with what to check; the file may be fine.
_CAUSES = (
    (("disk is full", "disk i/o error", "i/o error"), "check the free space on that disk"),
    (("readonly", "read-only", "unable to open", "permission", "access"),
     "check that you may write to the file and to its folder"),
    (("locked", "busy"), "close other tradeoff windows using it and try again"),
)  # fmt: skip


def sqlite_failure(path: Path | str, reason: str) -> StoreError:
    """One line naming the real cause of a SQLite failure while opening `path`.

    Only a file SQLite calls "not a database" is someone else's, to be moved aside; a
    damaged page is the user's history, to be kept and recovered; and a full disk or a
    read-only folder says nothing about the file at all, so the advice must not either.
    """
    lowered = reason.lower()
    if any(words in lowered for words in _NOT_OURS):
        return not_a_database(path, reason)
    if any(words in lowered for words in _DAMAGED):
        return StoreError(
            f"cannot read {path} ({reason}): part of the file is damaged; keep a copy of it,"
            " then try 'sqlite3 FILE .recover' or import your last export into a new --db"
        )
    for words, advice in _CAUSES:
        if any(word in lowered for word in words):
            return StoreError(f"cannot open {path} ({reason}); {advice}")
    return StoreError(f"cannot open {path} ({reason}); pass --db with another path to go on")


def make_engine(url: URL) -> Engine:
    """An engine for `url`, with SQLite tuned for durability and integrity on every connection.

    WAL with synchronous=NORMAL keeps every committed transaction when the process is killed
    (only a power cut can lose the last ones) while keeping each commit cheap enough to do
    per event. Foreign keys are off by default in SQLite and must be enabled per connection.
    """
    kwargs: dict[str, Any] = {}
    if url.drivername == "postgresql":
        # SQLAlchemy's default PostgreSQL driver is psycopg2; tradeoff's extra installs 3.
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite" and sqlite_path(url) is None:
        # One shared connection, or every session would see its own empty memory database.
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    try:
        if url.get_driver_name() in ("psycopg", "psycopg2") and "connect_timeout" not in url.query:
            # libpq waits minutes for a silent host; an interview should not hang that long.
            kwargs = {"connect_args": {"connect_timeout": CONNECT_TIMEOUT_S}}
        if url.get_backend_name() != "sqlite":
            # A server closes idle connections (a restart, a proxy's timeout); check each
            # one as it leaves the pool rather than fail the request that drew it.
            kwargs["pool_pre_ping"] = True
        engine = create_engine(url, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        hint = (
            " (pip install 'tradeoff[postgres]')" if url.get_backend_name() == "postgresql" else ""
        )
        raise StoreError(
            f"no database driver for {url.drivername} ({exc}); install its driver{hint}"
            " or pass --db with a SQLite file path"
        ) from None
    except ArgumentError as exc:
        raise StoreError(f"cannot use {safe(url)} ({first_line(exc)}); check --db") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    """Set WAL, synchronous=NORMAL and foreign keys on a fresh SQLite connection."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def safe(url: URL) -> str:
    """The URL with any password masked, fit for an error message."""
    return url.render_as_string(hide_password=True)


def first_line(exc: BaseException) -> str:
    """The driver's own first line of an error, without SQLAlchemy's SQL and links."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()
    return text[0].strip() if text else type(original).__name__

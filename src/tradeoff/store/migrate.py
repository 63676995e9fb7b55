"""Bringing a database to the latest Alembic revision, configured in code (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from tradeoff.store.engine import first_line, not_a_database, safe, sqlite_failure
from tradeoff.store.errors import StoreError
from tradeoff.store.models import Base

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"
# The advisory lock id migrations take on PostgreSQL: "tradeoff" in ASCII, as a bigint.
MIGRATION_LOCK = int.from_bytes(b"tradeoff", "big")


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config pointing at the packaged migrations, so no ini file has to ship.

    Pass a connection as `config.attributes["connection"]` to migrate through an engine that
    already has the SQLite pragmas; otherwise `url` is used.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision this version of tradeoff knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the packaged migrations have no head"
    return head


def upgrade(engine: Engine, label: str) -> None:
    """Create or upgrade the schema to head; a database already at head is not written to.

    Skipping the write when nothing is to do keeps opening cheap and lets several processes
    open the same file at once. `label` names the database in error messages.
    """
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    known = {revision.revision for revision in script.walk_revisions()}
    try:
        with engine.connect() as connection:
            if _heads(connection, known, label) == (head,):
                return
        with engine.begin() as connection:
            # Take a lock before looking again: processes opening a new database at once
            # queue here, and each after the first finds the schema at head. One transaction
            # also means a killed or disk-full migration leaves no tables without their
            # alembic_version row behind (PostgreSQL's DDL is transactional too).
            lock_for_migration(connection)
            current = _heads(connection, known, label)
            if current == (head,):
                return
            if not current:
                refuse_foreign_tables(connection, label)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as exc:
        raise database_error(exc, engine, label) from None


def lock_for_migration(connection: Connection) -> None:
    """Serialise migrations: SQLite's write lock, or a PostgreSQL advisory lock.

    On PostgreSQL, two processes creating the same tables at once would collide in the
    catalog (a duplicate key error), and a row lock needs a row that does not exist yet; a
    transaction-level advisory lock needs none and is released by the commit or rollback.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def _heads(connection: Connection, known: set[str], label: str) -> tuple[str, ...]:
    """The database's revisions; one this tradeoff does not know means a newer tradeoff."""
    current = tuple(MigrationContext.configure(connection).get_current_heads())
    unknown = [revision for revision in current if revision not in known]
    if unknown:
        raise StoreError(
            f"{label} was written by a newer tradeoff (schema revision"
            f" {', '.join(unknown)}); upgrade tradeoff (pip install -U tradeoff)"
            " or pass --db with another path"
        )
    return current


def refuse_foreign_tables(connection: Connection, label: str) -> None:
    """Refuse to add our tables to a database that already holds someone else's.

    A SQLite file with any other tables is another program's file. A server database may
    be shared, so there only tables with our names (but no Alembic record) are refused.
    """
    tables = set(inspect(connection).get_table_names()) - {VERSION_TABLE}
    if connection.dialect.name != "sqlite":
        tables &= set(Base.metadata.tables)
    if tables:
        raise not_a_database(label, f"it already holds tables {', '.join(sorted(tables))}")


def database_error(exc: DBAPIError, engine: Engine, label: str) -> StoreError:
    """One line for a driver error while opening: not a database, unreadable, or unreachable."""
    reason = first_line(exc)
    if engine.dialect.name == "sqlite":
        return sqlite_failure(label, reason)
    if isinstance(exc, OperationalError):
        return StoreError(
            f"cannot connect to {safe(engine.url)} ({reason}); check that the server is"
            " running or pass --db with a SQLite file path"
        )
    return StoreError(f"cannot open {safe(engine.url)} ({reason}); check the database")

"""Bringing a database to the latest Alembic revision, configured in code (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import DBAPIError, OperationalError

from tradeoff.store.engine import first_line, not_a_database, safe
from tradeoff.store.errors import StoreError
from tradeoff.store.models import Base

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"


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
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_heads()
            if current == (head,):
                return
            known = {revision.revision for revision in script.walk_revisions()}
            unknown = [revision for revision in current if revision not in known]
            if unknown:
                raise StoreError(
                    f"{label} was written by a newer tradeoff (schema revision"
                    f" {', '.join(unknown)}); upgrade tradeoff (pip install -U tradeoff)"
                    " or pass --db with another path"
                )
            if not current:
                refuse_foreign_tables(connection, label)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as exc:
        raise database_error(exc, engine, label) from None


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
        if "not a database" in reason or "malformed" in reason:
            return not_a_database(label, reason)
        return StoreError(
            f"cannot open {label} ({reason}); check its permissions or pass --db with another path"
        )
    if isinstance(exc, OperationalError):
        return StoreError(
            f"cannot connect to {safe(engine.url)} ({reason}); check that the server is"
            " running or pass --db with a SQLite file path"
        )
    return StoreError(f"cannot open {safe(engine.url)} ({reason}); check the database")

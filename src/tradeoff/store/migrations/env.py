"""Alembic environment: migrate through the caller's connection, or one made from the URL."""

from __future__ import annotations

from alembic import context

from tradeoff.store.engine import make_engine, parse_url
from tradeoff.store.models import Base

config = context.config


def run() -> None:
    """Run the migrations online (a connection) or offline (SQL for the configured URL).

    render_as_batch lets future ALTERs work on SQLite, which cannot alter most constraints.
    """
    connection = config.attributes.get("connection")
    if context.is_offline_mode():
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            target_metadata=Base.metadata,
            literal_binds=True,
            render_as_batch=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    elif connection is not None:
        context.configure(
            connection=connection, target_metadata=Base.metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
    else:
        url = config.get_main_option("sqlalchemy.url")
        assert url, "set sqlalchemy.url or pass a connection in config.attributes"
        engine = make_engine(parse_url(url))
        try:
            with engine.begin() as own:
                context.configure(
                    connection=own, target_metadata=Base.metadata, render_as_batch=True
                )
                with context.begin_transaction():
                    context.run_migrations()
        finally:
            engine.dispose()


run()

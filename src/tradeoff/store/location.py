"""Where the practice database lives: --db, then TRADEOFF_DATABASE_URL, then the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "TRADEOFF_DATABASE_URL"


def database_url(explicit: str | None = None) -> str:
    """The URL to open: an explicit --db value wins, then the environment, then the default.

    A value without "://" is a file path, so `--db practice.db` works without spelling out
    a SQLAlchemy URL. The default folder is created here because SQLite creates the file but
    not the folders above it.
    """
    for value in (explicit, os.environ.get(ENV_VAR)):
        if value is not None and value.strip():
            return as_url(value.strip())
    folder = Path(user_data_dir("tradeoff"))
    folder.mkdir(parents=True, exist_ok=True)
    return sqlite_url(folder / "tradeoff.db")


def as_url(value: str) -> str:
    """A SQLAlchemy URL unchanged, or a file path turned into an absolute sqlite:/// URL."""
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    """sqlite:/// plus an absolute path, so the URL does not depend on the working folder."""
    return f"sqlite:///{path.resolve()}"

"""Where the practice database lives: --db, then TRADEOFF_DATABASE_URL, then the user data dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "TRADEOFF_DATABASE_URL"
FILE_NAME = "tradeoff.db"

_announced: set[Path] = set()  # default databases this process has already named on stderr


def database_url(explicit: str | None = None) -> str:
    """The URL to open: an explicit --db value wins, then the environment, then the default.

    A value without "://" is a file path, so `--db practice.db` works without spelling out
    a SQLAlchemy URL. The default folder is created here because SQLite creates the file but
    not the folders above it. The first time the default file is about to be created, one
    line on stderr says where: data the user owns should never sit somewhere unnamed.
    """
    configured = configured_url(explicit)
    if configured is not None:
        return configured
    path = default_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() and path not in _announced:
        _announced.add(path)
        print(
            f"tradeoff: keeping your practice data in {path} (see: tradeoff config show)",
            file=sys.stderr,
        )
    return sqlite_url(path)


def configured_url(explicit: str | None = None) -> str | None:
    """The URL from --db or TRADEOFF_DATABASE_URL, or None when the default applies."""
    for value in (explicit, os.environ.get(ENV_VAR)):
        if value is not None and value.strip():
            return as_url(value.strip())
    return None


def default_database_path() -> Path:
    """`<user data folder>/tradeoff.db`, whether or not it exists yet; nothing is created."""
    return Path(user_data_dir("tradeoff")) / FILE_NAME


def as_url(value: str) -> str:
    """A SQLAlchemy URL unchanged, or a file path turned into an absolute sqlite:/// URL."""
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    """sqlite:/// plus an absolute path, so the URL does not depend on the working folder."""
    return f"sqlite:///{path.resolve()}"

"""Shared fixtures: the real packaged catalog, a scratch copy of it to break on purpose, and
a database URL for each backend the store supports (a SQLite file, a PostgreSQL schema)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool

from tradeoff.catalog import Catalog, load_catalog
from tradeoff.catalog.loader import DATA_DIR

POSTGRES_ENV = "TRADEOFF_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the catalog data directory."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An engine on the PostgreSQL test database, to create and drop each test's schema.

    Without the URL the PostgreSQL half of a test cannot run: in CI that is a broken setup
    and fails; on a developer's machine without PostgreSQL it is skipped, saying why.
    """
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        why = (
            f"{POSTGRES_ENV} is not set; run .ci/postgres (as root) and export the URL it prints"
            " to run the store and web tests against PostgreSQL"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must test PostgreSQL: {why}", pytrace=False)
        pytest.skip(why)
    engine = create_engine(url, poolclass=NullPool)
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: each store and web test runs once on each."""
    return str(request.param)


@pytest.fixture
def new_database(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[str], str]]:
    """make(name): the URL of a new, empty database of the test's backend, one per name.

    SQLite gets a file in tmp_path. PostgreSQL gets a schema of its own, chosen by the
    connection's search_path: as fresh as a new database (ids start at 1) at a fraction of
    CREATE DATABASE's cost. The URL works in another process too (a uvicorn server, a
    killed child); the schemas are dropped after the test.
    """
    urls: dict[str, str] = {}
    schemas: list[str] = []
    admin: Engine | None = None
    if backend == "postgresql":
        admin = request.getfixturevalue("postgres_admin")

    def make(name: str = "tradeoff") -> str:
        if name in urls:
            return urls[name]
        if admin is None:
            urls[name] = f"sqlite:///{tmp_path / name}.db"
            return urls[name]
        schema = f"test_{uuid.uuid4().hex[:16]}"
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        schemas.append(schema)
        url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
        urls[name] = url.render_as_string(hide_password=False)
        return urls[name]

    yield make
    if admin is not None and schemas:
        with admin.begin() as connection:
            for schema in schemas:
                connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def database_url(new_database: Callable[[str], str]) -> str:
    """A new, empty database for one test, on each backend in turn (see new_database)."""
    return new_database("tradeoff")

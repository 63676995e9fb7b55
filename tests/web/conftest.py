"""Web fixtures: an app over a new database (SQLite, then PostgreSQL) and its test client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from csrf_client import armed
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tradeoff.web import create_app


@pytest.fixture
def db_url(database_url: str) -> str:
    """Every web test runs on each backend (tests/conftest.py: database_url)."""
    return database_url


@pytest.fixture
def app(db_url: str) -> FastAPI:
    return create_app(db_url)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        # Every unsafe request needs this browser's CSRF token, as htmx sends it.
        yield armed(test_client)

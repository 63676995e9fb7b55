"""Web fixtures: an app over a scratch SQLite store and its test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from csrf_client import armed
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tradeoff.web import create_app


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'web.db'}"


@pytest.fixture
def app(db_url: str) -> FastAPI:
    return create_app(db_url)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        # Every unsafe request needs this browser's CSRF token, as htmx sends it.
        yield armed(test_client)

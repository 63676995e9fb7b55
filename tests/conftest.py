"""Shared fixtures: the real packaged catalog, and a scratch copy of it to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradeoff.catalog import Catalog, load_catalog
from tradeoff.catalog.loader import DATA_DIR


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the catalog data directory."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target

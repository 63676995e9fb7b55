"""`tradeoff config show` and the first-run notice: the user can always find their data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tradeoff.cli.config import redact_url
from tradeoff.cli.main import app
from tradeoff.store import location


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fresh user data and config folders (XDG on Linux; platformdirs reads them per call)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(location, "_announced", set())
    for key in ("TRADEOFF_DATABASE_URL", "TRADEOFF_LLM_BASE_URL", "TRADEOFF_LLM_MODEL"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.delenv("TRADEOFF_LLM_API_KEY_ENV", raising=False)
    return tmp_path


def cli(args: list[str]) -> Any:
    return CliRunner().invoke(app, args)


def test_the_first_run_names_the_data_folder_once(home: Path) -> None:
    database = home / "data" / "tradeoff" / "tradeoff.db"
    first = cli(["sessions", "list"])
    assert first.exit_code == 0, first.output
    assert first.stderr == (
        f"tradeoff: keeping your practice data in {database} (see: tradeoff config show)\n"
    )
    assert database.is_file()
    second = cli(["sessions", "list"])
    assert second.exit_code == 0 and second.stderr == ""


def test_config_show_names_every_place_and_creates_nothing(home: Path) -> None:
    shown = cli(["config", "show"])
    assert shown.exit_code == 0, shown.output
    lines = dict(line.split(":", 1) for line in shown.output.splitlines())
    assert lines["database"].strip() == (
        f"{home / 'data' / 'tradeoff' / 'tradeoff.db'} (created on first use)"
    )
    assert lines["config file"].strip() == (
        f"{home / 'config' / 'tradeoff' / 'config.json'} (not created yet)"
    )
    assert lines["your decks"].strip() == f"{home / 'data' / 'tradeoff' / 'decks'} (0 decks)"
    assert lines["LLM"].strip() == "none (the built-in interviewer is used)"
    assert not (home / "data").exists() and shown.stderr == ""


def test_config_show_redacts_secrets(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = home / "config" / "tradeoff" / "config.json"
    config.parent.mkdir(parents=True)
    config.write_text(
        json.dumps(
            {
                "llm": {
                    "base_url": "https://user:hunter2@llm.example/v1?api_key=sk-live-123&x=1",
                    "model": "small-model",
                    "api_key_env": "MY_LLM_KEY",
                }
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("MY_LLM_KEY", "sk-secret-value")
    monkeypatch.setenv("TRADEOFF_DATABASE_URL", "postgresql://me:pa55word@db.example/tradeoff")
    shown = cli(["config", "show"])
    assert shown.exit_code == 0, shown.output
    for secret in ("hunter2", "sk-live-123", "sk-secret-value", "pa55word"):
        assert secret not in shown.output
    assert "postgresql://me:***@db.example/tradeoff (from $TRADEOFF_DATABASE_URL)" in shown.output
    assert "small-model at https://user:***@llm.example/v1?api_key=***&x=1" in shown.output
    assert "key from $MY_LLM_KEY (set; value not shown)" in shown.output
    llm = cli(["config", "llm"])
    assert "hunter2" not in llm.output and "sk-live-123" not in llm.output


def test_config_show_with_db_names_that_file(home: Path, tmp_path: Path) -> None:
    shown = cli(["config", "show", "--db", str(tmp_path / "mine.db")])
    assert f"sqlite:///{tmp_path.resolve() / 'mine.db'} (from --db)" in shown.output


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1"),
        ("https://sk-token@api.example/v1", "https://***@api.example/v1"),
        ("https://api.example/v1?token=abc&model=x", "https://api.example/v1?token=***&model=x"),
        ("postgresql://me@db/tradeoff", "postgresql://me@db/tradeoff"),
    ],
)
def test_redact_url(url: str, expected: str) -> None:
    assert redact_url(url) == expected

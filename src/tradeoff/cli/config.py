"""`tradeoff config llm` and `tradeoff config show`: the settings, and where data is kept."""

from __future__ import annotations

import os

import typer

from tradeoff.cli.errors import FriendlyGroup
from tradeoff.errors import TradeoffError
from tradeoff.safe_text import redact_url

__all__ = ["config_app", "redact_url"]

config_app = typer.Typer(
    cls=FriendlyGroup, help="Settings kept in the user's config folder.", no_args_is_help=True
)


@config_app.command("llm")
def config_llm(
    base_url: str | None = typer.Option(None, "--base-url", help="e.g. http://127.0.0.1:11434/v1"),
    model: str | None = typer.Option(None, "--model", help="The model name the server knows."),
    api_key_env: str | None = typer.Option(
        None, "--api-key-env", help="Name of the environment variable that holds the API key."
    ),
    timeout: float = typer.Option(20.0, "--timeout", min=1.0, help="Seconds before falling back."),
) -> None:
    """Set (or, with no options, show) the optional LLM that voices the interviewer."""
    from tradeoff.llm import LLMConfig, config_path, load_config, save_config

    if base_url is None and model is None:
        current = load_config()
        if current is None:
            typer.echo(f"No LLM configured ({config_path()}); the built-in interviewer is used.")
        else:
            key = f", key from ${current.api_key_env}" if current.api_key_env else ""
            typer.echo(f"LLM: {current.model} at {redact_url(current.base_url)}{key}")
        return
    if not base_url or not model:
        raise TradeoffError(
            "give both --base-url and --model (and --api-key-env if it needs a key)"
        )
    path = save_config(LLMConfig(base_url, model, api_key_env, timeout))
    typer.echo(
        f"Saved to {path}. The interviewer will use {model}; tests and features never need it."
    )


@config_app.command("show")
def config_show(
    db: str | None = typer.Option(None, "--db", help="Show where this --db value points."),
) -> None:
    """Where your data lives (database, config file, your decks) and the LLM setting.

    Nothing is created: a path that does not exist yet is shown as such. Passwords in
    URLs and API keys are never printed; for a key, only whether its variable is set.
    """
    from tradeoff.practice.user_decks import user_decks_dir
    from tradeoff.store.location import ENV_VAR, configured_url, default_database_path

    configured = configured_url(db)
    if configured is not None:
        source = "--db" if db is not None and db.strip() else f"${ENV_VAR}"
        database = f"{redact_url(configured)} (from {source})"
    else:
        path = default_database_path()
        database = f"{path} ({'exists' if path.exists() else 'created on first use'})"
    decks = user_decks_dir()
    count = len(list(decks.glob("*.md"))) if decks.is_dir() else 0
    rows = [
        ("database", database),
        ("config file", _config_file()),
        ("your decks", f"{decks} ({count} deck{'' if count == 1 else 's'})"),
        ("LLM", _llm_line()),
    ]
    width = max(len(name) for name, _ in rows) + 1
    for name, value in rows:
        typer.echo(f"{name + ':':<{width}} {value}")


def _config_file() -> str:
    from tradeoff.llm import config_path

    path = config_path()
    return f"{path} ({'exists' if path.exists() else 'not created yet'})"


def _llm_line() -> str:
    """The LLM setting with secrets masked; a broken config file is shown, not raised."""
    from tradeoff.llm import load_config

    try:
        current = load_config()
    except TradeoffError as exc:
        return f"not usable ({exc})"
    if current is None:
        return "none (the built-in interviewer is used)"
    key = "no API key"
    if current.api_key_env:
        state = "set" if os.environ.get(current.api_key_env) else "not set"
        key = f"key from ${current.api_key_env} ({state}; value not shown)"
    return (
        f"{current.model} at {redact_url(current.base_url)}, {key}, timeout {current.timeout:g} s"
    )

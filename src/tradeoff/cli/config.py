"""`tradeoff config llm`: point tradeoff at any OpenAI-compatible server, or show the setting."""

from __future__ import annotations

import typer

from tradeoff.cli.errors import FriendlyGroup

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
            typer.echo(f"LLM: {current.model} at {current.base_url}{key}")
        return
    if not base_url or not model:
        from tradeoff.errors import TradeoffError

        raise TradeoffError(
            "give both --base-url and --model (and --api-key-env if it needs a key)"
        )
    path = save_config(LLMConfig(base_url, model, api_key_env, timeout))
    typer.echo(
        f"Saved to {path}. The interviewer will use {model}; tests and features never need it."
    )

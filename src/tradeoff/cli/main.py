"""The `tradeoff` command: wires the sub-command groups together.

Each command's module is imported only when that command runs (or when help lists it):
`tradeoff review` should not pay for the interviewer, the practice store or the
simulator, and importing every command module cost about a tenth of a second.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any

import typer

from tradeoff import __version__
from tradeoff.cli.errors import FriendlyGroup

# name -> (module, attribute, whether the attribute is a Typer group), in the order help
# lists them.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "topics": ("tradeoff.cli.problems", "topics", False),
    "review": ("tradeoff.cli.review", "review", False),
    "new": ("tradeoff.cli.review", "new", False),
    "checklist": ("tradeoff.cli.checklist", "checklist", False),
    "estimate": ("tradeoff.cli.estimate", "estimate", False),
    "numbers": ("tradeoff.cli.estimate", "numbers", False),
    "practice": ("tradeoff.cli.practice", "practice", False),
    "progress": ("tradeoff.cli.progress", "progress", False),
    "plan": ("tradeoff.cli.progress", "plan", False),
    "export": ("tradeoff.cli.progress", "export_data", False),
    "import": ("tradeoff.cli.progress", "import_data", False),
    "simulate": ("tradeoff.cli.simulate", "simulate", False),
    "serve": ("tradeoff.cli.serve", "serve", False),
    # Groups after single commands, as typer lists them.
    "problems": ("tradeoff.cli.problems", "problems_app", True),
    "rules": ("tradeoff.cli.review", "rules_app", True),
    "drill": ("tradeoff.cli.estimate", "drill_app", True),
    "sessions": ("tradeoff.cli.sessions_admin", "sessions_app", True),
    "config": ("tradeoff.cli.config", "config_app", True),
    "cards": ("tradeoff.cli.cards", "cards_app", True),
}


def load_command(name: str) -> Any:
    """The click command for one entry of COMMANDS, built as typer builds a registered one."""
    module, attribute, is_group = COMMANDS[name]
    target = getattr(importlib.import_module(module), attribute)
    holder = typer.Typer()
    if is_group:
        holder.add_typer(target, name=name)
    else:
        holder.command(name)(target)
    return typer.main.get_group(holder).commands[name]


class _LazyCommands(MutableMapping[str, Any]):
    """The root group's commands, each imported on first use."""

    def __init__(self) -> None:
        self._loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._loaded:
            if name not in COMMANDS:
                raise KeyError(name)
            self._loaded[name] = load_command(name)
        return self._loaded[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self._loaded if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(1 for name in self._loaded if name not in COMMANDS)

    def __contains__(self, name: object) -> bool:
        return name in COMMANDS or name in self._loaded


class LazyGroup(FriendlyGroup):
    """The root group: its commands are the entries of COMMANDS, imported when asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _LazyCommands()


app = typer.Typer(
    cls=LazyGroup,
    help="tradeoff: practise system design interviews on your own machine.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tradeoff {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """tradeoff: practise system design interviews on your own machine."""


def main() -> None:
    """Console-script entry point."""
    app()

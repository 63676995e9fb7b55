"""Turn a TradeoffError anywhere under a command into one line on stderr and exit code 2."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import typer
from typer.core import TyperGroup, TyperOption

from tradeoff.errors import TradeoffError


class FriendlyGroup(TyperGroup):
    """A command group whose user errors print one line, never a traceback.

    It also tidies help: typer shows a `<bool>` type after every flag (its own --help
    included), though a flag takes no value; every command passes through `get_command`
    before its help is rendered, so that is where flags lose the type.
    """

    def invoke(self, ctx: Any) -> Any:
        # `Any`: typer's context class moved between releases (click's, then its own copy).
        try:
            return super().invoke(ctx)
        except TradeoffError as exc:
            typer.echo(f"tradeoff: error: {exc}", err=True)
            ctx.exit(2)

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        _untyped_flags(params)
        return params

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None and not isinstance(command, TyperGroup):
            _untyped_flags([*command.params, command.get_help_option(ctx)])
        return command


def _untyped_flags(params: Iterable[object]) -> None:
    """Flags take no value: an empty metavar keeps typer from printing `<bool>` after them."""
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""

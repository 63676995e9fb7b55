"""Turn a TradeoffError anywhere under a command into one line on stderr and exit code 2."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from tradeoff.errors import TradeoffError


class FriendlyGroup(TyperGroup):
    """A command group whose user errors print one line, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        # `Any`: typer's context class moved between releases (click's, then its own copy).
        try:
            return super().invoke(ctx)
        except TradeoffError as exc:
            typer.echo(f"tradeoff: error: {exc}", err=True)
            ctx.exit(2)

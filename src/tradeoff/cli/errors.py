"""Turn a TradeoffError anywhere under a command into one line on stderr and exit code 2.

The same goes for the two failures of the terminal itself: output that cannot be written
(a full device, a closed pipe) and input that is not there at all (`<&-` closes stdin).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
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
        if sys.stdin is None:  # started with stdin closed: reading it says so in one line
            sys.stdin = ClosedStdin()
        try:
            return super().invoke(ctx)
        except TradeoffError as exc:
            typer.echo(f"tradeoff: error: {exc}", err=True)
            ctx.exit(2)
        except OSError as exc:
            if exc.filename is not None or exc.errno not in _OUTPUT_ERRNOS:
                raise
            _silence_stdout()
            with contextlib.suppress(OSError):
                typer.echo(f"tradeoff: error: cannot write the output ({exc.strerror})", err=True)
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


# Failures of writing to stdout: a full device, a closed pipe, a vanished terminal, a quota.
_OUTPUT_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
)


class ClosedStdin(io.TextIOBase):
    """Stands in for a closed stdin: a command that reads input fails in one line."""

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def read(self, size: int | None = -1) -> str:
        raise TradeoffError("standard input is closed; run this in a terminal or pipe input in")

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        return self.read()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _untyped_flags(params: Iterable[object]) -> None:
    """Flags take no value: an empty metavar keeps typer from printing `<bool>` after them."""
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""

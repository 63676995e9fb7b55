"""`tradeoff sessions delete` and `sessions prune`: removing sessions the user no longer wants.

Registered onto the `sessions` group of cli/practice.py below; cli/main.py loads the group
from here. Every `practice` run with no input leaves an unfinished session behind; these are
the only ways to remove one.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

import typer

from tradeoff.cli import clock
from tradeoff.cli.practice import sessions_app
from tradeoff.errors import TradeoffError
from tradeoff.wording import counted

if TYPE_CHECKING:  # the store imports SQLAlchemy: only when a command runs
    from tradeoff.store import SessionSummary, Store

UNITS = {"d": "days", "w": "weeks", "h": "hours"}
MAX_AGE_DAYS = 100 * 365  # beyond this, "older than" would reach before any computer clock


def sessions_delete(
    session_id: int = typer.Argument(..., metavar="ID", help="The id from: tradeoff sessions list"),
    yes: bool = typer.Option(False, "--yes", "-y", help="Delete without asking."),
    db: str | None = typer.Option(None, "--db"),
) -> None:
    """Delete one session with its turns, snapshots and report."""
    with _open(db) as store:
        summary = next((s for s in store.list_sessions(limit=None) if s.id == session_id), None)
        if summary is None:
            raise TradeoffError(f"no session {session_id}; run 'tradeoff sessions list'")
        if not yes and not typer.confirm(f"Delete {describe(summary)}?", default=False):
            typer.echo("Nothing deleted.")
            raise typer.Exit(1)
        store.delete_session(session_id)
    typer.echo(f"Deleted {describe(summary)}.")


def sessions_prune(
    unfinished: bool = typer.Option(
        False, "--unfinished", help="Only sessions that never ended (from a bare `practice`)."
    ),
    older_than: str = typer.Option(
        ..., "--older-than", help="Last activity longer ago than this: 7d, 2w, 12h."
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Delete finished ones without asking."),
    db: str | None = typer.Option(None, "--db"),
) -> None:
    """Delete old sessions, and say which.

    Unfinished sessions go without asking (they hold no report); finished ones are your
    history, so without --unfinished the list is shown and confirmed first.
    """
    cutoff = clock.now() - parse_age(older_than)
    with _open(db) as store:
        stale = store.stale_sessions(cutoff, unfinished_only=unfinished)
        if not stale:
            what = "unfinished sessions" if unfinished else "sessions"
            typer.echo(f"No {what} with no activity for {older_than.strip()}; nothing removed.")
            return
        finished = [s for s in stale if s.ended_at is not None]
        if finished and not yes:
            for summary in stale:
                typer.echo(f"  {describe(summary)}")
            if not typer.confirm(
                f"Delete {counted(len(stale), 'session')} ({len(finished)} finished)?",
                default=False,
            ):
                typer.echo("Nothing deleted.")
                raise typer.Exit(1)
        store.delete_sessions([s.id for s in stale])
    typer.echo(f"Removed {counted(len(stale), 'session')}:")
    for summary in stale:
        typer.echo(f"  {describe(summary)}")


def describe(summary: SessionSummary) -> str:
    """`session 12 (url-shortener, started 2025-03-01 09:00, unfinished, 3 turns)`."""
    state = "finished" if summary.ended_at else "unfinished"
    turns = f"{summary.turns} turn{'' if summary.turns == 1 else 's'}"
    return (
        f"session {summary.id} ({summary.problem_id}, started"
        f" {summary.started_at:%Y-%m-%d %H:%M}, {state}, {turns})"
    )


def parse_age(text: str) -> timedelta:
    """'7d', '2w', '12h' as a timedelta; anything else is a one-line error."""
    match = re.fullmatch(r"\s*(\d{1,7})\s*([dwh])\s*", text)
    if not match:
        raise TradeoffError(f"cannot read --older-than {text!r}; use a number and d, w or h: 7d")
    age = timedelta(**{UNITS[match.group(2)]: int(match.group(1))})
    if age > timedelta(days=MAX_AGE_DAYS):
        raise TradeoffError(f"--older-than {text.strip()} is over 100 years; use a shorter age")
    return age


def _open(db: str | None) -> Store:
    from tradeoff.store import Store, database_url

    return Store.open(database_url(db))


sessions_app.command("delete")(sessions_delete)
sessions_app.command("prune")(sessions_prune)

"""`tradeoff practice` and `tradeoff sessions`: the timed mock interview and its records.

Each command is a few lines over `services.practice.PracticeSessions`, the calls the web
app's practice room makes too; this module only reads lines and prints.
"""

from __future__ import annotations

import json
import os
import random
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from tradeoff.catalog import default_catalog
from tradeoff.catalog.schema import Problem
from tradeoff.cli.errors import FriendlyGroup
from tradeoff.cli.problems import DifficultyOption, InterviewTypeOption, console
from tradeoff.errors import TradeoffError
from tradeoff.interview.clock import Clock, ManualClock, SystemClock
from tradeoff.interview.personas import Move
from tradeoff.vocabulary import Level, Persona

if TYPE_CHECKING:
    from tradeoff.services.practice import Live, PracticeSessions
    from tradeoff.store import Store

sessions_app = typer.Typer(
    cls=FriendlyGroup, help="List, show and export practice sessions.", no_args_is_help=True
)
TEST_CLOCK = "TRADEOFF_TEST_CLOCK"  # set to 1: the clock moves only with /advance
PAUSED = "continue it with: tradeoff practice --resume"


class ExportFormat(StrEnum):
    markdown = "markdown"
    json = "json"


COMMANDS_HELP = "Commands: /hint, /next, /end, /design FILE, /diagram FILE."


def practice(
    problem_id: str | None = typer.Argument(
        None, metavar="PROBLEM", help="The prompt, e.g. url-shortener; omit to pick one."
    ),
    interview_type: InterviewTypeOption | None = typer.Option(
        None,
        "--type",
        "-t",
        metavar="TYPE",
        help="Pick a prompt of this type: " + ", ".join(InterviewTypeOption) + ".",
    ),
    topic: str | None = typer.Option(None, "--topic", help="Pick a prompt tagged with this topic."),
    difficulty: DifficultyOption | None = typer.Option(
        None, "--difficulty", "-d", help="Pick a prompt of this difficulty."
    ),
    persona: Persona = typer.Option(
        Persona.neutral,
        "--persona",
        "-p",
        metavar="PERSONA",
        help="The interviewer's manner: " + ", ".join(Persona) + ".",
    ),
    minutes: int = typer.Option(
        45, "--minutes", "-m", min=4, max=180, help="Length of the interview."
    ),
    level: str = typer.Option("senior", "--level", "-l", help="mid, senior or staff"),
    resume: bool = typer.Option(False, "--resume", help="Continue the last unfinished session."),
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
) -> None:
    """A timed mock interview in the terminal; every turn is saved as it is typed."""
    if level not in tuple(Level):
        raise TradeoffError(f"unknown level {level!r}; use mid, senior or staff")
    catalog = default_catalog()
    store = _open(db)
    clock: Clock = ManualClock() if os.environ.get(TEST_CLOCK) == "1" else SystemClock()
    out = console()
    try:
        sessions = _sessions(store, catalog, clock, llm=True)
        if resume:
            live = sessions.resume_last()
            out.print(f"[dim]Resuming session {live.session_id} ({live.record.problem_id}).[/dim]")
        else:
            problem = _choose(catalog, problem_id, interview_type, topic, difficulty)
            live, opening = sessions.begin(problem.id, persona.value, level, minutes)
            for line in opening:
                out.print(f"[bold]Interviewer:[/bold] {escape(line)}")
            # The terminal's own controls; the web room has buttons for them instead.
            out.print(f"[dim]{COMMANDS_HELP}[/dim]")
        try:
            _loop(sessions, live, out)
        except KeyboardInterrupt:
            # Every turn is already committed; Ctrl-C only pauses the session.
            out.print(f"\n[dim]Session {live.session_id} paused; {PAUSED}[/dim]")
            raise typer.Exit(130) from None
        if live.interview.ended:
            report = sessions.finish(live)
            from tradeoff.practice.report_text import render

            for line in render(report):
                out.print(escape(line))
            saved = f"tradeoff sessions show {live.session_id}"
            out.print(f"[dim]Saved as session {live.session_id}: {saved}[/dim]")
        else:
            out.print(f"\n[dim]Session {live.session_id} paused; {PAUSED}[/dim]")
    finally:
        store.close()


def _open(db: str | None) -> Store:
    """The store, imported here: SQLAlchemy costs a few hundred ms that other commands skip."""
    from tradeoff.store import Store, database_url

    return Store.open(database_url(db))


def _sessions(store: Store, catalog: Any, clock: Clock, *, llm: bool) -> PracticeSessions:
    """The practice service over `store`, with the configured LLM when `llm` is set."""
    from tradeoff.services.practice import PracticeSessions

    return PracticeSessions(
        store,
        catalog,
        lambda: clock,
        phraser=_phraser() if llm else None,
        judge=_judge() if llm else None,
    )


def _loop(sessions: PracticeSessions, live: Live, out: Any) -> None:
    while not live.interview.ended:
        out.print(f"[dim]{live.interview.status()}[/dim]")
        typer.echo("You: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            return  # end of input: the session stays unfinished and can be resumed
        if not sys.stdin.isatty():
            typer.echo(line.rstrip("\n"))
        try:
            exchange = sessions.handle(live, line)
        except TradeoffError as exc:
            out.print(f"[bold]Interviewer:[/bold] {escape(str(exc))}")
            continue
        for notice in exchange.notices:
            out.print(f"[dim]{escape(notice)}[/dim]")
        for reply in exchange.replies:
            out.print(f"[bold]Interviewer:[/bold] {escape(reply)}")


def _phraser() -> Any:
    """The configured LLM's voice for the interviewer, or None for the built-in one."""
    try:
        from tradeoff.llm import ChatClient, load_config, phrase_move
    except ImportError:
        return None
    client = _client(ChatClient, load_config)
    if client is None:
        return None

    def phrase(persona: str, move: Move, tail: str) -> str:
        said = f"{move.ack} {move.text}".strip()  # the move chosen from the conversation state
        return phrase_move(client, persona=persona, move=said, transcript_tail=tail)

    return phrase


def _client(factory: Any, load: Any) -> Any:
    """A client for the configured LLM; a broken setting is a notice, never a stop."""
    try:
        config = load()
        return None if config is None else factory(config)
    except TradeoffError as exc:
        typer.echo(f"tradeoff: LLM not used ({exc})", err=True)
        return None


def _judge() -> Any:
    """Evidence-checked LLM verdicts for undecided rubric items, or None without an LLM."""
    try:
        from tradeoff.llm import ChatClient, load_config, pick_verdicts, verify_verdicts
    except ImportError:
        return None
    client = _client(ChatClient, load_config)
    if client is None:
        return None

    def judge(items: list[tuple[str, str]], text: str) -> tuple[list[Any], list[Any]]:
        verdicts = pick_verdicts(client, items=items, candidate_text=text)
        return verify_verdicts(verdicts, text)

    return judge


def _choose(
    catalog: Any,
    problem_id: str | None,
    interview_type: InterviewTypeOption | None,
    topic: str | None,
    difficulty: DifficultyOption | None,
) -> Problem:
    if problem_id is not None:
        return catalog.get(problem_id)  # type: ignore[no-any-return]
    pool = catalog.select(
        interview_type=interview_type.value if interview_type else None,
        topic=topic,
        difficulty=difficulty.value if difficulty else None,
    )
    if not pool:
        raise TradeoffError("no prompt matches those filters; see: tradeoff problems list")
    return random.choice(pool)  # type: ignore[no-any-return]


@sessions_app.command("list")
def sessions_list(
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
) -> None:
    """Past sessions, newest first."""
    store = _open(db)
    try:
        rows = store.list_sessions()
    finally:
        store.close()
    table = Table(title=f"{len(rows)} sessions", title_justify="left")
    for column in ("id", "started", "prompt", "persona", "level", "turns", "overall", "state"):
        table.add_column(column, no_wrap=True)
    for row in rows:
        table.add_row(
            str(row.id),
            row.started_at.strftime("%Y-%m-%d %H:%M"),
            row.problem_id,
            row.persona,
            row.level,
            str(row.turns),
            "-" if row.overall is None else str(row.overall),
            "finished" if row.ended_at else "unfinished",
        )
    console().print(table)


@sessions_app.command("show")
def sessions_show(
    session_id: int = typer.Argument(..., metavar="ID", help="From 'tradeoff sessions list'."),
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
) -> None:
    """The session's timeline, step by step."""
    store = _open(db)
    try:
        lines = _sessions(store, default_catalog(), SystemClock(), llm=False).timeline(session_id)
    finally:
        store.close()
    for line in lines:
        typer.echo(line)


@sessions_app.command("export")
def sessions_export(
    session_id: int = typer.Argument(..., metavar="ID", help="From 'tradeoff sessions list'."),
    output: ExportFormat = typer.Option(
        ExportFormat.markdown,
        "--format",
        "-f",
        help="markdown, or json: an export file with this session, for `tradeoff import`.",
    ),
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
) -> None:
    """The whole session as Markdown (to read or share) or JSON (to import elsewhere)."""
    store = _open(db)
    try:
        sessions = _sessions(store, default_catalog(), SystemClock(), llm=False)
        if output is ExportFormat.json:
            text = json.dumps(sessions.export(session_id), indent=2)
        else:
            text = sessions.markdown(session_id)
    finally:
        store.close()
    typer.echo(text)

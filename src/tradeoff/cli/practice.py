"""`tradeoff practice` and `tradeoff sessions`: the timed mock interview and its records."""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import datetime
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
from tradeoff.interview.personas import PERSONAS, Move
from tradeoff.interview.report import final_report, render
from tradeoff.interview.session import Event, Interview

if TYPE_CHECKING:
    from tradeoff.store import Store

sessions_app = typer.Typer(
    cls=FriendlyGroup, help="List, show and export practice sessions.", no_args_is_help=True
)
TEST_CLOCK = "TRADEOFF_TEST_CLOCK"  # set to 1: the clock moves only with /advance


class Persona(StrEnum):
    friendly = "friendly"
    neutral = "neutral"
    adversarial = "adversarial"
    terse = "terse"


class ExportFormat(StrEnum):
    markdown = "markdown"
    json = "json"


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
    if level not in ("mid", "senior", "staff"):
        raise TradeoffError(f"unknown level {level!r}; use mid, senior or staff")
    catalog = default_catalog()
    store = _open(db)
    clock: Clock = ManualClock() if os.environ.get(TEST_CLOCK) == "1" else SystemClock()
    out = console()
    try:
        if resume:
            interview, session_id = _resume(store, catalog, clock)
            out.print(f"[dim]Resuming session {session_id} ({interview.problem.id}).[/dim]")
        else:
            problem = _choose(catalog, problem_id, interview_type, topic, difficulty)
            session_id = store.create_session(
                problem_id=problem.id,
                persona=persona.value,
                level=level,
                minutes=minutes,
                started_at=clock.now(),
            )
            interview = _new(
                problem, catalog, persona.value, level, minutes, clock, store, session_id
            )
            for line in interview.opening():
                out.print(f"[bold]Interviewer:[/bold] {escape(line)}")
        try:
            _loop(interview, out)
        except KeyboardInterrupt:
            # Every turn is already committed; Ctrl-C only pauses the session.
            how = "continue it with: tradeoff practice --resume"
            out.print(f"\n[dim]Session {session_id} paused; {how}[/dim]")
            raise typer.Exit(130) from None
        if interview.ended:
            report = final_report(
                problem=interview.problem,
                catalog=catalog,
                level=interview.level,
                minutes=interview.minutes,
                started_at=interview.started_at,
                events=store.get_session(session_id).events,
                judge=_judge(),
            )
            store.finish_session(session_id, ended_at=clock.now(), review=report)
            for line in render(report):
                out.print(escape(line))
            out.print(
                f"[dim]Saved as session {session_id}: tradeoff sessions show {session_id}[/dim]"
            )
        else:
            out.print(
                f"\n[dim]Session {session_id} paused; continue it with: tradeoff practice"
                " --resume[/dim]"
            )
    finally:
        store.close()


def _open(db: str | None) -> Store:
    """The store, imported here: SQLAlchemy costs a few hundred ms that other commands skip."""
    from tradeoff.store import Store, database_url

    return Store.open(database_url(db))


def _loop(interview: Interview, out: Any) -> None:
    while not interview.ended:
        out.print(f"[dim]{interview.status()}[/dim]")
        typer.echo("You: ", nl=False)
        line = sys.stdin.readline()
        if not line:
            return  # end of input: the session stays unfinished and can be resumed
        if not sys.stdin.isatty():
            typer.echo(line.rstrip("\n"))
        try:
            replies = interview.handle(line)
        except TradeoffError as exc:
            replies = [str(exc)]
        for reply in replies:
            if reply in interview.notices:
                out.print(f"[dim]{escape(reply)}[/dim]")
            else:
                out.print(f"[bold]Interviewer:[/bold] {escape(reply)}")


def _recorder(store: Store, session_id: int) -> Any:
    def record(event: Event) -> None:
        if event.kind == "snapshot":
            store.add_snapshot(
                session_id,
                kind=str(event.data.get("kind", "design")),
                at=event.at,
                source=str(event.data.get("source", "")),
                content=event.text,
            )
        store.add_event(
            session_id,
            kind=event.kind,
            at=event.at,
            phase=event.phase,
            text=event.text,
            speaker=event.speaker,
            data=event.data,
        )

    return record


def _new(
    problem: Problem,
    catalog: Any,
    persona: str,
    level: str,
    minutes: int,
    clock: Clock,
    store: Store,
    session_id: int,
    started_at: datetime | None = None,
) -> Interview:
    return Interview(
        problem=problem,
        catalog=catalog,
        persona=persona,
        level=level,
        minutes=minutes,
        clock=clock,
        record=_recorder(store, session_id),
        started_at=started_at,
        phraser=_phraser(),
    )


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


def _resume(store: Store, catalog: Any, clock: Clock) -> tuple[Interview, int]:
    record = store.last_unfinished()
    if record is None:
        raise TradeoffError("no unfinished session to resume; start one with: tradeoff practice")
    problem = catalog.get(record.problem_id)
    interview = _new(
        problem, catalog, record.persona, record.level, record.minutes, clock, store, record.id,
        started_at=record.started_at,
    )  # fmt: skip
    replay(interview, record.events)
    return interview, record.id


def replay(interview: Interview, events: Any) -> None:
    """Rebuild an interview's state from its recorded events, without recording again."""
    interview.restore(events)


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
    for line in _timeline(session_id, db):
        typer.echo(line)


@sessions_app.command("export")
def sessions_export(
    session_id: int = typer.Argument(..., metavar="ID", help="From 'tradeoff sessions list'."),
    output: ExportFormat = typer.Option(
        ExportFormat.markdown, "--format", "-f", help="markdown, or json for scripts."
    ),
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
) -> None:
    """The whole session as Markdown (to read or share) or JSON (for tools)."""
    store = _open(db)
    try:
        record = store.get_session(session_id)
    finally:
        store.close()
    if output is ExportFormat.json:
        typer.echo(json.dumps(_as_json(record), indent=2, default=str))
        return
    lines = [f"# Practice session {record.id}: {record.problem_id}", ""]
    lines += [f"- persona {record.persona}, level {record.level}, {record.minutes} minutes"]
    lines += [f"- started {record.started_at.isoformat()}", "", "## Timeline", ""]
    lines += [f"- {line}" for line in _timeline(session_id, db)]
    if record.review:
        lines += ["", "## Report", ""] + [f"    {line}" for line in render(record.review)]
    typer.echo("\n".join(lines))


def _timeline(session_id: int, db: str | None) -> list[str]:
    store = _open(db)
    try:
        record = store.get_session(session_id)
    finally:
        store.close()
    lines = []
    for event in record.events:
        offset = int((event.at - record.started_at).total_seconds())
        stamp = f"{offset // 60:02d}:{offset % 60:02d}"
        who = f"{event.speaker}: " if event.speaker else ""
        text = event.text if len(event.text) < 300 else event.text[:300] + "…"
        lines.append(f"[{stamp}] {event.phase:<10} {event.kind:<8} {who}{text}")
    return lines


def _as_json(record: Any) -> dict[str, Any]:
    return {
        "id": record.id,
        "problem": record.problem_id,
        "persona": record.persona,
        "level": record.level,
        "minutes": record.minutes,
        "started_at": record.started_at.isoformat(),
        "ended_at": record.ended_at.isoformat() if record.ended_at else None,
        "events": [
            {
                "seq": e.seq,
                "at": e.at.isoformat(),
                "kind": e.kind,
                "phase": e.phase,
                "speaker": e.speaker,
                "text": e.text,
                "data": e.data,
            }
            for e in record.events
        ],
        "snapshots": [
            {"version": s.version, "at": s.at.isoformat(), "kind": s.kind, "source": s.source}
            for s in record.snapshots
        ],
        "report": record.review,
    }


assert set(PERSONAS) == {p.value for p in Persona}

"""`tradeoff estimate`, `tradeoff numbers` and `tradeoff drill capacity`."""

from __future__ import annotations

import json
import random
import sys
from enum import StrEnum

import typer
from rich.markup import escape
from rich.table import Table

from tradeoff.catalog import default_catalog
from tradeoff.cli.errors import FriendlyGroup
from tradeoff.cli.problems import console
from tradeoff.errors import TradeoffError
from tradeoff.estimate.calculator import calculate
from tradeoff.estimate.drill import (
    FINE,
    WARNING,
    WRONG,
    DrillSession,
    drill_steps,
    givens,
    grade,
    question,
)
from tradeoff.estimate.reference import reference_table

drill_app = typer.Typer(cls=FriendlyGroup, help="Practice drills.", no_args_is_help=True)


class EstimateFormat(StrEnum):
    text = "text"
    json = "json"


class NumbersTopic(StrEnum):
    latency = "latency"
    throughput = "throughput"
    storage = "storage"
    cost = "cost"
    powers = "powers"
    time = "time"


def estimate(
    expression: str = typer.Argument(..., help='e.g. "100M DAU x 10 reads / day"'),
    output: EstimateFormat = typer.Option(
        EstimateFormat.text, "--format", "-f", help="text, or json for scripts."
    ),
) -> None:
    """Evaluate a back-of-the-envelope expression with units, showing every step."""
    result = calculate(expression)
    if output is EstimateFormat.json:
        typer.echo(json.dumps(result.to_json(), indent=2))
        return
    out = console()
    for note in result.notes:
        out.print(f"[dim]note: {escape(note)}[/dim]")
    for step in result.steps:
        out.print(f"  {escape(step)}")
    out.print(f"[bold]= {escape(result.human())}[/bold]")


def numbers(
    topic: NumbersTopic | None = typer.Option(None, "--topic", "-t", help="Only one topic."),
) -> None:
    """Reference numbers for estimates (latency, throughput, storage, cost), with sources."""
    table_data = reference_table()
    chosen = table_data.select(topic.value if topic else None)
    table = Table(
        title=f"Reference numbers (current as of {table_data.as_of})", title_justify="left"
    )
    for column in ("topic", "what", "use", "typical range", "source"):
        table.add_column(column, no_wrap=column in ("topic", "use"))
    for number in chosen:
        table.add_row(
            number.topic, number.name, number.shown(), escape(number.range), escape(number.source)
        )
    console().print(table)


@drill_app.command("capacity")
def drill_capacity(
    problem_id: str | None = typer.Argument(
        None, metavar="PROBLEM", help="The prompt, e.g. url-shortener; omit for a random one."
    ),
    seed: int | None = typer.Option(None, "--seed", help="Pick the random prompt repeatably."),
    topic: str | None = typer.Option(None, "--topic", help="Pick a prompt tagged with this topic."),
    db: str | None = typer.Option(
        None, "--db", help="Where to save the result (a SQLAlchemy URL)."
    ),
) -> None:
    """Walk through a prompt's capacity estimate step by step, graded as you go."""
    catalog = default_catalog()
    if problem_id is None:
        tagged = catalog.select(topic=topic) if topic else list(catalog.problems.values())
        pool = sorted(p.id for p in tagged if p.capacity)
        if not pool:
            raise TradeoffError(f"no prompt with a capacity estimate is tagged {topic!r}")
        problem_id = random.Random(seed).choice(pool)
    problem = catalog.get(problem_id)
    steps = drill_steps(problem)
    out = console()
    out.print(f"[bold]Capacity drill: {escape(problem.title)}[/bold] ({problem.id})")
    out.print("What the interviewer told you:")
    for fact in givens(problem):
        out.print(f"  - {escape(fact)}")
    out.print("Answer each step with a number and, if you like, a unit (40/s, 3 TB, 1.2K).")
    out.print("Press Enter to skip a step. Within 2x is fine, within 10x a warning.\n")
    session = DrillSession(problem.id)
    for index, step in enumerate(steps, start=1):
        prompt = f"{index}/{len(steps)} {question(step)}"
        answer = _ask(prompt)
        if answer is None:
            out.print("\n[dim]Drill stopped.[/dim]")
            break
        graded = grade(step, answer)
        session.answers.append(graded)
        style = {FINE: "green", WARNING: "yellow", WRONG: "red"}.get(graded.grade, "dim")
        remark = f" ({graded.remark})" if graded.remark else ""
        out.print(f"  [{style}]{graded.grade}{escape(remark)}[/{style}]: {escape(graded.worked)}")
    counts = session.summary()
    out.print(
        f"\n{counts[FINE]} fine, {counts[WARNING]} warnings, {counts[WRONG]} wrong,"
        f" {counts['skipped']} skipped of {len(steps)} steps."
    )
    if session.answers:
        from tradeoff.store import Store, database_url

        with Store.open(database_url(db)) as store:
            drill_id = store.add_drill(
                problem_id=problem.id, at=session.started_at, result=session.to_json()
            )
        out.print(f"[dim]Saved as drill {drill_id}.[/dim]")


def _ask(prompt: str) -> str | None:
    """One line from the user; None at end of input (a closed pipe or Ctrl-D)."""
    typer.echo(f"{prompt} ", nl=False)
    line = sys.stdin.readline()
    if not line:
        return None
    if not sys.stdin.isatty():
        typer.echo(line.rstrip("\n"))  # echo piped answers so a transcript reads naturally
    return line.rstrip("\n")

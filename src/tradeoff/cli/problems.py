"""`tradeoff problems ...` and `tradeoff topics`: browse the catalog of practice prompts."""

from __future__ import annotations

import json
from collections import Counter
from enum import StrEnum

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from tradeoff.catalog import INTERVIEW_TYPES, default_catalog, load_catalog
from tradeoff.catalog.derivation import derive
from tradeoff.catalog.schema import Problem
from tradeoff.cli.errors import FriendlyGroup
from tradeoff.errors import TradeoffError
from tradeoff.units import human_number

problems_app = typer.Typer(
    cls=FriendlyGroup, help="Browse the practice prompts.", no_args_is_help=True
)


class InterviewTypeOption(StrEnum):
    product = "product"
    infrastructure = "infrastructure"
    object_oriented = "object-oriented"
    front_end = "front-end"
    backend_distributed = "backend-distributed"
    api = "api"


class DifficultyOption(StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _console() -> Console:
    return console()


def console() -> Console:
    """A terminal console; when piped, a fixed 120 columns so tables stay readable in files."""
    probe = Console()
    width = None if probe.is_terminal else 120
    return Console(highlight=False, soft_wrap=False, width=width)


@problems_app.command("list")
def list_problems(
    interview_type: InterviewTypeOption | None = typer.Option(
        None,
        "--type",
        "-t",
        metavar="TYPE",
        help="Only this interview type: " + ", ".join(InterviewTypeOption) + ".",
    ),
    topic: str | None = typer.Option(None, "--topic", help="Only problems tagged with this topic."),
    difficulty: DifficultyOption | None = typer.Option(
        None, "--difficulty", "-d", help="Only this difficulty."
    ),
    output: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """List practice prompts, filtered by type, topic and difficulty."""
    catalog = default_catalog()
    chosen = catalog.select(
        interview_type=interview_type.value if interview_type else None,
        topic=topic,
        difficulty=difficulty.value if difficulty else None,
    )
    if output is ListFormat.json:
        rows = [
            {
                "id": p.id,
                "title": p.title,
                "type": p.type,
                "difficulty": p.difficulty,
                "topics": list(p.topics),
            }
            for p in chosen
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    console = _console()
    if not chosen:
        console.print("No problems match those filters.")
        return
    table = Table(title=f"{len(chosen)} practice prompts", title_justify="left")
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("difficulty", no_wrap=True)
    table.add_column("title")
    table.add_column("topics")
    for p in chosen:
        table.add_row(p.id, p.type, p.difficulty, p.title, ", ".join(p.topics))
    console.print(table)
    console.print("Show one with: tradeoff problems show ID")


@problems_app.command("show")
def show_problem(
    problem_id: str = typer.Argument(..., metavar="ID", help="The problem id, e.g. url-shortener."),
    reveal: bool = typer.Option(
        False, "--reveal", help="Also show the hidden facts, reference numbers and rubric."
    ),
) -> None:
    """Show a prompt as the candidate sees it; --reveal adds what the interviewer knows."""
    problem = default_catalog().get(problem_id)
    console = _console()
    _print_prompt(console, problem)
    if reveal:
        _print_hidden(console, problem)


@problems_app.command("check")
def check_problems() -> None:
    """Validate every problem file, evaluating each capacity derivation with units."""
    catalog = load_catalog(check_derivations=True)
    counts = Counter(p.type for p in catalog.problems.values())
    off = [
        f"{p.id}: {s.name} computes to {human_number(s.value)} {s.unit}, file says {s.approx:g}"
        for p in catalog.problems.values()
        for s in derive(p)
        if s.relative_error > 0.02
    ]
    summary = ", ".join(f"{t} {counts.get(t, 0)}" for t in INTERVIEW_TYPES)
    typer.echo(f"{len(catalog.problems)} problems valid ({summary})")
    if off:
        raise TradeoffError("rounded figures disagree with their formulas: " + "; ".join(off))


def topics() -> None:
    """List the topics problems are tagged with, and how many problems each has."""
    catalog = default_catalog()
    counts = Counter(t for p in catalog.problems.values() for t in p.topics)
    table = Table(title="Topics", title_justify="left")
    table.add_column("topic", style="bold", no_wrap=True)
    table.add_column("problems", justify="right")
    table.add_column("what it covers")
    for topic in catalog.vocabulary.topics.values():
        table.add_row(topic.id, str(counts.get(topic.id, 0)), topic.description)
    _console().print(table)


def _print_prompt(console: Console, problem: Problem) -> None:
    meta = f"{problem.type} · {problem.difficulty} · topics: {', '.join(problem.topics)}"
    categories = sorted({f.category for f in problem.facts})
    body = (
        f"{escape(problem.prompt)}\n\n[dim]{meta}[/dim]\n"
        f"[dim]The interviewer can tell you about: {', '.join(categories)}. Ask.[/dim]"
    )
    console.print(Panel(body, title=f"[bold]{escape(problem.title)}[/bold] ({problem.id})"))


def _print_hidden(console: Console, problem: Problem) -> None:
    facts = Table(title="Hidden facts (revealed when asked)", title_justify="left")
    facts.add_column("category", no_wrap=True)
    facts.add_column("fact")
    facts.add_column("answers questions about")
    for fact in problem.facts:
        facts.add_row(fact.category, escape(fact.text), ", ".join(fact.answers))
    console.print(facts)

    if problem.capacity:
        steps = Table(title="Reference capacity derivation (computed)", title_justify="left")
        steps.add_column("quantity", no_wrap=True)
        steps.add_column("formula")
        steps.add_column("value", justify="right", no_wrap=True)
        steps.add_column("note")
        for step in derive(problem):
            unit = "" if step.unit == "dimensionless" else f" {step.unit}"
            steps.add_row(
                step.name, escape(step.formula), f"{human_number(step.value)}{unit}", step.note
            )
        console.print(steps)

    for dim, rubric in problem.rubric.dimensions().items():
        table = Table(title=f"Rubric: {dim}", title_justify="left", show_lines=False)
        table.add_column("w", justify="right")
        table.add_column("from", no_wrap=True)
        table.add_column("a strong answer")
        table.add_column("concepts")
        for item in rubric.items:
            table.add_row(str(item.weight), item.level, escape(item.text), ", ".join(item.concepts))
        console.print(table)
        for level, text in rubric.expectations.items():
            console.print(f"  [bold]{level}[/bold]: {escape(text)}")
    if problem.rubric.capacity is None:
        console.print("[dim]capacity: not assessed for object-oriented prompts.[/dim]")

    _print_list(console, "Expected components", [f"{c.name}: {c.role}" for c in problem.components])
    for dive in problem.deep_dives:
        _print_list(console, f"Deep dive: {dive.title}", dive.points)
    for tradeoff in problem.tradeoffs:
        _print_list(
            console,
            f"Trade-off: {tradeoff.question}",
            [f"{o.name}: wins when {o.wins_when}" for o in tradeoff.options],
        )
    _print_list(console, "Common pitfalls", [p.text for p in problem.pitfalls])
    _print_list(console, "Follow-up questions", [f.text for f in problem.follow_ups])
    for hint in problem.hints:
        _print_list(
            console,
            f"Hints towards '{hint.about}'",
            [f"nudge: {hint.nudge}", f"pointer: {hint.pointer}", f"partial: {hint.partial}"],
        )


def _print_list(console: Console, title: str, lines: list[str]) -> None:
    console.print(f"\n[bold]{escape(title)}[/bold]")
    for line in lines:
        console.print(f"  - {escape(line)}")

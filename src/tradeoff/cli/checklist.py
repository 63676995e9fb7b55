"""`tradeoff checklist [NAME]`: the interview checklists, and their rendering in a review."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tradeoff.catalog.checklists import Checklist, default_checklists
from tradeoff.cli.problems import console as make_console
from tradeoff.review.checklist import ChecklistResult, Mentioned
from tradeoff.wording import clipped, counted


class ChecklistFormat(StrEnum):
    rich = "rich"
    markdown = "markdown"
    json = "json"


def checklist(
    name: str | None = typer.Argument(
        None, metavar="NAME", help="api, failure, monitoring or security; omit to list them."
    ),
    output: ChecklistFormat = typer.Option(
        ChecklistFormat.rich, "--format", "-f", help="rich (terminal), markdown or json."
    ),
) -> None:
    """Print an interview checklist: what an interviewer checks, and why.

    Tick one against your design with: tradeoff review FILE --checklist NAME
    """
    checklists = default_checklists()
    if name is None:
        chosen = checklists.checklists
        if output is ChecklistFormat.json:
            typer.echo(json.dumps([_summary(c) for c in chosen], indent=2, ensure_ascii=False))
        elif output is ChecklistFormat.markdown:
            rows = [
                f"- **{c.id}**: {c.title}, {counted(len(c.items), 'item')}. {c.about}"
                for c in chosen
            ]
            typer.echo("\n".join(["# Checklists", "", *rows]))
        else:
            table = Table(title="Checklists", title_justify="left")
            for column in ("name", "title", "items", "about"):
                table.add_column(column, no_wrap=column != "about")
            for c in chosen:
                table.add_row(c.id, c.title, str(len(c.items)), escape(c.about))
            console = make_console()
            console.print(table)
            console.print("[dim]Print one with: tradeoff checklist NAME[/dim]")
        return
    one = checklists.get(name)
    if output is ChecklistFormat.json:
        typer.echo(json.dumps(checklist_json(one), indent=2, ensure_ascii=False))
    elif output is ChecklistFormat.markdown:
        typer.echo(checklist_markdown(one), nl=False)
    else:
        _print_checklist(one)


def _summary(c: Checklist) -> dict[str, Any]:
    return {"id": c.id, "title": c.title, "about": c.about, "items": len(c.items)}


def checklist_json(c: Checklist) -> dict[str, Any]:
    return {
        "id": c.id,
        "title": c.title,
        "about": c.about,
        "items": [
            {
                "id": item.id,
                "text": item.text,
                "why": item.why,
                "concepts": list(item.concepts),
                "substance": item.substance,
            }
            for item in c.items
        ],
    }


def checklist_markdown(c: Checklist) -> str:
    lines = [f"# {c.title} checklist", "", c.about, ""]
    for item in c.items:
        lines.append(f"- [ ] {item.text}")
        lines.append(f"  - Why: {item.why}")
        lines.append(f"  - Ticks on: {item.substance}")
    return "\n".join(lines) + "\n"


def _print_checklist(c: Checklist) -> None:
    table = Table(title=f"{c.title} checklist: {escape(c.about)}", title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("what good looks like")
    table.add_column("why it is asked")
    table.add_column("ticks on", style="dim")
    for number, item in enumerate(c.items, start=1):
        table.add_row(str(number), escape(item.text), escape(item.why), escape(item.substance))
    console = make_console()
    console.print(table)
    console.print(f"[dim]Tick it against a design: tradeoff review FILE --checklist {c.id}[/dim]")


# --- a ticked checklist inside `tradeoff review` ----------------------------------------


def print_result(result: ChecklistResult, console: Console | None = None) -> None:
    """✓ item — line N "quote" / ☐ item — open, for the terminal."""
    out = console or make_console()
    total = len(result.items)
    out.print(f"[bold]{result.checklist.title} checklist[/bold] ({result.met} of {total} met)")
    for r in result.items:
        if r.evidence is not None:
            quote = escape(_short(r.evidence.quote or ""))
            out.print(
                f"  [green]✓[/green] {escape(r.item.text)} — line {r.evidence.line} "
                f'[dim]"{quote}"[/dim]'
            )
        else:
            out.print(f"  ☐ {escape(r.item.text)} — open")
            if r.mentioned is not None:
                out.print(f"    [dim]{escape(_partial(r.mentioned, _short))}[/dim]")


def result_markdown(result: ChecklistResult) -> str:
    lines = [
        "",
        f"## {result.checklist.title} checklist ({result.met} of {len(result.items)} met)",
        "",
    ]
    for r in result.items:
        if r.evidence is not None:
            quote = (r.evidence.quote or "").replace("`", "'")
            lines.append(f"- [x] {r.item.text} (line {r.evidence.line}: `{quote}`)")
        else:
            lines.append(f"- [ ] {r.item.text} (open)")
            if r.mentioned is not None:
                lines.append("  - " + _partial(r.mentioned, lambda q: q.replace("`", "'")))
    return "\n".join(lines) + "\n"


def _partial(mentioned: Mentioned, quote: Callable[[str], str]) -> str:
    """What the closest line states and what it lacks, each checkable on that line."""
    where = mentioned.evidence
    return (
        f'line {where.line} has {mentioned.named} ("{quote(where.quote or "")}") '
        f"but not: {'; '.join(mentioned.missing)}"
    )


def _short(text: str, limit: int = 120) -> str:
    return clipped(text, limit)

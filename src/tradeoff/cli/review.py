"""`tradeoff review`, `tradeoff rules` and `tradeoff new`: the design-review commands."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from tradeoff.catalog import default_catalog
from tradeoff.cli.errors import FriendlyGroup
from tradeoff.cli.problems import console as make_console
from tradeoff.design import load_design
from tradeoff.design.figures import carries_figures
from tradeoff.design.templates import render_template
from tradeoff.errors import TradeoffError
from tradeoff.review import review_design
from tradeoff.review.engine import Review
from tradeoff.review.report import dimension_title, to_json, to_markdown
from tradeoff.review.rules import RULES
from tradeoff.review.rules_doc import explain_rule
from tradeoff.vocabulary import Level, Severity
from tradeoff.wording import clipped

if TYPE_CHECKING:
    from tradeoff.design.model import DesignDoc
    from tradeoff.simulate.first import BreaksFirst

rules_app = typer.Typer(
    cls=FriendlyGroup,
    help="List the review rules, or explain one.",
    invoke_without_command=True,
)


class ReviewFormat(StrEnum):
    rich = "rich"
    markdown = "markdown"
    json = "json"


_SEVERITY_STYLE: dict[str, str] = {
    Severity.error: "bold red",
    Severity.warning: "yellow",
    Severity.info: "dim",
}


def review(
    file: Path = typer.Argument(
        ..., help="Your design: Markdown, text, transcript or .excalidraw."
    ),
    problem: str | None = typer.Option(
        None, "--problem", "-p", help="The prompt it answers; guessed from the text if omitted."
    ),
    level: Level = typer.Option(Level.senior, "--level", "-l", help="Level to judge against."),
    output: ReviewFormat = typer.Option(
        ReviewFormat.rich, "--format", "-f", help="rich (terminal), markdown or json."
    ),
    checklist: str | None = typer.Option(
        None, "--checklist", "-c", help="Also tick a checklist: api, failure, monitoring, security."
    ),
) -> None:
    """Review a written design: evidence-linked findings and a scorecard."""
    if checklist is not None:  # checklists are loaded only when one is asked for
        from tradeoff.catalog.checklists import default_checklists
        from tradeoff.cli.checklist import print_result, result_markdown
        from tradeoff.review.checklist import review_claims, tick

    chosen = default_checklists().get(checklist) if checklist is not None else None
    doc = load_design(file)
    catalog = default_catalog()
    result = review_design(doc, catalog, problem, level.value)
    ticked = None
    if chosen is not None:
        claims = review_claims(doc, catalog, result.problem)
        ticked = tick(chosen, claims, default_checklists())
    first = _breaks_first(doc, result.problem)
    if output is ReviewFormat.json:
        for note in result.notes:  # stdout stays exactly the JSON contract
            typer.echo(f"tradeoff: {note}", err=True)
        if ticked is None and first is None:
            typer.echo(to_json(result))
        else:  # the contract's keys unchanged, plus "checklist" and "breaks_first"
            data = result.to_json()
            if ticked is not None:
                data["checklist"] = ticked.to_json()
            if first is not None:
                data["breaks_first"] = first.to_json()
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif output is ReviewFormat.markdown:
        extra = result_markdown(ticked) if ticked is not None else ""
        if first is not None:
            extra += f"\n{first.sentence()}\n"
        typer.echo(to_markdown(result, str(file)) + extra, nl=False)
    else:
        _print_rich(result, str(file))
        if first is not None:
            typer.echo(first.sentence())
        if ticked is not None:
            print_result(ticked)


def _breaks_first(doc: DesignDoc, problem: str) -> BreaksFirst | None:
    """The simulator's first bottleneck, when the design's diagram carries figures of its
    own (the simulator and numpy are loaded only then)."""
    if not doc.diagrams or not carries_figures("\n".join(doc.lines)):
        return None
    from tradeoff.simulate.first import breaks_first

    return breaks_first(doc, None if problem == "generic" else problem)


def _print_rich(result: Review, source: str) -> None:
    console = make_console()
    header = (
        f"prompt [bold]{escape(result.problem)}[/bold] · level {result.level} · "
        f"overall [bold]{result.overall}/100[/bold] · verdict [bold]{result.verdict}[/bold]"
    )
    for note in result.notes:
        header += f"\n[dim]{escape(note)}[/dim]"
    console.print(Panel(header, title=f"Review of {escape(source)}", title_align="left"))
    table = Table(title="Scorecard", title_justify="left")
    table.add_column("dimension", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("summary")
    for dim, score in result.scores.items():
        bar = "■" * score.rounded + "□" * (4 - score.rounded)
        table.add_row(
            dimension_title(dim, result.interview_type),
            f"{bar} {score.rounded}/4",
            escape(score.summary),
        )
    if "capacity" not in result.scores:
        table.add_row("Capacity", "n/a", "not assessed for object-oriented prompts")
    console.print(table)
    console.print("[bold]Next steps[/bold]")
    for index, step in enumerate(result.next_steps, start=1):
        console.print(f"  {index}. {escape(step)}")
    findings = Table(title=f"Findings ({len(result.findings)})", title_justify="left")
    findings.add_column("rule", no_wrap=True)
    findings.add_column("severity", no_wrap=True)
    findings.add_column("line", justify="right", no_wrap=True)
    findings.add_column("finding")
    for finding in result.findings:
        quote = finding.evidence.quote
        evidence = f'\n[dim]"{escape(clipped(quote, 120))}"[/dim]' if quote else ""
        findings.add_row(
            finding.rule,
            f"[{_SEVERITY_STYLE[finding.severity]}]{finding.severity}[/]",
            str(finding.evidence.line) if finding.evidence.line is not None else "-",
            f"{escape(finding.message)}{evidence}",
        )
    console.print(findings)
    console.print("[dim]Explain a rule with: tradeoff rules explain ID[/dim]")


@rules_app.callback()
def rules_list(ctx: typer.Context) -> None:
    """List every review rule with its dimension, kind and severity."""
    if ctx.invoked_subcommand is not None:
        return
    table = Table(title=f"{len(RULES)} review rules", title_justify="left")
    for column in ("id", "dimension", "kind", "severity", "message"):
        table.add_column(column, no_wrap=column != "message")
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        table.add_row(rule.id, rule.dimension, rule.kind, rule.severity, rule.message)
    make_console().print(table)


@rules_app.command("explain")
def rules_explain(
    rule_id: str = typer.Argument(..., metavar="ID", help="A rule id, e.g. CAP101."),
) -> None:
    """Show one rule: what it checks, why it matters in an interview, an example and the fix."""
    key = rule_id.upper()
    if key not in RULES:
        import difflib

        near = difflib.get_close_matches(key, list(RULES), n=1)
        hint = f"; did you mean {near[0]}?" if near else "; run 'tradeoff rules' to list them"
        raise TradeoffError(f"no rule {rule_id!r}{hint}")
    typer.echo(explain_rule(RULES[key]))


def new(
    file: Path = typer.Argument(..., help="Where to write the skeleton, e.g. answer.md."),
    problem: str | None = typer.Option(
        None, "--problem", "-p", help="The prompt; sets the sections for its interview type."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a design-document skeleton with sections and Mermaid templates."""
    if file.exists() and not force:
        raise TradeoffError(f"{file} already exists; pick another name or pass --force")
    if problem is None:
        text = render_template("Design: (your prompt)", "product")
    else:
        chosen = default_catalog().get(problem)
        text = render_template(chosen.title, chosen.type, chosen.id)
    try:
        file.write_text(text.replace("{file}", file.name), encoding="utf-8")
    except OSError as exc:
        raise TradeoffError(f"{file}: cannot write ({exc.strerror})") from None
    typer.echo(
        f"wrote {file}; fill it in, then run: tradeoff review {file}"
        + (f" --problem {problem}" if problem else "")
    )

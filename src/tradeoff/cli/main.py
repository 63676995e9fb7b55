"""The `tradeoff` command: wires the sub-command groups together."""

from __future__ import annotations

import typer

from tradeoff import __version__
from tradeoff.cli.cards import cards_app
from tradeoff.cli.checklist import checklist
from tradeoff.cli.config import config_app
from tradeoff.cli.errors import FriendlyGroup
from tradeoff.cli.estimate import drill_app, estimate, numbers
from tradeoff.cli.practice import practice, sessions_app
from tradeoff.cli.problems import problems_app, topics
from tradeoff.cli.progress import export_data, import_data, plan, progress
from tradeoff.cli.review import new, review, rules_app
from tradeoff.cli.serve import serve
from tradeoff.cli.sessions_admin import sessions_delete, sessions_prune
from tradeoff.cli.simulate import simulate

app = typer.Typer(
    cls=FriendlyGroup,
    help="tradeoff: practise system design interviews on your own machine.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(problems_app, name="problems")
app.command("topics")(topics)
app.command("review")(review)
app.command("new")(new)
app.add_typer(rules_app, name="rules")
app.command("checklist")(checklist)
app.command("estimate")(estimate)
app.command("numbers")(numbers)
app.add_typer(drill_app, name="drill")
app.command("practice")(practice)
app.add_typer(sessions_app, name="sessions")
sessions_app.command("delete")(sessions_delete)
sessions_app.command("prune")(sessions_prune)
app.add_typer(config_app, name="config")
app.add_typer(cards_app, name="cards")
app.command("progress")(progress)
app.command("plan")(plan)
app.command("export")(export_data)
app.command("import")(import_data)
app.command("simulate")(simulate)
app.command("serve")(serve)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tradeoff {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """tradeoff: practise system design interviews on your own machine."""


def main() -> None:
    """Console-script entry point."""
    app()

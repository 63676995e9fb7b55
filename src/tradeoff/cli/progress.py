"""`tradeoff progress`, `tradeoff plan`, `tradeoff export` and `tradeoff import`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from tradeoff.catalog import default_catalog
from tradeoff.cli import clock
from tradeoff.cli.problems import console
from tradeoff.errors import TradeoffError
from tradeoff.practice.progress import (
    DIMENSIONS,
    MARKER_SERIES,
    Progress,
    SessionView,
    analyse,
    parse_since,
)
from tradeoff.wording import clipped, counted


def _load(db: str | None, since: datetime | None) -> tuple[Progress, list[SessionView], Any]:
    from tradeoff.store import Store, database_url

    catalog = default_catalog()
    with Store.open(database_url(db)) as store:
        views = [
            SessionView(record.id, record.problem_id, record.started_at, record.review)
            for record in store.all_sessions(finished_only=True)
            if record.review
        ]
        drills = store.list_drills(limit=1_000_000)
        states = store.card_states()
    topics_of = {pid: list(p.topics) for pid, p in catalog.problems.items()}
    return analyse(views, topics_of, drills, since), views, states


def progress(
    since: str = typer.Option("8w", "--since", help="How far back: 8w, 30d..."),
    chart: Path | None = typer.Option(None, "--chart", help="Write a chart: FILE.png or FILE.svg"),
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
) -> None:
    """Trends by week, communication markers, topic mastery, recurring mistakes, time."""
    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        raise TradeoffError(f"{chart}: the chart must be a .png or .svg file")
    start = parse_since(since, clock.now())
    result, _views, _ = _load(db, start)
    out = console()
    if not result.weeks:
        out.print("No finished sessions in that period yet. Start one with: tradeoff practice")
        return
    trend = Table(title="Scores by week (dimensions 0-4, overall 0-100)", title_justify="left")
    trend.add_column("week", no_wrap=True)
    trend.add_column("overall", justify="right")
    for dim in DIMENSIONS:
        trend.add_column(dim, justify="right")
    for week in result.weeks:
        dims = result.dimension_by_week[week]
        trend.add_row(
            week,
            f"{result.overall_by_week[week]:g}",
            *[f"{dims[d]:g}" if d in dims else "-" for d in DIMENSIONS],
        )
    out.print(trend)
    out.print(_markers_table(result))
    mastery = Table(title="Topic mastery (rubric items covered)", title_justify="left")
    for column in ("topic", "mastery", "sessions"):
        mastery.add_column(column)
    for topic, value in sorted(result.topic_mastery.items(), key=lambda kv: kv[1]):
        mastery.add_row(topic, f"{round(100 * value)}%", str(result.topic_sessions.get(topic, 0)))
    out.print(mastery)
    if result.recurring:
        out.print("[bold]Recurring mistakes[/bold] (in 2 or more of your last 5 sessions):")
        for mistake in result.recurring:
            out.print(f"  {mistake.kind}: {counted(len(mistake.sessions), 'session')}")
            for where in mistake.where[:3]:
                out.print(f"    - {escape(clipped(where, 110))}")
    minutes = [m for _, m in result.minutes_by_session]
    hints = [h for _, h in result.hints_by_session]
    out.print(
        f"Time to solution: {sum(minutes) / len(minutes):.0f} minutes a session on average;"
        f" hints used: {sum(hints)} in {counted(len(hints), 'session')}"
    )
    for phase, over in result.phase_overrun.items():
        if over > 0:
            out.print(f"  {phase}: {over / 60:.1f} minutes over budget on average")
    if result.drills:
        accuracy = (
            ""
            if result.drill_accuracy is None
            else f", {round(100 * result.drill_accuracy)}% within 2x"
        )
        out.print(f"Capacity drills: {result.drills}{accuracy}")
    if chart is not None:
        write_chart(result, chart)
        out.print(f"Chart written to {chart}")


def _markers_table(result: Progress) -> Table:
    """Communication markers by week: what an interviewer notices besides the design."""
    table = Table(
        title="Communication by week (means per session: minutes to the first clarifying"
        " question, assumptions stated, decisions with and without a reason, hints)",
        title_justify="left",
    )
    table.add_column("week", no_wrap=True)
    for label in MARKER_SERIES.values():
        table.add_column(label, justify="right")
    for week in result.weeks:
        means = result.markers_by_week.get(week, {})
        table.add_row(
            week,
            *[f"{means[key]:g}" if means.get(key) is not None else "-" for key in MARKER_SERIES],
        )
    return table


def write_chart(result: Progress, path: Path) -> None:
    """Scores by week on top, communication markers per session, then time per session."""
    import matplotlib

    matplotlib.use("Agg")
    # Keep SVG labels as text so the chart is searchable and readable by screen readers.
    matplotlib.rcParams["svg.fonttype"] = "none"
    import matplotlib.pyplot as plt

    figure, (top, middle, bottom) = plt.subplots(3, 1, figsize=(9, 10), constrained_layout=True)
    weeks = result.weeks
    top.plot(
        weeks, [result.overall_by_week[w] / 25 for w in weeks], linewidth=3, label="overall / 25"
    )
    for dim in DIMENSIONS:
        values = [result.dimension_by_week[w].get(dim) for w in weeks]
        if any(v is not None for v in values):
            top.plot(
                weeks,
                [v if v is not None else float("nan") for v in values],
                marker="o",
                linewidth=1,
                label=dim,
            )
    top.set_ylim(0, 4.2)
    top.set_ylabel("score (0-4)")
    top.set_title("Scores by week")
    top.legend(fontsize=7, ncol=4, loc="lower right")
    sessions = [str(m.session) for m in result.markers_by_session]
    for key, label in MARKER_SERIES.items():
        if key == "first_question_min":
            continue
        middle.plot(
            sessions, [getattr(m, key) for m in result.markers_by_session], marker="o", label=label
        )
    middle.set_ylabel("count per session")
    first = middle.twinx()
    first.plot(
        sessions,
        [
            m.first_question_min if m.first_question_min is not None else float("nan")
            for m in result.markers_by_session
        ],
        color="black",
        linestyle="--",
        marker="s",
        label=MARKER_SERIES["first_question_min"],
    )
    first.set_ylabel("minutes")
    middle.set_title("Communication markers per session")
    handles = middle.get_legend_handles_labels()
    first_handles = first.get_legend_handles_labels()
    middle.legend(
        handles[0] + first_handles[0],
        handles[1] + first_handles[1],
        fontsize=7,
        ncol=3,
        loc="upper left",
    )
    bottom.bar(sessions, [m for _, m in result.minutes_by_session], color="tab:blue")
    bottom.set_xlabel("session")
    bottom.set_ylabel("minutes")
    bottom.set_title("Time per session")
    try:
        figure.savefig(path)
    except OSError as exc:
        raise TradeoffError(f"{path}: cannot write the chart ({exc.strerror})") from None
    finally:
        plt.close(figure)


def plan(
    days: int = typer.Option(14, "--days", min=1, max=90, help="How many days to plan."),
    minutes_per_day: int = typer.Option(
        45, "--minutes-per-day", min=15, max=480, help="Study time you have each day."
    ),
    new_per_day: int | None = typer.Option(
        None,
        "--new-per-day",
        min=0,
        max=1000,
        help="New flashcards a day (default: the setting, else 20).",
    ),
    db: str | None = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite."),
) -> None:
    """A day-by-day plan from your weak topics, recurring mistakes and due flashcards."""
    from tradeoff.practice.user_decks import all_decks
    from tradeoff.services.plan import study_plan
    from tradeoff.store import Store, database_url

    with Store.open(database_url(db)) as store:
        days_plan = study_plan(
            store, default_catalog(), all_decks(), clock.now(), days=days,
            minutes_per_day=minutes_per_day, new_per_day=new_per_day,
        )  # fmt: skip
    out = console()
    for day in days_plan:
        out.print(f"[bold]{day.day.isoformat()}[/bold] ({day.minutes} min)")
        for item in day.items:
            out.print(f"  - {escape(item.what)} ({item.minutes} min): {escape(item.why)}")


def export_data(
    file: Path = typer.Argument(..., help="Where to write, e.g. tradeoff-backup.json"),
    db: str | None = typer.Option(None, "--db"),
) -> None:
    """Write all your data (sessions, drills, flashcards, your decks) to one JSON file.

    The file is written beside its target and renamed over it, so an older backup at
    that path survives a full disk or an interrupted export.
    """
    from tradeoff.practice.transfer import export_all, write_export
    from tradeoff.store import Store, database_url

    with Store.open(database_url(db)) as store:
        data = export_all(store)
    write_export(data, file)
    typer.echo(
        f"Exported {_counted(data, 'sessions', 'session')},"
        f" {_counted(data, 'drills', 'drill')}, {_counted(data, 'card_states', 'flashcard')},"
        f" {_counted(data, 'card_reviews', 'flashcard review')} and"
        f" {_counted(data, 'decks', 'deck')} of your own to {file}"
    )


def _counted(data: dict[str, Any], key: str, noun: str) -> str:
    return counted(len(data[key]), noun)


def import_data(
    file: Path = typer.Argument(..., help="A file written by tradeoff export"),
    db: str | None = typer.Option(None, "--db"),
) -> None:
    """Add the data from an export to this machine's store; what is already here is skipped.

    The whole file is checked before anything is written, and the database part is written
    in one transaction, so a bad file or an interrupted import leaves the store unchanged.
    """
    from tradeoff.practice.transfer import import_all, read_export
    from tradeoff.store import Store, database_url

    export = read_export(file)
    with Store.open(database_url(db)) as store:
        result = import_all(store, export)
    for line in import_summary(result, file):
        typer.echo(line)


def import_summary(result: Any, file: Path) -> list[str]:
    """What an import added, what it found already here, and decks it left alone."""
    names = {
        "sessions": "session",
        "drills": "drill",
        "card_states": "flashcard state",
        "card_reviews": "flashcard review",
    }

    def listed(counts: dict[str, int], decks: tuple[str, ...]) -> str:
        parts = [f"{n} {names[key]}{'' if n == 1 else 's'}" for key, n in counts.items() if n]
        if decks:
            parts.append(f"{len(decks)} deck{'' if len(decks) == 1 else 's'}")
        return ", ".join(parts) or "nothing"

    counts, decks = result.counts, result.decks
    lines = []
    if not result.changed:
        lines.append(
            f"Nothing to import: everything in {file} is already here"
            f" ({listed(counts.present, decks.present)})."
        )
    else:
        lines.append(f"Imported {listed(counts.added, decks.restored)} from {file}.")
        if any(counts.updated.values()):
            lines.append(f"Updated {listed(counts.updated, ())} reviewed later in the export.")
        if any(counts.present.values()) or decks.present:
            kept = listed(counts.present, decks.present)
            lines.append(f"Already here, left as they were: {kept}.")
    for deck_id in decks.kept:
        lines.append(
            f"Kept your deck {deck_id!r}: it differs from the one in {file}, which was not written."
        )
    return lines

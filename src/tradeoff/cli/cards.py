"""`tradeoff cards review|stats|export|import`: flashcards with spaced repetition."""

from __future__ import annotations

import hashlib
import html
import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from tradeoff.cli import clock
from tradeoff.cli.errors import FriendlyGroup
from tradeoff.cli.problems import console
from tradeoff.errors import TradeoffError
from tradeoff.practice.decks import Card, Deck
from tradeoff.practice.user_decks import all_decks, import_deck
from tradeoff.wording import counted

if TYPE_CHECKING:
    from tradeoff.practice.scheduler import Queue
    from tradeoff.store import Store

cards_app = typer.Typer(
    cls=FriendlyGroup, help="Flashcards with spaced repetition.", no_args_is_help=True
)
QUIT = "q"  # typed at the reveal prompt, stops the review


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


DeckOption = typer.Option(None, "--deck", help="Only this deck (e.g. concepts, numbers).")
TopicOption = typer.Option(None, "--topic", help="Only cards tagged with this topic.")
DbOption = typer.Option(None, "--db", help="A SQLAlchemy URL; default: local SQLite.")


NewPerDayOption = typer.Option(
    None,
    "--new-per-day",
    min=0,
    max=1000,
    help="New cards to introduce today (default: the setting, else 20).",
)


@cards_app.command("review")
def review(
    deck: str | None = DeckOption,
    topic: str | None = TopicOption,
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="At most N cards."),
    new_per_day: int | None = NewPerDayOption,
    db: str | None = DbOption,
) -> None:
    """Review the cards due now: Enter shows the answer, then rate it 1-4.

    Every seen card that is due comes up; new cards come in at a daily limit.
    """
    from tradeoff.services import cards as service
    from tradeoff.services.errors import ConflictError

    now = clock.now()
    cards = service.select_cards(all_decks(), deck, topic)
    per_day = service.per_day(new_per_day)
    out = console()
    with _open(db) as store:
        queue = service.todays_queue(store, cards, now, per_day)
        due = list(queue.cards)
        if not due:
            upcoming = service.next_due(cards, store.card_states())
            out.print(f"Nothing is due. {_next_due(upcoming, queue)}")
            return
        chosen = due[:limit] if limit is not None else due
        out.print(
            f"{_queue_summary(queue)}; reviewing {len(chosen)}."
            " Press Enter to see the answer, then rate it: 1 again, 2 hard, 3 good, 4 easy"
            f" ('{QUIT}' stops)."
        )
        done = 0
        try:
            for index, card in enumerate(chosen, start=1):
                label = " new" if index > len(queue.reviews) else ""
                out.print(f"\n[bold]{index}/{len(chosen)}[/bold] [dim]{card.deck}{label}[/dim]")
                out.print(f"Q: {escape(card.front)}")
                shown = _ask("(Enter to show the answer)")
                if shown is None or shown.strip().lower() == QUIT:
                    break
                out.print(f"A: {escape(card.back)}")
                rating = _ask_rating()
                if rating is None:
                    break
                if rating == "":
                    out.print("[dim]Skipped.[/dim]")
                    continue
                now = clock.now()  # the time of this rating
                try:
                    result = service.rate_due(store, card, rating, now, per_day)
                except ConflictError as exc:  # rated meanwhile in another window
                    out.print(f"[dim]Skipped: {escape(str(exc))}.[/dim]")
                    continue
                done += 1
                out.print(f"[dim]{rating}: next in {service.interval(result.due - now)}.[/dim]")
        except KeyboardInterrupt:
            out.print("\n[dim]Stopped; every rating so far is saved.[/dim]")
            raise typer.Exit(130) from None
        left = len(due) - done
        out.print(f"\nReviewed {done}; {left} still due today.")


def _queue_summary(queue: Queue) -> str:
    """'3 seen cards due and 20 new (of 238 not yet seen; 20 new a day, 0 started today)'."""
    seen = len(queue.reviews)
    summary = f"{seen} seen card{'s' if seen != 1 else ''} due"
    if queue.unseen:
        summary += (
            f" and {len(queue.new)} new (of {queue.unseen} not yet seen;"
            f" {queue.new_per_day} new a day, {queue.new_seen_today} started today)"
        )
    return summary


@cards_app.command("settings")
def settings(
    new_per_day: int | None = typer.Option(
        None, "--new-per-day", min=0, max=1000, help="Save a new daily limit for new cards."
    ),
) -> None:
    """Show (or, with an option, save) how many new cards a day reviews introduce."""
    from tradeoff.services.cards import load_new_per_day, save_new_per_day

    if new_per_day is not None:
        path = save_new_per_day(new_per_day)
        typer.echo(f"Saved to {path}: {new_per_day} new cards a day.")
        return
    current = load_new_per_day()
    where = "the default" if current.source == "default" else current.source
    typer.echo(f"New cards a day: {current.value} (from {where}).")


@cards_app.command("stats")
def stats(
    output: StatsFormat = typer.Option(
        StatsFormat.table, "--format", "-f", help="A table, or JSON for scripts."
    ),
    new_per_day: int | None = NewPerDayOption,
    db: str | None = DbOption,
) -> None:
    """Per deck: cards, seen cards due now, cards not yet seen, and reviewed at least once."""
    from tradeoff.services import cards as service

    now = clock.now()
    decks = all_decks()
    per_day = service.per_day(new_per_day)
    with _open(db) as store:
        states = store.card_states()
        queue = service.todays_queue(store, service.all_cards(decks), now, per_day)
    rows = {
        deck_id: dict(counts.__dict__)
        for deck_id, counts in service.deck_counts(decks, states, queue).items()
    }
    total = {key: sum(row[key] for row in rows.values()) for key in ("cards", "due", "new")}
    total["reviewed"] = sum(row["reviewed"] for row in rows.values())
    if output is StatsFormat.json:
        data = {
            "decks": rows,
            "total": total,
            "new_today": len(queue.new),
            "new_per_day": per_day,
            "now": now.isoformat(),
        }
        typer.echo(json.dumps(data, indent=2))
        return
    table = Table(title=f"Flashcards at {now:%Y-%m-%d %H:%M} UTC", title_justify="left")
    table.add_column("deck", no_wrap=True)
    table.add_column("title")
    for column in ("cards", "due", "new", "reviewed"):
        table.add_column(column, justify="right")
    for deck_id, row in rows.items():
        table.add_row(deck_id, escape(decks[deck_id].title), *(str(row[k]) for k in row))
    table.add_row("[bold]total[/bold]", "", *(f"[bold]{total[k]}[/bold]" for k in total))
    console().print(table)
    console().print(
        f"Today's review: {total['due']} due and {len(queue.new)} new"
        f" ({per_day} new a day, {queue.new_seen_today} started today)."
    )


@cards_app.command("export")
def export(
    anki: Path = typer.Option(..., "--anki", help="The .apkg file to write.", dir_okay=False),
    deck: str | None = DeckOption,
    topic: str | None = TopicOption,
) -> None:
    """Write the decks as an Anki package, one Anki deck per tradeoff deck."""
    from tradeoff.services.cards import select_cards  # fsrs is not needed, only the filter

    decks = all_decks()
    cards = select_cards(decks, deck, topic)
    if not anki.parent.is_dir():
        raise TradeoffError(f"no folder {anki.parent}; create it or choose another --anki path")
    write_apkg(anki, decks, cards)
    chosen = {card.deck for card in cards}
    console().print(
        f"Wrote {counted(len(cards), 'card')} in {counted(len(chosen), 'deck')}"
        f" to {escape(str(anki))}."
    )


@cards_app.command("import")
def import_(
    file: Path = typer.Argument(..., help="A deck file in the deck Markdown format."),
) -> None:
    """Copy your own deck into tradeoff's data folder, so reviews include it."""
    deck, replaced = import_deck(file)
    verb = "Replaced" if replaced else "Imported"
    console().print(
        f"{verb} deck {deck.id!r} ({escape(deck.title)}): {counted(len(deck.cards), 'card')}."
        f" Review it with: tradeoff cards review --deck {deck.id}"
    )


def write_apkg(path: Path, decks: dict[str, Deck], cards: list[Card]) -> None:
    """An Anki package whose deck, model and note ids are derived from names and card ids.

    Stable ids let Anki update notes on a second import instead of duplicating them.
    """
    import genanki  # type: ignore[import-untyped]

    model = genanki.Model(
        stable_id("tradeoff-basic"),
        "tradeoff basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
    )
    anki_decks: dict[str, Any] = {}
    for card in cards:
        if card.deck not in anki_decks:
            title = decks[card.deck].title
            anki_decks[card.deck] = genanki.Deck(
                stable_id(f"tradeoff-deck-{card.deck}"), f"tradeoff::{title}"
            )
        anki_decks[card.deck].add_note(
            genanki.Note(
                model=model,
                fields=[html.escape(card.front), html.escape(card.back)],
                tags=list(card.tags),
                guid=genanki.guid_for("tradeoff", card.id),
            )
        )
    try:
        genanki.Package(list(anki_decks.values())).write_to_file(str(path))
    except OSError as exc:
        raise TradeoffError(f"cannot write {path} ({exc.strerror}); choose another path") from None


def stable_id(name: str) -> int:
    """An id in the range genanki recommends (2^30..2^31), the same for the same name."""
    digest = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16)
    return (1 << 30) + digest % (1 << 30)


def _open(db: str | None) -> Store:
    """The store, imported here: SQLAlchemy costs a few hundred ms that export skips."""
    from tradeoff.store import Store, database_url

    return Store.open(database_url(db))


def _ask(prompt: str) -> str | None:
    """One line from the user; None at end of input (a closed pipe or Ctrl-D)."""
    typer.echo(f"{prompt} ", nl=False)
    line = sys.stdin.readline()
    if not line:
        typer.echo("")
        return None
    if not sys.stdin.isatty():
        typer.echo(line.rstrip("\n"))  # echo piped input so a transcript reads naturally
    return line.rstrip("\n")


def _ask_rating() -> str | None:
    """A rating name; "" when asked twice without a rating (skip); None at end of input."""
    from tradeoff.practice.scheduler import parse_rating

    for attempt in range(2):
        prompt = "Rate it (1 again, 2 hard, 3 good, 4 easy):"
        if attempt:
            prompt = "Type 1, 2, 3 or 4 (or again, hard, good, easy):"
        answer = _ask(prompt)
        if answer is None:
            return None
        rating = parse_rating(answer)
        if rating is not None:
            return rating
    return ""


def _next_due(upcoming: datetime | None, queue: Queue) -> str:
    """When the next card comes due, as a sentence; new cards wait for tomorrow."""
    sentences = []
    if upcoming is not None:
        sentences.append(f"The next card is due {upcoming:%Y-%m-%d %H:%M} UTC.")
    if queue.unseen:
        sentences.append(
            f"{queue.unseen} new cards wait; up to {queue.new_per_day} a day come in"
            " (change it with --new-per-day or 'tradeoff cards settings')."
        )
    return " ".join(sentences) or "No cards to review."

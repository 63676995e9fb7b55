"""Flashcard decks: the Markdown deck format, parsed with line numbers, and the numbers deck.

A deck file is a YAML front matter block (`deck`, `title`) and cards of `Q:`, `A:` and
`Tags:` lines separated by blank lines. Every error names the file and the 1-based line,
because a deck is written by hand and the line is what its author needs to fix it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from tradeoff.errors import TradeoffError
from tradeoff.files import FileTooLarge, NotRegularFile, read_bounded

DECKS_DIR = Path(str(resources.files("tradeoff.catalog") / "data" / "decks"))
NUMBERS = "numbers"  # the built-in deck generated from the reference-number table
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE = "---"
MAX_DECK_BYTES = 2 * 1024 * 1024  # the largest built-in deck is ~64 KB
QUESTION, ANSWER, TAGS = "Q:", "A:", "Tags:"


class DeckError(TradeoffError):
    """A deck file that does not follow the deck format; the message names file and line."""


@dataclass(frozen=True)
class Card:
    """One flashcard; `id` hashes deck and front, so review history survives edits to the back.

    `line` is the 1-based line of the card's `Q:` in its file (for generated cards, their
    position in the deck).
    """

    id: str
    deck: str
    front: str
    back: str
    tags: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Deck:
    """A named list of cards; `path` is None for a deck generated in code."""

    id: str
    title: str
    cards: tuple[Card, ...]
    path: Path | None = None
    tags: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", frozenset(t for c in self.cards for t in c.tags))


def card_id(deck: str, front: str) -> str:
    """A stable 12-hex-digit id; whitespace is collapsed so re-wrapping a question keeps it."""
    text = f"{deck}\n{' '.join(front.split())}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def load_decks(folder: Path = DECKS_DIR, *, label_with_path: bool = False) -> dict[str, Deck]:
    """Every `*.md` deck in `folder` (none if it does not exist), by deck id.

    Two files declaring the same deck id are an error: the second would hide the first.
    `label_with_path` names files by full path in errors (for decks outside the package,
    whose author needs to find them).
    """
    decks: dict[str, Deck] = {}
    if not folder.is_dir():
        return decks
    for path in sorted(folder.glob("*.md")):
        deck = read_deck(path, label=str(path) if label_with_path else path.name)
        if deck.id in decks:
            other = decks[deck.id].path
            raise DeckError(
                f"{path if label_with_path else path.name} line 2: deck id {deck.id!r} is"
                f" already used by {other.name if other else 'another deck'}; rename one"
            )
        decks[deck.id] = deck
    return decks


def read_deck(path: Path, label: str | None = None) -> Deck:
    """Read and parse one deck file; unreadable files are DeckErrors too."""
    name = label or path.name
    try:
        text = read_bounded(path, MAX_DECK_BYTES).decode("utf-8")
    except NotRegularFile:
        raise DeckError(
            f"{name}: not a regular file (a pipe or device); pass a deck file"
        ) from None
    except FileTooLarge:
        raise DeckError(
            f"{name}: larger than {MAX_DECK_BYTES // 1_048_576} MB; not a deck of flashcards"
        ) from None
    except FileNotFoundError:
        raise DeckError(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise DeckError(f"{name} is a folder; pass a deck file (.md)") from None
    except UnicodeDecodeError:
        raise DeckError(f"{name}: not UTF-8 text; save the deck as UTF-8 Markdown") from None
    except OSError as exc:
        raise DeckError(f"{name}: cannot read it ({exc.strerror}); check its permissions") from None
    return parse_deck(text, name, path=path)


def parse_deck(text: str, name: str, path: Path | None = None) -> Deck:
    """Parse deck Markdown; `name` labels errors ("mydeck.md line 14: ...")."""
    lines = text.splitlines()
    deck_id, title, body_start = _front_matter(lines, name)
    cards = _cards(lines, body_start, deck_id, name)
    if not cards:
        raise DeckError(f"{name} line {body_start + 1}: the deck has no cards; add 'Q:'/'A:' pairs")
    return Deck(id=deck_id, title=title, cards=tuple(cards), path=path)


def _front_matter(lines: list[str], name: str) -> tuple[str, str, int]:
    """(deck id, title, index of the first body line) from the leading `---` block."""
    if not lines or lines[0].strip() != FENCE:
        raise DeckError(
            f"{name} line 1: a deck starts with front matter: '---', 'deck: <id>',"
            " 'title: <title>', '---'"
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise DeckError(
            f"{name} line 1: the front matter is not closed; add a '---' line"
        ) from None
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + (mark.line if mark is not None else 0)
        raise DeckError(f"{name} line {line}: the front matter is not valid YAML") from None
    except RecursionError:  # the YAML composer recurses per level of nesting
        raise DeckError(
            f"{name} line 2: the front matter is nested too deeply; it holds only"
            " 'deck: <id>' and 'title: <title>'"
        ) from None
    if not isinstance(meta, dict):
        raise DeckError(f"{name} line 2: the front matter needs 'deck: <id>' and 'title: <title>'")
    unknown = sorted(str(key) for key in meta if key not in ("deck", "title"))
    if unknown:
        raise DeckError(
            f"{name} line 2: unknown front matter key {unknown[0]!r}; only 'deck' and 'title'"
        )
    deck_id, title = meta.get("deck"), meta.get("title")
    if not isinstance(deck_id, str) or not SLUG.match(deck_id):
        raise DeckError(
            f"{name} line {_key_line(lines, end, 'deck')}: 'deck' must be a lower-case slug"
            " such as 'my-deck'"
        )
    if not isinstance(title, str) or not title.strip():
        raise DeckError(f"{name} line {_key_line(lines, end, 'title')}: add a 'title: <title>'")
    return deck_id, title.strip(), end + 1


def _key_line(lines: list[str], end: int, key: str) -> int:
    """The 1-based line of `key:` in the front matter, or its first line if absent."""
    for index in range(1, end):
        if lines[index].lstrip().startswith(f"{key}:"):
            return index + 1
    return 2


@dataclass
class _Draft:
    """A card being read: its parts so far and the lines they started on."""

    line: int
    front: list[str] = field(default_factory=list)
    back: list[str] | None = None
    tags: tuple[str, ...] | None = None


def _starts(line: str, prefix: str) -> bool:
    return line == prefix or line.startswith(prefix + " ")


def _cards(lines: list[str], start: int, deck_id: str, name: str) -> list[Card]:
    """Read the body line by line; a small state machine keeps each error at its line."""
    cards: list[Card] = []
    fronts: dict[str, int] = {}
    draft: _Draft | None = None
    blank_before = True

    def finish(current: _Draft) -> None:
        if current.back is None:
            raise DeckError(f"{name} line {current.line}: a card needs an 'A:' line after 'Q:'")
        front = " ".join(" ".join(current.front).split())
        back = " ".join(" ".join(current.back).split())
        if not front:
            raise DeckError(f"{name} line {current.line}: the question after 'Q:' is empty")
        if not back:
            raise DeckError(f"{name} line {current.line}: the answer after 'A:' is empty")
        key = front.casefold()
        if key in fronts:
            raise DeckError(
                f"{name} line {current.line}: the same question is on line {fronts[key]};"
                " questions must be unique in a deck"
            )
        fronts[key] = current.line
        cards.append(
            Card(
                id=card_id(deck_id, front),
                deck=deck_id,
                front=front,
                back=back,
                tags=current.tags or (),
                line=current.line,
            )
        )

    for index in range(start, len(lines)):
        number = index + 1
        line = lines[index].strip()
        if not line:
            blank_before = True
            continue
        if _starts(line, QUESTION):
            if draft is not None:
                if draft.back is not None and not blank_before:
                    raise DeckError(
                        f"{name} line {number}: leave a blank line before the next 'Q:'"
                    )
                finish(draft)
            draft = _Draft(line=number, front=[line[len(QUESTION) :]])
        elif draft is None:
            raise DeckError(f"{name} line {number}: expected a card starting with 'Q: '")
        elif _starts(line, ANSWER):
            if draft.back is not None:
                raise DeckError(f"{name} line {number}: a second 'A:' in one card; one answer each")
            draft.back = [line[len(ANSWER) :]]
        elif _starts(line, TAGS):
            if draft.back is None:
                raise DeckError(f"{name} line {draft.line}: a card needs an 'A:' line after 'Q:'")
            if draft.tags is not None:
                raise DeckError(f"{name} line {number}: a second 'Tags:' line; one per card")
            draft.tags = _tags(line[len(TAGS) :], name, number)
        elif draft.tags is not None:
            raise DeckError(
                f"{name} line {number}: text after 'Tags:' belongs to no card;"
                " start a card with 'Q: '"
            )
        elif draft.back is not None:
            draft.back.append(line)
        else:
            draft.front.append(line)
        blank_before = False
    if draft is not None:
        finish(draft)
    return cards


def _tags(text: str, name: str, number: int) -> tuple[str, ...]:
    """Comma-separated lower-case slugs, de-duplicated in order."""
    tags: list[str] = []
    for raw in text.split(","):
        tag = raw.strip()
        if not tag:
            continue
        if not SLUG.match(tag):
            raise DeckError(
                f"{name} line {number}: tag {tag!r} is not a lower-case slug"
                " (letters, digits and '-', e.g. consistent-hashing)"
            )
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)


def numbers_deck() -> Deck:
    """The reference-number table as cards, one per entry, so the figures are drilled too.

    Generated rather than written: the table is the single source, and a changed figure
    changes its card (the front names the year, so a new table year makes new cards).
    """
    from tradeoff.estimate.reference import reference_table

    table = reference_table()
    cards = []
    for position, number in enumerate(table.numbers, start=1):
        front = f"What is a typical {number.name} (as of {table.as_of})?"
        back = (
            f"{number.shown()}; typical range {number.range}. Source: {number.source.rstrip('.')}."
        )
        cards.append(
            Card(
                id=card_id(NUMBERS, front),
                deck=NUMBERS,
                front=front,
                back=back,
                tags=(number.topic, NUMBERS) if number.topic != NUMBERS else (NUMBERS,),
                line=position,
            )
        )
    return Deck(id=NUMBERS, title="Reference numbers", cards=tuple(cards))


def builtin_decks(folder: Path = DECKS_DIR) -> dict[str, Deck]:
    """The packaged deck files plus the generated numbers deck."""
    decks = load_decks(folder)
    if NUMBERS in decks:
        path = decks[NUMBERS].path
        raise DeckError(
            f"{path.name if path else NUMBERS} line 2: deck id {NUMBERS!r} is reserved for"
            " the reference numbers; rename the deck"
        )
    decks[NUMBERS] = numbers_deck()
    return decks

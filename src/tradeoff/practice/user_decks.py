"""The user's own decks: where they live, importing one, and every deck a review can use.

Imported decks are copied (not linked) into the user data folder, so the original file
can move or change without breaking reviews; importing the same deck id again replaces it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir

from tradeoff.files import read_bounded
from tradeoff.practice.decks import (
    DECKS_DIR,
    MAX_DECK_BYTES,
    Deck,
    DeckError,
    builtin_decks,
    load_decks,
    read_deck,
)


def user_decks_dir() -> Path:
    """`<user data folder>/decks`; not created here, only when a deck is imported."""
    return Path(user_data_dir("tradeoff")) / "decks"


def all_decks(packaged: Path = DECKS_DIR, user_folder: Path | None = None) -> dict[str, Deck]:
    """Packaged decks, the numbers deck, then the user's decks, by id.

    A user deck whose id clashes with a built-in one is refused rather than hidden, so its
    owner learns why its cards never show up.
    """
    decks = builtin_decks(packaged)
    folder = user_decks_dir() if user_folder is None else user_folder
    for deck_id, deck in load_decks(folder, label_with_path=True).items():
        if deck_id in decks:
            raise DeckError(
                f"{deck.path} line 2: deck id {deck_id!r} is a built-in deck;"
                " rename the deck in that file or delete it"
            )
        decks[deck_id] = deck
    return decks


def import_deck(
    source: Path, packaged: Path = DECKS_DIR, user_folder: Path | None = None
) -> tuple[Deck, bool]:
    """Validate `source` and copy it to the user deck folder as `<deck id>.md`.

    Returns the deck and whether it replaced an earlier import. Nothing is written unless
    the whole file parses and its id is free; the copy goes through a temporary file and a
    rename, so a crash never leaves half a deck behind.
    """
    deck = read_deck(source, label=source.name)
    if deck.id in builtin_decks(packaged):
        raise DeckError(
            f"{source.name} line 2: deck id {deck.id!r} is a built-in deck;"
            " choose another 'deck:' id"
        )
    folder = user_decks_dir() if user_folder is None else user_folder
    target = folder / f"{deck.id}.md"
    for other in load_decks(folder, label_with_path=True).values():
        if other.id == deck.id and other.path is not None and other.path != target:
            raise DeckError(
                f"{other.path} already holds deck {deck.id!r}; delete it or choose another id"
            )
    replaced = target.exists()
    try:  # the bytes as written (BOM, line ends); bounded and checked again
        data = read_bounded(source, MAX_DECK_BYTES)
    except OSError as exc:
        raise DeckError(f"{source.name}: cannot read it ({exc.strerror})") from None
    write_atomically(folder, target, data)
    return deck, replaced


def write_atomically(folder: Path, target: Path, data: bytes) -> None:
    """Write `target` through a temporary file and a rename: a crash leaves no half deck."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".import-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DeckError(
            f"cannot write {target} ({exc.strerror}); check the folder's permissions"
        ) from None


def user_deck_texts(user_folder: Path | None = None) -> list[tuple[str, str]]:
    """(deck id, file text) of every deck in the user's folder, for `tradeoff export`.

    The decks are parsed first, so a broken deck stops the export with its line rather
    than travelling into a backup that cannot be restored.
    """
    folder = user_decks_dir() if user_folder is None else user_folder
    out = []
    for deck_id, deck in sorted(load_decks(folder, label_with_path=True).items()):
        assert deck.path is not None
        try:
            out.append((deck_id, deck.path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise DeckError(f"{deck.path}: cannot read it ({exc.strerror})") from None
    return out


def restore_deck(
    deck: Deck, text: str, user_folder: Path | None = None
) -> Literal["restored", "present", "kept"]:
    """Put a deck from an export back in the user's folder, unless it is already there.

    A local deck with the same id and the same text is "present"; one with other text is
    "kept": the local copy may hold edits made since the export, and overwriting a file
    the user wrote is not an import's call.
    """
    folder = user_decks_dir() if user_folder is None else user_folder
    local = load_decks(folder, label_with_path=True).get(deck.id)
    if local is not None and local.path is not None:
        try:
            same = local.path.read_text(encoding="utf-8") == text
        except OSError:
            same = False
        return "present" if same else "kept"
    write_atomically(folder, folder / f"{deck.id}.md", text.encode("utf-8"))
    return "restored"

"""Read a design file from disk and parse it into a DesignDoc, refusing what is not a design."""

from __future__ import annotations

from pathlib import Path

from tradeoff.design.bounded import bounded_lines
from tradeoff.design.excalidraw import drawing_lines, parse_excalidraw
from tradeoff.design.extract import find_code_classes, find_endpoints, find_entities
from tradeoff.design.markdown import find_comment_lines, find_fences, find_sections
from tradeoff.design.mermaid import parse_mermaid
from tradeoff.design.model import DesignDoc, Notice
from tradeoff.design.transcript import find_turns
from tradeoff.errors import TradeoffError
from tradeoff.files import FileTooLarge, NotRegularFile, read_bounded

MAX_BYTES = 2 * 1024 * 1024  # a long design is ~30 KB; 2 MB leaves room and refuses dumps


class DesignFileError(TradeoffError):
    """A design file that cannot be reviewed at all (missing, empty, binary, too large)."""


def load_design(path: Path) -> DesignDoc:
    """Read `path` (Markdown, text, transcript or .excalidraw) into a parsed design.

    A FIFO or a device is refused before it is read, and nothing past the size limit is
    read: `stat` says 0 bytes for /dev/zero, so its size is no guide.
    """
    text = decode(read_design_bytes(path), str(path))
    if path.suffix.lower() == ".excalidraw":
        diagram, notices = parse_excalidraw(text, path.name)
        # The board's text is the design's lines, so its labels count as Mermaid labels do.
        doc = DesignDoc(source=str(path), lines=drawing_lines(diagram))
        doc.diagrams.append(diagram)
        doc.notices.extend(notices)
        return doc
    return parse_design(text, str(path))


def read_design_bytes(path: Path) -> bytes:
    """The bytes of a design file, or a one-line DesignFileError saying what to do: used by
    `review` and by `/design` in an interview, so a FIFO or /dev/zero is refused alike."""
    try:
        return read_bounded(path, MAX_BYTES)
    except FileNotFoundError:
        raise DesignFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DesignFileError(f"{path}: is a folder; give the design file inside it") from None
    except NotRegularFile:
        raise DesignFileError(
            f"{path}: is not a regular file (a pipe or device); save the design to a file"
        ) from None
    except FileTooLarge:
        raise DesignFileError(
            f"{path}: too large for a design document (limit {MAX_BYTES // 1_048_576} MB);"
            " review the text, not attachments"
        ) from None
    except OSError as exc:
        raise DesignFileError(f"{path}: cannot read ({exc.strerror})") from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text or a clear refusal; NUL bytes mean a binary file, not a design."""
    if not data.strip():
        raise DesignFileError(
            f"{name}: is empty; write your design in it ('tradeoff new FILE' gives a template)"
        )
    if b"\x00" in data[:8192]:
        raise DesignFileError(f"{name}: looks like a binary file; give a Markdown or text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DesignFileError(
            f"{name}: is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again"
        ) from None


def parse_design(text: str, source: str = "<text>") -> DesignDoc:
    """Parse Markdown or plain text: fences, Mermaid diagrams, sections, turns, endpoints."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines, unread = bounded_lines(lines)
    doc = DesignDoc(source=source, lines=lines, unread=unread)
    fences = find_fences(lines)
    for fence in fences:
        doc.code_lines.update(range(fence.start, fence.end + 1))
        if not fence.closed:
            doc.notices.append(
                Notice(fence.start, "a fenced block is never closed; the rest of the file is in it")
            )
        body = [(n, lines[n - 1]) for n in fence.body_lines()]
        if fence.info == "mermaid":
            diagram, notices = parse_mermaid(body, fence.start, fence.end)
            doc.diagrams.append(diagram)
            doc.notices.extend(notices)
    doc.comment_lines = find_comment_lines(lines, doc.code_lines)
    doc.sections = find_sections(lines, doc.code_lines | doc.comment_lines)
    doc.turns = find_turns(lines)
    all_lines = list(enumerate(lines, start=1))
    doc.endpoints = find_endpoints(all_lines)
    code = [(f.start + 1, f.end - 1 if f.closed else f.end) for f in fences if f.info != "mermaid"]
    doc.classes = find_code_classes(lines, code)
    doc.entities = find_entities(all_lines)
    return doc

"""Pull structured facts out of prose: API endpoints with their methods and paths."""

from __future__ import annotations

import re

from tradeoff.design.model import ClassDef, Endpoint, Entity

_CURL = re.compile(
    r"curl\b.*?(?:-X\s*|--request\s+)(GET|POST|PUT|PATCH|DELETE)\b.*?https?://[^/\s'\"]+(/[^\s'\"?]*)",
    re.I,
)
_CURL_GET = re.compile(r"curl\s+(?!.*-X)['\"]?https?://[^/\s'\"]+(/[^\s'\"?]*)", re.I)
# The method and its path side by side, or in adjacent cells of a table of routes
# ("| POST | /v1/query | ... |").
_ENDPOINT = re.compile(
    r"(?<![A-Za-z])(GET|POST|PUT|PATCH|DELETE|HEAD)(?:\s+|\s*`?\s*\|\s*)`?(/[\w{}:/.\-?=&<>*]*)",
)


def find_endpoints(lines: list[tuple[int, str]]) -> list[Endpoint]:
    """HTTP endpoints written as `GET /path` anywhere, including tables and code blocks."""
    found: list[Endpoint] = []
    for number, text in _join_continuations(lines):
        # Each pattern needs a character most lines lack: a path's "/", a URL's "://". The
        # test is a substring search; the patterns are tried at every position of the line.
        if "/" not in text:
            continue
        for match in _ENDPOINT.finditer(text):
            found.append(Endpoint(match.group(1), match.group(2).rstrip("`.,"), number))
        if "://" not in text:
            continue
        for match in _CURL.finditer(text):
            found.append(Endpoint(match.group(1).upper(), match.group(2), number))
        for match in _CURL_GET.finditer(text):
            found.append(Endpoint("GET", match.group(1), number))
    return found


def _join_continuations(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Shell commands split with a trailing backslash read as one line, at the first line."""
    out: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, text in lines:
        if pending is not None:
            pending = (pending[0], pending[1] + " " + text.strip())
        else:
            pending = (number, text)
        if not text.rstrip().endswith("\\"):
            out.append(pending)
            pending = None
        else:
            pending = (pending[0], pending[1].rstrip().rstrip("\\"))
    if pending is not None:
        out.append(pending)
    return out


_CLASS_HEAD = re.compile(
    r"^(\s*)(?:export\s+)?(?:public\s+|private\s+)?(?:(abstract)\s+)?"
    r"(class|interface|enum|record|struct)\s+([A-Z]\w*)"
)
_METHOD = re.compile(r"^\s*(?:[+#~-]\s*)?(?:[\w<>\[\],.? ]+\s+)?(\w+)\s*\([^)]*\)")


def find_code_classes(lines: list[str], spans: list[tuple[int, int]]) -> list[ClassDef]:
    """Classes written in code blocks, with the methods and fields declared in their bodies.

    Brace-delimited bodies (Java, TypeScript, C#) and indented bodies (Python) are both read,
    including bodies that start or end on the class's own line.
    """
    found: list[ClassDef] = []
    for start, end in spans:
        number = start
        while number <= end:
            text = lines[number - 1]
            head = _CLASS_HEAD.match(text)
            if head is None:
                number += 1
                continue
            indent, abstract, keyword, name = head.groups()
            kind = "interface" if keyword == "interface" or abstract else keyword
            head_line = number
            body, number = _class_body(lines, number, end, text[head.end() :], len(indent))
            methods = tuple(m.group(1) for m in map(_METHOD.match, body) if m)
            fields = tuple(b for b in body if not _METHOD.match(b))
            found.append(ClassDef(name, head_line, methods, fields, kind))
    return found


def _members(text: str) -> list[str]:
    return [m.strip() for m in text.split(";") if m.strip() and m.strip() not in ("{", "}")]


def _class_body(
    lines: list[str], number: int, end: int, rest: str, indent: int
) -> tuple[list[str], int]:
    """The member lines of the class whose head is line `number`, and the line after it."""
    if "{" in rest:
        inner = rest[rest.index("{") + 1 :]
        depth = 1 + inner.count("{") - inner.count("}")
        body = _members(inner.rsplit("}", 1)[0] if depth <= 0 else inner)
        number += 1
        while number <= end and depth > 0:
            text = lines[number - 1]
            depth += text.count("{") - text.count("}")
            kept = text if depth > 0 else text.rsplit("}", 1)[0]
            if kept.strip():
                body.extend(_members(kept) if ";" in kept else [kept.strip()])
            number += 1
        return [b for b in body if b not in ("{", "}")], number
    body = []
    number += 1
    while number <= end:
        text = lines[number - 1]
        if text.strip() and len(text) - len(text.lstrip()) <= indent:
            break
        stripped = text.strip()
        if stripped.startswith("def "):
            body.append(stripped.removeprefix("def "))
        elif stripped and re.match(r"^\w+\s*:\s*[\w\[\]., |]+(\s*=.*)?$", stripped):
            body.append(stripped)  # an annotated attribute: "spots: list[Spot]"
        number += 1
    return body, number


_TUPLE = re.compile(r"`?\b([a-z][a-z0-9_]{2,40})\s*\(([a-z_][\w ,()<>:*-]{3,300})\)`?", re.I)
_CREATE = re.compile(r"\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?[`\"]?(\w+)", re.I)
_KEY_MARK = re.compile(r"\b(pk|primary key|partition key|sort key|clustering key|hash key)\b", re.I)


# A list item whose bold label names a record and whose text lists its fields: "- **Object
# Metadata**: Object key, version ID, size, content type, checksums (MD5/SHA256)".
_RECORD_ITEM = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])\s+\*\*(?P<name>[A-Za-z][\w-]*(?: [\w-]+){0,3}? (?:metadata|record"
    r"|entity|row|document|schema))\s*(?:\*\*\s*:|:\s*\*\*)\s*(?P<fields>.+)$",
    re.I,
)
_FIELD_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_PARENTHESES = re.compile(r"\([^()]*\)")
_FIELD_NAME = re.compile(r"[\w/+-]+(?: [\w/+-]+){0,3}")


def _record_item(text: str, number: int) -> Entity | None:
    """A record laid out as a labelled list of its fields, four or more short names; a
    label over a sentence ("**Object Metadata**: Stores bucket and object metadata in each
    region.") is none. A field named "key" or "ID", alone or after the record's name ("Object
    key" of "Object Metadata"), or said to be unique, is its key."""
    found = _RECORD_ITEM.match(text)
    if found is None:
        return None
    plain = _PARENTHESES.sub("", found.group("fields")).strip().rstrip(".").replace("*", "")
    fields = [f.strip() for f in _FIELD_SPLIT.split(plain) if f.strip()]
    if len(fields) < 4 or not all(_FIELD_NAME.fullmatch(f) for f in fields):
        return None
    subject = found.group("name").split()[0].lower()
    keys = tuple(
        f
        for f in fields
        if re.fullmatch(
            rf"(?:{re.escape(subject)}[ _-]?)?(?:key|id)|{re.escape(subject)}[ _-]?name", f, re.I
        )
        or re.search(r"\bunique\b", f, re.I)
    )
    return Entity(found.group("name"), number, tuple(fields), keys)


def find_entities(lines: list[tuple[int, str]]) -> list[Entity]:
    """Entities written the ways candidates write them, with the fields marked as keys.

    `messages(message_id PK, conversation_id, sent_at)` in prose or code, and
    `CREATE TABLE links (...)` with its column lines, are both read, and so is a list item
    whose bold label names a record over the list of its fields (`_record_item`). Function
    calls with arguments that are not identifiers (`hash(url) % 62`) are not entities.
    """
    found: list[Entity] = []
    numbered = list(lines)
    for index, (number, text) in enumerate(numbered):
        if "**" in text and ":" in text:
            record = _record_item(text, number)
            if record is not None:
                found.append(record)
                continue
        # Both forms need a "(" on the line or, for CREATE TABLE, the word "table"; the
        # patterns, tried at every word of the line, are skipped on the lines without.
        if "(" not in text and "table" not in text.lower():
            continue
        create = _CREATE.search(text)
        if create:
            fields, keys = _create_body(numbered[index:])
            found.append(Entity(create.group(1), number, fields, keys))
            continue
        for match in _TUPLE.finditer(text):
            parts = [p.strip() for p in match.group(2).split(",")]
            names = [re.split(r"[\s:(]", p, maxsplit=1)[0] for p in parts if p]
            if len(names) < 2 or not all(re.fullmatch(r"[a-z_]\w*", n, re.I) for n in names):
                continue
            keys = tuple(n for n, p in zip(names, parts, strict=True) if _KEY_MARK.search(p))
            found.append(Entity(match.group(1), number, tuple(names), keys))
    return found


def _create_body(rest: list[tuple[int, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    fields: list[str] = []
    keys: list[str] = []
    for _, text in rest[1:40]:
        stripped = text.strip().rstrip(",")
        if stripped.startswith(")") or not stripped:
            break
        key_clause = re.match(r"primary\s+key\s*\(([^)]*)\)", stripped, re.I)
        if key_clause:
            keys += [k.strip(' `"') for k in key_clause.group(1).split(",")]
            continue
        name = re.match(r"[`\"]?(\w+)", stripped)
        if name:
            fields.append(name.group(1))
            if _KEY_MARK.search(stripped):
                keys.append(name.group(1))
    return tuple(fields), tuple(keys)

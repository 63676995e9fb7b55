"""Capacity annotations a candidate writes in a node label, an edge label or a table.

Node labels: `API[API x4 @ 2ms w=8]`, `Cache[(Redis hit=90%)]`, `DB[(Postgres @ 20k/s r=3)]`.
Edge labels: `async`, `reply`, `x3` (fan-out), `p=0.3` or `30%` (routing share).
A table with a `node` column and any of the columns below sets the same figures per row.
What cannot be read becomes a Finding at its line; it never stops the simulation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

_NUM = r"\d+(?:[.,]\d+)?(?:\s*[kKmM](?![sS]))?"
_DURATION_UNITS = {"us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0, "sec": 1.0}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(us|µs|μs|ms|s|sec)\s*$", re.I)
_RATE = re.compile(
    r"^\s*(" + _NUM + r")\s*(?:/\s*s(?:ec)?|rps|qps|ops/s|req/s|requests/s|ops)\s*$", re.I
)
_INSTANCES = re.compile(r"(?<![\w.])(?:x|×)\s?(\d+)\b|\b(\d+)\s*(?:x|×)(?![\w])", re.I)
_PAIR = re.compile(r"\b([A-Za-z][\w-]*)\s*=\s*([^\s,;]+)")
_HIT_WORDS = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*%\s*hits?\b|\bhit(?: ratio| rate)?\s+(\d+(?:\.\d+)?%?)", re.I
)

# key aliases -> canonical field
NODE_KEYS = {
    "x": "instances", "instances": "instances", "n": "instances", "nodes": "instances",
    "w": "workers", "workers": "workers", "threads": "workers", "concurrency": "workers",
    "hit": "hit", "hits": "hit", "hit_ratio": "hit", "hitratio": "hit",
    "r": "replicas", "replicas": "replicas", "rf": "replicas",
    "queue": "queue", "q": "queue", "timeout": "timeout", "cv": "cv",
    "avail": "availability", "availability": "availability", "share": "share",
    "service": "service", "latency": "service", "rate": "rate", "throughput": "rate",
}  # fmt: skip
EDGE_KEYS = {"p": "p", "prob": "p", "fanout": "fanout", "fan-out": "fanout", "x": "fanout"}


@dataclass(frozen=True)
class Finding:
    """Something in the design the simulator could not use, at its line."""

    line: int | None
    message: str

    def shown(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class NodeSpec:
    """The capacity figures written for one node; None where the candidate wrote nothing."""

    name: str
    instances: int | None = None
    workers: int | None = None
    service: float | None = None  # mean seconds per request on one worker
    rate: float | None = None  # requests per second per instance
    hit: float | None = None
    replicas: int | None = None
    queue: int | None = None
    timeout: float | None = None
    cv: float | None = None
    availability: float | None = None
    share: float | None = None
    lines: dict[str, int | None] = field(default_factory=dict)  # field -> line it came from

    def merged(self, other: NodeSpec) -> NodeSpec:
        """`other`'s figures where it has them (a table row over a label), else ours."""
        values = {name: getattr(other, name) for name in FIELDS if getattr(other, name) is not None}
        return replace(self, **values, lines={**self.lines, **other.lines})


FIELDS = (
    "instances", "workers", "service", "rate", "hit", "replicas", "queue", "timeout", "cv",
    "availability", "share",
)  # fmt: skip


@dataclass(frozen=True)
class EdgeSpec:
    sync: bool = True
    reply: bool = False
    fanout: int = 1
    p: float | None = None


def number(text: str) -> float:
    """'20k' -> 20000, '1.5M' -> 1.5e6, '2,000' -> 2000; ValueError otherwise."""
    clean = text.strip().replace(",", "").replace("_", "")
    scale = 1.0
    if clean[-1:] in "kK":
        scale, clean = 1e3, clean[:-1]
    elif clean[-1:] in "mM":
        scale, clean = 1e6, clean[:-1]
    return float(clean.strip()) * scale


def duration(text: str) -> float:
    match = _DURATION.match(text)
    if not match:
        raise ValueError(text)
    return float(match.group(1)) * _DURATION_UNITS[match.group(2).lower()]


def fraction(text: str) -> float:
    text = text.strip()
    value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


def _count(text: str) -> int:
    value = number(text)
    if value != int(value) or value < 0:
        raise ValueError(text)
    return int(value)


def _rate_or_time(text: str) -> tuple[str, float]:
    """`@ 2ms` is a service time; `@ 5k/s` a throughput per instance."""
    try:
        return "service", duration(text)
    except ValueError:
        pass
    match = _RATE.match(text)
    if match:
        return "rate", number(match.group(1))
    raise ValueError(text)


_PARSERS: dict[str, Callable[[str], float | int]] = {
    "instances": _count, "workers": _count, "replicas": _count, "queue": _count,
    "hit": fraction, "availability": fraction, "share": fraction, "cv": float,
    "timeout": duration, "service": duration,
    "rate": lambda text: number(_RATE.sub(r"\1", text)) if _RATE.match(text) else number(text),
}  # fmt: skip


def parse_node_label(label: str, line: int | None) -> tuple[str, NodeSpec, list[Finding]]:
    """The label without its annotations, the figures it carries, and what did not parse."""
    findings: list[Finding] = []
    values: dict[str, float | int] = {}
    name = label

    def setv(key: str, text: str) -> None:
        try:
            values[key] = _PARSERS[key](text)
        except (ValueError, IndexError):
            findings.append(Finding(line, f"cannot read {key} {text!r} in {label!r}"))

    for match in list(_PAIR.finditer(label)):
        key = match.group(1).lower()
        if key not in NODE_KEYS:
            known = ", ".join(sorted({"hit", "replicas", "workers", "queue", "timeout", "cv"}))
            findings.append(
                Finding(line, f"unknown annotation {match.group(0)!r} in {label!r} (use {known})")
            )
        else:
            setv(NODE_KEYS[key], match.group(2))
        name = name.replace(match.group(0), " ")
    at = re.search(r"@\s*([^@]*?)\s*(?=(?:x|×)\s?\d|$)", name)
    if at:
        try:
            key, value = _rate_or_time(at.group(1))
            values[key] = value
        except ValueError:
            findings.append(
                Finding(
                    line,
                    f"cannot read '@ {at.group(1).strip()}' in {label!r}: write a service time"
                    " (@ 2ms) or a throughput per instance (@ 5k/s)",
                )
            )
        name = name.replace(at.group(0), " ")
    inst = _INSTANCES.search(name)
    if inst:
        setv("instances", inst.group(1) or inst.group(2))
        name = name.replace(inst.group(0), " ")
    hit = _HIT_WORDS.search(name)
    if hit:
        setv("hit", (hit.group(1) + "%") if hit.group(1) else hit.group(2))
        name = name.replace(hit.group(0), " ")
    clean = re.sub(r"\s+", " ", name).strip(" ,;-") or label
    lines: dict[str, int | None] = dict.fromkeys(values, line)
    return clean, NodeSpec(clean, lines=lines, **values), findings  # type: ignore[arg-type]


def parse_edge_label(label: str, line: int | None) -> tuple[EdgeSpec, list[Finding]]:
    """sync/async, reply, fan-out and routing share from an edge's label."""
    text = label.lower()
    findings: list[Finding] = []
    spec = EdgeSpec(
        sync=not re.search(r"\basync|\bpublish|\benqueue|\bfire.and.forget", text),
        reply=bool(re.search(r"\b(reply|replies|response|responses|return|returns|ack)\b", text)),
    )
    for match in _PAIR.finditer(text):
        key = EDGE_KEYS.get(match.group(1))
        if key is None:
            continue
        try:
            if key == "p":
                spec = replace(spec, p=fraction(match.group(2)))
            else:
                spec = replace(spec, fanout=max(1, _count(match.group(2))))
        except ValueError:
            findings.append(Finding(line, f"cannot read {match.group(0)!r} on edge {label!r}"))
    fan = re.search(r"(?<![\w.])x\s?(\d+)\b", text)
    if fan and "fanout" not in text:
        spec = replace(spec, fanout=max(1, int(fan.group(1))))
    share = re.search(r"(?<![\w.=])(\d+(?:\.\d+)?)\s*%", text)
    if share and spec.p is None:
        try:
            spec = replace(spec, p=fraction(share.group(1) + "%"))
        except ValueError:
            findings.append(Finding(line, f"cannot read {share.group(0)!r} on edge {label!r}"))
    return spec, findings


_TABLE_COLUMNS: list[tuple[str, str]] = [
    ("instances", r"instance|servers?$|count|pods|nodes$|shards"),
    ("workers", r"worker|thread|concurren"),
    ("service", r"service|latency"),
    ("rate", r"throughput|capacity|rps|qps|rate"),
    ("hit", r"hit"),
    ("replicas", r"replica"),
    ("queue", r"queue"),
    ("timeout", r"timeout"),
    ("cv", r"^cv$|variation"),
    ("availability", r"avail"),
]
_NODE_HEADER = re.compile(r"^\s*(node|component|service|box|name)\s*$", re.I)


def _cells(text: str) -> list[str]:
    body = text.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [cell.strip() for cell in body.split("|")]


def parse_tables(lines: list[str]) -> tuple[dict[str, NodeSpec], list[Finding]]:
    """Capacity tables: a header with a node column and at least one figure column."""
    specs: dict[str, NodeSpec] = {}
    findings: list[Finding] = []
    number_line = 0
    while number_line < len(lines):
        text = lines[number_line]
        number_line += 1
        if "|" not in text:
            continue
        header = _cells(text)
        if not header or not _NODE_HEADER.match(header[0]):
            continue
        columns: dict[int, str] = {}
        for index, title in enumerate(header[1:], start=1):
            for key, pattern in _TABLE_COLUMNS:
                if re.search(pattern, title, re.I):
                    columns[index] = key
                    break
        if not columns:
            continue
        if number_line < len(lines) and re.match(r"^\s*\|?[\s:|-]+\|?\s*$", lines[number_line]):
            number_line += 1
        while number_line < len(lines) and "|" in lines[number_line]:
            row_line = number_line + 1
            cells = _cells(lines[number_line])
            number_line += 1
            if not cells or not cells[0]:
                continue
            values: dict[str, float | int] = {}
            for index, key in columns.items():
                cell = cells[index] if index < len(cells) else ""
                if not cell or cell in ("-", "—"):
                    continue
                try:
                    if key == "service":
                        kind, value = _rate_or_time(cell)
                        values[kind] = value
                    else:
                        values[key] = _PARSERS[key](cell)
                except (ValueError, IndexError):
                    findings.append(
                        Finding(row_line, f"cannot read {header[index]!r} {cell!r} for {cells[0]}")
                    )
            name = cells[0].strip("`* ")
            specs[name.lower()] = NodeSpec(name, lines=dict.fromkeys(values, row_line), **values)  # type: ignore[arg-type]
    return specs, findings

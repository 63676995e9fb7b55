"""From a parsed design to a queueing network: merge diagrams, read annotations, fill defaults.

Every figure the candidate did not write comes from the reference-number table by node kind
and is reported as an assumption, so the reader sees which numbers are theirs. A design the
simulator cannot model (no client, no path from a client to a store, a loop, a node with no
capacity) is refused with one line naming the lines involved.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, replace

from tradeoff.design.kinds import STATEFUL_KINDS, infer_kind
from tradeoff.design.model import DesignDoc
from tradeoff.errors import TradeoffError
from tradeoff.estimate.reference import reference_table
from tradeoff.simulate.annotations import (
    EdgeSpec,
    Finding,
    NodeSpec,
    parse_edge_label,
    parse_node_label,
    parse_tables,
)
from tradeoff.simulate.model import Assumption, Network, Route, Station

_GRAPH_DIAGRAMS = frozenset({"flowchart", "architecture", "excalidraw"})
# Kinds that only pass requests on: a client resolves DNS once and caches it, and a load
# balancer forwards in microseconds; neither queues unless the design gives it figures.
PASS_THROUGH = frozenset({"dns", "load-balancer", "note"})
# Stores a reply arrow comes back from: an edge out of one of these to a node that reaches it
# is the answer to a call, not a new call.
_REPLYING = frozenset({"database", "cache", "object-store", "search-index", "replica", "cdn"})
_LOOK_ASIDE_STORES = frozenset({"database", "object-store", "search-index", "replica"})

# Kind -> (reference-number id for the throughput of one instance, what it stands for).
DEFAULT_RATE: dict[str, str] = {
    "database": "sql-database",
    "replica": "sql-database",
    "cache": "kv-cache",
    "cdn": "kv-cache",
    "object-store": "object-store-prefix",
}
GENERIC_RATE = "web-server"
QUEUE_MESSAGE_BYTES = 1000  # to turn the table's MB/s per partition into messages per second
DEFAULT_HIT = 0.8
DEFAULT_AVAILABILITY = 0.999
HOP = "rtt-same-zone"


class DesignModelError(TradeoffError):
    """A design the simulator cannot turn into a queueing network."""


@dataclass
class _Node:
    name: str
    kind: str
    line: int | None
    spec: NodeSpec


def build_network(doc: DesignDoc) -> Network:
    """The queueing network drawn in `doc`, with every default reported."""
    findings: list[Finding] = []
    nodes, edges = _merge(doc, findings)
    if not nodes:
        raise DesignModelError(
            f"{doc.source}: no component diagram to simulate; draw one in a ```mermaid"
            " flowchart``` block or an .excalidraw file"
        )
    tables, table_findings = parse_tables(doc.lines)
    findings.extend(table_findings)
    for key, spec in tables.items():
        node = nodes.get(key) or next(
            (n for n in nodes.values() if n.name.lower().startswith(key)), None
        )
        if node is None:
            line = next(iter(spec.lines.values()), None)
            findings.append(Finding(line, f"capacity table names {spec.name!r}, not in a diagram"))
            continue
        node.spec = node.spec.merged(spec)
    assumptions: list[Assumption] = []
    edges = _drop_replies(nodes, edges, assumptions)
    _check_zero(nodes)
    clients = [k for k, n in nodes.items() if n.kind == "client"]
    if not clients:
        raise DesignModelError(
            "no client in the diagram: add one (Client --> ...) so requests have a way in"
        )
    edges = _look_aside(nodes, edges, assumptions)
    reach = _reachable(clients, edges)
    stores = [k for k in reach if nodes[k].kind in STATEFUL_KINDS]
    if not stores:
        where = ", ".join(f"{nodes[c].name} (line {nodes[c].line})" for c in clients)
        raise DesignModelError(
            f"no path from a client ({where}) to a store: draw the arrows from the client"
            " through the services to the database, cache or queue they use"
        )
    _check_cycles(nodes, edges, reach)
    hop = _reference(HOP) * 1e-3  # ms -> s
    assumptions.append(
        Assumption(
            None, f"each call between nodes adds one round trip in a zone ({hop * 1e3:g} ms)"
        )
    )
    stations: dict[str, Station] = {}
    passing: set[str] = set()
    for key in sorted(reach, key=lambda k: (nodes[k].line or 0, k)):
        node = nodes[key]
        if node.kind == "client":
            continue
        if node.kind in PASS_THROUGH and not _has_figures(node.spec):
            passing.add(key)
            assumptions.append(
                Assumption(
                    node.line, f"{node.name} ({node.kind}) passes requests on without queueing"
                )
            )
            continue
        stations[key] = _station(node, assumptions)
    routes = _routes(nodes, edges, reach, passing, findings)
    shares = _entry_shares(nodes, clients, assumptions)
    order = [stations[k].name for k in _topological(stations, routes)]
    unreachable = [n for k, n in nodes.items() if k not in reach and n.kind not in ("note",)]
    for node in unreachable:
        assumptions.append(Assumption(node.line, f"{node.name}: no request reaches it; left out"))
    return Network(
        stations={s.name: s for s in sorted(stations.values(), key=lambda s: order.index(s.name))},
        routes=routes,
        entries=shares,
        order=order,
        hop=hop,
        assumptions=assumptions,
        findings=findings,
        lines={n.name: n.line for n in nodes.values()},
    )


def _merge(
    doc: DesignDoc, findings: list[Finding]
) -> tuple[dict[str, _Node], list[tuple[str, str, EdgeSpec, int | None, str]]]:
    """One graph from every component diagram; nodes with the same name are the same node."""
    nodes: dict[str, _Node] = {}
    edges: list[tuple[str, str, EdgeSpec, int | None, str]] = []
    for diagram in doc.diagrams:
        if diagram.kind not in _GRAPH_DIAGRAMS:
            continue
        keys: dict[str, str] = {}
        for node in diagram.nodes.values():
            if node.kind == "note":
                continue
            name, spec, problems = parse_node_label(node.label, node.line)
            findings.extend(problems)
            key = name.lower()
            keys[node.id] = key
            kind = infer_kind(name, node.shape)
            if key in nodes:
                nodes[key].spec = nodes[key].spec.merged(spec)
            else:
                nodes[key] = _Node(name, kind, node.line, spec)
        for edge in diagram.edges:
            if edge.source not in keys or edge.target not in keys:
                continue
            spec_edge, problems = parse_edge_label(edge.label, edge.line)
            findings.extend(problems)
            line = edge.line
            edges.append((keys[edge.source], keys[edge.target], spec_edge, line, edge.label))
    return nodes, edges


def _has_figures(spec: NodeSpec) -> bool:
    return any(
        getattr(spec, f) is not None for f in ("instances", "workers", "service", "rate", "queue")
    )


def _check_zero(nodes: dict[str, _Node]) -> None:
    for node in nodes.values():
        spec = node.spec
        for name, value in (
            ("instances", spec.instances),
            ("workers", spec.workers),
            ("throughput", spec.rate),
        ):
            if value is not None and value <= 0:
                line = spec.lines.get("rate" if name == "throughput" else name, node.line)
                raise DesignModelError(
                    f"line {line}: {node.name} has zero capacity ({name} {value:g});"
                    " give it at least one instance and a throughput above zero"
                )


def _drop_replies(
    nodes: dict[str, _Node],
    edges: list[tuple[str, str, EdgeSpec, int | None, str]],
    assumptions: list[Assumption],
) -> list[tuple[str, str, EdgeSpec, int | None, str]]:
    """Arrows labelled as replies, arrows into a client, and arrows back out of a store."""
    kept = []
    for edge in edges:
        source, target, spec, line, _label = edge
        if spec.reply or nodes[target].kind == "client":
            assumptions.append(
                Assumption(line, f"{nodes[source].name} -> {nodes[target].name} read as a reply")
            )
            continue
        kept.append(edge)
    result = []
    for edge in kept:
        source, target, spec, line, _ = edge
        back = nodes[source].kind in _REPLYING and source in _reachable([target], kept)
        if back and spec.p is None:
            assumptions.append(
                Assumption(line, f"{nodes[source].name} -> {nodes[target].name} read as a reply")
            )
            continue
        result.append(edge)
    return result


def _look_aside(
    nodes: dict[str, _Node],
    edges: list[tuple[str, str, EdgeSpec, int | None, str]],
    assumptions: list[Assumption],
) -> list[tuple[str, str, EdgeSpec, int | None, str]]:
    """A service that calls a cache and a database beside it reads the database on a miss."""
    out: dict[str, list[int]] = defaultdict(list)
    for index, (source, *_rest) in enumerate(edges):
        out[source].append(index)
    result = list(edges)
    for source, indices in out.items():
        caches = [
            edges[i][1]
            for i in indices
            if nodes[edges[i][1]].kind == "cache" and not out.get(edges[i][1])
        ]
        if len(caches) != 1:
            continue
        cache = caches[0]
        for i in indices:
            target = edges[i][1]
            spec = edges[i][2]
            if nodes[target].kind in _LOOK_ASIDE_STORES and spec.sync and spec.p is None:
                _, _, spec, line, label = edges[i]
                result[i] = (cache, target, spec, line, label)
                assumptions.append(
                    Assumption(
                        line,
                        f"{nodes[source].name} reads {nodes[target].name} only on a"
                        f" {nodes[cache].name} miss (look-aside cache)",
                    )
                )
    return result


def _reachable(
    starts: list[str], edges: list[tuple[str, str, EdgeSpec, int | None, str]]
) -> set[str]:
    adjacent: dict[str, list[str]] = defaultdict(list)
    for source, target, *_ in edges:
        adjacent[source].append(target)
    seen = set(starts)
    todo = deque(starts)
    while todo:
        for nxt in adjacent[todo.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _check_cycles(
    nodes: dict[str, _Node],
    edges: list[tuple[str, str, EdgeSpec, int | None, str]],
    reach: set[str],
) -> None:
    live = [e for e in edges if e[0] in reach and e[1] in reach]
    cycle = _find_cycle(live)
    if cycle is None:
        return
    members = set(cycle)
    path = " -> ".join(nodes[k].name for k in [*cycle, cycle[0]])
    lines = sorted({e[3] for e in live if e[0] in members and e[1] in members and e[3]})
    where = f"line {lines[0]}: " if lines else ""
    exits = any(e[0] in members and e[1] not in members for e in live)
    if not exits:
        raise DesignModelError(
            f"{where}cycle with no exit: {path}; a request would go round for ever"
            " (label the return arrow 'reply' if it is one)"
        )
    raise DesignModelError(
        f"{where}loop {path}: the simulator models requests that flow forward; label the"
        " return arrow 'reply' if it is one"
    )


def _find_cycle(edges: list[tuple[str, str, EdgeSpec, int | None, str]]) -> list[str] | None:
    adjacent: dict[str, list[str]] = defaultdict(list)
    for source, target, *_ in edges:
        adjacent[source].append(target)
    colour: dict[str, int] = {}
    for root in list(adjacent):
        if root in colour:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                colour[node] = 1
                path.append(node)
            children = adjacent[node]
            if index < len(children):
                stack.append((node, index + 1))
                child = children[index]
                if colour.get(child) == 1:
                    return path[path.index(child) :]
                if child not in colour:
                    stack.append((child, 0))
            else:
                colour[node] = 2
                path.pop()
    return None


def _reference(number_id: str) -> float:
    for number in reference_table().numbers:
        if number.id == number_id:
            return number.value
    raise TradeoffError(f"reference number {number_id!r} is missing from numbers.yaml")


def default_rate(kind: str) -> tuple[float, str]:
    """Requests per second one instance of `kind` serves, and the reference it came from."""
    if kind == "queue":
        mb_per_s = _reference("queue-partition")
        rate = mb_per_s * 1e6 / QUEUE_MESSAGE_BYTES
        return rate, f"queue-partition {mb_per_s:g} MB/s at {QUEUE_MESSAGE_BYTES} B a message"
    ref = DEFAULT_RATE.get(kind, GENERIC_RATE)
    return _reference(ref), ref


def _station(node: _Node, assumptions: list[Assumption]) -> Station:
    spec = node.spec
    assumed: set[str] = set()
    instances = spec.instances
    if instances is None:
        instances = 1
        assumed.add("instances")
    workers = spec.workers or 1
    if spec.service is not None:
        service = spec.service
    elif spec.rate is not None:
        service = workers / spec.rate  # the rate is per instance, shared by its workers
    else:
        rate, ref = default_rate(node.kind)
        service = workers / rate
        assumed.add("service")
        assumptions.append(
            Assumption(
                node.line,
                f"{node.name}: {rate:,.0f} requests/s per instance ({ref}, reference table)",
            )
        )
    if "instances" in assumed:
        assumptions.append(Assumption(node.line, f"{node.name}: 1 instance (none given)"))
    hit = spec.hit
    if node.kind in ("cache", "cdn") and hit is None:
        hit = DEFAULT_HIT
        assumed.add("hit")
        assumptions.append(
            Assumption(
                node.line,
                f"{node.name}: hit ratio {DEFAULT_HIT:.0%} assumed (write hit=95% to set it)",
            )
        )
    availability = spec.availability
    if availability is None:
        availability = DEFAULT_AVAILABILITY
        assumed.add("availability")
    replicas = spec.replicas
    if replicas is None:
        replicas = instances if node.kind not in STATEFUL_KINDS else 1
    return Station(
        name=node.name,
        kind=node.kind,
        line=node.line,
        instances=instances,
        workers=workers,
        service=service,
        cv=spec.cv if spec.cv is not None else 1.0,
        hit=hit,
        replicas=replicas,
        queue=spec.queue,
        timeout=spec.timeout,
        availability=availability,
        assumed=frozenset(assumed),
    )


def _routes(
    nodes: dict[str, _Node],
    edges: list[tuple[str, str, EdgeSpec, int | None, str]],
    reach: set[str],
    passing: set[str],
    findings: list[Finding],
) -> list[Route]:
    """Routes between stations (and from clients), with pass-through nodes spliced out."""
    direct: dict[str, list[Route]] = defaultdict(list)
    for source, target, spec, line, _ in edges:
        if source not in reach:
            continue
        sync = spec.sync and nodes[source].kind != "queue"  # consumers pull from a queue
        direct[source].append(
            Route(nodes[source].name, nodes[target].name, line, sync, spec.fanout, spec.p)
        )
    for source, routes in direct.items():
        total = sum(r.p for r in routes if r.p is not None)
        if total > 1 + 1e-9:
            lines = [r.line for r in routes if r.p is not None]
            findings.append(
                Finding(
                    lines[0], f"routing shares out of {nodes[source].name} add up to {total:.0%}"
                )
            )
    names = {nodes[k].name: k for k in nodes}
    out: list[Route] = []

    def expand(route: Route, depth: int) -> list[Route]:
        key = names[route.target]
        if key not in passing or depth > len(nodes):
            return [route]
        result: list[Route] = []
        for nxt in direct.get(key, []):
            p = route.p if nxt.p is None else (nxt.p if route.p is None else route.p * nxt.p)
            joined = replace(
                nxt,
                source=route.source,
                sync=route.sync and nxt.sync,
                fanout=route.fanout * nxt.fanout,
                p=p,
                line=nxt.line or route.line,
            )
            result.extend(expand(joined, depth + 1))
        return result

    for key, routes in direct.items():
        if key in passing:
            continue
        for route in routes:
            out.extend(expand(route, 0))
    return out


def _entry_shares(
    nodes: dict[str, _Node], clients: list[str], assumptions: list[Assumption]
) -> dict[str, float]:
    given = {c: nodes[c].spec.share for c in clients}
    known = sum(v for v in given.values() if v is not None)
    missing = [c for c, v in given.items() if v is None]
    rest = max(0.0, 1.0 - known)
    shares = {
        nodes[c].name: (v if v is not None else rest / len(missing)) for c, v in given.items()
    }
    if len(clients) > 1 and missing:
        assumptions.append(
            Assumption(
                None,
                "traffic split between clients: "
                + ", ".join(f"{name} {share:.0%}" for name, share in shares.items()),
            )
        )
    return shares


def _topological(stations: dict[str, Station], routes: list[Route]) -> list[str]:
    names = [s.name for s in stations.values()]
    key_of = {s.name: k for k, s in stations.items()}
    indegree = dict.fromkeys(names, 0)
    adjacent: dict[str, list[str]] = defaultdict(list)
    for route in routes:
        if route.target in indegree and route.source in indegree:
            adjacent[route.source].append(route.target)
            indegree[route.target] += 1
    ready = deque(n for n in names if indegree[n] == 0)
    order: list[str] = []
    while ready:
        name = ready.popleft()
        order.append(key_of[name])
        for nxt in adjacent[name]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order

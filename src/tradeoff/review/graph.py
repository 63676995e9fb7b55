"""The design's diagrams as one graph, for connectivity and single-point-of-failure checks.

Design graphs have tens of nodes, so plain adjacency sets and a textbook articulation-point
search are enough; a graph library would cost more to import than every check costs to run.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from tradeoff.design.kinds import STATEFUL_KINDS
from tradeoff.design.model import Diagram, Node

STORAGE_KINDS = frozenset({"database", "object-store", "search-index"})
_REDUNDANT = re.compile(
    r"replica|replicas|replicated|cluster|shard|primary|leader|follower|quorum|\bha\b|redundan"
    r"|multi-?az|multi-?region|pool|\bnodes\b|\bx\s?\d|×\s?\d|\d+\s?x\b|\(\d+\)|standby|raft",
    re.I,
)


@dataclass
class DesignGraph:
    """Nodes merged across diagrams by label; edges from flowcharts, sequences and drawings."""

    nodes: dict[str, Node] = field(default_factory=dict)
    out: dict[str, set[str]] = field(default_factory=dict)  # directed edges
    links: dict[str, set[str]] = field(default_factory=dict)  # the same edges, undirected

    @classmethod
    def from_diagrams(cls, diagrams: list[Diagram]) -> DesignGraph:
        built = cls()
        for diagram in diagrams:
            if diagram.kind == "class":
                continue
            key_of: dict[str, str] = {}
            for node in diagram.nodes.values():
                if node.kind == "note":
                    continue
                key = _key(node.label)
                key_of[node.id] = key
                if key not in built.nodes:
                    built.nodes[key] = node
                    built.out[key] = set()
                    built.links[key] = set()
            for edge in diagram.edges:
                source, target = key_of.get(edge.source), key_of.get(edge.target)
                if source and target and source != target:
                    built.out[source].add(target)
                    built.links[source].add(target)
                    built.links[target].add(source)
        return built

    @property
    def empty(self) -> bool:
        return not self.nodes

    def of_kind(self, *kinds: str) -> list[str]:
        return [k for k, n in self.nodes.items() if n.kind in kinds]

    def component(self, start: str, without: str | None = None) -> set[str]:
        """Nodes connected to `start` (ignoring direction), optionally with one node removed."""
        seen = {start}
        queue = deque([start])
        while queue:
            for nxt in self.links[queue.popleft()]:
                if nxt != without and nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    def clients_reach_storage(self) -> bool | None:
        """Whether some client connects to some store; None when either is missing."""
        clients, stores = self.of_kind("client"), self.of_kind(*STORAGE_KINDS, "cache")
        if not clients or not stores:
            return None
        return any(set(stores) & self.component(c) for c in clients)

    def is_redundant(self, key: str) -> bool:
        """A node drawn with replicas, as a cluster, or next to a replica node."""
        if _REDUNDANT.search(self.nodes[key].label):
            return True
        return any(self.nodes[n].kind == "replica" for n in self.links[key])

    def articulation_points(self, within: set[str]) -> set[str]:
        """Nodes whose removal disconnects the undirected graph (Hopcroft-Tarjan, iterative)."""
        order: dict[str, int] = {}
        low: dict[str, int] = {}
        points: set[str] = set()
        for root in sorted(within):
            if root in order:
                continue
            order[root] = low[root] = len(order)
            children = 0
            stack = [(root, "", iter(sorted(self.links[root] & within)))]
            while stack:
                node, parent, neighbours = stack[-1]
                advanced = False
                for nxt in neighbours:
                    if nxt == parent:
                        continue
                    if nxt in order:
                        low[node] = min(low[node], order[nxt])
                        continue
                    order[nxt] = low[nxt] = len(order)
                    stack.append((nxt, node, iter(sorted(self.links[nxt] & within))))
                    advanced = True
                    break
                if advanced:
                    continue
                stack.pop()
                if stack:
                    up = stack[-1][0]
                    low[up] = min(low[up], low[node])
                    if up == root:
                        children += 1
                    elif low[node] >= order[up]:
                        points.add(up)
            if children > 1:
                points.add(root)
        return points

    def single_points_of_failure(self) -> list[Node]:
        """Stateful nodes without replicas that every client path to storage depends on.

        A node qualifies when it is an articulation point between clients and storage, or
        when it is the only database (the system of record) that clients reach.
        """
        clients = self.of_kind("client")
        if not clients:
            clients = [k for k in self.nodes if not any(k in t for t in self.out.values())]
        if not clients:
            return []
        reachable: set[str] = set().union(*(self.component(c) for c in clients))
        stores = [k for k in reachable if self.nodes[k].kind in STORAGE_KINDS]
        databases = [k for k in reachable if self.nodes[k].kind == "database"]
        cut = self.articulation_points(reachable)
        found: list[Node] = []
        for key in sorted(reachable):
            node = self.nodes[key]
            if node.kind not in STATEFUL_KINDS or self.is_redundant(key):
                continue
            # The only database is the system of record: if it stops, writes stop, even when
            # search indexes or object stores hang off other paths.
            only_store = (node.kind in STORAGE_KINDS and len(stores) == 1) or (
                node.kind == "database" and databases == [key]
            )
            if only_store or (key in cut and self._separates(key, clients, stores)):
                found.append(node)
        return found

    def _separates(self, key: str, clients: list[str], stores: list[str]) -> bool:
        others = set(stores) - {key}
        if not others:
            return True
        return not any(others & self.component(c, without=key) for c in clients if c != key)


def _key(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip().lower())

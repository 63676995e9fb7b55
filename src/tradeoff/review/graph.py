"""The design's diagrams as one graph, for connectivity and single-point-of-failure checks.

Design graphs have tens of nodes, so plain adjacency sets and a textbook articulation-point
search are enough; a graph library would cost more to import than every check costs to run.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from tradeoff.design.model import Diagram, Node

STORAGE_KINDS = frozenset({"database", "object-store", "search-index"})
# Tiers that run request or job code and may run as many instances.
TIER_KINDS = frozenset({"service", "worker", "api-gateway", "load-balancer"})
# What a single point of failure can be: a store, a cache, a broker or a coordinator. Object
# stores and search clusters are replicated services by construction; a geo index is a cache
# or database by its label ("Redis Geo Index") and is checked as one.
_SINGLE_POINT_KINDS = frozenset({"database", "cache", "queue", "coordination"})
# Drawn as several: replicas, a cluster, "x 3", "(3)", a quorum. "primary" or "leader" alone
# names one node, and a "Cluster Manager" is one box that manages a cluster.
_REDUNDANT = re.compile(
    r"(?=[\d(acfhlmnpqrsx×])(?:"  # first characters (see language/lexicon.py)
    r"replica|replicas|replicated|cluster(?!\s*(?:manager|coordinator|controller|master"
    r"|scheduler|key|keys|column|ing key|ing column))|shards?\b|sharded|quorum|\bha\b|redundan"
    # A follower is a copy only beside its leader or doing a copy's work: the "followers" of
    # a feed design are users ("100M followers", "push into followers' feeds").
    r"|(?:leader|primary|master)[-\s/+&,]*(?:and\s+|with\s+)?(?:(?:\d+|two|three|four|five"
    r"|several|multiple)\s+)?followers?"
    r"|followers?\s+(?:nodes?|replicas?|replicate|catch|lag|apply|applies)|raft"
    r"|multi-?az|multi-?region"
    # "x 3" and "3x" count copies, but "10x reduction", "3x headroom" or "cuts calls by 8x"
    # compare amounts.
    # A product worked out on the line ("2,000 followees × 10 posts each = 20,000 rows") is
    # arithmetic, not a count of machines.
    r"|\bnodes\b|(?:\bx\s?\d|×\s?\d)(?![^=|\n]{0,40}=)"
    r"|(?<!by )(?<![\d.])\d+\s?x\b(?!\s*(?:reduction|fewer|less|more|faster|slower"
    r"|cheaper|smaller|larger|bigger|lower|higher|headroom|improvement|speed-?up|compression"
    r"|over|cost|the\b))|\(\d+\)|standby|sentinel|failover|active-active"
    r"|leader election|primary[- /]+(?:replica|secondary|standby))",
    re.I,
)
# Stores that only exist as a replicated cluster: managed services the provider replicates
# across zones, and products that run as a quorum or with a replication factor (a box
# labelled Kafka or Cassandra is a cluster, by the convention every interviewer reads).
_CLUSTERED = re.compile(
    r"\bs3\b|\bgcs\b|google cloud storage|azure blob|dynamo|spanner|cosmos|bigtable|aurora"
    # "Redis Pub/Sub" is a feature of the one Redis, not a managed bus.
    r"|\bsqs\b|\bsns\b|kinesis|(?<!redis\s)pub ?/ ?sub|firestore|cloud storage|\bmanaged\b"
    r"|kafka|pulsar"
    # Managed warehouses the provider replicates ("Snowflake", "BigQuery"); a Snowflake id
    # is a way of making ids, not a store.
    r"|bigquery|snowflake(?![\s-]*(?:ids?\b|style|generator|algorithm|format))"
    r"|cassandra|scylla|cockroach|\btidb\b|yugabyte|vitess|hbase|foundationdb|zookeeper|\betcd\b"
    # "distributed locks" or "distributed tracing" names a technique, not copies of a node.
    # "distributed rate limiting" names what the design does across its gateways, not copies.
    # "distributed correctness" names a property the design must keep.
    # "Content store: object storage for raw pages": a replicated service by construction.
    r"|object stor(?:age|e)"
    r"|consul|elastic|opensearch|distributed(?!\s+(?:locks?\b|locking|tracing|transactions?"
    r"|systems?\b|rate[- ]limit|correctness))|clustered",
    re.I,
)
# A stream processor ("Spark Streaming", "Kafka Streams consumer") holds no queue of its own.
_PROCESSOR = re.compile(r"spark|flink|streams\b|streaming|consumer|processor|\bjob\b", re.I)
# A store inside each instance fails with that instance only: an in-process cache per app
# server, a local SQLite file, a gateway's local buckets.
_LOCAL = re.compile(
    r"\blocal\b|in-?process|embedded|sidecar|sqlite|on-?device|client-?side|browser"
    r"|\bper[- ](?:instance|server|pod|node|host|gateway|app|process|worker|replica)|\beach\b",
    re.I,
)
_SEVERAL = re.compile(
    r"servers|services|workers|instances|nodes|pods|replicas|fleet|pool|cluster|consumers"
    r"|gateways|\bx\s?\d|×\s?\d|\d+\s?x\b|\(\d+\)|stateless|autoscal|horizontal",
    re.I,
)


def says_redundant(text: str) -> bool:
    """Whether a label or a sentence about a node says it has copies or is a cluster."""
    return bool(_REDUNDANT.search(text) or _CLUSTERED.search(text))


@dataclass(frozen=True)
class SinglePoint:
    """A stateful node drawn once, and the tiers of several instances that depend on it."""

    node: Node
    dependents: tuple[str, ...]  # labels of the tiers linked to it


@dataclass
class DesignGraph:
    """Nodes merged across diagrams by label; edges from flowcharts, sequences and drawings."""

    nodes: dict[str, Node] = field(default_factory=dict)
    out: dict[str, set[str]] = field(default_factory=dict)  # directed edges
    links: dict[str, set[str]] = field(default_factory=dict)  # the same edges, undirected
    # Boxes drawn under one label in one diagram ("Gen1[ID Generator]", "Gen2[ID Generator]"):
    # a store or coordinator drawn twice side by side is two of it, however the graph merges
    # them. (Tiers are left to their labels: three "Server" boxes a deploy pushes to are
    # targets, not a tier that needs a load balancer.)
    drawn: dict[str, int] = field(default_factory=dict)
    pictures: dict[str, set[int]] = field(default_factory=dict)  # the diagrams a node is in

    @classmethod
    def from_diagrams(cls, diagrams: list[Diagram]) -> DesignGraph:
        built = cls()
        for picture, diagram in enumerate(diagrams):
            if diagram.kind in ("class", "state", "other") or _is_process(diagram):
                continue  # classes, state machines and step-by-step flows are not components
            members = _members(diagram)
            key_of: dict[str, str] = {}
            for node in diagram.nodes.values():
                if node.kind == "note" or node.id in members:
                    continue
                key = _key(node.label)
                key_of[node.id] = key
                boxes = sum(1 for k in key_of.values() if k == key)
                built.pictures.setdefault(key, set()).add(picture)
                built.drawn[key] = max(built.drawn.get(key, 0), boxes)
                if key not in built.nodes:
                    built.nodes[key] = node
                    built.out[key] = set()
                    built.links[key] = set()
            for edge in diagram.edges:
                for source_id in members.get(edge.source, (edge.source,)):
                    for target_id in members.get(edge.target, (edge.target,)):
                        source, target = key_of.get(source_id), key_of.get(target_id)
                        if source and target and source != target:
                            built.out[source].add(target)
                            built.links[source].add(target)
                            built.links[target].add(source)
        return built

    def drawn_together(self, one: Node, other: Node) -> bool:
        """Whether two nodes are boxes of one diagram: a sequence diagram that redraws the
        flowchart's "Video Queue" as "Message Queue" draws the same queue, not a second."""
        return bool(
            self.pictures.get(_key(one.label), set()) & self.pictures.get(_key(other.label), set())
        )

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
        """A node drawn with replicas, as a cluster, as a managed service, next to a replica,
        or as two boxes of one label in one diagram."""
        label = self.nodes[key].label
        if says_redundant(label) or self.drawn.get(key, 1) > 1:
            return True
        return any(self.nodes[n].kind == "replica" for n in self.links[key])

    def is_local(self, key: str) -> bool:
        """A store each instance keeps for itself: losing it loses one instance, not all."""
        return bool(_LOCAL.search(self.nodes[key].label))

    def sources(self) -> set[str]:
        """Nodes no edge points to: where requests start (a client, the calling services)."""
        pointed = set().union(*self.out.values()) if self.out else set()
        return {k for k in self.nodes if k not in pointed}

    def is_several(self, key: str) -> bool:
        """A tier drawn as several instances, or spread over by a load balancer."""
        if _SEVERAL.search(self.nodes[key].label):
            return True
        return any(
            self.nodes[n].kind == "load-balancer" and key in self.out[n] for n in self.links[key]
        )

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

    def single_points_of_failure(self, scaled_out: bool = False) -> list[SinglePoint]:
        """Stateful or coordinating nodes drawn once that a tier of several instances uses.

        A tier counts as several instances when its label or a load balancer in front of it
        says so, or for every tier when `scaled_out` (the prompt or the design's own text
        runs its services as several instances; then clients calling a store directly
        count too, and so does a coordinator that keeps its state in the node: a key
        allocator refilling its blocks from one "KGS MySQL primary" stops when that
        dies). Only nodes connected to a client (or, with
        no client drawn, to an entry point) count: a box off on its own serves no request.
        """
        roots = self.of_kind("client") or [
            k for k in self.nodes if not any(k in t for t in self.out.values())
        ]
        if not roots:
            return []
        reachable: set[str] = set().union(*(self.component(r) for r in roots))
        found: list[SinglePoint] = []
        for key in sorted(reachable):
            node = self.nodes[key]
            if node.kind not in _SINGLE_POINT_KINDS or self.is_redundant(key) or self.is_local(key):
                continue
            if node.kind == "queue" and _PROCESSOR.search(node.label):
                continue
            dependents = tuple(
                self.nodes[n].label
                for n in sorted(self.links[key])
                if (self.nodes[n].kind in TIER_KINDS and (scaled_out or self.is_several(n)))
                or (self.nodes[n].kind == "client" and scaled_out)
                or (self.nodes[n].kind == "coordination" and scaled_out and key in self.out[n])
            )
            if dependents:
                found.append(SinglePoint(node, dependents))
        return found


def _is_process(diagram: Diagram) -> bool:
    """A flowchart of steps rather than components: it branches on a decision ("Healthy?",
    "Issue Type?") and most of its boxes are actions ("Analyze Failures", "Rollout 50%"),
    so "Log & Store" there is a step of a loop, not a database every query depends on."""
    if diagram.kind != "flowchart":
        return False
    groups = set(diagram.parents.values())
    boxes = [n for n in diagram.nodes.values() if n.kind != "note" and n.id not in groups]
    decisions = sum(1 for n in boxes if n.shape == "rhombus" or n.label.strip().endswith("?"))
    steps = sum(1 for n in boxes if n.kind == "other")
    return decisions > 0 and 2 * steps > len(boxes)


def _members(diagram: Diagram) -> dict[str, tuple[str, ...]]:
    """The nodes drawn inside each subgraph of a flowchart (nested ones included): an arrow
    drawn to a subgraph ("Core --> Storage", "Clients --> LB") reaches each of them, as the
    picture shows, instead of a box named "Storage" that no component is."""
    if diagram.kind != "flowchart" or not diagram.parents:
        return {}
    groups = set(diagram.parents.values())
    found: dict[str, list[str]] = {}
    for node_id in diagram.nodes:
        if node_id in groups:
            continue
        group, seen = diagram.parents.get(node_id), {node_id}
        while group is not None and group not in seen:  # a node named as its subgraph
            seen.add(group)
            found.setdefault(group, []).append(node_id)
            group = diagram.parents.get(group)
    return {group: tuple(ids) for group, ids in found.items()}


_SPACES = re.compile(r"\s+")


def _key(label: str) -> str:
    return _SPACES.sub(" ", label.strip().lower())

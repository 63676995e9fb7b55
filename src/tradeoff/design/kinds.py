"""Infer what a diagram node is (cache, database, queue, ...) from its label and shape."""

from __future__ import annotations

import re

from tradeoff.language.literals import SCREEN

# Ordered: the first pattern that matches the label wins, so specific kinds come before
# generic ones ("read replica" is a replica, not a database; "cache service" is a cache).
_LABEL_KINDS: list[tuple[str, str]] = [
    (
        "client",
        r"client|browser|mobile|\buser|app user|\bios\b|android|frontend|web app\b|rider"
        r"|driver app",
    ),
    ("dns", r"\bdns\b|route ?53"),
    ("cdn", r"\bcdn\b|cloudfront|akamai|fastly|edge (cache|server|pop)"),
    ("load-balancer", r"load ?balanc|\blb\b|\belb\b|\balb\b|haproxy|reverse proxy|nginx"),
    ("api-gateway", r"gateway|\bbff\b"),
    ("replica", r"replica|follower|standby|secondary|slave"),
    ("cache", r"cache|redis|memcache"),
    (
        "queue",
        r"queue|kafka|\bsqs\b|rabbit|pub ?/? ?sub|kinesis|pulsar|event bus|stream|\bmq\b"
        r"|broker|(?:commit|event|append|change|replicated|write-ahead|message) log\b",
    ),
    (
        "search-index",
        r"search|elastic|opensearch|solr|lucene|inverted index|geo[- ]?index|geospatial"
        r"|spatial index|quad-?tree|geohash",
    ),
    ("object-store", r"object stor|blob|\bs3\b|\bgcs\b|bucket|file store|file server|media stor"),
    # One node that the others coordinate through: locks, membership, placement, schedules,
    # and the allocator that hands out ids or counter ranges.
    (
        "coordination",
        r"zookeeper|\betcd\b|consul|chubby|lock (?:service|manager|server)|coordinator"
        r"|cluster manager|resource manager|placement (?:manager|service)|scheduler(?!.*worker)"
        r"|allocator|key generat|\bkgs\b|id generat|ticket server|range server|sequencer",
    ),
    (
        "database",
        r"\bdb\b|database|datastore|data store|\bsql\b|nosql|postgres|mysql|aurora|dynamo|cassandra"
        r"|mongo|spanner|cockroach|bigtable|hbase|store\b|table|tsdb|ledger|warehouse"
        r"|key[- ]value|\bkv\b",
    ),
    (
        "worker",
        r"worker|consumer|processor|job|crawler|fetcher|transcod|indexer|cron|batch|fan-?out"
        # a pipeline's stages, named by what they do ("Index Writer", "Chunker", "Reranker")
        r"|\b(?:\w+\s)?writer\b|retriever|embedder|chunker|\b(?:re)?ranker\b|parser|extractor",
    ),
    ("service", r"service|server|api|app|backend|handler|svc|microservice"),
]
_COMPILED = [(kind, re.compile(pattern, re.I)) for kind, pattern in _LABEL_KINDS]

# A coordinator's own database ("KGS MySQL primary", "Scheduler DB"): the store the
# coordinator keeps its state in, drawn apart from it; a coordination product (ZooKeeper,
# etcd) is the coordinator itself, though it stores keys.
_OWNED_STORE = re.compile(
    r"\bdb\b|database|\bsql\b|mysql|postgres|dynamo|cassandra|mongo|\btable\b", re.I
)
_COORDINATION_PRODUCT = re.compile(r"zookeeper|\betcd\b|consul|chubby", re.I)
# Words that name a database, as against "store" or "table", which a cache, a feature store
# or a routing table also says.
_DATABASE_NAMED = re.compile(
    r"\bdb\b|database|datastore|\bsql\b|nosql|postgres|mysql|aurora|dynamo|cassandra|mongo"
    r"|spanner|cockroach|bigtable|hbase|scylla|tsdb|ledger|warehouse|key[- ]value|\bkv\b",
    re.I,
)


def names_database(label: str) -> bool:
    """Whether a label names a database, not only a store of some kind."""
    return _DATABASE_NAMED.search(label) is not None


_NOT_A_CLIENT = re.compile(
    r"service|server|\bsvc\b|\bapi\b|\bdb\b|database|store|table|cache|queue|graph|index", re.I
)
# A label is tried against each kind in turn, each a case-insensitive alternation the
# engine tries at every position (about 250k instructions a label, read through). The
# literal screen skips the kinds none of whose words the label holds, which is most.
SCREEN.add(*(pattern for _, pattern in _COMPILED), _NOT_A_CLIENT)

# Mermaid shapes that conventionally mean something: [(db)] is a cylinder.
_SHAPE_KINDS = {"cylinder": "database", "queue": "queue"}

NODE_KINDS = tuple(dict.fromkeys([k for k, _ in _LABEL_KINDS] + ["external", "other"]))
STATEFUL_KINDS = frozenset(
    {"database", "cache", "queue", "object-store", "search-index", "coordination"}
)


def infer_kind(label: str, shape: str = "box") -> str:
    """The node's kind from its label first (more specific), then its shape.

    A decision of a flowchart (a rhombus, or a label that asks "Cache hit?", "User type?")
    is a step of the logic, not a component: "User Type?" is no client and "Cache hit?"
    no cache."""
    text = label.strip()
    if shape == "rhombus" or text.endswith("?"):
        return "other"
    name = _NAMED_BEFORE.match(text)
    # "Postgres: metadata, versions, ACL cache" is a Postgres that holds an ACL cache
    named = _label_kind(name.group(1), shape) if name is not None else None
    return named or _label_kind(text, shape) or _SHAPE_KINDS.get(shape, "other")


# A label that names the node and then says what it holds: "Postgres: metadata, versions".
_NAMED_BEFORE = re.compile(r"^([^:]{2,40}):\s+\S")


def _label_kind(text: str, shape: str) -> str | None:
    """The kind the label's words say, if they say one."""
    for kind, pattern in _COMPILED:
        if SCREEN.search(pattern, text):
            if kind == "client" and (shape == "cylinder" or SCREEN.search(_NOT_A_CLIENT, text)):
                continue  # "User Service" and a cylinder labelled "Users" are not clients
            if (
                kind == "coordination"
                and _OWNED_STORE.search(text)
                and not _COORDINATION_PRODUCT.search(text)
            ):
                return "database"
            return kind
    return None

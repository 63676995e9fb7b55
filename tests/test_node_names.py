"""Which lines name a drawn node: by its name, never by one generic word of its label."""

from __future__ import annotations

import pytest

from tradeoff.catalog import Catalog
from tradeoff.design import parse_design
from tradeoff.review import review_design
from tradeoff.review.rules.components import _node_named


def _names(label: str, text: str, kind: str | None = None, others: tuple[str, ...] = ()) -> bool:
    named = _node_named(label, others, kind)
    return named is not None and named.search(text) is not None


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("User/Follow DB", "Hotspot user: one celebrity gets millions of reads"),
        ("News Feed Service", "The feed is ranked by recency"),
        ("News Feed Service", "Each service logs to stdout"),
        ("Post Cache", "Shard posts by `post_id` hash"),
        ("Order Store", "Orders are retried three times"),
    ],
)
def test_a_modifier_or_a_kind_word_alone_does_not_name_the_node(label: str, text: str) -> None:
    assert not _names(label, text, "database")


@pytest.mark.parametrize(
    ("label", "text", "kind"),
    [
        ("User/Follow DB", "the follow database keeps two replicas", "database"),
        ("News Feed Service", "the feed service runs in three zones", "service"),
        ("NoSQL Key-Value Store", "a globally distributed NoSQL database", "database"),
        ("Mailbox Store", "searches stay close to the mailbox shard", "database"),
        ("PostgreSQL - Metadata", "read replicas for the metadata DB", "database"),
        ("Prefix Trie", "Scale: shard by prefix", "database"),
        ("ID Range Allocator", "If the allocator fails, pods use their ranges", "coordination"),
        ("Feed Cache Redis Cluster", "Redis runs with Sentinel", "cache"),
        ("Key Generation Service", "the KGS hands out blocks", "coordination"),
    ],
)
def test_the_head_phrase_a_product_or_an_acronym_names_it(label: str, text: str, kind: str) -> None:
    assert _names(label, text, kind)


def test_a_kind_word_names_the_only_box_of_that_kind_in_its_diagram() -> None:
    assert _names("Video Queue", "the queue is Kafka", "queue")
    assert not _names("Video Queue", "the queue is Kafka", "queue", others=("Email Queue",))


def test_a_word_that_is_another_nodes_initials_names_that_node() -> None:
    label, others = "KGS MySQL primary", ("Key Generation Service",)
    assert not _names(label, "KGS instances: three", "database", others)


FLOW = "```mermaid\nflowchart LR\n{body}\n```\n"
SEQUENCE = "```mermaid\nsequenceDiagram\n{body}\n```\n"


def _spof(catalog: Catalog, text: str) -> list[str]:
    review = review_design(parse_design(text), catalog, "video-streaming")
    return [f.message for f in review.findings if f.rule == "CMP103"]


def test_a_queue_redrawn_under_another_name_is_the_same_queue(catalog: Catalog) -> None:
    """The flowchart's "Job Queue" is the sequence diagram's "Message Queue": a line that
    gives "the queue" a cluster speaks of the one queue the design has."""
    text = (
        FLOW.format(body="  U[Upload API x4] --> Q[Job Queue]\n  Q --> W[Encoders x8]")
        + SEQUENCE.format(body="  participant MQ as Message Queue\n  U->>MQ: enqueue")
        + "The queue runs as a three-broker cluster with replicated partitions.\n"
    )
    assert not [m for m in _spof(catalog, text) if "Queue" in m]


def test_a_cache_whose_loss_falls_back_to_the_store_is_no_single_point(catalog: Catalog) -> None:
    drawn = FLOW.format(
        body="  U[Players] --> A[Watch API x6]\n  A --> C[(Title Cache)]"
        "\n  A --> D[(Titles DB cluster)]"
    )
    answered = (
        "## Failures\n### Cache outage\n**Failure**: the Title Cache node dies\n"
        "**Fix**:\n- read titles straight from the Titles DB until it is rebuilt\n"
    )
    assert [m for m in _spof(catalog, drawn) if "Title Cache" in m]
    assert not [m for m in _spof(catalog, drawn + answered) if "Title Cache" in m]


def test_the_cache_finding_says_it_looked_for_a_fallback(catalog: Catalog) -> None:
    drawn = FLOW.format(body="  U[Players] --> A[Watch API x6]\n  A --> C[(Title Cache)]")
    (message,) = [m for m in _spof(catalog, drawn) if "Title Cache" in m]
    assert message.endswith("or that reads go to the store while it is down")


def test_a_bracket_describes_the_node_and_does_not_name_it() -> None:
    # "(Writes)" says what the primary does; a line about writes is not about this box
    assert not _names("PostgreSQL Primary (Writes)", "Writes are batched per user", "database")
    assert _names("Redis (Feed Cache)", "the feed cache keeps 800 ids per user", "cache")


def test_a_store_lost_is_answered_only_by_its_loss(catalog: Catalog) -> None:
    """A failure-and-response line that names the store answers its loss only when the
    store is what fails: a stale copy of what it holds is not the store going down."""
    drawn = FLOW.format(body="  U[Players] --> A[Watch API x6]\n  A --> P[(PostgreSQL)]")
    stale = "| Check | Re-read the grants from PostgreSQL and drop the rest | Stale grants |\n"
    lost = "If PostgreSQL is down, the API fails over to its standby within 30 s.\n"
    assert [m for m in _spof(catalog, drawn + stale) if "PostgreSQL" in m]
    assert not [m for m in _spof(catalog, drawn + lost) if "PostgreSQL" in m]


def test_a_feeds_followers_are_no_copies_of_storage(catalog: Catalog) -> None:
    drawn = FLOW.format(body="  U[Phones] --> A[Feed API x6]\n  A --> D[(Posts DB)]")
    users = "| Failover | If fan-out is down, followers see no new posts | Pull on read |\n"
    copies = (
        "Storage: a leader and two followers; followers serve reads and one is promoted"
        " when the leader fails.\n"
    )
    assert [m for m in _spof(catalog, drawn + users) if "Posts DB" in m]
    assert not [m for m in _spof(catalog, drawn + copies) if "Posts DB" in m]


def test_pipeline_stages_named_by_what_they_do_are_tiers() -> None:
    from tradeoff.design.kinds import infer_kind

    for label in ("Index Writer", "Chunker", "Hybrid Retriever", "Embedder", "Reranker"):
        assert infer_kind(label) == "worker", label


def test_a_label_is_the_kind_its_name_says_before_a_colon() -> None:
    from tradeoff.design.kinds import infer_kind

    assert infer_kind("Postgres: metadata, versions, ACL cache", "cylinder") == "database"
    assert infer_kind("Cache: hot titles") == "cache"

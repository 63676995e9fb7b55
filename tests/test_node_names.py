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

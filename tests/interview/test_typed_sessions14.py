"""A message-broker session typed by hand with the adversarial persona.

"Do we need ordering, and what delivery guarantee: at least once or exactly once?" drew the
ordering and delivery facts, yet two turns later the interviewer asked "Do consumers need
messages in order, and can a message ever be delivered twice?" and then came back to it:
a question answered by a fact only settled the category's own concept (consistency), not
the ordering and delivery the question named. "fetch(topic, partition, offset, max_bytes)"
drew "If the topic partition goes down at peak ...": the words of a term were read across
the comma between two arguments.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language.mentions import find_mentions


def test_asking_for_ordering_and_delivery_establishes_them(catalog: Catalog) -> None:
    lines = [
        "What throughput do producers send, and how big are messages?",
        "Do we need ordering, and what delivery guarantee: at least once or exactly once?",
        "Assume 1 million messages a second at 1 KB each; that's 1 GB/s in.",
    ]
    session = run(catalog, "message-broker", "adversarial", lines)
    assert session.interview.state.covered("ordering-delivery")
    reply = " ".join(session.exchanges[-1].replies)
    assert "in order" not in reply, reply


def test_a_term_is_not_read_across_a_comma() -> None:
    text = "The API is fetch(topic, partition, offset, max_bytes)."
    concepts = default_catalog().vocabulary.concepts.values()
    index = find_mentions([(1, text)], concepts, frozenset(), frozenset())
    assert not index.positive("message-queue")
    assert index.positive("sharding")  # "partition" alone is still read

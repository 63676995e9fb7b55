"""Concept matching: word boundaries, plurals, negation, options listed, name lists."""

from __future__ import annotations

import pytest

from tradeoff.catalog import Catalog
from tradeoff.language.mentions import (
    LISTED,
    NEGATED,
    OPTION,
    POSITIVE,
    MentionIndex,
    find_mentions,
)
from tradeoff.review.products import BRANDS


def _index(catalog: Catalog, *lines: str) -> MentionIndex:
    return find_mentions(
        list(enumerate(lines, start=1)), catalog.vocabulary.concepts.values(), BRANDS
    )


def _status(catalog: Catalog, line: str, concept: str) -> set[str]:
    return {m.status for m in _index(catalog, line).get(concept)}


@pytest.mark.parametrize(
    ("line", "concept", "status"),
    [
        ("We put Redis in front of Postgres because reads dominate.", "cache", POSITIVE),
        ("We don't need a cache for this.", "cache", NEGATED),
        ("No cache: the data changes every second.", "cache", NEGATED),
        ("We could use Redis or Memcached.", "cache", OPTION),
        ("Options: Kafka vs SQS.", "message-queue", OPTION),
        ("We could store tweets in MySQL.", "relational-database", POSITIVE),
        ("Kafka, Cassandra, Redis, Spark and Flink.", "message-queue", LISTED),
        ("There is no SQL join here, but a cache absorbs reads.", "cache", POSITIVE),
        ("Instead of Memcached we use Redis for its data types.", "cache", POSITIVE),
        # what a line puts out of scope is rejected, and the line still states the scope
        ("- Out of scope: exactly-once across topics, a schema registry.", "data-model",
         NEGATED),
        ("Non-goals: a cache for search results.", "cache", NEGATED),
        ("- Out of scope: exactly-once across topics, a schema registry.", "scope", POSITIVE),
    ],
)  # fmt: skip
def test_status_of_a_mention(catalog: Catalog, line: str, concept: str, status: str) -> None:
    assert status in _status(catalog, line, concept)


def test_word_boundaries(catalog: Catalog) -> None:
    index = _index(catalog, "The cachet of the brand matters; escape sequences too.")
    assert not index.get("cache")
    assert not index.get("client")


def test_plurals_match(catalog: Catalog) -> None:
    index = _index(catalog, "Two read replicas and several caches; the tradeoffs are clear.")
    assert index.has("replication") and index.has("cache") and index.get("decision-rationale")


def test_non_functional_is_not_functional(catalog: Catalog) -> None:
    index = _index(catalog, "Non-functional: p99 under 200 ms.")
    assert not index.get("functional-requirements")
    assert index.has("non-functional-requirements")


def test_urls_and_link_targets_are_not_mentions(catalog: Catalog) -> None:
    index = _index(catalog, "See [notes](https://example.com/consistent-hashing-and-redis-cache).")
    assert not index.get("consistent-hashing") and not index.get("cache")


def test_html_comments_are_not_mentions(catalog: Catalog) -> None:
    index = _index(catalog, "<!-- add a cache and a load balancer here -->")
    assert not index.get("cache") and not index.get("load-balancer")


def test_quote_is_the_verbatim_sentence(catalog: Catalog) -> None:
    line = "Reads are heavy. We cache hot codes in Redis, because 90% repeat."
    (mention, *_) = _index(catalog, line).get("cache")
    assert mention.quote in line
    assert mention.reasoned


def test_strength_orders_meant_over_listed(catalog: Catalog) -> None:
    meant = _index(catalog, "We use Redis as a cache because reads dominate.")
    listed = _index(catalog, "Redis, Kafka, Cassandra, Spark.")
    option = _index(catalog, "We could use Redis or Memcached.")
    assert meant.strength("cache") > option.strength("cache") > listed.strength("cache") > 0


def test_tries_the_verb_is_no_trie(catalog: Catalog) -> None:
    """ "Everyone tries to book at once" named a trie (the interviewer then matched the
    question to prefix-tree facts by it); "prefix tries" and "merged into the tries" do."""
    assert not _index(catalog, "Everyone tries to book at once.").get("trie")
    assert not _index(catalog, "The client tries again after a second.").get("trie")
    assert _index(catalog, "Prefixes live in in-memory tries per shard.").get("trie")
    assert _index(catalog, "Trending terms are merged into the tries every few minutes.").get(
        "trie"
    )


def test_versioning_of_stored_data_is_no_api_versioning(catalog: Catalog) -> None:
    """Keeping old versions of what is stored (a photo, a model, a bucket's files) evolves
    data; API versioning evolves the contract callers depend on."""
    assert not _index(catalog, "Versioning: on request, old copies of each photo file stay.").get(
        "api-versioning"
    )
    assert not _index(catalog, "Ranker: model versioning and shadow traffic.").get("api-versioning")
    assert _index(catalog, "Versioning: breaking changes go to a new API path.").get(
        "api-versioning"
    )
    assert _index(catalog, "The gateway handles auth and versioning.").get("api-versioning")


def test_signing_in_is_no_logging(catalog: Catalog) -> None:
    """A person logging in to an account names no logs the operators keep, so a design
    that never watches anything was spared "No monitoring" by a login story."""
    assert not _index(catalog, "A code is sent when someone is logging in and it expires.").get(
        "logging-tracing"
    )
    assert not _index(catalog, "The user logs into the portal with a password.").get(
        "logging-tracing"
    )
    assert not _index(catalog, "Sessions end when the user logs out.").get("logging-tracing")
    assert _index(catalog, "Structured logging in every service, shipped to Loki.").get(
        "logging-tracing"
    )
    assert _index(catalog, "Audit logs on disk for 30 days.").get("logging-tracing")


def test_the_http_patch_method_is_no_sync_patch(catalog: Catalog) -> None:
    """A route table's "PATCH /boards/{id}" is an HTTP call; it said nothing of how edits
    sync, yet it was credited as the realtime protocol of a whiteboard."""
    assert not _index(catalog, "PATCH /notes/{id} renames a note.").get("sync-protocol")
    assert not _index(catalog, "Method: PATCH. Endpoint: /notes/{id}").get("sync-protocol")
    assert _index(catalog, "Each client sends a patch of the cells it changed.").get(
        "sync-protocol"
    )


@pytest.mark.parametrize("line", ["The export has 5M rows of 200 bytes.", "About 2.5k rows a day."])
def test_a_count_written_short_before_rows_names_no_data_model(catalog: Catalog, line: str) -> None:
    """ "5M rows" counts the rows of a file, as "50 rows" and "a million rows" do."""
    assert not _index(catalog, line).has("data-model")

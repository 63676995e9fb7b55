"""Words a finding quoted for a point they do not make (issue 9), each read in its own sense.

A "mentioned on line N" must name the point it is about: each case is a line, written in
our own words, that a reviewer once cited for a concept the line does not name, beside a
line that does name it and must stay a mention.
"""

from __future__ import annotations

import pytest

from tradeoff.catalog import Catalog
from tradeoff.language import read_text
from tradeoff.language.mentions import MentionIndex, find_mentions
from tradeoff.review.products import BRANDS
from tradeoff.review.substance import MENTIONED, SUBSTANCE, item_support


def _index(catalog: Catalog, line: str) -> MentionIndex:
    return find_mentions([(1, line)], catalog.vocabulary.concepts.values(), BRANDS)


@pytest.mark.parametrize(
    ("line", "concept"),
    [
        # tables inside the documents a parser reads, not tables the design stores
        ("Plain text extraction mangles tables and drops figures.", "data-model"),
        ("Keep structure while parsing: headings, table boundaries, lists.", "data-model"),
        # the same document kept once, not a retried request applied once
        ("Normalise each file, then dedupe near-identical copies.", "idempotency"),
        # another party's records, and an account of a step kept
        ("Nightly, compare our totals against provider records.", "data-model"),
        ("Each step leaves a durable record of what it did.", "data-model"),
        # a screen of the product and the queries it runs for its users
        ("For dashboard queries such as 'my links this week', index by owner.", "monitoring"),
        ("A lagging consumer only delays dashboard freshness.", "monitoring"),
        # a rate-limiting algorithm's log, a source's list of edits
        ("A token bucket needs less memory than sliding window logs.", "logging-tracing"),
        ("The crawler reads each wiki's change logs every hour.", "logging-tracing"),
        # a measure that jumps is not the busiest traffic
        ("| GC pause | CPU spike on the API pods | restart the pod |", "peak-traffic"),
        ("Latency spikes while the cache warms up.", "peak-traffic"),
        ("Page the on-call on rejection spikes or store errors.", "peak-traffic"),
        # where a choice is good enough, not what users can do
        ("A smaller model is fine for most internal use cases.", "functional-requirements"),
        # the keys a limit is counted per
        ("About 5 M limit scopes fit in one Redis shard.", "scope"),
        ("About 5 M limit scopes fit in one Redis shard.", "authorization"),
        # watching the sources for new documents, not the system's health
        ("The watcher monitors shared drives, SharePoint and Confluence for edits.", "monitoring"),
        # a structure with its own merge algorithm, not the entities stored
        ("Edits converge through CRDTs, data structures that merge on their own.", "data-model"),
        # an append-only ledger, not a value object
        ("Write payments as immutable, double-entry entries.", "enums-value-objects"),
        # work a second or a day, not bytes a second; time on the wire
        ("Throughput: 40,000 / 28,800 s is about 1.4 QPS.", "bandwidth-estimate"),
        ("One GPU embeds about 300 chunks/s of throughput.", "bandwidth-estimate"),
        ("Ingest throughput: 5 k documents per day.", "bandwidth-estimate"),
        ("| p50 latency | 20 ms (network) | 6 ms (GPU) |", "bandwidth-estimate"),
        ("Embed on our own GPU, which avoids PII egress.", "bandwidth-estimate"),
        ("A self-hosted model keeps PII in-network.", "bandwidth-estimate"),
        # a network that is a thing: a CDN's sites, a product's users
        ("Edge network: the CDN keeps hot objects near readers.", "bandwidth-estimate"),
        ("Serve images through a content delivery network.", "bandwidth-estimate"),
        ("A social network for pet owners.", "bandwidth-estimate"),
        # the remainder of a list, machines a choice spends, and a host's address
        ("Show the first ten posts, lazy-load rest on scroll.", "rest-api"),
        ("| Resource cost | Large cache footprint | Many database reads |", "rest-api"),
        ("The primary database is using more memory and CPU resources.", "rest-api"),
        ("Each host keeps an Elastic IP as its public endpoint.", "rest-api"),
        ("| Embedder down | 5xx from the embedding endpoint | fall back to BM25 |", "rest-api"),
        ("Keep two model endpoints warm in case one fails.", "rest-api"),
        # a column holding a user's handle, not how users sign in
        ("user_login varchar(64) NOT NULL,", "authentication"),
        # the busy hours a peak is worked over, and someone's experience
        ("Say 30% of daily requests arrive in a 3-hour window.", "windowed-aggregation"),
        ("Readers with a background in Go can skip this part.", "async-processing"),
        # a feed's items shown once after a merge, not a retry applied once
        ("Interleave the two lists, sort by time, apply deduplication.", "idempotency"),
        # an erasure code's fragments, re-encoded and checksummed by a scrubber
        ("The scrubber re-encodes damaged shards and keeps a checksum per shard.", "sharding"),
        # a limit's allowance, what one client may send at once, not the busiest traffic
        ("Each key: a sustained rate and a burst capacity (max single burst).", "peak-traffic"),
        ("| Burst handling | Allowance per key, over the sustained rate |", "peak-traffic"),
        ("A token bucket allows short bursts, then throttles the caller.", "peak-traffic"),
        ("Per key: 10 RPS steady, 100 RPS burst.", "peak-traffic"),
        ("Read the rule's config (rate and burst) from the cache.", "peak-traffic"),
        ("Fixed windows suit hard daily quotas, where no burst is wanted.", "peak-traffic"),
        # a signed URL that grants access to an object, not a direct upload
        ("Permissions: bucket policies, ACLs and signed URLs.", "blob-upload"),
        ("Presigned URLs give private, expiring access to one photo.", "blob-upload"),
    ],
)  # fmt: skip
def test_a_word_in_another_sense_names_no_concept(
    catalog: Catalog, line: str, concept: str
) -> None:
    assert not _index(catalog, line).get(concept)


@pytest.mark.parametrize(
    ("line", "concept"),
    [
        ("Store links in a table keyed by short code.", "data-model"),
        ("Dedupe retried requests with an idempotency key.", "idempotency"),
        ("Grafana dashboards show p99 and the error rate.", "monitoring"),
        ("Ship structured logs to Loki.", "logging-tracing"),
        ("Traffic spikes to 5x the average at 9 am.", "peak-traffic"),
        ("Use cases: shorten a link, follow a link.", "functional-requirements"),
        ("Billing quotas are out of scope.", "scope"),
        ("We monitor queue depth and alert at 10,000.", "monitoring"),
        ("Write throughput: 2,000 writes/s x 1 KB = 2 MB/s.", "bandwidth-estimate"),
        ("Disk throughput limits the rebuild.", "bandwidth-estimate"),
        ("Network egress is about 3 Gbps at peak.", "bandwidth-estimate"),
        ("Expose a REST endpoint for each resource.", "rest-api"),
        ("Users login with OAuth and get a session token.", "authentication"),
        ("A job counts views in 10-second tumbling windows.", "windowed-aggregation"),
        ("Thumbnails are made by a background worker.", "async-processing"),
        ("Shard the key range across 64 shards by hash.", "sharding"),
        ("At 9 am bursts reach 4x the daily mean.", "peak-traffic"),
        ("The CPU headroom absorbs bursts and retries.", "peak-traffic"),
        ("The client uploads parts straight to storage with presigned URLs.", "blob-upload"),
    ],
)  # fmt: skip
def test_the_word_in_its_own_sense_still_names_it(
    catalog: Catalog, line: str, concept: str
) -> None:
    assert _index(catalog, line).get(concept)


def test_a_clause_after_a_semicolon_keeps_its_items_label(catalog: Catalog) -> None:
    """The clause after the ";" is one more of what the item's label names: here a way to
    grant access, not an upload path."""
    claims = read_text(
        "- **Permissions**: role policies, ACLs; presigned URLs.\n",
        catalog.vocabulary.concepts.values(),
    )
    last = claims[-1]
    assert last.text.startswith("Permissions: ")
    assert "blob-upload" not in last.features.concepts


def test_http_methods_named_mention_an_endpoint_item(catalog: Catalog) -> None:
    """A line that names the calls (in capitals, without paths) mentions an item that
    writes the endpoints out, and never specifies it."""

    problem = catalog.get("object-storage")
    item = next(i for i in problem.rubric.api_data.items if i.id == "endpoints")
    claims = read_text(
        "Files: PUT to store one, GET to read it back, DELETE to drop it.\n",
        catalog.vocabulary.concepts.values(),
    )
    support = item_support(item, claims, "api_data", item.shared_concepts)
    assert support.status == MENTIONED
    assert support.claim is not None and "PUT" in support.claim.text


def _url_item(catalog: Catalog, dimension: str, item_id: str):  # type: ignore[no-untyped-def]
    rubric = catalog.get("url-shortener").rubric
    return next(i for i in getattr(rubric, dimension).items if i.id == item_id)


def test_both_redirect_codes_as_a_pair_choose_neither(catalog: Catalog) -> None:
    item = _url_item(catalog, "api_data", "redirect-code")
    claims = read_text(
        "The edge keeps 301/302 answers for a minute. This spares the origin most clicks.\n",
        catalog.vocabulary.concepts.values(),
    )
    assert item_support(item, claims, "api_data", item.shared_concepts).status == MENTIONED
    chosen = read_text(
        "We answer with 302 rather than 301, because every click must reach us for counts.\n",
        catalog.vocabulary.concepts.values(),
    )
    assert item_support(item, chosen, "api_data", item.shared_concepts).status == SUBSTANCE


def test_an_alert_on_something_else_cites_the_line_that_tracks_the_metrics(
    catalog: Catalog,
) -> None:
    item = _url_item(catalog, "reliability", "monitoring")
    claims = read_text(
        "| Failure | Detection | Mitigation |\n|---|---|---|\n"
        "| Lost volume (disk crash) | volume alerts, checksum errors | keep 3 copies |\n\n"
        "| Area | Practice |\n|---|---|\n"
        "| Metrics | redirect latency, hit ratio, error rates on dashboards |\n",
        catalog.vocabulary.concepts.values(),
    )
    support = item_support(item, claims, "reliability", item.shared_concepts)
    assert support.status == SUBSTANCE
    assert support.claim is not None and "redirect latency" in support.claim.text


def test_one_fields_width_or_one_nodes_ram_is_no_total_memory(catalog: Catalog) -> None:
    rubric = catalog.get("rate-limiter").rubric
    assert rubric.capacity is not None
    item = next(i for i in rubric.capacity.items if i.id == "memory")
    text = (
        "## State size\n\n"
        "Per bucket we keep:\n\n"
        "1. `allowance` (Long, 8 bytes)\n"
        "2. `stamp` (Integer, 4 bytes)\n\n"
        "| Part | Setup |\n|---|---|\n| Store | each server 64 GB RAM |\n\n"
        "All buckets: 50M buckets x 64 bytes = 3.2 GB in memory.\n"
    )
    claims = read_text(text, catalog.vocabulary.concepts.values())
    support = item_support(item, claims, "capacity", item.shared_concepts)
    assert support.status == SUBSTANCE
    assert support.claim is not None and "All buckets" in support.claim.text

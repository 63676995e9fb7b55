"""A finding's cited line says what the finding claims of it (issue 9).

Each design is written in our own words. A "mentioned on line N" must name the point; a
finding about the data model cites the model, not a heading that names a database.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.design import load_design
from tradeoff.language import read_design
from tradeoff.review import review_design
from tradeoff.review.coverage import item_support
from tradeoff.review.findings import Finding


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _findings(catalog: Catalog, tmp_path: Path, text: str, problem: str | None) -> list[Finding]:
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    return review_design(load_design(path), catalog, problem).findings


def _line_of(text: str, part: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if part in line)


_SHORTENER = """# Short links

## API

```
POST /v1/links  {"url": "..."}
Response 201: {"code": "ab12cd"}

GET /{code}
Response 302: Location: <long url>
```
"""


def test_a_redirect_choice_is_cited_where_a_redirect_code_is_written(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "Response 201" is the create call's code; the 301-or-302 choice is on the 302 line.
    findings = _findings(catalog, tmp_path, _SHORTENER, "url-shortener")
    cited = [f for f in findings if "301" in f.message and f.evidence.line is not None]
    assert cited and all(f.evidence.line == _line_of(_SHORTENER, "Response 302") for f in cited)


_DRAWN = """# Short links

## Diagram

```mermaid
graph LR
    U[Phone app] -->|opens a short link| E
    E[Edge cache answering with 302] --> R[Redirect service]
    R --> D[(Links table)]
```
"""


def test_an_edge_is_not_cited_for_a_label_written_where_its_node_is_defined(
    catalog: Catalog, tmp_path: Path
) -> None:
    findings = _findings(catalog, tmp_path, _DRAWN, "url-shortener")
    cited = [f for f in findings if "301" in f.message and f.evidence.line is not None]
    assert cited and all(f.evidence.line == _line_of(_DRAWN, "E[Edge cache") for f in cited)


_LIMITER = """# API rate limiter

## Algorithm

We use a token bucket per client: it lets short bursts through and needs far less memory
than sliding window logs, which keep one entry per request.
"""


def test_a_component_named_by_one_word_is_not_cited_where_the_word_means_else(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "sliding window logs" is an algorithm; no line names the metrics and logs component.
    findings = _findings(catalog, tmp_path, _LIMITER, "rate-limiter")
    logs_line = _line_of(_LIMITER, "sliding window logs")
    assert not [f for f in findings if f.evidence.line == logs_line and "Metrics" in f.message]


_DOCUMENTS = """# Handbook assistant

## Ingestion

- Plain text extraction mangles tables and drops figures, so we use a layout-aware parser.
- Each file is normalised, then we dedupe near-identical copies.

## Serving

- Throughput: 20,000 questions / 28,800 s is about 0.7 QPS; CPU spikes come from re-ranking.
"""


def test_no_finding_cites_a_line_for_a_point_it_does_not_name(
    catalog: Catalog, tmp_path: Path
) -> None:
    findings = _findings(catalog, tmp_path, _DOCUMENTS, None)
    mentioned = [f for f in findings if f.message.startswith("Mentioned on line")]
    assert not mentioned, [(f.rule, f.message) for f in mentioned]


_RIDES = """# Ride hailing

## Estimates

- 1M online drivers each send a location every 4 s = 250K location updates/s.

## Gateway

- Driver apps talk to a WebSocket gateway.
"""


def test_a_sizing_line_is_not_cited_for_a_mechanism_another_line_names(
    catalog: Catalog, tmp_path: Path
) -> None:
    # The rate line sizes the location updates; the WebSocket line names the channel.
    path = tmp_path / "design.md"
    path.write_text(_RIDES, encoding="utf-8")
    problem = catalog.problems["ride-sharing"]
    item = next(i for _, i in problem.rubric.items() if i.id == "location-channel")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    held = item_support(item, claims)
    assert held.claim is not None and held.claim.line == _line_of(_RIDES, "WebSocket")


_FEED = """# Home feed

## Cache

- Each user's timeline of post ids sits in Redis with a 10 minute TTL.
- An edge cache holds the rendered first page for 5 s.
"""


def test_a_cache_ttl_is_not_cited_for_how_deletes_and_blocks_reach_copied_ids(
    catalog: Catalog, tmp_path: Path
) -> None:
    findings = _findings(catalog, tmp_path, _FEED, "news-feed")
    cited = [f for f in findings if "deletes, blocks and mutes" in f.message]
    assert not any(f.message.startswith("Mentioned on line") for f in cited), [
        (f.rule, f.message) for f in cited
    ]


_RANDOM_IDS = """# Home feed

## Data model

- posts: post_id (a random UUID), author_id, body, created_at
- Timelines keep the newest 500 post ids per user in Redis.
"""


def test_a_random_uuid_is_not_cited_as_a_mention_of_time_sortable_ids(
    catalog: Catalog, tmp_path: Path
) -> None:
    # A random UUID sorts by nothing: it is the scheme time-sortable ids are chosen over.
    path = tmp_path / "design.md"
    path.write_text(_RANDOM_IDS, encoding="utf-8")
    problem = catalog.problems["news-feed"]
    item = next(i for _, i in problem.rubric.items() if i.id == "time-ordered-ids")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    assert item_support(item, claims).claim is None


def test_an_id_generator_is_still_a_mention_of_time_sortable_ids(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = _RANDOM_IDS.replace("a random UUID", "from a central id generator")
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    problem = catalog.problems["news-feed"]
    item = next(i for _, i in problem.rubric.items() if i.id == "time-ordered-ids")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    held = item_support(item, claims)
    assert held.claim is not None and held.claim.line == _line_of(text, "id generator")


_SOFT_DELETE = """# Home feed

## API

- DELETE /v1/posts/{id} marks the post deleted (a soft delete); the row stays 30 days.
- GET /v1/feed?cursor=abc returns 20 posts.
"""


def test_a_soft_delete_is_a_mention_of_how_deletes_reach_copied_feeds(
    catalog: Catalog, tmp_path: Path
) -> None:
    # It says how a delete is recorded, not how it reaches the timelines already holding
    # the id: mentioned, not specified, and not absent.
    path = tmp_path / "design.md"
    path.write_text(_SOFT_DELETE, encoding="utf-8")
    problem = catalog.problems["news-feed"]
    item = next(i for _, i in problem.rubric.items() if i.id == "deletes-and-blocks")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    held = item_support(item, claims)
    assert held.status == "mentioned" and held.claim is not None
    assert held.claim.line == _line_of(_SOFT_DELETE, "soft delete")


_CODED_PLACEMENT = """# Object store

## Failures

| Failure | Response |
|---|---|
| Rack dark | Placement spreads pieces, at most one shard per rack; repair rebuilds. |

## Metadata

- Metadata shards are split when one passes 100 GB.
"""


def test_a_per_rack_placement_of_coded_pieces_is_not_cited_for_partitioning(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "At most one shard per rack" places an erasure code's pieces; the metadata line is
    # the one that partitions data.
    path = tmp_path / "design.md"
    path.write_text(_CODED_PLACEMENT, encoding="utf-8")
    problem = catalog.problems["object-storage"]
    item = next(i for _, i in problem.rubric.items() if i.id == "metadata-partitioning")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    held = item_support(item, claims, dimension="tradeoffs")
    assert held.status == "mentioned" and held.claim is not None
    assert held.claim.line == _line_of(_CODED_PLACEMENT, "100 GB")


_PER_CLIENT = """# Rate limiter

## Capacity

```
Clients active at once: 20,000
Mean requests per client: 600/60 = 10 req/s
Total RPS: 20,000 x 10 = 200,000 req/s
```
"""


def _check_rate(catalog: Catalog, tmp_path: Path, text: str) -> object:
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    problem = catalog.problems["rate-limiter"]
    item = next(i for _, i in problem.rubric.items() if i.id == "check-rate")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    return item_support(item, claims, dimension="capacity")


def test_one_clients_rate_is_not_the_systems_and_rps_says_requests(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "requests per client: ... 10 req/s" is one caller's; "Total RPS" is the system's,
    # and RPS is how requests a second are written.
    held = _check_rate(catalog, tmp_path, _PER_CLIENT)
    assert getattr(held, "status", None) == "substance"
    assert held.claim.line == _line_of(_PER_CLIENT, "Total RPS")  # type: ignore[attr-defined]


def test_a_limiting_policys_rate_is_no_traffic_of_the_system(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = "# Rate limiter\n\n## Leases\n\n- 40 req/s policy -> lease = 2 tokens\n"
    held = _check_rate(catalog, tmp_path, text)
    assert getattr(held, "status", None) != "substance"


def test_another_status_code_with_a_reason_is_not_the_redirect_choice(
    catalog: Catalog, tmp_path: Path
) -> None:
    # A 404 cached for a reason is a choice about misses, not 301 against 302.
    text = (
        "# Short links\n\n## Caching\n\n- Keep 404/miss results in the cache for a brief TTL"
        " (say 2 min) so random lookups do not flood the store.\n"
    )
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    problem = catalog.problems["url-shortener"]
    item = next(i for _, i in problem.rubric.items() if i.id == "redirect-code")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    assert item_support(item, claims, dimension="api_data").status != "substance"


_PAYMENTS_WITH_KEYS_NAMED = """# Marketplace payments

## Architecture
The services talk to each other over REST APIs.

## Duplicates
Idempotency keys matter for every payment.
"""


def test_a_mention_that_speaks_of_the_item_is_cited_over_one_naming_its_transport(
    catalog: Catalog, tmp_path: Path
) -> None:
    """An idempotency-key item names REST among its concepts; the REST line says nothing of
    keys, so the line that names idempotency keys for payments is the mention to cite."""
    text = _PAYMENTS_WITH_KEYS_NAMED
    cited = [
        f.evidence.line
        for f in _findings(catalog, tmp_path, text, "payment-system")
        if f.rule == "API110" and "Idempotency-Key" in f.message
    ]
    assert cited == [_line_of(text, "Idempotency keys matter")]

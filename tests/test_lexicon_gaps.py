"""Readings the judged answers showed wrong, each fixed at its cause (a term, a pattern).

Each case is written in our own words; the comment says what a careful reader sees in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.design import load_design
from tradeoff.language import Claim, lexicon, read_design, read_text
from tradeoff.review import review_design
from tradeoff.review.coverage import item_support
from tradeoff.review.substance import SUBSTANCE, ladder, restates_prompt, specified_concepts


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _claims(catalog: Catalog, text: str, tmp_path: Path) -> list[Claim]:
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    return read_design(load_design(path), catalog.vocabulary.concepts.values())


def _one(catalog: Catalog, text: str) -> Claim:
    claims = read_text(text, catalog.vocabulary.concepts.values())
    assert len(claims) == 1, claims
    return claims[0]


def test_is_a_and_has_a_in_prose_are_not_composition(catalog: Catalog) -> None:
    # "The cost is a ..." states a cost; "is a" is not an object-oriented relationship.
    claim = _one(catalog, "The cost is a more complex sync instead of ten times the writes.")
    assert "composition" not in claim.features.concepts
    assert claim.features.cost and claim.features.alternative


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("The Billing Service sends invoices every night.", "stateless-service"),
        ("Each bucket refills one token per second.", "authentication"),
        ("Every object keeps its version in the metadata row.", "api-versioning"),
        ("The metadata store holds one record per object.", "class-design"),
        # "at rest" and "the rest of" are no REST API; "row-level" security is no table row.
        ("Chunks are encrypted at rest with AES-256.", "rest-api"),
        ("The rest of the fleet keeps serving reads.", "rest-api"),
        # "rests on" the verb (matched as the plural of "rest") says what something depends on.
        ("The whole scheme rests on the lease outliving the clock drift.", "rest-api"),
        ("Its safety rests upon a single atomic script.", "rest-api"),
        ("Retrieval applies row-level ACL filters.", "data-model"),
        # "2,500 words" and "86,400 s" hold no status code.
        ("Average document length: 2,500 words (about 3,300 tokens).", "status-codes"),
        ("Writes: 100M / 86,400 s = 1,160/s.", "status-codes"),
        # An HNSW index or a reverse index is no B-tree.
        ("Index overhead (HNSW, about 1.5x) leaves 180 GB resident.", "b-tree"),
        ("Maintain a reverse index from chunk id to cache keys in Redis.", "b-tree"),
        # Pages of a document, web pages and paging the on-call are no pagination.
        ("Each document is about 10 pages long.", "pagination"),
        ("A crawler fetches web pages and follows their links.", "pagination"),
        ("Alerts page the on-call engineer.", "pagination"),
        # "records" the verb keeps something; it describes no stored entity or its fields.
        ("The gateway records the outcome so a repeat gets the same answer.", "data-model"),
        ("We record every transfer as two balanced entries.", "data-model"),
        # In a shared editor a cursor is where someone is typing, not a place in a result list.
        ("The canvas shows who is online: presence and cursors.", "pagination"),
        ("Each peer broadcasts its cursor position ten times a second.", "pagination"),
        ("Remote cursors fade after five idle seconds.", "pagination"),
        # "cap" the verb or noun (a limit) is not the CAP theorem.
        ("A backpressure queue caps concurrent jobs; cap them at 50.", "cap-theorem"),
        ("Each tenant gets a hard cap of 500 requests a second.", "cap-theorem"),
        # Jitter that spreads scheduled starts or expiries apart is no retry policy.
        ("Nightly exports fire with a random jitter of up to 10 minutes.", "retry-backoff"),
        ("Give cache TTLs some jitter so keys do not expire together.", "retry-backoff"),
    ],
)
def test_generic_words_do_not_name_a_concept(catalog: Catalog, text: str, concept: str) -> None:
    # "service", "token", "version", "object" are everyday words in any design; the
    # concepts they used to name (a stateless tier, authentication, API versions, class
    # design) need their own words.
    assert concept not in _one(catalog, text).features.concepts


def test_the_prompt_restated_specifies_nothing(catalog: Catalog, tmp_path: Path) -> None:
    claims = _claims(
        catalog,
        "---\n\nDesign a global object storage system like S3.\n\n---\n\n## Overview\n\n"
        "Metadata lives in a replicated key-value store so that LIST is one range scan.\n",
        tmp_path,
    )
    prompt = next(c for c in claims if c.text.startswith("Design a"))
    assert restates_prompt(prompt)
    assert specified_concepts(prompt) == frozenset()
    assert not any(restates_prompt(c) for c in claims if c is not prompt)


def test_benefit_and_cost_columns_weigh_a_decision(catalog: Catalog, tmp_path: Path) -> None:
    claims = _claims(
        catalog,
        "## Main trade-offs\n\n| Decision | Benefit | Cost |\n|---|---|---|\n"
        "| Leased counters | Low latency at the edge | Bounded overshoot |\n",
        tmp_path,
    )
    row = next(c for c in claims if "Leased" in c.text)
    assert row.features.reason and row.features.cost


def test_a_why_not_heading_rejects_the_items_below_it(catalog: Catalog, tmp_path: Path) -> None:
    claims = _claims(
        catalog,
        "## Why not the other algorithms?\n\n- Fixed window: simple but bursts at the edges\n",
        tmp_path,
    )
    item = next(c for c in claims if "Fixed window" in c.text)
    assert item.features.alternative


def test_json_fields_and_key_formats_are_a_data_model(catalog: Catalog, tmp_path: Path) -> None:
    text = (
        "## Rules\n\n```json\n{\n"
        '  "rule_id": "tenant-writes",\n  "per_second": 100\n}\n```\n\n'
        "Counters live under the key format `rl:{rule_id}:{subject}`.\n"
    )
    rungs = {r.name: r.reached for r in ladder("api_data", _claims(catalog, text, tmp_path))}
    assert rungs["entities with keys"] > 0.5


def test_a_judgement_on_a_number_is_a_sanity_check(catalog: Catalog, tmp_path: Path) -> None:
    text = (
        "## Estimates\n\n- 62^7 = 3.5 trillion codes\n"
        "- Writes are only ~1,200/s, so one primary region is acceptable.\n"
        "- 7 characters are sufficient for 90 years at 100M links a day.\n"
    )
    rungs = {r.name: r.reached for r in ladder("capacity", _claims(catalog, text, tmp_path))}
    assert rungs["sanity checks and limits"] == 1.0


def test_rpc_in_a_sentence_is_not_an_endpoint(catalog: Catalog, tmp_path: Path) -> None:
    text = "## API\n\nIt is worth keeping rpc in mind here.\n"
    rungs = {r.name: r.reached for r in ladder("api_data", _claims(catalog, text, tmp_path))}
    assert rungs["endpoints defined"] == 0.0
    proto = "## API\n\n```proto\nrpc Check(CheckRequest) returns (CheckReply);\n```\n"
    rungs = {r.name: r.reached for r in ladder("api_data", _claims(catalog, proto, tmp_path))}
    assert rungs["endpoints defined"] > 0.0


def test_a_closing_scaling_section_names_the_bottlenecks(catalog: Catalog, tmp_path: Path) -> None:
    text = (
        "# Link service\n\n## Design\n\nReads hit Redis first, then Postgres.\n\n"
        "## Scaling levers (beyond day 1)\n\n"
        "- When the primary passes 20k writes/s, shard links by code prefix.\n"
    )
    path = tmp_path / "scaling.md"
    path.write_text(text, encoding="utf-8")
    review = review_design(load_design(path), catalog, "url-shortener")
    assert "COM103" not in {f.rule for f in review.findings}


def test_a_requirements_and_scope_heading_states_no_scope(catalog: Catalog, tmp_path: Path) -> None:
    from tradeoff.review.substance import implied_concepts

    claims = _claims(
        catalog,
        "## Requirements & Scope\n\n- Users shorten links.\n\n## Out of scope\n\n- Billing.\n\n"
        "## Design\n\nAnalytics dashboards (not covered here) read a copy of the clicks.\n",
        tmp_path,
    )
    by_text = {c.text: c for c in claims}
    assert "scope" not in implied_concepts(by_text["Users shorten links."])
    assert "scope" in implied_concepts(by_text["Billing."])
    rungs = {r.name: r for r in ladder("requirements", claims)}
    assert rungs["quantified targets and non-goals"].reached >= 0.5


@pytest.mark.parametrize(
    ("text", "concept", "other"),
    [
        (
            "Every chunk carries a CRC32C checksum that storage verifies.",
            "data-integrity",
            "content-dedup",
        ),
        ("Avg stream bitrate is 5 Mbps per viewer.", "", "message-queue"),
        ("The hot entity cache keeps 10k profiles.", "", "data-model"),
    ],
)
def test_terms_name_what_they_mean(catalog: Catalog, text: str, concept: str, other: str) -> None:
    concepts = _one(catalog, text).features.concepts
    assert other not in concepts
    if concept:
        assert concept in concepts


def test_an_item_that_asks_for_a_reason_needs_one(catalog: Catalog, tmp_path: Path) -> None:
    from tradeoff.review.coverage import item_support

    problem = catalog.get("url-shortener")
    item = next(i for _, i in problem.rubric.items() if i.id == "redirect-code")
    bare = _claims(catalog, "## API\n\n- GET /{code} answers with a 302.\n", tmp_path)
    assert item_support(item, bare, None, "api_data").credit == 0
    text = "## API\n\n- GET /{code} answers with a 302, so every click reaches us.\n"
    reasoned = _claims(catalog, text, tmp_path)
    assert item_support(item, reasoned, None, "api_data").credit == 1


# --- words a mock-interview candidate says aloud (a URL-shortener session, read line by line)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # "500 bytes" is a record size and "200 ms" a latency, never an HTTP status.
        ("Each link is about 500 bytes.", "status-codes"),
        ("A redirect should take under 200 ms.", "status-codes"),
        # The product's own output, not an encoding technique.
        ("The user gets back a short code for the long URL.", "base62"),
        # A sentence that opens with "So" only takes the floor; it gives no reason.
        ("So a user pastes a long URL and gets back a link.", "reason"),
    ],
)
def test_spoken_words_that_are_not_what_they_look_like(
    catalog: Catalog, text: str, wrong: str
) -> None:
    claim = _one(catalog, text)
    if wrong == "reason":
        assert not claim.features.reason
    else:
        assert wrong not in claim.features.concepts


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Unknown codes get a 404 from the redirect service.", "status-codes"),
        ("The create call answers 409 when the alias is taken.", "status-codes"),
        ("The coordination service is a three-node ZooKeeper ensemble.", "consensus"),
        ("Codes are base62, seven characters long.", "base62"),
    ],
)
def test_the_same_words_still_read_where_they_mean_it(
    catalog: Catalog, text: str, meant: str
) -> None:
    assert meant in _one(catalog, text).features.concepts


def test_so_in_mid_sentence_still_gives_a_reason(catalog: Catalog) -> None:
    claim = _one(catalog, "We shard by key so the load spreads evenly over the nodes.")
    assert claim.features.reason


def test_a_code_length_is_said_in_characters(catalog: Catalog) -> None:
    # "Why 7 characters?" with the arithmetic chooses the short-code length from the number
    # of links, though it never says "length" or "code": characters are how it is said.
    from tradeoff.review import substance

    item = next(
        i for i in catalog.problems["url-shortener"].rubric.capacity.items if i.id == "code-length"
    )
    claims = read_text(
        "Why 7 characters? 62^6 = 56 billion runs out in five years at 1B new links a month,"
        " so 62^7 = 3.5 trillion it is.",
        catalog.vocabulary.concepts.values(),
    )
    found = substance.item_support(item, claims, "capacity", item.shared_concepts)
    assert found.status == substance.SUBSTANCE
    other = read_text(
        "62^7 = 3.5 trillion combinations fit in the key space of the cache.",
        catalog.vocabulary.concepts.values(),
    )
    assert substance.item_support(item, other, "capacity", item.shared_concepts).status != (
        substance.SUBSTANCE
    )


def test_a_reading_list_claims_nothing(catalog: Catalog) -> None:
    # "Quick prep: [... Crash Course](url)" is a course title: "crash" is no failure, and a
    # reading list is no design. A sentence that links a product it uses still counts.
    concepts = catalog.vocabulary.concepts.values()
    listed = read_text(
        "- Quick, focused prep: [Interview Crash Course](https://example.com/course)\n"
        "- [Message queues](https://example.com/notes#queues)\n",
        concepts,
    )
    assert listed == []
    used = read_text("We cache hot links in [Redis](https://redis.io) for 24 hours.", concepts)
    assert len(used) == 1 and "cache" in used[0].features.concepts


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        (
            "Longer TTLs raise the hit rate, but users see stale answers after an edit.",
            "consistency-model",
        ),
        ("We accept bounded staleness of a minute on view counts.", "consistency-model"),
        ("Under a network partition the CAP trade-off forces a choice.", "cap-theorem"),
        ("We expose a REST API; an unknown code gets 404.", "rest-api"),
        ("An unknown code gets 404 Not Found.", "status-codes"),
        ("The feed endpoint returns 20 posts per page.", "pagination"),
        ("The list call takes an opaque cursor and returns the next one.", "pagination"),
        ("Each order record holds the buyer id, the total and the status.", "data-model"),
        ("Orders are stored as records keyed by order id.", "data-model"),
        # Spotting duplicate content by a signature of the page is content dedup.
        ("Each fetched page gets a signature, so duplicate pages are dropped.", "content-dedup"),
        ("A nightly job removes duplicate URLs from the frontier.", "content-dedup"),
        ("Shard by tenant once the corpus passes 50M chunks.", "partition-key"),
        ("Posts are partitioned by author id.", "partition-key"),
        ("Retrieval runs an HNSW index over the chunk embeddings.", "vector-index"),
        ("The campaign expander pages the audience in batches of 1,000.", "pagination"),
        (
            "A custom alias is claimed with a conditional insert, never read-then-write.",
            "optimistic-locking",
        ),
        # A gate of checks a new model must pass before it serves is a safe rollout.
        ("CI gates deploys on the offline eval set scoring at least 0.8.", "rollout"),
        ("New rankers go out behind A/B testing on 5% of users.", "rollout"),
    ],
)
def test_consistency_words_name_their_concept(catalog: Catalog, text: str, concept: str) -> None:
    # Stale answers, staleness and "the CAP trade-off" are how designs speak of what a
    # reader may see after a write.
    assert concept in _one(catalog, text).features.concepts


def test_a_roadmap_names_the_next_steps(catalog: Catalog, tmp_path: Path) -> None:
    # A "Roadmap" of what comes after v1 is the wrap-up's next steps, as "Future work" is.
    text = (
        "# Search helper\n\n## Roadmap\n\n"
        "1. v1: one model, keyword and vector search together.\n"
        "2. v2: split multi-part questions and answer each with its own sources.\n"
    )
    rungs = {r.name: r for r in ladder("communication", _claims(catalog, text, tmp_path))}
    assert rungs["a wrap-up: a summary or the bottlenecks"].reached == 1.0


def test_saying_where_messages_are_stored_names_the_message_store(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "Messages are kept per room, split by room id" is the message store, named in other
    # words: it may lack the details, but it is not absent.
    text = (
        "# Group chat\n\n## Design\n\n"
        "- Phones hold a WebSocket to a gateway that forwards frames to a messaging tier.\n"
        "- Messages are kept per room, split by room id and ordered by arrival.\n"
    )
    path = tmp_path / "chat.md"
    path.write_text(text, encoding="utf-8")
    review = review_design(load_design(path), catalog, "chat-system")
    messages = [f.message for f in review.findings if f.rule == "CMP101"]
    assert not any(m.startswith("No message store") for m in messages), messages
    assert any(m.startswith("Message store is mentioned on line 6") for m in messages), messages


def test_a_component_drawn_under_another_common_name_is_not_missing(
    catalog: Catalog, tmp_path: Path
) -> None:
    # A box called "Message Service" between the gateways and the store is the chat
    # service; "No chat service" would contradict the diagram.
    text = (
        "# Group chat\n\n## Design\n\n```mermaid\nflowchart LR\n"
        "    P[Phone] --> G[Gateway]\n    G --> M[Message Service]\n"
        "    M --> S[(Cassandra)]\n```\n"
    )
    path = tmp_path / "chat.md"
    path.write_text(text, encoding="utf-8")
    review = review_design(load_design(path), catalog, "chat-system")
    messages = [f.message for f in review.findings if f.rule == "CMP101"]
    assert not any(m.lower().startswith(("no chat service", "chat service")) for m in messages)


@pytest.mark.parametrize(
    ("text", "specified"),
    [
        # A record's fields in brackets describe the data model as a table would ...
        ("Postgres stores canonical metadata (video ID, title, description, status).", True),
        # ... but kinds of documents and a list of operations are no fields.
        ("Employees search documents (policies, docs, meeting notes, email archives).", False),
        ("The index serves metadata operations (list, put, delete, multipart commit).", False),
    ],
)
def test_a_bracketed_field_list_specifies_the_data_model(
    catalog: Catalog, text: str, specified: bool
) -> None:
    assert ("data-model" in specified_concepts(_one(catalog, text))) is specified


def test_a_verb_that_weighs_two_sides_states_a_cost(catalog: Catalog) -> None:
    """ "4-6 second segments balance cache granularity with switching responsiveness" weighs
    one good against another; "load balancing with health checks" weighs nothing."""
    concepts = tuple(catalog.vocabulary.concepts.values())
    weighed = "4-6 second segments balance cache granularity with switching responsiveness."
    assert read_text(weighed, concepts)[0].features.cost
    assert not read_text("Load balancing with health checks spreads traffic.", concepts)[
        0
    ].features.cost


def test_what_a_part_holds_is_no_reason(catalog: Catalog) -> None:
    """ "a location service that keeps the latest position per driver" says what the part
    holds; "a TTL that keeps the cache small" says why the TTL is there."""
    from tradeoff.language import lexicon

    assert not lexicon.REASON.search("a location service that keeps the latest position")
    assert lexicon.REASON.search("a TTL that keeps the cache small")


# --- a RAG answer read with the generic rubric (glm-5.2 and its neighbours), our own words


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # A document's pages measured in bytes are no page of results.
        ("Each manual has 10 pages at about 4 KB text/page.", "pagination"),
        ("Scans average 300 words per page.", "pagination"),
        # Round numbers set beside a quantity, or counted, are quantities, not status codes.
        ("Chunk size: 800 tokens vs 400 vs 2000.", "status-codes"),
        ("Keep 800 for prose; use 200 for spreadsheets.", "status-codes"),
        ("A golden set of 500 question-answer pairs is scored nightly.", "status-codes"),
        ('The usage block logs "completion_tokens": 412 for each call.', "status-codes"),
        # A quoted example of what users type names nothing of the design.
        (
            'Sparse search catches exact identifiers ("error code QX-311", part numbers).',
            "status-codes",
        ),
        # Tables inside the documents read are no data model; a chunk offset is no page.
        ("Parse markdown tables before embedding them.", "data-model"),
        ("Each vector carries (doc_id, chunk_id, offset) as its payload.", "pagination"),
        # A network attachment and a vector database's metadata filter are no API.
        ("The indexer reaches the store over a VPC endpoint.", "rest-api"),
        ("The prompt builder calls the Private LLM Endpoint.", "rest-api"),
        ("Financial tables are serialized as Markdown before chunking.", "data-model"),
        ("Sheets are kept as Markdown to prevent row-splitting across chunks.", "data-model"),
        ("The record points at Chunk X, Offset Y inside the blob.", "pagination"),
        ("Each consumer commits its offset after the batch.", "pagination"),
        ("Answers cite their sources as [Source Title, Page X].", "pagination"),
        ("Error rate above 1% for 5 min pages the on-call.", "pagination"),
        ("Versioning: one snapshot per day and a soft-delete flag.", "api-versioning"),
        ("The audit log keeps the request id and the user of every query.", "idempotency"),
        ("Deduplicate chunks by the SHA-256 of their text.", "idempotency"),
        ("When a node crashes or a network partition hits, reads fail over.", "sharding"),
        ("Index overhead: 30% for the IVF tables.", "data-model"),
        ("Mitigation: prepend a table summary to each chunk.", "summary"),
        ("Embedding jobs run on an async queue (Celery + Redis).", "cache"),
        ("The vector store supports payload filtering on group ids.", "api-contract"),
    ],
)
def test_rag_words_that_are_not_what_they_look_like(
    catalog: Catalog, text: str, wrong: str
) -> None:
    assert wrong not in _one(catalog, text).features.concepts


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("The gateway answers 200 OK with the cited passages.", "status-codes"),
        ("The gateway answers 200 on success, 429 when limited.", "status-codes"),
        ("A timeout upstream returns HTTP 500 to the caller.", "status-codes"),
        ('A missing key is logged as "status": 404 in the audit trail.', "status-codes"),
        ("The feed endpoint returns 20 posts per page.", "pagination"),
        ("GET /documents?page=2 lists the next twenty documents.", "pagination"),
        ("Retries carry a request id so the server applies each charge once.", "idempotency"),
        ("Documents are partitioned by tenant id across the nodes.", "sharding"),
        ("Chunk vectors live in Qdrant with their group ids.", "vector-database"),
        ("Hot answers are kept in Redis for an hour.", "cache"),
        ("A vector database keeps the embeddings.", "vector-database"),
    ],
)
def test_rag_words_still_read_where_they_mean_it(catalog: Catalog, text: str, meant: str) -> None:
    assert meant in _one(catalog, text).features.concepts


def test_a_merit_against_a_named_option_is_a_reason(catalog: Catalog) -> None:
    # "cheaper than hosted" praises the option it is said of against another: the reason
    # for it. A merit against a figure sets a target.
    chosen = _one(
        catalog, "Embeddings run self-hosted on one GPU, cheaper than hosted at our volume."
    )
    assert chosen.features.reason and chosen.features.alternative
    target = _one(catalog, "Search must be faster than 200 ms at p99.")
    assert not target.features.reason


def test_a_product_named_with_its_settings_takes_the_why_after_it(
    catalog: Catalog, tmp_path: Path
) -> None:
    claims = _claims(
        catalog,
        "## Vector store\n\n- **Qdrant** (self-hosted, 3 nodes). Why: it filters on group"
        " ids inside the index search.\n",
        tmp_path,
    )
    joined = [c for c in claims if "vector-database" in c.features.choices]
    assert joined and joined[0].features.reason


def test_a_record_written_as_a_tuple_of_fields_is_a_data_model(catalog: Catalog) -> None:
    record = _one(
        catalog, "Metadata in Postgres: `(chunk_id, doc_id, version, acl_groups[], title)`."
    )
    assert "data-model" in specified_concepts(record)
    call = _one(catalog, "Placement is hash(user_id, post_id, ts, shard) modulo the ring.")
    assert "data-model" not in specified_concepts(call)


def test_an_autoscaler_target_is_no_monitoring(catalog: Catalog) -> None:
    scaled = _one(catalog, "Query service: 6 pods, autoscale on RPS, CPU 60% target.")
    assert not scaled.features.monitoring
    paged = _one(catalog, "Page the on-call when p99 latency stays above 800 ms for 5 min.")
    assert paged.features.monitoring


def test_a_component_named_in_a_budget_is_not_specified(catalog: Catalog, tmp_path: Path) -> None:
    # Under an estimate, "caching misses" beside the cost ceiling weighs the budget; the
    # cache is specified where the design sizes it or draws it.
    from tradeoff.review.coverage import item_support

    item = next(i for i in catalog.generic_rubric.components.items if i.id == "cache")
    budget = _claims(
        catalog,
        "## Capacity estimates\n\n- The $0.05 ceiling absorbs model cost spikes and caching"
        " misses comfortably.\n",
        tmp_path,
    )
    assert item_support(item, budget, None, "components").credit == 0
    sized = _claims(
        catalog, "## Capacity estimates\n\n- The answer cache holds 40 GB in Redis.\n", tmp_path
    )
    assert item_support(item, sized, None, "components").credit == 1


@pytest.mark.parametrize(
    "text",
    [
        "Daily query volume: 10,000 queries/day.",
        "Peak load: 5 queries per second.",
        "The corpus splits into 40 M chunks of 800 tokens.",
    ],
)
def test_retrieval_workloads_are_quantities(catalog: Catalog, text: str) -> None:
    # Queries, chunks and tokens are how a RAG answer counts its load and its corpus.
    assert _one(catalog, text).features.quantities > 0


def test_a_rate_item_needs_a_rate(catalog: Catalog, tmp_path: Path) -> None:
    # "Derives request rates." names its quantity in words: a count of documents is no rate.
    from tradeoff.review.coverage import item_support

    item = next(i for i in catalog.generic_rubric.capacity.items if i.id == "rates")
    count = _claims(catalog, "## Capacity\n\n- Documents: 1 million documents.\n", tmp_path)
    assert item_support(item, count, None, "capacity").credit == 0
    rate = _claims(catalog, "## Capacity\n\n- Peak load: 30 queries per second.\n", tmp_path)
    assert item_support(item, rate, None, "capacity").credit == 1


def test_an_offer_of_more_work_is_no_part_of_the_design(catalog: Catalog, tmp_path: Path) -> None:
    # "If you want, I can also turn this into: - a 1-page architecture summary" offers a
    # summary; it is none.
    claims = _claims(
        catalog,
        "## Closing\n\nThe index is sharded by tenant.\n\nIf you want, I can also turn this"
        " into:\n- a 1-page architecture summary\n- a deep dive on ACL filtering\n",
        tmp_path,
    )
    assert [c.text for c in claims] == ["The index is sharded by tenant."]
    kept = _claims(
        catalog, "## Queue\n\nIf you want strict ordering, use one partition per key.\n", tmp_path
    )
    assert len(kept) == 1


def test_a_goal_with_its_reason_is_no_decision(catalog: Catalog, tmp_path: Path) -> None:
    from tradeoff.review.coverage import item_support

    item = next(i for i in catalog.generic_rubric.tradeoffs.items if i.id == "reasons")
    goal = _claims(
        catalog,
        "## Requirements\n\n### Non-functional\n\n- Cost control: model calls dominate"
        " cost, so keep them few.\n",
        tmp_path,
    )
    assert item_support(item, goal, None, "tradeoffs").credit == 0
    decided = _claims(
        catalog,
        "## Retrieval\n\n- We rerank only the top 20, so the cross-encoder stays under 250 ms.\n",
        tmp_path,
    )
    assert item_support(item, decided, None, "tradeoffs").credit == 1


def test_defining_the_api_takes_a_written_call(catalog: Catalog, tmp_path: Path) -> None:
    # A source's API named in a connector table defines nothing of this design's API; a
    # call written out does, whether or not it says "REST".
    from tradeoff.review.coverage import item_support

    item = next(i for i in catalog.generic_rubric.api_data.items if i.id == "api")
    named = _claims(
        catalog, "## Ingestion\n\n- Wiki connector: REST API plus OAuth, polled hourly.\n", tmp_path
    )
    assert item_support(item, named, None, "api_data").credit == 0
    written = _claims(
        catalog,
        "## API\n\n```\n$ curl -X POST https://assistant.example.com/api/v1/ask\n```\n",
        tmp_path,
    )
    assert item_support(item, written, None, "api_data").credit == 1


def test_sizing_for_peak_takes_a_rate(catalog: Catalog, tmp_path: Path) -> None:
    # Headroom on a disk is no peak of traffic; a peak rate, even with its unit in the
    # row's label, is.
    from tradeoff.review.coverage import item_support

    item = next(i for i in catalog.generic_rubric.capacity.items if i.id == "peak")
    disk = _claims(
        catalog, "## Capacity\n\n- With 20% headroom: provision 60 GB for the index.\n", tmp_path
    )
    assert item_support(item, disk, None, "capacity").credit == 0
    row = _claims(
        catalog,
        "## Capacity\n\n| Parameter | Value |\n|---|---|\n| Peak read RPS (3x) | ~90,000 |\n",
        tmp_path,
    )
    assert item_support(item, row, None, "capacity").credit == 1


def test_hard_line_breaks_end_entries_of_their_own(catalog: Catalog, tmp_path: Path) -> None:
    # Lines ended by two spaces render as lines: each label and bullet is read and cited on
    # its own line, not all on the first. An option keeps its pros and cons together.
    claims = _claims(
        catalog,
        "# Assistant\n\n> **Audience:** platform team  \n> **Constraints:**  \n"
        "> • Low latency (< 700 ms) for chat  \n> • Up to 2k QPS at peak\n\n"
        "## Push\n\nPros: fast reads  \nCons: write amplification\n",
        tmp_path,
    )
    by_line = {c.line: c.text for c in claims}
    assert by_line[5].startswith("• Low latency") and by_line[6].startswith("• Up to 2k")
    assert by_line[3] == "Audience: platform team"
    assert (
        11 not in by_line
        and by_line[10].split() == "Pros: fast reads Cons: write amplification".split()
    )


def test_a_drop_in_latency_is_no_cost(catalog: Catalog) -> None:
    gain = _one(catalog, "With caching of frequent queries, latency can drop further.")
    assert not gain.features.cost
    loss = _one(catalog, "Under overload the gateway can drop requests.")
    assert loss.features.cost


@pytest.mark.parametrize(
    ("text", "sizing"),
    [
        ("so 50 workers can transcode one video in parallel", False),
        ("4 threads per request", False),
        ("We run 2,000 transcoding workers.", True),
        ("We run 3 replicas per shard", True),
        ("8 workers per region", True),
        ("16 shards, one per region", True),
        ("~16-32 shards (each handling ~2500 reads/sec)", True),
        ("a sharded 3-node cluster with 64 GB RAM each", True),
    ],
)
def test_machines_given_to_one_item_of_work_size_nothing(text: str, sizing: bool) -> None:
    # Workers that share one video's chunks say how one job is split, not how big the fleet is.
    assert lexicon.is_sizing(text) is sizing


@pytest.mark.parametrize(
    ("text", "specific"),
    [
        ("The first thing to break at 10x is fan-out for users with many followers.", False),
        ("If traffic grows 10x, fan-out for celebrities breaks first.", False),
        ("At 10x the traffic, fan-out runs on 40 workers.", True),
        ("Fan-out alerts at 3x the weekly baseline of queue lag.", True),
        ("At 1x speed, fan-out keeps up with 1,200 posts/s.", True),
    ],
)
def test_a_growth_scenario_is_no_figure_of_what_it_names(
    catalog: Catalog, text: str, specific: bool
) -> None:
    # "at 10x" is the scale an answer imagines: it names what breaks there (a bottleneck),
    # and says nothing checkable of the fan-out it names.
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert claim.features.substantive_for("fan-out-on-write") is specific
    assert claim.features.substantive_for("bottlenecks") or "bottlenecks" not in (
        claim.features.concepts
    )


@pytest.mark.parametrize(
    "text",
    [
        "Collisions are very unlikely so it should be fine.",
        "Hot keys are rare, so that won't be a problem.",
    ],
)
def test_an_assurance_is_no_reason(catalog: Catalog, text: str) -> None:
    # "so it should be fine" waves the point away; it gives no reason for anything.
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert not claim.features.reason


def test_hashing_the_url_is_a_way_to_make_codes(catalog: Catalog) -> None:
    (claim,) = read_text(
        "For the short code we hash the URL and take some characters.",
        catalog.vocabulary.concepts.values(),
    )
    # Hashing the URL is its own way to make codes (url-digest), apart from base62, which
    # only writes a number or a hash down.
    assert "url-digest" in claim.features.concepts


@pytest.mark.parametrize(
    "text",
    [
        "The player sends playback heartbeats every 15 seconds to the events API.",
        "Clients post view events in batches every 30 s; a stream job counts them.",
    ],
)
def test_playback_beacons_are_view_events_posted_in_batches(
    catalog: Catalog, text: str, tmp_path: Path
) -> None:
    # The player reporting playback periodically is what "view events are posted in batches
    # by the player" asks, however it is worded; a worker's heartbeat is not.
    claims = _claims(catalog, f"## Views\n\n- {text}\n", tmp_path)
    (item,) = [
        i for d, i in catalog.problems["video-streaming"].rubric.items() if i.id == "view-events"
    ]
    assert item_support(item, claims, dimension="api_data").status == SUBSTANCE


def test_a_worker_heartbeat_is_no_playback_beacon(catalog: Catalog) -> None:
    claim = _one(catalog, "Transcoder workers send a heartbeat every 10 s to the scheduler.")
    assert "playback-beacons" not in claim.features.concepts


def test_a_rate_written_with_a_slash_is_no_pair_of_options(catalog: Catalog) -> None:
    # "edits/s" once read as "X/Y", two names side by side, so "maybe 1,500/s at peak" left
    # its peak as an option the line did not choose.
    rate = _one(catalog, "Edits: 2M x 20 / 86,400 = about 460 edits/s, maybe 1,500/s at peak.")
    assert "peak-traffic" in rate.features.concepts
    pair = _one(catalog, "The cache could be Redis/Memcached.")
    assert "cache" in pair.features.options


def test_a_crdt_merge_with_its_cost_is_a_consistency_model(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = (
        "## Sync\n\n- Concurrent edits to a note merge with a text CRDT, because two offline"
        " devices must never lose each other's text; the cost is that its metadata doubles the"
        " stored size.\n"
    )
    claims = _claims(catalog, text, tmp_path)
    (item,) = [i for d, i in catalog.generic_rubric.items() if i.id == "consistency"]
    assert item_support(item, claims, dimension="tradeoffs").status == SUBSTANCE


def test_so_after_a_parenthesis_gives_a_reason(catalog: Catalog) -> None:
    # "(HourlyPricing, FlatNightPricing) so the lot can ..." read as no reason: the pattern
    # wanted a word right before " so".
    strategy = _one(
        catalog,
        "Pricing is a strategy interface (HourlyPricing, FlatNightPricing) so the lot can"
        " change rates without touching ParkingLot.",
    )
    assert strategy.features.reason


def test_a_class_box_with_methods_specifies_the_class_and_its_interface(
    catalog: Catalog, tmp_path: Path
) -> None:
    # A classDiagram box lists signatures ("+park(vehicle) Ticket"); its label alone was read
    # as a name, so "Clear signatures such as ..." was only "mentioned" at a prose line.
    text = (
        "## Classes\n\n```mermaid\nclassDiagram\n  class ParkingLot {\n"
        "    +levels: List~Level~\n    +park(vehicle) Ticket\n    +leave(ticket) Payment\n"
        "  }\n  class Level {\n    +spots: List~Spot~\n  }\n  ParkingLot --> Level\n```\n"
    )
    claims = _claims(catalog, text, tmp_path)
    boxes = [c for c in claims if c.text.startswith("ParkingLot:")]
    assert boxes and {"class-design", "interface"} <= specified_concepts(boxes[0])
    plain = [c for c in claims if c.text.startswith("Level:")]
    assert plain and "interface" not in specified_concepts(plain[0])


def test_metrics_listed_apart_from_their_targets_monitor_with_slos(
    catalog: Catalog, tmp_path: Path
) -> None:
    # The targets sit in the requirements, the metrics under "Track:"; together they are
    # "Monitors with concrete metrics and SLOs". Without a target the list alone is not.
    metrics = "## Metrics\n\nTrack:\n- request latency per stage\n- connector error rate\n"
    targets = "## Targets\n\n- p95 first token: < 1.5 s\n\n"
    (item,) = [i for d, i in catalog.generic_rubric.items() if i.id == "monitoring"]
    both = _claims(catalog, targets + metrics, tmp_path)
    assert item_support(item, both, dimension="reliability").status == SUBSTANCE
    alone = _claims(catalog, metrics, tmp_path)
    assert item_support(item, alone, dimension="reliability").status != SUBSTANCE


@pytest.mark.parametrize(
    ("text", "presence"),
    [
        ("On reconnect the client pulls everything after its last seen sequence.", False),
        ("The feed request carries a cursor: the last seen timestamp.", False),
        ("Online and last-seen presence are in scope.", True),
        ("Last-seen is eventually consistent.", True),
    ],
)
def test_a_last_seen_position_is_no_presence(catalog: Catalog, text: str, presence: bool) -> None:
    # A typed chat session's report credited "A separate presence service ..." with "the
    # client pulls everything after its last seen sequence on reconnect".
    claim = _one(catalog, text)
    assert ("presence" in claim.features.concepts) is presence


@pytest.mark.parametrize("said", ["last-writer-wins", "last writer wins"])
def test_last_writer_wins_is_a_conflict_rule(catalog: Catalog, said: str) -> None:
    # The catalog's own items say "last-writer-wins"; the lexicon knew only "last write wins".
    claim = _one(catalog, f"Two edits of one cell are settled by {said}.")
    assert {"sync-protocol", "conflict-resolution"} <= claim.features.concepts


def test_the_visible_window_of_a_grid_is_virtualised_rendering(catalog: Catalog) -> None:
    # The part of the grid on screen, drawn with a margin: no window of time to aggregate.
    claim = _one(catalog, "We render only the visible window of the grid plus a margin of rows.")
    assert "virtualization" in claim.features.concepts
    assert "windowed-aggregation" not in claim.features.concepts


def test_a_sliding_window_is_still_a_window_of_time(catalog: Catalog) -> None:
    claim = _one(catalog, "Counts are summed per one-minute window and rolled up hourly.")
    assert "windowed-aggregation" in claim.features.concepts


def test_a_thundering_herd_is_met_by_coalescing_not_invalidation(catalog: Catalog) -> None:
    # A stampede of misses is what one rebuild per key prevents; it invalidates nothing.
    claim = _one(catalog, "Thundering herd on a miss: requests for one key wait for one rebuild.")
    assert "request-coalescing" in claim.features.concepts
    assert "cache-invalidation" not in claim.features.concepts


@pytest.mark.parametrize(
    ("heading", "line", "alternative", "reason"),
    [
        # A choice written as a label over why: the label turns an option down.
        (
            "Trade-offs",
            "Canvas over DOM: DOM cells cannot keep 60 fps past a few thousand.",
            True,
            True,
        ),
        (
            "Design",
            "Sharding by user instead of by time: one user's reads hit one node.",
            True,
            True,
        ),
        # Only the cost follows the colon: an alternative with no reason.
        ("Trade-offs", "Canvas over DOM: the downside is our own text layout.", True, False),
        # Outside a decisions heading, "A over B:" names a transport, not a rejected option.
        (
            "Design",
            "Chat over WebSocket: the server pushes each message as it arrives.",
            False,
            False,
        ),
    ],
)
def test_a_choice_written_as_a_label_over_its_why(
    catalog: Catalog, heading: str, line: str, alternative: bool, reason: bool, tmp_path: Path
) -> None:
    claims = _claims(catalog, f"## {heading}\n\n- {line}\n", tmp_path)
    assert len(claims) == 1, claims
    assert (claims[0].features.alternative, claims[0].features.reason) == (alternative, reason)


@pytest.mark.parametrize(
    "text",
    [
        "Inbox table: PK (user_id, seq), with sender and preview.",
        "Messages are keyed by (user_id, seq).",
        "| order_id | uuid | PK |",
    ],
)
def test_a_key_written_as_pk_or_keyed_by_a_tuple_is_key_design(catalog: Catalog, text: str) -> None:
    # "PK (user_id, seq)" names the table's key as plainly as "primary key" does.
    claims = read_text(text, catalog.vocabulary.concepts.values())
    assert any("partition-key" in c.features.concepts for c in claims), claims


def test_a_freshness_bound_specifies_the_consistency_readers_get(catalog: Catalog) -> None:
    # "within 5 s" bounds how stale a follower's feed may be: a quantified target, which
    # the generic rubric's non-functional item and the requirements ladder count.
    claim = _one(catalog, "New posts appear in followers' feeds within 5 s.")
    assert "consistency-model" in specified_concepts(claim)
    vague = _one(catalog, "New posts appear in followers' feeds quickly.")
    assert "consistency-model" not in specified_concepts(vague)


@pytest.mark.parametrize(
    ("heading", "line", "states"),
    [
        ("Design", "ShowSeat: AVAILABLE -> HELD -> BOOKED.", True),
        ("State transitions", "Booking: PENDING -> CONFIRMED on payment.", True),
        # A request path, even in capitals, moves a request between parts, not a state.
        ("Design", "CLIENT -> GATEWAY -> SERVICE on every call.", False),
        ("Design", "Requests go API -> CDN -> ORIGIN on a miss.", False),
    ],
)
def test_states_written_as_arrows_are_a_state_machine(
    catalog: Catalog, heading: str, line: str, states: bool, tmp_path: Path
) -> None:
    claims = _claims(catalog, f"## {heading}\n\n- {line}\n", tmp_path)
    assert ("state-machine" in specified_concepts(claims[0])) is states


@pytest.mark.parametrize(
    ("line", "enum"),
    [
        ("Each ShowSeat has a `SeatStatus` (AVAILABLE, HELD, BOOKED).", True),
        ("VehicleType: CAR | TRUCK | MOTORBIKE decides which spots fit.", True),
        ("The API speaks HTTP/2 (GET, POST) behind the gateway.", False),
    ],
)
def test_an_enum_written_with_its_values(
    catalog: Catalog, line: str, enum: bool, tmp_path: Path
) -> None:
    claims = _claims(catalog, f"## Classes\n\n- {line}\n", tmp_path)
    assert ("enums-value-objects" in specified_concepts(claims[0])) is enum


@pytest.mark.parametrize(
    ("line", "concept", "rejected"),
    [
        ("A cache isn't required at this scale.", "cache", True),
        ("Sharding would be overkill here.", "sharding", True),
        ("Message deduplication is not needed downstream.", "content-dedup", True),
        # "needed", and "not only", reject nothing
        ("Deduplication is needed for replays.", "content-dedup", False),
        ("A cache is not only fast but cheap.", "cache", False),
    ],
)
def test_a_thing_rejected_after_it_is_named(
    catalog: Catalog, line: str, concept: str, rejected: bool
) -> None:
    claim = _one(catalog, line)
    assert (concept in claim.features.negated) is rejected
    assert (concept in claim.features.concepts) is not rejected


@pytest.mark.parametrize(
    ("line", "derivation", "sizing"),
    [
        # a rate carried into another period after ", about"
        ("Assume 2B messages a day, about 23K/s on average.", True, False),
        ("Assume 2 million requests a day: about 23 requests/s.", True, False),
        # a size per message worked into bytes a day, said in words
        ("At 200 bytes a message that is 400 GB a day.", True, False),
        # a fleet sized in words
        ("At 100K connections per gateway that is 500 gateways.", False, True),
        # a count after the marker works nothing out
        ("A lookup takes 200 ms, that's two round trips.", False, False),
    ],
)
def test_estimates_worked_in_words(
    catalog: Catalog, line: str, derivation: bool, sizing: bool
) -> None:
    claim = _one(catalog, line)
    assert (claim.features.derivation, claim.features.sizing) == (derivation, sizing)


@pytest.mark.parametrize(
    ("line", "concept", "named"),
    [
        ("A per-conversation counter gives a strict order per conversation.", "ordering", True),
        ("Offline members get a push notification on their phones.", "offline-sync", True),
        # a chat's message history is no undo history
        ("Each device loads the message history of a conversation.", "undo-redo", False),
        ("The editor keeps an undo history of the last 100 commands.", "undo-redo", True),
    ],
)
def test_chat_words_name_their_concepts(
    catalog: Catalog, line: str, concept: str, named: bool
) -> None:
    assert (concept in _one(catalog, line).features.concepts) is named


def test_replicas_in_three_zones_survive_a_zone(catalog: Catalog, tmp_path: Path) -> None:
    text = (
        "## Failures\n\n- A whole zone lost: replicas are placed in three zones, so every key"
        " keeps two copies.\n"
    )
    claims = _claims(catalog, text, tmp_path)
    assert "multi-region" in claims[0].features.concepts
    item = next(
        i for _, i in catalog.problems["key-value-store"].rubric.items() if i.id == "zone-loss"
    )
    assert item_support(item, claims, dimension="reliability").status == SUBSTANCE


def test_a_later_pass_is_no_deferral(catalog: Catalog, tmp_path: Path) -> None:
    # "until a later pass" is when the cost is paid back, not work put off: the choice stands,
    # and the label "A over B:" names the option turned down even with articles in it.
    text = (
        "## Trade-offs\n\n- Bloom filter over an exact set in a database: 12 GB in memory"
        " instead of a 1 TB lookup per link, at the cost of skipping 1% of new URLs until a"
        " later pass.\n"
    )
    claim = _claims(catalog, text, tmp_path)[0]
    assert "bloom-filter" in claim.features.concepts
    assert claim.features.alternative and claim.features.reason
    deferred = _one(catalog, "We can add a Bloom filter later.")
    assert "bloom-filter" in deferred.features.options


@pytest.mark.parametrize(
    ("line", "concept", "named"),
    [
        # a fetcher's lease on a batch of URLs is a work lease, as a job's is
        ("A fetcher dies: its leased URLs return to the queue when the lease runs out.",
         "work-lease", True),
        ("Each worker leases a batch of jobs for five minutes.", "work-lease", True),
        # web pages a crawler downloads are no pages of results
        ("News pages get fetched hourly and static pages monthly.", "pagination", False),
        ("List calls return the next page with a cursor.", "pagination", True),
        # a lookup in a table reads it; it names no record of the data model
        ("A 1 TB table lookup per link would be too slow.", "data-model", False),
        # a write that is safe to repeat is idempotent, in other words
        ("Re-sending part n overwrites it, so a retry is safe.", "idempotency", True),
        # a consumer group's committed position, as a call or in prose
        ("`commit(group, topic, partition, offset)` stores a group's position.",
         "consumer-group", True),
        # a typeahead's hot keys and its index updates, as candidates name them
        ("Hot prefixes such as 'a' and 'th' are replicated to every server.", "hot-key", True),
        ("Rebuild every 15 minutes rather than updating per query.", "batch-processing", True),
        ("Streaming updates put a trending query in the index within a minute.",
         "stream-processor", True),
        # how far an index lags its source is its consistency
        ("Index freshness vs cost: we index asynchronously, so new mail is searchable in"
         " seconds.", "consistency-model", True),
        ("The app re-checks ACLs because a stale index is a normal operating condition.",
         "consistency-model", True),
        # collaborators' cursors on a board are presence, not pagination; a board holds
        # shapes, no reservation
        ("Cursors and selections go over the awareness channel at 20 Hz.", "presence", True),
        ("Cursors and selections go over the awareness channel at 20 Hz.", "pagination", False),
        ("Boards hold up to 20,000 shapes.", "inventory-reservation", False),
        # a consumer's committed offset is no database transaction
        ("`commit(group, topic, partition, offset)` stores a group's position.", "transaction",
         False),
        ("We commit the order and the payment in one transaction.", "transaction", True),
        # an elevator's scheduling and modes, as candidates name them
        ("SCAN over first-come-first-served: fewer direction changes.", "elevator-scheduling",
         True),
        ("A car in maintenance is skipped by the dispatcher.", "elevator-modes", True),
        ("A zoning strategy at rush hour sends idle cars to the lobby.", "elevator-peak-mode",
         True),
        # "plan for" is the verb: no billing plan, no agenda
        ("Flash sales reach 20x, so plan for 2,500 orders/s.", "quota", False),
        ("Flash sales reach 20x, so plan for 2,500 orders/s.", "structure", False),
        ("The free plan allows 100 calls a day.", "quota", True),
        # a product's dashboard is a screen for its users, not the operators' monitoring
        ("Aggregates go to ClickHouse for the user dashboard to query.", "monitoring", False),
        ("Sellers see sales on the seller dashboard.", "monitoring", False),
        ("On-call watches the Grafana dashboard for p99 latency.", "monitoring", True),
        # "scope the problem", "in scope": the bounds of the work, no permission (the
        # authorisation sense is the plural or a token's, key's or claim's scope)
        ("Gather requirements and scope the problem.", "authorization", False),
        ("Search and ads are not in scope for this round.", "authorization", False),
        ("Each API key carries scopes such as links:write.", "authorization", True),
        ("The token scope is checked on every call.", "authorization", True),
        # the headers of a limited response are its contract, not a customer's quota or plan
        ("A limited call gets 429 with Retry-After and X-RateLimit-Remaining.", "quota", False),
        ("A limited call gets 429 with Retry-After and X-RateLimit-Remaining.",
         "rejection-contract", True),
        ("Each plan has its own quota of calls a minute.", "quota", True),
        # what a limit counts against, said as the identifiers a limiter extracts
        ("The middleware extracts client identifiers (user ID, API key, IP).", "limit-key", True),
        ("Limits are kept per API key, and per IP for anonymous callers.", "limit-key", True),
        ("Each API key carries scopes such as links:write.", "limit-key", False),
        # the hot keys of a video or object store are its viral videos and hot objects
        ("Hot video spike (viral): the CDN absorbs it.", "hot-key", True),
        ("Use CDN edge caches for hot objects.", "hot-key", True),
        # awareness of something (sentences, cost, racks) is no collaborators' presence
        ("We split text with sentence awareness.", "presence", False),
        ("Cursors and selections go over the awareness channel.", "presence", True),
    ],
)  # fmt: skip
def test_words_read_in_their_sense(catalog: Catalog, line: str, concept: str, named: bool) -> None:
    assert (concept in _one(catalog, line).features.concepts) is named


@pytest.mark.parametrize(
    ("line", "rates"),
    [
        ("Respect robots.txt: at most one request per host per second.", 1),
        ("Each host gets one request every two seconds.", 1),
        ("Snapshots are taken once a day.", 1),
        # counts in words are not figures a line means to state
        ("One of the replicas takes over.", 0),
        ("Two users may edit the same cell at once.", 0),
    ],
)
def test_rates_spelled_in_words_are_quantities(catalog: Catalog, line: str, rates: int) -> None:
    assert _one(catalog, line).features.quantities == rates


def test_a_mode_named_by_its_trigger_answers_it(catalog: Catalog) -> None:
    # "Fire alarm" names the fire-recall mode; masked as a name, the failure it answers
    # would have no trigger.
    claim = _one(catalog, "Fire alarm: all cars go to the ground floor and open their doors.")
    assert "elevator-modes" in claim.features.concepts
    assert claim.features.failure_response


@pytest.mark.parametrize("heading", ["Extension Ideas", "Future work", "Roadmap", "Out of scope"])
def test_a_line_under_future_work_proposes_and_designs_nothing(
    catalog: Catalog, heading: str, tmp_path: Path
) -> None:
    # "Longer TTL for known heavy hitters" under "Extension Ideas" is an idea for later,
    # not the hot-key handling of the design; the same line under "Hot keys" is.
    line = "- Longer TTL and local token batches for known heavy hitters.\n"
    later = _claims(catalog, f"## {heading}\n\n{line}", tmp_path)[0]
    assert "hot-key" in later.features.options and "hot-key" not in later.features.concepts
    now = _claims(catalog, f"## Hot keys\n\n{line}", tmp_path)[0]
    assert "hot-key" in now.features.concepts


def test_i_accept_states_a_cost(catalog: Catalog) -> None:
    # "I accept" is "we accept" said by one candidate: the price of the choice.
    claim = _one(catalog, "I accept one small coordinated component to get zero collisions.")
    assert claim.features.cost


def test_a_free_spot_index_weighs_the_lookup(catalog: Catalog, tmp_path: Path) -> None:
    item = next(
        i for _, i in catalog.problems["parking-lot"].rubric.items() if i.id == "free-spot-lookup"
    )
    index = _claims(
        catalog,
        "## Allocation\n\n- Free sets per level and size make the pick O(log n) instead of"
        " scanning 1,000 spots.\n",
        tmp_path,
    )
    assert item_support(item, index, dimension="tradeoffs").status == SUBSTANCE
    # a fee formula with a reason is no free-spot lookup
    fee = _claims(
        catalog,
        "## Pricing\n\n- The fee is capped daily because long stays were unfair.\n",
        tmp_path,
    )
    assert item_support(item, fee, dimension="tradeoffs").status != SUBSTANCE


@pytest.mark.parametrize(
    ("failure", "mitigation"),
    [
        ("Potential Failure", "Mitigation Strategy"),
        ("Failure Scenario", "Mitigation"),
        ("Failure", "Recovery Plan"),
    ],
)
def test_a_failure_tables_qualified_columns_pair_failure_and_answer(
    catalog: Catalog, failure: str, mitigation: str, tmp_path: Path
) -> None:
    # "| Potential Failure | Impact | Mitigation Strategy |" is a failure table as "| Failure |
    # Impact | Mitigation |" is: each row pairs a failure with its answer, whatever verb.
    text = (
        "# Assistant\n\n## Failures\n\n"
        f"| {failure} | Impact | {mitigation} |\n|---|---|---|\n"
        "| Search index unavailable | No context for answers | Run the index on three nodes"
        " in separate zones |\n"
    )
    (row,) = [c for c in _claims(catalog, text, tmp_path) if c.kind == "row"]
    assert row.features.failure_response


@pytest.mark.parametrize(
    ("line", "reached"),
    [
        # the copies of a named store: redundancy, with no number needed
        ("- Use read replicas for the metadata DB.", 1.0),
        ("- Metadata DB: streaming replication and daily snapshots.", 1.0),
        # a technique named beside another, or a property claimed: no copies of anything
        ("- Read scaling via caching and replication.", 0.0),
        ("- Replication ensures that data is never lost.", 0.0),
    ],
)
def test_redundancy_is_copies_of_a_part_that_holds_state(
    catalog: Catalog, line: str, reached: float, tmp_path: Path
) -> None:
    text = f"# Video site\n\n## Reliability\n\n{line}\n"
    rungs = {r.name: r.reached for r in ladder("reliability", _claims(catalog, text, tmp_path))}
    assert rungs["redundancy"] == reached


@pytest.mark.parametrize(
    "text",
    [
        # a bold label over a table heads its rows
        "**Scale assumptions (for the estimates):**\n\n| Input | Value |\n|---|---|\n"
        "| Daily users | 2,000 |\n",
        # an item that opens in bold heads the items nested under it
        "* **Scale assumptions** (used for the estimates)\n  * 2,000 daily users\n",
    ],
)
def test_a_bold_label_heads_the_table_or_list_under_it(
    catalog: Catalog, text: str, tmp_path: Path
) -> None:
    claims = _claims(catalog, f"# Assistant\n\n## Estimates\n\n{text}", tmp_path)
    (users,) = [c for c in claims if "2,000" in c.text]
    assert users.heading.startswith("Scale assumptions")
    rungs = {r.name: r.reached for r in ladder("communication", claims)}
    assert rungs["assumptions said aloud"] > 0


@pytest.mark.parametrize(
    ("text", "reached"),
    [
        # the same endpoint restated on the read path and in a diagram is one endpoint
        (
            "## API\n\n- `GET /{code}` redirects.\n\n## Read path\n\n- The browser sends"
            " `GET /:code` to the edge.\n- The edge forwards `GET /{code}` to the redirect"
            " service.\n",
            1 / 3,
        ),
        # three endpoints written on one line are three
        ("## API\n\n- `POST /links`, `GET /{code}` and `DELETE /links/{code}`.\n", 1.0),
    ],
)
def test_endpoints_are_counted_once_each(
    catalog: Catalog, text: str, reached: float, tmp_path: Path
) -> None:
    claims = _claims(catalog, f"# Links\n\n{text}", tmp_path)
    rungs = {r.name: r.reached for r in ladder("api_data", claims)}
    assert rungs["endpoints defined"] == pytest.approx(reached)


def test_a_lead_in_with_its_list_specifies_what_it_names(catalog: Catalog, tmp_path: Path) -> None:
    # "Use an opaque cursor containing:" over what the cursor holds says what the cursor is;
    # the same lead-in with nothing under it only names one.
    listed = "Use an opaque cursor containing:\n\n- the last score\n- the last post id\n"
    bare = "Use an opaque cursor containing:\n\nThe feed service reads the timeline.\n"
    for text, specified in ((listed, True), (bare, False)):
        claims = _claims(catalog, f"# Feed\n\n## Pagination\n\n{text}", tmp_path)
        (lead,) = [c for c in claims if c.text.startswith("Use an opaque cursor")]
        assert ("cursor-pagination" in specified_concepts(lead)) is specified


@pytest.mark.parametrize(
    "line",
    [
        "Approach 1: hash the long URL and keep 7 characters. Flaw: collisions grow with volume.",
        "Weakness: a counter makes codes guessable.",
    ],
)
def test_a_flaw_or_weakness_label_states_a_cost(catalog: Catalog, line: str) -> None:
    claims = read_text(line, catalog.vocabulary.concepts.values())
    assert any(c.features.cost for c in claims), [c.text for c in claims]


def test_rates_derived_in_words_on_one_line_count_each(catalog: Catalog, tmp_path: Path) -> None:
    # "40 writes a second" is a rate said in words, and a line that works out the write
    # rate and the read rate derives two.
    text = (
        "# Links\n\n## Estimates\n\n100M links a month is about 40 writes a second, and at"
        " 100 reads per write that is 4,000 reads a second.\n"
    )
    rungs = {r.name: r.reached for r in ladder("capacity", _claims(catalog, text, tmp_path))}
    assert rungs["rates and storage derived"] == pytest.approx(0.4 + 0.3 / 4)


def test_to_achieve_opens_a_purpose() -> None:
    # "To achieve X, we use Y" says why Y was chosen, as "to guarantee X" does.
    assert lexicon.REASON.search("To achieve strong consistency, we run a Raft group per range.")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # A consequence clause names its subject; a subject that is a concept's name
        # ("consumers", "workers") is masked before the reason search, and still says why.
        ("The log sits in front of the indexer so consumers can rebuild it after a loss.", True),
        ("Jobs wait on a queue so the workers never sit idle during a burst.", True),
        ("Orders land in a log so auditors can read them back later.", True),
        # A degree ("so big it never fits") and "so far" give no reason.
        ("The snapshot is so big it never fits in one node's memory.", False),
        ("So far the index holds every document.", False),
    ],
)
def test_so_a_subject_can_is_a_reason(catalog: Catalog, text: str, reason: bool) -> None:
    assert _one(catalog, text).features.reason is reason


@pytest.mark.parametrize(
    "text",
    [
        # A figure the candidate says they picked is an assumption, in whatever words.
        "The corpus holds about 300,000 documents, a rough estimate for a firm of our size.",
        "We expect about 3 searches per employee a day.",
        "The ballpark is 20 GB of new text a month.",
    ],
)
def test_a_figure_said_as_an_estimate_is_an_assumption(catalog: Catalog, text: str) -> None:
    claim = _one(catalog, text)
    assert "assumptions" in claim.features.concepts and claim.features.quantities > 0


@pytest.mark.parametrize(
    "text",
    [
        # A promise that stored data survives, said with "must not be lost" and its kin.
        "Reliability: a posted photo must not be lost.",
        "Once acknowledged, an order can never be lost.",
    ],
)
def test_must_not_be_lost_is_durability(catalog: Catalog, text: str) -> None:
    assert "durability" in _one(catalog, text).features.concepts


def test_a_table_of_routes_writes_its_endpoints(catalog: Catalog, tmp_path: Path) -> None:
    # "| POST | /v1/ask |" writes the endpoint "POST /v1/ask" across two cells.
    from tradeoff.design.extract import find_endpoints
    from tradeoff.review.substance import writes_endpoint

    text = (
        "## API\n\n| Method | Path | Returns |\n|---|---|---|\n"
        "| POST | /v1/ask | the answer and its sources; 200, 429 |\n"
        "| `GET` | `/v1/threads/{id}` | the turns of a thread; 200, 404 |\n"
    )
    rows = [c for c in _claims(catalog, text, tmp_path) if c.kind == "row"]
    assert len(rows) == 2 and all(writes_endpoint(row.text) for row in rows)
    lines = list(enumerate(text.splitlines(), start=1))
    assert [(e.method, e.path) for e in find_endpoints(lines)] == [
        ("POST", "/v1/ask"),
        ("GET", "/v1/threads/{id}"),
    ]


@pytest.mark.parametrize(
    ("text", "endpoint"),
    [
        # Python's block colon ends a definition; it gives no result type.
        ("    def __init__(self, memory_cache, index_service):", False),
        ("    def process_query(self, query):", False),
        # A result type after the call: a signature of an interface.
        ("def get_feed(user_id: str, cursor: str) -> Feed:", True),
        ("  answer(question: String!, sessionId: ID): Answer!", True),
    ],
)
def test_a_block_colon_is_no_result_type(text: str, endpoint: bool) -> None:
    from tradeoff.review.substance import writes_endpoint

    assert writes_endpoint(text) is endpoint


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        # A rate said with "a" states the scale as "per day" does.
        ("About 3,000 questions a day come from the lab's staff.", True),
        ("Editors publish 40 articles a day.", True),
        # How often a job runs is no load on the system.
        ("Backups run 2 times a day.", False),
    ],
)
def test_a_rate_said_with_a_states_the_scale(catalog: Catalog, text: str, scale: bool) -> None:
    assert ("scale-numbers" in specified_concepts(_one(catalog, text))) is scale


@pytest.mark.parametrize(
    ("text", "derived"),
    [
        # an operand may carry its period in its unit: this multiplies and divides
        ("Writes: 3M PUT/s × 20 MB avg = 60 TB/s.", True),
        ("Per node: 12 million ops/sec peak ÷ 3,000 nodes = 4,000 ops/s per node.", True),
        # a rate with its unit and nothing worked out
        ("Each node takes 4 req/s at most.", False),
        ("About 5 GB/s per node.", False),
    ],
)
def test_an_operand_with_a_per_second_unit_is_worked_arithmetic(
    catalog: Catalog, text: str, derived: bool
) -> None:
    assert _one(catalog, text).features.derivation is derived


@pytest.mark.parametrize(
    ("text", "derived"),
    [
        # a chain whose last step carries the daily rate into seconds
        ("Re-embedding: 5K files/day = 60K passages/day = 0.7 passages/sec.", True),
        # every step of the chain is per day: nothing is carried into another period
        ("Re-embedding: 5K files/day = 60K passages/day.", False),
    ],
)
def test_a_chain_of_rates_is_read_through_to_its_last_period(
    catalog: Catalog, text: str, derived: bool
) -> None:
    assert lexicon.is_conversion(text) is derived


@pytest.mark.parametrize(
    ("row", "counted"),
    [
        # degraded modes and recovery targets, as failure tables write them
        ("| Cache cluster lost | Page loads slow | Edge keeps serving stale pages |", True),
        ("| Index node down | Search slow | Queries fall back to keyword-only search |", True),
        ("| Disk dies | Blocks lost | Rebuild from parity; target rebuild time: < 4 hours |", True),
        (
            "| Ranker out of memory | Ranking skipped | Degrade gracefully: return unranked hits |",
            True,
        ),
        # a fallback that answers no failure is a path of normal running
        ("| Model | Small model with a fallback to the large one | cost |", False),
    ],
)
def test_degraded_modes_are_read_in_any_inflection(
    catalog: Catalog, row: str, counted: bool, tmp_path: Path
) -> None:
    header = "| Failure | Impact | Mitigation |\n|---|---|---|\n"
    if not counted:
        header = "| Decision | Choice | Rationale |\n|---|---|---|\n"
    text = f"# Search\n\n## Risks\n\n{header}{row}\n"
    rungs = ladder("reliability", _claims(catalog, text, tmp_path))
    step = next(r for r in rungs if r.name.startswith("non-obvious"))
    assert ("1 of the 2 degraded modes" in step.needs) is counted


@pytest.mark.parametrize("at_end", [True, False])
def test_a_closing_restatement_is_a_wrap_up_step(
    catalog: Catalog, at_end: bool, tmp_path: Path
) -> None:
    # the paragraph that closes an answer by restating the design sums it up, as the rubric's
    # summary item reads it; the same words opening a section sum up nothing yet
    summary = (
        "This design keeps reads cheap by caching pages at the edge and sharding the"
        " catalogue by item id."
    )
    body = "## Storage\n\nItems are sharded by item id across 8 nodes.\n\n"
    body += "## Caching\n\nPages are cached at the edge for 60 seconds.\n\n"
    body += "## Failures\n\nIf a shard is lost, its replica takes over in 30 seconds.\n"
    body += "Orders are retried with an idempotency key.\n"
    text = f"# Shop\n\n{body}\n{summary}\n" if at_end else f"# Shop\n\n{summary}\n\n{body}"
    rungs = {r.name: r for r in ladder("communication", _claims(catalog, text, tmp_path))}
    assert (rungs["a wrap-up: a summary or the bottlenecks"].reached > 0) is at_end


@pytest.mark.parametrize(
    ("line", "counted"),
    [
        # a vector store picked with its reason is chosen for how it is read
        ("- Milvus, because its metadata filters let each search skip the teams a user"
         " cannot see.", True),
        # the store named with nothing said of why
        ("- Embeddings live in Milvus.", False),
    ],
)  # fmt: skip
def test_a_vector_store_chosen_with_its_reason_fits_the_access_pattern(
    catalog: Catalog, line: str, counted: bool, tmp_path: Path
) -> None:
    text = f"# Document search\n\n## Storage\n\n{line}\n"
    rungs = {r.name: r.reached for r in ladder("api_data", _claims(catalog, text, tmp_path))}
    assert (rungs["store and keys chosen for the access pattern"] > 0) is counted


@pytest.mark.parametrize(
    ("line", "keyed"),
    [
        # the key a store is split by is a key of its records
        ("- Orders are sharded by `merchant_id` so one merchant's orders stay together.", True),
        ("- Blobs are hashed into 4,096 partitions (consistent hashing on `(tenant, path)`).",
         True),
        # a store named with no key
        ("- Orders live in a sharded Postgres cluster of 4 nodes.", False),
    ],
)  # fmt: skip
def test_the_key_a_store_is_split_by_is_a_key(
    catalog: Catalog, line: str, keyed: bool, tmp_path: Path
) -> None:
    text = f"# Shop\n\n## Data\n\n{line}\n"
    rungs = {r.name: r.reached for r in ladder("api_data", _claims(catalog, text, tmp_path))}
    assert (rungs["entities with keys"] >= 0.5) is keyed  # half the step is a key


def test_what_a_handled_failure_costs_is_no_reason_for_a_choice(catalog: Catalog) -> None:
    # "so at most a few go missing" says what the failover costs; it says nothing of why
    # Redis was chosen. A "because" does, and so does a failure given as the reason for
    # the response ("carriers time out, so retry ...").
    text = "If a Redis node dies its replica takes over, so at most a few go missing."
    assert "decision-rationale" not in specified_concepts(_one(catalog, text))
    why = _one(catalog, "Positions live in Redis because it absorbs a write per driver per ping.")
    assert "decision-rationale" in specified_concepts(why)
    act = _one(catalog, "Carriers time out, so retry with backoff and park repeats in a DLQ.")
    assert "decision-rationale" in specified_concepts(act)


def test_devices_sending_their_position_again_rebuild_an_index(catalog: Catalog) -> None:
    # The phones are the source of truth for where they are: an index shard lost is
    # refilled by their next reports.
    claim = _one(catalog, "After a failover the phones resend their position within 4 seconds.")
    assert "rebuild-from-source" in claim.features.concepts


def test_dropping_a_repeated_callback_is_idempotency(catalog: Catalog) -> None:
    # A callback that may come twice, the second dropped by the state it finds: the
    # operation is made safe to repeat.
    claim = _one(catalog, "When the same webhook comes back we ignore duplicates by order id.")
    assert "idempotency" in claim.features.concepts
    state = _one(catalog, "A callback for an order already confirmed is dropped.")
    assert "idempotency" in state.features.concepts


def test_a_store_named_as_the_purpose_is_no_store_chosen(catalog: Catalog) -> None:
    """The decision is the cache; the database is only why it is there."""
    cached = _one(
        catalog, "Search pages are cached per session for a minute to reduce load on the DB."
    )
    assert cached.features.reason
    assert "database" in cached.features.concepts
    assert "database" in cached.features.motives
    chosen = _one(catalog, "Profiles live in Postgres because we need joins across tables.")
    assert not chosen.features.motives & {"relational-database", "database"}
    # a purpose that opens the sentence comes before what it explains
    opening = _one(catalog, "To reduce load on the DB, sessions are kept in Redis.")
    assert "database" not in opening.features.motives


def test_a_store_named_only_as_a_purpose_earns_no_access_pattern_step(catalog: Catalog) -> None:
    from tradeoff.review.substance import _ACCESS

    claim = _one(
        catalog, "Search pages are cached per session for a minute to reduce load on the DB."
    )
    assert not _ACCESS & (claim.features.concepts - claim.features.motives)


def test_view_events_said_batched_in_the_passive_name_playback_beacons(catalog: Catalog) -> None:
    # "batched view events" said in the passive: the same technique, not a new one.
    claims = read_text(
        "View events are batched by the app before they are sent.",
        tuple(catalog.vocabulary.concepts.values()),
    )
    assert "playback-beacons" in claims[0].features.concepts


def test_an_interval_spelled_out_is_as_concrete_as_its_digits(catalog: Catalog) -> None:
    # "every second" says how often as exactly as "every 1 s"; "every day" is left to prose.
    concepts = tuple(catalog.vocabulary.concepts.values())
    spelled = read_text("A sweeper deletes expired holds every minute.", concepts)
    habit = read_text("Our users open the app every day.", concepts)
    assert spelled[0].features.specific
    assert not habit[0].features.specific


def test_a_multiple_of_a_time_or_a_size_counts_no_parts() -> None:
    from tradeoff.language.lexicon import is_sizing

    # "10x 1 s" scales a window and "x 64 KB" a buffer; neither says how many parts run.
    assert not is_sizing("Bursts may reach 10x 1 s of the minute quota.")
    assert not is_sizing("Each socket holds a buffer x 64 KB.")
    assert is_sizing("Three shards x 4 replicas each.")


@pytest.mark.parametrize(
    "text",
    [
        # what the guard does when its counter store is down: a local limit instead
        "When the counter store is unreachable, each gateway falls back to a local token bucket.",
        "- Local fallback: gateways enforce a conservative in-memory limit until Redis returns.",
    ],
)
def test_a_local_fallback_is_the_limiter_failure_policy(catalog: Catalog, text: str) -> None:
    assert "fail-open" in _one(catalog, text).features.concepts


def test_a_local_variable_in_a_script_is_no_fallback(catalog: Catalog) -> None:
    # Lua's "local" keyword declares a variable; nothing falls back
    claim = _one(catalog, "local tokens = redis.call('GET', KEYS[1])")
    assert "fail-open" not in claim.features.concepts


def test_a_metric_sample_names_what_is_watched_and_specifies_no_policy(
    catalog: Catalog, tmp_path: Path
) -> None:
    # a Prometheus sample named after the fallback watches it; no policy is stated by it
    text = "# Metrics\n\n```\nlimiter_local_fallback_engaged 1\n```\n"
    [claim] = [c for c in _claims(catalog, text, tmp_path) if "fallback" in c.text]
    assert "fail-open" in claim.features.concepts
    assert "fail-open" not in specified_concepts(claim)
    assert not lexicon.is_metric_sample("local tokens = redis.call('GET', KEYS[1])")
    assert lexicon.is_metric_sample('http_requests_total{code="503"} 12')


def test_a_wrap_up_counts_once_however_many_lines_it_runs_to(
    catalog: Catalog, tmp_path: Path
) -> None:
    # one closing sentence that restates the design wraps it up as fully as a bulleted
    # recap does; the recap's extra lines restate the same decisions and add no depth
    body = "# Shop\n\n## Storage\n\nItems are sharded by item id across 8 nodes.\n\n"
    body += "## Caching\n\nPages are cached at the edge for 60 seconds.\n\n"
    one_line = body + (
        "This design keeps reads cheap by caching pages at the edge and sharding the"
        " catalogue by item id.\n"
    )
    recap = body + (
        "## Summary\n\n- Storage: items sharded by item id on 8 nodes.\n"
        "- Caching: pages cached at the edge for 60 seconds.\n"
        "- Reads: served from the edge, then the owning shard.\n"
    )
    for text in (one_line, recap):
        rungs = {r.name: r for r in ladder("communication", _claims(catalog, text, tmp_path))}
        assert rungs["a wrap-up: a summary or the bottlenecks"].reached == 1.0


def test_importance_claimed_at_the_end_is_no_wrap_up(catalog: Catalog, tmp_path: Path) -> None:
    # the last paragraph closes the text but sums up nothing; one that names the weak
    # spot does, selling words and all
    body = "# Design\n\n## Storage\n\nLinks live in Postgres, sharded by code.\n\n"
    empty = _claims(catalog, body + "## Summary\n\nThe summary plays a key role here.\n", tmp_path)
    wrap = [r for r in ladder("communication", empty) if r.name.startswith("a wrap-up")]
    assert wrap[0].reached == 0
    real = _claims(
        catalog,
        body + "## Summary\n\nA proven design; the riskiest part is the single Postgres primary.\n",
        tmp_path,
    )
    wrap = [r for r in ladder("communication", real) if r.name.startswith("a wrap-up")]
    assert wrap[0].reached > 0


@pytest.mark.parametrize(
    "text",
    [
        # counts kept approximate and written in batches, said without "sharded counter"
        "Like counts are updated in batches every 10 seconds, not once per like.",
        "| Eventually consistent counts | Exact counts | a per-event row update is a hot row |",
    ],
)
def test_batched_or_eventually_consistent_counts_are_batched_counters(
    catalog: Catalog, text: str
) -> None:
    assert "sharded-counter" in _one(catalog, text).features.concepts


@pytest.mark.parametrize(
    ("text", "lags"),
    [
        # the latest writes lost when a copy takes over: the lag, said by what it does
        ("After a failover the new primary may have lost the last few counter increments.", True),
        ("- small loss of recent quota updates during primary failover", True),
        # denied, or a loss with no failover in it
        ("No acknowledged payment is lost during failover.", False),
        ("A crashed worker loses its in-memory batch.", False),
    ],
)
def test_writes_lost_in_a_failover_are_replication_lag(
    catalog: Catalog, text: str, lags: bool
) -> None:
    assert ("replication-lag" in specified_concepts(_one(catalog, text))) is lags


@pytest.mark.parametrize(
    ("text", "concept", "named"),
    [
        # the product's own data kept as logs is no operational logging
        ("Raw click events are archived as cold logs in object storage.", "logging-tracing", False),
        ("The player sends view logs to the analytics pipeline.", "logging-tracing", False),
        ("Services write structured logs with a request id.", "logging-tracing", True),
        # a capacity table's column of what each row estimates watches nothing
        ("| Metric | Value | Calculation |", "monitoring", False),
        ("Each service exports a latency metric to Prometheus.", "monitoring", True),
        # the business's own figures are data the product counts, not what operators watch
        ("Billing and other revenue-generating metrics are counted exactly.", "monitoring", False),
        ("Engagement metrics feed the ranking model.", "monitoring", False),
    ],
)
def test_product_logs_and_estimate_columns_name_no_operations(
    catalog: Catalog, text: str, concept: str, named: bool
) -> None:
    assert (concept in _one(catalog, text).features.concepts) is named


@pytest.mark.parametrize(
    "text",
    [
        # how a key reaches its node: clients that hash it, or a proxy tier in between
        "Client-side hashing instead of a proxy tier: one less hop, but each client library"
        " must carry the ring.",
        "A proxy tier (mcrouter) routes each key to its shard, so app servers keep few"
        " connections.",
    ],
)
def test_clients_or_a_proxy_routing_keys_cover_the_routing_item(
    catalog: Catalog, text: str
) -> None:
    problem = catalog.get("distributed-cache")
    item = next(i for d, i in problem.rubric.items() if i.id == "routing")
    claims = read_text(text, catalog.vocabulary.concepts.values())
    assert item_support(item, claims, None, "components").status == SUBSTANCE


@pytest.mark.parametrize(
    "text",
    [
        "Popular prefixes make their shards get hot, so those are split again.",
        "The hottest partitions are replicated to every node.",
    ],
)
def test_shards_that_get_hot_are_hot_keys(catalog: Catalog, text: str) -> None:
    assert "hot-key" in _one(catalog, text).features.concepts


@pytest.mark.parametrize(
    ("text", "specified"),
    [
        # money as whole numbers of its smallest unit, said as the design's rule
        ("Prices are stored as integers in the smallest currency unit.", True),
        ("All amounts are integers in cents, with the currency code beside them.", True),
        # the unit alone, or floats, state no integer rule
        ("The UI shows amounts in cents.", False),
    ],
)
def test_money_as_integers_in_minor_units_is_specified(
    catalog: Catalog, text: str, specified: bool
) -> None:
    assert ("minor-units" in specified_concepts(_one(catalog, text))) is specified


def test_a_clause_that_says_the_same_thing_again_is_read_with_the_one_before(
    catalog: Catalog,
) -> None:
    # "the token" points back at the idempotency token the clause before it named
    claims = read_text(
        "- Each create call carries an idempotency token; we keep the token and the first"
        " response for 48 hours and replay it on a retry.",
        catalog.vocabulary.concepts.values(),
    )
    assert any("idempotency" in specified_concepts(c) for c in claims)


@pytest.mark.parametrize(
    ("text", "concept", "named"),
    [
        # "in a row" is one after another; "a row per user" is a table row
        ("After three timeouts in a row the client stops calling for a minute.", "data-model",
         False),
        # front-end parts named as the code names them, each with what it owns or draws
        ("ResultsPanel renders the highlighted options.", "component-architecture", True),
        ("A useTypeahead hook wires the input to the fetcher.", "component-architecture", True),
        # a headless core with slots for the look
        ("The behaviour lives in a headless hook; callers pass render props for each option.",
         "headless-component", True),
    ],
)  # fmt: skip
def test_front_end_readings(catalog: Catalog, text: str, concept: str, named: bool) -> None:
    claim = _one(catalog, text)
    assert (concept in claim.features.concepts | specified_concepts(claim)) is named


def test_a_part_that_owns_the_ui_state_names_client_state(catalog: Catalog) -> None:
    # who holds the open/closed state is client state, said without "state management"
    claim = _one(catalog, "The Picker keeps the open/closed state and the highlighted index.")
    assert "state-store" in claim.features.concepts


def test_it_as_an_object_points_back_to_the_clause_before(catalog: Catalog) -> None:
    # "implements it" is about the interface the clause before named; together they are a
    # strategy with its reason
    claims = read_text(
        "- DiscountRule is an interface; SeasonalDiscount implements it, so a holiday offer"
        " is a new class, not another branch.",
        catalog.vocabulary.concepts.values(),
    )
    first = claims[0]
    assert first.features.reason
    assert "extensibility" in first.features.concepts | claims[-1].features.concepts


def test_ops_applied_on_top_of_pending_ones_are_a_sync_client(catalog: Catalog) -> None:
    # applying the server's ops on top of unacknowledged local ones is the OT-style rebase
    claim = _one(
        catalog,
        "Each tab keeps its pending edits and applies incoming ops on top of its pending ones.",
    )
    assert {"crdt-ot", "sync-protocol"} <= claim.features.concepts


def test_a_debounce_interval_is_no_latency_target(catalog: Catalog) -> None:
    # A timer the client sets is not a response time the design promises.
    timer = _one(catalog, "The client calls the suggest endpoint after a 50 ms debounce.")
    assert "latency-target" not in timer.features.concepts
    target = _one(catalog, "Suggestions come back within 100 ms at p99.")
    assert "latency-target" in target.features.concepts


def test_precomputed_completions_are_no_fan_out_on_write(catalog: Catalog) -> None:
    # Answers worked out ahead of a query are not posts copied into followers' feeds.
    answers = _one(catalog, "Each trie node keeps its top 10 completions precomputed.")
    assert "fan-out-on-write" not in answers.features.concepts
    feeds = _one(catalog, "Home timelines are precomputed when a user posts.")
    assert "fan-out-on-write" in feeds.features.concepts


def test_every_server_holding_the_whole_index_is_redundancy(
    catalog: Catalog, tmp_path: Path
) -> None:
    # Every copy can answer alone, so losing one loses nothing: the first reliability rung.
    text = (
        "# Reliability\n\nIf a suggestion server dies the load balancer drops it; every server"
        " holds the full trie, so the others take its share.\n"
    )
    [redundancy, *_] = ladder("reliability", _claims(catalog, text, tmp_path))
    assert redundancy.name == "redundancy" and redundancy.reached == 1.0, redundancy


def test_a_limiter_weighed_in_exactness_meets_the_accuracy_trade_off(
    catalog: Catalog, tmp_path: Path
) -> None:
    # a rate limiter's accuracy is how exact its limits are: a design that sets borrowed
    # local tokens (fast, may let a few extra through) against a check per request (exact,
    # one more hop) weighs accuracy against latency without the word "consistency"
    item = next(
        i for _, i in catalog.get("rate-limiter").rubric.items() if i.id == "accuracy-vs-latency"
    )
    text = (
        "# Limiter\n\n## Borrowed tokens\n\n"
        "Each gateway borrows 20 tokens at a time from the central store.\n\n"
        "Drawbacks:\n\n- bounded overshoot of up to 20 requests per gateway\n"
    )
    assert item_support(item, _claims(catalog, text, tmp_path), None, "tradeoffs").credit == 1
    # a latency figure alone weighs nothing
    bare = "# Limiter\n\n## Path\n\n- gateway to store: 0.5 ms\n"
    assert item_support(item, _claims(catalog, bare, tmp_path), None, "tradeoffs").credit == 0


def test_accuracy_says_how_exact_limits_must_be(catalog: Catalog, tmp_path: Path) -> None:
    # "accuracy" is the word for how exact a limit is; the item's own word is "exact"
    item = next(
        i for _, i in catalog.get("rate-limiter").rubric.items() if i.id == "accuracy-and-failure"
    )
    text = (
        "# Limiter\n\n## Requirements\n\n"
        "- **Accuracy:** counts may drift by at most 1% across gateways.\n"
    )
    assert item_support(item, _claims(catalog, text, tmp_path), None, "requirements").credit == 1


@pytest.mark.parametrize(
    "text",
    [
        "Each gateway asks the quota service for a lease of 40 tokens and spends it locally.",
        "Gateways keep serving from their leased quota until it runs out.",
        "A worker takes a lease on the job and renews it every 10 s.",
    ],
)
def test_a_lease_of_tokens_or_work_is_not_leader_election(catalog: Catalog, text: str) -> None:
    # A grant that expires (tokens, quota, a job) chooses no node to act for the others.
    assert "leader-election" not in _one(catalog, text).features.concepts


def test_a_leader_lease_is_leader_election(catalog: Catalog) -> None:
    # The lease a leader holds, and loses when it stops renewing it, is how it is chosen.
    claim = _one(catalog, "The scheduler leader holds a 10 s leader lease in etcd.")
    assert "leader-election" in claim.features.concepts


def test_fan_out_on_read_is_no_fan_out_on_write(catalog: Catalog) -> None:
    # "fan-out" is a term of pushing to followers; followed by "on read" it is the read
    # side's fan-out, which that concept's own longer term names.
    claim = _one(catalog, "Timelines are fan-out on read: we merge followees' posts when asked.")
    assert "fan-out-on-read" in claim.features.concepts
    assert "fan-out-on-write" not in claim.features.concepts
    # the push side is still read where it is said
    claim = _one(catalog, "We fan out on write to each follower's timeline.")
    assert "fan-out-on-write" in claim.features.concepts


def test_the_reason_clause_is_not_what_a_sentence_does() -> None:
    from tradeoff.language.evidence import without_reason

    text = "Checks run on each request, because a stale cache could show a hidden post."
    assert without_reason(text) == "Checks run on each request, "
    # a clause that opens its sentence explains what follows it: kept whole
    opening = "Because reads dominate, we cache the profile."
    assert without_reason(opening) == opening

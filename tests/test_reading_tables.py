"""Tables and sections read as a careful reader reads them (issue 9, second audit).

Each reading has a case where it must apply and one where it must not:

1. a table's columns say which cell is a cost; the heading over the table ("Key Tradeoffs",
   "Cost") only titles it, while a "Cons:" label over a list still makes its items costs;
2. one word names one technique: "chunks" are blocks of a file or object (chunking), not
   the segments of adaptive-bitrate streaming, which keep their own words;
3. a "Goals" or "Design Goals" section states requirements, as "Requirements" does; its
   rows describe no part of the design ("Non-goals" stays scope);
4. the retrieval steps of a question-answering design (embeddings, hybrid retrieval,
   reranking, a semantic cache) are mechanisms a reader credits, not unknown words;
5. words with another sense beside storage words name no technique of a payment, ticket,
   ride or video system: a stripe of fragments, "balances write and read cost", "a cache
   holds the hot keys", "6+3 encoding", a node's heartbeat (no position update), the
   video page (a screen, no page of results), versioning of stored objects (no API
   version);
6. a summary of one part ("Summary of Data Flow", "Database Schema Summary", "Capacity
   Math Summary") is no wrap-up of the design; "Summary of Design Decisions" is one, and
   "Future Enhancements" names the next steps as "Future Improvements" does;
7. the rows of a table whose rows are options ("| Approach | Pros | Cons |") weigh one
   decision, and a row split at <br> is one row; a "| Decision | Pros | Cons |" table
   weighs one decision per row;
8. the points under an option heading marked chosen ("### Option 2: Leased ranges
   (Chosen)") are the merits it wins on over its sibling options;
9. "(not covered here)" in a sentence puts what it names out of scope, as "X is out of
   scope" does.
"""

from __future__ import annotations

from functools import cache

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import Claim, read_text
from tradeoff.review.substance import (
    _part_mechanisms,
    _weighed,
    describes_part,
    implied_concepts,
    ladder,
    specified_concepts,
    specifies,
)


@cache
def catalog() -> Catalog:
    return default_catalog()


def claims(text: str) -> list[Claim]:
    return read_text(text, catalog().vocabulary.concepts.values())


# --- 1. costs come from a table's columns --------------------------------------------------


def test_a_trade_offs_heading_over_a_table_states_no_cost_in_its_rows() -> None:
    text = (
        "## 9. Main Tradeoffs\n\n"
        "| Question | First option | Second option | Our pick |\n|---|---|---|---|\n"
        "| Link lifetime | Forever | Per-link expiry | Forever unless the owner sets one |\n"
        "| Vanity names | Open to all | Paying users | Paying users only |\n"
    )
    rows = claims(text)
    assert len(rows) == 2
    assert not any(c.features.cost for c in rows)
    assert not any(_weighed(c) for c in rows)  # an option picked, with no reason or cost


def test_a_cost_heading_over_a_budget_table_states_no_trade_off_cost() -> None:
    text = "### 6.2 Cost\n\n| Line item | Monthly |\n|---|---|\n| GPU nodes | $12k |\n"
    assert not claims(text)[0].features.cost


def test_a_cost_column_still_states_the_cost_of_its_row() -> None:
    text = (
        "## Key Tradeoffs\n\n"
        "| Decision | Benefit | Cost |\n|---|---|---|\n"
        "| Async replication to the far region | faster writes | reads there can lag |\n"
    )
    row = claims(text)[0]
    assert row.features.cost and row.features.reason


def test_a_cons_label_over_a_list_still_makes_its_items_costs() -> None:
    text = "We shard the counters by key.\n\nCons:\n- a hot key still lands on one shard\n"
    items = [c for c in claims(text) if c.text.startswith("a hot key")]
    assert items and items[0].features.cost


# --- 2. one word, one technique ----------------------------------------------------------


def test_chunks_of_an_object_are_chunking_not_adaptive_bitrate() -> None:
    (claim,) = claims("Each blob is cut into 32 MB chunks before it is erasure coded.")
    assert "chunking" in claim.features.concepts
    assert "adaptive-bitrate" not in claim.features.concepts
    assert "adaptive-bitrate" not in _part_mechanisms(claim)


def test_player_segments_at_several_bitrates_are_still_adaptive_bitrate() -> None:
    (claim,) = claims("The player fetches 4-second HLS segments and picks a bitrate per segment.")
    assert "adaptive-bitrate" in claim.features.concepts


# --- 4. goals are requirements -------------------------------------------------------------


def test_a_design_goals_section_states_requirements_not_parts() -> None:
    text = (
        "## 1. Overview and Design Goals\n\n"
        "| Goal | Why it matters |\n|---|---|\n"
        "| Reads under 100 ms at p99 | people give up on slow pages |\n"
        "| Keep every upload after a zone is lost | losing photos loses users |\n"
        "| Storage cost under 2 cents per GB-month | the margin depends on it |\n"
    )
    rows = claims(text)
    # The first row is a latency target (non-functional); it read as a feature only while
    # "slow pages" (screens) was read as pagination.
    assert specifies(rows[0], "latency-target")
    assert all(specifies(c, "functional-requirements") for c in rows[1:])
    rungs = {r.name: r.reached for r in ladder("requirements", rows)}
    assert rungs["scoped features"] > 0
    assert not any(describes_part(c, x) for c in rows for x in c.features.concepts)


def test_non_goals_are_still_scope() -> None:
    (claim,) = claims("## Non-goals\n\n- Live video and comments on photos.\n")
    assert "scope" in implied_concepts(claim)
    assert "functional-requirements" not in implied_concepts(claim)


# --- 4. retrieval mechanisms ---------------------------------------------------------------


def test_the_steps_of_a_retrieval_path_are_mechanisms() -> None:
    text = (
        "## Answer path\n\n"
        "- The question is embedded by the same 768-dimension embedding model as the passages.\n"
        "- Hybrid search runs BM25 and the ANN index side by side and fuses them with RRF,"
        " so exact part numbers are found.\n"
        "- A cross-encoder reranks the top 40 candidates to keep the 6 best.\n"
        "- A semantic cache returns the earlier answer when cosine similarity is over 0.95.\n"
    )
    found = {m for c in claims(text) for m in _part_mechanisms(c)}
    assert {"embeddings", "hybrid-retrieval", "reranking", "semantic-cache"} <= found
    rungs = {r.name: r.reached for r in ladder("components", claims(text))}
    assert rungs["deep dives with mechanisms"] > 0


def test_an_embedded_device_is_no_embedding() -> None:
    (claim,) = claims("Firmware on the embedded sensor batches readings every 5 seconds.")
    assert "embeddings" not in claim.features.concepts


# --- 5. one sense per word -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Any 3 disks in a stripe can fail without losing the file.", "payment-provider"),
        ("The hybrid model balances write cost against read latency.", "ledger"),
        ("Two-second windows give a good balance between accuracy and memory.", "ledger"),
        ("A RAM cache holds the hottest 2% of keys.", "inventory-reservation"),
        ("Each shard holds a contiguous range of bucket names.", "inventory-reservation"),
        ("A 6+3 encoding keeps 1.5x overhead.", "transcoding"),
        ("Lost fragments are rebuilt with erasure encoding on 3 healthy nodes.", "transcoding"),
        ("The service will encode ids in base62 to get 7 characters.", "transcoding"),
        ("Storage nodes send a heartbeat every 2 seconds.", "location-updates"),
        ("The video page shows rounded counts refreshed every minute.", "pagination"),
        ("Buckets offer object tagging, versioning and lifecycle rules.", "api-versioning"),
        ("Each row keeps its versioning info beside the size.", "api-versioning"),
    ],
)
def test_a_word_in_its_storage_sense_names_no_other_domain(text: str, concept: str) -> None:
    (claim,) = claims(text)
    assert concept not in claim.features.concepts


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Checkout charges the card through Stripe with an idempotency key.", "payment-provider"),
        ("Each transfer debits one balance and credits another in one transaction.", "ledger"),
        (
            "A hold on the seat expires after 10 minutes unless payment succeeds.",
            "inventory-reservation",
        ),
        (
            "Uploads are transcoded to 4 renditions; encoding takes about 2x real time.",
            "transcoding",
        ),
        ("Drivers send a location update every 4 seconds.", "location-updates"),
        ("For versioning we put the major version in the URL path.", "api-versioning"),
    ],
)
def test_the_same_words_in_their_own_sense_still_name_it(text: str, concept: str) -> None:
    (claim,) = claims(text)
    assert concept in claim.features.concepts


# --- 6. what a summary sums up --------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "7. Summary of Data Flow (the upload path)",
        "6. Database Schema Summary",
        "4. Capacity Math Summary",
        "Horizontal Scaling Summary",
    ],
)
def test_a_summary_of_one_part_is_no_wrap_up(heading: str) -> None:
    text = f"## {heading}\n\n1. Client -> gateway -> metadata service: create the entry.\n"
    (claim,) = claims(text)
    assert "summary" not in implied_concepts(claim)
    rungs = {r.name: r.reached for r in ladder("communication", claims(text))}
    assert rungs["a wrap-up: a summary or the bottlenecks"] == 0


@pytest.mark.parametrize(
    "heading",
    [
        "Summary",
        "13. Summary of Design Decisions",
        "14) Tradeoffs summary",
        "TL;DR Architecture Summary",
        "10. Conclusion",
        # the parts chosen and the decisions that matter, closing the answer
        "18) Final recommended architecture",
        "Final design",
    ],
)
def test_a_wrap_up_of_the_design_is_a_summary(heading: str) -> None:
    (claim,) = claims(f"## {heading}\n\nWe shard metadata by bucket and keep 3 replicas.\n")
    assert "summary" in implied_concepts(claim)


def test_future_enhancements_are_the_next_steps() -> None:
    text = "## 13. Future Enhancements\n\n1. Move the follow graph to its own store.\n"
    (claim,) = claims(text)
    assert "bottlenecks" in implied_concepts(claim)


# --- 7. options of one decision ------------------------------------------------------------


def _weighed_count(text: str) -> float:
    rungs = {r.name: r.reached for r in ladder("tradeoffs", claims(text))}
    return rungs["several weighed decisions"] * 5


def test_rows_that_are_options_weigh_one_decision() -> None:
    text = (
        "## Picking the short code\n\n"
        "| Approach | Pros | Cons |\n|---|---|---|\n"
        "| Global counter | never collides | one hot sequence |\n"
        "| Hash of the URL | no coordination | collisions need a re-check |\n"
        "| Random token | unguessable | a lookup before each insert |\n"
    )
    assert _weighed_count(text) == 1


def test_rows_that_are_decisions_weigh_one_each() -> None:
    text = (
        "## Trade-offs\n\n"
        "| Decision | Pros | Cons |\n|---|---|---|\n"
        "| Redis for counters | sub-ms reads | weaker durability |\n"
        "| Kafka for click events | replayable | one more cluster to run |\n"
    )
    assert _weighed_count(text) == 2


def test_a_row_with_an_empty_decision_cell_weighs_the_decision_above() -> None:
    text = (
        "## Trade-offs\n\n"
        "| Decision | Alternative | Cost |\n|---|---|---|\n"
        "| Postgres for links | DynamoDB | more sharding work later |\n"
        "| | Cassandra | weaker uniqueness checks |\n"
        "| Kafka for click events | direct inserts | one more cluster to run |\n"
        "| | Kinesis | vendor lock-in |\n"
    )
    assert _weighed_count(text) == 2


def test_a_row_split_at_line_breaks_is_one_row() -> None:
    text = (
        "| Model | Pros | Cons |\n|---|---|---|\n"
        "| Fan-out on write | fast reads<br>no joins at read time | heavy writes for big names |\n"
    )
    found = claims(text)
    assert len(found) == 3  # one per statement of the broken cell, one for the other cells
    assert any(c.text.endswith("Cons: heavy writes for big names") for c in found)
    assert _weighed_count(text) == 1


# --- 8. an option marked chosen -------------------------------------------------------------


def test_points_under_a_chosen_option_weigh_it_once() -> None:
    text = (
        "## Short codes\n\n"
        "### Option 1: Hash of the URL\n\n- collisions need a re-check\n\n"
        "### Option 2: Counter ranges leased to each app server (Chosen)\n\n"
        "- never collides\n- no call to a coordinator per request\n"
    )
    chosen = [c for c in claims(text) if c.headings[-1].endswith("(Chosen)")]
    assert len(chosen) == 2 and all(_weighed(c) for c in chosen)
    assert _weighed_count(text) == 1


def test_points_under_an_unmarked_option_weigh_nothing() -> None:
    text = "### Option 1: Hash of the URL\n\n- collisions need a re-check\n"
    assert not any(_weighed(c) for c in claims(text))


# --- 9. scoped out in passing --------------------------------------------------------------


def test_not_covered_here_states_scope() -> None:
    (claim,) = claims(
        "Low-latency WebRTC is kept for live broadcasts (not covered here) since recorded"
        " videos gain more from caching."
    )
    assert "scope" in specified_concepts(claim)
    rungs = {r.name: r.reached for r in ladder("requirements", [claim])}
    assert rungs["quantified targets and non-goals"] == 0.5


def test_a_rationale_beside_a_figure_says_where_it_comes_from_not_why() -> None:
    """In a table of figures ("| Item | Value | Rationale |") the rationale column explains
    a figure ("A large label", "Same rack", "~8 GB"): its name is no reason word of the
    cell. A cell that says what a chosen value does still gives the choice its reason."""
    text = (
        "| Item | Value | Rationale |\n|---|---|---|\n"
        "| Artists | 300 000 | A large label. |\n"
        "| Storage RTT | 1 ms | Same rack as the app. |\n"
        "| Page size | 50 rows | Keeps each response under 20 KB. |\n"
        "| Id length | 9 chars | 36^9 ≈ 100 trillion capacity |\n"
    )
    rows = {c.text.split(".")[0]: c.features.reason for c in claims(text)}
    assert rows == {
        "Item: Artists": False,
        "Item: Storage RTT": False,
        "Item: Page size": True,
        "Item: Id length": True,
    }


def test_a_rationale_column_of_a_decision_table_still_gives_reasons() -> None:
    """Beside a decision (no column of figures) a rationale cell is the reason given."""
    (row,) = claims(
        "| Decision | Rationale |\n|---|---|\n| Postgres for links | Same rack as the app. |\n"
    )
    assert row.features.reason

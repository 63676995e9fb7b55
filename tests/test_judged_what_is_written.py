"""Findings a careful reader would dispute on the cited line, each fixed at its cause.

Every design here is written in our own words; the comment says what a reader sees in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.design import load_design
from tradeoff.language import operations, read_text
from tradeoff.review import review_design
from tradeoff.review.engine import Review
from tradeoff.review.substance import specified_concepts


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _review(catalog: Catalog, tmp_path: Path, text: str, problem: str | None) -> Review:
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    return review_design(load_design(path), catalog, problem)


def _rules(review: Review) -> set[str]:
    return {f.rule for f in review.findings}


@pytest.mark.parametrize(
    ("line", "watched"),
    [
        # A latency target said with the word SLO: nothing is measured or alerted on.
        ("Lookups stay well under the 150 ms SLO at the expected load.", False),
        # The same level, crossed and acted on, is a watch.
        ("We page the owner when lookups breach the 150 ms SLO.", True),
        # A budget spent by measured errors is measured.
        ("Each quarter has an error budget of 0.1% of lookups.", True),
    ],
)
def test_an_slo_target_is_no_monitoring(
    catalog: Catalog, tmp_path: Path, line: str, watched: bool
) -> None:
    text = (
        "# Phone directory\n\n## Design\n\n"
        "A web service reads entries from Postgres with a read replica for failover.\n"
        f"{line}\n"
    )
    review = _review(catalog, tmp_path, text, None)
    assert ("REL103" in _rules(review)) is not watched


@pytest.mark.parametrize(
    ("text", "specified"),
    [
        # The victim policy and where it runs: each shard keeps its own recency order.
        ("Each shard evicts by LFU on its own; items expire lazily on access.", True),
        ("Eviction is FIFO per server.", True),
        # The policy and when it acts.
        ("LRU evicts the oldest entries when memory is full.", True),
        # Only named: which policy, but nothing of where or when it acts.
        ("We use LRU eviction.", False),
    ],
)
def test_an_eviction_policy_with_where_or_when_it_acts_is_specified(
    catalog: Catalog, text: str, specified: bool
) -> None:
    claims = read_text(text, catalog.vocabulary.concepts.values())
    found = any("eviction-policy" in specified_concepts(c) for c in claims)
    assert found is specified


_LOCK = """# Lock service

## Requirements
- {line}
- 50,000 lock operations/s at peak.

## Design
- Five nodes run Raft; the leader orders every lock operation.
"""


@pytest.mark.parametrize(
    ("line", "defined"),
    [
        # The operations a client calls, named with what they take: the API of a lock.
        ("Clients acquire, renew and release locks with a lease of 10 s.", True),
        # A quality of the operations is still the operations named.
        ("Quick get and put by key.", True),
        # Reading and writing "data" names no operation a caller has.
        ("Teams read and write data through the service.", False),
    ],
)
def test_operations_named_with_their_inputs_are_an_infrastructure_api(
    catalog: Catalog, tmp_path: Path, line: str, defined: bool
) -> None:
    review = _review(catalog, tmp_path, _LOCK.format(line=line), "distributed-lock")
    assert ("API101" in _rules(review)) is not defined


def test_operations_said_in_prose_mention_the_calls_an_item_writes(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "get(key), ..., delete(key)" written as calls is the item's substance; the same
    # operations said as verbs name them without their signatures: a mention, with its line.
    text = (
        "# Cache\n\n## Requirements\n- Read, set and delete keys with a TTL.\n"
        "- 1 million reads/s at peak.\n"
    )
    review = _review(catalog, tmp_path, text, "distributed-cache")
    summary = review.scores["api_data"].summary
    assert "mentioned on line 4 but not specified: get(key)" in summary, summary


@pytest.mark.parametrize(
    ("lines", "missing"),
    [
        # The allocator's job in the design's own verb and method: assigned, `assignSpot`.
        (
            "- Each arriving car is assigned the smallest open spot that fits it.\n"
            "- assignSpot runs under a lock per level, so two entrances never hand out one spot.\n",
            False,
        ),
        # Nothing chooses or claims a spot: the allocator is missing.
        ("- Each level shows its free spots on a board at the entrance.\n", True),
    ],
)
def test_a_role_done_by_the_designs_own_verb_is_no_missing_component(
    catalog: Catalog, tmp_path: Path, lines: str, missing: bool
) -> None:
    text = "# Garage\n\n## Classes\n- Garage has Levels; a Level has Spots.\n" + lines
    review = _review(catalog, tmp_path, text, "parking-lot")
    messages = [f.message for f in review.findings if f.rule == "CMP101"]
    assert any(m.startswith("No SpotAllocator") for m in messages) is missing, messages


@pytest.mark.parametrize(
    ("text", "paired"),
    [
        # The lost link and what the client does about it.
        ("The app works offline and uploads queued edits once the network is back.", True),
        ("If the connection drops, the app keeps working and syncs when it returns.", True),
        # A batch job run "offline" has nothing failing.
        ("A nightly job rebuilds the index offline and swaps it in.", False),
        # Offline named with nothing done about it.
        ("The app works offline.", False),
    ],
)
def test_a_lost_connection_with_the_clients_answer_is_a_failure_handled(
    text: str, paired: bool
) -> None:
    assert (operations.failure_response(text) is not None) is paired


def test_a_clause_with_no_subject_is_read_with_the_clause_before(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "works offline; syncs when ..." is one app doing both: the failure and its answer.
    text = (
        "# Shopping list\n\n## Requirements\n"
        "- Three flatmates share one list. Works offline; syncs when a connection returns.\n\n"
        "## Design\n- A small Flask service with Postgres on one VM.\n"
    )
    review = _review(catalog, tmp_path, text, None)
    assert "REL101" not in _rules(review)
    messages = [f.message for f in review.findings if f.rule == "REL114"]
    assert "Mentioned on line 4 but not specified: Handles failures and recovery" in messages


@pytest.mark.parametrize(
    ("text", "ids", "warehouse"),
    [
        # The id scheme, by what the id is made of.
        ("Snowflake layout: 41 bits of time, 10 of machine, 12 of counter.", True, False),
        ("Orders get Snowflake IDs so they sort by creation.", True, False),
        # The data warehouse, by what goes into it and who reads it.
        ("Each night the order table is exported to Snowflake for the analysts.", False, True),
        # Nothing on the line tells them apart: both senses stay.
        ("We use Snowflake.", True, True),
    ],
)
def test_the_line_picks_the_sense_of_snowflake(
    catalog: Catalog, text: str, ids: bool, warehouse: bool
) -> None:
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert ("id-generator" in claim.features.concepts) is ids
    assert ("time-sortable-id" in claim.features.concepts) is ids
    assert ("data-warehouse" in claim.features.concepts) is warehouse


def test_calls_written_in_backticks_define_endpoints(catalog: Catalog, tmp_path: Path) -> None:
    # A call in backticks followed by what it returns is the call, as it is without them;
    # a watch and a keepalive are operations of a lock service as acquire and release are.
    text = (
        "# Locks\n\n## API\n"
        "- `open_session(owner, ttl)` returns a session id.\n"
        "- `acquire(name, session)` returns a token that only grows.\n"
        "- `release(name, session)` and `watch(name)` for waiting clients.\n"
    )
    review = _review(catalog, tmp_path, text, "distributed-lock")
    assert "deepest step reached: endpoints defined" in review.scores["api_data"].summary


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # A keepalive is the client's heartbeat.
        ("Each client sends a keepalive every 3 s.", "health-checks"),
        # A session that expires and takes its locks with it: locks bound to the lease.
        ("When a session times out the server frees its locks.", "lease-bound-lock"),
    ],
)
def test_lock_service_words(catalog: Catalog, text: str, concept: str) -> None:
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert concept in claim.features.concepts


def test_lease_length_is_asked_of_lease_lengths_not_of_leader_election(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "Leader election is built on the same locks" says nothing of how long a lease is.
    text = (
        "# Locks\n\n## Requirements\n- Leader election for our services uses these locks.\n"
        "- 2,000 lock operations/s.\n"
    )
    review = _review(catalog, tmp_path, text, "distributed-lock")
    lease = [f for f in review.findings if "How long should leases be" in f.message]
    assert lease and all(f.evidence.line is None for f in lease), lease


@pytest.mark.parametrize(
    ("line", "advice"),
    [
        ("- 2 million rows x 500 bytes = 1 TB of rows.", "size prefix"),
        ("- 4 TB/day is about 46 Mbps on average.", "bits and bytes"),
        ("- 100M requests/day = 100M QPS.", "86,400"),
    ],
)
def test_a_unit_slip_gets_the_advice_for_its_own_slip(
    catalog: Catalog, tmp_path: Path, line: str, advice: str
) -> None:
    text = f"# Store\n\n## Estimates\n{line}\n"
    review = _review(catalog, tmp_path, text, None)
    fixes = [f.fix for f in review.findings if f.rule == "CAP103"]
    assert fixes and advice in fixes[0], fixes


def test_a_lock_never_held_by_two_names_safety_first(catalog: Catalog, tmp_path: Path) -> None:
    # "never held by two workers" is "at most one holder", said of the lock: the safety item
    # is named, never "not covered".
    text = (
        "# Locks\n\n## Requirements\n"
        "- A lock may never be held by two workers, whatever fails.\n"
        "- 2,000 lock operations/s.\n"
    )
    review = _review(catalog, tmp_path, text, "distributed-lock")
    messages = [f.message for f in review.findings if f.rule == "REQ107"]
    assert not any(m.startswith("Not covered: States that safety beats") for m in messages)


@pytest.mark.parametrize(
    "text",
    [
        # A lagging replica dropped from the in-sync set, and how it comes back.
        "If a follower lags behind by more than 30 s it is removed from the ISR.",
        "When a replica falls behind, it catches up from the leader and rejoins.",
    ],
)
def test_a_lagging_replica_taken_out_of_the_isr_is_a_failure_answered(text: str) -> None:
    assert operations.failure_response(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        # The outcome asked for with our own reference.
        "If the bank times out, a job queries the bank with our transfer id until it answers.",
        # A feature stopped while its part is down.
        "If the counter node dies, the sale is paused.",
        # Work held back and sent when the failed part returns.
        "If the broker is down, events wait in the database and are published when it comes back.",
    ],
)
def test_a_failure_answered_in_these_words_is_handled(text: str) -> None:
    assert operations.failure_response(text) is not None


def test_a_part_that_fails_and_just_stops_is_not_handled() -> None:
    assert (
        operations.failure_response("If the primary fails, checkout stops until it is back.")
        is None
    )


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        # The guarantee said in the active voice is the guarantee.
        ("A resubmitted form never bills twice.", True),
        ("Retries must cause no double charge.", True),
        # A retried charge with nothing said of repeats is not guarded.
        ("If the charge times out we retry it.", False),
    ],
)
def test_never_charging_twice_is_an_idempotency_guard(text: str, guarded: bool) -> None:
    assert (operations.idempotency_guard(text) is not None) is guarded


def test_a_stated_guarantee_is_never_reported_missing(catalog: Catalog, tmp_path: Path) -> None:
    # "Tickets are never oversold" is a hard guarantee said as a requirement: at least named.
    text = (
        "# Shop\n\n## Requirements\n- Items are never oversold, even in a drop.\n"
        "- 1 million orders a day.\n"
    )
    review = _review(catalog, tmp_path, text, "e-commerce-checkout")
    messages = [f.message for f in review.findings if f.rule == "REQ107"]
    assert not any(m.startswith("Not covered: States the hard guarantees") for m in messages)


@pytest.mark.parametrize(
    ("line", "modelled"),
    [
        # States in capitals with the moves between them said in words.
        ("- A booking starts as HELD; on payment it becomes CONFIRMED, on timeout EXPIRED.", True),
        # One state named is no model of transitions.
        ("- A paid booking becomes CONFIRMED.", False),
    ],
)
def test_states_moved_between_in_words_are_modelled(
    catalog: Catalog, tmp_path: Path, line: str, modelled: bool
) -> None:
    text = f"# Shop checkout\n\n## Design\n{line}\n- Orders live in Postgres.\n"
    review = _review(catalog, tmp_path, text, "e-commerce-checkout")
    assert ("REL112" in _rules(review)) is not modelled


@pytest.mark.parametrize(
    ("line", "reported"),
    [
        # The service named as the subject of a concrete mechanism is specified.
        (
            "- The order service writes each order and its stock holds in one transaction,"
            " with `UPDATE stock SET free = free - n WHERE free >= n`.",
            False,
        ),
        # Named and nothing more: a mention, reported as one.
        ("- There is an order service as well.", True),
    ],
)
def test_a_component_opening_a_concrete_mechanism_is_specified(
    catalog: Catalog, tmp_path: Path, line: str, reported: bool
) -> None:
    text = f"# Online shop checkout\n\n## Design\n{line}\n"
    review = _review(catalog, tmp_path, text, "e-commerce-checkout")
    messages = [f.message for f in review.findings if f.rule == "CMP101"]
    named = [m for m in messages if m.startswith("Checkout and order service")]
    assert bool(named) is reported, messages
    # The document's title names the prompt, never the component.
    assert not any("mentioned on line 1 " in m for m in messages), messages


def test_releasing_a_reservation_after_a_failed_step_names_the_compensation(
    catalog: Catalog,
) -> None:
    # Undoing the hold when payment fails is the saga's compensating step.
    (claim,) = read_text(
        "On a declined card the reservation is released.", catalog.vocabulary.concepts.values()
    )
    assert "saga" in claim.features.concepts

"""A distributed-cache session typed as a candidate would (adversarial persona).

- "so adding a shard moves only about 1/32 of the keys" drew "That looks high to me. How
  did you get 32?": the denominator of a share was read as a count of something.
- "services do cache-aside and read the database on a miss" drew "If the database goes
  down at peak, what happens ...?": the interviewer had said "the databases themselves are
  out of scope"; a part the prompt scopes out is not probed for failure.
- "How do you serve that half-million-reads-a-second key ...?" pointed back at a key the
  conversation never named: the catalog probe now says it.
- "Each shard has a replica in another zone that is promoted when the primary fails" kept
  its first quote, "... 64 nodes with replicas", after "each shard has a primary and one
  replica in another zone, and if the primary dies Sentinel promotes the replica": a
  later line replaced the quote only with more weighing, never with more of the item.
- "eviction is LRU per shard, since recently read items are the ones likely to be read
  again" answered "How do you give a user their own fresh edit without making every read
  go to the database?" (one shared word, "read", and a reason for something else), and
  the report listed read-your-writes as mentioned with the LRU line as its quote.
- "each shard has a primary and one replica ... within about 10 seconds" answered "A key
  read thousands of times a second expires ... only one caller rebuilds it": "one" and
  "second" are no subject.
- "Cache-aside with delete-on-write ..." was listed as mentioned with the quote "we'll use
  Redis.": the first line that named the item's subject (the cache) kept the quote over a
  later one naming the write policy the item is about ("services do cache-aside").
- "Establishes that a few seconds of staleness is fine ..." was listed as mentioned with
  the quote "what's the latency target for a get, ...": the item listed the generic
  non-functional-requirements concept, which any latency line names (ride-sharing's
  consistency split did the same); both now list only the consistency model.
- "No cluster manager" beside "if the primary dies Sentinel promotes the replica": Sentinel
  is the cluster manager of a Redis deployment; it is now one of its names.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.language import read_design
from tradeoff.review.substance import ladder

_CLARIFY = [
    "how much data do we need to cache, and how many reads and writes per second at peak?",
    "what's the latency target for a get, and if the cache is down can services fall back to"
    " the database?",
    "how big are the values, and is it ok to lose cached data on a restart?",
]
_ESTIMATE = (
    "ok so the hot 20% of 10 billion items at 1 KB is about 2 TB, which at 64 GB a node is 32"
    " shards, 64 nodes with replicas"
)
_RING = (
    "clients hash each key onto a consistent-hash ring with 100 virtual nodes per shard, so"
    " adding a shard moves only about 1/32 of the keys"
)
_API = (
    "get(key), set(key, value, ttl) and delete(key); services do cache-aside and read the"
    " database on a miss"
)
_REPLICA = (
    "each shard has a primary and one replica in another zone, and if the primary dies"
    " Sentinel promotes the replica within about 10 seconds"
)
_LRU = "eviction is LRU per shard, since recently read items are the ones likely to be read again"


def _replies(session: object, line: str) -> str:
    exchanges = session.exchanges  # type: ignore[attr-defined]
    return " ".join(next(e for e in exchanges if e.line == line).replies)


def test_a_share_written_as_a_fraction_is_no_count(catalog: Catalog) -> None:
    session = run(catalog, "distributed-cache", "adversarial", [*_CLARIFY, "/next", _RING])
    reply = _replies(session, _RING)
    assert "How did you get 32" not in reply and "looks high" not in reply, reply


def test_a_part_the_prompt_scopes_out_is_not_probed_for_failure(catalog: Catalog) -> None:
    lines = [*_CLARIFY, _ESTIMATE, "/next", _RING, "we'll use Redis.", _API]
    session = run(catalog, "distributed-cache", "adversarial", lines)
    reply = _replies(session, _API)
    assert "If the database goes down" not in reply, reply


def test_the_hot_key_probe_names_the_key_it_asks_about(catalog: Catalog) -> None:
    problem = catalog.problems["distributed-cache"]
    probe = next(i.probe for _, i in problem.rubric.items() if i.id == "hot-keys")
    assert probe is not None and probe.startswith("One key gets half a million reads a second.")


def test_a_later_line_that_says_more_of_an_item_is_its_quote(catalog: Catalog) -> None:
    lines = [*_CLARIFY, _ESTIMATE, "/next", "/next", _REPLICA, "/end"]
    talk = run(catalog, "distributed-cache", "adversarial", lines).report(catalog)["conversation"]
    quote = next(c["quote"] for c in talk["covered"] if c["item"] == "replication")
    assert quote.startswith("each shard has a primary and one replica"), quote


_DEEP = [
    *_CLARIFY,
    _ESTIMATE,
    "/next",
    _RING,
    "we'll use Redis.",
    _API,
    "I'd rather not get into that now",
    "/next",
    "on a database write the service commits and then deletes the key, and every key has a 5"
    " minute TTL so a lost delete heals by itself",
    "/hint",
    _REPLICA,
    "let's come back to hot keys later",
    _LRU,
]
_FRESH = "How do you give a user their own fresh edit without making every read go to the database?"
_STAMPEDE = "A key read thousands of times a second expires."


def test_one_and_second_shared_answer_nothing(catalog: Catalog) -> None:
    session = run(catalog, "distributed-cache", "adversarial", _DEEP[: _DEEP.index(_REPLICA) + 1])
    asked = " ".join(session.exchanges[-2].replies)
    assert _STAMPEDE in asked, asked  # the hint's question is on the table
    reply = _replies(session, _REPLICA)
    assert f"back to my question: {_STAMPEDE}" in reply, reply


def test_a_reason_for_something_else_answers_nothing(catalog: Catalog) -> None:
    session = run(catalog, "distributed-cache", "adversarial", [*_DEEP, "/end"])
    assert _FRESH in " ".join(session.exchanges[-3].replies)
    reply = _replies(session, _LRU)
    assert f"back to my question: {_FRESH}" in reply, reply
    talk = session.report(catalog)["conversation"]
    quotes = [c.get("quote", "") for c in talk["mentioned"] if c["item"] == "consistency-vs-speed"]
    assert not any(q.startswith("eviction is LRU") for q in quotes), quotes


def test_a_mention_of_the_items_concept_replaces_one_of_its_subject(catalog: Catalog) -> None:
    lines = [*_CLARIFY, "/next", "we'll use Redis.", _API, "/end"]
    talk = run(catalog, "distributed-cache", "adversarial", lines).report(catalog)["conversation"]
    quote = next(c["quote"] for c in talk["mentioned"] if c["item"] == "write-strategy")
    assert "cache-aside" in quote, quote


def test_a_latency_question_is_no_mention_of_staleness(catalog: Catalog) -> None:
    talk = run(catalog, "distributed-cache", "adversarial", [*_CLARIFY, "/end"]).report(catalog)
    mentioned = {c["item"] for c in talk["conversation"]["mentioned"]}
    assert "staleness" not in mentioned


def test_sentinel_named_is_no_missing_cluster_manager(catalog: Catalog) -> None:
    lines = [*_DEEP, "/end"]
    steps = run(catalog, "distributed-cache", "adversarial", lines).report(catalog)["review"]
    assert not any("No cluster manager" in s for s in steps["next_steps"]), steps["next_steps"]


def test_operations_written_as_calls_are_endpoints(catalog: Catalog) -> None:
    from tradeoff.design.load import parse_design

    doc = parse_design("# Cache\n\n## API\n- " + _API + "\n")
    claims = read_design(doc, catalog.vocabulary.concepts.values())
    rungs = {r.name: r.reached for r in ladder("api_data", claims)}
    assert rungs["endpoints defined"] == 1.0, rungs
    formula = parse_design("# Cache\n\n- shard = crc32(key) % N, then hash(key) picks a node\n")
    rungs = {
        r.name: r.reached
        for r in ladder("api_data", read_design(formula, catalog.vocabulary.concepts.values()))
    }
    assert rungs["endpoints defined"] == 0.0, rungs

"""Wrong lines of issue 10 still open after the typed sessions of iv15, each pinned.

- "ok so at peak that's 4.4M ops/s, and at 200k ops/s a node that's 22 shards" was
  answered "That looks high to me ... How did you get 4.4M ops/s?": the operations were
  taken for "db_reads_at_peak" (the database reads behind the cache) because the check of
  what a figure counts read its name's last word, "peak", which counts nothing.
- "On a write the service updates the database and then deletes the key; every key also
  has a TTL." was quoted as only mentioning "When a hot item expires or is deleted, only one
  caller rebuilds it ...": the stampede item listed cache invalidation as its subject, so
  any line about deleting keys named it. Invalidation is what makes an item expire, not the
  stampede that follows; the stampede's own words ("thundering herd") still name it.
- A search-autocomplete candidate who opened with "Let's start with requirements and scale,
  move to the API, then the serving path and the offline pipeline." was told "Works in a
  visible order ..." was neither said nor written: only ordinals ("first", "then") counted
  as putting steps in order.
- Rate limiter: "Counters live in a shared in-memory store (Redis) ..." was quoted from
  "If Redis is down, each gateway instance falls back to local in-memory counters ...",
  which names more of the item's words than the line that put the counters in Redis, and
  replaced it: a fallback for losing the store is not where the counters live.
- Rate limiter: "Asks how exact limits must be and what to do when the limiter is down"
  was quoted from a statement ("Limits can be approximate, ...") though the candidate
  asked it too: the item had no clarifying-question concept, so asking never credited it
  (nor did the facts drawn, whose "need not be exact" and "let ordinary traffic through"
  the lexicon did not read as the exactness bound and failing open).
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in

_OPS = (
    "ok so at peak that's 4.4M ops/s, and at 200k ops/s a node that's 22 shards; memory says"
    " 2 TB hot set over 64 GB nodes is 32 shards, so 64 nodes with replicas"
)


def test_operations_at_peak_are_not_the_database_reads(catalog: Catalog) -> None:
    refs = catalog.numbers["distributed-cache"]
    found = {s.text: s.ref.name if s.ref else None for s in quantities_in(_OPS, refs)}
    assert found["4.4M ops/s"] != "db_reads_at_peak", found
    # The database's own reads, said as such, are still that figure.
    said = quantities_in("the database then sees about 200,000 reads a second at peak", refs)
    assert [s.ref.name for s in said if s.ref] == ["db_reads_at_peak"]


def test_a_right_operation_rate_is_not_challenged(catalog: Catalog) -> None:
    ask = "how many reads and writes per second at peak?"
    session = run(catalog, "distributed-cache", "adversarial", [ask, _OPS])
    reply = " ".join(session.exchanges[-1].replies)
    assert "4.4M" not in reply and "looks high" not in reply, reply


_INVALIDATION = "On a write we update the database, then delete the key; each key has a TTL too."


def test_delete_and_ttl_do_not_mention_the_stampede(catalog: Catalog) -> None:
    session = run(catalog, "distributed-cache", "adversarial", [_INVALIDATION])
    assert "stampede" not in session.interview.state.said
    herd = "the risk there is a thundering herd when a hot key expires"
    session = run(catalog, "distributed-cache", "adversarial", [herd])
    assert session.interview.state.said["stampede"].status == "mentioned"


def test_an_order_said_in_other_words_is_heard(catalog: Catalog) -> None:
    plan = "We'll begin with the requirements, move on to sizing, then the API and the design."
    session = run(catalog, "search-autocomplete", "neutral", [plan])
    assert "structure" in session.interview.state.said
    # The order of a lookup's own work is no order of the answer.
    work = "We begin with a trie per shard and then keep the top 10 at each node."
    session = run(catalog, "search-autocomplete", "neutral", [work])
    assert "structure" not in session.interview.state.said


def test_a_fallback_for_losing_the_store_is_not_where_counters_live(catalog: Catalog) -> None:
    where = "Every gateway checks the client's token bucket in Redis with a Lua script."
    fallback = (
        "If Redis is down, each gateway instance falls back to local in-memory counters with"
        " its share of the limit, so a client gets at most about its limit over all instances."
    )
    session = run(catalog, "rate-limiter", "neutral", [where, fallback])
    assert session.interview.state.said["shared-counters"].quote == where


_HOW_EXACT = "How exact do the limits need to be, and what should happen if the limiter is down?"
_STATED = (
    "Limits can be approximate, a few percent of overshoot is fine, and if the limiter is down"
    " we fail open except on login."
)


def test_asking_how_exact_limits_must_be_is_credited_as_asking(catalog: Catalog) -> None:
    session = run(catalog, "rate-limiter", "neutral", [_HOW_EXACT])
    said = session.interview.state.said["accuracy-and-failure"]
    assert said.status == "substance" and said.quote == _HOW_EXACT
    # Stated first, then asked: the item about asking quotes the question.
    session = run(catalog, "rate-limiter", "neutral", [_STATED, _HOW_EXACT])
    assert session.interview.state.said["accuracy-and-failure"].quote == _HOW_EXACT

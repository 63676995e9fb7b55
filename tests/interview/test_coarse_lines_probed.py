"""An interviewer that credits an item only for what its text asks: a line that names the
item's subject (replicas, a failover) leaves "Redis replication is asynchronous, so a
failover loses the latest increments" open to be probed; a line that says it covers it.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.personas import Move

SIZING = (
    "Counters live in Redis: 10 Redis shards, 20 with replicas, and Sentinel promotes a replica."
)
SAYS_IT = (
    "Redis replication is asynchronous, so after a failover the promoted replica can miss the"
    " last few increments; a short over-admission, which our accuracy target allows."
)


def test_a_replica_count_leaves_the_failover_loss_open(catalog: Catalog) -> None:
    """After a sizing that names replicas the item is only mentioned, so it stays among the
    gaps the interviewer probes; the report does not list it as covered by that line."""
    session = run(catalog, "rate-limiter", "neutral", ["/next", "/next", SIZING, "/end"])
    state = session.interview.state
    assert not state.covered("failover-loss")
    support = state.support("failover-loss")
    assert support is not None and support.status == "mentioned"
    covered = session.report(catalog)["conversation"]["covered"]
    assert "failover-loss" not in {c["item"] for c in covered}


def test_the_lag_said_covers_the_failover_loss(catalog: Catalog) -> None:
    session = run(catalog, "rate-limiter", "neutral", ["/next", "/next", SAYS_IT])
    support = session.interview.state.support("failover-loss")
    assert support is not None and support.status == "substance"
    assert support.quote.startswith("Redis replication is asynchronous")


def test_answering_the_probe_with_a_promotion_does_not_cover_it(catalog: Catalog) -> None:
    """ "A primary fails over to its replica. What happens to the counts?" answered "Sentinel
    promotes the replica ..." repeats the question's own subject; the increments the replica
    never saw are still unsaid."""
    session = run(catalog, "rate-limiter", "neutral", ["/next", "/next"])
    interview = session.interview
    probe = interview.items["failover-loss"].probe or ""
    interview._ask(Move("probe", probe, "failover-loss"))
    interview.handle(
        "Sentinel promotes the replica within a few seconds and the gateways reconnect to the"
        " new primary, so counting carries on."
    )
    assert not interview.state.covered("failover-loss")
    interview._ask(Move("probe", probe, "failover-loss"))
    interview.handle(SAYS_IT)
    assert interview.state.covered("failover-loss")


def test_a_cache_ttl_leaves_deletes_and_blocks_open(catalog: Catalog) -> None:
    """ "Timelines are cached in Redis with a 30 s TTL" says how long a copy lives, not how a
    deleted post or a blocked author leaves millions of copied timelines: the item stays
    open to be asked, and a line that says it covers it."""
    cached = "Timelines are cached in Redis with a 30 second TTL, and users can block accounts."
    session = run(catalog, "news-feed", "neutral", ["/next", "/next", cached])
    assert not session.interview.state.covered("deletes-and-blocks")
    filtered = (
        "Deleted posts and blocked authors are dropped by a visibility filter at hydration,"
        " because chasing one post id through millions of timelines is too slow."
    )
    session = run(catalog, "news-feed", "neutral", ["/next", "/next", filtered])
    assert session.interview.state.covered("deletes-and-blocks")

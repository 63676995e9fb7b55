"""A rate-limiter session by a candidate who explains well: what the report says of it
must be what a careful reader finds in the transcript."""

from __future__ import annotations

import pytest
from simulate import Run, run

from tradeoff.catalog import Catalog

LIMITER = [
    "Before I start, how many requests per second do the gateways see, and what are the "
    "limits per client?",
    "What latency can the limiter add, and what should happen if the limiter itself fails?",
    "Do limits need to be exact, and do we already run Redis?",
    "Requirements: the gateway checks each request against per-key and per-IP limits, returns"
    " 429 with Retry-After when a client is over, and operators can change rules without a "
    "redeploy. Out of scope: billing quotas and DDoS scrubbing.",
    "I'll assume peak is about 1M requests per second, twice the 500K average. At 100K checks"
    " per second per Redis shard that's 10 shards, so I'd plan 16 for headroom.",
    "/next",
    "The API is internal: the gateway calls allow(key, cost) and gets back allowed, remaining"
    " and reset time; clients see X-RateLimit-Limit, X-RateLimit-Remaining and Retry-After "
    "headers.",
    "Each gateway runs the check in-process against Redis, using a sliding window counter per"
    " key implemented as a Lua script so the read and increment are atomic.",
    "We use a sliding window counter rather than a fixed window because fixed windows let a "
    "client send double its limit across a window boundary.",
    "Rules live in a config service; gateways poll it every 30 seconds and cache the rules "
    "locally, so a change takes effect within a minute.",
    "/next",
    "If a Redis shard is down, gateways fail open for that shard's keys and fall back to a "
    "local in-memory token bucket at a tenth of the limit, because blocking all traffic would"
    " make the limiter the outage.",
    "We alert when the limiter's p99 goes over 5 ms or when more than 1% of checks time out, "
    "and each shard has a replica that Sentinel promotes.",
    "To summarise: in-process checks against sharded Redis with Lua sliding windows, fail "
    "open with a local fallback, rules pushed through a config service. At 10x the first "
    "thing to break is Redis CPU, so we'd shard further by key hash.",
    "/end",
]


@pytest.fixture(scope="module")
def limiter(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run(catalog, "rate-limiter", "neutral", LIMITER, tmp=tmp_path_factory.mktemp("rl"))


def test_an_internal_call_with_its_result_defines_the_api(limiter: Run, catalog: Catalog) -> None:
    """ "The gateway calls allow(key, cost) and gets back allowed, remaining and reset time"
    defines the limiter's API: no "No API is defined", no "List the main endpoints" step."""
    review = limiter.report(catalog)["review"]
    assert "API101" not in {f["rule"] for f in review["findings"]}
    assert not any("(API101" in step for step in review["next_steps"])

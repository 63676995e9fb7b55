"""Lines typed into a rate-limiter session (adversarial persona) that were misread.

Each test holds what the candidate said and checks the reading a person would make of it.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_limits_by_key_and_plan_are_the_limit_keys_not_the_429_contract(catalog: Catalog) -> None:
    """ "Clients are limited per API key by plan, and per IP when anonymous" says what is
    limited and by which key. It said nothing of 429s or headers, so that item stays open
    and the interviewer does not ask who is being limited."""
    session = run(
        catalog, "rate-limiter", "adversarial",
        ["What are the limits per client?",
         "So clients are limited per API key by plan, and per IP when anonymous."],
    )  # fmt: skip
    state = session.interview.state
    assert state.covered("limit-keys")
    assert not state.covered("response-contract")
    reply = " ".join(session.exchanges[-1].replies)
    assert "Who exactly are we limiting" not in reply, reply


def test_a_local_bucket_after_a_token_bucket_is_not_a_store(catalog: Catalog) -> None:
    """After "a Lua script that refills a token bucket", "each gateway keeps a local bucket"
    is that kind of bucket: there is no bucket store to ask "if the bucket goes down" about."""
    session = run(
        catalog, "rate-limiter", "adversarial",
        ["/next",
         "Counters live in Redis with a Lua script that refills a token bucket atomically.",
         "/next",
         "Each gateway keeps a local bucket and syncs every 50 ms, which trades a few percent"
         " of over-admission for one fewer round trip per request."],
    )  # fmt: skip
    reply = " ".join(session.exchanges[-1].replies)
    assert "bucket goes down" not in reply, reply


def test_failing_open_with_a_reason_is_a_reasoned_decision(catalog: Catalog) -> None:
    """ "If Redis is unreachable we fail open for ordinary traffic, because availability beats
    exact limits" is a decision and its reason; the report counted no reasoned decision."""
    session = run(
        catalog, "rate-limiter", "adversarial",
        ["/next",
         "If Redis is unreachable we fail open for ordinary traffic, because availability"
         " beats exact limits, but login stays on a strict local limit."],
    )  # fmt: skip
    assert any(reasoned for _turn, _text, reasoned in session.interview.state.decisions)

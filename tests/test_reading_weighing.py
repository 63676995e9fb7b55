"""Failures answered and decisions weighed, read as a careful reader reads them (issue 9).

Each reading has a case where it must apply and one where it must not:

1. a failure answered by the name of a failure-handling technique ("the gateway fails open",
   "the client retries", "a dead-letter queue"), the lost copies made again ("reconstructs
   from parity"), and work carried on ("keeps serving from its local copy"); the items under
   an "Effect:" label are what a failure does, not its answer.
"""

from __future__ import annotations

from functools import cache

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import Claim, read_text


@cache
def catalog() -> Catalog:
    return default_catalog()


def claims(text: str) -> list[Claim]:
    return read_text(text, catalog().vocabulary.concepts.values())


def only(text: str) -> Claim:
    found = claims(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


# --- 1. failures answered ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If the quota store is down, the edge proxy fails open.",
        "When the token service is unreachable we fail closed for login endpoints.",
        "On a timeout the worker retries with jittered backoff.",
        "If the payment broker is down, messages go to a dead-letter queue.",
        "When a storage host dies, its chunks are reconstructed from the surviving parity.",
        "If the control plane is down, proxies keep serving from their cached rules.",
    ],
)
def test_a_failure_answered_by_a_named_technique_is_paired(text: str) -> None:
    assert only(text).features.failure_response


@pytest.mark.parametrize(
    "text",
    [
        "We picked fail-open for ordinary traffic.",
        "The proxy fails open.",  # a policy stated, no failure named
        "Ten of twelve fragments are needed to reconstruct a stripe.",
        "A chunk is lost only if a third copy fails before repair.",
    ],
)
def test_a_policy_or_a_calculation_is_no_failure_answered(text: str) -> None:
    assert not only(text).features.failure_response


def test_effects_listed_under_a_failure_are_not_its_answer() -> None:
    text = (
        "### Shard leader failure\n\nEffect:\n- a short failover window drops a few writes\n\n"
        "Mitigation:\n- clients retry only idempotent writes\n"
    )
    found = {c.text: c.features.failure_response for c in claims(text)}
    assert found["a short failover window drops a few writes"] is False
    assert found["clients retry only idempotent writes"] is True

"""A failover said in plain words is a failover, to the reviewer and the interviewer alike.

"If the card processor is unreachable, we send new charges to the backup one" moves the
work off the part that failed, as "we fail over to the backup processor" does; the
claim analysis read no concept in it, so the reviewer gave the line nothing and the
interviewer heard no answer to a question about an outage.
"""

from __future__ import annotations

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import read_text
from tradeoff.language.operations import fails_over
from tradeoff.review.substance import specified_concepts

_PLAIN = "If the card processor is unreachable, we send new charges to the backup one."


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


@pytest.mark.parametrize(
    "text",
    [
        _PLAIN,
        "When one region goes down, the balancer routes all traffic to the surviving region.",
        "if a processor times out twice, new charges are switched over to the other processor",
    ],
)
def test_work_moved_to_a_peer_after_a_failure_fails_over(catalog: Catalog, text: str) -> None:
    [claim] = read_text(text, catalog.vocabulary.concepts.values())
    assert "failover" in claim.features.concepts, claim.features
    assert claim.features.failure_response


@pytest.mark.parametrize(
    "text",
    [
        # no failure: spreading load, not failing over
        "We send reads to the other replicas to spread the load.",
        # a peer chosen among live ones
        "If the nearest region is busy, requests are routed to the closest region.",
    ],
)
def test_moving_work_without_a_failed_part_is_no_failover(text: str) -> None:
    assert not fails_over(text)


def test_the_reviewer_credits_the_plain_failover_as_specified(catalog: Catalog) -> None:
    [claim] = read_text(_PLAIN, catalog.vocabulary.concepts.values())
    assert "failover" in specified_concepts(claim)

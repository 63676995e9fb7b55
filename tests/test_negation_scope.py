"""A negator reaches only its own clause: a reason's clause after "because" is the
reason's, and a "never" before it rejects none of the mechanisms it names."""

from __future__ import annotations

import pytest

from tradeoff.language.mentions import NEGATED, POSITIVE, classify


def _status(text: str, term: str) -> str:
    start = text.index(term)
    return classify(text, start, start + len(term), listed=False)


@pytest.mark.parametrize(
    ("text", "term", "status"),
    [
        ("Jobs never vanish because the queue replicates each partition.", "replicates",
         POSITIVE),
        ("Writes never vanish because of replicas.", "replicas", POSITIVE),
        # The negator in the mechanism's own clause still rejects it.
        ("We do not replicate because the data can be rebuilt.", "replicate", NEGATED),
        ("Users wait because we never cache the profile.", "cache", NEGATED),
    ],
)  # fmt: skip
def test_because_ends_the_negated_clause(text: str, term: str, status: str) -> None:
    assert _status(text, term) == status

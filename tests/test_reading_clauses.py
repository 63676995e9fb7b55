"""Clauses of one line read together when the second points back at the first."""

from __future__ import annotations

from tradeoff.catalog import default_catalog
from tradeoff.language import read_text
from tradeoff.review.substance import SUBSTANCE, item_support


def _claims(text: str) -> list:  # type: ignore[type-arg]
    return read_text(text, default_catalog().vocabulary.concepts.values())


def test_a_clause_that_points_back_by_a_pronoun_is_read_with_the_clause_before() -> None:
    """ "Policies sit in a config store; each edge node caches them for 20 s" says how the
    config store is used: one claim, with the 20 s refresh as its evidence."""
    (claim,) = _claims("- Policies sit in a config store; each edge node caches them for 20 s.")
    assert "config-distribution" in claim.features.concepts
    item = next(
        i
        for i in default_catalog().get("rate-limiter").rubric.components.items
        if i.id == "rules-config"
    )
    found = item_support(item, [claim], "components", item.shared_concepts)
    assert found.status == SUBSTANCE


def test_clauses_that_do_not_point_back_stay_apart() -> None:
    claims = _claims("- Policies sit in a config store; counters live in Redis.")
    assert len(claims) == 2


def test_balancing_two_costs_is_not_a_ledger() -> None:
    """ "balances" as a verb ("the hybrid balances them", "balances load") is not an account
    balance: the ledger concept needs the money sense."""
    claims = _claims("- Push costs writers and pull costs readers; the hybrid balances them.")
    assert not [c for c in claims if "ledger" in c.features.concepts]
    (money,) = _claims("- Each account balance is the sum of its ledger entries.")
    assert "ledger" in money.features.concepts

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


def _support(problem: str, dimension: str, item_id: str, text: str) -> str:
    from tradeoff.design import parse_design
    from tradeoff.language import read_design

    catalog = default_catalog()
    claims = read_design(parse_design(text), catalog.vocabulary.concepts.values())
    rubric = getattr(catalog.get(problem).rubric, dimension)
    item = next(i for i in rubric.items if i.id == item_id)
    return item_support(item, claims, dimension, item.shared_concepts).status


def test_a_line_naming_the_items_own_example_is_a_mention_though_the_concept_is_shared() -> None:
    """ "Each phone holds a websocket to one gateway" names what the connection-protocol
    item is about (its text says "WebSocket or MQTT"), though the gateway item shares the
    concept: mentioned, not "neither said nor written"."""
    text = "# Chat\n\n- Each phone holds a websocket to one gateway.\n"
    assert _support("chat-system", "api_data", "connection-protocol", text) == "mentioned"


def test_a_session_registry_that_routes_deliveries_is_the_session_registry() -> None:
    text = (
        "# Chat\n\n- To deliver, the service asks the session registry which edge server"
        " holds the recipient's socket and forwards the frame there.\n"
    )
    assert _support("chat-system", "components", "session-registry", text) == "substance"


def test_holding_a_connection_is_no_inventory_hold() -> None:
    (claim,) = _claims("- Apps hold a websocket to a gateway node.")
    assert "inventory-reservation" not in claim.features.concepts
    (seats,) = _claims("- We hold the seats for 10 minutes while the buyer pays.")
    assert "inventory-reservation" in seats.features.concepts


def test_the_word_matching_is_no_matching_policy() -> None:
    """ "a stale entry drops out of matching within 30 seconds" names the matching process;
    the ride prompt's trade-off is how a request picks its driver (nearest at once, or
    several requests batched), which that line does not weigh."""
    ttl = "# R\n\n- each entry expires after 30 s, so a silent phone drops out of matching.\n"
    assert _support("ride-sharing", "tradeoffs", "matching-strategy", ttl) == "mentioned"
    policy = (
        "# R\n\n- Each request goes to the closest driver at once, over batching requests"
        " for two seconds, because riders notice a wait more than a slightly longer pickup.\n"
    )
    assert _support("ride-sharing", "tradeoffs", "matching-strategy", policy) == "substance"

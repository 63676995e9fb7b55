"""The interviewer does not ask what the candidate has just told them: what breaks first,
said unasked before the wrap-up, and a product chosen turns ago, said again as the setting of
another point."""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_OPENING = [
    "How many links are made a month, and how often is each one opened?",
    "/next",
    "Short codes sit in Cassandra keyed by code, and Memcached in front holds the popular ones.",
    "/next",
]


def _asked(session_lines: list[str], catalog: Catalog, persona: str) -> list[str]:
    session = run(catalog, "url-shortener", persona, session_lines)
    return [reply for exchange in session.exchanges for reply in exchange.replies]


def test_the_wrap_up_does_not_ask_what_breaks_first_once_told(catalog: Catalog) -> None:
    told = "The weakest point is the code allocator: if it stalls, no new links can be made."
    asked = _asked([*_OPENING, told, "/next"], catalog, "neutral")
    assert not any("What breaks first" in text for text in asked), asked
    assert any(text.startswith("Sum up your design") for text in asked), asked


def test_the_wrap_up_asks_what_breaks_first_when_nobody_said(catalog: Catalog) -> None:
    plain = "Codes come from counter ranges that each app server leases a thousand at a time."
    asked = _asked([*_OPENING, plain, "/next"], catalog, "neutral")
    assert any("What breaks first" in text for text in asked), asked


def test_a_product_chosen_earlier_is_not_asked_about_when_said_again(catalog: Catalog) -> None:
    again = "A hot link that drops out of Memcached is refilled by one request while others wait."
    asked = _asked([*_OPENING, again], catalog, "adversarial")
    assert not any("Memcached and not" in text or "Why Memcached" in text for text in asked[-2:])

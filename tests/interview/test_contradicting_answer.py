"""An answer that makes the choice an item rules out is no mention of the item.

Asked "How do you represent a 25-cent coin, a price of $1.35 and the slot "B4" in code?",
a candidate who says "Prices are stored as floats in dollars." has answered the other way
round from "money as integer cents": the report listed it as only mentioned, quoting the
float line, and told them to say more about a point they had got wrong.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.language.contradiction import contradicts

_TO_THE_MONEY_QUESTION = [
    "How many slots does the machine have, and what's the price range?",
    "/next",
    "The VendingMachine class holds a State object and delegates each event to it.",
    "The VendingMachine class holds a State object and delegates each event to it.",
]


def test_floats_for_money_do_not_mention_integer_cents(catalog: Catalog) -> None:
    lines = [*_TO_THE_MONEY_QUESTION, "Prices are stored as floats in dollars."]
    session = run(catalog, "vending-machine", "neutral", lines)
    assert "25-cent" in " ".join(session.exchanges[-2].replies)
    support = session.interview.state.said.get("enums-money")
    assert support is None, support


def test_integer_cents_still_cover_it(catalog: Catalog) -> None:
    lines = [
        *_TO_THE_MONEY_QUESTION,
        "Money is an int of cents, a Coin enum carries its value in cents, and SlotCode is a"
        " validated value object.",
    ]
    session = run(catalog, "vending-machine", "neutral", lines)
    support = session.interview.state.said.get("enums-money")
    assert support is not None and support.status == "substance", support


def test_a_float_elsewhere_contradicts_nothing() -> None:
    item = "Coin and Note enums carrying their value in cents, money as integer cents."
    assert contradicts(item, "Prices are stored as floats in dollars.")
    assert contradicts(item, "We keep the balance as a double.")
    assert not contradicts(item, "The display shows the price; the motor speed is a float.")
    assert not contradicts("Stores the sensor reading.", "Prices are floats.")

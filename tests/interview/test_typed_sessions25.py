"""A vending-machine session typed by hand with the adversarial persona.

"What if the product gets stuck?" drew "A drop sensor confirms that the product fell within 3
seconds. If it did not, the motor tries once more ...", yet the report listed "Asks what
happens when change cannot be made, a slot is empty, or the product does not drop." as only
mentioned, quoting "How many slots does the machine have, and what's the price range?". A
question that draws a fact settles an item about asking only when the item's other
concepts are known: those the facts drawn out name (the drop fact names failure handling,
not edge cases). What the question itself asks about counts too: "what if ... gets stuck"
asks an edge case.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_asking_about_a_stuck_product_covers_the_failure_questions(catalog: Catalog) -> None:
    lines = [
        "How many slots does the machine have, and what's the price range?",
        "What if the product gets stuck?",
    ]
    session = run(catalog, "vending-machine", "adversarial", lines)
    support = session.interview.state.said["failure-questions"]
    assert support.status == "substance", support
    assert support.quote == "What if the product gets stuck?", support


def test_a_question_that_asks_no_edge_case_does_not(catalog: Catalog) -> None:
    lines = ["How many slots does the machine have, and what's the price range?"]
    session = run(catalog, "vending-machine", "adversarial", lines)
    support = session.interview.state.said.get("failure-questions")
    assert support is None or support.status != "substance", support

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


def test_an_event_queue_inside_the_machine_is_not_asked_to_go_down(catalog: Catalog) -> None:
    """ "Each hardware event goes into one queue and a single thread processes them in
    order" drew "If the queue goes down at peak, what happens to the requests that need
    it?": in an object-oriented prompt the parts are one program's classes, as in a front
    end; only a server the candidate names is asked about."""
    lines = [
        "How many slots does the machine have, and what's the price range?",
        "/next",
        "/next",
        "Each hardware event goes into one queue and a single thread processes them in order,"
        " so a coin and a timeout can never race.",
    ]
    session = run(catalog, "vending-machine", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "goes down at peak" not in reply, reply


def test_a_database_named_in_an_object_oriented_prompt_is_still_asked(catalog: Catalog) -> None:
    lines = [
        "How many cinemas and screens are there?",
        "/next",
        "Bookings are stored in PostgreSQL with a row per seat per show, and holds are rows"
        " with an expiry.",
    ]
    session = run(catalog, "movie-ticket-booking", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "If PostgreSQL goes down at peak" in reply, reply

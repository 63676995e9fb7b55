"""A movie-ticket-booking session typed for issue 10 (terse), iv16.

- "Hold is one UPDATE show_seat SET status=HELD WHERE show_id=? AND ..." was answered with
  a fact ("The seat map a user sees may be a few seconds old ..."): a query's placeholder
  was read as a question mark, so the first half of the line became a question.
- "Out of scope: food, promo codes, loyalty, door scanning. Right?" got "Not specified.
  Assume what you think is reasonable": the question was only "Right?", which names
  nothing; a tag question asks about the sentence before it.
- "BookingService.holdSeats(showId, seatIds, userId) returns a Hold with an expiry;
  confirm(holdId, paymentResult); cancel(bookingId)." was reported as neither said nor
  written, against an item whose text is those signatures: its concepts (interface, class
  design) never name method signatures, which the catalog calls an RPC API elsewhere. So
  for parking-lot's and vending-machine's key methods.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in
from tradeoff.interview.questions import questions_in

_HOLD = (
    "Hold is one UPDATE show_seat SET status=HELD WHERE show_id=? AND seat_id IN (...) AND"
    " status=AVAILABLE; if the row count is less than the seats asked, roll back."
)


def test_a_query_placeholder_is_no_question() -> None:
    assert questions_in(_HOLD) == []
    assert questions_in("Is the limit per user?") == ["Is the limit per user?"]


def test_a_tag_question_asks_about_the_sentence_before(catalog: Catalog) -> None:
    scope = "Out of scope: food, promo codes, loyalty, door scanning. Right?"
    tagged = "Out of scope: food, promo codes, loyalty, door scanning, right?"
    assert questions_in(scope) == [tagged]
    session = run(catalog, "movie-ticket-booking", "terse", [scope])
    reply = " ".join(session.exchanges[-1].replies)
    assert "promo codes" in reply and "Assume" not in reply, reply


def test_service_methods_said_as_signatures_are_covered(catalog: Catalog) -> None:
    methods = (
        "BookingService.holdSeats(showId, seatIds, userId) returns a Hold with an expiry;"
        " confirm(holdId, paymentResult); cancel(bookingId)."
    )
    session = run(catalog, "movie-ticket-booking", "terse", ["/next", methods])
    assert session.interview.state.said["service-methods"].status == "substance"


def test_test_threads_are_not_seats_per_booking(catalog: Catalog) -> None:
    threads = "Test: 50 threads grab the same seat, assert exactly one wins."
    refs = catalog.numbers["movie-ticket-booking"]
    assert [s.ref for s in quantities_in(threads, refs)] == [None]
    seats = quantities_in("each booking takes 10 seats", refs)
    assert [s.ref.name for s in seats if s.ref] == ["max_seats_per_booking"]

"""Typed sessions of issue 10 (payment terse, movie ticket terse, object storage), iv18.

- "each payment writes 3 ledger entries of about 200 bytes, so about 6 GB a day" was
  credited with substance for "Double-entry ledger ..." and "Ledger service ... writes
  balanced journal entries in one transaction": said aloud, a sizing has no "Estimates"
  heading, and its figures were the only evidence for the ledger.
- "10 million orders a day is about 120 payments a second" was listed as two disagreements
  with "About 5 million payments a day": the rate is the same figure worked out.
- "Pricing is a chain of PriceRule objects: ..." answered the pricing question two
  questions on; it named no concept of the item (a class name is one word to the term
  table), so the question stayed "unanswered" and pricing "neither said nor written".
- "page when provider error rate exceeds 5% for 5 minutes" was read as a failure with a
  response and credited "Walks through a crash ...": "error rate" is a metric watched.
- "Hold is one UPDATE ... WHERE show_id=? AND ..." was cut in two at the placeholder.
- The placement service, only mentioned, was quoted from a said line about fragments per
  zone, not the design's "Placement service picks nodes across zones and racks".
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in
from tradeoff.interview.state import ConversationState, Support
from tradeoff.language import read_text
from tradeoff.language.operations import failure_response
from tradeoff.review import substance

_LEDGER_SIZE = "each payment writes 3 ledger entries of about 200 bytes, so about 6 GB a day"
_POST = (
    "the client sends POST /payments with an idempotency key; the payment service stores the"
    " key and a pending payment row in one transaction before calling the provider"
)


def test_a_size_set_for_a_part_still_specifies_it(catalog: Catalog) -> None:
    concepts = tuple(catalog.vocabulary.concepts.values())
    segment = "Each partition is a series of 1 GB segment files with a sparse offset index"
    ledger = read_text(_LEDGER_SIZE, concepts)[0]
    assert substance.sizes_mechanism_only(ledger, "ledger")
    part = read_text(segment, concepts)[0]
    assert not any(substance.sizes_mechanism_only(part, c) for c in part.features.mechanisms)


def test_a_sizing_said_aloud_specifies_no_ledger_mechanism(catalog: Catalog) -> None:
    session = run(catalog, "payment-system", "terse", ["/next", _LEDGER_SIZE])
    said = session.interview.state.said
    # Named, not covered: a daily growth is neither the ledger writes a second nor the
    # storage kept over ten years (iv22).
    assert said["ledger-size"].status == "mentioned"
    for item in ("double-entry", "ledger-service"):
        assert item not in said or said[item].status != "substance", item


def test_a_figure_worked_out_is_one_disagreement(catalog: Catalog) -> None:
    script = [
        "how many payments per day, and what is the peak?",
        "/next",
        "10 million orders a day is about 120 payments a second",
    ]
    session = run(catalog, "payment-system", "terse", script)
    contradicted = session.interview.state.contradicted
    assert [c.said for c in contradicted] == ["10 million orders a day"], contradicted


def test_an_error_rate_alert_is_no_failure_response() -> None:
    alert = "page when provider error rate exceeds 5% for 5 minutes"
    assert failure_response(alert) is None
    assert failure_response("on errors the client retries with backoff") is not None
    timeout = (
        "if the provider times out we mark it unknown and poll the provider's status API"
        " with the same idempotency key"
    )
    assert failure_response(timeout) is not None


def test_a_query_placeholder_ends_no_claim(catalog: Catalog) -> None:
    text = (
        "Hold is one UPDATE show_seat SET status=HELD WHERE show_id=? AND seat_id IN (...)"
        " AND status=AVAILABLE; roll back if fewer rows. So two users on seat F7: one wins."
    )
    claims = read_text(text, tuple(catalog.vocabulary.concepts.values()))
    assert claims[0].text.startswith("Hold is one UPDATE") and "AND seat_id" in claims[0].text


def test_a_written_mention_of_the_items_own_concept_is_quoted() -> None:
    state = ConversationState()
    state.said["placement"] = Support("mentioned", "4 in each of the three zones", 3, "said")
    state.written["placement"] = Support(
        "mentioned", "Placement service picks nodes", 20, "design", (0, 1)
    )
    support = state.support("placement")
    assert support is not None and support.source == "design"
    state.written["placement"] = Support("mentioned", "Storage nodes", 20, "design", (0, 0))
    support = state.support("placement")
    assert support is not None and support.source == "said"


def test_an_earlier_question_answered_later_is_credited(catalog: Catalog) -> None:
    script = [
        "/next",
        "Classes: Movie, Cinema, Screen, Seat, Show, ShowSeat per seat per show, Booking.",
        "Enums: SeatType, Format, ShowSeatStatus AVAILABLE HELD BOOKED.",
        "BookingService.holdSeats(showId, seatIds, userId) returns a Hold with an expiry.",
        "Pricing is a chain of PriceRule objects: seat type base, format surcharge, matinee"
        " discount, booking fee.",
    ]
    session = run(catalog, "movie-ticket-booking", "terse", script)
    asked = [a for a in session.interview.state.asks if a.item == "pricing-strategy"]
    assert asked and asked[0].status == "answered", asked
    assert session.interview.state.said["pricing-strategy"].status == "substance"


def test_a_record_laid_out_in_prose_specifies_the_record(catalog: Catalog) -> None:
    record = (
        "The metadata record is keyed by (bucket, key) and holds size, checksum, a timestamp"
        " and the list of extents holding the bytes."
    )
    session = run(catalog, "object-storage", "adversarial", ["/next", record])
    support = session.interview.state.said["object-record"]
    assert support.status == "substance" and support.quote.startswith("The metadata record")


_DATA = Path(__file__).parent / "data"


def _script(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_a_closing_recap_is_no_late_answer_to_a_weighing(catalog: Catalog, tmp_path: Path) -> None:
    session = run(
        catalog,
        "object-storage",
        "adversarial",
        _script("object-storage-adversarial-iv18.txt"),
        tmp=tmp_path,
        design=(_DATA / "object-storage-design-iv18.md").read_text(encoding="utf-8"),
    )
    state = session.interview.state
    assert any(a.item == "metadata-partitioning" for a in state.asks), state.asks
    said = state.said.get("metadata-partitioning")
    assert said is None or said.status != "substance", said
    placement = state.support("placement")
    assert placement is not None and placement.source == "design", placement


def test_logical_storage_is_labelled_as_said(catalog: Catalog) -> None:
    refs = catalog.numbers["object-storage"]
    said = quantities_in("100 billion objects at 1 MB is 100 PB logical", refs)
    assert [s.ref.name for s in said if s.ref and s.value.value > 1e15] == ["logical_storage"]


def test_two_users_followed_to_who_wins_is_the_race_walkthrough(catalog: Catalog) -> None:
    race = "So two users on seat F7: one update wins, the other sees 0 rows and is told at once."
    session = run(catalog, "movie-ticket-booking", "terse", ["/next", "/next", race])
    support = session.interview.state.said["race-walkthrough"]
    assert support.status == "substance" and support.quote == race
    problem = "Two users often pick the same seat, and a seat must never be sold twice."
    session = run(catalog, "movie-ticket-booking", "terse", ["/next", "/next", problem])
    said = session.interview.state.said.get("race-walkthrough")
    assert said is None or said.status != "substance", said


def test_an_idempotency_key_is_no_outbox(catalog: Catalog) -> None:
    session = run(catalog, "payment-system", "terse", ["/next", _POST])
    said = session.interview.state.said
    assert said["idempotency-keys"].status == "substance"
    assert "outbox-consumers" not in said or said["outbox-consumers"].status != "substance"


def test_an_item_pieced_from_turns_is_quoted_from_a_design_line_that_states_it() -> None:
    state = ConversationState()
    state.said["ledger-service"] = Support(
        "substance", "payouts run daily from the ledger balance", 9, "said", pieced=True
    )
    state.written["ledger-service"] = Support("substance", "Ledger: double-entry", 17, "design")
    support = state.support("ledger-service")
    assert support is not None and support.source == "design"
    state.said["ledger-service"] = Support("substance", "the ledger is double-entry", 9, "said")
    support = state.support("ledger-service")
    assert support is not None and support.source == "said"


def test_expiry_said_as_lazy_names_the_hold_expiry(catalog: Catalog) -> None:
    said = (
        "Expiry is lazy: a HELD seat whose hold is past its time counts as free on the next claim."
    )
    claims = read_text(said, tuple(catalog.vocabulary.concepts.values()))
    assert "reservation-hold" in claims[0].features.concepts


def test_the_question_that_asks_an_item_is_its_quote(catalog: Catalog) -> None:
    script = [
        "How long are seats held, and how many can one person pick?",
        "How many people fight over one show?",
    ]
    session = run(catalog, "movie-ticket-booking", "terse", script)
    support = session.interview.state.said["contention-question"]
    assert support.quote == "How many people fight over one show?", support


def test_an_earlier_question_answered_late_is_acknowledged(catalog: Catalog) -> None:
    script = [
        "/next",
        "Classes: Movie, Cinema, Screen, Seat, Show, ShowSeat per seat per show, Booking.",
        "Enums: SeatType, Format, ShowSeatStatus AVAILABLE HELD BOOKED.",
        "BookingService.holdSeats(showId, seatIds, userId) returns a Hold with an expiry.",
        "Pricing is a chain of PriceRule objects: seat type base, format surcharge, matinee"
        " discount, booking fee.",
    ]
    session = run(catalog, "movie-ticket-booking", "terse", script)
    reply = " ".join(session.exchanges[-1].replies)
    assert not reply.startswith("Still:"), reply

"""A parking-lot session typed by hand (adversarial persona), object-oriented, said aloud.

The candidate laid out the classes in words ("Classes: ParkingLot has Levels; a Level has
Spots; ...") and made spot claiming atomic ("take a lock per level, or use a
compare-and-set on the spot's state, so only one ticket wins"). The interviewer then asked
"What are the main classes, and which ones contain which?" and "Two entry panels ask for the
last compact spot at the same moment. What stops both getting it?", listed both as questions
left unanswered, held the score with "No classes are defined", and credited "Pins down the
pricing - stays up to 15 minutes free ..." to a question about vehicles that drew out no
pricing at all.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

CLASSES = (
    "Classes: ParkingLot has Levels; a Level has Spots; Spot has a size (small, compact, large)"
    " and an optional Vehicle. Vehicle is abstract with Car, Motorcycle and Truck. Ticket records"
    " the spot, the vehicle and the entry time. A SpotAllocator picks the first free spot that"
    " fits."
)
ATOMIC = (
    "Two entrance gates could grab the same spot; I'd make SpotAllocator.assign take a lock per"
    " level, or use a compare-and-set on the spot's state, so only one ticket wins."
)


def test_classes_said_aloud_are_classes(catalog: Catalog) -> None:
    session = run(catalog, "parking-lot", "adversarial", ["/next", CLASSES, "/end"])
    assert session.interview.state.covered("core-classes")
    reply = " ".join(session.exchanges[1].replies)
    assert "main classes" not in reply, reply
    report = session.report(catalog)
    assert all(f["rule"] != "API108" for f in report["review"]["findings"])


def test_two_ways_to_claim_a_spot_atomically_cover_it(catalog: Catalog) -> None:
    """A lock or a compare-and-set, with what it achieves: the item names the same two."""
    session = run(catalog, "parking-lot", "adversarial", ["/next", "/next", ATOMIC])
    assert session.interview.state.covered("atomic-assignment")
    reply = " ".join(session.exchanges[-1].replies)
    assert "same moment" not in reply, reply


def test_a_list_of_classes_gives_no_method_signatures(catalog: Catalog) -> None:
    """ "Clear signatures such as EntryPanel.issueTicket(vehicleType) ..." asks for methods
    with their arguments; naming the classes is another item."""
    session = run(catalog, "parking-lot", "adversarial", ["/next", CLASSES])
    assert not session.interview.state.covered("key-methods")


def test_pricing_is_pinned_down_only_by_drawing_out_the_pricing(catalog: Catalog) -> None:
    asked = run(catalog, "parking-lot", "neutral", ["What kinds of vehicles and spots are there?"])
    assert not asked.interview.state.covered("pricing-rules")
    priced = run(
        catalog,
        "parking-lot",
        "neutral",
        ["What kinds of vehicles and spots are there?", "How is a stay priced?"],
    )
    assert priced.interview.state.covered("pricing-rules")


def test_why_names_the_choice_whole(catalog: Catalog) -> None:
    """ "I'd add a display board per level showing free spots by size" was asked back as
    "Why a display board per level showing free?": cut mid-clause."""
    line = "I'd add a display board per level showing free spots by size."
    session = run(catalog, "parking-lot", "adversarial", ["/next", "/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "Why a display board per level?" in reply, reply


def test_instead_of_in_a_reason_is_no_change_of_course(catalog: Catalog) -> None:
    """ "... so a retried request returns the same result instead of charging twice" sets an
    alternative aside; the markers called it "changed course without a reason"."""
    line = (
        "POST /v1/payments creates a payment with an Idempotency-Key header; the server stores"
        " the key with the response for 24 hours so a retried request returns the same result"
        " instead of charging twice."
    )
    session = run(
        catalog, "payments-api", "terse", ["/next", line, "Actually, scratch that.", "/end"]
    )
    changes = session.report(catalog)["markers"]["changes_of_course_without_reason"]
    assert changes == ["Actually, scratch that."], changes


def test_api_choices_said_as_what_the_api_does_are_decisions(catalog: Catalog) -> None:
    """ "We version the API by date in a header, so ..." and "List endpoints use cursor
    pagination ..., because ..." choose, with a reason; the markers said 0 and 0."""
    lines = [
        "We version the API by date in a header, so old integrations keep working.",
        "List endpoints use cursor pagination with a limit of at most 100, because offsets skip"
        " or repeat rows while new payments arrive.",
    ]
    session = run(catalog, "payments-api", "terse", ["/next", *lines, "/end"])
    markers = session.report(catalog)["markers"]
    assert markers["decisions_with_reason"] == 2, markers

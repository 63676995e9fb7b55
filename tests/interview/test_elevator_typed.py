"""Typed session of issue 10 on the elevator controller (terse), iv20.

- "is there a mobile app for calling elevators?" was answered with the simulator fact: it
  was tagged as answering platform questions, and "mobile" named that kind.
- The high-level phase opened with "the main components and the API" for a class design.
- "so a round trip is about 220 seconds" was checked as 22 times one stop's 10 seconds
  (only the unit "seconds" was shared with "seconds_per_stop"), and, that word set aside,
  as the 2-minute longest wait, near in value: a figure restated is of what it names.
- "every event goes onto one queue consumed by a single controller thread" was no
  concurrency control to the reviewer (only "single-threaded" was a term), so both
  concurrency items stayed "neither said nor written" and REL110 told the design to lock.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog
from tradeoff.design import parse_design
from tradeoff.review import review_design

_QUEUE = (
    "every button press and car event is put on one queue that a single controller thread"
    " drains, so no locks are needed; a hall call is keyed by floor and direction, so"
    " pressing it again changes nothing"
)


def test_a_mobile_app_question_is_left_to_assume(catalog: Catalog) -> None:
    session = run(
        catalog, "elevator-control", "terse", ["is there a phone app for summoning elevators?"]
    )
    reply = " ".join(session.exchanges[0].replies)
    assert "simulator" not in reply and "assume" in reply.lower(), reply
    check_invariants(session, catalog)


def test_a_class_design_is_not_asked_for_an_api(catalog: Catalog) -> None:
    session = run(catalog, "elevator-control", "neutral", ["/next"])
    reply = " ".join(session.exchanges[0].replies)
    assert "API" not in reply and "classes" in reply, reply
    session = run(catalog, "rest-api-design", "neutral", ["/next"])
    assert "API" in " ".join(session.exchanges[0].replies)


def test_a_round_trip_is_no_stop_and_no_longest_wait(catalog: Catalog) -> None:
    line = "with 12 stops of 10 seconds that is 120 seconds, so one round trip is about 240 seconds"
    session = run(
        catalog, "elevator-control", "terse", ["what are the wait targets?", "/next", line]
    )
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks high" not in reply and "Which one" not in reply, reply
    assert session.interview.state.contradicted == []


def test_one_controller_thread_is_concurrency_control(catalog: Catalog) -> None:
    session = run(catalog, "elevator-control", "neutral", ["/next", "/next", _QUEUE])
    state = session.interview.state
    assert state.covered("concurrency-model") and state.covered("concurrent-requests")
    design = "# Elevators\n\n## Concurrency\n- " + _QUEUE[0].upper() + _QUEUE[1:] + ".\n"
    review = review_design(parse_design(design, "d.md"), catalog, "elevator-control")
    assert "REL110" not in {f.rule for f in review.findings}

"""A typed session on the unique ID generator (terse), read line by line.

- "How many IDs per second do we need at peak, ...?" drew only "traffic peaks at about five
  times the average": no number to multiply, and the report then listed the average as
  "Never asked or assumed".
- "Do we run in more than one datacenter?" drew the clocks fact: "datacenter" written as
  one word was not "data centre".
- "If the clock moves backwards, the generator refuses to issue ids until the clock catches
  up" was read with no failure in it (the failure's words were masked as the name of a
  technique), so the next probe asked what happens when NTP moves a clock back.
- "41 bits of milliseconds" was read as a latency target and credited the latency item.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.questions import answer_turn
from tradeoff.language import read_text


def _facts(catalog: Catalog, problem: str, question: str) -> list[list[str]]:
    parts = answer_turn(question, catalog.get(problem), catalog.vocabulary.question_kinds)
    return [[f.id for f in part.facts] for part in parts]


def test_how_many_at_peak_gets_the_average_the_peak_multiplies(catalog: Catalog) -> None:
    assert _facts(catalog, "unique-id-generator", "How many IDs a second at peak?") == [
        ["volume", "peak"]
    ]
    # the average of what is counted: redirects are reads, not the links created
    assert _facts(catalog, "url-shortener", "How many redirects per second at peak?") == [
        ["read-write-ratio", "peak"]
    ]
    # no peak asked: the average alone
    assert _facts(catalog, "unique-id-generator", "How many IDs per second do we need?") == [
        ["volume"]
    ]


def test_datacenter_in_one_word_is_a_data_centre(catalog: Catalog) -> None:
    assert _facts(catalog, "unique-id-generator", "How many datacenters do we run?") == [
        ["generators"]
    ]


def test_a_clock_moving_back_with_the_generator_refusing_is_a_failure_answered(
    catalog: Catalog,
) -> None:
    [claim] = read_text(
        "If the clock goes backwards, the service refuses to hand out ids until it catches up.",
        catalog.vocabulary.concepts.values(),
    )
    assert claim.features.failure_response


def test_bits_of_milliseconds_are_no_latency_target(catalog: Catalog) -> None:
    [claim] = read_text(
        "The id holds 41 bits of milliseconds and 12 bits of sequence.",
        catalog.vocabulary.concepts.values(),
    )
    assert "latency-target" not in claim.features.concepts


def test_the_clock_answer_is_not_probed_again(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "If the clock moves backwards, the generator refuses to issue ids until the clock"
        " catches up, and we alert if it waits more than 100 ms.",
    ]
    session = run(catalog, "unique-id-generator", "terse", script)
    reply = " ".join(session.exchanges[-1].replies)
    assert "clock" not in reply.lower(), reply


def test_the_weak_spot_named_answers_what_breaks_first(catalog: Catalog) -> None:
    # "the weak spot is ..." names what breaks first, as "the bottleneck is ..." does
    script = [
        "/next",
        "/next",
        "/next",
        "The weak spot is a label with unbounded values blowing up the number of series;"
        " I'd cap series per tenant.",
    ]
    session = run(catalog, "metrics-aggregation", "adversarial", script)
    reply = " ".join(session.exchanges[-1].replies)
    assert "back to my question" not in reply, reply

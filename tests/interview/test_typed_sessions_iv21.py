"""Typed session of issue 10 (chat system, neutral), iv21.

- "Covers direct and group chat ..., receipts, ..." was credited with substance from a
  design line, "clients hold a websocket to a chat gateway; the gateway looks up ...": the
  ";" that ends its first clause was taken for the separator of a list of features.
- "50 million users ..." against "About 500 million people use the app daily" was never
  recorded as a figure said against the given one: the fact's "people use the app" does
  not read as the daily users, so no phrase of the fact stated the figure. The quote was
  "50 million users sending" (the grammar took the verb for a counted word).
- The storage said next ("so we store roughly 400 GB a day") drew the same fact again,
  and was "only mentioned": it is a tenth of the figure because of the 50 million, which
  a person says, and the report lists it as worked out from another input. The storage
  item's own figure ("about 6 TB of messages a day") read as 6 TB, no daily volume.
- A question returned to, then helped with by a hint the candidate asked for and still
  left, was not listed as unanswered.
- Left over from iv19/iv20: "500 at the rush hour" was read as 500 hours; "a pending
  payment row" mentioned no payment states; "idle cars could ... send every 8 seconds"
  was asked "Which one are you designing for?"; "encrypt at rest?" drew the mutual-TLS
  fact; a class was quoted by its name alone ("Car").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from simulate import Run, run

from tradeoff.catalog import Catalog
from tradeoff.estimate.grammar import find_quantities
from tradeoff.estimate.quantities import UnreadableEstimate, read_quantity
from tradeoff.interview.listener import features_listed

_ASK_USERS = "how many people use it each day and how much does each one send?"
_FEWER = "say 20 million users sending 40 messages daily, which is 800 million messages a day"
_STORE = "a stored message is about 300 bytes, so 240 GB a day"


def test_a_clause_ended_by_a_semicolon_is_no_feature_list() -> None:
    line = "phones keep a socket open to an edge server; the edge server finds the peer's node"
    assert features_listed(line.replace("phones", "clients")) is None
    assert features_listed("users send texts, share photos and see read ticks") is not None


def test_a_connection_line_does_not_cover_the_features(catalog: Catalog) -> None:
    line = (
        "clients keep a socket open to an edge server; the edge server finds which server"
        " the other person is on and passes the message along"
    )
    session = run(catalog, "chat-system", "neutral", ["/next", line])
    assert "core-features" not in session.interview.state.said


def test_the_verb_after_a_count_is_no_part_of_the_figure() -> None:
    [users, *_] = find_quantities("20 million users sending 40 messages daily")
    assert users.text == "20 million users"
    assert find_quantities("4 streaming servers")[0].text == "4 streaming servers"


def test_an_amount_of_something_a_day_is_a_daily_volume() -> None:
    [volume] = find_quantities("about 3 TB of photos per day")
    assert volume.text == "3 TB of photos per day" and volume.dims == (-1, 1)
    assert find_quantities("64 GB of RAM")[0].dims == (0, 1)


def _session(catalog: Catalog, *more: str) -> Run:
    return run(catalog, "chat-system", "neutral", [_ASK_USERS, "/next", _FEWER, *more])


def test_fewer_users_than_given_is_recorded_as_said_against_it(catalog: Catalog) -> None:
    session = _session(catalog)
    [found] = session.interview.state.contradicted
    assert found.said == "20 million users" and found.figure == "dau"
    assert "20 million users" in " ".join(session.exchanges[-1].replies)


def test_a_figure_carried_from_that_input_says_so(catalog: Catalog) -> None:
    session = _session(catalog, _STORE)
    reply = " ".join(session.exchanges[-1].replies)
    assert "follows from the 20 million users" in reply, reply
    assert "240 GB a day" in reply and "looks low" not in reply, reply
    report = session.report(catalog)["conversation"]
    [storage] = [m for m in report["mentioned"] if m["quote"].startswith("a stored message")]
    assert storage["worked_from"] == "20 million users", storage


def test_a_figure_off_for_its_own_reasons_is_still_doubted(catalog: Catalog) -> None:
    session = _session(catalog, "a stored message is about 300 bytes, so 40 GB a day")
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" in reply and "follows from" not in reply, reply


def test_a_returned_question_left_after_a_hint_is_unanswered(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "messages go into Cassandra, partitioned by conversation id",
        "offline phones get a push notification through APNs",
        "/hint",
        "groups of up to 200 people get one copy per member inbox",
        "/end",
    ]
    session = run(catalog, "chat-system", "neutral", script)
    assert "Cassandra goes down" in " ".join(session.exchanges[2].replies)
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert any("Cassandra goes down" in q for q in dodged), dodged


def test_a_hinted_question_answered_next_is_answered(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "messages go into Cassandra, partitioned by conversation id",
        "offline phones get a push notification through APNs",
        "/hint",
        "if Cassandra is down, sends wait in a queue on the chat service and retry until a"
        " replica answers; reads fall back to the phone's local history",
        "/end",
    ]
    session = run(catalog, "chat-system", "neutral", script)
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert not any("Cassandra goes down" in q for q in dodged), dodged


def test_a_time_of_day_after_a_figure_is_not_its_unit() -> None:
    """ "500 at the rush hour" was read as 500 hours: the grammar skipped "at the rush" as
    labels and bound "hour" to the number."""
    with pytest.raises(UnreadableEstimate):
        read_quantity("300 at the busiest hour")
    assert read_quantity("300 at the busiest").value.kind == (0, 0)
    assert read_quantity("2 video hours").value.kind == (1, 0)


def test_a_count_at_the_rush_hour_is_no_duration(catalog: Catalog) -> None:
    line = "say 12 million trips daily, so roughly 140 a second and 400 at the evening rush hour"
    session = run(catalog, "ride-sharing", "neutral", ["/next", line])
    numbers = session.interview.state.spoken_numbers
    assert all(n.number is None or n.number.value.kind != (1, 0) for n in numbers), numbers


def test_a_status_named_mentions_the_attempt_states(catalog: Catalog) -> None:
    """ "Payment attempt states (...)" was "neither said nor written" beside "a pending
    payment row" and "we mark it unknown": a status named is a state the record is in, not
    yet the states and their transitions."""
    line = (
        "the checkout service saves a pending charge row with the key, then calls the"
        " processor; on a timeout we mark it unknown and ask the processor later"
    )
    session = run(catalog, "payment-system", "neutral", ["/next", "/next", line])
    support = session.interview.state.said.get("payment-state-machine")
    assert support is not None and support.status == "mentioned" and not support.beside, support


def test_what_a_part_could_do_is_proposed(catalog: Catalog) -> None:
    """ "idle cars could batch and send every 8 seconds" drew "Which one are you designing
    for?": "could" proposes a change whoever the subject is, not only after "I" or "we"."""
    base = ["how often does a driver send its location?", "/next"]
    proposal = "parked cars could hold their fixes and send every 10 seconds"
    reply = " ".join(
        run(catalog, "ride-sharing", "neutral", [*base, proposal]).exchanges[-1].replies
    )
    assert "designing for" not in reply, reply
    stated = "the driver app sends a fix every 10 seconds"
    reply = " ".join(run(catalog, "ride-sharing", "neutral", [*base, stated]).exchanges[-1].replies)
    assert "designing for" in reply, reply


def test_encryption_at_rest_is_not_answered_by_the_wire(catalog: Catalog) -> None:
    """ "encrypt at rest?" drew "Only internal services call it, over mutual TLS ...": the
    security kind alone matched, and in the payment prompt "the rest is the provider's time"
    shared the word "rest"."""
    for problem in ("key-value-store", "payment-system"):
        session = run(catalog, problem, "neutral", ["is the stored data encrypted at rest?"])
        reply = " ".join(session.exchanges[-1].replies)
        assert "mutual TLS" not in reply and "provider's time" not in reply, (problem, reply)
    asked = "who is allowed to call the store?"
    reply = " ".join(run(catalog, "key-value-store", "neutral", [asked]).exchanges[-1].replies)
    assert "mutual TLS" in reply, reply


_CLASSES = "\n".join(
    [
        "# Lifts",
        "## Classes",
        "```mermaid",
        "classDiagram",
        "  class Lift {",
        "    -upStops: SortedSet~int~",
        "    -downStops: SortedSet~int~",
        "    +nextStop() int",
        "  }",
        "```",
    ]
)


def test_a_class_is_quoted_with_its_members(catalog: Catalog, tmp_path: Path) -> None:
    """ "Each car keeps sorted up-stops and down-stops ..." was quoted as "Car": the class
    line holds only the name, and the members that specify the item were left out."""
    script = ["/next", "/design {design}"]
    session = run(catalog, "elevator-control", "terse", script, tmp=tmp_path, design=_CLASSES)
    support = session.interview.state.support("stop-sets")
    assert support is not None and "SortedSet" in support.quote, support


def test_an_assumption_is_quoted_by_the_clause_that_chooses(catalog: Catalog) -> None:
    """ "50 million users sending 40 messages a day is 2 billion ..., about 23,000 a second
    and maybe 70,000 at peak" was listed as an assumption by its whole line, clipped before
    the peak it chooses: what showed were figures given and said back."""
    line = (
        "20 million users send 40 messages a day, so about 9,000 a second and maybe 30,000 at peak"
    )
    session = run(catalog, "chat-system", "neutral", [_ASK_USERS, "/next", line])
    assert [a.quote for a in session.interview.state.assumptions] == ["maybe 30,000 at peak"]
    # (with the users not yet given, they are chosen too, and the whole line is the quote)
    session = run(catalog, "chat-system", "neutral", ["/next", line])
    assert [a.quote for a in session.interview.state.assumptions] == [line]

"""Typed sessions of issue 10 (payment system, terse; ride sharing, adversarial), iv22.

- "A provider is down for an hour on Black Friday. What does the buyer see?" was listed
  as left unanswered though the candidate answered it two turns on: "route new payments
  to the other one" fails over without the word, and the question named no concept of
  its own.
- "Estimates ledger writes (about 1,040 a second at peak) and storage (about 33 TB over 10
  years)" was covered by "so about 3 GB a day": a daily growth is no ten-year total, the
  size of each of three entries no size of the ledger, and an item of two figures needs
  both (until then, the report says which is still to say).
- "Says what is out of scope (analytics, accounts)" was covered by "phishing links are out
  of scope for now": a put-off of the question, which leaves out neither.
- A figure said against the interviewer's and taken back in the next turn stayed listed as
  a disagreement, and an estimate said again corrected stayed beside its correction.
- A covered point was shown by its whole catalog text beside a line that says less ("...
  sharded by city, with replicas" beside a line with no replicas): the report now names
  the parts no line gave.
- API101 asked a whiteboard (front-end) design for HTTP endpoints though its WebSocket
  messages were said and credited: the prompt's API is that protocol.
- "we don't know if the card was charged, so we mark it unknown ..." was heard as the
  candidate putting the question off ("don't know"), and the question was let go.
"""

from __future__ import annotations

import pytest
from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.state import ANSWERED


def test_an_outage_question_is_answered_by_moving_the_work_turns_later(
    catalog: Catalog,
) -> None:
    # The outage question is put off by a turn about timeouts, and taken up two turns on
    # by one that moves new payments to the second provider without saying "failover".
    outage = next(q for q in catalog.get("payment-system").follow_ups if "down" in q.text)
    session = run(
        catalog,
        "payment-system",
        "neutral",
        [
            "/next",
            "/next",
            "the checkout sends POST /payments with an idempotency key and we save the key"
            " with a pending row before we call the provider",
            "let me come back to that one",
            "if one provider is down we route new payments to the second one; charges"
            " already sent there wait until its status endpoint answers",
        ],
    )
    asks = [a for a in session.interview.state.asks if a.text == outage.text]
    assert asks, [a.text for a in session.interview.state.asks]
    assert asks[0].status == ANSWERED


_ASK_SCALE = "how many payments per day, and what is the peak?"


def _ledger(catalog: Catalog, *turns: str) -> list[str]:
    session = run(catalog, "payment-system", "terse", [_ASK_SCALE, "/next", *turns])
    report = session.transcript(catalog)
    return [line for line in report.splitlines() if "ledger writes (about" in line]


def test_a_daily_size_covers_neither_part_of_the_ledger_estimate(catalog: Catalog) -> None:
    # "about 3 GB a day" is how fast the ledger grows: no writes a second, no ten-year total.
    [line] = _ledger(
        catalog, "every charge adds four journal rows of roughly 250 bytes, so 5 GB a day"
    )
    assert "still to say: ledger writes" in line and "storage (about 33 TB" in line, line
    session = run(
        catalog,
        "payment-system",
        "terse",
        [
            _ASK_SCALE,
            "/next",
            "every charge adds four journal rows of roughly 250 bytes, so 5 GB a day",
        ],
    )
    assert not session.interview.state.covered("ledger-size")


def test_the_writes_alone_leave_the_storage_to_say(catalog: Catalog) -> None:
    [line] = _ledger(
        catalog,
        "with six ledger entries per payment over its life, the ledger takes about 1,100"
        " writes a second at peak",
    )
    assert "still to say: storage (about 33 TB over 10 years)" in line, line
    assert "still to say: ledger writes" not in line


def test_both_parts_said_in_two_turns_cover_the_ledger_estimate(catalog: Catalog) -> None:
    session = run(
        catalog,
        "payment-system",
        "terse",
        [
            _ASK_SCALE,
            "/next",
            "with six ledger entries per payment over its life, the ledger takes about 1,100"
            " writes a second at peak",
            "each ledger entry is about 300 bytes, so over 10 years the ledger holds about 22 TB",
        ],
    )
    assert session.interview.state.covered("ledger-size")


@pytest.mark.parametrize(
    ("line", "scoped"),
    [
        ("malware links are out of scope for now", False),
        ("I'll skip spam detection for now, that's out of scope for now", False),
        ("user accounts are out of scope for now", True),
    ],
)
def test_a_put_off_scopes_only_what_it_names(catalog: Catalog, line: str, scoped: bool) -> None:
    session = run(catalog, "url-shortener", "neutral", ["/next", "/next", line])
    support = session.interview.state.said.get("scope")
    assert (support is not None and support.status == "substance") is scoped, support


_DRIVERS = [
    "how many rides per day and how many drivers are online at peak?",
    "/next",
    "3 million drivers each pinging every 4 seconds is 750,000 location writes a second",
    "no wait, one million drivers at peak, so 250,000 location writes a second",
]


def test_a_figure_taken_back_says_it_was_corrected(catalog: Catalog) -> None:
    session = run(catalog, "ride-sharing", "adversarial", _DRIVERS)
    lines = session.transcript(catalog).splitlines()
    said = [line for line in lines if '"3 million drivers"' in line]
    assert said and all(line.startswith("Corrected at") for line in said), said
    assert all('then "one million drivers' in line for line in said), said


def test_an_estimate_said_again_replaces_the_first(catalog: Catalog) -> None:
    session = run(catalog, "ride-sharing", "adversarial", _DRIVERS)
    estimates = [
        line
        for line in session.transcript(catalog).splitlines()
        if line.startswith("Estimate said") and "location" in line
    ]
    assert len(estimates) == 1, estimates
    assert "250,000 location writes a second" in estimates[0]
    assert 'correcting "750,000 location writes a second"' in estimates[0]


def test_a_figure_never_taken_back_still_disagrees(catalog: Catalog) -> None:
    session = run(catalog, "ride-sharing", "adversarial", _DRIVERS[:3])
    lines = session.transcript(catalog).splitlines()
    assert any(
        line.startswith("Said and given disagree") and "3 million drivers" in line for line in lines
    ), lines


_TRIP_STORE = "the trip service keeps trips in MySQL, partitioned by city"


def _trip_store_line(catalog: Catalog, *more: str) -> str:
    session = run(catalog, "ride-sharing", "neutral", ["/next", _TRIP_STORE, *more])
    [line] = [
        line
        for line in session.transcript(catalog).splitlines()
        if line.startswith("  Trip service and store")
    ]
    return line


def test_a_covered_point_names_the_part_its_line_leaves_out(catalog: Catalog) -> None:
    line = _trip_store_line(catalog)
    assert line.endswith("— still to say: with replicas"), line


def test_a_part_said_in_another_turn_is_not_asked_for(catalog: Catalog) -> None:
    more = "each trip shard keeps two copies in other zones, and a copy is promoted on failure"
    line = _trip_store_line(catalog, more)
    assert "still to say" not in line, line


def test_a_whiteboard_protocol_said_is_its_api(catalog: Catalog) -> None:
    said = (
        "every board gets one WebSocket: the browser joins with the newest revision it has,"
        " the server replays what came after, and each change is sent up as a tiny shape"
        " operation the server logs and broadcasts to everyone else"
    )
    session = run(catalog, "collaborative-whiteboard", "neutral", ["/next", said])
    rules = {f["rule"] for f in session.report(catalog)["review"]["findings"]}
    assert "API101" not in rules
    named = run(
        catalog, "collaborative-whiteboard", "neutral", ["/next", "browsers use a WebSocket"]
    )
    assert "API101" in {f["rule"] for f in named.report(catalog)["review"]["findings"]}


def test_what_the_system_cannot_know_is_no_put_off(catalog: Catalog) -> None:
    from tradeoff.interview.listener import _DEFERS

    assert _DEFERS.search("on a timeout we don't know whether the charge went through") is None
    assert _DEFERS.search("I don't know, let's come back to it") is not None

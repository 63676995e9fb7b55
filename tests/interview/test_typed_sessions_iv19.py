"""Typed sessions of issue 10 (payment terse, ride sharing adversarial), iv19.

- "which providers ..., and how reliable are they?" drew the providers fact, which gives
  their failure rate, and then "As for 'how reliable are they', assume ...": "reliable"
  was a word of no question kind, so the part matched nothing of its own.
- "States assumptions aloud (provider behaviour, delivery semantics)" was quoted from a
  ledger sizing, and the ride item "(ping interval, drivers online)" from the rides-a-day
  line: any figure the candidate chose credited an item that names what is assumed.
- "Walks through a crash between the provider's answer and the database write" was
  credited by the timeout-and-poll line, and "Walks one trip through every component" by
  the order of the design's sections: a walkthrough is a trace of the case it names.
- "Only mentioned" quoted lines that do not name the item: the outbox item from the
  API's idempotency-key line (its "idempotency" is the key's), and "the live driver
  index is only about 200 MB" from "sharded by geohash cell" (a design, not the estimate).
- "Derives about 58 payments a second ... Only mentioned (say how, with a number ...)"
  quoted a design line that derives a rate, from a figure said against the one given.
- Reconciliation was quoted from an alert on its mismatch count, beside the design line
  that specifies the job.
- An object-oriented report said "part way to 'endpoints defined'": the reviewer scores
  such a prompt by its rubric alone, and no depth step applies to classes.
- "Sum up your design in a few sentences ..." was listed as a question left unanswered:
  an invitation to reflect, whose absence the wrap-up item's line already reports.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.design.load import parse_design
from tradeoff.interview.phrasing import part_probe
from tradeoff.interview.report import _asks_a_recap
from tradeoff.interview.state import Ask
from tradeoff.review import substance
from tradeoff.review.context import ReviewContext

_PART_PROBE_SUMMARY = part_probe("summary") or ""


def test_a_part_the_reply_already_answers_is_not_left_to_assume(catalog: Catalog) -> None:
    question = "What payment providers sit behind us, and how reliable are they?"
    for persona in ("terse", "neutral"):
        session = run(catalog, "payment-system", persona, [question])
        reply = " ".join(session.exchanges[-1].replies)
        assert "Stripe" in reply, reply
        assert "assume" not in reply.lower(), (persona, reply)
    assert "0.1%" in reply, reply


def test_a_part_with_a_subject_of_its_own_still_asks_for_its_fact(catalog: Catalog) -> None:
    question = "How many clients are there, and how many lock operations per second do they make?"
    session = run(catalog, "distributed-lock", "neutral", [question])
    assert "lock-operations" in session.interview.state.revealed, session.exchanges[-1].replies


def test_reliability_of_the_system_itself_is_its_availability(catalog: Catalog) -> None:
    session = run(catalog, "payment-system", "neutral", ["How reliable must taking payments be?"])
    reply = " ".join(session.exchanges[-1].replies)
    assert "99.99%" in reply, reply


def test_a_sizing_is_not_the_assumptions_the_item_names(catalog: Catalog) -> None:
    sizing = "every charge stores 4 ledger rows of roughly 250 bytes, around 5 GB daily"
    session = run(catalog, "payment-system", "neutral", ["/next", sizing])
    state = session.interview.state
    assert [a.quote for a in state.assumptions] == [sizing]  # still an assumption stated
    assert "assumptions" not in state.said, state.said.get("assumptions")


def test_the_line_stating_the_named_inputs_is_the_assumptions_quote(catalog: Catalog) -> None:
    rides = "say 15 million trips daily, so roughly 170 a second and 500 in the evening peak"
    pings = "with 1.5 million drivers online each pinging every 5 seconds we take 300,000 writes/s"
    script = ["how many drivers are online at the busiest hour?", "/next", rides, pings]
    session = run(catalog, "ride-sharing", "neutral", script)
    support = session.interview.state.said["assumptions"]
    assert support.quote == pings, support


_TIMEOUT = (
    "if the processor times out we can't tell whether the card was charged, so we mark the"
    " attempt unknown and poll the processor's status API with the same key"
)


_PAY_DESIGN = "\n".join(
    [
        "# Checkout payments",
        "## Requirements",
        "- Take card payments within 2 s at p99; sellers are paid out once a day.",
        "## Estimates",
        "- 4 million payments a day is about 46 a second, 150 a second at peak.",
        "## Components",
        "- Payment service saves the attempt with its key in Postgres, then calls the processor.",
        "## Trade-offs",
        "- Postgres over DynamoDB, because the ledger needs multi-row transactions.",
    ]
)


def test_a_timeout_answer_is_no_crash_walkthrough(catalog: Catalog, tmp_path: Path) -> None:
    script = ["/next", "/next", "/design {design}", _TIMEOUT]
    session = run(catalog, "payment-system", "neutral", script, tmp=tmp_path, design=_PAY_DESIGN)
    support = session.interview.state.support("failure-walkthrough")
    assert support is None or support.status == "absent", support


def test_a_crash_walked_through_is_credited(catalog: Catalog) -> None:
    crash = (
        "say our server dies after the processor approved the charge but before the row is"
        " updated: on restart a sweeper picks up attempts stuck in flight and queries the"
        " processor for the outcome by attempt id, then writes it"
    )
    session = run(catalog, "payment-system", "neutral", ["/next", "/next", crash])
    support = session.interview.state.said["failure-walkthrough"]
    assert support.status == "substance", support


_RIDE_DESIGN = "\n".join(
    [
        "# Rides",
        "## Requirements",
        "- Match a rider to a driver within 15 s; the car on the map lags under 5 s.",
        "## Estimates",
        "- 1 million drivers online, a ping every 4 s: 250,000 writes/s.",
        "## Components",
        "- Location service keeps last positions in Redis keyed by geohash cell.",
        "- Matching service offers the trip to the nearest free driver with a 10 s lease.",
        "## Trade-offs",
        "- Geohash cells over a quadtree, because cells are cheap to move points between.",
    ]
)


def test_section_order_is_no_trip_walkthrough(catalog: Catalog, tmp_path: Path) -> None:
    script = ["/design {design}"]
    session = run(catalog, "ride-sharing", "neutral", script, tmp=tmp_path, design=_RIDE_DESIGN)
    claims = ReviewContext(
        doc=parse_design(_RIDE_DESIGN), problem=catalog.get("ride-sharing"),
        rubric=catalog.get("ride-sharing").rubric, vocabulary=catalog.vocabulary, level="senior",
    ).claims  # fmt: skip
    assert substance.visible_order(claims) >= 3  # the order is there; the trace is not
    state = session.interview.state
    assert state.support("walkthrough") is None or state.support("walkthrough").status == "absent"


def test_an_api_key_line_does_not_mention_the_event_consumers(catalog: Catalog) -> None:
    line = (
        "POST /charges carries an idempotency key, and the charge service saves that key"
        " together with a pending charge row in a single transaction"
    )
    session = run(catalog, "payment-system", "neutral", ["/next", "/next", line])
    said = session.interview.state.said
    assert said["idempotency-keys"].status == "substance", said.get("idempotency-keys")
    assert "outbox-consumers" not in said, said.get("outbox-consumers")


def test_sharding_the_index_does_not_mention_its_size_estimate(catalog: Catalog) -> None:
    lines = [
        "the location service holds each driver's latest fix in Redis,"
        " split into shards by geohash cell",
        "when one Redis shard fails its replica takes over and phones resend within 4 seconds",
    ]
    session = run(catalog, "ride-sharing", "neutral", ["/next", "/next", *lines])
    said = session.interview.state.said
    assert "index-size" not in said, said.get("index-size")


def test_a_rate_worked_from_another_input_is_not_only_mentioned(
    catalog: Catalog, tmp_path: Path
) -> None:
    design = "\n".join(
        [
            "# Payments",
            "## Estimates",
            "- 12 million checkouts a day is roughly 140 charges/s, 900/s during a promotion.",
        ]
    )
    script = ["how many payments do we take a day?", "/design {design}", "/end"]
    session = run(catalog, "payment-system", "neutral", script, tmp=tmp_path, design=design)
    report = session.report(catalog)["conversation"]
    worked = [m for m in report["mentioned"] if m["worked_from"]]
    assert worked, report["mentioned"]
    assert all(m["worked_from"] == "12 million checkouts a day" for m in worked), worked
    assert not [
        m for m in report["mentioned"] if "12 million" in m["quote"] and not m["worked_from"]
    ]
    text = session.transcript(catalog)
    assert "Worked out from another input than the one given" in text
    section: list[str] = []
    for line in text.splitlines():
        if line.startswith("Only mentioned"):
            section = [line]
        elif section and line.startswith("  "):
            section.append(line)
        elif section:
            break
    only = "\n".join(section)
    assert "12 million checkouts" not in only


def test_the_design_line_that_specifies_an_item_is_quoted_over_an_alert(
    catalog: Catalog, tmp_path: Path
) -> None:
    design = "\n".join(
        [
            "# Payments",
            "## Components",
            "- Payment service stores each attempt with its key in Postgres before calling out.",
            "- A settlement reconciliation job runs each morning, matching the processor's"
            " settlement file against ledger entries and raising a ticket per difference.",
        ]
    )
    script = [
        "/next",
        "/next",
        _TIMEOUT,
        "/design {design}",
        "/next",
        "ledger rows are never updated: a refund writes new balancing entries",
        "payouts run per seller once a day from ledger balances, keyed by a payout id so a"
        " rerun pays nothing twice",
        # the answer to "How would you know that your records are complete?"
        "I'd page someone if the morning reconciliation reports over 20 differences",
        "/end",
    ]
    session = run(catalog, "payment-system", "neutral", script, tmp=tmp_path, design=design)
    assert "records are complete" in " ".join(session.exchanges[-3].replies)
    covered = {c["item"]: c for c in session.report(catalog)["conversation"]["covered"]}
    entry = covered["daily-reconciliation"]
    assert entry["quote"].startswith("A settlement reconciliation job"), entry
    assert entry["where"] == "design line 4", entry


def test_an_object_oriented_report_names_no_endpoint_step(catalog: Catalog, tmp_path: Path) -> None:
    design = "\n".join(
        [
            "# Parking",
            "## Classes",
            "- ParkingLot has Levels; Level has Spots; Spot(kind, taken_by).",
            "- Gate.enter(vehicle) -> Ticket; Gate.leave(ticket) -> Fee",
        ]
    )
    script = ["/design {design}", "/end"]
    session = run(catalog, "parking-lot", "neutral", script, tmp=tmp_path, design=design)
    text = session.transcript(catalog)
    assert "endpoints" not in text, text
    assert "half how deep the answer went" not in text
    assert "each score is the share of points shown with substance" in text


def test_an_invitation_to_sum_up_is_no_unanswered_question(catalog: Catalog) -> None:
    # (The policy reaches the summary probe only late in a long session; the filter the
    # report applies to left questions is checked on the asks themselves.)
    problem = catalog.get("ride-sharing")
    recap = Ask(_PART_PROBE_SUMMARY, "probe", "wrap-up", "wrap-up", status="returned")
    ten_x = Ask("What breaks first at 10x the traffic?", "wrap-up", "10x", "wrap-up")
    phone = Ask("A driver's phone dies. How long do we offer trips?", "probe", "stale-drivers", "x")
    assert _asks_a_recap(recap, problem)
    assert not _asks_a_recap(ten_x, problem)
    assert not _asks_a_recap(phone, problem)


def test_a_rate_said_from_another_driver_count_is_worked_from_it(catalog: Catalog) -> None:
    script = [
        "how many drivers are online at the busiest hour?",
        "how often does the app report a position?",
        "/next",
        "3 million drivers pinging every 4 seconds gives 750,000 position writes a second",
        "/end",
    ]
    talk = run(catalog, "ride-sharing", "neutral", script).report(catalog)["conversation"]
    covered = {c["item"] for c in talk["covered"]}
    worked = {c["item"]: c["worked_from"] for c in talk["mentioned"] if c["worked_from"]}
    assert "location-rate" not in covered, talk["covered"]
    assert worked.get("location-rate", "").startswith("3 million drivers"), talk["mentioned"]


def test_a_rate_to_redo_is_not_also_listed_as_a_right_estimate(catalog: Catalog) -> None:
    """The ride report listed "500,000 location updates a second" both under "Worked out
    from another input" and as an "Estimate said": one line, two verdicts."""
    script = [
        "how many drivers are online at the busiest hour?",
        "how often does the app report a position?",
        "/next",
        "3 million drivers pinging every 4 seconds gives 750,000 position writes a second",
        "/end",
    ]
    talk = run(catalog, "ride-sharing", "neutral", script).report(catalog)["conversation"]
    assert any(c["worked_from"] for c in talk["mentioned"]), talk["mentioned"]
    assert not [e for e in talk["estimates"] if "750,000" in e["said"]], talk["estimates"]


def test_a_ttl_refreshed_by_each_ping_is_no_ping_interval(catalog: Catalog) -> None:
    """ "each entry has a 30 second TTL refreshed by every ping" drew "Earlier I said ...
    every 4 seconds; you said 30 second TTL refreshed. Which one ...?": a TTL is how long
    an entry lives, the candidate's setting, not how often the app pings."""
    script = [
        "how often does a driver send its location?",
        "/next",
        "a driver's entry has a 30 second TTL refreshed by every ping, so a dead phone drops out",
        "/end",
    ]
    session = run(catalog, "ride-sharing", "adversarial", script)
    report = session.report(catalog)["conversation"]
    assert not report["given_contradicted"], report["given_contradicted"]


def test_a_given_figure_said_back_in_words_is_no_estimate(catalog: Catalog) -> None:
    """ "sorry, one million drivers at peak" said the interviewer's own figure back, and the
    report listed it as "Estimate said: one million drivers at peak (concurrent trips
    peak)": the fact writes it in words, and only digits were compared."""
    script = [
        "how many drivers are online at the busiest hour?",
        "/next",
        "we plan for one million drivers at peak",
        "/end",
    ]
    talk = run(catalog, "ride-sharing", "neutral", script).report(catalog)["conversation"]
    assert not [e for e in talk["estimates"] if "million" in e["said"]], talk["estimates"]


def test_the_wrap_up_does_not_ask_its_opening_question_again(catalog: Catalog) -> None:
    """The wrap-up opened with "What breaks first ... at 10x the traffic?", and three turns
    later the ride item's probe asked "Summarise the design. What breaks first if traffic
    grows ten times?": the same question in new words."""
    script = [
        "how many trips a day, and how many drivers are online at the busiest hour?",
        "how often does the app report a driver's position?",
        "/next",
        "20 million trips a day is about 230 a second, maybe 700 in the evening",
        "one million drivers reporting every 4 seconds is 250,000 position writes a second",
        "/next",
        "positions go to a location service that keeps the latest in Redis by geohash cell",
        "the matcher reads the rider's cell and the 8 around it and offers the nearest driver",
        "/next",
        "to stop double booking a driver holds a 10 second lock in Redis while an offer is open",
        "Redis because the lock needs set-if-absent with an expiry, and Redis is there already",
        "a Redis shard that dies is replaced by its replica, and drivers re-send within 4 seconds",
        "each entry has a 30 second TTL refreshed by every ping, so a dead phone drops out",
        "/end",
    ]
    session = run(catalog, "ride-sharing", "adversarial", script)
    said = session.transcript()
    assert said.count("What breaks first") == 1, said

"""A ride-sharing session typed by hand with the adversarial persona.

"With a million drivers pinging every 4 seconds, that's 250,000 location writes a second"
was reported as only mentioning "Derives location writes from online drivers and ping
interval (1M / 4 s = 250,000 a second)": the prompt gives this rate only as the busiest
hour's, and a figure not said with "peak" was never matched to a peak figure, though there
was no average to match it to instead. At the wrap-up the interviewer asked "What are you
assuming about how often drivers report their position and how many are online?" after
the candidate had asked for both and been told.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog

_ASKED = [
    "How many trips a day, and how many drivers are online at peak?",
    "How often do drivers send their location?",
]


def test_a_rate_given_only_as_a_peak_is_matched_to_it(catalog: Catalog) -> None:
    line = (
        "With a million drivers pinging every 4 seconds, that's 250,000 location writes a"
        " second, which is the load that shapes the design."
    )
    session = run(catalog, "ride-sharing", "adversarial", [*_ASKED, line])
    assert session.interview.state.covered("location-rate")


def test_what_was_asked_and_told_is_not_asked_as_an_assumption(catalog: Catalog) -> None:
    script = Path(__file__).with_name("data") / "ride_sharing_session.txt"
    lines = [line for line in script.read_text(encoding="utf-8").splitlines() if line]
    session = run(catalog, "ride-sharing", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "What are you assuming" not in reply, reply


def test_a_replication_factor_is_a_choice_not_an_estimate(catalog: Catalog) -> None:
    line = (
        "Keys are placed on a consistent hash ring with 256 virtual nodes per server; each key"
        " is replicated to 3 nodes and writes need 2 acks, reads 2 responses, so R + W > N."
    )
    session = run(catalog, "key-value-store", "terse", ["/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get 3" not in reply, reply

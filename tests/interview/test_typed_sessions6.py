"""A video-streaming session typed by hand (neutral persona) whose estimates the
interviewer checked against the wrong figure.

The candidate said "Assume 500 hours uploaded a minute; that's 720,000 hours a day", then
"... that's about 2 PB of new storage a day". The prompt's facts give about 50,000 hours of
video a day, so the hours are 14x high. The interviewer answered "That looks low to me ...
How did you get 500 hours uploaded a minute?": it had matched the upload rate to the
yearly storage *cost* (money is a plain number, and both speak of uploads), and "2 PB" to a
year's storage. The report then held capacity at 0.5 with "No capacity estimates".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

HOURS = "Assume 500 hours uploaded a minute; that's 720,000 hours a day."
STORAGE = (
    "At about 1 GB per hour of source and 5 renditions adding 2 GB, that's about 2 PB of new"
    " storage a day."
)


def test_hours_a_day_are_checked_against_the_hours_uploaded(catalog: Catalog) -> None:
    session = run(catalog, "video-streaming", "neutral", [HOURS])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks high" in reply and "How did you get 720,000 hours a day?" in reply, reply


def test_a_bare_number_is_never_checked_against_a_cost(catalog: Catalog) -> None:
    """Without a currency a number is no money: "500 hours uploaded a minute" is not the
    yearly storage bill of the uploads."""
    session = run(catalog, "video-streaming", "neutral", ["Assume 500 hours uploaded a minute."])
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get" not in reply, reply


def test_a_day_of_storage_is_a_365th_of_a_year_of_it(catalog: Catalog) -> None:
    """ "2 PB of new storage a day" is about 730 PB a year against the facts' 156 PB: high,
    not 78x low as "2 PB" read against a year's storage."""
    session = run(catalog, "video-streaming", "neutral", [STORAGE])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks high" in reply and "How did you get 2 PB" in reply, reply
    session = run(catalog, "video-streaming", "neutral", ["That's 430 TB of new storage a day."])
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get" not in reply, reply


def test_an_answer_about_uploads_is_no_answer_about_egress(catalog: Catalog) -> None:
    """Asked "At the evening peak, how many streams are playing and how much bandwidth is
    that?", the candidate worked out a day's uploads: numbers, but no egress."""
    opening = [
        "So creators upload videos, viewers watch them with adaptive bitrate, and we show"
        " view counts. Comments and recommendations are out of scope for today."
    ]
    session = run(catalog, "video-streaming", "neutral", [*opening, HOURS + " " + STORAGE])
    asked = " ".join(session.exchanges[0].replies)
    assert "bandwidth" in asked, asked
    assert not session.interview.state.covered("egress")


def test_an_estimate_far_off_is_still_an_estimate(catalog: Catalog) -> None:
    """The 720,000 hours a day are wrong, and the report says so through the sanity check;
    it must not also say that no estimate was made."""
    session = run(catalog, "video-streaming", "neutral", [HOURS, STORAGE, "/end"])
    report = session.report(catalog)
    assert all(f["rule"] != "CAP101" for f in report["review"]["findings"])
    covered = {c["item"]: c for c in report["conversation"]["covered"]}
    assert "transcode-fleet" not in covered, covered.get("transcode-fleet")


def test_a_scope_said_is_quoted_over_the_question_that_drew_it(catalog: Catalog) -> None:
    """Asked "do we need to support live streaming?", then stated "Comments and
    recommendations are out of scope for today.": the report quotes the statement."""
    lines = [
        "What is the average video size, and do we need to support live streaming?",
        "So creators upload videos and viewers watch them. Comments and recommendations are out"
        " of scope for today.",
    ]
    session = run(catalog, "video-streaming", "neutral", lines)
    quote = session.interview.state.said["scope"].quote
    assert "out of scope" in quote and not quote.endswith("?"), quote

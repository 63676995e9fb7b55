"""A distributed job scheduler session typed by hand with the adversarial persona (round 36).

"At peak that's about 1,200 runs a second at the top of the hour." (the average; the peak
is ten times that) drew no check and was credited as the average-rate estimate: the peak
was said before the number, and only a peak said after it was heard.

"The PostgreSQL shards use a synchronous replica in another zone and fail over within 30
seconds." was taken as the answer to "If ZooKeeper goes down at peak, what happens to the
requests that need it?": any component's failover names concepts tied to every
component's failure.

"/hint", then "Let's come back to that.": the question the hint was for had been put
aside by the hint, so the candidate's putting it off settled nothing and the report did
not list it as left unanswered.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "How many executions a day, and how spiky is the firing?"


def test_a_peak_said_before_the_number_is_checked_as_the_peak(catalog: Catalog) -> None:
    lines = [_ASK, "/next", "At peak that's about 1,200 runs a second at the top of the hour."]
    session = run(catalog, "distributed-job-scheduler", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "That looks low to me" in reply and "1,200 runs a second" in reply, reply
    estimates = session.report(catalog)["conversation"]["estimates"]
    assert not [e for e in estimates if e["said"].startswith("1,200")], estimates


def test_another_components_failover_is_no_answer(catalog: Catalog) -> None:
    lines = [
        "/next",
        "/next",
        "Each trigger shard holds a lease in ZooKeeper, so only one trigger fires a shard's jobs.",
        "The PostgreSQL shards use a synchronous replica in another zone and fail over within"
        " 30 seconds.",
    ]
    session = run(catalog, "distributed-job-scheduler", "adversarial", lines)
    assert "If ZooKeeper goes down" in " ".join(session.exchanges[-2].replies)
    reply = " ".join(session.exchanges[-1].replies)
    assert "back to my question: If ZooKeeper goes down" in reply, reply


def test_putting_off_right_after_a_hint_puts_off_its_question(catalog: Catalog) -> None:
    lines = [
        "/next",
        "The API is POST /jobs with a schedule and handler, PATCH /jobs/{id} to pause, and"
        " GET /jobs/{id}/runs.",
        "/hint",
        "Let's come back to that.",
        "/end",
    ]
    session = run(catalog, "distributed-job-scheduler", "adversarial", lines)
    question = "A job is due at 09:00:00 sharp. What fires it at that second"
    assert question in session.exchanges[1].replies[-1]
    assert "look ahead" in " ".join(session.exchanges[2].replies)  # the hint for it
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert [d for d in dodged if d.startswith(question)], dodged


def test_a_peak_is_checked_against_the_peak_fact(catalog: Catalog) -> None:
    """The check first cited the daily volume ("given that about 100 million job
    executions a day. Roughly 80% ..."), not the top-of-the-hour fact the peak rests on."""
    lines = [_ASK, "/next", "At peak that's about 1,200 runs a second at the top of the hour."]
    session = run(catalog, "distributed-job-scheduler", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "given that firing is very uneven" in reply, reply


def test_an_input_chosen_is_asked_why_not_how(catalog: Catalog) -> None:
    """ "History is kept for a year, which is about 18 TB." (owners query 90 days, not yet
    said) drew "How did you get a year?": a chosen input has no working to show."""
    session = run(
        catalog, "distributed-job-scheduler", "adversarial",
        ["/next", "/next", "History is kept for a year, which is about 18 TB."],
    )  # fmt: skip
    reply = " ".join(session.exchanges[-1].replies)
    assert "That looks high to me. What makes you pick a year?" in reply, reply

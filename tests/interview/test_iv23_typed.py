"""Typed sessions of issue 10 on the notification system (neutral), the job scheduler
(adversarial) and video streaming (friendly, with a design attached), iv23.

- "How many people watch each day, and how long do they watch?" drew the viewers fact,
  which gives the watch time, and then "As for "how long do they watch", assume what you
  think is reasonable": a "how long" part was never taken as answered by a fact given for
  the turn, even one that states the span.
- "how are they spread over the day?" found no fact, though the scheduler's top-of-hour
  fact says how uneven firing is: the peak kind had no words for a spread over the day.
- "That looks low to me, given that about 100 million job executions a day." is no
  sentence: a fact opening with a bare count cannot follow "given that".
- "... is 1.21 billion a day, so about 140,000 per second" (ten times 14,000) went
  unchecked: in a chain, the comma before "so" ended the step.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog


def test_a_how_long_part_answered_by_the_fact_given_is_not_left_to_assume(
    catalog: Catalog,
) -> None:
    question = "How many people watch each day, and how long do they watch?"
    session = run(catalog, "video-streaming", "friendly", [question])
    reply = " ".join(session.exchanges[-1].replies)
    assert "50 minutes" in reply, reply
    assert "assume" not in reply.lower(), reply
    check_invariants(session, catalog)


def test_how_runs_spread_over_the_day_is_the_peak_fact(catalog: Catalog) -> None:
    question = "How many runs a day, and how are they spread over the day?"
    session = run(catalog, "distributed-job-scheduler", "adversarial", [question])
    reply = " ".join(session.exchanges[-1].replies)
    assert "ten times the daily average" in reply, reply
    assert "assume" not in reply.lower(), reply


def test_a_doubted_figure_quotes_a_bare_count_fact_rather_than_misuse_it(
    catalog: Catalog,
) -> None:
    script = [
        "How many executions a day?",
        "/next",
        "With a mean of 3 seconds that's about 34,800 runs in flight at peak; at 50 slots per"
        " host that's about 70 hosts.",
    ]
    session = run(catalog, "distributed-job-scheduler", "adversarial", script)
    reply = " ".join(session.exchanges[-1].replies)
    assert "70 hosts" in reply, reply
    assert "given that about 100 million" not in reply, reply


def test_a_rate_ten_times_off_after_a_comma_and_so_is_checked(catalog: Catalog) -> None:
    script = [
        "How many notifications a day?",
        "/next",
        "1 billion push plus 200M email plus 10M SMS is 1.21 billion a day, so about 140,000"
        " per second on average",
    ]
    session = run(catalog, "notification-system", "neutral", script)
    reply = " ".join(session.exchanges[-1].replies)
    assert "140,000 per second" in reply, reply
    assert "redo that" in reply or "looks high" in reply, reply


def test_cron_as_a_jobs_schedule_names_no_scheduler(catalog: Catalog) -> None:
    # "cron or run_at" is a field of the create call, and "jitter on cron firing" spreads
    # start times: neither describes what fires jobs, which the trigger item asks for.
    script = [
        "/next",
        "POST /jobs takes a handler, a payload, a cron or a run_at, and a priority.",
        "At 10x the hot partitions hurt first, so I'd add jitter to cron firing and more shards.",
    ]
    session = run(catalog, "distributed-job-scheduler", "neutral", script)
    said = session.interview.state.said
    assert "trigger" not in said or not session.interview.state.covered("trigger"), said
    assert not session.interview.state.covered("retries")


def test_trigger_nodes_polling_for_due_jobs_cover_the_trigger(catalog: Catalog) -> None:
    line = (
        "Trigger nodes each own some partitions and poll them every second for jobs due in the"
        " next few seconds."
    )
    session = run(catalog, "distributed-job-scheduler", "neutral", ["/next", line])
    assert session.interview.state.covered("trigger")


def test_what_breaks_first_does_not_answer_a_trade_off_left_earlier(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "Partition ownership comes from etcd leases, because a dead trigger must lose its"
        " partitions within seconds.",
        "/hint",
        "/hint",
        "/next",
        "What breaks first at 10x is the top of the hour: hot partitions and the store write"
        " rate, so I'd add more shards.",
    ]
    session = run(catalog, "distributed-job-scheduler", "adversarial", script)
    assert not session.interview.state.covered("polling-vs-timers")
    check_invariants(session, catalog)


def test_a_per_worker_figure_said_without_its_unit_is_not_never_assumed(
    catalog: Catalog,
) -> None:
    # "2,000 calls per worker" drops the "a second" of the worker fact; the report still said
    # "Never asked or assumed: One sender worker ... about 2,000 provider calls a second".
    said = "/next", "Planning for 70,000/s at 2,000 calls per worker means 35 workers."
    silent = "/next", "Planning for 70,000/s means a few dozen workers."
    for script, listed in ((said, False), (silent, True)):
        session = run(catalog, "notification-system", "neutral", list(script))
        unclear = session.report(catalog)["unclear_assumptions"]
        assert any("One sender worker" in fact for fact in unclear) is listed, unclear

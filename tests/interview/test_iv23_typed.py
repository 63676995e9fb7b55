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

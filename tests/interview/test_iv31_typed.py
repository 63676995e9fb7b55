"""Typed sessions of issue 10 on the collaborative whiteboard (friendly), the metrics
backend (adversarial) and the job scheduler (terse), iv31.

- "I'd leave out video calls, templates and mobile apps" (and "Job dependencies I'd
  leave out") put nothing out of scope: the scope lexicon knew "I'll leave out" but not
  "I'd leave out", so the report listed the scope as neither said nor written.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog


def test_what_i_would_leave_out_states_the_scope(catalog: Catalog) -> None:
    for problem, line in (
        ("collaborative-whiteboard", "I'd leave out voice chat, the template store and exports."),
        ("distributed-job-scheduler", "Workflows with dependencies between jobs we'd leave out."),
    ):
        session = run(catalog, problem, "friendly", [line])
        assert session.interview.state.covered("scope"), (problem, line)
        check_invariants(session, catalog)


def test_a_count_hyphened_to_its_noun_counts_that_noun(catalog: Catalog) -> None:
    line = "The weak spot is a 100-person board, where every client gets thousands of cursors."
    session = run(catalog, "collaborative-whiteboard", "friendly", ["/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "100?" not in reply and "designing for" not in reply, reply
    assert "board objects" not in session.transcript(catalog), session.transcript(catalog)
    check_invariants(session, catalog)


def test_a_hyphened_count_of_the_objects_is_still_checked(catalog: Catalog) -> None:
    line = "I'll design for a 2,000-object board at most."
    session = run(catalog, "collaborative-whiteboard", "friendly", ["/next", line])
    assert "What makes you pick 2,000?" in " ".join(session.exchanges[-1].replies)


def test_a_replication_factor_is_no_count_of_the_machines(catalog: Catalog) -> None:
    for line in (
        "The distributor spreads every series over a hash ring of ingesters with replication 3.",
        "Each series lands on ingesters picked from a ring, RF=3.",
    ):
        script = ["How many active series are there?", "/next", "/next", line]
        session = run(catalog, "metrics-aggregation", "adversarial", script)
        reply = " ".join(session.exchanges[-1].replies)
        assert "get 3?" not in reply and "pick 3?" not in reply, (line, reply)
        assert "you said 3" not in reply, (line, reply)
        check_invariants(session, catalog)


def test_a_replication_factor_given_is_still_checked(catalog: Catalog) -> None:
    line = "I'd use a replication factor of 30 so a zone can fail."
    session = run(catalog, "key-value-store", "adversarial", ["/next", line])
    assert "30" in " ".join(session.exchanges[-1].replies)


def test_a_lead_in_before_two_questions_draws_no_fact_of_its_own(catalog: Catalog) -> None:
    line = "Before anything else, how big do boards get, and how many people join one at once?"
    session = run(catalog, "collaborative-whiteboard", "friendly", [line])
    reply = " ".join(session.exchanges[0].replies)
    assert "20,000" in reply and "up to 100" in reply, reply
    assert "viewer roles" not in reply, reply
    check_invariants(session, catalog)


def test_how_often_a_series_sends_is_its_sample_interval(catalog: Catalog) -> None:
    line = "How many active series are there, and how often does each one send a sample?"
    session = run(catalog, "metrics-aggregation", "adversarial", [line])
    reply = " ".join(session.exchanges[0].replies)
    assert "every 10 seconds" in reply and "an hour late" not in reply, reply
    check_invariants(session, catalog)


def test_how_a_part_works_is_no_question_about_anyones_work(catalog: Catalog) -> None:
    line = "How do the tools work? A select tool, a pen tool, they turn pointer events into edits."
    session = run(catalog, "collaborative-whiteboard", "friendly", ["/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "trains" not in reply and "offline" not in reply, reply
    check_invariants(session, catalog)


def test_a_slip_taken_back_in_the_same_turn_is_not_asked_about(catalog: Catalog) -> None:
    setup = "A hundred people at 20 updates a second means each client gets 1,980 cursors a second."
    slip = "That is 600 kB/s per client at 30 bytes. Sorry, I mean 60 kB/s per client."
    session = run(catalog, "collaborative-whiteboard", "friendly", ["/next", setup, slip])
    reply = " ".join(session.exchanges[-1].replies)
    assert "600" not in reply, reply
    check_invariants(session, catalog)


def test_a_slip_left_standing_is_still_asked_about(catalog: Catalog) -> None:
    setup = "A hundred people at 20 updates a second means each client gets 1,980 cursors a second."
    slip = "That is 600 kB/s per client at 30 bytes, and 60 cursors on screen at most."
    session = run(catalog, "collaborative-whiteboard", "friendly", ["/next", setup, slip])
    assert "600 kB/s" in " ".join(session.exchanges[-1].replies)


def test_a_hint_that_asks_another_question_is_not_called_a_hint(catalog: Catalog) -> None:
    script = ["/next", "/next", "/next", "/hint"]
    session = run(catalog, "collaborative-whiteboard", "friendly", script)
    reply = " ".join(session.exchanges[-1].replies)
    assert "Here's a hint: Let's leave" not in reply, reply
    check_invariants(session, catalog)

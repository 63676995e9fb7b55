"""The interviewer: answers from hidden facts, probes gaps, hints, keeps time, records all."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from tradeoff.catalog import Catalog
from tradeoff.interview.clock import ManualClock
from tradeoff.interview.phases import budgets
from tradeoff.interview.report import final_report
from tradeoff.interview.session import Event, Interview


def _interview(catalog: Catalog, persona: str = "neutral", problem: str = "url-shortener",
               minutes: int = 45) -> tuple[Interview, list[Event], ManualClock]:  # fmt: skip
    events: list[Event] = []
    clock = ManualClock()
    interview = Interview(
        problem=catalog.get(problem),
        catalog=catalog,
        persona=persona,
        level="senior",
        minutes=minutes,
        clock=clock,
        record=events.append,
    )
    interview.opening()
    return interview, events, clock


def test_budgets_add_up_and_scale() -> None:
    assert sum(budgets(45).values()) == pytest.approx(45 * 60)
    assert budgets(45)["clarify"] == pytest.approx(7 * 60)
    assert sum(budgets(30).values()) == pytest.approx(30 * 60)


def test_clarifying_question_is_answered_from_the_hidden_facts(catalog: Catalog) -> None:
    interview, _events, _ = _interview(catalog)
    (reply,) = interview.handle("How many new links are created each month?")
    assert "100 million" in reply
    assert "write-volume" in interview.revealed


def test_a_question_no_fact_answers_asks_for_an_assumption(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog)
    (reply,) = interview.handle("What programming language does the team prefer?")
    assert "assume what you think is reasonable and say it" in reply.lower()


def test_personas_say_the_same_move_differently(catalog: Catalog) -> None:
    replies = {}
    for persona in ("friendly", "neutral", "adversarial", "terse"):
        interview, _, _ = _interview(catalog, persona)
        (replies[persona],) = interview.handle("What is the read to write ratio?")
    assert all("100" in r for r in replies.values())
    # The friendly voice adds a warm opener to the same facts.
    assert replies["friendly"].endswith(replies["neutral"])
    assert len(replies["friendly"]) > len(replies["neutral"])
    assert not any("change anything" in r for r in replies.values())
    assert len(replies["terse"]) <= len(replies["neutral"])


def test_friendly_answers_do_not_open_the_same_way_twice_in_a_row(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog, "friendly")
    questions = [
        "How many new links are created each month?",
        "What is the read to write ratio?",
        "/hint",
        "What latency do we need for redirects?",
        "Do we need analytics?",
    ]
    openers = []
    for question in questions:
        (reply,) = interview.handle(question)
        if not question.startswith("/"):
            openers.append(reply.split(".")[0])
    assert all(a != b for a, b in pairwise(openers)), openers


def test_adversarial_challenges_a_named_technology(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog, "adversarial")
    (reply,) = interview.handle("I'll store the links in Cassandra.")
    assert reply.startswith("Why Cassandra and not")


def test_a_statement_gets_a_probe_of_the_biggest_gap_for_the_phase(catalog: Catalog) -> None:
    interview, events, _ = _interview(catalog)
    (reply,) = interview.handle("Users paste a long URL and get a short one back.")
    assert reply.endswith("?")
    probe = [e for e in events if e.kind == "turn" and e.data.get("move") == "probe"]
    assert probe and probe[-1].data["item"] in {
        i.id for i in catalog.get("url-shortener").rubric.requirements.items
    } | {i.id for i in catalog.get("url-shortener").rubric.capacity.items}  # type: ignore[union-attr]


def test_hints_follow_the_phase_and_are_counted(catalog: Catalog) -> None:
    interview, events, _ = _interview(catalog)
    interview.handle("/next")
    first = interview.handle("/hint")[0]
    second = interview.handle("/hint")[0]
    third = interview.handle("/hint")[0]
    hints = [e for e in events if e.kind == "hint"]
    problem = catalog.get("url-shortener")
    high_level = {i.id for d, i in problem.rubric.items() if d in ("api_data", "components",
                                                                   "capacity")}  # fmt: skip
    assert all(h.data["item"] in high_level for h in hints)
    assert len({first, second, third}) == 3
    assert interview.hints_used == 3


def test_no_hint_about_what_the_candidate_explained(catalog: Catalog) -> None:
    interview, events, _ = _interview(catalog)
    interview.handle("/next")
    interview.handle(
        "Each app server leases a block of 1,000 ids from a coordination service and"
        " base62-encodes them, so two servers never issue the same code."
    )
    for _ in range(6):
        interview.handle("/hint")
    hinted = {e.data["item"] for e in events if e.kind == "hint"}
    assert "code-generation" not in hinted


def test_overrun_nudges_once_per_phase(catalog: Catalog) -> None:
    interview, _events, clock = _interview(catalog)
    interview.handle("/next")  # high-level design, 13 minutes
    clock.advance(14 * 60)
    replies = interview.handle("The app servers sit behind a load balancer.")
    assert any("minutes left; pick one component to go deep on" in r for r in replies)
    again = interview.handle("And a cache in front of the store.")
    assert not any("pick one component" in r for r in again)
    assert "over time" in interview.status()


def test_deep_dive_asks_the_prompts_follow_up_questions(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog)
    interview.handle("/next")
    interview.handle("/next")
    (reply,) = interview.handle("Let's go deep on code generation.")
    assert reply in [f.text for f in catalog.get("url-shortener").follow_ups]


def test_wrap_up_asks_about_bottlenecks_and_10x(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog)
    for _ in range(3):
        replies = interview.handle("/next")
    assert any("10x" in r for r in replies)


def test_design_snapshots_are_versioned(catalog: Catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    interview, events, _ = _interview(catalog)
    first = tmp_path / "v1.md"
    first.write_text("```mermaid\nflowchart LR\n  C[Client] --> A[App]\n```\n")
    second = tmp_path / "v2.md"
    second.write_text(
        "```mermaid\nflowchart LR\n  C[Client] --> A[App]\n  A --> R[(Redis cache)]\n```\n"
    )
    assert "version 1" in interview.handle(f"/design {first}")[0]
    assert "version 2" in interview.handle(f"/design {second}")[0]
    assert "Nothing was attached" in interview.handle(f"/design {tmp_path / 'missing.md'}")[0]
    report = final_report(
        problem=interview.problem, catalog=catalog, level="senior", minutes=45,
        started_at=interview.started_at, events=events,
    )  # fmt: skip
    changes = report["design_changes"]
    assert [c["version"] for c in changes] == [1, 2]
    assert changes[1]["components_added"] == ["Redis cache"]


def test_report_markers_from_the_transcript(catalog: Catalog) -> None:
    interview, events, clock = _interview(catalog)
    clock.advance(40)
    interview.handle("How many links are created a month?")
    clock.advance(30)
    interview.handle("I'll assume 500 bytes per link.")
    clock.advance(240)  # a long silence
    interview.handle("We'll use a cache because reads dominate.")
    interview.handle("We'll shard the store.")
    interview.handle("/end")
    report = final_report(
        problem=interview.problem, catalog=catalog, level="senior", minutes=45,
        started_at=interview.started_at, events=events,
    )  # fmt: skip
    marks = report["markers"]
    assert marks["first_question_after_s"] == 40
    assert marks["questions_asked"] == 1
    assert marks["assumptions_stated"] == 1
    assert marks["decisions_with_reason"] == 1 and marks["decisions_without_reason"] >= 1
    assert len(marks["long_silences"]) == 1
    assert report["review"]["problem"] == "url-shortener"
    unclear = report["unclear_assumptions"]
    assert not any("100 million" in f for f in unclear)  # it was asked
    assert any("five years" in f for f in unclear)  # retention was never asked or assumed


def test_llm_failure_falls_back_for_that_turn(catalog: Catalog) -> None:
    from tradeoff.errors import TradeoffError

    calls = []

    def broken(persona: str, move: object, tail: str) -> str:
        calls.append(persona)
        raise TradeoffError("LLM server at http://127.0.0.1:9: timed out")

    events: list[Event] = []
    interview = Interview(
        problem=catalog.get("url-shortener"), catalog=catalog, persona="neutral",
        level="senior", minutes=45, clock=ManualClock(), record=events.append, phraser=broken,
    )  # fmt: skip
    notice, reply = interview.handle("How many new links are created each month?")
    assert "100 million" in reply
    assert notice.startswith("(LLM unavailable") and "timed out" in notice
    assert calls and any(e.kind == "notice" for e in events)
    # One notice, then the built-in interviewer for the rest of the session.
    (again,) = interview.handle("What is the read to write ratio?")
    assert "100 times" in again and len(calls) == 1


def test_elapsed_time_is_measured_from_the_clock(catalog: Catalog) -> None:
    interview, _, clock = _interview(catalog, minutes=30)
    clock.advance(timedelta(minutes=2).total_seconds())
    assert "28:00 left]" in interview.status()


def test_adversarial_asks_why_not_even_when_a_reason_is_given(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog, "adversarial")
    interview.handle("/next")
    (reply,) = interview.handle("Requests go through Nginx because it terminates TLS cheaply.")
    assert "Why Nginx and not" in reply


def test_an_absolute_claim_is_challenged(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog)
    interview.handle("/next")
    (reply,) = interview.handle("With replicas the store never loses data.")
    assert "never loses" in reply and "What would make that false?" in reply


def test_friendly_offers_hints(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog, "friendly")
    (reply,) = interview.handle("Users paste a long URL and get a short one back.")
    assert "/hint" in reply


def test_a_stateful_component_without_redundancy_gets_a_failure_probe(catalog: Catalog) -> None:
    interview, events, _ = _interview(catalog, "adversarial")
    interview.handle("/next")
    (reply,) = interview.handle("Clients call stateless app servers that read from Redis.")
    assert "Redis goes down" in reply and reply.count("?") >= 1
    moves = [e.data for e in events if e.data.get("move") == "failure"]
    assert moves and moves[-1]["item"] == "component:cache"


def test_adversarial_presses_on_failure_cases_in_the_deep_dive(catalog: Catalog) -> None:
    interview, events, _ = _interview(catalog, "adversarial")
    interview.handle("/next")
    interview.handle("/next")
    interview.handle("Let me go deep on generating codes with leased counter ranges in base62.")
    interview.handle("Each server encodes its counter values in base62, seven characters long.")
    probes = [e.data.get("item") for e in events if e.data.get("move") == "probe"]
    reliability = {i.id for i in catalog.get("url-shortener").rubric.reliability.items}
    assert any(p in reliability for p in probes)


def test_the_most_specific_fact_answers(catalog: Catalog) -> None:
    interview, _, _ = _interview(catalog, problem="chat-system")
    (reply,) = interview.handle("How big is a message?")
    assert "100 bytes" in reply


ROUND_TRIP = [
    "How many new links are created each month?",
    "/advance 2m",
    "What is the read to write ratio?",
    "I'll assume 500 bytes per link, kept five years.",
    "/next",
    "We'll put Redis in front of the link store because reads dominate 100 to 1.",
    "/hint",
    "The app servers are stateless behind a load balancer.",
]


@pytest.mark.parametrize("persona", ["neutral", "adversarial"])
def test_an_interview_rebuilt_from_its_stored_events_continues_as_the_original(
    catalog: Catalog, tmp_path: Path, persona: str
) -> None:
    """Play turns, store every event in SQLite, rebuild with from_events: the next reply
    and everything the interviewer remembers are the original's."""
    from tradeoff.store import Store

    with Store.open(f"sqlite:///{tmp_path / 'round.db'}") as store:
        original, events, _ = _interview(catalog, persona)
        session_id = store.create_session(
            problem_id="url-shortener", persona=persona, level="senior", minutes=45,
            started_at=original.started_at,
        )  # fmt: skip
        for line in ROUND_TRIP:
            original.handle(line)
        original.save_text("# URL shortener\nA Postgres link store with a Redis cache.\n", "editor")
        for event in events:
            store.add_event(
                session_id, kind=event.kind, at=event.at, phase=event.phase, text=event.text,
                speaker=event.speaker, data=event.data,
            )  # fmt: skip
        record = store.get_session(session_id)
    assert [e.kind for e in record.events] == [e.kind for e in events]

    rebuilt = Interview.from_events(
        catalog.get("url-shortener"), persona, record.events, ManualClock(),
        catalog=catalog, level="senior", minutes=45, started_at=record.started_at,
    )  # fmt: skip
    a, b = original.state, rebuilt.state
    assert rebuilt.phase == original.phase and rebuilt.phase_started_at == original.phase_started_at
    assert rebuilt.turns == original.turns and rebuilt.spoken == original.spoken
    assert (rebuilt.hints, rebuilt.hints_used) == (original.hints, original.hints_used)
    assert (rebuilt.design, rebuilt.design_versions) == (original.design, original.design_versions)
    assert a.revealed == b.revealed and a.said == b.said and a.written == b.written
    assert a.asks == b.asks and a.moves == b.moves and a.redundant == b.redundant
    assert a.assumptions == b.assumptions and a.decisions == b.decisions
    assert a.spoken_numbers == b.spoken_numbers and a.written_numbers == b.written_numbers
    assert rebuilt.status() == original.status()

    following = "If the cache node dies we lose nothing, since the store is the source of truth."
    assert rebuilt.handle(following) == original.handle(following)
    assert rebuilt.state.asks == original.state.asks
    assert rebuilt.handle("/next") == original.handle("/next")


def test_from_events_records_only_what_happens_next_and_knows_an_ended_session(
    catalog: Catalog,
) -> None:
    original, events, _ = _interview(catalog)
    original.handle("How many new links are created each month?")
    recorded: list[Event] = []
    rebuilt = Interview.from_events(
        original.problem, "neutral", list(events), ManualClock(), catalog=catalog,
        level="senior", minutes=45, started_at=original.started_at, record=recorded.append,
    )  # fmt: skip
    assert recorded == [] and not rebuilt.ended
    rebuilt.handle("/end")
    assert [e.kind for e in recorded] == ["command"]
    ended = Interview.from_events(
        original.problem, "neutral", [*events, *recorded], ManualClock(), catalog=catalog,
        level="senior", minutes=45, started_at=original.started_at,
    )  # fmt: skip
    assert ended.ended and ended.handle("Are we done?") == []

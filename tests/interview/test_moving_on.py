"""A candidate who keeps adding to a phase after "Shall we move on?" is moved on once, not
asked again each turn; the last phase has nothing to move on to; and "what would go wrong
first?" is not asked of a candidate who has just said what breaks first."""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview import phrasing
from tradeoff.interview.phases import Phase
from tradeoff.interview.session import Interview


def _asked_everything(interview: Interview) -> None:
    """The state of a phase in which every probe and open prompt has been used: what is
    left to say is only to move on."""
    phase = interview.phase
    for text in phrasing.OPEN_PROMPTS[phase]:
        interview.state.moves.add((phase, "open", text))
    for _, item in interview.problem.rubric.items():
        interview.state.moves.add((phase, "probe", item.id))
        interview.state.moves.add(("*", "asked", item.id))


_TALK = [
    "Each link row holds the code, the long URL and the creation time.",
    "The codes come from ranges each app server leases a thousand at a time.",
    "Redirects return 302 so every click reaches us.",
]


def test_a_phase_is_moved_on_after_one_nudge(catalog: Catalog) -> None:
    session = run(catalog, "url-shortener", "neutral", ["/next"])
    interview = session.interview
    _asked_everything(interview)
    first = " ".join(interview.handle(_TALK[0]))
    assert "Shall we move on?" in first
    second = " ".join(interview.handle(_TALK[1]))
    assert phrasing.MOVING_ON in second and "Shall we move on?" not in second
    assert interview.phase == Phase.deep_dive


def test_the_last_phase_has_nothing_to_move_on_to(catalog: Catalog) -> None:
    session = run(catalog, "url-shortener", "neutral", ["/next", "/next", "/next"])
    interview = session.interview
    assert interview.phase == Phase.wrap_up
    _asked_everything(interview)
    said = [" ".join(interview.handle(line)) for line in _TALK]
    assert not any("Shall we move on?" in text for text in said), said
    assert any(phrasing.ALL_COVERED in text for text in said), said


def test_what_breaks_first_is_not_asked_once_said(catalog: Catalog) -> None:
    session = run(catalog, "url-shortener", "neutral", ["/next", "/next"])
    interview = session.interview
    assert interview.phase == Phase.deep_dive
    _asked_everything(interview)
    interview.state.moves.discard((interview.phase, "open", phrasing.GOES_WRONG_FIRST))
    said = " ".join(interview.handle("What breaks first is the code allocator, if it stalls."))
    assert phrasing.GOES_WRONG_FIRST not in said, said


def test_a_hint_names_a_question_of_several_sentences_by_its_scene() -> None:
    from tradeoff.interview.session import _hint_lead

    lead = _hint_lead(
        "Say the gateway holding a million sockets dies. What do the clients see next?"
    )
    assert lead == (
        "A hint on my earlier question, the one where the gateway holding a million sockets dies:"
    )


_LOCK_SCRIPT = [
    "Who uses the lock service and how many lock operations per second at peak? How long are"
    " locks held?",
    "What happens today if two workers run the same job twice?",
    "/next",
    "We run a 5-node Raft group; a lock is a key in the replicated state machine with an owner"
    " and a lease.",
    "Clients call acquire(name, ttl) and get back a fencing token, a number that goes up with"
    " every grant; release(name, token) frees it.",
    "At 50,000 acquires a second and 200 bytes of state per lock that's 10 MB/s through the"
    " Raft log.",
    "Actually most of that is renewals; at one renewal every 10 seconds per held lock and 1"
    " million held locks it's 100,000 renewals a second.",
    "/next",
    "The storage service checks the fencing token on every write and rejects any token lower"
    " than the highest it has seen, so a paused client can't corrupt data.",
    "/hint",
    "Reads of lock state go through the leader, because followers may be behind.",
    "If the leader dies, Raft elects a new one in about a second and clients retry with backoff.",
    "/next",
    "I'd use etcd.",
    "The biggest risk is one hot lock name that every worker fights over.",
]


def test_a_question_asked_again_at_the_wrap_up_is_not_returned_to(catalog: Catalog) -> None:
    # Asked in the deep dive, returned to once, asked again at the wrap-up ("You didn't get
    # to this one: ..."): after another turn on something else it is left for the report,
    # not asked a fourth time.
    session = run(catalog, "distributed-lock", "neutral", _LOCK_SCRIPT)
    said = [reply for exchange in session.exchanges for reply in exchange.replies]
    again = [text for text in said if "You didn't get to this one" in text]
    assert again, said
    question = again[0].split(": ", 1)[1]
    assert sum(question in text for text in said) <= 3, said

"""A distributed-lock session typed by hand with the neutral persona.

"So: clients acquire and release named locks with a lease; ..." listed the features, yet the
report held requirements at 1 with "No functional requirements are stated": the recap was
only heard when "So" was followed by a comma. "acquire(name, ttl) returning a lease id and
a fencing token" was followed by "When acquire succeeds, what does the client get back
besides "yes"?": the item's own words ("returns") were not the turn's ("returning"), so the
turn seemed not to speak of it. "That's why fencing tokens matter: the resource checks the
token" (the token having been defined two turns before) drew "A holder pauses for 30
seconds ... Walk me through what prevents damage.", asked back after the next turn and
reported as unanswered. "50,000 acquires a second" was credited in the report as the herd's
50,000 watch notifications a second.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_TOKEN = (
    "The API is acquire(name, ttl) returning a lease id and a fencing token, renew(lease), and"
    " release(lease). Each lock lives in one Raft group chosen by hashing the name."
)


def test_a_recap_after_so_colon_lists_the_features(catalog: Catalog) -> None:
    line = (
        "So: clients acquire and release named locks with a lease; a crashed holder's lock"
        " expires. Billing and a UI are out of scope."
    )
    session = run(catalog, "distributed-lock", "neutral", [line, "/end"])
    rules = [f["rule"] for f in session.report(catalog)["review"]["findings"]]
    assert "REQ101" not in rules, rules


def test_a_probe_does_not_ask_for_what_the_turn_just_named(catalog: Catalog) -> None:
    session = run(catalog, "distributed-lock", "neutral", ["/next", _TOKEN])
    reply = " ".join(session.exchanges[-1].replies)
    assert "besides" not in reply, reply


def test_a_follow_up_the_turn_just_answered_is_not_asked(catalog: Catalog) -> None:
    lines = [
        "/next",
        _TOKEN,
        "The fencing token is the Raft log index of the acquire, so it only ever increases;"
        " the storage service rejects writes with an older token.",
        "/next",
        "The hardest part is clock trouble: a client paused by GC may think it still holds the"
        " lock after its lease expired. That's why fencing tokens matter: the resource checks"
        " the token, not the client's belief.",
    ]
    session = run(catalog, "distributed-lock", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "pauses for 30 seconds" not in reply, reply


def test_a_rate_of_acquires_is_not_the_herds_notifications(catalog: Catalog) -> None:
    lines = [
        "Who uses the lock service, and how many lock operations per second do we expect?",
        "At 50,000 acquires a second and two writes per acquire, that's 100,000 replicated"
        " writes a second.",
        "/end",
    ]
    session = run(catalog, "distributed-lock", "neutral", lines)
    estimates = session.report(catalog)["conversation"]["estimates"]
    assert not any("herd" in e["about"] for e in estimates), estimates


def test_an_api_of_calls_with_arguments_covers_the_lock_api(catalog: Catalog) -> None:
    session = run(catalog, "distributed-lock", "neutral", ["/next", _TOKEN])
    assert session.interview.state.covered("lock-api")
    reply = " ".join(session.exchanges[-1].replies)
    assert "Which calls" not in reply, reply


def test_a_chosen_rate_is_no_assumption_about_clocks(catalog: Catalog) -> None:
    lines = [
        "At 50,000 acquires a second and two writes per acquire, that's 100,000 replicated"
        " writes a second.",
    ]
    session = run(catalog, "distributed-lock", "neutral", lines)
    assert not session.interview.state.covered("assumptions")

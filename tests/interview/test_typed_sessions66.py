"""A distributed-lock session typed by hand with the neutral persona (iv12's own round).

Read as a candidate would:
- "..., and how quickly must a crashed holder's lock free up? Also, can we lose a zone?" got
  the availability fact ("must survive losing a whole availability zone") and then 'As for
  "can we lose a zone", assume what you think is reasonable': "lose" and "losing" had two
  stems, so the part never found the fact just given.
- "A holder that pauses past its lease can wake up and write; the storage checks the
  fencing token and rejects any lower than the highest it has seen." drew "A holder pauses
  for 30 seconds, and the lock is granted to someone else. Walk me through what prevents
  damage.", right away and again a turn later: the item kept its first, weaker quote (the
  API's "returns a fencing token"), so nothing remembered that the turn had explained it.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_a_part_answered_by_a_fact_given_is_not_left_to_assume(catalog: Catalog) -> None:
    lines = [
        "What's the latency target for an acquire, and how quickly must a crashed holder's lock"
        " free up? Also, can we lose a zone?"
    ]
    reply = " ".join(run(catalog, "distributed-lock", "neutral", lines).exchanges[-1].replies)
    assert "losing a whole availability zone" in reply, reply
    assert "assume" not in reply.lower(), reply


def test_no_follow_up_about_the_fencing_just_explained(catalog: Catalog) -> None:
    lines = [
        "/next",
        "API: grant_lease(ttl) returns a lease id, keep_alive(lease), acquire(name, lease)"
        " returns a fencing token, release(name), and watch(key, from_revision).",
        "/next",
        "A holder that pauses past its lease can wake up and write; the storage checks the"
        " fencing token and rejects any lower than the highest it has seen.",
        "If the Raft leader dies a new one is elected in a few seconds and leases are extended,"
        " so clients don't lose locks during the election.",
    ]
    session = run(catalog, "distributed-lock", "neutral", lines)
    said = " ".join(r for ex in session.exchanges[-2:] for r in ex.replies)
    assert "what prevents damage" not in said, said


_SESSION = [
    "How many clients hold sessions at once, and how many lock operations per second, on"
    " average and at peak?",
    "What's the latency target for an acquire, and how quickly must a crashed holder's lock"
    " free up? Also, can we lose a zone?",
    "What do teams use today, and is cross-region locking in scope?",
    "I'll assume clocks can drift and clients can pause for tens of seconds, so no correctness"
    " may depend on time.",
    "So peak is 10,000 lock ops/s; with 5 replicas committing 30,000 writes/s that's 3x headroom.",
    "Keepalives: 50,000 sessions heartbeating every 2 seconds is 100,000 per second.",
    "/next",
    "API: grant_lease(ttl) returns a lease id, keep_alive(lease), acquire(name, lease) returns"
    " a fencing token, release(name), and watch(key, from_revision).",
    "We'll use etcd.",
    "the lock key is attached to the lease and deleted when the lease expires",
    "/hint",
    "not sure yet, let me come back to that",
    "/next",
    "A holder that pauses past its lease can wake up and write; the storage checks the"
    " fencing token and rejects any lower than the highest it has seen.",
    "If the Raft leader dies a new one is elected in a few seconds and leases are extended,"
    " so clients don't lose locks during the election.",
    "A minority partition cannot commit so it can't grant a lock; clients there get errors.",
    "/next",
]


def test_the_wrap_up_does_not_ask_the_growth_question_again(catalog: Catalog) -> None:
    """ "Lock traffic grows tenfold. What breaks first and how do you scale?" in the deep dive,
    then "What breaks first as load grows, and what would you change at 10x the traffic?"
    opening the wrap-up."""
    said = [r for ex in run(catalog, "distributed-lock", "neutral", _SESSION).exchanges
            for r in ex.replies]  # fmt: skip
    growth = [r for r in said if "tenfold" in r or "10x" in r]
    assert len(growth) == 1, growth


def test_a_slipped_step_is_not_listed_as_an_estimate(catalog: Catalog) -> None:
    lines = ["Keepalives: 50,000 sessions heartbeating every 2 seconds is 100,000 per second.",
             "/end"]  # fmt: skip
    report = run(catalog, "distributed-lock", "neutral", lines).report(catalog)
    assert not [e for e in report["conversation"]["estimates"] if "100,000" in e["said"]]


def test_no_probe_for_the_assumptions_just_stated(catalog: Catalog) -> None:
    """ "I'll assume clocks can drift and clients can pause for tens of seconds ..." and later
    "What are you assuming about clocks and process pauses on the client machines?"."""
    lines = [
        "I'll assume clocks can drift and clients can pause for tens of seconds, so no"
        " correctness may depend on time.",
        "/end",
    ]
    report = run(catalog, "distributed-lock", "neutral", lines).report(catalog)
    assert "assumptions" in {c["item"] for c in report["conversation"]["covered"]}


def test_a_point_said_in_the_items_words_is_covered(catalog: Catalog) -> None:
    """ "A holder that pauses past its lease can wake up and write; the storage checks the
    fencing token and rejects any lower than the highest it has seen." was listed as "only
    mentioned" (quoting the API line), and "A minority partition cannot commit so it can't
    grant a lock" was covered by the summary's "majority commits" instead."""
    report = run(catalog, "distributed-lock", "neutral", [*_SESSION, "/end"]).report(catalog)
    covered = {c["item"]: c["quote"] for c in report["conversation"]["covered"]}
    assert covered["fencing"].startswith("A holder that pauses past its lease"), covered
    assert covered["no-split-brain"].startswith("A minority partition cannot commit"), covered
    assert "redis-weakness" not in covered, covered


def test_the_titles_word_answers_no_question(catalog: Catalog) -> None:
    """ "If the service cannot be sure who holds a lock, should it hand the lock out anyway or
    refuse?" counted as answered by "So peak is 10,000 lock ops/s ..." (the word "lock"
    names a locking concept the question's subject held), and the report quoted that
    estimate for "States that safety beats availability"."""
    session = run(catalog, "distributed-lock", "neutral", [*_SESSION[:5], "/end"])
    reply = " ".join(session.exchanges[4].replies)
    assert "back to my question" in reply, reply
    report = session.report(catalog)["conversation"]
    quotes = {c["item"]: c["quote"] for c in report["covered"] + report["mentioned"]}
    assert "10,000 lock ops" not in quotes.get("safety-first", ""), quotes

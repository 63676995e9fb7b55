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

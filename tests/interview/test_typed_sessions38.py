"""A social-network session typed by hand with the friendly persona (round 38).

"With 300 million daily users and about 100 graph lookups each, that's about 35,000 reads
a second." (the graph reads are about 347,000 a second) drew "That looks low to me. How
did you get 100 graph lookups?", the figure the interviewer had given, and the report
listed "Estimate said at 0:00: 35,000 reads a second (db reads per s)" as a right
estimate. The 100 was read as the friends-of-friends paths per user through "users", the
word the 300 million before it counts; the 35,000, which restates the working of graph
lookups, was taken for the database reads behind the cache (close in value, "db" never
said) instead of the graph reads it names word for word.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "Who are the users, and how often do we read the graph?"
_SAID = (
    "With 300 million daily users and about 100 graph lookups each, that's about 35,000 reads"
    " a second."
)


def test_the_wrong_result_is_checked_not_the_given_figure(catalog: Catalog) -> None:
    session = run(catalog, "social-network", "friendly", [_ASK, "/next", _SAID, "/end"])
    reply = " ".join(session.exchanges[2].replies)
    assert "How did you get 35,000 reads a second?" in reply, reply
    assert "100 graph lookups" not in reply, reply
    estimates = session.report(catalog)["conversation"]["estimates"]
    assert not [e for e in estimates if e["said"].startswith("35,000")], estimates

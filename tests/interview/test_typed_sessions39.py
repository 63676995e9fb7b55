"""A distributed job scheduler session typed by hand with the neutral persona (round 39).

After "owners can query [history] for 90 days", "Run history is kept for a year in
Cassandra." drew "Earlier I said every execution leaves a history record (start, end,
attempt, status, error summary) of about 500 bytes, which owners can query for 90 days;
you said a year in Cassandra. Which one ...": the figure buried in its whole sentence, and
the candidate's figure run on into the product named after it.

"If etcd goes down at peak, what happens to the requests that need it?" went unanswered
for two turns, then "If etcd is down, triggers keep firing on their current leases until
they expire, and no new partitions are assigned." answered it; the report still listed it
as a question left unanswered (only questions put off were looked for later).
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "How long is run history kept, and how big is a record?"


def test_a_figure_given_in_a_long_sentence_is_said_again_short(catalog: Catalog) -> None:
    lines = [_ASK, "/next", "Run history is kept for a year in Cassandra."]
    session = run(catalog, "distributed-job-scheduler", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "Earlier I said 90 days; you said a year. Which one" in reply, reply


_LINES = [
    "/next",
    "Each partition has one trigger node with a lease in etcd that loads the next 30 seconds"
    " of due jobs into a timer wheel.",
    "Run history is kept in Cassandra.",
    "The API is POST /jobs, PATCH /jobs/{id} and GET /jobs/{id}/runs.",
    "If etcd is down, triggers keep firing on their current leases until they expire, and no"
    " new partitions are assigned.",
    "/end",
]


def test_a_failure_question_answered_late_is_not_unanswered(catalog: Catalog) -> None:
    session = run(catalog, "distributed-job-scheduler", "neutral", _LINES)
    assert "If etcd goes down" in " ".join(session.exchanges[1].replies)
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert not [d for d in dodged if "etcd" in d], dodged


def test_a_failure_question_is_not_taken_up_by_naming_the_part(catalog: Catalog) -> None:
    lines = [*_LINES[:4], "Workers renew their etcd session every few seconds.", "/end"]
    session = run(catalog, "distributed-job-scheduler", "neutral", lines)
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert [d for d in dodged if "etcd" in d], dodged

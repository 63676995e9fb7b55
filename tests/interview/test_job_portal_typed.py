"""A typed session of issue 10 on the job portal (adversarial), read line by line.

- "Say 10 million active postings and 50 million job seekers; at 20 searches per seeker per
  week that's about 1,650 searches a second." was listed as "Said and given disagree on
  daily active users: you said "20 searches per seeker"": a figure per seeker counts
  searches, never the seekers.
- "How would you spot and stop a scam posting that asks applicants for money?" was taken as
  answered by "An application goes submitted, viewed, interviewing, then offered or
  rejected.": "scam" named no concept, so one shared word ("applicants") made an answer.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "How many job postings and applicants, and how many searches a day?"
_SAY = (
    "Say 10 million active postings and 50 million job seekers; at 20 searches per seeker per"
    " week that's about 1,650 searches a second."
)


def test_a_figure_per_seeker_is_no_count_of_seekers(catalog: Catalog) -> None:
    session = run(catalog, "job-portal", "adversarial", [_ASK, "/next", _SAY])
    said = [c.said for c in session.interview.state.contradicted]
    assert "20 searches per seeker" not in said, said
    assert "10 million active postings" in said, said


def test_a_scam_question_is_not_answered_by_the_application_states(catalog: Catalog) -> None:
    script = [
        _ASK,
        "Do candidates get alerts for saved searches, and how fast?",
        "/next",
        _SAY,
        "Postings live in PostgreSQL as the source of truth and are indexed into Elasticsearch"
        " through a change-data-capture stream, so search never queries the primary.",
        "POST /jobs/{id}/applications submits an application with an idempotency key.",
        "/next",
        "Saved-search alerts: when a posting is indexed we run it against the saved searches"
        " with a percolator query and enqueue matches for a nightly email digest.",
    ]
    session = run(catalog, "job-portal", "adversarial", script)
    asked = " ".join(session.exchanges[-1].replies)
    assert "scam posting" in asked, asked
    states = "An application goes submitted, viewed, interviewing, then offered or rejected."
    session = run(catalog, "job-portal", "adversarial", [*script, states])
    reply = " ".join(session.exchanges[-1].replies)
    assert reply.startswith("Before we move on, back to my question: How would you spot"), reply

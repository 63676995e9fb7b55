"""Questions the candidate puts off, in a job-portal session typed by hand (round 32).

"Let's come back to that." after "If the database goes down at peak, what happens to the
requests that need it?", and never a word on it again: the report listed no "Question left
unanswered", because every question put off counted as settled. A question put off by the
candidate and never taken up is unanswered; one taken up in a later turn is not.

"Parking that." and "That's out of scope for now." were not heard as putting off at all: the
interviewer came back at once ("Before we move on, back to my question: ..."), as to a turn
that ignored the question, where "let's come back to that" is let go.
"""

from __future__ import annotations

import pytest
from simulate import run

from tradeoff.catalog import Catalog

_FAILURE = "If the database goes down at peak, what happens to the requests that need it?"
_OPENING = [
    "How many seekers a day?",
    "/next",
    "The API is POST /jobs and GET /jobs/search with a cursor, and applications go to a"
    " relational database.",
]


@pytest.mark.parametrize(
    "put_off",
    ["Let's come back to that.", "I'd skip that for now.", "Parking that.",
     "That's out of scope for now."],
)  # fmt: skip
def test_a_question_put_off_and_never_taken_up_is_unanswered(
    catalog: Catalog, put_off: str
) -> None:
    lines = [*_OPENING, put_off, "The search index is Elasticsearch fed from the database by CDC."]
    session = run(catalog, "job-portal", "neutral", lines)
    assert _FAILURE in " ".join(session.exchanges[2].replies)
    reply = " ".join(session.exchanges[3].replies)
    assert "back to my question" not in reply, reply
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert _FAILURE in dodged, dodged


def test_a_question_put_off_then_answered_is_not_unanswered(catalog: Catalog) -> None:
    lines = [
        *_OPENING,
        "Let's come back to that.",
        "The search index is Elasticsearch fed from the database by CDC.",
        "Back to the database going down: it has a synchronous replica that takes over within"
        " 30 seconds, and apply retries with its idempotency key.",
    ]
    session = run(catalog, "job-portal", "neutral", lines)
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert _FAILURE not in dodged, dodged

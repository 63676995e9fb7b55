"""Clarifying questions that share only the prompt's subject with a fact (issue 10).

Typed in distributed-lock (neutral): "How long are locks usually held?" was answered with
the lock-state size ("The whole state is about a million lock and election keys ..."), and
"is try-lock enough?" with "As I said, about 2,000 lock acquires and releases per second
...". "lock" is a word of most of the prompt's facts, and of two facts' ids; the concepts
that "lock" names (locking, thread safety) counted as two more shared words, so one word
of the question passed as three. No fact says how long locks are held, nor whether a
try-lock call is enough: the interviewer invites an assumption.

Typed in vending-machine (neutral): "what happens when an item is sold out?" was answered
with "Out of scope - remote fleet monitoring ...": the "out" of "sold out" met the "Out"
of "Out of scope". "out" names no topic; said of a feature ("Are recommendations out?",
"what's out?") it is short for out of scope, and is read as that.

Typed in e-commerce-checkout (neutral), after asking about flash sales: "What happens if two
people buy the last item at the same moment?" drew "As I said, in a flash sale, ...": only
"buy" told the facts apart. The race for the last item is the overselling question, which
"We must never sell stock we do not have" answers.

Typed in photo-sharing (neutral), after the uploads: "How many views per upload?" drew "As
I said, about 100 million photos are uploaded per day.": "upload", a word of that fact's id,
outweighed the fact about views. A count "per upload" is taken against uploads; it asks
the views.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.questions import answer_turn

_ASSUME = "Assume what you think is reasonable and say it."


def _facts(catalog: Catalog, problem: str, question: str) -> list[str]:
    parts = answer_turn(question, catalog.get(problem), catalog.vocabulary.question_kinds)
    return [f.id for p in parts for f in p.facts]


def test_how_long_a_lock_is_held_is_the_candidates_to_assume(catalog: Catalog) -> None:
    lines = [
        "How many client processes connect to the service?",
        "How long are locks usually held?",
    ]
    session = run(catalog, "distributed-lock", "neutral", lines)
    assert session.exchanges[-1].replies == [_ASSUME]


def test_a_try_lock_question_does_not_repeat_the_lock_rate(catalog: Catalog) -> None:
    lines = ["How many lock acquires per second?", "is try-lock enough?"]
    session = run(catalog, "distributed-lock", "neutral", lines)
    assert session.exchanges[-1].replies == [_ASSUME]


def test_the_subject_word_still_finds_a_fact_with_what_the_question_asks(
    catalog: Catalog,
) -> None:
    """ "lock" is no signal alone, but with what is counted or asked it still is."""
    assert _facts(catalog, "distributed-lock", "How many locks are there?") == ["lock-keys"]
    assert _facts(catalog, "distributed-lock", "How many lock operations per second?") == [
        "lock-operations"
    ]
    assert _facts(catalog, "distributed-lock", "How big is each lock record?") == ["lock-keys"]


def test_sold_out_is_not_out_of_scope(catalog: Catalog) -> None:
    lines = ["How many slots are there?", "what happens when an item is sold out?"]
    session = run(catalog, "vending-machine", "neutral", lines)
    assert session.exchanges[-1].replies == [_ASSUME]


def test_out_said_of_a_feature_asks_the_scope(catalog: Catalog) -> None:
    assert _facts(catalog, "news-feed", "Are recommendations out?") == ["out-of-scope"]
    assert _facts(catalog, "vending-machine", "What's out?") == ["out-of-scope"]
    assert "out-of-scope" not in _facts(
        catalog, "news-feed", "Do callers retry when they time out?"
    )


def test_a_delivery_guarantee_asks_the_run_semantics(catalog: Catalog) -> None:
    """It found the semantics fact only through "owners", as the concept "owner" names
    (authorization) counted as a second word; it asks the consistency kind."""
    question = "What delivery guarantee do owners expect?"
    assert _facts(catalog, "distributed-job-scheduler", question) == ["semantics"]


def test_the_race_for_the_last_item_is_answered_by_the_no_oversell_rule(
    catalog: Catalog,
) -> None:
    lines = [
        "Do flash sales happen, and how big are they?",
        "What happens if two people buy the last item at the same moment?",
    ]
    session = run(catalog, "e-commerce-checkout", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert reply.startswith("We must never sell stock we do not have"), reply


def test_views_per_upload_asks_the_views(catalog: Catalog) -> None:
    lines = ["How many uploads a day?", "How many views per upload?"]
    session = run(catalog, "photo-sharing", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks at about 100 photos a day" in reply, reply
    assert "uploaded per day" not in reply, reply

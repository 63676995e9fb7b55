"""A job-portal session typed by hand with the neutral persona.

"How long do postings stay up, and what happens when a job is closed while someone is
applying?" drew "About 20 million jobs are open at any time ..." for its first part: the
word "posting" of that fact's id outweighed the retention fact, though a count of open jobs
says nothing of how long one stays. "How long" asks a span (a time, or a length such as
"20 characters"); a fact that states none does not answer it, and "Postings expire after
30 days unless renewed" does. The final report then listed that fact as "Never asked or
assumed".

"Where are users located?" drew "As I said, there are about 50 million saved searches. Most
users want a daily email digest ...": "users", which names who uses the system (a frame of
the users kind), was the one word it shared, and only that fact says "users" (the others
say "seekers"). Such a word is no topic; the question asks where, which the facts about
geography answer.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.questions import answer_turn

_OPENING = "Hi! Before designing, who uses it and how many searches per day are there?"


def test_how_long_a_posting_stays_up_is_answered_with_its_expiry(catalog: Catalog) -> None:
    lines = [
        _OPENING,
        "How long do postings stay up, and what happens when a job is closed while someone"
        " is applying?",
    ]
    session = run(catalog, "job-portal", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert reply.startswith("Postings expire after 30 days unless renewed."), reply
    assert "20 million jobs are open" not in reply, reply


def test_where_users_are_is_not_answered_with_saved_searches(catalog: Catalog) -> None:
    lines = [_OPENING, "How many saved searches are there?", "Where are users located?"]
    session = run(catalog, "job-portal", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "saved searches" not in reply, reply
    assert "EU" in reply or "countries" in reply, reply


def test_a_how_long_question_gets_no_fact_without_a_span(catalog: Catalog) -> None:
    """ "How long do the doors stay open?" asked of a URL shortener drew its availability
    target ("stay up")."""
    kinds = catalog.vocabulary.question_kinds
    question = "How long do the doors stay open?"
    parts = answer_turn(question, catalog.get("url-shortener"), kinds)
    assert [f.id for p in parts for f in p.facts] == []
    parts = answer_turn("How long is a typical query?", catalog.get("search-autocomplete"), kinds)
    assert [f.id for p in parts for f in p.facts] == ["query-length"]  # a length answers


def test_pushing_back_on_one_account_asks_the_rate_limits(catalog: Catalog) -> None:
    """It matched through "account" alone, now a word of who uses the system."""
    kinds = catalog.vocabulary.question_kinds
    question = "How hard can one account hit us before we push back?"
    parts = answer_turn(question, catalog.get("payments-api"), kinds)
    assert [f.id for p in parts for f in p.facts] == ["rate-limits"]

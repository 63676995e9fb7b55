"""An answer to one estimate's question that works out another estimate covers neither.

Asked "Say you check every new posting against every saved search. How much work is that
per second?", a candidate who says "I'll assume 30M DAU, 10 searches each and 50M saved
searches, so about 3,500 searches a second" has worked out the search rate: the report
listed "Shows that checking a million postings a day against 50 million saved searches one
by one is about 580 million checks/s" as covered with substance, quoting that line,
because the answer named saved searches and stated a rate. The reviewer already reads a
figure that is another estimate's as that estimate's; the interviewer now does too.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.listener import MentionListener
from tradeoff.interview.state import ConversationState, credit_answer
from tradeoff.review.substance import Support

_TO_THE_MATCHING_QUESTION = [
    "How many daily users search, and how many saved searches are there?",
    "Employers post and close jobs; seekers search, apply and save searches for alerts.",
    "Search traffic is 30M DAU x 10 searches = about 3,500 searches/s, 10,000 at peak.",
    "The index holds 10M open jobs at 5 KB, about 50 GB, with 3 replicas.",
]


def _matching_support(catalog: Catalog, answer: str) -> Support | None:
    session = run(catalog, "job-portal", "neutral", [*_TO_THE_MATCHING_QUESTION, answer])
    assert "every saved search" in " ".join(session.exchanges[-2].replies)
    return session.interview.state.said.get("alert-matching")


def test_the_search_rate_does_not_answer_the_matching_load(catalog: Catalog) -> None:
    support = _matching_support(
        catalog,
        "I'll assume 30M DAU, 10 searches each and 50M saved searches, so about 3,500"
        " searches a second.",
    )
    assert support is None or support.status != "substance", support


def test_postings_times_saved_searches_does(catalog: Catalog) -> None:
    support = _matching_support(
        catalog,
        "A million postings a day against 50M saved searches is about 580 million checks a"
        " second, so we index the queries instead.",
    )
    assert support is not None and support.status == "substance", support


def test_appending_in_order_does_not_answer_late_samples(catalog: Catalog) -> None:
    """The same holds for a coarse concept an answer shares with the item: said to "An agent
    was cut off for 40 minutes and now sends its buffer, some of it twice. What do you do?",
    "... its chunk can be appended in order" speaks of ordering, which the item now lists
    only as a mention (the bounded window and dropping duplicates are what it asks)."""
    item = next(i for _, i in catalog.problems["metrics-aggregation"].rubric.items()
                if i.id == "late-and-duplicate")  # fmt: skip
    heard = MentionListener(catalog.vocabulary, ()).hear(
        "Ingesters consume by series hash, so one series always lands on the same ingester and"
        " its chunk can be appended in order.",
        5,
    )
    state = ConversationState()
    assert credit_answer(state, item.id, heard, frozenset(item.concepts)) == []

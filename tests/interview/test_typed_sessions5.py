"""Lines typed into url-shortener, news-feed and video-streaming sessions that the
interviewer misread.

Each test holds what the candidate said and checks the reading a person would make of it.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_a_status_code_is_no_estimate_to_sanity_check(catalog: Catalog) -> None:
    """ "GET /{code} returns a 301 redirect" names an HTTP status, not 301 of anything: the
    interviewer does not answer "That looks high to me ... How did you get 301 redirect?"."""
    session = run(
        catalog, "url-shortener", "neutral",
        ["/next",
         "The API: POST /links with the long URL returns the short code; GET /{code} returns"
         " a 301 redirect to the long URL."],
    )  # fmt: skip
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get" not in reply, reply


def test_a_follow_up_the_candidate_just_answered_is_not_asked(catalog: Catalog) -> None:
    """Right after "each app server leases a block of 1,000 ids ... so no two servers can
    issue the same code", the follow-up "How do two servers avoid handing out the same
    code?" asks what was just answered: the code-generation item is covered, and the
    follow-up is about it (it shares its words with that item's hint)."""
    session = run(
        catalog, "url-shortener", "neutral",
        ["/next", "/next",
         "Codes are 7 base62 characters, which gives 3.5 trillion codes; each app server"
         " leases a block of 1,000 ids from a counter service and base62-encodes them, so no"
         " two servers can issue the same code, and no collision check is needed."],
    )  # fmt: skip
    assert session.interview.state.covered("code-generation")
    reply = " ".join(session.exchanges[-1].replies)
    assert "same code" not in reply, reply

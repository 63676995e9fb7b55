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


def test_a_strategy_chosen_with_because_is_a_decision_with_a_reason(catalog: Catalog) -> None:
    """ "I fan out on write for normal users because reads outnumber writes 60 to 1" and "I
    serve segments from a CDN ... because 95% of views go to popular videos" each pick a
    strategy and say why; the report's markers did not say "decisions with a reason: 0"."""
    lines = {
        "news-feed": "I fan out on write for normal users because reads outnumber writes 60 to"
        " 1, so precomputing each timeline makes reads one cache lookup.",
        "video-streaming": "I serve segments from a CDN with the origin in object storage,"
        " because 95% of views go to popular videos that cache well.",
    }
    for problem, line in lines.items():
        session = run(catalog, problem, "terse", ["/next", "/next", line, "/end"])
        markers = session.report(catalog)["markers"]
        assert markers["decisions_with_reason"] == 1, (problem, markers)


def test_a_threshold_on_followers_assumes_the_follower_skew(catalog: Catalog) -> None:
    """ "For celebrities with over 1M followers I fan out on read" assumes accounts with
    millions of followers; the report did not list "Never asked or assumed: Follower
    counts are very skewed ... more than a million followers"."""
    session = run(
        catalog, "news-feed", "terse",
        ["/next", "/next",
         "I fan out on write for normal users; for celebrities with over 1M followers I fan"
         " out on read and merge at read time.",
         "/end"],
    )  # fmt: skip
    unclear = session.report(catalog)["unclear_assumptions"]
    assert not [fact for fact in unclear if "skewed" in fact], unclear


def test_a_cache_pattern_is_no_component_that_goes_down(catalog: Catalog) -> None:
    """ "Redirects read through a Redis cache of hot codes" names Redis; "read through" is
    how the cache is used. The failure probe asks about Redis, never "If the read through
    goes down at peak"."""
    session = run(
        catalog, "url-shortener", "neutral",
        ["/next", "/next",
         "Redirects read through a Redis cache of hot codes, because 20% of links get most"
         " traffic; a cache miss falls back to the database."],
    )  # fmt: skip
    reply = " ".join(session.exchanges[-1].replies)
    assert "read through goes down" not in reply, reply

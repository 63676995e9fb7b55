"""Lines a candidate typed into sessions that the interviewer or its report read wrong.

Each test holds one sentence of a typed session (rate-limiter, news-feed, url-shortener,
video-streaming) that was misread, and checks the reading a person would make.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_a_follower_count_is_not_a_status_code(catalog: Catalog) -> None:
    """ "200 followers" counts followers: it is not the HTTP 200 the API's error rung asks
    for, so the report does not say the API dimension is "partly" errors and pagination."""
    session = run(
        catalog, "news-feed", "neutral",
        ["How many daily active users are there?",
         "Let's assume each user has 200 followers on average, and 500 million people a day.",
         "/end"],
    )  # fmt: skip
    assert not session.interview.state.heard_mentions.by_concept.get("status-codes")
    api = session.report(catalog)["review"]["dimensions"]["api_data"]
    assert api["partly"] is None, api


def test_an_absolute_claim_is_challenged_in_its_own_words(catalog: Catalog) -> None:
    """ "never go down" and "always be available" are absolute claims like "never goes
    down"; the challenge quotes a whole phrase, never "never lose a"."""
    session = run(
        catalog, "news-feed", "neutral",
        ["/next", "It will never lose a post.", "The feed will never go down.",
         "Posting will always be available."],
    )  # fmt: skip
    said = [" ".join(ex.replies) for ex in session.exchanges[1:]]
    assert '"never lose a post"' in said[0], said[0]
    assert '"never go down"' in said[1], said[1]
    assert '"always be available"' in said[2], said[2]

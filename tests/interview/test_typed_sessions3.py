"""Lines a candidate typed into sessions that the interviewer or its report read wrong.

Each test holds one sentence of a typed session (rate-limiter, news-feed, url-shortener,
video-streaming) that was misread, and checks the reading a person would make.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview import phrasing


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


def test_a_token_bucket_is_not_a_store_that_goes_down(catalog: Catalog) -> None:
    """ "runs a token bucket in Redis" names the algorithm and Redis (whose replicas were
    said before): there is no bucket to ask "If the bucket goes down at peak" about."""
    session = run(
        catalog, "rate-limiter", "neutral",
        ["500,000 requests a second at 2 rules each is a million checks a second, so about 10"
         " Redis shards at 100K checks each, 20 with replicas.",
         "/next",
         "Each gateway calls a limiter library that runs a token bucket in Redis with a"
         " Lua script, keyed by API key or IP."],
    )  # fmt: skip
    reply = " ".join(session.exchanges[-1].replies)
    assert "bucket" not in reply, reply


def test_an_estimate_said_in_words_is_heard(catalog: Catalog) -> None:
    """ "a million checks a second" is the check rate said aloud: it is credited, and the
    interviewer does not then ask how many checks a second the limiter must handle."""
    session = run(
        catalog, "rate-limiter", "neutral",
        ["500,000 requests a second at 2 rules each is a million checks a second, so about 10"
         " Redis shards at 100K checks each, 20 with replicas.",
         "/next",
         "Each gateway calls a limiter library that runs a token bucket in Redis with a"
         " Lua script, keyed by API key or IP.",
         "/hint"],
    )  # fmt: skip
    said = " ".join(r for ex in session.exchanges for r in ex.replies)
    assert "checks per second" not in said, said
    assert session.interview.state.covered("check-rate")
    spoken = [s.number.text for s in session.interview.state.spoken_numbers if s.number]
    assert "a million checks a second" in spoken, spoken
    # "500,000 requests" is a count, not an HTTP 500 that would credit the 429 contract.
    assert not session.interview.state.covered("response-contract")


FEED_OPENING = [
    "Hi. How many daily active users are there, and how many posts are made per day?",
    "How many accounts does a user follow, and are there celebrities with huge followings?",
    "What latency do we need for loading the feed, and how fresh must it be?",
    "So users post text and photos, follow people, and scroll a home feed. Ads and search are"
    " out of scope.",
    "Let's assume each user has 200 followers on average. 100 million posts a day is about"
    " 1,200 posts a second, and 500 million users opening the feed ten times a day is about"
    " 58,000 feed reads a second.",
]


def test_features_said_as_what_users_do_are_heard(catalog: Catalog) -> None:
    """ "users post text and photos, follow people, and scroll a home feed" lists the
    features: the interviewer does not then ask "What can a user actually do in the version
    we're building?", and the report neither lists the features as missing nor holds the
    requirements score with "No functional requirements are stated"."""
    session = run(catalog, "news-feed", "adversarial", [*FEED_OPENING, "/end"])
    said = " ".join(r for ex in session.exchanges for r in ex.replies)
    assert "What can a user actually do" not in said, said
    report = session.report(catalog)
    covered = {c["item"]: c["quote"] for c in report["conversation"]["covered"]}
    assert covered["core-features"].startswith("So users post text and photos"), covered
    assert all(f["rule"] != "REQ101" for f in report["review"]["findings"])


def test_a_fact_that_answers_both_parts_is_not_followed_by_assume(catalog: Catalog) -> None:
    """The latency fact says how fast a post reaches followers' feeds, which is how fresh
    the feed is: "As for 'how fresh must it be', assume what you think is reasonable"
    beside it contradicts the fact just given."""
    session = run(catalog, "news-feed", "neutral", [FEED_OPENING[2]])
    reply = " ".join(session.exchanges[0].replies)
    assert "within about five seconds" in reply
    assert "assume" not in reply.lower(), reply


RATE_LIMITER_OPENING = [
    "What are the limits per client?",
    "How many requests per second hit the gateways, and how many clients are there?",
    "How exact do the limits have to be, and what should happen if the limiter is down?",
    "So the gateways check each request against the client's limit and return 429 with"
    " Retry-After when it's over. Billing quotas and DDoS are out of scope.",
    "500,000 requests a second at 2 rules each is a million checks a second, so about 10 Redis"
    " shards at 100K checks each, 20 with replicas.",
    "/next",
    "Each gateway calls a limiter library that runs a token bucket in Redis with a Lua script,"
    " keyed by API key or IP.",
    "I'd shard Redis by client key.",
    "/hint",
    "The data lives in Redis as one hash per key with tokens and the last refill time, about"
    " 100 bytes each.",
]


def test_what_the_candidate_puts_off_is_not_the_next_question(catalog: Catalog) -> None:
    """ "Let's talk about the config service later." was followed at once by "How is a rule
    like '5 login attempts per minute per IP' written down, and how does a gateway get it?"."""
    session = run(
        catalog, "rate-limiter", "neutral",
        [*RATE_LIMITER_OPENING, "Let's talk about the config service later."],
    )  # fmt: skip
    reply = " ".join(session.exchanges[-1].replies)
    assert "written down" not in reply and "config" not in reply.lower(), reply
    # Put off in a word no concept holds: "memory" is the memory estimate's own word.
    session = run(
        catalog, "rate-limiter", "neutral",
        [*RATE_LIMITER_OPENING, "Let me think about the memory later."],
    )  # fmt: skip
    reply = " ".join(session.exchanges[-1].replies)
    assert "memory" not in reply, reply


def test_a_terse_hint_keeps_the_hint_and_its_question(catalog: Catalog) -> None:
    """The terse /hint said only "What happens to redirects?" (or "What does each cost
    you?"): the hint itself and the question's set-up were cut, leaving no help at all."""
    session = run(
        catalog, "url-shortener", "terse",
        ["/next", "/next", "I'd put Redis in front of the database for hot links.", "/hint",
         "/hint"],
    )  # fmt: skip
    # The first hint helps with the question on the table, "If Redis goes down ...?" (iv12).
    assert phrasing.FAILURE_HINT in " ".join(session.exchanges[-2].replies)
    hint = " ".join(session.exchanges[-1].replies)
    item_id = session.exchanges[-1].moves[0]["item"]
    item = next(i for _, i in session.interview.problem.rubric.items() if i.id == item_id)
    assert item.probe is not None and item.hint is not None
    assert item.probe in hint and item.hint in hint, hint


def test_video_questions_get_the_facts_they_ask_for(catalog: Catalog) -> None:
    """Typed in a video-streaming session: "What devices do viewers use, and how long is a
    typical video?" got the daily-viewers fact again ("As I said, about 100 million people
    watch every day"), and "What happens if a transcoding worker crashes halfway?" got the
    encoder's speed."""
    session = run(
        catalog, "video-streaming", "friendly",
        ["How many videos are uploaded per day and how many are watched?",
         "What devices do viewers use, and how long is a typical video?",
         "What happens if a transcoding worker crashes halfway?"],
    )  # fmt: skip
    devices, crash = (" ".join(ex.replies) for ex in session.exchanges[1:])
    assert "on phones" in devices and "6 minutes" in devices, devices
    assert "100 million people" not in devices, devices
    assert "1x speed" not in crash, crash


def test_spoken_estimates_are_not_reported_as_no_estimates(catalog: Catalog) -> None:
    """ "100 million posts a day is about 1,200 posts a second, and ... about 58,000 feed
    reads a second" is one spoken line: the report credited the rates and, beside them,
    held capacity at 0.5 with "No capacity estimates: no request rates, storage or
    bandwidth figures"."""
    session = run(catalog, "news-feed", "adversarial", [*FEED_OPENING, "/end"])
    report = session.report(catalog)
    assert any(c["item"] == "read-write-rates" for c in report["conversation"]["covered"])
    assert all(f["rule"] != "CAP101" for f in report["review"]["findings"])
    held = report["review"]["dimensions"]["capacity"]["capped_by"]
    assert held is None or held["rule"] != "CAP101", held

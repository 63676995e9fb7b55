"""A metrics-aggregation session typed by hand with the terse persona.

"How many hosts send metrics, how many series, and how often?" got the series count alone:
"how often" joined the part before it, whose fact was given, and was dropped. "... and
dashboards and alerts query them; we store them" drew "Why them? What made you choose
that?", and its terse return "Still: What made you choose that?". "If an ingester dies,
its partitions are replayed from Kafka into a new one, so no sample is lost" was followed
by "An ingest node dies with two hours of samples in memory. What have you lost?".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_how_often_after_how_many_asks_for_the_interval(catalog: Catalog) -> None:
    question = "How many hosts send metrics, how many series, and how often?"
    session = run(catalog, "metrics-aggregation", "terse", [question])
    reply = " ".join(session.exchanges[-1].replies)
    assert "100 million" in reply and "10 seconds" in reply, reply


def test_a_choice_of_a_pronoun_is_no_choice_to_question(catalog: Catalog) -> None:
    line = (
        "So services push samples, we store them, and dashboards and alerts query them; logs"
        " and tracing are out of scope."
    )
    session = run(catalog, "metrics-aggregation", "terse", [line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "Why them" not in reply and "choose that" not in reply, reply


def test_a_replay_from_the_log_is_the_ingesters_durability(catalog: Catalog) -> None:
    lines = [
        "/next",
        "/next",
        "If an ingester dies, its partitions are replayed from Kafka into a new one, so no"
        " sample is lost.",
    ]
    session = run(catalog, "metrics-aggregation", "terse", lines)
    assert session.interview.state.covered("ingest-durability")
    reply = " ".join(session.exchanges[-1].replies)
    assert "What have you lost" not in reply, reply


def test_clients_get_put_and_delete_is_the_feature_list(catalog: Catalog) -> None:
    """ "So clients get, put and delete values by key" states the features: the review of
    the session held requirements at 1 with "No functional requirements are stated"."""
    line = "So clients get, put and delete values by key; range scans are out of scope."
    session = run(catalog, "key-value-store", "adversarial", [line, "/end"])
    rules = [f["rule"] for f in session.report(catalog)["review"]["findings"]]
    assert "REQ101" not in rules, rules


def test_a_part_answered_by_an_earlier_fact_draws_no_other(catalog: Catalog) -> None:
    """ "What limits do customers get, and can a customer burst above them?" is answered by
    the limits fact (bursts allowed); it drew the traffic fact as well, "As I said"."""
    question = "What limits do customers get, and can a customer burst above them?"
    session = run(catalog, "rate-limiter", "adversarial", [question])
    reply = " ".join(session.exchanges[-1].replies)
    assert "500,000 requests per second" not in reply, reply


def test_cache_lifetimes_name_no_cache_that_can_go_down(catalog: Catalog) -> None:
    """ "I'd serve thumbnails from the CDN with long cache lifetimes, because ..." was
    followed by "If the cache goes down at peak, what happens to the requests that need
    it?": "cache lifetimes" says how things are cached; no part was named."""
    line = (
        "I'd serve thumbnails from the CDN with long cache lifetimes, because photos never"
        " change after upload, so the hit ratio stays above 95%."
    )
    session = run(catalog, "photo-sharing", "neutral", ["/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "cache goes down" not in reply, reply

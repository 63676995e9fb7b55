"""A typed news-feed session (tracker issue 10): each false thing the interviewer said or the
report claimed, checked the way the candidate who typed it would read it."""

from __future__ import annotations

import pytest
from simulate import Run, run

from tradeoff.catalog import Catalog

FEED = [
    "Hi. Before designing, how many daily active users do we have, and how many posts are"
    " made per day?",
    "How many accounts does a typical user follow, and are there celebrities with millions of"
    " followers?",
    "What latency do we need for loading the home feed?",
    "OK. Requirements: users post text and photos, follow others, and see a home feed of posts"
    " from people they follow, newest first. Out of scope: ads, search and DMs.",
    "Estimates: 100M posts a day is about 1,200 posts per second, peaks near 3,600. If each"
    " post goes to 200 followers on average that's 240K timeline inserts per second.",
    "/next",
    "Posts go to a Post service that writes them to Cassandra keyed by post id, then emits an"
    " event to Kafka. Fan-out workers read Kafka and push the post id into each follower's"
    " timeline in Redis.",
    "For celebrities above 1M followers we skip fan-out and merge their posts at read time,"
    " because pushing to millions of timelines would take minutes.",
    "The feed service reads the timeline list from Redis, hydrates the posts from a post cache"
    " and returns 20 items with a cursor.",
    "/hint",
    "If a Redis shard dies, we rebuild those timelines from the follow graph and the post"
    " store, and each shard has a replica so reads fail over.",
    "We monitor fan-out lag in Kafka and alert if it goes over 30 seconds, and we autoscale"
    " the fan-out workers on that lag.",
    "/next",
    "To summarise: push fan-out for normal users, pull for celebrities, Redis timelines with"
    " replicas, Cassandra for posts. The first bottleneck at 10x would be Redis memory, so"
    " we'd cap timelines at 800 ids.",
    "/end",
]


@pytest.fixture(scope="module")
def feed(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run(catalog, "news-feed", "neutral", FEED, tmp=tmp_path_factory.mktemp("feed"))


def _reply(result: Run, line: str) -> str:
    return " ".join(next(ex.replies for ex in result.exchanges if ex.line == line))


def test_the_first_answer_is_what_was_asked(feed: Run) -> None:
    first = _reply(feed, FEED[0])
    assert first.startswith("About 500 million people")
    assert "out of scope" not in first


def test_a_requirements_label_states_the_functional_requirements(
    feed: Run, catalog: Catalog
) -> None:
    asked = " ".join(r for ex in feed.exchanges for r in ex.replies)
    assert "What can a user actually do" not in asked
    report = feed.report(catalog)
    rules = {f["rule"] for f in report["review"]["findings"]}
    assert "REQ101" not in rules
    missing = " ".join(m["text"] for m in report["conversation"]["missing"])
    assert "posting with media" not in missing


def test_a_threshold_is_not_an_estimate_to_sanity_check(feed: Run) -> None:
    reply = _reply(feed, FEED[7])
    assert "looks low" not in reply and "How did you get" not in reply


def test_dimension_lines_name_the_step_partly_reached(feed: Run, catalog: Catalog) -> None:
    text = feed.transcript(catalog)
    for line in text.splitlines():
        if line.startswith("  communication: "):
            assert "depth: none shown yet" not in line, line


def test_a_hint_never_presupposes_a_question_not_yet_asked(feed: Run, catalog: Catalog) -> None:
    """An item's hint helps with its question; before that question was put, the hint
    carries the question itself."""
    items = {i.id: i for _, i in catalog.get("news-feed").rubric.items()}
    said: list[str] = []
    hints = 0
    for event in feed.events:
        if event.kind == "hint":
            hints += 1
            item = items[event.data["item"]]
            if item.probe and item.hint and event.text.endswith(item.hint):
                asked = any(item.probe in earlier for earlier in said)
                assert asked or event.text.startswith(item.probe), event.text
        if event.speaker == "interviewer":
            said.append(event.text)
    assert hints == 1


def test_a_capacity_item_is_credited_to_the_quantity_it_names(feed: Run, catalog: Catalog) -> None:
    """ "About 6.4 TB" of timeline cache is not credited to a sentence that sizes nothing,
    post storage not to posts per second, the read and write rates not to the inserts."""
    talk = feed.report(catalog)["conversation"]
    credited = {c["item"]: c["quote"] for c in talk["covered"]}
    assert "timeline-memory" not in credited
    assert "post-storage" not in credited
    assert "240K timeline inserts" in credited["fanout-volume"]
    assert "240K" not in credited.get("read-write-rates", "")


def test_a_decision_with_because_is_counted_with_its_reason(feed: Run, catalog: Catalog) -> None:
    text = feed.transcript(catalog)
    assert "decisions with a reason: 0" not in text


def test_next_steps_ask_for_each_thing_once(feed: Run, catalog: Catalog) -> None:
    steps = feed.report(catalog)["review"]["next_steps"]
    assert sum("CDN" in step for step in steps) == 1, steps


def test_a_peak_said_aloud_states_the_peak_factor(feed: Run, catalog: Catalog) -> None:
    """ "1,200 posts per second, peaks near 3,600" assumed traffic peaks at three times."""
    unclear = feed.report(catalog)["unclear_assumptions"]
    assert not any("three times the daily average" in fact for fact in unclear)

"""A news-feed session typed by hand with the friendly persona (iv13's own round).

Read as a candidate would:
- "I haven't thought about the cursor encoding, can we come back to it later?" drew "That's
  not specified. Assume what you think is reasonable and say it.": a request to put the
  point off was answered as a clarifying question.
- "What about the timeline memory: 200M users x 800 ids x 8 bytes is 1.3 TB, ..." drew "Good
  question." and the post-size fact: "What about X:" heads the candidate's own working.
- "Let me talk about monitoring instead: we'd alert on fan-out lag ..." answered "Walk me
  through a feed request ..." (by "fan-out"), and the report credited the read path from it.
- A doubted figure was returned to with the whole check again ("That looks low to me, given
  that <three sentences of fact>. How did you get 20 Redis nodes?"), and at the wrap-up a
  third time ("You didn't get to this one: ..."), the fact's "ten times a day" read as a
  question about growth.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog

_FEED_PATH = "Walk me through a feed request"

# The whole session as typed, without its /design line.
SESSION = (Path(__file__).parent / "data" / "feed-friendly-iv13.txt").read_text().splitlines()


def test_a_request_to_come_back_is_no_question(catalog: Catalog) -> None:
    lines = [
        "/next",
        "POST /v1/posts creates a post and GET /v1/feed with a cursor returns 20 post ids.",
        "I haven't thought about the cursor encoding, can we come back to it later?",
    ]
    reply = " ".join(run(catalog, "news-feed", "friendly", lines).exchanges[-1].replies)
    assert "Assume what you think" not in reply and "not specified" not in reply, reply


def test_what_about_with_a_colon_heads_the_working(catalog: Catalog) -> None:
    line = (
        "What about the timeline memory: 500M users x 800 ids x 8 bytes is 3.2 TB, so about"
        " 40 Redis nodes with replicas."
    )
    reply = " ".join(run(catalog, "news-feed", "friendly", ["/next", line]).exchanges[-1].replies)
    assert "Good question" not in reply and "about 1 KB" not in reply, reply


def test_talking_about_something_else_instead_is_a_dodge(catalog: Catalog) -> None:
    lines = [
        "/next",
        "I'd keep a Redis list per user with the latest 800 post ids, written by fan-out"
        " workers reading from Kafka, because feed reads must be fast.",
        "For celebrities over 1M followers we skip fan-out and pull their recent posts at read"
        " time, then merge.",
        "/next",
        "If a Redis shard dies, we rebuild those timelines from the posts table and the follow"
        " graph while the read path falls back to pull.",
        "Let me talk about monitoring instead: we'd alert on fan-out lag over 5 seconds and"
        " feed p99 over 200 ms.",
        "/end",
    ]
    session = run(catalog, "news-feed", "friendly", lines)
    asked = " ".join(session.exchanges[-3].replies)
    assert _FEED_PATH in asked, asked
    reply = " ".join(session.exchanges[-2].replies)
    assert f"back to my question: {_FEED_PATH}" in reply, reply
    covered = {c["item"] for c in session.report(catalog)["conversation"]["covered"]}
    assert "feed-read-path" not in covered


def test_a_doubted_figure_is_returned_to_by_its_question_once(catalog: Catalog) -> None:
    lines = [
        "/next",
        "/next",
        "What about the timeline memory: 200M users x 800 ids x 8 bytes is 1.3 TB, so about"
        " 20 Redis nodes with replicas.",
        "Let me talk about monitoring instead: we'd alert on fan-out lag over 5 seconds.",
        "/next",
    ]
    session = run(catalog, "news-feed", "friendly", lines)
    doubted = " ".join(session.exchanges[-3].replies)
    assert doubted.startswith("That looks low to me") and "20 Redis nodes?" in doubted, doubted
    returned = " ".join(session.exchanges[-2].replies)
    assert returned.endswith("back to my question: How did you get 20 Redis nodes?"), returned
    wrap = " ".join(session.exchanges[-1].replies)
    assert "20 Redis nodes" not in wrap and "What breaks first" in wrap, wrap


def test_a_doubted_line_sizes_nothing(catalog: Catalog) -> None:
    """ "Sizes the timeline cache ..." was covered with substance, quoting the very line the
    interviewer had called low ("How did you get 20 Redis nodes?"): the node count is a
    figure no item states, so the doubt reached no item, and the reviewer's reading of the
    whole transcript credited the line again."""
    lines = [
        "/next",
        "/next",
        "What about the timeline memory: 200M users x 800 ids x 8 bytes is 1.3 TB, so about"
        " 20 Redis nodes with replicas.",
        "/end",
    ]
    session = run(catalog, "news-feed", "friendly", lines)
    assert "How did you get 20 Redis nodes?" in " ".join(session.exchanges[-2].replies)
    covered = {c["item"] for c in session.report(catalog)["conversation"]["covered"]}
    assert "timeline-memory" not in covered, covered


def test_putting_a_point_off_is_not_praised(catalog: Catalog) -> None:
    """ "I haven't thought about the cursor encoding, can we come back to it later?" drew
    "Thanks, that helps." before the next question: the friendly voice praised every turn."""
    lines = [
        "/next",
        "POST /v1/posts creates a post and GET /v1/feed with a cursor returns 50 post ids at a"
        " time.",
        "We'll use MySQL for posts.",
        "I haven't thought about the cursor encoding, can we come back to it later?",
    ]
    reply = " ".join(run(catalog, "news-feed", "friendly", lines).exchanges[-1].replies)
    assert "that helps" not in reply and reply.startswith("Sure, we can come back"), reply


def test_a_doubted_figure_is_taken_up_only_by_that_figure(catalog: Catalog) -> None:
    """ "How did you get 20 Redis nodes?", returned to and left at /next, was counted as
    taken up by a later turn that shares words with the fact the check quoted, and the
    report never listed it (the whole session as typed, without its design). Since iv21 the
    line's "200M users", said against the 500 million given, is what the interviewer asks
    about first ("Which one are you designing for?"); returned to and left the same way, it
    is that question the report lists."""
    session = run(catalog, "news-feed", "friendly", SESSION)
    [doubt] = [e for e in session.exchanges if e.line.startswith("What about the timeline")]
    asked = " ".join(doubt.replies)
    assert "you said 200M users" in asked or "How did you get 20 Redis nodes?" in asked, asked
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert asked in dodged, dodged

"""A news-feed session typed by hand with the terse persona.

"How fast must the feed load, and how fresh must it be?" was answered with the latency
target alone: the terse voice kept the fact's first sentence with a digit, and the
freshness target ("within about five seconds") is written in words. Terse is short, but
it never drops what was asked. Then "100 million posts a day is about 1,200 writes a
second" (right: 100M / 86,400 is about 1,160) drew "That looks low to me", and "A deleted
post is filtered out when the feed is hydrated" was followed at once by "How would you
make a deleted post vanish from every feed within a minute?".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_terse_answers_keep_every_figure_asked_for(catalog: Catalog) -> None:
    session = run(
        catalog, "news-feed", "terse", ["How fast must the feed load, and how fresh must it be?"]
    )
    reply = " ".join(session.exchanges[-1].replies)
    assert "300 ms" in reply and "five seconds" in reply, reply


def test_a_post_filtered_at_hydration_is_the_deletes_item(catalog: Catalog) -> None:
    line = "A deleted post is filtered out when the feed is hydrated, so stale ids never show."
    session = run(catalog, "news-feed", "terse", ["/next", "/next", line])
    assert session.interview.state.covered("deletes-and-blocks")
    reply = " ".join(session.exchanges[-1].replies)
    assert "deleted post vanish" not in reply, reply


def test_a_right_post_rate_is_not_called_low(catalog: Catalog) -> None:
    line = (
        "500 million users opening the feed 10 times a day is about 58,000 reads a second, and"
        " 100 million posts a day is about 1,200 writes a second."
    )
    session = run(catalog, "news-feed", "terse", [line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get" not in reply, reply


def test_an_answer_sharing_only_never_with_the_question_is_no_answer(catalog: Catalog) -> None:
    """The media probe's words include its hint's "never"; "... so stale ids in timelines
    never show" was taken as its answer, and the report listed the media item as "only
    mentioned" beside that line."""
    lines = [
        "/next",
        "/next",
        "For celebrities with over a million followers I skip fan-out and merge their recent"
        " posts at read time, because pushing one post to 100 million timelines takes minutes.",
        "A deleted post is filtered out when the feed is hydrated, so stale ids never show.",
    ]
    session = run(catalog, "news-feed", "terse", lines)
    media = session.interview.state.said.get("media-cdn")
    assert media is None or "deleted post" not in media.quote, media


def test_asking_about_celebrities_asks_about_the_skew(catalog: Catalog) -> None:
    """ "Asks ... for the largest follower counts, because the skew decides the design" is
    met by "are there celebrities?", which drew the celebrity fact out: it was quoted with a
    later estimate instead, as if the candidate had never asked."""
    lines = [
        "How many daily users, and how many posts a day?",
        "How many people does a user follow, and are there celebrities?",
    ]
    session = run(catalog, "news-feed", "terse", lines)
    support = session.interview.state.said["scale-and-skew"]
    assert support.status == "substance" and "celebrities" in support.quote, support


def test_what_clients_do_is_the_feature_list(catalog: Catalog) -> None:
    """ "So clients PUT, GET, DELETE and LIST objects in buckets" lists the features; the
    interviewer answered it with "What operations does a customer get on buckets and
    objects in the first version?"."""
    line = "So clients PUT, GET, DELETE and LIST objects in buckets; replication is out of scope."
    session = run(catalog, "object-storage", "adversarial", [line])
    assert session.interview.state.covered("core-operations")
    reply = " ".join(session.exchanges[-1].replies)
    assert "What operations" not in reply, reply


def test_a_ratio_after_a_rate_keeps_its_own_kind(catalog: Catalog) -> None:
    """ "... about 40 writes a second, and with 100 reads per write that's 4,000 reads a
    second": the 100 is the ratio, not 100 writes a second; the report said the spoken
    "100 reads per write" and the design's "100M a month" disagree on new URLs a month."""
    from tradeoff.interview.numbers import quantities_in

    line = (
        "100 million links a month is about 40 writes a second, and with 100 reads per write"
        " that's 4,000 reads a second."
    )
    spoken = {q.text: q for q in quantities_in(line, catalog.numbers["url-shortener"])}
    ratio = spoken["100 reads per write"]
    assert ratio.ref is not None and ratio.ref.name == "reads_per_write", ratio

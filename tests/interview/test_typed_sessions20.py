"""A news-feed session typed by hand with the friendly persona, as a weak candidate.

"Celebrities are a problem, we'd handle that somehow." drew "That makes sense. Do you build
each feed when a post is written ...?": the friendly voice opens with praise by default,
and praise for a point left open is false. After "/next" into the wrap-up it said "That
makes sense. What breaks first ...", praising nothing.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_PRAISE = ("Thanks, that helps.", "Nice.", "Good.", "That makes sense.")


def test_a_point_left_open_is_not_praised(catalog: Catalog) -> None:
    lines = ["/next", "/next", "Celebrities are a problem, we'd handle that somehow."]
    session = run(catalog, "news-feed", "friendly", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert not reply.startswith(_PRAISE), reply


def test_the_wrap_up_question_after_next_praises_nothing(catalog: Catalog) -> None:
    session = run(catalog, "news-feed", "friendly", ["/next", "/next", "/next"])
    question = session.exchanges[-1].replies[-1]
    assert "breaks first" in question and not question.startswith(_PRAISE), question

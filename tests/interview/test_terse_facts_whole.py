"""The terse voice shortens the wrapper, never a fact (issue 10: "Personas change tone and
length, never drop content").

Typed in a payment-system session with the terse persona: "which providers do we call and
how reliable are they?" got the provider fact cut at a word count, ending "About 0.1% of
calls end with...", the very sentence on how reliable they are."""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_a_terse_answer_keeps_its_sentences_whole(catalog: Catalog) -> None:
    asked = "which providers do we call and how reliable are they?"
    session = run(catalog, "payment-system", "terse", [asked])
    reply = " ".join(session.exchanges[-1].replies)
    assert "..." not in reply, reply
    assert "About 0.1% of calls end with no clear answer" in reply, reply


def test_a_returned_question_keeps_the_set_up_its_pronoun_points_at() -> None:
    """Terse returned to "The settlement file arrives tomorrow. What do you do with it?" as
    "Still: What do you do with it?": "it" then points at nothing."""
    from tradeoff.interview.personas import _terse

    asked = "The nightly settlement file lands at 6 am. What do you do with it?"
    said = _terse("return", asked)
    assert "settlement file" in said and said.endswith("What do you do with it?"), said
    assert len(said.split()) < 25
    plain = _terse("return", "Why Redis and not Memcached? What made you choose that?")
    assert plain == "Still: Why Redis and not Memcached?", plain

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

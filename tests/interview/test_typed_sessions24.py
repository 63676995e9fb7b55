"""A movie-ticket-booking session typed by hand with the neutral persona.

"Can people cancel, and do they get a refund?" drew "Users can cancel up to 2 hours before
the show and get everything back except the booking fees. If the cinema cancels a show,
every booking is refunded in full, fees included. As for "do they get a refund", assume
what you think is reasonable and say it.": the second part shares only "refund" with the
fact, too little to draw a fact by itself, and so was read as unanswered, though the fact
just given says it. A part whose every topic word is in a fact given in the same reply is
answered by it; a part that asks a measure ("how long do links live?") still needs its
figure.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_a_refund_said_in_the_reply_is_not_left_to_assume(catalog: Catalog) -> None:
    lines = [
        "How long is a seat held while someone pays?",
        "Can people cancel, and do they get a refund?",
    ]
    session = run(catalog, "movie-ticket-booking", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert reply.startswith("Users can cancel up to 2 hours before the show"), reply
    assert "assume" not in reply.lower(), reply


def test_a_measure_asked_is_still_left_to_assume(catalog: Catalog) -> None:
    """The whiteboard's permissions say "share links" and "live changes"; they say nothing
    of how long a link lives. (On main the part went to the permissions, given already,
    and was dropped without a word; a fact stating no span no longer answers "how long".)"""
    line = "How do we handle phishing links, and how long do links live?"
    session = run(catalog, "collaborative-whiteboard", "neutral", [line])
    reply = " ".join(session.exchanges[-1].replies)
    assert 'As for "how long do links live", assume' in reply, reply

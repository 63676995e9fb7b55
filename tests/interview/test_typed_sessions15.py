"""An e-commerce checkout session typed by hand with the friendly persona.

"At 1 million orders a day that's about 12 orders a second" came right after the
interviewer said "about 2 million orders are placed": a given figure said back at half its
size passed unnoticed (within the 3x a sanity check allows for an estimate) and the report
credited the derivation of 23 orders a second to it. The report listed the estimate as
"12 orders a second on", cut before "average".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "How many orders a day, and how spiky is traffic during sales?"


def test_a_given_figure_said_back_wrong_is_said_again(catalog: Catalog) -> None:
    lines = [_ASK, "At 1 million orders a day that's about 12 orders a second on average."]
    session = run(catalog, "e-commerce-checkout", "friendly", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "Earlier I said on a normal day about 2 million orders are placed;" in reply, reply
    assert "you said 1 million orders a day." in reply, reply


def test_a_figure_the_candidate_assumes_is_theirs(catalog: Catalog) -> None:
    lines = [_ASK, "Assume 1 million orders a day, so about 12 orders a second on average."]
    session = run(catalog, "e-commerce-checkout", "friendly", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "I said" not in reply, reply


def test_a_figure_said_back_as_given_is_not_questioned(catalog: Catalog) -> None:
    lines = [_ASK, "At 2 million orders a day that's about 23 orders a second on average."]
    session = run(catalog, "e-commerce-checkout", "friendly", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "I said" not in reply and "looks" not in reply, reply


def test_an_estimate_is_quoted_without_a_dangling_word(catalog: Catalog) -> None:
    lines = [_ASK, "At 2 million orders a day that's about 23 orders a second on average.", "/end"]
    session = run(catalog, "e-commerce-checkout", "friendly", lines)
    said = [e["said"] for e in session.report(catalog)["conversation"]["estimates"]]
    assert said and all(not s.endswith((" on", " that")) for s in said), said


def test_reservations_expiring_is_no_answer_about_redis_going_down(catalog: Catalog) -> None:
    """ "Reservations expire after 10 minutes" was heard as cache invalidation (the word
    "expire"), a concept tied to the cache the question was about: the dodge was taken for
    an answer and the interviewer moved on."""
    lines = [
        "/next",
        "/next",
        "I'd keep stock counters for hot items in Redis with an atomic decrement, because the"
        " database row would become a hot spot.",
        "Reservations expire after 10 minutes, so abandoned checkouts return stock.",
    ]
    session = run(catalog, "e-commerce-checkout", "friendly", lines)
    asked = " ".join(session.exchanges[-2].replies)
    reply = " ".join(session.exchanges[-1].replies)
    assert "Redis goes down" in asked, asked
    assert "back to my question" in reply, reply


def test_a_figure_is_quoted_without_the_adverb_after_it(catalog: Catalog) -> None:
    lines = [
        "How big are the files, and how many uploads a day?",
        "/next",
        "/next",
        "The hard part is completing a 50 GB upload safely, checking every chunk's checksum.",
    ]
    session = run(catalog, "file-upload-api", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "I said the largest file we accept is 20 GB;" in reply, reply
    assert "safely" not in reply, reply

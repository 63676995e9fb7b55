"""A search-autocomplete session typed by hand with the neutral persona.

"How many searches a day, and how many suggestion requests does each search make?" drew only
"We serve about 2 billion searches a day.": the second part went to the same fact through
"search", a word of its id, and a part answered by an earlier part is dropped. A count taken
"each search" is taken against searches, as one "per search" is; what it counts (requests)
is in "every keystroke would send a request".

"How fast does a new trending query need to show up?" drew the keystroke latency
("Suggestions must appear within about 100 ms of a keystroke ..."), and the report then
credited "Keeps to 100 ms end to end at p99" with that question as its quote. "fast" asks
the latency kind, and reads as "latency", the latency fact's id; the freshness fact lists
"trend*", "new quer*" and "show up" as its own phrases, and the question says all three.
Each phrase of its own the question says counts, not only the first.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_requests_each_search_makes_are_the_keystrokes(catalog: Catalog) -> None:
    line = "How many searches a day, and how many suggestion requests does each search make?"
    session = run(catalog, "search-autocomplete", "neutral", [line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "2 billion searches a day" in reply, reply
    assert "every keystroke would send a request" in reply, reply


def test_how_fast_a_trending_query_shows_up_is_the_freshness(catalog: Catalog) -> None:
    lines = [
        "How many searches a day?",
        "How fast does a new trending query need to show up?",
    ]
    session = run(catalog, "search-autocomplete", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert reply.startswith("A query that suddenly trends"), reply
    coverage = session.report(catalog)["rubric_coverage"]
    assert coverage["freshness"] == 1.0, coverage
    assert coverage["latency-budget"] == 0.0, coverage  # not credited by this question

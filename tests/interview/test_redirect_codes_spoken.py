"""A URL-shortener session typed by hand with the terse persona.

"I use 302 because we want click counts; 301 would be cached by browsers" drew "How did you
get 302 because?": the redirect code was read as a count, compared with the reads per link
(100) and challenged as too high, quoting the code and the word after it. A bare 301 or 302
is a status code; "302 ms" is still a figure.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in


def test_a_redirect_code_named_bare_is_not_challenged(catalog: Catalog) -> None:
    lines = [
        "/next",
        "API: POST /links returns the code; GET /{code} returns a 302 to the long URL.",
        "I use 302 because we want click counts; 301 would be cached by browsers and we'd lose"
        " them.",
    ]
    session = run(catalog, "url-shortener", "terse", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "302" not in reply and "How did you get" not in reply, reply


def test_a_redirect_code_is_no_quantity_but_a_latency_is() -> None:
    assert quantities_in("I use 302 because we want click counts.", ()) == []
    assert quantities_in("301 would be cached by browsers.", ()) == []
    [latency] = quantities_in("The p99 redirect takes 302 ms.", ())
    assert latency.text.startswith("302")

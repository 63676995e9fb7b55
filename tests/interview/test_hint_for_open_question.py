"""A typeahead session typed by hand with the friendly persona.

In the deep dive the interviewer asked "The suggestion API times out. What does the user see,
and can they still search?" and the candidate typed /hint. The hint was about debouncing
("When exactly do you send a request as the user types ..."): the open question's item is
filed under another phase of the rubric, so the hint went to the phase's own gap. The hint
now helps with the question on the table.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.policy import Move


def test_a_hint_helps_with_the_question_just_asked(catalog: Catalog) -> None:
    session = run(catalog, "typeahead-ui", "friendly", ["/next", "/next"])
    interview = session.interview
    item = next(i for _, i in interview.problem.rubric.items() if i.id == "error-states")
    assert item.probe and item.hint
    interview._ask(Move("probe", item.probe, item.id))
    [hint] = interview.handle("/hint")
    assert "quietly disappear" in hint, hint


def test_what_the_client_shows_when_its_back_end_fails_is_a_response(catalog: Catalog) -> None:
    # "we keep showing the last good suggestions ... we stop calling for 30 seconds" was no
    # failure response, so the next probe asked what the user sees when the API times out.
    line = (
        "If the API fails, we keep showing the last good suggestions and log the error; after"
        " 3 failures in a row we stop calling for 30 seconds."
    )
    session = run(catalog, "typeahead-ui", "friendly", ["/next", "/next", line])
    assert session.interview.state.covered("error-states")

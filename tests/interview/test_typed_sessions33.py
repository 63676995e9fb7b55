"""A figure said against one the interviewer gave, in a job-portal session (round 33).

The interviewer said "Applications are kept for three years, then deleted"; the candidate
said "Applications are kept for a year, so storage is small." and the interviewer went on
to the next probe, and the report said nothing: "a year" was not read as a number at all
(only "a million" was read in words). Said as "1 year", the interviewer's check quoted the
first sentence of the fact with a digit in it ("Just to check: I said that postings expire
after 30 days unless renewed. Where does 1 year come from?"), another figure; said far off
("two months"), the number named no figure and went unchecked. The report listed none of
them.
"""

from __future__ import annotations

import pytest
from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.practice.models import SessionReport
from tradeoff.practice.report_text import render

_ASKED = "How long are applications kept?"


@pytest.mark.parametrize(
    ("said", "quoted"),
    [("Applications are kept for a year, so storage is small.", "a year"),
     ("Applications are kept for 1 year.", "1 year"),
     ("Applications are kept for two months.", "two months")],
)  # fmt: skip
def test_a_figure_said_against_the_one_given_is_asked_about_and_reported(
    catalog: Catalog, said: str, quoted: str
) -> None:
    session = run(catalog, "job-portal", "neutral", [_ASKED, said])
    reply = " ".join(session.exchanges[-1].replies)
    given = "Earlier I said applications are kept for three years"
    assert f"{given}; you said {quoted}. Which one are you designing for?" in reply, reply
    lines = render(SessionReport.load(session.report(catalog)))
    assert (
        f'you said "{quoted}" at 0:00; the interviewer had said "Applications are kept for'
        ' three years"' in "\n".join(lines)
    )


def test_another_things_period_is_not_compared(catalog: Catalog) -> None:
    """Postings expire after 30 days; "Postings are kept for a year" says nothing of how
    long applications are kept, though the number is of the same kind."""
    session = run(catalog, "job-portal", "neutral", [_ASKED, "Postings are kept for a year."])
    reply = " ".join(session.exchanges[-1].replies)
    assert "three years" not in reply, reply
    assert not session.report(catalog)["conversation"].get("given_contradicted")


def test_a_figure_said_as_given_is_not_a_contradiction(catalog: Catalog) -> None:
    lines = [_ASKED, "Applications are kept for three years, so about 11 TB in total."]
    session = run(catalog, "job-portal", "neutral", lines)
    assert not session.report(catalog)["conversation"].get("given_contradicted")

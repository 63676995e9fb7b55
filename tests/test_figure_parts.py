"""A capacity item that asks for two figures is met by both, not by either.

"Sizes the queue writes (about 900 a second) and the archive (about 40 TB over 5 years)"
asks for a rate and a total kept over years; "about 4 GB a day" is how fast the archive
grows, neither figure, and the size of each of a counted set of rows ("4 rows of about
250 bytes") is one row's, no size of the system.
"""

from __future__ import annotations

from tradeoff.catalog import default_catalog
from tradeoff.language import read_text
from tradeoff.review.substance import (
    _system_kinds,
    figure_parts,
    states_kind_named,
    unstated_parts,
)

_ITEM = (
    "Estimates queue writes (about 900 a second at peak) and archive (about 40 TB over 5 years)."
)


def _claims(text: str):  # type: ignore[no-untyped-def]
    return read_text(text, default_catalog().vocabulary.concepts.values())


def test_an_item_naming_a_rate_and_a_total_has_two_parts() -> None:
    assert figure_parts(_ITEM) == (
        "queue writes (about 900 a second at peak)",
        "archive (about 40 TB over 5 years)",
    )


def test_one_working_is_one_part() -> None:
    # its figures are the steps of one derivation, not separate asks
    assert figure_parts("20 workers at 50 jobs/s each is 1,000 jobs/s, about 3 TB a year.") == ()
    assert figure_parts("Estimates about 900 writes/s and 2,000 reads/s.") == ()  # one kind


def test_the_size_of_each_of_a_counted_set_is_no_system_size() -> None:
    assert (0, 1) not in _system_kinds("every order adds 4 rows of about 250 bytes")
    assert (0, 1) in _system_kinds("the archive holds about 40 TB")


def test_a_daily_growth_is_no_total_kept_over_years() -> None:
    [claim] = _claims("every order adds 4 rows of about 250 bytes, so roughly 4 GB a day.")
    assert not states_kind_named(_ITEM, claim)
    assert not states_kind_named("about 40 TB over 5 years", claim)
    # an item with no span still takes the growth as the size it asks for
    assert states_kind_named("Estimates archive storage (about 4 TB).", claim)


def test_a_line_giving_one_part_leaves_the_other_to_say() -> None:
    claims = _claims("At peak that is about 900 queue writes a second.")
    assert unstated_parts(_ITEM, claims) == ("archive (about 40 TB over 5 years)",)
    both = _claims(
        "At peak that is about 900 queue writes a second. Over 5 years the archive holds"
        " about 40 TB."
    )
    assert unstated_parts(_ITEM, both) == ()

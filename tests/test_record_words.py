""" "Record" and "row" name a stored record; they describe the data model only when the line
lays the record out (issue 9: "Total per record: ~1 KB" and "the database row would
otherwise take every read" were credited as a data model). Written in our own words."""

from __future__ import annotations

from functools import cache

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import Claim, read_text
from tradeoff.review.substance import specified_concepts


@cache
def catalog() -> Catalog:
    return default_catalog()


def claims(text: str) -> list[Claim]:
    return read_text(text, catalog().vocabulary.concepts.values())


@pytest.mark.parametrize(
    "text",
    [
        "Each stored paste record is about 2 KB on average.",
        "Over five years that is 40 billion records in total.",
        "Popular songs are cached, because the database row would otherwise take every play.",
        "Writing straight to MySQL means 30k single-row updates a second.",
    ],
)
def test_a_record_sized_counted_or_pointed_at_is_no_data_model(text: str) -> None:
    (claim,) = claims(text)
    assert "data-model" not in specified_concepts(claim)


@pytest.mark.parametrize(
    "text",
    [
        "Record size: Paste ID (8 bytes) + Body (up to 10 KB) + ExpiresAt (8 bytes) ≈ 10 KB.",
        "A ride record (ride_id, rider_id, driver_id, fare) takes about 200 bytes.",
        "Each row maps `song_id` -> its play count, about 50 bytes.",
        "The `songs` table holds about 100 million rows.",
    ],
)
def test_a_record_laid_out_is_a_data_model(text: str) -> None:
    (claim,) = claims(text)
    assert "data-model" in specified_concepts(claim)


def test_the_fields_under_a_record_layout_heading_describe_the_model() -> None:
    text = (
        "## Storage\n\n**Ticket Record Layout (~300 B):**\n\n- Ticket id and event id\n"
        "- Seat number, price and status\n"
    )
    fields = [c for c in claims(text) if c.text.startswith(("Ticket id", "Seat"))]
    assert fields and all("data-model" in specified_concepts(c) for c in fields)


def test_a_record_whose_fields_are_said_in_prose_is_a_data_model() -> None:
    (claim,) = claims("Each invoice row holds the customer id, amount and due date, ~90 B.")
    assert "data-model" in specified_concepts(claim)


def test_a_line_under_a_data_model_heading_must_lay_the_record_out() -> None:
    """The heading names a data model; a line under it specifies one only when it lays a
    record out (fields, keys, types) or says where it is kept. A table of figures and a
    line of praise under "Data Model & Workload" stand under the heading and say neither."""
    text = (
        "## Data Model & Workload\n\n"
        "| Item | Value | Rationale |\n|---|---|---|\n"
        "| Total songs (`S`) | 50 000 000 | A large catalogue. |\n"
        "| Plays per song (`P_s`) | 400 | Typical long tail. |\n"
        "| Play event (song_id, user_id, ts) | 40 B | Packed binary. |\n\n"
        "- Simple to operate.\n"
        "- Plays are appended to Cassandra, keyed by song id.\n"
        "- Playlist id, owner and title\n"
    )
    found = {c.line: "data-model" in specified_concepts(c) for c in claims(text)}
    assert found[5] is False and found[6] is False  # figures named by a formula's symbols
    assert found[9] is False  # praise of the model, nothing laid out
    assert found[7] is True  # the fields of a play event
    assert found[10] is True  # where the record lives and its key
    assert found[11] is True  # the fields, listed

"""A sentence of a paragraph that wraps over lines is placed on, and quoted from, the line
where its first word is: a transcript's turns ("Candidate: ...") are one paragraph, and a
report that quotes the turn before the one meant puts words in the candidate's mouth."""

from __future__ import annotations

from tradeoff.catalog import Catalog
from tradeoff.language import read_text
from tradeoff.review.substance import ladder


def test_each_turn_of_a_paragraph_is_quoted_from_its_own_line(catalog: Catalog) -> None:
    text = (
        "Candidate: How many requests a second?\n"
        "Candidate: What latency can it add?\n"
        "Candidate: Requirements: the gateway checks each request."
    )
    claims = read_text(text, tuple(catalog.vocabulary.concepts.values()))
    assert [(c.line, c.quote) for c in claims] == [
        (1, "How many requests a second?"),
        (2, "What latency can it add?"),
        (3, "Requirements: the gateway checks each request."),
    ]
    assert claims[2].headings == ("Requirements",)


def test_a_label_heads_prose_but_not_a_list_item(catalog: Catalog) -> None:
    concepts = tuple(catalog.vocabulary.concepts.values())
    (prose,) = read_text("Out of scope: ads and search.", concepts)
    assert prose.headings == ("Out of scope",)
    (item,) = read_text("- Writes: 100M links a month is 40 writes/s.", concepts)
    assert item.headings == ()


def test_a_bold_paragraph_heads_the_list_under_it(catalog: Catalog) -> None:
    concepts = tuple(catalog.vocabulary.concepts.values())
    claims = read_text("## Requirements\n\n**Out of scope**\n- Live streaming\n- Ads\n", concepts)
    items = [(c.text, c.headings) for c in claims if c.line > 3]
    assert items == [(t, ("Requirements", "Out of scope")) for t in ("Live streaming", "Ads")]


_OUTLINED = """What follows covers:

1. **Goals** (latency, durability)
2. **Storage layout** - where the bytes go
3. **Failure handling**

## 1. Goals

- Reads answer within 50 ms at p99.

## 2. Storage layout

- Each blob is kept on 3 disks in 3 zones.

## 3. Failure handling

- A lost disk is rebuilt from the other two copies.
"""


def test_a_list_of_the_documents_own_sections_claims_nothing(catalog: Catalog) -> None:
    claims = read_text(_OUTLINED, catalog.vocabulary.concepts.values())
    assert not [c for c in claims if c.line in (3, 4, 5)]
    assert {c.line for c in claims} >= {9, 13, 17}


def test_a_list_of_components_with_what_they_do_is_read(catalog: Catalog) -> None:
    text = _OUTLINED.replace(
        "1. **Goals** (latency, durability)", "1. **Goals**: reads within 50 ms; blobs kept thrice."
    )
    claims = read_text(text, catalog.vocabulary.concepts.values())
    assert any(c.line == 3 for c in claims)


def test_a_signature_over_several_lines_of_code_is_read_whole(catalog: Catalog) -> None:
    # the parameters of a call listed one a line, and the result after the closing
    # parenthesis, are one signature: an endpoint of the API, as it is on one line
    text = (
        "## API\n\n```text\nReserveSeats(\n  show_id,\n  seat_ids\n) -> {\n  hold_id\n}\n"
        "ReleaseHold(\n  hold_id\n)\n```\n"
    )
    claims = read_text(text, tuple(catalog.vocabulary.concepts.values()))
    opened = next(c for c in claims if c.quote == "ReserveSeats(")
    assert opened.text == "ReserveSeats(...) -> {"
    assert next(c for c in claims if c.quote == "ReleaseHold(").text == "ReleaseHold("
    endpoints = next(r for r in ladder("api_data", claims) if r.name == "endpoints defined")
    assert endpoints.needs.startswith("1 of the 3")

"""API105's fix is worded for the store the design names.

A distributed-cache design whose only store is a Redis cluster was told to "sketch the main
tables or documents": it has neither, and its data model is what each key holds.
"""

from __future__ import annotations

from tradeoff.catalog import Catalog
from tradeoff.design import parse_design
from tradeoff.review.engine import review_design

_CACHE = """# Cache

## Design
- A Redis cluster of 32 primaries, keys placed by consistent hashing.
- get(key), set(key, value, ttl), delete(key).
"""


def _fix(text: str, catalog: Catalog) -> str:
    review = review_design(parse_design(text, "d.md"), catalog, "distributed-cache")
    return next(f.fix for f in review.findings if f.rule == "API105")


def test_a_key_value_store_is_told_about_keys_and_values(catalog: Catalog) -> None:
    fix = _fix(_CACHE, catalog)
    assert "key" in fix and "table" not in fix and "document" not in fix


def test_a_relational_store_is_told_about_tables(catalog: Catalog) -> None:
    fix = _fix(_CACHE + "- Misses read from PostgreSQL.\n", catalog)
    assert "tables" in fix and "documents" not in fix


def test_a_cache_alone_names_no_store(catalog: Catalog) -> None:
    text = "# Search\n\n## Design\n- Results are cached for a minute at the edge.\n"
    review = review_design(parse_design(text, "d.md"), catalog, "search-autocomplete")
    fixes = [f.fix for f in review.findings if f.rule == "API105"]
    assert fixes == ["Sketch the main tables or documents with their key fields and the primary"
                     " access path."]  # fmt: skip


def test_records_listed_with_their_fields_are_a_data_model(catalog: Catalog) -> None:
    # Two records, each a bold label over its fields: a data model with keys, so neither
    # "no data model" (API105) nor "names no keys" (API106) may be said of it.
    text = (
        "# Tickets\n\n## Storage\n"
        "- **Ticket Record**: ticket ID, show time, seat, price, buyer email.\n"
        "- **Venue Metadata**: unique venue name, city, capacity, owner.\n"
    )
    review = review_design(parse_design(text, "d.md"), catalog, "object-storage")
    assert not {"API105", "API106"} & {f.rule for f in review.findings}

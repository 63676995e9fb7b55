"""Which stores the prose chooses as the design's own (review.stated_stores)."""

from __future__ import annotations

from tradeoff.catalog import default_catalog
from tradeoff.design import parse_design
from tradeoff.review import review_design
from tradeoff.review.stated_stores import stated_stores


def _products(*lines: str) -> list[str]:
    return [s.product for s in stated_stores(list(enumerate(lines, start=1)))]


def test_a_store_the_sentence_puts_data_in_is_chosen() -> None:
    assert _products("Orders are persisted to MySQL on every checkout.") == ["MySQL"]


def test_a_product_that_holds_the_data_is_chosen() -> None:
    assert _products("A Redis instance holds every leaderboard.") == ["Redis"]


def test_a_product_offered_beside_another_is_not_chosen() -> None:
    assert _products("Carts could be stored in Redis or in MongoDB.") == []


def test_a_product_put_out_of_scope_is_not_chosen() -> None:
    assert _products("Out of scope: invoices, which are stored in PostgreSQL.") == []


def test_a_store_kept_per_instance_is_not_chosen() -> None:
    assert _products("Each pod keeps hot keys in a per-pod Redis.") == []


def test_a_cache_in_front_of_the_store_is_not_chosen() -> None:
    assert _products("Rendered pages are cached in Redis for ten minutes.") == []


def test_a_denied_store_is_not_chosen() -> None:
    assert _products("Counters cannot be written to Postgres directly.") == []


def test_a_technology_column_names_each_component_store() -> None:
    table = (
        "| Component | Role | Tech choice |",
        "|---|---|---|",
        "| Profile service | user settings | MySQL (strong consistency) |",
        "| Feed store | timelines | Cassandra / HBase |",
    )
    assert _products(*table) == ["MySQL"]


def test_each_product_is_reported_at_its_first_line() -> None:
    found = stated_stores(
        [(3, "Bookings are stored in PostgreSQL."), (9, "Refunds are written to PostgreSQL.")]
    )
    assert [(s.product, s.line) for s in found] == [("PostgreSQL", 3)]


_DRAWN_ONCE = """# Ticket checkout

About 8,000 checkouts per second during an on-sale.

```mermaid
flowchart LR
  U[Browser] --> LB[Load balancer]
  LB --> API[Checkout API x 6]
  API --> DB[(Orders DB)]
```

Orders and seat holds are stored in MySQL, written by the checkout API.
"""


def test_a_store_drawn_under_its_role_is_reported_once_by_the_graph() -> None:
    """The prose's "MySQL" is the drawn "Orders DB": one single point, one finding."""
    review = review_design(parse_design(_DRAWN_ONCE, "checkout.md"), default_catalog(), None)
    cited = [f.evidence.line for f in review.findings if f.rule == "CMP103"]
    assert cited == [9]


def test_a_table_weighing_options_chooses_none() -> None:
    table = (
        "| Layer | Option A | Option B |",
        "|---|---|---|",
        "| Database | PostgreSQL | Cassandra |",
    )
    assert _products(*table) == []


def test_a_store_evaluated_and_turned_down_is_not_chosen() -> None:
    assert _products("We evaluated keeping carts in MongoDB but chose Cassandra.") == []


def test_a_product_described_against_another_is_not_chosen() -> None:
    assert _products("Unlike Memcached, Redis keeps its values on the server as lists.") == []

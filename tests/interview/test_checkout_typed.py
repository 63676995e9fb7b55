"""A typed session of issue 10 on e-commerce checkout (neutral), read line by line.

- "At 2 million orders a day that's about 23 orders a second, and a flash sale might be 50
  times that, so roughly 1,200 a second." drew "Earlier I said on a normal day about 2
  million orders are placed; you said 50. Which one are you designing for?": a multiplier
  read as a count of orders, then listed as a disagreement and as the input the order rate
  was worked from.
- "The weak spot is the hot row for a flash-sale SKU; I'd split its stock into 10 buckets."
  drew "If the bucket goes down at peak, what happens to the requests that need it?": the
  parts of a stock counter read as object storage.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "How many orders a day and what happens at a flash sale?"
_RATE = (
    "At 2 million orders a day that's about 23 orders a second, and a flash sale might be 50"
    " times that, so roughly 1,200 a second."
)


def test_a_multiplier_is_no_count_of_orders(catalog: Catalog) -> None:
    session = run(catalog, "e-commerce-checkout", "neutral", [_ASK, "/next", _RATE, "/end"])
    reply = " ".join(session.exchanges[-2].replies)
    assert "you said 50" not in reply, reply
    talk = session.report(catalog)["conversation"]
    assert talk["given_contradicted"] == [], talk["given_contradicted"]


def test_stock_split_into_buckets_is_no_storage_to_go_down(catalog: Catalog) -> None:
    line = "The weak spot is the hot row for a flash-sale SKU; I'd split its stock into 10 buckets."
    session = run(catalog, "e-commerce-checkout", "neutral", [_ASK, "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "bucket goes down" not in reply, reply

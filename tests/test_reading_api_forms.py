"""An API written in a schema's own form is defined; a statement in a function body is not.

A GraphQL schema (`type Query { ... }`, fields with typed arguments, `mutation Name(...)`)
names the operations callers have, as `GET /links/{code}` does; the reviewer read none of
it. And `return Feed(items=merged, cursor=self.get_cursor(merged))` inside a method was
read as an RPC written out ("a call with what it returns").
"""

from __future__ import annotations

from functools import cache

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import Claim, read_text
from tradeoff.review.substance import specifies


@cache
def catalog() -> Catalog:
    return default_catalog()


def claims(text: str) -> list[Claim]:
    return read_text(text, catalog().vocabulary.concepts.values())


_SCHEMA = """## API

```graphql
type Query {
  order(id: ID!): Order
}

type Mutation {
  placeOrder(cartId: ID!, couponCode: String): Order!
}
```

```graphql
mutation Checkout($cart: ID!) {
  placeOrder(cartId: $cart) { id }
}
```
"""


def test_a_graphql_schema_defines_the_api() -> None:
    read = {c.text.strip(): specifies(c, "rpc-api") for c in claims(_SCHEMA)}
    assert read["type Query {"]
    assert read["order(id: ID!): Order"]
    assert read["placeOrder(cartId: ID!, couponCode: String): Order!"]
    assert read["mutation Checkout($cart: ID!) {"]


def test_a_type_of_data_is_no_operation() -> None:
    text = "## Model\n\n```graphql\ntype Order {\n  id: ID!\n  total: Int!\n}\n```\n"
    assert not any(specifies(c, "rpc-api") for c in claims(text))


def test_a_return_statement_is_no_rpc() -> None:
    text = (
        "## Service\n\n```python\n"
        "    return Feed(items=merged, cursor=self.get_cursor(merged))\n"
        "```\n"
    )
    assert not any(specifies(c, "rpc-api") for c in claims(text))


def test_calls_written_with_what_they_return_are_still_an_rpc_api() -> None:
    text = "## API\n\n- `get(key)` returns the value, `put(key, value)` stores it.\n"
    assert any(specifies(c, "rpc-api") for c in claims(text))

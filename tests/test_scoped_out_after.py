"""A thing put out of scope after it is named is not specified (issue 9).

"Dedup keys optional (e.g., a client request id) - out of scope for v1" in a failure
table's mitigation said idempotency was left out, yet the row's failure-and-response
evidence made it read as idempotency specified, a second kind of API contract on the
ladder for an answer that declines it.
"""

from __future__ import annotations

from functools import cache

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import read_text
from tradeoff.review.substance import specified_concepts


@cache
def _catalog() -> Catalog:
    return default_catalog()


def _specified(text: str) -> set[str]:
    claims = read_text(text, tuple(_catalog().vocabulary.concepts.values()))
    return {concept for claim in claims for concept in specified_concepts(claim)}


_TABLE = """# Limiter

## Failures

| Failure | Impact | Mitigation |
|---|---|---|
| Retried request | counted twice | {mitigation} |
"""


def test_an_idempotency_key_put_out_of_scope_is_not_specified() -> None:
    text = _TABLE.format(
        mitigation="Idempotency keys optional (e.g., a client request id) - out of scope for v1"
    )
    assert "idempotency" not in _specified(text)


def test_an_idempotency_key_kept_is_specified() -> None:
    text = _TABLE.format(mitigation="Idempotency keys (a client request id) kept for 10 min")
    assert "idempotency" in _specified(text)

"""The API ladder's "errors, pagination, idempotency" step counts kinds, not lines (issue 9).

The step asks for two of errors, pagination, idempotency, versioning and rate limits. It
counted claims with different concepts, so one status code restated (a 404 in the API
section, again in the read path, again on a sequence diagram's arrow) reached it, and a
longer answer reached it by saying the same thing more often.
"""

from __future__ import annotations

from functools import cache

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import read_text
from tradeoff.review.substance import ladder

_ONE_KIND_RESTATED = """# Pastebin

## API

- `GET /p/{id}` returns the paste, or HTTP 404 when the id is unknown.

## Read path

The paste service looks the id up in the metadata store and returns HTTP 404 if it expired.

```mermaid
sequenceDiagram
    Service->>Client: 404 Not Found
```
"""

_TWO_KINDS = """# Pastebin

## API

- `GET /p/{id}` returns the paste, or HTTP 404 when the id is unknown.
- `GET /users/{id}/pastes?cursor=abc&limit=20` lists pastes with cursor pagination.
"""


@cache
def _catalog() -> Catalog:
    return default_catalog()


def _reached(text: str) -> float:
    claims = read_text(text, tuple(_catalog().vocabulary.concepts.values()))
    rungs = {r.name: r for r in ladder("api_data", claims)}
    return rungs["errors, pagination, idempotency"].reached


def test_one_status_code_said_three_times_is_one_kind() -> None:
    assert _reached(_ONE_KIND_RESTATED) == 0.5


def test_errors_and_pagination_are_two_kinds() -> None:
    assert _reached(_TWO_KINDS) == 1.0


def test_a_kubernetes_manifest_versions_no_api() -> None:
    """`apiVersion: batch/v1` names the orchestrator's schema; the design's API is as
    unversioned as before it."""
    manifest = "\n```yaml\napiVersion: batch/v1\nkind: CronJob\n```\n"
    assert _reached(_ONE_KIND_RESTATED + manifest) == 0.5

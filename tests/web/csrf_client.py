"""Test clients that send the CSRF token, as the app's pages (and htmx) do."""

from __future__ import annotations

from typing import TypeVar

import httpx
from fastapi.testclient import TestClient

Client = TypeVar("Client", TestClient, httpx.Client)


def armed(client: Client) -> Client:
    """`client` with this browser's CSRF token on every request (its cookie jar keeps the
    nonce cookie the token is tied to)."""
    token = client.get("/api/session").json()["csrf_token"]
    client.headers["X-CSRF-Token"] = token
    return client

"""The JSON API: problems, reviews, errors as JSON, and the OpenAPI schema."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web_samples import DESIGN, WRONG_LINE

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.design.load import parse_design
from tradeoff.review.engine import review_design


def test_problems_match_the_catalog_with_filters(client: TestClient, catalog: Catalog) -> None:
    everything = client.get("/api/problems").json()
    assert {p["id"] for p in everything} == set(catalog.problems)
    api_only = client.get("/api/problems", params={"type": "api"}).json()
    assert api_only and {p["type"] for p in api_only} == {"api"}
    assert {p["id"] for p in api_only} == {p.id for p in catalog.select(interview_type="api")}


def test_bad_filter_is_json_400(client: TestClient) -> None:
    response = client.get("/api/problems", params={"difficulty": "brutal"})
    assert response.status_code == 400
    assert "no difficulty" in response.json()["detail"]


def test_problem_keeps_hidden_facts_hidden(client: TestClient, catalog: Catalog) -> None:
    body = client.get("/api/problems/url-shortener").json()
    problem = catalog.problems["url-shortener"]
    assert body["prompt"] == problem.prompt
    assert set(body["ask_about"]) == {f.category for f in problem.facts}
    assert all(f.text not in str(body) for f in problem.facts)


@pytest.mark.parametrize("session_id", ["%C2%B3", "%D9%A3", "12%C2%B3"])
def test_a_session_id_of_non_ascii_digits_is_a_4xx_not_a_500(
    client: TestClient, session_id: str
) -> None:
    """ "³" and "٣" pass str.isdigit() but not int(): found by schemathesis."""
    for path in (f"/api/sessions/{session_id}", f"/api/sessions/{session_id}/comments"):
        response = client.get(path)
        assert response.status_code == 422, (path, response.status_code)


def test_unknown_problem_is_json_404(client: TestClient) -> None:
    response = client.get("/api/problems/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "no problem 'nope'" in response.json()["detail"]


def test_review_returns_the_review_contract(client: TestClient) -> None:
    # The app reviews with default_catalog(), as the CLI does; compare with the same catalog.
    catalog = default_catalog()
    response = client.post(
        "/api/reviews", json={"text": DESIGN, "problem": "url-shortener", "level": "staff"}
    )
    assert response.status_code == 200
    body = response.json()
    expected = review_design(parse_design(DESIGN), catalog, "url-shortener", "staff").to_json()
    for key, value in expected.items():
        assert body[key] == value, key
    assert body["verdicts"]["staff"] == body["verdict"]
    for level in ("mid", "senior"):
        alone = review_design(parse_design(DESIGN), catalog, "url-shortener", level)
        assert body["verdicts"][level] == alone.verdict
    assert WRONG_LINE in {f["evidence"]["line"] for f in body["findings"]}


def test_review_reports_unread_mermaid(client: TestClient) -> None:
    broken = DESIGN.replace("app --> db[(Postgres)]", "app --> -->> ((")
    body = client.post("/api/reviews", json={"text": broken}).json()
    assert [u["line"] for u in body["unread"]] == [15]


def test_review_bad_input(client: TestClient) -> None:
    assert client.post("/api/reviews", json={}).status_code == 422
    assert client.post("/api/reviews", json={"text": DESIGN, "level": "cto"}).status_code == 422
    assert client.post("/api/reviews", json={"text": "  \n "}).status_code == 400
    response = client.post("/api/reviews", json={"text": "z" * (3 * 1_048_576)})
    assert response.status_code == 413
    assert "the limit is 2 MB" in response.json()["detail"]


def test_openapi_schema_describes_the_api(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/problems",
        "/api/problems/{problem_id}",
        "/api/reviews",
        "/api/session",
        "/api/sessions",
        "/api/sessions/{session_id}",
        "/api/sessions/{session_id}/comments",
        "/api/cards/due",
    }
    review = schema["paths"]["/api/reviews"]["post"]
    assert {"200", "413", "422"} <= set(review["responses"])
    assert client.get("/api/docs").status_code == 200

"""The HTML pages: library filters, problem page, review scorecard, progress, error pages."""

from __future__ import annotations

import html
import re

from csrf_client import armed
from fastapi.testclient import TestClient
from web_samples import DESIGN, WRONG_LINE

from tradeoff.catalog import Catalog
from tradeoff.web import create_app


def _problem_links(page: str) -> set[str]:
    return set(re.findall(r'href="/problems/([a-z0-9-]+)"', page))


def test_root_redirects_to_the_library(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/problems"


def test_library_lists_every_problem(client: TestClient, catalog: Catalog) -> None:
    response = client.get("/problems")
    assert response.status_code == 200
    assert _problem_links(response.text) == set(catalog.problems)


def test_library_filters_match_the_catalog(client: TestClient, catalog: Catalog) -> None:
    for query in (
        {"type": "api"},
        {"topic": "caching"},
        {"difficulty": "hard"},
        {"type": "product", "difficulty": "medium"},
    ):
        response = client.get("/problems", params=query)
        assert response.status_code == 200
        expected = {
            p.id
            for p in catalog.select(
                interview_type=query.get("type"),  # type: ignore[arg-type]
                topic=query.get("topic"),
                difficulty=query.get("difficulty"),  # type: ignore[arg-type]
            )
        }
        assert expected, query
        assert _problem_links(response.text) == expected, query


def test_library_refuses_unknown_filter_values(client: TestClient) -> None:
    response = client.get("/problems", params={"type": "quantum"})
    assert response.status_code == 400
    assert "no interview type" in response.text
    response = client.get("/problems", params={"topic": "cachng"})
    assert response.status_code == 400
    assert "did you mean" in html.unescape(response.text)


def test_problem_page_shows_the_prompt_not_the_facts(client: TestClient, catalog: Catalog) -> None:
    problem = catalog.problems["url-shortener"]
    page = html.unescape(client.get("/problems/url-shortener").text)
    assert problem.prompt in page
    assert all(fact.text not in page for fact in problem.facts)
    assert 'action="/practice"' in page


def test_unknown_problem_and_page_are_404_pages(client: TestClient) -> None:
    response = client.get("/problems/url-shortner")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "url-shortener" in html.unescape(response.text)  # the nearest id is suggested
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Not found" in response.text


def test_ids_that_only_look_like_numbers_are_4xx_pages(client: TestClient) -> None:
    # "³".isdigit() is true and int("³") raises: such an id was a 500 (schemathesis found it).
    for path in ("/sessions/³", "/sessions/٣", "/sessions/" + "9" * 40, "/practice/³"):
        response = client.get(path)
        assert 400 <= response.status_code < 500, (path, response.status_code)
    response = client.get("/practice/1/stream", headers={"Last-Event-ID": "³".encode("latin-1")})
    assert 400 <= response.status_code < 500
    started = client.post(
        "/practice",
        data={"problem": "url-shortener", "minutes": "³", "persona": "neutral"},
        follow_redirects=False,
    )
    assert started.status_code < 500


def test_review_form_lists_prompts_and_levels(client: TestClient) -> None:
    page = client.get("/review", params={"problem": "url-shortener"}).text
    assert '<option value="url-shortener" selected>' in page
    assert "staff" in page


def _finding_lines(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="line-link" href="#L(\d+)"', page)]


def _line_text(page: str, number: int) -> str:
    match = re.search(rf'<li id="L{number}"[^>]*>(.*?)</li>', page, re.S)
    assert match, number
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_pasted_design_gets_a_scorecard_with_findings_linked_to_lines(
    client: TestClient,
) -> None:
    response = client.post(
        "/review", data={"text": DESIGN, "problem": "url-shortener", "level": "senior"}
    )
    assert response.status_code == 200
    page = response.text
    assert 'id="scorecard"' in page
    for level in ("mid", "senior", "staff"):
        assert f"<span>{level}</span>" in page  # a verdict per level
    assert page.count('class="track"') == 7  # a bar per dimension
    lines = _finding_lines(page)
    assert WRONG_LINE in lines
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", page, re.S)
    assert quotes
    for number, quote in zip(lines, quotes, strict=False):
        assert html.unescape(quote).strip() in _line_text(page, number)
    assert '<pre class="mermaid">' in page


def test_uploaded_design_is_reviewed_like_pasted_text(client: TestClient) -> None:
    pasted = client.post("/review", data={"text": DESIGN, "problem": "url-shortener"})
    uploaded = client.post(
        "/review",
        data={"problem": "url-shortener"},
        files={"file": ("answer.md", DESIGN.encode(), "text/markdown")},
    )
    assert uploaded.status_code == 200
    assert _finding_lines(uploaded.text) == _finding_lines(pasted.text)


def test_malformed_mermaid_says_what_could_not_be_read(client: TestClient) -> None:
    broken = DESIGN.replace("app --> db[(Postgres)]", "app --> -->> ((")
    page = html.unescape(client.post("/review", data={"text": broken}).text)
    assert "Could not be read" in page
    assert "line 15" in page
    assert "app --> -->> ((" in page


def test_bad_review_input_is_400(client: TestClient) -> None:
    assert client.post("/review", data={"text": "   "}).status_code == 400
    binary = client.post("/review", files={"file": ("x.md", b"\x00\x01binary", "text/plain")})
    assert binary.status_code == 400
    assert "binary" in binary.text
    level = client.post("/review", data={"text": DESIGN, "level": "principal"})
    assert level.status_code == 400


def test_oversized_design_is_413_with_the_limit(db_url: str) -> None:
    client = armed(TestClient(create_app(db_url, max_design_bytes=1_048_576)))
    # Over the request limit: refused from Content-Length, before the body is read.
    response = client.post("/review", data={"text": "x" * 2_000_000})
    assert response.status_code == 413
    assert "the limit is 1 MB" in response.text
    # Over the design limit but inside the request's slack: refused by the size check.
    response = client.post("/review", files={"file": ("a.md", b"y" * 1_050_000, "text/plain")})
    assert response.status_code == 413
    assert "the limit is 1 MB" in response.text


def test_progress_page_with_no_sessions(client: TestClient) -> None:
    response = client.get("/progress")
    assert response.status_code == 200
    assert "No finished sessions" in response.text
    assert client.get("/progress", params={"since": "soon"}).status_code == 400

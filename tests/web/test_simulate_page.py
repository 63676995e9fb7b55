"""The simulate page: the form, a run's bottleneck, table and SVG timelines, and bad input."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from tradeoff.services.simulate import MAX_REQUESTS

# Written for these tests: the API (2 instances at 4 ms each) tops out at 2 / 0.004 = 500
# requests/s, far below the cache and the database, so it is the first bottleneck.
DESIGN = """# Link lookups

```mermaid
flowchart LR
  U[Phone client] --> API[API x2 @ 4ms]
  API --> C[(Redis hit=80%)]
  API --> DB[(Postgres @ 2ms w=8)]
```
"""
API_LINE = DESIGN.splitlines().index("  U[Phone client] --> API[API x2 @ 4ms]") + 1


def _message(page: str) -> str:
    found = re.search(r'<p class="message">(.*?)</p>', page, re.S)
    assert found is not None, page[:500]
    return html.unescape(found.group(1))


def test_the_page_renders_and_the_navigation_links_to_it(client: TestClient) -> None:
    page = client.get("/simulate")
    assert page.status_code == 200
    for field in ("text", "file", "problem", "qps", "peak", "fail", "duration", "seed"):
        assert f'name="{field}"' in page.text, field
    assert 'href="/simulate"' in client.get("/problems").text


def test_a_run_names_the_bottleneck_at_its_line_and_draws_the_timelines(
    client: TestClient,
) -> None:
    fields = {"text": DESIGN, "qps": "300", "fail": "API@2s+1s", "duration": "4s", "seed": "3"}
    response = client.post("/simulate", data=fields)
    assert response.status_code == 200, response.text[:500]
    page = html.unescape(response.text)
    assert f"First bottleneck: API</strong> (line {API_LINE})" in page
    assert "saturates at 500 requests/s" in page
    assert "U[Phone client] --> API[API x2 @ 4ms]" in page  # the cited line, quoted
    rows = re.findall(r"<tr>\s*<td>([^<]+)</td>", page)
    assert [r.rstrip("*") for r in rows] == ["API", "Redis", "Postgres"]
    assert "kill API at 2s until 3s" in page
    chart = re.search(r'<div class="chart">\s*(<svg\b.*?</svg>)', response.text, re.S)
    assert chart is not None and "<path" in chart.group(1)


def test_an_upload_is_simulated_like_pasted_text(client: TestClient) -> None:
    response = client.post(
        "/simulate",
        data={"qps": "200", "duration": "2s"},
        files={"file": ("links.md", DESIGN.encode(), "text/markdown")},
    )
    assert response.status_code == 200
    assert f"First bottleneck: API</strong> (line {API_LINE})" in response.text


def test_without_a_duration_a_fast_rate_is_shortened_to_the_cap(client: TestClient) -> None:
    qps = 20_000
    response = client.post("/simulate", data={"text": DESIGN, "qps": str(qps)})
    assert response.status_code == 200
    seconds = MAX_REQUESTS / qps
    assert f"so the run lasts {seconds:.3g}s" in html.unescape(response.text)


def test_markup_in_a_node_name_is_escaped_in_the_table_and_the_chart(client: TestClient) -> None:
    text = DESIGN.replace("API[API x2 @ 4ms]", 'API["API <script>alert(1)</script> x2 @ 4ms"]')
    response = client.post("/simulate", data={"text": text, "qps": "100", "duration": "2s"})
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)" in response.text
    assert "<script>alert(1)" not in response.text


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"text": "# Notes\n\nJust prose, no diagram.\n", "qps": "10"}, "no component diagram"),
        ({"text": "", "qps": "10"}, "is empty"),
        ({"text": DESIGN, "qps": "10", "fail": "API at thirty"}, "write NODE@30s"),
        ({"text": DESIGN, "qps": "10", "fail": "Kafka@1s"}, "no node 'Kafka'"),
        ({"text": DESIGN, "qps": "10", "fail": "API@9s", "duration": "5s"}, "after the run"),
        (
            {"text": "```mermaid\nflowchart LR\n  U[Client] --> W[Web]\n```\n", "qps": "10"},
            "no path from a client",
        ),
        ({"text": DESIGN.replace("API x2", "API x0"), "qps": "10"}, "zero capacity"),
        ({"text": DESIGN, "qps": "lots"}, "'lots' is not a number"),
        ({"text": DESIGN, "qps": "-5"}, "above zero"),
        ({"text": DESIGN}, "give the requests per second"),
        ({"text": DESIGN, "qps": "10", "duration": "1h"}, "not a time"),
        ({"text": DESIGN, "qps": "10", "duration": "90s"}, "at most 60s"),
        ({"text": DESIGN, "qps": "10", "seed": "-1"}, "seed"),
        ({"text": DESIGN, "qps": "1e6", "duration": "10s"}, "shorten the duration"),
        ({"text": DESIGN, "qps": "1e9"}, "lower the rate"),
    ],
)
def test_bad_input_is_a_400_page_with_one_line(
    client: TestClient, fields: dict[str, str], expected: str
) -> None:
    response = client.post("/simulate", data=fields)
    assert response.status_code == 400
    message = _message(response.text)
    assert expected in message
    assert "\n" not in message.strip()


def test_an_unknown_prompt_is_a_404(client: TestClient) -> None:
    response = client.post("/simulate", data={"text": DESIGN, "problem": "no-such-prompt"})
    assert response.status_code == 404
    assert "no-such-prompt" in _message(response.text)

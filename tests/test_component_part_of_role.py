"""CMP101 beside a line that does one of a component's listed jobs in its own words.

"No provider adapters and router" next to "we route new payments to the other provider"
calls missing what the design says; the finding names the part done and what is left.
"""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review import review_design

_DESIGN = """# Marketplace payments

## Requirements
- Charge buyers through two card providers, keep a double-entry ledger, pay sellers daily.

## Design
- The payment service stores each attempt before it calls a provider.
- {line}
- Ledger entries are appended in Postgres in one transaction per payment.
"""


def _cmp101(tmp_path: Path, line: str) -> list[tuple[int | None, str]]:
    path = tmp_path / "design.md"
    path.write_text(_DESIGN.format(line=line), encoding="utf-8")
    review = review_design(load_design(path), default_catalog(), "payment-system")
    return [(f.evidence.line, f.message) for f in review.findings if f.rule == "CMP101"]


def test_a_job_done_in_the_designs_words_is_no_missing_component(tmp_path: Path) -> None:
    found = _cmp101(
        tmp_path, "When one provider fails its health checks we route new payments to the other."
    )
    assert not any(m.startswith("No provider adapters") for _, m in found)
    [(line, message)] = [(n, m) for n, m in found if m.startswith("Provider adapters")]
    assert line == 8
    assert "does part of its job (route new payments away" in message
    assert "still to say: Translate to each provider's API" in message


def test_the_same_words_doing_something_else_do_no_job(tmp_path: Path) -> None:
    # "payments" and "provider" without routing anything: the router is still missing
    found = _cmp101(tmp_path, "New payments to an unhealthy provider are logged for later review.")
    assert any(m.startswith("No provider adapters") for _, m in found)

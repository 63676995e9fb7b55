""" "Throttle" beside keystrokes, typing or debouncing is how often a page acts on input
events, not a limit on callers: a front end weighing debounce against throttle was told
security was mentioned on that line and no control was specified."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import Catalog
from tradeoff.design import load_design
from tradeoff.language import Claim, read_design


def _claims(catalog: Catalog, text: str, tmp_path: Path) -> list[Claim]:
    path = tmp_path / "design.md"
    path.write_text(f"# Design\n\n- {text}\n", encoding="utf-8")
    return read_design(load_design(path), catalog.vocabulary.concepts.values())


def test_throttling_scroll_events_names_no_rate_limit(catalog: Catalog, tmp_path: Path) -> None:
    text = "We throttle scroll events to one handler call per animation frame."
    [claim] = _claims(catalog, text, tmp_path)
    assert "rate-limiting-algorithm" not in claim.features.concepts


def test_throttle_against_debounce_names_no_rate_limit(catalog: Catalog, tmp_path: Path) -> None:
    text = "Debounce or throttle: throttle updates the list while typing."
    [claim] = _claims(catalog, text, tmp_path)
    assert "rate-limiting-algorithm" not in claim.features.concepts


def test_throttling_callers_is_still_a_rate_limit(catalog: Catalog, tmp_path: Path) -> None:
    text = "The gateway will throttle each API key to 50 requests a second."
    [claim] = _claims(catalog, text, tmp_path)
    assert "rate-limiting-algorithm" in claim.features.concepts


def test_throttling_callers_beside_typing_is_still_a_rate_limit(
    catalog: Catalog, tmp_path: Path
) -> None:
    """The caller's sense wins where the line says per whom."""
    text = "Suggestions fire while typing, and the server will throttle each user with a quota."
    [claim] = _claims(catalog, text, tmp_path)
    assert "rate-limiting-algorithm" in claim.features.concepts

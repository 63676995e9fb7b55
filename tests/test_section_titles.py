"""A heading implies what its section is about: "Scale" heads estimates only where it names
them, not in a title that says how big the system is or a step that scales it."""

from __future__ import annotations

import pytest

from tradeoff.language.claims import Claim
from tradeoff.review.substance import implied_concepts


def _under(*headings: str) -> frozenset[str]:
    return implied_concepts(Claim(1, "x", "x", "sentence", headings))


@pytest.mark.parametrize(
    "headings",
    [
        ("System Design: Large-Scale News Feed", "4. Components"),
        ("URL Shortener System Design (bit.ly Scale)", "7. Read Path"),
        ("Design Mint.com", "Step 4: Scale the design"),
        ("Versions", "v1 (small scale)"),
    ],
)
def test_a_title_or_a_scaling_step_is_no_estimate(headings: tuple[str, ...]) -> None:
    assert "back-of-envelope" not in _under(*headings)


@pytest.mark.parametrize(
    "heading", ["2. Scale Estimates", "1. Requirements & Scale", "Scale Targets", "Capacity"]
)
def test_a_heading_that_names_estimates_implies_them(heading: str) -> None:
    assert "back-of-envelope" in _under("Design", heading)

"""Estimates compared with the prompt's reference derivation and its hidden facts."""

from __future__ import annotations

from tradeoff.catalog import Catalog
from tradeoff.design import parse_design
from tradeoff.review import review_design

WRONG_SCALE = """# URL shortener

## Requirements
- Users shorten links and follow them.
- Assume 1B new links per month, and 100 reads per write.

## Estimates
- Writes: 1B/month / 2.6M s = 385 writes/s
- Reads: 385 writes/s x 100 = 38.5K reads/s
- Storage: 6B links x 500 bytes = 3 TB
"""

# The same wrong scale, used without being stated as an assumption anywhere.
SILENT_SCALE = WRONG_SCALE.replace(
    "- Assume 1B new links per month, and 100 reads per write.\n", "- Reads dominate.\n"
)

RIGHT_SCALE = (
    WRONG_SCALE.replace("1B new links", "100M new links")
    .replace("1B/month / 2.6M s = 385 writes/s", "100M/month / 2.6M s = 38 writes/s")
    .replace("385 writes/s x 100 = 38.5K reads/s", "38 writes/s x 100 = 3.8K reads/s")
)


def _findings(catalog: Catalog, text: str) -> dict[str, list[int | None]]:
    review = review_design(parse_design(text), catalog, "url-shortener")
    found: dict[str, list[int | None]] = {}
    for finding in review.findings:
        found.setdefault(finding.kind, []).append(finding.evidence.line)
    return found


def test_an_assumption_that_differs_from_the_facts_is_an_info_note(catalog: Catalog) -> None:
    review = review_design(parse_design(WRONG_SCALE), catalog, "url-shortener")
    (note,) = [f for f in review.findings if f.kind == "assumption-mismatch"]
    assert note.evidence.line == 5 and note.severity == "info"
    assert "1B new links per month" in note.message and "10x lower" in note.message
    # the estimates it leads to are off by exactly that assumption: reported once, not again
    assert "far-from-reference" not in _findings(catalog, WRONG_SCALE)


def test_estimates_ten_times_off_the_reference_are_reported(catalog: Catalog) -> None:
    found = _findings(catalog, SILENT_SCALE)
    assert found.get("far-from-reference") == [8, 9]
    assert "assumption-mismatch" not in found
    assert "arithmetic-error" not in found  # the candidate's own arithmetic is right


def test_estimates_that_match_the_reference_pass(catalog: Catalog) -> None:
    found = _findings(catalog, RIGHT_SCALE)
    assert "far-from-reference" not in found and "assumption-mismatch" not in found


def test_far_from_reference_explains_with_the_facts(catalog: Catalog) -> None:
    review = review_design(parse_design(SILENT_SCALE), catalog, "url-shortener")
    (first, *_) = [f for f in review.findings if f.kind == "far-from-reference"]
    assert "10x above the reference" in first.message
    assert "100 million new short links" in first.message


OWN_SCALE = """# Blob store

## Requirements
| Target | Value |
|---|---|
| Peak request rate | 40 million requests/sec (worldwide) |

## Estimates (one region)
A region serving 5% of the worldwide peak:
- Egress: 2M GET/s × 8 MB avg = 16 TB/s
"""


def _far(catalog: Catalog, text: str) -> list[tuple[int | None, str]]:
    review = review_design(parse_design(text), catalog, "object-storage")
    return [
        (f.evidence.line, f.severity) for f in review.findings if f.kind == "far-from-reference"
    ]


def test_an_estimate_worked_from_the_candidates_own_scale_is_a_note(catalog: Catalog) -> None:
    # 2M GET/s is the region's 5% of the 40M a second the requirements set: the distance
    # from the interviewer's figure is the candidate's stated scale, not a slip at line 10
    assert _far(catalog, OWN_SCALE) == [(10, "info")]


def test_an_estimate_whose_scale_is_stated_nowhere_is_a_warning(catalog: Catalog) -> None:
    silent = OWN_SCALE.replace(
        "| Peak request rate | 40 million requests/sec (worldwide) |", "| Durability | 11 nines |"
    )
    assert _far(catalog, silent) == [(10, "warning")]


def test_an_estimate_whose_every_operand_is_stated_before_is_a_note(catalog: Catalog) -> None:
    # both factors are the candidate's stated inputs (lines 5 and 6): the 33x is its premise
    text = (
        "# Feed\n\n## Estimates\n\n- Daily users: 300 million\n"
        "- Posting: 1% of daily users post once a day.\n- Posts: 300M × 0.01 = 3M posts/day\n"
    )
    review = review_design(parse_design(text), catalog, "news-feed")
    (far,) = [f for f in review.findings if f.kind == "far-from-reference"]
    assert (far.evidence.line, far.severity) == (7, "info") and "line 5, 6" in far.message
    silent = text.replace("- Posting: 1% of daily users post once a day.\n", "")
    review = review_design(parse_design(silent), catalog, "news-feed")
    (far,) = [f for f in review.findings if f.kind == "far-from-reference"]
    assert far.severity == "warning"

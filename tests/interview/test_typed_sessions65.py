"""A photo-sharing session typed by hand with the adversarial persona (iv12's own round).

Read as a candidate would:
- "the origin sees about 46 Gbit/s of the 930 at peak" drew "That looks high to me. What
  makes you pick 930 at peak?": the bare 930 was read as the peak factor (2), though a
  figure said at the peak is a figure there, and "of the" gives it the unit before it.
- "Said and written disagree on uploads per s: you said "10,000 uploads a second"" though
  the candidate corrected it the next turn ("sorry, ... about 1,160 uploads/s"), the
  design's own figure.
- "Leaves video ... out of scope on purpose" quoted the candidate's question "also is video
  in scope", beside a design that states "Out of scope: video, stories, DMs, search,
  ranking."
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulate import run

from tradeoff.catalog import Catalog

_DESIGN = """# Photo sharing

## Requirements
- Upload a photo with a caption, follow people, home feed (latest first), profile grid, likes.
- Out of scope: video, stories, DMs, search, ranking.

## Estimates
- 100M uploads/day = 1,160 uploads/s, 2,300/s at peak.
"""


def _report(catalog: Catalog, lines: list[str], tmp: Path) -> dict[str, Any]:
    return run(catalog, "photo-sharing", "adversarial", lines, tmp=tmp, design=_DESIGN).report(
        catalog
    )


def test_a_figure_at_peak_is_not_the_peak_factor(catalog: Catalog) -> None:
    lines = [
        "/next",
        "/next",
        "CDN with immutable versioned URLs, 95% hit rate so the origin sees about 46 Gbit/s of"
        " the 930 at peak",
    ]
    reply = " ".join(run(catalog, "photo-sharing", "adversarial", lines).exchanges[-1].replies)
    assert "930" not in reply and "looks high" not in reply, reply


def test_a_figure_corrected_aloud_is_no_disagreement(catalog: Catalog, tmp_path: Path) -> None:
    lines = [
        "ok so 100M uploads a day is about 10,000 uploads a second",
        "sorry, 100M / 86,400 is about 1,160 uploads/s, 2,300 at peak",
        "/design {design}",
        "/end",
    ]
    found = _report(catalog, lines, tmp_path)["conversation"]["contradictions"]
    assert not [c for c in found if "10,000" in c["said"]], found


def test_a_stated_scope_is_quoted_over_the_question(catalog: Catalog, tmp_path: Path) -> None:
    lines = ["how big is a photo, and is video in scope", "/design {design}", "/end"]
    covered = {c["item"]: c for c in _report(catalog, lines, tmp_path)["conversation"]["covered"]}
    assert covered["scope"]["where"] == "design line 5", covered["scope"]


def test_erasure_coding_gives_no_copies_to_redis(catalog: Catalog) -> None:
    """ "If Redis goes down at peak ...?" skipped with /next was not listed as unanswered:
    "at 10x I'd move old photos to cold storage and use erasure coding" named no component,
    and gave every one named so far copies (Redis, the queue, Cassandra)."""
    lines = [
        "/next",
        "/next",
        "push photo ids to followers' timelines in Redis, but pull for celebrities with"
        " millions of followers",
        "/next",
        "egress cost and storage growth break first; at 10x I'd move old photos to cold"
        " storage and use erasure coding",
        "/end",
    ]
    session = run(catalog, "photo-sharing", "adversarial", lines)
    assert any("Redis goes down" in r for ex in session.exchanges for r in ex.replies)
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert any("Redis goes down" in text for text in dodged), dodged

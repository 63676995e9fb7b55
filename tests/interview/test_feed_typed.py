"""A news-feed session typed by hand with the terse persona, with a design attached.

"Posts are about 200 writes per second" (the prompt's figure is about 1,157 posts a second)
drew no sanity check and was listed as no contradiction of the design's "1,160 posts/s":
the words after the number ("writes per second") name no figure of the prompt, and the
subject before it ("Posts") was not read. The same turn, with a right "60K" reads, credited
"Derives about 1,200 posts/s against about 58,000 feed reads/s" with substance.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog

_SAID = "Posts are about 200 writes per second, and feeds are read about 60K times a second."
_DESIGN = """# News feed

## Estimates
- Feed reads: 500M x 10 / 86,400 = 58K reads/s.
- Posts: 100M a day = 1,160 posts/s.
"""


def test_a_rate_named_by_its_subject_is_checked(catalog: Catalog) -> None:
    session = run(catalog, "news-feed", "terse", ["/next", _SAID])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" in reply and "200 writes per second" in reply, reply
    assert not session.interview.state.covered("read-write-rates")


def test_the_design_and_the_spoken_rate_disagree(catalog: Catalog, tmp_path: Path) -> None:
    design = tmp_path / "feed.md"
    design.write_text(_DESIGN, encoding="utf-8")
    session = run(catalog, "news-feed", "terse", ["/next", f"/design {design}", _SAID])
    [disagreement] = session.report(catalog)["conversation"]["contradictions"]
    assert disagreement["said"].startswith("200 writes")
    assert disagreement["written"].startswith("1,160 posts")

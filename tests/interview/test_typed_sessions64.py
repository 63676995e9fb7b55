"""A file-upload session typed by hand with the adversarial persona (iv11's last round).

Read as a candidate would:
- Asked "If S3 goes down at peak, what happens to the requests that need it?", the
  candidate said "and the scanning", was asked again, and answered the trade-off instead
  ("... but we need to refresh URLs when they expire"). Its "when" is about URLs expiring,
  not S3 failing; the report did not list the question as unanswered.
- "Resumable uploads up to 20 GB ... with progress, cancel and a final file record" was
  credited from "the client retries each part with exponential backoff and jitter and asks
  GET /v1/uploads/{id} after a restart": a protocol said of the client, not a feature list.
- "chunks are 8 MB so the 20 GB max file is 2,500 parts" against the design's "20 GB / 4 MB
  chunks = 5,000 parts" was not listed as a disagreement: twice is another estimate.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulate import run

from tradeoff.catalog import Catalog

_DESIGN = """# Resumable upload API

## API
- POST /v1/uploads {name, size, sha256} -> 201 {upload_id, chunk_size, expires_at}
- PUT /v1/uploads/{id}/parts/{n} with a Content-MD5 header; re-sending the same part overwrites it.

## Estimates
- Largest file 20 GB / 4 MB chunks = 5,000 parts.
"""

_S3 = [
    "/next",
    "/next",
    "the phone uploads straight to S3 with presigned part URLs so the API never carries bytes",
    "and the scanning",
    "presigned vs proxy: presigned saves us running 110 Gbit/s of upload servers but we need"
    " to refresh URLs when they expire",
    "/end",
]


def _report(catalog: Catalog, lines: list[str], tmp: Path | None = None) -> dict[str, Any]:
    session = run(catalog, "file-upload-api", "adversarial", lines, tmp=tmp, design=_DESIGN)
    return session.report(catalog)


def test_a_condition_about_something_else_answers_no_failure_probe(catalog: Catalog) -> None:
    session = run(catalog, "file-upload-api", "adversarial", _S3)
    asked = [r for ex in session.exchanges for r in ex.replies if "S3 goes down" in r]
    assert asked, session.transcript()
    dodged = session.report(catalog)["conversation"]["dodged"]
    assert any("S3 goes down" in text for text in dodged)


def test_a_retry_protocol_is_no_feature_list(catalog: Catalog) -> None:
    lines = [
        "/next",
        "the client retries each part with exponential backoff and jitter and asks GET"
        " /v1/uploads/{id} after a restart",
        "/end",
    ]
    covered = {c["item"] for c in _report(catalog, lines)["conversation"]["covered"]}
    assert "core-features" not in covered


def test_twice_the_parts_written_is_a_disagreement(catalog: Catalog, tmp_path: Path) -> None:
    lines = [
        "/next",
        "/next",
        "chunks are 8 MB so the 20 GB max file is 2,500 parts",
        "/design {design}",
        "/end",
    ]
    found = _report(catalog, lines, tmp_path)["conversation"]["contradictions"]
    assert [(c["said"], c["written"]) for c in found] == [("2,500 parts", "5,000 parts")]


_DEEP = [
    "/next",
    "/next",
    "chunks are 8 MB so the 20 GB max file is 2,500 parts, and at 2 Mbit/s one chunk takes"
    " about 32 seconds",
]


def test_a_hint_helps_with_the_follow_up_on_the_table(catalog: Catalog) -> None:
    """ "The presigned part URLs expire halfway through a four-hour upload. What happens?"
    then /hint gave "The API can authorise an upload without carrying its bytes", the hint
    of the presigned-URL item, the phase's top gap."""
    session = run(catalog, "file-upload-api", "adversarial", [*_DEEP, "/hint"])
    asked, hint = (" ".join(ex.replies) for ex in session.exchanges[-2:])
    assert "URLs expire halfway" in asked, asked
    assert "part URLs that have expired" in hint, hint
    assert "without carrying its bytes" not in hint, hint


def test_a_hint_for_a_failure_probe_is_about_the_failure(catalog: Catalog) -> None:
    lines = [
        *_DEEP,
        "the phone uploads straight to S3 with presigned part URLs so the API never carries bytes",
        "/hint",
    ]
    session = run(catalog, "file-upload-api", "adversarial", lines)
    asked, hint = (" ".join(ex.replies) for ex in session.exchanges[-2:])
    assert "S3 goes down" in asked, asked
    assert "while it is down" in hint, hint


def test_a_hint_on_another_question_says_so(catalog: Catalog) -> None:
    """ "How would the web app resume an upload after the tab is closed?" (no rubric item of
    its own) then /hint put the quota question with its hint as if it were the help asked for."""
    lines = [
        *_DEEP,
        "the phone uploads straight to S3 with presigned part URLs so the API never carries bytes",
        "and the scanning",
        "presigned vs proxy: presigned saves us running 110 Gbit/s of upload servers but we need"
        " to refresh URLs when they expire",
        "/hint",
    ]
    session = run(catalog, "file-upload-api", "adversarial", lines)
    asked, hint = (" ".join(ex.replies) for ex in session.exchanges[-2:])
    itemless = [f.text for f in session.interview.problem.follow_ups if f.about is None]
    assert any(text in asked for text in itemless), asked
    assert "leave that one" in hint or "earlier question" in hint, hint


def test_a_dimension_line_says_what_was_shown_and_what_is_missing(catalog: Catalog) -> None:
    """ "reliability 1/4 — 3 of 4 points with substance; 1 only mentioned; deepest step: none
    yet": which point was missing, and what "step" the score lacked, it did not say."""
    lines = [
        "/next",
        "/next",
        "the client retries each part with exponential backoff and jitter and asks GET"
        " /v1/uploads/{id} after a restart",
        "sessions expire 24 hours after the last activity and return 410 after that, a cleanup"
        " job deletes the parts",
        "is there any quota stuff I should care about",
        "/end",
    ]
    text = run(catalog, "file-upload-api", "adversarial", lines).transcript(catalog)
    line = next(x for x in text.splitlines() if x.startswith("  reliability: "))
    assert "retries, expiry" in line and "not covered: checksums" in line, line
    assert 'depth: none shown yet (the first step is "redundancy")' in line, line
    assert "deepest step: none yet" not in text

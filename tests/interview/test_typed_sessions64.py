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


# The message-broker session typed with the terse persona (iv11's final-terse script).
_BROKER = [
    "how many messages per second and how big are they",
    "/next",
    "topics split into partitions, each partition is an append-only log on a broker, producers"
    " pick partition by key hash",
    "consumers in a group each own some partitions and commit offsets",
    "produce(topic, key, value) returns the partition and offset; consumers fetch(partition,"
    " offset, max_bytes) in batches",
]


def test_no_probe_about_the_clause_just_explained(catalog: Catalog) -> None:
    """ "A consumer group has ten instances. How do they split a topic's work ...?" came
    right after "consumers in a group each own some partitions and commit offsets"."""
    session = run(catalog, "message-broker", "terse", _BROKER)
    said = " ".join(r for ex in session.exchanges for r in ex.replies)
    assert "ten instances" not in said, said


def test_a_return_after_another_answer_says_so_and_names_the_step(catalog: Catalog) -> None:
    """ "Still: Can you redo that, units and all?" came after the candidate answered the
    resend question, and "that" pointed at nothing the terse reply still said."""
    lines = [
        "how many messages per second and how big are they",
        "/next",
        "/next",
        "A producer times out and resends a batch; what then?",
        "ok actually 1M msgs/s at 1KB is 10 GB/s",
        "producers get an id and a sequence number per partition so the broker drops a resent"
        " batch",
    ]
    session = run(catalog, "message-broker", "terse", lines)
    check, again = (" ".join(ex.replies) for ex in session.exchanges[-2:])
    assert "redo" in check.lower(), check
    assert again.startswith("Noted. Still: "), again
    assert '"ok actually 1M msgs/s at 1KB is 10 GB/s"' in again, again


def test_no_acked_message_lost_is_said_of_durability(catalog: Catalog) -> None:
    lines = [
        "/next",
        "/next",
        "if the leader dies the controller picks a new leader from the ISR, so no acked message"
        " is lost",
        "/end",
    ]
    report = run(catalog, "message-broker", "terse", lines).report(catalog)
    missing = {m["item"] for m in report["conversation"]["missing"]}
    assert "durability-target" not in missing


def test_the_log_hint_is_not_what_the_candidate_said(catalog: Catalog) -> None:
    """Asked "What does a topic actually look like on the broker, and how is each message
    identified?" after "an append only log" and "picked by hashing the key", /hint said
    "Messages are only ever appended; think about how the key decides where one goes"."""
    item = next(i for _, i in catalog.get("message-broker").rubric.items() if i.id == "log-model")
    assert item.hint is not None
    assert "append" not in item.hint and "key" not in item.hint


def test_a_choice_tied_to_cost_is_quoted_for_it(catalog: Catalog) -> None:
    """ "Each choice is tied to mobile conditions or cost" quoted "Each part is a PUT to
    /v1/uploads/{id}/parts/{n} with its checksum, so re-sending part 7 just overwrites part 7",
    a reason about retries, though the candidate later said "presigned saves us running 110
    Gbit/s of upload servers": a benefit said with "saves us" is the reason for a choice."""
    lines = [
        "/next",
        "Each part is a PUT to /v1/uploads/{id}/parts/{n} with its checksum, so re-sending part 7"
        " just overwrites part 7 with the same bytes",
        "/next",
        "presigned vs proxy: presigned saves us running 110 Gbit/s of upload servers but we need"
        " to refresh URLs when they expire",
        "/end",
    ]
    covered = {c["item"]: c["quote"] for c in _report(catalog, lines)["conversation"]["covered"]}
    assert "saves us" in covered["decision-reasons"], covered.get("decision-reasons")


def test_an_api_written_as_calls_is_no_component(catalog: Catalog) -> None:
    """ "Brokers each host many partitions; a partition is the unit of ordering, parallelism
    and replication" was credited from "produce(topic, key, value) returns the partition and
    offset; consumers fetch(partition, offset, max_bytes) in batches"."""
    lines = [*_BROKER[:2], _BROKER[4], "/end"]
    report = run(catalog, "message-broker", "terse", lines).report(catalog)["conversation"]
    quotes = {c["item"]: c["quote"] for c in report["covered"]}
    assert "produce(" in quotes.get("produce-consume-api", ""), quotes
    assert "produce(" not in quotes.get("partitioned-log", ""), quotes

"""A URL-shortener session typed by the lead (adversarial persona).

- "with 100:1 reads that is 4,000 reads a second" drew "That looks low to me ... What
  makes you pick 1 reads?": one side of the ratio "100:1" was read as a count of reads.
  A number beside a colon and another number is a ratio or a clock time, not a figure.
- "..., maybe 12K at peak" was reported as "Sizes for peak traffic" only mentioned: the
  bare count after a rate in a list is that rate said short, in the estimate grammar the
  reviewer reads with as it is in what the interviewer hears.
- "A Redis cache in front of the store holds hot codes, since reads are 100x writes" and
  "each app server leases a block of 1,000 ids ... so two servers never hand out the same
  code" counted as decisions without a reason (or none): a part placed "in front of"
  another is a decision, and "so two servers never ..." gives its reason.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ESTIMATE = (
    "OK so 100M links a month is about 40 writes a second and with 100:1 reads that is"
    " 4,000 reads a second, maybe 12K at peak."
)


def test_a_ratio_is_not_challenged_as_a_count(catalog: Catalog) -> None:
    lines = ["How many new links per day, and what's the read to write ratio?", _ESTIMATE]
    session = run(catalog, "url-shortener", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" not in reply and "1 reads" not in reply


def test_a_peak_said_short_after_a_rate_is_covered(catalog: Catalog) -> None:
    report = run(catalog, "url-shortener", "adversarial", [_ESTIMATE, "/end"]).report(catalog)
    covered = {c["item"] for c in report["conversation"]["covered"]}
    assert {"qps", "peak"} <= covered


def test_decisions_placed_or_argued_with_so_have_reasons(catalog: Catalog) -> None:
    lines = [
        "/next",
        "A Redis cache in front of the store holds hot codes, since reads are 100x writes.",
        "For codes I'll use base62 of a counter; each app server leases a block of 1,000 ids"
        " from a coordination service so two servers never hand out the same code.",
        "/end",
    ]
    markers = run(catalog, "url-shortener", "neutral", lines).report(catalog)["markers"]
    assert markers["decisions_with_reason"] == 2
    assert markers["decisions_without_reason"] == 0


def test_an_alert_threshold_is_no_latency_target(catalog: Catalog) -> None:
    # "We'd alert when redirect p99 goes over 50 ms" says when operations hear of a slow
    # redirect; it sets no target for the redirect path.
    lines = [
        "/next",
        "/next",
        "We'd alert when redirect p99 goes over 50 ms or error rate over 1%.",
        "/end",
    ]
    report = run(catalog, "url-shortener", "neutral", lines).report(catalog)
    covered = {c["item"] for c in report["conversation"]["covered"]}
    assert "nfrs" not in covered
    assert "monitoring" in covered


def test_a_question_typed_without_its_mark_is_no_decision(catalog: Catalog) -> None:
    # "how long do we keep messages, and how many consumer groups read a topic" asks; its
    # "we keep" decides nothing. "we keep ... so every consumer group can replay" decides,
    # with a reason.
    lines = [
        "how long do we keep messages, and how many consumer groups read a topic",
        "/next",
        "we keep messages for 7 days so every consumer group can replay a week",
        "/end",
    ]
    markers = run(catalog, "message-broker", "terse", lines).report(catalog)["markers"]
    assert markers["decisions_with_reason"] == 1
    assert markers["decisions_without_reason"] == 0

"""Failures answered and decisions weighed, read as a careful reader reads them (issue 9).

Each reading has a case where it must apply and one where it must not:

1. a failure answered by the name of a failure-handling technique ("the gateway fails open",
   "the client retries", "a dead-letter queue"), the lost copies made again ("reconstructs
   from parity"), and work carried on ("keeps serving from its local copy"); the items under
   an "Effect:" label are what a failure does, not its answer;
2. a decision listed with labelled parts ("*Trade-off:* ...", "*Justification:* ...",
   "*Pros:*", "*Cons:*"), each option keeping its own; "Instead, ..." set against the
   sentence before it; two quantities side by side ("50 ms instead of 1 ms") reject nothing;
   a numbered "Why not ...?" heading; the points of one such section are one decision;
   a table with a chosen column; a purpose whose verb is a concept's name;
3. what is not a design's reason or option: the document's own purpose ("not shown to
   reduce clutter"), and the examples after "such as" (the choice before them is made).
"""

from __future__ import annotations

from functools import cache

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.language import Claim, read_text
from tradeoff.review.substance import _reasoned, _weighed, ladder


@cache
def catalog() -> Catalog:
    return default_catalog()


def claims(text: str) -> list[Claim]:
    return read_text(text, catalog().vocabulary.concepts.values())


def only(text: str) -> Claim:
    found = claims(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


# --- 1. failures answered ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If the quota store is down, the edge proxy fails open.",
        "When the token service is unreachable we fail closed for login endpoints.",
        "On a timeout the worker retries with jittered backoff.",
        "If the payment broker is down, messages go to a dead-letter queue.",
        "When a storage host dies, its chunks are reconstructed from the surviving parity.",
        "If the control plane is down, proxies keep serving from their cached rules.",
    ],
)
def test_a_failure_answered_by_a_named_technique_is_paired(text: str) -> None:
    assert only(text).features.failure_response


@pytest.mark.parametrize(
    "text",
    [
        "We picked fail-open for ordinary traffic.",
        "The proxy fails open.",  # a policy stated, no failure named
        "Ten of twelve fragments are needed to reconstruct a stripe.",
        "A chunk is lost only if a third copy fails before repair.",
    ],
)
def test_a_policy_or_a_calculation_is_no_failure_answered(text: str) -> None:
    assert not only(text).features.failure_response


def test_effects_listed_under_a_failure_are_not_its_answer() -> None:
    text = (
        "### Shard leader failure\n\nEffect:\n- a short failover window drops a few writes\n\n"
        "Mitigation:\n- clients retry only idempotent writes\n"
    )
    found = {c.text: c.features.failure_response for c in claims(text)}
    assert found["a short failover window drops a few writes"] is False
    assert found["clients retry only idempotent writes"] is True


# --- 2. decisions weighed in their labelled parts ---------------------------------------


def _weighed_claims(text: str) -> list[Claim]:
    return [c for c in claims(text) if _weighed(c)]


def test_labelled_trade_off_and_justification_weigh_their_decision() -> None:
    text = (
        "## Trade-offs\n\n"
        "1. **Storage vs. compute:**\n"
        "    * *Trade-off:* We keep a copy of each post id in every follower's list.\n"
        "    * *Justification:* Memory is cheap; merging at read time is not.\n"
    )
    weighed = _weighed_claims(text)
    assert len(weighed) == 1
    assert "Justification" in weighed[0].text and weighed[0].line == 3


def test_each_option_keeps_its_own_pros_and_cons() -> None:
    text = (
        "### Exact or approximate counting\n\n"
        "* **Exact mode:** every call updates the counter in Redis.\n"
        "    * *Pros:* no overshoot.\n"
        "    * *Cons:* one network round trip per call.\n"
        "* **Approximate mode (counters kept per proxy and merged every second):** proxies"
        " count locally.\n"
        "    * *Pros:* no added latency.\n"
        "    * *Cons:* a burst can pass several proxies at once.\n"
    )
    exact = next(c for c in claims(text) if c.text.startswith("Exact mode"))
    assert _weighed(exact)
    assert "no added latency" not in exact.text


def test_a_cost_requirement_is_not_the_cost_of_the_line_before() -> None:
    text = "## Non-functional\n\n- Security: TLS in transit.\n- Cost: keep storage overhead low.\n"
    assert len(claims(text)) == 2


def test_a_label_alone_gives_no_reason() -> None:
    found = claims("## 301 or 302\n\nPros:\n- editable links\n")
    label = next(c for c in found if c.text.strip() == "Pros:")
    assert not label.features.reason


def test_instead_sets_a_choice_against_the_sentence_before() -> None:
    found = claims(
        "Accounts with millions of followers do not fan out. Instead, readers pull their"
        " recent posts when the feed is built.\n"
    )
    assert len(found) == 1
    assert found[0].features.alternative


@pytest.mark.parametrize(
    ("text", "rejects"),
    [
        ("Script calls take 50 ms instead of 1 ms while the snapshot runs.", False),
        ("Fan-out then takes minutes instead of seconds.", False),
        ("The gateway counts locally instead of calling the quota store.", True),
    ],
)
def test_two_quantities_side_by_side_reject_nothing(text: str, rejects: bool) -> None:
    assert only(text).features.alternative is rejects


def test_a_numbered_why_not_heading_rejects_what_it_names() -> None:
    found = claims("## 7) Why not a relational database?\n\nWrites arrive at 60k per second.\n")
    claim = next(c for c in found if c.text.startswith("Writes"))
    assert claim.features.reason and claim.features.alternative


def test_the_points_of_one_why_section_are_one_decision() -> None:
    text = (
        "## Why not a single SQL database?\n\n"
        "- we store posts in a wide-column store\n"
        "- we cache timelines in Redis\n"
        "- we shard the follower graph by user\n"
        "- we publish events to Kafka\n"
    )
    rungs = {r.name: r.reached for r in ladder("tradeoffs", claims(text))}
    assert rungs["alternatives rejected, costs stated"] == 0.5


def test_a_purpose_whose_verb_is_a_concept_name_is_a_reason() -> None:
    claim = only(
        "The upload service publishes an event to Kafka to decouple the upload from encoding."
    )
    assert claim.features.reason


def test_a_table_with_a_chosen_column_weighs_that_option_once() -> None:
    text = (
        "## Fan-out\n\n"
        "| Criterion | Push only | Pull only | Hybrid (chosen) |\n"
        "|---|---|---|---|\n"
        "| Write load | one insert per follower | one insert | one insert per ordinary follower |\n"
        "| Read load | one lookup | a merge per followee | one lookup and a small merge |\n"
    )
    rows = [c for c in claims(text) if c.text.startswith("Criterion")]
    assert rows and all(_weighed(c) for c in rows)
    rungs = {r.name: r.reached for r in ladder("tradeoffs", claims(text))}
    assert rungs["alternatives rejected, costs stated"] == 0.5


def test_a_table_without_a_chosen_mark_weighs_nothing_by_its_columns() -> None:
    text = (
        "| Tier | Limit | Window |\n|---|---|---|\n"
        "| Free | 100 | 1 min |\n| Pro (monthly) | 5000 | 1 min |\n"
    )
    assert not any(c.features.alternative for c in claims(text))


def test_a_purpose_of_the_document_is_no_reason_of_the_design() -> None:
    assert not only("The internal proxies are not shown to reduce clutter.").features.reason
    assert only("Old posts are compacted to reduce storage.").features.reason


def test_examples_after_such_as_leave_the_choice_made() -> None:
    claim = only(
        "Hot queries are served from a memory cache such as Redis or Memcached to cut"
        " response times."
    )
    assert "cache" in claim.features.concepts
    assert _reasoned(claim)


def test_options_left_open_stay_options() -> None:
    claim = only("We could use Redis or Memcached, for example.")
    assert "cache" not in claim.features.concepts


def test_a_failure_table_row_pairs_the_failure_with_its_mitigation() -> None:
    text = (
        "| Failure | Impact | Mitigation |\n|---|---|---|\n"
        "| Bit rot on a disk | a client reads bad bytes | CRC per block; a weekly scrub |\n"
    )
    rows = claims(text)
    assert len(rows) == 1 and rows[0].features.failure_response


def test_a_table_without_a_mitigation_column_pairs_nothing() -> None:
    text = "| Failure | Impact |\n|---|---|\n| Bit rot on a disk | a client reads bad bytes |\n"
    assert not claims(text)[0].features.failure_response


def test_a_labelled_mitigation_answers_the_labelled_failure_before_it() -> None:
    text = (
        "## What could fail\n\n"
        "1. **Clock skew:**\n"
        "    * *Failure:* proxies disagree on the time, so refills drift.\n"
        "    * *Mitigation:* Use the store's clock inside the script.\n"
    )
    found = {c.text: c.features.failure_response for c in claims(text)}
    assert found["*Mitigation:* Use the store's clock inside the script."] is True


def test_a_mitigation_label_without_a_failure_answers_nothing() -> None:
    text = "## Design notes\n\n- *Mitigation:* Use the store's clock inside the script.\n"
    assert not claims(text)[0].features.failure_response


def test_parts_listed_before_the_decision_they_weigh_are_joined_to_it() -> None:
    # "Options", then the trade-off, then "Decision: X." with its reason pointing back: one
    # weighed decision, as a reader takes the three items together.
    text = (
        "- *Options:* a managed vector service, pgvector, a dedicated vector store.\n"
        "- *Tradeoff:* pgvector makes access joins trivial but scales poorly beyond 10M"
        " vectors.\n"
        "- *Decision:* Qdrant. It supports payload filtering, which we use for access"
        " control.\n"
    )
    weighed = [c for c in claims(text) if _weighed(c)]
    assert [c.line for c in weighed] == [3], [c.text for c in claims(text)]
    # Without a "Decision:" label after it, the trade-off stays a part of its own.
    alone = claims("- *Tradeoff:* pgvector scales poorly beyond 10M vectors.\n- Search is fast.\n")
    assert not any(_weighed(c) for c in alone)


def test_a_mitigation_label_answers_the_failure_said_in_the_sentence_before_it() -> None:
    # A section per failure: the sentence names what fails, the label answers it, with no
    # "Failure:" label of its own.
    text = (
        "## Failure analysis\n\n"
        "### Ledger shard overload\n"
        "If the ledger shard crashes under a flash sale, checkout stops.\n"
        "* **Mitigation:** Spread hot sellers across two shards.\n"
    )
    found = {c.text: c.features.failure_response for c in claims(text)}
    assert found["Mitigation: Spread hot sellers across two shards."] is True


def test_a_mitigation_label_after_a_sentence_naming_no_failure_answers_nothing() -> None:
    text = (
        "### Ledger shards\n"
        "The ledger holds one row per order.\n"
        "* **Mitigation:** Spread hot sellers across two shards.\n"
    )
    found = {c.text: c.features.failure_response for c in claims(text)}
    assert found["Mitigation: Spread hot sellers across two shards."] is False


@pytest.mark.parametrize(
    ("text", "failure"),
    [
        ("- If the link drops mid-transfer, the client resumes from the last sent part.\n", True),
        ("- A dropped session resumes from the last acknowledged message.\n", True),
        ("- Latency drops to 5 ms once the cache is warm.\n", False),
        ("- We drop the request and return 429.\n", False),
    ],
)
def test_a_dropped_connection_is_a_failure_its_resumption_answers(text: str, failure: bool) -> None:
    assert only(text).features.failure_response is failure


@pytest.mark.parametrize(
    ("heading", "decision", "rejects"),
    [
        ("3.2 Exact vs. Approximate Counting", "Decision: Use approximate counting.", True),
        ("Ledger: SQL vs NoSQL", "Decision: SQL, for its transactions.", True),
        # Neither side picked, or both: the heading's options are not what it turns down.
        ("3.3 Fixed vs. Adaptive Windows", "Decision: A sliding log per tenant.", False),
        ("4.2 Fan-out: Push vs. Pull", "Decision: push for most, pull for the largest.", False),
    ],
)
def test_a_decision_under_a_heading_of_two_options_rejects_the_one_it_does_not_pick(
    heading: str, decision: str, rejects: bool
) -> None:
    text = f"### {heading}\n\n* **{decision}**\n"
    assert only(text).features.alternative is rejects


def test_a_heading_of_two_options_rejects_nothing_for_a_line_that_is_no_decision() -> None:
    text = "### Exact vs. Approximate Counting\n\n* Approximate counting uses 12 KB per key.\n"
    assert only(text).features.alternative is False


@pytest.mark.parametrize(
    ("text", "alternative"),
    [
        # A comparative split by what is done sets the option against the one turned down.
        ("- It is cheaper to run the encoders on spot machines than on reserved ones.", True),
        ("- It is safer to refuse the write than to let two owners hold the lock.", True),
        # The option a question turns down.
        ("- *Why not a document store?* Orders need multi-row transactions.", True),
        # No option set against it: a merit alone, or a question that names nothing.
        ("- It is easier to debug a single queue.", False),
        ("- Why not? Nothing else here needs it.", False),
    ],
)
def test_a_split_comparative_or_a_why_not_question_rejects_an_option(
    text: str, alternative: bool
) -> None:
    assert claims(text + "\n")[0].features.alternative is alternative

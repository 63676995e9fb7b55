"""Reasons and trade-offs read as a careful reader reads them (issue 9, reading gaps).

Each gap has a case where the new reading must apply and one where it must not:

1. a reason in the sentence right after its decision ("This keeps ...", "The reason is ...");
2. a "Why:" label whose bullets are the reasons of the decision before it, and sibling
   bullets that set two options of one choice against each other per case ("`fail-open`
   for X" / "`fail-closed` for Y");
3. the line cited for a rubric item: a stronger line in the same section beats the first;
4. an item that asks which metrics are tracked is met by the metrics named; "spam score"
   is a ranking signal, not security; a "Slowdown" heading is not an SLO heading.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.catalog.schema import RubricItem
from tradeoff.design import load_design
from tradeoff.language import Claim, read_text
from tradeoff.review import review_design
from tradeoff.review.substance import (
    ABSENT,
    MENTIONED,
    SUBSTANCE,
    _reasoned,
    implied_concepts,
    item_support,
)


@cache
def catalog() -> Catalog:
    return default_catalog()


def claims(text: str) -> list[Claim]:
    return read_text(text, catalog().vocabulary.concepts.values())


def item(problem: str, item_id: str) -> tuple[RubricItem, str]:
    """A catalog rubric item and its dimension."""
    for dimension, rubric in catalog().problems[problem].rubric.dimensions().items():
        for found in rubric.items:
            if found.id == item_id:
                return found, dimension
    raise LookupError(item_id)


# --- 1. a reason in the next sentence --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We store video chunks in S3. This keeps the app servers stateless.",
        "We chose Cassandra for view events. The reason is the write-heavy load.",
        "We shard links by short code. That is because every request carries one.",
        "We use PostgreSQL for billing and Cassandra for likes.\n"
        "This split lets us scale writes without losing financial accuracy.",
        "An origin shield sits between the edge and the object store. This prevents a miss"
        " in Tokyo from hammering the origin in Oregon.",
        "- **Local cache:** each app node keeps the 10,000 hottest codes in memory. This"
        " protects Redis from a stampede on a viral link.",
        # after a "Note:" label of its own
        "- **Batched likes:** a worker writes the like counters to PostgreSQL every minute."
        " *Note: this means a like shows up late but the database sees 60x fewer writes.*",
    ],
)
def test_a_reason_in_the_next_sentence_joins_its_decision(text: str) -> None:
    read = claims(text)
    assert len(read) == 1, [c.text for c in read]
    joined = read[0]
    assert joined.line == 1
    assert joined.quote in text.splitlines()[0]
    assert joined.features.reason
    assert _reasoned(joined)


@pytest.mark.parametrize(
    "text",
    [
        # not a reason: an opinion
        "We store video chunks in S3. This is a clear win.",
        # a property claimed, not a reason (as in REASON)
        "We store video chunks in S3. This ensures durability.",
        # the first sentence decides nothing
        "Users upload 500 hours of video a minute. This means storage grows quickly.",
        # another paragraph
        "We store video chunks in S3.\n\nThis keeps the app servers stateless.",
        # a hedge is not a decision
        "Any of S3 or GCS would work. This keeps the app servers stateless.",
        # a labelled figure is not a decision either
        "- **Users:** 10M a day. This means the write path matters most.",
        "- **Users:** 10M a day. *Note: this means the write path matters most.*",
    ],
)
def test_a_next_sentence_that_is_not_its_reason_stays_apart(text: str) -> None:
    read = claims(text)
    assert len(read) == 2, [c.text for c in read]
    assert not _reasoned(read[0])


# --- 2. reasons and alternatives given by list siblings -----------------------------------

_WHY_LIST = """We use a token bucket for every rule.

{label}
- two fields of state per key
- a client may burst up to the bucket size
"""


def test_a_why_list_gives_the_decision_before_it_its_reasons() -> None:
    read = claims(_WHY_LIST.format(label="Why:"))
    decision = read[0]
    assert decision.line == 1
    assert decision.features.reason and _reasoned(decision)
    assert "two fields of state per key" in decision.text
    assert [c.line for c in read] == [1, 4, 5]  # the bare label is gone, the bullets stay


@pytest.mark.parametrize(
    "text",
    [
        _WHY_LIST.format(label="Notes:"),  # not a label of reasons
        "The service is busy at noon.\n\nWhy:\n- lunch breaks\n- batch jobs\n",  # no decision
        "We use a token bucket for every rule.\n\nWhy:\n",  # a label with no list
    ],
)
def test_a_list_that_does_not_give_the_reasons_is_not_joined(text: str) -> None:
    first = claims(text)[0]
    assert first.line == 1
    assert not first.features.reason
    assert "Why:" not in first.text


def test_sibling_bullets_that_set_two_options_per_case_are_alternatives() -> None:
    text = (
        "If Redis is down:\n"
        "- `fail-open` for signed-in API traffic\n"
        "- `fail-closed` for the login and password-reset endpoints\n"
    )
    bullets = [c for c in claims(text) if c.line in (2, 3)]
    assert len(bullets) == 2
    assert all(c.features.alternative for c in bullets)
    fail_policy, dimension = item("rate-limiter", "fail-policy")
    assert item_support(fail_policy, claims(text), dimension).status == SUBSTANCE


@pytest.mark.parametrize(
    "text",
    [
        # the same option twice: a list, not a contrast
        "If Redis is down:\n- fail open for reads\n- fail open for writes\n",
        # two facets of one component, each labelled: not options set against each other
        "Metadata:\n- Partitioning: keys are hashed into 4,096 partitions\n"
        "- Shard implementation: each partition is a 5-node Raft group\n",
    ],
)
def test_sibling_bullets_that_are_not_a_contrast_are_not_alternatives(text: str) -> None:
    bullets = [c for c in claims(text) if c.line in (2, 3)]
    assert len(bullets) == 2
    assert not any(c.features.alternative for c in bullets)


# --- 3. the line cited for an item ---------------------------------------------------------

_FAIL_POLICY = """## Redis down

- We fail open when Redis is unreachable, since availability matters most.
- Failing open rather than closed keeps ordinary traffic flowing, at the cost of a short
  burst above the limit.
"""


def test_a_stronger_line_in_the_same_section_is_cited() -> None:
    fail_policy, dimension = item("rate-limiter", "fail-policy")
    held = item_support(fail_policy, claims(_FAIL_POLICY), dimension)
    assert held.status == SUBSTANCE
    assert held.claim is not None and held.claim.line == 4


def test_a_stronger_line_in_another_section_does_not_take_the_citation() -> None:
    text = _FAIL_POLICY.replace("- Failing open", "## Appendix\n\n- Failing open")
    fail_policy, dimension = item("rate-limiter", "fail-policy")
    held = item_support(fail_policy, claims(text), dimension)
    assert held.status == SUBSTANCE
    assert held.claim is not None and held.claim.line == 3


# --- 4. what an item asks for, and what a word means --------------------------------------

_METRICS = """## Observability

Tracked per rule:
- allowed and limited request rate
- limiter p99 latency
- cache hit ratio
"""


def test_an_item_asking_which_metrics_are_tracked_is_met_by_naming_them() -> None:
    observability, dimension = item("rate-limiter", "observability")
    held = item_support(observability, claims(_METRICS), dimension)
    assert held.status == SUBSTANCE
    assert held.claim is not None and held.claim.line == 4


def test_an_item_asking_for_alerts_still_needs_a_threshold_and_an_action() -> None:
    monitoring, dimension = item("url-shortener", "monitoring")  # "... with alerts"
    held = item_support(monitoring, claims(_METRICS), dimension)
    assert held.status in (MENTIONED, ABSENT)


def test_a_spam_score_is_not_cited_as_security(tmp_path: Path) -> None:
    path = tmp_path / "feed.md"
    path.write_text(
        "# Recipe feed\n\n## Ranking\n\n- freshness\n- spam score from the content model\n",
        encoding="utf-8",
    )
    review = review_design(load_design(path), catalog(), None)
    security = [f for f in review.findings if f.rule == "REL105"]
    assert security and all("line 6" not in f.message for f in security)


def test_a_spam_filter_is_still_read_as_security(tmp_path: Path) -> None:
    """Only the word used as a model's input is set aside: a spam filter is a defence."""
    path = tmp_path / "feed.md"
    path.write_text(
        "# Recipe feed\n\n## Abuse\n\nA spam filter screens new recipes.\n", encoding="utf-8"
    )
    review = review_design(load_design(path), catalog(), None)
    assert not any(f.message.startswith("No security") for f in review.findings)


def test_a_slowdown_heading_is_not_a_monitoring_heading() -> None:
    text = "## Redis slowdown\n\nIf the timeout is breached, we fail open.\n"
    assert "monitoring" not in implied_concepts(claims(text)[0])
    text = "## SLOs\n\nRedirects answer within 100 ms at p99.\n"
    assert "monitoring" in implied_concepts(claims(text)[0])


def test_so_after_a_parenthesis_gives_a_reason() -> None:
    (claim,) = read_text(
        "Order events go to a durable log first (an event log style), so the system can replay"
        " and recover exactly.",
        tuple(default_catalog().vocabulary.concepts.values()),
    )
    assert claim.features.reason


@pytest.mark.parametrize(
    "text",
    [
        "Two million new photos a day, so about 23 uploads/s on average.",
        "We expect 40M check-ins per month, so ~15 writes per second.",
    ],
)
def test_so_before_a_derived_figure_gives_no_reason(text: str) -> None:
    """ ", so 23 uploads/s" says what a rate works out to; nothing is chosen, so nothing is
    given a reason."""
    (claim,) = claims(text)
    assert not claim.features.reason


@pytest.mark.parametrize(
    "text",
    [
        "Each broker takes about 50k messages a second, so 4 brokers are enough.",
        "Hot rows total about 2 GB, so 1 cache node fits them with room to spare.",
        "Sessions live in Redis, so any app server can answer any request.",
    ],
)
def test_so_before_a_figure_that_decides_still_gives_a_reason(text: str) -> None:
    (claim,) = claims(text)
    assert claim.features.reason


def test_a_better_fit_for_a_use_gives_a_reason() -> None:
    (claim,) = claims(
        "Heavy write volume makes a wide-column store a better fit for the event log."
    )
    assert claim.features.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # "so" then any subject that goes on to what it never does: what the choice guarantees
        ("We keep separate topics per priority so login codes never wait behind a campaign.", True),
        ("The system is queue-driven so producers never wait on slow providers.", True),
        ("Isolate each channel so one slow provider never blocks the others.", True),
        # "so X can ..." is "so that X can ...": a purpose
        ("Templates live in a template service so marketing can edit them.", True),
        # after a copula, "so" says how much, not why; "so many" counts
        ("The first crawler was so slow it never finished a pass.", False),
        ("There were so many hosts we never reached the tail.", False),
    ],
)
def test_so_then_what_a_subject_never_does_gives_a_reason(text: str, reason: bool) -> None:
    (claim,) = claims(text)
    assert claim.features.reason is reason


def test_a_decision_closing_the_weighing_on_its_line_is_read_with_it() -> None:
    # "We choose X as a good balance" closes the options and costs weighed before it in the
    # same bullet: read apart, the decision weighs nothing and the weighing decides nothing.
    text = (
        "- **Fixed-size vs. sentence-based**: fixed windows are simple and fast; sentence-based"
        " splits keep meaning but are slower. We choose sentence-aware splitting as a good"
        " balance.\n"
    )
    (claim,) = claims(text)
    assert claim.features.decision and claim.features.alternative and claim.features.cost
    # Another line's weighing is not this decision's.
    apart = (
        "- Fixed windows are simple; sentence splits are slower.\n- We choose sentence splits.\n"
    )
    last = claims(apart)[-1]
    assert last.text.startswith("We choose")
    assert not (last.features.alternative or last.features.cost)


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        ("Self-hosted models: lower per-query cost, but requires GPU infrastructure.", True),
        ("A 384-dim model cuts storage and latency vs. 1024-dim, at a slight accuracy cost.", True),
        ("The managed API is simpler, but also introduces the risk of data leaving.", True),
        ("Hosting it ourselves saves money at no extra risk.", False),
    ],
)
def test_a_cost_said_without_its_subject_or_with_an_adjective(text: str, cost: bool) -> None:
    (claim,) = claims(text)
    assert claim.features.cost is cost


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # general praise of a product is no reason of this design
        ("All data goes into Cassandra because it is highly scalable and always available.", False),
        ("Messages go on Kafka, because Kafka can handle basically unlimited throughput.", False),
        # a need of this design is
        ("All data goes into Cassandra because writes outnumber reads ten to one.", True),
        ("We pick Cassandra because it is fast at appends, which is our whole write path.", True),
    ],
)
def test_a_product_praised_in_general_gives_no_reason(text: str, reason: bool) -> None:
    (claim,) = claims(text)
    assert claim.features.reason is reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # The gain set against the cost just stated is why the choice is made.
        (
            "- A bloom filter in front of the store adds a hop, but cuts disk reads for misses.",
            True,
        ),
        (
            "- The outbox table adds a write, but avoids losing events when the broker is down.",
            True,
        ),
        # "but" followed by a second cost, or by no gain, gives no reason.
        ("- The outbox table adds a write, but it is slower to drain.", False),
        ("- The outbox table adds a write, but the broker is managed.", False),
    ],
)
def test_a_gain_set_against_a_stated_cost_is_the_reason(text: str, reason: bool) -> None:
    [claim] = read_text(text + "\n", catalog().vocabulary.concepts.values())
    assert claim.features.reason is reason


def _claim(text: str) -> Claim:
    (claim,) = read_text(text, catalog().vocabulary.concepts.values())
    return claim


def test_two_ways_offered_and_none_taken_is_a_hedge() -> None:
    # "can be X or use Y" offers two ways; the design does neither yet.
    offered = _claim(
        "To spread load, the queue can be split per tenant (one topic each) or use a lock."
    )
    assert offered.features.hedge and not _reasoned(offered)
    taken = _claim("To spread load, the queue is split per tenant, so no lock is needed.")
    assert not taken.features.hedge


def test_a_risk_said_twice_is_no_hedge() -> None:
    assert not _claim("It can be slow under load, or be unavailable in a failover.").features.hedge


def test_staleness_a_choice_averts_is_no_cost() -> None:
    averted = _claim("Cache entries get a 10 minute TTL to limit stale data for cold keys.")
    assert not averted.features.cost
    accepted = _claim("Followers may serve stale reads for up to 2 s, which we accept.")
    assert accepted.features.cost


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a gain set against a stated cost, strengthened by an adverb
        ("- A cross-encoder pass adds 40 ms but greatly boosts recall on long queries.", True),
        # the gain an option has over the one named beside it
        ("- Embeddings: 256-dim cuts index size and query time vs. 768-dim, at some recall cost.",
         True),
        # a comparison with no gain claimed, and a second cost after "but", give no reason
        ("- Weekend traffic is lower vs. weekdays.", False),
        ("- The extra replica adds a write but increases the lag.", False),
    ],
)  # fmt: skip
def test_a_gain_over_a_named_option_is_the_reason(text: str, reason: bool) -> None:
    [claim] = read_text(text + "\n", catalog().vocabulary.concepts.values())
    assert claim.features.reason is reason

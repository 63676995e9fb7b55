"""How the components dimension reads a design: a part is specified by what the design says
it does (its role in a flow, its mechanism, its size), never by a requirement or an
estimate that happens to name it, nor by a digit inside a product's name."""

from __future__ import annotations

from functools import cache

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.catalog.schema import RubricItem
from tradeoff.design.load import parse_design
from tradeoff.language import Claim, read_design, read_text
from tradeoff.review.substance import (
    MENTIONED,
    SUBSTANCE,
    _deep_sections,
    item_support,
    ladder,
)


@cache
def catalog() -> Catalog:
    return default_catalog()


def claims(text: str) -> list[Claim]:
    return read_text(text, catalog().vocabulary.concepts.values())


def item(problem: str, item_id: str) -> RubricItem:
    """A components item of a catalog prompt."""
    components = catalog().problems[problem].rubric.components
    return next(i for i in components.items if i.id == item_id)


# --- requirements and estimates are not parts ---------------------------------------------


def test_a_requirement_that_names_a_part_does_not_specify_it() -> None:
    text = (
        "## Non-functional requirements\n\n"
        "- Redirects answer within 20 ms at p99 when cached, 100 ms otherwise.\n"
    )
    held = item_support(item("url-shortener", "cache"), claims(text), "components")
    assert held.status == MENTIONED


def test_an_estimate_of_what_a_technique_produces_does_not_specify_the_pipeline() -> None:
    text = (
        "## Capacity estimates\n\n"
        "- 300M posts a day x 150 followers = 45B fan-out writes a day, about 520k/s.\n"
    )
    held = item_support(item("news-feed", "fanout-pipeline"), claims(text), "components")
    assert held.status == MENTIONED


def test_a_time_window_in_an_estimate_is_not_a_view_pipeline() -> None:
    text = "## Estimates\n\n- Half the views land in a 3-hour evening window: 40k views/s.\n"
    held = item_support(item("video-streaming", "view-pipeline"), claims(text), "components")
    assert held.status != SUBSTANCE


def test_an_estimate_that_sizes_a_part_still_specifies_it() -> None:
    text = "## Capacity estimates\n\n- Counters need 12 shards of 25 GB, 3 replicas per shard.\n"
    held = item_support(item("rate-limiter", "sharded-store"), claims(text), "components")
    assert held.status == SUBSTANCE


def test_the_same_part_described_in_the_architecture_specifies_it() -> None:
    text = (
        "## Non-functional requirements\n\n"
        "- Redirects answer within 20 ms at p99 when cached.\n\n"
        "## Architecture\n\n"
        "- The redirect service reads the code from Redis (cache-aside, 24 h TTL) and falls"
        " back to the database on a miss.\n"
    )
    held = item_support(item("url-shortener", "cache"), claims(text), "components")
    assert held.status == SUBSTANCE
    assert held.claim is not None and held.claim.line == 7


# --- a placement service is read as placement ---------------------------------------------


def test_a_placement_service_across_failure_domains_specifies_placement() -> None:
    text = (
        "## Write path\n\n"
        "- The placement service picks 9 nodes for each stripe, one per rack, so a rack"
        " failure loses at most one fragment.\n"
    )
    held = item_support(item("object-storage", "placement"), claims(text), "components")
    assert held.status == SUBSTANCE


# --- a name is not a number --------------------------------------------------------------


def test_a_digit_in_a_product_name_does_not_make_a_line_specific() -> None:
    (claim,) = claims("Media files go to S3 as well.\n")
    assert not claim.features.specific
    (counted,) = claims("Media files go to 3 buckets.\n")
    assert counted.features.specific


def test_a_box_label_names_a_part_without_specifying_it() -> None:
    text = (
        "```mermaid\nflowchart LR\n  A[Upload API] --> B[(Object Store S3-compatible"
        " Raw + Segments)]\n```\n"
    )
    drawn = read_design(parse_design(text), catalog().vocabulary.concepts.values())
    nodes = [c for c in drawn if c.kind == "node" and "Segments" in c.text]
    assert nodes and not any(c.features.specific for c in nodes)
    held = item_support(item("video-streaming", "abr-segments"), nodes, "components")
    assert held.status == MENTIONED


# --- a deep dive is a section with its sub-sections ---------------------------------------

_SPLIT_DIVE = """# 1) Requirements

- Shorten links and redirect them.

# 2) Redirect path

## Lookup

- The redirect service hashes each code onto a consistent hashing ring of 64 virtual nodes.

## Caching

- Each store keeps 3 replicas, one per zone.

## Storage

- Writes land in a write-ahead log before the 16 partitions apply them.
"""

_THREE_DIVES = """# Deep dives

## Counters

- A Lua script of 12 lines refills and takes tokens; counters are spread over 16 shards
  by consistent hashing of the client key.

## Storage

- Objects are cut into 10+4 Reed-Solomon fragments, 3 replicas of the metadata, and the
  write-ahead log is fsynced per batch of 64 entries.

## Feed

- Fan-out on write pushes post ids to 500 followers' timelines; celebrities use fan-out on
  read, merged at request time, with a 7-day TTL on the timeline cache.
"""


def test_a_deep_dive_split_under_sub_headings_is_one_deep_dive() -> None:
    assert _deep_sections(claims(_SPLIT_DIVE)) == 1


def test_sections_that_are_each_a_deep_dive_count_once_each() -> None:
    assert _deep_sections(claims(_THREE_DIVES)) == 3


_ESTIMATES_ONLY = """# Requirements

- Documents are split into chunks of 512 tokens and ranked by relevance; answers cite
  the top 5 chunks, and index updates show within 15 minutes.

# Capacity estimates

- 2M documents x 40 chunks = 80M chunks; the index is 80M x 6 KB = 480 GB, tripled
  = 1.4 TB; the context window holds 8k tokens.
"""


def test_requirements_and_estimates_are_not_deep_dives_into_parts() -> None:
    rungs = {r.name: r.reached for r in ladder("components", claims(_ESTIMATES_ONLY))}
    assert rungs["deep dives with mechanisms"] == 0
    assert rungs["components specified with mechanisms"] == 0


# --- a numbered outline written at one heading level --------------------------------------

_FLAT_OUTLINE = """## 1) Requirements

- Users post and read a feed.

## 2) Capacity math

## Timeline storage

- 500M users x 800 ids x 8 B = 3.2 TB, 3 replicas.

## 3) Failure modes

## 1. Cache outage

- Serve from replicas.

## 4) Summary

- Done.
"""


def test_unnumbered_headings_inside_a_numbered_outline_belong_to_its_section() -> None:
    by_line = {c.line: c.headings for c in claims(_FLAT_OUTLINE)}
    assert by_line[9] == ("2) Capacity math", "Timeline storage")
    assert by_line[15] == ("3) Failure modes", "1. Cache outage")
    assert by_line[19] == ("4) Summary",)


def test_headings_of_one_level_without_an_outline_stay_sections() -> None:
    text = "## Requirements\n\n- a\n\n## Storage\n\n- b\n\n## Failures\n\n- c\n"
    assert [c.headings for c in claims(text)] == [("Requirements",), ("Storage",), ("Failures",)]


def test_a_heading_after_the_last_numbered_section_starts_a_part_of_its_own() -> None:
    text = _FLAT_OUTLINE + "\n## Appendix\n\n- Glossary of terms.\n"
    assert claims(text)[-1].headings == ("Appendix",)


def test_a_named_load_balancer_is_not_called_missing() -> None:
    """ "The internal load balancers are not drawn here" says they exist: CMP110 says what
    is left unsaid of them, never that nothing spreads the traffic."""
    from pathlib import Path

    from tradeoff.design import load_design
    from tradeoff.review import review_design

    fixture = Path(__file__).parent / "rules" / "fixtures" / "CMP110.named.md"
    review = review_design(load_design(fixture), default_catalog(), None)
    (finding,) = [f for f in review.findings if f.rule == "CMP110"]
    assert finding.message.startswith("A load balancer is named (line 10)"), finding.message


def test_a_load_balancer_named_with_its_tier_is_asked_only_about_failed_instances() -> None:
    """ "Clients reach the workers through a load balancer" says what it spreads traffic over;
    the finding asks only what is unsaid, and its fix does not tell the candidate to add the
    load balancer the line already has."""
    from pathlib import Path

    from tradeoff.design import load_design
    from tradeoff.review import review_design

    fixture = Path(__file__).parent / "rules" / "fixtures" / "CMP110.fronted.md"
    review = review_design(load_design(fixture), default_catalog(), None)
    (finding,) = [f for f in review.findings if f.rule == "CMP110"]
    assert finding.message == (
        "A load balancer is named (line 5) but not how it takes a failed instance out of rotation"
    )
    assert "Put a load balancer" not in finding.fix


def test_leased_id_blocks_are_a_code_allocator() -> None:
    """ "App servers lease id blocks from ZooKeeper" is the url-shortener's code allocator
    (counter ranges), whatever the word order: no "No code allocator" beside it."""
    from tradeoff.design import parse_design
    from tradeoff.review import review_design

    text = "# Links\n\n## Components\n- App servers lease id blocks from a coordination service.\n"
    review = review_design(parse_design(text), default_catalog(), "url-shortener")
    assert not [f for f in review.findings if f.message.startswith("No code allocator")]


def test_a_trade_off_answered_without_weighing_is_not_called_undiscussed() -> None:
    """A line that answers one of the prompt's key questions ("App servers lease id blocks")
    is cited, and the finding says what is missing (the weighing), not "Not discussed"."""
    from tradeoff.design import parse_design
    from tradeoff.review import review_design

    text = "# Links\n\n## Components\n- App servers lease id blocks from a coordination service.\n"
    review = review_design(parse_design(text), default_catalog(), "url-shortener")
    messages = {f.message: f.evidence.line for f in review.findings if f.rule == "TRD104"}
    weighed = (
        "Not weighed: How are short codes generated? Line 4 touches on it, but no option is"
        " weighed against another"
    )
    assert messages[weighed] == 4
    assert "Not discussed: 301 or 302 for the redirect?" in messages

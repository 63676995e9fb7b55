"""The generic rubric asks for scale components only where the design calls for them."""

from __future__ import annotations

import pytest

from tradeoff.catalog import default_catalog
from tradeoff.design.load import parse_design
from tradeoff.language.operations import redundancy_need
from tradeoff.review import review_design

SMALL = """# Study coach

## Requirements
- One student at a time chats with a coach that asks questions instead of answering.
- About 200 students in one school; sessions are saved so a student can resume.

## Design
A FastAPI app on one VM calls the LLM API; sessions are rows in a local SQLite file.
"""
SCALED = SMALL.replace("About 200 students in one school", "About 20M students worldwide")
_SCALE_ITEMS = {
    "A load balancer or gateway in front of stateless services.",
    "A cache on the hot read path.",
    "Partitioning for data that outgrows one node.",
    "Replicates stateful components.",
}


def _asked(text: str) -> set[str]:
    catalog = default_catalog()
    review = review_design(parse_design(text), catalog, "generic-no-such-prompt")
    asked = {f.message.removeprefix("Not covered: ") for f in review.findings}
    summaries = " ".join(s.summary for s in review.scores.values()).lower()
    return {i for i in _SCALE_ITEMS if i in asked or i.rstrip(".").lower() in summaries}


def test_a_one_vm_tool_is_not_asked_for_load_balancers_caches_or_replicas() -> None:
    assert _asked(SMALL) == set()


def test_a_design_that_states_its_scale_is_asked() -> None:
    assert _asked(SCALED)


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Track impressions and clicks at huge scale.", "at huge scale"),
        ("Scale to a huge social graph.", "huge social graph"),
        ("Count likes for billions of items.", "billions of"),
        ("Ship builds to thousands of servers worldwide.", "thousands of servers"),
        ("Trades are never lost or duplicated.", "never lost"),
    ],
)
def test_scale_said_in_words_calls_for_redundancy(text: str, need: str) -> None:
    assert redundancy_need(text) == need


@pytest.mark.parametrize(
    "text", ["Ids are globally unique.", "A high-level design follows.", "200 students"]
)
def test_words_that_are_not_scale(text: str) -> None:
    assert redundancy_need(text) is None

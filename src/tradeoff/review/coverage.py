"""How well a design covers each rubric item: specified by a claim, only mentioned, or absent."""

from __future__ import annotations

from collections.abc import Sequence

from tradeoff.catalog.schema import LEVELS, RubricItem
from tradeoff.language.claims import Claim
from tradeoff.language.mentions import MentionIndex
from tradeoff.review import substance, walkthrough
from tradeoff.review.substance import MENTIONED, SUBSTANCE, Support

# Questions asked aloud are judged over a transcript's turns (the mention index reads
# them), not claim by claim.
_WHOLE_TEXT = frozenset({"clarifying-questions"})


def item_support(
    item: RubricItem,
    claims: Sequence[Claim],
    mentions: MentionIndex | None = None,
    dimension: str = "",
) -> Support:
    """The item's support (`.status`: substance, mentioned or absent; `.claim`), with
    whole-text concepts read from the mention index when one is given."""
    claims = walkthrough.on_named_failure(item.text, claims)
    found = substance.item_support(item, claims, dimension, item.shared_concepts)
    if (
        found.status == SUBSTANCE
        and dimension == "capacity"
        and substance.unstated_parts(item.text, claims)
    ):
        # "ledger writes (... a second) and storage (... over 10 years)": a line that gives
        # one of the two has said half of the item, wherever the other is missing.
        return Support(MENTIONED, found.claim)
    if found.status == SUBSTANCE:
        return found
    walks = walkthrough.is_walkthrough(item.text)  # a trace, which no section order is
    trace = walkthrough.traced(item.text, claims) if walks else None
    if trace is not None:
        return Support(SUBSTANCE, trace)
    if "structure" in item.concepts and not walks and substance.visible_order(claims) >= 3:
        # An item that asks for two paths apart ("the upload path and the playback path
        # separately") is met by a heading for each, not by any answer in order.
        sides = substance.path_sides(item.text)
        if sides is None or substance.presents_apart(claims, sides):
            return Support(SUBSTANCE, found.claim)
    if mentions is None:
        return found
    for concept in item.concepts:
        if concept in _WHOLE_TEXT and mentions.strength(concept) >= 0.8:
            return Support(SUBSTANCE, found.claim)
    return found


def item_coverage(
    item: RubricItem, claims: Sequence[Claim], mentions: MentionIndex, dimension: str = ""
) -> float:
    """1.0 when a claim specifies the item, else 0: a bare mention earns no credit, so
    appending mention-only prose can never raise a score."""
    return item_support(item, claims, mentions, dimension).credit


def is_mentioned(item: RubricItem, claims: Sequence[Claim], mentions: MentionIndex) -> bool:
    return item_support(item, claims, mentions).status == MENTIONED


def expected_at(item: RubricItem, level: str) -> bool:
    """Whether a candidate at `level` is expected to cover the item."""
    return LEVELS.index(item.level) <= LEVELS.index(level)  # type: ignore[arg-type,unused-ignore]

"""What a design's own text calls for, when no prompt says it: redundancy and scale.

The generic rubric reviews a design with no catalog prompt. A prompt says how big the
system is; without one only the design can, by an availability target ("99.9%"), several
instances drawn or written ("three app servers behind a load balancer") or a scale ("20M
DAU", "5,000 req/s"). A single-user tool on one VM states none of them, and asking it for
a load balancer, a cache, partitioning or replicas is advice a careful reader rejects.
"""

from __future__ import annotations

from tradeoff.catalog.schema import Rubric
from tradeoff.language.mentions import clean_line
from tradeoff.language.operations import redundancy_need
from tradeoff.review.context import ReviewContext
from tradeoff.review.graph import TIER_KINDS


def states_scale(ctx: ReviewContext) -> bool:
    """Whether the design draws a tier of several instances or its text states an
    availability target, several instances or a large scale. The diagram is asked before
    the text, which is read line by line until one states a need."""
    if any(
        node.kind in TIER_KINDS and ctx.graph.is_several(key)
        for key, node in ctx.graph.nodes.items()
    ):
        return True
    return any(redundancy_need(clean_line(text)) is not None for _, text in ctx.lines)


def fitted(rubric: Rubric, scale: bool) -> Rubric:
    """The rubric without the items whose need the design does not state. A dimension
    whose every item needs what is missing keeps them all (a dimension has at least one).

    Built afresh from the rubric's data, never sharing its items: a rubric marks on each
    item the concepts other items share, and the fitted one has fewer items. Kept per
    rubric, as every design without a stated scale gets the same one."""
    if scale:
        return rubric
    kept = _FITTED.get(id(rubric))
    if kept is not None and kept[0] is rubric:
        return kept[1]
    data = rubric.model_dump(exclude_none=True)
    for dimension in data.values():
        items = [item for item in dimension["items"] if item.get("needs") != "scale"]
        if items:
            dimension["items"] = items
    result = Rubric.model_validate(data)
    _FITTED[id(rubric)] = (rubric, result)
    return result


_FITTED: dict[int, tuple[Rubric, Rubric]] = {}

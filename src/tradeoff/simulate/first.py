"""What breaks first: the design's own bottleneck, from its annotated diagram, for the review.

The reviewer's scorecard answers "what breaks first at 10x?" with numbers only when the
candidate wrote some: a node with instances, a service time or a throughput. With none,
every figure would be a default, and the line would grade the defaults, not the design.
"""

from __future__ import annotations

from dataclasses import dataclass

from tradeoff.catalog.loader import default_catalog
from tradeoff.design.model import DesignDoc
from tradeoff.errors import TradeoffError
from tradeoff.simulate.analytic import analyse
from tradeoff.simulate.build import build_network
from tradeoff.simulate.workload import problem_workload


@dataclass(frozen=True)
class BreaksFirst:
    node: str
    line: int | None
    ceiling: float  # requests per second entering at which the node saturates
    peak: float | None  # the prompt's peak rate, when the prompt is known
    utilisation: float | None  # the node's utilisation at that peak

    def sentence(self) -> str:
        where = f" (line {self.line})" if self.line else ""
        text = (
            f"What breaks first: {self.node}{where} saturates at about"
            f" {self.ceiling:,.0f} requests/s entering the system"
        )
        if self.peak is not None and self.utilisation is not None:
            text += (
                f"; the prompt's peak of {self.peak:,.0f}/s needs"
                f" {self.utilisation:.0%} of its capacity"
            )
        return text + " (tradeoff simulate for the details)."

    def to_json(self) -> dict[str, object]:
        return {
            "node": self.node,
            "line": self.line,
            "ceiling_rps": round(self.ceiling, 1),
            "peak_rps": None if self.peak is None else round(self.peak, 1),
            "utilisation_at_peak": None if self.utilisation is None else round(self.utilisation, 3),
        }


def breaks_first(doc: DesignDoc, problem_id: str | None) -> BreaksFirst | None:
    """The first bottleneck of the design's diagram, or None when the diagram carries no
    capacity figures of the candidate's own or cannot be modelled."""
    try:
        network = build_network(doc)
    except TradeoffError:
        return None
    if all(station.assumed >= {"instances", "service"} for station in network.stations.values()):
        return None  # nothing but defaults
    analysis = analyse(network, 1.0)
    if analysis.bottleneck is None or analysis.ceiling == float("inf"):
        return None
    node = analysis.bottleneck
    if network.stations[node].assumed >= {"instances", "service"}:
        # A 'Storage Nodes' box with no count and no speed: its ceiling is our default for
        # one instance, and naming it would grade the defaults again, not the design.
        return None
    line = network.lines.get(node)
    peak = utilisation = None
    if problem_id is not None and problem_id in default_catalog().problems:
        try:
            load = problem_workload(problem_id, None)
        except TradeoffError:
            load = None
        if load is not None:
            peak = load.offered  # the average rate times the prompt's peak factor
            utilisation = peak / analysis.ceiling
    return BreaksFirst(node, line, analysis.ceiling, peak, utilisation)

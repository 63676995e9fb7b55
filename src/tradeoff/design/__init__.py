"""The candidate's artefact: a design document parsed into lines, sections, diagrams and facts."""

from tradeoff.design.load import load_design, parse_design
from tradeoff.design.model import DesignDoc, Diagram, Edge, Node, Section

__all__ = ["DesignDoc", "Diagram", "Edge", "Node", "Section", "load_design", "parse_design"]

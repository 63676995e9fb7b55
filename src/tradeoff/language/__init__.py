"""Reading a candidate's text as claims with evidence, shared by the reviewer and interviewer."""

from __future__ import annotations

from collections.abc import Iterable

from tradeoff.catalog.vocabulary import Concept
from tradeoff.design.model import DesignDoc
from tradeoff.language.claims import Claim, split_design, split_text
from tradeoff.language.evidence import analyse
from tradeoff.language.features import Features


def read_design(
    doc: DesignDoc, concepts: Iterable[Concept], skipped: Iterable[int] = ()
) -> list[Claim]:
    """Every claim of a design with its evidence features."""
    return analyse(split_design(doc, skipped), concepts)


def read_text(text: str, concepts: Iterable[Concept], first_line: int = 1) -> list[Claim]:
    """The claims of free text (a spoken turn), numbered from `first_line`."""
    return analyse(split_text(text, first_line), concepts)


__all__ = ["Claim", "Features", "read_design", "read_text"]

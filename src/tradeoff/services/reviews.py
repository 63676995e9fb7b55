"""Review a design given as text or an upload: the scorecard a page or the API shows.

The reviewer reads a DesignDoc; this module turns pasted text or uploaded bytes into one
with the same checks `load_design` makes on a file, and lays the Review out with the
design's lines so each finding can link to the line it cites.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import DIMENSIONS, LEVELS
from tradeoff.design.excalidraw import drawing_lines, parse_excalidraw
from tradeoff.design.load import MAX_BYTES, DesignFileError, decode, parse_design
from tradeoff.design.markdown import find_fences
from tradeoff.design.model import DesignDoc
from tradeoff.errors import TradeoffError
from tradeoff.review.engine import Review, review_design
from tradeoff.review.report import dimension_title
from tradeoff.services.errors import BadInputError, TooLargeError
from tradeoff.vocabulary import Severity

SEVERITY_ORDER: tuple[Severity, ...] = tuple(Severity)


@dataclass(frozen=True)
class DimensionBar:
    """One bar of the scorecard: a dimension's 0-4 score (None when not assessed)."""

    dimension: str
    title: str
    score: int | None
    value: float  # unrounded, for the bar's length
    summary: str

    @property
    def percent(self) -> int:
        return round(25 * self.value)


@dataclass(frozen=True)
class FindingView:
    number: int  # 1-based position on the scorecard, for anchors
    rule: str
    dimension: str
    severity: str
    kind: str
    message: str
    fix: str
    line: int | None
    quote: str | None


@dataclass(frozen=True)
class LineView:
    """A line of the design as shown beside the scorecard, with the findings citing it."""

    number: int
    text: str
    findings: tuple[int, ...]  # FindingView.number of each finding at this line
    severity: str | None  # the worst severity among them


@dataclass(frozen=True)
class Unread:
    """A part of the input the parser could not read (a broken Mermaid statement...)."""

    line: int | None
    message: str


@dataclass(frozen=True)
class Scorecard:
    problem: str
    level: str
    overall: int
    verdict: str
    verdicts: dict[str, str]  # the verdict at every level, each from a review at that level
    dimensions: list[DimensionBar]
    findings: list[FindingView]
    next_steps: list[str]
    notes: list[str]
    lines: list[LineView]
    unread: list[Unread]
    diagrams: list[str]  # each Mermaid block's source, for the page to draw
    contract: dict[str, Any] = field(default_factory=dict)  # Review.to_json() at `level`


def read_upload(data: bytes, name: str, limit: int = MAX_BYTES) -> DesignDoc:
    """An uploaded file as a design: too large, binary or not UTF-8 are refused; an
    .excalidraw board is read as a drawing, anything else as Markdown or plain text."""
    if len(data) > limit:
        raise TooLargeError(len(data), limit)
    try:
        text = decode(data, name)
    except DesignFileError as exc:
        raise BadInputError(str(exc)) from None
    if name.lower().endswith(".excalidraw"):
        try:
            diagram, notices = parse_excalidraw(text, name)
        except TradeoffError as exc:
            raise BadInputError(str(exc)) from None
        doc = DesignDoc(source=name, lines=drawing_lines(diagram))
        doc.diagrams.append(diagram)
        doc.notices.extend(notices)
        return doc
    return parse_design(text, name)


def read_text(text: str, limit: int = MAX_BYTES) -> DesignDoc:
    """Pasted text as a design, with the same size and emptiness checks as a file."""
    return read_upload(text.encode("utf-8"), "pasted design", limit)


def scorecard(
    doc: DesignDoc, catalog: Catalog, problem_id: str | None = None, level: str = "senior"
) -> Scorecard:
    """Review `doc` at `level` (and at every other level for the verdict per level)."""
    if level not in LEVELS:
        raise BadInputError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    review = review_design(doc, catalog, problem_id or None, level)
    verdicts = {level: review.verdict}
    for other in LEVELS:
        if other != level:
            verdicts[other] = review_design(doc, catalog, review_problem(review), other).verdict
    return layout(review, doc, {lvl: verdicts[lvl] for lvl in LEVELS})


def review_problem(review: Review) -> str | None:
    """The prompt a review used, so the other levels judge the same one (not a new guess)."""
    return None if review.problem == "generic" else review.problem


def layout(review: Review, doc: DesignDoc, verdicts: dict[str, str]) -> Scorecard:
    """The review beside the design's lines; shared by pasted designs and session reports."""
    return from_contract(
        review.to_json(),
        doc.lines,
        verdicts,
        notes=review.notes,
        unread=[Unread(n.line, n.message) for n in doc.notices],
        interview_type=review.interview_type,
        values={d: s.score for d, s in review.scores.items()},
    )


def from_contract(
    contract: dict[str, Any],
    lines: list[str],
    verdicts: dict[str, str],
    *,
    notes: list[str] | None = None,
    unread: list[Unread] | None = None,
    interview_type: str = "product",
    values: dict[str, float] | None = None,
) -> Scorecard:
    """A scorecard from the review contract (what a finished session stores) and the text
    its line numbers refer to."""
    bars = []
    for dim in DIMENSIONS:
        entry = contract["dimensions"].get(dim, {})
        score = entry.get("score")
        value = (values or {}).get(dim, float(score) if score is not None else 0.0)
        title = dimension_title(dim, interview_type)
        bars.append(DimensionBar(dim, title, score, value, str(entry.get("summary", ""))))
    findings = [
        FindingView(
            number=n,
            rule=f["rule"],
            dimension=f["dimension"],
            severity=f["severity"],
            kind=f["kind"],
            message=f["message"],
            fix=f["fix"],
            line=f["evidence"]["line"],
            quote=f["evidence"]["quote"],
        )
        for n, f in enumerate(contract["findings"], start=1)
    ]
    at_line: dict[int, list[FindingView]] = defaultdict(list)
    for finding in findings:
        if finding.line is not None:
            at_line[finding.line].append(finding)
    shown = [
        LineView(
            number=n,
            text=text,
            findings=tuple(f.number for f in at_line.get(n, [])),
            severity=_worst(at_line.get(n, [])),
        )
        for n, text in enumerate(lines, start=1)
    ]
    return Scorecard(
        problem=contract["problem"],
        level=contract["level"],
        overall=contract["overall"],
        verdict=contract["verdict"],
        verdicts=verdicts,
        dimensions=bars,
        findings=findings,
        next_steps=list(contract["next_steps"]),
        notes=list(notes or []),
        lines=shown,
        unread=list(unread or []),
        diagrams=mermaid_sources(lines),
        contract=contract,
    )


def _worst(findings: list[FindingView]) -> str | None:
    for severity in SEVERITY_ORDER:
        if any(f.severity == severity for f in findings):
            return severity
    return None


def mermaid_sources(lines: list[str]) -> list[str]:
    """The body of every closed Mermaid fence, in order."""
    return [
        "\n".join(lines[n - 1] for n in fence.body_lines())
        for fence in find_fences(lines)
        if fence.info == "mermaid" and fence.closed
    ]

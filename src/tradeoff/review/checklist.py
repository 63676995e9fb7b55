"""Tick an interview checklist against a design: each item met on a line, or still open.

An item ticks on one claim of the candidate's (a sentence, list item or table row) that
states every piece of substance one of the item's ways asks for; a claim that only names the
subject ("we will have alerts") leaves the item open and is reported as mentioned, with what
it lacks. Evidence is the claim's 1-based line and a verbatim quote of it, as for findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tradeoff.catalog.checklists import Checklist, Checklists, Item, Need
from tradeoff.catalog.loader import Catalog
from tradeoff.design.model import DesignDoc
from tradeoff.language import operations
from tradeoff.language.claims import CODE, EDGE, ITEM, NODE, Claim, split_design
from tradeoff.language.mentions import NEGATED, classify, is_fluff
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Evidence


def _failure_of_subject(text: str, heading: str, used: list[tuple[int, int]]) -> bool:
    """A failure paired with a response, where the way's subject (the stateful component)
    is named before the response: what fails, then what is done about it. A component
    named only inside the response is part of the answer, not what failed: "providers
    fail, so retry and use a dead letter queue" names no failing queue."""
    found = operations.failure_response(text)
    if found is None:
        return False
    if not used or found.from_heading:
        return True
    answer = text.find(found.response, max(0, text.find(found.trigger)))
    return answer < 0 or used[0][0] < answer


# Shared detectors by the name the data file uses; each reads one claim, its heading and the
# spans the way's earlier needs used (the subject's first).
DETECTORS: dict[str, Callable[[str, str, list[tuple[int, int]]], bool]] = {
    "failure_response": _failure_of_subject,
    "monitoring_signal": lambda text, heading, used: (
        operations.monitoring_signal(text, heading) is not None
    ),
}
# Typographic variants read as their ASCII forms (one character for one, so spans hold).
_PLAIN = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                        "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2019": "'",
                        "*": " ", "`": " "})  # fmt: skip
_DIGIT = re.compile(r"\d")
# An endpoint's method line, in code or alone on its line ("`POST /v1/answer`", "- GET /x").
_METHOD_LINE = re.compile(r"^[\s>*+`-]*(?:GET|POST|PUT|PATCH|DELETE)\s+`?/")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


@dataclass(frozen=True)
class Mentioned:
    """A claim that names an item's subject without the substance that would tick it."""

    evidence: Evidence
    named: str  # what the claim does state: the way's subject ("an audit log")
    missing: tuple[str, ...]  # what it would also need to state

    def to_json(self) -> dict[str, Any]:
        return {**self.evidence.to_json(), "named": self.named, "missing": list(self.missing)}


@dataclass(frozen=True)
class ItemResult:
    item: Item
    evidence: Evidence | None  # where the design meets the item; None while it is open
    mentioned: Mentioned | None = None  # the closest claim, when the item is open

    @property
    def met(self) -> bool:
        return self.evidence is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.item.id,
            "text": self.item.text,
            "met": self.met,
            "evidence": self.evidence.to_json() if self.evidence is not None else None,
            "mentioned": self.mentioned.to_json() if self.mentioned is not None else None,
        }


@dataclass(frozen=True)
class ChecklistResult:
    checklist: Checklist
    items: list[ItemResult]

    @property
    def met(self) -> int:
        return sum(1 for r in self.items if r.met)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.checklist.id,
            "title": self.checklist.title,
            "met": self.met,
            "total": len(self.items),
            "items": [r.to_json() for r in self.items],
        }


def design_claims(doc: DesignDoc, skipped: Iterable[int]) -> list[Claim]:
    """The candidate's claims in prose, lists, tables and code; diagram labels are names of
    boxes and arrows, not statements, so they tick nothing. A list item split at ";" also
    counts whole: "Auth: OAuth2 bearer tokens; tokens expire after 15 minutes" names the
    scheme in one clause and its lifetime in the next, and the item says both of it."""
    claims = [c for c in split_design(doc, skipped) if c.kind not in (NODE, EDGE)]
    return claims + _whole_items(doc, claims) + _endpoint_blocks(doc, claims)


def _whole_items(doc: DesignDoc, claims: list[Claim]) -> list[Claim]:
    """One claim per list item of several clauses on one line, quoting the line from its
    first clause to its last."""
    out: list[Claim] = []
    group: list[Claim] = []
    for claim in [*claims, None]:
        if (
            claim is not None
            and group
            and claim.kind == ITEM
            and claim.line == group[-1].line
            and claim.headings == group[-1].headings
        ):
            group.append(claim)
            continue
        if len(group) > 1:
            raw = doc.lines[group[0].line - 1] if group[0].line <= len(doc.lines) else ""
            start = raw.find(group[0].quote)
            end = raw.find(group[-1].quote, max(start, 0))
            if start >= 0 and end >= 0:
                quote = raw[start : end + len(group[-1].quote)]
                text = "; ".join(c.text for c in group)
                out.append(Claim(group[0].line, quote, text, ITEM, group[0].headings))
        group = [claim] if claim is not None and claim.kind == ITEM else []
    return out


def _endpoint_blocks(doc: DesignDoc, claims: list[Claim]) -> list[Claim]:
    """One claim per endpoint written with its request and response under it in code: the
    method line of a code block read with the lines below it up to the block's end or the
    next endpoint, or an endpoint alone on its line read with the code block right under
    it. "POST /v1/links" with its JSON body and "Response 201" on the next lines specifies
    the endpoint, though no single line of it does; the claim is quoted by its method line."""
    out: list[Claim] = []
    lines = doc.lines
    for claim in claims:
        if not _METHOD_LINE.match(claim.quote) or claim.line > len(lines):
            continue
        number = claim.line + 1
        if claim.kind != CODE:  # the fence must open on the next line that is not blank
            while number <= len(lines) and not lines[number - 1].strip():
                number += 1
            if number > len(lines) or not _FENCE.match(lines[number - 1]):
                continue
            number += 1
        body: list[str] = []
        while number <= len(lines):
            line = lines[number - 1]
            if _FENCE.match(line) or _METHOD_LINE.match(line):
                break
            body.append(line.strip())
            number += 1
        text = " ".join(part for part in body if part)
        if text:
            out.append(Claim(claim.line, claim.quote, f"{claim.text} {text}", claim.kind,
                             claim.headings))  # fmt: skip
    return out


def review_claims(doc: DesignDoc, catalog: Catalog, problem_id: str) -> list[Claim]:
    """The claims a review of `doc` as `problem_id` (a catalog id or "generic") reads: the
    same lines, without interviewer turns, comments and untouched template lines."""
    problem = catalog.problems.get(problem_id)
    ctx = ReviewContext(
        doc=doc,
        problem=problem,
        rubric=problem.rubric if problem is not None else catalog.generic_rubric,
        vocabulary=catalog.vocabulary,
        level="senior",
        interview_type=problem.type if problem is not None else "product",
    )
    return design_claims(doc, ctx.skipped)


def tick(checklist: Checklist, claims: list[Claim], checklists: Checklists) -> ChecklistResult:
    """Each item of the checklist, met at the first claim that states its substance."""
    usable = [
        (claim, text, not _DIGIT.search(text) and is_fluff(text))
        for claim in claims
        if not checklists.refused(claim.text, claim.headings)
        for text in [claim.text.translate(_PLAIN)]
    ]
    return ChecklistResult(checklist, [_tick_item(item, usable) for item in checklist.items])


def _tick_item(item: Item, claims: list[tuple[Claim, str, bool]]) -> ItemResult:
    best: tuple[int, Claim, str, tuple[str, ...]] | None = None
    for claim, text, fluff in claims:
        for way in item.ways:
            used: list[tuple[int, int]] = []
            if not _meets(way[0], text, claim.heading, used):
                continue  # the way's subject is not here
            missing = tuple(n.what for n in way[1:] if not _meets(n, text, claim.heading, used))
            if not missing and not fluff:
                return ItemResult(item, Evidence(claim.line, claim.quote))
            met = len(way) - len(missing)
            if best is None or met > best[0]:
                missing = missing or ("a statement of fact rather than a slogan",)
                best = (met, claim, way[0].what, missing)
    if best is None:
        return ItemResult(item, None)
    _, claim, named, missing = best
    return ItemResult(item, None, Mentioned(Evidence(claim.line, claim.quote), named, missing))


def _meets(need: Need, text: str, heading: str, used: list[tuple[int, int]]) -> bool:
    """Whether a claim states what the need asks, in words no earlier need of the way used
    ("warm" cannot be both the cache warm-up and its protection); a pattern negated in its
    own clause ("we do not encrypt backups") does not count. A need marked `heading` may be
    met by the claim's heading instead ("p99 > 300 ms" listed under "Alerts"); one marked
    `near` must stand within that many characters of the way's subject."""
    if need.detector is not None:
        return DETECTORS[need.detector](text, heading, used)
    regex = need.regex
    assert regex is not None
    for match in regex.finditer(text):
        span = (match.start(), max(match.end(), match.start() + 1))
        if any(span[0] < end and start < span[1] for start, end in used):
            continue
        if need.near is not None and used and _gap(span, used[0]) > need.near:
            continue  # a list of unrelated controls: "audit logs, GDPR-compatible retention"
        if classify(text, span[0], span[1], False) != NEGATED:
            used.append(span)
            return True
    return need.heading and regex.search(heading) is not None


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))

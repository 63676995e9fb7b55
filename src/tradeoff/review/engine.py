"""Review a parsed design against a problem's rubric: run every rule, score, and advise.

This is the one entry point the CLI, the interviewer and the web app call. It holds no I/O:
give it a DesignDoc and a catalog, get a Review whose `to_json` is the stable contract.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import LEVELS, Problem
from tradeoff.catalog.vocabulary import Concept
from tradeoff.design.model import DesignDoc, Unread
from tradeoff.errors import TradeoffError
from tradeoff.gc_pause import collection_paused
from tradeoff.language import read_text
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Finding
from tradeoff.review.needs import fitted, states_scale
from tradeoff.review.rules import RULES
from tradeoff.review.scoring import (
    COVERAGE_KINDS,
    DIMENSION_WEIGHTS,
    RUBRIC_SHARE,
    DimensionScore,
    overall_score,
    score_dimension,
    verdict,
)
from tradeoff.vocabulary import Severity
from tradeoff.wording import sentences

_SEVERITY_RANK: dict[str, int] = {Severity.error: 3, Severity.warning: 2, Severity.info: 1}
GENERIC = "generic"


@dataclass
class Review:
    problem: str  # the problem id, or "generic"
    level: str
    overall: int
    verdict: str
    scores: dict[str, DimensionScore]
    findings: list[Finding]
    next_steps: list[str]
    notes: list[str] = field(default_factory=list)  # how the prompt was chosen, what was unread
    interview_type: str = "product"
    word_count: int = 0
    unread: Unread | None = None  # set when a huge design was reviewed on its first part

    def to_json(self) -> dict[str, Any]:
        """The review contract of DESIGN.md, key for key."""
        dimensions: dict[str, Any] = {}
        for dim in ("requirements", "capacity", "api_data", "components", "tradeoffs",
                    "reliability", "communication"):  # fmt: skip
            score = self.scores.get(dim)
            if score is None:
                dimensions[dim] = {
                    "score": None,
                    "max": 4,
                    "summary": "not assessed for object-oriented prompts",
                }
            else:
                dimensions[dim] = {"score": score.rounded, "max": 4, "summary": score.summary}
        result = {
            "problem": self.problem,
            "level": self.level,
            "overall": self.overall,
            "verdict": self.verdict,
            "dimensions": dimensions,
            "findings": [f.to_json() for f in self.findings],
            "next_steps": list(self.next_steps),
        }
        if self.unread is not None:  # a reader of the JSON alone must know it is partial
            result["unread"] = self.unread.to_json()
        return result


def review_design(
    doc: DesignDoc,
    catalog: Catalog,
    problem_id: str | None = None,
    level: str = "senior",
    coverage_overrides: Mapping[str, float] | None = None,
    settled: frozenset[str] = frozenset(),
) -> Review:
    """Run every rule over `doc` with the chosen (or guessed) prompt's rubric.

    `coverage_overrides` raises the coverage of named rubric items: it carries verdicts an
    LLM gave with evidence that code has already checked verbatim against the text.
    `settled` names concepts a mock interview settled by what happened in it (see
    `ReviewContext.settled`), so its rules agree with the interviewer's state.
    The cyclic garbage collector is paused meanwhile: a review makes no cycles, and the
    collections it set off cost about a sixteenth of its time (`tradeoff.gc_pause`).
    """
    with collection_paused():
        return _review_design(doc, catalog, problem_id, level, coverage_overrides, settled)


def _review_design(
    doc: DesignDoc,
    catalog: Catalog,
    problem_id: str | None,
    level: str,
    coverage_overrides: Mapping[str, float] | None,
    settled: frozenset[str],
) -> Review:
    if level not in LEVELS:
        raise TradeoffError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    notes: list[str] = []
    problem: Problem | None
    if problem_id is None:
        guess = guess_problem(doc, catalog)
        problem = guess.problem if guess.confident else None
        if guess.problem is None:
            notes.append(
                "could not tell which prompt this answers; used the generic rubric"
                " (pass --problem ID for a prompt-specific review)"
            )
        elif not guess.confident:
            # A guessed prompt brings its hidden scale and rubric; on a weak guess (a
            # "Socratic coach chat app" is not WhatsApp) that would grade the wrong design.
            notes.append(
                f"this may answer '{guess.problem.id}', but the title also says"
                f" {', '.join(guess.unexplained)}; used the generic rubric"
                f" (pass --problem {guess.problem.id} to review it as that prompt)"
            )
        else:
            notes.append(
                f"reviewed as '{guess.problem.id}' (guessed from the title; pass --problem to"
                " choose)"
            )
    elif problem_id in catalog.problems:
        problem = catalog.problems[problem_id]
    else:
        problem = None
        notes.append(sentences(catalog.unknown_message(problem_id), "used the generic rubric"))
    rubric = problem.rubric if problem is not None else catalog.generic_rubric
    interview_type = problem.type if problem is not None else "product"
    ctx = ReviewContext(
        doc=doc,
        problem=problem,
        rubric=rubric,
        vocabulary=catalog.vocabulary,
        level=level,
        interview_type=interview_type,
        numbers=catalog.numbers.get(problem.id, ()) if problem is not None else (),
        settled=settled,
        credited=frozenset(i for i, c in (coverage_overrides or {}).items() if c >= 1.0),
    )
    if problem is None:  # no prompt says how big it is: ask only what the design calls for
        ctx.rubric = rubric = fitted(rubric, states_scale(ctx))
    findings = run_rules(ctx)
    scores: dict[str, DimensionScore] = {
        dim: score_dimension(
            dim,
            dim_rubric,
            ctx.claims,
            ctx.mentions,
            findings,
            level,
            coverage_overrides,
            _rubric_share(problem),
        )
        for dim, dim_rubric in rubric.dimensions().items()
    }
    overall = overall_score(scores)
    if doc.unread is not None:
        notes.append(doc.unread.note())
    if doc.notices:
        notes.append(f"{len(doc.notices)} part(s) of the input could not be read; see COM109")
    return Review(
        problem=problem.id if problem is not None else GENERIC,
        level=level,
        overall=overall,
        verdict=verdict(overall, scores, level),
        scores=scores,
        findings=findings,
        next_steps=next_steps(findings, concepts=tuple(catalog.vocabulary.concepts.values())),
        notes=notes,
        interview_type=interview_type,
        word_count=ctx.word_count,
        unread=doc.unread,
    )


def judged_by_rubric_alone(problem: Problem | None) -> bool:
    """Whether a prompt's scores come from its rubric alone, with no depth ladder: an
    object-oriented design has classes, not the endpoints a ladder's first step counts."""
    return _rubric_share(problem) >= 1.0


def _rubric_share(problem: Problem | None) -> float:
    """How much of a dimension comes from the rubric rather than its ladder. The ladders
    describe the depth of a distributed system's design (redundancy, request paths,
    capacity); an object-oriented or front-end prompt is judged by its own rubric alone, and
    a design with no catalog prompt by the ladders alone."""
    if problem is None:
        return 0.0
    if problem.type in ("object-oriented", "front-end"):
        return 1.0
    return RUBRIC_SHARE


def run_rules(ctx: ReviewContext) -> list[Finding]:
    """Every registered rule, findings ordered by severity, then dimension, then line."""
    findings: list[Finding] = []
    for rule in RULES.values():
        findings.extend(rule.check(ctx))
    dims = list(DIMENSION_WEIGHTS)
    findings.sort(
        key=lambda f: (
            -_SEVERITY_RANK[f.severity],
            dims.index(f.dimension),
            f.evidence.line if f.evidence.line is not None else 10**9,
            f.rule,
        )
    )
    return findings


def next_steps(
    findings: list[Finding], limit: int = 5, concepts: tuple[Concept, ...] = ()
) -> list[str]:
    """3-5 actions, highest impact first, each naming the finding it comes from; a missing
    component that an earlier step already asks for ("Serve media through a CDN" before "No
    media storage and CDN") is one action, not two."""
    ranked = sorted(
        (f for f in findings if f.severity != Severity.info),
        key=lambda f: (
            -_SEVERITY_RANK[f.severity] * DIMENSION_WEIGHTS[f.dimension]
            - (0 if f.kind in COVERAGE_KINDS else 5),
        ),
    )
    if len(ranked) < 3:
        ranked += [f for f in findings if f.severity == Severity.info]
    steps: list[str] = []
    seen: set[str] = set()
    asked_for: set[str] = set()  # the concepts the steps so far ask for
    for finding in ranked:
        if finding.kind in seen and finding.kind not in COVERAGE_KINDS:
            continue
        detail = finding.message if finding.kind in COVERAGE_KINDS else finding.fix
        named = _named_concepts(detail, concepts)
        if finding.kind == "missing-component" and named & asked_for:
            continue
        asked_for |= named
        seen.add(finding.kind)
        where = f", line {finding.evidence.line}" if finding.evidence.line else ""
        steps.append(f"{detail} ({finding.rule}{where})")
        if len(steps) >= limit:
            break
    return steps


def _named_concepts(text: str, concepts: tuple[Concept, ...]) -> set[str]:
    """The concepts a step's text names. The texts are the rules' fixes and the rubric's
    item messages, the same few in review after review, and what they name depends on the
    text and the vocabulary alone: each is read once per vocabulary (keyed as the term
    table is, by the concepts' identities), where every review read its five to eight
    steps anew (about 1 ms of a cold review of the long answer)."""
    if not concepts:
        return set()
    key = (text, tuple(map(id, concepts)))
    hit = _NAMED.get(key)
    if hit is None or hit[0] != concepts:
        if len(_NAMED) >= _NAMED_KEPT:
            _NAMED.clear()
        named = frozenset().union(*(c.features.concepts for c in read_text(text, concepts)))
        hit = _NAMED[key] = (concepts, named)  # the concepts held, so their ids stay theirs
    return set(hit[1])


_NAMED: dict[tuple[str, tuple[int, ...]], tuple[tuple[Concept, ...], frozenset[str]]] = {}
_NAMED_KEPT = 1024


def _prompt_names(catalog: Catalog) -> tuple[str, ...]:
    """Every name of every prompt, lower-cased, as `guess_problem` looks for them."""
    return tuple(
        name.lower()
        for problem in catalog.problems.values()
        for name in (problem.id.replace("-", " "), *problem.aliases)
    )


@lru_cache(maxsize=4)
def _name_automaton(names: tuple[str, ...]) -> Any:
    """An Aho-Corasick automaton of the names: one pass over a text finds every name it
    holds (built once per catalog)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name in names:
        if name:
            automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def _names_in(names: tuple[str, ...], texts: tuple[str, ...]) -> set[str]:
    """The names that are substrings of one of the texts (`name in text` for each)."""
    automaton = _name_automaton(names)
    found = {name for text in texts for _, name in automaton.iter(text)}
    if "" in names:
        found.add("")  # in every text, as `"" in text` is
    return found


def _word_count(word: str, text: str, limit: int) -> int:
    """`len(re.findall(rf"\\b{re.escape(word)}\\b", text))`, stopping at `limit`: the
    occurrences `str.find` gives, kept where `\\b` holds on both sides (a word character,
    `str.isalnum()` or "_", on exactly one side), where the regex was tried at every
    position of a body of up to 400 lines."""
    if not word:  # an empty name matches at every boundary; never a prompt's name
        return min(limit, len(re.findall(r"\b\b", text)))
    count = 0
    at = text.find(word)
    while at >= 0 and count < limit:
        end = at + len(word)
        if _boundary(text, at) and _boundary(text, end):
            count += 1
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return count


def _boundary(text: str, at: int) -> bool:
    """Whether `\\b` holds at offset `at` of `text`, as `re` reads it."""
    before = at > 0 and _is_word(text[at - 1])
    after = at < len(text) and _is_word(text[at])
    return before != after


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class Guess:
    """The prompt a text seems to answer, and whether the title leaves no doubt."""

    problem: Problem | None
    confident: bool = False
    unexplained: tuple[str, ...] = ()  # title words the guessed prompt does not account for


_TITLE_FILLER = frozenset(
    """design designing system systems a an the of for like to and with our how build
    building service platform app application simple basic scalable distributed or vs com
    www io net org""".split()
)


def guess_problem(doc: DesignDoc, catalog: Catalog) -> Guess:
    """The prompt the text answers, from its title first and its body second. The guess is
    confident when the prompt's names account for most of the title's own words."""
    head = " ".join(doc.lines[:3]).lower()
    title = next((s.title for s in doc.sections if s.level > 0), head).lower()
    body = "\n".join(doc.lines[:400]).lower()
    best: tuple[float, Problem | None] = (0.0, None)
    title_words_said = set(re.findall(r"[a-z]{4,}", title))  # once: a title may be 2 MB
    # The prompts' names the texts hold, from one pass over each (where testing each of
    # ~160 names read the body once per name): only those are looked for as words.
    said = _names_in(_prompt_names(catalog), (title, head, body))
    for problem in catalog.problems.values():
        score = 0.0
        names = [problem.id.replace("-", " "), *problem.aliases]
        for name in names:
            lowered = name.lower()
            if lowered not in said:
                continue
            if _word_count(lowered, title, 1) or _word_count(lowered, head, 1):
                score += 5
            if " " in name or "." in name:  # "url shortener", "bit.ly"; not a bare "kafka"
                score += _word_count(lowered, body, 3) * 0.5
        title_words = set(re.findall(r"[a-z]{4,}", problem.title.lower())) - {"design"}
        score += len(title_words & title_words_said)
        if score > best[0]:
            best = (score, problem)
    found = best[1] if best[0] >= 2.5 else None
    if found is None:
        return Guess(None)
    words = [w for w in re.findall(r"[a-z0-9]+", title) if w not in _TITLE_FILLER]
    known = set(re.findall(r"[a-z0-9]+", found.title.lower()))
    for name in (found.id.replace("-", " "), *found.aliases):
        known |= set(re.findall(r"[a-z0-9]+", name.lower()))
    unexplained = tuple(w for w in words if w not in known and w.rstrip("s") not in known)
    confident = bool(words) and len(unexplained) * 2 < len(words)
    return Guess(found, confident, unexplained)

"""The end-of-interview report: the scorecard plus what the transcript shows about the candidate.

Built from recorded events only, so a session reviewed live, resumed after a crash or
exported weeks later gives the same report.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import Problem
from tradeoff.design.load import parse_design
from tradeoff.interview.phases import PHASES, budgets, clock_text
from tradeoff.interview.questions import questions_in
from tradeoff.review.coverage import expected_at, item_coverage
from tradeoff.review.engine import review_design

_ASSUMES = re.compile(r"\b(assum\w*|let's say|lets say|suppose)\b", re.I)
_CHANGE = re.compile(r"\b(instead|switch\w*|change\w* (my|the) mind|actually|scratch that)\b", re.I)
_REASON = re.compile(r"\b(because|since|so that|as it|due to|given that)\b", re.I)
SILENCE_SECONDS = 180


class EventLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def phase(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def data(self) -> dict[str, Any]: ...


def markers(events: Sequence[EventLike], started_at: datetime, minutes: int) -> dict[str, Any]:
    """Communication markers an interviewer notices, computed from the event log."""
    turns = [e for e in events if e.kind == "turn" and e.speaker == "candidate"]
    questions = [(e, q) for e in turns for q in questions_in(e.text)]
    first_question = (questions[0][0].at - started_at).total_seconds() if questions else None
    decisions = [e for e in events if e.kind == "decision"]
    silences = []
    previous = started_at
    for event in turns:
        gap = (event.at - previous).total_seconds()
        if gap > SILENCE_SECONDS:
            silences.append({"at": clock_text((event.at - started_at).total_seconds()),
                             "gap_s": round(gap)})  # fmt: skip
        previous = event.at
    changes = [e.text for e in turns if _CHANGE.search(e.text) and not _REASON.search(e.text)]
    phase_times: dict[str, float] = {}
    marks = [(started_at, "clarify")] + [(e.at, e.phase) for e in events if e.kind == "phase"]
    end = max((e.at for e in events), default=started_at)
    for (start, phase), (stop, _) in zip(marks, [*marks[1:], (end, "")], strict=True):
        phase_times[phase] = phase_times.get(phase, 0) + (stop - start).total_seconds()
    return {
        "first_question_after_s": round(first_question) if first_question is not None else None,
        "questions_asked": len(questions),
        "assumptions_stated": sum(1 for e in turns if _ASSUMES.search(e.text)),
        "decisions_with_reason": sum(1 for e in decisions if e.data.get("reason")),
        "decisions_without_reason": sum(1 for e in decisions if not e.data.get("reason")),
        "long_silences": silences,
        "changes_of_course_without_reason": changes,
        "hints_used": sum(1 for e in events if e.kind == "hint"),
        "seconds_per_phase": {p: round(s) for p, s in phase_times.items()},
        "budget_per_phase": {p: round(s) for p, s in budgets(minutes).items()},
        "session_seconds": round((end - started_at).total_seconds()),
    }


def snapshot_changes(events: Sequence[EventLike]) -> list[dict[str, Any]]:
    """What changed between design versions: lines added and removed, components gained."""
    out: list[dict[str, Any]] = []
    previous = ""
    previous_nodes: set[str] = set()
    for event in (e for e in events if e.kind == "snapshot"):
        diff = list(difflib.ndiff(previous.splitlines(), event.text.splitlines()))
        nodes = {n.label for d in parse_design(event.text).diagrams for n in d.nodes.values()}
        out.append(
            {
                "version": event.data.get("version"),
                "source": event.data.get("source"),
                "lines_added": sum(1 for line in diff if line.startswith("+ ")),
                "lines_removed": sum(1 for line in diff if line.startswith("- ")),
                "components_added": sorted(nodes - previous_nodes),
                "components_removed": sorted(previous_nodes - nodes),
            }
        )
        previous, previous_nodes = event.text, nodes
    return out


def final_report(
    *,
    problem: Problem,
    catalog: Catalog,
    level: str,
    minutes: int,
    started_at: datetime,
    events: Sequence[EventLike],
    judge: Judge | None = None,
) -> dict[str, Any]:
    """The scorecard of the final design (or of the transcript when no design was attached)
    together with the transcript's markers, design changes and open gaps."""
    snapshots = [e for e in events if e.kind == "snapshot"]
    spoken = "\n".join(
        f"{'Candidate' if e.speaker == 'candidate' else 'Interviewer'}: {e.text}"
        for e in events
        if e.kind == "turn"
    )
    design = snapshots[-1].text if snapshots else ""
    candidate = "\n".join(
        [design, *(e.text for e in events if e.kind == "turn" and e.speaker == "candidate")]
    )
    doc = parse_design(f"{design}\n\n{spoken}" if design else spoken or " ")
    llm = _llm_verdicts(judge, problem, catalog, level, doc, candidate)
    overrides = {v["item"]: 0.8 for v in llm.get("kept", []) if v["covered"]}
    review = review_design(doc, catalog, problem.id, level, overrides)
    revealed = {
        e.data.get("item") for e in events if e.kind == "turn" and e.data.get("move") == "answer"
    }
    numeric = [
        sentence.lower()
        for e in events
        if e.kind == "turn" and e.speaker == "candidate"
        for sentence in re.split(r"(?<=[.!?])\s+", e.text)
        if re.search(r"\d", sentence)
    ]
    unclear = [
        fact.text
        for fact in problem.facts
        if fact.values and fact.id not in revealed and not _covered_by(fact.text, numeric)
    ]
    from tradeoff.review.context import ReviewContext

    context = ReviewContext(
        doc=doc, problem=problem, rubric=problem.rubric, vocabulary=catalog.vocabulary,
        level=level, interview_type=problem.type,
    )  # fmt: skip
    reliability = problem.rubric.dimensions().get("reliability")
    missing = [
        item.text
        for item in (reliability.items if reliability else [])
        if expected_at(item, level) and item_coverage(item, context.mentions, "reliability") < 0.5
    ]
    coverage = {
        item.id: round(
            max(item_coverage(item, context.mentions, dim), overrides.get(item.id, 0)), 2
        )
        for dim, item in problem.rubric.items()
        if expected_at(item, level)
    }
    return {
        "review": review.to_json(),
        "rubric_coverage": coverage,
        "topics": list(problem.topics),
        "markers": markers(events, started_at, minutes),
        "design_changes": snapshot_changes(events),
        "missing_edge_cases": missing,
        "unclear_assumptions": unclear,
        "llm_verdicts": llm,
    }


# (items as (id, what a strong answer covers), candidate text) -> (kept, dropped) verdicts
Judge = Callable[[list[tuple[str, str]], str], tuple[list[Any], list[Any]]]


def _llm_verdicts(
    judge: Judge | None,
    problem: Problem,
    catalog: Catalog,
    level: str,
    doc: Any,
    candidate: str,
) -> dict[str, Any]:
    """Ask the LLM about items the rules leave undecided (mentioned, but weakly), keep only
    verdicts whose quote is verbatim in the candidate's words; scores stay computed by code."""
    if judge is None:
        return {}
    from tradeoff.errors import TradeoffError
    from tradeoff.review.context import ReviewContext

    context = ReviewContext(
        doc=doc, problem=problem, rubric=problem.rubric, vocabulary=catalog.vocabulary,
        level=level, interview_type=problem.type,
    )  # fmt: skip
    undecided = [
        (item.id, item.text)
        for dimension, item in problem.rubric.items()
        if expected_at(item, level) and 0 < item_coverage(item, context.mentions, dimension) < 0.8
    ][:12]
    if not undecided:
        return {"asked": 0, "kept": [], "dropped": 0}
    try:
        kept, dropped = judge(undecided, candidate)
    except TradeoffError as exc:
        return {"asked": len(undecided), "error": str(exc), "kept": [], "dropped": 0}
    return {
        "asked": len(undecided),
        "kept": [{"item": v.item_id, "covered": v.covered, "quote": v.quote} for v in kept],
        "dropped": len(dropped),
    }


def _covered_by(fact: str, sentences: list[str]) -> bool:
    """Whether the candidate stated a number about this fact themselves (an assumption)."""
    words = {w for w in re.findall(r"[a-z]{5,}", fact.lower())}
    return any(len(words & set(re.findall(r"[a-z]{5,}", s))) >= 2 for s in sentences)


def render(report: dict[str, Any]) -> list[str]:
    """The report as lines for a terminal or a Markdown export."""
    review, m = report["review"], report["markers"]
    lines = [
        f"Overall {review['overall']}/100 · verdict at {review['level']}: {review['verdict']}",
    ]
    for name, dim in review["dimensions"].items():
        score = "n/a" if dim["score"] is None else f"{dim['score']}/4"
        lines.append(f"  {name}: {score} — {dim['summary']}")
    first = m["first_question_after_s"]
    lines += [
        "Communication markers:",
        f"  first clarifying question after {clock_text(first) if first is not None else 'never'}",
        f"  questions asked: {m['questions_asked']}; assumptions stated: {m['assumptions_stated']}",
        f"  decisions with a reason: {m['decisions_with_reason']};"
        f" without: {m['decisions_without_reason']}",
        f"  hints used: {m['hints_used']}; long silences: {len(m['long_silences'])}",
    ]
    for phase in PHASES:
        spent = m["seconds_per_phase"].get(phase)
        if spent is not None:
            lines.append(
                f"  {phase}: {clock_text(spent)} of {clock_text(m['budget_per_phase'][phase])}"
            )
    for change in m["changes_of_course_without_reason"][:3]:
        lines.append(f"  changed course without a reason: {change[:100]}")
    for snapshot in report["design_changes"]:
        added = ", ".join(snapshot["components_added"]) or "none"
        lines.append(
            f"Design v{snapshot['version']} ({snapshot['source']}): +{snapshot['lines_added']}"
            f" -{snapshot['lines_removed']} lines; components added: {added}"
        )
    for item in report["missing_edge_cases"][:5]:
        lines.append(f"Missing: {item}")
    for fact in report["unclear_assumptions"][:5]:
        lines.append(f"Never asked or assumed: {fact}")
    lines.append("Next steps:")
    lines += [f"  {i}. {s}" for i, s in enumerate(review["next_steps"], start=1)]
    return lines

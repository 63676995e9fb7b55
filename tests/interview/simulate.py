"""A scripted candidate talking to the interviewer, and the checks a person would make.

`run` feeds a script (turns, `/commands`, `/advance 5m`) to an Interview on a manual clock
and keeps, for every line, what the interviewer replied and what the candidate had covered
before it. `check_invariants` holds for every conversation: every part of a question is
answered, no probe or hint about an item already covered with substance, no move repeated
within a phase, a dodged question is returned to once, terse replies are short and ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tradeoff.catalog import Catalog
from tradeoff.interview.clock import ManualClock
from tradeoff.interview.personas import ASKING, TERSE_WORDS
from tradeoff.interview.questions import answer_turn, questions_in
from tradeoff.interview.report import final_report
from tradeoff.interview.session import Event, Interview
from tradeoff.practice.models import SessionReport
from tradeoff.practice.report_text import render


@dataclass
class Exchange:
    line: str
    replies: list[str]
    phase: str
    covered_before: set[str]
    moves: list[dict[str, Any]]  # the interviewer's move data for this line


@dataclass
class Run:
    interview: Interview
    events: list[Event]
    exchanges: list[Exchange] = field(default_factory=list)

    def report(self, catalog: Catalog) -> dict[str, Any]:
        return final_report(
            problem=self.interview.problem,
            catalog=catalog,
            level=self.interview.level,
            minutes=self.interview.minutes,
            started_at=self.interview.started_at,
            events=self.events,
        )

    def transcript(self, catalog: Catalog | None = None) -> str:
        lines = []
        for ex in self.exchanges:
            lines.append(f"You: {ex.line}")
            lines += [f"Interviewer: {r}" for r in ex.replies]
        if catalog is not None:
            lines += render(SessionReport.load(self.report(catalog)))
        return "\n".join(lines)


def run(
    catalog: Catalog,
    problem: str,
    persona: str,
    script: list[str],
    *,
    tmp: Path | None = None,
    design: str | None = None,
) -> Run:
    events: list[Event] = []
    interview = Interview(
        problem=catalog.get(problem), catalog=catalog, persona=persona, level="senior",
        minutes=45, clock=ManualClock(), record=events.append,
    )  # fmt: skip
    interview.opening()
    result = Run(interview, events)
    for line in script:
        if design is not None and tmp is not None and "{design}" in line:
            path = tmp / "design.md"
            path.write_text(design, encoding="utf-8")
            line = line.replace("{design}", str(path))
        covered = {
            i.id for _, i in interview.problem.rubric.items() if interview.state.covered(i.id)
        }
        phase = interview.phase
        before = len(events)
        replies = interview.handle(line)
        moves = [e.data for e in events[before:] if e.kind == "turn" and e.data.get("move")]
        result.exchanges.append(Exchange(line, replies, phase, covered, moves))
    return result


def check_invariants(result: Run, catalog: Catalog) -> None:
    interview = result.interview
    problem = interview.problem
    seen: dict[str, set[tuple[str, str]]] = {}
    said_in_phase: dict[str, list[str]] = {}
    for ex in result.exchanges:
        # Every part of a question that a fact answers gets that fact, once, in one reply.
        if not ex.line.startswith("/") and questions_in(ex.line):
            parts = answer_turn(ex.line, problem, catalog.vocabulary.question_kinds)
            reply = " ".join(ex.replies)
            for part in parts:
                for fact in part.facts:
                    number = next((w for w in fact.text.split() if any(ch.isdigit() for ch in w)),
                                  None)  # fmt: skip
                    if interview.persona != "terse":
                        assert fact.text[1:40] in reply, (ex.line, fact.id, reply)
                    elif number is not None:
                        assert number in reply, (ex.line, fact.id, reply)
                if not part.facts:
                    assert "assume" in reply.lower(), (ex.line, reply)
            texts = [f.text for p in parts for f in p.facts]
            assert len(texts) == len(set(texts))
        for move in ex.moves:
            kind, item = move["move"], move.get("item")
            # Never probe or hint at what was already covered with substance.
            if kind in ("probe", "hint") and item:
                assert item not in ex.covered_before, (ex.line, kind, item)
            # Never the same move twice in a phase (a dodge is returned to once: "return").
            if kind in ASKING or kind == "hint":
                key = (kind, str(move.get("said") if kind == "hint" else item or move["said"]))
                assert key not in seen.setdefault(ex.phase, set()), (ex.line, key)
                seen[ex.phase].add(key)
        for reply in ex.replies:
            if reply.startswith("(LLM"):
                continue
            assert reply not in said_in_phase.setdefault(ex.phase, []) or reply.startswith(
                ("Got it: ", "Unknown command", "This is the last phase", "No more hints")
            ), (ex.line, reply)
            said_in_phase[ex.phase].append(reply)
        if interview.persona == "terse":
            for move, reply in zip(ex.moves, ex.replies[-len(ex.moves) :], strict=False):
                if move["move"] in ASKING:
                    assert len(reply.split()) < TERSE_WORDS and reply.rstrip().endswith("?"), reply
    returns = [m for ex in result.exchanges for m in ex.moves if m["move"] == "return"]
    assert len(returns) == len({m.get("item") or m.get("said") for m in returns})

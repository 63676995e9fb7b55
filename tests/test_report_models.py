"""The typed report and export models over what the store really holds, old and new."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tradeoff.catalog import Catalog
from tradeoff.errors import TradeoffError
from tradeoff.interview.clock import ManualClock
from tradeoff.practice.models import ExportModel, SessionReport
from tradeoff.practice.report_text import render
from tradeoff.services.practice import PracticeSessions
from tradeoff.store import Store
from tradeoff.vocabulary import Dimension, Level, Verdict

DESIGN = """# URL shortener
## Requirements
- Shorten a URL; redirect by code; links kept five years.
## High-level design
```mermaid
flowchart LR
  C[Client] --> LB[Load balancer] --> A[App servers]
  A --> R[(Redis cache)]
  A --> DB[(Postgres link store)]
```
Reads dominate 100 to 1, so Redis caches hot codes because the store would see every read.
"""


def _finished_session(store: Store, catalog: Catalog) -> int:
    """A session played through the service, as the CLI and the web play one."""
    clock = ManualClock(datetime(2026, 5, 1, 9, 0, tzinfo=UTC))
    sessions = PracticeSessions(store, catalog, lambda: clock)
    live, _ = sessions.begin("url-shortener", "adversarial", "senior", 45)
    for line in [
        "How many new links are created each month?",
        "/advance 3m",
        "I'll assume 500 bytes per link.",
        "/next",
        "We put Redis in front of Postgres because reads dominate.",
        "/hint",
    ]:
        sessions.handle(live, line)
    assert sessions.save_design(live.session_id, DESIGN) == 1
    sessions.end(live.session_id)
    return live.session_id


def test_a_report_stored_by_the_current_code_loads_and_round_trips(
    catalog: Catalog, tmp_path: Path
) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'p.db'}") as store:
        session_id = _finished_session(store, catalog)
        record = store.get_session(session_id)
    stored = record.review
    assert stored is not None
    report = SessionReport.load(stored)
    assert report.review.problem == "url-shortener" and report.review.level is Level.senior
    assert isinstance(report.review.verdict, Verdict)
    assert set(report.review.dimensions) == set(Dimension)
    assert report.markers.hints_used == 1 and report.markers.questions_asked == 1
    assert [c.version for c in report.design_changes] == [1]
    assert report.conversation.covered or report.conversation.mentioned
    # Typed and dumped again, the report is the JSON the store holds, key for key.
    assert json.loads(json.dumps(report.model_dump(mode="json", exclude_unset=True))) == stored
    assert render(report)[0].startswith(f"Overall {stored['review']['overall']}/100")


# The shape final_report stored before the transcript report (no conversation, topics or
# rubric coverage): written out by hand, as it sits in databases made then.
OLD_REPORT: dict[str, Any] = {
    "review": {
        "problem": "url-shortener",
        "level": "senior",
        "overall": 41,
        "verdict": "lean-no-hire",
        "dimensions": {
            d: {"score": 2, "max": 4, "summary": "some of it"} for d in Dimension if d != "capacity"
        }
        | {"capacity": {"score": None, "max": 4, "summary": "not assessed"}},
        "findings": [
            {
                "rule": "CAP001",
                "dimension": "capacity",
                "severity": "warning",
                "kind": "missing-estimate",
                "message": "No storage estimate.",
                "evidence": {"line": None, "quote": None},
                "fix": "Estimate the storage over five years.",
            }
        ],
        "next_steps": ["Estimate the storage over five years."],
    },
    "markers": {
        "first_question_after_s": 40,
        "questions_asked": 2,
        "assumptions_stated": 1,
        "decisions_with_reason": 1,
        "decisions_without_reason": 0,
        "long_silences": [{"at": "12:00", "gap_s": 200}],
        "changes_of_course_without_reason": [],
        "hints_used": 0,
        "seconds_per_phase": {"clarify": 400, "high-level": 700},
        "budget_per_phase": {"clarify": 420, "high-level": 780, "deep-dive": 1200, "wrap-up": 300},
        "session_seconds": 1100,
    },
    "design_changes": [],
    "missing_edge_cases": ["What happens when a cache node dies?"],
    "unclear_assumptions": ["About 100 million new links a month."],
    "llm_verdicts": {},
}


def test_a_report_stored_before_the_transcript_report_still_loads_and_renders(
    catalog: Catalog, tmp_path: Path
) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'old.db'}") as store:
        started = datetime(2025, 11, 3, 18, 0, tzinfo=UTC)
        session_id = store.create_session(
            problem_id="url-shortener", persona="neutral", level="senior", minutes=45,
            started_at=started,
        )  # fmt: skip
        store.add_event(session_id, kind="turn", at=started, phase="clarify", text="Hi",
                        speaker="candidate")  # fmt: skip
        store.finish_session(session_id, ended_at=started + timedelta(minutes=20),
                             review=OLD_REPORT)  # fmt: skip
        sessions = PracticeSessions(store, catalog)
        text = sessions.markdown(session_id)
        page = sessions.report(session_id)
        export = sessions.export(session_id)
    assert "Overall 41/100 · verdict at senior: lean-no-hire" in text
    assert "  capacity: n/a" in text and "Never asked or assumed: About 100 million" in text
    assert page.report.conversation.covered == [] and page.report.topics == []
    assert page.scorecard.findings[0].rule == "CAP001"
    assert ExportModel.model_validate(export).sessions[0].review == OLD_REPORT


def test_a_damaged_stored_report_is_one_line_naming_the_field(
    catalog: Catalog, tmp_path: Path
) -> None:
    broken = json.loads(json.dumps(OLD_REPORT))
    broken["review"]["verdict"] = "maybe"
    with Store.open(f"sqlite:///{tmp_path / 'bad.db'}") as store:
        started = datetime(2025, 11, 3, 18, 0, tzinfo=UTC)
        session_id = store.create_session(
            problem_id="url-shortener", persona="neutral", level="senior", minutes=45,
            started_at=started,
        )  # fmt: skip
        store.finish_session(session_id, ended_at=started, review=broken)
        with pytest.raises(TradeoffError) as caught:
            PracticeSessions(store, catalog).markdown(session_id)
    message = str(caught.value)
    assert "review.verdict" in message and "unknown verdict 'maybe'" in message
    assert "\n" not in message

"""Typed sessions of issue 10 on the collaborative whiteboard (friendly), the metrics
backend (adversarial) and the job scheduler (terse), iv31.

- "I'd leave out video calls, templates and mobile apps" (and "Job dependencies I'd
  leave out") put nothing out of scope: the scope lexicon knew "I'll leave out" but not
  "I'd leave out", so the report listed the scope as neither said nor written.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog


def test_what_i_would_leave_out_states_the_scope(catalog: Catalog) -> None:
    for problem, line in (
        ("collaborative-whiteboard", "I'd leave out voice chat, the template store and exports."),
        ("distributed-job-scheduler", "Workflows with dependencies between jobs we'd leave out."),
    ):
        session = run(catalog, problem, "friendly", [line])
        assert session.interview.state.covered("scope"), (problem, line)
        check_invariants(session, catalog)

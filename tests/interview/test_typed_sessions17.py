"""A collaborative-whiteboard session typed by hand with the neutral persona.

The report listed "16.7 ms per frame over 20,000 objects ..." as covered with substance
("re-rendering the whole board each frame would take more than 16 ms") and, in the same
report, held capacity at 0.5 with "No capacity estimates: no request rates, storage or
bandwidth figures": the review of the transcript did not know the conversation had
credited an estimate.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_a_credited_estimate_is_no_missing_estimate(catalog: Catalog) -> None:
    lines = [
        "How many people edit a board at once, and how big do boards get?",
        "/next",
        "/next",
        "The hard part is rendering 10,000 shapes at 60 fps. I draw on a canvas and only"
        " redraw the dirty region, because re-rendering the whole board each frame would take"
        " more than 16 ms.",
        "/end",
    ]
    session = run(catalog, "collaborative-whiteboard", "neutral", lines)
    report = session.report(catalog)
    covered = {c["item"] for c in report["conversation"]["covered"]}
    rules = [f["rule"] for f in report["review"]["findings"]]
    assert "frame-budget" in covered, covered
    assert "CAP101" not in rules, rules


def test_a_client_choice_with_its_reason_is_a_reasoned_decision(catalog: Catalog) -> None:
    line = (
        "I draw on a canvas and only redraw the dirty region, because re-rendering the whole"
        " board each frame would take more than 16 ms."
    )
    session = run(catalog, "collaborative-whiteboard", "neutral", ["/next", "/next", line])
    assert [reasoned for _, _, reasoned in session.interview.state.decisions] == [True]

"""Typed sessions of issue 10 on the elevator controller (adversarial), the spreadsheet
client (neutral) and the payments API (terse), iv30.

- A question behind a lead-in ending in a colon ("Before I sketch: how many ..., and how
  long ...?") was read as one question, the lead-in taken for "On average, how often":
  only the second fact was told, and the report said the first was never asked.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog


def test_a_colon_lead_in_keeps_both_questions_of_a_compound(catalog: Catalog) -> None:
    line = "Quick check first: how many cars are there, and how long does a car take per floor?"
    session = run(catalog, "elevator-control", "adversarial", [line])
    reply = " ".join(session.exchanges[0].replies)
    assert "6 identical cars" in reply and "2 seconds per floor" in reply, reply
    check_invariants(session, catalog)

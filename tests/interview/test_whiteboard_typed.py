"""Typed session of issue 10 on the collaborative whiteboard (friendly), iv20.

- A right frame budget, "16.7 ms over 20,000 objects is about 0.83 microseconds each", was
  asked to be redone "units and all": microseconds were no unit to the estimate grammar, so
  the answer was read as a bare 0.83 against 0.000835 seconds.
- A tenfold slip in the cursor traffic each client receives passed with "Nice.": "updates"
  was taken for another thing than the cursor messages counted, and "each client" then
  set aside the board's fan-out, which a rounding had made the nearer figure.
- "what about undo and who can edit?" got the undo fact only: "who can edit" named no kind,
  and its one word, "edit", was in the undo fact just given, so the part was dropped.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog
from tradeoff.estimate.check import check_line


def test_a_budget_worked_out_in_microseconds_is_right() -> None:
    (check,) = check_line(1, "a 16 ms frame / 32,000 shapes = 0.5 us per shape")
    assert not check.wrong
    (check,) = check_line(1, "a 16 ms frame / 32,000 shapes = 5 microseconds per shape")
    assert check.wrong
    (check,) = check_line(1, "2 ms / 4,000 = 500 ns")
    assert not check.wrong


def test_a_country_in_capitals_is_no_microsecond() -> None:
    (check,) = check_line(1, "2 US regions x 3 zones = 6 zones")
    assert not check.wrong


def test_the_pronoun_us_is_no_microsecond() -> None:
    from tradeoff.estimate.grammar import tokenize

    units = [t.text for t in tokenize("10 + 4 parity lets us lose 4 nodes") if t.kind == "unit"]
    assert units == []


def test_a_right_frame_budget_is_not_questioned(catalog: Catalog) -> None:
    line = "16.7 ms a frame over 20,000 shapes comes to about 0.83 microseconds a shape"
    session = run(catalog, "collaborative-whiteboard", "friendly", [line])
    reply = " ".join(session.exchanges[0].replies)
    assert "redo" not in reply and "looks" not in reply, reply


def test_a_tenfold_slip_in_cursor_traffic_is_checked(catalog: Catalog) -> None:
    line = "so every client gets roughly 20,000 cursor updates a second from the others"
    session = run(catalog, "collaborative-whiteboard", "neutral", ["/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks high" in reply, reply
    right = "so every client gets roughly 2,000 cursor updates a second from the others"
    session = run(catalog, "collaborative-whiteboard", "neutral", ["/next", right])
    assert "looks" not in " ".join(session.exchanges[-1].replies)


def test_who_may_edit_is_answered_beside_undo(catalog: Catalog) -> None:
    session = run(
        catalog, "collaborative-whiteboard", "friendly", ["how does undo work, and who can edit?"]
    )
    reply = " ".join(session.exchanges[0].replies)
    assert "own changes" in reply and "viewer roles" in reply, reply
    check_invariants(session, catalog)

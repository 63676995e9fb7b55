"""The screens before the tokenizer: a text the unit-word screen turns away has no quantity
with a dimension, so the rules that ask only for sizes, rates and durations may skip it; a
text that opens with no digit or "." opens with no number; a cell with no digit and no "("
has no operator between numbers."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.estimate.check import _has_operator, _may_operate
from tradeoff.estimate.grammar import (
    find_quantities,
    leading_quantity,
    may_state_data,
    may_state_dimension,
    tokenize,
)

DATA = Path(__file__).parent / "data"


def _screen_agrees(text: str) -> None:
    tokens = tokenize(text)
    if tokens and tokens[0].kind == "num" and tokens[0].start == 0:
        assert text[0] == "." or text[0].isdecimal(), text  # what leading_quantity screens
        assert leading_quantity(text) is not None
    assert _may_operate(text) == _has_operator(tokens), text
    found = find_quantities(text)
    if any(f.dims != (0, 0) for f in found):
        assert may_state_dimension(text), text
    if any(f.dims[1] != 0 for f in found):
        assert may_state_data(text), text


def test_screen_keeps_every_phrasing_and_answer_line_with_a_dimension() -> None:
    phrasings = yaml.safe_load((DATA / "estimate_phrasings.yaml").read_text(encoding="utf-8"))
    texts = [p["text"] for p in phrasings]
    for answer in sorted(DATA.rglob("*.md")):
        texts += answer.read_text(encoding="utf-8").splitlines()
    assert len(texts) > 1000
    for text in texts:
        _screen_agrees(text)


def test_screen_turns_away_counts_without_units() -> None:
    assert not may_state_dimension("3 replicas behind 2 load balancers")
    assert not may_state_data("p99 under 200 ms at 5,000 requests/s")


def test_screen_keeps_units_written_tight_spaced_or_in_odd_company() -> None:
    for text in ("10GB/s", "500 B", "x5GB", "40 QPS", "2 TB a day", "5\u00a0B", "3 Mbps"):
        assert may_state_dimension(text) and find_quantities(text), text
    assert may_state_data("a 1 KB record")
    assert not may_state_data("a 1 ms hop")
    # case is ignored in the words, not in the letters around them
    assert may_state_dimension("5 \u212aGB") and may_state_dimension("5 \u0130MB")
    assert not may_state_dimension("5 \u212a")


_PIECES = st.sampled_from(
    ["5", "500", "1.5", "10K", "2 M", " ", "  ", "\u00a0", "B", "b", "GB", "gb", "Mb", "ms",
     "s", "/", "per", "a", "day", "x", "×", "-", "\u2011", "'", "_", "ſ", "\u212a", "K",
     "users", "of", "at", "each", "in", "QPS", "req", "(", ")", "=", "~", "%", "e3", "^2",
     "bytes", "bit", "kbps", "daily", "hourly", "active", ",", ".5", "*", "÷", "٣"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_screen_never_turns_away_a_text_with_a_dimension(text: str) -> None:
    _screen_agrees(text)


def test_a_leading_amount_of_money_is_read_past_the_screen() -> None:
    """A number token may open with "$" ("$1.50/hr x 40 servers"): the screen in front of
    `leading_quantity` must let such a text through to the tokenizer."""
    from tradeoff.estimate.grammar import leading_quantity

    assert leading_quantity("$1.50/hr x 40 servers") is not None
    assert leading_quantity("about 40 servers") is None

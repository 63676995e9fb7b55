"""A view of the design that several rules ask for is read once per review: asked again,
it passes over the lines no more (a long design has tens of thousands of them)."""

from __future__ import annotations

import pytest

from tradeoff.catalog import default_catalog
from tradeoff.design import parse_design
from tradeoff.review import context
from tradeoff.review.context import ReviewContext


def test_numbers_lines_reads_each_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = default_catalog()
    text = "# Sizes\n\n" + "".join(
        f"- Shard {n} holds 20 GB and takes 5K QPS.\n" for n in range(50)
    )
    ctx = ReviewContext(
        doc=parse_design(text),
        problem=None,
        rubric=catalog.generic_rubric,
        vocabulary=catalog.vocabulary,
        level="senior",
    )
    read: list[str] = []
    real = context.states_quantity

    def counted(line: str) -> bool:
        read.append(line)
        return real(line)

    monkeypatch.setattr(context, "states_quantity", counted)
    first = ctx.numbers_lines()
    again = ctx.numbers_lines()
    assert first == again and len(first) == 50
    assert len(read) == len(ctx.plain_prose)
    first.clear()  # a caller's list is its own
    assert len(ctx.numbers_lines()) == 50

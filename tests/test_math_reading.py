"""Estimates typeset in TeX are read as the arithmetic a reader sees, and quoted as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.estimate.grammar import find_quantities
from tradeoff.language.texmath import plain_math
from tradeoff.review import review_design


@pytest.mark.parametrize(
    ("tex", "plain"),
    [
        (r"$100\text{k RPS} \times 1\text{ MB} = 100\text{ GB/s}$", "100k RPS × 1 MB = 100 GB/s"),
        (
            r"QPS: $\frac{500 \times 10^6}{86400} \approx 5787$ requests/sec",
            "QPS: (500 × 10^6) / (86400) ≈ 5787 requests/sec",
        ),
        (r"$2^{32}$ ids, about $4.3 \cdot 10^{9}$", "2^32 ids, about 4.3 × 10^9"),
        (r"over $\textbf{96 GB}$ of RAM", "over 96 GB of RAM"),
    ],
)
def test_tex_reads_as_its_arithmetic(tex: str, plain: str) -> None:
    assert plain_math(tex) == plain


def test_text_without_tex_is_returned_unchanged() -> None:
    # Prices are not formulas: "$5 and $10" holds no TeX command.
    text = "It costs $5 a month and $10 with backups."
    assert plain_math(text) is text


@pytest.mark.parametrize(
    ("text", "value"),
    [("60 Billion URLs", 60e9), ("3 Million posts", 3e6), ("2 Thousand nodes", 2e3)],
)
def test_capitalised_scale_words_scale(text: str, value: float) -> None:
    # "Billion" at a line's start or in a title-cased table is the same word as "billion".
    (found,) = find_quantities(text)
    assert found.value.value == pytest.approx(value)


def test_a_tex_slip_is_found_and_quoted_as_written(tmp_path: Path) -> None:
    line = (
        r"- Feed cache: $200 \text{ items} \times 16 \text{ bytes} \times 300M \text{ users}"
        r" \approx 96 \text{ GB}$"
    )
    path = tmp_path / "feed.md"
    path.write_text(f"# Feed\n\n## Capacity\n\n{line}\n", encoding="utf-8")
    review = review_design(load_design(path), default_catalog(), "news-feed")
    (slip,) = [f for f in review.findings if f.rule == "CAP102"]
    assert slip.evidence.line == 5
    assert slip.evidence.quote is not None and slip.evidence.quote in line
    assert "960 GB" in slip.message

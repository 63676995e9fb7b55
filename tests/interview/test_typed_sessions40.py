"""A payments API session typed by hand with the neutral persona (round 40).

"So 30 million a day is about 350 payments a second, and at a 5x holiday peak about 1,750 a
second." was reported as "Estimate said at 0:00: 1,750 a second (webhook events per s)":
the bare "1,750 a second" named nothing of its own, so the figure nearest in value was
taken (webhook events at 1,040 a second), though the sentence had just said payments and
the peak. A figure that names nothing, listed after one that did, counts the same thing;
"at a 5x holiday peak" says it is a peak; and a rate the prompt gives no peak of is read
at its peak through the prompt's peak factor (347 payments a second x 5).
"""

from __future__ import annotations

import pytest
from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in


@pytest.mark.parametrize(
    "sentence",
    [
        "So 30 million a day is about 350 payments a second, and at a 5x holiday peak about"
        " 1,750 a second.",
        "About 350 payments a second, 1,750 at peak.",
    ],
)
def test_a_peak_listed_after_a_rate_counts_the_same_thing(catalog: Catalog, sentence: str) -> None:
    said = quantities_in(sentence, tuple(catalog.numbers["payments-api"]))
    peak = next(s for s in said if s.text.startswith("1,750"))
    assert peak.peak
    assert peak.ref is not None and peak.ref.name.startswith("payments_per"), peak.ref
    assert not peak.off  # 1,750 is the 347/s average at the prompt's 5x peak


def test_a_figure_that_says_what_it_counts_keeps_its_own_subject(catalog: Catalog) -> None:
    said = quantities_in(
        "About 350 payments a second, and 1,000 webhook events a second.",
        tuple(catalog.numbers["payments-api"]),
    )
    assert [s.ref.name if s.ref else None for s in said] == [
        "payments_per_s",
        "webhook_events_per_s",
    ]


def test_the_report_names_the_payment_rate(catalog: Catalog) -> None:
    lines = [
        "How many payments a day, and what does the peak look like?",
        "So 30 million a day is about 350 payments a second, and at a 5x holiday peak about"
        " 1,750 a second.",
        "/end",
    ]
    session = run(catalog, "payments-api", "neutral", lines)
    transcript = session.transcript(catalog)
    assert "webhook events per s" not in transcript, transcript
    assert "That looks" not in transcript  # no sanity check on a right figure

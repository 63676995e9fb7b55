"""Typed sessions of issue 10 (payment system, terse; ride sharing, adversarial), iv22.

- "A provider is down for an hour on Black Friday. What does the buyer see?" was listed
  as left unanswered though the candidate answered it two turns on: "route new payments
  to the other one" fails over without the word, and the question named no concept of
  its own.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.state import ANSWERED


def test_an_outage_question_is_answered_by_moving_the_work_turns_later(
    catalog: Catalog,
) -> None:
    # The outage question is put off by a turn about timeouts, and taken up two turns on
    # by one that moves new payments to the second provider without saying "failover".
    outage = next(q for q in catalog.get("payment-system").follow_ups if "down" in q.text)
    session = run(
        catalog,
        "payment-system",
        "neutral",
        [
            "/next",
            "/next",
            "the checkout sends POST /payments with an idempotency key and we save the key"
            " with a pending row before we call the provider",
            "let me come back to that one",
            "if one provider is down we route new payments to the second one; charges"
            " already sent there wait until its status endpoint answers",
        ],
    )
    asks = [a for a in session.interview.state.asks if a.text == outage.text]
    assert asks, [a.text for a in session.interview.state.asks]
    assert asks[0].status == ANSWERED

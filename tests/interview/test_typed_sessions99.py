"""Typed sessions of issue 10 (payment terse, movie ticket terse, object storage), iv18.

- "each payment writes 3 ledger entries of about 200 bytes, so about 6 GB a day" was
  credited with substance for "Double-entry ledger ..." and "Ledger service ... writes
  balanced journal entries in one transaction": said aloud, a sizing has no "Estimates"
  heading, and its figures were the only evidence for the ledger.
- "10 million orders a day is about 120 payments a second" was listed as two disagreements
  with "About 5 million payments a day": the rate is the same figure worked out.
- "stores the key and a pending payment row in one transaction" was quoted as mentioning
  "Amounts as integer minor units": it names a data model (the item's subject), none of
  the item's words.
- "page when provider error rate exceeds 5% for 5 minutes" was read as a failure with a
  response and credited "Walks through a crash ...": "error rate" is a metric watched.
- "Hold is one UPDATE ... WHERE show_id=? AND ..." was cut in two at the placeholder.
- The placement service, only mentioned, was quoted from a said line about fragments per
  zone, not the design's "Placement service picks nodes across zones and racks".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.state import ConversationState, Support
from tradeoff.language import read_text
from tradeoff.language.operations import failure_response

_LEDGER_SIZE = "each payment writes 3 ledger entries of about 200 bytes, so about 6 GB a day"
_POST = (
    "the client sends POST /payments with an idempotency key; the payment service stores the"
    " key and a pending payment row in one transaction before calling the provider"
)


def test_a_sizing_said_aloud_specifies_no_ledger_mechanism(catalog: Catalog) -> None:
    session = run(catalog, "payment-system", "terse", ["/next", _LEDGER_SIZE])
    said = session.interview.state.said
    assert said["ledger-size"].status == "substance"
    for item in ("double-entry", "ledger-service"):
        assert item not in said or said[item].status != "substance", item


def test_a_figure_worked_out_is_one_disagreement(catalog: Catalog) -> None:
    script = [
        "how many payments per day, and what is the peak?",
        "/next",
        "10 million orders a day is about 120 payments a second",
    ]
    session = run(catalog, "payment-system", "terse", script)
    contradicted = session.interview.state.contradicted
    assert [c.said for c in contradicted] == ["10 million orders a day"], contradicted


def test_a_data_model_line_mentions_no_money_type(catalog: Catalog) -> None:
    session = run(catalog, "payment-system", "terse", ["/next", _POST])
    said = session.interview.state.said
    assert said["idempotency-keys"].status == "substance"
    assert "money-type" not in said


def test_an_error_rate_alert_is_no_failure_response() -> None:
    alert = "page when provider error rate exceeds 5% for 5 minutes"
    assert failure_response(alert) is None
    assert failure_response("on errors the client retries with backoff") is not None
    timeout = (
        "if the provider times out we mark it unknown and poll the provider's status API"
        " with the same idempotency key"
    )
    assert failure_response(timeout) is not None


def test_a_query_placeholder_ends_no_claim(catalog: Catalog) -> None:
    text = (
        "Hold is one UPDATE show_seat SET status=HELD WHERE show_id=? AND seat_id IN (...)"
        " AND status=AVAILABLE; roll back if fewer rows. So two users on seat F7: one wins."
    )
    claims = read_text(text, tuple(catalog.vocabulary.concepts.values()))
    assert claims[0].text.startswith("Hold is one UPDATE") and "AND seat_id" in claims[0].text


def test_a_written_mention_of_the_items_own_concept_is_quoted() -> None:
    state = ConversationState()
    state.said["placement"] = Support("mentioned", "4 in each of the three zones", 3, "said")
    state.written["placement"] = Support(
        "mentioned", "Placement service picks nodes", 20, "design", (0, 1)
    )
    support = state.support("placement")
    assert support is not None and support.source == "design"
    state.written["placement"] = Support("mentioned", "Storage nodes", 20, "design", (0, 0))
    support = state.support("placement")
    assert support is not None and support.source == "said"

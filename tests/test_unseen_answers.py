"""Answers written for prompts with no calibration answers, each in a style candidates
use (issue 9): long prose with a planted gap (no monitoring at all), terse bullets with
Mermaid and a planted product slip, a shallow front-end answer of tables that names
technologies without saying how, and a good class design with a class and a state diagram.
The review must find what was planted and no false gap in what was written."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review import Review, review_design

_UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"


@cache
def _review(problem: str) -> Review:
    return review_design(load_design(_UNSEEN / f"{problem}.md"), default_catalog(), problem)


def _rules(problem: str) -> dict[str, list[int | None]]:
    found: dict[str, list[int | None]] = {}
    for finding in _review(problem).findings:
        found.setdefault(finding.rule, []).append(finding.evidence.line)
    return found


def test_the_planted_absence_of_monitoring_is_found() -> None:
    """Its login story ("someone is logging in and needs a code") is no logging."""
    assert "REL103" in _rules("notification-system")


def test_the_planted_product_slip_is_found_at_its_line() -> None:
    assert _rules("key-value-store").get("CAP102") == [18]


def test_the_terse_answer_is_read_as_written() -> None:
    """Its Mermaid parses, its "no range scans, ..." is its scope and its W=2, R=2 with
    "R=1 is faster but can be stale" weighs the quorums."""
    rules = _rules("key-value-store")
    assert not {"COM109", "REQ104", "TRD104"} & rules.keys()


def test_the_class_design_is_not_told_its_edge_cases_are_missing() -> None:
    assert "REL114" not in _rules("parking-lot")
    assert "COM103" not in _rules("parking-lot")


def test_the_strong_answers_outscore_the_shallow_one_where_they_are_stronger() -> None:
    shallow = _review("collaborative-whiteboard").scores
    for strong in ("notification-system", "key-value-store"):
        scores = _review(strong).scores
        for dimension in ("capacity", "api_data", "components", "tradeoffs", "reliability"):
            assert scores[dimension].score > shallow[dimension].score, (strong, dimension)
    assert _review("collaborative-whiteboard").overall < 40


# A second round (issue 9): a dense broker answer with no failure handling for a broker
# that dies, a long padded payments answer with a bits-for-bytes slip, a typeahead front end
# of tables, and a chat answer with trade-off and failure tables and one hedge.


def test_the_planted_broker_gap_is_found() -> None:
    assert "REL101" in _rules("message-broker")


def test_the_planted_bits_for_bytes_slip_is_found_at_its_line() -> None:
    assert _rules("payment-system").get("CAP103") == [44]


def test_the_planted_hedge_is_found_at_its_line() -> None:
    assert _rules("chat-system").get("TRD101") == [56]


def test_the_dense_broker_is_read_as_written() -> None:
    """Per-key order, dedupe on a message id, the partition's leader and the coordinator
    that assigns partitions to consumer instances are all written out."""
    rules = _rules("message-broker")
    assert not {"REQ107", "API103", "API106", "CMP110"} & rules.keys()


def test_the_front_end_is_not_told_of_a_data_model_or_missing_security() -> None:
    assert not {"API106", "REL105"} & _rules("typeahead-ui").keys()


def test_the_padded_answer_scores_below_the_dense_one() -> None:
    assert _review("payment-system").overall + 20 < _review("message-broker").overall

"""What findings say, and the readings behind them, where a fixture's lines cannot show it."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog.loader import default_catalog
from tradeoff.design import load_design
from tradeoff.language import lexicon
from tradeoff.language.mentions import OPTION, POSITIVE, _sentence_status
from tradeoff.review.engine import review_design


def test_eventually_consistent_is_a_property_not_deferred_work() -> None:
    # mentions reads deferral with the lexicon's one pattern (issue 9: the copies drifted).
    said = "This design keeps redirects strong and the analytics path eventually consistent."
    assert _sentence_status(said, False) == POSITIVE
    assert _sentence_status("We will eventually shard the links table.", False) == OPTION
    assert lexicon.DEFERRED.search(said) is None


def _review(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    review = review_design(load_design(path), default_catalog(), None, "senior")
    return [(f.message, f.fix) for f in review.findings if f.rule == "REQ104"]


def test_scope_finding_does_not_deny_stated_requirements(tmp_path: Path) -> None:
    found = _review(
        tmp_path,
        "# Parcel tracker\n\n## Requirements\n\n- Senders see where a parcel is.\n"
        "- Depots get daily analytics of late parcels.\n- Admin tools for depot managers.\n",
    )
    assert len(found) == 1
    message, fix = found[0]
    assert message == "Nothing is said to be out of scope"  # the requirements say what is in
    # The examples of what to leave out are never features the design asks for.
    assert "analytics" not in fix and "admin" not in fix
    assert "(e.g. billing and notifications)" in fix


def test_scope_finding_without_requirements_says_nothing_is_in_or_out(tmp_path: Path) -> None:
    found = _review(tmp_path, "# Parcel tracker\n\nScans go to a queue and then to Postgres.\n")
    assert [m for m, _ in found] == ["Scope is not stated: nothing is said to be in or out"]


def test_an_open_choice_in_a_diagram_is_reported_once_where_it_is_written() -> None:
    # The node's label is on line 8; its two edges carry the label in their claims but
    # their lines do not hold it, so they add no finding (issue 9).
    path = Path(__file__).parent / "fixtures" / "TRD107.diagram.md"
    review = review_design(load_design(path), default_catalog(), None, "senior")
    found = [f for f in review.findings if f.rule == "TRD107"]
    assert [(f.evidence.line, f.evidence.quote) for f in found] == [(8, "Fastly / Cloudflare")]


def test_a_far_estimate_quotes_the_facts_behind_its_reference_whole_and_once() -> None:
    path = Path(__file__).parent / "fixtures" / "CAP108.unlike.md"
    review = review_design(load_design(path), default_catalog(), "news-feed", "senior")
    found = [f for f in review.findings if f.rule == "CAP108"]
    assert len(found) == 1
    message = found[0].message
    # posts per s is derived from the posts-per-day fact alone: that sentence, uncut, once.
    assert message.endswith("derived from the interviewer's facts: About 100 million new posts"
                            " are created per day.")  # fmt: skip
    assert "500 million people" not in message


def test_one_reasoned_decision_is_not_called_none(tmp_path: Path) -> None:
    path = tmp_path / "design.md"
    path.write_text(
        "# Notifications\n\n## Design\n\n- An API puts each request on a queue.\n"
        "- Providers fail, so workers retry with backoff and park repeated failures in a dead"
        " letter queue.\n",
        encoding="utf-8",
    )
    review = review_design(load_design(path), default_catalog(), "notification-system", "senior")
    (message,) = [f.message for f in review.findings if f.rule == "TRD103"]
    expected = "Only one decision comes with its reason or its cost (line 6)"
    assert message.startswith(expected), message


def test_security_put_out_of_scope_is_no_mention_of_it(tmp_path: Path) -> None:
    path = tmp_path / "design.md"
    path.write_text(
        "# Chat\n\n## Requirements\n\n- Send and receive messages in 1:1 chats.\n"
        "- Out of scope: end-to-end encryption key management, calls.\n\n"
        "## Design\n\nGateways hold WebSockets; a chat service stores messages in Cassandra.\n",
        encoding="utf-8",
    )
    review = review_design(load_design(path), default_catalog(), None, "senior")
    said = [f.message for f in review.findings if f.rule == "REL105"]
    # The design says nothing of its security; the excluded line is not cited as a mention.
    assert said == ["No security: authentication, authorisation or abuse are not addressed"]


def test_one_choice_left_open_is_reported_once(tmp_path: Path) -> None:
    # "Spanner/CockroachDB" and, a line later, "CockroachDB/Spanner": one open choice.
    path = tmp_path / "design.md"
    path.write_text(
        "# URL shortener\n\n## Later\n\n"
        "- Past 20k writes a second, move the links to Spanner/CockroachDB shards.\n"
        "- Writes stay in one region until CockroachDB/Spanner is in place.\n",
        encoding="utf-8",
    )
    review = review_design(load_design(path), default_catalog(), "url-shortener", "senior")
    found = [f.evidence.line for f in review.findings if f.rule == "TRD107"]
    assert found == [5], found

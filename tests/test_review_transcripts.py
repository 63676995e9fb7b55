"""Transcripts: the communication markers an interviewer notices, with the turn they are in."""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog import Catalog
from tradeoff.design import load_design, parse_design
from tradeoff.review import review_design

RUSHED = Path(__file__).parent / "data" / "designs" / "transcript-rushed.md"


def _kinds(catalog: Catalog, path: Path) -> dict[str, int | None]:
    review = review_design(load_design(path), catalog, "chat-system")
    return {f.kind: f.evidence.line for f in review.findings}


def test_a_rushed_transcript_is_read_as_turns(catalog: Catalog) -> None:
    doc = load_design(RUSHED)
    assert doc.is_transcript
    assert [t.speaker for t in doc.turns][:2] == ["interviewer", "candidate"]


def test_no_clarifying_question_and_a_monologue_are_reported(catalog: Catalog) -> None:
    kinds = _kinds(catalog, RUSHED)
    assert "no-clarifying-questions" in kinds
    assert kinds.get("monologue") == 2  # the 200-word first turn, cited at its line


def test_interviewer_words_are_not_the_candidates_evidence(catalog: Catalog) -> None:
    text = (
        "Interviewer: Should we shard the cache with consistent hashing?\n"
        "Candidate: How many users are there?\n"
        "Interviewer: 50M.\n"
        "Candidate: Then one node is fine.\n"
    )
    review = review_design(parse_design(text), catalog, "distributed-cache")
    quotes = [f.evidence.quote or "" for f in review.findings]
    assert not any("consistent hashing" in q for q in quotes)
    mentioned = review_design(parse_design(text), catalog, "distributed-cache")
    assert mentioned.scores["components"].covered == 0


def test_late_first_question_and_few_questions(catalog: Catalog) -> None:
    text = "\n".join(
        [
            "Interviewer: Design a URL shortener.",
            "Candidate: We need a service that stores links.",
            "Candidate: Links go in a key-value store keyed by code.",
            "Candidate: A cache sits in front for redirects.",
            "Candidate: [05:00] How many links a month?",
            "Interviewer: 100M.",
        ]
    )
    review = review_design(parse_design(text), catalog, "url-shortener")
    kinds = {f.kind: f.evidence.line for f in review.findings}
    assert kinds.get("late-clarification") == 5
    assert "few-questions" in kinds

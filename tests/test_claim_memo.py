"""What the reviewer works out from one claim is kept on that claim: asked again, it is not
worked out again however many claims the design has, and it is never another claim's."""

from __future__ import annotations

import pickle

import pytest

from tradeoff.language.claims import SENTENCE, Claim
from tradeoff.language.features import Features
from tradeoff.review import substance
from tradeoff.review.substance import specified_concepts


def test_equal_claims_with_other_features_each_get_their_own_answer() -> None:
    """Claims compare on their text and place, not on their features: a cache keyed by
    the claim gave the second claim the first one's answer."""
    plain = Claim(4, "We page on failure.", "We page on failure.", SENTENCE, ("Ops",))
    answered = Claim(
        4,
        "We page on failure.",
        "We page on failure.",
        SENTENCE,
        ("Ops",),
        Features(failure_response=True),
    )
    assert plain == answered
    assert "failure-handling" not in specified_concepts(plain)
    assert "failure-handling" in specified_concepts(answered)


def test_a_design_larger_than_any_cache_has_each_claim_worked_out_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each rubric item and ladder asks of every claim in order: with the answers in an LRU
    cache smaller than the design (80,000 claims in a 2 MB one), every ask missed."""
    claims = [
        Claim(n, f"Line {n} says little.", f"Line {n} says little.", SENTENCE)
        for n in range(1, 70_002)
    ]
    asked: list[int] = []
    real = substance.restates_prompt

    def counted(claim: Claim) -> bool:
        asked.append(claim.line)
        return real(claim)

    monkeypatch.setattr(substance, "restates_prompt", counted)
    for _ in range(2):
        for claim in claims:
            specified_concepts(claim)
    assert len(asked) == len(claims)


def test_what_a_claim_remembers_is_not_pickled() -> None:
    claim = Claim(1, "A cache.", "A cache.", SENTENCE)
    specified_concepts(claim)
    copy = pickle.loads(pickle.dumps(claim))
    assert copy == claim and copy.remembered("specified") is None


def test_claims_that_specify_the_same_concepts_share_one_set() -> None:
    """A long design's claims specify the same few sets again and again: each is kept
    once, not once per claim (80,000 copies in a 2 MB design)."""
    first = Claim(1, "We page on failure.", "We page on failure.", SENTENCE, (), _ANSWERED)
    second = Claim(2, "We alert on failure.", "We alert on failure.", SENTENCE, (), _ANSWERED)
    assert specified_concepts(first) == specified_concepts(second) != frozenset()
    assert specified_concepts(first) is specified_concepts(second)


_ANSWERED = Features(failure_response=True)

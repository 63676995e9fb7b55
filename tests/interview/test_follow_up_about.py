"""A prompt's follow-up that names its rubric item (`about`) is that item's question asked.

Issue 10, a typed job-portal session (adversarial): the follow-up "How would you spot and
stop a scam posting that asks applicants for money?" was asked and returned to; /hint then
put the item's own probe, "How do you stop scam postings, and who is allowed to see a
seeker's resume?", as "Let's leave that one and try another": the same question three
times, and two unanswered questions in the report for one subject. With `about` set, the
follow-up is the item asked: the hint helps with it, naming it, and the probe is never put.
A follow-up without `about` is asked and hinted as before.
"""

from __future__ import annotations

import pytest
from simulate import Run, check_invariants, run

from tradeoff.catalog import Catalog
from tradeoff.interview.policy import Move

_SCAM_FOLLOW_UP = "How would you spot and stop a scam posting"
_SCAM_PROBE = "How do you stop scam postings"

# Into the deep dive, where the scam follow-up is the one nearest the alerts turn.
_TO_DEEP_DIVE = [
    "How many postings are open, and how many searches and applications a day?",
    "How quickly must a closed posting leave search results?",
    "/next",
    "Jobs are rows in PostgreSQL, and a change-data-capture feed copies each change into an"
    " Elasticsearch index that serves every search.",
    "POST /jobs/{id}/applications creates an application and carries an idempotency key.",
    "/next",
    "For saved searches, each new posting is run against the stored queries with a"
    " percolator, and the matches are queued for the morning email digest.",
]
_OFF_TOPIC = "Result pages use a cursor, twenty postings per page."


def _replies(session: Run) -> list[str]:
    return [" ".join(ex.replies) for ex in session.exchanges]


def test_a_follow_up_asked_counts_as_its_item_asked(catalog: Catalog) -> None:
    script = [*_TO_DEEP_DIVE, _OFF_TOPIC, "/hint", "Ranking weighs BM25 with freshness.", "/next"]
    session = run(catalog, "job-portal", "adversarial", script)
    asked, returned, hint, *after = _replies(session)[len(_TO_DEEP_DIVE) - 1 :]
    assert _SCAM_FOLLOW_UP in asked, asked
    assert "back to my question" in returned and _SCAM_FOLLOW_UP in returned, returned
    # The hint is for the question on the table, and says so in its words: no second ask.
    assert f"A hint on my earlier question, {_SCAM_FOLLOW_UP.lower()}" in hint, hint
    assert _SCAM_PROBE not in hint and "leave that one" not in hint, hint
    assert not any(_SCAM_PROBE in reply for reply in after), after
    report = session.transcript(catalog).split("Here is how it went")[-1]
    unanswered = [line for line in report.splitlines() if "left unanswered" in line]
    assert sum("scam" in line for line in unanswered) == 1, unanswered
    check_invariants(session, catalog)


def test_a_follow_up_whose_item_was_asked_is_not_asked(catalog: Catalog) -> None:
    session = run(catalog, "job-portal", "adversarial", _TO_DEEP_DIVE[:-1])
    interview = session.interview
    item = next(i for _, i in interview.problem.rubric.items() if i.id == "privacy-and-scams")
    assert item.probe
    interview._ask(Move("probe", item.probe, item.id))  # the item's own words, put off
    replies = interview.handle("Let me come back to that.")
    replies += interview.handle(_TO_DEEP_DIVE[-1])  # the turn the follow-up was nearest
    assert not any(_SCAM_FOLLOW_UP in reply for reply in replies), replies


def test_a_follow_up_without_about_is_hinted_as_before(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    problem = catalog.get("job-portal")
    follow_ups = [f.model_copy(update={"about": None}) for f in problem.follow_ups]
    monkeypatch.setitem(
        catalog.problems, "job-portal", problem.model_copy(update={"follow_ups": follow_ups})
    )
    session = run(catalog, "job-portal", "adversarial", [*_TO_DEEP_DIVE, _OFF_TOPIC, "/hint"])
    asked, hint = _replies(session)[len(_TO_DEEP_DIVE) - 1], _replies(session)[-1]
    assert _SCAM_FOLLOW_UP in asked, asked
    # No item of its own: the hint can only help with another question, and says so.
    assert "Let's leave that one and try another." in hint, hint
    assert "A hint on my earlier question" not in hint, hint


def test_a_hint_on_a_follow_up_of_several_sentences_names_it_once(catalog: Catalog) -> None:
    # "A gateway ... dies. What happens in the next minute?" quoted from its last sentence
    # would be "what happens in the next minute?", which names nothing; and the friendly
    # "Here's a hint:" before "A hint on my earlier question" said "hint" twice.
    session = run(catalog, "chat-system", "friendly", ["/next", "/next"])
    interview = session.interview
    number, follow_up = next(
        (n, f)
        for n, f in enumerate(interview.problem.follow_ups, 1)
        if f.about == "gateway-failure"
    )
    interview._speak(Move("probe", follow_up.text, f"follow-up-{number}"))
    [hint] = interview.handle("/hint")
    assert hint.startswith("Here's a hint on my earlier question, the one where "), hint
    assert hint.count("hint") == 1, hint

"""A typed session of issue 10 on the social network's friend graph (adversarial).

- "I'd use TAO-style caching in front of the graph." drew "If the caching goes down at
  peak ...?": the activity, not the part that goes down.
- "Privacy checks happen on every read in the API layer, because ..." left "A privacy check
  that every read path calls ..." as "neither said nor written", with "No privacy checker"
  as a next step: "privacy check" named no concept.
- "Mutual friends is an intersection of two sorted friend lists" was quoted as mentioning
  the batch-versus-streaming suggestions trade-off: mutual friends were read as friend
  suggestions.
- "People you may know runs as a nightly Spark job ..." left that trade-off "neither said
  nor written": "nightly" was not read as the item's "daily".
- Once "privacy check" named a concept, the same line covered "Covers profiles, send/accept
  friend requests, ... privacy settings and blocking" with substance; and a feature list only
  mentioned showed "still to say: privacy settings and blocking" beside that line.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_PRIVACY = (
    "Privacy checks happen on every read in the API layer, because the cache must never leak a"
    " profile that a block hides."
)
_PYMK = (
    "People you may know runs as a nightly Spark job over friends of friends, scored by mutual"
    " count, and the top 50 are stored per user."
)
_ASK = "What consistency do we need when someone accepts a friend request?"
_MUTUAL = "Mutual friends is an intersection of two sorted friend lists, cheap at 300 each."


def _talk(catalog: Catalog, *lines: str) -> dict[str, list[dict[str, object]]]:
    script = [_ASK, "/next", "/next", *lines, "/end"]
    session = run(catalog, "social-network", "adversarial", script)
    return session.report(catalog)["conversation"]


def test_a_cache_named_by_its_activity_is_asked_about_as_the_cache(catalog: Catalog) -> None:
    session = run(catalog, "social-network", "adversarial", ["/next", "I'd use TAO-style caching."])
    reply = " ".join(session.exchanges[-1].replies)
    assert "If the cache goes down" in reply, reply


def test_privacy_checks_on_every_read_are_the_privacy_checker(catalog: Catalog) -> None:
    talk = _talk(catalog, _PRIVACY)
    covered = {c["item"] for c in talk["covered"]}
    assert "privacy-checker" in covered, covered
    # ... and no list of the product's features
    assert "core-features" not in covered, covered
    [features] = [m for m in talk["mentioned"] if m["item"] == "core-features"]
    assert features["lacks"] == [], features


def test_mutual_friends_are_no_friend_suggestions(catalog: Catalog) -> None:
    talk = _talk(catalog, _MUTUAL)
    said = {m["item"]: m["quote"] for m in talk["mentioned"] + talk["covered"]}
    assert "suggestions-offline" not in said, said


def test_a_nightly_suggestions_job_mentions_the_daily_batch(catalog: Catalog) -> None:
    talk = _talk(catalog, _PYMK)
    [trade] = [m for m in talk["mentioned"] if m["item"] == "suggestions-offline"]
    assert str(trade["quote"]).startswith("People you may know"), trade


def test_an_assumption_against_a_given_figure_says_the_given_one(catalog: Catalog) -> None:
    # "Let's assume 2 billion users" after "about a billion registered users": the
    # candidate's to choose (no "which one?"), and the report says both, as a reader would.
    ask = "How many users and how many friends does a typical user have?"
    assume = "Let's assume 2 billion users with 300 friends on average, so 600 billion edges."
    session = run(catalog, "social-network", "adversarial", [ask, "/next", assume, "/end"])
    assert "Which one are you designing for" not in " ".join(session.exchanges[-2].replies)
    talk = session.report(catalog)["conversation"]
    [stated] = [a for a in talk["assumptions"] if a["quote"].startswith("Let's assume")]
    assert "a billion registered users" in stated["given"], stated
    assert talk["given_contradicted"] == [], talk["given_contradicted"]

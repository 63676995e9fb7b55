"""A social-network session typed by hand with the terse persona (round 37).

"What about people with huge followings?" drew "As I said, there are about a billion
registered users ..." instead of the friends fact, which says the biggest public figures
have over 100 million followers: "followings" stemmed apart from "followers", and the
friends fact had no cue for followers at all, so "people" (the users kind) won.
"""

from __future__ import annotations

import pytest
from simulate import run

from tradeoff.catalog import Catalog


@pytest.mark.parametrize(
    "question",
    ["What about people with huge followings?", "What about people with huge followers?",
     "Do celebrities have a huge following?"],
)  # fmt: skip
def test_huge_followings_are_the_friends_fact(catalog: Catalog, question: str) -> None:
    session = run(catalog, "social-network", "terse", [question])
    reply = " ".join(session.exchanges[-1].replies)
    assert "100 million followers" in reply, reply
    assert "billion registered users" not in reply, reply


def test_how_many_people_use_it_is_still_the_users(catalog: Catalog) -> None:
    session = run(catalog, "social-network", "terse", ["How many people use the site?"])
    assert "300 million people" in " ".join(session.exchanges[-1].replies)

"""Sessions typed by hand on prompts not typed recently, and what a candidate noticed.

Social network, friendly persona:

- "300 million daily users times 100 graph lookups a day is 30 billion a day, about 350,000
  reads per second" was quoted as "Notes that 300 friends of 300 friends is about 90,000
  paths per user": the item listed the generic estimate concept, and "users" was one of its
  own words, so any estimate that said "users" covered it.
- "POST /friend-requests/{id}/accept" was quoted as "one open request per pair, and accept
  is idempotent": "requests/{id}" was read as the idempotency term "request id".
- "How many users are there, and how many use it each day?" was also told the friend
  request rate: "how many use it each day" matched no cue of the users fact.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def _covered(catalog: Catalog, problem: str, persona: str, lines: list[str]) -> dict[str, str]:
    session = run(catalog, problem, persona, [*lines, "/end"])
    report = session.report(catalog)
    return {c["item"]: c["quote"] for c in report["conversation"]["covered"]}


def test_a_read_rate_is_no_friend_of_friend_count(catalog: Catalog) -> None:
    line = (
        "300 million daily users times 100 graph lookups a day is 30 billion a day, about"
        " 350,000 reads per second, 700k at peak."
    )
    covered = _covered(catalog, "social-network", "friendly", [line])
    assert "read-rates" in covered, covered
    assert "fof-size" not in covered, covered["fof-size"]


def test_friends_of_friends_counted_is_the_friend_of_friend_count(catalog: Catalog) -> None:
    line = "Friends of friends: 300 times 300 is 90,000 paths per user, too many for a page load."
    assert "fof-size" in _covered(catalog, "social-network", "friendly", [line])


def test_a_path_parameter_is_no_request_id(catalog: Catalog) -> None:
    line = (
        "The API: POST /friend-requests, POST /friend-requests/{id}/accept, DELETE"
        " /friends/{id}, GET /users/{id}/friends?cursor=."
    )
    covered = _covered(catalog, "social-network", "friendly", ["/next", line])
    assert "request-states" not in covered, covered["request-states"]


def test_how_many_use_it_each_day_asks_for_daily_users(catalog: Catalog) -> None:
    session = run(
        catalog, "social-network", "friendly",
        ["How many users are there, and how many use it each day?"],
    )  # fmt: skip
    reply = " ".join(session.exchanges[0].replies)
    assert "300 million people use the site" in reply, reply
    assert "friend requests" not in reply, reply

"""A notification-system session typed by the lead (friendly persona).

- "A campaign of 100 million users in an hour is another 28K a second on top" drew "That
  looks low to me. What makes you pick 100 million users?": the figure was read against
  the 500 million registered users, not the campaign's size. A number right after
  "<noun> of" is of that noun (`numbers._of_head`).
- "At 2,000 calls a second per worker that's about 35 workers at peak" answered "It's 7 pm,
  a flash-sale campaign is half sent, and someone asks for a login code. How long do they
  wait?": the peak of the probe's scene was taken for its subject, and the priority lanes
  were reported as mentioned, quoting the worker count. A probe's subject is its item and
  its question, not the sentence that sets the scene.
- After "We keep separate Kafka topics per priority so login codes never wait behind a
  campaign", the item's own probe asked "One queue or several, and what does your choice
  cost?", the choice just made; it now asks what the choice gives up. The same line
  counted as a decision without a reason: "so login codes never wait" is its reason.
- "The first thing to break is the SMS provider limits ...; I'd add a second provider and
  shift traffic when one degrades" left the wrap-up and the provider outage "neither said
  nor written", and the next probe asked what happens when the SMS provider times out.
- "If the Kafka topic goes down at peak ...?" named a topic, which does not go down, for
  the server it lives on.
- "1.2 billion a day is 14K a second" and "100 million users in an hour is another 28K a
  second" were no derivations: "is" between two rates of different periods is the arrow
  said aloud.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.policy import _weighing_asked
from tradeoff.language import read_text

_RATES = "So about 1.2 billion a day is 14K a second, and with a 3x peak around 42K a second."
_CAMPAIGN = "A campaign of 100 million users in an hour is another 28K a second on top."
_WORKERS = "At 2,000 calls a second per worker that's about 35 workers at peak."
_LANES = "We keep separate Kafka topics per priority so login codes never wait behind a campaign."
_BREAKS = (
    "The first thing to break is the SMS provider limits at campaign peaks; I'd add a second"
    " provider and shift traffic when one degrades."
)


def test_a_number_of_a_campaign_is_the_campaign_size(catalog: Catalog) -> None:
    session = run(catalog, "notification-system", "friendly", ["/next", _CAMPAIGN])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" not in reply and "100 million users" not in reply


def test_the_scene_of_a_probe_is_not_its_subject(catalog: Catalog) -> None:
    session = run(catalog, "notification-system", "friendly", ["/next", _RATES, _CAMPAIGN])
    assert "login code" in " ".join(session.exchanges[1].replies)  # the priority probe
    report = run(
        catalog, "notification-system", "friendly", ["/next", _RATES, _CAMPAIGN, _WORKERS, "/end"]
    ).report(catalog)
    quotes = {c["item"]: c["quote"] for c in report["conversation"]["mentioned"]}
    assert "35 workers" not in quotes.get("priority-lanes", "")
    assert any("7 pm" in q for q in report["conversation"]["dodged"])


def test_a_choice_made_is_followed_by_its_cost_not_asked_again(catalog: Catalog) -> None:
    # Said without its reason (with it, "so login codes never wait ...", the point is made).
    unargued = "We keep separate Kafka topics per priority."
    session = run(catalog, "notification-system", "friendly", ["/next", unargued])
    state = session.interview.state
    assert state.said["priority-queues"].status == "mentioned"
    (item,) = (i for d, i in catalog.problems["notification-system"].rubric.items()
               if i.id == "priority-queues")  # fmt: skip
    move = _weighing_asked(state, "tradeoffs", item)
    assert move is not None
    assert move.text == (
        "What do you give up with separate Kafka topics per priority, compared with the other"
        " options?"
    )
    markers = run(catalog, "notification-system", "friendly", ["/next", _LANES, "/end"]).report(
        catalog
    )["markers"]
    assert markers["decisions_with_reason"] == 1


def test_a_bottleneck_and_a_second_provider_said_are_not_missing(catalog: Catalog) -> None:
    lines = ["/next", "/next", "/next", _BREAKS, "/end"]
    session = run(catalog, "notification-system", "friendly", lines)
    assert "SMS provider is timing out" not in " ".join(session.exchanges[-2].replies)
    talk = session.report(catalog)["conversation"]
    missing = {c["item"] for c in talk["missing"]}
    assert not {"wrap-up", "provider-outage"} & missing


def test_a_rate_said_is_another_rate_is_a_derivation(catalog: Catalog) -> None:
    concepts = catalog.vocabulary.concepts.values()
    for text in (_RATES, _CAMPAIGN, "100M links a month is about 40 writes a second."):
        (claim,) = read_text(text, concepts)
        assert claim.features.derivation, text
    (claim,) = read_text("The limit is 100 requests a minute, and peak is 1M a second.", concepts)
    assert not claim.features.derivation


def test_a_failure_probe_names_the_server_not_its_topic(catalog: Catalog) -> None:
    # "If the Kafka topic goes down at peak": a topic is Kafka's data, not a server.
    session = run(catalog, "notification-system", "friendly", ["/next", _LANES])
    reply = " ".join(session.exchanges[-1].replies)
    assert "If Kafka goes down" in reply and "topic goes down" not in reply

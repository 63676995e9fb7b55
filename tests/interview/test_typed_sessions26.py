"""A message-broker session typed by hand with the neutral persona.

"What happens if a broker dies?" drew "At-least-once delivery is the default, so the same
event may show up twice ...": "dies" names the edge-cases kind, which the delivery fact
answers, while the facts that say what a broker failure does ("losing it is not acceptable,
even if a broker or a whole availability zone fails"; "a broker failure may pause a
partition for a few seconds") answer durability and availability, and shared only
"broker". A question about a part failing asks what the system promises then: its
availability and durability are asked as well, as a frame.

"How many tenants are there, and do they get quotas?" drew the tenancy fact for the quotas
and then 'As for "how many tenants are there", assume what you think is reasonable', after
"Hundreds of teams share the cluster": the fact's id says "tenancy", the question "tenants".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_a_broker_dying_is_answered_with_what_a_failure_does(catalog: Catalog) -> None:
    lines = [
        "How many messages per second do producers write, and how big is each message?",
        "What happens if a broker dies?",
    ]
    session = run(catalog, "message-broker", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "At-least-once delivery" not in reply, reply
    assert "broker" in reply and ("fails" in reply or "failure" in reply), reply


def test_tenants_are_the_tenancy_fact(catalog: Catalog) -> None:
    lines = ["How many tenants are there, and do they get quotas?"]
    session = run(catalog, "message-broker", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert reply.startswith("Hundreds of teams share the cluster"), reply
    assert "assume" not in reply, reply


def test_a_fact_opening_with_a_is_lowered_after_given_that(catalog: Catalog) -> None:
    """Object storage (adversarial): "We store 10 billion objects at 1 MB each, that is
    10 PB." drew "That looks low to me, given that A region holds about 100 billion
    objects today ..."."""
    lines = [
        "How many objects do we store, and how big are they on average?",
        "/next",
        "We store 10 billion objects at 1 MB each, that is 10 PB.",
    ]
    session = run(catalog, "object-storage", "adversarial", lines)
    reply = " ".join(session.exchanges[-1].replies)
    # (Since round 33 a given figure said as another is said again, not checked as working.)
    assert "said a region holds about 100 billion objects" in reply, reply

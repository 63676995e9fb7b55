"""A notification-system session typed by hand with the adversarial persona (round 28).

"We send about 1 billion notifications a day, which is roughly 1,000 per second on
average." put a false line in the report: 'Assumption stated: "We send about 1 billion
notifications a day, which is roughly 1,000 per second on average."', and credited
"States assumptions (volumes by channel, ...)" with it. The "1,000 per second", said with no
words of its own, was read as the closest figure within 3x: one sender worker's "2,000
provider calls a second", which the interviewer had not revealed, so it counted as the
candidate choosing a worker's capacity. It restates the figure before it ("which is"):
it counts the same notifications, and only a figure of notifications may be its
figure; a figure of one machine is met only by a number said of one machine, or one whose
words name it. It is now checked against about 14,000 notifications a second.

"Login codes get their own high-priority topic and workers, so a campaign never delays them;
marketing goes to a low-priority topic." left "Separate queues and worker pools per
priority ..." under "Only mentioned", quoting an earlier line about a Kafka queue: the
priority-scheduling concept knew "high-priority queue" and "per-priority topic" but not
"high-priority topic".

"Who calls this service, and on which channels?" drew "I'm not going to give you that.
Assume what you think is reasonable" (before round 27, one worker's "2,000 provider calls a
second", for "calls"), though "Only authenticated internal services may send" says who
does: the security fact's cues asked who can call, not who calls.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_LINES = [
    "How many notifications a day, per channel?",
    "/next",
    "We send about 1 billion notifications a day, which is roughly 1,000 per second on average.",
]


def test_a_rate_restated_per_second_is_no_assumption_about_workers(catalog: Catalog) -> None:
    session = run(catalog, "notification-system", "adversarial", _LINES)
    state = session.interview.state
    assert not state.assumptions, [a.quote for a in state.assumptions]
    refs = [s.number.ref.name for s in state.spoken_numbers if s.number and s.number.ref]
    assert "worker_rate" not in refs, refs
    assert "notifications_per_s" in refs, refs


def test_the_restated_rate_is_called_low(catalog: Catalog) -> None:
    session = run(catalog, "notification-system", "adversarial", _LINES)
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" in reply and "1,000 per second" in reply, reply


def test_a_high_priority_topic_is_a_priority_lane(catalog: Catalog) -> None:
    lines = [
        "Callers POST a template id and parameters; API servers put the request on a Kafka"
        " queue and sender workers call the providers.",
        "/next",
        "Login codes get their own high-priority topic and workers, so a campaign never delays"
        " them; marketing goes to a low-priority topic.",
    ]
    session = run(catalog, "notification-system", "adversarial", lines)
    state = session.interview.state
    assert state.covered("priority-lanes")
    support = state.said["priority-lanes"]
    assert support.quote.startswith("Login codes get their own high-priority topic"), support


def test_who_calls_is_the_internal_services(catalog: Catalog) -> None:
    session = run(catalog, "notification-system", "adversarial", ["Who calls this service?"])
    reply = " ".join(session.exchanges[-1].replies)
    assert "Only authenticated internal services may send" in reply, reply

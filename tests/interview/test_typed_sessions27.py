"""Replies from typed sessions (issue 10, round 27) that answered with the wrong fact.

Payments API: "Who calls the API?" drew "A typical payment takes about five API calls ...":
"calls" and "API" say what the party does with the system, and the question asks who the
party is. A question that opens by asking who calls or uses the system is answered by a
fact about its users or callers.

Movie tickets: "How many bookings a day?" drew "A show is one movie on one screen ... about
5 shows a day": the fact shares only "a day", said of shows. The unit of a rate belongs to
what is counted, so it is no signal on its own that a fact counting something else answers.

Movie tickets: "What if the payment comes back after the hold expired?" drew the gateway
fact ("Its result can come back by callback a few minutes late ...") for its "come back",
not "If a payment succeeds after the hold expired, confirm the booking ...". The late-payment
fact had no cue for how its situation is asked ("after the hold", "the hold ran out").

Job scheduler: "Do jobs need to be cancellable?" drew 'assume what you think is
reasonable' though the features fact says "pause and cancel": "cancellable" stemmed to
"cancellabl", which no fact says. "-able" and "-ible" are cut like "-ing" and "-ed".

Search autocomplete: "What's the read to write ratio?" drew "Every search is logged, but not
which suggestion was clicked ...": the word map reads "clicked" as a read (a click on a short
link is one), and "read" is the word of the phrase that names the read-write kind. A word of
a kind's phrase is no signal for a fact that answers another kind and says it only through
the word map; no fact here states the ratio, so the candidate assumes it.

URL shortener: after the interviewer said "Click analytics (click logs and dashboards) and
user account management are out of scope.", the deep dive asked "How would you add per-link
click counts without slowing redirects?" as if nothing had been said. A follow-up that adds
what a revealed scope fact excludes is still fair, as an extension, and is now asked as one.

Rate limiter: after "Does the limit need to be exact, or is a little over OK?" drew "Limits
need not be exact: letting a client exceed its limit by a few percent for a moment is
fine", the wrap-up asked "What are you assuming about how much overshoot is acceptable, and
about regions?". An assumptions probe now leaves out each part a revealed fact settles
(read by the question matcher, and the fact must say one of the part's words or cues).

Elevator: "Is there a VIP or freight mode?" drew only the modes fact (maintenance and fire
modes), by its id's "modes", though the out-of-scope list names "freight cars". A question
whether something exists that names a thing only the scope fact names is told the scope
fact as well.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def _reply(catalog: Catalog, problem: str, lines: list[str], persona: str = "neutral") -> str:
    session = run(catalog, problem, persona, lines)
    return " ".join(session.exchanges[-1].replies)


def test_who_calls_the_api_is_answered_with_the_merchants(catalog: Catalog) -> None:
    reply = _reply(catalog, "payments-api", ["Who calls the API?"])
    assert "five API calls" not in reply, reply
    assert reply.startswith("About 2 million active merchants"), reply


def test_bookings_a_day_is_not_the_shows_a_day(catalog: Catalog) -> None:
    reply = _reply(catalog, "movie-ticket-booking", ["How many bookings a day?"])
    assert "5 shows a day" not in reply, reply


def test_a_payment_after_the_hold_expired_is_the_late_payment_fact(catalog: Catalog) -> None:
    lines = ["What if the payment comes back after the hold expired?"]
    reply = _reply(catalog, "movie-ticket-booking", lines)
    assert reply.startswith("If a payment succeeds after the hold expired"), reply


def test_cancellable_jobs_are_the_features_fact(catalog: Catalog) -> None:
    reply = _reply(catalog, "distributed-job-scheduler", ["Do jobs need to be cancellable?"])
    assert "pause and cancel" in reply, reply
    assert "assume" not in reply, reply


def test_the_read_write_ratio_is_not_the_click_log(catalog: Catalog) -> None:
    reply = _reply(catalog, "search-autocomplete", ["What's the read to write ratio?"])
    assert "Every search is logged" not in reply, reply


_URL_LINES = [
    "How many new links a day, and how many redirects?",
    "/next",
    "An app server takes the long URL, gets an id from a counter, base62 encodes it and"
    " stores it in a key value store.",
    "/next",
    "Redirects must never slow down, even for the most popular links.",
]


def test_a_follow_up_on_what_was_put_out_of_scope_says_so(catalog: Catalog) -> None:
    lines = ["Do we need click analytics?", *_URL_LINES]
    reply = _reply(catalog, "url-shortener", lines)
    assert "click counts" in reply, reply
    assert reply.startswith("Beyond the scope I gave you, as an extension:"), reply


def test_the_follow_up_is_plain_when_scope_was_never_told(catalog: Catalog) -> None:
    reply = _reply(catalog, "url-shortener", _URL_LINES)
    assert reply.startswith("How would you add per-link click counts"), reply


_RATE_LINES = [
    "How many requests per second do the gateways see?",
    "Does the limit need to be exact, or is a little over OK?",
    "/next",
    "Each gateway asks a Redis cluster to increment a counter per client and window.",
    "/next",
    "We use a sliding window counter in Redis with a Lua script so the check and increment"
    " are atomic.",
    "/next",
    "At 10x, the Redis shards for the hottest clients saturate first; I would shard by client"
    " and add local pre-counting.",
    "OK.",
    "If Redis takes 50 ms we time out after 5 ms and fail open for ordinary traffic.",
]


def test_an_assumption_the_candidate_was_told_is_not_asked_again(catalog: Catalog) -> None:
    reply = _reply(catalog, "rate-limiter", _RATE_LINES)
    assert "What are you assuming about regions?" in reply, reply
    assert "overshoot" not in reply, reply


def test_a_freight_mode_is_told_it_is_out_of_scope(catalog: Catalog) -> None:
    reply = _reply(catalog, "elevator-control", ["Is there a VIP or freight mode?"])
    assert "freight cars" in reply, reply

"""A rate-limiter session typed by the lead (neutral persona).

- "A limited request gets 429 with Retry-After ..." drew "Earlier I said a request is
  checked against about 2 rules on average; you said 429. Which one are you designing
  for?", and the report listed it as a disagreement with the interviewer: the status code
  was read as a count of rules. The interviewer now asks the reviewer's own question of a
  number (`status_code_at`): a code that is rarely anything else, with no unit or counted
  noun beside it, is a code.
- "How would you handle clients that rotate IPs?" was answered with the number of clients:
  "clients", the party the clause narrows, was read as the topic, and "IPs" (lower-cased,
  too short to lose its "s") missed "rotate IP addresses".
- "move the hottest keys to local counters that sync every second" left "Every check to
  Redis is accurate ... local counters synced in batches ..." as "Not covered, neither said
  nor written": the item had no concept for local counting.
- "What do we limit on?" drew out the rules and still left REQ101 ("No functional
  requirements are stated") as the first next step: only a question of the "features"
  kind settled them, and this one asks for the rules by their own kinds.
- "fails open for normal endpoints but fails closed for login, with a small local
  in-memory bucket as fallback" was "Only mentioned (say how ...)": it says how in full; a
  trade-off point wants its reason, the option given up or the cost, and now says so.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.practice.models import SessionReport
from tradeoff.practice.report_text import render

_RESPONSE = (
    "A limited request gets 429 with Retry-After and we send X-RateLimit-Remaining on every"
    " response."
)


def test_a_status_code_is_no_figure_to_question(catalog: Catalog) -> None:
    lines = ["What do we limit on, and how much traffic do the gateways see?", "/next", _RESPONSE]
    session = run(catalog, "rate-limiter", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "429" not in reply and "designing for" not in reply
    report = session.report(catalog)
    assert report["conversation"]["given_contradicted"] == []


def test_a_clause_that_narrows_the_party_is_the_topic(catalog: Catalog) -> None:
    session = run(
        catalog, "rate-limiter", "neutral", ["How would you handle clients that rotate IPs?"]
    )
    reply = " ".join(session.exchanges[-1].replies)
    assert "rotate IP addresses" in reply
    assert "20 million" not in reply


def test_local_counters_said_are_no_absence(catalog: Catalog) -> None:
    lines = [
        "/next",
        "/next",
        "/next",
        "The bottleneck is Redis throughput; at 10x I'd add shards and move the hottest keys to"
        " local counters that sync every second.",
        "/end",
    ]
    talk = run(catalog, "rate-limiter", "neutral", lines).report(catalog)["conversation"]
    assert "accuracy-vs-latency" not in {c["item"] for c in talk["missing"]}
    assert "accuracy-vs-latency" in {c["item"] for c in talk["mentioned"] + talk["covered"]}


def test_a_trade_off_said_without_its_reason_asks_why(catalog: Catalog) -> None:
    lines = [
        "/next",
        "/next",
        "If a Redis shard is down the gateway fails open for normal endpoints but fails closed"
        " for login, with a small local in-memory bucket as fallback.",
        "/end",
    ]
    report = run(catalog, "rate-limiter", "neutral", lines).report(catalog)
    mentioned = {c["item"] for c in report["conversation"]["mentioned"]}
    assert "fail-policy" in mentioned
    text = "\n".join(render(SessionReport.model_validate(report)))
    line = next(x for x in text.splitlines() if x.startswith("  Fail open for ordinary"))
    assert "say why" in line


def test_asking_what_is_limited_settles_the_features(catalog: Catalog) -> None:
    # "What do we limit on?" asks for the rules by their own kinds ("rules", "quotas"), not
    # by "features"; the scope fact it drew out is what the product does, and "Open with 3-5
    # bullet points of what users can do" (REQ101) was the first next step after it.
    lines = ["What do we limit on, and how much traffic do the gateways see?", "/end"]
    report = run(catalog, "rate-limiter", "neutral", lines).report(catalog)
    rules = {f["rule"] for f in report["review"]["findings"]}
    assert "REQ101" not in rules

"""Web-crawler and elevator sessions typed by hand with the friendly persona (round 45).

Read as a candidate would:
- "What kinds of content, just HTML or also PDFs and images" (no question mark, and "what
  kinds of" was no opening the interviewer knew) drew "That makes sense." and a probe.
  With the mark it drew the known-URLs fact ("content hash" is a field of a URL record)
  beside the page fact that says "We fetch only HTML".
- "monitor crawl rate per host and error rate" answered "Every link on one site carries a
  fresh session id ... What stops you crawling it forever?": it shares "crawl" and "host".
  "crawl" is the verb of the prompt's own title ("web crawler") and is in every answer; it
  says nothing of what was asked, so the trap question is returned to once and the report
  lists it as unanswered.
- The report quoted "" for "Asks floors, cars, capacity, ..." (credited over the whole
  conversation's questions, with no one claim to cite): it quotes the first question now.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_what_kinds_of_content_draws_the_html_fact(catalog: Catalog) -> None:
    lines = ["What kinds of content, just HTML or also PDFs and images", "/end"]
    reply = " ".join(run(catalog, "web-crawler", "friendly", lines).exchanges[0].replies)
    assert "We fetch only HTML" in reply, reply
    assert "50 billion" not in reply, reply


def test_the_title_verb_does_not_answer_a_trap_question(catalog: Catalog) -> None:
    lines = [
        "How many pages a month?",
        "/next",
        "/next",
        "/next",
        "at 10x the frontier is the bottleneck, I'd shard it by host hash across many machines",
        "monitor crawl rate per host and error rate",
        "/end",
    ]
    session = run(catalog, "web-crawler", "friendly", lines)
    asked = " ".join(session.exchanges[4].replies)
    assert "crawling it forever" in asked, asked
    reply = " ".join(session.exchanges[5].replies)
    assert "back to my question" in reply, reply
    report = session.report(catalog)["conversation"]
    mentioned = {c["item"]: c["quote"] for c in report["mentioned"]}
    assert mentioned.get("traps") != "monitor crawl rate per host and error rate"


def test_a_questions_item_quotes_a_question(catalog: Catalog) -> None:
    lines = [
        "How many floors and how many elevators are in the building?",
        "Do we need to handle emergencies like fire, and is there a service mode for maintenance",
        "/end",
    ]
    report = run(catalog, "elevator-control", "friendly", lines).report(catalog)
    quotes = {c["item"]: c["quote"] for c in report["conversation"]["covered"]}
    assert quotes["building-questions"].startswith("How many floors"), quotes
    assert all(quotes.values()), quotes

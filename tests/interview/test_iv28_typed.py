"""Typed sessions of issue 10 on the web crawler (adversarial), movie ticket booking (terse)
and the typeahead box (neutral), iv28.

- A question put off ("can we come back to that one?") was counted as answered by a later
  line that shares two words with the rubric item behind it and names only a concept tied
  to it: "the frontier is partitioned by a hash of the host" took up "What do you store
  for each URL ...?", and the report no longer listed that question.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in

_TO_THE_URL_QUESTION = [
    "/next",
    "Each fetcher node runs about 250 fetches a second, so 16 nodes carry 4,000 pages a second.",
    "Per-host back queues hold the URLs, and a heap keyed by each host's next allowed fetch"
    " time picks which host goes next.",
    "Before fetching, a worker resolves the host through a local caching DNS resolver and"
    " checks the robots.txt rules it cached for that host.",
    "I'll get back to that later; first the main boxes.",
]


def test_a_partitioning_line_does_not_take_up_a_question_put_off_about_url_records(
    catalog: Catalog,
) -> None:
    script = [
        *_TO_THE_URL_QUESTION,
        "Can we come back to that one? I want the main pieces down first.",
        "The frontier is partitioned by a hash of the host over the nodes.",
    ]
    session = run(catalog, "web-crawler", "adversarial", script)
    asked = session.exchanges[len(_TO_THE_URL_QUESTION) - 1].replies[-1]
    assert "for each URL" in asked, asked
    ask = next(a for a in session.interview.state.asks if a.item == "url-record")
    assert ask.put_off and ask.status == "deferred"
    report = session.transcript(catalog).split("Here is how it went")[-1]
    assert "What do you store for each URL" in report, report


_SIZED_DESIGN = """# Crawler

## Components
- Frontier: per-host queues behind a priority queue.
- Seen URLs: a Bloom filter of about 6 GB for 50 billion URLs at 1% false positives.
"""


def test_a_figure_said_against_the_design_is_asked_about_once(
    catalog: Catalog, tmp_path: Path
) -> None:
    script = [
        "/next",
        "/design {design}",
        "The seen-URL Bloom filter takes about 60 GB of memory for 50 billion URLs.",
        "Hosts are spread over the frontier nodes by consistent hashing.",
        "/end",
    ]
    session = run(catalog, "web-crawler", "neutral", script, tmp=tmp_path, design=_SIZED_DESIGN)
    asked = session.exchanges[2].replies[-1]
    assert "60 GB" in asked and "6 GB (line 5)" in asked and "Which one holds?" in asked
    later = " ".join(session.exchanges[3].replies)
    assert "60 GB" not in later, later  # asked once, not returned to
    report = session.transcript(catalog).split("Here is how it went")[-1]
    assert "Said and written disagree" in report, report
    assert "Question left unanswered: You said" not in report, report


def test_a_queue_that_goes_down_puts_its_work_at_risk_not_requests(catalog: Catalog) -> None:
    line = "New URLs wait in a Kafka queue until a fetcher takes them."
    session = run(catalog, "web-crawler", "neutral", ["/next", line])
    asked = session.exchanges[-1].replies[-1]
    assert "goes down at peak, what happens to the work waiting in it?" in asked, asked
    assert "requests" not in asked


def test_a_debounce_chosen_is_a_setting_not_an_estimate_of_the_most_allowed(
    catalog: Catalog,
) -> None:
    refs = tuple(catalog.numbers["typeahead-ui"])
    chosen = quantities_in("I'd fire requests behind a 150 ms debounce on the input.", refs)
    assert [s.ref for s in chosen if s.text.startswith("150")] == [None]
    budget = quantities_in(
        "300 ms less a 100 ms round trip, 35 ms on the server and a 17 ms frame leaves about"
        " 150 ms for the debounce.",
        refs,
    )
    last = budget[-1]
    assert last.ref is not None and last.ref.name == "max_debounce", budget


def test_a_chosen_debounce_is_not_listed_as_an_estimate(catalog: Catalog) -> None:
    line = "Suggestions go out behind a 150 ms debounce on the input."
    session = run(catalog, "typeahead-ui", "neutral", ["/next", line, "/end"])
    estimates = session.report(catalog)["conversation"]["estimates"]
    assert not [e for e in estimates if "150" in e["said"]], estimates


def test_how_many_seats_one_person_may_pick_is_the_seat_limit(catalog: Catalog) -> None:
    session = run(catalog, "movie-ticket-booking", "terse", ["How many seats may one person pick?"])
    reply = " ".join(session.exchanges[-1].replies)
    assert "up to 10 seats" in reply and "5,000 people" not in reply, reply

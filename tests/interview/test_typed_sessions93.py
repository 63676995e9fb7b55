"""A distributed-cache session (adversarial) and a search-autocomplete one (terse), as
typed for issue 10, and a notification-system session typed by the lead (friendly).

- "ok so the hot 20% of 10 billion items at 1 KB is about 2 TB, which at 64 GB a node is 32
  shards, 64 nodes with replicas" was credited for "4.4M ops/s at peak needs about 22
  shards at 200k ops/s each, so memory decides: 32 primaries, 64 nodes with replicas": its
  64 nodes are the item's figure, reached from memory alone. An item that sizes from a
  measured quantity is met by a line that works with one of that kind.
- "how much data do we need to cache, and how many reads and writes per second at peak?"
  was reported as mentioning "Asks how many reads the database can absorb": a question
  names the asking, not what an item about asking asks for.
- "get(key), set(key, value, ttl) and delete(key); ..." was quoted as mentioning "only one
  caller rebuilds a hot item that expires or is deleted": an operation written as a call
  is the API's, not the mechanism the word names elsewhere.
- "so 5 billion searches a day ... about 350K requests a second", just challenged against
  the 2 billion given, was credited for the request-rate estimate, and so was the design
  line that works from the same 5 billion: a line that works from a figure given as
  another derives nothing from the prompt's figures.
- "decisions with a reason: 1" counted only choices said as decisions ("we'll use ...");
  "the browser debounces ... and caches results per prefix, so typing ... sends two or
  three requests" and "a suggest service keeps a trie ..., so a lookup is one walk" are
  choices with their reasons, and "The bottleneck is Redis throughput; at 10x I'd add
  shards" gives the bottleneck as its reason.
- "to sum up: ..., cache-aside with delete after commit ..., so losing a node costs a few
  seconds of misses, never wrong data" was credited for the write-strategy trade-off
  (cache-aside against write-through), which it never weighs: a recap names its choices.
- "The first thing to break is the SMS provider limits ...; I'd add a second provider"
  was quoted as mentioning "Works in a visible order from requirements to estimates ...":
  the structure concept's words include "first"; one ordinal orders no steps.
- "What do users control about what they get?" got "That's not specified" though the
  preferences fact ("Users choose channels per category ...") answers it: the party that
  acts in the question is the one that acts in the fact.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.questions import answer_turn

_CACHE_ASK = "how much data do we need to cache, and how many reads and writes per second at peak?"
_MEMORY = (
    "ok so the hot 20% of 10 billion items at 1 KB is about 2 TB, which at 64 GB a node is 32"
    " shards, 64 nodes with replicas"
)
_CALLS = (
    "get(key), set(key, value, ttl) and delete(key); services do cache-aside and read the"
    " database on a miss"
)
_SEARCHES = "how many searches a day, and how fast do suggestions have to appear?"
_FIVE_BILLION = (
    "so 5 billion searches a day at maybe 6 requests per search after debounce is 30 billion"
    " a day, about 350K requests a second"
)
_TYPEAHEAD = """# Search autocomplete

## Estimates
- 5 billion searches a day, about 6 keystroke requests each after debounce = 350K req/s.
"""


def test_a_fleet_reached_from_memory_does_not_size_it_from_throughput(catalog: Catalog) -> None:
    session = run(catalog, "distributed-cache", "adversarial", [_CACHE_ASK, _MEMORY])
    said = session.interview.state.said
    assert said["memory"].status == "substance"
    assert "throughput" not in said or said["throughput"].status != "substance"
    # Worked from operations per second, the same fleet is the throughput item's.
    ops = (
        "at peak that's 4 million gets a second, and at 200k ops/s a node that's 22 shards;"
        " memory needs 32, so 64 nodes with replicas"
    )
    session = run(catalog, "distributed-cache", "adversarial", [_CACHE_ASK, ops])
    assert session.interview.state.said["throughput"].status == "substance"


def test_a_question_does_not_mention_what_an_asking_item_asks_for(catalog: Catalog) -> None:
    session = run(catalog, "distributed-cache", "adversarial", [_CACHE_ASK])
    assert "db-protection" not in session.interview.state.said
    asked = "how many reads a second can the databases behind the cache take?"
    session = run(catalog, "distributed-cache", "adversarial", [_CACHE_ASK, asked])
    assert "db-protection" in session.interview.state.said


def test_an_operation_written_as_a_call_names_no_mechanism(catalog: Catalog) -> None:
    session = run(catalog, "distributed-cache", "adversarial", [_CACHE_ASK, "/next", _CALLS])
    said = session.interview.state.said
    assert "stampede" not in said
    assert said["write-strategy"].status == "mentioned"  # "services do cache-aside"


def test_a_figure_worked_from_the_input_questioned_derives_nothing(
    catalog: Catalog, tmp_path: Path
) -> None:
    session = run(catalog, "search-autocomplete", "terse", [_SEARCHES, _FIVE_BILLION])
    assert "2 billion" in " ".join(session.exchanges[-1].replies)
    support = session.interview.state.said["request-rate"]
    assert support.status == "mentioned" and "5 billion" in support.quote
    lines = [_SEARCHES, _FIVE_BILLION, "/design {design}", "/end"]
    report = run(
        catalog, "search-autocomplete", "terse", lines, tmp=tmp_path, design=_TYPEAHEAD
    ).report(catalog)
    covered = {c["item"] for c in report["conversation"]["covered"]}
    assert "request-rate" not in covered
    # The same figures from the 2 billion given are the estimate.
    right = (
        "so 2 billion searches a day at 6 requests each is 12 billion a day, about 140K a second"
    )
    session = run(catalog, "search-autocomplete", "terse", [_SEARCHES, right])
    assert session.interview.state.said["request-rate"].status == "substance"


def test_choices_said_of_the_parts_with_reasons_are_decisions(catalog: Catalog) -> None:
    lines = [
        "/next",
        "the browser debounces keystrokes by 150 ms and caches results per prefix, so typing"
        ' "weather" fast sends two or three requests',
        "a suggest service keeps a trie in memory with the top 10 completions stored at every node,"
        " so a lookup is one walk down the prefix",
        "we'll use Redis.",
        _FIVE_BILLION,  # working, not a choice
        "/end",
    ]
    markers = run(catalog, "search-autocomplete", "terse", lines).report(catalog)["markers"]
    assert (markers["decisions_with_reason"], markers["decisions_without_reason"]) == (2, 1)
    bottleneck = (
        "The bottleneck is Redis throughput; at 10x I'd add shards and move the hottest keys to"
        " local counters that sync every second."
    )
    markers = run(catalog, "rate-limiter", "neutral", [bottleneck, "/end"]).report(catalog)[
        "markers"
    ]
    assert (markers["decisions_with_reason"], markers["decisions_without_reason"]) == (1, 0)


def test_what_a_party_controls_is_what_it_does_in_a_fact(catalog: Catalog) -> None:
    problem = catalog.get("notification-system")
    kinds = catalog.vocabulary.question_kinds

    def facts(question: str) -> list[str]:
        return [f.id for part in answer_turn(question, problem, kinds) for f in part.facts]

    assert facts("What do users control about what they get?") == ["preferences"]
    assert facts("Is there any access control?") == ["security"]
    assert facts("What do users pay?") == []  # users act in the fact, but choose, not pay
    session = run(
        catalog, "notification-system", "friendly",
        ["What do users control about what they get?", "/end"],
    )  # fmt: skip
    assert "Users choose channels per category" in " ".join(session.exchanges[0].replies)
    talk = session.report(catalog)["conversation"]
    assert "preference-requirements" in {c["item"] for c in talk["mentioned"]}


def test_a_closing_summary_weighs_none_of_the_choices_it_recaps(catalog: Catalog) -> None:
    summary = (
        "to sum up: a sharded Redis tier on a consistent-hash ring, cache-aside with delete after"
        " commit and a 5 minute TTL, one replica per shard in another zone, so losing a node costs"
        " a few seconds of misses, never wrong data"
    )
    lines = [_CACHE_ASK, "/next", _CALLS, "/next", "/next", summary, "/end"]
    session = run(catalog, "distributed-cache", "adversarial", lines)
    said = session.interview.state.said
    assert said["write-strategy"].status == "mentioned"
    assert said["wrap-up"].quote.startswith("to sum up")  # still the summary it is
    talk = session.report(catalog)["conversation"]
    assert "write-strategy" not in {c["item"] for c in talk["covered"]}
    # Weighed on its own line, the choice is a trade-off made.
    weighed = (
        "cache-aside with delete on write rather than write-through, because write-through"
        " fills the cache with items nobody reads"
    )
    session = run(catalog, "distributed-cache", "adversarial", [_CACHE_ASK, "/next", weighed])
    assert session.interview.state.said["write-strategy"].status == "substance"


def test_one_ordinal_does_not_mention_a_visible_order(catalog: Catalog) -> None:
    breaks = (
        "The first thing to break is the SMS provider limits at campaign peaks; I'd add a second"
        " provider and shift traffic when one degrades."
    )
    session = run(catalog, "notification-system", "friendly", ["/next", breaks])
    assert "structure" not in session.interview.state.said
    plan = "First the requirements and numbers, then the send path, then failures."
    session = run(catalog, "notification-system", "friendly", [plan])
    assert "structure" in session.interview.state.said

"""A typed session of issue 10 on search autocomplete (friendly), read line by line.

- "Say 5 billion searches a day, and each search is about 4 keystroke requests, so 20
  billion requests a day" states the requests per keystroke the assumptions item names; the
  report said "Not covered, neither said nor written: States assumptions aloud (requests per
  keystroke, ...)" and the wrap-up asked "What are you assuming about requests per
  keystroke ...?".
- "... so 20 billion requests a day. That's roughly 23K requests a second." (10x low) went by:
  a restatement that opens the next sentence was never judged.
- The precompute-versus-traverse trade-off was quoted from "We filter offensive completions
  with a blocklist applied when the trie is built, because ...", which weighs more (a
  reason and a cost) and says nothing of precomputing, over the line that says it.
- "after a 50 ms debounce" was the latency target that the requirements ladder counted.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "How many searches a day are we talking about, and how fast do suggestions need to appear?"
_SAY = (
    "Say 5 billion searches a day, and each search is about 4 keystroke requests, so 20 billion"
    " requests a day. That's roughly 23K requests a second."
)
_TRIE = (
    "Suggestion servers hold a trie of prefixes with the top 10 completions precomputed at each"
    " node, so a lookup is one walk of the prefix length."
)
_FILTER = (
    "We filter offensive completions with a blocklist applied when the trie is built, because"
    " filtering at query time adds latency to every keystroke."
)


def test_figures_said_with_say_are_assumptions_stated(catalog: Catalog) -> None:
    session = run(catalog, "search-autocomplete", "friendly", [_ASK, "/next", _SAY, "/end"])
    talk = session.report(catalog)["conversation"]
    covered = {c["item"]: c["quote"] for c in talk["covered"]}
    assert covered.get("assumptions", "").startswith("Say 5 billion"), covered
    assert any(a["quote"].startswith("Say 5 billion") for a in talk["assumptions"]), talk
    # ... and still said against the 2 billion the interviewer gave
    assert [c.said for c in session.interview.state.contradicted] == ["5 billion searches a day"]


def test_a_restatement_opening_the_next_sentence_is_checked(catalog: Catalog) -> None:
    session = run(catalog, "search-autocomplete", "friendly", ["/next", _SAY])
    reply = " ".join(session.exchanges[-1].replies)
    assert "23K requests a second" in reply and "redo" in reply, reply


def test_a_trade_off_is_quoted_from_the_line_that_makes_it(catalog: Catalog) -> None:
    script = ["/next", "/next", _TRIE, _FILTER, "/end"]
    session = run(catalog, "search-autocomplete", "friendly", script)
    talk = session.report(catalog)["conversation"]
    [trade] = [c for c in talk["covered"] if c["item"] == "precompute-vs-traverse"]
    assert trade["quote"].startswith("Suggestion servers hold a trie"), trade

"""A typeahead-ui session typed by hand (friendly persona): a front-end component.

The candidate described "a small cache keyed by the query prefix" inside the component and
"the last 50 prefixes in an LRU in memory". The interviewer asked "If the cache goes down at
peak, what happens to the requests that need it?" (a cache in one browser tab fails with
the tab), then "That looks low to me. How did you get 50 prefixes?" (a window the candidate
chose, not an estimate), and the report listed the ARIA combobox item as only mentioned
beside "the input has role combobox with aria-expanded and aria-activedescendant ...".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

COMPONENT = (
    "The component has an input, a listbox of suggestions and a small cache keyed by the query"
    " prefix. Typing is debounced by 150 ms, and each request carries an AbortController so a"
    " stale response never overwrites a newer one."
)
ARIA = (
    "For accessibility the input has role combobox with aria-expanded and aria-activedescendant"
    " pointing at the highlighted option; arrow keys move the highlight and Enter selects."
)
LRU = (
    "I'd keep the last 50 prefixes in an LRU in memory, because people often backspace and"
    " retype, which saves a round trip."
)


def test_a_cache_inside_a_browser_component_is_no_shared_store(catalog: Catalog) -> None:
    session = run(catalog, "typeahead-ui", "friendly", ["/next", COMPONENT])
    reply = " ".join(session.exchanges[-1].replies)
    assert "goes down" not in reply, reply


def test_a_cache_in_memory_is_no_single_point_of_failure(catalog: Catalog) -> None:
    """Outside the browser too: "a local cache" fails with its process, for one process."""
    line = (
        "Each API server keeps a local cache of hot links for 60 seconds, because most hits repeat."
    )
    session = run(catalog, "url-shortener", "neutral", ["/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "goes down" not in reply, reply


def test_a_window_the_candidate_keeps_is_no_estimate(catalog: Catalog) -> None:
    session = run(catalog, "typeahead-ui", "friendly", ["/next", "/next", LRU])
    reply = " ".join(session.exchanges[-1].replies)
    assert "How did you get" not in reply, reply


def test_aria_attributes_specify_the_combobox(catalog: Catalog) -> None:
    session = run(catalog, "typeahead-ui", "friendly", ["/next", ARIA])
    assert session.interview.state.covered("aria-combobox")


def test_a_debounce_setting_is_no_spoken_estimate(catalog: Catalog) -> None:
    """ "Typing is debounced by 150 ms" sets a delay: the report listed it as "Estimate said:
    150 ms (max debounce)" and credited the request-rate estimate with it."""
    session = run(catalog, "typeahead-ui", "friendly", ["/next", COMPONENT, "/end"])
    conversation = session.report(catalog)["conversation"]
    assert conversation["estimates"] == [], conversation["estimates"]
    assert all(c["item"] != "request-savings" for c in conversation["covered"])


def test_asking_for_the_latency_target_raises_no_accessibility(catalog: Catalog) -> None:
    """The question drew out the devices and the 300 ms target; the report credited "Raises
    accessibility (WCAG AA), IME and right-to-left input ..." to it."""
    question = "Which devices and browsers do we support, and how fast must suggestions appear?"
    session = run(catalog, "typeahead-ui", "friendly", [question])
    state = session.interview.state
    assert not state.covered("quality-requirements")
    assert state.covered("scale-questions") or "latency-target" in state.settled


def test_the_product_set_aside_is_not_asked_about(catalog: Catalog) -> None:
    """After "Counters live in a Redis cluster with replicas", "Rather than Memcached, I use
    Redis, because ..." was answered "Why Memcached and not Redis?", and with Redis not yet
    named, "If Memcached goes down at peak ...": both about the product set aside."""
    choice = "Rather than Memcached, I use Redis, because Lua scripts make the update atomic."
    for before in ([], ["Counters live in a Redis cluster with replicas."]):
        session = run(catalog, "rate-limiter", "adversarial", ["/next", "/next", *before, choice])
        reply = " ".join(session.exchanges[-1].replies)
        assert "Memcached" not in reply, reply


def test_hot_customers_named_in_words_are_hot_keys(catalog: Catalog) -> None:
    """ "For hot customers I'd give each gateway a local bucket ..., which takes the hottest
    keys off one shard" was followed by "A single customer sends 50,000 requests per second.
    What happens to its Redis shard?": the words were not read as the hot-key concept."""
    line = (
        "For hot customers I'd give each gateway a local bucket with a slice of the limit and"
        " sync with Redis every 100 ms, which takes the hottest keys off one shard."
    )
    session = run(catalog, "rate-limiter", "adversarial", ["/next", "/next", line])
    assert session.interview.state.covered("hot-client")
    reply = " ".join(session.exchanges[-1].replies)
    assert "50,000 requests" not in reply, reply


def test_a_probe_whose_subject_was_answered_is_not_asked(catalog: Catalog) -> None:
    """ "If Redis is slow or down we fail open for up to 2 seconds, because ..." in the
    high-level phase, then in the deep dive "The counter store is unreachable for a minute
    during the peak. What happens to incoming requests?", reported as left unanswered."""
    lines = [
        "/next",
        "The gateway calls a limiter library that keeps token buckets in Redis, keyed by"
        " api_key and rule; each check is one Lua script that refills and decrements atomically.",
        "If Redis is slow or down we fail open for up to 2 seconds, because blocking every"
        " customer is worse than letting a few extra requests through.",
        "/next",
        "For hot customers I'd give each gateway a local bucket with a slice of the limit and"
        " sync with Redis every 100 ms, which takes the hottest keys off one shard.",
        "I chose a token bucket over a sliding log because the log needs memory per request,"
        " and the bucket is two numbers per key.",
        "/end",
    ]
    session = run(catalog, "rate-limiter", "adversarial", lines)
    said = " ".join(r for ex in session.exchanges for r in ex.replies)
    assert "counter store is unreachable" not in said, said


def test_the_report_quotes_the_line_that_weighs_the_choice(catalog: Catalog) -> None:
    """The algorithm item was quoted with "keeps token buckets in Redis" though the candidate
    later said "I chose a token bucket over a sliding log because ...": the stronger line."""
    lines = [
        "/next",
        "The gateway calls a limiter library that keeps token buckets in Redis, keyed by"
        " api_key and rule; each check is one Lua script that refills and decrements atomically.",
        "/next",
        "I chose a token bucket over a sliding log because the log needs memory per request,"
        " and the bucket is two numbers per key.",
    ]
    session = run(catalog, "rate-limiter", "adversarial", lines)
    supports = [
        s for s in session.interview.state.said.values() if "sliding log because" in s.quote
    ]
    assert supports, session.interview.state.said

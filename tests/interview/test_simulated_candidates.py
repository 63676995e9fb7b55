"""Scripted candidates over several prompts and personas, checked as a person would check them.

Each script is written in our own words. Every run must keep the invariants in
`simulate.check_invariants`; each test then asserts what its script was written to show.
"""

from __future__ import annotations

from pathlib import Path

from simulate import Run, check_invariants, run

from tradeoff.catalog import Catalog
from tradeoff.interview.personas import TERSE_WORDS
from tradeoff.interview.phrasing import ACKS

URL_DESIGN = """# URL shortener
## Capacity
- Writes: 100M links a month is about 1,160 writes/s.
- Storage: 6B links x 500 bytes = 3 TB over five years.
## Design
```mermaid
flowchart LR
  C[Client] --> LB[Load balancer]
  LB --> A[App servers]
  A --> R[(Redis cache)]
  A --> DB[(Postgres primary and replica)]
```
"""

URL_ADVERSARIAL = [
    "How many new links per day, and what's the read to write ratio?",
    "What is the write QPS?",
    "Do we need analytics?",
    "What availability and latency do we need?",
    "So 100M links a month is 40 writes/s and 4,000 reads/s, 12K at peak.",
    "Users shorten a URL, optionally with a custom alias and an expiry, and get redirected"
    " when they open it.",
    "/next",
    "The API is POST /links returning the code, and GET /{code} answering with a 302 so every"
    " click reaches us.",
    "Each app server leases a block of 1,000 ids from a coordination service and base62-encodes"
    " them, so two servers never issue the same code.",
    "/hint",
    "/design {design}",
    "We'll put Redis in front of Postgres.",
    "/next",
    "The biggest risk is a cache stampede when a hot link expires.",
    "The store never loses data.",
    "/advance 25m",
    "I'd monitor p99 redirect latency and cache hit ratio, and page someone above 100 ms.",
    "/end",
]


def _replies_to(result: Run, line: str) -> list[str]:
    return next(ex.replies for ex in result.exchanges if ex.line == line)


def test_url_shortener_adversarial_listens(catalog: Catalog, tmp_path: Path) -> None:
    result = run(catalog, "url-shortener", "adversarial", URL_ADVERSARIAL, tmp=tmp_path,
                 design=URL_DESIGN)  # fmt: skip
    check_invariants(result, catalog)
    first = _replies_to(result, URL_ADVERSARIAL[0])[0]
    assert "100 million" in first and "100 times" in first
    assert "change anything" not in first
    (both,) = _replies_to(result, "What availability and latency do we need?")
    assert "99.99%" in both and "100 ms" in both
    (scope,) = _replies_to(result, "Do we need analytics?")
    assert "out of scope" in scope
    hints = [e.data["item"] for e in result.events if e.kind == "hint"]
    assert "code-generation" not in hints
    (redis,) = _replies_to(result, "We'll put Redis in front of Postgres.")
    assert "Redis" in redis and "?" in redis
    (claim,) = _replies_to(result, "The store never loses data.")
    assert '"never loses data"' in claim
    report = result.report(catalog)["conversation"]
    contradiction = report["contradictions"]
    assert any(
        c["said"].startswith("40 writes/s") and "1,160" in c["written"] for c in contradiction
    )
    assert any("12K at peak" in e["said"] for e in report["estimates"])
    missing = {m["item"] for m in report["missing"]}
    assert not {"qps", "peak", "endpoints", "code-generation", "cache"} & missing
    assert any("never loses data" in c for c in report["unanswered_challenges"])
    unclear = result.report(catalog)["unclear_assumptions"]
    assert not any("three times" in f for f in unclear)  # "12K at peak" states the peak


URL_TERSE = [
    "What scale are we talking about?",
    "How big is a stored link, and how long do we keep links?",
    "I'll assume 1 billion new links a month.",
    "Redirects must be fast.",
    "/next",
    "A load balancer spreads requests over stateless app servers.",
    "Links live in a Cassandra table keyed by the short code.",
    "Codes come from a hash of the URL.",
    "/hint",
    "/next",
    "Hot codes sit in Redis with a one-day TTL, because reads dominate 100 to 1.",
    "We replicate Cassandra three ways across zones.",
    "/next",
    "At 10x the cache tier grows first.",
    "/end",
]


def test_url_shortener_terse_is_short_and_still_asks(catalog: Catalog) -> None:
    result = run(catalog, "url-shortener", "terse", URL_TERSE)
    check_invariants(result, catalog)
    asking = [
        (m, r)
        for ex in result.exchanges
        for m, r in zip(ex.moves, ex.replies[-len(ex.moves) :], strict=False)
        if m["move"] in ("probe", "failure", "why", "challenge", "follow-up", "sanity", "open")
    ]
    assert len(asking) >= 4
    assert all(len(r.split()) < TERSE_WORDS and r.endswith("?") for _, r in asking)
    (sanity,) = _replies_to(result, "I'll assume 1 billion new links a month.")
    assert sanity.endswith("?")  # an assumption 10x off the facts is questioned
    report = result.report(catalog)["conversation"]
    assert any("1 billion" in a["quote"] for a in report["assumptions"])


def test_chat_friendly_acknowledges_briefly_and_varies(catalog: Catalog) -> None:
    script = [
        "How many daily users are there, and how big is a message?",
        "Do messages need to arrive in order, and what latency do we need?",
        "So 500M users x 40 messages a day is about 230K messages/s, and 700K at peak.",
        "/next",
        "Phones hold a websocket to a gateway tier; gateways are stateless and a user's"
        " session is found through a presence service.",
        "Messages are stored in Cassandra partitioned by conversation id, with a per-"
        "conversation sequence number for ordering.",
        "Each Cassandra partition is replicated three times with quorum writes, so a node"
        " failure loses nothing.",
        "/end",
    ]
    result = run(catalog, "chat-system", "friendly", script)
    check_invariants(result, catalog)
    replies = [r for ex in result.exchanges[2:] for r in ex.replies]
    acks = [a for r in replies for a in ACKS if r.startswith(a)]
    assert len(acks) >= 2 and len(set(acks)) == len(acks)  # acknowledged, never the same twice
    # A brief acknowledgement, not the candidate's sentence read back to them.
    assert not any(
        r.startswith(a) and ("230K" in r or "websocket" in r) for r in replies for a in ACKS
    )
    report = result.report(catalog)["conversation"]
    assert any("230K" in e["said"] for e in report["estimates"])


def test_rate_limiter_dodge_is_returned_to_once(catalog: Catalog) -> None:
    script = [
        "/next",
        "A gateway calls the limiter before each request.",
        "I like how clean the dashboards look.",  # a dodge
        "The dashboards show every team's usage.",  # a second dodge: no second return
        "/end",
    ]
    result = run(catalog, "rate-limiter", "neutral", script)
    check_invariants(result, catalog)
    returns = [r for ex in result.exchanges for r in ex.replies if "back to my question" in r]
    assert len(returns) == 1
    report = result.report(catalog)["conversation"]
    assert report["dodged"]


def test_news_feed_adversarial_challenge_left_unanswered_is_reported(catalog: Catalog) -> None:
    script = [
        "How many daily users, and how many posts a day?",
        "/next",
        "Feeds are precomputed into a timeline cache on write; the cache is always available.",
        "Let me talk about ranking instead.",
        "/end",
    ]
    result = run(catalog, "news-feed", "adversarial", script)
    check_invariants(result, catalog)
    (challenge,) = _replies_to(result, script[2])
    assert '"always available"' in challenge and "?" in challenge
    report = result.report(catalog)["conversation"]
    assert any("always available" in c for c in report["unanswered_challenges"])


def test_parking_lot_terse_object_oriented(catalog: Catalog) -> None:
    script = [
        "What kinds of vehicles and spots are there?",
        "/next",
        "I'll have a ParkingLot class with Levels, each holding Spots.",
        "A Ticket records the spot and the entry time.",
        "/hint",
        "/hint",
        "/next",
        "Two cars could race for the last spot.",
        "/end",
    ]
    result = run(catalog, "parking-lot", "terse", script)
    check_invariants(result, catalog)
    for ex in result.exchanges:
        for reply in ex.replies:
            if ex.line.startswith("/") or "?" in ex.line:
                continue
            assert len(reply.split()) < TERSE_WORDS, reply


def test_payment_system_decision_without_reason_gets_why(catalog: Catalog) -> None:
    script = [
        "/next",
        "We'll store payments in a ledger table.",
        "Because every movement needs a debit and a credit that sum to zero.",
        "/end",
    ]
    result = run(catalog, "payment-system", "neutral", script)
    check_invariants(result, catalog)
    (why,) = _replies_to(result, script[1])
    assert "Why" in why or "What made you" in why
    asks = result.interview.state.asks
    assert any(a.kind == "why" and a.status == "answered" for a in asks)


def test_distributed_cache_overrun_moves_on(catalog: Catalog) -> None:
    script = [
        "How many requests per second, and what is the hit ratio target?",
        "/advance 9m",
        "Keys are small strings and values are under a kilobyte.",
        "/advance 2m",
        "Also the cache should evict least recently used keys.",
        "/end",
    ]
    result = run(catalog, "distributed-cache", "friendly", script)
    check_invariants(result, catalog)
    moved = [r for ex in result.exchanges for r in ex.replies if "let's move on" in r]
    assert moved and result.exchanges[-2].phase == "high-level"
    assert result.interview.phase == "high-level"


def test_web_crawler_off_number_gets_a_sanity_check(catalog: Catalog) -> None:
    script = [
        "How many pages a month do we fetch, and how big is a page?",
        "So 10 billion pages a month is about 380,000 pages/s.",
        "I divided by 26,000 seconds, my mistake: about 3,800 pages/s.",
        "/end",
    ]
    result = run(catalog, "web-crawler", "neutral", script)
    check_invariants(result, catalog)
    (check,) = _replies_to(result, script[1])
    assert "380,000 pages/s" in check and "high" in check and check.endswith("?")
    (after,) = _replies_to(result, script[2])
    assert "looks high" not in after
    report = result.report(catalog)["conversation"]
    assert any("3,800 pages/s" in e["said"] for e in report["estimates"])


def test_video_streaming_failure_probe_names_the_component(catalog: Catalog) -> None:
    script = [
        "/next",
        "Uploads land in S3, then a queue feeds transcoding workers.",
        "Video chunks are served from a CDN.",
        "Metadata lives in MySQL.",
        "/end",
    ]
    result = run(catalog, "video-streaming", "adversarial", script)
    check_invariants(result, catalog)
    failures = [m for ex in result.exchanges for m in ex.moves if m["move"] == "failure"]
    assert failures and len({m["item"] for m in failures}) == len(failures)
    (first,) = _replies_to(result, script[1])
    assert "goes down" in first


def test_key_value_store_terse_answers_compound_questions(catalog: Catalog) -> None:
    problem = catalog.get("key-value-store")
    script = [
        "How much data do we store, and how many reads and writes per second?",
        "What latency and availability do we need?",
        "/end",
    ]
    result = run(catalog, "key-value-store", "terse", script)
    check_invariants(result, catalog)
    assert len(result.interview.state.revealed) >= 3
    assert problem.id == "key-value-store"


def test_typeahead_friendly_hints_follow_the_phase(catalog: Catalog) -> None:
    script = ["/next", "/hint", "/hint", "/hint", "/end"]
    result = run(catalog, "typeahead-ui", "friendly", script)
    check_invariants(result, catalog)
    problem = result.interview.problem
    phase_dims = ("api_data", "components", "capacity")
    allowed = {i.id for d, i in problem.rubric.items() if d in phase_dims}
    hinted = [e.data["item"] for e in result.events if e.kind == "hint"]
    assert hinted and set(hinted) <= allowed


def test_unique_id_generator_assumptions_are_credited(catalog: Catalog) -> None:
    script = [
        "I'll assume 100,000 ids per second at peak across all services.",
        "Let's say ids must stay unique for 50 years.",
        "/next",
        "Each node packs a timestamp, a worker id and a sequence into 64 bits.",
        "/end",
    ]
    result = run(catalog, "unique-id-generator", "neutral", script)
    check_invariants(result, catalog)
    report = result.report(catalog)
    quotes = [a["quote"] for a in report["conversation"]["assumptions"]]
    assert any("100,000 ids" in q for q in quotes) and any("50 years" in q for q in quotes)
    assert report["markers"]["assumptions_stated"] >= 2


def test_a_session_rebuilt_from_its_events_has_the_same_state(
    catalog: Catalog, tmp_path: Path
) -> None:
    """The report and --resume rebuild the state from events; it must match the live one."""
    from tradeoff.interview.clock import ManualClock
    from tradeoff.interview.session import Interview

    live = run(catalog, "url-shortener", "adversarial", URL_ADVERSARIAL[:-1], tmp=tmp_path,
               design=URL_DESIGN)  # fmt: skip
    rebuilt = Interview(
        problem=live.interview.problem, catalog=catalog, persona="adversarial", level="senior",
        minutes=45, clock=ManualClock(), record=lambda event: None,
        started_at=live.interview.started_at,
    )  # fmt: skip
    rebuilt.restore(live.events)
    a, b = live.interview.state, rebuilt.state
    assert {k: v.status for k, v in a.said.items()} == {k: v.status for k, v in b.said.items()}
    assert [(x.text, x.status) for x in a.asks] == [(x.text, x.status) for x in b.asks]
    assert a.revealed.keys() == b.revealed.keys()
    assert rebuilt.phase == live.interview.phase

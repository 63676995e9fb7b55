"""Interview checklists: the data loads, items tick on substance and stay open on mentions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.catalog import default_catalog
from tradeoff.catalog.checklists import CHECKLISTS_FILE, default_checklists, load_checklists
from tradeoff.cli.main import app
from tradeoff.design.load import parse_design
from tradeoff.errors import CatalogError, TradeoffError
from tradeoff.review.checklist import ChecklistResult, design_claims, tick

runner = CliRunner()
NAMES = ["api", "failure", "monitoring", "security"]


def _tick(name: str, text: str) -> ChecklistResult:
    doc = parse_design(text)
    checklists = default_checklists()
    return tick(checklists.get(name), design_claims(doc, ()), checklists)


def _item(result: ChecklistResult, item_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in result.items if r.item.id == item_id)


def test_every_checklist_loads_with_known_concepts() -> None:
    concepts = default_catalog().vocabulary.concepts
    loaded = load_checklists(concept_ids=concepts)
    assert loaded.names == NAMES
    for checklist in loaded.checklists:
        assert 8 <= len(checklist.items) <= 14
        for item in checklist.items:
            assert item.why and item.substance and item.concepts
            assert all(way and way[0].what for way in item.ways)


def test_an_unknown_concept_or_fragment_is_refused(tmp_path: Path) -> None:
    text = CHECKLISTS_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "checklists.yaml"
    bad.write_text(text.replace("concepts: [pagination]", "concepts: [paging-magic]"), "utf-8")
    with pytest.raises(CatalogError, match="paging-magic"):
        load_checklists(bad, concept_ids=default_catalog().vocabulary.concepts)
    bad.write_text(text.replace("'{{duration}}'", "'{{no_such_fragment}}'", 1), "utf-8")
    with pytest.raises(CatalogError, match="no_such_fragment"):
        load_checklists(bad)


def test_an_unknown_name_lists_the_valid_ones() -> None:
    with pytest.raises(TradeoffError, match="use one of api, failure, monitoring, security"):
        default_checklists().get("secrity")


# (checklist, item, a line that states the substance, a line that only names the subject)
CASES = [
    ("api", "contract", "POST /v1/notes takes {title, body} and returns 201 with the note id.",
     "The service exposes a REST API."),
    ("api", "pagination", "GET /v1/notes?cursor=abc&limit=50 returns the next cursor.",
     "The list endpoint is paginated."),
    ("api", "idempotency", "Clients send an Idempotency-Key header; the server stores the "
     "first response for 24 hours and replays it.", "Create calls are idempotent."),
    ("api", "errors", "An unknown code returns 404 and a taken alias returns 409.",
     "Errors use standard status codes."),
    ("api", "rate-limits", "Link creation is limited to 100 links per hour per API key.",
     "We rate limit the API."),
    ("api", "conditional-writes", "Updates send If-Match with the ETag; a stale write gets 412.",
     "Edits use an ETag."),
    ("failure", "stateful-failures", "If the Redis primary dies, Sentinel promotes a replica "
     "within 10 s.", "Redis is replicated for high availability."),
    ("failure", "timeouts-retries", "Calls to the ledger retry up to 3 times with exponential "
     "backoff and jitter.", "Failed calls are retried."),
    ("failure", "recovery-targets", "RPO is 5 minutes and RTO is 30 minutes, from WAL shipping.",
     "We have an RPO and RTO for the database."),
    ("failure", "dead-letter", "After 5 failed attempts a message moves to the dead-letter "
     "queue and alerts the owner.", "There is a dead-letter queue."),
    ("failure", "split-brain", "On failover the old leader is fenced with an epoch number so "
     "its late writes are rejected.", "The leader fails over automatically."),
    ("monitoring", "alerts", "Alert when p99 redirect latency exceeds 200 ms for 5 minutes "
     "and page the on-call.", "Prometheus and Grafana for monitoring."),
    ("monitoring", "slo", "SLO: 99.9% of redirects succeed in under 100 ms over 30 days.",
     "We will define SLOs."),
    ("monitoring", "tracing", "A trace id is propagated in headers through every service and "
     "the queue.", "We use OpenTelemetry for tracing."),
    ("monitoring", "capacity-alerts", "Warn when disk usage on any shard is above 75%.",
     "We watch disk capacity."),
    ("security", "authentication", "Requests carry a JWT that the gateway verifies; tokens "
     "expire after 15 minutes.", "Users log in with OAuth."),
    ("security", "at-rest", "Rows are encrypted at rest with per-tenant keys held in KMS and "
     "rotated yearly.", "All data is encrypted."),
    ("security", "input-validation", "The shortener rejects long URLs whose scheme is not "
     "http or https, which stops javascript: links.", "We validate all inputs."),
    ("security", "audit", "Every permission change is written to an append-only audit log "
     "with the actor and a timestamp.", "We keep audit logs."),
    ("security", "personal-data", "Email addresses are hashed before they reach the logs.",
     "We are GDPR compliant."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "item_id", "concrete", "mention"), CASES)
def test_an_item_ticks_on_substance_and_stays_open_on_a_mention(
    name: str, item_id: str, concrete: str, mention: str
) -> None:
    text = f"# Design\n\n{mention}\n\n{concrete}\n"
    result = _item(_tick(name, text), item_id)
    assert result.met, f"{item_id} should tick on: {concrete}"
    assert result.evidence is not None and result.evidence.line == 5
    assert result.evidence.quote and result.evidence.quote in text.splitlines()[4]
    alone = _item(_tick(name, f"# Design\n\n{mention}\n"), item_id)
    assert not alone.met, f"{item_id} should stay open on: {mention}"


def test_slogans_tick_nothing() -> None:
    text = (
        "# Design\n\nWe will follow OWASP best practices.\n\n"
        "Prometheus and Grafana for monitoring.\n\n"
        "The system must be highly available and fault tolerant.\n"
    )
    for name in NAMES:
        assert _tick(name, text).met == 0, name


def test_an_open_item_says_what_the_closest_line_lacks() -> None:
    text = "# Ops\n\nWe alert on consumer lag.\n"
    alerts = _item(_tick("monitoring", text), "alerts")
    assert not alerts.met and alerts.mentioned is not None
    assert alerts.mentioned.evidence.line == 3
    assert alerts.mentioned.named == "a metric"
    assert any("threshold" in m for m in alerts.mentioned.missing)


def test_out_of_scope_negated_and_deferred_lines_do_not_tick() -> None:
    lines = [
        "Out of scope: paging the on-call when p99 exceeds 300 ms.",
        "We will add a 429 with Retry-After later.",
        "We do not need a dead-letter queue after 3 retries.",
    ]
    text = "# Design\n\n" + "\n\n".join(lines) + "\n"
    assert not _item(_tick("monitoring", text), "alerts").met
    assert not _item(_tick("api", text), "rate-limits").met
    assert not _item(_tick("failure", text), "dead-letter").met


def test_a_heading_supplies_the_action_of_a_listed_alert() -> None:
    text = "# Design\n\n## Alerts\n\n- Redis error rate > 0.5% for 5 min\n"
    result = _item(_tick("monitoring", text), "alerts")
    assert result.met and result.evidence is not None and result.evidence.line == 5


# --- the commands ------------------------------------------------------------------------


def test_checklist_command_prints_one_in_every_format() -> None:
    listed = runner.invoke(app, ["checklist", "--format", "json"])
    assert listed.exit_code == 0
    assert [c["id"] for c in json.loads(listed.stdout)] == NAMES
    shown = runner.invoke(app, ["checklist", "security", "--format", "json"])
    assert shown.exit_code == 0
    data = json.loads(shown.stdout)
    assert data["id"] == "security"
    assert len(data["items"]) == len(default_checklists().get("security").items)
    assert {"id", "text", "why", "concepts", "substance"} <= set(data["items"][0])
    markdown = runner.invoke(app, ["checklist", "api", "--format", "markdown"])
    assert markdown.exit_code == 0 and markdown.stdout.count("- [ ] ") == len(
        default_checklists().get("api").items
    )
    rich = runner.invoke(app, ["checklist", "monitoring"])
    assert rich.exit_code == 0 and "Monitoring checklist" in rich.stdout


def test_an_unknown_checklist_is_one_line_with_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["checklist", "secrity"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "api, failure, monitoring, security" in result.stderr
    design = tmp_path / "d.md"
    design.write_text("# Design\n\nA line.\n", encoding="utf-8")
    review = runner.invoke(app, ["review", str(design), "--checklist", "nope"])
    assert review.exit_code == 2 and "use one of" in review.stderr


DESIGN = """# URL shortener

## API

POST /v1/links takes {long_url} and returns 201 with the short code.

## Security

Requests carry a JWT that the gateway verifies; tokens expire after 15 minutes.

We will follow OWASP best practices.
"""


def test_review_adds_the_checklist_without_changing_the_contract(tmp_path: Path) -> None:
    design = tmp_path / "design.md"
    design.write_text(DESIGN, encoding="utf-8")
    plain = runner.invoke(app, ["review", str(design), "-p", "url-shortener", "-f", "json"])
    ticked = runner.invoke(
        app,
        ["review", str(design), "-p", "url-shortener", "-f", "json", "--checklist", "security"],
    )
    assert plain.exit_code == 0 and ticked.exit_code == 0
    before, after = json.loads(plain.stdout), json.loads(ticked.stdout)
    assert "checklist" not in before
    assert {k: v for k, v in after.items() if k != "checklist"} == before
    checklist = after["checklist"]
    assert checklist["id"] == "security" and checklist["total"] == len(checklist["items"])
    auth = next(i for i in checklist["items"] if i["id"] == "authentication")
    assert auth["met"] and auth["evidence"]["line"] == 9
    assert auth["evidence"]["quote"] in DESIGN.splitlines()[8]
    assert checklist["met"] == sum(1 for i in checklist["items"] if i["met"])


def test_review_prints_ticks_with_lines_and_open_items(tmp_path: Path) -> None:
    design = tmp_path / "design.md"
    design.write_text(DESIGN, encoding="utf-8")
    rich = runner.invoke(app, ["review", str(design), "-p", "url-shortener", "-c", "security"])
    assert rich.exit_code == 0
    assert "✓" in rich.stdout and "line 9" in rich.stdout and "— open" in rich.stdout
    markdown = runner.invoke(
        app, ["review", str(design), "-p", "url-shortener", "-f", "markdown", "-c", "api"]
    )
    assert markdown.exit_code == 0
    assert "## API design checklist" in markdown.stdout
    assert "- [x] " in markdown.stdout and "(line 5:" in markdown.stdout


def test_an_example_url_is_no_tls_and_cache_revalidation_is_no_input_validation() -> None:
    # A request body's "https://example.com" says nothing about encrypting traffic, and a
    # 302 that is "re-validated" by browsers is HTTP caching, not checking untrusted input.
    text = (
        "# API\n\n"
        'POST /links with body { "long_url": "https://example.com/a" } returns the code.\n\n'
        "Redirects use 302 (temporary, re-validated by the browser) to keep click counts.\n"
    )
    security = _tick("security", text)
    assert _item(security, "transit").mentioned is None
    assert _item(security, "input-validation").mentioned is None
    stated = "# API\n\nAll traffic uses HTTPS with TLS 1.3, terminated at the load balancer.\n"
    assert _item(_tick("security", stated), "transit").met


def test_a_primary_key_is_no_failover_and_a_log_function_is_no_logging() -> None:
    # "user_id BIGINT PRIMARY KEY" names a key, not a primary replica; "log(1 + likes)" is
    # arithmetic, not a log line.
    text = (
        "# Data\n\n"
        "Table users: user_id BIGINT PRIMARY KEY, name TEXT.\n\n"
        "The score is log(1 + likes) plus recency.\n"
    )
    assert _item(_tick("failure", text), "split-brain").mentioned is None
    assert _item(_tick("monitoring", text), "logs").mentioned is None


def test_a_list_item_split_at_a_semicolon_ticks_as_a_whole() -> None:
    """The scheme in one clause and the token lifetime in the next are one item's claim;
    the evidence quotes the item from its first clause to its last, verbatim."""
    text = (
        "# Notes app\n\n## Security\n- Auth: session cookies; sessions end after 30 minutes idle\n"
    )
    found = _item(_tick("security", text), "authentication")
    assert found.met and found.evidence is not None
    assert found.evidence.line == 4
    assert found.evidence.quote == "Auth: session cookies; sessions end after 30 minutes idle"
    assert found.evidence.quote in text.splitlines()[3]


def test_clauses_of_different_items_do_not_tick_together() -> None:
    text = (
        "# Notes app\n\n## Security\n- Auth: session cookies\n"
        "- Sessions end after 30 minutes idle\n"
    )
    assert not _item(_tick("security", text), "authentication").met


def test_a_trigger_is_read_apart_from_the_degraded_behaviour_it_sets_off() -> None:
    """ "If the quota store is unreachable for 80 ms, the proxy fails open": the trigger
    ends at "unreachable"; read greedily up to "fails" it took the behaviour's own words
    and the item stayed open with "but not: what triggers it"."""
    text = "- If the quota store is unreachable for 80 ms, the proxy fails open for its tenants.\n"
    assert _item(_tick("failure", text), "degraded-mode").met


def test_a_retry_after_header_is_no_retry() -> None:
    """ "Answer 429 with Retry-After" tells the client when to come back; it is not a call
    this design retries, nor redelivered work."""
    result = _tick("failure", "- Over the quota, answer 429 with a Retry-After header.\n")
    for item_id in ("timeouts-retries", "duplicates"):
        item = _item(result, item_id)
        assert not item.met and item.mentioned is None, item_id


def test_data_structures_and_quotas_are_not_logging_ownership_paging_or_validation() -> None:
    """Words that name something else in a limiter's design: a sliding-window log is an
    algorithm's data, "the node that owns the key" is placement, "a limit of 50 per minute"
    is a quota, and "reject with 429" is the quota's answer. None is logging, an
    authorisation rule, paging or input validation."""
    text = (
        "- A sliding log keeps one timestamp per request.\n"
        "- The Redis node that owns the key runs the check.\n"
        "- Each tenant gets a limit of 50 requests per minute; reject with 429 after that.\n"
    )
    checks = [
        ("monitoring", "logs"),
        ("security", "authorization"),
        ("security", "input-validation"),
        ("api", "pagination"),
    ]
    for name, item_id in checks:
        item = _item(_tick(name, text), item_id)
        assert item.mentioned is None, (name, item_id, item.mentioned)
    paged = "- GET /v1/events?limit=50&cursor=abc returns the next page and a cursor.\n"
    assert _item(_tick("api", paged), "pagination").met


# --- words in another sense name no subject --------------------------------------------

# (checklist, item, a line that uses one of the item's words in another sense). Before
# these readings each line was reported as "line N has <the subject> but not: ...".
OTHER_SENSES = [
    ("api", "pagination", "The blocked link answers with a warning page."),
    ("api", "pagination", "Recent ids are kept in a Redis list per user."),
    ("api", "pagination", "Workers run GET and then INCR inside one script."),
    ("api", "pagination", "GET /v2/items/{item_id} returns one item."),
    ("api", "pagination", "- global limit = 5000 req/s"),
    ("api", "idempotency", "The audit trail stores the request ID and the user."),
    ("api", "rate-limits", "Download links grant time-limited access."),
    ("failure", "split-brain", "The token bucket is the primary algorithm here."),
    ("failure", "split-brain", "A new model passes an offline eval before promoting."),
    ("failure", "stateful-failures", "Each story is pushed to the author's followers."),
    ("failure", "degraded-mode", "Repeat visits skip our servers because browsers cache it."),
    ("failure", "duplicates", "The normaliser strips boilerplate and de-duplicates text."),
    ("failure", "health-checks", "The player sends heartbeat beacons every 10 seconds."),
    ("monitoring", "signals", "On a bad token the API returns an error message."),
    ("monitoring", "logs", "The sliding window log holds one timestamp per call."),
    ("monitoring", "logs", "A lookup costs O(log n) in the tree."),
    ("monitoring", "capacity-alerts", "Fixed-window counters let bursts through at the edges."),
    ("monitoring", "capacity-alerts", "Members make connections and follow people."),
    ("monitoring", "deploy-safety", "A fifth of the links draw 80% of traffic."),
    ("monitoring", "paging", "The feed service ranks posts and handles paging."),
    ("monitoring", "paging", "| Driver | Load |\n|---|---|\n| Browsing | page loads, search |"),
    ("security", "authorization", "Cold entries leave by an LRU eviction policy."),
    ("security", "authorization", "The backend runs its own load shedding."),
    ("security", "authorization", "Analytics stay out of scope for this design."),
    ("security", "authorization", "A payment goes from authorized to captured to settled."),
    ("security", "at-rest", "The orchestrator streams tokens to the browser over SSE."),
    ("security", "input-validation", "Nodes cache recent rejections for 50 ms."),
    ("security", "input-validation", "The gateway does JWT validation on each call."),
    ("security", "input-validation", "SSH is open to whitelisted IPs only."),
    ("security", "audit", "Periodic audits compare manifests with stored checksums."),
    ("failure", "duplicates", "Many uploads are duplicates across accounts, so we store one copy."),
    ("failure", "duplicates", "A clustering job groups near-duplicate headlines into one story."),
    ("security", "authorization", "| Component | Role |\n|---|---|\n| Ingest | parses feeds |"),
    ("api", "idempotency", "Thumbnails: deduplicate identical images by their hash."),
    ("api", "idempotency", "Buckets are keyed by client id and minute."),
    ("api", "idempotency", "Access logs include request ID and status."),
    ("api", "contract", "Median PUT/GET latency stays under 80 ms."),
    ("monitoring", "deploy-safety", "Progressive download starts playback early; latency is "
     "higher."),
    ("monitoring", "logs", "Edits go to an operation log so clients can resync."),
    ("monitoring", "logs", "Events stream into a log; a job folds them into totals."),
    ("monitoring", "logs", "Most members log in within a week."),
    ("monitoring", "logs", "Timelines can be rebuilt from the Kafka log."),
    ("failure", "health-checks", "Presence: heartbeats keep the online dot green."),
    ("failure", "split-brain", "The player fetches master.m3u8 first."),
    ("failure", "cache-loss", "Inference runs on pre-warmed GPUs."),
    ("failure", "duplicates", "Repeated questions are duplicate queries we answer from cache."),
    ("api", "rate-limits", "Each sandbox runs with CPU, memory and time limits."),
    ("api", "rate-limits", "We cap the sorted set at 500 items."),
    ("security", "abuse-limits", "Prompts stay within a context limit."),
    ("monitoring", "logs", "Dormant members get pull feeds when they log back in."),
    ("monitoring", "paging", "| Metric | Value |\n|---|---|\n| Page fetches per visit | 4 |"),
    ("monitoring", "deploy-safety", "Upload parts are durably staged in the bucket."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "item_id", "line"), OTHER_SENSES)
def test_a_word_in_another_sense_names_no_subject(name: str, item_id: str, line: str) -> None:
    item = _item(_tick(name, f"# Design\n\n{line}\n"), item_id)
    assert not item.met and item.mentioned is None, item.mentioned


# (checklist, item, a line that names the subject but not the substance the item asks)
NOT_EARNED = [
    ("api", "input-bounds", "The timeline cache is capped at 800 entries."),
    ("api", "caching-headers", "Creates send If-None-Match: * so no key is overwritten."),
    ("api", "idempotency", "Consumers are idempotent and events replay from the log."),
    ("failure", "overload", "Compaction is throttled to < 5% of disk IOPS."),
    ("failure", "health-checks", "Clients post playback heartbeats every 10 seconds of viewing."),
    ("monitoring", "capacity-alerts", "At peak each shard runs at only 3% utilization."),
    ("monitoring", "per-dependency", "Tiered caching keeps the CDN hit ratio above 90%."),
    ("monitoring", "per-dependency", "Redis fails over in < 10 s behind a connection pool."),
    ("monitoring", "deploy-safety", "Low latency reads for over 99% of users."),
    ("security", "authentication", "Attackers rotate source IPs or API keys."),
    ("security", "authentication", "Segments are fetched with signed URLs or signed cookies."),
    ("security", "transit", "TLS in transit."),
    ("security", "authorization", "Metadata per object = ~200 bytes (name, size, ACL pointer)."),
    ("security", "authorization", "Ranking applies diversity and policy filters."),
    ("security", "audit", "GDPR delete/audit logs."),
    ("security", "least-privilege", "The embedder runs in the VPC to prevent data leaving it."),
    # the component that fails is named before the answer, not only inside it
    ("failure", "stateful-failures", "Upstream vendors fail, so retry and park the message in "
     "a dead-letter queue."),
    ("failure", "stateful-failures", "Handling the flood: more buyers than items, so smooth "
     "load with a queue."),
    ("failure", "overload", "Handles must be at least 5 characters; we reject reserved "
     "handles."),
    ("failure", "zone-loss", "Each tenant's requests are routed to its home region."),
    ("failure", "timeouts-retries", "A member is declared dead after a heartbeat timeout of "
     "20 s."),
    ("failure", "timeouts-retries", "Repair starts once a disk stays offline beyond a timeout "
     "of 30 minutes."),
    ("failure", "health-checks", "The player sends heartbeats every 15 seconds of playback; a job "
     "counts these heartbeats, drops bots and replaces raw events with totals."),
    ("failure", "cache-loss", "Cons: a thundering herd at the window boundary; uneven "
     "throttling."),
    ("failure", "split-brain", "Linearizable reads are served by the Raft leader."),
    ("api", "errors", "12K QPS → 500 distinct songs per minute reach the charts."),
    ("api", "errors", "A 300-token prompt plus its answer → 500 tokens."),
    ("api", "input-bounds", "Each row is about 70 bytes; round up to 100 bytes per request."),
    ("api", "authentication", "A noisy tenant can send 50K RPS on one API key, and all those "
     "requests land on one shard."),
    ("security", "authorization", "Layout: {Path, Size, Checksum, ACLs}."),
    ("security", "secrets", "Disks use server-side encryption with KMS key rotation."),
    ("security", "least-privilege", "The model is hosted in a private VPC so prompts stay "
     "in-house."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "item_id", "line"), NOT_EARNED)
def test_a_line_without_the_substance_does_not_tick(name: str, item_id: str, line: str) -> None:
    assert not _item(_tick(name, f"# Design\n\n{line}\n"), item_id).met


# (checklist, item, a line that meets the item in words the patterns used to miss)
OTHER_WORDS = [
    ("api", "pagination", "List calls return a pagination token with each page."),
    ("api", "idempotency", "Each charge carries an idempotency key; the service records "
     "the result so a retry gets the same outcome."),
    ("api", "input-bounds", '"display_name": "Ann"  // optional, max 40 chars'),
    ("failure", "degraded-mode", "Players fall back to a second CDN if segments return 5xx "
     "errors or time out."),
    ("failure", "degraded-mode", "| Failure mode | Effect | Mitigation |\n|---|---|---|\n"
     "| Search index unavailable | Old results | Fallback: serve cached results |"),
    ("failure", "recovery-targets", "A regional outage fails over to the standby region "
     "within 45 seconds."),
    ("failure", "health-checks", "Storage nodes send a 2-second heartbeat to the tracker."),
    ("failure", "overload", "Queue backlog in the encoder: autoscale the workers."),
    ("failure", "cache-loss", "After a Redis cache loss, warm-up loads the hot keys first."),
    ("failure", "dead-letter", "A dead-letter queue takes messages with repeated failures."),
    ("failure", "zone-loss", "Snapshots are copied to another region, and a fail-over "
     "script brings the cluster up there."),
    ("monitoring", "synthetic-probes", "Hourly synthetic queries exercise the answer path."),
    ("security", "transit", "HTTPS only: plain HTTP requests are redirected to HTTPS."),
    ("security", "input-validation", "A validator checks magic bytes and container format."),
    ("security", "least-privilege", "Databases sit in a private subnet, preventing outside "
     "access."),
    ("security", "audit", "An audit log keeps every retrieved document id with the user."),
    ("security", "audit", "Audit – each role change is logged with who and when."),
    ("security", "authorization", "Bucket-level and object-level ACLs decide who may read."),
    ("failure", "stateful-failures", "If the ledger database is unreachable, the API falls "
     "back to a write-ahead queue and retries."),
    ("failure", "overload", "When the ingest queue is full we reject new requests with 503."),
    ("failure", "zone-loss", "If a region goes dark, DNS routes traffic to the secondary "
     "region."),
    ("failure", "timeouts-retries", "Calls to the pricing service time out after 300 ms."),
    ("failure", "split-brain", "When the Raft leader dies, a majority elects a new one."),
    ("security", "secrets", "The KMS holds the signing keys and database passwords."),
    ("api", "errors", "GET /v1/links/{code} → 404 when the code is unknown."),
    ("monitoring", "logs", "Raw access logs in S3 are kept for 30 days."),
    ("api", "idempotency", "The client sends a client-generated request id; the server "
     "stores the first response for 24 h."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "item_id", "line"), OTHER_WORDS)
def test_a_control_in_other_words_ticks(name: str, item_id: str, line: str) -> None:
    assert _item(_tick(name, f"# Design\n\n{line}\n"), item_id).met, line


def test_an_endpoint_in_code_is_read_with_the_body_written_under_it() -> None:
    """No single line of a code block states an endpoint's method, path and body, but the
    block does; the tick quotes the method line."""
    in_block = (
        "# API\n\n```\nPOST /v1/notes\nBody: {\n"
        '  "title": "a title"\n}\nResponse 201: the note id\n\nGET /v1/notes/{id}\n```\n'
    )
    contract = _item(_tick("api", in_block), "contract")
    assert contract.met and contract.evidence is not None
    assert contract.evidence.line == 4 and contract.evidence.quote == "POST /v1/notes"
    under_prose = '# API\n\n`POST /v1/answer`\n```json\n{\n  "question": "How long?"\n}\n```\n'
    assert _item(_tick("api", under_prose), "contract").met
    alone = "# API\n\n```\nPOST /v1/notes\n```\n"
    assert not _item(_tick("api", alone), "contract").met

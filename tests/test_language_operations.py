"""Operational detectors: each fires on the specific statement and not on a mention of it."""

from __future__ import annotations

import pytest

from tradeoff.language.operations import (
    failure_response,
    freshness_target,
    idempotency_guard,
    idempotency_guard_for_all,
    is_security_slogan,
    latency_bound,
    monitoring_signal,
    names_monitoring,
    redundancy_need,
    retried_write,
    security_control,
)


@pytest.mark.parametrize(
    ("text", "heading", "trigger", "response"),
    [
        ("If Redis is unreachable, the gateway falls back to its local bucket.", "",
         "unreachable", "falls back"),
        ("| Leader dies | a follower is promoted within 10 s |", "", "dies", "promoted"),
        ("When the payment provider times out we return 503 and the client retries.", "",
         "times out", "return 503"),
        ("Workers that crash lose their lease and the job is rescheduled.", "", "crash",
         "rescheduled"),
        ("If the queue is full, new uploads are rejected with 429.", "", "is full", "rejected"),
        ("If the cache is empty or down, reads go to the database and we serve stale pages.",
         "", "is empty or down", "serve stale"),
        ("| Search index down | no results | answer from the last snapshot |",
         "Failure modes | Failure | Effect | Mitigation |", "down",
         "answer from the last snapshot"),
        ("- clients switch to the standby in the other zone", "Primary database crashes",
         "crashes", "switch to"),
        # a machine's own failures, in the object-oriented prompts
        ("Power loss: cars stop at the nearest floor on battery and open doors.", "",
         "Power loss", "stop at the nearest floor"),
        ("Overweight: the car stays open and sounds an alarm until the load drops.", "",
         "Overweight", "sounds an alarm"),
        # a generator's own failures, and what it does
        ("The clock moves backwards: the generator refuses to issue ids until it catches up.",
         "", "clock moves backwards", "refuses to"),
        ("The sequence overflows within a millisecond: the generator waits for the next one.",
         "", "overflows", "waits for"),
        ("etcd is unavailable: running processes keep their worker ids while leases last.", "",
         "unavailable", "keep their worker"),
        # the policy named with a hyphen, as often as with a space
        ("If the quota store is unreachable, checks pass (fail-open).", "",
         "unreachable", "fail-open"),
        ("Login stays fail-closed when the counter store times out.", "",
         "times out", "fail-closed"),
        # work that cannot be done, and where it goes
        ("Invoices that cannot be parsed go to a dead letter queue.", "",
         "cannot be parsed", "dead letter"),
    ],
)  # fmt: skip
def test_failure_response_pairs_trigger_and_response(
    text: str, heading: str, trigger: str, response: str
) -> None:
    found = failure_response(text, heading)
    assert found is not None
    assert (found.trigger, found.response) == (trigger, response)


def test_a_heading_that_only_announces_failures_names_none() -> None:
    assert failure_response("- retry with backoff", "Failure handling") is None


@pytest.mark.parametrize(
    "text",
    [
        "Replication ensures that data is never lost.",
        "The system must handle failures gracefully.",
        "What happens if the database goes down?",
        "Fault tolerance is a key requirement.",
        "Cache misses read from Postgres.",
        # states of a payment, side by side, answer nothing
        "Status is one of PENDING, AUTHORIZED, CAPTURED, REFUNDED, FAILED.",
        "A paid order cannot be cancelled by the seller.",
    ],
)
def test_failure_response_needs_a_concrete_response(text: str) -> None:
    assert failure_response(text) is None


@pytest.mark.parametrize(
    ("text", "heading", "metric", "action"),
    [
        ("Page on-call when p99 redirect latency exceeds 150 ms for 5 minutes.", "", "p99",
         "Page on-call"),
        ("| consumer lag | > 30 s | scale out workers |", "", "consumer lag", "scale out"),
        ("5xx rate above 1% rolls back the canary automatically.", "", "5xx", "rolls back"),
        ("- Redis error rate > 0.5%", "Alerts", "error rate", "Alerts"),
        ("Key pool depth: alerts at 70% used.", "", "pool depth", "alerts"),
        ("| Worker crash | job stalls | reschedule it and alert on-call |", "", "crash", "alert"),
        # the agreed level is the line crossed
        ("- consumer lag SLO breach", "Alerts", "consumer lag", "Alerts"),
        ("Page the on-call when sync lag breaches the SLA.", "", "sync lag", "Page the on-call"),
        # retrieval quality is a metric like any other
        ("Alert the search team if nDCG@10 falls below 0.6 on the nightly run.", "", "nDCG@10",
         "Alert"),
    ],
)  # fmt: skip
def test_monitoring_signal_has_metric_threshold_and_action(
    text: str, heading: str, metric: str, action: str
) -> None:
    found = monitoring_signal(text, heading)
    assert found is not None
    assert (found.metric, found.action) == (metric, action)


@pytest.mark.parametrize(
    "text",
    [
        "We will use Prometheus and Grafana for observability.",
        "Dashboards show p99 latency and error rate.",  # measured, but no threshold or action
        "Alert the team when things look wrong.",  # action, but no metric with a threshold
        "p99 latency for the first page of results stays under 200 ms.",
        "Precision@5 must stay above 0.7 on the labelled set.",  # a target, no one acts on it
    ],
)
def test_monitoring_signal_rejects_tools_and_partial_signals(text: str) -> None:
    assert monitoring_signal(text) is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("We will use Prometheus and Grafana for observability.", "Prometheus"),
        ("Monitoring: dashboards per service.", "Monitoring"),
    ],
)
def test_names_monitoring_finds_operational_monitoring(text: str, named: str) -> None:
    assert names_monitoring(text) == named


@pytest.mark.parametrize(
    "text",
    [
        "Out of scope: click analytics dashboards.",
        "Creators get an analytics dashboard with views per day.",
        "| Metric | Value | Calculation |",
        "The document watcher monitors shared folders for new files.",
    ],
)
def test_names_monitoring_ignores_scope_product_dashboards_and_verbs(text: str) -> None:
    assert names_monitoring(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Clients send a JWT that the gateway verifies.", "authentication scheme"),
        ("Only the owner of a link can delete it.", "authorisation rule"),
        ("Blobs are encrypted at rest with per-tenant keys held in KMS.",
         "encryption at rest with key management"),
        ("Link creation is rate limited to 100 per hour per API key.", "per-caller limit"),
        ("We reject long URLs whose scheme is not http or https.", "input validation"),
        ("All traffic between services goes over TLS.", "encryption in transit"),
        ("Each worker runs under a least-privilege IAM role.", "authorisation rule"),
        ("Reviewer names are shown as text, never as innerHTML.", "output encoding"),
        ("Each user is limited to 30 uploads per hour.", "per-caller limit"),
        ("New accounts capped at 5 invites/day.", "per-caller limit"),
        ("The comment body is set with textContent.", "output encoding"),
    ],
)  # fmt: skip
def test_security_control_names_the_control(text: str, kind: str) -> None:
    assert security_control(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "We will follow OWASP best practices.",
        "Security is a priority and the system will be secure.",
        "Users must be authenticated.",
        "We rejected Cassandra because range queries are awkward there.",
        # the principle in a list of slogans grants nothing to anyone
        "We will follow security best practices (OWASP, least privilege) for authentication.",
        "The server renders the HTML of each page.",
        "The log viewer shows each line as text.",
        "The queue is limited to 10,000 jobs.",
    ],
)
def test_security_control_rejects_slogans_and_bare_mentions(text: str) -> None:
    assert security_control(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the key names what a limit is counted against, not how a caller proves who it is
        "Each bucket is stored under the tenant's API key.",
        "We size for 40 million active API keys.",
        "Requests arrive at the gateway with noisy-neighbour issues for the same API key.",
    ],
)
def test_an_api_key_named_as_an_identifier_is_no_authentication(text: str) -> None:
    assert security_control(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The gateway verifies the API key on every call.",
        "Writes require an API key issued by the account service.",
    ],
)
def test_an_api_key_that_is_checked_is_an_authentication_scheme(text: str) -> None:
    assert security_control(text) == "authentication scheme"


@pytest.mark.parametrize(
    "text",
    [
        "Limits are set as rules (per tenant, per endpoint).",
        "Every tenant gets per-identity quotas.",
        "Throttle calls based on the caller identifier (account id or IP address).",
    ],
)
def test_rules_or_quotas_kept_per_caller_are_a_per_caller_limit(text: str) -> None:
    assert security_control(text) == "per-caller limit"


def test_alert_rules_per_user_are_no_limit() -> None:
    assert security_control("Alert rules per user live in the settings table.") is None


def test_security_slogan_is_told_apart() -> None:
    assert is_security_slogan("We will follow OWASP best practices.")
    assert not is_security_slogan("Follow OWASP: validate every `url` field against a scheme list.")


@pytest.mark.parametrize(
    ("text", "write"),
    [
        ("If the PSP call times out, we retry the charge.", "charge"),
        ("Workers retry failed email sends up to 5 times.", "email"),
        ("The client resends unacknowledged messages after it reconnects.", "resends"),
        ("On a 5xx the client retries the POST /orders call.", "POST"),
        ("When the leader changes, the client retries the ledger commit.", "ledger"),
        ("Writers retry the manifest commit after a timeout.", "the manifest commit"),
    ],
)
def test_retried_write_fires_on_side_effects_retried(text: str, write: str) -> None:
    assert retried_write(text) == write


@pytest.mark.parametrize(
    "text",
    [
        "If Redis does not answer, retry once, then return 500.",
        "Over the limit, return 429 with a Retry-After header.",
        "RedisDown --> [*]: Max Retries Exceeded",
        "The browser reconnects the WebSocket with exponential backoff and retries.",
        "We retry the charge with the same idempotency key.",
        "On a timeout the retry reuses the same `PaymentKey`, so nothing is charged twice.",
        "Failed chunks are retried; each chunk is a PUT to its own key.",
        "Pros: simpler retries and an atomic commit.",
        "Consumers commit offsets after processing, then retry the next batch.",
    ],
)
def test_retried_write_ignores_reads_reconnects_and_idempotent_writes(text: str) -> None:
    assert retried_write(text) is None


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Availability: 99.95% for redirects.", "99.95%"),
        ("Three app servers sit behind a load balancer.", "Three app servers"),
        ("About 20M DAU at launch.", "20M DAU"),
        ("Peak traffic is 5,000 req/s.", "5,000 req/s"),
    ],
)
def test_redundancy_need_reads_targets_instances_and_scale(text: str, need: str) -> None:
    found = redundancy_need(text)
    assert found is not None and need in found


@pytest.mark.parametrize(
    "text",
    [
        "Sessions are kept in a local SQLite file on the user's laptop.",
        "One user at a time, about 50 users in total.",
        "The agent handles 2 requests/s at most.",
    ],
)
def test_redundancy_need_is_silent_for_small_local_tools(text: str) -> None:
    assert redundancy_need(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The retry reuses the same `PaymentKey`.",
        "A late approval is never charged twice.",
        "Timeout then retry charges once.",
        "Consumers upsert on the event id.",
    ],
)
def test_idempotency_guard_reads_the_ways_candidates_say_it(text: str) -> None:
    assert idempotency_guard(text) is not None


def test_a_safe_verb_guards_its_own_clause_only() -> None:
    """`PUT /{bucket}/{key}` in an endpoint list is safe to repeat itself, but makes no
    other write in the design idempotent; an idempotency key does."""
    assert idempotency_guard("- `PUT /{bucket}/{key}`") is not None
    assert idempotency_guard_for_all("- `PUT /{bucket}/{key}`") is None
    assert idempotency_guard_for_all("We overwrite the cached copy.") is None
    assert idempotency_guard_for_all("PUT /links with an Idempotency-Key header") is not None


def test_idempotency_guard_is_silent_on_a_plain_retry() -> None:
    assert idempotency_guard("If the PSP times out we retry the charge twice.") is None


def test_signed_urls_with_a_word_between_are_an_access_control() -> None:
    text = "Private photos are served through short-lived signed CDN URLs."
    assert security_control(text) == "authentication scheme"


def test_a_lost_disk_named_as_an_adjective_is_a_failure() -> None:
    text = "A lost disk's fragments are rebuilt from the others within hours."
    found = failure_response(text)
    assert found is not None and found.trigger == "lost disk"
    assert failure_response("A lost update is a bug we fixed.") is None


def test_a_short_lived_token_and_an_owner_scoped_read_are_controls() -> None:
    # Written by hand in a sync design: "Sign-in with OAuth; every request carries a
    # short-lived access token, and the server only returns operations for the token's
    # user_id." The second clause named no control the reader knew.
    assert security_control("every request carries a short-lived access token") == (
        "authentication scheme"
    )
    assert security_control("the server only returns operations for the token's user_id") == (
        "authorisation rule"
    )
    assert security_control("We only read the config once at start-up.") is None


@pytest.mark.parametrize(
    "text",
    [
        "New posts appear in followers' feeds within 5 s.",
        "An edit is visible to collaborators in under 200 ms.",
        "Writes propagate to every region within 1 s.",
        "Feed staleness <= 10 s.",
        "Eventual consistency for the feed (a 5 s delay is acceptable).",
        "Followers see a new photo within 10 s.",
        "Other editors see the change in under 1 second.",
    ],
)
def test_freshness_target_reads_a_bound_on_how_soon_a_write_is_seen(text: str) -> None:
    assert freshness_target(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Redis is available within the VPC.",
        "The cleanup job runs within 5 minutes of midnight.",
        "We want to reach 10M users within 2 years.",
        "New posts appear in followers' feeds quickly.",
        "Users see their feed within 200 ms.",
    ],
)
def test_freshness_target_is_silent_without_a_bound_on_visibility(text: str) -> None:
    assert freshness_target(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Replies within 3 s; the LLM call dominates.",
        "The page loads in under 1 second.",
        "Search returns results in less than 200 ms.",
        "Completing an upload takes under 2 s for files up to 50 GB.",
        "A song starts within 1 s for nine listeners in ten.",
        "The map begins drawing in under 300 ms on a mid-range phone.",
    ],
)
def test_latency_bound_reads_a_response_time_said_with_a_verb(text: str) -> None:
    assert latency_bound(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Over the limit, the API returns 429 within the window.",
        "The cleanup job completes within 5 minutes of midnight.",
        "Each nightly export starts within 10 minutes of its slot.",
        "Replies are fast.",
    ],
)
def test_latency_bound_is_silent_on_schedules_and_adjectives(text: str) -> None:
    assert latency_bound(text) is None


def test_resending_a_latest_position_needs_no_idempotency_key() -> None:
    # Each report of where a device is replaces the last one: sending it twice is harmless.
    assert retried_write("after a failover the phones send their current position again") is None
    assert retried_write("the sensor re-sends its heartbeat when the ack is lost") is None


def test_resending_a_position_beside_a_created_order_is_still_a_write() -> None:
    assert retried_write("on a timeout the app re-sends its location and creates the order")


@pytest.mark.parametrize(
    "text",
    [
        # a failure met by the system itself: its response, and nothing watched
        "| Sign-up service down under a flood | sign-ups fail | throttle per IP at the edge |",
        "| Cache node down | slow reads | shed low-priority traffic until it is back |",
        "If the primary crashes, a replica fails over within 30 s.",
    ],
)
def test_a_failure_answered_by_the_system_is_no_monitoring(text: str) -> None:
    assert monitoring_signal(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the level a throttle holds work to is a budget, not a line watched for crossing
        "Compaction runs in the background, throttled to < 10% of disk bandwidth.",
        # a gain a step brings is no level that triggers it
        "Scaling out: add a replica and read throughput grows by ~ +40 %.",
    ],
)
def test_a_throttle_budget_or_a_scaling_gain_is_no_monitoring(text: str) -> None:
    assert monitoring_signal(text) is None


def test_a_throttle_triggered_by_a_watched_level_is_monitoring() -> None:
    assert monitoring_signal("Throttle uploads when disk usage exceeds 85%.") is not None


def test_the_load_a_design_expects_is_no_watched_threshold() -> None:
    row = (
        "| **Elastic** | one box serves a sliver of the expected **> 500 k rps** at peak."
        " | Add a worker for more headroom. |"
    )
    assert monitoring_signal(row) is None
    assert monitoring_signal("Page on-call when rps > 500 k for 5 min.") is not None


def test_a_failure_a_purpose_prevents_is_no_failure_answered() -> None:
    """The cache is there so the index is not overloaded; nothing failed that it answers."""
    text = "Hot pages are served from a memory cache to avoid overloading the ranking service."
    assert failure_response(text) is None
    both = "Back off to avoid overloading a node; if the node crashes, fail over to a replica."
    assert failure_response(both) is not None


def test_a_count_of_copies_watched_against_a_floor_is_monitoring() -> None:
    # The replica count is the metric; the floor is its threshold; the alert its action.
    found = monitoring_signal("Raise an alert if a shard falls below 2 copies.")
    assert found is not None and found.action == "alert"
    assert monitoring_signal("Page on-call when fewer than 3 healthy replicas remain.") is not None


def test_a_replica_count_alone_is_no_monitoring() -> None:
    assert monitoring_signal("Each bucket keeps 3 replicas and alerts go to the on-call.") is None


def test_two_alerts_on_different_signals_are_two_monitoring_points() -> None:
    from tradeoff.catalog import default_catalog
    from tradeoff.language import read_text
    from tradeoff.review.substance import ladder

    catalog = default_catalog()
    text = (
        "## Operations\n\n- Replication lag is tracked; alert if lag > 5 minutes.\n"
        "- Check each object's copies nightly; alert if any object drops below 2 replicas.\n"
    )
    claims = read_text(text, catalog.vocabulary.concepts.values())
    top = ladder("reliability", claims)[-1]
    assert top.reached >= 0.6, top


@pytest.mark.parametrize(
    ("text", "trigger", "response"),
    [
        # an offer refused or left unanswered moves on to the next candidate
        ("When a courier declines or times out, the lease lapses and we offer the next one.",
         "declines", "lease lapses"),
        ("If a worker declines the task, the dispatcher tries the next worker.",
         "worker declines", "tries the next"),
        # a stopped part named by the adjective, and a hold that runs out by design
        ("A dead device stops pinging, so its entry expires within 20 s.", "dead device",
         "entry expires"),
        ("If a tablet dies, its reservation expires after a minute.", "dies",
         "reservation expires"),
    ],
)  # fmt: skip
def test_refusals_dead_parts_and_lapsing_holds_pair_with_responses(
    text: str, trigger: str, response: str
) -> None:
    found = failure_response(text)
    assert found is not None
    assert (found.trigger.lower(), found.response.lower()) == (trigger, response)


@pytest.mark.parametrize(
    "text",
    [
        "We decline to keep raw card numbers.",  # a choice not to do something
        "Session entries expire after 30 minutes of inactivity.",  # a setting, no failure
        "Failed payouts land in a dead letter queue.",  # still the queue, not a dead part
    ],
)
def test_no_refusal_or_dead_part_where_none_is_said(text: str) -> None:
    found = failure_response(text)
    assert found is None or "dead" not in found.trigger.lower()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a policy checked on each request is an access rule
        ("Step 2: the front door evaluates the bucket policy.", "authorisation rule"),
        ("Resource policies decide which tenants may list a container.", "authorisation rule"),
        # a product named, or a policy of another kind, controls nothing
        ("Identity is handled with IAM.", None),
        ("Our retention policy applies to logs older than 30 days.", None),
    ],
)
def test_a_policy_checked_per_request_is_an_access_rule(text: str, kind: str | None) -> None:
    assert security_control(text) == kind


@pytest.mark.parametrize(
    ("text", "response"),
    [
        # the failed part taken out of rotation, and the rest carrying its load
        ("If an edge node dies, the health check ejects it and the surviving nodes serve.",
         "health check ejects it"),
        ("When a shard replica crashes, the remaining copies answer its reads.",
         "remaining copies answer"),
    ],
)  # fmt: skip
def test_a_failed_part_removed_or_covered_by_its_peers_is_a_response(
    text: str, response: str
) -> None:
    found = failure_response(text)
    assert found is not None and found.response.lower() == response


def test_health_checks_alone_answer_no_failure() -> None:
    assert failure_response("Health checks run every 5 s on every node.") is None

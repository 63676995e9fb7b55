"""Rubric items whose concepts were coarser than their text, so a line that only named the
subject (a replica count, a durability target) was credited as covering what the item asks.

Each such item now lists the specific concept its text asks for, and keeps the coarse one
as a `mentions` concept: a line about it is reported as a mention, never as substance.
Every case is written in our own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.catalog.schema import RubricItem
from tradeoff.design import load_design
from tradeoff.language import read_design, read_text
from tradeoff.language.operations import security_control
from tradeoff.review.coverage import item_support
from tradeoff.review.substance import ABSENT, MENTIONED, SUBSTANCE, specified_concepts, specifies


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _support(
    catalog: Catalog, problem: str, item_id: str, text: str, tmp_path: Path
) -> tuple[str, int | None]:
    """The item's status over a design made of `text`, and the line it cites."""
    path = tmp_path / "design.md"
    path.write_text(text, encoding="utf-8")
    claims = read_design(load_design(path), catalog.vocabulary.concepts.values())
    for dimension, item in catalog.problems[problem].rubric.items():
        if item.id == item_id:
            found = item_support(item, claims, dimension=dimension)
            return found.status, found.claim.line if found.claim is not None else None
    raise KeyError(item_id)


def _mentions(catalog: Catalog, problem: str, item_id: str) -> list[str]:
    return next(i.mentions for _, i in catalog.problems[problem].rubric.items() if i.id == item_id)


# (problem, item, a line that only names the subject, a line that says what the item asks)
CASES = [
    # Where templates live and who edits them, with its reason, says nothing of how a
    # message is made from one.
    (
        "notification-system",
        "templates",
        "## Templates\n\n- Templates sit in their own service so the growth team can change"
        " the wording.\n",
        "## Templates\n\n- Senders give a template id and its values; we fill it for the"
        " channel in the reader's language.\n",
    ),
    # A hot spot named as the cost of something else (keeping reads near their data) is the
    # problem a metadata split answers, not a way of splitting it.
    (
        "object-storage",
        "metadata-partitioning",
        "## Performance\n\n| Technique | Impact | Trade-offs |\n|---|---|---|\n"
        "| Keep reads near their data | Fewer network hops | Load is hard to even out under"
        " data skew |\n",
        "## Metadata\n\n- We range-partition the metadata by bucket and key, so a prefix"
        " listing stays one ordered scan, at the cost of hot prefixes we must split.\n",
    ),
    # A figure under a requirements heading (a row of a table of values, a bare target)
    # bounds the system; it states no feature a user gets.
    (
        "url-shortener",
        "core-features",
        "## Core Requirements\n\n| Parameter | Value |\n|---|---|\n"
        "| Redirect latency | under 40 ms at p99 |\n| Links stored | 300 million |\n",
        "## Core Requirements\n\n- Users shorten a long link, may pick an alias or an expiry"
        " date, and are redirected when they open it.\n",
    ),
    (
        "url-shortener",
        "core-features",
        "## Requirements\n\n- Availability: 99.95% for the redirect path.\n",
        "## Requirements\n\n- Users shorten a long link, may pick an alias or an expiry"
        " date, and are redirected when they open it.\n",
    ),
    # A store keyed by the code names the key, not the record the item asks for.
    (
        "url-shortener",
        "data-model",
        "## Storage\n\n- A key-value store keyed by the code.\n",
        "## Storage\n\n- Each record: `code` (the key) -> long URL, owner id, created_at,"
        " expires_at.\n",
    ),
    # A scale line under the requirements is a requirement, but no playback target.
    (
        "video-streaming",
        "playback-nfrs",
        "## Non-functional requirements\n\n- Non-functional scale: 200M daily viewers, 1M"
        " uploads a day.\n",
        "## Non-functional requirements\n\n- Playback starts within 2 s at p95, and an"
        " acknowledged upload is never lost.\n",
    ),
    # A latency of something else (a counter's update, a transcoder's start-up) is no
    # playback target; the time until the first frame is one.
    (
        "video-streaming",
        "playback-nfrs",
        "## Targets\n\n- Non-functional: like counts live in a sharded Redis with 5 ms update"
        " latency.\n",
        "## Non-functional requirements\n\n- Time to first frame stays under 2 s at p95 for"
        " viewers on mobile.\n",
    ),
    (
        "video-streaming",
        "playback-nfrs",
        "## Targets\n\n- Non-functional: GPU transcoders start within 40 s, so we keep a warm"
        " pool.\n",
        "## Non-functional requirements\n\n- Rebuffering stays under 0.5% of playback time.\n",
    ),
    # A consistency stated is no order of the writes that gives it.
    (
        "object-storage",
        "write-path-order",
        "## Metadata\n\n- Strong reads go to the Raft leader; stale reads may go to any replica.\n",
        "## Writes\n\n- Once every fragment is acknowledged, the gateway commits the metadata"
        " record.\n",
    ),
    # A fleet laid out over zones says nothing of what a zone's loss leaves.
    (
        "object-storage",
        "zone-loss",
        "## Deployment\n\n- The service runs in 4 regions, each with 3 availability zones.\n",
        "## Durability\n\n- An object's 12 fragments are spread across 3 availability zones,"
        " 4 in each.\n",
    ),
    # A key on the write calls is a control, but no screening of where links lead.
    (
        "url-shortener",
        "abuse",
        "## Security\n\n- Editing or deleting a link needs its owner's API key over HTTPS.\n",
        "## Security\n\n- Each new link is looked up in a safe browsing list before it goes"
        " live.\n",
    ),
    # Spreading an id service over zones keeps creation up; it serves no redirect anywhere.
    (
        "url-shortener",
        "multi-region",
        "## Reliability\n\n- Two id servers run in different availability zones.\n",
        "## Reliability\n\n- Redirects are served from three regions; geo-DNS sends each"
        " reader to the nearest.\n",
    ),
    # A page size is no cursor: the item asks how a page is marked.
    (
        "news-feed",
        "cursor-pagination",
        "## Estimates\n\n- Posts per page: 50, so 3 pages a session.\n",
        "## API\n\n- `GET /feed?cursor=...` returns 50 posts and an opaque cursor (the last"
        " score and post id), not an offset.\n",
    ),
    # The response contract is no model of a rule.
    (
        "rate-limiter",
        "rule-model",
        "## Requirements\n\n- Response contract: `429 Too Many Requests` with `Retry-After`"
        " and X-RateLimit headers.\n",
        "## Rules\n\n- Each rule record holds `match` (key type and endpoint), `rate` and"
        " `burst`, and gateways load the rules from config.\n",
    ),
    # A playback target under the requirements says what must hold, not that it is watched.
    (
        "rate-limiter",
        "response-contract",
        # The status alone: what a failure costs the caller, not the rejection contract.
        "## Failures\n\n- When the store is slow, callers see 503 or 429 until it recovers.\n",
        "## API\n\n- A limited call gets 429 with Retry-After and X-RateLimit-Remaining.\n",
    ),
    (
        "video-streaming",
        "qoe-monitoring",
        "## Requirements\n\n- Time to first frame under 1.5 s for 95% of plays.\n",
        "## Operations\n\n- Players report start-up time and rebuffering ratio per CDN; an"
        " alert fires and traffic moves to the other CDN when rebuffering passes 2%.\n",
    ),
    # A latency target that names the limiter says nothing of keys or of where counts live.
    (
        "rate-limiter",
        "limit-keys",
        "## Latency\n\n- Keep latency under 50 ms, including the rate-limit decision.\n",
        "## Goals\n\n- Quotas per API key by plan, per IP for anonymous callers, and 5 a minute"
        " on login.\n",
    ),
    (
        "rate-limiter",
        "shared-counters",
        "## Latency\n\n- Keep latency under 50 ms, including the rate-limit decision.\n",
        "## Counters\n\n- Every gateway increments the same counter in a Redis cache, so 50"
        " gateways see one count per client.\n",
    ),
    # An alert on something else ("pool depth") is no monitoring of what the item names.
    (
        "url-shortener",
        "monitoring",
        "## Operations\n\n- Monitor the key pool's depth and alert at 70% utilisation.\n",
        "## Operations\n\n- Page on-call when redirect p99 latency exceeds 100 ms or the error"
        " rate passes 1%.\n",
    ),
    # An upload that needs multipart parts is no HTTP API; a call written without its
    # leading slash ("GET bucket/key") is one.
    (
        "object-storage",
        "endpoints",
        "## Sizes\n\n- Objects average 2 MB, from 1 KB up to 5 TB, so large ones need multipart"
        " uploads.\n",
        "## Read path\n\n- The client sends `GET bucket/key` and the gateway streams the bytes"
        " back.\n",
    ),
    # Transcoding into HLS renditions is no playback call: the item asks what the player
    # requests and where the segments come from.
    (
        "video-streaming",
        "playback-api",
        "## Processing\n\n- Each upload is transcoded into 4 HLS renditions (240p to 1080p) of"
        " 6-second segments.\n",
        "## Playback\n\n- The video service returns the title and a signed manifest URL; the"
        " player then streams the segments directly from the CDN.\n",
    ),
    # Backing off from a slow provider is a backoff, not one adapter per channel with a
    # second provider to fail over to, nor a retry policy with its limits.
    (
        "notification-system",
        "channel-adapters",
        "## Delivery\n\n- If APNs is slow, the push workers back off and the Kafka lag grows,"
        " so we alert on lag.\n",
        "## Delivery\n\n- One adapter per channel; SMS goes through Twilio with a second SMS"
        " provider to fail over to when Twilio errors or throttles us.\n",
    ),
    (
        "notification-system",
        "retries",
        "## Delivery\n\n- If APNs is slow, the push workers back off and the Kafka lag grows,"
        " so we alert on lag.\n",
        "## Delivery\n\n- Workers retry 5xx with exponential backoff, never retry an invalid token"
        " (it is deleted), and move a message to a dead-letter queue after 5 attempts.\n",
    ),
    # A position cache sharded by geohash is neither the ping stream nor the trip store.
    (
        "ride-sharing",
        "location-pipeline",
        "## Location\n\n- Drivers send pings over a WebSocket to a location service that keeps"
        " the latest position in Redis, sharded by geohash.\n",
        "## Location\n\n- Gateways publish every ping to a Kafka topic, because the index, the"
        " trip tracker and the archive each consume it at their own pace.\n",
    ),
    (
        "ride-sharing",
        "trip-store",
        "## Location\n\n- Drivers send pings over a WebSocket to a location service that keeps"
        " the latest position in Redis, sharded by geohash.\n",
        "## Trips\n\n- Trips live in Postgres sharded by city, each shard with two replicas.\n",
    ),
    # An availability target for reads is the cache's, not what the database behind it takes.
    (
        "distributed-cache",
        "db-protection",
        "## Requirements\n\n- 99.99% availability for reads; p99 get under 1 ms.\n",
        "## Requirements\n\n- Postgres absorbs about 250K reads/s, so a cold cache at peak"
        " would overload it: the cache is load-bearing.\n",
    ),
    # Coalescing the reads of a miss keeps the database safe; it versions no write.
    (
        "distributed-cache",
        "versioned-set",
        "## Failures\n\n- Thundering herd on a miss: request coalescing per key on the node,"
        " so one database read refills the value.\n",
        "## Writes\n\n- Each set carries the version it read, and the node applies it only"
        " with compare-and-set, so a slow writer cannot put back an older value.\n",
    ),
    # Last writer wins settles two edits of one cell, not a row inserted above an edit.
    (
        "spreadsheet-ui",
        "structural-conflicts",
        "## Sync\n\n- Last-writer-wins per cell instead of a CRDT: concurrent edits to one cell"
        " are rare; the downside is that one of them is lost.\n",
        "## Sync\n\n- Clients rebase pending edits on the server's order, transforming their"
        " positions past row and column inserts.\n",
    ),
    (
        "chat-system",
        "guarantees",
        "## Write path\n\n- The chat service writes each message to Cassandra partitioned by"
        " conversation_id with a time-ordered message id, then fans it out to the gateways.\n",
        "## Requirements\n\n- Messages in a conversation arrive in order, none is lost once the"
        " sender sees the sent tick, none shows twice, and delivery takes under 500 ms p99.\n",
    ),
    # A counter's optimistic locking guards a write, but no custom alias.
    (
        "url-shortener",
        "alias-conflict",
        "## Codes\n\n- The code counter lives in DynamoDB and is bumped with optimistic locking,"
        " 1 write per link.\n",
        "## Codes\n\n- A custom alias is written with a conditional insert; a taken one gets"
        " 409.\n",
    ),
    # An id generator named with nothing of how its ids sort mentions time-sortable ids; a
    # random UUID (v4) sorts nothing by time and is not even that (tests/test_cited_lines.py).
    (
        "news-feed",
        "time-ordered-ids",
        "## Posts\n\n- Each post gets a `post_id` from the id generator service, 8 bytes.\n",
        "## Posts\n\n- Post ids are Snowflake-style (timestamp + worker + sequence) for"
        " ordering.\n",
    ),
    # A status code of an allowed call, or a plan's quota, is not what a limited client is told.
    (
        "rate-limiter",
        "response-contract",
        "## API\n\n- Allowed calls pass through and the client gets status code 200 in 5 ms.\n",
        "## API\n\n- Over the limit, the gateway answers 429 Too Many Requests with Retry-After:"
        " 3.\n",
    ),
    # A non-functional target (latency, throughput) says nothing of how exact the limits are.
    (
        "rate-limiter",
        "accuracy-and-failure",
        "## Requirements\n\n- Non-functional: the check adds under 2 ms at p99 for 1M req/s.\n",
        "## Requirements\n\n- Accuracy: a client may overshoot its limit by at most 5% for 1 s"
        " while counters sync.\n",
    ),
    # A transaction, or "atomic", says the claim is one step; not what stops a second buyer.
    (
        "movie-ticket-booking",
        "no-double-booking",
        "## Booking\n\n- Each hold is wrapped in one database transaction, so two buyers never"
        " clash.\n",
        "## Booking\n\n- The hold marks the seats HELD only where status is AVAILABLE, and is"
        " rolled back unless all 3 rows changed.\n",
    ),
    (
        "parking-lot",
        "atomic-assignment",
        "## Entry\n\n- Handing out a spot is atomic and thread-safe for all 3 entry panels.\n",
        "## Entry\n\n- A panel takes a spot by setting it TAKEN only if it is still free, and"
        " tries the next spot when 0 rows changed.\n",
    ),
    # A database named with a number is no store that scales by key, nor is a sharded cache.
    (
        "url-shortener",
        "store",
        "## Design\n\n- Misses go to MySQL, and request coalescing sends only 1 read per"
        " code to the database.\n",
        "## Design\n\n- Links live in MySQL sharded by short code, 24 shards to start.\n",
    ),
    (
        "url-shortener",
        "store",
        "## Design\n\n- Cache: a Redis cluster sharded by hash(code) over 12 nodes.\n",
        "## Design\n\n- The link table is partitioned by hash(code) over 12 Postgres nodes.\n",
    ),
    (
        "url-shortener",
        "store",
        "## Design\n\n- The Postgres link table is partitioned by created_at month, 60 months"
        " kept.\n",
        "## Design\n\n- DynamoDB holds the links with the code as key, so it scales out with no"
        " resharding.\n",
    ),
    (
        "metrics-aggregation",
        "cardinality-limits",
        "## Estimates\n\n- 100,000 hosts x 500 series each = 50M active series.\n",
        "## Failures\n\n- The gateway caps new series per tenant at 10,000 per minute and rejects"
        " the rest with a 429 that names the label.\n",
    ),
    (
        "news-feed",
        "fanout-pipeline",
        "## Wrap-up\n\n- The first thing to break at 10x is fan-out for users with many"
        " followers.\n",
        "## Posting\n\n- The post service stores the post and publishes an event to Kafka;"
        " fan-out workers consume it and append the post id to every follower's timeline in"
        " Redis.\n",
    ),
    (
        "news-feed",
        "fanout-volume",
        "## Estimates\n\n- Posts: 100M a day = 1,160 posts/s.\n",
        "## Estimates\n\n- Fan-out: 1,160 posts/s x 200 followers = 232,000 timeline inserts/s.\n",
    ),
    (
        "video-streaming",
        "transcode-fleet",
        "## Transcoding\n\n- Each upload is cut into 10-second chunks so 50 workers can"
        " transcode one video in parallel.\n",
        "## Transcoding\n\n- 500,000 uploads a day of 6 minutes is about 2,100 hours of video"
        " an hour; at 1x speed that keeps about 2,100 transcoding workers busy.\n",
    ),
    (
        "ride-sharing",
        "location-channel",
        "## Design\n\n- Drivers send GPS pings to a location service that keeps the latest"
        " position per driver in an in-memory geo index, sharded by city.\n",
        "## Design\n\n- Driver apps hold a WebSocket to a connection gateway and send their"
        " pings over it, so no ping pays for a new HTTPS handshake.\n",
    ),
    (
        "ride-sharing",
        "pricing",
        "## Design\n\n- The matcher queries the cells around the rider, ranks drivers by ETA"
        " and offers the trip to one driver at a time.\n",
        "## Design\n\n- A pricing service quotes an upfront fare from the route ETA and a surge"
        " multiplier per cell, so the rider sees the price before booking.\n",
    ),
    (
        "ride-sharing",
        "trip-state",
        "## Design\n\n- The matcher claims a driver with a compare-and-set on the driver's"
        " status, so a second claim fails.\n",
        "## Data model\n\n- `trips(id, rider_id, driver_id, state, version)`: state moves"
        " requested -> assigned -> in_progress -> completed, each step a conditional update"
        " on the version.\n",
    ),
    (
        "video-streaming",
        "segment-length",
        "## Trade-offs\n\n- I'd pick HLS over DASH because Safari plays it natively, at the"
        " cost of a slightly larger manifest.\n",
        "## Trade-offs\n\n- 4-second segments balance a fast start and quick quality switches"
        " against the extra requests that shorter ones would cost.\n",
    ),
    (
        "rate-limiter",
        "failover-loss",
        "## Reliability\n\n- We run 10 Redis shards, 20 with replicas, and Sentinel promotes a"
        " replica when a primary dies.\n",
        "## Reliability\n\n- Redis replication is asynchronous, so when a primary fails over"
        " the promoted replica can miss the last few increments: a short burst of extra"
        " requests gets through, which our 1% accuracy budget allows.\n",
    ),
    (
        "distributed-lock",
        "redis-weakness",
        "## Trade-offs\n\n- Redis keeps 3 replicas of each lock key so a crash loses nothing,"
        " because we need the lock to survive a node.\n",
        "## Trade-offs\n\n- A Redis lock is not safe for correctness: replication is"
        " asynchronous, so a failover can promote a replica that never saw the lock and a"
        " second client acquires it.\n",
    ),
    (
        "object-storage",
        "durability-reasoning",
        "## Reliability\n\n- Durability target: 99.999999999% (11 nines) a year, with 8+4"
        " erasure coding across racks.\n",
        "## Reliability\n\n- With an annual failure rate of 2% per drive and a repair time of"
        " about 2 hours when every node rebuilds in parallel, losing 5 of 12 fragments"
        " before repair is rare enough to reach 11 nines.\n",
    ),
    (
        "news-feed",
        "deletes-and-blocks",
        "## Reliability\n\n- Timeline entries live in Redis with a 30 s TTL, so the cache"
        " refreshes itself and users can block accounts they dislike.\n",
        "## Reliability\n\n- Deleted posts and blocked authors are dropped by a visibility"
        " filter at hydration, because chasing one post id through millions of timelines is"
        " too slow.\n",
    ),
    (
        "news-feed",
        "rebuild-timelines",
        "## Reliability\n\n- The follow graph lives in MySQL with 2 read replicas, because"
        " follower lists are read far more than written.\n",
        "## Reliability\n\n- If a Redis shard dies, its users' timelines are rebuilt from the"
        " follow graph and the posts table on their next read, because the cache holds only"
        " copies.\n",
    ),
    (
        "ride-sharing",
        "index-recovery",
        "## Reliability\n\n- The trips table has 2 replicas in other zones, because a trip"
        " must survive a crash.\n",
        "## Reliability\n\n- A lost index shard is rebuilt from the next round of pings within"
        " 4 seconds, because drivers report every 4 seconds anyway.\n",
    ),
    (
        "job-portal",
        "index-rebuild",
        "## Reliability\n\n- The search index is backed up as nightly snapshots to S3, because"
        " a restore is cheap.\n",
        "## Reliability\n\n- A corrupted index is rebuilt from the database into a new index"
        " and the alias is switched over, because the database is the source of truth.\n",
    ),
    (
        "object-storage",
        "scrubbing",
        "## Reliability\n\n- Garbage collection is throttled to under 5% of disk IOPS and we"
        " alert when it falls behind, because durability is 11 nines.\n",
        "## Reliability\n\n- A background scrubber reads every fragment once a month and"
        " verifies its checksum, because bit rot is silent; a mismatch is rebuilt from the"
        " other fragments.\n",
    ),
    (
        "file-sharing",
        "atomic-commit",
        "## Reliability\n\n- Blocks are stored with 11 nines of durability in S3, because"
        " users must never lose a file.\n",
        "## Reliability\n\n- A new version is committed in one metadata transaction only after"
        " all 40 of its blocks are stored, so readers never see a partial file.\n",
    ),
    (
        "file-upload-api",
        "checksums",
        "## Reliability\n\n- Uploaded files are durable (11 nines) once stored, because the"
        " store keeps 3 copies.\n",
        "## Reliability\n\n- Each 8 MB chunk carries a SHA-256 checksum that storage verifies"
        " before accepting it, so a corrupted chunk is retried, not stored.\n",
    ),
    (
        "chat-system",
        "ack-after-durable",
        "## Reliability\n\n- Messages live in Cassandra with replication factor 3, because a"
        " lost message is the worst failure.\n",
        "## Reliability\n\n- The sent tick is shown only after the message is written to a"
        " quorum of 2 of 3 replicas, so an acknowledged message survives a node.\n",
    ),
    (
        "distributed-cache",
        "hot-keys",
        "## Reliability\n\n- Hot keys, such as a celebrity's profile, draw far more reads"
        " than the rest.\n",
        "## Reliability\n\n- A hot key is copied to 8 shards under key suffixes and each app"
        " server caches it for 1 s, because one key can draw 500k reads/s.\n",
    ),
    (
        "news-feed",
        "ranked-vs-chrono",
        "## Trade-offs\n\n- Post ids are Snowflake ids, so cursor pagination needs no offset"
        " scan, because the id is time-ordered.\n",
        "## Trade-offs\n\n- A ranked feed scores about 500 candidates within a 50 ms budget,"
        " while a chronological one is a cheap range read, so we rank only the first page.\n",
    ),
    (
        "url-shortener",
        "decision-reasons",
        "## Design\n\n- Active links: 500 million, because similar services report about"
        " that many.\n",
        "## Design\n\n- Links live in DynamoDB because every lookup is by a single key.\n",
    ),
    (
        "video-streaming",
        "decision-reasons",
        "## Design\n\n- The design is modular so that each block can be scaled on its own.\n",
        "## Design\n\n- Segments are served from a CDN because 95% of views go to popular"
        " videos, which cuts origin egress.\n",
    ),
    (
        "chat-system",
        "gateway-failure",
        "## Reliability\n\n- If the message store is slow, the chat service sheds load above 80%"
        " CPU and returns an error, so the store recovers.\n",
        "## Reliability\n\n- When a gateway dies, its clients reconnect to another one with"
        " jittered backoff and resync from their cursors, so no state lived only in its memory.\n",
    ),
    (
        "payments-api",
        "unknown-outcome",
        "## Reliability\n\n"
        "- If the database primary fails, a replica is promoted within 30 s, so the API keeps"
        " serving.\n",
        "## Reliability\n\n"
        "- If the card network times out, the payment stays processing and nightly"
        " reconciliation with the network's settlement file settles it, never a second charge.\n",
    ),
    (
        "e-commerce-checkout",
        "payment-timeout",
        "## Reliability\n\n"
        "- If the cart service is down, the checkout page shows an error and the user tries"
        " again in 1 minute.\n",
        "## Reliability\n\n"
        "- On a payment timeout the order stays pending and we query the provider with the same"
        " idempotency key, so a retry never charges twice.\n",
    ),
    (
        "file-sharing",
        "block-gc",
        "## Reliability\n\n"
        "- If a block server fails, clients retry the upload on another server after 2 s.\n",
        "## Reliability\n\n"
        "- Blocks no file version references are removed by mark-and-sweep only after the"
        " 30-day retention and a 7-day grace period, so a block being reused is never lost.\n",
    ),
    (
        "key-value-store",
        "repair-vs-tombstones",
        "## Reliability\n\n- Each node stores data in an LSM tree with 64 MB memtables, because"
        " writes then stay sequential.\n",
        "## Reliability\n\n"
        "- Anti-entropy repair runs every 5 days, shorter than the 10-day grace before"
        " tombstones are purged, so a replica that missed a delete cannot bring it back.\n",
    ),
    (
        "url-shortener",
        "monitoring",
        "## Reliability\n\n"
        "- A warm pool of 2 containers per zone avoids cold starts, to meet the 5 s SLO.\n",
        "## Reliability\n\n"
        "- We alert when redirect p99 exceeds 100 ms or the cache hit ratio falls below 90%,"
        " paging the on-call.\n",
    ),
    (
        "video-streaming",
        "private-access",
        "## Design\n\n- Creators get a presigned URL from the upload service and send their"
        " file straight to object storage over TLS, so the API servers never see the bytes.\n",
        "## Security\n\n- Private and unlisted videos are played through signed CDN URLs that"
        " expire after 10 minutes, so a guessed or copied segment URL returns 403.\n",
    ),
    (
        "photo-sharing",
        "privacy-and-moderation",
        "## Security\n\n- All traffic uses TLS, and workers resize each photo into 4 sizes in"
        " WebP because phones need small images.\n",
        "## Security\n\n- Workers strip EXIF and GPS metadata from every upload, so a posted"
        " photo never reveals where its owner lives.\n",
    ),
    (
        "photo-sharing",
        "durability",
        "## Reliability\n\n- The metadata database keeps two replicas per shard, so a node"
        " failure loses nothing.\n",
        "## Reliability\n\n- Originals are copied by cross-region replication, so losing a"
        " whole region loses no posted photo.\n",
    ),
    (
        "web-crawler",
        "politeness-requirement",
        "## Design\n\n- The URL frontier is a set of Kafka queues partitioned by host, so each"
        " node enforces politeness for the sites it owns.\n",
        "## Requirements\n\n- We obey robots.txt and send at most one request per host every"
        " 2 seconds, so a small site is never overloaded.\n",
    ),
    (
        "web-crawler",
        "url-record",
        "## Design\n\n- The URL frontier is a set of Kafka queues partitioned by host, so each"
        " node enforces politeness for the sites it owns.\n",
        "## Data model\n\n- `urls(url_hash PK, host, last_fetched, next_due, http_status, etag,"
        " content_hash, priority)`\n",
    ),
    (
        "web-crawler",
        "crawl-order",
        "## Trade-offs\n\n- The frontier keeps per-host queues in Redis because politeness"
        " needs one owner per host.\n",
        "## Trade-offs\n\n- We prioritise pages by PageRank and change rate rather than plain"
        " breadth-first order, because the monthly budget covers a fraction of known URLs.\n",
    ),
    (
        "web-crawler",
        "fetchers-dns",
        "## Design\n\n- Fetcher workers keep the ranked links in a Redis sorted set, because"
        " the frontier needs an order.\n",
        "## Design\n\n- Each fetcher runs a local caching DNS resolver, because a lookup per"
        " fetch would add a round trip at 4,000 fetches a second.\n",
    ),
    (
        "web-crawler",
        "durable-frontier",
        "## Reliability\n\n- Seed URLs go into Kafka queues that feed the fetchers, because"
        " the fetchers pull at their own pace.\n",
        "## Reliability\n\n- The frontier is checkpointed to disk every minute and a URL handed"
        " to a fetcher is leased with a visibility timeout, so a crashed fetcher's URLs return"
        " to the queue.\n",
    ),
    (
        "collaborative-whiteboard",
        "server-permissions",
        "## Security\n\n- Clients log in with OAuth and the socket carries a JWT, so the board"
        " knows who draws; traffic is encrypted with TLS.\n",
        "## Security\n\n- The server checks the role on every update and drops viewers' writes,"
        " since hiding a button enforces nothing.\n",
    ),
    (
        "file-sharing",
        "revocation",
        "## Security\n\n- All traffic uses TLS and files are encrypted at rest with KMS keys.\n",
        "## Security\n\n- Permission checks run on every metadata and download request, and"
        " downloads use short-lived download URLs, so removing access takes effect at once.\n",
    ),
    (
        "job-portal",
        "resume-storage",
        "## Design\n\n- Resumes are stored in S3, because object storage is cheap for files.\n",
        "## Design\n\n- Employers read resumes only through short-lived signed URLs that expire"
        " after 5 minutes, so a shared link stops working.\n",
    ),
    (
        "job-portal",
        "privacy-and-scams",
        "## Security\n\n- All traffic uses TLS and passwords are hashed.\n",
        "## Security\n\n- New employer accounts are rate-limited to 5 postings a day, and each"
        " posting goes through moderation before it is live, because scammers post in bulk.\n",
    ),
    (
        "chat-system",
        "regions-and-abuse",
        "## Security\n\n- Messages are sent over TLS and stored encrypted with KMS keys.\n",
        "## Security\n\n- New accounts may send at most 20 messages per hour to strangers,"
        " enforced per account with a token bucket.\n",
    ),
    (
        "object-storage",
        "integrity-and-conditions",
        # An ETag or a checksum kept in the record is no conditional request or checked upload.
        "## API\n\n- Each object record holds key, size, ETag, checksum and version id, because"
        " GET must return them.\n",
        "## API\n\n- PUT honours If-None-Match: * because a create must never overwrite an"
        " existing key, and it verifies the Content-MD5 header before acknowledging.\n",
    ),
    (
        "object-storage",
        "placement",
        "## Design\n\n- Each metadata partition is a 5-node Raft group replicated across 3 AZs,"
        " because metadata must survive a zone.\n",
        "## Design\n\n- A placement service picks 12 nodes in different failure domains for each"
        " extent, because one rack must never hold two fragments of a stripe.\n",
    ),
    (
        "object-storage",
        "replication-vs-ec",
        "## Trade-offs\n\n- Strong reads go to the Raft leader, while stale reads can go to any"
        " replica because they are cheaper.\n",
        "## Trade-offs\n\n- Large objects use an 8+4 EC code instead of 3x replication: 1.5x disk"
        " instead of 3x, at the cost of slower repairs and degraded reads.\n",
    ),
    (
        "object-storage",
        "metadata-store",
        "## Design\n\n- A metadata service stores bucket and object metadata in each region,"
        " because every request needs it.\n",
        "## Design\n\n- Metadata is split into key ranges, each a Raft group of 3 replicas, so a"
        " hot range can be split and every write is strongly consistent.\n",
    ),
    (
        "video-streaming",
        "idempotent-tasks",
        # The client's chunk retry is another subsystem's (see the test at the end); a
        # retried transcoding job with no word of idempotency is the mention.
        "## Reliability\n\n- A transcoding job that fails is retried with backoff.\n",
        "## Reliability\n\n- Transcoding jobs are idempotent: a retried job skips segments that"
        " already exist, so a crashed worker costs one chunk.\n",
    ),
    # A failover to another CDN on an outage is the action the item ends with, taken on no
    # measure of what viewers experience.
    (
        "video-streaming",
        "qoe-monitoring",
        "## Reliability\n\n- When a region's CDN goes down, DNS sends players to a backup CDN"
        " within 30 s.\n",
        "## Reliability\n\n- Players report start-up time and rebuffering ratio per region and"
        " CDN; we alert above 1% rebuffering and switch CDNs when one degrades.\n",
    ),
    (
        "video-streaming",
        "qoe-monitoring",
        "## Reliability\n\n- If the metadata primary dies, a replica is promoted by automatic"
        " failover within 30 s.\n",
        "## Reliability\n\n- Players report start-up time and rebuffering ratio per region and"
        " CDN; we alert above 1% rebuffering and switch CDNs when one degrades.\n",
    ),
    (
        "payment-system",
        "pci-audit",
        "## Security\n\n- All traffic uses TLS and data at rest is encrypted with KMS keys.\n",
        "## Security\n\n- Card numbers are entered in the provider's hosted fields, so only"
        " tokens reach our servers and our PCI scope stays small.\n",
    ),
    (
        "payments-api",
        "vault",
        "## Security\n\n- All traffic uses TLS and data at rest is encrypted with KMS keys.\n",
        "## Security\n\n- Card details go from our hosted fields to a separate PCI vault, so"
        " merchants only ever hold a payment method token.\n",
    ),
    (
        "notification-system",
        "sms-abuse",
        "## Security\n\n- All traffic uses TLS and data at rest is encrypted with KMS keys.\n",
        "## Security\n\n- Login-code SMS are rate limited to 5 per phone number per hour,"
        " because SMS pumping fraud bills us for every message.\n",
    ),
    (
        "social-network",
        "abuse-limits",
        "## Security\n\n- All traffic uses TLS and data at rest is encrypted with KMS keys.\n",
        "## Security\n\n- Friend requests are rate limited to 50 a day per account, because"
        " fake accounts send them in bulk.\n",
    ),
    (
        "spreadsheet-ui",
        "a11y-and-safety",
        "## Security\n\n- All traffic uses TLS and data at rest is encrypted with KMS keys.\n",
        "## Security\n\n- The server enforces protected ranges with an ACL per range, because"
        " hiding a cell in the UI enforces nothing.\n",
    ),
    (
        "metrics-aggregation",
        "ingest-durability",
        "## Reliability\n\n- The query cache has 2 replicas, so losing a node does not empty it.\n",
        "## Reliability\n\n- Each sample goes to 3 ingesters and a write succeeds on a quorum of"
        " 2, and each ingester keeps a WAL, so losing a node loses no acknowledged sample.\n",
    ),
    (
        "metrics-aggregation",
        "distributor",
        "## Design\n\n- Long-term blocks in object storage are replicated by the store itself,"
        " so we keep a single copy.\n",
        "## Design\n\n- The distributor hashes each series onto a consistent hashing ring of"
        " ingesters and writes to 3, succeeding on a quorum of 2.\n",
    ),
    (
        "search-autocomplete",
        "graceful-degradation",
        "## Reliability\n\n- The query-stats store keeps 3 replicas, because the daily batch"
        " reads it.\n",
        "## Reliability\n\n- If the suggestion service is down, the client falls back to"
        " showing no suggestions and search still works, because autocomplete is optional.\n",
    ),
    (
        "video-streaming",
        "view-events",
        "## API\n\n- Once an upload completes, an event goes to Kafka and transcoding runs"
        " asynchronously, because users should not wait.\n",
        "## API\n\n- Players post view events in batches; increments are kept in Redis counters"
        " and flushed to the database every minute, so a viral video is not one hot row.\n",
    ),
    (
        "video-streaming",
        "resumable-upload",
        "## Reliability\n\n- Durability: 11 nines for stored videos, because losing an"
        " upload loses a creator.\n",
        "## Reliability\n\n- Uploads are resumable: the client sends 8 MB parts of a multipart"
        " upload, so a dropped connection resumes from the last part it sent.\n",
    ),
    (
        "news-feed",
        "inactive-users",
        "## Followers\n\n- Many followers are inactive users who rarely open the app.\n",
        "## Trade-offs\n\n- We skip inactive followers (no login for 30 days) when fanning"
        " out, because most of the timeline writes would never be read; their feed is"
        " rebuilt on their next login.\n",
    ),
    (
        "distributed-lock",
        "lease-bound-keys",
        "## Data model\n\n- Clients renew their lease every 3 s over one session.\n",
        "## Data model\n\n- Each lock is a key attached to the holder's lease; when the lease"
        " expires the key is deleted, so a crashed holder's lock frees itself.\n",
    ),
    (
        "distributed-lock",
        "ttl-choice",
        "## Trade-offs\n\n- Sessions renew their lease every 3 s, because the holder must"
        " prove it is alive.\n",
        "## Trade-offs\n\n- A short TTL frees a dead holder's lock fast but drops healthy"
        " holders on a GC pause, so we pick a 10 s lease and accept the wait after a crash.\n",
    ),
    (
        "distributed-lock",
        "client-side-expiry",
        "## Reliability\n\n- Clients renew their lease every 3 s over one session.\n",
        "## Reliability\n\n- The client starts its own timer before sending acquire and"
        " treats the lock as lost when it runs out, 1 s before the server would free it.\n",
    ),
    (
        "message-broker",
        "segments",
        "## Storage\n\n- Retention is 7 days, about 600 TB before replication.\n",
        "## Storage\n\n- Each partition is a series of 1 GB segment files with a sparse offset"
        " index; retention deletes whole old segments.\n",
    ),
    (
        "message-broker",
        "pull-vs-push",
        "## Trade-offs\n\n- Slow consumers get back pressure from a bounded queue, because"
        " a burst must not fill the brokers' memory.\n",
        "## Trade-offs\n\n- Consumers pull by offset rather than the broker pushing, so each"
        " reads at its own pace and can replay; push would need flow control per consumer.\n",
    ),
    (
        "message-broker",
        "producer-retries",
        "## Reliability\n\n- Consumers commit offsets after processing, so they must be"
        " idempotent.\n",
        "## Reliability\n\n- The broker drops a retried batch by its producer id and sequence"
        " number, so a producer that times out and resends adds no duplicate.\n",
    ),
    (
        "e-commerce-checkout",
        "reserve-timing",
        "## Trade-offs\n\n- Hot stock counters live in Redis with an atomic decrement, because"
        " the database row would become a hot spot.\n",
        "## Trade-offs\n\n- We reserve at checkout with a 10-minute hold, because reserving at"
        " add-to-cart ties up stock, at the cost of some stock held by abandoners.\n",
    ),
    (
        "payment-system",
        "money-type",
        # (a ledger of "immutable double-entry entries" names no value object: issue 9)
        "## Data model\n\n- Payments table: payment id, payer, payee, amount, currency and"
        " status, so balances can always be rebuilt.\n",
        "## Data model\n\n- Amounts are stored as integer minor units with an ISO 4217 code,"
        " because binary floats cannot hold 0.1 exactly.\n",
    ),
    (
        "vending-machine",
        "greedy-vs-exact",
        "## Trade-offs\n\n- I use a greedy algorithm over coin denominations, because our coins"
        " are canonical.\n",
        "## Trade-offs\n\n- Greedy change fails when a tube runs out (30c from one 25c and three"
        " 10c), so we run a small exact search over the tubes instead.\n",
    ),
    (
        "file-upload-api",
        "chunk-size",
        "## Trade-offs\n\n- POST /uploads returns an upload id and a chunk size of 8 MB, because"
        " the client needs both before it sends.\n",
        "## Trade-offs\n\n- Small chunks lose little on a drop but cost more requests, large"
        " chunks the reverse, so we start at 8 MB and adapt the chunk size to measured speed.\n",
    ),
    (
        "file-upload-api",
        "retries",
        "## Reliability\n\n- POST /uploads creates an upload session that lasts a day.\n",
        "## Reliability\n\n- The client retries a failed chunk with exponential backoff and"
        " jitter, up to 8 times, then asks the session which parts arrived.\n",
    ),
    (
        "file-upload-api",
        "expiry",
        "## Reliability\n\n- GET /uploads/{id} returns the upload session and its 12 parts.\n",
        "## Reliability\n\n- Sessions expire 24 hours after their last chunk, and a nightly job"
        " deletes their parts.\n",
    ),
    (
        "key-value-store",
        "read-repair",
        "## Reliability\n\n- Replication is leaderless: each of the 3 replicas of a key accepts"
        " writes, so a node loss never blocks them.\n",
        "## Reliability\n\n- When a quorum read sees a stale replica, the coordinator writes the"
        " newest version back to it, so replicas converge.\n",
    ),
    (
        "key-value-store",
        "anti-entropy",
        "## Reliability\n\n- Replication is leaderless: each of the 3 replicas of a key accepts"
        " writes, so a node loss never blocks them.\n",
        "## Reliability\n\n- A nightly anti-entropy job compares Merkle trees per token range"
        " between replicas, so only the ranges that differ are streamed.\n",
    ),
    (
        "key-value-store",
        "hinted-handoff",
        "## Reliability\n\n- Writes wait for a quorum of W=2 of the N=3 replicas, so one slow"
        " node does not slow them.\n",
        "## Reliability\n\n- If a replica is down, a neighbour stores a hint with the write and"
        " replays it when the replica returns, for up to 3 hours.\n",
    ),
    (
        "notification-system",
        "priority-lanes",
        "## Design\n\n- The API puts each notification on a Kafka topic, and channel workers"
        " consume it and call the provider.\n",
        "## Design\n\n- Login codes go to a high-priority queue with its own worker pool, so a"
        " marketing campaign never delays them.\n",
    ),
    (
        "notification-system",
        "priority-queues",
        "## Trade-offs\n\n- Kafka over RabbitMQ because it keeps messages for replay, at the cost"
        " of more work to operate.\n",
        "## Trade-offs\n\n- One queue with a priority field is simpler, but a backlog still blocks"
        " login codes; queues per priority isolate them at the cost of idle workers.\n",
    ),
    (
        "unique-id-generator",
        "clock-backwards",
        "## Reliability\n\n- An ID is 41 bits of timestamp, 10 bits of machine id and a 12-bit"
        " sequence number, so IDs sort by time.\n",
        "## Reliability\n\n- If a node's clock moves backward, it refuses to issue IDs until the"
        " clock catches up, to avoid duplicates.\n",
    ),
    (
        "distributed-cache",
        "partitioning",
        "## Design\n\n- Each shard is replicated, so a node failure does not lose its data.\n",
        "## Design\n\n- Keys are placed with consistent hashing and 200 virtual nodes per server,"
        " so adding a node moves about 1/N of the keys.\n",
    ),
    (
        "distributed-cache",
        "write-strategy",
        "## Trade-offs\n\n- We use Redis as the cache because it is fast.\n",
        "## Trade-offs\n\n- We chose cache-aside over write-through because the database stays the"
        " source of truth, at the cost of a miss after each write.\n",
    ),
    (
        "distributed-cache",
        "failure-protection",
        "## Reliability\n\n- If a node fails, its replica takes over via failover.\n",
        "## Reliability\n\n- If a shard is lost, the app sheds load with a circuit breaker, so"
        " misses never exceed the database's 250k reads/s.\n",
    ),
    (
        "distributed-job-scheduler",
        "trigger",
        "## Design\n\n- Jobs are stored in a database sharded by job id.\n",
        "## Design\n\n- Each scheduler node owns a set of partitions and polls them every 10 s"
        " for jobs due in the next 30 s.\n",
    ),
    (
        "distributed-job-scheduler",
        "dispatch-queue",
        "## Design\n\n- A lock makes sure that only one worker runs a given job.\n",
        "## Design\n\n- Due runs go to a Kafka queue that workers pull from, so the top-of-hour"
        " burst waits in the queue.\n",
    ),
    (
        "social-network",
        "graph-store",
        "## Design\n\n- User profiles are stored in PostgreSQL, sharded by user id.\n",
        "## Design\n\n- Friendships live in an edges table sharded by user id, one row per"
        " direction, so one user's friends are on one shard.\n",
    ),
    (
        "social-network",
        "graph-db-vs-sharded",
        "## Trade-offs\n\n- We shard the posts table by user id because one user's posts are read"
        " together.\n",
        "## Trade-offs\n\n- Neo4j makes multi-hop queries easy but does not shard to 300 billion"
        " edges, so we use adjacency lists sharded by user id.\n",
    ),
    (
        "unique-id-generator",
        "layout-spec",
        "## API\n\n- The data model returns the id with its created_at time.\n",
        "## Data model\n\n- Layout: 1 sign bit, 41 timestamp bits since a 2024 epoch, 10 machine id"
        " bits and 12 sequence bits.\n",
    ),
    (
        "payments-api",
        "sync-vs-async",
        "## Trade-offs\n\n- Fraud checks run asynchronously because they are slow.\n",
        "## Trade-offs\n\n- Async via webhooks instead of a synchronous confirm, because 3-D Secure"
        " can take minutes.\n",
    ),
    (
        "chat-system",
        "message-model",
        "## Data model\n\n- The data model has a users table (id, name, email, created_at).\n",
        "## Data model\n\n- Messages are stored in Cassandra, partitioned by conversation_id and"
        " sorted by a per-conversation sequence number.\n",
    ),
    (
        "social-network",
        "edge-model",
        "## Data model\n\n- The data model has a users table (id, name, email, created_at).\n",
        "## Data model\n\n- An edges table keyed by (user_id, type, other_id) with status and time,"
        " so one user's friends are one partition.\n",
    ),
    (
        "distributed-job-scheduler",
        "job-and-run-model",
        "## Data model\n\n- The data model has a users table (id, name, email, created_at).\n",
        "## Data model\n\n- A runs table keyed by (job_id, scheduled_time), so firing the same run"
        " twice is idempotent.\n",
    ),
    (
        "search-autocomplete",
        "aggregation-model",
        "## Data model\n\n- The data model has a users table (id, name, email, created_at).\n",
        "## Data model\n\n- Search logs are counted per query in 1-hour windows, and the daily job"
        " scores each query with a decayed count.\n",
    ),
    (
        "search-autocomplete",
        "index-shape",
        "## Design\n\n- The data model has a queries table (query, count, updated_at).\n",
        "## Data model\n\n- A trie in which each prefix node stores its precomputed top 10"
        " completions, so a lookup is one read.\n",
    ),
    (
        "notification-system",
        "data-model",
        "## Data model\n\n- The data model has a users table (id, name, email, created_at).\n",
        "## Data model\n\n- notification_settings(user_id, category, channel, opted_out), keyed by"
        " user_id, plus quiet hours and time zone per user.\n",
    ),
    (
        "job-portal",
        "privacy-and-scams",
        "## Reliability\n\n- We deploy in three availability zones, so losing one keeps us up.\n",
        "## Reliability\n\n- Employers can download a resume only for applications to their own"
        " jobs, checked by an ACL on every request.\n",
    ),
    (
        "distributed-cache",
        "stampede",
        "## Reliability\n\n- Redis caches hot reads with a 5-minute TTL.\n",
        "## Reliability\n\n- When a hot key expires, single-flight lets one caller rebuild it "
        "while the others wait, so the database sees one read.\n",
    ),
    (
        "movie-ticket-booking",
        "locking-choice",
        "## Trade-offs\n\n- The main trade-off is simplicity over scale, because one cinema "
        "chain fits on one database.\n",
        "## Trade-offs\n\n- We chose optimistic locking over SELECT FOR UPDATE because most "
        "holds do not collide, at the cost of retries on a hot show.\n",
    ),
    (
        "unique-id-generator",
        "scheme-choice",
        "## Trade-offs\n\n- We chose PostgreSQL over MongoDB because we need transactions.\n",
        "## Trade-offs\n\n- Snowflake over UUIDv4, because a 64-bit time-ordered ID fits a "
        "BIGINT and keeps index inserts sequential.\n",
    ),
    (
        "unique-id-generator",
        "library-vs-service",
        "## Trade-offs\n\n- We chose PostgreSQL over MongoDB because we need transactions.\n",
        "## Trade-offs\n\n- A stateless ID service behind a load balancer over an embedded "
        "library, because only the service needs worker ids, at the cost of a network hop.\n",
    ),
    (
        "search-autocomplete",
        "urgent-removal",
        "## Reliability\n\n- Redis caches hot prefixes with a 5-minute TTL.\n",
        "## Reliability\n\n- A takedown goes into a serve-time denylist on every server within "
        "5 minutes, so a removed suggestion disappears before the next rebuild.\n",
    ),
    (
        "job-portal",
        "apply-once",
        "## Reliability\n\n- Each write runs in one database transaction, so it is atomic.\n",
        "## Reliability\n\n- Apply writes the application and an outbox event together, with a "
        "unique key on (job_id, seeker_id), so a retry is idempotent.\n",
    ),
    (
        "social-network",
        "shard-key",
        "## Trade-offs\n\n- Each write runs in one database transaction, so it is atomic.\n",
        "## Trade-offs\n\n- We shard by user id because one user's friend list stays on one "
        "shard, at the cost of a friendship writing to two shards.\n",
    ),
    (
        "social-network",
        "two-sided-write",
        "## Reliability\n\n- Failed calls are retried with exponential backoff.\n",
        "## Reliability\n\n- The second direction of a friendship is written through an outbox, "
        "so a crash between the two writes is repaired.\n",
    ),
    (
        "social-network",
        "block-enforcement",
        "## Reliability\n\n- Redis caches friend lists with a 5-minute TTL.\n",
        "## Reliability\n\n- A block is checked against the primary on every read, because a "
        "stale cached privacy setting would leak a profile.\n",
    ),
    (
        "chat-system",
        "session-registry",
        "## Design\n\n- Redis caches recent messages with a 5-minute TTL.\n",
        "## Design\n\n- A service registry maps each user and device to its gateway, so the "
        "chat service knows where to forward a message.\n",
    ),
    (
        "notification-system",
        "processing-pipeline",
        "## Design\n\n- Events are published to Kafka and consumed by background workers.\n",
        "## Design\n\n- Workers check the user's opt-outs and quiet hours and render the "
        "template for the channel, so a muted user gets nothing.\n",
    ),
    (
        "search-autocomplete",
        "data-pipeline",
        "## Design\n\n- Events are published to Kafka and consumed by background workers.\n",
        "## Design\n\n- A Flink job counts trending queries in 5-minute windows, and a daily "
        "Spark batch job rescores all queries.\n",
    ),
    (
        "rest-api-design",
        "webhook-dispatcher",
        "## Design\n\n- Events are published to Kafka and consumed by background workers.\n",
        "## Design\n\n- Dispatcher workers deliver each change event to every webhook "
        "subscription, so a slow receiver never blocks the API.\n",
    ),
    (
        "rest-api-design",
        "webhook-delivery",
        "## Reliability\n\n- Failed calls are retried with exponential backoff.\n",
        "## Reliability\n\n- Webhooks are signed with HMAC over the timestamp and body, and "
        "retried for 3 days.\n",
    ),
    (
        "payments-api",
        "events-and-webhooks",
        "## Design\n\n- Events are published to Kafka and consumed by background workers.\n",
        "## Design\n\n- Each state change writes an event to an outbox in the same transaction, "
        "so a dispatcher can deliver every webhook even after a crash.\n",
    ),
    (
        "payments-api",
        "webhook-delivery",
        "## Reliability\n\n- Failed calls are retried with exponential backoff.\n",
        "## Reliability\n\n- Webhooks carry an event id and an HMAC signature, and are "
        "delivered at least once for 3 days.\n",
    ),
    (
        "payments-api",
        "error-model",
        "## API\n\n- Failed calls are retried with exponential backoff.\n",
        "## API\n\n- Error responses use status codes: 400 for invalid requests, 402 for card "
        "declines with code card_declined, 429 for rate limits.\n",
    ),
    (
        "job-portal",
        "indexing-pipeline",
        "## Design\n\n- Events are published to Kafka and consumed by background workers.\n",
        "## Design\n\n- Job changes reach the search index through CDC on the jobs table "
        "(Debezium), so the index never misses an update.\n",
    ),
    (
        "elevator-control",
        "modes-and-faults",
        "## Reliability\n\n- Failed calls are retried with exponential backoff.\n",
        "## Reliability\n\n- Fire recall cancels all calls and sends every car to the lobby, so "
        "no one is carried to a burning floor.\n",
    ),
    (
        "typeahead-ui",
        "client-cache",
        "## Design\n\n- Redis caches hot suggestions with a 5-minute TTL.\n",
        "## Design\n\n- The client keeps an in-memory LRU of prefix to response for 5 minutes, "
        "so backspacing sends no request.\n",
    ),
    (
        "payments-api",
        "keys",
        "## Security\n\n- All requests are authenticated with a JWT over HTTPS.\n",
        "## Security\n\n- The browser holds only a publishable key that can tokenise cards, so "
        "a leaked key cannot charge anyone.\n",
    ),
    (
        "search-autocomplete",
        "client-side",
        "## Design\n\n- Redis caches the top 10 suggestions per prefix, so a lookup takes under "
        "5 ms.\n",
        "## Design\n\n- Results are cached on the client by prefix for 5 minutes, so retyping a "
        "prefix sends no request.\n",
    ),
    (
        "rest-api-design",
        "auth-scopes",
        "## API\n\n- Every request carries a JWT that the gateway validates.\n",
        "## API\n\n- Third-party apps use the OAuth 2.0 authorization code flow with PKCE and "
        "scopes such as tasks:read, so a user grants only what the app needs.\n",
    ),
    (
        "rest-api-design",
        "oauth-server",
        "## Design\n\n- Authentication uses JWT bearer tokens signed with RS256.\n",
        "## Design\n\n- An authorization server shows a consent screen and issues 1-hour access "
        "tokens with refresh tokens.\n",
    ),
    # Presigned URLs say how the bytes travel; the item asks for the call that starts the upload.
    (
        "video-streaming",
        "upload-api",
        "## Upload\n\n- Uploads go to object storage through presigned URLs; a queue feeds the"
        " encoders.\n",
        "## API\n\n- POST /videos makes the video row and returns a resumable, signed upload"
        " URL.\n",
    ),
    (
        "photo-sharing",
        "upload-flow",
        "## Upload\n\n- The app sends each photo straight to S3 with a presigned URL.\n",
        "## API\n\n- The upload service returns a pre-signed URL the app PUTs the photo to.\n",
    ),
    # Any rate said "at peak" is not the read load of dashboards and alert rules.
    (
        "metrics-aggregation",
        "query-load",
        "## Capacity\n\n- At peak each ingester takes 250K samples/s, so 20 ingesters.\n",
        "## Capacity\n\n- 3,000 engineers x 20 panels every 30 s is about 2,000 dashboard"
        " queries/s.\n",
    ),
    # A series appended "in order" on one ingester says nothing of late or repeated samples.
    (
        "metrics-aggregation",
        "late-and-duplicate",
        "## Ingest\n\n- Hashing by series keeps one series on one ingester, so its chunk is"
        " appended in order.\n",
        "## Ingest\n\n- Out-of-order samples are accepted within a 1-hour window; older ones are"
        " rejected.\n",
    ),
    # A compression ratio sizes storage; it does not lay chunks out.
    (
        "metrics-aggregation",
        "chunk-layout",
        "## Capacity\n\n- Each sample is about 1.5 bytes after compression.\n",
        "## Storage\n\n- Samples go to a WAL first, then into per-series chunks that are"
        " flushed every 2 hours.\n",
    ),
    # Rollup tiers are what a query reads, not the query a dashboard sends.
    (
        "metrics-aggregation",
        "query-api",
        "## Storage\n\n- Downsampled rollups at 5m and 1h keep long ranges cheap to read.\n",
        "## API\n\n- GET /api/v1/query_range?query=...&start=...&end=...&step=60s returns one"
        " point per step.\n",
    ),
    # A 'so' about series placement weighs nothing about pulling against pushing.
    (
        "metrics-aggregation",
        "pull-vs-push",
        "## Ingest\n\n- Agents send to Kafka, so a restarted ingester replays what it missed.\n",
        "## Collection\n\n- We scrape targets because a failed scrape tells us at once that a"
        " host is down.\n",
    ),
    # An idempotent apply keeps applications single; the item asks about alerts sent twice.
    (
        "job-portal",
        "alert-duplicates",
        "## Apply\n\n- Apply is idempotent with a unique (job_id, seeker_id) constraint.\n",
        "## Alerts\n\n- The alert worker records each (user, job) pair already sent, so a"
        " retried run skips it.\n",
    ),
    # Retrying a send with the same id is no reconnect after a gateway dies.
    (
        "chat-system",
        "gateway-failure",
        "## Reliability\n\n- The client retries a send with the same client id, so a retry is"
        " deduplicated.\n",
        "## Failures\n\n- If a gateway crashes, its clients reconnect to another one with"
        " jittered backoff.\n",
    ),
    # A template id in the send call is the API, not the workers' checks before sending.
    (
        "notification-system",
        "processing-pipeline",
        "## API\n\n- Callers POST /notifications with user_id, template_id and params.\n",
        "## Pipeline\n\n- Before sending, workers check notification preferences (opt-out, quiet"
        " hours) and a per-user cap of 5 a day.\n",
    ),
    # A page rate shares the word 'pages' with the concurrency item, not its subject.
    (
        "web-crawler",
        "concurrency-and-hosts",
        "## Capacity\n\n- 1B pages / 30 days is about 400 pages/s.\n",
        "## Capacity\n\n- At a 1 s fetch time that is about 3,800 fetches in flight across 16"
        " nodes.\n",
    ),
    # Retrying a failed provider call is no recovery of attempts a crash left pending.
    (
        "payment-system",
        "stuck-recovery",
        "## Failures\n\n- If the provider call fails, a worker retries it up to 3 times.\n",
        "## Failures\n\n- A sweeper finds attempts stuck in AUTHORISING for over a minute and"
        " queries the provider with the attempt id.\n",
    ),
    # A payment row in Postgres is no ledger.
    (
        "payment-system",
        "ledger-service",
        "## Design\n\n- A payment service writes a payment row in Postgres, then calls the"
        " processor.\n",
        "## Ledger\n\n- Ledger entries are written in Postgres in one transaction, and debits"
        " always equal credits.\n",
    ),
    # A Snowflake layout states sizes: it weighs no scheme, moves no bits, and says nothing
    # of a millisecond whose sequence runs out.
    (
        "unique-id-generator",
        "scheme-choice",
        "## Layout\n\n- Snowflake layout: 41 bits of milliseconds since a custom epoch, 10 bits of"
        " worker id, 12 bits of sequence.\n",
        "## Tradeoffs\n\n- UUIDs would avoid coordination but are 128 bits and not sortable.\n",
    ),
    (
        "unique-id-generator",
        "bit-split",
        "## Layout\n\n- Snowflake layout: 41 bits of milliseconds since a custom epoch, 10 bits of"
        " worker id, 12 bits of sequence.\n",
        "## Bits\n\n- More worker bits allow more generators, at the cost of fewer sequence bits"
        " per millisecond.\n",
    ),
    (
        "unique-id-generator",
        "sequence-exhaustion",
        "## Layout\n\n- Snowflake layout: 41 bits of milliseconds since a custom epoch, 10 bits of"
        " worker id, 12 bits of sequence.\n",
        "## Overflow\n\n- If the sequence overflows within a millisecond, the generator waits for"
        " the next millisecond.\n",
    ),
    # Keys placed on partitions weigh nothing about how many partitions to have.
    (
        "message-broker",
        "partition-count",
        "## Design\n\n- Messages with the same key go to the same partition, so they keep order.\n",
        "## Tradeoffs\n\n- More partitions allow more consumers, but each one adds metadata and"
        " lengthens failover.\n",
    ),
    # At-least-once stated as a requirement says nothing of when offsets are committed.
    (
        "message-broker",
        "consumer-semantics",
        "## Requirements\n\n- Publish/subscribe with topics and at-least-once delivery, 1M"
        " messages/s.\n",
        "## Consumers\n\n- Consumers commit offsets only after processing a message, so a crash"
        " means redelivery.\n",
    ),
    # An order created PENDING with an idempotency key is no answer to a payment timeout.
    (
        "e-commerce-checkout",
        "payment-timeout",
        "## API\n\n- POST /orders with an Idempotency-Key creates an order in PENDING.\n",
        "## Failures\n\n- On a payment timeout the order stays pending and is settled from the"
        " webhook or by querying the provider.\n",
    ),
    # 'Jobs must be idempotent' names no endpoint and no failover: idempotency is the
    # scheduler's subject, and 'jobs' and 'run' are words of every item.
    (
        "distributed-job-scheduler",
        "endpoints",
        "## Semantics\n\n- Jobs must be idempotent because they can run twice.\n",
        "## API\n\n- POST /jobs {handler, payload, cron, run_at} with an Idempotency-Key.\n",
    ),
    (
        "distributed-job-scheduler",
        "trigger-failover",
        "## Semantics\n\n- Jobs must be idempotent because they can run twice.\n",
        "## Failures\n\n- When a trigger node dies, its partition lease expires and another node"
        " takes over the partition's due jobs.\n",
    ),
    # Friends-of-friends by BFS at read time is no daily batch of suggestions.
    (
        "social-network",
        "pymk-pipeline",
        "## Graph\n\n- A graph service answers friends-of-friends with a BFS limited to depth 2.\n",
        "## Suggestions\n\n- A nightly Spark job counts mutual friends for each user and writes"
        " the top 20 suggestions to Redis.\n",
    ),
    # Blocks addressed by hash are the chunking; the item asks for the calls that upload them.
    (
        "file-sharing",
        "block-api",
        "## Design\n\n- Files are split into 4 MB blocks, each addressed by its SHA-256.\n",
        "## API\n\n- The client sends its block hashes, the server answers which it lacks, and"
        " the client uploads only those to signed URLs.\n",
    ),
    # An ARIA listbox is keyboard accessibility, not IME composition or touch input.
    (
        "typeahead-ui",
        "ime-and-mobile",
        "## Accessibility\n\n- The list uses role=listbox and aria-activedescendant; arrow keys"
        " move the highlight.\n",
        "## Input\n\n- While an IME is composing we wait for compositionend before querying,"
        " and phones get 44 px touch targets.\n",
    ),
    # A lock held "with a lease" shares a word with leader election; no leader dies in it.
    (
        "distributed-lock",
        "leader-failover",
        "## Requirements\n\n- Acquire and release named locks with a lease, 10,000 acquires/s,"
        " safe under node failure.\n",
        "## Failures\n\n- If the leader dies, Raft elects a new one within a few seconds.\n",
    ),
    # Starting an upload session says nothing of reading it back to resume, nor of its table.
    (
        "file-upload-api",
        "resume-status",
        "## API\n\n- POST /uploads returns an upload_id and presigned part URLs.\n",
        "## API\n\n- GET /uploads/{id} returns the parts already received and the expiry, so a"
        " restarted app sends only the missing parts.\n",
    ),
    (
        "file-upload-api",
        "session-store",
        "## API\n\n- POST /uploads returns an upload_id and presigned part URLs.\n",
        "## Store\n\n- A sessions table (upload_id, owner, size, part_size, parts_received,"
        " expires_at) is updated as each part is confirmed.\n",
    ),
    # An idempotency key says how duplicates are dropped, not which delivery guarantee the
    # design chose over the other.
    (
        "notification-system",
        "delivery-guarantee",
        "## Delivery\n\n- Each send carries an idempotency key so that a retried send is"
        " dropped by the provider.\n",
        "## Delivery\n\n- Login codes go at-least-once with a dedup key rather than"
        " at-most-once, because a lost code locks the user out.\n",
    ),
    # Base62 is how a number or a hash is written, whichever way codes are made: a line
    # about the alphabet or the key space makes no codes and weighs no hash against a counter.
    (
        "url-shortener",
        "code-generation",
        "## Codes\n\n- Codes are 7 base62 characters, 62^7 = 3.5 trillion of them, so the key"
        " space lasts decades.\n",
        "## Codes\n\n- A range allocator hands each app server 1,000 counter values at a time, so"
        " no two servers issue the same code.\n",
    ),
    (
        "url-shortener",
        "hash-vs-counter",
        "## Codes\n\n- We write codes in Base62 because it gives the shortest codes.\n",
        "## Codes\n\n- We hash the long URL with MD5 and keep 7 characters instead of running a"
        " counter, because it needs no coordination, at the cost of a collision check.\n",
    ),
    # An erasure code's data and parity shards are fragments of one object, not metadata
    # split across nodes by key.
    (
        "object-storage",
        "metadata-partitioning",
        "## Durability\n\n- Erasure coding costs CPU and slower reads, because a GET must fetch"
        " at least 8 data shards.\n",
        "## Metadata\n\n- Metadata is range-partitioned by (bucket, key) instead of hashed, so"
        " LIST is one ordered scan, at the cost of hot prefixes we must split.\n",
    ),
    # A stateless service is how the feed tier runs, not what its read path does (merge the
    # pulled celebrity posts, hydrate, filter, rank).
    (
        "news-feed",
        "feed-read-path",
        "## Services\n\n- The Auth Service issues JWTs and runs as 6 stateless pods behind the"
        " load balancer.\n",
        "## Read path\n\n- The feed service reads 800 timeline ids from Redis, then merges in"
        " the latest 50 posts of each followed celebrity by fan-out on read, because pushing a"
        " celebrity post to 100M timelines is too slow.\n",
    ),
    # Deduplicating ids while merging two lists on read is a set union, not a retried
    # fan-out write made safe to repeat.
    (
        "news-feed",
        "fanout-retries",
        "## Read path\n\n- Merge and deduplicate the post ids of the pushed timeline and the"
        " celebrity pull, then sort by post id so that the page is stable.\n",
        "## Fan-out\n\n- Fan-out workers retry a failed batch from the Kafka offset; ZADD of a"
        " post id is idempotent, so a replayed event adds no duplicate.\n",
    ),
    # A latency budget that ends under the SLO neither degrades the feed nor alerts.
    (
        "news-feed",
        "graceful-degradation",
        "## Latency\n\n- Redis 2 ms, hydration 5 ms, ranking 10 ms: about 20 ms, well under the"
        " 200 ms SLO.\n",
        "## Degradation\n\n- If ranking times out after 50 ms, the feed service serves the"
        " cached chronological feed as a fallback, and alerts when feed p99 passes 300 ms.\n",
    ),
    # A latency target in the requirements weighs no check against local counters.
    (
        "rate-limiter",
        "accuracy-vs-latency",
        "## Requirements\n\n- The limit check must add under 3 ms at p99 so that the API stays"
        " fast.\n",
        "## Counters\n\n- Gateways keep local counters synced every 100 ms instead of calling"
        " Redis per request: p99 latency stays under 1 ms at the cost of a few percent of"
        " overshoot.\n",
    ),
    # A cost table row weighs no encoding policy.
    (
        "video-streaming",
        "encode-policy",
        "## Costs\n\n| Component | Cost |\n|---|---|\n| CDN egress, 4 EB a month | ~$30M"
        " because egress dominates |\n",
        "## Encoding\n\n- We transcode every upload eagerly into the H.264 ladder instead of on"
        " demand, because first views must start fast.\n",
    ),
    # A 422 for a reused idempotency key is no state machine.
    (
        "payments-api",
        "state-machine",
        "## API\n\n- A repeated key with a different body gets 422.\n",
        "## States\n\n- An illegal transition, such as capturing a failed payment, gets 409 with"
        " the current state.\n",
    ),
]


@pytest.mark.parametrize(("problem", "item", "coarse", "specific"), CASES)
def test_a_line_that_names_the_subject_mentions_the_item(
    catalog: Catalog, problem: str, item: str, coarse: str, specific: str, tmp_path: Path
) -> None:
    status, line = _support(catalog, problem, item, coarse, tmp_path)
    # A line that names a mention concept is cited as a mention; a failure response names no
    # concept ("failure-handling" is the evidence itself), so the item is absent.
    assert status != SUBSTANCE, line
    # An item with no mention concepts has nothing to cite as a mention.
    mentions = _mentions(catalog, problem, item)
    assert status == MENTIONED or not mentions or "failure-handling" in mentions


@pytest.mark.parametrize(("problem", "item", "coarse", "specific"), CASES)
def test_a_line_that_says_what_the_item_asks_covers_it(
    catalog: Catalog, problem: str, item: str, coarse: str, specific: str, tmp_path: Path
) -> None:
    assert _support(catalog, problem, item, specific, tmp_path) == (SUBSTANCE, 3)


def test_resumable_chunking_is_a_resumable_upload(catalog: Catalog) -> None:
    # "Resumable chunking: the client slices the file into 1 MB chunks" is a resumable upload.
    (claim,) = read_text(
        "Resumable chunking: the client slices the file into 1 MB chunks.",
        catalog.vocabulary.concepts.values(),
    )
    assert "blob-upload" in claim.features.concepts


@pytest.mark.parametrize(
    "text",
    [
        "We use the Redis TIME command to avoid clock skew between gateways.",
        "Accuracy is within 1% (some error from clock skew across nodes).",
        "Drifting clocks on the gateways cause the refill math to skew by 40 ms.",
        "Alert on policy version skew above 2 versions between gateways.",
    ],
)
def test_clock_skew_is_no_hot_key(catalog: Catalog, text: str) -> None:
    # Clocks that disagree are clock-sync's subject; a hot key is a key with too much load.
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert "hot-key" not in claim.features.concepts | claim.features.negated


def test_data_skew_is_still_a_hot_key(catalog: Catalog) -> None:
    (claim,) = read_text(
        "Hash partitioning spreads the skew of popular buckets.",
        catalog.vocabulary.concepts.values(),
    )
    assert "hot-key" in claim.features.concepts


def test_a_mention_concept_may_not_also_cover_the_item() -> None:
    with pytest.raises(ValidationError, match="mentions repeat"):
        RubricItem(
            id="x", text="Says x.", concepts=["replication"], mentions=["replication"], weight=1
        )


def test_mention_concepts_are_checked_against_the_vocabulary(catalog: Catalog) -> None:
    problem = catalog.problems["rate-limiter"]
    assert {"replication", "failover", "replication-lag"} <= problem.concept_ids()


@pytest.mark.parametrize(
    "text",
    [
        "Base62 keeps codes URL-safe, eliminating the need for escaping special characters.",
        "Aliases use only letters and digits, so links work without escaping characters.",
    ],
)
def test_no_need_to_escape_is_no_input_validation(text: str) -> None:
    # A URL-safe alphabet that needs no escaping screens nothing; escaping to block XSS does.
    assert security_control(text) is None
    assert security_control("We escape special characters in each alias.") == "input validation"


def test_a_push_only_column_weighs_fan_out(catalog: Catalog, tmp_path: Path) -> None:
    # A comparison whose columns are "Push-Only", "Pull-Only" and "Hybrid (chosen)" weighs
    # fan-out on write against fan-out on read, row by row.
    text = (
        "## Fan-out\n\n"
        "| Aspect | Push-Only | Pull-Only | Hybrid (chosen) |\n"
        "|---|---|---|---|\n"
        "| Writes | One insert per follower | One insert | Few inserts |\n"
        "| Reads | A single lookup | Query every followed author | One lookup and a merge |\n"
    )
    assert _support(catalog, "news-feed", "push-vs-pull", text, tmp_path)[0] == SUBSTANCE


def test_a_trade_off_mention_cites_the_line_nearest_the_item(
    catalog: Catalog, tmp_path: Path
) -> None:
    # Line 3 only names inactive users; line 7 says what is done for them but gives no
    # reason, so the item is mentioned there, not covered.
    text = (
        "## Requirements\n\n- Feeds must load fast for active and inactive users alike.\n\n"
        "## Write path\n\n- Only push to followers who have been active in the last 30 days.\n"
    )
    assert _support(catalog, "news-feed", "inactive-users", text, tmp_path) == (MENTIONED, 7)


def test_calls_written_with_their_arguments_are_an_rpc_api(catalog: Catalog) -> None:
    (claim,) = read_text(
        "The API is produce(topic, key, value) returning the offset, and fetch(topic,"
        " partition, offset, max_bytes).",
        catalog.vocabulary.concepts.values(),
    )
    assert "rpc-api" in specified_concepts(claim)
    (plain,) = read_text("Each server(s) keeps a copy.", catalog.vocabulary.concepts.values())
    assert "rpc-api" not in specified_concepts(plain)


def test_a_bold_label_alone_is_no_mention(catalog: Catalog, tmp_path: Path) -> None:
    # "**Non-functional**" over prose heads it; quoted as a mention it shows a reader nothing.
    text = "## Requirements\n\n**Non-functional**\n\nIt should feel quick to users.\n"
    status, line = _support(catalog, "news-feed", "freshness-nfrs", text, tmp_path)
    assert line != 3, (status, line)


def test_both_work_well_leaves_the_choice_open(catalog: Catalog, tmp_path: Path) -> None:
    text = (
        "## Trade-offs\n\n- Lookups are by `short_code`, so a key-value store or an indexed"
        " relational table both work well.\n"
    )
    (claim,) = read_text(text.split("\n\n", 1)[1], catalog.vocabulary.concepts.values())
    assert claim.features.hedge
    assert _support(catalog, "url-shortener", "store-choice", text, tmp_path) == (MENTIONED, 3)


# (problem, item, a line whose figure is another estimate's or one thing's, the estimate)
CAPACITY_CASES = [
    (
        "news-feed",
        "post-storage",
        # The word "post" is shared, but the figure sizes the timeline cache.
        "## Capacity\n\n- Timeline cache: 300M users x 800 post ids x 8 bytes = 1.9 TB of"
        " memory.\n",
        "## Capacity\n\n- Posts: 500M a day x 1 KB = 500 GB a day, about 900 TB over five years.\n",
    ),
    (
        "object-storage",
        "metadata-volume",
        # One object's size and a write rate share the item's figures ("100", "TB"), not
        # its subject.
        "## Requirements\n\n- Store, retrieve and delete objects of 1 byte to 5 TB each, with"
        " 100 GB/s of writes at peak.\n",
        "## Capacity\n\n- Metadata: 100 billion objects x 500 bytes = 50 TB, so it needs a"
        " sharded store of its own.\n",
    ),
    (
        "object-storage",
        "metadata-volume",
        "## Capacity\n\n- Each region stores about 833 PB of logical data.\n",
        "## Capacity\n\n- Logical metadata is about 83 TB across all regions.\n",
    ),
    (
        "object-storage",
        "metadata-volume",
        # A limit the design sets is no estimate.
        "## Capacity\n\n- Tiny objects (size <= 4 KB) are kept inline in the metadata store.\n",
        "## Capacity\n\n- Total metadata: 1 trillion objects x 1 KB = 1 PB in the metadata"
        " store.\n",
    ),
    (
        "object-storage",
        "raw-storage",
        # A rate of traffic shares the item's figure "80", not its subject; a rate at which
        # the raw bytes grow sizes the store.
        "## Capacity\n\n- Storage egress: 80,000 GETs/s x 1 MB = 80 GB/s at peak.\n",
        "## Capacity\n\n- With a 1.5x code on top, raw storage grows by about 880 PB / year.\n",
    ),
    (
        "photo-sharing",
        "rates",
        # The upload rate is a factor of the storage the line works out.
        "## Capacity\n\n- Storage: 100 million uploads a day x 2.4 MB = 240 TB per day.\n",
        "## Capacity\n\n- Uploads: 100 million a day / 86,400 = about 1,160 uploads/s.\n",
    ),
    (
        "video-streaming",
        "egress",
        # One stream's bitrate is an input to egress, not egress.
        "## Capacity\n\n- Average delivered bitrate across all renditions: 3 Mbps.\n",
        "## Capacity\n\n- Peak egress: 7M concurrent streams x 2.5 Mbps = about 17 Tbps.\n",
    ),
    (
        "payments-api",
        "webhook-volume",
        # "a day" is the period of both rates, not what either counts.
        "## Capacity\n\n- Assume 20 million payments a day, three times that at the peak.\n",
        "## Capacity\n\n- Each payment emits about 4 webhook events: 80 million events a day.\n",
    ),
    (
        "news-feed",
        "fanout-volume",
        # "tweets" is the post rate's word as much as the fan-out's; the fan-out counts
        # timeline inserts, which this line never reaches.
        "## Capacity\n\n- 1 billion tweets a day, about 11K writes/s, bursts to 1M writes/s.\n",
        "## Capacity\n\n- 11K posts/s x 200 followers = about 2.2M timeline inserts/s.\n",
    ),
    # A payment row's storage is no idempotency store.
    (
        "payments-api",
        "idempotency-size",
        "## Capacity\n\n- Each payment row is about 1 KB with its events, so 20 GB a day and about"
        " 7 TB a year.\n",
        "## Capacity\n\n- Idempotency records: 90M POSTs a day x 2 KB of stored response, kept 24"
        " hours, is about 180 GB.\n",
    ),
    (
        "chat-system",
        "connections",
        # The connections are the input; the fleet is sized where they are divided up.
        "## Capacity\n\n- 50M users online at peak hold 50M WebSocket connections.\n",
        "## Capacity\n\n- At 100K connections per gateway that is 500 gateways.\n",
    ),
    (
        "payments-api",
        "limits-vs-big-merchants",
        # A payment rate is the API load's figure; the limits item counts one merchant's.
        "## Capacity\n\n- Assume 20 million payments a day, three times that at the peak.\n",
        "## Capacity\n\n- The biggest merchant: 1M payments a day x 5 calls x 5 at peak is about"
        " 290 requests/s, above the 200/s default limit, so we raise it per account.\n",
    ),
    (
        "news-feed",
        "timeline-memory",
        # "daily" again: the daily post metadata is no timeline cache of the daily users.
        "## Capacity\n\n- Daily metadata storage: 50M x 200 bytes = about 10 GB/day.\n",
        "## Capacity\n\n- Timeline cache: 300M users x 800 ids x 8 bytes = about 1.9 TB.\n",
    ),
]


@pytest.mark.parametrize(
    ("item", "text"),
    [
        # a post is a tweet, and the inserts into followers' timelines are "fanout writes"
        ("post-storage", "## Capacity\n\n- About 150 TB of new tweet content a month.\n"),
        (
            "fanout-volume",
            "## Capacity\n\n- 200M/day x 200 = 40B fanout writes/day, about 460K/s.\n",
        ),
    ],
)
def test_an_estimate_said_in_the_candidates_words(
    catalog: Catalog, item: str, text: str, tmp_path: Path
) -> None:
    assert _support(catalog, "news-feed", item, text, tmp_path) == (SUBSTANCE, 3)


@pytest.mark.parametrize(("problem", "item", "other", "estimate"), CAPACITY_CASES)
def test_a_figure_covers_the_estimate_it_sizes(
    catalog: Catalog, problem: str, item: str, other: str, estimate: str, tmp_path: Path
) -> None:
    assert _support(catalog, problem, item, other, tmp_path)[0] != SUBSTANCE
    assert _support(catalog, problem, item, estimate, tmp_path) == (SUBSTANCE, 3)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # The cache named by its product: "Redis" is how the design says "cache".
        ("## Capacity\n\n- With Memcached replicas and overhead, about 6 TB of RAM.\n", SUBSTANCE),
        # A memory figure that names no cache, by word or product, sizes something else.
        ("## Capacity\n\n- With replicas and overhead, about 6 TB of RAM.\n", ABSENT),
    ],
)
def test_a_cache_named_by_its_product_is_the_cache_an_estimate_sizes(
    catalog: Catalog, text: str, status: str, tmp_path: Path
) -> None:
    assert _support(catalog, "news-feed", "timeline-memory", text, tmp_path)[0] == status


def test_the_chunks_of_an_upload_are_its_parts(catalog: Catalog, tmp_path: Path) -> None:
    # A multipart upload's parts are what candidates call its chunks; a line that names
    # neither says nothing of resuming one.
    chunks = (
        "## Upload\n\n- The app sends the file as 8 MB chunks to signed URLs; a failed chunk is"
        " sent again on its own.\n"
    )
    whole = "## Upload\n\n- The app sends the file to a signed URL.\n"
    problem, item = "video-streaming", "resumable-upload"
    assert _support(catalog, problem, item, chunks, tmp_path) == (SUBSTANCE, 3)
    assert _support(catalog, problem, item, whole, tmp_path)[0] != SUBSTANCE


def test_a_frontier_line_is_no_crawl_loop(catalog: Catalog, tmp_path: Path) -> None:
    # "url" stands for the item's "links" but is a word of its concept (the URL frontier),
    # so it tells the crawl loop from no other item.
    frontier = (
        "## Design\n\n- The URL frontier is a set of Kafka queues partitioned by host, so each"
        " node enforces politeness for the sites it owns.\n"
    )
    loop = (
        "## Design\n\n- Fetchers take a URL from the frontier, fetch the page, store it and"
        " push the extracted links back, so the crawl feeds itself.\n"
    )
    assert _support(catalog, "web-crawler", "core-loop", frontier, tmp_path)[0] != SUBSTANCE
    assert _support(catalog, "web-crawler", "core-loop", loop, tmp_path) == (SUBSTANCE, 3)


@pytest.mark.parametrize(
    "text",
    [
        "## Requirements\n\n**Out of scope**\n\n- Live streaming and ads.\n",
        "## Requirements\n\n- Out of scope (for focus): live streaming, DRM and ads.\n",
    ],
)
def test_an_out_of_scope_label_supports_no_item(
    catalog: Catalog, text: str, tmp_path: Path
) -> None:
    # "scope" is also an OAuth word (authorization), which private-access mentions; the line
    # that leaves things out is not about private videos.
    assert _support(catalog, "video-streaming", "private-access", text, tmp_path) == (
        "absent",
        None,
    )


def test_an_estimate_is_cited_by_the_line_that_says_most_of_it(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = (
        "## Capacity\n\n"
        "- Posts: 500M a day / 86,400 = about 5,800 posts/s.\n"
        "- Fan-out: 5,800 posts/s x 200 followers = about 1.2M timeline inserts/s.\n"
    )
    assert _support(catalog, "news-feed", "fanout-volume", text, tmp_path) == (SUBSTANCE, 4)


def test_a_rate_row_states_a_rate(catalog: Catalog, tmp_path: Path) -> None:
    # The label carries the unit, the cell a bare number: "Write QPS (links) | ~1,160".
    row = (
        "## Capacity\n\n| Metric | Value | Calculation |\n|---|---|---|\n"
        "| Write QPS (links) | ~1,160 | 100M ÷ 86,400 |\n"
    )
    assert _support(catalog, "url-shortener", "qps", row, tmp_path) == (SUBSTANCE, 5)


@pytest.mark.parametrize(
    ("text", "concept", "specified"),
    [
        ("Clients log in with OAuth and send a JWT on every call.", "authorization", False),
        ("Clients log in with OAuth and send a JWT on every call.", "authentication", True),
        ("All traffic is encrypted over TLS.", "authorization", False),
        ("The server checks the role on every update.", "authorization", True),
        ("Only the owner can delete a link.", "authorization", True),
    ],
)
def test_each_kind_of_control_specifies_its_own_concept(
    catalog: Catalog, text: str, concept: str, specified: bool
) -> None:
    # A login scheme is no rule about who may do what: "authorization" needs an
    # authorisation rule, "authentication" a login scheme; "security" takes any control.
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert specifies(claim, concept) is specified
    assert specifies(claim, "security")


def test_approx_ends_no_sentence(catalog: Catalog) -> None:
    # "(Approx. 500 Petabytes ...)" was cut after "Approx.", leaving the figure apart from
    # what it measures.
    claims = read_text(
        "Total storage: 1 billion videos (Approx. 500 PB of raw data).",
        catalog.vocabulary.concepts.values(),
    )
    assert len(claims) == 1


def test_a_sentence_that_only_excludes_a_thing_is_no_mention_of_it(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = "## Requirements\n\n- Virus scanning is out of scope.\n"
    status, _ = _support(catalog, "file-upload-api", "scan-pipeline", text, tmp_path)
    assert status not in (SUBSTANCE, MENTIONED)


def test_a_cache_ttl_is_no_storage_tiering(catalog: Catalog, tmp_path: Path) -> None:
    # "a 60 second TTL" on cached metadata expires a cache entry; it moves no data to a
    # colder tier, and says nothing of how processing failures are retried.
    text = (
        "## Deep dive\n\n- I'd cache a hot photo's metadata in Redis with a 60 second TTL,"
        " because the database row would otherwise take every read.\n"
    )
    for item in ("storage-cost", "processing-failures"):
        status, _ = _support(catalog, "photo-sharing", item, text, tmp_path)
        assert status not in (SUBSTANCE, MENTIONED), item


def test_a_quota_is_no_rejection_contract(catalog: Catalog, tmp_path: Path) -> None:
    text = "## API\n\n- Free keys get a quota of 100 requests per minute, paid keys 5,000.\n"
    status, _ = _support(catalog, "rate-limiter", "response-contract", text, tmp_path)
    assert status != SUBSTANCE


def test_checking_an_alias_then_writing_it_is_no_guarded_claim(
    catalog: Catalog, tmp_path: Path
) -> None:
    # Check-then-write is what the item rules out, whatever it returns when the alias is taken.
    text = (
        "## Codes\n\n- For a custom alias we first look it up and return a conflict if it"
        " exists, 2 queries.\n"
    )
    status, _ = _support(catalog, "url-shortener", "alias-conflict", text, tmp_path)
    assert status != SUBSTANCE


def test_a_kv_store_is_a_key_value_store(catalog: Catalog, tmp_path: Path) -> None:
    # "KV" is how candidates write key-value: the store item's own word "key" is said.
    text = (
        "## Design\n\n- Links go to a distributed KV store, because every redirect is one"
        " lookup by code.\n"
    )
    assert _support(catalog, "url-shortener", "store", text, tmp_path) == (SUBSTANCE, 3)


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE tickets SET state = 'SOLD' WHERE ticket_id = $1 AND state = 'OPEN'",
        "The worker flips the job to RUNNING only where status is still QUEUED... ",
        "Row locks are taken with SELECT FOR UPDATE in seat order, so 2 holds never deadlock.",
    ],
)
def test_a_write_guarded_by_the_row_state_is_a_concurrency_control(
    catalog: Catalog, text: str
) -> None:
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert specified_concepts(claim) & {"optimistic-locking", "pessimistic-locking"}


@pytest.mark.parametrize(
    "text",
    [
        # The status is checked in a read the update depends on: two writers can both pass.
        "UPDATE codes SET used = true WHERE code = (SELECT code FROM codes WHERE status = 'free'"
        " LIMIT 1)",
        "Use strong consistency only where it matters, 2 regions.",
        "Update the cache when the status changes, within 5 s.",
    ],
)
def test_a_write_not_guarded_by_its_own_row_state_is_none(catalog: Catalog, text: str) -> None:
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert "optimistic-locking" not in specified_concepts(claim)


def test_the_lines_under_a_hot_key_heading_are_about_the_hot_key(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "### The hot key problem" over "one tenant sends 80k req/s, all to one shard": the line
    # says what makes the key hot without the words "hot key"; its heading says them.
    text = (
        "## Failures\n\n### The hot key problem\n\n- One tenant sends 80k req/s and every"
        " request lands on the same Redis shard.\n- Gateways then take 100 tokens at a time"
        " locally, so that shard sees 1% of the calls.\n"
    )
    status, line = _support(catalog, "rate-limiter", "hot-client", text, tmp_path)
    # Both lines are about the hot key; the one cited says more of what the item asks (tokens
    # taken in blocks per gateway).
    assert (status, line) == (SUBSTANCE, 6)


def test_a_lead_in_under_a_heading_says_nothing_itself(catalog: Catalog) -> None:
    # "We size for the following:" under "Assumptions" assumes nothing until its list does.
    (claim, *rest) = read_text(
        "## Assumptions\n\nWe size for the following:\n\n- 20 million daily users\n",
        catalog.vocabulary.concepts.values(),
    )
    assert claim.text.endswith(":") and "assumptions" not in specified_concepts(claim)
    assert "assumptions" in specified_concepts(rest[0])


def test_a_time_sortable_id_named_only_specifies_nothing(catalog: Catalog) -> None:
    # The concept's own name ("time-ordered id") is no account of what the id is made of.
    (claim,) = read_text(
        "Our approach takes time-ordered id into account as well.",
        catalog.vocabulary.concepts.values(),
    )
    assert "time-sortable-id" not in specified_concepts(claim)


def test_a_peak_factor_is_no_bottleneck(catalog: Catalog) -> None:
    # "10x" alone is a multiplier: a campaign peak, not the scenario of a wrap-up ("at 10x").
    (claim,) = read_text(
        "We send 100M notifications a day, with peaks of 10x during campaigns.",
        catalog.vocabulary.concepts.values(),
    )
    assert "bottlenecks" not in claim.features.concepts
    (claim,) = read_text(
        "At 10x, the provider rate limits break first.", catalog.vocabulary.concepts.values()
    )
    assert "bottlenecks" in claim.features.concepts


def test_since_an_epoch_is_no_reason(catalog: Catalog) -> None:
    # "since a custom epoch" counts from a point in time, as "since 2020" does.
    (claim,) = read_text(
        "The id holds 41 bits of milliseconds since a custom epoch.",
        catalog.vocabulary.concepts.values(),
    )
    assert not claim.features.reason


def test_a_refilled_miss_is_a_rebuilt_item(catalog: Catalog, tmp_path: Path) -> None:
    # "refills" is how candidates say the one caller rebuilds the entry.
    text = (
        "## Failures\n\n- Thundering herd on a miss: request coalescing per key on the node, so"
        " one database read refills the value.\n"
    )
    assert _support(catalog, "distributed-cache", "stampede", text, tmp_path) == (SUBSTANCE, 3)


@pytest.mark.parametrize(
    ("item", "text"),
    [
        (
            "booking-states",
            "## State transitions\n\n- Booking: PENDING -> CONFIRMED on payment; PENDING ->"
            " EXPIRED on timeout; CONFIRMED -> CANCELLED on refund.\n",
        ),
        (
            "enums",
            "## Classes\n\n- A ShowSeat has a `ShowSeatStatus` (AVAILABLE, HELD, BOOKED); a"
            " Booking has a `BookingStatus` (PENDING, CONFIRMED, CANCELLED, EXPIRED).\n",
        ),
    ],
)
def test_states_and_enums_written_out_cover_the_booking_items(
    catalog: Catalog, item: str, text: str, tmp_path: Path
) -> None:
    assert _support(catalog, "movie-ticket-booking", item, text, tmp_path) == (SUBSTANCE, 3)


def test_a_weighed_sequence_source_covers_the_ordering_item(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = (
        "## Trade-offs\n\n- A Redis counter per conversation for seq rather than a timestamp:"
        " gives a strict order per conversation, at the cost of a Redis round trip.\n"
    )
    assert _support(catalog, "chat-system", "ordering-source", text, tmp_path) == (SUBSTANCE, 3)


def test_offline_members_who_fetch_on_reconnect_mention_offline_delivery(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = (
        "## Flow\n\n- Offline members get a push notification and fetch history when they"
        " reconnect.\n"
    )
    assert _support(catalog, "chat-system", "offline-delivery", text, tmp_path) == (MENTIONED, 3)


# A resumable upload API, as a candidate writes it: field names in code, "resends the
# missing ones", "Sessions idle for 24 hours are aborted by a sweeper", "8 MiB parts".
_UPLOAD_API = (
    "## API\n\n"
    "- `POST /v1/uploads` with `Idempotency-Key` returns the same session on a retried create.\n"
    "- `PUT /v1/uploads/{id}/parts/{n}` stores part n. Re-sending part n overwrites it, so a"
    " retry is safe.\n"
    "- `GET /v1/uploads/{id}` → `200 {received_parts: [1,2,5], expires_at}`.\n\n"
    "## Design\n\n"
    "- Sessions idle for 24 hours are aborted by a sweeper and their parts deleted.\n\n"
    "## Trade-offs\n\n"
    "- Fixed 8 MiB parts over client-chosen sizes: simple resume bookkeeping, at the cost of"
    " 6,400 parts for a 50 GB file.\n"
)


@pytest.mark.parametrize(
    ("item", "status", "line"),
    [
        ("resume-status", SUBSTANCE, 5),  # the read returns the parts received
        ("expiry", SUBSTANCE, 9),  # idle sessions are aborted
        ("cleanup", SUBSTANCE, 9),  # a sweeper deletes their parts
        ("chunk-size", SUBSTANCE, 13),  # fixed 8 MiB parts, weighed
        # A cost said of the part size is no weighing of proxying against presigned URLs.
        ("proxy-vs-presigned", ABSENT, None),
    ],
)
def test_an_upload_api_is_read_as_written(
    catalog: Catalog, item: str, status: str, line: int | None, tmp_path: Path
) -> None:
    assert _support(catalog, "file-upload-api", item, _UPLOAD_API, tmp_path) == (status, line)


@pytest.mark.parametrize(
    ("item", "line"),
    [
        # the building's size, stated rather than asked, answers what the item asks
        ("building-questions", "A building has 4 elevators serving 20 floors."),
        # a waiting-time target is what good dispatch means
        ("dispatch-goal", "Average wait under 30 seconds; no call waits over 2 minutes."),
    ],
)
def test_an_elevator_requirement_is_read_as_written(
    catalog: Catalog, item: str, line: str, tmp_path: Path
) -> None:
    text = f"## Requirements\n\n- {line}\n"
    assert _support(catalog, "elevator-control", item, text, tmp_path) == (SUBSTANCE, 3)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # the ingest estimate's figures, with replicas: no egress worked out
        ("So 1M msgs/s at 1 KB is 1 GB/s in, times 3 replicas is 3 GB/s of disk writes.",
         MENTIONED),
        ("Egress: 1 GB/s x (2 followers + 3 groups) = 5 GB/s, about 40 Gbit/s at peak.",
         SUBSTANCE),
    ],
)  # fmt: skip
def test_an_estimate_that_lists_no_rival_is_still_told_from_the_others(
    catalog: Catalog, line: str, status: str, tmp_path: Path
) -> None:
    text = f"## Estimates\n\n- {line}\n"
    assert _support(catalog, "message-broker", "network-fanout", text, tmp_path)[0] == status


def test_the_lines_under_a_counters_heading_are_about_counting(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "### Approximate counters" over "we accept approximate consistency for public view
    # counts": the line weighs how views are counted, as its heading says.
    text = (
        "## Deep dives\n\n### Approximate counters\n\n- Trade-off: we accept eventual"
        " consistency for public view counts, so a viral video never locks one row.\n"
    )
    found = _support(catalog, "video-streaming", "view-count-accuracy", text, tmp_path)
    assert found == (SUBSTANCE, 5)
    # Under another heading the line is about counting only if it names what counting
    # contends on: a viral video's row is the hot key the item is about.
    elsewhere = text.replace("Approximate counters", "Analytics").replace(
        "a viral video never locks one row", "the dashboard stays fast"
    )
    assert (
        _support(catalog, "video-streaming", "view-count-accuracy", elsewhere, tmp_path)[0]
        != SUBSTANCE
    )


def test_a_boards_size_stated_answers_how_big_it_gets(catalog: Catalog, tmp_path: Path) -> None:
    # "Up to 50 people edit one board at once" states the scale the item asks for, as
    # "4 elevators serving 20 floors" does for elevators.
    text = "## Requirements\n\n- Up to 50 people edit one board at once.\n"
    found = _support(catalog, "collaborative-whiteboard", "scale-questions", text, tmp_path)
    assert found == (SUBSTANCE, 3)


def test_a_checksum_among_a_records_fields_is_no_scrub(catalog: Catalog, tmp_path: Path) -> None:
    # Stored beside the size and the pointers, a checksum is a field; verified on read or in
    # a scrub "to fix" what rotted, it is the integrity check the item asks for.
    field = (
        "## Metadata\n\n- Each object record is about 1 KB: bucket, key, size, checksum,"
        " pointers.\n"
    )
    status, _ = _support(catalog, "object-storage", "scrubbing", field, tmp_path)
    assert status != SUBSTANCE
    scrub = (
        "## Integrity\n\n- A scrubber re-reads every fragment each month and checks its"
        " checksum, to fix silent corruption from the other 11 fragments.\n"
    )
    assert _support(catalog, "object-storage", "scrubbing", scrub, tmp_path) == (SUBSTANCE, 3)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # one code of the several the item lists
        ("Sessions expire 24 hours after the last activity and return 410 after that.",
         MENTIONED),
        ("A stale offset gets 409, an expired session 410, and a busy server 429 with"
         " Retry-After.", SUBSTANCE),
    ],
)  # fmt: skip
def test_an_item_of_several_status_codes_needs_more_than_one(
    catalog: Catalog, line: str, status: str, tmp_path: Path
) -> None:
    text = f"## API\n\n- {line}\n"
    assert _support(catalog, "file-upload-api", "status-codes", text, tmp_path)[0] == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # the call that closes the upload, written out
        ("`POST /v1/uploads/{id}/complete` -> 200 file {scan_status: pending}", SUBSTANCE),
        # a session's lifetime is no completion call, whatever states it names
        ("Targets: an upload session survives 24 hours idle.", ABSENT),
    ],
)
def test_the_completion_item_asks_for_the_call(
    catalog: Catalog, line: str, status: str, tmp_path: Path
) -> None:
    text = f"## API\n\n- {line}\n"
    assert _support(catalog, "file-upload-api", "complete-and-scan", text, tmp_path)[0] == status


def test_a_metric_column_over_figures_monitors_nothing(catalog: Catalog, tmp_path: Path) -> None:
    # A "Metric | Value" table of estimates names the quantity each row sizes; the line that
    # says what is watched is the one to cite.
    text = (
        "## Sizing\n\n| Metric | Value |\n|---|---|\n"
        "| Requests per second per Redis shard | 250k RPS (4 shards) |\n\n"
        "## Service\n\n- Observability:\n  - Histograms: limiter latency, store latency.\n"
    )
    assert _support(catalog, "rate-limiter", "observability", text, tmp_path) == (SUBSTANCE, 10)


def test_a_metric_column_beside_a_threshold_lists_what_is_watched(
    catalog: Catalog, tmp_path: Path
) -> None:
    text = (
        "## Sizing\n\n| Metric | Alert threshold |\n|---|---|\n"
        "| Limited requests per rule, check latency | above 5% for 10 min |\n"
    )
    assert _support(catalog, "rate-limiter", "observability", text, tmp_path) == (SUBSTANCE, 5)


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        # What one plan may send is a quota, not the load the limiter takes.
        (
            "## Requirements\n\n- Plans get different limits (Basic: 60 req/min,"
            " Pro: 3,000 req/min).\n",
            False,
        ),
        (
            "## Requirements\n\n- Peak load is about 800k requests/s; a check may add 3 ms p99.\n",
            True,
        ),
    ],
)
def test_a_plans_limit_is_no_request_rate(
    catalog: Catalog, text: str, covered: bool, tmp_path: Path
) -> None:
    status, _ = _support(catalog, "rate-limiter", "scale-and-budget", text, tmp_path)
    assert (status == SUBSTANCE) is covered


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        # Network bytes a second count no shards, though they start from a request rate.
        ("## Capacity\n\n- Network: 100k RPS x 2 x 150 bytes = 30 MB/s.\n", False),
        # What one shard takes is the input of the count, not the count.
        ("## Capacity\n\n- A Redis shard handles about 100k ops/s.\n", False),
        # The per-shard figure and the count, said in two sentences of one line.
        (
            "## Capacity\n\n- One Redis node handles about 80k ops/s. For 1M req/s,"
            " 13 nodes are needed.\n",
            True,
        ),
        ("## Capacity\n\n| Parameter | Value |\n|---|---|\n| Redis shards | 16 |\n", True),
    ],
)
def test_a_shard_count_is_what_sizes_the_shards(
    catalog: Catalog, text: str, covered: bool, tmp_path: Path
) -> None:
    status, _ = _support(catalog, "rate-limiter", "shard-count", text, tmp_path)
    assert (status == SUBSTANCE) is covered


def test_fields_counted_in_a_size_are_no_rule_model(catalog: Catalog, tmp_path: Path) -> None:
    text = "## Capacity\n\n- Counter memory: 5M keys x 64 bytes (key + hash overhead + 2 fields).\n"
    status, _ = _support(catalog, "rate-limiter", "rule-model", text, tmp_path)
    assert status != SUBSTANCE


@pytest.mark.parametrize(
    ("row", "covered"),
    [
        # One stream's bitrate, read across the row's column name, is no egress.
        ("| Mean stream bitrate (blended) | 3 Mbps (≈ 0.375 MB/s) |", False),
        ("| Video size | 400 MB (≈ 20 min @ 3 Mbps) |", False),
        ("| Peak egress | 6M streams × 3 Mbps ≈ 18 Tbit/s |", True),
    ],
)
def test_a_bitrate_row_is_one_streams(
    catalog: Catalog, row: str, covered: bool, tmp_path: Path
) -> None:
    text = f"## Capacity\n\n| Metric | Estimate |\n|---|---|\n{row}\n"
    status, _ = _support(catalog, "video-streaming", "egress", text, tmp_path)
    assert (status == SUBSTANCE) is covered


@pytest.mark.parametrize(
    ("text", "sharding"),
    [
        ("The 12 shards of an object are spread across different racks.", False),
        ("Reads cost more: a GET must read 8 shards and decode them.", False),
        ("If a partition cannot reach a quorum, it stops taking writes.", False),
        ("Object keys are hashed into 4,096 shards of the metadata store.", True),
    ],
)
def test_an_erasure_codes_shards_and_a_network_split_are_no_sharding(
    catalog: Catalog, text: str, sharding: bool
) -> None:
    # Pieces of one object and a network split partition no data set.
    (claim,) = read_text(text, catalog.vocabulary.concepts.values())
    assert ("sharding" in claim.features.concepts) is sharding


def test_the_name_of_regional_serving_alone_serves_nothing(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "served from each region" holds both words the check looks for; said of nothing, it
    # states nothing (mention-only padding raised url-shortener/gemma's reliability with it).
    named = "## Notes\n\nServed from each region is an important part of the overall picture.\n"
    assert _support(catalog, "url-shortener", "multi-region", named, tmp_path)[0] != SUBSTANCE
    said = "## Serving\n\nRedirects are served from each region, read from local replicas.\n"
    assert _support(catalog, "url-shortener", "multi-region", said, tmp_path) == (SUBSTANCE, 3)


_IN_ORDER = (
    "## Requirements\n\n- Viewers watch 100M videos a day; creators upload 500K a day.\n\n"
    "## Estimates\n\n- 500K uploads a day / 86,400 s = about 6 uploads a second.\n\n"
    "## Storage\n\n- Each video is kept in 4 renditions, about 1 GB in all, because phones"
    " and TVs need different sizes.\n\n"
)


@pytest.mark.parametrize(
    ("design", "status"),
    [
        # In order, but the upload and the viewing are one section: no path is apart.
        (
            _IN_ORDER + "## Design\n\n- Upload servers write the file to object storage, a queue"
            " feeds 200 transcoders, and the CDN serves the segments to players.\n",
            False,
        ),
        # Each path under a heading of its own.
        (
            _IN_ORDER + "## Upload path\n\n- Clients send parts of 8 MB to object storage, then a"
            " queue feeds 200 transcoders.\n\n## Playback path\n\n- Players fetch a manifest,"
            " then 4 s segments from the CDN, because the edge is near them.\n",
            True,
        ),
    ],
)
def test_two_paths_apart_need_a_heading_each(
    catalog: Catalog, design: str, status: bool, tmp_path: Path
) -> None:
    # "Presents the upload path and the playback path separately" asks for more than an
    # order: an answer in order with one section for both paths does not meet it.
    assert (
        _support(catalog, "video-streaming", "two-paths", design, tmp_path)[0] == SUBSTANCE
    ) is status


def test_the_name_of_surviving_a_zone_loss_alone_survives_nothing(
    catalog: Catalog, tmp_path: Path
) -> None:
    # "survive an AZ loss" holds both the loss and a "survive" the check looks for; said of
    # nothing, it states nothing (mention-only padding raised object-store/gemma with it).
    named = "## Notes\n\nSurvive an az loss plays a key role here.\n"
    item = _zone_item(catalog)
    assert _support(catalog, "object-storage", item, named, tmp_path)[0] != SUBSTANCE
    said = "## Zones\n\nIf a zone is lost, reads continue from the fragments in the other two.\n"
    assert _support(catalog, "object-storage", item, said, tmp_path) == (SUBSTANCE, 3)


def _zone_item(catalog: Catalog) -> str:
    rubric = catalog.problems["object-storage"].rubric.items()
    return next(i.id for _, i in rubric if "zone-loss-survival" in i.concepts)


def test_a_retry_of_another_subsystem_is_no_mention_of_transcoding_tasks(
    catalog: Catalog, tmp_path: Path
) -> None:
    # Idempotency and retries are said of uploads and jobs alike: a chunk retried under an
    # upload heading names no transcoding task, and citing it as one puzzles the reader.
    upload = (
        "## Uploading a file\n\n- Each part is sent on its own; a failed part is retried.\n"
        "- Finishing twice is harmless: the final step is idempotent on the file hash.\n"
    )
    assert _support(catalog, "video-streaming", "idempotent-tasks", upload, tmp_path) == (
        ABSENT,
        None,
    )
    # The same words under a heading that names the encoders are about the item.
    encoders = "## Transcoder failures\n\n- A failed job is retried three times, then parked.\n"
    assert _support(catalog, "video-streaming", "idempotent-tasks", encoders, tmp_path) == (
        MENTIONED,
        3,
    )


def test_a_goal_with_why_it_matters_weighs_no_decision(catalog: Catalog) -> None:
    # A requirements table's "why it matters" is the goal's motive, and "compared to a
    # baseline" measures it: neither is a design decision with a reason or an alternative.
    from tradeoff.review.substance import ladder

    goals = (
        "## Design goals\n\n| Goal | Why it matters | Target |\n|---|---|---|\n"
        "| Exact counting | Tenants are billed by it | 99.99% agreement compared to a"
        " single-node counter |\n| Fast checks | Callers wait on every check | p99 under 3 ms"
        " with Redis |\n"
    )
    claims = read_text(goals, catalog.vocabulary.concepts.values())
    assert all(rung.reached == 0 for rung in ladder("tradeoffs", claims))
    assert ladder("api_data", claims)[-1].reached == 0
    # A parameter chosen with its rationale is a decision, wherever its table stands.
    chosen = (
        "## Requirements\n\n| Parameter | Value | Rationale |\n|---|---|---|\n"
        "| Code length | 7 characters | so that 62^7 = 3.5 trillion codes last decades |\n"
    )
    claims = read_text(chosen, catalog.vocabulary.concepts.values())
    assert ladder("tradeoffs", claims)[0].reached > 0


def test_a_pipelines_idempotency_is_no_api_contract(catalog: Catalog) -> None:
    # An index rebuilt idempotently and a result list capped at top-k say nothing of the
    # calls a client makes; an Idempotency-Key on POST and a cursor on GET do.
    from tradeoff.review.substance import ladder

    def contract(text: str) -> float:
        claims = read_text(text, catalog.vocabulary.concepts.values())
        return next(r.reached for r in ladder("api_data", claims) if r.name.startswith("errors"))

    pipeline = (
        "## Failures\n\n- Re-embedding a changed file is an idempotent rebuild of its chunks.\n"
        "- Pagination overflow in search results: cap retrieval to the top 8 passages.\n"
    )
    assert contract(pipeline) == 0
    api = (
        "## API\n\n- POST /answers takes an Idempotency-Key header.\n"
        "- GET /history pages with a cursor.\n"
    )
    assert contract(api) == 1

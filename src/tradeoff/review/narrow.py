"""Narrow concepts read from two things a line says together.

A rubric item whose concepts were coarser than its text credited any line that named the
subject: "Uploads go to object storage through presigned URLs" covered "POST /videos ...
returns a signed upload URL", which asks for the call. Each concept here is what one such
item asks, read from the pair of things its line must say; the coarse concept stays on the
item as a mention (`docs/catalog.md`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tradeoff.estimate.grammar import find_quantities
from tradeoff.language.claims import EDGE, NODE, Claim
from tradeoff.language.literals import SCREEN


def _in_line_or_heading(pattern: re.Pattern[str], claim: Claim) -> bool:
    """Whether the line, or one of the two headings it sits under, says `pattern`."""
    return pattern.search(claim.text) is not None or any(
        pattern.search(h) for h in claim.headings[-2:]
    )


# A call that starts or takes an upload: a write method and a path on a line (or under a
# heading) about the upload ("POST /videos returns a resumable, signed upload URL").
# "Uploads go to object storage through presigned URLs" says how bytes travel but names no
# call, and "GET /videos/{id} returns the manifest URL" is a read.
_WRITE_ENDPOINT = re.compile(r"\b(?:POST|PUT|PATCH)\s+/|-X\s*(?:POST|PUT|PATCH)\b")
_UPLOAD_WORD = re.compile(
    r"\bupload|\bpre-?signed\b|\bsigned ?url|\bmultipart\b|\bresumable\b", re.I
)


# The call said in prose by what it answers: "The Upload Orchestrator returns a signed,
# resumable URL to an Object Store" is the response of the call that starts the upload.
_RETURNS_UPLOAD_URL = re.compile(
    r"\b(?:returns?|returning|issues?|hands? back|responds? with|replies with)\b[^.;]{0,40}?"
    r"\b(?:pre-?signed|signed|upload|resumable)\b[^.;]{0,20}?\burls?\b",
    re.I,
)


# Or by the request made of our own service: "The client requests an upload token from the
# Upload Service", "LB->>API: Request Presigned URL". "Client obtains presigned URLs from an
# object store" asks the store, not the API.
_REQUESTS_UPLOAD_URL = re.compile(
    r"\b(?:request(?:s|ed|ing)?|asks? for)\b[^.;]{0,30}?"
    r"\b(?:pre-?signed|signed|upload)\s+(?:urls?|tokens?)\b",
    re.I,
)
_OUR_SERVICE = re.compile(r"\b(?:api|service|server|backend|gateway)\b", re.I)


def starts_upload(claim: Claim) -> bool:
    if SCREEN.search(_RETURNS_UPLOAD_URL, claim.text) is not None:
        return True
    if SCREEN.search(_REQUESTS_UPLOAD_URL, claim.text) and SCREEN.search(_OUR_SERVICE, claim.text):
        return True
    return SCREEN.search(_WRITE_ENDPOINT, claim.text) is not None and _in_line_or_heading(
        _UPLOAD_WORD, claim
    )


# Pull against push for collecting metrics: a pull (scrape) the line gives a reason, a cost
# or an alternative for ("we scrape targets, which tells us when a host is down", before
# "short-lived jobs push instead" as a clause of its own). "Agents push to a Kafka topic"
# describes one way, and "agents push metrics, or the system scrapes endpoints" names two
# without weighing either.
_PULL = re.compile(r"\bpull(?:s|ed|ing)?\b|\bscrap(?:e|es|ed|ing|er|ers)\b", re.I)


def weighs_pull_and_push(claim: Claim) -> bool:
    if SCREEN.search(_PULL, claim.text) is None:
        return False
    return claim.features.reason or claim.features.alternative or claim.features.cost


# Alerts not sent twice: a line (or heading) about alerts or digests that says how a repeat
# is stopped ("record each (user, job) already alerted; a retried run skips them"). A unique
# (job_id, seeker_id) on applications dedupes applications, not alerts.
_ALERT = re.compile(
    r"\balert(?:s|ed|ing)?\b|\bdigests?\b|\bnotif(?:y|ied|ication|ications)\b", re.I
)
_NOT_TWICE = re.compile(
    r"\bdedup\w*|\bde-dup\w*|\bduplicates?\b|\bidempoten\w*|\balready (?:sent|alerted|notified)"
    r"|\bsent[- ](?:log|table|set)\b|\bnever (?:sent|send|alert\w*|notif\w*) twice"
    r"|\b(?:not|never) (?:re-?)?send\w* (?:it |them )?(?:twice|again)\b|\bat most once\b",
    re.I,
)


def dedupes_alerts(claim: Claim) -> bool:
    return SCREEN.search(_NOT_TWICE, claim.text) is not None and _in_line_or_heading(_ALERT, claim)


# Clients finding a new server when theirs dies: a line that says they reconnect and what
# failed ("If a gateway dies, its clients reconnect to another with jittered backoff").
# "The client retries sends with the same id" retries a message over a live connection.
_RECONNECT = re.compile(r"\breconnect(?:s|ed|ing|ion)?\b|\bre-?establish\w*", re.I)
_SERVER_LOST = re.compile(
    r"\b(?:die[sd]?|dying|crash(?:es|ed)?|fail(?:s|ed|ure)?|goes down|went down|down"
    r"|drop(?:s|ped)?|lost|loss|los(?:e|es|ing)|restart(?:s|ed)?|disconnect\w*)\b",
    re.I,
)


def reconnects_after_failure(claim: Claim) -> bool:
    return SCREEN.search(_RECONNECT, claim.text) is not None and _in_line_or_heading(
        _SERVER_LOST, claim
    )


# Payments left half-done settled by asking the provider: a line about attempts that are
# stuck, pending or in an unknown state that queries, polls or reconciles them with the
# provider ("a sweeper finds attempts AUTHORISING for over a minute and asks the PSP").
# "A payment service writes a row, then calls the processor" is the happy path.
_STUCK = re.compile(
    r"\bstuck\b|\bpending\b|\bin[- ]flight\b|\bunknown (?:state|status|outcome)"
    r"|\bauthori[sz]ing\b|\btimed? ?outs?\b|\btimes out\b|\bhalf[- ]done\b|\bcrash\w*",
    re.I,
)
_ASKS_PROVIDER = re.compile(
    r"\b(?:quer(?:y|ies|ied|ying)|poll(?:s|ed|ing)?|asks?|check(?:s|ed|ing)?|reconcil\w*"
    r"|look(?:s|ed)? up)\b[^.;]{0,40}\b(?:provider|psp|processor|stripe|adyen|acquirer|gateway)"
    r"|\bwebhooks?\b",
    re.I,
)


def recovers_stuck_payments(claim: Claim) -> bool:
    return (
        SCREEN.search(_STUCK, claim.text) is not None
        and SCREEN.search(_ASKS_PROVIDER, claim.text) is not None
    )


# Id schemes weighed: two of them named on a line, or one with what it costs or instead of
# what ("UUIDs would avoid coordination but are 128 bits and not sortable"). "Snowflake
# layout: 41 bits of milliseconds ..." lays one out and weighs nothing.
_ID_SCHEME = re.compile(
    r"\bsnowflake|\buuid|\bulid|\bksuid|\bticket (?:server|service)|\bauto[- ]?increment"
    r"|\bdatabase sequence|\bflickr",
    re.I,
)


def weighs_id_schemes(claim: Claim) -> bool:
    named = {m.group(0).lower()[:5] for m in SCREEN.finditer(_ID_SCHEME, claim.text)}
    if len(named) >= 2:
        return True
    return bool(named) and (claim.features.cost or claim.features.alternative)


# Bits moved between an id's fields and what that buys or costs: "more worker bits allow
# more generators but fewer sequence bits per millisecond". A layout states sizes only.
_MORE_BITS = re.compile(r"\b(?:more|fewer|extra|less|an extra)\b[^.;]{0,25}?\bbits?\b", re.I)
_BITS_BUY = re.compile(
    r"\b(?:allows?|lets?|gives?|means?|shortens?|supports?|lifetime|years|limits?|caps?)\b", re.I
)


def weighs_bit_split(claim: Claim) -> bool:
    if SCREEN.search(_MORE_BITS, claim.text) is None:
        return False
    f = claim.features
    return f.cost or f.alternative or SCREEN.search(_BITS_BUY, claim.text) is not None


# A millisecond's sequence numbers running out, and what the generator does then: "if the
# sequence overflows within a millisecond, the generator waits for the next one".
_SEQUENCE = re.compile(r"\bsequence|\bcounter", re.I)
_RUNS_OUT = re.compile(
    r"\boverflow\w*|\bexhaust\w*|\bruns? out\b|\bused up\b|\bwraps?\b|\ball [\d,]+\b", re.I
)
_THEN = re.compile(r"\bwaits?\b|\bnext milli\w*|\bblocks?\b|\bspins?\b|\bsleeps?\b", re.I)


def handles_sequence_overflow(claim: Claim) -> bool:
    text = claim.text
    return bool(
        SCREEN.search(_SEQUENCE, text)
        and SCREEN.search(_RUNS_OUT, text)
        and SCREEN.search(_THEN, text)
    )


# How many partitions, weighed: a line about the partition count, or adding partitions,
# with what it buys or costs ("more partitions allow more consumers but lengthen
# failover"). "Messages with the same key go to the same partition" places keys.
_PARTITION_COUNT = re.compile(
    r"\b(?:more|fewer|many|adding|add|number of|count of|too many)\b[^.;]{0,20}?\bpartitions\b"
    r"|\bpartition count",
    re.I,
)
_PARTITIONS_BUY = re.compile(
    r"\ballows?\b|\bcosts?\b|\bbut\b|\bthroughput|\bparallelism|\bfailover|\bmoves? keys"
    r"|\bbreaks?\b|\bmetadata|\bopen files|\brebalanc\w*",
    re.I,
)


def weighs_partition_count(claim: Claim) -> bool:
    return bool(
        SCREEN.search(_PARTITION_COUNT, claim.text) and SCREEN.search(_PARTITIONS_BUY, claim.text)
    )


# When a consumer commits its offset against when it processes: "offsets are committed
# after processing, so a crash redelivers" is at-least-once. "Consumers track offsets in
# a consumer group" says where offsets live, and "at-least-once delivery" the guarantee.
_COMMIT_ORDER = re.compile(
    r"\bcommit\w*[^.;]{0,40}?\b(?:after|before|once)\b[^.;]{0,30}?"
    r"\b(?:process\w*|handl\w*|done|finish\w*|work)"
    r"|\bprocess\w*[^.;]{0,40}?\b(?:then|before|after)\b[^.;]{0,20}?\bcommit\w*",
    re.I,
)


def orders_commit_and_processing(claim: Claim) -> bool:
    return SCREEN.search(_COMMIT_ORDER, claim.text) is not None


# Text input beyond a keyboard and left-to-right: IME composition, right-to-left text, touch
# targets and the on-screen keyboard. An ARIA listbox is accessibility for a keyboard.
_IME_AND_TOUCH = re.compile(
    r"\bcomposition(?:start|end|update)?\b|\biscomposing\b|\bIMEs?\b|\bright-to-left\b"
    r"|\bRTL\b|\btouch targets?\b|\bon-screen keyboard|\bvirtual keyboard|\bsoft keyboard",
    re.I,
)


def handles_ime_and_touch(claim: Claim) -> bool:
    return SCREEN.search(_IME_AND_TOUCH, claim.text) is not None


# Structural edits reconciled with the edits made at the same time: "operational transform
# for row and column inserts", "an edit to a deleted row is dropped", "references to a
# deleted row become #REF!". "Last writer wins per cell" settles two edits of one cell,
# not a row inserted above someone's edit.
_STRUCTURAL = re.compile(
    r"\b(?:rows?|columns?)(?: (?:and|or|/) (?:rows?|columns?))?\s+(?:inserts?|deletes?|insertions?"
    r"|deletions?|moves?)\b|\b(?:insert(?:s|ed|ing)?|delet(?:e|es|ed|ing))\s+(?:a\s+|the\s+)?"
    r"(?:rows?|columns?)\b|\bdeleted (?:rows?|columns?)\b|#REF!?",
    re.I,
)
_RECONCILED = re.compile(
    r"\btransform\w*|\brebas\w*|\bshift\w*|\bremap\w*|\bdropp?\w*|#REF|\bstable (?:row|column)"
    r" ids?\b",
    re.I,
)


def reconciles_structural_edits(claim: Claim) -> bool:
    text = claim.text
    return bool(SCREEN.search(_STRUCTURAL, text) and SCREEN.search(_RECONCILED, text))


# The database behind a cache and what it can take without it: "Postgres absorbs about 250K
# reads/s, so a cold cache would overload it", "how many reads can the database absorb?".
# "99.99% availability for reads" is a target for the cache, not the load it keeps off.
_BEHIND = re.compile(
    r"\b(?:databases?|db|dbs|origin|backing store|source of truth|postgres\w*|mysql)\b", re.I
)
_ABSORBS = re.compile(
    r"\babsorb\w*|\boverload\w*|\bfall(?:s)? over\b|\bmelt\w*|\bknock\w* (?:it )?over\b"
    r"|\bcan (?:take|handle|serve|sustain)\b|\bheadroom\b|\bload-bearing\b|\bcapacity\b",
    re.I,
)
_CACHED = re.compile(r"\bcach\w*|\bmiss(?:es)?\b|\bhit (?:ratio|rate)\b|\bcold\b", re.I)


def weighs_load_behind_cache(claim: Claim) -> bool:
    text = claim.text
    return bool(
        SCREEN.search(_BEHIND, text)
        and SCREEN.search(_ABSORBS, text)
        and SCREEN.search(_CACHED, text)
    )


# A second provider to fail over to: "a second SMS provider takes over when Twilio fails",
# "fail over to the backup email vendor". One provider per channel fails over to nothing.
_OTHER_PROVIDER = re.compile(
    r"\b(?:second|backup|fallback|secondary|alternate|another|standby)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:providers?|vendors?|gateways?|carriers?)\b"
    r"|\b(?:fail(?:s|ed|ing)?\s+over|switch(?:es|ed|ing)?)\s+(?:to\s+)?(?:the\s+|a\s+)?"
    r"(?:other|another|second|backup|next)\s+(?:[\w-]+\s+)?(?:providers?|vendors?)\b"
    r"|\b(?:two|2|multiple|several)\s+(?:sms\s+|email\s+|push\s+)?(?:providers|vendors)\b",
    re.I,
)


def fails_over_to_another_provider(claim: Claim) -> bool:
    return SCREEN.search(_OTHER_PROVIDER, claim.text) is not None


# A retry policy beyond backing off: what is never retried (a permanent error, an invalid
# token, a hard bounce), where a message goes after the last try (a dead-letter queue), or
# when it stops being worth sending (an expiry). "The push workers back off" is a backoff.
_RETRY_LIMITS = re.compile(
    r"\bdead[- ]letter|\bdlq\b|\bpermanent (?:errors?|failures?)|\bno retr(?:y|ies) on\b"
    r"|\bnever retr(?:y|ied)\b|\bhard bounces?\b|\binvalid tokens?\b"
    r"|\b(?:expir\w*|ttl|deadline)\b[^.;]{0,40}\b(?:drop\w*|discard\w*|stale|late)\b"
    r"|\bmax(?:imum)? (?:of )?\d+ (?:retries|attempts)\b"
    r"|\b(?:after|up to) \d+ (?:retries|attempts)\b",
    re.I,
)


def bounds_its_retries(claim: Claim) -> bool:
    return SCREEN.search(_RETRY_LIMITS, claim.text) is not None


# The size of what idempotency keeps: "90M keys a day x 2 KB of stored response x 24 h is
# about 180 GB". A payment row's size ("1 KB with its events, 20 GB a day") sizes payments.
_IDEMPOTENT = re.compile(r"\bidempoten\w*|\bdedup\w*\s+(?:keys?|records?|store|table)", re.I)


def sizes_idempotency_store(claim: Claim) -> bool:
    if SCREEN.search(_IDEMPOTENT, claim.text) is None:
        return False
    return any(f.dims[1] == 1 for f in find_quantities(claim.text))


# A leader lost and replaced: "if the leader dies, Raft elects a new one within seconds".
# A lock held "with a lease" names the word every lease line shares with leader election.
_LEADER = re.compile(r"\bleaders?\b", re.I)
_NEW_LEADER = re.compile(
    r"\belect\w*|\bnew leader|\bpromot\w*|\btakes? over\b|\bfail(?:s|ed)? over\b", re.I
)


def replaces_a_lost_leader(claim: Claim) -> bool:
    text = claim.text
    return bool(
        SCREEN.search(_LEADER, text)
        and SCREEN.search(_SERVER_LOST, text)
        and SCREEN.search(_NEW_LEADER, text)
    )


# Asking an upload what it already holds, to resume: a read of the session ("GET
# /uploads/{id} returns the parts received") or a resume that learns the offset or the
# missing parts. "POST /uploads returns an upload_id" starts the upload.
_READ_CALL = re.compile(r"\b(?:GET|HEAD)\s+/", re.I)
# Field names count as words: "{received_parts: [1,2,5]}", "uploadedParts", "parts_done".
_HELD = re.compile(
    r"(?<![a-z])parts?(?![a-z])[^.;]{0,30}?(?<![a-z])(?:received|stored|uploaded|present"
    r"|missing|done|have|has)(?![a-z])"
    r"|\boffset\b|(?<![a-z])(?:missing|received|uploaded|stored)[ _-]?(?:parts|chunks|bytes)"
    r"(?![a-z])|\brange\b",
    re.I,
)
# Sending again only what is missing is the resume: "the client resends the missing ones".
_RESUME = re.compile(r"\bresum\w*|\bre-?send\w*", re.I)


# The call that closes an upload, written out: "POST /v1/uploads/{id}/complete -> 200 ...".
_COMPLETE_CALL = re.compile(r"\b(?:POST|PUT)\s+\S*/complete\b")


def completes_upload(claim: Claim) -> bool:
    return SCREEN.search(_COMPLETE_CALL, claim.text) is not None


def reads_upload_status(claim: Claim) -> bool:
    text = claim.text
    if SCREEN.search(_HELD, text) is None:
        return False
    return SCREEN.search(_READ_CALL, text) is not None or SCREEN.search(_RESUME, text) is not None


# Redirects served from several regions or zones: a line that names regions or zones (or
# stands under a heading that does) and says what runs there for the readers (reads
# served, geo-routed, readers sent to the nearest, active-active). A failover to a standby region
# replaces the one region that serves; "2 ticket servers in different AZs" keeps an id
# service up, "a warm pool of containers per AZ" cuts cold starts, and "billions of rows +
# multi-region ... makes a KV store a better fit" weighs a store: none says where redirects
# are served from.
_REGIONS = re.compile(
    r"\bregions?\b|\bregional(?:ly)?\b|\bmulti-?region\b|\bcross-?region\b|\bzones?\b|\bazs?\b"
    r"|\bmulti-?az\b|\bgeo-?(?:dns|routing|distributed|replicat\w*)\b|\banycast\b|\bgslb\b",
    re.I,
)
_SERVED_THERE = re.compile(
    r"\bredirects?\b|\blocal reads?\b|\breads? (?:from|locally)\b|\bserv(?:e|es|ed|ing)\b"
    r"|\bgeo-?(?:dns|rout\w*)\b|\blatency-based\b|\bactive-active\b|\bnearest\b"
    r"|\bclosest\b|\bof (?:the )?(?:read )?traffic\b|\bpops?\b|\bedge locations?\b|\bcdn\b",
    re.I,
)


# The concept's own name says both words the check looks for: "Served from each region is
# an important part of the overall picture" names it and states nothing.
_SERVED_NAME = re.compile(r"\bserved from (?:every|each) region\b", re.I)


def serves_from_regions(claim: Claim) -> bool:
    """The regions may be named by the heading ("Multi-region model" over "- active-active
    redirects"). The concept's name alone is no statement: something else on the line must
    say what is served or where ("Redirects are served from each region")."""
    if not (_in_line_or_heading(_REGIONS, claim) and SCREEN.search(_SERVED_THERE, claim.text)):
        return False
    rest = _SERVED_NAME.sub(" ", claim.text)
    return rest == claim.text or bool(_REGIONS.search(rest) or _SERVED_THERE.search(rest))


# A zone's loss survived: a line that puts the copies or fragments of an object in several
# zones ("8+4 fragments across 3 AZs", "3 replicas, each in a different AZ"), or says what
# still works when a zone is lost ("AZ outage: reads continue from the other two").
# "12 regions, each with 3 AZs" lays out the fleet, and an arrow to "Availability Zone 1" in
# a diagram draws one; neither says what a zone's loss leaves.
_ZONE = re.compile(r"\b(?:zones?|azs?|multi-az|cross-az)\b", re.I)
_COPIES_ACROSS = re.compile(
    r"\b(?:fragments?|chunks?|shards?|replicas?|copies|parity|replicated|stripes?)\b[^.;]{0,60}?"
    r"\b(?:across|per|in each|each in|different|distinct|separate|spread)\b[^.;]{0,30}?"
    r"(?<!power )\b(?:zones?|azs?)\b"  # a rack's power zone is inside one site
    r"|\bcross-az (?:replication|copies|placement)\b",
    re.I,
)
_ZONE_LOST = re.compile(
    r"\b(?:zones?|azs?)\b[^.;]{0,20}?\b(?:loss|lost|outage|failure|fails|down)\b"
    r"|\b(?:los(?:e|es|ing|t)|survives?|tolerat\w*|withstand\w*)\b[^.;]{0,40}?\b(?:zones?|azs?)\b",
    re.I,
)
_STILL_WORKS = re.compile(
    r"\b(?:continu\w*|still|remains?|surviv\w*|tolerat\w*|reroute\w*|rerouted|healthy|quorum"
    r"|readable|serv(?:e|es|ed|ing)|leaves)\b",
    re.I,
)


# The metadata's own replicas ("each metadata shard is a Raft group, one replica per AZ")
# keep the index up, and so does "- survive 1 AZ loss" under a metadata heading; the item
# asks where an object's bytes are.
_METADATA = re.compile(r"\bmetadata\b|\braft\b|\bpaxos\b", re.I)


def survives_a_zone_loss(claim: Claim) -> bool:
    if claim.kind in (NODE, EDGE):
        return False
    text = claim.text
    if _in_line_or_heading(_METADATA, claim):
        return False
    if SCREEN.search(_COPIES_ACROSS, text):
        return True
    lost = SCREEN.search(_ZONE_LOST, text)
    if lost is None:
        return False
    # What still works is said apart from the loss: in "survive an AZ loss" (the concept's
    # own name, "Survive an az loss plays a key role here.") one "survive" was both.
    rest = text[: lost.start()] + " " + text[lost.end() :]
    return SCREEN.search(_STILL_WORKS, rest) is not None


# The metadata committed only once the data is durable: a line that orders the metadata's
# commit (written, updated, made visible) after the data's writes ("Once all chunks are
# safely written, the Gateway constructs the metadata record", "Only AFTER the data is on
# disk does the Gateway tell the Metadata DB"). "Strong reads go to the Raft leader" and
# "the metadata service is a strongly consistent store" state a consistency, no order.
_META = re.compile(r"\bmetadata\b|\bobjectmeta\b|\bmanifest\b|\bobject record\b", re.I)
_COMMITS = re.compile(
    r"\bcommit\w*|\bwrit(?:e|es|ten|ing)\b|\bupdat\w*|\bvisible\b|\bcreat\w*|\bconstructs?\b"
    r"|\bsends?\b|\btells?\b|\bmark(?:s|ed)?\b|\bpublish\w*",
    re.I,
)
_AFTER = re.compile(r"\bonce\b|\bafter\b|\buntil\b|\bthen\b|\bwithout\b", re.I)


def commits_metadata_after_data(claim: Claim) -> bool:
    if claim.kind in (NODE, EDGE):
        return False
    text = claim.text
    return bool(
        SCREEN.search(_META, text) and SCREEN.search(_COMMITS, text) and SCREEN.search(_AFTER, text)
    )


# Templates filled by the service: a line about templates that says what they are filled
# with or kept per ("Callers pass a template id and parameters; we render the text",
# "templates are versioned per channel and language", "the worker renders the template in
# the user's language"). "Templates are stored in a template service so marketing can edit
# them" says where they live and who edits them, not how a message is made from one.
_TEMPLATE = re.compile(r"\btemplat\w*", re.I)
_FILLED = re.compile(
    r"\bparam(?:s|eters?)\b|\bplaceholders?\b|\bvariables?\b|\brender(?:s|ed|ing)?\b"
    r"|\blocales?\b|\blanguages?\b|\bi18n\b|\blocali[sz]\w*|\btranslat\w*"
    r"|\bper channel\b|\bversion(?:s|ed|ing)?\b",
    re.I,
)


def fills_templates(claim: Claim) -> bool:
    return bool(SCREEN.search(_FILLED, claim.text)) and _in_line_or_heading(_TEMPLATE, claim)


# A target for playback: a line about playing video (playback, first frame, rebuffering,
# viewers, streaming) with a time it must start within ("Video starts playing within 2 s
# at p95", "TTFF < 1.5 s"), or a rebuffering ratio with its bound ("rebuffering under
# 1%"). "Redis stores hot counters (view-count) with 10-ms update latency" bounds a counter,
# "Startup latency (~30 s) for GPU pods" a transcoder, and "4-6 second segments" or "a 2-3
# second buffer" size the stream, not how soon it plays.
_PLAYBACK = re.compile(
    r"\bplay(?:back|ing|s|er|ers)?\b|\bfirst[- ]frame\b|\bttff\b|\brebuffer\w*"
    r"|\bviewers?\b|\bstreaming\b|\bvideo (?:starts?|start-?up|loads?)\b",
    re.I,
)
# (Not an interval: "heartbeats every 10 seconds of playback" says how often, not how soon.)
_WITHIN_TIME = re.compile(
    r"(?<!every )(?<!each )\d[\d.,]*\s*(?:ms|milliseconds?|s|secs?|seconds?)\b"
    r"(?![\s-]*(?:segments?|chunks?|windows?|buffers?|intervals?|of\b))",
    re.I,
)
_REBUFFER_RATIO = re.compile(r"\b(?:rebuffer\w*|stall\w*)\b[^.;]{0,40}?\d[\d.,]*\s*%", re.I)


def states_playback_target(claim: Claim) -> bool:
    text = claim.text
    if SCREEN.search(_PLAYBACK, text) is None:
        return False
    return bool(SCREEN.search(_WITHIN_TIME, text) or SCREEN.search(_REBUFFER_RATIO, text))


# Two parties after the same thing, and what becomes of each: "So two users on seat F7:
# one update wins, the other sees 0 rows and is told at once". Naming the two alone ("two
# users often pick the same seat") states the problem, not how it plays out.
_TWO_PARTIES = re.compile(
    r"\btwo (?:users|people|customers|buyers|clients|requests|threads|callers|writers"
    r"|transactions|servers|workers|instances|drivers|riders)\b",
    re.I,
)
_ONE_WINS = re.compile(
    r"\bone\b[^.;]{0,40}?\b(?:wins?|succeeds?|gets? (?:it|the \w+)|goes through|commits?)\b",
    re.I,
)
_OTHER_LOSES = re.compile(
    r"\b(?:the )?other\b[^.;]{0,60}?\b(?:sees?|gets?|is told|fails?|loses?|is rejected"
    r"|receives?|retries|waits?|blocks?)\b",
    re.I,
)


def walks_a_race(claim: Claim) -> bool:
    text = claim.text
    return bool(
        SCREEN.search(_TWO_PARTIES, text)
        and SCREEN.search(_ONE_WINS, text)
        and SCREEN.search(_OTHER_LOSES, text)
    )


# The latest writes lost when a copy takes over, said by what it does rather than "async
# replication": "possible small state loss during primary failover", "During failover, some
# recently spent tokens may be forgotten". "No data is lost during failover" denies it.
_FAILOVER_LOSS = re.compile(
    r"\b(?:during|after|on|in|across)\s+(?:an?\s+|the\s+)?(?:primary\s+|leader\s+)?"
    r"fail-?overs?\b[^.;]{0,80}?\b(?:lost|lose|loses|losing|forgotten|forgets|missing|miss"
    r"|misses|rolled back)\b"
    r"|\b(?:loss|lost|lose|loses|losing|forgotten|forgets|missing|miss|misses)\b[^.;]{0,60}?"
    r"\b(?:during|after|on|in)\s+(?:an?\s+|the\s+)?(?:primary\s+|leader\s+)?fail-?overs?\b",
    re.I,
)
_DENIED = re.compile(r"\b(?:no|never|not|without|zero|nothing|none)\b", re.I)


def loses_writes_on_failover(claim: Claim) -> bool:
    text = claim.text
    found = SCREEN.search(_FAILOVER_LOSS, text)
    return found is not None and _DENIED.search(text[: found.end()]) is None


# Money as whole numbers of its smallest unit, said as the design's rule: "Amounts are
# integers in the minor unit (cents) with an ISO currency code", "prices are stored as
# integer cents". "Amounts in cents" alone names the unit and no type.
_INTEGER_MONEY = re.compile(
    r"\b(?:amounts?|prices?|money|balances?|totals?|values?)\b[^.;]{0,40}?\b(?:are|is|as|in)\s+"
    r"(?:an?\s+)?(?:64-bit\s+)?(?:integers?|ints?|int64|longs?|bigints?|whole numbers?)\b"
    r"[^.;]{0,40}?\b(?:minor units?|cents|pence|smallest (?:currency )?unit)",
    re.I,
)


def states_integer_money(claim: Claim) -> bool:
    return SCREEN.search(_INTEGER_MONEY, claim.text) is not None


# A front end's parts named as its code names them, each with what it owns or draws:
# "SearchBox owns the input text and the open/closed state", "SuggestionList renders the
# items", "a useSuggestions hook fetches".
_NAMED_PART = re.compile(
    r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b[^.;]{0,30}?\b(?:renders?|owns|draws)\b"
    r"|\buse[A-Z][A-Za-z]+\s+hook\b"
)


def names_front_end_parts(claim: Claim) -> bool:
    return SCREEN.search(_NAMED_PART, claim.text) is not None


# Each detector with the patterns one of which must match the line before it can say yes
# (the first thing it searches for), and the concept it finds.
_DETECTORS: tuple[tuple[tuple[re.Pattern[str], ...], Callable[[Claim], bool], str], ...] = (
    ((_RETURNS_UPLOAD_URL, _REQUESTS_UPLOAD_URL, _WRITE_ENDPOINT), starts_upload,
     "upload-endpoint"),
    ((_PULL,), weighs_pull_and_push, "pull-or-push"),
    ((_NOT_TWICE,), dedupes_alerts, "alert-dedup"),
    ((_RECONNECT,), reconnects_after_failure, "reconnect-after-failure"),
    ((_STUCK,), recovers_stuck_payments, "stuck-payment-recovery"),
    ((_ID_SCHEME,), weighs_id_schemes, "id-scheme-comparison"),
    ((_MORE_BITS,), weighs_bit_split, "id-bit-tradeoff"),
    ((_SEQUENCE,), handles_sequence_overflow, "sequence-overflow"),
    ((_PARTITION_COUNT,), weighs_partition_count, "partition-count-tradeoff"),
    ((_COMMIT_ORDER,), orders_commit_and_processing, "commit-after-processing"),
    ((_IME_AND_TOUCH,), handles_ime_and_touch, "ime-and-touch"),
    ((_STRUCTURAL,), reconciles_structural_edits, "structural-edit-transform"),
    ((_BEHIND,), weighs_load_behind_cache, "load-behind-cache"),
    ((_OTHER_PROVIDER,), fails_over_to_another_provider, "provider-failover"),
    ((_RETRY_LIMITS,), bounds_its_retries, "retry-policy"),
    ((_IDEMPOTENT,), sizes_idempotency_store, "idempotency-store-size"),
    ((_LEADER,), replaces_a_lost_leader, "leader-reelection"),
    ((_HELD,), reads_upload_status, "upload-resume-status"),
    ((_COMPLETE_CALL,), completes_upload, "upload-completion"),
    ((_SERVED_THERE,), serves_from_regions, "regional-serving"),
    ((_ZONE,), survives_a_zone_loss, "zone-loss-survival"),
    ((_META,), commits_metadata_after_data, "metadata-after-data"),
    ((_FILLED,), fills_templates, "rendered-templates"),
    ((_PLAYBACK,), states_playback_target, "playback-target"),
    ((_TWO_PARTIES,), walks_a_race, "race-walkthrough"),
    ((_FAILOVER_LOSS,), loses_writes_on_failover, "replication-lag"),
    ((_INTEGER_MONEY,), states_integer_money, "minor-units"),
    ((_NAMED_PART,), names_front_end_parts, "component-architecture"),
)  # fmt: skip
_GATES = tuple(gate for gate, _, _ in _DETECTORS)


def narrow_concepts(claim: Claim) -> set[str]:
    """The narrow concepts (of this module) the claim specifies. Most claims hold the words
    of none of the detectors' first patterns: one look-up of the screen's answer for the
    text (`SCREEN.may_match_each`) skips them all, where calling each of the eighteen to
    have its first search skipped cost about 10 µs a claim."""
    found: set[str] = set()
    gates = SCREEN.may_match_each(_GATES, claim.text)
    if not any(gates):
        return found
    for (_, detector, concept), gate in zip(_DETECTORS, gates, strict=True):
        if gate and detector(claim):
            found.add(concept)
    return found


# Most claims hold none of the words these need: one literal screen skips them (see
# tradeoff.language.literals); a review reads every claim through every detector.
SCREEN.add(
    _NAMED_PART,
    _INTEGER_MONEY,
    _FAILOVER_LOSS,
    _TWO_PARTIES,
    _ONE_WINS,
    _OTHER_LOSES,
    _PLAYBACK,
    _WITHIN_TIME,
    _REBUFFER_RATIO,
    _FILLED,
    _TEMPLATE,
    _ABSORBS,
    _META,
    _COMMITS,
    _AFTER,
    _ZONE,
    _METADATA,
    _COPIES_ACROSS,
    _ZONE_LOST,
    _STILL_WORKS,
    _REGIONS,
    _SERVED_THERE,
    _COMPLETE_CALL,
    _IDEMPOTENT,
    _OTHER_PROVIDER,
    _RETRY_LIMITS,
    _ASKS_PROVIDER,
    _BEHIND,
    _CACHED,
    _RECONCILED,
    _STRUCTURAL,
    _BITS_BUY,
    _COMMIT_ORDER,
    _HELD,
    _ID_SCHEME,
    _IME_AND_TOUCH,
    _LEADER,
    _MORE_BITS,
    _NEW_LEADER,
    _NOT_TWICE,
    _OUR_SERVICE,
    _PARTITIONS_BUY,
    _PARTITION_COUNT,
    _PULL,
    _READ_CALL,
    _RECONNECT,
    _REQUESTS_UPLOAD_URL,
    _RESUME,
    _RETURNS_UPLOAD_URL,
    _RUNS_OUT,
    _SEQUENCE,
    _SERVER_LOST,
    _STUCK,
    _THEN,
    _WRITE_ENDPOINT,
)

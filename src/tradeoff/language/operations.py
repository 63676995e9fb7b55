"""Operational substance in one clause: failure responses, monitoring signals, controls, retries.

A design that *names* monitoring, replication or security has said nothing an interviewer
can check. What counts is the specific thing: a failure paired with what the system then
does, a metric with a threshold and an action, a named control, a retried write made safe.
Each detector reads one sentence, list item or table row (the caller splits the text) and
returns the spans it found, so the reviewer can cite them and the interviewer can ask about
what is missing. They are pure functions over text: no catalog, no design model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tradeoff.language.claims import plain_typography
from tradeoff.language.literals import SCREEN
from tradeoff.text_caches import per_text

# Each detector's stems: a cheap pre-check, answered for all of them in one pass over a
# clause (`SCREEN.holds`, exactly `any(stem in text.lower() ...)`); most clauses hold none.
_TRIGGER_STEMS = ("fail", "down", "die", "crash", "outage", "time", "unavailab", "unreach",
                  "unrespons", "partition", "split", "overload", "saturat", "lost", "lose",
                  "corrupt", "stale", "behind", "spike", "exhaust", "full", "stall", "hang",
                  "error", "slow", "degrad", "power", "fire alarm", "overweight",
                  "jam", "clock", "overflow", "drop", "dead", "declin",
                  "offline", "cannot be", "can't be", "could not be")  # fmt: skip

# --- failures and responses ------------------------------------------------------------

# What goes wrong: a component failing, timing out, being lost or overloaded.
_TRIGGER = re.compile(
    r"(?=[abcdefghijlnopstuw])"  # first characters (see language/lexicon.py)
    # "fail open", "fails over", "fail-fast" name what the system does, not what went wrong.
    r"\b(?:(?:fails?|failed|failing)\b(?![- ](?:open|closed|over|fast|safe|static)\b)|failures?"
    r"|(?:goes|went|is|are|being|shuts?|taken)\b"
    r"(?:[\w ]{0,15}\bor)? down|down\b(?=\s*(?:[:|]|->|→))"
    r"|dies|died|crash(?:es|ed)?|outages?|times? out|timed out|timeouts?|unavailable"
    r"|unreachable|unresponsive|partition(?:ed)?\b(?=.*\bnetwork\b)|network partitions?"
    r"|split[- ]brain|overload(?:ed)?|saturat(?:ed|es)|(?:is|are|gets?) lost|loses?"
    # "a lost disk's fragments are rebuilt": the adjective names the failure too
    r"|lost (?:disks?|drives?|nodes?|servers?|replicas?|shards?|zones?|machines?|hosts?"
    r"|brokers?|racks?)\b"
    r"|corrupt(?:ed|ion)?|stale|lag(?:s|ging)? behind|falls? behind|spikes?|exhausted"
    r"|(?:is|are|gets?|becomes?) full\b|stalls?|hangs?"
    # "page when provider error rate exceeds 5%": the name of a metric watched, not a failure
    r"|errors?\b(?![- ](?:rates?|ratios?|budgets?|counts?|percentages?)\b)"
    # "if Redis is slow, the gateway falls back": a slow dependency is a failure too
    r"|(?:is|are|gets?|becomes?|goes|turns?) (?:too |very )?(?:slow|degraded)\b|slows? down"
    # A machine's own failures, in the object-oriented prompts: "Power loss: cars stop at the
    # nearest floor", "Fire alarm: all cars go to the ground floor", "a jammed coil".
    r"|power (?:loss|failures?|outages?|cuts?)|loses? power|fire alarms?|overweight"
    r"|jam(?:s|med)?\b"
    # A generator's own failures: "the clock moves backwards (NTP step)", "the sequence
    # overflows within a millisecond".
    r"|clocks? (?:moves?|goes|jumps?|steps?|runs?) back(?:wards?)?|overflows?\b"
    # A link that breaks: "if the connection drops, the client resumes from the last part";
    # "drop the request" or "latency drops" is no failure of a connection.
    r"|(?:connections?|network|links?|sessions?) (?:drops?|dropped|is dropped)\b"
    r"|dropped (?:connections?|links?|sessions?)\b"
    # A device with no network: "works offline", "when the phone is offline". (An "offline
    # job" or an index "built offline" runs in batch; nothing has failed.)
    r"|(?:is|are|goes|go|went|when|while|if|being|stays?|works?|working|usable) offline\b"
    # A part that has stopped, by the adjective: "a dead phone drops out of matching". (A
    # "dead letter queue" is where failed work goes, an answer: `_RESPONSE`.)
    r"|dead (?:phones?|devices?|nodes?|servers?|hosts?|workers?|replicas?|shards?|machines?"
    r"|brokers?|clients?|apps?|connections?|instances?|leaders?|primar(?:y|ies)|drivers?)\b"
    # An offer turned down or left unanswered, in a matching or assignment flow: "if they
    # decline or time out, we offer the next driver".
    r"|declin(?:es?|ed|ing)\b(?= (?:or|the offer|it|an offer))"
    r"|(?:they|driver|drivers|worker|workers) declines?\b"
    # Work that cannot be done: "dead letter queues for messages that cannot be processed".
    r"|(?:cannot|can't|could not) be (?:processed|delivered|parsed|handled|applied)\b)",
    re.I,
)
# Work moved to a peer of the part that failed: "route new payments to the other one",
# "switch reads to the standby", "send traffic to a healthy region". A peer is named by
# what sets it against the failed part (the other, a backup, a healthy one); "routes
# requests to the nearest region" chooses among peers that are all up.
_TO_PEER = (
    r"(?:rout(?:e[sd]?|ing)|send(?:s|ing)?|sent|switch(?:es|ed|ing)?|mov(?:e[sd]?|ing)"
    r"|shift(?:s|ed|ing)?|redirect(?:s|ed|ing)?|fail(?:s|ed|ing)? over)"
    r"\s+(?:[\w'-]+\s+){0,3}?(?:to|onto)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:other|another|second|backup|standby|secondary|healthy|spare|surviving)\b"
)
# What the system does about it: a concrete action, not "is handled" or "ensures".
_RESPONSE = re.compile(
    r"(?=[\dabcdefghiklmopqrstuw])"  # first characters (see language/lexicon.py)
    r"\b(?:fall(?:s|ing)? back|fallback|fail(?:s|ing)?[- ](?:over|open|closed)|failover"
    # "the controller picks a new leader from the ISR": an election in plain words
    r"|(?:picks?|picked|chooses?|chose|selects?|selected) an? new (?:leader|primary|master)"
    r"|becomes? (?:the )?new (?:leader|primary|master)"
    # "if it dies everyone reconnects to another and reloads from the snapshot"
    r"|reconnect(?:s|ed|ing)? to|reload(?:s|ed|ing)? (?:it )?from"
    r"|promot(?:e|es|ed|ing)|elect(?:s|ed)?|re-?elect\w*|retr(?:y|ies|ied)|re-?route\w*"
    r"|route[sd]? (?:to|around|away)|redirect\w*|serv(?:e|es|ed) (?:from|stale|cached)"
    r"|degrad(?:e|es|ed) to|return(?:s|ed)? (?:a |an )?(?:\d{3}|error|cached|stale|default)"
    r"|respond(?:s|ed)? with \d{3}|\d{3} (?:with|and) retry-after|reject(?:s|ed)?|drop(?:s|ped)?"
    r"|shed(?:s|ding)?|buffer(?:s|ed)?|queue(?:s|d)? (?:locally|the|it|them|writes)"
    r"|replay(?:s|ed)?|rebuil(?:d|ds|t)|re-?hydrat\w*|restor(?:e|es|ed)|recover(?:s|ed)? from"
    # Lost copies made again, and work carried on from what is still held: "schedules
    # reconstruction from surviving fragments", "gateways keep using their local leases".
    # What is needed "to reconstruct", or fails "before repair", is arithmetic, not an answer.
    r"|(?<!to )(?<!before )(?<!-)(?:reconstruct\w*|repair(?:s|ed|ing)?(?! window))"
    r"|re-?replicat\w*|(?:keeps?|continues?) (?:to )?"
    r"(?:serv(?:e|ing)|us(?:e|ing)|run(?:ning)?|accept(?:ing)?|admit(?:ting)?|work(?:ing)?)"
    r"|restart(?:s|ed)?|reschedul\w*|re-?assign\w*|re-?queue\w*|re-?deliver\w*"
    r"|dead[- ]letter|dlq|switch(?:es|ed)? to|take[sn]? over|circuit breaker|trip(?:s|ped)?"
    r"|open(?:s|ed)? the (?:circuit|breaker)|back(?:s)? off|throttl\w*|evict\w*|skip(?:s|ped)?"
    r"|resum(?:e|es|ed)|reconcil\w*|re-?sync\w*|page[sd]?\b|alert(?:s|ed)?"
    # What an offline client does once the link is back: "syncs when a connection
    # returns", "uploads queued edits once the network is back".
    # So is work held back until a failed part returns: "outbox rows wait in Postgres and
    # are published when it comes back".
    r"|(?:syncs?|synced|syncing|uploads?|sends?|sent|pushes?|flush(?:es|ed)?|published"
    r"|delivered|processed)\b[^.;]{0,30}?"
    r"\b(?:when|once|after|as soon as) (?:a |the |its )?(?:connection|connectivity|network"
    r"|signal|link|it|they)\b[^.;]{0,12}?\b(?:returns?|comes? back|is back|are back"
    r"|is restored|recovers?)"
    # A feature stopped while its part is down: "the flash sale is paused".
    r"|(?:is|are|gets?) paused\b"
    # An outcome not known after a timeout, asked for: "we mark it unknown and poll the
    # provider's status API with the same idempotency key".
    r"|(?:poll|quer(?:y|ie)|check)(?:s|ed|ing)? (?:the |its |their )?(?:\w+'s )?status"
    # ... or after a crash: "the recovery worker queries the provider with the attempt id".
    r"|quer(?:y|ies|ied|ying) the \w+ (?:with|for) (?:the|our|its|their)\b"
    r"|sends? (?:its )?(?:traffic|requests) to|shift(?:s|ed)? (?:traffic|load)|steps? down"
    # The work moved to a peer, said without "failover": "if a provider is down we route
    # new payments to the other one" (`fails_over`).
    rf"|{_TO_PEER}"
    r"|removed from the (?:pool|ring|rotation|isr|in-sync (?:replica )?set|quorum|cluster)"
    r"|replaced|re-?spawn\w*"
    # A replica that fell behind copies what it missed: "it catches up from the leader".
    r"|catch(?:es|ing)? up from|rejoins?\b"
    # The failed part taken out and the rest carrying its load: "the health check removes it
    # within 10 s and the other two replicas serve".
    r"|(?:health[- ]checks?|load balancer|lb)\W+(?:\w+\s+){0,2}?(?:removes?|drops?|ejects?"
    r"|evicts?|pulls?)\s+(?:it|them|the\s+\w+)"
    r"|(?:other|remaining|surviving)\s+(?:\w+\s+){0,2}?(?:replicas?|nodes?|servers?|instances?"
    r"|copies)\s+(?:serve|take over|handle|absorb|carry|answer)"
    # The next candidate tried once one fails or says no: "we offer the next driver"; and a
    # hold that lapses by design frees what it held: "the lock expires".
    r"|(?:offer|offers|offered|offering|tr(?:y|ies|ied)|mov(?:e|es|ed) on to)"
    r" (?:it |the (?:ride|trip|job|task|request) )?(?:to )?the next\b"
    r"|(?:locks?|leases?|holds?|reservations?|entry|entries) (?:expires?|lapses?)\b"
    # What a client shows and does when its back end fails: "we keep showing the last good
    # suggestions", "after 3 failures we stop calling for 30 seconds", "the list closes".
    r"|(?:keeps?|continues?) (?:to )?show(?:ing)?|stops? (?:calling|sending|polling)"
    r"|(?:hides?|closes?) the (?:list|dropdown|popup|panel|menu)"
    # ("the list just closes and Enter still submits a plain search": the adverb between
    # hid the answer, and a timed-out suggestion API was "not covered" beside it.)
    r"|(?:the )?(?:list|dropdown|popup) (?:(?:just|simply|quietly|then) )?(?:closes|hides)"
    r"|still (?:submits|searches|works)"
    # ... and what the machine does: "sounds an alarm", "stop at the nearest floor", "go to
    # the ground floor". ("Refunded" is also a payment's state beside "failed", no answer.)
    r"|(?:sounds?|raises?|rings?) an? alarm"
    # ... and what a generator does: "refuses to issue ids until ...", "waits for the next
    # millisecond", "running processes keep their worker ids".
    r"|refuses? to|waits? (?:for|until)|keeps? (?:their|its) \w+"
    r"|(?:stops?|goes|go|moves?|returns?|parks?) (?:at|to) the (?:nearest|ground|lobby|next)"
    r" (?:floor|landing|level))\b",
    re.I,
)
# Words that describe a property, not an action: "Replication ensures data is never lost".
_PROPERTY_ONLY = re.compile(r"\b(?:ensures?|guarantees?|makes sure|never|always)\b", re.I)


# A table column or heading whose cells are the responses: "| Failure | Mitigation |".
_RESPONSE_COLUMN = re.compile(
    r"\b(?:mitigation|response|recovery|handling|fallback|action|what happens|remedy)\b", re.I
)
# A label whose items are what a failure does ("Effect:", "Impact:"), not what is done about
# it: "possible state loss during primary failover" under "Redis failure > Effect".
_EFFECT_LABEL = re.compile(
    r"(?:^|> )\W*(?:effects?|impacts?|symptoms?|consequences?|blast radius)\W*$", re.I
)
# Headings that only announce the topic; they name no particular failure.
_GENERIC_FAILURE = re.compile(
    r"^\W*(?:\d+[.)]?\s*)?(?:failures?|failure (?:modes?|handling|scenarios?)|fault tolerance"
    r"|reliability|resilience|errors?|error handling)\W*$",
    re.I,
)


@dataclass(frozen=True)
class FailureResponse:
    """A failure and the system's response to it, as the words that say them.

    `from_heading` is set when the failure is named by the heading or table header the
    clause sits under ("### Redis goes down" then "- serve from the local bucket").
    """

    trigger: str
    response: str
    from_heading: bool = False


def failure_response(text: str, heading: str = "") -> FailureResponse | None:
    """A failure trigger paired with a concrete response in the same clause or table row.

    Why: "what happens when X dies?" is the question every interviewer asks; a design earns
    the point only by answering it ("if Redis is unreachable, fall back to the local
    bucket"), not by naming failure or by a property ("replication ensures no data loss").
    A table row pairs them by its columns ("| Redis down | ... | Mitigation: ... |"), and a
    heading can name the failure its list answers. Questions are not answers.
    """
    if text.rstrip().endswith("?"):
        return None
    in_text = SCREEN.holds(_TRIGGER_STEMS, text)
    if not in_text and not (heading and _heading(heading).has_trigger):
        return None
    trigger = (
        next((t for t in SCREEN.finditer(_TRIGGER, text) if not _averted(text, t)), None)
        if in_text
        else None
    )
    if trigger is not None:
        response = next(
            (
                m
                for m in SCREEN.finditer(_RESPONSE, text)
                if not _overlaps(m.span(), trigger.span())
            ),
            None,
        )
        if response is not None:
            first, second = sorted((trigger.span(), response.span()))
            property_only = _PROPERTY_ONLY.search(text[first[1] : second[0]])
            if property_only and not re.search(r"\b(if|when|on)\b", text, re.I):
                return None
            return FailureResponse(trigger.group(0), response.group(0))
        cells = [c.strip() for c in text.strip().strip("|").split("|") if c.strip()]
        in_table = text.lstrip().startswith("|") and len(cells) >= 2
        if in_table and _heading(heading).response_column and not _TRIGGER.search(cells[-1]):
            return FailureResponse(trigger.group(0), cells[-1])
        return None
    named = _heading(heading).trigger
    if named is None or _heading(heading).generic_failure:
        return None  # no failure of its own in the heading: no response is asked for
    if _EFFECT_LABEL.search(heading):
        return None  # the items under "Effect:" say what the failure does, not the answer to it
    # The response is read last, and only to its first match: most clauses that reach here
    # name a failure word that is no trigger, under a heading that names none.
    response = SCREEN.search(_RESPONSE, text)
    if response is not None:
        return FailureResponse(named, response.group(0), from_heading=True)
    return None


def names_failure(text: str) -> bool:
    """Whether a clause names something going wrong ("when the store is down", "if the
    API times out"): what the product shows then is its answer to a failure, not one of
    its features."""
    return SCREEN.search(_TRIGGER, text) is not None


_FAILS_OVER = re.compile(rf"\b{_TO_PEER}", re.I)


def fails_over(text: str) -> bool:
    """Whether a clause fails over in plain words: a failure answered by moving the work
    to a peer of the part that failed ("if a provider is down we route new payments to the
    other one"). The reader owes the same credit as to "we fail over to the other
    provider"; with no failure in the clause ("we send reads to the other replica") it is
    load spreading, not a failover."""
    if not SCREEN.holds(_PEER_WORDS, text):
        return False  # most clauses name no peer: the screen's one pass, no regex
    return _FAILS_OVER.search(text) is not None and failure_response(text) is not None


_PEER_WORDS = ("other", "second", "backup", "standby", "healthy", "spare", "surviving")
SCREEN.add_stems(_PEER_WORDS)  # answered by the pass that screens the clause's patterns


# A purpose that keeps a failure from happening: "served from a cache ... to avoid
# overloading the index service" says why the cache is there; nothing has failed that the
# cache answers.
_AVERTED = re.compile(r"\b(?:to (?:avoid|prevent)|so as not to)\s+(?:\w+\s+)?$", re.I)


def _averted(text: str, trigger: re.Match[str]) -> bool:
    """Whether a failure word is the object of a purpose that prevents it (`_AVERTED`)."""
    return _AVERTED.search(text[max(0, trigger.start() - 30) : trigger.start()]) is not None


@dataclass(frozen=True)
class _Heading:
    has_trigger: bool
    response_column: bool
    trigger: str | None
    generic_failure: bool
    action: str | None


@per_text
@lru_cache(maxsize=64)
def _heading(heading: str) -> _Heading:
    """What a heading says, read once: every claim under it asks, and a heading may be a
    whole 2 MB line (a design written as one line that starts with '#')."""
    trigger = SCREEN.search(_TRIGGER, heading)
    action = SCREEN.search(_ACTION_HEADING, heading)
    return _Heading(
        has_trigger=SCREEN.holds(_TRIGGER_STEMS, heading),
        response_column=_RESPONSE_COLUMN.search(heading) is not None,
        trigger=trigger.group(0) if trigger is not None else None,
        generic_failure=_GENERIC_FAILURE.search(heading.split("|")[0]) is not None,
        action=action.group(0) if action is not None else None,
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- monitoring --------------------------------------------------------------------------

# The names of metrics, in the order `_METRIC` tries them, around the two found by a digit.
_METRIC_LEAD = r"latency|error[- _]rate|errors?|5xx|4xx"
_METRIC_REST = (
    r"availability|uptime"
    # (Any count per second is a rate watched: "page the on-call when pages per second drops
    # below 3,000 for 10 minutes" was read as naming no metric.)
    r"|lag|queue[ _](?:depth|length|size)|backlog|throughput|qps|rps|[a-z]+ per second|cpu"
    r"|memory|heap|disk|saturation|(?:cache[ _])?hit[ _](?:rate|ratio)|miss[ _]rate|timeouts?"
    r"|heartbeats?|denials?|rejections?|burn[ _]rate|error[ _]budget|connections?|retries"
    # A retrieval system's quality is watched as its latency is: "alert if Recall@5 drops
    # > 5 pp", "page when faithfulness falls below 0.9".
    r"|(?:recall|precision|ndcg|mrr)(?:@\d+)?|faithfulness|groundedness"
    r"|[a-z]+[ _](?:rate|ratio|depth|utili[sz]ation|usage|count|lag|backlog|failures)"
)
# Letter boundaries, not word boundaries: metric names are often identifiers
# (`rl_latency_seconds`, `queue_depth`).
_METRIC = re.compile(
    rf"(?<![a-z])(?:p\d{{2,3}}|{_METRIC_LEAD}|\d{{3}}s|{_METRIC_REST})(?![a-z])",
    re.I,
)
# The metrics `_METRIC` finds by their words, and those it finds by a digit ("p99",
# "500s"). The literal screen can skip only the first: the second needs only a "p" or an
# "s" beside a digit, which left `_METRIC` searched in every claim.
_METRIC_WORDS = re.compile(f"{_METRIC_LEAD}|{_METRIC_REST}", re.I)
_METRIC_NUMBERED = re.compile(r"p\d|\d{3}s", re.I)
_THRESHOLD = re.compile(
    r"(?:[<>]=?|≥|≤|\b(?:above|over|exceeds?|exceeding|greater than|more than|below|under"
    r"|less than|fewer than|drops? below|rises? above|past|beyond)\b)\s*~?\$?\d[\d,.]*"
    # "+30 %" or "+ 25 % capacity" is a change a step brings ("add a node -> ~ +30 %
    # throughput"), not a level watched for crossing.
    r"|(?<!\+)(?<!\+ )\b\d[\d,.]*\s*(?:%|(?:ms|s|sec|seconds|minutes|min|x)\b)"
    # The agreed level as the line: "breaches the SLO", "replication lag SLA breach".
    r"|\b(?:burn rate|breach(?:es)? (?:the |its )?sl[ao]|exceeds? (?:the |its )?sl[ao]"
    r"|sl[ao] (?:breach\w*|violation))",
    re.I,
)
# A count of copies watched against a floor: "drops below 2 replicas", "fewer than 3
# healthy copies". "3 replicas" alone is a sizing, never a metric.
_COPIES_FLOOR = re.compile(
    r"\b(?:drops? below|falls? below|goes below|below|fewer than|less than|under|<)\s*\d+"
    r"\s*(?:healthy\s+|live\s+)?(?:replicas|copies|fragments)\b",
    re.I,
)
_ACTION = re.compile(
    r"\b(?:alert(?:s|ed|ing)?|pag(?:e|es)\s+(?:the\s+)?(?:on-?call|someone|sre|engineers?"
    r"|team)|paged|paging|page (?:if|when|on)|on-?call|wake"
    r"|shed(?:s|ding)?|scale[sd]? (?:out|up|in|down)|autoscal\w*|add(?:s)? (?:a )?(?:node|worker"
    r"|replica|instance)s?|roll(?:s|ed)? ?back|rollback|halt(?:s|ed)? the (?:rollout|deploy)"
    r"|fail(?:s)? over|throttl\w*|trip(?:s|ped)? (?:the )?(?:breaker|circuit)|notif(?:y|ies)"
    r"|open(?:s)? an? (?:incident|ticket))\b",
    re.I,
)
# The load a design expects, said with a comparison: "the expected > 1 M qps peak",
# "projected >= 50k writes/s" (a comparison after "expected"): a forecast of the workload,
# not a line a metric is watched for.
_EXPECTED_LOAD = re.compile(r"\b(?:expected|projected|forecast|anticipated|estimated)\W*$", re.I)


def _forecast(text: str, threshold: re.Match[str]) -> bool:
    """Whether a threshold-like figure is the workload the design expects (see
    `_EXPECTED_LOAD`), not a level watched for crossing."""
    before = text[max(0, threshold.start() - 16) : threshold.start()]
    return _EXPECTED_LOAD.search(before) is not None


# A throttle said with the level it holds work to: "throttled to < 5%", "throttle at 10%".
_THROTTLED_TO = re.compile(r"throttl\w*\s+(?:to|at)\b", re.I)
# An autoscaler's target: the level scaling holds a metric at ("CPU 60% target", "target
# 70% utilisation"), said with the scaling it steers.
_SETPOINT = re.compile(
    r"\bautoscal\w*\b.*\btarget(?:s|ed|ing)?\b|\btarget(?:s|ed|ing)?\b.*\bautoscal\w*", re.I
)
_ACTION_STEMS = ("alert", "pag", "call", "wake", "shed", "scal", "add", "roll", "halt", "fail",
                 "throttl", "trip", "notif", "open")  # fmt: skip
_ACTION_HEADING = re.compile(r"\b(?:alert\w*|pag(?:e|ing)|on-?call|runbooks?)\b", re.I)


@dataclass(frozen=True)
class MonitoringSignal:
    """A measured quantity, the threshold that matters, and what happens when it is crossed."""

    metric: str
    threshold: str
    action: str  # the action word, or the heading it was implied by ("Alerts")


def named_metrics(text: str) -> int:
    """How many measurable quantities a line names ("allow / deny rate", "p99 latency",
    "queue depth"): what a design tracks, with or without a threshold on it."""
    if not SCREEN.may_match(_METRIC_WORDS, text) and _METRIC_NUMBERED.search(text) is None:
        return 0  # none of the words a metric needs, and no "p99" or "500s"
    return len(_METRIC.findall(text))


# Words a metric's name shares with many others: "error rate" and "request rate" are two
# metrics, "hit ratio" and "fill ratio" too.
_METRIC_GENERIC = frozenset("rate rates ratio count counts time times size total per the".split())


@per_text
@lru_cache(maxsize=4096)
def metric_words(text: str) -> frozenset[str]:
    """The distinctive words of the metrics a line names: "redirect latency, error rate
    and cache hit ratio" -> latency, redirect, error, cache, hit."""
    if not SCREEN.may_match(_METRIC_WORDS, text) and _METRIC_NUMBERED.search(text) is None:
        return frozenset()
    return frozenset(
        word
        for metric in _METRIC.findall(text)
        for word in re.findall(r"[a-z0-9]+", metric.lower())
        if word not in _METRIC_GENERIC
    ) | frozenset(m.lower() for m in _PER_SECOND_NOUN.findall(text))


# What a rate written with its unit counts: "Monitors pages/s, errors by host ..." watches
# the pages, which "page when pages per second drops below 3,000" alerts on. (Only as a
# word of what is watched: a table of estimates writes "~1,200 writes/s" and watches none.)
_PER_SECOND_NOUN = re.compile(r"\b([a-z]+)/s(?:ec)?\b", re.I)


def monitoring_signal(text: str, heading: str = "") -> MonitoringSignal | None:
    """A metric with a threshold and an action: "page on-call if p99 > 300 ms for 5 min".

    Why: "We use Prometheus and Grafana" names tools, not what is watched or what anyone
    does when it moves; an interviewer asking "how would you know it is broken?" wants the
    signal, the line and the response. Under a heading such as "Alerts" the action is the
    heading itself, so a bare "p99 > 300 ms" listed there counts; a failure event that
    alerts or pages ("pod crash: reschedule and alert on-call") is its own threshold.
    """
    implied = _heading(heading).action
    if not SCREEN.holds(_ACTION_STEMS, text) and implied is None:
        return None
    action = SCREEN.search(_ACTION, text)
    said = action.group(0) if action is not None else implied
    if said is None:
        return None
    metric = SCREEN.search(_METRIC, text)
    threshold = next((t for t in _THRESHOLD.finditer(text) if not _forecast(text, t)), None)
    if threshold is not None and action is not None and _SETPOINT.search(text) is not None:
        # "autoscale on RPS, CPU 60% target": the autoscaler holds the metric at its
        # setpoint; nothing is watched for crossing a line, and no one hears of it.
        threshold = None
    if (
        threshold is not None
        and action is not None
        and _THROTTLED_TO.match(text, action.start()) is not None
        and threshold.start() - action.end() <= 8
    ):
        # "GC throttled to < 5% of disk IOPS": the level is the cap a throttle holds the
        # work to, a budget; nothing is watched for crossing it, and no one hears of it.
        threshold = None
    if metric is None and threshold is not None:
        # "alert if any chunk drops below 2 replicas": the count of copies is the metric,
        # named by the floor it is watched against.
        metric = _COPIES_FLOOR.search(text)
    if metric is not None and threshold is not None:
        return MonitoringSignal(metric.group(0), threshold.group(0).strip(), said)
    # An event is its own threshold: "| Pod crash | ... | alert on-call |". Only when
    # someone is told: a failure met by throttling, failing over or scaling ("DDoS on the
    # upload endpoint: IP-level throttle at the CDN") is a failure with its response, and
    # nothing in it is watched.
    event = SCREEN.search(_TRIGGER, text)
    if (
        event is not None
        and action is not None
        and _TELLS.search(action.group(0)) is not None
        and failure_response(text) is not None
    ):
        return MonitoringSignal(event.group(0), event.group(0), said)
    return None


# The actions of `_ACTION` that tell a person, as against those the system takes itself.
_TELLS = re.compile(r"alert|pag|on-?call|wake|notif|incident|ticket", re.I)


# Operational monitoring named as such: tools and practices, not a product's dashboards.
_MONITORING_NAME = re.compile(
    r"\b(?:monitoring|observability|alerting|alerts?|on-?call|pager(?:duty)?|prometheus"
    r"|grafana|datadog|new relic|cloudwatch|opentelemetry)\b"
    # The design watching its own signals: "We monitor p99 latency and error rates", "we
    # track fan-out lag" (not a service that "monitors" a folder for new files).
    r"|\bwe(?:'ll| will)? (?:monitor|track|watch)\b(?=[^.]{0,60}\b(?:p\d\d|latency|errors?"
    r"|error rates?|throughput|lag|queue|cpu|memory|hit rate|hit ratio|saturation|uptime))",
    re.I,
)
_MONITORING_STEMS = ("monitor", "observab", "alert", "call", "pager", "prometheus", "grafana",
                     "datadog", "new relic", "cloudwatch", "opentelemetry", "track",
                     "watch")  # fmt: skip
_SCOPE_LINE = re.compile(r"^\W*(?:out of scope|not in scope|non-?goals?|excluded|won't)\b", re.I)


def names_monitoring(text: str) -> str | None:
    """The operational-monitoring term a line names, if it names one as the design's own.

    Why: only a line that says "we monitor" can be called vague monitoring. An out-of-scope
    line ("Out of scope: click analytics dashboards"), a product's analytics dashboard, a
    component that "monitors" a folder or a "Metric | Value" table header are not: bare
    "dashboards" and "metrics" are as often the product's as the operators'.
    """
    if _SCOPE_LINE.search(text):
        return None
    if not SCREEN.holds(_MONITORING_STEMS, text):
        return None
    match = _MONITORING_NAME.search(text)
    return match.group(0) if match else None


# A table's "Metric" column over figures ("Metric | Value", "Metric | Assumption | Result",
# "Metric | Push-only | Pull-only") names the quantity each row estimates or compares: the
# capacity table's "Requests per second per Redis shard | 250k" is no metric the design
# watches. Only beside a column about watching it (an alert, a threshold, an SLO, where it
# is collected or sampled) does the column say the row is something tracked.
_METRIC_COLUMN = re.compile(r"(?:^|\. )(metrics?):", re.I)
_COLUMN = re.compile(r"(?:^|\. )([^:.]{1,30}):")
_WATCH_COLUMN = re.compile(
    r"alert|threshold|\bsl[oi]s?\b|source|collect|sampl|dashboard|track|emit|pag(?:e|ing)"
    r"|action|purpose|why|signal",
    re.I,
)


def metric_column(text: str) -> tuple[int, int] | None:
    """The span of a row's "Metric" column name when the row only labels a quantity with it
    (no column of the row is about watching it), else None. `text` is a row claim's text,
    each cell prefixed by its column name ("Metric: Peak QPS. Value: 1M")."""
    found = _METRIC_COLUMN.search(text)
    if found is None:
        return None
    others = [m.group(1) for m in _COLUMN.finditer(text) if m.start(1) != found.start(1)]
    if any(_WATCH_COLUMN.search(name) for name in others):
        return None
    return found.span(1)


# --- security --------------------------------------------------------------------------

_FIELD = (
    r"(?:urls?|schemes?|inputs?|fields?|payloads?|sizes?|lengths?|alias\w*|filenames?|uploads?"
    r"|content[- ]types?|mime types?|html|quer(?:y|ies)|parameters?|characters?|emails?|`\w+`)"
)
_CONTROL_STEMS = {
    "per-caller limit": ("per", "based on", "keyed", "for each", "limited", "capped",
                         "throttled"),
    "encryption at rest with key management": ("kms", "hsm", "envelope", "managed key",
                                               "rotation", "at rest", "aes"),
    "authentication scheme": ("oauth", "openid", "oidc", "jwt", "json web", "api", "bearer",
                              "mtls", "mutual", "cookie", "saml", "hmac", "signed", "webauthn",
                              "passkey", "2fa", "mfa", "short-lived", "expiring"),
    "authorisation rule": ("rbac", "abac", "acl", "access control", "role-based", "scope",
                           "only the", "owner", "check", "tenant", "row", "least",
                           "only", "polic"),
    "encryption in transit": ("tls", "https", "in transit"),
    "input validation": ("validat", "saniti", "escap", "allow", "whitelist", "deny", "block",
                         "reject"),
    "abuse screening": ("captcha", "malware", "virus", "safe browsing", "phishing", "spam",
                        "moderation", "fraud"),
    "audit log": ("audit",),
    "output encoding": ("innerhtml", "textcontent", "as text", "as plain text", "raw html"),
}  # fmt: skip
# Each control is a set of patterns that must all match the clause; the most specific come
# first ("100 per hour per API key" is a limit before it is an API key).
_CONTROLS: list[tuple[str, tuple[re.Pattern[str], ...]]] = [
    ("per-caller limit", (
        re.compile(r"\b(?:rate[- ]limit\w*|quotas?|throttl\w*|limit(?:s|ed)?|caps?(?:ped)?)\b"
                   r"|\d\s*(?:/|per)\s*(?:s|sec|second|min|minute|hour|day)\b"
                   # rules set per caller ("Configurable rules (per user, per API key)"):
                   # a rule kept for each caller is that caller's limit
                   r"|(?<!alert )(?<!alerting )(?<!notification )(?<!routing )\brules?"
                   r"(?=\s*\(?\s*per[- ](?:user|api[- ]key|key|ip|client|tenant|account))",
                   re.I),
        re.compile(r"\bper[- ](?:user|api[- ]key|key|ip|client|tenant|account|token|caller"
                   r"|identity)\b"
                   # what the count is kept by: "limit requests based on an identifier
                   # (user ID, API key or IP)", "keyed by client id"
                   r"|\b(?:based on|keyed (?:by|on)|for each) (?:an? |the |each )?"
                   r"(?:client |caller )?(?:identifier|identity|user[- _]?id|api[- ]key"
                   r"|client[- _]?id|ip address)\b"
                   # the callers limited named as the subject: "each user is limited to 20
                   # messages per hour", "new accounts capped at 20 messages/hour"
                   r"|\b(?:each|every|new|unverified|anonymous|free[- ]tier)\s+(?:users?"
                   r"|accounts?|clients?|callers?|tenants?|senders?|ips?|api[- ]keys?)\s+"
                   r"(?:(?:is|are)\s+)?(?:limited|capped|throttled|rate[- ]limited)\b",
                   re.I),
    )),
    # An API key is an authentication scheme only where the line says it is checked or
    # required; "for each API key" or "100 million active API keys" names what a limit is
    # counted per, an identifier, and specifies no control.
    ("authentication scheme", (
        re.compile(r"\bapi[- ]?keys?\b", re.I),
        re.compile(r"\b(?:authenticat\w*|auth[nz]?\b|verif\w*|validat\w*|signed|signs?"
                   r"|sign(?:ing|ature)|issu(?:ed|ing)|issues? (?:\w+ )?api[- ]?keys?|requir\w*"
                   r"|revok\w*|secrets?|credentials?)", re.I),
    )),
    ("encryption at rest with key management", (re.compile(
        r"\b(?:kms|hsm|envelope encryption|customer[- ]managed keys?|key rotation"
        r"|encrypt\w* at rest\b.*\bkeys?\b|aes-?256)", re.I),)),
    ("authentication scheme", (re.compile(
        r"\b(?:oauth ?2?(?:\.0)?|openid connect|oidc|jwts?|json web tokens?"
        r"|bearer tokens?|mtls|mutual tls|session cookies?|saml|hmac[- ]sign\w*|signed"
        r" (?:[\w-]+ )?(?:requests?|urls?|cookies?)|pre-?signed urls?|webauthn|passkeys?|2fa"
        r"|mfa|(?:short-lived|expiring) (?:access |bearer )?tokens?)\b",
        re.I),)),
    ("authorisation rule", (re.compile(
        r"\b(?:rbac|abac|acls?|access control lists?|role-based access"
        r"|(?:oauth|token|api[- ]key) scopes?|scopes? per (?:user|client|token|key|tenant)"
        r"|only the (?:owner|author|creator|admin)s?\b|owner[- ]only|permission checks?"
        r"|checks? (?:the |their |its )?(?:permissions?|roles?)\b|checks? (?:that )?the"
        r" (?:caller|user|requester) (?:owns|is|has)|tenant[- ]isolat\w*|row[- ]level security"
        r"|per-tenant (?:keys?|isolation)"
        # Least privilege said of something granted ("least-privilege IAM roles per
        # service"); the principle alone in a list of slogans grants nothing.
        r"|least[- ]privilege (?:iam |access )?(?:roles?|polic(?:y|ies)|credentials"
        r"|service accounts?|permissions?|grants?|tokens?)"
        r"|(?:roles?|polic(?:y|ies)|service accounts?|credentials|tokens?|permissions?)"
        r" (?:with|scoped to|granted|limited to) (?:the )?least[- ]privilege"
        # "the server only returns operations for the token's user_id"
        r"|only (?:returns?|shows?|serves?|reads?|lists?)\b[^.;]{0,60}?\b(?:of|for|to) the"
        r" (?:token's|caller's|user's|requester's|owner's|signed-in user's)"
        r"|scoped to the (?:caller|user|tenant|token|owner)"
        # A policy checked on each request: "the gateway verifies IAM policies", "bucket
        # policies decide who can read"; "IAM" named alone enforces nothing.
        r"|(?:verif\w*|checks?|checked|checking|evaluat\w*|enforc\w*|appl(?:y|ies|ied))"
        r" (?:the |its |their |each |every )?(?:caller's |user's )?(?:iam |bucket |access"
        r" |resource |object )polic(?:y|ies)"
        r"|(?:iam|bucket|access|resource) polic(?:y|ies) (?:decide|define|grant|control"
        r"|govern|determine)s?\b)", re.I),)),
    ("encryption in transit", (re.compile(r"\b(?:tls ?1\.[23]|https only|tls everywhere"
        r"|over (?:tls|https)|tls (?:for|on|between|termination)|encrypt\w* in transit)\b",
        re.I),)),
    # "Base 62 ... eliminating the need for escaping special characters" validates nothing.
    ("input validation", (re.compile(
        r"(?<!need for )(?<!need to )(?<!without )(?<!no )"
        r"\b(?:validat\w*|sanitiz\w*|sanitis\w*|escap(?:e|es|ed|ing)|allow-?list\w*"
        r"|whitelist\w*|deny-?list\w*|blocklist\w*|rejects?)\s+"
        r"(?:(?!(?:because|since|as|but|and|or)\b)\w+\s+){0,3}"
        + _FIELD, re.I),)),
    ("abuse screening", (re.compile(
        r"\b(?:captcha|malware scan\w*|virus scan\w*|safe browsing|phishing (?:check|scan|list)"
        r"\w*|spam (?:filter|classifier|check)\w*|content moderation|fraud (?:check|scor)\w*)",
        re.I),)),
    ("audit log", (re.compile(r"\baudit (?:logs?|trail)\b", re.I),)),
    # Text from other people put on the page as text, not markup: "seller titles are
    # rendered as text nodes, never innerHTML", "set with textContent". It is what keeps a
    # script in a product title from running (cross-site scripting).
    ("output encoding", (re.compile(
        r"\b(?:rendered|rendering|renders?|shown|shows?|displayed|inserted|written|set|put)"
        r"\s+(?:\w+\s+){0,2}?as\s+(?:plain\s+)?text\b(?:\s+nodes?)?,?\s+(?:and\s+)?"
        r"(?:never|not)\b|\btextcontent\b|\b(?:never|no|not|avoid\w*|without)\s+(?:as\s+|via\s+"
        r"|through\s+|using\s+)?`?(?:innerhtml|dangerouslysetinnerhtml|raw html)\b", re.I),)),
]  # fmt: skip
_CONTROL_STEM_GROUPS = tuple(_CONTROL_STEMS[kind] for kind, _ in _CONTROLS)
_SECURITY_FLUFF = re.compile(
    r"\b(?:best practices?|owasp|industry[- ]standard|secure by default|security is"
    r" (?:important|a priority|paramount|key)|bank[- ]grade|military[- ]grade)\b",
    re.I,
)


def security_control(text: str) -> str | None:
    """Which concrete security control a clause specifies, or None for none or a slogan.

    Why: "we will follow OWASP best practices" or "the system will be secure" names no
    control an interviewer could probe; "JWTs checked at the gateway", "only the owner can
    delete a link", "100 creates per hour per API key" or "reject URLs with a javascript:
    scheme" each do. The kind returned is what the reviewer reports as covered.
    """
    if text.rstrip().endswith("?"):
        return None
    text = plain_typography(text)  # "AES‑256" written with a no-break hyphen is AES-256
    held = SCREEN.holds_any(_CONTROL_STEM_GROUPS, text)
    if not any(held):
        return None  # most clauses hold the stems of no control: none can be tried
    for (kind, patterns), stems_held in zip(_CONTROLS, held, strict=True):
        if stems_held and all(SCREEN.search(p, text) for p in patterns):
            return kind
    return None


def is_security_slogan(text: str) -> bool:
    """Whether a clause invokes security by reputation ("OWASP best practices") alone."""
    return bool(_SECURITY_FLUFF.search(text)) and security_control(text) is None


# --- retried writes ----------------------------------------------------------------------

# "the app sends it again", "submits the request again": a retry that points at its write
_AGAIN = (
    r"(?:sends?|submits?|posts?|fires?|issues?)\s+(?:it|them|the (?:request|call|post))\s+again"
)
_AGAIN_RE = re.compile(rf"\b{_AGAIN}\b", re.I)
_RETRY = re.compile(
    r"\b(?:retr(?:y|ies|ied|ying)|re-?send\w*|re-?submit\w*|re-?deliver\w*|re-?tr(?:y|ies)"
    rf"|at[- ]least[- ]once|re-?publish\w*|re-?process\w*|{_AGAIN})\b",
    re.I,
)
# Not a retry the design performs: a header telling the client when to come back, a count
# that stops retrying, reconnecting a socket.
_NOT_A_RETRY = re.compile(
    r"retry[- ]after|max(?:imum)? retries|retries exceeded|retry[_ ]?count|retry budget",
    re.I,
)
# A write whose repetition is visible: something created, charged, sent or enqueued.
_STRONG_WRITE = (
    r"creat(?:e|es|ed|ing|ion)|insert\w*|charg(?:e|es|ed|ing)|pay(?:s|ment|ments)?|refund\w*"
    r"|transfer\w*|debit\w*|captur(?:e|es|ed)|book(?:s|ed|ing)?|reserv(?:e|es|ed|ation)"
    r"|orders?|send(?:s|ing)?|sent|re-?send\w*|deliver(?:s|ed|y|ies)?|re-?deliver\w*"
    r"|enqueu\w*|publish\w*|re-?publish\w*|withdraw\w*|(?-i:POST)"
)
_WRITE = re.compile(
    rf"\b(?:{_STRONG_WRITE}|notif(?:y|ies|ication|ications)|emails?|sms|webhooks?|increment\w*"
    r"|decrement\w*|append\w*|messages?(?! (?:queues?|brokers?|bus))|ledger|tweets?|comments?"
    r"|credit(?:s|ed)?)\b",
    re.I,
)
_STRONG = re.compile(rf"\b(?:{_STRONG_WRITE})\b", re.I)
# A write with side effects, other than sending as such ("re-send their location" sends a
# report; "charges the card" or "creates an order" beside it is still a write).
_STRONG_OTHER = re.compile(
    r"\b(?:creat(?:e|es|ed|ing|ion)|insert\w*|charg(?:e|es|ed|ing)|pay(?:s|ment|ments)?"
    r"|refund\w*|transfer\w*|debit\w*|captur(?:e|es|ed)|book(?:s|ed|ing)?"
    r"|reserv(?:e|es|ed|ation)|orders?|enqueu\w*|withdraw\w*|(?-i:POST))\b",
    re.I,
)
# Writes that are safe to repeat as stated, or a clause that makes them so: a key, a
# deduplication, or the outcome said outright ("reuses the same key", "never charged twice").
_IDEMPOTENT = re.compile(
    r"\bidempoten\w*|\bdedup\w*|de-?duplicat\w*|exactly[- ]once|at[- ]most[- ]once"
    r"|request[- _]ids?\b|unique (?:constraint|key|index)|upsert|on conflict|if not exists"
    r"|conditional (?:put|write)|compare[- ]and[- ]set|\bcas\b|overwrit\w*|(?-i:\bPUT\b)"
    r"|\bsame\s+(?:\w+\s+)?[`*]*\w*(?:key|id|token)s?\b"
    # ... said in the passive or the active: "is never charged twice", "a retry never
    # charges twice", "no double charge".
    r"|\b(?:not|never|nothing|isn't|cannot|can't|won't)\b[\w\s]{0,12}?\b(?:charged|sent|applied"
    r"|created|processed|delivered|booked|billed|run|charges?|sends?|applies|creates?"
    r"|process(?:es)?|delivers?|books?|bills?|runs?)\s+twice"
    r"|\b(?:no|never|not)\s+(?:a\s+)?(?:double[- ](?:charges?|charging|bookings?|orders?)"
    r"|duplicate (?:orders?|charges?|payments?|bookings?))"
    r"|\b(?:charges?|sends?|applies|applied|processed|delivered|books?|bills?)\s+(?:only\s+)?once",
    re.I,
)


_IDEMPOTENT_STEMS = ("idempot", "dedup", "duplicat", "once", "request", "unique", "upsert",
                     "conflict", "not exists", "conditional", "compare", "cas", "overwrit",
                     "put", "same", "twice", "double")  # fmt: skip


def idempotency_guard(text: str) -> str | None:
    """What in a clause makes a repeated write harmless, if anything.

    Why: candidates say it in many ways besides "idempotency key": "the retry reuses the
    same PaymentKey", "a late approval is never charged twice", "upsert on event id". Any
    of them answers the double-write question, so none should be told to add a key.
    """
    if not SCREEN.holds(_IDEMPOTENT_STEMS, text):
        return None
    match = _IDEMPOTENT.search(text)
    return match.group(0) if match else None


# Writes that are safe to repeat by their own nature: an HTTP PUT, an overwrite. They make
# the clause they are in harmless, and say nothing of any other write in the design.
_SAFE_BY_NATURE = re.compile(r"(?-i:PUT)|overwrit\w*", re.I)


def idempotency_guard_for_all(text: str) -> str | None:
    """What in a clause makes the design's writes idempotent beyond that clause: a key, a
    deduplication, a conditional write, an outcome said outright ("never charged twice").

    Why: an endpoint list ("PUT /{bucket}/{key}") or "overwrite the cached copy" is safe
    to repeat as itself, but does not make a retried metadata commit elsewhere safe."""
    if not SCREEN.holds(_IDEMPOTENT_STEMS, text):
        return None
    for match in _IDEMPOTENT.finditer(text):
        if not _SAFE_BY_NATURE.fullmatch(match.group(0)):
            return match.group(0)
    return None


# A commit that is itself retried ("clients retry the metadata commit", "the commit is
# retried"): done twice after a lost reply, it records the write twice. A commit named near
# a retry ("easier retries and strong commit", "commit offsets, then retry") is not one.
_RETRIED_COMMIT = re.compile(
    r"(?<=\bretry )(?:the |a |each |every )?(?:[\w-]+ ){0,2}?commit\b"
    r"|\bcommits? (?:is |are )?retried\b",
    re.I,
)


# Retries that repeat no write: reconnecting, re-reading, re-fetching.
_READ_ONLY = re.compile(r"\b(?:reconnect\w*|re-?fetch\w*|re-?read\w*|get requests?|reads?)\b", re.I)


# A report of where something is or what state it is in now: "drivers re-send their
# location", "the agent resends its heartbeat". Each report replaces the one before it, so
# a repeat changes nothing and needs no idempotency key.
_LATEST_STATE = re.compile(
    r"\b(?:re-?send\w*|send\w*|re-?publish\w*|re-?report\w*|report\w*|push\w*)\s+"
    r"(?:(?:their|its|his|her|the|our|a)\s+)?(?:(?:current|latest|last|new|gps|own)\s+)*"
    r"(?:locations?|positions?|coordinates|heartbeats?|presence|status|gps fix(?:es)?)\b",
    re.I,
)


_REPLY_MESSAGE = re.compile(
    r"\b(?:return\w*|show\w*|display\w*|respond\w*(?: with)?|reply\w*(?: with)?)\s+(?:an? |the )?"
    r"(?:[^\s.;]+\s+){0,5}?(?:error )?messages?\b",
    re.I,
)
_REPLY_STEMS = ("return", "show", "display", "respond", "repl")
_RETRY_STEMS = ("retr", "resen", "re-sen", "resub", "re-sub", "redeliv", "re-deliv", "least",
                "republish", "re-publish", "reprocess", "re-process", "again")  # fmt: skip


def retried_write(text: str) -> str | None:
    """The write a clause retries with nothing making it idempotent, e.g. "charge".

    Why: a retry after a timeout may repeat work that already happened; that matters only
    for writes with side effects (a charge, a sent message, a created row, an enqueued
    job). Retrying a read, reconnecting a socket, "429 with Retry-After" or "give up after
    3 retries" repeats nothing, so advising idempotency keys there would be wrong.
    """
    if not SCREEN.holds(_RETRY_STEMS, text):
        return None
    if _NOT_A_RETRY.search(text) and len(_RETRY.findall(text)) <= len(_NOT_A_RETRY.findall(text)):
        return None
    if _RETRY.search(text) is None or idempotency_guard(text):
        return None
    # "return a 'system busy' message after 3 retries": a message answered to the caller
    # is the reply, not a write.
    if SCREEN.holds(_REPLY_STEMS, text):
        text = _REPLY_MESSAGE.sub(lambda m: " " * len(m.group(0)), text)
    # the verb of "sends it again" is the retry, not the write it repeats
    text = _AGAIN_RE.sub(lambda m: " " * len(m.group(0)), text)
    write = _WRITE.search(text) or _RETRIED_COMMIT.search(text)
    if write is None:
        return None
    if _READ_ONLY.search(text) and not _STRONG.search(text):
        return None
    if _LATEST_STATE.search(text) and not _STRONG_OTHER.search(_LATEST_STATE.sub(" ", text)):
        return None  # "drivers re-send their location": the next report overwrites it
    return write.group(0)


def retries_without_object(text: str) -> bool:
    """Whether a clause retries something it only points at ("the app sends it again", "if
    it times out, retry"): no write of its own, so the write is the sentence's before it."""
    if not SCREEN.holds(_RETRY_STEMS, text) or _RETRY.search(text) is None:
        return False
    if _NOT_A_RETRY.search(text) or idempotency_guard(text):
        return False
    text = _AGAIN_RE.sub(lambda m: " " * len(m.group(0)), text)
    return _WRITE.search(text) is None and _POINTER.search(text) is not None


def last_write(text: str) -> str | None:
    """The last write a clause names ("Client sends `POST /v1/feed`" -> "POST"): the one a
    following "send it again" points at."""
    found = [m.group(0) for m in _WRITE.finditer(text)]
    return found[-1] if found else None


_POINTER = re.compile(r"\b(?:it|them|the request|the call|that request)\b", re.I)


# --- what calls for redundancy -----------------------------------------------------------

_AVAILABILITY = re.compile(
    r"\b\d{2}(?:\.\d+)?\s*%\s*(?:availability|uptime|available|of the time|sla|slo)\b"
    r"|\b(?:availability|uptime|sla|slo)\b[^.;]{0,40}?\b9\d(?:\.\d+)?\s*%"
    r"|\b(?:three|four|five) nines\b|\bhighly available\b|\bhigh availability\b"
    r"|\bzero (?:data loss|downtime)\b|\bno (?:data loss|downtime)\b|\bmust not lose\b"
    r"|\brpo\b|\brto\b|\b(?:11|eleven) nines\b|\b(?:no|never) (?:lost|lose|loses)\b",
    re.I,
)
# Scale said in words, as briefs and prompts restated often say it: "track clicks at huge
# scale", "a huge social graph", "high throughput", "billions of items", "thousands of
# servers worldwide". Each is a system that must survive the loss of a node.
_WORD_SCALE = re.compile(
    r"\b(?:at|to) (?:a )?(?:huge|large|massive|global|internet|web|planet)[- ]scale\b"
    r"|\b(?:huge|massive) (?:\w+ )?(?:scale|volumes?|graphs?|traffic|fleets?|numbers? of)\b"
    r"|\b(?:very )?high (?:write |read |request )?(?:throughput|traffic|volumes?|write rates?)\b"
    r"|\b(?:millions|billions|trillions) of\b|\bthousands of (?:servers|machines|hosts|nodes"
    r"|users|requests|writes|reads)\b|\bworldwide\b",
    re.I,
)
_WORD_SCALE_STEMS = ("scale", "huge", "massive", "high", "illions", "thousands", "worldwide")
_INSTANCES = re.compile(
    r"\b(?:\d+|two|three|four|five|several|multiple|many|n)\s+(?:app(?:lication)? |api |web "
    r"|stateless )?(?:servers|instances|nodes|pods|replicas|machines|hosts)\b"
    r"|\bhorizontal(?:ly)? scal\w*|\bscale[sd]? (?:out|horizontally)\b|\bautoscal\w*"
    r"|\bload[- ]balanc\w*|\bmulti-?(?:region|az|zone|datacenter)\b|\bacross (?:regions|zones"
    r"|availability zones|data ?centers)\b",
    re.I,
)
_SCALE = re.compile(
    r"\b(\d[\d,.]*)\s*(k|m|b|thousand|million|billion)?\s*"
    r"(dau|mau|users|requests?/s|req/s|rps|qps|requests per second|writes/s|reads/s)\b",
    re.I,
)
_MULTIPLIER = {"": 1, "k": 10**3, "thousand": 10**3, "m": 10**6, "million": 10**6,
               "b": 10**9, "billion": 10**9}  # fmt: skip
_LARGE = {"users": 10**6, "dau": 10**6, "mau": 10**6}  # users; else requests per second
_LARGE_RATE = 1000


_AVAILABILITY_STEMS = ("%", "nines", "availab", "downtime", "data loss", "must not lose", "rpo",
                       "rto", "lost", "lose")  # fmt: skip
_INSTANCE_STEMS = ("server", "instance", "node", "pod", "replica", "machine", "host", "horizontal",
                   "scale", "autoscal", "balanc", "multi", "across")  # fmt: skip


def redundancy_need(text: str) -> str | None:
    """What in a clause makes redundancy a requirement: a target, several instances, scale.

    Why: replication and load balancing answer availability and scale. A design that states
    99.9% availability, runs several instances or serves millions of users needs them; a
    single-user tool with a local SQLite file does not, and telling its author to add
    replicas is advice a careful reader would reject.
    """
    for pattern, stems in (
        (_AVAILABILITY, _AVAILABILITY_STEMS),
        (_INSTANCES, _INSTANCE_STEMS),
        (_WORD_SCALE, _WORD_SCALE_STEMS),
    ):
        match = SCREEN.search(pattern, text) if SCREEN.holds(stems, text) else None
        if match is not None:
            return match.group(0)
    if not any(map(str.isdigit, text)):
        return None
    for match in _SCALE.finditer(text):
        try:
            value = float(match.group(1).replace(",", ""))
        except ValueError:
            continue
        value *= _MULTIPLIER[(match.group(2) or "").lower()]
        if value >= _LARGE.get(match.group(3).lower(), _LARGE_RATE):
            return match.group(0)
    return None


# The patterns searched in every claim, screened for the words each match needs.
SCREEN.add(_TRIGGER, _RESPONSE, _ACTION, _ACTION_HEADING, _METRIC, _METRIC_WORDS, _AVAILABILITY,
           _INSTANCES, _WORD_SCALE,
           *(p for _, patterns in _CONTROLS for p in patterns))  # fmt: skip
SCREEN.add_stems(_TRIGGER_STEMS, _ACTION_STEMS, _MONITORING_STEMS, *_CONTROL_STEMS.values(),
                 _IDEMPOTENT_STEMS, _RETRY_STEMS, _AVAILABILITY_STEMS, _INSTANCE_STEMS,
                 _WORD_SCALE_STEMS)  # fmt: skip


# --- freshness targets -----------------------------------------------------------------

# A digit as `_DURATION`'s `\d` reads one (any Unicode decimal digit): a text without one
# holds no duration, and the stems of the two patterns below ("return", "load", "show",
# "available") are in many claims that state no number.
_DIGIT = re.compile(r"\d")
_DURATION = r"~?\d[\d.,]*\s*(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?)\b"
# How soon a write is seen: "new posts appear within 5 s", "visible to followers in under
# 2 seconds", "propagates to every region within 1 s", "feed staleness <= 10 s".
_FRESHNESS = re.compile(
    r"\b(?:appears?|appearing|visible|shows? up|propagat\w*|reflected|reach(?:es)?|seen"
    r"|searchable|delivered|replicated|available)\b[^.;:]{0,50}?"
    r"\b(?:within|in under|in less than|under|in at most|no later than|after at most)\s+"
    + _DURATION
    + r"|\b(?:staleness|lag|delay|freshness)\b[^.;:]{0,25}?(?:<=?|≤|under|below|at most"
    r"|within|of|:)\s*" + _DURATION + r"|" + _DURATION + r"\s+(?:of\s+)?(?:delay|lag|staleness)\b"
    # "followers see a new photo within 10 s": someone sees a write, by a bound; not "users
    # see their feed within 200 ms", the time a read takes.
    r"|\bsees?\b[^.;:]{0,15}?\b(?:new|latest|updated?|updates|changes?|edits?|writes?)\b"
    r"[^.;:]{0,30}?\b(?:within|in under|in less than|in at most|no later than)\s+" + _DURATION,
    re.I,
)
_FRESHNESS_STEMS = ("appear", "visible", "show", "propagat", "reflect", "reach", "see",
                    "searchable", "deliver", "replicat", "available", "stale", "lag", "delay",
                    "fresh")  # fmt: skip


def freshness_target(text: str) -> str | None:
    """A quantified bound on how soon a write is seen, as a requirement states it.

    Why: "new posts appear in followers' feeds within 5 s" is a non-functional target as
    much as "p99 under 200 ms" is (it bounds staleness, and it decides push against pull),
    though it names neither latency nor consistency."""
    if _DIGIT.search(text) is None or not SCREEN.holds(_FRESHNESS_STEMS, text):
        return None  # every branch bounds it by a duration, which starts with a digit
    match = _FRESHNESS.search(text)
    return match.group(0) if match else None


# How fast an answer comes back, said with a verb: "replies within 3 s", "the page loads in
# under 1 second", "search returns results in less than 200 ms".
_LATENCY_BOUND = re.compile(
    r"\b(?:repl(?:y|ies)|responds?|responses?|answers?|returns?|loads?|renders?"
    # "completing an upload takes under 2 s": the verb in -ing, and the time a step takes
    r"|complet(?:es?|ing)|finish(?:es|ing)?|redirects?|tak(?:es?|ing)"
    # "playback starts within 2 s for 90% of plays": how soon a thing begins for the user
    r"|start(?:s|ing)?|begin(?:s|ning)?)\b[^.;:]{0,40}?"
    r"\b(?:within|in under|in less than|under|in at most)\s+"
    + _DURATION
    # "completes within 5 minutes of midnight" is a schedule, not a response time
    + r"(?!\s+(?:of|after|before|past)\b)",
    re.I,
)
_LATENCY_STEMS = ("repl", "respon", "answer", "return", "load", "render", "complet", "finish",
                  "redirect", "tak", "start", "begin")  # fmt: skip
# Both are asked of every claim (and freshness again of every staleness bound read): answered
# from the screen's one pass over the text, as the stems registered above are, where each
# call lower-cased the text and scanned it once per stem. The reply stems are asked of every
# retried write.
SCREEN.add_stems(_FRESHNESS_STEMS, _LATENCY_STEMS, _REPLY_STEMS)


def latency_bound(text: str) -> str | None:
    """A response-time target said with a verb and a number ("replies within 3 s").

    Why: the latency concept is named by "latency", "p99" or "ms"; "replies within 3 s"
    states the target as plainly, and a design that says it has a non-functional target."""
    if _DIGIT.search(text) is None or not SCREEN.holds(_LATENCY_STEMS, text):
        return None  # the bound is a duration, which starts with a digit
    match = _LATENCY_BOUND.search(text)
    return match.group(0) if match else None

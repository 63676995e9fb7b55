"""Planted defects: does the review notice when one thing in a strong answer breaks?

Agreement with judges (bench/agreement.py) says how the reviewer ranks whole answers; it
says nothing of whether a single broken thing in a good answer is seen. This bench takes
each strong calibration answer (every primer answer, and the judged answers whose judges'
mean is 4.0 or more), plants one realistic defect at a time, reviews before and after and
records whether the review caught it: the expected finding, at the planted line when the
defect has one, or the dimension's score dropping. Each planter finds its target by
reading the text (a derivation's result, a decision sentence, a failure paired with a
response ...) and skips an answer where it finds none, so the bench is independent of what
the reviewer already parses. Answers are reviewed with the problem mapping of
bench/review_golden.py.

Run: python bench/planted.py [--calibration PATH] [--format text|json] [--only DEFECT]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import parse_design
from tradeoff.review import review_design
from tradeoff.review.engine import Review

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
from review_golden import DEFAULT_CALIBRATION, cases  # noqa: E402

from test_substance import padding  # noqa: E402  (the property test's mention-only prose)

STRONG_MEAN = 4.0


@dataclass
class Plant:
    """One planted defect: the edited text and, when the defect sits on a line, that line."""

    text: str
    line: int | None
    note: str
    target: str | None = None  # the component made single, when the defect is one


@dataclass
class Outcome:
    defect: str
    answer: str
    note: str
    caught: bool
    dropped: bool
    detail: str = ""


@dataclass
class Tally:
    planted: int = 0
    caught: int = 0
    dropped: int = 0
    misses: list[Outcome] = field(default_factory=list)


# ---- finding a derivation's result --------------------------------------------------------

_MAGNITUDE = r"(?:K|k|M|B|T|thousand|million|billion|trillion)"
_UNIT = (
    r"(?:/s(?:ec)?\b|/day\b|/month\b|/year\b|/hour\b|/min\b|QPS|RPS|TPS|[KMGTP]i?B\b|bytes?\b"
    r"|[KMGT]bps|[KMGT]B/s|writes|reads|requests|req\b|ops|events|messages|uploads|videos"
    r"|URLs|tweets|posts|objects|keys|chunks|queries|tokens|views)"
)
# "... a x b = c unit" or "N/day = M/s": a result after "=" or "≈" with a number on its left.
_RESULT = re.compile(
    r"(?P<left>\d[^=≈|\n]*?)\s*(?:=|≈|~=)\s*[*_~$≈\s]*~?\s*"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)(?P<mag>\s?" + _MAGNITUDE + r")?(?![\d,.]*\^)"
    r"(?P<rest>\s*[*_]*\s*" + _UNIT + r")"
)
# Inputs on the line: two numbers joined by an operator ("1M/day x 1 KB", "1B/30"), or one
# rate carried into another period ("100M/day = 1,157/s"). "20 queries/user/day = 200K/day"
# needs a user count from elsewhere: a reader cannot redo it from the line.
_OPERATOR = re.compile(
    r"\d[\d,.]*\s*\S*\s*(?:[x×*÷]|/)\s*\(?\s*\$?\d"
    r"|\d.*\bat\s+(?:avg\.?\s+|average\s+|about\s+|~\s*)?\$?\d"
)
_PERIOD = re.compile(
    r"/\s*(day|d|s|sec|second|month|mo|year|yr|h|hour|min)\b"
    r"|\bper (day|second|month|year|hour)\b|\b(QPS|RPS|TPS)\b",
    re.I,
)


def _converts(left: str, right: str) -> bool:
    a, b = _PERIOD.search(left), _PERIOD.search(right)
    if not (a and b):
        return False
    return a.group(0).lower().lstrip("/ ") != b.group(0).lower().lstrip("/ ")


_BUMP = {"K": "M", "k": "M", "M": "B", "B": "T", "thousand": "million", "million": "billion"}
_BYTE_BUMP = {"KB": "MB", "MB": "GB", "GB": "TB", "TB": "PB", "Kbps": "Mbps", "Mbps": "Gbps"}


def derivation_lines(lines: list[str]) -> list[tuple[int, re.Match[str]]]:
    """Lines that work a figure out from others on the same line, with the first result."""
    found = []
    for index, line in enumerate(lines):
        match = _RESULT.search(line)
        if match and (
            _OPERATOR.search(match.group("left"))
            or _converts(match.group("left"), match.group("rest") + line[match.end() :])
        ):
            found.append((index, match))
    return found


def _scaled(number: str, factor: float) -> str:
    value = float(number.replace(",", "")) * factor
    decimals = len(number.split(".")[1]) if "." in number else 0
    if decimals and factor >= 10:
        decimals = max(decimals - 1, 0)
    text = f"{value:,.{decimals}f}" if "," in number else f"{value:.{decimals}f}"
    return text


def plant_unit_slip(text: str) -> Plant | None:
    """One derived figure x1000: "= 11.6/s" -> "= 11.6K/s", "= 20 GB/day" -> "= 20 TB/day"."""
    lines = text.split("\n")
    for index, match in derivation_lines(lines):
        mag = (match.group("mag") or "").strip()
        rest = match.group("rest")
        unit = re.search(r"[KMGT]i?B\b|[KMGT]bps", rest)
        if mag:
            if mag not in _BUMP:
                continue
            start, end = match.span("mag")
            new = match.group("mag").replace(mag, _BUMP[mag])
        elif unit and unit.group(0) in _BYTE_BUMP:
            start, end = match.start("rest") + unit.start(), match.start("rest") + unit.end()
            new = _BYTE_BUMP[unit.group(0)]
        else:
            start, end = match.span("num")
            new = match.group("num") + "K"
        line = lines[index]
        lines[index] = line[:start] + new + line[end:]
        return Plant("\n".join(lines), index + 1, f"{line.strip()[:70]!r} -> {new!r}")
    return None


def plant_arithmetic_slip(text: str) -> Plant | None:
    """One derivation's result x10: "x 1 KB = 1 GB/day" -> "x 1 KB = 10 GB/day"."""
    lines = text.split("\n")
    for index, match in derivation_lines(lines):
        start, end = match.span("num")
        new = _scaled(match.group("num"), 10)
        line = lines[index]
        lines[index] = line[:start] + new + line[end:]
        return Plant("\n".join(lines), index + 1, f"{line.strip()[:70]!r} -> {new!r}")
    return None


# ---- reasons, failures, monitoring --------------------------------------------------------

# The reason clauses of the padding property test, as candidates write them, and the other
# ways strong answers give a reason: a purpose ("so reads stay fast", "which keeps ..."), a
# cause ("due to", "given that", "as it ..."), a labelled reason ("Why: ...").
_REASON_CLAUSE = re.compile(
    r"(,|;|—|-)?\s*\b(because|since|so that|so we|so the|so it|so reads|so writes|which means"
    r"|to avoid|in order to|to reduce|to handle|to keep|to prevent|to bound|to absorb"
    r"|rather than|instead|at the cost of|the downside|otherwise|due to|given that"
    r"|as (?:it|they|this|we)|which (?:keeps|lets|allows|avoids|gives|makes|means)"
    r"|this (?:keeps|lets|allows|avoids|gives|makes|means)|allowing|avoiding"
    r"|why|reason|rationale)\b[^.\n|]*",
    re.I,
)


_REASON_COLUMN = re.compile(
    r"^(why|reason|reasons|reasoning|rationale|justification|because|benefit|benefits)$", re.I
)


def plant_removed_reasons(text: str) -> Plant | None:
    """Every reason clause, and the cells of every table column headed Why or Rationale."""
    count = len(_REASON_CLAUSE.findall(text))
    lines = _REASON_CLAUSE.sub("", text).split("\n")
    cells = 0
    for index, line in enumerate(lines[:-1]):
        if not line.lstrip().startswith("|") or not re.match(
            r"^\s*\|?\s*:?-{3,}", lines[index + 1]
        ):
            continue
        reasons = [i for i, cell in enumerate(_cells(line)) if _REASON_COLUMN.match(cell)]
        row = index + 2
        while reasons and row < len(lines) and lines[row].lstrip().startswith("|"):
            values = _cells(lines[row])
            for i in reasons:
                if i < len(values) and values[i]:
                    values[i] = ""
                    cells += 1
            lines[row] = "| " + " | ".join(values) + " |"
            row += 1
    if not count and not cells:
        return None
    return Plant("\n".join(lines), None, f"{count} reason clauses, {cells} reason cells")


_FAILURE = re.compile(
    r"\b(fails?|failed|failures?|down|outages?|crash(?:es|ed)?|unavailable|unreachable"
    r"|time[sd]? out|timeouts?|dies|dead|lost|loses|loss|partitioned|partition|overload(?:ed)?"
    r"|corrupt\w*|slow|lag|breach|exhausted|unhealthy|goes away|disconnect\w*)\b",
    re.I,
)
_RESPONSE = re.compile(
    r"\b(retr(?:y|ies|ied)|fail[-\u2011]?over|fail(?:s)?[-\u2011 ](?:open|closed)|fall(?:s)? back"
    r"|fallback|promote[sd]?|re-?route[sd]?|degrade[sd]?|degradation|serve[sd]?|stale|replay(?:s|ed)?|re-?queue[sd]?"
    r"|switch(?:es)?|circuit[- ]breakers?|redeliver(?:s|ed)?|rebuil(?:d|t)|restore[sd]?"
    r"|takes? over|re-?elect(?:s|ed)?|reschedule[sd]?|return(?:s|ed)?|reject(?:s|ed)?|shed"
    r"|buffer(?:s|ed)?|resume[sd]?|recover(?:s|ed|y)?|reconcile[sd]?|back-?off|re-?replicat\w*"
    r"|repair(?:s|ed)?|heal(?:s|ed)?|redirect(?:s|ed)?|skip(?:s|ped)?|drop(?:s|ped)?"
    r"|evict(?:s|ed)?|spill(?:s|ed)?|pause[sd]?|mitigat\w*)\b",
    re.I,
)
_FAILURE_TABLE = re.compile(r"^\s*\|.*\b(failure|scenario|fault|what fails|risk)\b.*\|", re.I)


def _table_rows_after_header(lines: list[str], header: re.Pattern[str]) -> set[int]:
    """The body rows of every table whose header row matches `header`."""
    rows: set[int] = set()
    index = 0
    while index < len(lines):
        if header.match(lines[index]) and index + 1 < len(lines) and "---" in lines[index + 1]:
            index += 2
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                rows.add(index)
                index += 1
        else:
            index += 1
    return rows


def _without(lines: list[str], gone: set[int], label: str) -> Plant | None:
    if not gone:
        return None
    kept = [line for index, line in enumerate(lines) if index not in gone]
    return Plant("\n".join(kept), None, f"{len(gone)} {label} lines")


def plant_removed_failure_handling(text: str) -> Plant | None:
    """Every line that pairs a failure with a response, and every row of a table of failures."""
    lines = text.split("\n")
    code = _code_lines(lines)
    gone = {
        index
        for index, line in enumerate(lines)
        if index not in code and _FAILURE.search(line) and _RESPONSE.search(line)
    }
    gone |= _table_rows_after_header(lines, _FAILURE_TABLE)
    gone |= _sections(lines, _FAILURE_HEADING)
    return _without(lines, gone, "failure->response")


# A section of failures and their responses, its subsections included: "## Failure modes
# and mitigations" over "### Quota service unavailable" / "Mitigation: ...".
_FAILURE_HEADING = re.compile(
    r"^(#+)\s.*\b(failure|failures|fault|faults|resilien\w*|disaster|degradation|outages?)\b",
    re.I,
)


def _sections(lines: list[str], heading: re.Pattern[str]) -> set[int]:
    """The lines of every section whose heading matches, down to the next heading of the
    same or a higher level (fenced code is not read for headings)."""
    code = _code_lines(lines)
    out: set[int] = set()
    level = 0
    for index, line in enumerate(lines):
        marks = re.match(r"^(#+)\s", line) if index not in code else None
        if marks is not None:
            depth = len(marks.group(1))
            if level and depth <= level:
                level = 0
            if not level and heading.match(line):
                level = depth
        if level:
            out.add(index)
    return out


# Watching, not a target: a requirement "p99 < 100 ms" sets a bound; "alert when p99 > 100
# ms" watches it.
_WATCH = re.compile(
    r"\b(alerts?|alerting|alarms?|pag(?:e|es|ed|ing) (?:the |an? )?on-?call|on-call|monitor\w*"
    r"|dashboards?|metrics?|observability)\b",
    re.I,
)
_THRESHOLD = re.compile(
    r"[<>≥≤]|\b(over|above|exceeds?|exceeding|below|under|drops?|spikes?|more than|less than"
    r"|breach\w*|threshold)\b|\d\s*(%|ms\b|s\b|x\b)",
    re.I,
)


_WATCH_HEADING = re.compile(r"^#+ .*\b(monitoring|alerting|alerts|observability)\b", re.I)
_WATCH_COLUMN = re.compile(
    r"^(alerts?|alert threshold|threshold|detection|monitoring|signal)$", re.I
)


def _cells(line: str) -> list[str]:
    return [cell.strip().strip("*_ ") for cell in line.strip().strip("|").split("|")]


_ALERT_PHRASE = re.compile(
    r"(?:[,;]\s*|\s+and\s+)?\b(?:alert(?:s|ed|ing)?|pag(?:e|es|ed|ing) (?:the |an? )?on-?call)\b"
    r"(?:\s+(?:on|if|when|the|to|ops|team|sre)\b[^|.;,]*)?",
    re.I,
)


def plant_removed_monitoring(text: str) -> Plant | None:
    """Every alert and watched threshold: lines naming an alert or a metric with a
    threshold, thresholds listed under a monitoring heading, the rows of a table of alerts,
    and the detection column of a table of failures (the failure and its response stay)."""
    lines = text.split("\n")
    gone = {
        index for index, line in enumerate(lines) if _WATCH.search(line) and _THRESHOLD.search(line)
    }
    under = False
    for index, line in enumerate(lines):
        if line.startswith("#"):
            under = bool(_WATCH_HEADING.match(line))
        elif under and _THRESHOLD.search(line) and not line.lstrip().startswith("|"):
            gone.add(index)
    blanked = 0
    for index, line in enumerate(lines):
        if not (line.lstrip().startswith("|") and index + 1 < len(lines)):
            continue
        if not re.match(r"^\s*\|?\s*:?-{3,}", lines[index + 1]):
            continue
        header = _cells(line)
        watched = [i for i, cell in enumerate(header) if _WATCH_COLUMN.match(cell)]
        if not watched:
            continue
        row = index + 2
        while row < len(lines) and lines[row].lstrip().startswith("|"):
            if _FAILURE_TABLE.match(line) or any(
                re.search(r"\b(failure|scenario|risk|fault)\b", c, re.I) for c in header[:1]
            ):
                cells = _cells(lines[row])
                for i in watched:
                    if i < len(cells):
                        cells[i] = ""
                lines[row] = "| " + " | ".join(cells) + " |"
                blanked += 1
            else:
                gone.add(row)
            row += 1
    # An alert left on a failure's row ("restore from the latest snapshot, alert", "fall back
    # to raw text, alert on low quality") is a failure event watched: the alert goes, the
    # response stays.
    alerts = 0
    for index, line in enumerate(lines):
        if index in gone or line.startswith("#"):
            continue  # a heading ("## Alerts") names the section; the lines under it go above
        kept = _ALERT_PHRASE.sub("", line)
        if kept != line:
            lines[index] = kept
            alerts += 1
    plant = _without(lines, gone, "alert/threshold")
    if plant is None and alerts:
        plant = Plant("\n".join(lines), None, "")
    if plant is not None:
        plant.note += f"; {alerts} alerts stripped"
    if plant is None and blanked:
        plant = Plant("\n".join(lines), None, "")
    if plant is not None:
        plant.note += f"; {blanked} detection cells blanked"
    return plant


def _mermaid_lines(lines: list[str]) -> set[int]:
    inside, out = False, set()
    for index, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            inside = line.strip().lower().startswith("```mermaid")
        elif inside:
            out.add(index)
    return out


def _code_lines(lines: list[str]) -> set[int]:
    inside, out = False, set()
    for index, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            inside = not inside
            out.add(index)
        elif inside:
            out.add(index)
    return out


# ---- hedge --------------------------------------------------------------------------------

_ALTERNATIVE = {
    "redis": "Memcached",
    "memcached": "Redis",
    "postgresql": "MySQL",
    "postgres": "MySQL",
    "mysql": "PostgreSQL",
    "cassandra": "DynamoDB",
    "dynamodb": "Cassandra",
    "kafka": "RabbitMQ",
    "rabbitmq": "Kafka",
    "s3": "Google Cloud Storage",
    "elasticsearch": "OpenSearch",
    "token bucket": "Sliding Window",
    "sliding window": "Token Bucket",
    "pull": "push",
    "push": "pull",
    "hls": "DASH",
    "clickhouse": "Druid",
    "grpc": "REST",
    "websockets": "long polling",
    "qdrant": "Pinecone",
    "pgvector": "Qdrant",
    "mongodb": "Cassandra",
    "base62": "a hash of the URL",
    "snowflake": "UUIDs",
    "consistent hashing": "range partitioning",
    "erasure coding": "3x replication",
    "hybrid search": "dense retrieval alone",
    "fan-out on write": "fan-out on read",
}
_NAMES = "|".join(re.escape(k) for k in sorted(_ALTERNATIVE, key=len, reverse=True))
_DECISION = re.compile(
    r"(?:(?<![\w-])(?:[Ww]e(?:'ll| will| would)?|I(?:'d| would| will)?)\s+"
    r"|(?:^|(?<=[.:] )|(?<=\*\* ))(?=Use\b))"
    r"(?:use|choose|chose|pick|go with|store \w+ in)\s+(?:a |an |the )?[*_`]*(?P<x>"
    + _NAMES
    + r")\b[*_`]*[^.\n]*(?:\.|$)",
    re.I,
)


def plant_hedge(text: str) -> Plant | None:
    """The first "We use X ..." sentence whose X is decided nowhere else becomes "We could use
    X or Y; either would work."."""
    lines = text.split("\n")
    code = _code_lines(lines)
    for index, line in enumerate(lines):
        match = _DECISION.search(line)
        if not match or index in code or line.lstrip().startswith("|"):
            continue
        x = match.group("x")
        # A hedge that a later line decides ("We use the Token Bucket algorithm ...") is
        # cleared, as it should be: plant only a decision the answer makes once.
        again = [
            m
            for j, other in enumerate(lines)
            if j != index and j not in code
            for m in _DECISION.finditer(other)
            if m.group("x").lower() == x.lower()
        ]
        if again:
            continue
        hedge = f"We could use {x} or {_ALTERNATIVE[x.lower()]}; either would work."
        lines[index] = line[: match.start()] + hedge + line[match.end() :]
        return Plant("\n".join(lines), index + 1, f"{match.group(0).strip()[:70]!r}")
    return None


# ---- single point of failure --------------------------------------------------------------

# The system of record first: a cache whose loss falls back to the database is no single
# point of failure, so Redis is tried last.
# Kafka and Cassandra are left out: a box of either reads as a cluster, by the convention
# every interviewer shares, so stripping their words makes no single machine.
_STORES = ("PostgreSQL|Postgres", "MySQL", "MongoDB", "Redis")
_MULTI = re.compile(r"\b(stateless|autoscal\w+|auto-scal\w+|horizontally|instances|pods)\b", re.I)
# Hyphens as answers type them: "20‑node" and "read‑replicas" often carry U+2011 or U+2013.
_H = "[-\u2010\u2011\u2013]"
# Shards are several machines too (each key's data on one of them), by the convention the
# reviewer and interviewers share, so a single store keeps none: "sharded counters in Redis",
# "Redis clustering" and "a 20‑node cluster" each leave the store more than one machine.
_COPIES = re.compile(
    r"(?:\s*(?:with|and|\+|,)\s*)?(?:\b\d+\s*(?:read\s+)?replicas?\b"
    rf"|\bread{_H}?\s?replicas?\b"
    r"|\breplicas?\b|\breplicated\b(?: across [\w\s-]*?(?=[,.;)\]]|$))?|\breplication\b"
    rf"(?: factor)?(?:\s*(?:=|of)\s*\d+)?|\bRF\s*=\s*\d+|[x×]\s*\d+\b|\b\d+\s?{_H}?\s?nodes?\b"
    # "3 Redis nodes", "two database instances"; not "multiple API Gateway instances", which
    # are the gateway's copies and must stay for the review to read them as the gateway's.
    r"|\b(?:\d+|two|three|several|multiple)\s+(?:(?:redis|postgres\w*|mysql|mongo\w*|database"
    r"|db|cache)\s+)?(?:nodes|instances|copies|shards)\b|\bpatroni\b"
    # "keys automatically distributed by hash tag": the store spread over nodes
    r"|\bdistributed\b(?!\s+(?:rate|lock|tracing|counter|correctness))"
    # MySQL on Vitess, PostgreSQL on Citus, either on RDS: sharded or managed, many machines
    r"|\b(?:vitess|citus|rds)\b"
    r"|\bclust(?:er|ered|ering)\b|\bsentinel\b"
    rf"|\bmulti{_H}?AZ\b|\bstandby\b|\bfollowers?\b"
    r"|\bsharded\b|\bshard(?:s|ing)?\b|\bhash slots\b"
    rf"|\bprimary{_H}?[ /]*(?:replica|secondary|standby)\b|\bleader{_H}?[ /]*followers?\b"
    r"|\bhighly available\b|\bHA\b|\bquorum\b|\braft\b|\bsynchronous(?:ly)?\b)",
    re.I,
)
# A line that says how the store survives its own loss is deleted whole.
_FAILOVER = re.compile(
    r"\bfail-?over\b|\bpromot\w+|\btakes? over\b|\bre-?elect\w*|\bpatroni\b|\bsentinel\b",
    re.I,
)
# The store's own loss answered, on a line that names it: "Redis partition | Sidecar falls back
# to local-only enforcement". A store whose loss each instance rides out is no single point
# of failure, so the plant deletes the answer with the copies.
_LOSS = re.compile(
    r"\b(fails?|failed|failures?|down|outages?|crash(?:es|ed)?|unavailable|unreachable|dies"
    r"|dead|lost|partition(?:ed)?)\b",
    re.I,
)
# Products a line may name instead of the store: a line naming one is about that store.
_OTHER_STORES = re.compile(
    r"\b(?:redis|memcached|kafka|cassandra|dynamo\w*|s3|elasticsearch|opensearch|qdrant|milvus"
    r"|pinecone|weaviate|faiss|clickhouse|zookeeper|etcd|cdn|blob|object stor\w*|vector)\b",
    re.I,
)
# A node's id before its bracket, not the "n" of a label's "\n" line break ("Redis
# Replica\n(Read replica)"): taken as an id, it deleted every wrapped label of the drawing.
_MERMAID_NODE = re.compile(
    r"(?<!\\)\b(\w+)\s*[\[({]+[^\])}]*?(?:replica|standby|follower|secondary)", re.I
)


def plant_single_point(text: str) -> Plant | None:
    """One store made one machine where a multi-instance tier uses it: its replicas, "x N",
    cluster and failover words stripped, its failover lines and drawn replicas deleted."""
    if not _MULTI.search(text):
        return None
    lines = text.split("\n")
    drawing = _mermaid_lines(lines)
    stored = " ".join(m.group(0) for i in drawing for m in re.finditer(r"\[\([^)\]]*", lines[i]))
    # A store drawn as a database ("PG[(PostgreSQL)]") first: the one the diagram relies on.
    for store in sorted(_STORES, key=lambda s: not re.search(rf"\b(?:{s})\b", stored, re.I)):
        name = re.compile(
            rf"\b(?:{store})\b|\bDB\b|\bdatabase\b"
            if store != "Redis" and store != "Kafka"
            else rf"\b(?:{store})\b",
            re.I,
        )
        hits = [i for i, line in enumerate(lines) if name.search(line) and _COPIES.search(line)]
        if not hits or not any(re.search(rf"\b(?:{store})\b", lines[i], re.I) for i in hits):
            continue
        if store != "Redis":
            # A database's copies said of storage with no name ("~16-32 shards with read
            # replicas will suffice"): the reader takes them as the database's.
            hits += [
                i
                for i, line in enumerate(lines)
                if i not in hits
                and i not in drawing
                and _COPIES.search(line)
                and not _OTHER_STORES.search(line)
                and re.search(r"\b(shards?|sharded|replicas?|replicated|replication)\b", line, re.I)
            ]
        gone: set[int] = set()
        # ... and a line that says the store fails over ("| Redis authoritative store | Fast |
        # Failover is not perfectly consistent |") says it has a machine to fail over to.
        answered = {
            i
            for i, line in enumerate(lines)
            if i not in drawing
            and re.search(rf"\b(?:{store})\b", line, re.I)
            and ((_LOSS.search(line) and _RESPONSE.search(line)) or _FAILOVER.search(line))
        }
        # "**Failure**: Redis fails" answered below it ("**Fix**:" / "- read from the
        # persistent timeline store"): the block down to a blank line or heading goes too.
        for i, line in enumerate(lines):
            if i in drawing or not (
                re.search(rf"\b(?:{store})\b", line, re.I) and _LOSS.search(line)
            ):
                continue
            block = []
            for j in range(i + 1, min(i + 6, len(lines))):
                if not lines[j].strip() or lines[j].startswith("#") or _LOSS.search(lines[j]):
                    break
                block.append(j)
            if any(_RESPONSE.search(lines[j]) for j in block):
                answered |= {i, *block}
        gone |= answered
        # A replica drawn as a node of its own ("REPLICA[(PostgreSQL Replicas)]"), not the
        # store drawn with its copies ("UDB[(User DB\nMySQL + read replicas)]"): that one
        # keeps its box and loses the words.
        drawn = {
            m.group(1)
            for i in drawing
            for m in _MERMAID_NODE.finditer(lines[i])
            if not re.search(r"\+|\bwith\b|\band\b", m.group(0))
        }
        for index in drawing:
            if any(re.search(rf"\b{re.escape(node)}\b", lines[index]) for node in drawn):
                gone.add(index)  # a replica drawn as a node of its own, and its edges
        for i in hits:
            if _FAILOVER.search(lines[i]):
                gone.add(i)
                continue
            indent = re.match(r"\s*", lines[i]).group(0)  # type: ignore[union-attr]
            # A label's line break written "\n" ("Redis Cluster\nsharded") leaves no word
            # boundary before the next word; a space after it keeps the label as drawn.
            body = lines[i][len(indent) :].replace("\\n", "\\n ")
            body = re.sub(r"  +", " ", _COPIES.sub("", body))
            lines[i] = indent + body
        kept = [line for index, line in enumerate(lines) if index not in gone]
        note = (
            f"{store.split('|')[0]}: {len(hits)} lines stripped, {len(gone)} deleted"
            f" ({len(answered)} answering its loss)"
            + ("" if any(name.search(lines[i]) for i in drawing) else "; not in any diagram")
        )
        return Plant("\n".join(kept), None, note, name.pattern)
    return None


def plant_padding(text: str) -> Plant | None:
    return Plant(text + "\n" + padding(sum(map(ord, text[:200]))), None, "6 paragraphs")


# ---- judging ------------------------------------------------------------------------------


def _keys(review: Review) -> set[tuple[str, int | None]]:
    return {(f.rule, f.evidence.line) for f in review.findings}


def _new(before: Review, after: Review) -> list[tuple[str, str, int | None]]:
    old = _keys(before)
    return [
        (f.rule, f.kind, f.evidence.line)
        for f in after.findings
        if (f.rule, f.evidence.line) not in old
    ]


def _flagged(review: Review, line: int) -> bool:
    """Whether the unplanted answer already has a capacity error or a hedge at `line`."""
    expected = {"CAP102", "CAP103", "TRD101", "TRD106"}
    return any(f.rule in expected and f.evidence.line == line for f in review.findings)


def _single_already(review: Review, target: str) -> bool:
    """Whether the unplanted answer is already told that the target store is single."""
    named = re.compile(target, re.I)
    return any(
        f.kind == "single-point-of-failure" and named.search(f"{f.message} {f.evidence.quote}")
        for f in review.findings
    )


def _dim(review: Review, name: str) -> float:
    score = review.scores.get(name)
    return score.score if score is not None else 0.0


def _judge(defect: str, before: Review, after: Review, plant: Plant) -> tuple[bool, str]:
    new = _new(before, after)
    if defect in ("unit slip", "arithmetic slip"):
        hit = [n for n in new if n[0] in ("CAP102", "CAP103") and n[2] == plant.line]
        return bool(hit), f"new: {new[:4]}"
    if defect == "hedge":
        hit = [n for n in new if n[1] in ("hedge", "options-without-decision")]
        at = [n for n in hit if n[2] == plant.line]
        return bool(at), f"new: {new[:4]}"
    if defect == "removed reasons":
        b, a = _dim(before, "tradeoffs"), _dim(after, "tradeoffs")
        return a < b, f"tradeoffs {b:.2f} -> {a:.2f}"
    if defect == "removed failure handling":
        b, a = _dim(before, "reliability"), _dim(after, "reliability")
        rel = [n for n in new if n[0] in ("REL101", "REL114")]
        none = any(f.rule == "REL101" for f in after.findings)  # "nothing says what happens"
        return a < b or bool(rel) or none, f"reliability {b:.2f} -> {a:.2f}; new {rel[:3]}"
    if defect == "removed monitoring":
        present = [f.rule for f in after.findings if f.rule in ("REL103", "REL104")]
        return bool(present), f"after: {present}; new {new[:4]}"
    if defect == "single point of failure":
        # The finding must be about the store made single: a new finding on another node (a
        # cache whose clearing line was stripped with the store's) is not this defect seen.
        # "Stored data is not replicated" (REL102) is about every database, not a cache.
        named = re.compile(plant.target, re.I) if plant.target else None
        hit = [
            (f.rule, f.kind, f.evidence.line)
            for f in after.findings
            if (f.rule, f.evidence.line) not in _keys(before)
            and (
                (
                    f.kind == "single-point-of-failure"
                    and (named is None or named.search(f"{f.message} {f.evidence.quote or ''}"))
                )
                or (f.rule == "REL102" and named is not None and named.search("database"))
            )
        ]
        b, a = _dim(before, "reliability"), _dim(after, "reliability")
        return bool(hit), f"reliability {b:.2f} -> {a:.2f}; new {new[:4]}"
    if defect == "mention-only padding":
        return after.overall <= before.overall, f"overall {before.overall} -> {after.overall}"
    raise ValueError(defect)


PLANTERS: dict[str, Callable[[str], Plant | None]] = {
    "unit slip": plant_unit_slip,
    "arithmetic slip": plant_arithmetic_slip,
    "removed reasons": plant_removed_reasons,
    "removed failure handling": plant_removed_failure_handling,
    "removed monitoring": plant_removed_monitoring,
    "hedge": plant_hedge,
    "single point of failure": plant_single_point,
    "mention-only padding": plant_padding,
}


def strong_cases(calibration: Path) -> list[tuple[Path, str | None]]:
    """Primer answers and judged answers the judges scored 4.0 or more on average."""
    with (calibration / "judged" / "scores.csv").open(encoding="utf-8") as handle:
        strong = {
            calibration / "judged" / row["answer"]
            for row in csv.DictReader(handle)
            if float(row["mean"]) >= STRONG_MEAN
        }
    return [
        (path, problem)
        for path, problem in cases(calibration)
        if path in strong or path.parent.name == "primer"
    ]


def run(calibration: Path, only: str | None = None) -> dict[str, Tally]:
    catalog = default_catalog()
    tallies = {name: Tally() for name in PLANTERS if only in (None, name)}
    for path, problem in strong_cases(calibration):
        text = path.read_text(encoding="utf-8")
        before = review_design(parse_design(text, str(path)), catalog, problem)
        label = f"{path.relative_to(calibration)} as {problem or 'generic'}"
        for name, tally in tallies.items():
            plant = PLANTERS[name](text)
            if plant is None:
                continue
            if plant.line is not None and _flagged(before, plant.line):
                continue  # the line was already wrong: a new finding there cannot show
            if plant.target is not None and _single_already(before, plant.target):
                continue  # the store was already reported single: a new finding cannot show
            after = review_design(parse_design(plant.text, str(path)), catalog, problem)
            caught, detail = _judge(name, before, after, plant)
            dropped = after.overall < before.overall
            tally.planted += 1
            tally.caught += caught
            tally.dropped += dropped
            if not caught:
                where = f" line {plant.line}" if plant.line else ""
                outcome = Outcome(name, label, f"{plant.note}{where}", caught, dropped, detail)
                tally.misses.append(outcome)
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calibration", type=Path, default=DEFAULT_CALIBRATION)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--only", choices=tuple(PLANTERS), help="plant one kind of defect")
    args = parser.parse_args()
    if not (args.calibration / "judged" / "scores.csv").is_file():
        raise SystemExit(f"no judged scores under {args.calibration}; pass --calibration")
    tallies = run(args.calibration, args.only)
    if args.format == "json":
        out = {
            name: {
                "planted": t.planted,
                "caught": t.caught,
                "score_dropped": t.dropped,
                "misses": [m.__dict__ for m in t.misses],
            }
            for name, t in tallies.items()
        }
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return
    print(f"{'defect':<26} {'planted':>7} {'caught':>7} {'dropped':>8}")
    for name, t in tallies.items():
        print(f"{name:<26} {t.planted:>7} {t.caught:>7} {t.dropped:>8}")
    for name, t in tallies.items():
        for miss in t.misses:
            print(f"\nMISS {name}: {miss.answer}\n  {miss.note}\n  {miss.detail}")


if __name__ == "__main__":
    main()

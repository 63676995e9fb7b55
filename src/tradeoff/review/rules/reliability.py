"""Rules for reliability and operations: failures, replication, monitoring, security, rollout."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradeoff.design.markdown import is_label_line
from tradeoff.language.claims import ITEM, ROW, SENTENCE
from tradeoff.language.lexicon import states_moved_to
from tradeoff.language.literals import SCREEN
from tradeoff.language.mentions import NEGATED, clean_line
from tradeoff.language.operations import (
    failure_response,
    idempotency_guard_for_all,
    is_security_slogan,
    last_write,
    monitoring_signal,
    names_monitoring,
    redundancy_need,
    retried_write,
    retries_without_object,
    security_control,
)
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import ABSENT, Finding
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.rules.rubric import gap, uncovered
from tradeoff.review.substance import out_of_scope

# Claims end at a sentence stop; a table row stays whole (its cells pair up). Semicolons do
# not split: "p99 < 5 ms (SLO); page if > 3 ms" is one signal.
_CLAUSE_END = re.compile(r"(?<=[.!?])\s+")
_SCOPE_TITLE = re.compile(r"out of scope|non-?goals|not in scope", re.I)
_SCOPE_LEAD = re.compile(r"^\W*(out of scope|not in scope|non-?goals?)\b", re.I)
_TOOLS = re.compile(
    r"\b(prometheus|grafana|datadog|new relic|cloudwatch|opentelemetry|elk|splunk)\b", re.I
)
_AMBIGUOUS_SECURITY = frozenset({"scope", "scopes", "owner", "token", "tokens", "secure"})
# "spam score", "fraud signal", "abuse probability": a quantity a ranking model reads, not
# the design's defence against spam or fraud; citing it as "security is mentioned" misleads.
_SIGNAL_AFTER = re.compile(
    r"[\s-]*(?:scores?|scoring|signals?|features?|probabilit(?:y|ies)|ratings?|labels?)\b",
    re.I,
)


def _a_signal(term: str, quote: str) -> bool:
    """Whether every use of `term` in the sentence is a model's input ("spam score")."""
    lowered = quote.lower()
    spots = [m.end() for m in re.finditer(rf"\b{re.escape(term.lower())}\b", lowered)]
    return bool(spots) and all(_SIGNAL_AFTER.match(lowered, end) for end in spots)


# Data kept on the user's own machine: replicating it is not the design's job.
_LOCAL_STORE = re.compile(
    r"\b(local|embedded|on-device|on the device|in-process)\b[^.;]{0,40}\b(sqlite|file|store"
    r"|database|db)\b|\bsqlite\b",
    re.I,
)


_last: list[tuple[ReviewContext, list[tuple[int, str, str]]]] = []


def _stated_lines(ctx: ReviewContext) -> set[int]:
    """Lines with a claim that says something of what it names: evidence (a number, a
    reason, a flow...), something concrete (code, an identifier), or a decision ("we upsert
    on the event id"); not a line of names in filler prose."""
    return {
        c.line
        for c in ctx.claims
        if c.features.has_evidence
        or c.features.specific
        or (c.features.decision and _BARE_USE.match(c.text) is None)
    }


# "We will use idempotence for this", "We will use deduplicate for this": a decision in form
# whose object is only "this", so it says of no write that it is made idempotent (or cached,
# or retried).
_BARE_USE = re.compile(
    r"^\W*(?:we|i)(?: will|'ll| would| can)? use (?:an? |the )?[\w\s'-]{1,40}? for"
    r" (?:this|it|that|these)\W*$",
    re.I,
)


def clauses(ctx: ReviewContext) -> list[tuple[int, str, str]]:
    """(line, clause, heading) for the candidate's lines: sentences of prose, whole table rows,
    lines of fenced blocks; the heading is the title of the section the line sits in.

    Several rules read the same clauses in one review; the last review's are kept."""
    if _last and _last[0][0] is ctx:
        return _last[0][1]
    out = _split_clauses(ctx)
    _last[:] = [(ctx, out)]
    return out


def _split_clauses(ctx: ReviewContext) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    # line -> the innermost section's title; a label's ("Mitigations:") after its parent's
    # ("7. LLM outage > Mitigations"): the label names its items' role, the parent the
    # failure they answer.
    titles: dict[int, str] = {}
    stack: list[tuple[int, str]] = []
    for section in sorted(ctx.doc.sections, key=lambda s: s.start):
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        label = stack and is_label_line(ctx.doc.line(section.start))
        title = f"{stack[-1][1]} > {section.title}" if label else section.title
        for n in range(section.start, section.end + 1):
            titles[n] = title
        if section.level > 0:
            stack.append((section.level, section.title))
    header = ""  # the header row of the table being read: "| Metric | Alert threshold |"
    previous = 0
    for number, text in ctx.lines:
        cleaned = clean_line(text).strip()
        if not cleaned:
            continue
        heading = titles.get(number, "")
        if cleaned.startswith("|"):
            if previous != number - 1 or not header:
                header = cleaned
            if re.fullmatch(r"[|:\-\s]+", cleaned):
                previous = number
                continue
            out.append((number, cleaned, f"{heading} {header}" if cleaned != header else heading))
            previous = number
            continue
        header = ""
        if number in ctx.doc.code_lines:
            out.append((number, cleaned, heading))
        else:
            out.extend((number, c, heading) for c in _CLAUSE_END.split(cleaned) if c.strip())
    return out


def out_of_scope_lines(ctx: ReviewContext) -> set[int]:
    """Lines that list what the design will not do: an "Out of scope" section or line, and
    the list items right after an "Out of scope:" lead-in."""
    lines = {
        n
        for s in ctx.doc.sections
        if _SCOPE_TITLE.search(s.title)
        for n in range(s.start, s.end + 1)
    }
    in_list = False
    for number, text in ctx.lines:
        stripped = text.strip()
        if _SCOPE_LEAD.search(stripped):
            lines.add(number)
            in_list = stripped.endswith(":")
        elif in_list and re.match(r"^([-*+]|\d+[.)])\s", stripped):
            lines.add(number)
        else:
            in_list = False
    return lines


_last_retried: list[tuple[ReviewContext, list[tuple[int, str, str]]]] = []


def retried_writes(ctx: ReviewContext) -> list[tuple[int, str, str]]:
    """(line, clause, write) for each retried write with side effects that nothing makes
    idempotent (see `_retried_writes`).

    Two rules of one review ask (REL109, and API103 when nothing places idempotency), and
    each read every clause of the design for its retried writes and its guards; the last
    review's answer is kept, as `clauses` keeps the clauses. It depends on the context's
    claims, mentions and clauses alone, which a review does not change."""
    last = _last_retried[0] if _last_retried else None  # read once: another thread may set it
    if last is not None and last[0] is ctx:
        return last[1]
    found = _retried_writes(ctx)
    _last_retried[:] = [(ctx, found)]
    return found


def _retried_writes(ctx: ReviewContext) -> list[tuple[int, str, str]]:
    """(line, clause, write) for each retried write with side effects that nothing makes
    idempotent: no idempotency key, deduplication or exactly-once said of it.

    The guard must be said of something: a line that only names it ("Insert if not exists
    plays a key role here", "Idempotency is an important part of the overall picture")
    makes no write idempotent, as it earns nothing anywhere else. And it must be said of
    this write: "idempotent events (message IDs)" for view counts in a failure table does
    not make the notification worker's retried email safe. A guard covers a retried write
    when it stands in the same section, names the same thing (the email, the charge), or
    is said of every write ("all writes carry an idempotency key")."""
    stated = _stated_lines(ctx)
    all_clauses = clauses(ctx)
    guard_lines = {
        m.line
        for m in ctx.mentions.positive("idempotency")
        if m.line in stated and not _BARE_USE.match(m.quote)
    }
    guards = [
        (n, c, h)
        for n, c, h in all_clauses
        if n in stated
        and not _BARE_USE.match(c)
        and (n in guard_lines or idempotency_guard_for_all(c))
    ]
    found = []
    previous: tuple[int, str] = (0, "")
    for number, clause, heading in all_clauses:
        write = retried_write(clause)
        if write is None and previous[0] == number and retries_without_object(clause):
            # "Client sends POST /v1/feed. If it times out, the app sends it again.": the
            # retry's "it" is the write of the sentence before it on the line.
            write = retried_write(f"{previous[1]} {clause}") and last_write(previous[1])
        previous = (number, clause)
        if write is None:
            continue
        if _SAME_KEY.search(clause):
            continue  # "retrying with the same key": the retry carries its own guard
        stem = re.sub(r"\W", "", write.split()[-1].lower())[:5]
        # The stem is matched in the guard's words run together, so "resends the missing
        # parts" is the write "Re-sending part n overwrites it, so a retry is safe" guards.
        if any(
            h == heading or stem in re.sub(r"\W", "", c.lower()) or _EVERY_WRITE.search(c)
            for _, c, h in guards
        ):
            continue
        found.append((number, clause, write))
    return found


_SAME_KEY = re.compile(
    r"\bsame\W+(?:idempotency[- ])?(?:key|request[- ]id|operation[- ]id|attempt[- ]id)\b",
    re.I,
)
# A guard said of every write, not of one: "all writes carry an idempotency key", "every
# consumer is idempotent", "handlers are idempotent".
_EVERY_WRITE = re.compile(
    r"\b(?:all|every|each|any)\s+(?:\w+\s+)?(?:writes?|requests?|operations?|mutations?|calls?"
    r"|endpoints?|consumers?|handlers?|workers?|jobs?|messages?|events?|side[- ]effects?"
    r"|sends?|deliver(?:y|ies)|notifications?|charges?|payments?|posts?|puts?|patch(?:es)?"
    r"|creates?|updates?)\b"
    r"|\b(?:writes|operations|requests|mutations|consumers|handlers|workers|apis?|endpoints)"
    r" (?:are|stay|remain) (?:all )?idempotent\b"
    r"|\bidempotent (?:consumers|handlers|workers|writes|operations|apis|endpoints|jobs|sends"
    r"|deliver(?:y|ies))\b"
    # The design's delivery semantics, said once for every consumer: "at-least-once plus
    # dedup is the practical choice", "at-least-once bus + idempotent consumers".
    r"|\bat[- ]least[- ]once\b[^.;]{0,40}?(?:\bidempoten\w*|\bdedup\w*|\bde-?duplicat\w*)",
    re.I,
)


# "calls findSpot() and then markTaken()", "if seat.isFree(): seat.book()".
_ACT = r"(mark|take|book|reserve|assign|claim|set|decrement|occupy|hold|park|allocate)\w*\s*\("
_CHECK_THEN_ACT = re.compile(
    r"\b(find|check|is|has|get|lookup|search|select)\w*\s*\([^)]*\)[^;\n]{0,60}?"
    rf"\b(then|and then|after that|before)\b[^;\n]{{0,60}}?\b{_ACT}"
    rf"|\bif\b[^:{{\n]*\b(is|has)\w*\s*\([^)]*\)[^;\n]{{0,40}}?\b{_ACT}",
    re.I,
)


# The items under "Cause:" or "Impact:" describe the failure; "the uplink drops" there is
# no response, though "drops" is one under "Mitigations:".
_CAUSE_LABEL = re.compile(
    r">\s*(?:root )?(?:causes?|symptoms?|impact|effects?|detection|signals?|triggers?"
    r"|what happens|failure)\s*$",
    re.I,
)


@register
class NoFailureHandling(Rule):
    id = "REL101"
    dimension = "reliability"
    kind = "no-failure-handling"
    severity = "error"
    message = "Nothing says what happens when a component fails"
    rationale = (
        "Interviewers always ask 'what if this dies?'. A design that never mentions failure,"
        " timeouts or recovery has not been tested against reality."
    )
    example = "(no section on failures)"
    fix = "For each stateful component, say how failure is detected and how the system recovers."

    caps = {"reliability": 1.5}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # An object-oriented design (a parking lot, an elevator) runs in one process: no
        # component of it fails over, and its failures are the domain's edge cases (a lost
        # ticket, a car out of service), which REL111 and the prompt's items ask for.
        if ctx.is_ood:
            return
        # Substance, not mentions: a failure paired with what the system then does. Any of
        # three readings clears the rule, so the one the claims' features already hold is
        # asked first; the clauses are read again only for a design it does not clear.
        if any(
            c.features.failure_response and not _CAUSE_LABEL.search("> " + c.heading[-40:])
            for c in ctx.claims
        ):
            return  # paired across parts: "Problem: ..." then "Mitigation: ...", a table row
        # ... in one clause or table row ("if Redis is unreachable, fall back to the local
        # bucket")
        if any(
            failure_response(clause, heading)
            for _, clause, heading in clauses(ctx)
            if not _CAUSE_LABEL.search(heading[-40:])  # a title may be a whole 2 MB line
        ):
            return
        if any(e.label and failure_response(e.label) for d in ctx.diagrams for e in d.edges):
            return  # a state diagram's "Leader --> Follower: lease lost, step down"
        wanted = ("failure-handling", "failover", "retry-backoff", "circuit-breaker", "edge-cases")
        named = ctx.mentions.any_mention(*wanted)
        if named is None:
            yield self.finding()
            return
        yield self.finding(
            f"Failure is mentioned (line {named.line}) but no failure is paired with what the"
            " system then does"
        )


@register
class NoReplication(Rule):
    id = "REL102"
    dimension = "reliability"
    kind = "no-replication"
    severity = "warning"
    message = "Stored data is not replicated"
    rationale = (
        "One copy of the data is one disk failure from loss; replication is how durability and"
        " availability targets are met, and every interviewer expects it."
    )
    example = "Posts are stored in MySQL."
    fix = "Replicate each store (e.g. 3 copies across zones) and say how a replica is promoted."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.is_system:
            return
        if ctx.mentions.has(
            "replication", "leader-follower", "multi-leader", "quorum", "erasure-coding"
        ):
            return
        if ctx.problem is not None:  # a catalog prompt is a service at scale by construction
            yield self.finding()
            return
        # The generic rubric asks for replicas only where the design's own requirements do:
        # a stated availability target, several instances, millions of users. A tool whose
        # data sits in a local file on its user's machine needs none of that.
        needs = [(n, c, need) for n, c, _ in clauses(ctx) if (need := redundancy_need(c))]
        if not needs or any(_LOCAL_STORE.search(c) for _, c, _ in clauses(ctx)):
            return
        number, _, need = needs[0]
        yield self.finding(
            f"Stored data is not replicated, though line {number} calls for it ({need!r})"
        )


@register
class NoMonitoring(Rule):
    id = "REL103"
    dimension = "reliability"
    kind = "no-monitoring"
    severity = "warning"
    message = "No monitoring or alerting"
    rationale = (
        "You cannot run what you cannot see; saying what you measure and alert on shows you"
        " have operated systems, which senior interviews probe."
    )
    example = "(no mention of metrics, dashboards or alerts)"
    fix = "Name 3-4 metrics with thresholds (p99 latency, error rate, queue lag) and who is paged."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood:
            return
        if ctx.mentions.any_mention("monitoring", "logging-tracing"):
            return
        # An SLO said as a target ("well under the 200 ms SLO") is a requirement, not a
        # watch: it keeps the finding quiet only where the line says it is measured.
        slos = [m for m in ctx.mentions.get("slo") if m.status != NEGATED]
        if not any(_SLO_WATCHED.search(m.quote) for m in slos):
            yield self.finding()


# What makes an SLO monitoring rather than a target: a measured indicator, a budget spent
# by measured errors, or a line that says the level is tracked, crossed or acted on.
_SLO_WATCHED = re.compile(
    r"\bslis?\b|service level indicators?|error budgets?|burn[- ]?rates?"
    r"|\b(?:measur|track|watch|observ|report|breach|violat|burn|alert|dashboard)\w*"
    r"|\bpag(?:e|es|ed|ing)\b|\bon-?call\b",
    re.I,
)


@register
class VagueMonitoring(Rule):
    id = "REL104"
    dimension = "reliability"
    kind = "vague-monitoring"
    severity = "warning"
    message = "Monitoring is named but no metric comes with a threshold and an action"
    rationale = (
        "'We will add monitoring' is not a plan. Interviewers want the metrics, the thresholds"
        " or SLOs, and what happens when one is crossed: an alert, a page, shedding, scaling"
        " or a rollback."
    )
    example = "We will use Prometheus and Grafana for monitoring."
    fix = "Pair each metric with a threshold and an action: page if p99 > 100 ms for 5 min."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # Concrete monitoring is a metric with a threshold and an action, anywhere; naming
        # tools ("Prometheus and Grafana for observability") is what this rule reports.
        found = clauses(ctx)
        if any(monitoring_signal(c, heading) for _, c, heading in found):
            return
        skip = out_of_scope_lines(ctx)
        skip |= {s.start for s in ctx.doc.sections if s.level == 1}  # the prompt's title
        named: list[tuple[int, int, str]] = []  # (preference, line, clause)
        starts = {s.start for s in ctx.doc.sections}  # heading lines, read without their "#"
        for number, clause, _ in found:
            if number in skip or number in ctx.doc.code_lines:
                continue
            if names_monitoring(clause) is None:
                continue
            mention = [m for m in ctx.mentions.get("monitoring") if m.line == number]
            if mention and all(m.status == "negated" for m in mention):
                continue
            # The clearest evidence names the tools and nothing they watch; a heading or a
            # principle ("Observability matters") says less about the plan.
            # A bare label ("**Observability**:") only titles the list under it; an alert
            # named with nothing to trip it ("`redis_latency_p99` (we alert on it)") is the
            # line that lacks the threshold.
            heading = (
                clause.lstrip().startswith("#")
                or number in starts
                or _BARE_LABEL.match(clause) is not None
            )
            direct = _TOOLS.search(clause) or _ALERTED.search(clause)
            named.append((2 if heading else 0 if direct else 1, number, clause))
        if named:
            _, number, clause = min(named)
            yield self.finding(evidence=ctx.line_evidence(number, clause))


_BARE_LABEL = re.compile(r"^[\s*_`>-]*[\w &/-]{1,40}[*_`]*\s*:[*_`\s]*$")
_ALERTED = re.compile(r"\balert(?:s|ed|ing)?\b|\bpag(?:e|es|ed|ing)\b|\bon-?call\b", re.I)


@register
class NoSecurity(Rule):
    id = "REL105"
    dimension = "reliability"
    kind = "no-security"
    severity = "warning"
    message = "No security: authentication, authorisation or abuse are not addressed"
    rationale = (
        "Who may call what, and how abuse is stopped, is part of every production design;"
        " leaving it out is a gap interviewers note, especially for public APIs."
    )
    example = "(no mention of auth, rate limits or encryption)"
    fix = "Say how callers authenticate, what they may access, and how abuse is limited."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood:
            return
        found = clauses(ctx)
        control = next((n for n, c, _ in found if security_control(c)), None)
        if control is not None:
            # A section given to security that holds only a slogan ("we will follow
            # industry best practices") says nothing there, even when controls stand
            # elsewhere: the reader of that section learns no control.
            yield from self._slogan_sections(ctx, found, control)
            yield from self._bare_encryption(ctx, found)
            return
        severity = "error" if ctx.interview_type == "api" else self.severity
        slogan = next((n for n, c, _ in found if is_security_slogan(c)), None)
        # "scope", "owner" and "token" are security words only sometimes ("scope the problem").
        wanted = ("security", "authentication", "authorization", "rate-limiting-algorithm")
        # A line that puts security out of scope ("Out of scope: end-to-end encryption key
        # management") leaves it out; it is no mention of the design's security.
        excluded = {c.line for c in ctx.claims if out_of_scope(c)}
        named = [
            m
            for c in wanted
            for m in ctx.mentions.get(c)
            if m.status != "negated"
            and m.term.lower() not in _AMBIGUOUS_SECURITY
            and not _a_signal(m.term, m.quote)
            and m.line not in excluded
        ]
        first = min((m.line for m in named), default=None)
        line = slogan if slogan is not None else first
        if line is None:
            yield self.finding(severity=severity)
            return
        yield self.finding(
            f"Security is mentioned (line {line}) but no control is specified: no auth scheme,"
            " access rule, per-caller limit, encryption with keys or input validation",
            ABSENT,
            severity=severity,
        )

    def _slogan_sections(
        self, ctx: ReviewContext, found: list[tuple[int, str, str]], control: int
    ) -> Iterator[Finding]:
        for section in ctx.doc.sections:
            if not _SECURITY_TITLE.search(section.title):
                continue
            inside = [(n, c) for n, c, _ in found if section.start < n <= section.end]
            if not inside or any(security_control(c) for _, c in inside):
                continue
            slogan = next(((n, c) for n, c in inside if is_security_slogan(c)), None)
            if slogan is None:
                continue
            number, clause = slogan
            yield self.finding(
                f"The '{section.title}' section says only that security follows best"
                " practices: it names no auth scheme, access rule, per-caller limit or key"
                f" management (a control is stated on line {control})",
                ctx.line_evidence(number, clause),
            )

    def _bare_encryption(
        self, ctx: ReviewContext, found: list[tuple[int, str, str]]
    ) -> Iterator[Finding]:
        """ "All data is encrypted" says neither what is encrypted (stored data, traffic)
        nor with which keys, so it specifies no control: the interviewer's next question is
        where the keys live and who can decrypt. Reported once, at the first such line, when
        no line of the design says what is encrypted or with which keys."""
        # Most designs name encryption on few lines or none: look at those alone.
        named = [(n, c) for n, c, _ in found if "ncrypt" in c and _ENCRYPTED.search(c)]
        if not named:
            return
        # A line that says what is encrypted ("vector store and raw text on encrypted disks")
        # is what a bare "Encryption" in a list of mitigations refers back to.
        if any(_ENCRYPTION_SCOPE.search(c) for _, c in named):
            return
        if any(security_control(c) == _AT_REST for _, c, _ in found):
            return
        excluded = {c.line for c in ctx.claims if c.line in dict(named) and out_of_scope(c)}
        for number, clause in named:
            if number in excluded or clause.rstrip().endswith("?"):
                continue
            # the cell of a row that names it ("Encryption, monitoring, least-privileged IAM")
            cells = [c for c in clause.split("|") if _ENCRYPTED.search(c)] or [clause]
            said = _MARKUP.sub("", cells[0]).strip().lstrip("-+ ").strip()
            yield self.finding(
                f"'{said[:90]}' names encryption but not what is encrypted (stored data,"
                " traffic between services) or with which keys: it specifies no control an"
                " interviewer could probe",
                ctx.line_evidence(number, cells[0].strip()),
            )
            return


_SECURITY_TITLE = re.compile(r"\bsecurity\b", re.I)
_AT_REST = "encryption at rest with key management"
_ENCRYPTED = re.compile(r"\bencrypt\w*", re.I)
_MARKUP = re.compile(r"[*_`]")
# What is encrypted or how: a scope (at rest, in transit, stored data, a disk, a field) or
# the means (TLS, AES, a key service). A clause with any of them says more than a slogan.
_ENCRYPTION_SCOPE = re.compile(
    r"\bat[- ]rest\b|\bin[- ](?:transit|flight)\b|\btls\b|\bssl\b|\bhttps\b|\bmtls\b|\baes"
    r"|\bkms\b|\bhsm\b|\bkeys?\b|envelope|end[- ]to[- ]end|\be2ee?\b|client[- ]side"
    r"|server[- ]side|\bsse\b|\bdisks?\b|volumes?|\bfields?\b|\bcolumns?\b|storage|stored"
    r"|\bbackups?\b|\bdatabases?\b|\bbuckets?\b|\bs3\b|\bnot\b|\bno\b|\bunencrypted",
    re.I,
)


@register
class NoRollout(Rule):
    id = "REL106"
    dimension = "reliability"
    kind = "no-rollout"
    severity = "info"
    message = "No plan for rolling out changes safely"
    rationale = (
        "Most outages come from changes. Canaries, feature flags and fast rollback are what"
        " staff-level interviewers listen for in the operations discussion."
    )
    example = "(no mention of deployment)"
    fix = "Ship behind a feature flag, canary to 1% of traffic, and roll back on SLO burn."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood or ctx.mentions.has("rollout"):
            return
        if any(
            SCREEN.search(_ROLLOUT, c.text) for c in ctx.claims if c.kind in (SENTENCE, ITEM, ROW)
        ):
            return
        if any(_ROLLOUT_TITLE.search(s.title) for s in ctx.filled_sections):
            return
        yield self.finding(severity="warning" if ctx.level == "staff" else "info")


# Safe rollouts in the words designs use besides "canary" and "feature flag": rolling
# upgrades, nodes drained before an update, one replica at a time, a new index version
# built beside the old and switched to atomically.
_ROLLOUT = re.compile(
    r"\brolling (?:upgrades?|updates?|deploy(?:s|ments?)?|restarts?|releases?)\b"
    r"|\bdrain(?:ed|s|ing)?\b[^.;]{0,40}\bbefore\b"
    r"|\bone (?:node|member|replica|instance|host|server|shard|zone|cell|region|pod) at a time\b"
    r"|\b(?:staged|phased|progressive|incremental) (?:rollouts?|releases?|deploy(?:s|ments?)?)\b"
    r"|\batomic(?:ally)? (?:flip|swap|switch)\w*\b[^.;]{0,40}\b(?:pointer|alias|version|index)\b"
    r"|\b(?:alias|pointer) (?:swap|flip)\b"
    # a release held back until it passes a check: "gate deploys on recall@5", "run the
    # offline eval set before promoting"
    r"|\bgat(?:e|es|ed|ing) (?:the )?(?:deploy(?:s|ments?)?|releases?|rollouts?|promotions?)\b"
    r"|\b(?:deploy(?:s|ments?)?|releases?|rollouts?) (?:are |is )?gated\b"
    r"|\bbefore (?:promoting|promotion|rolling out|shipping|deploying)\b",
    re.I,
)
SCREEN.add(_ROLLOUT)  # skipped on text without its words
_ROLLOUT_TITLE = re.compile(r"\brollout\b|\bdeploy(?:ment)? (?:plan|strategy)\b", re.I)


@register
class NoHotKeyHandling(Rule):
    id = "REL107"
    dimension = "reliability"
    kind = "no-hot-key-handling"
    severity = "warning"
    message = "Hot keys are not addressed though this prompt has them"
    rationale = (
        "One celebrity, viral link or flash-sale item can overload a single shard while the rest"
        " idle; interviewers ask how the design survives skew."
    )
    example = "Shard by user id. (no mention of celebrities)"
    fix = "Detect hot keys and split, replicate or cache them (key salting, local caches)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.problem is None or "hot-key" not in ctx.problem.concept_ids():
            return
        if not ctx.mentions.has("hot-key"):
            yield self.finding()


@register
class NoBackPressure(Rule):
    id = "REL108"
    dimension = "reliability"
    kind = "no-back-pressure"
    severity = "warning"
    message = "Queues are used but nothing bounds them when consumers fall behind"
    rationale = (
        "A queue hides overload until it fills a disk or its lag makes results useless;"
        " back pressure or load shedding says what happens then."
    )
    example = "Events go to Kafka and workers process them."
    fix = "Bound the queue, alert on lag, and shed or slow producers (429) past a threshold."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # In one program ("each car's stops change only through its own queue") a queue hands
        # work between threads: no producers to slow with a 429, no broker to fill.
        if ctx.is_ood:
            return
        queue = ctx.mentions.first("message-queue")
        if queue is None:
            return
        # A bound the design places (drawn, or specified by a claim); a sentence that only
        # names "sliding window" bounds nothing.
        if ctx.placed("back-pressure", "rate-limiting-algorithm", "autoscaling"):
            return
        # A bound named where the backlog is ("Transcoding queue backlog: auto-scale
        # workers"; "backpressure lower-priority fanout" under "Fanout backlog"): the design
        # answers the question even when the line is a bare bullet.
        for claim in ctx.claims:
            bound = _BOUND.search(claim.text) if claim.kind in (SENTENCE, ITEM, ROW) else None
            if bound is None:
                continue
            # The backlog is named beside the bound, not inside it: "We will use priority
            # queue for this" names a data structure, not a queue that can fall behind.
            rest = claim.text[: bound.start()] + " " + claim.text[bound.end() :]
            if _BACKLOG.search(rest) or _BACKLOG.search(" ".join(claim.headings[-2:])):
                return
        if any(_RETENTION_BOUND.search(text) and _LOG_WORDS.search(text) for _, text in ctx.lines):
            return
        yield self.finding(evidence=ctx.evidence(queue))


_BOUND = re.compile(
    r"\bback[- ]?pressure\b|\bload[- ]shed\w*|\bshed(?:s|ding)?\b|\bbounded queues?\b"
    r"|\bauto[- ]?scal\w*|\bscale (?:out )?(?:the )?(?:workers|consumers)\b|\bpriority queues?\b"
    r"|\badd(?:s|ing)? (?:more )?(?:[\w-]+ )?(?:workers|consumers|partitions)\b"
    r"|\bthrottl\w+|\brate[- ]limit\w*|\bmax(?:imum)? (?:queue )?(?:depth|length|size)\b",
    re.I,
)
# A log kept for a bounded time or size is bounded whoever falls behind: "Retention by time
# (7 days) or size" (a consumer slower than that loses what expired, and the disk does not
# fill).
_RETENTION_BOUND = re.compile(
    r"\bretention\b[^.;]{0,40}?(?:\b\d+\s*(?:days?|hours?|d|h)\b|\bsize\b|\b\d+\s*[gtp]b\b)"
    r"|\b\d+[- ]?(?:days?|hours?)\b (?:of )?retention\b",
    re.I,
)
# ... when the line is about the log ("replay from any retained offset"), not a table's
# rows ("idempotency_keys(...), 30-day retention").
_LOG_WORDS = re.compile(
    r"\b(?:logs?|topics?|queues?|streams?|partitions?|offsets?|messages?|events?|segments?"
    r"|consumers?|producers?)\b",
    re.I,
)
_BACKLOG = re.compile(
    r"\bbacklogs?\b|\blag\b|\bqueues?\b|\bfalls? behind\b|\bconsumers?\b|\bspikes?\b"
    r"|\bbursts?\b|\boverload",
    re.I,
)


@register
class RetriesWithoutIdempotency(Rule):
    id = "REL109"
    dimension = "reliability"
    kind = "retries-without-idempotency"
    severity = "error"
    message = "Retries are planned but the retried operations are not idempotent"
    rationale = (
        "A retry after a timeout may repeat work that already happened; without idempotency"
        " that is a double charge, a duplicate message or a lost update."
    )
    example = "If the payment call times out we retry it."
    fix = "Give each operation an idempotency key and deduplicate on it before acting."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # Only a retried write with side effects can repeat work: a retried read, a socket
        # reconnect or "429 with Retry-After" cannot double-charge anyone.
        for number, clause, write in retried_writes(ctx)[:3]:
            yield self.finding(
                f"A retried write ({write!r}) has nothing making it idempotent",
                ctx.line_evidence(number, clause),
            )


@register
class NoConcurrencyControl(Rule):
    id = "REL110"
    dimension = "reliability"
    kind = "no-concurrency-control"
    severity = "error"
    message = "Shared state is changed concurrently with no concurrency control"
    rationale = (
        "Two users booking the last seat, two threads taking the same spot: races are what"
        " interviewers probe in object-oriented and inventory prompts."
    )
    example = "if seat.isFree(): seat.book(user)"
    fix = "Make the check-and-update atomic: a lock, a transaction, or a compare-and-set."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        needed = ctx.is_ood or ctx.topic("concurrency", "inventory", "payments", "transactions")
        if not needed:
            return
        wanted = ("thread-safety", "pessimistic-locking", "optimistic-locking", "transaction")
        if ctx.mentions.has(*wanted):
            return
        race = ctx.find_line(_CHECK_THEN_ACT)
        if race is not None:
            yield self.finding(
                "A check and the update that depends on it are separate steps: two callers"
                " can both pass the check",
                ctx.line_evidence(race[0], race[1]),
            )
        else:
            yield self.finding()


@register
class MissingEdgeCases(Rule):
    id = "REL111"
    dimension = "reliability"
    kind = "missing-edge-case"
    severity = "warning"
    message = "No edge cases are handled"
    rationale = (
        "Invalid input, an empty lot, a cancelled payment, a full elevator: edge cases show you"
        " think past the happy path, which is what low-level design interviews test."
    )
    example = "(only the happy path is described)"
    fix = "List the edge cases and how each is handled (reject, retry, compensate)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not (ctx.is_ood or ctx.is_front_end):
            return
        if ctx.mentions.has("edge-cases", "failure-handling"):
            return
        if ctx.placed(*_RACE_HANDLED):
            # "Two gates can assign the same spot at once, so assignSpot takes a per-level
            # lock": a race between two callers, handled, is an edge case past the happy path
            return
        yield self.finding()


# Concurrency control specified: the race it guards is an edge case handled.
_RACE_HANDLED = ("pessimistic-locking", "optimistic-locking", "thread-safety")


@register
class NoStateMachine(Rule):
    id = "REL112"
    dimension = "reliability"
    kind = "no-state-transitions"
    severity = "warning"
    message = "States and legal transitions are not modelled"
    rationale = (
        "Vending machines, elevators, orders and payments move through states; an explicit"
        " state machine makes illegal transitions impossible instead of merely unlikely."
    )
    example = "The machine dispenses when the user pays."
    fix = "Name the states and allowed transitions (an enum and a transition table, or State)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.topic("state-machines"):
            return
        if ctx.mentions.has("state-machine"):
            return
        # States named with the moves between them in words ("The order starts as
        # PENDING_PAYMENT ... on success it becomes PAID; on decline PAYMENT_FAILED") model
        # them as an arrow between the capitals would.
        moved = {state for _, text in ctx.lines for state in states_moved_to(text)}
        if len(moved) < 2:
            yield self.finding()


@register
class NoOfflineHandling(Rule):
    id = "REL113"
    dimension = "reliability"
    kind = "no-offline-handling"
    severity = "warning"
    message = "The client does not say what happens offline or on a flaky connection"
    rationale = (
        "Front-end designs are judged on how they behave when the network fails: queued edits,"
        " optimistic updates and conflict handling on reconnect."
    )
    example = "Edits are sent to the server as the user types."
    fix = "Queue edits locally (IndexedDB), apply optimistically, and reconcile on reconnect."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_front_end and ctx.topic("offline") and not ctx.mentions.has("offline-support"):
            yield self.finding()


@register
class MissingReliabilityItem(Rule):
    id = "REL114"
    dimension = "reliability"
    kind = "missing-reliability-point"
    severity = "warning"
    message = "A reliability point this prompt expects is missing"
    rationale = (
        "Each prompt has failure modes interviewers press on (a lost lock holder, a PSP timeout,"
        " a cache stampede); skipping them leaves the design untested."
    )
    example = "(for a distributed lock) no fencing tokens"
    fix = "Address the failure mode named in the finding."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for item, held in uncovered(ctx, "reliability"):
            yield self.finding(*gap(ctx, item, held))


@register
class SerialAvailability(Rule):
    id = "REL115"
    dimension = "reliability"
    kind = "availability-chain"
    severity = "warning"
    message = "A synchronous chain of dependencies cannot meet the availability target"
    rationale = (
        "Availabilities multiply along a chain of synchronous calls: five dependencies at"
        " 99.9% each give at most 99.5%, about 44 hours of downtime a year, against the four"
        " minutes a month a 99.99% target allows. The interviewer does this product at once."
    )
    example = "Target 99.99%. Each request calls five services in turn, each at 99.9%."
    fix = (
        "Take dependencies off the synchronous path (cache, fall back, call in parallel with"
        " a default), raise what each one must meet, or state the target the chain allows."
    )

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # The target: a percentage in a clause about availability ("99.99% uptime"), not
        # the durability beside it on the line ("durability 99.999999999%").
        targets = [
            (n, float(m.group(1)))
            for n, text in ctx.prose
            if "%" in text
            and _AVAILABILITY_WORDS.search(text)
            and not _EACH.search(text)  # not a part's own
            for clause in re.split(r"[,;|]", text)
            if _AVAILABILITY_WORDS.search(clause) and "durab" not in clause.lower()
            for m in _PERCENT.finditer(clause)
            if 99.0 <= float(m.group(1)) < 100.0
        ]
        reported = 0
        for number, text in ctx.prose:
            if "%" not in text:
                continue  # a chain is judged on the availability it states
            arrows = len(re.findall(r"→|->", text))
            thens = len(_THEN.findall(text))
            serial = (
                _SERIAL.search(text)
                or (arrows >= 2 and _SYNC.search(text) is not None)
                or thens >= 2
            )
            if not serial or not _EACH.search(text):
                continue
            each = [float(m.group(1)) for m in _PERCENT.finditer(text)]
            count = _chain_length(text)
            if count is None or count < 2:
                continue
            line: int | None
            if len(each) == 2 and _AVAILABILITY_WORDS.search(text) and each[0] != each[1]:
                # "Target 99.99%; the read path calls five services in sequence at 99.9% each"
                line, target, each = number, max(each), [min(each)]
            elif len(each) == 1:
                line, target = max((t for t in targets if t[0] != number), key=lambda t: t[1],
                                   default=(None, 0.0))  # fmt: skip
            else:
                continue
            chain = (each[0] / 100) ** count * 100
            if line is None or chain >= target:
                continue
            yield self.finding(
                f"{count} dependencies called one after another at {each[0]:g}% each give at"
                f" most {chain:.2f}%, below the {target:g}% required"
                f"{'' if line == number else f' on line {line}'}: each"
                " synchronous call's outage is the request's",
                ctx.line_evidence(number, clean_line(text).strip().lstrip("-*+ ")),
            )
            reported += 1
            if reported >= 3:
                return


_AVAILABILITY_WORDS = re.compile(r"availab|uptime|\bsla\b|\bslo\b", re.I)
_PERCENT = re.compile(r"\b(\d{2}(?:\.\d+)?)\s*%")
# A chain the request waits on: "one after another", "in sequence", "serially", "A -> B -> C".
_SERIAL = re.compile(
    r"one after (?:the )?another|\bin (?:sequence|series)\b|\bsequential(?:ly)?\b|\bserial(?:ly)?\b"
    r"|\bsynchronous(?:ly)?\b[^.]{0,40}\b(?:chain|calls?|in turn)\b|\bin turn\b",
    re.I,
)
_SYNC = re.compile(r"\bsynchron", re.I)  # not "asynchronously"
_EACH = re.compile(r"\beach\b|\bapiece\b|\bper (?:service|dependency|hop|call)\b", re.I)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_COUNTED = re.compile(
    r"\b(\d|two|three|four|five|six|seven|eight)\s+(?:\w+\s+)?(?:services|dependencies|calls"
    r"|hops|backends|systems|components)\b|\beach of (?:the|these|those|its) (\d|two|three|four"
    r"|five|six|seven|eight)\b",
    re.I,
)


def _chain_length(text: str) -> int | None:
    """How many dependencies a chain sentence names: a count it states ("each of the five",
    "five services"), the steps of an arrow chain ("A -> B -> C") or of "A, then B, then
    C", or the names listed after the call ("calls Auth, Catalog, Pricing and Payments in
    series")."""
    found = _COUNTED.search(text)
    if found is not None:
        word = (found.group(1) or found.group(2)).lower()
        return int(word) if word.isdigit() else _COUNT_WORDS[word]
    arrows = len(re.findall(r"→|->", text))
    if arrows >= 2:
        return arrows + 1
    thens = len(_THEN.findall(text))
    if thens >= 2:
        return thens + 1
    listed = _CALLED_LIST.search(text)
    if listed is None:
        return None
    names = [n for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group(1)) if n.strip()]
    return len(names) if len(names) >= 2 and all(len(n.split()) <= 3 for n in names) else None


# "A, then B, then C": each "then" one more step.
_THEN = re.compile(r",?\s+then\s+(?!\w+\s+(?:we|it|the)\b)", re.I)
# The services a request calls, listed before "in series" / "one after another".
_CALLED_LIST = re.compile(
    r"\b(?:calls?|hits?|invokes?|queries|goes through|passes through)\s+([^.;:()]{3,120}?)\s+"
    r"(?:in (?:series|sequence|turn)|one after (?:the )?another|sequentially|serially)",
    re.I,
)

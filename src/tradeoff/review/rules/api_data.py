"""Rules for the API and data-model dimension, and for classes in object-oriented prompts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradeoff.language import lexicon
from tradeoff.language.claims import CODE, ITEM, ROW, SENTENCE
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Evidence, Finding
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.rules.reliability import retried_writes
from tradeoff.review.rules.rubric import gap, uncovered
from tradeoff.review.substance import KEY_TEMPLATE, said_operations

# A path that returns a list: a plural collection ("/links", "/users/{id}/posts") or a feed,
# a user's timeline ("/feed/{userId}"). "/videos/{videoId}" is one video; "/stats",
# "/status" and "/metrics" are one summary each.
_LIST_PATH = re.compile(
    r"(?<!stat)(?<!statu)(?<!metric)(?<!analytic)(?<!setting)(?<!detail)s/?$"
    r"|(feed|timeline|search|history|list|results|inbox)/?(\{[^}]*\})?$",
    re.I,
)
_PAGE_PARAMS = re.compile(
    r"\b(cursor|before|after|since|until|max_id|since_id|page|page_token|pagetoken|limit|offset"
    r"|next_token|continuation)\b",
    re.I,
)
# An item that states what a key is made of ("- key: normalized query + filter set"), or
# "key it by:" over such a list, names a key in words as much as `user_id` does in code.
_KEY_LABEL = re.compile(
    r"^\W*(?:primary |partition |sort |cache |row |shard )?key\s*[:=]\s*\w"
    r"|\bkey (?:it|them|entries|each \w+) by\b",
    re.I,
)
_KEY = re.compile(
    r"\b(primary key|partition key|shard key|sort key|clustering key|row key|hash key|pk\b|"
    r"\(pk\)|keyed by|key is|indexed by|unique index|composite key"
    # "key: `user_id`", "Shard by `post_id` hash", "partition events by `author_id`",
    # "clustered by `created_at`", "consistent hashing on `(bucket, key)`"
    r"|key\s*[:=]\s*[`(\w]|(?:shard|partition|distribut|bucket)(?:s|ed|ing)?\b[^.;:]{0,30}?\bby\b"
    r"|clustered by|sorted by|hash(?:ed|ing)? (?:on|by)\b"
    # "a map of shape id → shape record", "mapping `chunk_id → source_ref`": the id is the
    # key of what it maps to ("wrong doc ID → leakage" is a consequence, no map)
    r"|map(?:s|ping)?\b[^.;→]{0,25}?\bids?\s*(?:→|->)\s*\w|\w+_ids?`?\s*(?:→|->)"
    # "SELECT long_url FROM urls WHERE short_url = ?": the column a read looks rows up by
    r"|\bwhere\s+[a-z_][\w.]*\s*=\s*(?:\?|:\w|\$\d|%s|@\w))",
    re.I,
)
_MODEL_TITLE = re.compile(
    r"\b(?:data|schemas?|models?|tables?|storage)\b|\bdatabase design\b", re.I
)
_JOINS = re.compile(
    r"\bjoins?\b|\bjoin\s+(the|with|on)\b|multi-row transactions|foreign keys?", re.I
)
_CLASS_DEF = re.compile(r"\b(class|interface|abstract class|enum)\s+([A-Z]\w+)")


_HTTP_VERB = re.compile(r"\b(?:GET|PUT|POST|DELETE|PATCH|HEAD|LIST)\b")
# An operation written as a call with its arguments ("allow(key, cost)") ...
_SIGNATURE = re.compile(
    r"\b[A-Za-z_][\w.]*\(\s*[A-Za-z_]\w*(?:\s*[:=]\s*\w+)?(?:\s*,\s*[A-Za-z_]\w*"
    r"(?:\s*[:=]\s*\w+)?)*\s*\)"
)
# ... and what it gives back: together they define the call as a path and a response would.
_RETURNS = re.compile(
    r"->|→|\b(?:returns?|returning|gets? back|responds? with|answers? with)\b", re.I
)


# An endpoint named by its path alone, with what it takes or gives back.
_PATH_ENDPOINT = re.compile(
    r"\bendpoint\s*\(?\s*`?/[\w/{}:.-]*`?\s*\)?\s+(?:that\s+)?"
    r"(?:accepts|takes|receives|returns|responds)\b",
    re.I,
)
# A status as a response states it ("429 Too Many Requests", "HTTP 302", "status 404"), and
# the headers that make a limiter's or a redirect's response a contract callers act on.
_STATUS = re.compile(
    r"\b(?:HTTP|status(?: code)?)\s*[1-5]\d\d\b|\b[1-5]\d\d\s+(?:OK|Created|Accepted|No Content"
    r"|Moved Permanently|Found|See Other|Not Modified|Temporary Redirect|Permanent Redirect"
    r"|Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Gone|Payload Too Large"
    r"|Unprocessable|Too Many Requests|Internal Server Error|Service Unavailable"
    r"|Gateway Timeout)\b"
)
# "Location" is the redirect's header only as one ("Location: <url>", "`Location`", "the
# Location header"); "Location updates" are a rider's position.
_HEADER = re.compile(
    r"\b(?:Retry-After|(?:X-)?RateLimit-(?:\w+|\*))(?![\w-])"
    r"|`Location`|\bLocation(?=\s*:|\s+header)"
)
# A call in a code block whose arguments span lines: `AcquireBatch(` ... `) -> [...]`.
_CALL_OPEN = re.compile(r"^\s*(?:rpc\s+|def\s+|func\s+)?[A-Za-z_][\w.]*\(")
_CALL_RESULT = re.compile(r"^(?:->|→|returns\b|:\s*[\w\[{(])", re.I)
_CALL_SPAN = 40  # lines: a signature, not a whole program


def _block_calls(ctx: ReviewContext) -> bool:
    """Whether a fenced block (not a diagram) defines a call with its result, written over
    several lines: read a line at a time, neither half looks like a signature."""
    drawn = {n for d in ctx.doc.diagrams if d.start and d.end for n in range(d.start, d.end + 1)}
    code = ctx.doc.code_lines - drawn
    lines = ctx.doc.lines
    # A closing brace may match a template line, so only where the call starts is checked.
    for start in sorted(code - ctx.skipped):
        opened = _CALL_OPEN.match(lines[start - 1])
        if opened is None:
            continue
        after = _after_call(lines, code, start, opened.end() - 1)
        if after is not None and _CALL_RESULT.match(after):
            return True
    return False


def _after_call(lines: list[str], code: set[int], start: int, column: int) -> str | None:
    """What follows the call's closing parenthesis (the next line, if the call ends its
    line), or None when the call does not close inside its block within a few lines."""
    depth = 0
    for number in range(start, min(start + _CALL_SPAN, len(lines) + 1)):
        if number not in code:
            return None
        line = lines[number - 1]
        for position in range(column if number == start else 0, len(line)):
            char = line[position]
            if char in "([{":
                depth += 1
            elif char in ")]}":
                depth -= 1
                if depth <= 0:
                    rest = line[position + 1 :].strip()
                    if not rest and number + 1 in code:
                        rest = lines[number].strip()
                    return rest
    return None


def defines_api(ctx: ReviewContext) -> bool:
    """Whether the design defines its API in any form a reader would accept: endpoints,
    HTTP verbs in prose, a call with its result, a path with its input, an RPC written in a
    code block, or a limiter's status-and-headers contract."""
    if ctx.endpoints or ctx.placed("rpc-api"):  # "we will use graphql" defines nothing
        return True
    # An API described in prose ("a PUT of a new object is strongly consistent; GET and
    # LIST then see it") defines the operations as surely as a table of paths.
    verbs = {m.group(0) for c in ctx.claims for m in _HTTP_VERB.finditer(c.text)}
    if len(verbs) >= 2:
        return True
    # "The gateway calls allow(key, cost) and gets back allowed and remaining": an
    # internal API, defined by its call and its result.
    if any(_SIGNATURE.search(c.text) and _RETURNS.search(c.text) for c in ctx.claims):
        return True
    # "Exposes a REST endpoint (`/rl`) that accepts {api_key, ip}": a path and its input.
    if any(_PATH_ENDPOINT.search(c.text) for c in ctx.claims):
        return True
    if _block_calls(ctx):
        return True
    # "Get, set and delete keys with a TTL": an infrastructure prompt's API is the
    # operations a client calls, named with what they take, as a cache or a lock's is.
    if ctx.interview_type == "infrastructure" and any(
        said_operations(c.text) for c in ctx.claims if c.kind != CODE
    ):
        return True
    # "429 Too Many Requests" and "Retry-After: 45": the response a caller gets is the
    # contract of a limiter or a redirect, which adds no call of its own.
    status = any(_STATUS.search(c.text) for c in ctx.claims)
    return status and any(_HEADER.search(c.text) for c in ctx.claims)


def defines_its_protocol(ctx: ReviewContext) -> bool:
    """Whether the prompt's API is a protocol over a persistent connection, and the design
    writes its messages out: "one WebSocket per board: the client joins with the last
    version it saw, the server sends the updates it missed, then each edit goes up as a
    small update that the server rebroadcasts" is a whiteboard's client-server contract,
    which no list of HTTP endpoints would add to. A connection drawn or named ("User ->
    Board Server: WebSocket") says what carries the API, not what it says."""
    rubric = ctx.rubric.dimensions().get("api_data")  # type: ignore[call-overload]
    if rubric is None or any(_CALLS & set(item.concepts) for item in rubric.items):
        return False  # the prompt asks for endpoints too ("POST /quotes ...")
    if not any(_CONNECTION_PROTOCOL & set(item.concepts) for item in rubric.items):
        return False
    return any(
        claim.kind in (SENTENCE, ITEM, ROW, CODE)
        and _CONNECTION_PROTOCOL & claim.features.concepts
        and len({m.group(1).lower() for m in _MESSAGE_VERB.finditer(claim.text)}) >= 2
        for claim in ctx.claims
    )


def asks_for_calls(ctx: ReviewContext) -> bool:
    """Whether the prompt has a caller to write an API for: its API-and-data rubric asks
    for (or mentions) an endpoint, a call, a status code or a connection protocol. A web
    crawler's asks only for the records it keeps and where pages go: nothing calls it, so
    telling it to "list the main endpoints" or to key client retries asks for a thing the
    prompt has no place for. A rubric with no such dimension asks as the generic one does."""
    rubric = ctx.rubric.dimensions().get("api_data")  # type: ignore[call-overload]
    if rubric is None:
        return True
    concepts = ctx.vocabulary.concepts
    for item in rubric.items:
        for concept in (*item.concepts, *item.mentions):
            if concept in _CONNECTION_PROTOCOL or (
                concept in concepts and concepts[concept].category == "api"
            ):
                return True
    return False


# The concept of an API carried over a persistent connection (a WebSocket, SSE, MQTT).
_CONNECTION_PROTOCOL = frozenset({"websocket-gateway"})
_CALLS = frozenset({"rest-api", "rpc-api"})
# What a message of such a protocol does, by its verb's stem: two of them (a join and the
# updates sent back, a send and its acknowledgement) make an exchange.
_MESSAGE_VERB = re.compile(
    r"\b(join|send|sent|receiv|subscrib|unsubscrib|rebroadcast|broadcast|ack|acknowledg"
    r"|replay|resend|publish|push|goes up|comes down)\w*",
    re.I,
)
_API_CONCEPTS = frozenset({"rest-api", "rpc-api", "api-contract"})
# Parts of a contract only an API has. The generic rubric's "Covers status codes,
# pagination and idempotency where they apply" applies nowhere while no API is written, and
# API101 already asks for the calls with their status codes. (A prompt's own item, "301 or
# 302 with a reason" or "pages the feed with a cursor", is a design choice an answer can
# weigh without writing the endpoint, so it is still reported.)
_CONTRACT_ONLY = frozenset({"status-codes", "pagination"})
_CONTRACT = _API_CONCEPTS | _CONTRACT_ONLY | {"idempotency"}


def _about_the_api(concepts: list[str], generic: bool) -> bool:
    """Whether an item asks only for the API, or (in the generic rubric) for parts of the
    contract of an API; idempotency alone can be a queue consumer's, so it is not one."""
    wanted = set(concepts)
    if wanted <= _API_CONCEPTS:
        return True
    return generic and wanted <= _CONTRACT and bool(wanted & _CONTRACT_ONLY)


@register
class NoApi(Rule):
    id = "API101"
    dimension = "api_data"
    kind = "no-api"
    severity = "warning"
    message = "No API is defined: no endpoints or calls between client and server"
    rationale = (
        "The API is the contract the rest of the design serves. Interviewers expect the main"
        " calls with their inputs and outputs (endpoints, RPC signatures or, for a limiter or"
        " a redirect, the status and headers a caller gets) before the boxes and arrows."
    )
    example = "Clients talk to the backend."
    fix = "List the main endpoints: method, path, request fields, response and status codes."

    caps = {"api_data": 1.5}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood or not asks_for_calls(ctx):
            return
        if defines_api(ctx) or defines_its_protocol(ctx):
            return
        severity = "error" if ctx.interview_type == "api" else self.severity
        yield self.finding(severity=severity)


@register
class NoStatusCodes(Rule):
    id = "API102"
    dimension = "api_data"
    kind = "no-status-codes"
    severity = "warning"
    message = "Endpoints are listed without status codes or error responses"
    rationale = (
        "Callers need to know what failure looks like and whether to retry; status codes and an"
        " error format are part of the contract, especially in API design interviews."
    )
    example = "POST /v1/links -> returns the link"
    fix = "Give each endpoint its success code and the main errors (400, 401, 404, 409, 429)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # Status codes given, not named: a code ("404 if the link is unknown"), a table of
        # them, or a sentence that says something checkable of them answers the contract;
        # "Status codes are an important part of the overall picture" says nothing a caller
        # could rely on.
        placed = ctx.placed("status-codes")
        if (
            not ctx.endpoints
            or placed
            or any(m.specific for m in ctx.mentions.positive("status-codes"))
        ):
            return
        first = ctx.endpoints[0]
        severity = "error" if ctx.interview_type == "api" else self.severity
        yield self.finding(
            evidence=ctx.line_evidence(first.line, f"{first.method} {first.path}"),
            severity=severity,
        )


# Something of the design said to be idempotent or to deduplicate: a property asserted,
# not a noun named.
_ASSERTS_IDEMPOTENT = re.compile(
    r"\b(?:is|are|be|being|stays?|remains?|made|kept)\s+(?:\w+\s+)?idempotent(?:ly)?\b"
    r"|\bidempotently\b|\bde-?dup(?:es|ed|licates|licated|licating)\b",
    re.I,
)


@register
class NoIdempotency(Rule):
    id = "API103"
    dimension = "api_data"
    kind = "no-idempotency"
    severity = "warning"
    message = "Writes that clients will retry have no idempotency"
    rationale = (
        "Networks time out and clients retry. Without an idempotency key a retried payment,"
        " order or message is applied twice, and interviewers probe exactly this."
    )
    example = "POST /payments charges the card"
    fix = "Accept an Idempotency-Key on writes and store the first result under that key."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # A design that keys or deduplicates its writes says how ("an Idempotency-Key on
        # POST /payments", "dedup by request id, because clients retry") or that something
        # of it is so ("processing is strictly idempotent", "the stream deduplicates the
        # heartbeats"); a sentence that only names a request id ("our approach takes the
        # request id into account") does neither, and appending one must not clear it.
        if ctx.placed("idempotency") or any(
            m.specific or _ASSERTS_IDEMPOTENT.search(m.quote)
            for m in ctx.mentions.positive("idempotency")
        ):
            return
        if ctx.placed("idempotent-producer"):
            # "Each producer gets an id and a sequence number per partition, so the leader
            # drops a resent batch": a log's writes are made idempotent by the producer's id.
            # Placed, not named: "Producer ids plays a key role here" clears nothing.
            return
        # A PUT replaces what is at its path, so repeating it is harmless by definition:
        # the write a retry can apply twice is a POST or a PATCH.
        writes = [e for e in ctx.endpoints if e.method in ("POST", "PATCH")]
        # A retried read or a "429 with Retry-After" repeats nothing; a retried charge does.
        retried = retried_writes(ctx)
        sensitive = ctx.topic("idempotency", "payments", "inventory", "queues")
        if not (sensitive or retried or ctx.interview_type == "api"):
            return
        if writes:
            first = writes[0]
            yield self.finding(
                evidence=ctx.line_evidence(first.line, f"{first.method} {first.path}")
            )
        elif retried:
            number, clause, _ = retried[0]
            yield self.finding(evidence=ctx.line_evidence(number, clause))
        elif sensitive and asks_for_calls(ctx):
            # A queue alone is no client retrying a write: a crawler's frontier is
            # internal, and with no API in its prompt there is no call to key.
            yield self.finding()


@register
class NoPagination(Rule):
    id = "API104"
    dimension = "api_data"
    kind = "no-pagination"
    severity = "warning"
    message = "An endpoint returns a list with no pagination"
    rationale = (
        "Lists grow without bound; an unpaginated feed or search endpoint is a latency and"
        " memory problem waiting for the first big account."
    )
    example = "GET /v1/users/{id}/posts"
    fix = "Return pages with a cursor (next_page_token) and a limit; say why not offsets."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.placed("pagination"):
            return
        for endpoint in ctx.endpoints:
            path, _, query = endpoint.path.partition("?")
            if _PAGE_PARAMS.search(query) or _PAGE_PARAMS.search(ctx.doc.line(endpoint.line)):
                continue  # ?before=<ts>, ?cursor=, ?page_token= are pagination
            if endpoint.method == "GET" and _LIST_PATH.search(path):
                yield self.finding(
                    f"{endpoint.method} {endpoint.path} returns a list but nothing says how it"
                    " is paginated",
                    ctx.line_evidence(endpoint.line, f"{endpoint.method} {endpoint.path}"),
                )
                return


@register
class NoDataModel(Rule):
    id = "API105"
    dimension = "api_data"
    kind = "no-data-model"
    severity = "warning"
    message = "No data model: the stored entities and their fields are not described"
    rationale = (
        "The data model shows you know what is stored and how it is read; it drives the choice"
        " of store, keys and indexes."
    )
    example = "We save everything in the database."
    fix = "Sketch the main tables or documents with their key fields and the primary access path."

    caps = {"api_data": 2.5}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood or ctx.mentions.has("data-model"):
            return
        if any(e.line not in ctx.skipped for e in ctx.doc.entities):
            return
        yield self.finding(fix=data_model_fix(ctx))


# What a data model is made of, in the words of the store the design names.
_STORE_FIXES = (
    (
        "relational-database",
        "Sketch the main tables with their key fields and the primary access path.",
    ),
    (
        "document-store",
        "Sketch the main documents with their key fields and the primary access path.",
    ),
)
# A key-value store named as one ("Redis", "a KV store"); "a cache" alone names no store.
_KEY_VALUE_TERMS = frozenset(
    {"redis", "memcached", "memcache", "elasticache", "key-value store", "kv store"}
)
_KEY_VALUE_FIX = (
    "Say what is stored under which key: the key's format, what a value holds and its size,"
    " and the access path that reads it."
)
_WIDE_COLUMN_FIX = (
    "Sketch the main tables with their partition and sort keys and the query each serves."
)


def data_model_fix(ctx: ReviewContext) -> str:
    """The data-model fix in the words of the store the design names: a design whose only
    store is Redis (a key-value cache) was told to sketch "tables or documents", which it
    has none of; its data model is what each key holds. A design that names no store kind
    ("the database", "a cache") gets the rule's own fix."""
    for concept, fix in _STORE_FIXES:
        if ctx.mentions.has(concept):
            return fix
    named = {
        m.term.lower()
        for concept in ("cache", "wide-column-store")
        for m in ctx.mentions.positive(concept)
    }
    if named & _KEY_VALUE_TERMS:
        return _KEY_VALUE_FIX
    if ctx.mentions.has("wide-column-store"):
        return _WIDE_COLUMN_FIX
    return NoDataModel.fix


@register
class NoKeys(Rule):
    id = "API106"
    dimension = "api_data"
    kind = "no-keys"
    severity = "warning"
    message = "The data model names no keys"
    rationale = (
        "Keys decide where data lives and which queries are cheap; a data model without a"
        " primary or partition key has not been designed for its access pattern."
    )
    example = "Table posts: id, user, text, time"
    fix = "Name the primary/partition key of each table and the query it serves."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood or not ctx.mentions.has("data-model"):
            return
        # A key counts where the design states one ("`short_code` is the primary key"),
        # not where a sentence only names keys.
        if ctx.placed("partition-key") or any(
            (_KEY.search(c.text) and (c.features.specific or c.kind in ("code", "row")))
            or _KEY_LABEL.search(c.text)
            or KEY_TEMPLATE.search(c.text)
            for c in ctx.claims
        ):
            return
        if any(entity.keys for entity in ctx.doc.entities):
            return
        sections = ctx.sections_for("api_data")
        # A section about the model ("Data Model", "Schema", "Storage"), not one that names a
        # database in passing ("Failure 3: Database/API Latency Spikes").
        model = [s for s in sections if _MODEL_TITLE.search(s.title)]
        if model:
            yield self.finding(evidence=ctx.line_evidence(model[0].start, model[0].title))
            return
        mention = ctx.mentions.first("data-model")
        yield self.finding(evidence=ctx.evidence(mention) if mention else Evidence(None, None))


@register
class StoreMismatch(Rule):
    id = "API107"
    dimension = "api_data"
    kind = "store-mismatch"
    severity = "warning"
    message = "The chosen store does not fit the access pattern (joins on a key-value store)"
    rationale = (
        "Wide-column and key-value stores are fast by key and poor at joins and multi-row"
        " transactions; relying on joins there shows the store was chosen by name."
    )
    example = "Store orders in Cassandra and join them with users for the report."
    fix = "Denormalise for the query, or pick a relational store where joins are needed."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        store = ctx.mentions.first("wide-column-store")
        if store is None or ctx.mentions.has("relational-database"):
            return
        joins = ctx.find_line(_JOINS)
        if joins is not None:
            yield self.finding(evidence=ctx.line_evidence(joins[0], joins[1]))


@register
class NoClasses(Rule):
    id = "API108"
    dimension = "api_data"
    kind = "no-classes"
    severity = "error"
    message = "No classes are defined for an object-oriented design"
    rationale = (
        "A low-level design interview is judged on the classes, their responsibilities and"
        " methods; prose without classes cannot be assessed."
    )
    example = "The parking lot tracks cars and tickets."
    fix = "Write the main classes with their fields and key methods, or a Mermaid classDiagram."

    caps = {"api_data": 1.0, "components": 1.0, "tradeoffs": 2.0}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.is_ood:
            return
        classes = {n for d in ctx.diagrams if d.kind == "class" for n in d.nodes}
        classes |= {c.name for c in ctx.doc.classes if c.line not in ctx.skipped}
        classes |= {m.group(2) for _, t in ctx.lines for m in _CLASS_DEF.finditer(t)}
        classes |= {name for _, t in ctx.lines for name in lexicon.classes_said(t)}
        if len(classes) < 3:
            yield self.finding()


@register
class NoInterfaces(Rule):
    id = "API109"
    dimension = "api_data"
    kind = "no-interfaces"
    severity = "warning"
    message = "No interfaces or abstractions: every class depends on concrete classes"
    rationale = (
        "Interfaces are where an object-oriented design flexes: new pricing, payment or"
        " dispatch strategies should plug in without edits to existing classes."
    )
    example = "ParkingLot calls CreditCardPayment directly."
    fix = "Put each behaviour that varies behind an interface the classes depend on, not a class."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.is_ood or ctx.mentions.has("interface"):
            return
        if any(n.kind == "interface" for d in ctx.diagrams for n in d.nodes.values()):
            return
        if any(c.kind == "interface" for c in ctx.doc.classes):
            return
        yield self.finding()


@register
class MissingApiItem(Rule):
    id = "API110"
    dimension = "api_data"
    kind = "missing-api-detail"
    severity = "warning"
    message = "An API or data-model point this prompt expects is missing"
    rationale = (
        "Each prompt has contract and data details an interviewer listens for (a redirect"
        " status, a ledger entry, a seat hold); leaving them out leaves the design vague."
    )
    example = "(for a URL shortener) no table keyed by short code"
    fix = "Add the point named in the finding to the API or data-model section."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        no_api = not ctx.is_ood and not defines_api(ctx)
        for item, held in uncovered(ctx, "api_data"):
            if no_api and _about_the_api(item.concepts, generic=ctx.problem is None):
                continue  # "No API is defined" (API101) already says it, once
            yield self.finding(*gap(ctx, item, held))

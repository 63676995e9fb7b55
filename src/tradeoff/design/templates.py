"""Design-document skeletons for `tradeoff new`, one shape per interview type.

Guidance lives in HTML comments, which the reviewer ignores, and every template line is
known to the reviewer, so an untouched template reviews as empty rather than earning
credit for its own headings and placeholder diagrams.
"""

from __future__ import annotations

_HEADER = (
    "<!-- tradeoff template ({kind}). Replace each comment with your answer; delete what you"
    " do not need. Review it with: tradeoff review {{file}} --problem {problem} -->"
)

_COMPONENT_DIAGRAM = """```mermaid
flowchart LR
    %% Component diagram: replace the placeholders; add caches, queues and replicas.
    client[Client] --> entry[Entry point]
    entry --> service[Service]
    service --> store[(Store)]
```"""

_SEQUENCE_DIAGRAM = """```mermaid
sequenceDiagram
    %% One request end to end: your main write or read path.
    participant C as Client
    participant S as Service
    C->>S: request
    S-->>C: response
```"""

_DATA_FLOW = """```mermaid
flowchart TD
    %% Data flow: where data is written, copied, processed and served from.
    source[Source] --> process[Processing]
    process --> sink[(Destination)]
```"""

_CLASS_DIAGRAM = """```mermaid
classDiagram
    %% Classes with their key fields and methods; mark interfaces; show composition.
    class Example {
        +field
        +method()
    }
```"""

_COMPONENT_TREE = """```mermaid
flowchart TD
    %% Component tree: which component owns which state, and how events flow up.
    app[App] --> view[View]
    view --> item[Item]
```"""

_SYSTEM = [
    ("1. Requirements", "Functional: what users can do (3-5 bullets). Non-functional: latency, availability, consistency and durability targets, with numbers. Out of scope: what you will not cover."),
    ("2. Clarifying questions and assumptions", "The questions you asked and the answers; each number you chose yourself, marked 'Assume'."),
    ("3. Capacity estimates", "Each step with units: writes/s, reads/s, peak, storage over the retention period, bandwidth, servers. Example shape: 100M/day / 86,400 s = 1,160/s."),
    ("4. API", "Each endpoint: METHOD /path, request fields, response, status codes; idempotency for retried writes; pagination for lists."),
    ("5. Data model", "Entities with key fields; the primary or partition key of each and the query it serves; the store and why."),
    ("6. High-level design", "The components and the request path; what each component does and why it is there."),
    ("@component", ""),
    ("@sequence", ""),
    ("@dataflow", ""),
    ("7. Deep dives", "The one or two parts that make this problem hard, worked through."),
    ("8. Trade-offs", "Each big decision: the options, the one you chose, why it wins here and what it costs."),
    ("9. Reliability and operations", "Failures and recovery, replication and failover, monitoring with concrete metrics and SLOs, security and abuse, rollout."),
    ("10. Summary and bottlenecks", "The design in two or three sentences; what breaks first at 10x; what you would do next."),
]  # fmt: skip

_OBJECT_ORIENTED = [
    ("1. Requirements and use cases", "Actors and what each can do; the rules (pricing, limits); what is out of scope."),
    ("2. Clarifying questions and assumptions", "The questions you asked and the answers; what you assumed."),
    ("3. Classes and interfaces", "Each class with its responsibility, key fields and methods; interfaces for behaviour that varies."),
    ("@class", ""),
    ("4. Composition and patterns", "How classes collaborate; composition or inheritance and why; patterns used (strategy, state, observer...)."),
    ("5. States and transitions", "The states of the main objects, the legal transitions and what rejects an illegal one."),
    ("6. Concurrency", "What is shared between threads or users, and how check-and-update stays atomic."),
    ("7. Edge cases and errors", "Invalid input, exhausted resources, cancellations, timeouts, and how each is handled."),
    ("8. Extensibility and tests", "How a new variant is added without editing existing classes; how the design is tested."),
    ("9. Trade-offs", "The alternatives you considered and why you chose as you did."),
    ("10. Summary", "The design in two or three sentences and what you would improve next."),
]  # fmt: skip

_FRONT_END = [
    ("1. Requirements", "What users do; devices and browsers; data sizes; offline and collaboration needs; out of scope."),
    ("2. Clarifying questions and assumptions", "The questions you asked and the answers; what you assumed."),
    ("3. Performance budget", "Frame budget (16.7 ms at 60 fps), items on screen, memory per item, payload sizes, requests per second."),
    ("4. Component architecture", "The component tree; which component owns which state; how events flow."),
    ("@tree", ""),
    ("5. State management and data model", "Where client state lives, how it is normalised, what is derived."),
    ("6. API and sync with the back end", "Requests, subscriptions, optimistic updates, conflict handling."),
    ("@sequence", ""),
    ("7. Rendering performance", "Virtualisation, batching, workers, canvas or DOM, and why."),
    ("8. Offline, errors and undo", "What works offline; retries and error states; undo and redo."),
    ("9. Accessibility and security", "Keyboard and screen-reader support; what is sanitised and why."),
    ("10. Trade-offs", "Each big decision: the options, the one you chose, why, and its cost."),
    ("11. Summary", "The design in two or three sentences and what you would do next."),
]  # fmt: skip

_API = [
    ("1. Requirements", "Who calls the API and for what; the main use cases; SLAs; out of scope."),
    ("2. Clarifying questions and assumptions", "The questions you asked and the answers; what you assumed."),
    ("3. Quotas and payload estimates", "Requests per caller and in total, payload and page sizes, webhook volume."),
    ("4. Resources and endpoints", "Each endpoint: METHOD /path, request, response, success status."),
    ("5. Errors and status codes", "The error format and which codes mean retry, fix the request, or give up."),
    ("6. Pagination", "Cursor or offset, page size limits, ordering guarantees."),
    ("7. Idempotency and retries", "Which calls take an idempotency key, how long results are kept."),
    ("8. Versioning and evolution", "How the contract changes without breaking callers; deprecation."),
    ("9. Authentication, authorisation and quotas", "Keys or OAuth scopes; rate limits and their headers."),
    ("10. Architecture", "The components behind the API and the request path."),
    ("@component", ""),
    ("11. Trade-offs", "Each big decision: the options, the one you chose, why, and its cost."),
    ("12. Summary", "The contract in two or three sentences and what you would add next."),
]  # fmt: skip

_LAYOUTS = {
    "product": _SYSTEM,
    "infrastructure": _SYSTEM,
    "backend-distributed": _SYSTEM,
    "object-oriented": _OBJECT_ORIENTED,
    "front-end": _FRONT_END,
    "api": _API,
}
_BLOCKS = {
    "@component": _COMPONENT_DIAGRAM,
    "@sequence": _SEQUENCE_DIAGRAM,
    "@dataflow": _DATA_FLOW,
    "@class": _CLASS_DIAGRAM,
    "@tree": _COMPONENT_TREE,
}


def render_template(title: str, interview_type: str, problem_id: str = "ID") -> str:
    """The skeleton for one prompt: headings, guidance comments and Mermaid templates."""
    layout = _LAYOUTS.get(interview_type, _SYSTEM)
    out = [_HEADER.format(kind=interview_type, problem=problem_id), f"# {title}", ""]
    for heading, guidance in layout:
        if heading in _BLOCKS:
            out += [_BLOCKS[heading], ""]
        else:
            out += [f"## {heading}", "", f"<!-- {guidance} -->", ""]
    return "\n".join(out)


def template_lines(title: str, interview_type: str, problem_id: str = "ID") -> frozenset[str]:
    """Stripped lines of the template, so the reviewer can skip what the candidate never wrote."""
    text = render_template(title, interview_type, problem_id)
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def all_template_lines() -> frozenset[str]:
    """Lines common to every template (diagram placeholders, headings), whatever the title."""
    lines: set[str] = set()
    for interview_type in _LAYOUTS:
        lines |= template_lines("", interview_type)
    return frozenset(lines)

"""Rules for the requirements dimension: features, non-functional targets, scale and scope."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradeoff.language.claims import ITEM, ROW, SENTENCE
from tradeoff.language.mentions import NEGATED, POSITIVE
from tradeoff.language.operations import freshness_target, latency_bound
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Finding
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.rules.rubric import gap, uncovered
from tradeoff.review.substance import scope_as_identifier


@register
class NoFunctionalRequirements(Rule):
    id = "REQ101"
    dimension = "requirements"
    kind = "no-requirements"
    severity = "error"
    message = "No functional requirements are stated"
    rationale = (
        "Interviewers grade whether you pinned down what to build before building it. Designing"
        " without requirements is the most common reason for a no-hire in the first ten minutes."
    )
    example = "# Design\nWe use Kafka and Cassandra..."
    fix = "Open with 3-5 bullet points of what users can do, and confirm them with the interviewer."

    caps = {"requirements": 1.0}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.sections_for("requirements") or ctx.placed("functional-requirements"):
            return
        if any(_FEATURE_SAID.search(c.text) for c in ctx.claims if c.kind in _SAID):
            # "The assistant allows employees to ask questions and get answers with
            # citations": a feature said in prose is a requirement stated, if not scoped
            # (REQ107 still says it is only mentioned)
            return
        yield self.finding()


# What its users can do, said of the system in a sentence: "users can ...", "allows
# employees to ...", "lets customers ...".
_FEATURE_SAID = re.compile(
    r"\b(?:users?|employees|customers|members|visitors|buyers|sellers|riders|drivers)"
    r"\s+(?:can|should be able to|are able to)\s+\w+"
    r"|\b(?:allows?|lets?|enables?)\s+(?:the\s+)?(?:users?|employees|customers|members"
    r"|visitors|buyers|sellers|riders|drivers)\s+(?:to\s+)?\w+",
    re.I,
)
_SAID = frozenset({SENTENCE, ITEM, ROW})


@register
class NoNonFunctionalRequirements(Rule):
    id = "REQ102"
    dimension = "requirements"
    kind = "no-nonfunctional-requirements"
    severity = "warning"
    message = "No non-functional requirements (latency, availability, consistency, durability)"
    rationale = (
        "Latency, availability and consistency targets decide between designs; without them no"
        " choice can be justified, and interviewers notice when targets are never named."
    )
    example = "Requirements: users can post and read a feed."
    fix = "State targets with numbers: p99 latency, availability (99.9%?), consistency needs."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood:
            return
        wanted = (
            "non-functional-requirements",
            "latency-target",
            "availability-target",
            "durability",
            "consistency-model",
        )
        if ctx.mentions.has(*wanted):
            return
        # "New posts appear in followers' feeds within 5 s" bounds staleness with a number
        if any(freshness_target(c.text) or latency_bound(c.text) for c in ctx.claims):
            return
        yield self.finding()


@register
class NoScaleNumbers(Rule):
    id = "REQ103"
    dimension = "requirements"
    kind = "no-numbers"
    severity = "error"
    message = "No numbers for scale (users, requests, data size)"
    rationale = (
        "A design for 1,000 users and one for 100 million are different designs. Without numbers"
        " the interviewer cannot tell whether your choices fit the problem."
    )
    example = "The system should handle a lot of users and be scalable."
    fix = "Ask for or assume DAU, requests per second, read/write ratio and object sizes."

    # With no numbers at all, no component or trade-off can have been sized or justified.
    caps = {"capacity": 0.5, "requirements": 2.0, "components": 2.0, "tradeoffs": 2.0}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.is_ood:
            return
        if next(ctx.iter_numbers_lines(), None) is not None:
            return
        severity = "error" if ctx.is_system else "warning"
        yield self.finding(severity=severity)


@register
class NoScope(Rule):
    id = "REQ104"
    dimension = "requirements"
    kind = "no-scope"
    severity = "warning"
    message = "Scope is not stated: nothing is said to be in or out"
    rationale = (
        "Saying what you will not cover keeps a 45-minute interview on the parts that matter"
        " and shows judgement about priorities."
    )
    example = "We will build everything Twitter has."
    fix = "Add an 'Out of scope' line (e.g. analytics, admin tools) and confirm it."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # "scope" in a fenced block or backticks is an identifier ("StringToSign = ... +
        # scope + ...", `scope = regional | global`), not the design saying what it leaves out.
        code = ctx.doc.code_lines
        if any(
            m.status == POSITIVE
            and m.line not in code
            and not (m.term.lower().startswith("scop") and scope_as_identifier(m.quote))
            for m in ctx.mentions.get("scope")
        ):
            return
        if any(re.search(r"scope|non-goals?", s.title, re.I) for s in ctx.filled_sections):
            return
        if _rules_out_features(ctx):
            return
        # A list of requirements says what is in scope; only the "out" half is missing then,
        # and the finding must not say nothing is in.
        # The examples of what to leave out are never ones the design itself asks for.
        text = " ".join(t for _, t in ctx.lines)
        examples = [name for name, stem in _OUT_EXAMPLES if not stem.search(text)][:2]
        lead = f" (e.g. {' and '.join(examples)})" if examples else ""
        fix = f"Add an 'Out of scope' line{lead} and confirm it with the interviewer."
        if ctx.sections_for("requirements") or ctx.mentions.has("functional-requirements"):
            yield self.finding(
                "Nothing is said to be out of scope",
                fix=fix,
            )
            return
        yield self.finding(fix=fix)


# What a requirement line can leave out by saying "no ...": a part, a record or index, a
# call of the API or a screen ("no range scans, no secondary indexes"). A property said with
# "no" is a target ("no data loss", "no stale reads"), and a technique a goal ("no hot
# partitions"): neither leaves a feature out.
_FEATURE_CATEGORIES = frozenset({"api", "component", "data", "front-end"})
_OPENS_WITH_NO = re.compile(r"^\W*(?:no|not)\b", re.I)


def _rules_out_features(ctx: ReviewContext) -> bool:
    """Whether a line of the requirements opens by leaving a feature out: "- no range
    scans, no secondary indexes, no multi-key txns" is the answer's out-of-scope list,
    written tersely, as "Out of scope: range scans, secondary indexes" would be."""
    lines = {n for n, _ in ctx.lines_in("requirements")}
    concepts = ctx.vocabulary.concepts
    return any(
        m.status == NEGATED
        and m.line in lines
        and _OPENS_WITH_NO.match(m.quote) is not None
        and m.concept in concepts
        and concepts[m.concept].category in _FEATURE_CATEGORIES
        for ms in ctx.mentions.by_concept.values()
        for m in ms
    )


# Features often left out of a 45-minute design, each with the words that show a design
# builds it (then it is no example of what to leave out).
_OUT_EXAMPLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(stem, re.I))
    for name, stem in (
        ("admin tools", r"\badmin"),
        ("billing", r"\bbill|\bpayments?\b|\binvoic"),
        ("analytics", r"\banalytic"),
        ("notifications", r"\bnotif"),
        ("search", r"\bsearch"),
        ("user accounts", r"\baccounts?\b|\bsign[- ]?up|\blog[- ]?in\b"),
        ("ads", r"\bads?\b|\badvert"),
    )
)


@register
class NoAssumptions(Rule):
    id = "REQ105"
    dimension = "requirements"
    kind = "no-assumptions"
    severity = "warning"
    message = "Nothing is stated as an assumption: the numbers you chose read as given"
    rationale = (
        "When the interviewer has not given a number, saying 'I'll assume X' lets them correct"
        " you early; silent assumptions surface as disagreements late in the interview."
    )
    example = "Traffic is 10K QPS."
    fix = "Write 'Assume ...' for each number or behaviour you chose yourself."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # A mock interview settles it when the candidate said a figure of their own choosing
        # for an input the interviewer had not given; its report lists those as assumptions.
        if not ctx.mentions.has("assumptions") and "assumptions" not in ctx.settled:
            yield self.finding()


@register
class NoClarifyingQuestions(Rule):
    id = "REQ106"
    dimension = "requirements"
    kind = "no-clarifying-questions"
    severity = "error"
    message = "The candidate asked no clarifying questions"
    rationale = (
        "Jumping into a design without asking about users, scale and scope is the first thing"
        " interviewers mark down; the prompt is vague on purpose."
    )
    example = "Interviewer: Design a chat app.\nCandidate: OK, so we have a WebSocket server..."
    fix = "Spend the first 5 minutes asking about users, scale, features and constraints."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.doc.is_transcript:
            return
        if any("?" in t.text for t in ctx.doc.turns if t.speaker == "candidate"):
            return
        yield self.finding()


@register
class MissingRequirement(Rule):
    id = "REQ107"
    dimension = "requirements"
    kind = "missing-requirement"
    severity = "warning"
    message = "A requirement this prompt expects is not covered"
    rationale = (
        "Each prompt has requirements an interviewer listens for; missing one means the design"
        " may solve a different problem from the one asked."
    )
    example = "(for a URL shortener) no mention of custom aliases or expiry"
    fix = "Cover the requirement named in the finding, or say why it is out of scope."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for item, held in uncovered(ctx, "requirements"):
            yield self.finding(*gap(ctx, item, held))

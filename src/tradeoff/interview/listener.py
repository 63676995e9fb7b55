"""What one candidate turn states, read once with the reviewer's own analysis.

The interviewer keeps its conversation state from these readings, so each turn is read
exactly once (no re-parsing the transcript) and with the same concept matching, negation
and reason detection the reviewer applies to a written design. `Listener` is the seam:
the session depends only on `hear`, so the analysis behind it can change in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from tradeoff.catalog.derivation import NumberRef
from tradeoff.catalog.vocabulary import Concept, Vocabulary
from tradeoff.estimate.check import check_line
from tradeoff.interview.numbers import Spoken, quantities_in
from tradeoff.interview.questions import questions_in
from tradeoff.language import Claim, read_text
from tradeoff.language.mentions import MentionIndex, find_mentions
from tradeoff.language.operations import names_failure
from tradeoff.review.products import BRANDS, brands_in

# Absolute claims worth a challenge: "it never loses data", "this scales infinitely", "we
# never break existing clients", "edits never conflict because the server orders them".
_CLAIM = re.compile(
    r"\b(never (?:los(?:ing|es|e|t)|fail\w*|go(?:es)? down|drop\w*|break\w*|conflict\w*"
    r"|collid\w*|(?:caus|creat|produc|generat|return|issu|giv)\w* (?:a |any )?duplicat\w*)\b"
    r"(?: (?!(?:and|but|so|because|if|when|unless|since)\b)[\w'-]+){0,4}"
    r"|always (?:be |stays? |remains? )?(?:available|consistent|up)"
    r"|scales? (?:infinitely|linearly|to any|forever)|infinitely scalable|zero downtime"
    r"|no single point of failure|guarantees? (?:exactly[- ]once|no)\b[^.,;]*"
    r"|(?:is|are) (?:fully|perfectly) (?:consistent|reliable|scalable))",
    re.I,
)
ASSUMES = re.compile(r"\b(assum\w*|let's say|lets say|suppose|i'll take|say we have)\b", re.I)
# "Say 5 billion searches a day, and each search is about 4 keystroke requests": figures
# the speaker picks, said with "say" at the start of a sentence. Stated aloud, as an
# assumption is; still held to a figure the interviewer gave ("say 20 million users" after
# "500 million people use it" is said against it), which "assume" asks to set aside.
SAYS_FIGURE = re.compile(r"(?:^|[.;:!?]\s+)say,?\s+(?:about\s+|around\s+|roughly\s+)?\d", re.I)
# "at maybe 6 requests per search": one figure the candidate chose, said with its hedge (the
# line's other figures are still theirs to get right).
HEDGED_FIGURE = re.compile(r"\bmaybe\s+(?:about\s+|around\s+)?\d", re.I)
# Where the clause around a hedged figure starts and ends.
# (A comma or a point inside a number, "70,000" or "1.5", ends nothing.)
_CLAUSE_START = re.compile(r".*(?:,(?!\d)|[;:!?]|\.(?!\d)|\band\b|\bso\b|\bbut\b)\s*", re.I | re.S)
_CLAUSE_END = re.compile(r",(?!\d)|[;!?]|\.(?!\d)|\s(?:and|so|but)\b", re.I)


def hedged_clause(text: str) -> str:
    """The clause that chooses a figure with "maybe": "each user has maybe 200 friends",
    "maybe 70,000 at peak" out of "50 million users ... is 2 billion messages a day, about
    23,000 a second and maybe 70,000 at peak" (quoted whole and clipped, the assumption
    listed showed only the figures given and said back). The whole text without one."""
    match = HEDGED_FIGURE.search(text)
    if match is None:
        return text
    before = _CLAUSE_START.match(text[: match.start()])
    start = before.end() if before else 0
    after = _CLAUSE_END.search(text, match.end())
    end = after.start() if after else len(text)
    return text[start:end].strip()


# ("parking that", "out of scope for now": the question put aside in other words; a scope
# stated for good, "analytics is out of scope", answers a question about scope.)
_DEFERS = re.compile(
    # ("we don't know if the card was charged" says what the system cannot know after a
    # timeout, and goes on to what it does about it: no put-off of the question.)
    r"\b(come back to (?:that|it|this)|get back to|later|not sure"
    r"|(?<!\bwe )(?<!\bthey )(?<!\bit )don't know|no idea|skip"
    r"|park(?:ing)? (?:that|it|this)|pass on"
    r"|out of scope for now"
    # "I don't want to go there yet", "let's not worry about that for now", "I'd rather not
    # get into that": put off, which the friendly voice praised with "Nice."
    r"|rather not|not worry about (?:that|it|this)"
    r"|(?:don't|do not) want to (?:go|get) (?:there|into)|not (?:get|go) into (?:that|it|this))\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
# "Let me talk about monitoring instead: ...": the turn sets the question aside for another
# subject, whatever words the two share ("fan-out lag" answered "Walk me through a feed
# request"). "Instead of" weighs an option ("pull at read time instead of fanning out").
_SWITCHES = re.compile(
    r"\b(?:let me|let's|let us|i'?d rather|i'?d like to|i'll|can i|i want to)\s+(?:talk|focus"
    r"|turn|move on|switch|go over|speak|look)\b[^.;!?]*\binstead\b(?!\s+of\b)"
    r"|\binstead,?\s+(?:let me|let's|i'll|i'd)\b",
    re.I,
)


@dataclass(frozen=True)
class Heard:
    """One candidate turn as the interviewer understands it."""

    line: int  # the turn's number in the spoken record (1-based)
    text: str
    claims: tuple[Claim, ...]  # the shared claim analysis of the turn
    mentions: MentionIndex  # this turn only, for concepts judged over the whole text
    numbers: tuple[Spoken, ...]
    decisions: tuple[tuple[str, bool], ...]  # sentences that pick something, and with a reason
    absolutes: tuple[str, ...]  # absolute claims in order ("never goes down", "never lose data")
    products: tuple[str, ...]  # product names said
    reason: bool
    assumption: bool
    chose_figure: bool  # a figure said with "maybe": chosen, an assumption (not the line)
    says_figures: bool  # "Say 5 billion searches a day, ...": the line's figures picked
    defers: bool  # "let me come back to that", "not sure"
    switches: bool = False  # "let me talk about monitoring instead"
    features: str | None = None  # a sentence listing what users do ("users post X, follow Y")
    hedged: bool = False  # leaves the point open: "we'd handle that somehow", "either works"
    # Steps of working said wrong ("500 million users times 4 GB is 2 PB"), each quoted as
    # said: the reviewer's arithmetic check, so the interviewer hears the slip it reports.
    slips: tuple[str, ...] = ()

    def meant(self) -> set[str]:
        """Concepts the turn means (not negated, not only listed as options)."""
        return {c for claim in self.claims for c in claim.features.concepts}

    @property
    def failure_response(self) -> bool:
        return any(c.features.failure_response for c in self.claims)


# Words that leave a point open without putting it off: "we'd handle that somehow".
_VAGUE = re.compile(
    r"\b(?:somehow|some way or another|something like that|we'?ll figure (?:it|that) out"
    r"|whatever works|i guess)\b",
    re.I,
)


class Listener(Protocol):
    def hear(self, text: str, line: int) -> Heard: ...


class MentionListener:
    """Reads a turn with the reviewer's concept mentions and the estimate grammar."""

    def __init__(self, vocabulary: Vocabulary, numbers: tuple[NumberRef, ...]) -> None:
        self.concepts = tuple(vocabulary.concepts.values())
        self.numbers = numbers
        self.shapes = _shaping(self.concepts)

    def hear(self, text: str, line: int) -> Heard:
        claims = tuple(read_text(text, self.concepts, first_line=line))
        mentions = find_mentions([(line, text)], self.concepts, BRANDS)
        spoken = tuple(q for c in claims for q in quantities_in(c.quote, self.numbers))
        decisions = tuple((c.quote, _reasoned(c)) for c in claims if _decides(c, self.shapes))
        # Every absolute claim: "the cache never goes down, and we never lose data" makes
        # two, and the second is still to challenge when the first already was.
        absolutes = tuple(dict.fromkeys(_whole(m.group(0)) for m in _CLAIM.finditer(text)))
        return Heard(
            line=line,
            text=text,
            claims=claims,
            mentions=mentions,
            numbers=spoken,
            decisions=decisions,
            absolutes=absolutes,
            products=tuple(dict.fromkeys(m.group(0) for m in brands_in(text))),
            reason=any(c.features.reason for c in claims),
            assumption=bool(ASSUMES.search(text)),
            chose_figure=bool(HEDGED_FIGURE.search(text)),
            says_figures=bool(SAYS_FIGURE.search(text)),
            defers=bool(_DEFERS.search(text)) or any(c.features.deferred for c in claims),
            switches=bool(_SWITCHES.search(text)),
            features=features_listed(text),
            hedged=any(c.features.hedge for c in claims) or bool(_VAGUE.search(text)),
            slips=tuple(c.quote for c in check_line(line, text) if c.wrong),
        )


# A sentence that lists what the product's users do: "So users post text and photos, follow
# people, and scroll a home feed." The reviewer's words for features ("users can", "features")
# are not said aloud this way, yet a person hears the feature list.
# ("So a driver takes a ticket at entry, gets a spot ... and leaves": one user, said with
# an article, lists what users do as well as "drivers take ...".)
_USERS_DO = re.compile(
    r"^(?:so|ok(?:ay)?|right|well|basically)?[,:]?\s*(?:(?:the|our|a|an|each|every)\s+)?"
    r"(?:(?:user|customer|viewer|member|buyer|seller|rider|driver|creator|author|uploader"
    r"|client|caller|merchant|developer|tenant|player|shopper|guest|student|employee|admin"
    r"|operator|editor|reader|subscriber|passenger)s?|people)\s+(?:can\s+)?"
    # ("get" is a verb of the list only when others follow it: "clients get, put and delete")
    r"(?!(?:are|is|was|were|have|has|had|expects?|wants?|needs?|should|would|will|might|may"
    r"|must|don't|doesn't|do|does|did|can't|cannot|shares?|likes?|hates?|sees?"
    r"|gets?\b(?!\s*,|\s+and\b))\b)[a-z]+\b",
    re.I,
)
_LIST = re.compile(r",|;|\band\b", re.I)
# A feature list said under its own label, with no user named: "OK so core flow: import
# clips, arrange them on tracks, trim, preview, then export an MP4." is the list of what
# creators do, and was reported as "Not covered, neither said nor written: States the core
# features ..." (and REQ101: no functional requirements).
_FEATURES_LABEL = re.compile(
    r"^(?:(?:so|ok(?:ay)?|right|well|basically)\b[,:]?\s*)*(?:the\s+|our\s+)?"
    r"(?:core|main|key|basic|happy|user|primary)\s+"
    r"(?:flows?|features?|use\s+cases?|journeys?|functionality)\s*(?:is|are)?\s*[:\-–—]\s*"
    r"[a-z]+\b",
    re.I,
)
# What the product shows a person at each step, said by whoever builds it: "So: when the
# empty box is focused I show recent searches, each removable; as the user types I show up
# to 8 completions ..., plus a few products." is the feature list of a front-end prompt,
# and drew the probe "What do I see at each step?" (and "Not covered: States the core
# features", REQ101) right after it.
_SHOWS = re.compile(
    r"^(?:(?:so|ok(?:ay)?|right|well|basically|then)\b[,:]?\s*)*"
    r"(?:(?:when|as|once|while|after)\b[^,;.]{1,80}?,?\s+)?"
    r"(?:i|we|it|the\s+(?:box|app|page|ui|screen|component|widget|dropdown|list))\s+"
    r"(?:show|shows|display|displays|render|renders|offer|offers)\b",
    re.I,
)
# How a program works, not what people use it for: "the client retries each part with
# exponential backoff and jitter and asks GET /v1/uploads/{id} after a restart" names an
# endpoint and a retry policy, the protocol of the design; it lists no feature.
_PROTOCOL = re.compile(
    r"\b(?:GET|PUT|POST|PATCH|DELETE|HEAD)\s+/|\bretr(?:y|ies|ied|ying)\b|\bback-?off\b"
    r"|\bjitter\b|\bpolls?\b|\bheartbeats?\b"
)


def features_listed(text: str) -> str | None:
    """The first sentence of a turn that lists two or more things its users do, if any.

    A sentence that names a product the design runs on lists no feature, however it opens:
    "drivers send GPS fixes to a location service that keeps the last position in Redis,
    sharded by geohash cell" is the location path, and it was credited as "States the
    flows: price and ETA quote, request, match, ...". ("So clients PUT, GET, DELETE and LIST
    objects in buckets" names the kind of store users get, and is the feature list.) The
    separator that ends a sentence lists nothing: "clients hold a websocket to a chat gateway;
    the gateway looks up ..." was credited as "Covers direct and group chat (up to 1,000
    members), sent/delivered/read receipts, ...", its clause split at the ";" it ends on."""
    for sentence in _SENTENCE.split(text.strip()):
        match = (
            _USERS_DO.match(sentence) or _FEATURES_LABEL.match(sentence) or _SHOWS.match(sentence)
        )
        if (
            match
            # (A list goes on inside the sentence: the ";" that ends "clients hold a websocket
            # to a chat gateway;" starts another clause, and named that one line a feature.)
            and _LIST.search(sentence.rstrip(" ;,"), match.end())
            and not sentence.endswith("?")
            and not _PROTOCOL.search(sentence)
            and not brands_in(sentence)
            # ("when the store is down we show stale results and a banner" is an answer to
            # a failure, not what the product is for.)
            and not (match.re is _SHOWS and names_failure(sentence))
        ):
            return sentence.strip().rstrip(";,")
    return None


# Words a quoted claim cannot end on: "never lose a" is half of "never lose a post".
_DANGLING = frozenset("a an the our my your its of to in on for with at by".split())


def _whole(claim: str) -> str:
    """The claim without the words that leave it hanging ("never lose a post", cut at four
    words, quotes as "never lose a post", never "never lose a")."""
    words = claim.split()
    while len(words) > 2 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words)


def decisions_in(turn: str, concepts: tuple[Concept, ...] = ()) -> list[tuple[str, bool]]:
    """Sentences that pick something, and whether each gives a reason.

    A question picks nothing: "how long do we keep history?" asks what the system must do,
    and counting it made the report's "decisions without a reason" count a clarifying
    question the candidate asked, typed with its question mark or without it ("how long do
    we keep messages, and how many consumer groups read a topic")."""
    shapes = _shaping(concepts)
    return [
        (c.quote, _reasoned(c))
        for c in read_text(turn, concepts)
        if _decides(c, shapes) and not c.quote.rstrip().endswith("?") and not questions_in(c.quote)
    ]


# "we drop any query on a blocklist ..., since ...": the candidate saying what they do.
_WE_DO = re.compile(
    r"^\W*(?:(?:so|then|and|also)\s+)?(?:we|i)\s+(?!(?:need|must|should|have|want|can't|cannot"
    r"|don't|do not|am|are|was|were|think|guess|assume|mean|know|'m|'re)\b)[a-z]+\b",
    re.I,
)


# An estimate worked out, and a summary: what a line of working or a recap reasons about.
_WORKING = frozenset({"scale-numbers", "back-of-envelope", "storage-estimate", "summary"})


def _shaping(concepts: tuple[Concept, ...]) -> frozenset[str]:
    """The concepts that shape a program's classes (the object-oriented ones: classes,
    interfaces, patterns, states, thread safety)."""
    return frozenset(c.id for c in concepts if c.category == _CLASS_SHAPING)


_CLASS_SHAPING = "object-oriented"


def _decides(claim: Claim, shapes: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence picks something: one the reader sees as a decision, or one that
    says how the design works and why. "the browser debounces keystrokes by 150 ms and
    caches results per prefix, so typing "weather" fast sends two or three requests", "a
    suggest service keeps a trie in memory ..., so a lookup is one walk down the prefix" and
    "eviction is LRU per shard, since recently read items are ..." are choices given with
    their reasons, said of the part rather than as "we'll use ...": the report counted one
    decision with a reason in a session that gave four."""
    f = claim.features
    if f.decision:
        return True
    if not f.reason or f.hedge or f.concepts & _WORKING:
        # Working ("ok so the hot 2 TB at 64 GB a node is 32 shards") sizes, it does not
        # choose; a summary restates the choices made before it.
        return False
    # How the classes are cut, with why ("Each state is its own class ..., because each
    # state allows a different set of events"): in an object-oriented design this is the
    # decision, as a mechanism is in a distributed one; the report counted none.
    return bool(f.mechanisms or f.flow or _WE_DO.match(claim.quote) or f.concepts & shapes)


def _reasoned(claim: Claim) -> bool:
    """Whether a decision gives its reason: a "because" or "so", or the bottleneck it
    answers ("The bottleneck is Redis throughput; at 10x I'd add shards ...")."""
    return claim.features.reason or "bottlenecks" in claim.features.concepts

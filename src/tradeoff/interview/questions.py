"""Match a candidate's clarifying questions to the hidden facts that answer them.

A turn may hold several questions ("How many links a day, and what's the read ratio?") and
a question may coordinate several topics ("What availability and latency do we need?"), so
a turn is split into parts and each part is matched on its own. A part is matched by
intent (the kinds of question it asks, from the shared `questions.yaml` phrases) and by
the fact's own words: when two facts answer the same kind, the one whose id or text shares
the question's words wins, so "how many URLs are created per day?" gets the write volume
and not the read ratio that also mentions creation.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from tradeoff.catalog.schema import Fact, Problem
from tradeoff.catalog.vocabulary import QuestionKind
from tradeoff.language.mentions import METHOD_WORD

_QUESTION_WORD = (
    r"how|what|what's|whats|which|who|when|where|why|is|are|do|does|did|should|can|could"
    r"|will|would|shall|may|any|must|has|have"
)
_QUESTION_START = re.compile(rf"^\s*(?:{_QUESTION_WORD})\b", re.I)
# Where one question ends and the next begins inside a sentence: "..., and what is ...".
_CLAUSE_BREAK = re.compile(
    rf"\s*;\s*|,?\s+(?:and|or|also|plus|then)\s+(?=(?:{_QUESTION_WORD})\b)"
    rf"|,\s+(?=(?:{_QUESTION_WORD})\b)",
    re.I,
)
# Coordinated topics inside one question: "availability and latency", "size, retention".
_COORDINATION = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&|plus|as well as)\s+", re.I)
_WORD = re.compile(r"[a-z][a-z0-9']*")
_STOP = frozenset(
    """a an the of to in on for at by with and or is are be do does did we you it this that
    there their what which who whom how when where why should would could can will shall may
    must need needs have has any some many much also just your our like kind kinds sort about
    from into per each every get gets expect expected please tell me us i if so as than then
    what's whats it's let's go say roughly approximately approx number numbers figure over
    under next those these after before still them they its
    never always ever only even very really quite
    design designing designed""".split()
)
# ("design": what the interview itself does names no topic of a fact, so "Before designing,
# how many users ..." does not ask what "you need not design". "never", "always": a
# probe's "never" and an answer's "never show" share no subject.)
# The few words a question uses for what a fact calls otherwise; matching by meaning beyond
# this belongs to the question kinds in questions.yaml.
_SAME = {
    # "can we lose a zone?" is answered by "must survive losing a whole availability zone":
    # the stems of lose, losing and loss differ, and the fact went unfound. ("Lost" stays
    # itself: a "lost ticket" is mislaid, no loss of data.)
    "los": "lose",
    "loss": "lose",
    "url": "link",
    "dau": "user",
    "mau": "user",
    "urls": "link",
    "write": "creat",
    "writes": "creat",
    "written": "creat",
    "shorten": "creat",
    "new": "creat",
    "generat": "creat",
    "make": "creat",
    "made": "creat",
    "open": "read",
    "opened": "read",
    "click": "read",
    "clicks": "read",
    "view": "read",
    "visit": "read",
    "redirect": "read",
    "store": "kept",
    "stored": "kept",
    "keep": "kept",
    "storage": "kept",
    "stor": "kept",  # "storing", "stores", cut to "stor"
    "ms": "millisecond",
    "fast": "latency",
    "uptime": "availab",
    "tenancy": "tenant",
    "cancellable": "cancel",  # the British doubled l ("cancelable" stems to "cancel")
    "down": "availab",
    # "people with huge followings": their followers (the -ings plural keeps its stem, as
    # "postings" stays apart from "posts")
    "followings": "follower",
    # "Click statistics", "usage stats": what a fact calls analytics.
    "statistic": "analytic",
    "statistics": "analytic",
    "stats": "analytic",
    # An upload's pieces: "2,500 parts" is the chunk count ("chunks_for_max_file").
    "part": "chunk",
    "parts": "chunk",
}
# Words in a kind's phrase that only frame a question ("do we need", "how many"): a kind
# matched by such a phrase alone is a weak signal of what is asked.
_FRAME = frozenset(
    """how many much what do does we need should it is are can could will would not don't
    if happens of types kinds which in at out""".split()
)


@dataclass(frozen=True)
class Part:
    """One question in a turn and the facts that answer it (empty: assume something)."""

    text: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Answer:
    fact: Fact | None  # None: nothing the interviewer knows answers it
    kinds: tuple[str, ...]  # the question kinds recognised


# Words a typed question may open with before its question word: "ok and ...", "also ...".
_FILLER = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|and|also|oh|hmm+|well|right|alright|then|next)\b[\s,]*)+", re.I
)
# A sentence that asks even when typed without a question mark: "what about the network",
# "is there any quota stuff", "do we need downloads", "how fast do phones upload". A bare
# question word is not enough ("What I'd do is shard", "How it works: ..."), nor a
# suggestion ("how about we shard by user").
_ASKS_UNMARKED = re.compile(
    # ("What about the timeline memory: 200M users x 800 ids ... is 1.3 TB": a heading the
    # candidate answers at once, after the colon, as "How do we do it: ..." below)
    r"^(?:(?:what|how) about\b(?!\s+(?:we|i|using|adding|putting)\b)(?![^?]*:)"
    r"|(?:is|are) there\b"
    r"|(?:do|does|did|should|can|could|will|would|must|is|are)\s+(?:we|i|you|they|users|people"
    r"|clients|it|the|our|each|every|all|any)\b"
    r"|who (?:are|will|would)\b"
    r"|how (?:do|does|should|would|will|can|could)\s+(?:we|i|you|they|the|customers?|users?"
    r"|clients?|callers?|people|it)\b(?!.*:)"  # not "How do we do it: ..."
    r"|how (?:many|much|fast|often|long|big|large|soon|quickly|frequently|fresh|durable"
    r"|available|consistent|accurate|reliable|secure)\b"
    # "what latency is acceptable ...": a requirement asked for by name
    r"|what (?:latency|latencies|availability|consistency|throughput|scale|sizes?|volume"
    r"|traffic|load|ratio|formats?|sla|slo|uptime|durability|retention|resolution|browsers?"
    r"|devices?|platforms?|features?|regions?|languages?|qps|rps)"
    r"(?=\s+(?:is|are|do|does|should|would|can|could|will|must|need|needs|for|of|targets?"
    r"|requirements?|numbers?)\b|\s*$|\s*,)"  # not "What latency we get depends on ..."
    r"|(?:what's|whats|what is|what are|which)\s+(?:the|our)\b"
    r"|what (?:kinds?|sorts?|types?) of\b(?!.*\b(?:i'd|i'll|we'd|we'll|i will|we will)\b))",
    re.I,
)


# "I haven't thought about the cursor encoding, can we come back to it later?": a request to
# put the point off, not a question about the problem ("That's not specified. Assume what you
# think is reasonable" answered it).
_PUTS_OFF = re.compile(
    r"\b(?:come|get|go) back to (?:it|that|this|them)\b|\brevisit (?:it|that|this)\b"
    r"|\b(?:park|skip|defer) (?:it|that|this)\b",
    re.I,
)


def questions_in(text: str) -> list[str]:
    """The questions in a turn: sentences ending in '?', starting like a question in a turn
    that has one, or asking unmistakably without one (typed questions often lack it)."""
    # A query's placeholder ("WHERE show_id=? AND seat_id IN (?)") asks nothing.
    text = _PLACEHOLDER.sub("_", text)
    parts = [p.strip() for p in re.split(r"(?<=[?])\s+|(?<=[.!])\s+", text) if p.strip()]
    # "Out of scope: food, promo codes. Right?": a tag asks about the sentence before it.
    for at in range(len(parts) - 1, 0, -1):
        if _TAG_QUESTION.fullmatch(parts[at]) and not parts[at - 1].endswith("?"):
            parts[at - 1 : at + 1] = [f"{parts[at - 1].rstrip('.!')}, {parts[at].lower()}"]
    return [
        p
        for p in parts
        if not _PUTS_OFF.search(p)
        and (
            p.endswith("?")
            or (_QUESTION_START.match(_FILLER.sub("", p)) and "?" in text)
            or _ASKS_UNMARKED.match(_FILLER.sub("", p))
        )
    ]


_TAG_QUESTION = re.compile(
    r"(?:right|correct|ok|okay|yes|agreed|fair|does that work|is that right|sound good)\s*\?",
    re.I,
)
_PLACEHOLDER = re.compile(r"(?<=[=(,])\s*\?(?=[\s,)]|$)")

_LEAD_IN = re.compile(rf"^[^,?:]*[,:]\s*(?=(?:{_QUESTION_WORD})\b)", re.I)


# A lead-in that only says when or how the question comes ("Before anything else,", "Quick
# check:", "OK so,"): no topic. A condition ("If prices go up, does ...") is one.
_EMPTY_LEAD_IN = re.compile(
    r"^\s*(?:before|first(?:ly)?|to (?:start|begin)|quick(?:ly)?|ok(?:ay)?|so|also|right"
    rf"|one (?:more )?(?:thing|question)|just)\b[^,?:]*[,:]\s*(?=(?:{_QUESTION_WORD})\b)",
    re.I,
)


def without_lead_in(part: str) -> str:
    """A question part without the words before its question ("Before I start, who ...",
    "Before I draw anything: how many ...")."""
    return _LEAD_IN.sub("", part)


def split_parts(question: str) -> list[str]:
    """A question sentence cut where a new question starts ("..., and what is ...")."""
    body = question.strip().rstrip("?").strip()
    pieces = [p.strip(" ,") for p in _CLAUSE_BREAK.split(body) if p and p.strip(" ,")]
    return [p for p in pieces if _WORD.search(p.lower())]


def _continued(piece: str, kinds: dict[str, QuestionKind]) -> bool:
    """Whether a piece ends in a continuation joined onto it ("how many series, how often"):
    a last part with no topic of its own."""
    if ", " not in piece:
        return False
    last = piece.rsplit(", ", 1)[1]
    return not (stems(last) - _frame_stems(last, kinds))


def _with_continuations(pieces: list[str], kinds: dict[str, QuestionKind]) -> list[str]:
    """A piece with no topic of its own ("..., and for how long?") continues the one
    before it: "do we keep click logs, and for how long" asks how long click logs are kept,
    not how long everything is."""
    out: list[str] = []
    led = False  # a lead-in ("Before I start,") joins the first question only, once
    for piece in pieces:
        if out and not (stems(piece) - _frame_stems(piece, kinds)):
            out[-1] = f"{out[-1]}, {piece}"
        elif len(out) == 1 and not led and not _QUESTION_START.match(without_lead_in(out[0])):
            # "On average, how often ...": one question; but "Before I draw anything: how
            # many floors ..., and how long ...?" already asked one before the next begins
            out[0] = f"{out[0]}, {piece}"
            led = True
        else:
            out.append(piece)
    return out


def kinds_of(question: str, kinds: dict[str, QuestionKind]) -> tuple[str, ...]:
    return tuple(_kind_strength(question, kinds))


def _kind_strength(question: str, kinds: dict[str, QuestionKind]) -> dict[str, float]:
    """Kinds the question asks: 3 when a phrase names its topic, 1 when only a frame fits."""
    text = _asked_text(question)
    spec = tuple((k.id, tuple(k.phrases), tuple(k.frames)) for k in kinds.values())
    found: dict[str, float] = {}
    for kind_id, pattern, strength in _kind_patterns(spec):
        if strength > found.get(kind_id, 0.0) and pattern.search(text):
            found[kind_id] = strength
    return found


def _phrase_words(
    question: str, kinds: dict[str, QuestionKind]
) -> dict[str, frozenset[tuple[str, str]]]:
    """Each kind a question names by a whole phrase of more than one word, with the words
    of that phrase as matched (after the word map) and as said: "read to write" names the
    read-write ratio, and its "read" is no topic a fact shares by saying "clicked", which
    the word map reads as a read, though "storage" is one a fact saying "storage" shares."""
    text = _asked_text(question)
    spec = tuple((k.id, tuple(k.phrases), ()) for k in kinds.values())
    out: dict[str, frozenset[tuple[str, str]]] = {}
    for kind_id, pattern, _strength in _kind_patterns(spec):
        said = [m.group(0) for m in pattern.finditer(text)]
        words = frozenset(
            (_SAME.get(w, _SAME.get(_stem(w), _stem(w))), _stem(w))
            for phrase in said
            for w in _WORD.findall(phrase)
            if w not in _STOP and len(w) > 1
        )
        if words:
            out[kind_id] = words
    return out


# "How big", "how long": an adjective that asks for a measure, not a topic ("fast" and
# "stale" after "how" do name one).
_HOW = re.compile(r"(?<=\bhow )(?:big|long|large|small|short|far|high|low|often|soon|many|much)\b")


def _frame_stems(question: str, kinds: dict[str, QuestionKind]) -> frozenset[str]:
    """Words that only shape the question ("long" in "how long", "big" in "how big"): they
    name no topic, so
    they never match a fact's words ("how long do links live?" is not about long URLs)."""
    text = _asked_text(question)
    spec = tuple((k.id, tuple(k.phrases), tuple(k.frames)) for k in kinds.values())
    out: set[str] = set(stems(" ".join(_HOW.findall(text))))  # "how big", "how soon"
    for _kind, pattern, strength in _kind_patterns(spec):
        if strength < 3.0:
            for match in pattern.finditer(text):
                if set(match.group(0).split()) & _FRAME:  # a shape, not a noun ("users")
                    out |= stems(match.group(0))
    return frozenset(out)


# Words and numbers ("99.9"), with hyphens and slashes read as spaces.
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'.]*[a-z0-9*]|[a-z0-9]")


def _normalised(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower().replace("-", " ").replace("/", " ")))


# "Are recommendations out?", "what's out?": "out" said of a feature is short for "out of
# scope". Only there: "out" names no topic of its own ("sold out", "times out", "fan-out",
# "checking out"), so it is no content word, and a participle before it ("is sold out",
# "is timed out") makes it part of that verb.
_OUT_OF_SCOPE = re.compile(
    r"(?P<front>\b(?:is|are|what's|whats|that's|it's)"
    r"(?:(?: (?!(?:[a-z']+ed|[a-z']+ing|sold|run|left|cut|shut|sent|put|worn)\b)[a-z0-9']+)"
    r"{0,3}) )out\b(?! of\b)"
)


def _asked_text(question: str) -> str:
    """A question as its kinds' phrases read it: normalised, the shorthand "out" read as
    "excluded" (not "out of scope", whose "out of" also reads as running out, nor "not in
    scope", whose "in scope" asks the features)."""
    return _OUT_OF_SCOPE.sub(r"\g<front>excluded", _normalised(question))


@lru_cache(maxsize=8)
def _kind_patterns(
    spec: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...],
) -> tuple[tuple[str, re.Pattern[str], float], ...]:
    """One pattern per kind and weight: whole words with plurals, `*` marking a stem."""
    out = []
    for kind_id, phrases, frames in spec:
        for group, strength in ((phrases, 3.0), (frames, 1.0)):
            if group:
                alternatives = "|".join(_phrase_pattern(p) for p in group)
                out.append((kind_id, re.compile(alternatives), strength))
    return tuple(out)


def _phrase_pattern(phrase: str) -> str:
    if phrase.endswith("*"):
        return rf"\b{re.escape(_normalised(phrase[:-1]))}"
    return rf"\b{re.escape(_normalised(phrase))}(?:s|es)?\b"


def answer_turn(text: str, problem: Problem, kinds: dict[str, QuestionKind]) -> list[Part]:
    """Every question part of a turn with the facts that answer it, no fact twice."""
    out: list[Part] = []
    seen: set[str] = set()
    for question in questions_in(text):
        for piece in _with_continuations(split_parts(question), kinds):
            if out and _asked_of_given(piece, out[-1].facts, kinds):
                # "which providers, and how reliable are they?": the providers fact says
                out[-1] = Part(f"{out[-1].text}, and {piece}", out[-1].facts)
                continue
            facts = [f for f in match_part(piece, problem, kinds) if f.id not in seen]
            if not facts and out and _said_in(piece, seen, problem, kinds):
                continue  # "Can people cancel, and do they get a refund?": "refunded" was said
            if not facts and (matched := match_part(piece, problem, kinds)):
                # Answered by an earlier part, unless what it adds asks for another fact:
                # "how many series, and how often?" asks the interval after the series.
                if not _continued(piece, kinds):
                    _asked_too(out, piece, matched)
                    continue
                other = best_fact(piece, problem, kinds, exclude=frozenset(seen))
                if other is None or piece in [p.text for p in out]:
                    continue
                facts = [other]
            excluded = _excluded_named(piece, problem, facts)
            if excluded is not None and excluded.id not in seen:
                facts = [*facts, excluded]
            base = _average_behind(piece, facts, problem, seen, kinds)
            if base is not None:
                facts = [base, *facts]
            seen.update(f.id for f in facts)
            out.append(Part(piece, tuple(facts)))
    return out


def _asked_too(out: list[Part], piece: str, matched: list[Fact]) -> None:
    """Record a part answered by a fact an earlier part drew out as asked of that fact too:
    "Who books? And how long is a seat held, and how many seats can one person take?" has
    the booking-flow fact answer all three, and the terse voice, shortening it for "who
    books" alone, dropped "select up to 10 seats" that the last part asked for."""
    ids = {f.id for f in matched}
    for at, part in enumerate(out):
        shared = tuple(f for f in part.facts if f.id in ids)
        if shared:
            # Only the shared facts are asked the new part: "Staff add movies ..." still
            # answers "who books" alone, not "how many seats".
            rest = tuple(f for f in part.facts if f.id not in ids)
            asked = Part(f"{part.text}, and {piece}", shared)
            out[at : at + 1] = [asked, Part(part.text, rest)] if rest else [asked]
            return


def _average_behind(
    piece: str,
    facts: list[Fact],
    problem: Problem,
    seen: set[str],
    kinds: dict[str, QuestionKind],
) -> Fact | None:
    """The average a peak fact is a multiple of, when a part asks how many at peak: "How
    many IDs per second do we need at peak?" answered only "traffic peaks at about five
    times the average" gave no number to multiply, and the report then listed the average
    as "never asked"."""
    if not (_HOW_MANY.search(piece) and _PEAK_WORDS.search(piece)):
        return None
    if not any("peak" in f.answers for f in facts):
        return None
    if not any(_RELATIVE_PEAK.search(f.text) for f in facts if "peak" in f.answers):
        return None
    given = {f.id for f in facts} | seen
    # The average of what is counted: the part asked again without its peak words ("how
    # many redirects per second?" is the reads, not the links created).
    plain = _PEAK_WORDS.sub(" ", piece)
    counted = [f for f in match_part(plain, problem, kinds) if f.id not in given]
    if counted and not any("peak" in f.answers for f in counted):
        return counted[0]
    return next((f for f in problem.facts if "traffic" in f.answers and f.id not in given), None)


_HOW_MANY = re.compile(r"\bhow (?:many|much)\b|\bwhat (?:is|'s) the (?:rate|volume|load)\b", re.I)
_PEAK_WORDS = re.compile(r"\b(?:at|during|in) (?:the )?(?:peak|busiest \w+)\b|\bpeak\b", re.I)
# A peak said as a multiple of the average: "about five times the average", "3x average".
_RELATIVE_PEAK = re.compile(r"\b(?:times|x)\s+(?:the\s+)?(?:daily\s+)?average\b", re.I)


# A part whose subject is a pronoun ("how reliable are they?") asks about what the part
# before it named.
_BACK_REFERENCE = re.compile(r"\b(?:they|them|their|it|its|those|these)\b", re.I)


def _asked_of_given(piece: str, given: tuple[Fact, ...], kinds: dict[str, QuestionKind]) -> bool:
    """Whether a part asks, of what the part before it named, something the fact just given
    for that part answers: "which providers do we call, and how reliable are they?" is
    answered by the providers fact, which gives their failure rate, so inviting the
    candidate to assume how reliable they are would contradict the reply. Only a kind named
    by a phrase counts: "how often do they report?" names no topic ("how often" is a frame)
    and asks for another fact."""
    if not given or not _BACK_REFERENCE.search(without_lead_in(piece)):
        return False
    text = _asked_text(piece)
    spec = tuple((k.id, tuple(k.phrases), ()) for k in kinds.values())
    patterns = [(k, p) for k, p, _strength in _kind_patterns(spec) if p.search(text)]
    named = {k for k, _pattern in patterns}
    for _kind, pattern in patterns:
        text = re.sub(rf"(?:{pattern.pattern})\w*", " ", text)  # "reliab*": the whole word
    # A topic of its own besides the kind ("how many lock operations per second do they
    # make?") asks for that topic's fact, not the one given.
    own = stems(text) - _frame_stems(piece, kinds)
    return not own and any(named & set(f.answers) for f in given)


# "Is there a freight mode?", "Are there VIP cars?": whether a thing exists at all.
_IS_THERE = re.compile(r"\W*(?:is|are) there\b", re.I)


def _excluded_named(piece: str, problem: Problem, facts: list[Fact]) -> Fact | None:
    """The scope fact, when a part asks whether a thing exists, names a thing only that fact
    names, and the facts found for the part do not: "Is there a VIP or freight mode?" drew
    the modes fact (maintenance, fire), and "freight cars" are in the out-of-scope list,
    which is then said as well. (Only "is there": "How many clicks does a link get?" names
    the "click analytics" ruled out, and asks no such thing.)"""
    if not facts or not _IS_THERE.match(without_lead_in(piece)):
        return None
    said = literal_stems(piece) - _NO_TOPIC
    texts = {f.id: literal_stems(f.text) for f in problem.facts}
    for fact in problem.facts:
        if "out-of-scope" not in fact.answers or fact in facts:
            continue
        others = frozenset().union(*(t for i, t in texts.items() if i != fact.id))
        own = said & texts[fact.id] - others
        if own and not any(own & texts[f.id] for f in facts):
            return fact
    return None


def _said_in(piece: str, given: set[str], problem: Problem, kinds: dict[str, QuestionKind]) -> bool:
    """Whether every topic word of a part is in a fact already given for this turn: the
    reply answers it, and an invitation to assume it would contradict the fact just said
    ("Users can cancel ... and get everything back" answers "do they get a refund"). A
    part that asks a measure ("how long", "how big") is answered by its figure only."""
    topic = stems(piece) - _frame_stems(piece, kinds)
    if not topic:
        return False
    measure = _HOW.search(_normalised(piece))
    words = _profile(problem).words
    for fact in problem.facts:
        if fact.id not in given or not topic <= words[fact.id][1]:
            continue
        # "how long do links live?" wants its figure, not a fact saying "live"; a fact that
        # gives the span ("watch time is about 50 minutes a day") answers "how long do they
        # watch?", and inviting an assumption would contradict the reply.
        if measure is None or (measure.group(0) == "long" and _states_a_span(fact.text)):
            return True
    return False


def coordinated(text: str) -> list[str]:
    """The topics a phrase coordinates: "the media format and the upload speed"."""
    return [p.strip() for p in _COORDINATION.split(text) if p and p.strip()]


def names_fact(text: str, fact: Fact, problem: Problem) -> bool:
    """Whether a text says one of the fact's own words or cues ("overshoot" is a cue of
    "Limits need not be exact ..."), not only what the matcher inferred from its kinds."""
    profile = _profile(problem)
    if stems(text) - _NO_TOPIC & profile.words[fact.id][1]:
        return True
    cues = profile.cues.get(fact.id)
    return cues is not None and cues.search(_normalised(text)) is not None


def match_part(part: str, problem: Problem, kinds: dict[str, QuestionKind]) -> list[Fact]:
    """The facts one question part asks for: one, or one per coordinated topic. A lead-in
    ("Before anything else, how big ...") is no topic: split off at its comma, its
    "anything" drew the fact whose viewers "cannot change anything"."""
    pieces = [p for p in _COORDINATION.split(_EMPTY_LEAD_IN.sub("", part)) if p and p.strip()]
    if len(pieces) > 1:
        found: list[Fact] = []
        for piece in pieces:
            fact = best_fact(piece, problem, kinds, strong_only=True)
            if fact is not None and fact not in found:
                found.append(fact)
        if len(found) > 1:
            return found
    fact = best_fact(part, problem, kinds)
    return [fact, *_same_cue(part, fact, problem)] if fact is not None else []


def _same_cue(part: str, fact: Fact, problem: Problem) -> list[Fact]:
    """The other facts that carry a cue of the question that drew `fact` out: "what
    payment methods does it take?" asks the cash fact and the card fact alike, both cued
    by "payment method", and got only the first."""
    cues = _profile(problem).cues
    said = _normalised(part)
    own = cues.get(fact.id)
    shared = set(own.findall(said)) if own is not None else set()
    if not shared:
        return []
    return [
        other
        for other in problem.facts
        if other is not fact
        and (pattern := cues.get(other.id)) is not None
        and shared & set(pattern.findall(said))
    ]


def answer(question: str, problem: Problem, kinds: dict[str, QuestionKind]) -> Answer:
    """The single best fact for a question (kept for callers that want one)."""
    return Answer(best_fact(question, problem, kinds), kinds_of(question, kinds))


def best_fact(
    question: str,
    problem: Problem,
    kinds: dict[str, QuestionKind],
    *,
    strong_only: bool = False,
    exclude: frozenset[str] = frozenset(),
) -> Fact | None:
    """The fact that best answers a question, by intent and by the fact's own words.

    Words count by how distinctive they are among this prompt's facts (a word only one fact
    uses says more than "users", which half of them use); what a quantity is (a rate, a
    size, a maximum or an average) counts as a word, so "payments per day" finds the fact
    stated "a day". A fact needs a real signal: a kind named by a topic word, a word of its
    id, a word only it uses, two of its words, or a question frame it answers together
    with one of its words ("how many keys are there?"). A frame alone retrieves nothing,
    so "how many servers do we need?" is not answered with the link volume.
    """
    asked = _kind_strength(question, kinds)
    said = question
    topic, who = _without_actor(question, kinds)
    if who:
        # Who acts names no topic: the kinds only the actor named weigh as a frame, and
        # its word counts only in a phrase a fact shares ("no consumer may see") or in a
        # fact's own cue ("how do people pay").
        found = _kind_strength(topic, kinds)
        party = _kind_strength(who, kinds)
        asked = {k: min(s, 1.0) if k in party and k not in found else s for k, s in asked.items()}
        question = topic
    words = stems(question) - _frame_stems(question, kinds) - _NO_TOPIC
    if _HOW_WORKS.search(question):
        # "How do tools work?" asks how the design works: its verb is no topic, and it drew
        # the offline fact, where nobody loses "anyone's work".
        words -= {"work"}
    if _one_of_a_party(question, _party_words(kinds)):
        words -= {"one"}
    words |= concept_tokens(question) | _markers(question)
    at_rest = _AT_REST.search(said) is not None
    if at_rest:
        words -= {"rest"}  # "encrypt at rest": stored data, never "the rest is the provider's"
    spans = _concept_spans(question)
    profile = _profile(problem)
    normal = _normalised(said)  # a fact's own cue may name the party ("people pay")
    framing = _frame_stems(question, kinds)
    pairs = frozenset(p for p in _pairs(said) if not set(p.split("+")) & framing)
    asked_stats = words & _STATS
    breaks = _BREAKS.search(question) is not None
    scene = _SCENE.search(question) is not None
    if breaks:
        # "What happens if a broker dies?" asks what the system promises when a part fails:
        # its availability and durability, as a frame, besides the kinds its words name.
        asked = {**{k: 1.0 for k in _FAILURE_PROMISES if k in kinds}, **asked}
    how_long = _HOW_LONG.match(without_lead_in(said)) is not None
    phrased = _phrase_words(question, kinds)
    who_party = _WHO_PARTY.match(without_lead_in(said)) is not None
    counted = _counted_in_question(said)
    per = _per(said)
    party_words = _party_words(kinds)
    # "What do users control about what they get?": asks what the party decides.
    choosing = bool(who) and _CHOOSING.search(question) is not None
    best: tuple[float, Fact] | None = None
    for fact in problem.facts:
        if fact.id in exclude:
            continue
        id_words, text_words = profile.words[fact.id]
        by_id = (words - per) & id_words
        by_text = words & text_words
        kind_score = 0.0
        strong = framed = False  # a kind named by a topic phrase; any kind, frames included
        cues = profile.cues.get(fact.id)
        cued = set(cues.findall(normal)) if cues is not None else set()
        said_cues = len(cued)
        if said_cues:
            # Each of its own phrases the question uses says it again: "how fast does a new
            # trending query need to show up" says "trend", "new quer" and "show up". Each
            # word past the first of a phrase says it as a word shared would: "payment
            # method" weighs more than the "machine" and "take" a jammed slot's fact shares
            # with "what payment methods does the machine take?".
            longest = max(len(cue.split()) for cue in cued)
            kind_score += _CUE + _MORE_CUES * (said_cues - 1 + longest - 1)
            strong = True
        for kind in fact.answers:
            strength = asked.get(kind, 0.0)
            if strength:
                primary = 1.5 if kind == fact.answers[0] else 0.0
                kind_score += strength + primary
                strong = strong or strength > 1
                framed = True
        if _other_statistic(asked_stats, text_words):
            continue  # "how long can a URL be?" asks a limit; an average does not answer it
        if how_long and not _states_a_span(fact.text):
            continue  # "how long do postings stay up?": "20 million jobs are open" says no span
        if at_rest and not _SAYS_AT_REST.search(fact.text):
            continue  # "mutual TLS" protects the wire; it says nothing of the data stored
        if breaks and not set(fact.answers) & _FAILURE_KINDS:
            continue  # "what happens if a worker crashes?" asks the design, not a speed
        if scene and set(fact.answers) <= _NO_SCENE_KINDS:
            continue  # "what does the user see if another device saved first?": no platforms
        if who_party and not said_cues and not set(fact.answers) & set(_PARTY_KINDS):
            continue  # "who calls the API?" asks the callers, not the API calls per payment
        if counted and any(noun <= counted for noun in profile.counted[fact.id]):
            kind_score += _COUNTS  # "how many drivers": "one million drivers are online"
            strong = True
        by_text |= pairs & profile.pairs[fact.id]
        topical = by_text - party_words
        if counted and _counts_another(counted, profile.counted[fact.id]):
            topical -= _RATE_WORDS  # "how many bookings a day?": "5 shows a day" counts shows
        for kind, named_by in phrased.items():
            if kind not in fact.answers:
                # "read to write ratio" names its kind; "not which suggestion was clicked"
                # says "read" only through the word map, and answers no ratio.
                literal = literal_stems(fact.text)
                topical -= {mapped for mapped, said in named_by if said not in literal}
        distinctive = any(profile.df[w] == 1 for w in topical)
        named = by_id - profile.subject
        signals = _signals(topical, spans)
        acts = choosing and _acts_in(who, fact.text)
        if not (strong or named or distinctive or signals >= 2 or (framed and by_text) or acts):
            continue
        if strong_only and not (strong or named or distinctive):
            continue
        score = kind_score + 0.1 / len(fact.answers)
        score += sum(2.5 * profile.idf(w) for w in by_id)
        score += sum(1.5 * profile.idf(w) for w in by_text)
        score += _ACTS if acts else 0.0
        if best is None or score > best[0]:
            best = (score, fact)
    return best[1] if best else None


# Data at rest, as a question asks about it ("do we need to encrypt at rest?"), and what a
# fact must say to answer it: "Only internal services call it, over mutual TLS" shares the
# security kind and answered it, and "the rest is the provider's time" shares "rest".
_AT_REST = re.compile(r"\bat[- ]rest\b", re.I)
_SAYS_AT_REST = re.compile(r"\bat[- ]rest\b|\bencrypt\w*|\bkms\b|\bkey management\b", re.I)


# A fact in which the party a question asks about acts weighs as one of its words does:
# below any fact that shares the question's topic.
_ACTS = 1.0
# Verbs that ask what a party decides for itself ("What can users control?", "What do
# customers choose?"); "What do users pay?" asks a price, which no sentence in which
# users act answers.
_CHOOSING = re.compile(
    r"\b(?:control|choose|pick|decide|set|configure|manage|customi[sz]e|opt|prefer|turn off"
    r"|turn on|mute)\b",
    re.I,
)
_DETERMINERS = frozenset("the our most all some many each every a an".split())


def _acts_in(who: str, text: str) -> bool:
    """Whether a sentence of a fact has the party as its subject. "What do users control
    about what they get?" asks what the party does, and "Users choose channels per category
    ... and set quiet hours" says it, though the two share no word but the party, which
    names no topic (`_without_actor`): the question was answered "That's not specified"."""
    party = _stem(who.lower())
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        words = re.findall(r"[a-z]+", sentence.lower())
        while words and words[0] in _DETERMINERS:
            words.pop(0)
        if len(words) > 1 and _stem(words[0]) == party:
            return True
    return False


# "What hit rate do clients expect?", "Do clients need resumable uploads?": the party
# between an auxiliary and its verb is who expects or needs; the question asks what
# follows. Read as the topic, "clients" drew the fact about the clients.
_ACTOR = re.compile(
    r"\b(?:do|does|did|will|would|should|can|could|must|may|might)\s+"
    r"(?:(?:the|our|most|all|many|some|each|any|two|these|those)\s+)?(?P<who>[a-z]+)"
    r"(?=\s+(?!(?:in|on|at|of|for|from|with|and|or|per|to|who|that|than|there)\b)[a-z])",
    re.I,
)
# A party narrowed by what it does ("clients that rotate IPs", "users who share one IP"):
# the clause is what is asked about, not the party. Read as the topic, "clients" drew the
# fact that counts the clients, not the one about abusers rotating IP addresses.
_QUALIFIED_PARTY = re.compile(r"\b(?P<who>[a-z]+)\s+(?:that|who)\s+[a-z]+", re.I)
# The kinds whose words name a party that uses the system ("users", "clients").
_PARTY_KINDS = ("users", "clients")


def _party_words(kinds: dict[str, QuestionKind]) -> frozenset[str]:
    """The words that name who uses the system ("users", "people", "customers"): the
    users kind's frames. In "Where are users located?" they name no topic, so a fact that
    happens to say "users" ("Most users want a daily digest") is not what is asked."""
    kind = kinds.get("users")
    return frozenset(w for f in (kind.frames if kind else ()) for w in stems(f))


def _one_of_a_party(question: str, party: frozenset[str]) -> bool:
    """Whether "one" counts a party ("how many seats may one person pick?"): it says the
    figure is per person, no topic; as a word it drew "one 300-seat IMAX show", the fact
    about the rush for seats, over the one that says how many a user may select."""
    return any(
        stems(form) & party
        for match in _ONE_PARTY.finditer(question)
        for form in (match.group(1), _PLURAL_PARTY.get(match.group(1).lower(), ""))
        if form
    )


# "one person", "one customer": a party's word after "one" (singular, as the users kind's
# plural words are not; "person" makes "people").
_ONE_PARTY = re.compile(r"\bone\s+([a-z]+)\b", re.I)
_PLURAL_PARTY = {"person": "people"}


def _without_actor(question: str, kinds: dict[str, QuestionKind]) -> tuple[str, str]:
    """The question with the party that acts in it read as "they", and the party's word,
    when something else is asked about it: "What hit rate do clients expect?" asks a hit
    rate. A question about the party alone ("Do customers pay?") keeps it ("")."""
    party = {k: kinds[k] for k in _PARTY_KINDS if k in kinds}
    found = [_ACTOR.search(question), _QUALIFIED_PARTY.search(question)]
    acting = [m for m in found if m is not None and _kind_strength(m.group("who"), party)]
    if not acting:
        return question, ""
    match = acting[0]
    who = match.group("who")
    topic = f"{question[: match.start('who')]}they{question[match.end('who') :]}"
    if not stems(topic) - _frame_stems(topic, kinds):
        return question, ""
    return topic, who


# "What happens if a transcoding worker crashes halfway?" asks what the design does when a
# part fails: only a fact about failures answers it (the business's wish, a target); a fact
# that merely names the part ("one worker encodes at 1x speed") does not.
_BREAKS = re.compile(
    r"\bwhat (?:happens|do we do|should happen)\b.*\b(?:if|when)\b.*\b(?:crash\w*|dies|die"
    r"|fails?|failing|goes down|go down|breaks?|stops?|is down|are down|lost|loses?)\b",
    re.I,
)
# "Who calls the API?", "Who uses it?": a question that opens by asking who acts asks the
# party. Its verb and object say what the party does with the system ("calls the API"), so
# the fact that counts "API calls" per payment does not answer it; one that says who the
# users or callers are does.
_WHO_PARTY = re.compile(r"\W*who(?:'ll| will| would)? (?:calls?|uses?|hits?|integrates?)\b", re.I)
_FAILURE_KINDS = frozenset({"edge-cases", "availability", "durability"})
# "What does the user see if another device saved first?", "What do riders get when no
# driver accepts?": what a party meets in a scene the question sets up. A fact about what
# happens in such scenes (edge cases, conflicts, outages, expiry, going offline) may answer
# it; one that only sizes or places the system (users, traffic, platforms: "desktop
# Chrome ... on laptops" for "device") does not.
_SCENE = re.compile(
    r"\bwhat (?:does|do|will|would|should) (?:the |a |an |our )?[a-z]+s? (?:see|get|experience"
    r"|notice|get back)\b.*\b(?:if|when|after|while|once)\b",
    re.I,
)
_NO_SCENE_KINDS = frozenset(
    {"users", "traffic", "read-write-ratio", "peak", "data-size", "growth", "platforms",
     "geography", "clients", "constraints"}
)  # fmt: skip
_FAILURE_PROMISES = ("availability", "durability")  # what a failure question asks as well
# "How long do postings stay up?", "how long is a query?": a span of time or a length
# ("how long can a URL be?" asks a limit, read as a statistic). Only a question that
# opens so: "Do we keep click logs, and for how long?" is answered by "we don't".
_HOW_LONG = re.compile(r"\W*(?:(?:and|so|ok|okay|also|then|roughly)\W+)*how long\b(?! can\b)", re.I)
_SPAN_NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty"
    r"|thirty|sixty|ninety|a few|few|several|tens of|hundreds of|many)"
)
_SPAN = re.compile(
    rf"\b{_SPAN_NUMBER}[\s-]*(?:ms|[mµu]s|s|secs?|seconds?|minutes?|mins?|hours?|hrs?|days?"
    r"|weeks?|months?|years?)\b"
    r"|(?<!\bper )(?<!\ba )(?<!\ban )(?<!\beach )(?<!\bevery )"
    r"\b(?:microseconds|milliseconds|seconds|minutes|hours|days|weeks|months|years)\b"
    r"|\b(?:forever|indefinitely|permanently|until|lifetime|never (?:expire|deleted|removed))\b"
    # "resumable for at least a day", "within an hour": one unit said with "a" is a span
    # after these words, not the per-unit "a" of "50 MB a day"
    r"|\b(?:for|at least|at most|up to|within)\s+(?:at least\s+|about\s+|roughly\s+)?an?\s+"
    r"(?:second|minute|hour|day|week|month|year)\b"
    r"|\b\d+(?:\.\d+)?x speed\b|\bas fast as\b"
    r"|\b(?:characters?|chars|words|letters|bytes?|[kmgt]i?b)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def _states_a_span(text: str) -> bool:
    """Whether a fact says how long something lasts or takes (a number of a time unit,
    "for hours", "until deleted", "1x speed") or how long a thing is ("20 characters",
    "2 KB"): only such a fact answers "how long"."""
    return _SPAN.search(text) is not None


# A fact's own cue says as much as the first kind it answers named by a topic phrase.
_CUE = 3.0 + 1.5
_MORE_CUES = 1.5  # each further cue said, as a text word


@dataclass(frozen=True)
class _Profile:
    """Each fact's words (its id's, and its text's with the concepts it names) and how
    many of the prompt's facts use each word."""

    words: dict[str, tuple[frozenset[str], frozenset[str]]]
    df: dict[str, int]
    facts: int
    cues: dict[str, re.Pattern[str]]  # each fact's `asked_with` phrases, as one pattern
    pairs: dict[str, frozenset[str]]  # each fact's adjacent content words ("expiry date")
    counted: dict[str, frozenset[frozenset[str]]]  # what its numbers count ("drivers")
    subject: frozenset[str]  # words most of the facts use: the prompt's own subject ("lock")

    def idf(self, word: str) -> float:
        return math.log(1 + self.facts / max(1, self.df.get(word, 1)))


_PROFILES: dict[str, _Profile] = {}


def _profile(problem: Problem) -> _Profile:
    cached = _PROFILES.get(problem.id)
    if cached is not None and cached.facts == len(problem.facts):
        return cached
    words = {}
    pairs: dict[str, frozenset[str]] = {}
    df: dict[str, int] = {}
    for fact in problem.facts:
        id_words = _id_stems(fact.id)
        text_words = (_fact_stems(fact.text) - _NO_TOPIC) | id_words | concept_tokens(fact.text)
        text_words |= _markers(fact.text)
        words[fact.id] = (id_words, text_words)
        pairs[fact.id] = _pairs(fact.text)
        for word in text_words | pairs[fact.id]:
            df[word] = df.get(word, 0) + 1
    cues = {
        f.id: re.compile("|".join(_phrase_pattern(c) for c in f.asked_with))
        for f in problem.facts
        if f.asked_with
    }
    counted = {f.id: _counted_in_fact(f.text) for f in problem.facts}
    subject = frozenset(w for w, n in df.items() if 2 * n > len(problem.facts))
    profile = _Profile(words, df, len(problem.facts), cues, pairs, counted, subject)
    _PROFILES[problem.id] = profile
    return profile


# "How many riders and drivers are active?" asks a count of riders and drivers: the fact
# whose number counts drivers ("one million drivers are online") answers it, not one that
# names riders and drivers beside a count of cities or none at all.
_HOW_MANY = re.compile(r"\bhow many\s+((?:[a-z][a-z'-]*\s*)+)", re.I)
_NUMBER = re.compile(
    r"(?:\b\d[\d,.]*\s*(?:k|m|bn?|thousand|million|billion|trillion|hundred)?"
    r"|\b(?:hundred|thousand|million|billion|dozens|hundreds|thousands|millions|billions)"
    r"(?:\s+of)?)\s+"
    r"((?:[a-z][a-z'-]*\s*){1,3})",
    re.I,
)
_NUMBER_WORDS = frozenset(
    "k m b bn thousand million billion trillion hundred hundreds thousands millions"
    " billions dozen dozens".split()
)
_COUNTS = 3.0


# "How many views per upload?" counts views: what follows "per" is what they are counted
# against, not the fact asked for, so it is no word of the fact's id asked ("uploads");
# so is what follows "each" in "how many suggestion requests does each search make?".
# ("How much data per lock?" asks the size of a lock: only a count puts its topic first.)
_PER = re.compile(
    r"\bhow many\s+(?:[a-z][a-z'-]*\s+){1,4}?(?:per|each|every)\s+([a-z][a-z'-]*)", re.I
)


# The words that say a quantity is a rate ("a day", "per second"): they belong to what is
# counted, so a fact that gives the rate of something else shares only the unit, which is
# no signal that it answers (it still weighs once another signal retrieves the fact).
_RATE_WORDS = frozenset({"unit:rate", "second", "minute", "hour", "day", "week", "month", "year"})


def _counts_another(counted: frozenset[str], in_fact: frozenset[frozenset[str]]) -> bool:
    """Whether every number of a fact counts something other than what a "how many"
    question counts: "How many bookings a day?" and "each screen runs about 5 shows a day"
    share "a day", which is said of shows, not bookings."""
    return bool(in_fact) and not any(noun & counted for noun in in_fact)


def _per(question: str) -> frozenset[str]:
    """The words a count is taken against ("upload" in "how many views per upload")."""
    return frozenset(w for m in _PER.finditer(question) for w in stems(m.group(1)))


def _counted_in_question(question: str) -> frozenset[str]:
    """The nouns a "how many" question counts: its words up to the first that is no noun
    of the count ("how many lock operations per second" counts lock operations)."""
    out: set[str] = set()
    for match in _HOW_MANY.finditer(question):
        for word in match.group(1).lower().split():
            if word in {"and", "or"}:
                continue
            if word in _STOP:
                break
            out |= stems(word)
    return frozenset(out)


# Words that end the noun a number counts ("10,000 cities across many countries").
_NOT_NOUN = frozenset(
    """across within among between during through throughout around behind above below
    against without via inside outside along near until since while because but nor yet
    was were been being online worldwide""".split()
)


# A number said of one machine counts that machine's share or capacity, not what the system
# has: "How many active series are there?" asks the 100 million of the whole system, not
# the 2 million that "one ingest node ... holds".
_ONE_MACHINE = re.compile(
    r"\b(?:one|each|a single|per|every)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:node|server|worker|machine|host|instance|shard|broker|replica|ingester|process|box)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def _counted_in_fact(text: str) -> frozenset[frozenset[str]]:
    """What each number of a fact counts: the noun after it, all its words ("50,000
    replica reads" counts replica reads, which "how many replicas" does not ask)."""
    out: set[frozenset[str]] = set()
    for match in _NUMBER.finditer(text):
        sentence = text[: match.start()].rsplit(".", 1)[-1]
        if _ONE_MACHINE.search(sentence):
            continue  # "one ingest node ... holds about 2 million active series": its share
        noun: list[str] = []
        for word in match.group(1).lower().split():
            if word in _NUMBER_WORDS and not noun:
                continue
            if word in _STOP or word in _NOT_NOUN:
                break
            noun.append(word)
        if stems(" ".join(noun)):
            out.add(stems(" ".join(noun)))
    return frozenset(out)


# What a quantity is, whatever its number or unit: a question "per day" and a fact "a month"
# both ask and tell a rate; "how big" in megabytes and a fact in kB are both sizes; "the
# largest" and "the average" are different statistics of the same quantity.
_MARKERS = (
    (
        "unit:rate",
        re.compile(
            # ("up to an hour late" is a span, no rate: it drew "how often does each series
            # send a sample?" to the late samples; "every 10 seconds" and "how often" are
            # rates, and said none.)
            r"(?<!\bup to )(?<!\bwithin )(?<!\bfor )(?<!\bat least )(?<!\bat most )"
            r"\b(?:per|a|an|each|every|/)\s*(?:second|sec|minute|min|hour|day|week|month|year)s?"
            r"\b(?!\s+of\b)|\b(?:hourly|daily|weekly|monthly|yearly|annually|qps|rps|tps)\b|/s\b"
            r"|\bevery\s+(?:\d[\d,.]*|few|couple of|two|three|five|ten|fifteen|thirty)\s*"
            r"(?:ms|s|secs?|seconds?|minutes?|mins?|hours?|days?|weeks?|months?)\b"
            r"|\bhow (?:often|frequently)\b"
        ),
    ),
    (
        "unit:size",
        re.compile(
            r"\b(?:\d+(?:\.\d+)?\s*)?(?:bytes?|[kmgtp]i?b|(?:kilo|mega|giga|tera|peta)bytes?)\b"
        ),
    ),
    (
        "stat:max",
        re.compile(
            r"\b(?:max|maximum|largest|biggest|longest|at most|cap|limits?|up to(?= \d| about))\b"
            # "how many seats may one person pick?" asks the limit as "can" does
            r"|\bhow (?:long|big|large|many \w+) (?:can|may)\b"
        ),
    ),
    ("stat:avg", re.compile(r"\b(?:average|averages|averaging|typical|typically|mean|median)\b")),
)


_STATS = frozenset({"stat:max", "stat:avg"})


def _other_statistic(asked: frozenset[str], fact_words: frozenset[str]) -> bool:
    """The question asks one statistic of a quantity and the fact states only another."""
    stated = fact_words & _STATS
    return bool(asked and stated and not asked & stated)


@lru_cache(maxsize=4096)
def _pairs(text: str) -> frozenset[str]:
    """Adjacent content words as one token: two texts that share a phrase ("set an expiry
    date") say more alike than two that share its words scattered."""
    words = [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]
    words = [_SAME.get(w, w) for w in words]
    return frozenset(f"{a}+{b}" for a, b in pairwise(words))


@lru_cache(maxsize=8192)
def _markers(text: str) -> frozenset[str]:
    lowered = text.lower()
    return frozenset(name for name, pattern in _MARKERS if pattern.search(lowered))


@lru_cache(maxsize=8192)
def _concept_spans(text: str) -> dict[str, frozenset[str]]:
    """Each concept token a text names, with the words of the term that named it."""
    from tradeoff.catalog import default_catalog
    from tradeoff.language.mentions import find_mentions

    concepts = tuple(default_catalog().vocabulary.concepts.values())
    found = find_mentions([(1, text)], concepts, frozenset())
    return {
        f"concept:{c}": frozenset().union(*(stems(m.term) for m in ms))
        for c, ms in found.by_concept.items()
        if ms
    }


def _signals(shared: frozenset[str], spans: dict[str, frozenset[str]]) -> int:
    """How many stretches of the question a fact shares: a concept named by a word already
    shared ("lock" names pessimistic locking and thread safety) or by one term with another
    concept is the same stretch, not a second signal."""
    plain = {w for w in shared if w not in spans}
    groups: list[set[str]] = []
    for token in shared:
        term = spans.get(token)
        if term is None or term & plain:
            continue
        joined = [g for g in groups if g & term]
        merged = set(term).union(*joined)
        groups = [g for g in groups if not g & term] + [merged]
    return len(plain) + len(groups)


@lru_cache(maxsize=8192)
def concept_tokens(text: str) -> frozenset[str]:
    """The vocabulary's concepts a text names, as tokens: "persist to disk" and "durable"
    meet at the durability concept even though they share no word."""
    from tradeoff.catalog import default_catalog
    from tradeoff.language.mentions import find_mentions

    concepts = tuple(default_catalog().vocabulary.concepts.values())
    found = find_mentions([(1, text)], concepts, frozenset())
    return frozenset(f"concept:{c}" for c, ms in found.by_concept.items() if ms)


# "One-to-one" (or "1:1") names a kind of conversation or mapping, not a count: read as
# its number it retrieved the fact that keeps history for "one year".
_ONE_TO_ONE = re.compile(r"\b(?:one[- ](?:to|on)[- ]one|1[:-]1)\b")


# "Do we need to support bulk imports?": the verb frames what is asked, as "need" does; the
# noun stays ("our most common support ticket"), and the question drew that fact by it.
_SUPPORT_VERB = re.compile(
    r"\b(?:(?<=to )|(?<=we )|(?<=you )|(?<=they )|(?<=must )|(?<=should )|(?<=will )"
    r"|(?<=can )|(?<=also ))support(?:s|ed)?\b"
)


# "How fast do phones upload?", "how quickly can they download": said of moving bytes, "fast"
# asks a throughput, not the response time that "fast" means elsewhere ("fast" -> latency).
_TRANSFER_FAST = re.compile(
    r"\b(?:fast|quickly)\b(?=(?:\s+(?:do|does|can|will|would|is|are|the|a|an|our|their|we|they"
    r"|phones?|clients?|users?|people|devices?|apps?))*\s+(?:upload|download|send|transfer))"
)


# The plural of a short acronym ("IPs", "IDs", "DBs") is the acronym: lower-cased, "ips"
# is too short to lose its "s", and "clients that rotate IPs" missed the fact that says
# "rotate IP addresses".
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")


def stems(text: str) -> frozenset[str]:
    """Content words of a question, reduced to a rough stem and a shared name."""
    out = set()
    text = _ACRONYM_PLURAL.sub(r"\1", text)
    # "39,000 GETs/s" counts GET requests: the method, though "get" is a stop word.
    methods = {m.lower() for m in METHOD_WORD.findall(text)} if "GET" in text else ()
    text = _TRANSFER_FAST.sub("", _ONE_TO_ONE.sub("direct", _SUPPORT_VERB.sub("", text.lower())))
    text = _DATA_CENTRE.sub("data centre", text)  # "datacenter" is "data centre"
    for word in _WORD.findall(text.replace("-", " ").replace("/", " ")):
        if (word in _STOP and word not in methods) or len(word) < 2:
            continue
        stem = _stem(word)
        out.add(_SAME.get(word, _SAME.get(stem, stem)))
    return frozenset(out)


_DATA_CENTRE = re.compile(r"\bdata ?cent(?:er|re)(?=s?\b)")


@lru_cache(maxsize=4096)
def literal_stems(text: str) -> frozenset[str]:
    """A text's stems as it says them, before the word map ("clicked" stays "click")."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP)


@lru_cache(maxsize=4096)
def _fact_stems(text: str) -> frozenset[str]:
    return stems(text)


# Words of a fact's id that name no topic: "not-analytics", "scope-out". The "out" of
# "scope-out" met the "out" of "when a card network times out" and of "checking out", and
# an id word weighs most; out-of-scope questions find the fact by their kind's phrases.
_ID_FRAME = frozenset({"not", "out"})
# Nor does "out" in a question or a fact's text: "sold out", "times out", "fan-out", "Out of
# scope". Said of a feature ("Are recommendations out?") it is read as the out-of-scope kind.
# (Matching only: a rubric item that says "scopes out" still shares the word with the fact.)
_NO_TOPIC = frozenset({"out"})
_HOW_WORKS = re.compile(r"\bhow (?:do|does|did|would|will|should|could)\b.*\bwork\s*\W*$", re.I)


@lru_cache(maxsize=4096)
def _id_stems(fact_id: str) -> frozenset[str]:
    return frozenset(w for w in stems(fact_id.replace("-", " ")) if w not in _ID_FRAME)


# Endings cut to reach a rough stem, with the least length left. "-able" and "-ible" make an
# adjective of the verb ("Do jobs need to be cancellable?" asks whether they can be
# cancelled: "pause and cancel" answers it); only from longer words ("table", "cable" stay).
_SUFFIXES = (
    ("ies", "y", 3),
    ("sses", "ss", 3),
    ("ing", "", 3),
    ("ed", "", 3),
    ("able", "", 4),
    ("ible", "", 4),
    ("es", "e", 3),
)


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    for suffix, keep, least in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            word = word[: -len(suffix)] + keep
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word

"""How each interviewer persona says a move the policy has already chosen.

The words differ, the move does not: a persona never changes which fact is revealed or
which question is asked, so practice with any persona is graded the same way. Tone and
length change; content never drops: the terse interviewer still asks the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradeoff.interview.questions import stems
from tradeoff.vocabulary import Persona

# What a hint says when none helps with the question on the table and it asks another.
SWITCH_LEAD = "Let's leave that one and try another."

PERSONAS: tuple[Persona, ...] = tuple(Persona)
TERSE_WORDS = 25

# For "why not X?" challenges: a credible alternative to each product a candidate names.
ALTERNATIVES = {
    "redis": "Memcached",
    "memcached": "Redis",
    "kafka": "a managed queue such as SQS",
    "sqs": "Kafka",
    "rabbitmq": "Kafka",
    "cassandra": "a sharded PostgreSQL",
    "dynamodb": "Cassandra",
    "mongodb": "PostgreSQL with JSON columns",
    "postgres": "a key-value store such as DynamoDB",
    "postgresql": "a key-value store such as DynamoDB",
    "mysql": "PostgreSQL",
    "elasticsearch": "a database index",
    "s3": "a distributed file system",
    "zookeeper": "etcd",
    "etcd": "ZooKeeper",
    "spark": "a stream processor such as Flink",
    "flink": "a batch job",
    "nginx": "a cloud load balancer",
    "graphql": "plain REST",
    "grpc": "REST over HTTP/JSON",
    "kubernetes": "plain VMs behind a load balancer",
}
# Kinds of move that ask the candidate something; every persona keeps the question.
ASKING = frozenset(
    {"probe", "follow-up", "challenge", "failure", "why", "sanity", "return", "wrap-up", "open"}
)


@dataclass(frozen=True)
class Move:
    """What the interviewer does this turn, before any persona styling."""

    kind: str  # answer, assume, probe, follow-up, challenge, failure, why, sanity, return,
    # hint, nudge, phase, wrap-up, open, pace, end
    text: str  # the content: facts, a question, a hint...
    item: str | None = None  # the rubric item, fact ids or component it concerns
    ack: str = ""  # an acknowledgement of the last turn, said first
    parts: tuple[str, ...] = ()  # an answer's facts, one by one (the terse voice shortens each)
    asked: tuple[str, ...] = ()  # the question part each fact answers


_ADVERSARIAL_PUSH = ("Be specific.", "Be concrete.", "Convince me.", "Don't hand-wave this.")
_FRIENDLY_OPEN = ("Thanks, that helps.", "Nice.", "Good.", "That makes sense.")
# (The wrap-up question follows "Let's wrap up.", said after /next: nothing to praise.)
_UNPRAISED = frozenset({"sanity", "challenge", "return", "wrap-up"})
# Before an answer: five, so two answers in a row (one, two or three turns apart, with a
# command or a nudge between) never open with the same words.
_FRIENDLY_ANSWER = ("Good question.", "Sure.", "Fair question.", "Glad you asked.", "Sure thing.")


def say(persona: str, move: Move, turn: int = 0) -> str:
    """The move in the persona's voice; `turn` varies the stock phrases between turns."""
    text, ack = move.text.strip(), move.ack.strip()
    if persona == "terse":
        if move.kind == "answer" and move.parts:
            # (an invitation to assume, after the facts, answers no question part)
            asked = (*move.asked, *[""] * (len(move.parts) - len(move.asked)))
            return " ".join(_terse_answer(p, q) for p, q in zip(move.parts, asked, strict=False))
        if move.kind == "assume" and not _asks_quantity(move):
            return "Not specified. Assume what you think is reasonable and say it."
        return _terse(move.kind, text, ack)
    if persona == "friendly":
        # No praise before a move that doubts or repeats ("That makes sense. That looks high
        # to me", "Good. You said 'never fails'"): the policy gives those no acknowledgement.
        praised = move.kind in ASKING and move.kind not in _UNPRAISED
        opener = ack or (_FRIENDLY_OPEN[turn % len(_FRIENDLY_OPEN)] if praised else "")
        body = {
            "answer": f"{_FRIENDLY_ANSWER[turn % len(_FRIENDLY_ANSWER)]} {text}",
            "assume": (
                f"I don't have a number for that. {text}"
                if _asks_quantity(move)
                else f"That's not specified. {text}"
            ),
            # ("Here's a hint: A hint on my earlier question, ...?" said "hint" twice; "Here's
            # a hint: Let's leave that one and try another." gave no hint for the question
            # on the table, and said it was one.)
            "hint": f"Here's a {text[2:]}"
            if text.startswith("A hint on ")
            else text
            if text.startswith(SWITCH_LEAD)
            else f"Here's a hint: {text}",
            "challenge": f"{text} There's no wrong answer; I'm curious how you'd reason about it.",
        }.get(move.kind, text)
        if move.kind == "probe" and turn < 6:
            body += " Take your time, and type /hint if you'd like a nudge."
        return _join(opener if move.kind != "answer" else "", body)
    if persona == Persona.adversarial:
        push = _ADVERSARIAL_PUSH[turn % len(_ADVERSARIAL_PUSH)]
        body = {
            "assume": f"I'm not going to give you that. {text}",
            "probe": f"{text} {push}",
            "failure": f"{text} {push}",
            "challenge": f"{text} Convince me.",
            "hint": f"Fine. {text}",
            "wrap-up": f"{text} And be honest about the weak spots.",
        }.get(move.kind, text)
        return _join(ack if move.kind in ASKING and move.kind != "challenge" else "", body)
    return _join(ack, text)


# A question that asks for a quantity: the figures answer it.
_QUANTITY = re.compile(
    r"\bhow (?:many|much|big|large|long|fast|often|soon|quickly|far|high|low)\b|\d"
    r"|\b(?:rate|size|volume|latency|number|percent\w*|ratio|limit|budget|cost|price|peak"
    r"|qps|rps|throughput|capacity|sla|p\d\d)\b",
    re.I,
)


def _asks_quantity(move: Move) -> bool:
    """Whether the question a move answers asks for a figure: "No number" answers "How many
    regions?", not "Does it need to work offline?". Unknown: a figure, as before."""
    return not move.asked or any(_QUANTITY.search(q) for q in move.asked)


def _terse_answer(fact: str, question: str) -> str:
    """A fact, short, for the question it answers. The figures answer a question of
    quantity; a question of anything else ("What happens if a provider like APNs is down?")
    is answered by the sentences on its subject ("... sometimes fails or slows down for
    minutes"), not by the fact's one figure ("An SMS costs about 1 cent"), and "Can users
    opt out ...?" by what users choose as well as the cap."""
    if question and not _QUANTITY.search(question):
        words = stems(question)
        sentences = re.split(r"(?<=[.?!])\s+", fact)
        on_topic = [s for s in sentences if stems(s) & words]
        if on_topic:
            # Whole, however many: the sentences on the question's subject are its answer,
            # and terse drops the wrapper, never a fact ("About 0.1% of calls end with no
            # clear answer" was cut to "About 0.1% of calls end with...").
            return " ".join(on_topic)
    return _terse("answer", fact)


def _sentences(text: str) -> list[str]:
    """The sentences of a move, a quotation kept whole with what closes it: 'I said: "About
    30 million payments a day. On Black Friday ... average." How did you get 18 GB?' asks
    "How did you get 18 GB?"; split inside the quotation, the terse voice asked its second
    half with the closing quote ('On Black Friday ... average." How did you get 18 GB?')."""
    out: list[str] = []
    for piece in re.split(r'(?<=[.?!])\s+|(?<=[.?!]")\s+', text):
        if out and out[-1].count('"') % 2:
            out[-1] = f"{out[-1]} {piece}"  # still inside a quotation
        else:
            out.append(piece)
    return out


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _terse(kind: str, text: str, ack: str = "") -> str:
    """Short, no pleasantries, and the question kept: the candidate has to be crisp."""
    if kind == "assume":
        return "No number. Assume one and say it." if "?" not in text else _shorten(text)
    sentences = _sentences(text)
    if kind == "hint":
        # The hint is the help asked for, and a question it opens with needs its set-up
        # ("Say the database machine dies at peak."): the last question alone, "What
        # happens to redirects?", drops both. Short, but whole.
        return _shorten(text, limit=TERSE_WORDS * 2)
    if kind in ASKING:
        if kind == "return":
            # The question again, with a short lead-in, never the same words as before.
            question = text.split(": ", 1)[-1]
            parts = re.split(r"(?<=[.?!])\s+", question)
            asked = [s for s in parts if s.endswith("?")]
            # "Why X? What made you choose that?": the question is the one that names X.
            named = [s for s in asked if not _POINTS_BACK.search(s)]
            chosen = (named or asked or [question])[-1]
            if chosen != question and _BARE_PRONOUN.search(chosen) and question.endswith(chosen):
                # "What do you do with it?" alone points at nothing: the set-up before it
                # ("The provider's settlement file arrives tomorrow morning.") says what.
                chosen = question
            if not named and asked and _STEP.search(question):
                # "Can you redo that, units and all?" alone points at nothing: the step it
                # checks goes with it ('Redo "1M msgs/s at 1KB is 10 GB/s", units and all?').
                chosen = f"Redo {_STEP.search(question).group(0)}, units and all?"  # type: ignore[union-attr]
            # A turn that answered something else is acknowledged before the question again
            # ("producers get an id and a sequence number ..." then a bare "Still: ...").
            lead = "Noted. Still: " if ack else "Still: "
            return lead + _shorten(chosen, TERSE_WORDS - len(lead.split()))
        if len(text.split()) < TERSE_WORDS and text.endswith("?"):
            return text  # a probe's set-up sentence is part of the question
        asked = [s for s in sentences if s.endswith("?")]
        if not asked:
            return _shorten(text)
        chosen = asked[-1]
        at = sentences.index(chosen)
        if at > 0 and _BARE_PRONOUN.search(chosen):
            # "How do they load and save shows and bookings ...?" alone asks about no one:
            # the set-up before it ("Your services run as several stateless instances.")
            # says who they are. Kept, with the question shortened to fit beside it.
            setup = sentences[at - 1]
            room = TERSE_WORDS - 1 - len(setup.split())
            short = _shorten(chosen, room)
            if room >= 6 and not short.endswith("...?"):
                return f"{setup} {short}"
        return _shorten(chosen)
    if kind == "answer":
        # The figures, whole sentences, as many as fit: "under 300 ms at p99" and "within
        # about five seconds" both answer "how fast must it load, and how fresh must it be?".
        with_number = [s for s in sentences if _FIGURE.search(s)] or sentences[:1]
        kept: list[str] = []
        for sentence in with_number:
            if kept and len(" ".join([*kept, sentence]).split()) > TERSE_WORDS * 2:
                break
            kept.append(sentence)
        return _shorten(" ".join(kept), limit=TERSE_WORDS * 2)
    return _shorten(sentences[0])


# Where a long question joins a second one ("..., and what does the API do when ...?") or
# opens a clause that qualifies it ("... when a merchant captures a payment ..."): a terse
# interviewer asks the part before, whole.
_SECOND_QUESTION = re.compile(
    r",?\s+(?:and|or|but)\s+(?=(?:what|how|why|which|who|when|where|does|do|is|are|can|would"
    r"|should|will)\b)|,\s+(?=(?:what|how|why|which|who)\b)",
    re.I,
)
_QUALIFIER = re.compile(r",?\s+(?:when|if|while|because|given|so that|after|before)\s", re.I)


# A question that only points back at the one before it ("What made you choose that?").
# A question whose subject is a pronoun for what the sentence before it set up.
_BARE_PRONOUN = re.compile(r"\b(?:it|them|they|this|that|these|those)\b(?!\s+(?:is|are)\b)", re.I)
_POINTS_BACK = re.compile(
    r"^(?:what made you (?:choose|pick) (?:that|it|them)|can you redo that\b[^?]*)\?$", re.I
)
# The step of working a slip check quotes: 'Let me check one step: "...". Can you redo ...'
_STEP = re.compile(r'"[^"]+"')

# A figure, in digits or in words ("five seconds", "a minute", "twice the average").
_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred"
    r"|thousand|million|billion|twice|half|double"
    r"|an? (?:second|minute|hour|day|week|month|year))\b",
    re.I,
)


def _shorten(text: str, limit: int = TERSE_WORDS - 1) -> str:
    """At most `limit` words. A question is shortened at a clause, never mid-phrase: its
    first question ("What states can a payment be in between created and paid?"), else its
    main clause before a "when" or "if"; cut at a word count it read "... what does the API
    do when a merchant captures a payment that...?"."""
    words = text.split()
    if len(words) <= limit:
        return text
    if text.endswith("?"):
        for pattern in (_SECOND_QUESTION, _QUALIFIER):
            for found in pattern.finditer(text):
                head = text[: found.start()].rstrip(" ,;:")
                if 3 <= len(head.split()) <= limit:
                    return head + "?"
    if not text.endswith("?"):
        # A statement keeps its whole sentences that fit: cut at a word count, a provider's
        # facts read "About 0.1% of calls end with..." and dropped what they end with.
        kept: list[str] = []
        for sentence in re.split(r"(?<=[.!])\s+", text):
            if len(" ".join([*kept, sentence]).split()) > limit:
                break
            kept.append(sentence)
        if kept:
            return " ".join(kept)
    cut = " ".join(words[:limit]).rstrip(",;:")
    return f"{cut}...?" if text.endswith("?") else f"{cut}..."

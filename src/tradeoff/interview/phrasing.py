"""The interviewer's words for each kind of move, before a persona gives them a tone.

Probes and hints come from the catalog (each rubric item's own `probe` and `hint`, written
as a person would ask them); the fallbacks here are for prompts that lack them and never
paste an item's title into a sentence. Acknowledgements are brief and never the same twice
in a row: the interviewer notes a point and moves on, never reading the sentence back.
"""

from __future__ import annotations

import re

from tradeoff.catalog.schema import Problem, RubricItem
from tradeoff.interview.numbers import Spoken
from tradeoff.vocabulary import Dimension, Phase

# Generic questions per dimension, only for a rubric item with no probe or hint ladder.
_FALLBACK: dict[str, str] = {
    Dimension.requirements: "What else should we pin down about what the product must do?",
    Dimension.capacity: "What numbers would you want before sizing anything here?",
    Dimension.api_data: "What do the requests and the stored records look like?",
    Dimension.components: "Which parts of the system would you add next, and why?",
    Dimension.tradeoffs: "Where did you have a real choice so far, and what did you give up?",
    Dimension.reliability: "What breaks first when a machine dies, and how do you notice?",
    Dimension.communication: "Where are we in your plan, and what comes next?",
}
# When nothing in the phase is left to ask: questions that keep the candidate talking.
WALK_THROUGH = "Walk me through one request end to end. Where does it go?"
GOES_WRONG_FIRST = "What would go wrong first under real traffic?"
OPEN_PROMPTS: dict[str, tuple[str, ...]] = {
    Phase.clarify: (
        "What else would you want to know before you start designing?",
        "Happy with the requirements? Say them back to me in a sentence or two, please.",
    ),
    Phase.high_level: (
        WALK_THROUGH,
        "Which part of this are you least sure about?",
    ),
    Phase.deep_dive: (
        GOES_WRONG_FIRST,
        "Which decision here would you revisit with more time, and why?",
    ),
    Phase.wrap_up: (
        "What would you build next if this went live tomorrow?",
        "Which number in your design are you least sure of?",
    ),
}
MOVE_ON = "I think we've covered this part. Shall we move on? Type /next when you're ready."
# Said when the candidate goes on after MOVE_ON: the interviewer moves the phase on itself.
MOVING_ON = "We've covered this part, so let's move on."
# The last phase has nothing to move on to.
ALL_COVERED = "I think we've covered everything. Type /end when you're ready for the feedback."
WRAP_UP = "What breaks first as load grows, and what would you change at 10x the traffic?"
# A client runs on one user's machine and a class design in one process: "10x the traffic"
# asks neither what grows for them.
_WRAP_UPS = {
    "front-end": (
        "What breaks first as a user's data grows tenfold (more items, bigger files, a slower"
        " device), and what would you change?"
    ),
    "object-oriented": (
        "Which class changes first when the requirements grow, and how would you extend the"
        " design without rewriting it?"
    ),
}


# The wrap-up when what breaks at 10x was asked and answered already.
WRAP_UP_SUMMARY = (
    "Sum up your design in a few sentences: what does it guarantee, and where are its limits?"
)


# An item that asks for a summary and the bottlenecks (`every_concept`), one of them given:
# the question asks for the other. "Sum up what this broker guarantees, and where would it
# run out of room first?" right after "at 10x the disks on hot brokers fill first" asked
# again what was just said.
_PART_PROBES = {
    "summary": "Sum up your design in a few sentences: what does it promise, and how?",
    "bottlenecks": "What breaks first as this grows, and what would you do about it?",
    "extensibility": "How would the design take a new feature without a rewrite?",
}


def part_probe(concept: str) -> str | None:
    """The question for one part of an item that asks for several, when the others are
    given."""
    return _PART_PROBES.get(concept)


def wrap_up(problem_type: str) -> str:
    """The wrap-up question for a prompt of this type."""
    return _WRAP_UPS.get(problem_type, WRAP_UP)


HIGH_LEVEL = "Let's see the high-level design: the main components and the API."
# A class design has no API to show ("the main components and the API" of an elevator
# controller asks for endpoints it should not have): its high level is its classes.
_HIGH_LEVELS = {
    "object-oriented": (
        "Let's see the high-level design: the main classes, what each one owns, and how they"
        " work together."
    ),
}


def high_level_intro(problem_type: str) -> str:
    """What the high-level phase opens with, for a prompt of this type."""
    return _HIGH_LEVELS.get(problem_type, HIGH_LEVEL)


# Short acknowledgements, said before the next question: a real interviewer notes the point
# and moves on rather than reading the candidate's sentence back to them. None is a
# friendly persona's stock opener, so the two never say the same words in a row.
ACKS = ("Okay.", "Got it.", "Right.", "Understood.", "Fair enough.", "Noted.")
_PLAN = re.compile(r"^\W*(?:let me|let's|i'll start|i want to|i'd like to)\b", re.I)


def probe_text(problem: Problem, dimension: str, item: RubricItem) -> str:
    """The item's own probe, else the first rung of its hint ladder, else a plain question."""
    if item.probe:
        return item.probe
    for ladder in problem.hints:
        if ladder.about == item.id:
            return ladder.nudge if ladder.nudge.endswith("?") else f"{ladder.nudge} How?"
    return _FALLBACK[dimension]


def hint_texts(problem: Problem, item: RubricItem) -> tuple[str, ...]:
    """The hints for an item, gentlest first: its own hint, then its ladder's rungs."""
    out = [item.hint] if item.hint else []
    for ladder in problem.hints:
        if ladder.about == item.id:
            out += [ladder.nudge, ladder.pointer, ladder.partial]
    return tuple(dict.fromkeys(out))


# The hint for "If X goes down at peak, what happens ...?": what an answer talks about.
FAILURE_HINT = (
    "Think about what still works while it is down, and what waits or retries until it is back."
)


def failure_probe(word: str, *, holds_work: bool = False) -> str:
    """About the stateful component the candidate just named, in their word for it. A queue
    or a log holds work waiting to be done, which no request waits on: "If the queue goes
    down at peak, what happens to the requests that need it?" asked a crawler, whose
    frontier queue serves no request, about requests."""
    if holds_work:
        return f"If {word} goes down at peak, what happens to the work waiting in it?"
    return f"If {word} goes down at peak, what happens to the requests that need it?"


def why_question(choice: str) -> str:
    # "that", not "it": the choice is often plural ("more nodes and a bigger cache").
    return f"Why {choice}? What made you choose that?"


def cost_question(choice: str) -> str:
    # One sentence, so a terse interviewer keeps what it is about; no pronoun for the
    # choice, which is often plural ("separate Kafka topics per priority").
    return f"What do you give up with {choice}, compared with the other options?"


def why_not(product: str, alternative: str, adversarial: bool) -> str:
    if adversarial:
        return f"Why {product} and not {alternative}?"
    return f"What made you pick {product} over {alternative}?"


def challenge(claim: str) -> str:
    return f'You said "{claim}". What would make that false?'


def sanity_check(spoken: Spoken, revealed_facts: list[str], *, worked: bool = False) -> str:
    """A spoken number far from what the facts give: ask for the working, never the answer."""
    ratio = spoken.ratio or 1.0
    direction = "high" if ratio > 1 else "low"
    # An input the candidate chose ("History is kept for a year") has no working to show:
    # what is asked is why that figure. One `worked` out in the line has.
    chosen = spoken.ref is not None and spoken.ref.kind == "fact" and not worked
    ask = f"What makes you pick {spoken.text}?" if chosen else f"How did you get {spoken.text}?"
    if revealed_facts and (
        _NOT_A_CLAUSE.match(revealed_facts[0]) or _bare_count(revealed_facts[0])
    ):
        # "given that if you edit on proxies ..., assume 960x540" is no sentence: a fact
        # worded as a condition or an instruction is quoted as said.
        return f'That looks {direction} to me. I said: "{revealed_facts[0].strip()}" {ask}'
    if revealed_facts:
        return f"That looks {direction} to me, given that {_lower(revealed_facts[0])} {ask}"
    return f"That looks {direction} to me. {ask}"


def carried_check(figure: str, said: str, given: str) -> str:
    """A figure far off only because it is worked from an input said against the one given:
    say where it comes from, and ask for it again from the given input. Quoting the same
    fact a second time ("That looks low to me, given that about 500 million people use the
    app daily ... How did you get 400 GB a day?") asked for working that was right."""
    return (
        f"That follows from the {said} you started from, and I said {_lower(given)}."
        f" What does {figure} come to with my figure?"
    )


# How a move that doubts a figure opens: returned to by its last sentence, which names it.
DOUBTS = ("That looks ", "That follows from ")


# A fact that opens with a condition or an instruction ("If you edit on proxies ...",
# "Assume a serving node has ..."): it cannot follow "given that".
_NOT_A_CLAUSE = re.compile(r"\s*(?:if|when|unless|assume|plan|keep|treat|say|suppose)\b", re.I)


# A fact that opens with a bare count ("About 100 million job executions a day."): a noun
# phrase with no verb, so "given that about 100 million job executions a day." is no
# sentence. A count sentence with none of these verbs is quoted as said instead; one with a
# verb missing from the list is quoted too, which costs style only, never sense.
_COUNT_OPENING = re.compile(
    r"\s*(?:(?:about|roughly|around|some|over|under|up to|nearly|almost)\s+)?\d", re.I
)
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|must|may"
    r"|might|should|shall|happens?|use|uses|watch|watches|sends?|shares?|arrive|arrives"
    r"|come|comes|runs?|starts?|gets?|makes?|holds?|takes?|goes|go|need|needs|stays?)\b",
    re.I,
)


def _bare_count(fact: str) -> bool:
    first = re.split(r"(?<=[.!?])\s+", fact.strip(), maxsplit=1)[0]
    return bool(_COUNT_OPENING.match(first)) and not _FINITE_VERB.search(first)


def slip_check(step: str) -> str:
    """A step of working that does not come out as said: quote it, ask for it again."""
    return f'Let me check one step: "{step.strip().rstrip(".")}". Can you redo that, units and all?'


def misheard(said: str, given: str) -> str:
    """A given figure said back as another: say what each said, and let the candidate choose."""
    return f"Earlier I said {_lower(given)}; you said {said}. Which one are you designing for?"


def said_against_written(said: str, about: str, written: str, line: int) -> str:
    """A figure said against the design's own for it: name both, with the design's line,
    and let the candidate say which holds, once, as the report will list the pair."""
    return f"You said {said} for the {about}, but{_AGAINST_DESIGN}{written} (line {line}). {_WHICH}"


_AGAINST_DESIGN = " your design says "
_WHICH = "Which one holds?"


def asks_which_holds(question: str) -> bool:
    """Whether a question is `said_against_written`'s: asked once and not returned to,
    since the report lists the pair whatever the answer."""
    return _AGAINST_DESIGN in question and question.endswith(_WHICH)


def polite_return(question: str) -> str:
    # "Before we move on, back to my question: Before we get into sync, what does ...": the
    # question's own "before" lead-in is dropped when it is asked again, whatever its verb
    # ("Before we draw anything,", "Before drawing classes,"): the return says "before" itself.
    # Nor is the wrap-up's "You didn't get to this one:" said twice: "back to my question:
    # You didn't get to this one: Lock traffic grows tenfold ..." nested one lead-in in another.
    question = question.removeprefix(NOT_REACHED)
    lead = _BEFORE_LEAD.match(question)
    if lead:
        rest = question[lead.end() :]
        question = rest[:1].upper() + rest[1:]
    return f"Before we move on, back to my question: {question}"


NOT_REACHED = "You didn't get to this one: "
_BEFORE_LEAD = re.compile(r"\s*Before\s[^,?]{0,40},\s*(?=\w)")


def acknowledge(quote: str, index: int) -> str:
    """A brief acknowledgement of a point the candidate covered, the `index`-th of a cycle so
    two in a row never match; nothing for a turn that only announces a plan ("let me go
    deep on X" states nothing yet)."""
    if _PLAN.match(quote):
        return ""
    return ACKS[index % len(ACKS)]


def _lower(sentence: str) -> str:
    sentence = sentence.strip()
    # "A region holds ..." too: "given that A region holds" read as a typo (as the session's
    # "As I said, ..." lowers it); "I" and acronyms ("GETs outnumber") stay.
    if re.match(r"[A-Z][a-z]|A\s", sentence):
        return sentence[0].lower() + sentence[1:]
    return sentence

"""Rules for communication: order, summary, padding, and a transcript's conversational markers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from tradeoff.design.model import Section, Turn
from tradeoff.language.claims import ITEM, ROW, SENTENCE
from tradeoff.language.literals import SCREEN
from tradeoff.language.mentions import clean_line, is_fluff
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Evidence, Finding
from tradeoff.review.rules.base import Rule, register

# Compiled once: these run on every sentence of the prose, where `re.split(pattern, ...)`
# looked the pattern up in re's cache on each call.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_DIGIT_OR_CODE = re.compile(r"\d|`")

_CHECK_IN = re.compile(
    r"does (that|this) (make sense|sound)|shall i|should i (go|dive|continue)|any questions"
    r"|want me to|is that ok|would you like|okay so far|sound good|do you agree|which.*deep",
    re.I,
)
_FILLER_MIN_WORDS = 8


@register
class Disordered(Rule):
    id = "COM101"
    dimension = "communication"
    kind = "disordered"
    severity = "warning"
    message = "The design comes before the requirements it is meant to serve"
    rationale = (
        "Interviewers follow a story: requirements, estimates, API, design, deep dives. Jumping"
        " to components first suggests the design was not driven by the problem."
    )
    example = "## Architecture ... (later) ## Requirements"
    fix = "Move requirements and estimates to the top; then the API, then the design."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        requirements = ctx.sections_for("requirements")
        # A heading that encloses the requirements ("# News Feed System Design") is the
        # document's title, not a design that comes before them.
        design = [
            d
            for d in ctx.sections_for("components")
            if not requirements or d.level >= requirements[0].level
        ]
        if requirements and design and design[0].start < requirements[0].start:
            evidence = ctx.line_evidence(design[0].start, design[0].title)
            yield self.finding(evidence=evidence)


@register
class NoSummary(Rule):
    id = "COM102"
    dimension = "communication"
    kind = "no-summary"
    severity = "info"
    message = "No summary of the design and its key decisions"
    rationale = (
        "A closing recap shows you can see the whole and leaves the interviewer with your"
        " decisions in mind; it is also where you restate assumptions."
    )
    example = "(the document ends in the middle of a deep dive)"
    fix = "End with 3-5 lines: the design in one sentence, the key decisions and their reasons."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.mentions.has("summary") or ctx.sections_for("communication"):
            return
        if _closing_summary(ctx):
            return
        yield self.finding()


# "This design balances scale, durability and consistency by ...": a closing sentence that
# restates the whole design is its summary, whatever the heading above it.
_CLOSING = re.compile(
    r"^\W*(?:(?:overall|in short|in sum|to (?:sum up|summari[sz]e|recap)),?\s+)?"
    r"(?:this|the|our) (?:design|architecture|system|proposal|solution)\s+"
    r"(?:balances|provides|gives|delivers|achieves|handles|supports|prioriti[sz]es|trades"
    r"|keeps|combines|meets|separates|optimi[sz]es|favou?rs|scales|serves|splits|targets)\b",
    re.I,
)


def _closing_summary(ctx: ReviewContext) -> bool:
    """A sentence that restates the design, in the last quarter of the candidate's lines
    (an opening "This design specifies ..." introduces; it does not recap)."""
    own = sorted(ctx.own_line_numbers)
    if not own:
        return False
    first, last = own[0], own[-1]
    start = last - (last - first) // 4
    return any(
        c.line >= start and c.kind in (SENTENCE, ITEM) and _CLOSING.search(c.text)
        for c in ctx.claims
    )


@register
class NoBottlenecks(Rule):
    id = "COM103"
    dimension = "communication"
    kind = "no-bottlenecks"
    severity = "warning"
    message = "No bottlenecks or next steps are named"
    rationale = (
        "Every interview ends with 'what breaks first?' or 'what changes at 10x?'. Naming"
        " bottlenecks yourself shows you understand the limits of your own design."
    )
    example = "(no wrap-up)"
    fix = "Say what breaks first as load grows and what you would change at 10x."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.mentions.has("bottlenecks") or _names_limits(ctx):
            return
        yield self.finding(severity="info" if ctx.level == "mid" else self.severity)


# What breaks, in the words designs use for it ("the hardest part", "hot partitions", "the
# hot key problem", "LLM calls dominate cost"), and plans for later ("Phase 2", "Roadmap",
# "Future enhancements", "scaling to 100k qps requires adding nodes").
_LIMITS = re.compile(
    r"\bhardest part\b|\bhot (?:partitions?|shards?|spots?)\b|\bhot-?spots?\b"
    # load that lands on one place ("single cache key hammered", "cache miss storm -> DB
    # overload", "Hot Objects (Thundering Herd)"); "cache hot objects" names no limit
    r"|\bhammered\b|\bthundering herds?\b|\b(?:cache )?stampedes?\b"
    r"|\bbreaks? (?:at|under|when|down|first)\b|\boverload(?:s|ed|ing)?\b|\bsaturat(?:es|ed|ion)\b"
    r"|\bdominates? (?:the )?(?:cost|latency|load|spend)\b|\blimiting factor\b|\bchoke ?points?\b"
    r"|\bwhat (?:would )?breaks?\b|\bat (?:\d+|ten|a hundred) ?x\b|\bwith more time\b"
    r"|\bfuture (?:improvements|extensions|enhancements|work)\b|\bnext (?:phase|iteration)\b"
    r"|\bhot[- ]keys?\b"
    r"|\bscal(?:e|ing) (?:to|beyond)\b[^.;]{0,40}\b(?:requires?|needs?|add(?:s|ing)?|consider)\b",
    re.I,
)
SCREEN.add(_LIMITS)  # skipped on text without its words
_LATER_HEADING = re.compile(
    r"^\W*(?:phase|stage|milestone)\s*(?:[2-9]|ii|iii|two|three)\b|\broadmap\b|\blater phases\b"
    # a plan for growth: "Scaling Path" (0-1M users: ..., 1M-100M: shard ...), "Growth Plan"
    r"|\b(?:scaling|growth|evolution)\s+(?:path|plan|stages|phases)\b",
    re.I,
)


def _names_limits(ctx: ReviewContext) -> bool:
    """A claim naming what breaks or saturates, or a section planning a later phase."""
    if any(_LATER_HEADING.search(s.title) or _LIMITS.search(s.title) for s in ctx.filled_sections):
        return True  # "Future Enhancements", "Handling Hot Keys" over the section's claims
    return any(
        c.kind in (SENTENCE, ITEM, ROW) and SCREEN.search(_LIMITS, c.text) for c in ctx.claims
    )


@register
class Padding(Rule):
    id = "COM104"
    dimension = "communication"
    kind = "padding"
    severity = "warning"
    message = "Much of the text says nothing specific: no concept, number or decision"
    rationale = (
        "Length is not depth. Interviewers have 45 minutes; filler sentences spend them and"
        " bury the decisions that earn the hire."
    )
    example = "Scalability is very important in modern systems, as we all know."
    fix = "Cut sentences that name no component, number or decision; keep the reasoning."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        sentences: list[tuple[int, str, bool]] = []
        for number, text in ctx.prose:
            if number in ctx.doc.code_lines:
                continue
            for sentence in _SENTENCE_BREAK.split(clean_line(text)):
                if len(sentence.split()) >= _FILLER_MIN_WORDS:
                    sentences.append((number, sentence.strip(), _filler(sentence)))
        if len(sentences) < 10:
            return
        filler = [(n, s) for n, s, empty in sentences if empty]
        if len(filler) / len(sentences) >= 0.25 and len(filler) >= 5:
            number, sentence = filler[0]
            share = round(100 * len(filler) / len(sentences))
            yield self.finding(
                f"{share}% of sentences are filler: praise and generalities, no decision or number",
                ctx.line_evidence(number, sentence),
            )


_VAGUE = re.compile(
    r"\b(scalab\w*|robust|seamless\w*|important|essential|crucial|critical|powerful"
    r"|comprehensive|modern|flexib\w*|efficient\w*|maintainab\w*|extensib\w*|resilien\w*"
    r"|reliab\w*|secure|easy|easily|ensure\w*|various|overall|great|amazing|excellent"
    r"|paramount|key|vital|best|world|today|cutting|leading|massive|huge|any level)\b",
    re.I,
)
# Counted in every sentence of the prose, a case-insensitive alternation tried at each
# position (150k instructions a sentence): the screen skips the sentences with none of its
# words.
SCREEN.add(_VAGUE)


def _filler(sentence: str) -> bool:
    """Praise or generality with nothing checkable: no number, no code, two vague words."""
    if _DIGIT_OR_CODE.search(sentence):
        return False
    return is_fluff(sentence) or len(SCREEN.findall(_VAGUE, sentence)) >= 2


def _candidate_turns(ctx: ReviewContext) -> list[Turn]:
    return [t for t in ctx.doc.turns if t.speaker == "candidate"]


@register
class LateClarification(Rule):
    id = "COM105"
    dimension = "communication"
    kind = "late-clarification"
    severity = "warning"
    message = "The first clarifying question came late"
    rationale = (
        "The first minutes set the tone: a candidate who asks about scale and scope before"
        " designing is visibly driving the interview."
    )
    example = "(three candidate turns of design before any question)"
    fix = "Ask your first question within the first two minutes, before drawing anything."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        turns = _candidate_turns(ctx)
        if not turns:
            return
        for index, turn in enumerate(turns):
            if "?" in turn.text:
                late_by_turns = index >= 3
                start = ctx.doc.turns[0].seconds
                late_by_clock = (
                    turn.seconds is not None and start is not None and turn.seconds - start > 180
                )
                if late_by_turns or late_by_clock:
                    yield self.finding(
                        f"The first question came in candidate turn {index + 1}",
                        ctx.line_evidence(turn.line, turn.text[:120]),
                    )
                return


@register
class FewQuestions(Rule):
    id = "COM106"
    dimension = "communication"
    kind = "few-questions"
    severity = "warning"
    message = "Few clarifying questions were asked"
    rationale = (
        "Three to six sharp questions (users, scale, features, consistency, constraints) are"
        " what interviewers expect before a design; one question rarely pins the problem down."
    )
    example = "Candidate: How many users? ... (then only statements)"
    fix = (
        "Prepare a checklist: users and scale, read/write mix, core features, latency, consistency."
    )

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        turns = _candidate_turns(ctx)
        if not turns:
            return
        asked = sum(t.text.count("?") for t in turns)
        if 0 < asked < 3:
            yield self.finding(f"Only {asked} question(s) asked in the whole interview")


@register
class NoCheckIns(Rule):
    id = "COM107"
    dimension = "communication"
    kind = "no-check-ins"
    severity = "info"
    message = "The candidate never checked in with the interviewer"
    rationale = (
        "Asking 'shall I go deeper on X?' keeps the interviewer engaged and lets them steer you"
        " to what they want to assess."
    )
    example = "(a long design with no question to the interviewer)"
    fix = "After the high-level design, ask which part the interviewer wants to explore."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        turns = _candidate_turns(ctx)
        if len(turns) >= 4 and not any(_CHECK_IN.search(t.text) for t in turns):
            yield self.finding()


@register
class Monologue(Rule):
    id = "COM108"
    dimension = "communication"
    kind = "monologue"
    severity = "warning"
    message = "A very long monologue without pausing for the interviewer"
    rationale = (
        "Talking for minutes without a pause loses the interviewer and the chance to be"
        " steered away from a dead end."
    )
    example = "(one candidate turn of 300 words)"
    fix = "Speak in short steps and pause for the interviewer every minute or two."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        turns = ctx.doc.turns
        for index, turn in enumerate(turns):
            if turn.speaker != "candidate":
                continue
            words = len(turn.text.split())
            later = [t.seconds for t in turns[index + 1 :] if t.seconds is not None]
            took = later[0] - turn.seconds if later and turn.seconds is not None else None
            # About 150 words a minute: 220 words is a minute and a half without a pause.
            if words > 220 or (took is not None and took > 180 and words > 100):
                length = f"{words} words" + (f" over {took / 60:.0f} minutes" if took else "")
                yield self.finding(
                    f"One turn runs {length}", ctx.line_evidence(turn.line, turn.text[:80])
                )
                return


@register
class UnreadableInput(Rule):
    id = "COM109"
    dimension = "communication"
    kind = "unreadable-input"
    severity = "warning"
    message = "Part of the input could not be read"
    rationale = (
        "A diagram that does not parse cannot be checked, and an interviewer reading a broken"
        " diagram sees the same mess; fix the syntax so the review covers it."
    )
    example = "```mermaid\nflowchart LR\n  A -> B\n```"
    fix = "Check the Mermaid syntax (arrows are -->, shapes close) or re-export the drawing."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for notice in ctx.doc.notices[:5]:
            evidence = (
                ctx.line_evidence(notice.line) if notice.line is not None else Evidence(None, None)
            )
            yield self.finding(notice.message, evidence)


@register
class UnfilledTemplate(Rule):
    id = "COM110"
    dimension = "communication"
    kind = "empty-section"
    severity = "info"
    message = "A section is still empty"
    rationale = (
        "An empty section is a topic the interviewer will ask about anyway; filling it, even"
        " with one line, is cheaper than being asked."
    )
    example = "## 3. Capacity estimates\n<!-- Each step with units ... -->"
    fix = "Write at least the key point of the section, or delete it if it does not apply."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if not ctx.own_line_numbers:
            yield self.finding(
                "Nothing is filled in: every line is still the template or a comment",
                severity="error",
                fix="Write your design under each heading; the comments say what goes there.",
            )
            return
        sections = ctx.doc.sections
        own = ctx.own_line_numbers
        ordered = sorted(own)  # a bisection per section, not a scan of every line
        real = [_is_markdown_heading(ctx.doc.lines, s.start) for s in sections]
        markdown = any(real)
        for index, section in enumerate(sections):
            if section.level < 2 or _says_more_than_title(ctx.doc.line(section.start), section):
                continue
            # In a Markdown document a bold line, a numbered line or a "Label:" line is a list
            # item or a caption; only a plain-text design uses them as its headings.
            if markdown and not real[index]:
                continue
            # A section includes its subsections: it ends before the next heading at its level.
            # A bold line or a "Label:" line inside a Markdown section is its content (a
            # paragraph lead, a list's caption), not a heading that closes it.
            closing = _next_heading(sections, real, index)
            end = closing.start - 1 if closing is not None else len(ctx.doc.lines)
            at = bisect_right(ordered, section.start)
            if at < len(ordered) and ordered[at] <= end:
                continue  # the section has a line of the candidate's own
            if section.start not in own and section.start not in ctx.skipped:
                continue
            if closing is not None and _opens_numbered_parts(section.title, closing.title):
                continue
            yield self.finding(
                f"Section '{section.title}' is empty",
                ctx.line_evidence(section.start, section.title),
            )


_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_NUMBER = re.compile(r"^\s*(?:step\s+|part\s+)?(\d+)(?:[.)]|\s)", re.I)
_PART = re.compile(r"^\s*(?:[A-Za-z][.)]\s|\d+\.\d+)")


def _next_heading(sections: list[Section], real: list[bool], index: int) -> Section | None:
    """The first later section at the level of `sections[index]` or above: the one that
    closes it. The scan stops there, so it reads each section's own subsections only."""
    section = sections[index]
    for position in range(index + 1, len(sections)):
        later = sections[position]
        if later.level <= section.level and (real[position] or not real[index]):
            return later
    return None


def _is_markdown_heading(lines: list[str], start: int) -> bool:
    """An ATX (`## Title`) or setext heading, as opposed to a bold or "Label:" line."""
    if _MARKDOWN_HEADING.match(lines[start - 1]):
        return True
    return start < len(lines) and bool(_SETEXT_UNDERLINE.match(lines[start]))


def _says_more_than_title(text: str, section: Section) -> bool:
    """ "**Cache.** We keep hot codes in Redis" is a paragraph with a bold lead, not empty."""
    rest = re.sub(r"[*_`#:.\s]+", " ", text).strip().lower()
    title = re.sub(r"[*_`#:.\s]+", " ", section.title).strip().lower()
    return len(rest.replace(title, "", 1).split()) >= 2


def _opens_numbered_parts(title: str, following: str) -> bool:
    """ "## 4) Core design" followed by "## A. Upload path", "## 4.1 ...", "## 1. ..." (or by
    unnumbered headings, in a document that numbers this level) introduces its parts: not
    empty."""
    number = _NUMBER.match(title)
    if number is None:
        return False
    if _PART.match(following):
        return True
    part = _NUMBER.match(following)
    # "## 18) Failure modes" then "## 1. Dual writes", "## 2. ...": numbering that starts
    # again at 1 counts the section's own parts, written at its level.
    return part is None or (int(part.group(1)) == 1 and int(number.group(1)) > 1)

"""The end-of-interview report: the scorecard plus what the transcript shows about the candidate.

`final_report` returns the JSON the store keeps; `practice.models.SessionReport` is its
typed schema, and `practice.report_text.render` its text.

Built from recorded events only, so a session reviewed live, resumed after a crash or
exported weeks later gives the same report.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, Protocol

from tradeoff.catalog.derivation import NumberRef
from tradeoff.catalog.loader import Catalog
from tradeoff.catalog.schema import Problem, RubricItem
from tradeoff.design.figures import carries_figures
from tradeoff.design.load import parse_design
from tradeoff.design.transcript import TRANSCRIPT_HEADING
from tradeoff.estimate.check import check_line
from tradeoff.estimate.grammar import find_quantities
from tradeoff.interview import phrasing
from tradeoff.interview.clock import ManualClock
from tradeoff.interview.decisions import disagreements
from tradeoff.interview.listener import ASSUMES, HEDGED_FIGURE, SAYS_FIGURE
from tradeoff.interview.numbers import Spoken, gives_too, name_stems
from tradeoff.interview.phases import budgets, clock_text
from tradeoff.interview.questions import concept_tokens, questions_in, stems
from tradeoff.interview.said_written import AGREE, written_against
from tradeoff.interview.state import (
    ANSWERED,
    DEFERRED,
    DODGED,
    MENTIONED,
    RETURNED,
    SUBSTANCE,
    Ask,
    Contradicted,
    ConversationState,
    Stated,
    Support,
    against_given,
    calls_only,
    figures_unsaid,
    recap_weighs_nothing,
)
from tradeoff.interview.stated_figures import figures_unstated
from tradeoff.language import Claim, lexicon, read_design, read_text
from tradeoff.language.evidence import CHOICE_CATEGORIES
from tradeoff.language.mentions import find_mentions
from tradeoff.language.periods import figure_words, measured_name
from tradeoff.review.context import ReviewContext
from tradeoff.review.coverage import expected_at, item_support
from tradeoff.review.engine import Review, judged_by_rubric_alone, review_design
from tradeoff.review.rules.base import RULES
from tradeoff.review.substance import Rung, ladder
from tradeoff.vocabulary import Dimension, EventKind, Persona, Phase

# A candidate going back on what they said: "actually, let's use Cassandra", "scratch that",
# "I'll switch to a queue", "instead, I'd ...". "Returns the same result instead of charging
# twice" sets an alternative aside in the same breath; it changes no course.
_CHANGE = re.compile(
    r"\b(actually|scratch that|change\w* (my|the) mind|on second thought|switch(?:ing)? to"
    r"|instead(?! of\b))\b",
    re.I,
)
SILENCE_SECONDS = 180
# What a change of design names: a part or technique taken up ("let's use", "switch to").
_CHOOSES = re.compile(
    r"\b(?:use|using|go with|going with|pick|choose|move to|switch|replace|instead)\b", re.I
)


def _corrects_figures(text: str) -> bool:
    """Whether an "actually" takes back a figure, not a design: "Actually most of that is
    renewals; ... it's 100,000 renewals a second" redoes an estimate, and was listed as a
    change of course without a reason."""
    return bool(find_quantities(text)) and _CHOOSES.search(text) is None


class EventLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def phase(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def data(self) -> dict[str, Any]: ...


def markers(events: Sequence[EventLike], started_at: datetime, minutes: int) -> dict[str, Any]:
    """Communication markers an interviewer notices, computed from the event log."""
    turns = [e for e in events if e.kind == "turn" and e.speaker == "candidate"]
    questions = [(e, q) for e in turns for q in questions_in(e.text)]
    first_question = (questions[0][0].at - started_at).total_seconds() if questions else None
    decisions = [e for e in events if e.kind == "decision"]
    silences = []
    previous = started_at
    for event in turns:
        gap = (event.at - previous).total_seconds()
        if gap > SILENCE_SECONDS:
            silences.append({"at": clock_text((event.at - started_at).total_seconds()),
                             "gap_s": round(gap)})  # fmt: skip
        previous = event.at
    changes = [
        e.text
        for e in turns
        if _CHANGE.search(e.text)
        and not lexicon.REASON.search(e.text)
        and not _corrects_figures(e.text)
    ]
    phase_times: dict[str, float] = {}
    marks = [(started_at, Phase.clarify.value)]
    marks += [(e.at, e.phase) for e in events if e.kind == EventKind.phase]
    end = max((e.at for e in events), default=started_at)
    for (start, phase), (stop, _) in zip(marks, [*marks[1:], (end, "")], strict=True):
        phase_times[phase] = phase_times.get(phase, 0) + (stop - start).total_seconds()
    return {
        "first_question_after_s": round(first_question) if first_question is not None else None,
        "questions_asked": len(questions),
        "assumptions_stated": sum(
            1
            for e in turns
            if ASSUMES.search(e.text) or HEDGED_FIGURE.search(e.text) or SAYS_FIGURE.search(e.text)
        ),
        "decisions_with_reason": sum(1 for e in decisions if e.data.get("reason")),
        "decisions_without_reason": sum(1 for e in decisions if not e.data.get("reason")),
        "long_silences": silences,
        "changes_of_course_without_reason": changes,
        "hints_used": sum(1 for e in events if e.kind == "hint"),
        "seconds_per_phase": {p: round(s) for p, s in phase_times.items()},
        "budget_per_phase": {p: round(s) for p, s in budgets(minutes).items()},
        "session_seconds": round((end - started_at).total_seconds()),
    }


def snapshot_changes(events: Sequence[EventLike]) -> list[dict[str, Any]]:
    """What changed between design versions: lines added and removed, components gained."""
    out: list[dict[str, Any]] = []
    previous = ""
    previous_nodes: set[str] = set()
    for event in (e for e in events if e.kind == "snapshot"):
        diff = list(difflib.ndiff(previous.splitlines(), event.text.splitlines()))
        nodes = {n.label for d in parse_design(event.text).diagrams for n in d.nodes.values()}
        out.append(
            {
                "version": event.data.get("version"),
                "source": event.data.get("source"),
                "lines_added": sum(1 for line in diff if line.startswith("+ ")),
                "lines_removed": sum(1 for line in diff if line.startswith("- ")),
                "components_added": sorted(nodes - previous_nodes),
                "components_removed": sorted(previous_nodes - nodes),
            }
        )
        previous, previous_nodes = event.text, nodes
    return out


def final_report(
    *,
    problem: Problem,
    catalog: Catalog,
    level: str,
    minutes: int,
    started_at: datetime,
    events: Sequence[EventLike],
    judge: Judge | None = None,
) -> dict[str, Any]:
    """The report of a session, from the transcript and the attached design together.

    What was covered with substance (quoting the candidate), what was only mentioned,
    questions dodged, challenges left unanswered, spoken and written numbers that disagree,
    assumptions and estimates stated aloud, then the review. Nothing is called missing
    that the transcript or the design states: every "missing" line is checked against both.
    """
    from tradeoff.interview.session import Interview

    snapshots = [e for e in events if e.kind == "snapshot"]
    spoken = "\n".join(
        f"{'Candidate' if e.speaker == 'candidate' else 'Interviewer'}: {e.text}"
        for e in events
        if e.kind == "turn"
    )
    design = snapshots[-1].text if snapshots else ""
    said = [e for e in events if e.kind == "turn" and e.speaker == "candidate"]
    candidate = "\n".join([design, *(e.text for e in said)])
    # The transcript under a heading of its own: appended bare, every turn fell under the
    # design's last heading ("## Trade-offs") and read as a weighing ("keeps the last
    # position in Redis, sharded by geohash cell" credited geohash against a quadtree).
    doc = parse_design(
        f"{design}\n\n# {TRANSCRIPT_HEADING}\n\n{spoken}" if design else spoken or " "
    )
    llm = _llm_verdicts(judge, problem, catalog, level, doc, candidate)
    rebuilt = Interview.from_events(
        problem, Persona.neutral, events, ManualClock(started_at), catalog=catalog, level=level,
        minutes=minutes, started_at=started_at,
    )  # fmt: skip
    state = rebuilt.state
    for verdict in llm.get("kept", []):
        if verdict["covered"] and not state.covered(verdict["item"]):
            state.said[verdict["item"]] = Support(SUBSTANCE, verdict["quote"], 0, "said")
    context = ReviewContext(
        doc=doc, problem=problem, rubric=problem.rubric, vocabulary=catalog.vocabulary,
        level=level, interview_type=problem.type,
    )  # fmt: skip
    _credit_reviewed(state, problem, context, said, len(design.splitlines()) if design else 0)
    # What the conversation covered, each with its quote, counts in the scores too: the
    # reviewer reads the words, the interviewer also saw questions answered and facts asked.
    # Both read one coverage, so a score and its "N with substance" line never disagree.
    overrides = {i.id: 1.0 for _, i in problem.rubric.items() if state.covered(i.id)}
    settled = set(state.settled)
    if any(state.covered(i.id) for d, i in problem.rubric.items() if d == "capacity"):
        # An estimate the conversation credited ("re-rendering the whole board each frame
        # would take more than 16 ms") is an estimate: "No capacity estimates" beside it
        # would contradict the line above it in the same report.
        settled.add("back-of-envelope")
    if any(
        state.covered(i.id) and "functional-requirements" in i.concepts
        for d, i in problem.rubric.items()
        if d == "requirements"
    ):
        # So is a feature list the conversation credited ("I'll assume jobs are one-off or
        # cron, can be paused and cancelled ..."): "No functional requirements are stated"
        # held the score at 1 beside "covered with substance" for the features item.
        settled.add("functional-requirements")
    review = review_design(doc, catalog, problem.id, level, overrides, frozenset(settled))
    when = {n: clock_text((e.at - started_at).total_seconds()) for n, e in enumerate(said, 1)}
    conversation = _conversation(problem, level, state, when, catalog, context.claims)
    conversation["contradictions"] += _decided_otherwise(problem, catalog, design, said, when)
    covered_concepts = {
        c for _, item in problem.rubric.items() if state.covered(item.id) for c in item.concepts
    }
    review_json = review.to_json()
    for name, basis in _score_basis(review, problem, level, state, context).items():
        review_json["dimensions"][name].update(basis)
    places = _places(design, events, started_at)
    review_json["next_steps"] = [
        _placed(step, places)
        for step in review_json["next_steps"]
        if not _claims_missing(step, covered_concepts, catalog)
    ]
    coverage = {
        item.id: 1.0 if state.covered(item.id) else 0.5 if state.support(item.id) else 0.0
        for _, item in problem.rubric.items()
        if expected_at(item, level)
    }
    reliability = problem.rubric.dimensions().get(Dimension.reliability)
    missing = [
        item.text
        for item in (reliability.items if reliability else [])
        if expected_at(item, level) and not state.covered(item.id)
    ]
    marks = markers(events, started_at, minutes)
    marks["assumptions_stated"] = len(conversation["assumptions"])
    checked = _check_ten_x(design, problem.id, events)
    if checked is not None:
        conversation["breaks_first"] = checked
    return {
        "review": review_json,
        "rubric_coverage": coverage,
        "topics": list(problem.topics),
        "markers": marks,
        "design_changes": snapshot_changes(events),
        "missing_edge_cases": missing,
        "unclear_assumptions": _unclear(problem, state, catalog.numbers.get(problem.id, ())),
        "conversation": conversation,
        "llm_verdicts": llm,
    }


def _places(design: str, events: Sequence[EventLike], started_at: datetime) -> dict[int, str]:
    """Where each line of the reviewed text is, in words the candidate can find: the review
    reads the design and then the transcript as one text, whose line numbers mean nothing
    to someone who typed turns ("line 19" is "said at 12:40")."""
    places: dict[int, str] = {}
    line = 1
    if design:
        for number in range(1, len(design.splitlines()) + 1):
            places[number] = f"design line {number}"
        line = len(f"{design}\n\n".splitlines()) + 1  # the design, a blank line, the turns
    for event in events:
        if event.kind != "turn":
            continue
        when = f"said at {clock_text((event.at - started_at).total_seconds())}"
        for _ in (event.text or " ").splitlines() or [" "]:
            places[line] = when
            line += 1
    return places


_LINE_REF = re.compile(r"(, | on )line (\d+)\b")


def _placed(step: str, places: dict[int, str]) -> str:
    """A next step with its line numbers said as the report says them elsewhere."""

    def where(match: re.Match[str]) -> str:
        place = places.get(int(match.group(2)))
        if place is None:
            return match.group(0)
        if match.group(1) == ", ":
            return f", {place}"
        return f" ({place})"

    return _LINE_REF.sub(where, step)


def _credit_reviewed(
    state: ConversationState,
    problem: Problem,
    context: ReviewContext,
    said: Sequence[EventLike],
    design_lines: int,
) -> None:
    """Items the reviewer counts as specified in the design and the words together, which
    no single turn specified (a point made across two turns): the state takes them too, with
    the reviewer's quote, so the listing and the score rest on the same coverage."""
    doubted = {s.line for s in state.spoken_numbers if s.number is not None and s.number.off}
    # Turns and design lines that work from a figure given, said or written as another
    # (`state.credit_numbers`): their estimates derive nothing.
    doubted |= {c.line for c in state.contradicted}
    against = {
        s.line
        for s in state.written_numbers
        if s.number is not None and against_given(state, problem, s.number)
    }
    for dimension, item in problem.rubric.items():
        if state.covered(item.id):
            continue
        found = item_support(item, context.claims, context.mentions, dimension)
        if found.credit < 0.5 or found.claim is None:
            continue
        if calls_only(found.claim.text, dimension):
            continue  # an API written as calls says nothing of the parts behind it
        if recap_weighs_nothing(found.claim, dimension):
            continue  # a closing summary names the choices it recaps
        if dimension == "capacity" and any(
            c.wrong for c in check_line(found.claim.line, found.claim.text)
        ):
            continue  # "500 million users times 4 GB is 2 PB" derives no storage (see CAP103)
        quote = found.claim.quote
        if found.claim.line <= design_lines:
            if dimension == "capacity" and found.claim.line in against:
                continue
            state.written[item.id] = Support(SUBSTANCE, quote, found.claim.line, "design")
            continue
        turn = next((n for n, e in enumerate(said, 1) if quote[:40] in e.text), 0)
        if dimension == "capacity" and turn in doubted:
            # "... is 1.3 TB, so about 20 Redis nodes" drew "That looks low to me ... How did
            # you get 20 Redis nodes?": a turn whose figure the interviewer doubted sizes
            # nothing, as the turn itself was heard (the state kept it a mention).
            continue
        state.said[item.id] = Support(SUBSTANCE, quote, turn, "said")


def _score_basis(
    review: Review, problem: Problem, level: str, state: ConversationState, context: ReviewContext
) -> dict[str, dict[str, Any]]:
    """What each dimension's score rests on, from the coverage the listing shows: the items
    specified of those expected, the deepest ladder step reached (depth earns a score with
    no item specified), and a rule that caps the score below what coverage earned."""
    out: dict[str, dict[str, Any]] = {}
    for name, rubric in problem.rubric.dimensions().items():
        score = review.scores.get(name)
        if score is None:
            continue
        expected = [i for i in rubric.items if expected_at(i, level)]
        # As the reviewer scores it: "part way to 'endpoints defined'" was said of a movie
        # booking's classes, which no ladder judges.
        rubric_only = judged_by_rubric_alone(problem)
        steps = [] if rubric_only else ladder(name, context.claims)
        rungs = [r.name for r in steps if r.reached >= 0.99]
        # No step reached whole still earns part of the depth half: name the furthest, so
        # "deepest step: none yet" never stands beside a score that depth helped earn.
        partial = max(
            (r for r in steps if 0 < r.reached < 0.99), key=lambda r: r.reached, default=None
        )
        caps = [
            (RULES[f.rule].caps[name], f)
            for f in review.findings
            if f.rule in RULES and name in RULES[f.rule].caps
        ]
        capped = min(caps, key=lambda c: c[0]) if caps else None
        out[name] = {
            "covered": sum(1 for i in expected if state.covered(i.id)),
            "scored_covered": score.covered,  # the reviewer's count: equal by construction
            "rubric_only": rubric_only,
            "expected": len(expected),
            "depth": rungs[-1] if rungs else None,
            "partly": None if rungs or partial is None else partial.name,
            "next_step": next((r.name for r in steps if r.reached < 0.99), None),
            "next_below": _below_deepest(steps),
            # How far along the step named is ("1 of the 2 failures with responses this
            # step needs"): "not yet" beside the one failure given read as "missing".
            "needs": _needs_of(steps, rungs, partial),
            "penalties": round(score.penalties, 1),
            "capped_by": (
                {"rule": capped[1].rule, "cap": capped[0], "message": capped[1].message}
                if capped is not None and capped[0] <= score.score + 1e-9
                else None
            ),
        }
    return out


_TEN_X = re.compile(r"\b10\s?x\b|\bten times\b|\bbreaks? first\b", re.I)


def _check_ten_x(
    design: str, problem_id: str, events: Sequence[EventLike]
) -> dict[str, Any] | None:
    """The wrap-up's "what breaks first at 10x?" answer against the simulation of the
    attached design, when the design carries capacity figures of its own."""
    if not design.strip():
        return None
    if not carries_figures(design):
        return None
    from tradeoff.simulate.first import breaks_first

    first = breaks_first(parse_design(design), problem_id)
    if first is None:
        return None
    answer = ""
    asked = False
    for event in events:
        if event.kind != "turn":
            continue
        if event.speaker != "candidate" and _TEN_X.search(event.text):
            asked = True
        elif event.speaker == "candidate" and asked:
            answer = event.text
            break
    named = bool(answer) and _names_node(answer, first.node)
    return {**first.to_json(), "answer": answer, "agrees": named}


def _names_node(text: str, node: str) -> bool:
    words = [w for w in re.findall(r"[a-z0-9]+", node.lower()) if len(w) > 2]
    lowered = text.lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}", lowered) for w in words)


def _asks_a_recap(ask: Ask, problem: Problem) -> bool:
    """Whether a question invites the closing summary ("Sum up your design in a few
    sentences: what does it promise, and how?"): an open prompt to reflect, not a question
    with an answer to dodge. Whether the candidate summed up is the wrap-up item's line in
    the report; listed again as "Question left unanswered", it read as a dodge."""
    if ask.kind != "probe" or not ask.item:
        return False  # "What breaks first at 10x?" (the wrap-up's own question) has an answer
    items = {item.id: item for _dimension, item in problem.rubric.items()}
    item = items.get(ask.item)
    return item is not None and "summary" in item.concepts


def _says_more_of(item: RubricItem, written: str, said: str) -> bool:
    """Whether a written line uses more of an item's own words than the line said: the line
    that specifies the item most is the one to cite."""
    own = stems(item.text)
    return len(own & stems(written)) > len(own & stems(said))


def _lacked(item: RubricItem, quote: str, claims: Sequence[Claim] = ()) -> list[str]:
    """The parts an item's own text asks for (its `mentions` concepts that the text says)
    that the line quoted for it does not name, nor any other line: "a trip is a state
    machine: requested, matched, ..." lists the states, and lacks the version the item's
    "conditional transitions" need. Saying "say how" of it would ask for what the line
    already gives; "still to say: privacy settings and blocking" beside "Privacy checks
    happen on every read ..." said two turns later asked for what was said."""
    asked = set(item.mentions) & _concepts_in(item.text)
    if item.every_concept:
        # An item that asks for each of its concepts ("Summarises and names what breaks
        # first"): "at 10x the location updates break first" names one and lacks the other.
        asked |= set(item.concepts)
    named = _concepts_in(quote)
    for claim in claims:
        named |= claim.features.concepts & asked
    return sorted(asked - named)


def _left_out(item: RubricItem, quote: str, claims: Sequence[Claim], catalog: Catalog) -> list[str]:
    """The parts of a covered item's text that the quoted line does not say, and no line
    about the item says: "Trip service and store holding trip state durably, sharded by
    city, with replicas" beside "Trip service stores trips in Postgres, sharded by city"
    leaves "with replicas" to say. A part is a clause of the item's text ("ranks them by
    road ETA rather than straight-line distance") and is read by the concepts it names
    that one could choose (components, techniques, data layouts); a part that names none
    ("holding trip state durably") is no part a line can be held to. The first clause
    names the item's subject, which the line was credited for."""
    parts = _clauses(item.text)[1:]
    if not parts:
        return []
    vocabulary = catalog.vocabulary.concepts
    # The whole line or turn the quote is from: a quote cut at "?" ("... LIST as GET
    # /{bucket}?") leaves the rest of what the candidate said in that breath.
    lines = {
        c.line
        for c in claims
        if quote and (quote in c.quote or (c.quote in quote and 2 * len(c.quote) > len(quote)))
    }
    quote = " ".join([quote, *(c.text for c in claims if c.line in lines)])
    quoted = _meant(quote, catalog)
    # (A line about the item names its concepts or its subject: "every trip shard keeps two
    # replicas in other zones" gives the replicas of "sharded by city, with replicas".)
    # It names them of the item's own subject, the words of its first clause ("trip"),
    # not of another part: "Redis, sharded by geohash cell, 3 replicas per shard" gives
    # the location index copies, not the trip store.
    subject = set(item.concepts) | set(item.mentions)
    head = stems(_clauses(item.text)[0]) - _ANY_PART
    # Or, naming none of its concepts, in two of its subject's own words: "the client sends
    # a checksum header and we reject a part whose checksum doesn't match" says of "Each
    # chunk is a PUT to a part number with its checksum" that a mismatch is rejected.
    about = [
        c.features.concepts | c.features.options
        for c in claims
        if (
            ((c.features.concepts | c.features.options) & subject and stems(c.text) & head)
            or len(stems(c.text) & head) >= 2
        )
    ]
    # Every word the candidate said or wrote, for parts that name no concept.
    opening = stems(_clauses(item.text)[0])
    # (A class name is its words: "DisplayBoard" is said as "display boards".)
    everything = _CAMEL.sub(" ", " ".join([quote, *(c.text for c in claims)]))
    words = stems(everything) | _numbers(everything)
    left = []
    for part in parts:
        # (What a parenthesis gives as examples, "(FoundationDB or Spanner style)", is no
        # part to say; one of the options a part offers, "checksum or ETag", says it.)
        named = {
            c
            for c in _meant(_PARENTHESIS.sub(" ", part), catalog)
            if vocabulary[c].category in CHOICE_CATEGORIES
        } - subject
        if not named:
            if _never_said(part, words, everything, opening):
                left.append(part)
            continue
        if named & quoted or any(named & said for said in about):
            continue
        if stems(part) & stems(quote):
            # The line says it in words the claim analysis reads otherwise: "plus multipart
            # initiate, upload part and complete", "holds size, checksum, ..." for "checksum
            # or ETag". Asked for again, it would read as not listening.
            continue
        left.append(part)
    return left


def _never_said(part: str, said: frozenset[str], text: str, opening: frozenset[str]) -> bool:
    """Whether a part that names no concept one could choose is one no word the candidate
    said or wrote touches: "so an insert does not rewrite every cell below it" and "the
    server acks with a new revision" beside a session that never spoke of inserts, acks or
    revisions. Such a part is what makes its item specific ("covered" beside "a sparse map
    keyed by row and column" claimed what the line does not say). One word of it said
    anywhere may say it in other words ("refuses to issue ids" for "stops issuing"), so
    only a part of two words or more, none said, is left out. A word joined by a hyphen
    is one word, said only whole (`text`, everything said): "serve-time" is not said by
    "serving the last snapshot" and "at query time" in two other lines. A part offered as an
    alternative ("or fixed in deployment config") is not asked for. The words of the
    item's subject (`opening`, its first clause) are no part's: "cell" of "a sparse cell
    map" says nothing of "every cell below it". An example in brackets said ("B4" of
    "SlotCode ("B4") as a validated value object") says the part."""
    if _NOT_ASKED_FOR.match(part) or _OFFERED_INSTEAD.search(part):
        return False
    if not _ADDS_A_THING.match(part):
        # A part that goes on with what the subject does ("persists it and enqueues it",
        # "updated on each ping") is said in the candidate's own verbs as often as not
        # ("writes each request to Kafka"); what a part adds (a thing "with" it, a
        # figure, a named part, its effect "so ...", a clause with its own subject "the
        # server acks ...") is not said in other words so easily.
        return False
    joined = [j for j in _JOINED.findall(part) if not stems(j) <= opening]
    own = stems(_CAMEL.sub(" ", _JOINED.sub(" ", part))) - _ANY_PART - opening
    if len(own - stems(_bracketed(part))) + len(joined) < 2:
        return False
    if any(_said_joined(j, text) for j in joined):
        return False
    # A figure said is the part said: "trimmed to about 800 entries" beside "cap timelines
    # at 800 ids".
    return not own & said and not _numbers(part) & said


# A word made of two joined by a hyphen ("serve-time", "read-your-writes"): one word.
_JOINED = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b", re.I)


def _said_joined(word: str, text: str) -> bool:
    """Whether a text says a hyphenated word whole: its parts in order, each as a word or
    the start of one, joined by a hyphen, a space or nothing ("serve-time", "serve time",
    "serving-time")."""
    parts = [re.escape(p[: max(4, len(p) - 2)]) for p in word.lower().split("-")]
    return re.search(r"\b" + r"\w*[- ]?".join(parts) + r"\w*", text, re.I) is not None


def _bracketed(text: str) -> str:
    return " ".join(_BRACKETED.findall(text))


def _numbers(text: str) -> frozenset[str]:
    """The figures a text says, as digits ("1,000" is "1000")."""
    return frozenset(n.replace(",", "") for n in _FIGURE.findall(text))


# What an item turns down or offers as one of several ("not an offset", "no single
# database instance", "hired or rejected", "cost or start-up time") is no part that
# every answer must say.
_NOT_ASKED_FOR = re.compile(r"\s*(?:or|not|no|nor)\b", re.I)
_OFFERED_INSTEAD = re.compile(r"\bor\b", re.I)
_ADDS_A_THING = re.compile(
    r"\s*(?:(?:with|without|plus|in|so|via|through|using|the|a|an|each|every|its|their)\b"
    r"|[A-Z0-9])"
)
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


_ASKS_FOR = re.compile(r"\s*(?:asks|clarifies|confirms)\b", re.I)


# The dimensions whose items are mechanisms in parts ("sharded by city, with replicas"):
# a requirements item lists flows or non-goals, each a word the line may put otherwise
# ("get matched" for "match"), and a capacity item's parts are its figures
# (`figures_unsaid`).
_PARTS_OF_A_DESIGN = frozenset({"api_data", "components", "tradeoffs", "reliability"})


def _meant(text: str, catalog: Catalog) -> frozenset[str]:
    """The concepts a text names, as the claim analysis reads them (meant or offered)."""
    return frozenset(
        c
        for claim in read_text(text, catalog.vocabulary.concepts.values())
        for c in claim.features.concepts | claim.features.options
    )


# Words any part of a design is called by, which name no part in particular.
_ANY_PART = stems("service services store stores system data server servers layer tier holding")
_PARENTHESIS = re.compile(r"\([^()]*\)")


def _clauses(text: str) -> list[str]:
    """An item's text cut at its commas and its last "and" (outside parentheses)."""
    body = text.strip().rstrip(".")
    pieces, start = [], 0
    for match in _CLAUSE_BREAK.finditer(body):
        if body.count("(", 0, match.start()) == body.count(")", 0, match.start()):
            pieces.append(body[start : match.start()])
            start = match.end()
    pieces.append(body[start:])
    return [p.strip() for p in pieces if p.strip()]


_CLAUSE_BREAK = re.compile(r",\s+(?:and\s+)?|;\s+")


def _concepts_in(text: str) -> set[str]:
    return {t.removeprefix("concept:") for t in concept_tokens(text)}


def _given_against(state: ConversationState, line: int) -> str:
    """The interviewer's figure an assumption said on this turn sets aside, as the fact
    words it ("There are about a billion registered users"), or "" when it sets none."""
    return next((c.given for c in state.assumed_against if c.line == line), "")


def _conversation(
    problem: Problem,
    level: str,
    state: ConversationState,
    when: dict[int, str],
    catalog: Catalog,
    claims: Sequence[Claim] = (),
) -> dict[str, Any]:
    """The transcript's side of the report, every entry with the words it rests on.
    `claims` are the design's and the turns' (to tell what no line says)."""

    def where(support: Support) -> str:
        if support.source == "design" and support.line < 1:
            return "the order of the design's sections"  # a whole-answer point, no one line
        if support.source == "design":
            return f"design line {support.line}"
        return f"said at {when[support.line]}" if support.line in when else "said"

    covered, mentioned, missing = [], [], []
    reworked: set[int] = set()  # turns listed as worked out from another input
    for dimension, item in problem.rubric.items():
        if not expected_at(item, level):
            continue
        support = state.support(item.id)
        in_design = state.written.get(item.id)
        if (
            support is not None
            and support.source == "said"
            and questions_in(support.quote)
            and "clarifying-questions" not in item.concepts
            and in_design is not None
            and in_design.status == SUBSTANCE
        ):
            # "Leaves video ... out of scope on purpose" quoted the question that drew the
            # scope out ("also is video in scope"), though the design states it ("Out of
            # scope: video, stories, DMs ..."): a statement shows a point a question asked.
            support = in_design
        if (
            support is not None
            and support.status == SUBSTANCE
            and support.source == "said"
            and in_design is not None
            and not in_design.beside
            and _says_more_of(item, in_design.quote, support.quote)
        ):
            # Covered by what was said, and the design has the line that specifies it:
            # "A reconciliation job compares the provider's settlement file with the ledger
            # every night and opens a case for each mismatch" is the one to quote, not the
            # alert said on its mismatch count. (A line that names the item's part only in
            # its reason clause is `beside` it: "resizing is idempotent because renditions
            # are keyed by photo id" is no line of "Photos keyed by photo id (owner, ...)".)
            support = replace(in_design, status=SUBSTANCE)
        if support is not None and support.beside:
            # A line that names only a concept beside the item is no mention of it: the
            # one the design wrote, if it names the item, else none.
            support = in_design if in_design is not None and not in_design.beside else None
        entry = {"item": item.id, "dimension": dimension, "text": item.text}
        if support is None:
            missing.append(entry)
        elif support.status == SUBSTANCE:
            left = (
                _left_out(item, support.quote, claims, catalog)
                if dimension in _PARTS_OF_A_DESIGN
                else []
            )
            if dimension == "requirements" and not _ASKS_FOR.match(item.text):
                # "Unique IDs that fit in 64 bits, ... at about 100,000 a second" beside
                # the bit layout: the rate is still to say. (An item about asking is
                # met by the question; its figures are what the interviewer told.)
                left += figures_unstated(item.text, claims, catalog.numbers[problem.id])
            covered.append(
                {**entry, "quote": support.quote, "where": where(support), "lacks": left}
            )
        else:
            lacks = [
                catalog.vocabulary.concepts[c].name
                for c in _lacked(item, support.quote, claims)
                if c in catalog.vocabulary.concepts
            ]
            if dimension == "capacity":
                # "so about 3 GB a day" gives neither the ledger writes a second nor the
                # storage kept over ten years: the parts it leaves are what to say.
                lacks += figures_unsaid(state, item)
            mentioned.append(
                {**entry, "quote": support.quote, "where": where(support), "lacks": lacks,
                 "worked_from": support.worked_from}
            )  # fmt: skip
            if support.worked_from and support.source == "said":
                reworked.add(support.line)
    # A question the candidate put off and never came back to is as unanswered as one
    # dodged; one put aside by a hint or by the interviewer moving on is not theirs.
    asks = [
        a
        for a in state.asks
        if (a.status not in (ANSWERED, DEFERRED) or (a.status == DEFERRED and a.put_off))
        and not (a.item and state.covered(a.item))
        and not _given_redundancy(a, state)
        and not _asks_a_recap(a, problem)
        # The figures said and written that disagree are listed as such below.
        and not phrasing.asks_which_holds(a.text)
    ]
    dodged = [
        a.text
        for a in asks
        if a.kind != "challenge" and (a.status in (DODGED, RETURNED) or a.put_off)
    ]
    unanswered = [a.text for a in asks if a.kind == "challenge"]
    contradictions = []
    for said in state.spoken_numbers:
        # One line per figure said: "35,000 searches per second" against the design's
        # "300 million searches a day" and its "3,500 searches/s" is one disagreement; and
        # none when the design also states the figure said ("1M messages/s in, 3M/s out"
        # holds the "3M messages/s out" said aloud).
        written = written_against(said, state)
        if written is not None and said.number is not None and written.number is not None:
            assert said.number.ref is not None
            contradictions.append(
                {"said": said.number.text, "said_at": when.get(said.line, ""),
                 "written": written.number.text, "line": written.line,
                 "about": figure_words(said.number.ref.name)}
            )  # fmt: skip
    # A figure said against one the interviewer gave: the interviewer asked which one, and
    # the report lists it whatever the answer, as it lists said and written disagreeing.
    given = []
    for c in state.contradicted:
        entry = {"said": c.said, "said_at": when.get(c.line, ""), "given": c.given,
                 "about": figure_words(c.figure)}  # fmt: skip
        fixed = _corrected_to_given(state, c, problem)
        if fixed is not None and fixed.number is not None:
            # "2 million drivers", then "sorry, one million drivers at peak": the report
            # says the candidate took the figure back, as they did.
            entry |= {"corrected": fixed.number.text, "corrected_at": when.get(fixed.line, "")}
        given.append(entry)
    assumptions = [
        {"quote": s.quote, "at": when.get(s.line, ""), "given": _given_against(state, s.line)}
        for s in state.assumptions
    ]
    assumed_lines = {s.line for s in state.assumptions}
    estimates: list[dict[str, str]] = []
    estimated_on: list[int] = []  # the turn of each estimate listed
    estimated_by: list[Spoken] = []  # and the figure as it was read
    for stated in state.spoken_numbers:
        number = stated.number
        if number is None or number.ref is None:
            continue
        if number.ref.kind == "fact" and stated.line not in assumed_lines:
            fact = next((f for f in problem.facts if number.ref.name in f.values), None)
            if fact is not None and state.revealed.get(fact.id, 10**9) > stated.line:
                assumptions.append({"quote": stated.quote, "at": when.get(stated.line, "")})
                assumed_lines.add(stated.line)
        elif (
            number.ref.kind == "step"
            and not number.off
            and not stated.slipped
            # Listed already, to be redone from the given figure: not a right estimate too.
            and stated.line not in reworked
            # A count the interviewer gave, said back ("one million drivers at peak"), is
            # theirs, not an estimate of a step it happens to be near. (A rate worked out
            # from a monthly figure, "about 3,800 pages/s", is the candidate's work.)
            and not (
                number.value.kind == (0, 0)
                and any(
                    gives_too(fact.text, number.value)
                    for fact in problem.facts
                    if state.revealed.get(fact.id, 10**9) < stated.line
                )
            )
        ):
            # Labelled by what the figure said measures: "240 TB a day" is a day's storage,
            # though it was checked against the year's (365 of it).
            about = measured_name(number.ref.name, number.text)
            if any(e["said"] == number.text and e["about"] == about for e in estimates):
                continue  # "33 MB" said again of the same frame: listed once, when first said
            earlier = next(
                (
                    e
                    for e, line in zip(estimates, estimated_on, strict=True)
                    if e["about"] == about and line < stated.line
                ),
                None,
            )
            replaced = ""
            if earlier is not None:
                # "500,000 location updates a second", then "sorry, ... 250,000": the figure
                # said last stands, and the report says which it replaced.
                at = estimates.index(earlier)
                if _corrects(estimated_by[at], number):
                    replaced = earlier["said"]
                del estimated_on[at], estimated_by[at]
                estimates.remove(earlier)
            estimates.append({"said": number.text, "at": when.get(stated.line, ""),
                              "about": about, "corrected_from": replaced})  # fmt: skip
            estimated_on.append(stated.line)
            estimated_by.append(number)
    return {
        "covered": covered,
        "mentioned": mentioned,
        "missing": missing,
        "dodged": dodged,
        "unanswered_challenges": unanswered,
        "contradictions": contradictions,
        "given_contradicted": given,
        "assumptions": assumptions,
        "estimates": estimates,
    }


def _needs_of(steps: Sequence[Rung], reached: Sequence[str], partial: Rung | None) -> str | None:
    """What the step the report names next still lacks: the first not reached whole when
    one was reached, else the one reached furthest in part."""
    named = next((r for r in steps if r.reached < 0.99), None) if reached else partial
    return named.needs or None if named is not None else None


def _decided_otherwise(
    problem: Problem,
    catalog: Catalog,
    design: str,
    said: Sequence[EventLike],
    when: dict[int, str],
) -> list[dict[str, Any]]:
    """Decisions the design and the spoken turns make differently ("last writer wins"
    written, "we keep a conflicted copy" said), as the report lists numbers that disagree."""
    if not design.strip() or not said:
        return []
    concepts = catalog.vocabulary.concepts.values()
    written = read_design(parse_design(design), concepts)
    spoken = [(n, claim) for n, e in enumerate(said, 1) for claim in read_text(e.text, concepts)]
    return [
        {"said": d.said, "said_at": when.get(d.turn, ""), "written": d.written, "line": d.line,
         "about": d.about}
        for d in disagreements(problem, written, spoken)
    ]  # fmt: skip


def _given_redundancy(ask: Ask, state: ConversationState) -> bool:
    """A failure probe whose component the candidate later gave copies or a takeover ("a
    three-node ZooKeeper ensemble"): answered, even if not in the very next turn."""
    component = (ask.item or "").removeprefix("component:")
    return ask.kind == "failure" and component in state.redundant


# A figure within 1.5x of another is the same figure, rounded (see `said_written`).
_AGREE = AGREE


def _corrected_to_given(
    state: ConversationState, said: Contradicted, problem: Problem
) -> Stated | None:
    """The later figure that takes back one said against the interviewer's: the same
    quantity (the figure it was read as, or the given words said back: "one million
    drivers at peak" for "About one million drivers are online") near the given value."""
    first = next(
        (
            s.number
            for s in state.spoken_numbers
            if s.line == said.line and s.number is not None and s.number.text == said.said
        ),
        None,
    )
    if first is None or said.ratio <= 0:
        return None
    given = first.value.value / said.ratio
    stating = [f for f in problem.facts if said.figure in f.values]
    for later in state.spoken_numbers:
        number = later.number
        if later.line <= said.line or number is None or number.value.kind != first.value.kind:
            continue
        # A figure of the given words is the same quantity only when it counts what the
        # figure said counted: "6 x 8 is 48 slots" after "56 slots" corrects to the 48
        # slots, and its "6" (rows, near the 8 slots a row by value) was reported as the
        # correction: 'you said "56 slots" ... then "6"'.
        counts_same = bool((number.words & first.words) - _NO_THING)
        same = (number.ref is not None and number.ref.name == said.figure) or (
            counts_same and gives_too(said.given, number.value)
        )
        if same and 1 / _AGREE <= number.value.value / given <= _AGREE:
            return later
        if counts_same and any(gives_too(f.text, number.value) for f in stating):
            return later  # "48 slots", as the fact words the whole the 56 was said of
    return None


# Words said with a figure that name no thing it counts.
_NO_THING = stems("so that is about around roughly sorry then a the of x times")


# Words of a figure's name that say what kind of figure it is, not what it counts.
_NO_NAME = frozenset({"rate", "size", "per", "count", "total", "avg", "average", "peak", "day"})


def _unclear(
    problem: Problem, state: ConversationState, refs: Sequence[NumberRef] = ()
) -> list[str]:
    """Facts with numbers the candidate neither asked for nor stated a number about, said or
    written (a derived figure counts for the facts it is computed from, unless it is far
    off, which no one working from those facts would say). A threshold said
    about a fact's figure ("celebrities with over 1M followers") assumes that fact. So does
    a fact's figure said with the fact's words but without its unit ("at 2,000 calls per
    worker" for a worker's 2,000 calls a second): matched to no figure, it still states it."""
    formulas = {q.name: q.formula for q in problem.capacity}
    used: set[str] = set(state.thresholds)
    for stated in [*state.spoken_numbers, *state.written_numbers]:
        said = stated.number
        if said is not None and said.ref is None and said.value.value > 0:
            used |= {
                r.name
                for r in refs
                if r.kind == "fact"
                and r.value > 0
                and abs(said.value.value / r.value - 1) < 0.02
                and name_stems(r.name) - _NO_NAME & said.words
            }
    for stated in [*state.spoken_numbers, *state.written_numbers]:
        if stated.number is not None and stated.number.peak:
            # "1,200 posts/s, peaks near 3,600" states how far traffic peaks above average
            used |= {name for fact in problem.facts for name in fact.values if "peak" in name}
        if stated.number is not None and stated.number.ref is not None:
            if stated.number.off:
                # "a Redis cluster of 6 shards" against about 20: a count far from what the
                # facts give was worked from none of them (one shard's 100,000 checks a
                # second was never asked), only the figure itself was said.
                used.add(stated.number.ref.name)
                continue
            todo = [stated.number.ref.name]
            while todo:
                name = todo.pop()
                if name not in used:
                    used.add(name)
                    todo += re.findall(r"[a-z_][a-z0-9_]*", formulas.get(name, ""))
    return [
        fact.text
        for fact in problem.facts
        if fact.values and fact.id not in state.revealed and not set(fact.values) & used
    ]


def _claims_missing(step: str, covered: set[str], catalog: Catalog) -> bool:
    """Whether a review next step asks for something the candidate covered with substance:
    the step's subject is the first concept it names ("Add an 'Out of scope' line ...")."""
    found = find_mentions([(1, step)], catalog.vocabulary.concepts.values(), frozenset())
    lowered = step.lower()
    named = [
        (lowered.find(m.term), concept)
        for concept, mentions in found.by_concept.items()
        for m in mentions
        if concept not in _GENERIC
    ]
    return bool(named) and min(named)[1] in covered


# Concepts a next step may name in passing without being about them.
_GENERIC = frozenset({"decision-rationale", "structure", "assumptions", "summary"})


# (items as (id, what a strong answer covers), candidate text) -> (kept, dropped) verdicts
Judge = Callable[[list[tuple[str, str]], str], tuple[list[Any], list[Any]]]


def _llm_verdicts(
    judge: Judge | None,
    problem: Problem,
    catalog: Catalog,
    level: str,
    doc: Any,
    candidate: str,
) -> dict[str, Any]:
    """Ask the LLM about items the rules leave undecided (mentioned, but weakly), keep only
    verdicts whose quote is verbatim in the candidate's words; scores stay computed by code."""
    if judge is None:
        return {}
    from tradeoff.errors import TradeoffError

    context = ReviewContext(
        doc=doc, problem=problem, rubric=problem.rubric, vocabulary=catalog.vocabulary,
        level=level, interview_type=problem.type,
    )  # fmt: skip
    undecided = [
        (item.id, item.text)
        for dimension, item in problem.rubric.items()
        if expected_at(item, level)
        and item_support(item, context.claims, context.mentions, dimension).status == MENTIONED
    ][:12]
    if not undecided:
        return {"asked": 0, "kept": [], "dropped": 0}
    try:
        kept, dropped = judge(undecided, candidate)
    except TradeoffError as exc:
        return {"asked": len(undecided), "error": str(exc), "kept": [], "dropped": 0}
    return {
        "asked": len(undecided),
        "kept": [{"item": v.item_id, "covered": v.covered, "quote": v.quote} for v in kept],
        "dropped": len(dropped),
    }


def _below_deepest(steps: Sequence[Any]) -> bool:
    """Whether the first step not reached lies below the deepest one reached: "depth reached
    'quantified targets and non-goals'; not yet 'scoped features'" read as a contradiction."""
    names = [r.reached >= 0.99 for r in steps]
    first_missing = next((i for i, whole in enumerate(names) if not whole), None)
    deepest = max((i for i, whole in enumerate(names) if whole), default=None)
    return first_missing is not None and deepest is not None and first_missing < deepest


def _corrects(before: Spoken, after: Spoken) -> bool:
    """Whether a figure said later corrects one said before of the same reference: the
    earlier one was said of it in words ("500,000 location updates a second"), not only near
    it in value, and the two differ by more than rounding. "about 2 MB", then "2.07 MB", is
    the same figure said more exactly; and "the same buffer is 1.5 GB", read as the footage
    by its value alone, was reported as corrected by the footage's "3.75 GB"."""
    if before.ref is None or before.value.value <= 0 or after.value.value <= 0:
        return False
    if abs(math.log(before.value.value / after.value.value)) <= math.log(_ROUNDING):
        return False
    return bool(before.words & name_stems(before.ref.name))


_ROUNDING = 1.1  # two figures this close are one figure said more or less exactly

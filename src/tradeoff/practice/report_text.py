"""A session's end report as lines, for the terminal, a Markdown export and the web page."""

from __future__ import annotations

from tradeoff.interview.phases import PHASES, clock_text
from tradeoff.practice.models import Conversation, DimensionScore, ItemEntry, SessionReport
from tradeoff.wording import clipped


def render(report: SessionReport) -> list[str]:
    """The report as lines for a terminal or a Markdown export."""
    review, m, talk = report.review, report.markers, report.conversation
    lines = [f"Overall {review.overall}/100 · verdict at {review.level}: {review.verdict}"]
    if talk.covered:
        lines.append("Covered with substance:")
        # A point covered by a line that says less than its whole text says which parts
        # no line gave ("with replicas"), as a mention says what it lacks.
        lines += [_quoted(c) + _still_to_say(c) for c in talk.covered]
    named = [c for c in talk.mentioned if not c.worked_from]
    reworked = [c for c in talk.mentioned if c.worked_from]
    if named:
        lines.append("Only mentioned (say how, with a number, a mechanism or a reason):")
        lines += [_quoted(c) + _weighing_asked(c) for c in named]
    if reworked:
        # Worked out with numbers, from an input said against the one given: "only
        # mentioned ... say how, with a number" was false of a line that derives a rate.
        lines.append(
            "Worked out from another input than the one given (redo it with the given figure):"
        )
        lines += [f'{_quoted(c)} — starts from "{c.worked_from}"' for c in reworked]
    if talk.missing:
        lines.append("Not covered, neither said nor written:")
        lines += [f"  {c.text}" for c in talk.missing]
    lines += [f"Question left unanswered: {question}" for question in talk.dodged]
    lines += [f"Challenge left unanswered: {challenge}" for challenge in talk.unanswered_challenges]
    for c in talk.contradictions:
        lines.append(
            f'Said and written disagree on {c.about}: you said "{c.said}" at {c.said_at};'
            f' the design says "{c.written}" (line {c.line})'
        )
    for g in talk.given_contradicted:
        if g.corrected:
            lines.append(
                f'Corrected at {g.corrected_at}: you said "{g.said}" at {g.said_at} against'
                f' the interviewer\'s "{g.given}" ({g.about}), then "{g.corrected}"'
            )
            continue
        lines.append(
            f'Said and given disagree on {g.about}: you said "{g.said}" at {g.said_at};'
            f' the interviewer had said "{g.given}"'
        )
    first = talk.breaks_first
    if first is not None:
        where = f" (design line {first.line})" if first.line else ""
        verdict = (
            "you named it"
            if first.agrees
            else f'you said "{_clip(first.answer)}"'
            if first.answer
            else "you were not asked or did not answer"
        )
        lines.append(
            f"What breaks first, by the simulation of your design: {first.node}{where},"
            f" at about {first.ceiling_rps:,.0f} requests/s; {verdict}."
        )
    lines += [
        f'Assumption stated at {a.at}: "{_clip(a.quote)}"'
        + (f' (the interviewer had said "{a.given}")' if a.given else "")
        for a in talk.assumptions
    ]
    lines += [
        f"Estimate said at {e.at}: {e.said} ({e.about})"
        + (f', correcting "{e.corrected_from}" said before' if e.corrected_from else "")
        for e in talk.estimates
    ]
    basis = (
        "each score is the share of points shown with substance"
        if any(d.rubric_only for d in review.dimensions.values())
        else "each score is half the points shown with substance, half how deep the answer went"
    )
    lines.append(f"Review of the design and what you said ({basis}):")
    for name, dim in review.dimensions.items():
        score = "n/a" if dim.score is None else f"{dim.score}/4"
        lines.append(f"  {name}: {score}{_dimension_detail(name, talk, dim)}")
    asked = m.first_question_after_s
    lines += [
        "Communication markers:",
        f"  first clarifying question after {clock_text(asked) if asked is not None else 'never'}",
        f"  questions asked: {m.questions_asked}; assumptions stated: {m.assumptions_stated}",
        f"  decisions with a reason: {m.decisions_with_reason};"
        f" without: {m.decisions_without_reason}",
        f"  hints used: {m.hints_used}; long silences: {len(m.long_silences)}",
    ]
    for phase in PHASES:
        spent = m.seconds_per_phase.get(phase)
        if spent is not None:
            lines.append(
                f"  {phase}: {clock_text(spent)} of {clock_text(m.budget_per_phase[phase])}"
            )
    for change in m.changes_of_course_without_reason[:3]:
        lines.append(f"  changed course without a reason: {_clip(change, 100)}")
    for snapshot in report.design_changes:
        added = ", ".join(snapshot.components_added) or "none"
        lines.append(
            f"Design v{_number(snapshot.version)} ({snapshot.source}): +{snapshot.lines_added}"
            f" -{snapshot.lines_removed} lines; components added: {added}"
        )
    for fact in report.unclear_assumptions[:5]:
        lines.append(f"Never asked or assumed: {fact}")
    if review.next_steps:
        lines.append("Next steps:")
        lines += [f"  {i}. {s}" for i, s in enumerate(review.next_steps, start=1)]
    return lines


def _quoted(entry: ItemEntry) -> str:
    if not entry.quote.strip():  # a point the whole answer makes ("works in a visible order")
        return f"  {entry.text} ({entry.where})"
    return f'  {entry.text} "{_clip(entry.quote)}" ({entry.where})'


def _still_to_say(entry: ItemEntry) -> str:
    if not entry.lacks:
        return ""
    return " — still to say: " + "; ".join(_mid_sentence(n) for n in entry.lacks)


def _mid_sentence(name: str) -> str:
    """A part's words as they read after a colon: "Optimistic concurrency control" turns to
    "optimistic ...", but a name with capitals inside its first word keeps its case
    ("PayStation and DisplayBoard" read as "payStation", "API key" as "aPI key")."""
    first = name.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]):
        return name
    return name[:1].lower() + name[1:]


def _weighing_asked(entry: ItemEntry) -> str:
    """What a trade-off said without its weighing lacks. "fails open for normal endpoints
    but fails closed for login, with a local bucket as fallback" says how, in full; a
    trade-off point counts with its reason, the option given up or the cost, so "say how"
    alone would tell the candidate to repeat what they said."""
    if entry.lacks:
        # What the line leaves out of the item, by name: "say how" would ask again for the
        # part it gives ("a trip is a state machine: requested, matched, ...").
        return " — still to say: " + ", ".join(_mid_sentence(n) for n in entry.lacks)
    if entry.dimension != "tradeoffs":
        return ""
    return " — say why: the reason, the option given up or the cost"


def _number(value: int | None) -> str:
    return "?" if value is None else str(value)


def _dimension_detail(dimension: str, talk: Conversation, dim: DimensionScore) -> str:
    """What the score rests on, in plain words: the points shown with substance, those only
    mentioned and those missing (by name, listed in full above), then how deep the answer
    went on the dimension's ladder; half the score is each. "reliability 1/4 - 3 of 4
    points with substance; deepest step: none yet" read as a contradiction: it did not say
    that the missing half was depth, nor what depth would have been."""
    entries = [
        [c for c in group if c.dimension == dimension]
        for group in (talk.covered, talk.mentioned, talk.missing)
    ]
    covered, mentioned, missing = entries
    expected = dim.expected if dim.expected is not None else sum(len(e) for e in entries)
    parts = [f"{len(covered)} of {expected} points with substance{_names(covered)}"]
    named = [c for c in mentioned if not c.worked_from]
    reworked = [c for c in mentioned if c.worked_from]
    if named:
        parts.append(f"only mentioned{_names(named)}")
    if reworked:
        parts.append(f"worked from another input{_names(reworked)}")
    if missing:
        parts.append(f"not covered{_names(missing)}")
    if dim.expected is not None and not dim.rubric_only:
        # (Step names hold commas, "errors, pagination, idempotency": quoted.)
        # A step wants two or more of a thing, which its name does not say: how far along
        # it is, so "not yet" beside the one failure given is not read as "missing".
        along = f" ({dim.needs})" if dim.needs else ""
        if dim.depth:
            # A step below the deepest one reached is named as such: "depth reached
            # 'quantified targets'; not yet 'scoped features'" read as a contradiction.
            lower = "an earlier step, " if dim.next_below else ""
            then = f'; not yet {lower}"{dim.next_step}"{along}' if dim.next_step else ""
            parts.append(f'depth reached "{dim.depth}"{then}')
        elif dim.partly:
            parts.append(f'depth: part way to "{dim.partly}"{along}')
        else:
            first = f' (the first step is "{dim.next_step}")' if dim.next_step else ""
            parts.append(f"depth: none shown yet{first}")
    if dim.penalties >= 0.5:
        parts.append(f"{dim.penalties:g} off for problems found at a line")
    if dim.capped_by is not None:
        cap = dim.capped_by
        parts.append(f"held at {cap.cap:g} by {cap.rule}: {_clip(cap.message, 70)}")
    return " — " + "; ".join(parts)


def _names(entries: list[ItemEntry]) -> str:
    """The points by their short names: ": checksums, retries, expiry"."""
    if not entries:
        return ""
    return ": " + ", ".join(e.item.replace("-", " ") for e in entries)


def _clip(text: str, limit: int = 90) -> str:
    return clipped(text, limit)

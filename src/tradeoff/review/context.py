"""What every rule may look at: the design, the problem's rubric, mentions and estimates.

Built once per review; expensive views (mentions, estimate checks, the diagram graph) are
computed lazily and cached, so a rule that does not need them costs nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice

from tradeoff.catalog.derivation import NumberRef
from tradeoff.catalog.schema import Problem, Rubric
from tradeoff.catalog.vocabulary import Vocabulary
from tradeoff.design.model import DesignDoc, Diagram, Endpoint, Section
from tradeoff.design.spans import LineSpans
from tradeoff.design.templates import all_template_lines, template_lines
from tradeoff.estimate.budget_table import budget_overruns
from tradeoff.estimate.check import EstimateCheck, check_lines
from tradeoff.estimate.cost_table import cost_products
from tradeoff.estimate.grammar import states_quantity
from tradeoff.language import Claim, read_design
from tradeoff.language.bounds import takes_back
from tradeoff.language.mentions import POSITIVE, Mention, MentionIndex, clean_line, find_mentions
from tradeoff.language.texmath import plain_math
from tradeoff.review.findings import Evidence
from tradeoff.review.graph import DesignGraph
from tradeoff.review.products import BRANDS

_SECTION_CONCEPTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?!.*non-?functional)(.*\b(functional|requirements|use cases|features))", re.I),
     "functional-requirements"),
    (re.compile(r"non-?functional|quality attributes", re.I), "non-functional-requirements"),
    (re.compile(r"out of scope|non-goals|scope", re.I), "scope"),
    (re.compile(r"assumption", re.I), "assumptions"),
    (re.compile(r"data ?model|schema|storage model|tables|entities"
                r"|\b(?:record|row|object|entry|document) (?:layout|format|structure)\b", re.I),
     "data-model"),
    (re.compile(r"classes|class diagram|class design", re.I), "class-design"),
    (re.compile(r"summary|wrap[- ]?up|conclusion|recap", re.I), "summary"),
    (re.compile(r"bottleneck|next steps|future work", re.I), "bottlenecks"),
    (re.compile(r"estimat|capacity|back[- ]of[- ]the[- ]envelope", re.I), "back-of-envelope"),
]  # fmt: skip


def _any_within(ordered: list[int], low: int, high: int) -> bool:
    """Whether a number of the sorted list `ordered` lies in (low, high]."""
    at = bisect_right(ordered, low)
    return at < len(ordered) and ordered[at] <= high


@dataclass
class ReviewContext:
    doc: DesignDoc
    problem: Problem | None  # None: the generic rubric applies
    rubric: Rubric
    vocabulary: Vocabulary
    level: str
    interview_type: str = "product"
    notes: list[str] = field(default_factory=list)

    @cached_property
    def skipped(self) -> set[int]:
        """Lines that are not the candidate's words: interviewer turns, HTML comments, and
        lines left exactly as the `tradeoff new` template wrote them."""
        known = all_template_lines()
        if self.problem is not None:
            known = known | template_lines(self.problem.title, self.problem.type, self.problem.id)
        skipped = {t.line for t in self.doc.turns if t.speaker == "interviewer"}
        skipped |= self.doc.comment_lines
        skipped |= {n for n, t in enumerate(self.doc.lines, start=1) if t.strip() in known}
        return skipped

    @cached_property
    def lines(self) -> list[tuple[int, str]]:
        """The candidate's own lines, fenced blocks included."""
        return [(n, t) for n, t in enumerate(self.doc.lines, start=1) if n not in self.skipped]

    @cached_property
    def own_line_numbers(self) -> set[int]:
        return {n for n, t in self.lines if t.strip()}

    @cached_property
    def filled_sections(self) -> list[Section]:
        """Sections with at least one line of the candidate's own below the heading."""
        own = self.own_line_numbers
        ordered = sorted(own)  # a bisection per section, not a scan of every line
        return [
            s
            for s in self.doc.sections
            if _any_within(ordered, s.start, s.end)
            or (s.start in own and len(self.doc.line(s.start)) > len(s.title) + 20)
        ]

    @cached_property
    def diagrams(self) -> list[Diagram]:
        """Diagrams the candidate drew: a template diagram left untouched does not count."""
        ordered = sorted(self.own_line_numbers)  # a bisection per diagram, not a line scan
        kept = []
        for diagram in self.doc.diagrams:
            start, end = diagram.start, diagram.end
            if start is None or end is None or _any_within(ordered, start, end - 1):
                kept.append(diagram)
        return kept

    @cached_property
    def endpoints(self) -> list[Endpoint]:
        return [e for e in self.doc.endpoints if e.line not in self.skipped]

    @cached_property
    def prose(self) -> list[tuple[int, str]]:
        """Candidate lines outside fenced blocks."""
        return [(n, t) for n, t in self.lines if n not in self.doc.code_lines]

    @cached_property
    def plain_prose(self) -> list[tuple[int, str]]:
        """`prose` with TeX formulas read as plain arithmetic ("$50\\text{M} \\times 200
        \\text{ bytes}$" as "50M × 200 bytes"): what the capacity rules read numbers from.
        Findings quote `doc.line` through `line_evidence`, which keeps quotes verbatim."""
        return [(n, plain_math(t)) for n, t in self.prose]

    @cached_property
    def mentions(self) -> MentionIndex:
        concrete = frozenset(self.doc.code_lines)  # diagrams, code and tables are concrete
        concrete |= {n for n, t in self.lines if t.lstrip().startswith("|")}
        index = find_mentions(self.lines, self.vocabulary.concepts.values(), BRANDS, concrete)
        # A number with a scale ("100M links a month") states the scale, whatever the words.
        if not index.has("scale-numbers"):
            for number, text in islice(self.iter_numbers_lines(), 1):
                index.add(
                    Mention("scale-numbers", number, "(number)", text.strip(), POSITIVE, False)
                )
        # A filled "Requirements" section is itself the statement of requirements, whatever
        # words it uses; the same holds for a few other sections named for one concept.
        for section in self.filled_sections:
            for pattern, concept in _SECTION_CONCEPTS:
                if pattern.search(section.title) and not index.has(concept):
                    quote = self.doc.line(section.start).strip()
                    index.add(
                        Mention(
                            concept, section.start, section.title.lower(), quote, POSITIVE, False
                        )
                    )
        return index

    @cached_property
    def claims(self) -> list[Claim]:
        """The candidate's claims with their evidence, in line order."""
        return read_design(self.doc, self.vocabulary.concepts.values(), self.skipped)

    def placed(self, *concepts: str) -> bool:
        """Whether the design has one of these: drawn on a diagram, or specified by a claim.
        A sentence that only names it does not place it, so appending names cannot clear a
        finding."""
        from tradeoff.language.claims import EDGE, NODE
        from tradeoff.review.substance import concept_index, specified_concepts

        wanted = set(concepts)
        if wanted & self.settled:
            return True
        claims = self.claims
        index = concept_index(claims)  # only claims that name or specify one can place it
        for position in sorted({i for c in wanted for i in index.get(c, ())}):
            claim = claims[position]
            drawn = claim.kind in (NODE, EDGE)
            if wanted & (claim.features.concepts if drawn else specified_concepts(claim)):
                return True
        return False

    @cached_property
    def figure_lines(self) -> list[tuple[int, str]]:
        """Lines that may state estimates: the candidate's, fenced blocks included (answers
        often set their sums in code), diagrams left out (a drawn label is no sum), link
        targets blanked and TeX formulas read as plain arithmetic."""
        drawn = {
            n
            for d in self.doc.diagrams
            if d.start is not None and d.end is not None
            for n in range(d.start, d.end + 1)
        }
        return [(n, plain_math(clean_line(t))) for n, t in self.lines if n not in drawn]

    @cached_property
    def estimates(self) -> list[EstimateCheck]:
        """Arithmetic wherever it is written, fenced blocks included; diagrams are not sums."""
        # A check on a typeset formula quotes its plain reading; the finding quotes the line.
        return [
            c if c.quote in (line := self.doc.line(c.line)) else replace(c, quote=line.strip())
            for c in (
                check_lines(self.figure_lines)
                + cost_products(self.figure_lines)
                + budget_overruns(self.figure_lines)
            )
            if not self._taken_back(c)
        ]

    def _taken_back(self, check: EstimateCheck) -> bool:
        """Whether a slip said aloud was taken back in a later turn: "5 levels of 200 is
        10,000 spots", then "Sorry, 5 x 200 is 1,000 spots, not 10,000." (`takes_back`). A
        spoken correction stands (the report lists it as corrected); a written design keeps
        the wrong line, which a reader still meets, and is told to fix it there."""
        if not self.doc.is_transcript or check.verdict == "ok":
            return False
        return any(n > check.line and takes_back(t, check.right) for n, t in self.lines)

    @cached_property
    def graph(self) -> DesignGraph:
        return DesignGraph.from_diagrams(self.diagrams)

    @cached_property
    def word_count(self) -> int:
        return sum(len(t.split()) for _, t in self.lines)

    numbers: tuple[NumberRef, ...] = ()  # the prompt's facts and reference results
    # Concepts a mock interview settled by what happened rather than by words the text
    # holds (a question that drew out the features settles the functional requirements):
    # a rule asking whether the design places them sees what the interviewer saw.
    settled: frozenset[str] = frozenset()
    # Rubric items credited from outside the text (an interview's state, an LLM verdict
    # checked verbatim): a rule listing what is not covered leaves them out.
    credited: frozenset[str] = frozenset()

    @property
    def is_ood(self) -> bool:
        return self.interview_type == "object-oriented"

    @property
    def is_front_end(self) -> bool:
        return self.interview_type == "front-end"

    @property
    def is_system(self) -> bool:
        return self.interview_type in ("product", "infrastructure", "backend-distributed")

    def topic(self, *topics: str) -> bool:
        return self.problem is not None and any(t in self.problem.topics for t in topics)

    def sections_for(self, dimension: str) -> list[Section]:
        return [s for s in self.filled_sections if s.dimension == dimension]

    def lines_in(self, dimension: str) -> list[tuple[int, str]]:
        """The candidate's lines inside the sections of `dimension`: each line is one
        bisection of the merged spans, not a test against every section (a long design has
        thousands of sections of one dimension)."""
        spans = LineSpans((s.start, s.end) for s in self.sections_for(dimension))
        return [(n, t) for n, t in self.lines if n in spans]

    def numbers_lines(self) -> list[tuple[int, str]]:
        """Lines stating a number with a scale or unit (100M, 5 TB, 40 QPS, 99.9%)."""
        return list(self.iter_numbers_lines())

    def iter_numbers_lines(self) -> Iterator[tuple[int, str]]:
        """`numbers_lines` one at a time, each line read no further than asked: the rules
        that ask want the first one (REQ101, the scale mention) or three (CAP101), and
        reading every line of the longest judged answer took a first-seen review 5 ms.
        What is read is kept (`_numbers_scan`), so no line is read twice in a review (the
        tokenizer's cache holds 8,192 texts, fewer than the lines of a long design)."""
        found, rest = self._numbers_scan
        position = 0
        while True:
            if position < len(found):
                yield found[position]
                position += 1
                continue
            following = next(rest, None)
            if following is None:
                return
            found.append(following)

    @cached_property
    def _numbers_scan(self) -> tuple[list[tuple[int, str]], Iterator[tuple[int, str]]]:
        """The numbers lines read so far, and the scan that reads the rest."""
        scan = ((n, t) for n, t in self.plain_prose if states_quantity(clean_line(t)))
        return [], scan

    def evidence(self, mention: Mention) -> Evidence:
        return Evidence(mention.line, mention.quote or self.doc.line(mention.line).strip())

    def line_evidence(self, number: int, quote: str | None = None) -> Evidence:
        text = self.doc.line(number)
        chosen = quote if quote and quote in text else text.strip()
        return Evidence(number, chosen[:200] if chosen in text else text.strip())

    def find_line(
        self, pattern: re.Pattern[str], lines: list[tuple[int, str]] | None = None
    ) -> tuple[int, str] | None:
        for number, text in lines if lines is not None else self.lines:
            match = pattern.search(clean_line(text))
            if match:
                return number, text[match.start() : match.end()]
        return None


# The figures a step of working states as its result ("10,000 spots" gives "10,000").

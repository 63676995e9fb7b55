"""Rules for the trade-offs dimension: decisions made, reasons given, options not left hanging."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from tradeoff.language.claims import ITEM, ROW, SENTENCE, Claim, plain_typography
from tradeoff.language.lexicon import COST, EMPTY_PROPERTY
from tradeoff.language.literals import SCREEN
from tradeoff.language.mentions import FLUFF, POSITIVE, REASONS, Mention, clean_line
from tradeoff.language.options import names_option
from tradeoff.review.context import ReviewContext
from tradeoff.review.findings import Evidence, Finding
from tradeoff.review.products import BRANDS, brands_in, product_key
from tradeoff.review.rules.base import Rule, register
from tradeoff.review.substance import restates_prompt, specifies

# Compiled once: these run on every sentence of the prose, every table line and every
# product named, where `re.split(pattern, ...)` looked the pattern up in re's cache each time.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+")
_RULE_ROW = re.compile(r"[|:\-\s]+")
_FROM_AT_END = re.compile(r"\bfrom\s+$")
_TO_WORD = re.compile(r"\bto\b")

_DECISION = re.compile(
    r"\b(we('ll| will)? (use|go with|pick|choose)|i('d| would| will)? (use|go with|pick|choose)"
    r"|chose|choose|picked|going with|decided|decision|prefer|winner|settle on)\b",
    re.I,
)
_OOD_INHERITS = "inherits"
_STACK_WORDS = re.compile(r"\b(technolog\w*|tools?|stack|frameworks?|these)\b", re.I)


@register
class OptionsWithoutDecision(Rule):
    id = "TRD101"
    dimension = "tradeoffs"
    kind = "options-without-decision"
    severity = "warning"
    message = "Options are listed but no decision is made"
    rationale = (
        "Listing SQL or NoSQL, Redis or Memcached, shows knowledge; interviewers grade the"
        " decision and its reason. An open list reads as avoiding the call."
    )
    example = "We could use Redis or Memcached for caching."
    fix = "Pick one, say why it wins here, and what you give up."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        reported = 0
        sentences = [
            (number, sentence)
            for number, text in ctx.prose
            for sentence in _SENTENCE_BREAK.split(clean_line(text))
        ]
        for index, (number, sentence) in enumerate(sentences):
            hedge = SCREEN.search(_HEDGED_CHOICE, sentence)
            if not hedge or _DECISION.search(sentence) or _OUTCOMES.search(sentence):
                continue
            # Examples ("such as S3 or GCS") and what precedes the hedge are not the options.
            choice = _EXAMPLES.sub(" ", sentence[hedge.end() :])
            if not _ALTERNATIVE.search(choice):
                continue
            words = _option_words(choice)
            if len(words) < 2 or _decided_elsewhere(ctx, sentences, index, words):
                continue
            if _only_in_effect_cells(ctx, number):
                continue
            quote = sentence.strip()
            yield self.finding(
                f"Options listed with no decision: {quote[:100]}",
                ctx.line_evidence(number, quote if quote in ctx.doc.line(number) else None),
            )
            reported += 1
            if reported >= 3:
                return


_HEDGED_CHOICE = re.compile(
    r"\b(could|might|can either|either|one option|options (are|include)|alternatives (are|include)"
    r"|possible approaches|there are (two|three|several) (ways|options|approaches))\b",
    re.I,
)
# Searched through the literal screen: most sentences hold none of the words a hedge needs,
# and the screen has read most of them already (each is a line the mentions were read from).
SCREEN.add(_HEDGED_CHOICE, _STACK_WORDS)
# "Envoy either forwards the request or returns 429": what a component does at run time,
# one of two outcomes, not two designs left open ("could either use Redis or Memcached").
_OUTCOMES = re.compile(r"\beither\s+[a-z]+e?s\b[^.;]*?\bor\s+[a-z]+e?s\b", re.I)
_ALTERNATIVE = re.compile(r"\bor\b|\bvs\.?|\bversus\b", re.I)
_EXAMPLES = re.compile(r"\b(such as|e\.g\.|for example|like|including)\b[^,;:]*", re.I)
_COMMON = frozenset(
    """use using used with from that this then them they into over each other which where when
    have will would could should might also just like such some more most make made data
    service services system store stored based approach option options either""".split()
)


# A table column that says what a failure does: "| Impact |", "| Effect |", "| User impact |".
_EFFECT_HEADER = re.compile(r"\b(?:impact|effects?|consequences?|symptoms?)\b", re.I)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def _only_in_effect_cells(ctx: ReviewContext, number: int) -> bool:
    """Whether every hedge on a table row sits in a column saying what a failure does: "|
    Worker crash | either all pass (fail-open) or all block (fail-closed) | ..." under
    "Impact" tells what happens until the mitigation acts, no two designs left open."""
    line = ctx.doc.line(number)
    if not line.lstrip().startswith("|"):
        return False
    above = number - 1
    while above > 1 and ctx.doc.line(above).lstrip().startswith("|"):
        above -= 1
    first = above + 1 if not ctx.doc.line(above).lstrip().startswith("|") else above
    if first >= number or not _TABLE_RULE.match(ctx.doc.line(first + 1)):
        return False
    header = _cells(ctx.doc.line(first))
    hedged = [i for i, cell in enumerate(_cells(line)) if _HEDGED_CHOICE.search(cell)]
    return bool(hedged) and all(
        i < len(header) and _EFFECT_HEADER.search(header[i]) for i in hedged
    )


def _option_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9-]{3,}", text.lower()) if w not in _COMMON}


def _decided_elsewhere(
    ctx: ReviewContext, sentences: list[tuple[int, str]], index: int, words: set[str]
) -> bool:
    """A decision naming one of the options ("We'll go with the token bucket because...")
    settles the listing: in the listing's own section, or in one that holds decisions, or
    anywhere when it names two of the options' words. One shared word in an unrelated
    section ("We will use an email provider" after "a local LLM or a managed provider") is
    another decision, not this one."""
    home = ctx.doc.section_of(sentences[index][0])
    for position, (number, sentence) in enumerate(sentences):
        if position == index or not _DECISION.search(sentence):
            continue
        shared = words & _option_words(sentence)
        if not shared:
            continue
        where = ctx.doc.section_of(number)
        if len(shared) >= 2 or where is home or (where and _DECISIONS.search(where.title)):
            return True
    return False


_DECISIONS = re.compile(
    r"decision|trade-?offs?|choice|choos|why|alternative|summary|recap|conclusion", re.I
)


@register
class BuzzwordsWithoutReasons(Rule):
    id = "TRD102"
    dimension = "tradeoffs"
    kind = "buzzwords-without-reasons"
    severity = "warning"
    message = "A product is named with no reason for choosing it"
    rationale = (
        "Naming Kafka or Cassandra proves nothing by itself; interviewers ask 'why this one?'"
        " and a named product with no reason reads as a buzzword."
    )
    example = "Use Kafka, Cassandra and Redis."
    fix = "For each product, say what property of it this design needs (and what it costs)."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        reasoned, candidates = _reasoned_and_candidates(ctx)
        # The product the prompt names ("an object store like S3") is what is designed, not
        # a choice made in the design.
        reasoned |= _prompt_products(ctx)
        first_line: dict[str, tuple[int, str]] = {}
        brands = {number: brands_in(text) for number, text in ctx.prose}  # one scan per line
        headers = _table_headers(ctx)
        # A product in the requirements ("ingest documents from SharePoint, S3 and Jira") is
        # what exists already, a given, not a choice the design makes.
        # A line there that traces the design's own parts at work ("The Worker Service on
        # EC2 or Lambda pulls work off the Queue", under a "Goals" heading that runs on into
        # the design) or says it decides is the design, whatever heading it stands under.
        # (A row of a requirements table stays a given: "| Cost | ... on DynamoDB + Bigtable
        # |" prices the data, it traces nothing.)
        designed = {
            c.line
            for c in ctx.claims
            if c.kind in (SENTENCE, ITEM) and (c.features.flow or c.features.decision)
        }
        given = {
            n
            for section in ctx.doc.sections
            if section.dimension == "requirements"
            for n in range(section.start, section.end + 1)
            if n not in designed
        }
        # A product named in a sentence that leaves the choice open ("ClickHouse, Druid or
        # BigQuery would all work") is no choice made without a reason: TRD106 reports the
        # deferral itself, once.
        deferred = {
            (claim.line, product_key(match.group(0)))
            for claim in ctx.claims
            if claim.features.hedge
            for match in brands_in(claim.text)
        }
        # A line the claims read as reasoned: "Kafka between gateways and ingesters over
        # direct writes: it absorbs spikes and lets ingesters replay" explains its label.
        reasoned_lines = {c.line for c in ctx.claims if c.features.reason}
        for number, raw in ctx.prose:
            names = brands[number]
            if not names or number in given:
                continue
            text = plain_typography(raw)
            said_reason = bool(SCREEN.search(REASONS, text)) or _next_has_reason(ctx, number)
            has_reason = said_reason or number in reasoned_lines
            given_here = _given_in_row(text, headers.get(number))
            for match in names:
                name = product_key(match.group(0))
                other = (
                    name in candidates.get(number, ())
                    or name in given_here
                    or _not_chosen(text, match, headers.get(number))
                )
                # The reason the claims read in "Redis vs Postgres | Redis = sub-ms latency" is
                # Redis's; the alternative set against it gets none from that line.
                if said_reason or (has_reason and not other):
                    reasoned.add(name)
                if (number, name) in deferred:
                    continue
                if other:
                    continue  # an example, a candidate or a rejected alternative
                first_line.setdefault(name, (number, match.group(0)))
        unreasoned = [n for n in first_line if n not in reasoned]
        for name in unreasoned[:5]:
            number, quote = first_line[name]
            yield self.finding(
                f"{quote} is named but no reason is given for it",
                ctx.line_evidence(number, quote),
            )
        yield from self._stack_praise(ctx, brands, reasoned)
        yield from self._hollow_reasons(ctx)

    def _hollow_reasons(self, ctx: ReviewContext) -> Iterator[Finding]:
        """A decision whose only reason is a property it claims: "Implementation uses Lua
        scripts, which ensures correctness." names the goal and not how the choice meets it
        (an atomic read-modify-write, so no two gateways spend the same token): the
        interviewer's "why?" is still open."""
        reported = 0
        for claim in ctx.claims:
            f = claim.features
            # a decision, or a row of a decision table ("Choice: Cassandra"); a failure
            # table's "replication ensures availability" answers a failure, it decides nothing
            in_table = claim.kind == ROW and _CHOICE_CELL.search(claim.text) is not None
            if not (f.decision or in_table) or not f.choices or f.failure_response:
                continue
            if f.reason or f.alternative:
                continue
            found = EMPTY_PROPERTY.search(claim.text)
            if found is None:
                continue
            said = found.group(0).rstrip(" .;|")
            shown = claim.text if claim.kind == ROW else claim.quote  # a row with its headers
            yield self.finding(
                f"'{re.sub(r'[*_`]', '', shown).strip()[:90]}' gives '{said}' as its"
                " only reason: that names"
                " the goal, not why this choice reaches it",
                ctx.line_evidence(claim.line, claim.quote),
            )
            reported += 1
            if reported >= 2:
                return

    def _stack_praise(
        self,
        ctx: ReviewContext,
        brands: dict[int, tuple[re.Match[str], ...]],
        reasoned: set[str],
    ) -> Iterator[Finding]:
        """A sentence that justifies a list of products by reputation ("industry leaders").
        Products the design gives reasons for elsewhere (a decision table above a closing
        "built on proven technologies") are not justified by the praise."""
        brand_lines = [n for n, found in brands.items() if found]
        for number, text in ctx.prose:
            if not SCREEN.search(_STACK_WORDS, text):
                continue
            match = SCREEN.search(FLUFF, text)
            if not match:
                continue
            # The products of the 15 lines above, counted from those lines alone (found by
            # bisection, `brand_lines` being in line order): a pass over every line of the
            # design for each such sentence was quadratic.
            listed = brand_lines[
                bisect_left(brand_lines, number - 15) : bisect_left(brand_lines, number)
            ]
            names = sum(
                1
                for n in listed
                for found in brands[n]
                if product_key(found.group(0)) not in reasoned
            )
            if names >= 3:
                yield self.finding(
                    "The technology list is justified by reputation, not by what this design needs",
                    ctx.line_evidence(number, match.group(0)),
                )


def _next_has_reason(ctx: ReviewContext, number: int) -> bool:
    """The next line is a bullet that gives a reason, or a label that heads the reasons
    ("Useful for:", "Why:") of the line before it."""
    lines = ctx.doc.lines
    following = plain_typography(lines[number]) if number < len(lines) else ""
    if not following.strip() and number + 1 < len(lines):
        following = plain_typography(lines[number + 1])  # a blank line before a label
        return bool(_REASON_LABEL.match(following))
    if _REASON_LABEL.match(following):
        return True
    return bool(
        following.lstrip().startswith(("-", "*", "  ")) and SCREEN.search(REASONS, following)
    )


# What a product is wanted for, stated as the property the design needs: "etcd has strong
# consistency", "Postgres provides rich queries", "partitions ensure ordered processing",
# "OpenSearch for simplicity", "Vitess for sharding and operational maturity", "a highly
# consistent store (etcd)". A role alone ("Kafka for
# events") names no property.
_PROPERTY = (
    r"(?:strong(?:ly)?[ -]consisten\w*|consisten(?:t|cy)|linearizab\w*|serializab\w*|durab\w*"
    r"|ordered|ordering|atomic\w*|acid\b|transactions?|transactional|cheap\w*|low[ -]latency"
    r"|latency|sub-?millisecond|high[ -]throughput|throughput|replay\w*|exactly[ -]once"
    r"|watch(?:es)?\b|watch semantics|simplicity|maturity|mature|rich quer\w*|ad-?hoc quer\w*"
    r"|secondary index\w*|elasticity|fault[ -]toleran\w*|high availability|lower cost)"
)
_STATES_NEED = re.compile(
    rf"\b(?:has|have|gives?|offers?|provides?|guarantees?|ensures?|supports?|brings?|keeps?)"
    rf"\b[^.;:]{{0,30}}?\b{_PROPERTY}"
    rf"|\bfor (?:its |their |the )?(?:[\w-]+,? (?:and |& )?){{0,2}}{_PROPERTY}"
    r"|\b(?:useful|good|ideal|well[ -]suited|suited|optimi[sz]ed|built) for\b"
    r"|\b(?:good|better|best|natural|right) fit\b"
    r"|\b(?:cost|latency|throughput|durability|availability)"
    r" (?:optimi[sz]ation|savings?|reduction)",
    re.I,
)
SCREEN.add(_STATES_NEED)  # skipped on text without its words
# "a highly consistent store (etcd/ZooKeeper)": the property, then the product in brackets.
_PROPERTY_BEFORE_BRACKET = re.compile(
    r"\b(?:highly |strongly )?(?:consistent|linearizable|durable|ordered|cheap|replicated"
    r"|low-latency|transactional|fault-tolerant)\b[\w\s-]{0,30}\(([^)]*)\)",
    re.I,
)
_REASON_LABEL = re.compile(
    r"^\s*(?:[-*]\s*)?(?:\*\*)?(?:why|reasons?|rationale|justification|pros|benefits?"
    r"|advantages?|useful for|good for|wins?)\s*(?:\*\*)?\s*:",
    re.I,
)
# A label that heads candidates, not a choice: "Good fits:", "Options:", "Alternatives:".
_CANDIDATES_LABEL = re.compile(
    r"^(?:good fits?|fits|options?|candidates?|alternatives?(?: considered)?|choices"
    r"|examples?|possible (?:choices|options|stores)|other options|could use)\b",
    re.I,
)
# "This is best served by a distributed KV store, e.g.:" over a list of stores.
_EXAMPLES_FOLLOW = re.compile(
    r"(?:\be\.\s?g\.?|\bfor (?:example|instance)|\bsuch as)\s*:\s*$", re.I
)
# Before a product, within its clause: an example ("e.g. RocksDB", "such as S3 or GCS") or
# a rejected alternative ("instead of Memcached", "Postgres over Cassandra").
_EXAMPLE_LEAD = re.compile(
    r"(?:\be\.\s?g\.?|\bi\.\s?e\.|\bfor (?:example|instance)|\bsuch as|\blike)[\s,:]*"
    r"(?:[\w.+-]+(?:\s*,\s*|\s+or\s+|\s+and\s+|\s*/\s*|\s+)){0,6}$",
    re.I,
)
# "(Cassandra – high write throughput, partitioned by user_id)": the product, a dash, and
# the property it is there for.
_PROPERTY_AFTER_DASH = re.compile(rf"([\w.+]+)\**\s+[–—-]\s+(?:\w+\s+){{0,2}}{_PROPERTY}", re.I)
# "Redis (or DynamoDB atomic counters)": the bracket names an alternative, not the choice.
_ALTERNATIVE_LEAD = re.compile(
    r"^\s*(?:or|alternatively)(?:\s+(?:in|on|with|use|a|an|the))?\s+$", re.I
)
# "MySQL (strong consistency)": the product, then in brackets the property it is there for.
_PROPERTY_AFTER_BRACKET = re.compile(
    r"([\w.+-]+)\s*\((?:strong |high |low |exactly-once |ordered )?(?:consistency|durability"
    r"|ordering|throughput|latency|acid|transactions?|availability|atomic\w*)\b[^)]*\)",
    re.I,
)
# Searched in each claim that names a product: the screen skips the claims holding none
# of the property words each needs (their text was screened when the claims were read).
SCREEN.add(_PROPERTY_BEFORE_BRACKET, _PROPERTY_AFTER_DASH, _PROPERTY_AFTER_BRACKET)
_REJECTED_LEAD = re.compile(
    r"\b(?:instead of|rather than|over|vs\.?|versus|unlike|compared (?:to|with)|than|not"
    r"|no|without|replac\w+)[\s*]*$",
    re.I,
)
# After it: "Snowflake-like ID", "S3-compatible API" name a kind of thing, not the product.
_KIND_SUFFIX = re.compile(r"^-(?:like|style|compatible|esque|inspired)\b", re.I)
# After "A / B": the pair names a kind the design chose, by its examples ("Snowflake/BigQuery
# equivalent", "Kafka/Kinesis-style log", "S3/GCS or similar").
_KIND_AFTER = re.compile(
    r"\s*(?:-\s*(?:like|style|compatible|esque|inspired)\b"
    r"|(?:equivalents?|or (?:similar|equivalent)|(?:or )?the like|alike)\b)",
    re.I,
)
# Table columns whose cells are options weighed or rejected, not the one chosen.
_NOT_CHOSEN_COLUMN = re.compile(
    r"\b(?:alternatives?|rejected|instead|vs|option [a-z1-9]|options?|considered|rather than"
    r"|why not|not chosen)\b",
    re.I,
)


# Table columns of the systems a design connects to ("Connector", "Source"): what exists
# already, as a product in the requirements is, not a choice the design makes.
_GIVEN_COLUMN = re.compile(
    r"\s*(?:source systems?|(?:data |document )?sources?|connectors?|integrations?"
    r"|upstream systems?)\s*$",
    re.I,
)


def _given_in_row(text: str, header: list[str] | None) -> set[str]:
    """Products a table row names in a column of given systems: the row's other cells speak
    of the same system ("S3 | S3 Event Notifications -> SQS")."""
    if not header or not any(_GIVEN_COLUMN.match(name) for name in header):
        return set()
    cells = _cells(text)
    return {
        product_key(m.group(0))
        for i, name in enumerate(header)
        if i < len(cells) and _GIVEN_COLUMN.match(name)
        for m in brands_in(cells[i])
    }


def _prompt_products(ctx: ReviewContext) -> set[str]:
    """Products named by the prompt: its title and text, or the prompt restated at the top."""
    texts = [c.text for c in ctx.claims[:3] if restates_prompt(c)]
    if ctx.problem is not None:
        texts += [ctx.problem.title, ctx.problem.prompt, *ctx.problem.aliases]
    return {product_key(m.group(0)) for text in texts for m in brands_in(text)}


def _reasoned_and_candidates(ctx: ReviewContext) -> tuple[set[str], dict[int, set[str]]]:
    """Products a claim gives a reason for (a reason clause, a Why/Reason/Justification
    column, a property the design needs), and per line the products listed under a label
    that heads candidates ("Good fits:")."""
    reasoned: set[str] = set()
    candidates: dict[int, set[str]] = {}
    examples = False  # the list under "..., e.g.:" holds examples
    for claim in ctx.claims:
        if claim.kind not in (SENTENCE, ITEM, ROW):
            continue
        if claim.kind != ITEM:
            examples = claim.kind == SENTENCE and _ends_with_examples(claim.text)
        found = brands_in(claim.text)
        if not found:
            continue
        names = {
            product_key(m.group(0))
            for m in found
            if not _not_chosen(claim.text, m, None, moved=True)
        }
        if _gives_reason(claim) or SCREEN.search(_STATES_NEED, claim.text):
            reasoned |= names
        if _WHY_HEADING.match(claim.heading):  # the items under "Why Kafka?" are its reasons
            reasoned |= {product_key(m.group(0)) for m in brands_in(claim.heading)}
        for bracket in SCREEN.finditer(_PROPERTY_BEFORE_BRACKET, claim.text):
            reasoned |= {product_key(m.group(0)) for m in brands_in(bracket.group(1))}
        for dash in SCREEN.finditer(_PROPERTY_AFTER_DASH, claim.text):
            reasoned |= {product_key(m.group(0)) for m in brands_in(dash.group(1))}
        for bracket in SCREEN.finditer(_PROPERTY_AFTER_BRACKET, claim.text):
            reasoned |= {product_key(m.group(0)) for m in brands_in(bracket.group(1))}
        if claim.kind == ITEM and (
            examples or _CANDIDATES_LABEL.match(claim.heading.strip()) or _lists_options(claim)
        ):
            candidates.setdefault(claim.line, set()).update(names)
    return reasoned, candidates


def _lists_options(claim: Claim) -> bool:
    """A claim that opens with a label heading candidates ("Options: Pinecone (managed),
    pgvector, Qdrant"), as a heading so named heads the list under it."""
    text = claim.text.lstrip(" *_")
    found = _CANDIDATES_LABEL.match(text)
    return found is not None and text[found.end() :].lstrip(" *_").startswith(":")


def _ends_with_examples(text: str) -> bool:
    """`_EXAMPLES_FOLLOW`, whose every match ends the text with ":" (and white space): most
    sentences do not, and need not be searched at every position."""
    return text.rstrip().endswith(":") and _EXAMPLES_FOLLOW.search(text) is not None


def _gives_reason(claim: Claim) -> bool:
    """A reason for what the claim names: a reason clause in it, a Why/Reason column of its
    table row, or a bare "Why:" / "Pros:" label over it. The items under "Why transactional
    outbox?" are reasons for the outbox, not for a product they name."""
    if claim.kind == ROW:
        return claim.features.reason
    if SCREEN.search(REASONS, claim.text):
        return True
    return bool(_BARE_REASON_LABEL.fullmatch(claim.heading.strip()))


_BARE_REASON_LABEL = re.compile(
    r"(?:why|reasons?|rationale|justification|pros|benefits?|advantages?|useful for|good for"
    r"|why (?:this|it) (?:works|wins))\W*",
    re.I,
)
_WHY_HEADING = re.compile(r"\W*why\b", re.I)


def _table_headers(ctx: ReviewContext) -> dict[int, list[str]]:
    """For each table body line, its header's cells."""
    headers: dict[int, list[str]] = {}
    header: list[str] | None = None
    previous = 0
    for number, text in ctx.prose:
        stripped = text.strip()
        if not stripped.startswith("|"):
            header = None
            continue
        if header is None or previous != number - 1:
            header = _cells(stripped)
        elif not _RULE_ROW.fullmatch(stripped):
            headers[number] = header
        previous = number
    return headers


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


_WINDOW = 120
# Just before a pair of products: they are what was ruled out ("Why not only MySQL/Postgres?",
# "instead of Kafka/Pulsar").
_REJECTED_BEFORE = re.compile(
    r"\b(?:why not|instead of|rather than|not|vs\.?|versus|over)"
    r"(?:\s+(?:only|just|use|using|a|an|the|plain))*\s*$",
    re.I,
)
# The option beside a product, without a kind suffix ("Kafka or Kinesis-like").
_OPTION_BEFORE = re.compile(r"([\w.+]+)(?:-[\w.+-]*)?\s*(?:/|\bor\b)\s*$", re.I)
_OPTION_AFTER = re.compile(r"\s*(?:/|\bor\b)\s*([\w.+]+)", re.I)
# "OLAP (ClickHouse, Druid, Pinot, BigQuery)": brackets listing several products name the
# kind of store chosen by its examples.
_BRACKET = re.compile(r"\(([^()]{0,160})\)")
_BRACKET_EXAMPLES = 3
# A break matches its mark first and then looks behind it for "e.g" or "i.e": the plain
# form, "(?<!\be\.g)(?<!\bi\.e)[.;!?]\s", tried both lookbehinds at every character of the
# text before finding that most are no mark (five times slower; tests/test_pattern_forms.py
# keeps the two forms equal).
_CLAUSE_BREAK = re.compile(r"[.;!?](?<!\be\.g[.;!?])(?<!\bi\.e[.;!?])\s|[:()\[\]|]")


_EMPHASIS = re.compile(r"[*`]+")
_USERS_CHOOSE = re.compile(
    r"\b(?:customers?|users?|clients?|tenants?|callers?|operators?)\s+(?:can\s+|may\s+)?"
    r"(?:configure|choose|pick|select|bring|register|plug in|connect)\b",
    re.I,
)
_SENTENCE_BREAK = re.compile(r"[.;!?](?<!\be\.g[.;!?])(?<!\bi\.e[.;!?])\s")  # as above
_LINK_TARGET = re.compile(r"^\]\([^)\s]*\)")


def _option_before(before: str) -> re.Match[str] | None:
    """`_OPTION_BEFORE.search(before)`: its every match ends the text with "/" or "or"
    (white space aside), which most text before a product does not; there the pattern
    would try each word of the 120 characters before it."""
    end = before.rstrip()
    if not (end.endswith("/") or end[-2:].lower() == "or"):
        return None
    return _OPTION_BEFORE.search(before)


def _inside_url(text: str, start: int) -> bool:
    """Whether the word at `start` is part of a web address ("https://neo4j.com/")."""
    opening = max(text.rfind(" ", 0, start), text.rfind("(", 0, start), text.rfind("<", 0, start))
    return "://" in text[opening + 1 : start] or text.startswith("www.", opening + 1)


def _not_chosen(
    text: str, match: re.Match[str], header: list[str] | None, *, moved: bool = False
) -> bool:
    """Whether a product on a line is named as an example, a kind ("Snowflake-like"), a
    rejected alternative, or in a table column of options rather than the one chosen; with
    `moved`, also as what data moves away from ("from ClickHouse to S3")."""
    if _inside_url(text, match.start()):
        return True  # "https://neo4j.com/" links to a product; the link's words name it
    # The clause around a product is short: reading only a window keeps a 2 MB line linear.
    window = max(0, match.start() - _WINDOW)
    # Emphasis is no word: "**Pinecone** / **Weaviate**" is "Pinecone / Weaviate".
    before = _EMPHASIS.sub("", text[window : match.start()])
    clause = _CLAUSE_BREAK.split(before)[-1]
    after = _EMPHASIS.sub("", text[match.end() : match.end() + _WINDOW])
    # A product written as a Markdown link ("such as [Neo4j](https://neo4j.com/)") reads as
    # its words: the link's brackets are no clause break, its target no word after it.
    if before.endswith("[") and after.startswith("]("):
        before = before[:-1]
        clause = _CLAUSE_BREAK.split(before)[-1]
        after = _LINK_TARGET.sub("", after, count=1)
    if _EXAMPLE_LEAD.search(clause) or _REJECTED_LEAD.search(clause):
        return True
    # "Customers configure destinations: SNS topic, SQS queue, Lambda": what the design's
    # users pick among, not what the design chose.
    if _USERS_CHOOSE.search(_SENTENCE_BREAK.split(before)[-1]):
        return True
    for bracket in _BRACKET.finditer(text, window, match.end() + _WINDOW):
        if bracket.start() < match.start() < bracket.end():
            if len(brands_in(bracket.group(1))) >= _BRACKET_EXAMPLES:
                return True
            break
    if _ALTERNATIVE_LEAD.match(clause) and text[max(0, match.start() - len(clause) - 1)] == "(":
        return True
    if moved and _FROM_AT_END.search(clause) and _TO_WORD.search(after):
        return True
    if _KIND_SUFFIX.match(after):
        return True
    # "Kafka / Pulsar", "Spanner or CockroachDB": a choice left open (TRD107's finding).
    left, right = _option_before(before), _OPTION_AFTER.match(after)
    if (left and left.group(1).lower() in BRANDS) or (right and right.group(1).lower() in BRANDS):
        return True
    if header is not None:
        column = text[: match.start()].strip().lstrip("|").count("|")
        name = header[column] if column < len(header) else ""
        if _NOT_CHOSEN_COLUMN.search(name) or _GIVEN_COLUMN.match(name):
            return True
    return False


@register
class NoReasonedDecisions(Rule):
    id = "TRD103"
    dimension = "tradeoffs"
    kind = "no-tradeoffs"
    severity = "error"
    message = "No decision comes with its reason or its cost"
    rationale = (
        "Trade-offs are the signal that separates senior candidates: what you chose, why it"
        " wins here and what it costs. A design with no reasons cannot show judgement."
    )
    example = "We use a NoSQL database and a cache."
    fix = "For the 2-3 biggest choices, write 'X over Y because ..., at the cost of ...'."

    caps = {"tradeoffs": 1.5}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        # A reason given inline ("short_code is the primary key, so the index is the table")
        # is a reasoned decision as much as one in a "Trade-offs" section.
        # A decision weighed against what it rejects and what it costs ("Fixed-size vs.
        # semantic: ... but is slower. We choose recursive split") is one with its cost,
        # which the message counts as much as one with its "because".
        reasoned = [c for c in ctx.claims if specifies(c, "decision-rationale") or _weighed(c)]
        if len(reasoned) >= 2:
            return
        if reasoned:
            # One reasoned decision is not none: saying "no decision comes with its reason"
            # beside "providers fail, so retry with backoff" would be false.
            yield self.finding(
                f"Only one decision comes with its reason or its cost (line {reasoned[0].line});"
                " the other choices are stated without either"
            )
            return
        yield self.finding()


def _weighed(claim: Claim) -> bool:
    """Whether a claim decides, names what it rejects and says in its own words what a
    choice costs: an item under a "Trade-offs" heading reads as a cost whatever it says,
    and "combine both rather than choosing one" there names no cost."""
    f = claim.features
    return f.decision and f.alternative and f.cost and not f.hedge and bool(COST.search(claim.text))


@register
class SlashChoice(Rule):
    id = "TRD107"
    dimension = "tradeoffs"
    kind = "options-without-decision"
    severity = "warning"
    message = "Two products are written as one choice (A / B): the decision is left open"
    rationale = (
        '"Cassandra / DynamoDB" as the store reads as a decision but makes none: the two'
        " differ in cost, consistency and operations, and the interviewer will ask which one"
        " and why."
    )
    example = "Data store: Cassandra / DynamoDB, keyed by short code."
    fix = "Pick one of the products for the requirements you stated and say why it wins here."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        claims = ctx.claims
        reported = 0
        seen: set[tuple[int, str]] = set()
        pairs: set[frozenset[str]] = set()
        for index, claim in enumerate(claims):
            if claim.features.alternative:
                continue  # a comparison ("Redis / Memcached: we pick Redis because ...")
            if "/" not in claim.text:
                continue  # every match holds one; the pattern would try each word
            for match in _SLASHED.finditer(claim.text):
                names = [n.lower() for n in re.split(r"\s*/\s*", match.group(0))]
                if len(set(names)) < 2 or not all(n in BRANDS for n in names):
                    continue
                if not _same_kind(ctx, names):
                    continue  # "Prometheus/Grafana", "ZooKeeper/Kafka": parts that work together
                if _picked_later(claim, claims[index + 1 :], set(names)):
                    continue
                if _REJECTED_BEFORE.search(claim.text, 0, match.start()):
                    continue  # "Why not only MySQL/Postgres?": both rejected, nothing open
                if _KIND_AFTER.match(claim.text, match.end()):
                    continue  # "a data warehouse (Snowflake/BigQuery equivalent)": a kind
                # An edge's claim carries its nodes' labels; the choice is reported where it
                # is written (the node's line), once.
                if match.group(0) not in ctx.doc.line(claim.line):
                    continue
                # One open choice is one finding: "Spanner/CockroachDB" on one line and
                # "until CockroachDB/Spanner is adopted" on the next leave the same choice.
                pair = frozenset(names)
                if (claim.line, match.group(0)) in seen or pair in pairs:
                    continue
                seen.add((claim.line, match.group(0)))
                pairs.add(pair)
                yield self.finding(
                    f"{match.group(0)} leaves the choice open",
                    ctx.line_evidence(claim.line, match.group(0)),
                )
                reported += 1
                break
            if reported >= 3:
                return


_CHOICE_CELL = re.compile(
    r"(?:^|\.\s)(?:choice|chosen|decision|selected|our choice|pick|approach)\s*:", re.I
)
_SLASHED = re.compile(r"\b[A-Za-z][\w.+-]*(?:\s*/\s*[A-Za-z][\w.+-]*)+")


def _same_kind(ctx: ReviewContext, names: list[str]) -> bool:
    """Whether the products are alternatives: each is a component of one common kind
    (two CDNs, two wide-column stores), not parts of one stack."""
    concepts = ctx.vocabulary.concepts
    kinds = [
        {c.id for c in concepts.values() if c.category == "component" and name in c.terms}
        for name in names
    ]
    return bool(set.intersection(*kinds)) if all(kinds) else False


def _picked_later(open_claim: Claim, claims: list[Claim], names: set[str]) -> bool:
    """A later claim that decides on one of the products alone settles the choice. It must
    pick it ("Decision: Qdrant.", not "Alternative: Cassandra only") and decide it for the
    same purpose: see `decides_after` ("We will use etcd for this." in a closing section of
    loose remarks picks nothing the "ZooKeeper/etcd" line left open)."""
    for claim in claims:
        f = claim.features
        if not (f.decision or f.reason or f.alternative):
            continue
        # "Decision: Qdrant." names Qdrant: the full stop ends the sentence, not the name.
        words = re.findall(r"[a-z][\w.+-]*", claim.text.lower())
        named = {w.rstrip(".") for w in words if w.rstrip(".") in names}
        if len(named) != 1:
            continue
        # Without a decision's words, a reason or an alternative argues for the product only
        # when the product is what the sentence is about: "Cassandra's LSM-tree fits better
        # than sharded SQL" does, "needs a distributed lock (e.g. DynamoDB)" does not.
        if not f.decision and not set(named) & {w.split("'")[0] for w in words[:3]}:
            continue
        if not _picked_in(claim.text, named.pop()):
            continue  # named only as the alternative set aside
        if decides_after(open_claim, claim):
            return True
    return False


# A label or a cell that sets its option aside: "Alternative: Cassandra only", "vs Bigtable".
_SET_ASIDE = re.compile(
    r"(?:^|[.;|]\s*)[^.;:|]{0,40}\b(?:alternatives?|rejected|opposite|instead|considered"
    r"|why not|not chosen|rather than|over|vs\.?|versus)\b[^.;|]{0,40}$",
    re.I,
)
# A claim that says it is the decision: "Decision: Qdrant.", "Choice: Managed (Pinecone)".
_DECIDED_LABEL = re.compile(
    r"\b(?:decisions?|choices?|chosen|chose|picked|we pick|we choose|go(?:ing)? with"
    r"|settled? on|opted? for|selected|what we did|recommendation)\b",
    re.I,
)


def _picked_in(text: str, name: str) -> bool:
    """Whether some place `text` names the product picks it rather than setting it aside."""
    lowered = text.lower()
    at = lowered.find(name)
    while at >= 0:
        if _SET_ASIDE.search(lowered[:at]) is None:
            return True
        at = lowered.find(name, at + len(name))
    return False


def decides_after(open_claim: Claim, later: Claim) -> bool:
    """Whether `later`, which names one of the options `open_claim` left open, decides
    among them: it gives the decision a reason, an alternative or a cost, says it is the
    decision, or stands in the same section as the open choice. "We will use Redis for
    this." in another part of the text (after "rate limiting plays a key role here")
    decides Redis for something, not the cache the open line was about."""
    f = later.features
    if f.reason or f.alternative or f.cost:
        return True
    if _DECIDED_LABEL.search(later.text):
        return True
    return bool(later.headings) and later.headings == open_claim.headings


@register
class HedgedDecision(Rule):
    id = "TRD106"
    dimension = "tradeoffs"
    kind = "hedge"
    severity = "warning"
    message = "A choice is left open: the text defers it instead of deciding"
    rationale = (
        '"It depends on the use case", "any of them would work" or "TBD" tells the'
        " interviewer the decision was avoided. They grade the call you make for the stated"
        " requirements, and what it costs."
    )
    example = "For the queue, any of Kafka, RabbitMQ or SQS would work; the team can pick later."
    fix = "Decide for the requirements you stated, say why it wins here, and what you give up."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        claims = ctx.claims
        reported: set[int] = set()  # one deferral per line: "X or Y would work; pick later"
        for index, claim in enumerate(claims):
            if not claim.features.hedge or claim.text.rstrip().endswith("?"):
                continue
            if claim.line in reported:
                continue
            # What was left open is the things it names (stores, products, techniques), not
            # every concept in its words: "once the requirements are clear" shares a concept
            # with any later line, and such a line decides nothing about the analytics store.
            # A line of code or a diagram node that happens to use one option ("# Envoy
            # sidecar uses the RLS") is not the decision the text put off.
            options = claim.features.choices | claim.features.options
            if options and any(
                later.features.decision and not later.features.hedge
                and later.kind in (SENTENCE, ITEM, ROW)
                and options & later.features.concepts
                and decides_after(claim, later)
                for later in claims[index + 1 :]
            ):  # fmt: skip
                continue  # decided further on among the same options
            reported.add(claim.line)
            # a row reads with its column names ("Decision: Storage. Choice: TBD."), not pipes
            shown = claim.text if claim.kind == ROW else claim.quote
            yield self.finding(
                f"Left open: {shown[:100]}", ctx.line_evidence(claim.line, claim.quote)
            )


@register
class MissingKeyTradeoff(Rule):
    id = "TRD104"
    dimension = "tradeoffs"
    kind = "missing-tradeoff"
    severity = "warning"
    message = "A key trade-off of this prompt is not discussed"
    rationale = (
        "Each prompt has a decision interviewers wait for (fan-out on write or read, 301 or 302,"
        " CRDT or OT); not discussing it misses the heart of the problem."
    )
    example = "(for a news feed) no discussion of fan-out on write versus on read"
    fix = "Discuss the trade-off named in the finding: the options, and when each one wins."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        if ctx.problem is None:
            return
        text = "\n".join(t.lower() for _, t in ctx.lines)
        for tradeoff in ctx.problem.tradeoffs[:3]:
            named = sum(1 for o in tradeoff.options if names_option(o.name, text))
            concepts = [c for c in tradeoff.concepts if ctx.mentions.strength(c) >= 0.5]
            if named >= 2 or (named >= 1 and concepts):
                continue
            if _decided_on_its_ground(ctx, tradeoff.concepts):
                continue
            if _weighed_on_its_ground(ctx, tradeoff.concepts):
                continue
            # A design that touches the question ("App servers lease id blocks from ZooKeeper"
            # answers how codes are made) has not left it unsaid: "Not discussed" beside that
            # line would be false. What is missing is the weighing. Same rule, same weight.
            chosen = _touched_outside_headings(ctx, tradeoff.concepts)
            if chosen is not None:
                yield self.finding(
                    f"Not weighed: {tradeoff.question} Line {chosen.line} touches on it, but"
                    " no option is weighed against another",
                    ctx.evidence(chosen),
                )
                continue
            yield self.finding(f"Not discussed: {tradeoff.question}")


def _touched_outside_headings(ctx: ReviewContext, concepts: list[str]) -> Mention | None:
    """The first line, not a heading, that names one of a trade-off's concepts and means it.
    A title ("# File sync") names the topic, not a way of doing it."""
    headings = {n for n, text in ctx.lines if text.lstrip().startswith("#")}
    found = [m for c in concepts for m in ctx.mentions.positive(c) if m.line not in headings]
    return min(found, key=lambda m: m.line) if found else None


def _weighed_on_its_ground(ctx: ReviewContext, concepts: list[str]) -> bool:
    """A claim that weighs the trade-off in its own words: it names one of its concepts,
    chosen or rejected, with the alternative it turned down and a reason or a cost. "Last
    writer wins per cell instead of a CRDT per cell: edits rarely collide; the downside is
    that one of two concurrent edits is lost" discusses how concurrent edits converge,
    though it names neither option as the catalog words it."""
    wanted = set(concepts)
    return any(
        c.features.alternative
        and (c.features.reason or c.features.cost)
        and wanted & (c.features.concepts | c.features.options | c.features.negated)
        for c in ctx.claims
    )


def _decided_on_its_ground(ctx: ReviewContext, concepts: list[str]) -> bool:
    """A line that decides the trade-off in words other than its options' names, with a
    reason, naming two of its concepts: "findSpot and marking it occupied happen under a
    per-level lock, so only one wins" (locking and thread safety) discusses how concurrent
    access to spots is controlled. One concept alone ("queue-driven so producers never
    wait") is a decision elsewhere that shares a word with it."""
    lines: dict[int, set[str]] = {}
    for concept in concepts:
        for mention in ctx.mentions.get(concept):
            if mention.status == POSITIVE and mention.reasoned:
                lines.setdefault(mention.line, set()).add(concept)
    return any(len(named) >= 2 for named in lines.values())


@register
class DeepInheritance(Rule):
    id = "TRD105"
    dimension = "tradeoffs"
    kind = "inheritance-over-composition"
    severity = "warning"
    message = "Behaviour is varied through a deep inheritance chain instead of composition"
    rationale = (
        "Three or more levels of subclassing couple every variant to its parents; strategies"
        " composed in are easier to extend and test, and interviewers ask why you chose either."
    )
    example = "Vehicle <|-- Car <|-- ElectricCar <|-- ElectricSUV"
    fix = "Compose the behaviour that varies as a strategy object the class holds, not a subclass."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        for diagram in ctx.diagrams:
            if diagram.kind != "class":
                continue
            parent = {
                e.source: e.target for e in diagram.edges if e.label.startswith(_OOD_INHERITS)
            }
            for child in parent:
                depth, node, seen = 0, child, set()
                while node in parent and node not in seen:
                    seen.add(node)
                    node = parent[node]
                    depth += 1
                if depth >= 3:
                    start = diagram.nodes[child]
                    yield self.finding(
                        f"{child} is {depth} levels below {node}",
                        ctx.line_evidence(start.line, child)
                        if start.line
                        else Evidence(None, None),
                        fix=f"Compose what varies between {node} and {child} as a strategy object"
                        f" {node} holds, instead of another level of subclass.",
                    )
                    return


# A decision table: a column holding what was chosen and one holding what it beat.
_CHOSEN_COLUMN = re.compile(
    r"^\W*(?:choice(?: made)?|chosen(?: approach| option)?|decision|selected|our choice"
    r"|pick(?:ed)?|approach(?: chosen)?|we chose|selection)\W*$",
    re.I,
)
_BEATEN_COLUMN = re.compile(
    r"\b(?:alternatives?|rejected|instead|vs\.?|rather than|why not|not chosen"
    r"|options? considered|considered)\b",
    re.I,
)
_WHY_COLUMN = re.compile(
    r"^\W*(?:why(?: chosen| this| it wins)?\??|rationale|reasons?(?: chosen)?|reasoning"
    r"|justification|because)\W*$",
    re.I,
)
_ARGUING_COLUMN = re.compile(
    r"\b(?:trade-?offs?|reason\w*|why|pros|cons|rationale|costs?|notes?|weighed)\b", re.I
)
_BLANK_CELL = re.compile(r"[\s*_`\-–—]*(?:n/?a|tbd|\?)?[\s*_`\-–—]*", re.I)


@register
class UnreasonedDecisionTable(Rule):
    id = "TRD108"
    dimension = "tradeoffs"
    kind = "decision-table-without-reasons"
    severity = "warning"
    message = "A decision table lists choices and alternatives but not why each choice wins"
    rationale = (
        "A table of 'chosen / alternative' rows looks like weighed trade-offs, but without"
        " the why it only lists names: the interviewer learns what you picked, not whether"
        " you can defend it."
    )
    example = "| Decision | Choice | Alternative |\n| Store | Postgres | Cassandra |"
    fix = "Add the reason each choice wins for this design's requirements, and what it costs."

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        """Each decision table (a chosen column beside an alternative column) whose rows
        mostly give no reason: its why column left blank, or no why column and no reason
        in the row. Reported once per table, at its first row without a reason; the
        products in it are then no first mention for TRD102 to report elsewhere."""
        rows = {c.line: c for c in ctx.claims if c.kind == ROW}
        headers = _table_headers(ctx)
        tables: dict[tuple[str, ...], list[int]] = {}
        for number in sorted(headers):
            header = tuple(headers[number])
            table = tables.setdefault(header, [])
            if table and number - table[-1] > 2:  # the same header further on: a new table
                yield from self._judge(ctx, list(header), table, rows)
                table.clear()
            table.append(number)
        for header, table in tables.items():
            yield from self._judge(ctx, list(header), table, rows)

    def _judge(
        self, ctx: ReviewContext, header: list[str], table: list[int], rows: dict[int, Claim]
    ) -> Iterator[Finding]:
        chosen = {i for i, name in enumerate(header) if _CHOSEN_COLUMN.match(name)}
        beaten = {i for i, name in enumerate(header) if _BEATEN_COLUMN.search(name)} - chosen
        if not chosen or not beaten or len(table) < 2:
            return
        # "Alternatives & trade-offs", "Alternatives weighed & reasoning": the alternative
        # column argues the choice itself.
        if any(_ARGUING_COLUMN.search(header[i]) for i in beaten):
            return
        # Any other column (Rationale, Cost, Latency, Notes) is where a row argues, but the
        # first, which names what is decided ("Area", "Component"); a row is bare when all
        # of them are blank and nothing in it reads as a reason.
        others = [i for i in range(1, len(header)) if i not in chosen | beaten]
        why = next((i for i in others if _WHY_COLUMN.match(header[i])), None)
        bare: list[int] = []
        for number in table:
            cells = _cells(ctx.doc.line(number))
            argued = any(i < len(cells) and not _BLANK_CELL.fullmatch(cells[i]) for i in others)
            if not argued and not (number in rows and rows[number].features.reason):
                bare.append(number)
        if len(bare) * 2 < len(table):
            return
        first = _cells(ctx.doc.line(bare[0]))
        label = first[0].strip(" *_`") if first else ""
        total = len(table)
        count = f"{len(bare)} of its {total}" if len(bare) < total else f"all {total}"
        where = (
            f"the '{header[why]}' column is blank in {count} rows"
            if why is not None
            else f"{count} rows give no reason"
        )
        yield self.finding(
            f"This decision table sets each choice against an alternative, but {where}"
            f" (from '{label}'): it lists choices without arguing them",
            ctx.line_evidence(bare[0], label or None),
        )

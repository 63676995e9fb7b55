"""A design read as claims: sentences, list items, table rows, code lines and diagram parts.

The reviewer and the interviewer judge what a candidate *states*, one claim at a time, so
both need the same cut of the text. Markdown is parsed with markdown-it-py, whose block
tokens keep their source lines, instead of guessing structure from line prefixes: a table
row is a row whatever its cell padding, a fence is a fence however it is indented. Every
claim keeps its 1-based line and a verbatim quote of that line, so evidence can be checked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tradeoff.design.model import DesignDoc
from tradeoff.immutable import immutable_with_memo
from tradeoff.language.features import EMPTY, Features
from tradeoff.language.lexicon import is_reading_list
from tradeoff.language.texmath import plain_math

SENTENCE, ITEM, ROW, CODE, NODE, EDGE = "sentence", "item", "row", "code", "node", "edge"

# A sentence ends at . ! ? followed by a space and not after a common abbreviation or a
# single capital ("e.g.", "vs.", "approx.", "U.S."); a list item also splits at ";". The mark is
# matched first and the abbreviations looked behind it (each lookbehind one character
# longer, ending in the mark): the same matches, but only the few positions that hold a
# mark try the five lookbehinds, where every position of the paragraph did (8x faster).
# A query's placeholder ("WHERE show_id=? AND seat_id IN (...)") ends no sentence: it cut
# "Hold is one UPDATE ... WHERE show_id=?" from the rest of its statement, as the question
# splitter (interview/questions.py) already knew.
_SENTENCE_END = re.compile(
    r"[.!?](?<![ (]e\.g[.!?])(?<![ (]i\.e[.!?])(?<!\bvs[.!?])(?<!\betc[.!?])"
    r"(?<![ (][Aa]pprox[.!?])(?<!\b[A-Z][.!?])(?<![=(,]\?)(?=\s)"
)
_ITEM_BREAK = re.compile(r";\s")
_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_QUOTE_MARKER = re.compile(r"^\s*(?:>\s*)+")
_SPEAKER = re.compile(r"^\s*(?:\*\*)?(candidate|interviewer|me|you|q|a)(?:\*\*)?\s*:\s*", re.I)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_ARITHMETIC = re.compile(r"\d\s*(?:[x×*/+^-]|\bper\b)|[=≈~]\s*\d|\d\s*[=≈]")


def memo_key(name: str) -> str:
    """The attribute under which `Claim.remember` keeps an answer: a caller that asks one
    question of thousands of claims a review reads it from the claim's `__dict__` directly
    (`substance.specified_concepts`, about 4,000 look-ups a review)."""
    return f"_memo_{name}"


@immutable_with_memo  # frozen to the type checker (`tradeoff.immutable`)
class Claim:
    """One statement of the candidate's, with where it stands in the text."""

    line: int  # 1-based line where the claim starts
    quote: str  # a verbatim substring of that line
    text: str  # what is analysed: the whole sentence, or a row with headers on its cells
    kind: str  # sentence, item, row, code, node, edge
    headings: tuple[str, ...] = ()  # heading path, outermost first
    features: Features = field(default=EMPTY, compare=False)

    @property
    def heading(self) -> str:
        return self.headings[-1] if self.headings else ""

    def __hash__(self) -> int:
        """The dataclass's hash of the compared fields, computed once: the reviewer's
        per-claim caches look each claim up once per rubric item and ladder rung."""
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.line, self.quote, self.text, self.kind, self.headings))
            object.__setattr__(self, "_hash", cached)
        return cached

    def remembered(self, name: str) -> object | None:
        """What `remember` kept on this claim under `name`, or None."""
        return self.__dict__.get(memo_key(name))

    def remember(self, name: str, value: object) -> None:
        """Keep an answer worked out from this claim alone (its fields and features) for as
        long as the claim lives: the reviewer asks the same question of a claim once per
        rubric item and ladder rung, and a cache of bounded size shared by all claims
        misses on every claim of a design larger than it. (An attribute of the instance,
        not a dict per claim: a 2 MB design has 80,000 claims.)"""
        object.__setattr__(self, memo_key(name), value)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the cached hash (string hashes differ between processes) and
        without what was remembered (worked out again by the code that asks)."""
        return {
            k: v for k, v in self.__dict__.items() if k != "_hash" and not k.startswith("_memo_")
        }


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Block structure only: claims read each inline token's `content` (its source text),
    never the inline children, whose parsing was nearly half the cost of a long answer."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable(["inline", "text_join"])


def split_design(doc: DesignDoc, skipped: Iterable[int] = ()) -> list[Claim]:
    """Every claim of a parsed design, in line order; lines in `skipped` are not the
    candidate's (interviewer turns, comments, untouched template lines) and give none."""
    skip = set(skipped)
    claims = list(_markdown_claims(doc.lines, skip))
    claims.extend(_diagram_claims(doc, skip))
    claims.sort(key=lambda c: (c.line, c.kind == EDGE))
    return claims


def split_text(text: str, first_line: int = 1) -> list[Claim]:
    """The claims of free text, e.g. a turn spoken in a mock interview."""
    lines = text.splitlines() or [text]
    return [
        Claim(c.line + first_line - 1, c.quote, c.text, c.kind, c.headings)
        for c in _markdown_claims(lines, set())
    ]


# A short paragraph that opens in bold ("**Out of scope**", "__Assumptions:__", "**Scale
# assumptions** (used for capacity planning)") labels the list under it as one ending in
# ":" does.
_BOLD_LEAD = re.compile(r"(\*\*|__)[^*_\n]{1,60}\1")


# A one-sentence paragraph that says it assumes ("Assume the system is built for a
# medium-to-large enterprise.", "Let's assume a read-heavy workload.") over a list: the
# items are what it assumes ("User base: 10,000 employees"), as under "Assumptions:",
# whatever its length or closing stop. ("Assuming a 90% hit ratio, the database sees:" and
# "Suppose a celebrity posts:" head what follows from them, not what is assumed.)
_ASSUMING = re.compile(r"^(?:(?:we|i|let's|lets|let us)\s+)?assume\b[^.!?]*[.:]?$", re.I)


def _assumes(paragraph: str) -> bool:
    """Whether a paragraph is one sentence that says it assumes what follows."""
    return _ASSUMING.match(paragraph.strip()) is not None


_TABLE_LABEL = -1  # the depth a label over a table is kept at, apart from any list's

# A list that is the document's own outline ("The design is broken into:" over "1.
# **Functional requirements** (what the service must do)", "2. **Capacity planning &
# math**"): each item is the title of a section below, with at most a parenthetical or a
# few words after it. It names the sections to come and claims nothing a reader could
# check; its "durability" or "security" is a title, not a statement of them.
_ITEM_TITLE = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:(?:\*\*|__)([^*_]+?)(?:\*\*|__)|([^*_:(–—]+?)(?=\s*(?:$|[(:–—-])))"
)
# Each word ends at a space or the end, so a long word is never split many ways (with the
# space optional, "(?:[^\s]+\s*){1,8}" tried every split of a long item: exponential).
_AFTER_TITLE = re.compile(r"^\s*(?:\([^)]*\)|[–—-]?\s*(?:[^\s:.;]+(?:\s+|$)){1,8})?\s*$")


def _title_words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z]+", text.lower().replace("‑", "-")))[:3]


def _outline_lists(tokens: list[Token]) -> set[int]:
    """The token indexes of the lists whose items are the titles of the document's own
    sections, each alone or with a parenthetical (see `_ITEM_TITLE`)."""
    titles = {
        _title_words(tokens[i + 1].content)[:2]
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    }
    found: set[int] = set()
    for start, token in enumerate(tokens):
        if token.type not in ("bullet_list_open", "ordered_list_open") or token.level != 0:
            continue
        items = []
        for t in itertools.islice(tokens, start + 1, None):
            if t.type in ("bullet_list_close", "ordered_list_close") and t.level == 0:
                break
            if t.type == "inline" and t.level == 3:
                items.append(t.content.strip())
        if len(items) < 3:
            continue
        named = 0
        for item in items:
            match = _ITEM_TITLE.match(item)
            if match is None or not _AFTER_TITLE.match(item[match.end() :]):
                break
            named += _title_words(match.group(1) or match.group(2))[:2] in titles
        else:
            if named * 3 >= len(items) * 2:
                found.add(start)
    return found


def _markdown_claims(lines: list[str], skip: set[int]) -> Iterator[Claim]:
    tokens = _parser().parse("\n".join(lines))
    headings: list[tuple[float, str]] = []
    header: list[str] = []
    in_head = False
    row: list[str] = []
    row_line = 0
    depth = 0  # list nesting
    # A short paragraph ending in ":" right before a list ("Mitigation:", "**On failure:**")
    # heads that list as a sub-heading would: its items are read under it.
    labels: list[tuple[int, str]] = []
    pending = ""
    outline = 0  # the depth of a list that outlines the document's sections, 0 when none
    outlines = _outline_lists(tokens)
    index = 0

    def path() -> tuple[str, ...]:
        return _path(headings) + tuple(label for _, label in labels)

    levels = _heading_levels(tokens)

    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = levels.get(index, int(token.tag[1:]))
            title = tokens[index + 1].content.strip().strip("*_# ")
            headings = [h for h in headings if h[0] < level] + [(level, title)]
            index += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            if index in outlines:
                outline = depth
            if pending:
                labels.append((depth, pending))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            labels = [(d, label) for d, label in labels if d < depth]
            if depth == outline:
                outline = 0
            depth -= 1
        elif kind == "table_open" and pending:
            # "**Scale assumptions:**" over a table heads its rows as it heads a list.
            labels.append((_TABLE_LABEL, pending))
        elif kind == "table_close":
            labels = [(d, label) for d, label in labels if d != _TABLE_LABEL]
        elif kind == "thead_open":
            in_head, header = True, []
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open" and token.map:
            row, row_line = [], token.map[0] + 1
        elif kind == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            row.append(token.content)
        elif kind == "tr_close":
            if in_head:
                header = [_plain(cell) for cell in row]
            elif row_line not in skip and any(row):
                yield from _row_claims(lines, row_line, header, row, path())
        elif kind == "paragraph_open" and token.map:
            start, end = token.map
            if not outline:
                kind_here = ITEM if depth else SENTENCE
                yield from _prose_claims(lines, start, end, skip, kind_here, path())
            label = _plain(tokens[index + 1].content)
            # (or opens with one, as "**Scale assumptions** (used for capacity planning)")
            bold = _BOLD_LEAD.match(tokens[index + 1].content.strip()) is not None
            if ((label.endswith(":") or bold) and len(label.split()) <= 8) or _assumes(label):
                pending = label.rstrip(":").strip()
                index += 3
                continue
        elif (
            kind in ("fence", "code_block")
            and token.map
            and not token.info.strip().lower().startswith("mermaid")
        ):
            yield from _code_claims(lines, token, skip, path())
        pending = ""
        index += 1


_SECTION_NUMBER = re.compile(r"[*_\s]*(\d+)[.)](?:\s|$)")


def _heading_levels(tokens: list[Token]) -> dict[int, float]:
    """Levels for the headings a numbered outline places below their markup's level.

    Some answers number their sections and write every heading at one level: "## 12)
    Ranking strategy", "## Candidate generation", "## 13) Sharding strategy", "## Posts".
    A reader takes "## Posts" as part of section 13, as the numbering says, not as a
    section of its own; so is "## 1. Dual-write inconsistency" under "## 18) Failure
    modes", whose number starts a list inside the section instead of continuing the
    outline. Where three or more headings of a level number an outline 1, 2, 3 ...,
    each other heading of that level between two of them (with no heading of a higher
    level in between) is read half a level deeper. A heading after the last numbered one
    may as well start a part of its own ("## Appendix"), so it keeps its level, as do
    all other headings."""
    at: dict[int, list[tuple[int, int | None]]] = {}  # level -> (token index, number)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            match = _SECTION_NUMBER.match(tokens[index + 1].content)
            number = int(match.group(1)) if match else None
            at.setdefault(int(token.tag[1:]), []).append((index, number))
    levels: dict[int, float] = {}
    for level, found in at.items():
        outline = _outline(found)
        if len(outline) < 3:
            continue
        seen_top, last = False, max(outline)
        for index, _ in found:
            if index in outline:
                seen_top = True
            elif seen_top and index < last and not _higher_between(tokens, outline, index, level):
                levels[index] = level + 0.5
    return levels


def _outline(found: list[tuple[int, int | None]]) -> set[int]:
    """The token indexes of the headings that number an outline 1, 2, 3 ... in order."""
    outline: set[int] = set()
    expected: int | None = None
    for index, number in found:
        if number is None:
            continue
        if (expected is None and number in (0, 1)) or number == expected:
            outline.add(index)
            expected = number + 1
    return outline


def _higher_between(tokens: list[Token], outline: set[int], index: int, level: int) -> bool:
    """Whether a heading of a higher level stands between `index` and the outline heading
    before it: "# Part II" closes the numbered section above it."""
    before = max((i for i in outline if i < index), default=-1)
    return any(
        t.type == "heading_open" and int(t.tag[1:]) < level for t in tokens[before + 1 : index]
    )


def _path(headings: list[tuple[float, str]]) -> tuple[str, ...]:
    return tuple(title for _, title in headings)


# Typographic forms read as the ASCII ones the lexicon's patterns expect: model-written
# answers say "I’d choose" and "auto‑scale" (U+2019, U+2011), which read as "I'd", "auto-scale".
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-",
                              "\u00a0": " ", "\u202f": " "})  # fmt: skip


def plain_typography(text: str) -> str:
    """`text` with curly apostrophes, Unicode hyphens and no-break spaces in ASCII (one
    character for one, so offsets into the text still hold)."""
    # Every character it maps is non-ASCII, and most text has none of them: a few scans in
    # C, where `str.translate` looks each character of a non-ASCII text up in a dict.
    if text.isascii() or not any(char in text for char in _TYPOGRAPHIC_CHARS):
        return text
    return text.translate(_TYPOGRAPHIC)


_TYPOGRAPHIC_CHARS = tuple(map(chr, _TYPOGRAPHIC))


def _plain(text: str) -> str:
    """Inline Markdown reduced to words: emphasis marks and link targets dropped, TeX
    formulas read as the arithmetic they write."""
    text = plain_math(text)
    if "](" in text:  # every link holds it; most text has none
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _BREAK.sub("; ", text)
    return plain_typography(text.replace("**", "").replace("__", "").strip())


_BREAK = re.compile(r"<br\s*/?>", re.I)


def _row_claims(
    lines: list[str], line: int, header: list[str], cells: list[str], headings: tuple[str, ...]
) -> Iterator[Claim]:
    """A table row, each cell prefixed by its column header so "Alternative: Memcached" or
    "Why: reads dominate" reads as what the column means. A cell broken by `<br>` into
    several statements ("1. Shorten a URL<br>2. Redirect") gives one claim per statement,
    each with the row's first cell as its label."""
    quote = lines[line - 1].strip()
    split = [i for i, cell in enumerate(cells) if _BREAK.search(cell)]
    if not split:
        yield Claim(line, quote, _row_text(header, [_plain(c) for c in cells]), ROW, headings)
        return
    # The label keeps its column's name, as an unbroken row's first cell does ("Strategy:
    # Fan-out on write"): the table's first column says what its rows are.
    label = _row_text(header[:1], [_plain(cells[0])]) if split[0] != 0 else ""
    for position in split:
        name = header[position] if position < len(header) else ""
        for part in _BREAK.split(cells[position]):
            text = _plain(part)
            if _ALNUM.search(text):
                prefix = ". ".join(p for p in (label, name) if p)
                yield Claim(line, quote, f"{prefix}: {text}" if prefix else text, ROW, headings)
    # The cells with no break are read too, together and under the row's label: a row
    # whose Pros cell is broken in two still states its Cons and its Description.
    rest = [i for i in range(len(cells)) if i not in split and not (label and i == 0)]
    names = [header[i] if i < len(header) else "" for i in rest]
    text = _row_text(names, [_plain(cells[i]) for i in rest])
    if _ALNUM.search(text):
        yield Claim(line, quote, f"{label}. {text}" if label else text, ROW, headings)


# A cell that is only an HTTP method, and a path in the cell after it: a table of routes.
_METHOD_CELL = re.compile(r"`?(GET|POST|PUT|PATCH|DELETE|HEAD)`?")


def _row_text(header: list[str], cells: list[str]) -> str:
    parts = []
    for position, cell in enumerate(cells):
        name = header[position] if position < len(header) else ""
        # "| POST | /v1/query |" writes the endpoint "POST /v1/query" across two cells: the
        # path's cell is read with its method, as a reader reads the row.
        if position and cell.lstrip("`").startswith("/"):
            method = _METHOD_CELL.fullmatch(cells[position - 1].strip())
            if method is not None:
                cell = f"{method.group(1)} {cell.replace('`', '')}"
        if cell:
            parts.append(f"{name}: {cell}" if name else cell)
    return ". ".join(parts)


def _prose_claims(
    lines: list[str], start: int, end: int, skip: set[int], kind: str, headings: tuple[str, ...]
) -> Iterator[Claim]:
    """Sentences of a paragraph (or list item) that may wrap over several lines; each
    claim starts on the line of its first word and quotes its part of that line."""
    spans: list[tuple[int, int, int]] = []  # (line number, offset in joined text, raw start)
    joined = ""
    # Where a line ends in a hard break (two spaces or a backslash): "> **Audience:** ...  "
    # over "> **Scope:** ...  " are lines of their own, as they are rendered.
    breaks: list[int] = []
    for number in range(start + 1, end + 1):
        if number in skip:
            continue
        raw = lines[number - 1]
        if joined and _breaks_before(lines[spans[-1][0] - 1], raw):
            breaks.append(len(joined))
        marker = _LIST_MARKER.match(raw) or _QUOTE_MARKER.match(raw)
        body_start = marker.end() if marker else len(raw) - len(raw.lstrip())
        speaker = _SPEAKER.match(raw, body_start)
        if speaker:
            body_start = speaker.end()
            if joined and len(joined) not in breaks:
                # Each turn is an utterance of its own: typed without a final period ("the
                # browser calls GET /suggest"), it does not run on into the next turn.
                breaks.append(len(joined))
        if joined:
            joined += " "
        spans.append((number, len(joined), body_start))
        joined += raw[body_start:]
    if not joined.strip():
        return
    breaker = _ITEM_BREAK if kind == ITEM else None
    item_label = ""  # the label an item opens with, kept by the clauses after a ";"
    for begin, finish in _sentences(joined, breaker, breaks):
        text = joined[begin:finish].strip()
        if not _ALNUM.search(text) or is_reading_list(text):
            continue  # "Full course: [Grokking ...](https://...)" claims nothing
        # A sentence starts at its first character, not at the space that joined its line
        # to the one before: else it is placed on, and quoted from, the previous line.
        begin += len(joined[begin:finish]) - len(joined[begin:finish].lstrip())
        at = max(i for i, span in enumerate(spans) if span[1] <= begin)
        number, offset, raw_start = spans[at]
        line_end = spans[at + 1][1] - 1 if at + 1 < len(spans) else len(joined)
        raw = lines[number - 1]
        quote = raw[raw_start + begin - offset : raw_start + min(finish, line_end) - offset]
        plain = _plain(text)
        label = _label(plain) if kind == SENTENCE else ()  # a list item's label is no section
        if kind == ITEM:
            # "Access control: IAM policies, ACLs; signed URLs.": the clause after the ";"
            # is one more of what the label names, and is read under it.
            after_break = joined[:begin].rstrip().endswith(";")
            if item_label and after_break and not _label(plain):
                plain = f"{item_label}: {plain}"
            elif not after_break:
                item_label = next(iter(_label(plain)), "")
        yield Claim(number, quote.strip() or raw.strip(), plain, kind, headings + label)


# A sentence of prose opened by a short label ("Requirements: users post ...", "Out of
# scope: ads") is headed by it as a paragraph under that heading would be: said aloud or
# typed on one line, the label still says what the rest of the sentence is. (A list item's
# "Writes: 100M ..." names a row under its section's heading, not a section of its own.)
_INLINE_LABEL = re.compile(r"^([A-Za-z][A-Za-z -]{1,30}?):\s+\S")


def _label(sentence: str) -> tuple[str, ...]:
    match = _INLINE_LABEL.match(sentence)
    if match is None or len(match.group(1).split()) > 4:
        return ()
    return (match.group(1).strip(),)


_HARD_BREAK = re.compile(r"(?:\S {2,}|\\)$")
# A line that opens an entry of its own: a bullet typed as a character, or a label
# ("**Scope:** ...", "Constraints:").
_OWN_ENTRY = re.compile(r"[•·▪‣◦]|\*\*[^*]{1,40}:\*\*|[A-Z][\w /&-]{1,30}:(?:\s|$)")
# Labels that continue the decision the line before made: its pros, cons and reasons.
_CONTINUES = re.compile(
    r"\W*(?:pros?|cons?|why|reasons?|rationale|trade-?offs?|downsides?|benefits?|cost)\W*:",
    re.I,
)


def _breaks_before(previous: str, raw: str) -> bool:
    """Whether a hard line break ends the line before `raw` as an entry of its own: each
    of "> **Audience:** ...  " / "> **Scope:** ...  " / "> • Low latency (< 700 ms)" is
    one, as rendered. A question is not ended by its answer ("Why 7 characters?  62^6 =
    ..."), nor an option by its pros and cons."""
    if not _HARD_BREAK.search(previous) or previous.rstrip().endswith("?"):
        return False
    body = _QUOTE_MARKER.sub("", raw).lstrip()
    return bool(_OWN_ENTRY.match(body)) and not _CONTINUES.match(body)


# A sentence that opens by pointing back ("This is the hardest part: mapping (bucket, key,
# version) to physical storage locations") after a label defined by a bare noun phrase
# ("Metadata Plane (Control Plane): Strongly consistent object index.") says what that
# labelled part does: the two are read as one claim. Only there: after a sentence of its
# own ("We store video chunks in S3. This is a clear win."), or a figure ("Users: 10M a
# day."), what points back is an opinion or a judgement the reason reading keeps apart.
_REFERS_BACK = re.compile(r"\s*(?:this|it)\s+(?:is|maps|holds|keeps|stores)\b", re.I)
_LABEL_FRAGMENT = re.compile(r"^\W*[^:\d.!?]{1,60}:\W*(?:[^\s\d]+\s+){0,5}[^\s\d]+\.\s*$")


def _sentences(
    text: str, extra: re.Pattern[str] | None, breaks: Iterable[int] = ()
) -> Iterator[tuple[int, int]]:
    begin = 0
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    if extra is not None:
        cuts += [m.start() + 1 for m in extra.finditer(text)]
    cuts += list(breaks)
    for cut in sorted(set(cuts)):
        if (
            cut not in breaks
            and _REFERS_BACK.match(text, cut)
            and _LABEL_FRAGMENT.match(text[begin:cut])
        ):
            continue
        if cut - begin > 1:
            yield begin, cut
            begin = cut
    if begin < len(text):
        yield begin, len(text)


def _code_claims(
    lines: list[str], token: Token, skip: set[int], headings: tuple[str, ...]
) -> Iterator[Claim]:
    """Lines of fenced code: arithmetic, schema and code are specification, not prose."""
    start, end = token.map or (0, 0)
    first = start + 2 if token.type == "fence" else start + 1
    last = end - 1 if token.type == "fence" else end
    for number in range(first, last + 1):
        if number in skip or number > len(lines):
            continue
        text = lines[number - 1].strip()
        if not text or text.startswith(("```", "~~~")) or not _ALNUM.search(text):
            continue
        said = plain_math(text).lstrip("#/ -")
        result = _signature_result(lines, number, last) if _OPENED_CALL.match(text) else None
        if result is not None:
            # "AcquireBatch(" with its parameters on the lines below and ") -> [" closing
            # them: the signature of a call, read whole as "AcquireBatch(...) -> [" is;
            # its closing line, punctuation only, is no claim of its own.
            said = f"{said}...) {result}"
        yield Claim(number, text, said, CODE, headings)


# A line that opens a call and leaves its parameters to the lines below ("AcquireBatch(",
# "def put("), and the line that closes them with a result (") -> [", "): Response").
_OPENED_CALL = re.compile(r"^(?:def\s+|rpc\s+)?[A-Za-z_]\w*\s*\(\s*$")
_CLOSED_CALL = re.compile(r"^\)\s*((?:->|:(?!\s*$)|returns\b).*)$")


def _signature_result(lines: list[str], opened: int, last: int) -> str | None:
    """The result a multi-line signature opened on line `opened` declares, from the first
    line of the block that starts with ")": "-> [" for ") -> [", None when that line gives
    no result (a call's arguments closed, "):" of a Python block)."""
    for number in range(opened + 1, min(last, len(lines)) + 1):
        text = lines[number - 1].strip()
        if text.startswith(")"):
            found = _CLOSED_CALL.match(text)
            return found.group(1) if found is not None else None
    return None


def _diagram_claims(doc: DesignDoc, skip: set[int]) -> Iterator[Claim]:
    """Each labelled node and edge of a Mermaid diagram, with the line it was drawn on."""
    lines = _DiagramLines(doc)
    for diagram in doc.diagrams:
        for node in diagram.nodes.values():
            if node.line is None or node.line in skip or not node.label.strip():
                continue
            quote = lines.verbatim(node.line, node.label)
            # A class box is specified by its members ("+issueTicket(VehicleType) Ticket").
            members = diagram.members.get(node.id, [])
            text = f"{node.label}: " + "; ".join(members) if members else node.label
            yield Claim(node.line, quote, text, NODE)
        for edge in diagram.edges:
            if edge.line is None or edge.line in skip:
                continue
            source = diagram.nodes.get(edge.source)
            target = diagram.nodes.get(edge.target)
            names = [n.label if n else "" for n in (source, target)]
            text = f"{names[0]} -> {names[1]}" + (f": {edge.label}" if edge.label else "")
            yield Claim(edge.line, lines.stripped(edge.line), text, EDGE)


_WORD = re.compile(r"[A-Za-z0-9_]+")


class _DiagramLines:
    """The diagram's lines as quotes, each worked out once per line. A Mermaid chain of
    100,000 nodes on one line gave every node and edge its own stripped copy of that line
    (gigabytes) and searched the whole line for every node's label (quadratic time)."""

    def __init__(self, doc: DesignDoc) -> None:
        self._doc = doc
        self._stripped: dict[int, str] = {}
        self._words: dict[int, frozenset[str]] = {}

    def stripped(self, number: int) -> str:
        """The line without surrounding space: one string shared by every claim on it."""
        found = self._stripped.get(number)
        if found is None:
            found = self._stripped[number] = self._doc.line(number).strip()
        return found

    def verbatim(self, number: int, label: str) -> str:
        """The label when the line holds it as written, otherwise the whole line. A label
        that is one of the line's words is found in a set built once per line; others are
        searched for in the line."""
        if not label:
            return self.stripped(number)
        words = self._words.get(number)
        if words is None:
            words = self._words[number] = frozenset(_WORD.findall(self._doc.line(number)))
        if label in words or label in self._doc.line(number):
            return label
        return self.stripped(number)


def is_arithmetic(text: str) -> bool:
    """Whether a line of code states a calculation ("100M x 1 KB = 100 GB")."""
    return _ARITHMETIC.search(text) is not None

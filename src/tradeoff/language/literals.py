"""Required literals of a regex: a substring test that lets most texts skip the pattern.

The lexicon's patterns are long case-insensitive alternations that Python's `re` tries at
every position of a claim; each costs about 20 µs a claim, and a claim is tried against a
dozen of them. Most claims hold none of the words any branch needs. `required(pattern)`
derives, from the pattern's own parse tree, a set of lower-case strings one of which every
match contains; a `Screen` finds which patterns' strings a text holds in one pass (an
Aho-Corasick automaton) and runs only those patterns, so it answers exactly as they do. The
strings are derived, never written by hand, so a pattern edited in the lexicon keeps a
correct filter; anything the derivation does not understand yields no filter (the pattern
is always run).

Only ASCII literals are kept. Under `re.IGNORECASE` an ASCII letter also matches four
non-ASCII characters ("İ", "ı", "ſ" and the Kelvin sign); `fold` maps them to the letter
they match, so a lower-cased text holds every string a match of the pattern holds.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
from collections.abc import Iterator
from functools import reduce
from itertools import product
from operator import itemgetter, or_
from pathlib import Path
from typing import Any

# The parser of the `re` module itself (3.11 on); what it returns is private, so anything
# this module does not recognise means no filter rather than a wrong one.
_sre: Any = importlib.import_module("re._constants")
_sre_parse: Any = importlib.import_module("re._parser")

_LIMIT = 64  # the most alternatives kept for one part of a pattern
# The non-ASCII characters `re.IGNORECASE` matches to an ASCII letter, as that letter.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

Strings = frozenset[str]


def fold(text: str) -> str:
    """`text` lower-cased, with the characters that match an ASCII letter under re.I made
    that letter: a match of a literal is then a substring of the folded text."""
    if text.isascii() or not _holds_foldable(text):
        # Nothing to map: `str.translate` would look every character of the text up in a
        # dict (a "→" or a "—" is enough to take it off its ASCII fast path).
        return text.lower()
    return text.translate(_FOLD).lower()


def _holds_foldable(text: str) -> bool:
    """Whether `text` holds one of `_FOLD`'s characters: four scans in C, where building a
    set of the text's characters or translating it looks up each character in Python's
    dicts."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


def _holds_unfolded(text: str) -> bool:
    """Whether `text` holds a character `fold` makes a letter that `str.lower` does not."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text


def required(pattern: re.Pattern[str]) -> Strings | None:
    """Lower-case strings one of which occurs in every match of `pattern`, or None when the
    pattern can match without any (or its form is not understood)."""
    if pattern.flags & re.LOCALE or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
        _, need = _sequence(list(tree))
    except Exception:  # an item not understood, or a parser laid out differently
        return None
    if need is None or "" in need:
        return None
    return need


class _Unknown(Exception):
    """A part of the parse tree this module does not reason about."""


def _sequence(items: list[tuple[Any, Any]]) -> tuple[Strings | None, Strings | None]:
    """(every string the sequence can match, if few and all literal; strings one of which
    every match contains), for a concatenation of parse items."""
    parts: list[tuple[Strings | None, Strings | None]] = []
    chars: list[str] = []  # adjacent ASCII literals, read as one string
    for op, av in items:
        if op is _sre.LITERAL and chr(av).isascii():
            chars.append(chr(av).lower())
            continue
        if chars:
            parts.append((frozenset({"".join(chars)}), None))
            chars = []
        parts.append(_item(op, av))
    if chars:
        parts.append((frozenset({"".join(chars)}), None))
    candidates: list[Strings] = [need for _, need in parts if need is not None]
    # Runs of adjacent exact parts join into longer literals ("so" + " " + "that").
    run: Strings = frozenset({""})
    whole = True  # the run is the whole sequence so far
    for exact, _ in parts:
        if exact is None:
            candidates.append(run)
            run, whole = frozenset({""}), False
            continue
        joined = _join(run, exact)
        if joined is None:  # too many: close the run and start a new one here
            candidates.append(run)
            joined, whole = exact, False
        run = joined
    candidates.append(run)
    useful = [c for c in candidates if c and "" not in c]
    need = max(useful, key=_strength) if useful else None
    return (run if whole else None), need


def _join(left: Strings, right: Strings) -> Strings | None:
    if len(left) == 1 and len(right) == 1:
        return frozenset({next(iter(left)) + next(iter(right))})
    if len(left) * len(right) > _LIMIT:
        return None
    return frozenset(a + b for a, b in product(left, right))


def _strength(strings: Strings) -> tuple[int, int]:
    """Longer shortest strings filter more; fewer strings test faster."""
    return (min(len(s) for s in strings), -len(strings))


def _item(op: Any, av: Any) -> tuple[Strings | None, Strings | None]:
    """(exact strings, required strings) of one parse item."""
    if op is _sre.LITERAL:
        char = chr(av)
        return (frozenset({char.lower()}), None) if char.isascii() else (None, None)
    if op is _sre.IN:
        chars = _charset(av)
        return (chars, None) if chars is not None else (None, None)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return frozenset({""}), None  # zero width: neighbours stay adjacent
    if op is _sre.SUBPATTERN:
        _group, _add, _delete, sub = av
        return _sequence(list(sub))
    if op is _sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _sre.BRANCH:
        _, branches = av
        results = [_sequence(list(b)) for b in branches]
        exact: Strings | None = frozenset()
        need: Strings | None = frozenset()
        for branch_exact, branch_need in results:
            exact = None if exact is None or branch_exact is None else exact | branch_exact
            best = _best(branch_exact, branch_need)
            need = None if need is None or best is None else need | best
        if exact is not None and len(exact) > _LIMIT:
            exact = None
        return exact, need
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        inner_exact, inner_need = _sequence(list(sub))
        if low == 0:
            if high == 1 and inner_exact is not None:
                return inner_exact | {""}, None
            return None, None
        need = _best(inner_exact, inner_need)
        if low == high == 1:
            return inner_exact, need
        return None, need
    if op in (_sre.ANY, _sre.NOT_LITERAL, _sre.GROUPREF, _sre.GROUPREF_EXISTS):
        return None, None
    raise _Unknown(op)


def _best(exact: Strings | None, need: Strings | None) -> Strings | None:
    """The exact strings when usable as a requirement, else the required ones."""
    if exact is not None and "" not in exact:  # noqa: SIM102 (reads as the two cases)
        if need is None or _strength(exact) >= _strength(need):
            return exact
    if need is not None and "" not in need:
        return need
    return None


def _charset(items: list[tuple[Any, Any]]) -> Strings | None:
    """The characters of a small ASCII character class, lower-cased; None for a negated,
    large or categorised class."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE:
            low, high = av
            if high - low > 10:
                return None
            chars.update(chr(c) for c in range(low, high + 1))
        else:  # NEGATE, CATEGORY
            return None
    if not all(c.isascii() for c in chars):
        return None
    return frozenset(c.lower() for c in chars)


class Screen:
    """Many patterns' required strings in one Aho-Corasick automaton: one pass over a text
    tells which of them can match it, instead of each pattern searching it in turn.

    Modules `add` the patterns they search at import; the automaton is built when a text
    is first read (and again if a pattern is added later). A pattern with no required
    strings, or with a one-letter one (found in nearly every text), is never skipped. The
    same pass answers the modules' hand-written stem checks (`holds`). The answer for each
    text is kept (a claim's text is searched by a dozen patterns, a sentence's by several
    callers) until `clear`."""

    def __init__(self) -> None:
        # Keyed by identity: hashing a compiled pattern hashes its whole compiled code
        # (1 to 8 µs for a lexicon pattern), and a tuple of stems hashes every stem, on
        # each look-up. The values keep each object alive, so its id stays its own. An equal
        # pattern or group that was not added is simply never skipped.
        self._bits: dict[int, tuple[re.Pattern[str], int]] = {}  # id(pattern) -> its bit
        self._stems: dict[int, tuple[tuple[str, ...], int]] = {}  # id(stem group) -> its bit
        self._always = 0  # bits of patterns searched whatever the text
        self._automaton: Any = None
        # For each tuple of stem groups `holds_any` was asked about, the groups' bits.
        self._group_bits: dict[int, tuple[tuple[tuple[str, ...], ...], tuple[int, ...]]] = {}
        # For each tuple of pattern groups `may_match_each` was asked about, each group's bits.
        # (the groups, each group's bits, all their bits, and the answer when none is held)
        self._gate_bits: dict[
            int,
            tuple[tuple[tuple[re.Pattern[str], ...], ...], tuple[int, ...], int, tuple[bool, ...]],
        ] = {}
        self._masks: dict[str, int] = {}
        # False: every pattern runs and every stem check is a substring test, as without a
        # screen (bench/review_speed.py measures what the screen saves).
        self.enabled = True

    def add(self, *patterns: re.Pattern[str]) -> None:
        for pattern in patterns:
            if id(pattern) not in self._bits:
                self._bits[id(pattern)] = (pattern, 1 << (len(self._bits) + len(self._stems)))
                self._automaton = None

    def add_stems(self, *groups: tuple[str, ...]) -> None:
        """Stem groups `holds` answers from the automaton (lower-case ASCII stems only)."""
        for stems in groups:
            if not all(stem and stem.isascii() and stem == stem.lower() for stem in stems):
                raise ValueError(f"stems must be lower-case ASCII: {stems}")
            if id(stems) not in self._stems:
                self._stems[id(stems)] = (stems, 1 << (len(self._bits) + len(self._stems)))
                self._automaton = None

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(pattern for pattern, _ in self._bits.values())

    def clear(self) -> None:
        """Forget the texts read (for benchmarks that measure a cold read)."""
        self._masks.clear()

    def may_match(self, pattern: re.Pattern[str], text: str) -> bool:
        """False only when `text` holds none of the strings every match of `pattern` holds."""
        entry = self._bits.get(id(pattern))
        if entry is None or not self.enabled:
            return True
        mask = self._masks.get(text)  # read here, as `search` does: most texts were read
        return bool((self._mask(text) if mask is None else mask) & entry[1])

    def search(self, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        """`pattern.search(text)`, skipped when the text cannot match."""
        entry = self._bits.get(id(pattern))
        if entry is not None and self.enabled:
            mask = self._masks.get(text)  # read here: most texts were read before
            if not (self._mask(text) if mask is None else mask) & entry[1]:
                return None
        return pattern.search(text)

    def finditer(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        if not self.may_match(pattern, text):
            return iter(())
        return pattern.finditer(text)

    def findall(self, pattern: re.Pattern[str], text: str) -> list[Any]:
        if not self.may_match(pattern, text):
            return []
        return pattern.findall(text)

    def holds(self, stems: tuple[str, ...], text: str) -> bool:
        """`any(stem in text.lower() for stem in stems)`. The automaton reads `fold(text)`,
        which differs from `text.lower()` only where the text has "İ", "ı" or "ſ"; such a
        text is tested directly."""
        entry = self._stems.get(id(stems))
        unfolded = not text.isascii() and _holds_unfolded(text)
        if entry is None or not self.enabled or unfolded:
            lowered = text.lower()
            return any(stem in lowered for stem in stems)
        mask = self._masks.get(text)
        return bool((self._mask(text) if mask is None else mask) & entry[1])

    def holds_any(self, groups: tuple[tuple[str, ...], ...], text: str) -> tuple[bool, ...]:
        """`holds` of each stem group, from one look-up of the text."""
        if not self.enabled or (not text.isascii() and _holds_unfolded(text)):
            return tuple(self.holds(stems, text) for stems in groups)
        bits = self._group_bits.get(id(groups))
        if bits is None:
            known = [self._stems.get(id(stems)) for stems in groups]
            if any(entry is None for entry in known):
                return tuple(self.holds(stems, text) for stems in groups)
            bits = self._group_bits[id(groups)] = (groups, tuple(e[1] for e in known if e))
        return tuple(map(bool, map(self._mask(text).__and__, bits[1])))

    def may_match_each(
        self, groups: tuple[tuple[re.Pattern[str], ...], ...], text: str
    ) -> tuple[bool, ...]:
        """For each group of patterns, whether one of them may match `text` (`may_match` of
        each, or-ed), from one look-up of the text: a caller with many detectors, each of
        which needs one of its group to match before it reads further, skips all of them on
        a text none can match without calling each."""
        if not self.enabled:
            return (True,) * len(groups)
        bits = self._gate_bits.get(id(groups))
        if bits is None:
            known = [[self._bits.get(id(p)) for p in group] for group in groups]
            if any(entry is None for entries in known for entry in entries):
                return tuple(any(self.may_match(p, text) for p in group) for group in groups)
            ors = tuple(reduce(or_, (e[1] for e in entries if e), 0) for entries in known)
            bits = self._gate_bits[id(groups)] = (
                groups,
                ors,
                reduce(or_, ors, 0),
                (False,) * len(ors),
            )
        mask = self._masks.get(text)
        if mask is None:
            mask = self._mask(text)
        if not mask & bits[2]:  # most texts: no group may match, one test says so
            return bits[3]
        return tuple(map(bool, map(mask.__and__, bits[1])))

    def _mask(self, text: str) -> int:
        mask = self._masks.get(text)
        if mask is None:
            automaton = self._automaton or self._build()
            mask = self._always
            if automaton is not _EMPTY:  # the loop over the hits runs in C: a claim has dozens
                mask = reduce(or_, map(_second, automaton.iter(fold(text))), mask)
            if len(self._masks) >= _MEMO_SIZE:
                self._masks.clear()
            self._masks[text] = mask
        return mask

    def _build(self) -> Any:
        import ahocorasick

        owners: dict[str, int] = {}
        always = 0
        entries = list(self._bits.values())
        patterns = [pattern for pattern, _ in entries]
        for (_, bit), strings in zip(entries, derive_all(patterns), strict=True):
            if strings is None or min(map(len, strings)) < 2:
                always |= bit
                continue
            for string in strings:
                owners[string] = owners.get(string, 0) | bit
        for stems, bit in self._stems.values():
            for stem in stems:
                owners[stem] = owners.get(stem, 0) | bit
        automaton: Any = _EMPTY
        if owners:
            automaton = ahocorasick.Automaton()
            for string, bits in owners.items():
                automaton.add_word(string, bits)
            automaton.make_automaton()
        self._always = always
        self._automaton = automaton
        self._masks.clear()
        return automaton


_second = itemgetter(1)
_MEMO_SIZE = 16384
_EMPTY = object()  # an automaton with no words (pyahocorasick cannot iterate one)
SCREEN = Screen()  # the one screen the language modules share


def derive_all(patterns: list[re.Pattern[str]]) -> list[Strings | None]:
    """`required` of each pattern, through a JSON file in the user's cache folder: parsing
    and deriving the lexicon's patterns costs ~50 ms, reading the file ~1 ms. The file is
    keyed on the Python version and this module's source, and holds one entry per pattern
    text, so an edited pattern is derived afresh. Any problem with the file costs speed."""
    path = _cache_path()
    known = _read_cache(path) if path is not None else {}
    found: list[Strings | None] = []
    added = False
    for pattern in patterns:
        key = f"{pattern.flags}:{pattern.pattern}"
        if key in known:
            entry = known[key]
            found.append(frozenset(entry) if entry is not None else None)
            continue
        strings = required(pattern)
        known[key] = sorted(strings) if strings is not None else None
        found.append(strings)
        added = True
    if added and path is not None:
        try:
            if not path.exists():  # a new Python or a changed module: drop the old files
                for old in path.parent.glob("literals-*.json"):
                    old.unlink(missing_ok=True)
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(known), encoding="utf-8")
            partial.replace(path)
        except OSError:
            pass  # a read-only cache folder only costs speed
    return found


def _read_cache(path: Path) -> dict[str, list[str] | None]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {
        key: value
        for key, value in loaded.items()
        if value is None
        or (isinstance(value, list) and value and all(isinstance(v, str) and v for v in value))
    }


def _cache_path() -> Path | None:
    try:
        import platformdirs

        source = Path(__file__).read_bytes()
    except (ImportError, OSError):
        return None
    digest = hashlib.sha256(sys.version.encode() + source).hexdigest()[:16]
    return Path(platformdirs.user_cache_dir("tradeoff")) / f"literals-{digest}.json"

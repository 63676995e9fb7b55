"""Stores the prose names as the design's own, read for single points of failure.

The diagram graph (`review.graph`) judges the boxes drawn; a design that writes "posts are
stored in MySQL" and never draws it had its store go unjudged. This module reads such a
statement: a named product (PostgreSQL, MySQL, MongoDB, Redis, RabbitMQ ...) that the
sentence says holds the design's data, not one offered as an option, rejected, put out of
scope, kept per instance or used as a cache in front of a store. The cache a sentence puts
in front of the store ("a Redis cache in front of DynamoDB") is read apart
(`stated_caches`): it holds no data of its own, and the rule asks what its loss costs.
Whether anything gives either copies is the rule's question (`rules.components`), asked of
the whole design.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tradeoff.design.kinds import infer_kind
from tradeoff.language.mentions import clean_line

# Products that run as one machine unless the design says otherwise. Products that only run
# as a cluster or as a replicated managed service (Cassandra, Kafka, DynamoDB, Aurora ...)
# are not here: naming one gives the store its copies.
_PRODUCT = r"(?:postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|redis|rabbitmq|activemq|sql server)"
_ANY_PRODUCT = re.compile(rf"\b{_PRODUCT}", re.I)
_ARTICLE = r"(?:(?:an?|the|one|our|its|their|a central|a shared|a single)\s+)?"
# The product as the store of the sentence: "posts are stored in MySQL", "persist the
# sessions to Redis", "MySQL holds the users", "backed by PostgreSQL", "use MongoDB as the
# primary store", "**Database:** PostgreSQL", "| Metadata DB | PostgreSQL |".
_STORED_IN = re.compile(
    r"\b(?:stored?|stores|storing|persist(?:s|ed|ing)?|kept|keeps?|lives?|saved?|written"
    r"|writes?|held|recorded)\b(?:\s+[\w'`-]+){0,5}?\s+(?:in|into|to|on)\s+"
    rf"{_ARTICLE}(?P<a>{_PRODUCT})\b"
    rf"|(?P<b>{_PRODUCT})\b(?:\s+[\w-]+){{0,2}}?\s+(?:holds?|stores?|keeps?|persists?"
    r"|is (?:the|our) (?:source of truth|system of record|primary (?:store|database|db)"
    r"|database|db|datastore|data store|store|queue|broker))\b"
    rf"|\b(?:backed by|on top of)\s+{_ARTICLE}(?P<c>{_PRODUCT})\b"
    rf"|\b(?:use|uses|using)\s+(?P<d>{_PRODUCT})\b(?:\s+[\w-]+){{0,2}}?\s+(?:as|for|to (?:store"
    r"|hold|keep|persist))\b"
    r"|\b(?:database|db|datastore|data store|storage|store|queue|broker)\b[*_`]*\s*(?::|=|\|)"
    rf"\s*[*_`]*(?P<e>{_PRODUCT})\b",
    re.I,
)
# Offered, compared, hedged or turned down, not chosen: "PostgreSQL or MySQL", "e.g. Redis",
# "Redis / Memcached", "we could use MongoDB", "we evaluated MongoDB but chose MySQL".
_NOT_CHOSEN = re.compile(
    r"\b(?:or|e\.g\.?|eg|such as|(?:un)?like|alternatives?|instead|vs\.?|versus|could|might|may"
    r"|option(?:s|al)?|consider(?:ed|ing)?|either|candidates?|rather than|if|evaluat\w*"
    r"|compar\w*|weigh(?:ed|ing)|tried|ruled out|but (?:chose|picked|went with|use[ds]?))\b"
    rf"|{_PRODUCT}\s*/\s*\w|\w\s*/\s*{_PRODUCT}"
    r"|\b(?:not|no|never|without|cannot|can't|don't|avoid\w*|rejected)\b",
    re.I,
)
# Outside what this design builds, said anywhere on the line: "Billing is out of scope;
# the payments team keeps it in MySQL", "start with one Postgres, shard later".
_NOT_BUILT = re.compile(
    r"\b(?:out of scope|non-goals?|later|future|start(?:s|ing)? (?:with|off|out)|initially"
    r"|at first|mvp|prototype|phase 1|v1)\b",
    re.I,
)
# A store each instance keeps for itself, or a cache in front of the real store: losing
# it costs one instance or a cold read, not the system.
_NOT_SHARED = re.compile(
    r"\blocal\b|in-?process|embedded|sidecar|on-?device|client-?side|\bper[- ](?:instance"
    r"|server|pod|node|host|app|process|worker)\b|\beach (?:instance|server|pod|node|host)\b"
    r"|\bcach(?:e|es|ed|ing)\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")


@dataclass(frozen=True)
class StatedStore:
    """A product the prose says holds the design's data, where it first says so."""

    product: str  # as written on the line ("MySQL")
    kind: str  # database, cache or queue, as a drawn box of that name would read
    line: int


# A table column that names each component's technology: "| Component | Tech Choices |".
_TECH_COLUMN = re.compile(
    r"^[*_`\s]*(?:tech\w*(?: choices?| stack)?|stack|storage|data ?store|store|database|db"
    r"|persistence|backing store)[*_`\s]*$",
    re.I,
)
# A table's header that weighs options: "| Store | Option A | Option B |", "| Choice |
# Alternatives considered |", "| Database | Pros | Cons |".
_COMPARING = re.compile(
    r"\b(?:options?|alternatives?|vs\.?|versus|pros|cons|rejected|considered|candidates?)\b",
    re.I,
)
_CELL_PRODUCT = re.compile(rf"^[*_`\s]*(?P<p>{_PRODUCT})\b", re.I)


def stated_stores(prose: list[tuple[int, str]]) -> list[StatedStore]:
    """Each product the prose chooses as the design's store, once, at its first such line."""
    found: dict[str, StatedStore] = {}
    columns: list[int] = []
    comparing = False  # the table weighs options: its rows offer products, not choose them
    previous = -1  # the line of the table row before, so line 1 can open a table
    for number, text in prose:
        # (Most lines name no such product: they are passed over before any other reading.)
        named = _ANY_PRODUCT.search(text) is not None
        chosen = list(_chosen(clean_line(text))) if named else []
        if text.lstrip().startswith("|"):
            cells = text.strip().strip("|").split("|")
            if previous != number - 1:  # a table's header row
                columns = [i for i, cell in enumerate(cells) if _TECH_COLUMN.match(cell)]
                comparing = _COMPARING.search(text) is not None
            if comparing:
                chosen = []
            elif previous == number - 1 and named:
                chosen += [p for i in columns if i < len(cells) for p in _cell_product(cells[i])]
            previous = number
        for product in chosen:
            key = _canonical(product)
            if key not in found:
                found[key] = StatedStore(product, _kind(product), number)
    return list(found.values())


# A cache product the sentence puts in front of the design's store: "a Redis cache in front
# of the DB", "hot URLs are cached in Redis", "Redis as a read-through cache", "Cache:
# Memcached", "| Cache | Redis |". Read apart from the stores above (a cache is not where
# the data lives), so the rule can ask what its loss costs.
_CACHE_PRODUCT = r"(?:redis|memcached?)"
_CACHE_CHOSEN = re.compile(
    rf"\b(?P<a>{_CACHE_PRODUCT})\s+(?:[\w-]+\s+){{0,2}}?cach(?:e|es|ing)\b"
    rf"|\bcach(?:e|ed|es|ing)\s+(?:[\w-]+\s+){{0,3}}?(?:in|into|by|with|using)\s+(?:an?\s+|the\s+)?"
    rf"(?P<b>{_CACHE_PRODUCT})\b"
    rf"|\b(?P<c>{_CACHE_PRODUCT})\s+(?:as|for)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?cach"
    rf"|\bcache\b[*_`]*\s*(?::|=|\|)\s*[*_`]*(?P<d>{_CACHE_PRODUCT})\b",
    re.I,
)
# Kept by each instance for itself: losing it costs that instance only.
_PER_INSTANCE = re.compile(
    r"\blocal\b|in-?process|embedded|sidecar|on-?device|client-?side|\bper[- ](?:instance"
    r"|server|pod|node|host|app|process|worker)\b|\beach (?:instance|server|pod|node|host)\b",
    re.I,
)


def stated_caches(prose: list[tuple[int, str]]) -> list[StatedStore]:
    """Each cache product the prose puts in front of the design's store, once, at its first
    such line: not one offered, compared or rejected ("Redis or Memcached"), put off for
    later, or kept per instance."""
    found: dict[str, StatedStore] = {}
    for number, text in prose:
        if "cach" not in text.lower():
            continue  # every branch of `_CACHE_CHOSEN` says the word; most lines do not
        line = clean_line(text)
        if _NOT_BUILT.search(line):
            continue
        for sentence in _SENTENCE.split(line):
            match = _CACHE_CHOSEN.search(sentence)
            if match is None or _NOT_CHOSEN.search(sentence) or _PER_INSTANCE.search(sentence):
                continue
            product = next(g for g in match.groups() if g)
            found.setdefault(_canonical(product), StatedStore(product, "cache", number))
    return list(found.values())


def names_product(product: str) -> re.Pattern[str]:
    """The product under any of its spellings ("Postgres" for "PostgreSQL")."""
    stem = {"postgres": r"postgres(?:ql)?", "mongo": r"mongo(?:db)?"}.get(
        _canonical(product), re.escape(product)
    )
    return re.compile(rf"\b{stem}\b", re.I)


def _chosen(line: str) -> Iterator[str]:
    if _NOT_BUILT.search(line):
        return
    for sentence in _SENTENCE.split(line):
        if "|" in sentence:
            # a table row: one cell at a time beside its row's first cell (the label)
            cells = [c for c in sentence.strip().strip("|").split("|")]
            spans = [f"{cells[0]} | {cell}" for cell in cells[1:]] or cells
        else:
            spans = [sentence]
        for span in spans:
            match = _STORED_IN.search(span)
            if match is None or _NOT_CHOSEN.search(span) or _NOT_SHARED.search(span):
                continue
            product = next(g for g in match.groups() if g)
            yield product


def _cell_product(cell: str) -> Iterator[str]:
    """A technology cell that opens with one product and offers no other ("MySQL (strong
    consistency)", not "Cassandra / DynamoDB" or "Redis or Memcached")."""
    match = _CELL_PRODUCT.match(cell)
    if match is None or _NOT_BUILT.search(cell):
        return
    if not _NOT_CHOSEN.search(cell) and not _NOT_SHARED.search(cell):
        yield match.group("p")


def _canonical(product: str) -> str:
    word = product.lower()
    for stem in ("postgres", "mongo"):
        if word.startswith(stem):
            return stem
    return word


def _kind(product: str) -> str:
    kind = infer_kind(product)
    return kind if kind in ("database", "cache", "queue") else "database"

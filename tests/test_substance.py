"""Substance, not mentions: padding never raises a score; reasons, numbers and failures do.

The padding generator writes what a candidate writes to look thorough without specifying
anything: concepts named in plain sentences, tools listed, properties claimed
("replication ensures that data is never lost"), slogans ("OWASP best practices"). None of
it sizes, justifies, rejects, costs or pairs a failure with a response, so none of it may
raise `overall` on any calibration answer.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from tradeoff.catalog import Catalog, default_catalog
from tradeoff.catalog.vocabulary import Concept
from tradeoff.design import load_design
from tradeoff.language import read_text
from tradeoff.review import review_design
from tradeoff.review.engine import Review
from tradeoff.review.substance import specified_concepts

DATA = Path(__file__).parent / "data" / "calibration"
JUDGED_IDS = {
    "url-shortener": "url-shortener",
    "distributed-rate-limiter": "rate-limiter",
    "news-feed": "news-feed",
    "design-youtube": "video-streaming",
    "global-object-store": "object-storage",
    "rag-search-assistant": None,
}
PRIMER_IDS = {"pastebin": "url-shortener", "twitter": "news-feed", "web_crawler": "web-crawler"}


@cache
def catalog() -> Catalog:
    return default_catalog()


def answers() -> list[tuple[Path, str | None]]:
    found = [
        (path, JUDGED_IDS[path.parent.name])
        for path in sorted((DATA / "judged" / "answers").glob("*/*.md"))
    ]
    found += [(DATA / "primer" / f"{name}.md", pid) for name, pid in PRIMER_IDS.items()]
    found += [(path, None) for path in sorted((DATA / "grokking").glob("design-*.md"))[:12]]
    return found


# One concept a sentence: two names side by side ("postgres and replicas") can state a
# relation between them, which is no longer mention-only.
_TEMPLATES = (
    "The platform also relies on {a}.",
    "{A} is an important part of the overall picture.",
    "We will use {a} for this.",
    "{A} plays a key role here.",
    "Our approach takes {a} into account as well.",
    "It is worth keeping {a} in mind here.",
)
_SLOGANS = (
    "We will use Prometheus and Grafana for observability.",
    "Replication ensures that data is never lost.",
    "We will follow OWASP best practices for security.",
    "The system must be highly scalable, highly available and fault tolerant.",
    "Kafka, Cassandra, Redis and Elasticsearch make up the stack.",
    "Monitoring and alerting are essential for a system of this kind.",
)


@cache
def _plain_terms() -> list[str]:
    """The words candidates write for concepts (each concept's terms), leaving out any term
    that is evidence by itself: "signed urls" names a concrete control, and "keyed by ip"
    says what is keyed, so prose naming either is not mention-only. A term that ends in a
    preposition ("sharded by", "keyed by") is no name: it only reads in a sentence that says
    by what, which is no longer mention-only."""
    concepts = catalog().vocabulary.concepts.values()
    terms = {
        term
        for concept in concepts
        for term in concept.terms
        if re.fullmatch(r"[a-z][a-z -]{2,}", term)
        and not re.search(r" (?:by|on|of|to|for|with)$", term)
    }
    return sorted(t for t in terms if not _specifies_alone(f"We use {t}.", concepts))


def _specifies_alone(sentence: str, concepts: Iterable[Concept]) -> bool:
    """Whether the sentence, naming one term, is read as evidence or as specifying a concept
    by itself: "keyed by ip" says what a limit is keyed by, so "We use keyed by ip." is no
    mention-only prose."""
    claim = read_text(sentence, concepts)[0]
    return bool(claim.features.evidence) or bool(specified_concepts(claim))


def padding(seed: int, paragraphs: int = 6) -> str:
    """Mention-only prose: concept names in sentences that state nothing checkable."""
    rng = random.Random(seed)
    names = _plain_terms()
    out = ["", "## Further considerations", ""]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(4):
            a = rng.choice(names)
            template = rng.choice(_TEMPLATES)
            sentences.append(template.format(a=a, A=a[0].upper() + a[1:]))
        sentences.append(rng.choice(_SLOGANS))
        out += [" ".join(sentences), ""]
    return "\n".join(out)


def review_text(text: str, problem: str | None, tmp_path: Path, name: str) -> Review:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return review_design(load_design(path), catalog(), problem)


# Importance claimed of a thing, as a whole sentence, and nothing said of it.
_IMPORTANCE = (
    "{A} plays a key role here.",
    "{A} is an important part of the overall picture.",
    "Our approach takes {a} into account as well.",
    "It is worth keeping {a} in mind here.",
)


def test_importance_claimed_of_any_term_specifies_nothing() -> None:
    """Every word the vocabulary knows, said only to be important, specifies no concept.
    The padding draws a few terms a seed; this asks all of them. "Geodns plays a key role
    here." specified regional serving and "Backup provider is an important part of the
    overall picture." a provider failover: a narrow concept's own name passed its check."""
    from tradeoff.review.substance import specified_concepts

    concepts = catalog().vocabulary.concepts.values()
    terms = sorted({t for c in concepts for t in c.terms if re.fullmatch(r"[a-z][a-z -]{2,}", t)})
    specified = {
        (template, term): found
        for term in terms
        for template in _IMPORTANCE
        for claim in read_text(template.format(a=term, A=term[0].upper() + term[1:]), concepts)
        if (found := specified_concepts(claim))
    }
    assert not specified, list(specified.items())[:5]


def test_padding_claims_carry_no_evidence() -> None:
    """The generator itself says nothing: if it did, the property below would prove little."""
    claims = read_text(padding(7), catalog().vocabulary.concepts.values())
    assert claims
    for claim in claims:
        assert claim.features.evidence == (), claim.text


@pytest.mark.parametrize("answer", answers(), ids=lambda a: f"{a[0].parent.name}/{a[0].stem}")
def test_mention_only_padding_never_raises_overall(
    answer: tuple[Path, str | None], tmp_path: Path
) -> None:
    path, problem = answer
    text = path.read_text(encoding="utf-8")
    before = review_text(text, problem, tmp_path, "before.md")
    seed = sum(map(ord, path.name))
    after = review_text(text + "\n" + padding(seed), problem, tmp_path, "after.md")
    assert after.overall <= before.overall, (before.overall, after.overall)
    for dim, score in after.scores.items():
        assert score.score <= before.scores[dim].score + 1e-9, dim


# The clauses that give a reason or set an alternative aside, as the primer answers write
# them: besides "because" and "instead of", purposes ("to reduce response times", "to
# handle the data size") and a sentence opening "Instead, we could search ...". (With
# fewer, the twitter and web crawler answers kept every reason they give, and the test held
# only through "system design topics ... to avoid duplication" misread as a queue chosen.)
_REASON_CLAUSE = re.compile(
    r"(,|;|—|-)?\s*\b(because|since|so that|so we|so the|which means|to avoid|in order to"
    r"|to reduce|to handle|to keep|rather than|instead|at the cost of|the downside"
    r"|otherwise)\b[^.\n|]*",
    re.I,
)


@pytest.mark.parametrize("name", ["twitter", "pastebin", "web_crawler"])
def test_deleting_reasons_lowers_tradeoffs(name: str, tmp_path: Path) -> None:
    text = (DATA / "primer" / f"{name}.md").read_text(encoding="utf-8")
    stripped = _REASON_CLAUSE.sub("", text)
    assert stripped != text
    problem = PRIMER_IDS[name]
    full = review_text(text, problem, tmp_path, "full.md").scores["tradeoffs"].score
    bare = review_text(stripped, problem, tmp_path, "bare.md").scores["tradeoffs"].score
    assert bare < full


def test_a_mention_is_reported_as_mentioned_not_absent(tmp_path: Path) -> None:
    text = (
        "# URL shortener\n\n## Reliability\n\nWe will use Prometheus and Grafana for "
        "observability.\n"
    )
    review = review_text(text, "url-shortener", tmp_path, "mention.md")
    messages = [f.message for f in review.findings if f.dimension == "reliability"]
    assert not any(m.startswith("Not covered") and "monitor" in m.lower() for m in messages)
    summary = review.scores["reliability"].summary
    assert "line 5" in summary or any("line 5" in m for m in messages)

"""`clear_cache` forgets every cache keyed by a design's text, so a benchmark's cold review
reads each line as a design seen for the first time does (`tradeoff.text_caches`)."""

from __future__ import annotations

from tradeoff.estimate import grammar
from tradeoff.language import operations
from tradeoff.language.evidence import clear_cache
from tradeoff.review import substance


def test_clear_cache_forgets_the_estimate_tokens_and_the_other_text_caches() -> None:
    line = "100M users x 2 posts a day = 200M posts/day, about 2.3K writes/s"
    grammar.find_quantities(line)
    operations.metric_words("p99 latency and error rate")
    assert grammar._tokenize.cache_info().currsize > 0
    assert grammar._find_quantities.cache_info().currsize > 0
    assert operations.metric_words.cache_info().currsize > 0
    clear_cache()
    for cache in (
        grammar._tokenize,
        grammar._find_quantities,
        operations._heading,
        operations.metric_words,
        substance._implied,
        substance._excluded,
        substance._measured_kinds,
        substance._system_kinds,
        substance._content_words,
        substance._figures,
    ):
        assert cache.cache_info().currsize == 0, cache


def test_catalog_caches_stay_warm() -> None:
    """A unit's name is the grammar's vocabulary, not a design's text: it is kept."""
    grammar.unit_named("GB")
    clear_cache()
    assert grammar.unit_named.cache_info().currsize > 0

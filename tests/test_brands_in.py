"""`brands_in` finds a text's product names at their occurrences; it must find exactly the
words a word-by-word reading finds (same spans, same order), wherever a name is glued to
other characters, repeated, or written in another case."""

from __future__ import annotations

import re

import pytest

from tradeoff.review.products import _WORD, BRANDS, _means_product, brands_in


def _word_by_word(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), m.group(0))
        for m in _WORD.finditer(text)
        if m.group(0).lower() in BRANDS and _means_product(m)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Redis, REDIS and redis_cache; a Kafka-style log; postgres/postgresql on k8s and K8S",
        "Snowflake ids beside Snowflake the warehouse; a retry storm and Apache Storm",
        "ReDiS. KAFKA!kafka (redis) `redis` xredis redisx _redis redis_ redis2",
        "redis redis redis, then Redis again: Kafka→Redis",
        "İstanbul's Redis and Kafka",  # not ASCII: read word by word
        "no product here at all",
        "",
    ],
)
def test_brands_in_reads_as_word_by_word(text: str) -> None:
    found = [(m.start(), m.end(), m.group(0)) for m in brands_in(text)]
    assert found == _word_by_word(text)


def test_matches_are_the_words_themselves() -> None:
    (match,) = brands_in("We run Cassandra.")
    assert match.string == "We run Cassandra."
    assert re.fullmatch(r"Cassandra", match.group(0))

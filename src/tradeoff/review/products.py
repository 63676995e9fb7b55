"""Brand names of infrastructure products: naming one is a choice that needs a reason."""

from __future__ import annotations

import re

from tradeoff.language.literals import SCREEN

BRANDS: frozenset[str] = frozenset(
    """
    redis memcached memcache kafka cassandra dynamodb mongodb postgres postgresql mysql aurora
    elasticsearch opensearch solr rabbitmq sqs sns kinesis pulsar nats zookeeper etcd consul
    spark flink hadoop storm beam nginx haproxy envoy cloudfront akamai fastly cloudflare
    bigtable hbase spanner cockroachdb neo4j influxdb prometheus grafana datadog scylla
    scylladb riak couchbase firestore s3 gcs bigquery redshift snowflake clickhouse druid
    pinot kubernetes k8s docker lambda istio linkerd graphql grpc thrift protobuf rocksdb
    leveldb vitess citus timescaledb victoriametrics m3db jaeger zipkin celery airflow
    temporal sidekiq stripe adyen braintree twilio sendgrid hdfs ceph minio qdrant pinecone
    milvus weaviate pgvector chromadb lancedb
    """.split()
)

# Two names of one product: a reason given for Postgres is a reason for PostgreSQL, and
# "Kubernetes" then "K8s" is one product named twice.
_SAME: dict[str, str] = {
    "k8s": "kubernetes",
    "postgresql": "postgres",
    "memcache": "memcached",
    "scylladb": "scylla",
}


def product_key(name: str) -> str:
    """One key per product, whichever of its names is written."""
    lowered = name.lower()
    return _SAME.get(lowered, lowered)


_WORD = re.compile(r"(?<![\w])[A-Za-z0-9][A-Za-z0-9]*(?![\w])")
_RUN = re.compile(r"[a-z0-9]+")
# The names as stems of the literal screen: a name that is a run of a text is a substring
# of it, so a text that holds none (most claims and lines) is answered from the screen's
# one pass over it, which the reading of claims has mostly made already.
_BRAND_STEMS = tuple(sorted(BRANDS))
SCREEN.add_stems(_BRAND_STEMS)


def brands_in(text: str) -> tuple[re.Match[str], ...]:
    """Product names on a line, in order (a word lookup, not a 100-way regex alternation).

    Every name found is, lower-cased, a whole run of ASCII letters and digits in the
    lower-cased text (its neighbours are not word characters, and lower-casing makes none
    of them one); so a text none of whose runs is a brand, most lines, needs no matches."""
    if not SCREEN.holds(_BRAND_STEMS, text):
        return ()
    lowered = text.lower()
    present = BRANDS.intersection(_RUN.findall(lowered))
    if not present:
        return ()
    if not text.isascii():  # lower-casing may change lengths: offsets in `lowered` are not
        return tuple(
            m for m in _WORD.finditer(text) if m.group(0).lower() in BRANDS and _means_product(m)
        )
    # Where a name is a word, it starts at one of its occurrences: the word is read there
    # (`_WORD.match` sees the character before, as `finditer` does), where reading every
    # word of the text called Python code per word. Each word `finditer` finds is found so,
    # and nothing else is, since a word starts only after a character that is no letter.
    starts: set[int] = set()
    for name in present:
        at = lowered.find(name)
        while at >= 0:
            starts.add(at)
            at = lowered.find(name, at + 1)
    found = []
    for at in sorted(starts):
        m = _WORD.match(text, at)
        if m is not None and m.group(0).lower() in BRANDS and _means_product(m):
            found.append(m)
    return tuple(found)


# Product names that are also English words ("a retry storm", "temporal locality", "a
# Snowflake-style id"): only the capitalised word names the product.
_ENGLISH = frozenset(
    "storm beam spark temporal druid pinot stripe celery envoy consul lambda snowflake".split()
)
_ID_SCHEME = re.compile(r"[\s-]*(?:style\b|ids?\b|-like\b)", re.I)


def _means_product(match: re.Match[str]) -> bool:
    word = match.group(0)
    if word.lower() not in _ENGLISH:
        return True
    if not word[0].isupper():
        return False
    # "Snowflake ids" are Twitter's id scheme, not the data warehouse.
    return not (word.lower() == "snowflake" and _ID_SCHEME.match(match.string, match.end()))

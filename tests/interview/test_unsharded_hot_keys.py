"""A probe about hot keys asks of the servers that answer them, not of a shard: a
candidate whose every server holds the whole index has no shard to overload, and was asked
how they keep the hottest keys "from overloading one shard"."""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_SCRIPT = [
    "What's the daily search volume, and what latency do suggestions need?",
    "/next",
    "Each server keeps the whole prefix index in memory, about 3 GB, and a load balancer"
    " spreads requests across them.",
    "/next",
    "A prefix lookup walks the trie and returns the ten completions stored at that node.",
    "/next",
    "When a server dies the load balancer stops sending it traffic, and the others hold the"
    " same full index, so they absorb its share.",
    "If the nightly build fails we keep the previous index live and page the on-call.",
    "Offensive completions are filtered when the index is built.",
]


def test_the_hot_key_probe_names_no_shard(catalog: Catalog) -> None:
    session = run(catalog, "search-autocomplete", "neutral", _SCRIPT)
    asked = [reply for exchange in session.exchanges for reply in exchange.replies]
    hot = [text for text in asked if "most traffic" in text]
    assert hot, asked
    assert not any("shard" in text.lower() for text in asked), hot

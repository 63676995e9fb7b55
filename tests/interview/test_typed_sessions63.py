"""A message-broker session typed by hand (terse persona; iv11's round, read by the lead).

"Committed offsets are stored per (group, topic, partition) ..." was listed as only
mentioned, quoting the candidate's question "how long do we keep messages, and how many
consumer groups read a topic", though the candidate later said "consumers in a group each
own some partitions and commit offsets". A question typed without its mark is a question
too, and a mention the candidate states replaces one they asked about.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_LINES = [
    "how many messages per second and how big are they",
    "how long do we keep messages, and how many consumer groups read a topic",
    "/next",
    "consumers in a group each own some partitions and commit offsets",
    "/end",
]


def test_a_mention_said_replaces_a_mention_asked(catalog: Catalog) -> None:
    report = run(catalog, "message-broker", "terse", _LINES).report(catalog)
    quotes = {m["item"]: m["quote"] for m in report["conversation"]["mentioned"]}
    assert "commit offsets" in quotes["offsets-model"]

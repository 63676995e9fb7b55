"""A message-broker session typed by hand with the terse persona (round 50).

The report read as a candidate would:
- "I'd watch consumer lag and under-replicated partitions and alert when lag grows for 10
  minutes" was quoted as covering, with substance, "A group coordinator assigns each
  partition to one consumer in a group ..." and "Committed offsets are stored per (group,
  topic, partition) in an internal compacted topic": "consumer lag" was a term of consumer
  groups. It is a signal to watch (the monitoring item names it), not group coordination.
- "producers get an id and a sequence number per partition so the broker drops a resent
  batch" left the idempotent-producer item "neither said nor written": the vocabulary knew
  "producer id" only as two adjacent words.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_LINES = [
    "how many messages per second and how big are they",
    "/next",
    "/next",
    "producers get an id and a sequence number per partition so the broker drops a resent batch",
    "/next",
    "I'd watch consumer lag and under-replicated partitions and alert when lag grows for 10"
    " minutes",
    "/end",
]


def test_lag_monitoring_is_no_group_coordination(catalog: Catalog) -> None:
    report = run(catalog, "message-broker", "terse", _LINES).report(catalog)
    covered = {c["item"]: c["quote"] for c in report["conversation"]["covered"]}
    assert "consumer-groups" not in covered, covered.get("consumer-groups")
    assert "lag-monitoring" in covered
    assert "resent batch" in covered.get("producer-retries", ""), covered

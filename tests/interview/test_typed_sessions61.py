"""A message-broker clarify phase typed by hand (terse persona), the lead's own round.

"Do consumers need ordering, and is it per key or global?" drew the ordering fact; two
turns later the interviewer asked "Do consumers need messages in order, and can a message
ever be delivered twice?", half of it what the candidate had just asked. A probe of two
joined questions now drops the one the candidate asked and was answered.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_LINES = [
    "How many messages per second do we need to handle, and how big is a message?",
    "How long do we keep messages around?",
    "Do consumers need ordering, and is it per key or global?",
    "OK. I'll assume 3 consumer groups reading everything, so 3M messages/s out.",
]


def test_a_probe_drops_the_half_the_candidate_asked(catalog: Catalog) -> None:
    session = run(catalog, "message-broker", "terse", _LINES)
    said = " ".join(" ".join(e.replies) for e in session.exchanges[3:])
    assert "in order" not in said
    assert "delivered twice" in said

"""`MentionIndex.has` answers from the first meant mention: the reviewer asks it once per
section of a design, and a concept named on every section of a long one has thousands."""

from __future__ import annotations

from collections.abc import Iterator

from tradeoff.language.mentions import LISTED, NEGATED, POSITIVE, Mention, MentionIndex


class _Counted(list[Mention]):
    """A list of mentions that counts how many of them were read."""

    read = 0

    def __iter__(self) -> Iterator[Mention]:
        for mention in super().__iter__():
            self.read += 1
            yield mention


def _mention(status: str, line: int) -> Mention:
    return Mention("cache", line, "cache", "a cache", status, False)


def test_has_is_true_when_a_mention_is_meant_and_false_when_none_is() -> None:
    index = MentionIndex()
    index.add(_mention(NEGATED, 1))
    index.add(_mention(LISTED, 2))
    assert not index.has("cache") and not index.has("queue")
    index.add(_mention(POSITIVE, 3))
    assert index.has("queue", "cache")


def test_has_stops_at_the_first_meant_mention() -> None:
    index = MentionIndex()
    counted = _Counted(_mention(POSITIVE, n) for n in range(1, 10_001))
    index.by_concept["cache"] = counted
    assert index.has("cache")
    assert counted.read == 1

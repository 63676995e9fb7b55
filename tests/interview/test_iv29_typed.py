"""Typed sessions of issue 10 (iv29): the report credited rubric items from one rich line
that does not say them.

- "fan-out on read" was also read as fan-out on write (the bare "fan-out" is a term of the
  push side), so a pull-only feed covered "A feed service pushes new photo ids to
  followers' timelines ...".
- A part named only in a line's reason clause ("..., because the cache must never leak a
  profile") was taken as a part the line specifies: it covered "A read-through cache of
  adjacency lists and counts in front of the graph store".
- The words that tell an item apart from others sharing its concept were found in the
  reason clause too ("a block", "at query time"): a privacy check on every read covered
  "unfriend, block and privacy changes must apply at once ...", and a blocklist applied at
  build time covered the serve-time takedown of urgent removals.
- A property said of one thing was taken for the same property of another: "resizing is
  idempotent" covered "Publishing is idempotent on the upload id, ...".
- A design line the reviewer reads as a mention was quoted as the substance of an item a
  turn had covered, because it shares more of the item's words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulate import run

from tradeoff.catalog import Catalog


def _conversation(
    catalog: Catalog, problem: str, persona: str, script: list[str], **kw: Any
) -> dict[str, Any]:
    return run(catalog, problem, persona, script, **kw).report(catalog)["conversation"]


def _covered(conversation: dict[str, Any]) -> dict[str, str]:
    return {c["item"]: c["quote"] for c in conversation["covered"]}


def test_a_feed_pulled_on_read_pushes_nothing_to_followers(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "Home feeds are fan-out on read: at open time we gather the latest photos of each"
        " account you follow and merge them, since pushing to millions of followers would"
        " cost too much.",
    ]
    covered = _covered(_conversation(catalog, "photo-sharing", "friendly", script))
    assert "feed-service" not in covered, covered


def test_a_cache_named_only_as_the_reason_is_no_cache_of_the_graph(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "Every read goes through a privacy check in the API tier, because the cache must not"
        " show anyone a profile hidden by a block.",
    ]
    covered = _covered(_conversation(catalog, "social-network", "adversarial", script))
    assert "graph-cache" not in covered, covered
    # what the line does say is still its own
    assert "privacy-checker" in covered, covered


def test_words_of_the_reason_do_not_tell_which_item_a_line_is_about(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "Every read goes through a privacy check in the API tier, because the cache must not"
        " show anyone a profile hidden by a block.",
    ]
    covered = _covered(_conversation(catalog, "social-network", "adversarial", script))
    assert "consistency-needs" not in covered, covered


def test_a_blocklist_applied_at_build_time_is_no_serve_time_takedown(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "Offensive completions are dropped by a blocklist when the trie is built, because"
        " filtering at query time would slow every keystroke.",
    ]
    covered = _covered(_conversation(catalog, "search-autocomplete", "friendly", script))
    assert "urgent-removal" not in covered, covered
    assert "filter" in covered, covered  # the build-time half is said


_RESIZE_DESIGN = """# Photos

## Failures
- When a resize worker dies, its queue message reappears after 5 minutes and another worker
  takes it over; resizing is idempotent because the renditions are keyed by photo id.
"""


def test_a_written_mention_is_not_quoted_as_the_substance_of_a_said_item(
    catalog: Catalog, tmp_path: Path
) -> None:
    script = [
        "/next",
        "/design {design}",
        "/next",
        "Metadata lives in PostgreSQL sharded by user id.",
    ]
    conversation = _conversation(
        catalog, "photo-sharing", "friendly", script, tmp=tmp_path, design=_RESIZE_DESIGN
    )
    quote = _covered(conversation).get("metadata-model", "")
    assert "rendition" not in quote, quote


def test_idempotent_resizing_is_no_idempotent_publishing(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "When a resize worker dies, another worker takes its message after a 5 minute"
        " timeout; resizing is idempotent because the renditions are keyed by photo id.",
    ]
    covered = _covered(_conversation(catalog, "photo-sharing", "friendly", script))
    assert "idempotent-publish" not in covered, covered


def test_idempotent_publishing_said_of_the_publish_call_is_covered(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "The publish call is idempotent on the upload id, so a retry on a flaky network does"
        " not create a second post.",
    ]
    covered = _covered(_conversation(catalog, "photo-sharing", "friendly", script))
    assert "idempotent-publish" in covered, covered


def test_a_reason_for_idempotent_resizing_weighs_nothing_of_when_to_resize(
    catalog: Catalog, tmp_path: Path
) -> None:
    script = ["/next", "/design {design}", "/next"]
    conversation = _conversation(
        catalog, "photo-sharing", "friendly", script, tmp=tmp_path, design=_RESIZE_DESIGN
    )
    assert "resize-timing" not in _covered(conversation), _covered(conversation)


def test_resizing_at_upload_with_its_reason_weighs_when_to_resize(catalog: Catalog) -> None:
    script = [
        "/next",
        "/next",
        "We make the four sizes at upload time, because resizing on demand at the edge would"
        " add latency to every first view.",
    ]
    covered = _covered(_conversation(catalog, "photo-sharing", "friendly", script))
    assert "resize-timing" in covered, covered


def test_a_feed_pulled_for_everyone_is_no_hybrid_of_push_and_pull(catalog: Catalog) -> None:
    pulled = (
        "Home feeds are fan-out on read: at open time we gather the latest photos of each"
        " account you follow and merge them, since pushing to millions of followers would"
        " cost too much."
    )
    covered = _covered(
        _conversation(catalog, "photo-sharing", "friendly", ["/next", "/next", pulled])
    )
    assert "feed-fanout" not in covered, covered
    hybrid = (
        "We push photo ids to followers' feeds for most users and pull for celebrities at read"
        " time, because pushing to 300 million followers would take hours."
    )
    covered = _covered(
        _conversation(catalog, "photo-sharing", "friendly", ["/next", "/next", hybrid])
    )
    assert "feed-fanout" in covered, covered


def test_a_feed_pulled_for_everyone_is_a_mention_of_the_hybrid(catalog: Catalog) -> None:
    pulled = (
        "Home feeds are fan-out on read: at open time we gather the latest photos of each"
        " account you follow and merge them, since pushing to millions of followers would"
        " cost too much."
    )
    conversation = _conversation(catalog, "photo-sharing", "friendly", ["/next", "/next", pulled])
    mentioned = {m["item"] for m in conversation["mentioned"]}
    assert "feed-fanout" in mentioned, mentioned

"""Wrong lines left in iv12's final transcripts (photo-sharing adversarial, message-broker
terse, the lead's url-shortener), each read as a candidate would:

- "A user deletes a photo. How do you remove it from the CDN and from followers' feeds?"
  was taken as answered by "push photo ids to followers' timelines in Redis, but pull for
  celebrities ...": the follow-up had no item of its own, so it borrowed the subject and the
  words of the item nearest in words (the feed item, by "followers'"), and a line about
  fan-out removed nothing.
- "240 TB a day" was listed as "(peak upload ingress)": a rate said over a day met no
  storage figure (the year's storage is counted per year) and fell to the one rate near it.
- "600 TB" (a week of unique data before copies) was listed as "(local storage tiered)",
  the one-day tiered figure: the catalog had no figure for the week before replication.
- "Before we move on, back to my question: Before we draw anything, what exactly ...": the
  question's own lead-in was dropped only for a few verbs ("go", "get", "move", ...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulate import run

from tradeoff.catalog import Catalog

_DELETE = "A user deletes a photo. How do you remove it from the CDN and from followers' feeds?"


def _estimates(catalog: Catalog, problem: str, lines: list[str]) -> dict[str, str]:
    report = run(catalog, problem, "terse", [*lines, "/end"]).report(catalog)
    return {e["said"]: e["about"] for e in report["conversation"]["estimates"]}


def test_a_follow_up_is_not_answered_by_its_neighbours_words(catalog: Catalog) -> None:
    lines = [
        "/next",
        "/next",
        "a queue of upload events, workers make four sizes in WebP, strip EXIF and scan, then"
        " mark the photo ready",
        "/hint",
        "CDN with immutable versioned URLs, 95% hit rate so the origin sees about 46 Gbit/s of"
        " the 930 at peak",
        "push photo ids to followers' timelines in Redis, but pull for celebrities with"
        " millions of followers",
        "/end",
    ]
    session = run(catalog, "photo-sharing", "adversarial", lines)
    asked = " ".join(session.exchanges[-3].replies)
    assert _DELETE in asked, asked  # the follow-up is on the table
    reply = " ".join(session.exchanges[-2].replies)
    assert f"back to my question: {_DELETE}" in reply, reply
    text = session.transcript(catalog)
    assert f"Question left unanswered: {_DELETE}" in text, text


def test_a_days_storage_is_no_peak_ingress(catalog: Catalog) -> None:
    said = _estimates(
        catalog,
        "photo-sharing",
        ["storage: 2.4 MB per photo with renditions is 240 TB a day, about 88 PB a year"],
    )
    # matched to the year's storage (365 days of it), and labelled by its own period
    assert said.get("240 TB a day") == "storage per day", said


def test_a_weeks_unreplicated_storage_is_not_the_tiered_figure(catalog: Catalog) -> None:
    said = _estimates(
        catalog,
        "message-broker",
        [
            "ok assuming 1M msgs/s at 1 KB that's 1 GB/s in, so with 7 days retention it's"
            " about 600 TB, x3 replication 1.8 PB"
        ],
    )
    assert said.get("600 TB") == "retained storage", said
    assert said.get("1.8 PB") == "replicated storage", said


def test_a_returned_question_drops_any_before_lead_in(catalog: Catalog) -> None:
    lines = [
        "OK so 100M links a month is about 40 writes a second and with 100:1 reads that is"
        " 4,000 reads a second, maybe 12K at peak.",
        "Each record is about 500 bytes so 5 years is 100M x 60 x 500 B = 3 TB.",
    ]
    session = run(catalog, "url-shortener", "adversarial", lines)
    first = " ".join(session.exchanges[0].replies)
    assert "Before we draw anything" in first, first
    reply = " ".join(session.exchanges[1].replies)
    assert "back to my question: What exactly does a user get to do" in reply, reply


_PHOTO_DESIGN = """# Photo sharing

## Estimates
- 2.4 MB per photo with renditions = 240 TB/day, about 44 PB/year.

## Components
- S3 for originals and renditions; CloudFront CDN in front.
- Cassandra photos table keyed by photo_id; user_photos keyed by (user_id, created_at).
- Feed service: Redis timelines per user, fan-out on write except accounts over 1M followers.
"""


def _photo(catalog: Catalog, tmp_path: Path, lines: list[str]) -> dict[str, Any]:
    session = run(
        catalog, "photo-sharing", "neutral", ["/design {design}", *lines, "/end"],
        tmp=tmp_path, design=_PHOTO_DESIGN,
    )  # fmt: skip
    conversation: dict[str, Any] = session.report(catalog)["conversation"]
    return conversation


def test_a_keyed_table_is_no_metadata_cache(catalog: Catalog, tmp_path: Path) -> None:
    """ "Metadata in a sharded database with a cache for hot photos and like counts" was
    credited from "Cassandra photos table keyed by photo_id;": any one of its concepts
    covered it, so the database alone claimed the cache. The two are items of their own."""
    said = _photo(catalog, tmp_path, [])
    covered = {c["item"] for c in said["covered"]}
    named = covered | {c["item"] for c in said["mentioned"]}
    assert "metadata-store" in covered and "metadata-cache" not in named, said
    said = _photo(
        catalog, tmp_path,
        ["A Redis cache in front of Cassandra keeps hot captions and like counts in memory."],
    )  # fmt: skip
    assert "metadata-cache" in {c["item"] for c in said["covered"]}, said


def test_cold_storage_is_no_processing_failure(catalog: Catalog, tmp_path: Path) -> None:
    """ "Processing jobs retry with a dead-letter queue ..." was mentioned, quoting "at 10x
    I'd move old photos to cold storage": the item listed data tiering for its lifecycle
    rule, and "photo" (every line's word) tied the line to it."""
    said = _photo(
        catalog, tmp_path,
        ["egress cost and storage growth break first; at 10x I'd move old photos to cold"
         " storage and use erasure coding"],
    )  # fmt: skip
    named = {c["item"] for c in said["covered"]} | {c["item"] for c in said["mentioned"]}
    assert "processing-failures" not in named, said


def test_a_figure_the_design_writes_too_is_no_disagreement(
    catalog: Catalog, tmp_path: Path
) -> None:
    """ "240 TB a day" said, "240 TB/day, about 44 PB/year" written: the design states the
    figure said; its 44 PB disagrees with the "88 PB a year" said, and only that is listed."""
    said = _photo(
        catalog, tmp_path,
        ["storage: 2.4 MB per photo with renditions is 240 TB a day, about 88 PB a year"],
    )  # fmt: skip
    disagree = [c["said"] for c in said["contradictions"]]
    assert disagree == ["88 PB a year"], disagree


def test_what_fills_first_is_no_visible_order(catalog: Catalog) -> None:
    """ "Works in a visible order" was mentioned, quoting "at 10x the disks on hot brokers
    fill first, ...": "first" said of what gives out soonest is no step of an order."""
    lines = [
        "/next",
        "/next",
        "/next",
        "at 10x the disks on hot brokers fill first, I'd add brokers and rebalance partitions",
        "/end",
    ]
    conversation = run(catalog, "message-broker", "terse", lines).report(catalog)["conversation"]
    named = {c["item"] for c in conversation["covered"] + conversation["mentioned"]}
    assert "structure" not in named, conversation["mentioned"]

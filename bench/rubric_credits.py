"""Every rubric item a calibration answer is credited with, and the line the credit rests on,
so a reader can check each one ("does this line say that?") and compare two versions.

A rubric item is covered when a claim specifies any one of its concepts; an item whose
concepts are coarser than its text ("Redis replication is asynchronous, so a failover loses
the latest increments" listing replication) is credited for a line that only names its
subject ("10 Redis shards, 20 with replicas"). Reading these listings is how such items are
found. Reviews each judged answer with its prompt's catalog id, and the primer and grokking
answers whose prompt the catalog holds with that prompt.

Run: python bench/rubric_credits.py OUT.json [--calibration PATH]
     python bench/rubric_credits.py --show OUT.json PROBLEM   (one prompt, item by item)
     python bench/rubric_credits.py --compare BEFORE.json AFTER.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review.context import ReviewContext
from tradeoff.review.coverage import item_support

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from agreement import CATALOG_IDS  # noqa: E402  (the judged prompts' catalog ids)

DEFAULT_CALIBRATION = ROOT.parent / "shared" / "calibration"
# Primer and grokking answers to prompts the catalog holds.
OTHERS = {
    "primer/pastebin.md": "url-shortener",
    "primer/twitter.md": "news-feed",
    "primer/web_crawler.md": "web-crawler",
    "grokking/design-tinyurl.md": "url-shortener",
    "grokking/design-twitter.md": "news-feed",
    "grokking/design-web-crawler.md": "web-crawler",
    "grokking/design-rate-limiter.md": "rate-limiter",
    "grokking/design-youtube.md": "video-streaming",
    "grokking/design-netflix.md": "video-streaming",
    "grokking/design-amazon-s3.md": "object-storage",
    "grokking/design-distributed-cache.md": "distributed-cache",
    "grokking/design-distributed-job-scheduler.md": "distributed-job-scheduler",
    "grokking/design-collaborative-whiteboard.md": "collaborative-whiteboard",
    "grokking/design-notification-system.md": "notification-system",
    "grokking/design-payment-system.md": "payment-system",
    "grokking/design-unique-id-generator.md": "unique-id-generator",
    "grokking/design-typeahead-autocomplete.md": "search-autocomplete",
    "grokking/design-uber.md": "ride-sharing",
    "grokking/design-whatsapp.md": "chat-system",
    "grokking/design-discord.md": "chat-system",
    "grokking/design-instagram.md": "photo-sharing",
    "grokking/design-dropbox.md": "file-sharing",
    "grokking/design-metrics-monitoring.md": "metrics-aggregation",
}

Row = tuple[str, int | None, str]  # status, line, the cited claim's text


def cases(calibration: Path) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    for path in sorted((calibration / "judged" / "answers").glob("*/*.md")):
        problem = CATALOG_IDS.get(path.parent.name)
        if problem is not None:
            found.append((path, problem))
    found += [(calibration / name, problem) for name, problem in OTHERS.items()]
    return [(path, problem) for path, problem in found if path.exists()]


def credits(calibration: Path) -> dict[str, dict[str, Row]]:
    """{"folder/answer.md|problem": {"dimension/item": (status, line, cited text)}}."""
    catalog = default_catalog()
    out: dict[str, dict[str, Row]] = {}
    for path, problem_id in cases(calibration):
        problem = catalog.problems[problem_id]
        context = ReviewContext(
            doc=load_design(path),
            problem=problem,
            rubric=problem.rubric,
            vocabulary=catalog.vocabulary,
            level="senior",
            interview_type=problem.type,
        )
        rows: dict[str, Row] = {}
        for dimension, item in problem.rubric.items():
            found = item_support(item, context.claims, context.mentions, dimension)
            claim = found.claim
            line = claim.line if claim is not None else None
            rows[f"{dimension}/{item.id}"] = (found.status, line, claim.text if claim else "")
        out[f"{path.parent.name}/{path.name}|{problem_id}"] = rows
    return out


def show(listing: dict[str, dict[str, list[object]]], problem_id: str) -> None:
    """Each item of one prompt with its text, concepts and every line credited for it."""
    problem = default_catalog().problems[problem_id]
    for dimension, item in problem.rubric.items():
        key = f"{dimension}/{item.id}"
        mentions = f" mentions {item.mentions}" if item.mentions else ""
        print(f"\n### {key} {item.concepts}{mentions}\n    {' '.join(item.text.split())}")
        for answer, rows in listing.items():
            status, line, text = rows.get(key, ["absent", None, ""])
            if answer.endswith(f"|{problem_id}") and status == "substance":
                print(f"  [{answer.split('|')[0]}:{line}] {str(text)[:220]}")


def compare(
    before: dict[str, dict[str, list[object]]], after: dict[str, dict[str, list[object]]]
) -> None:
    for answer, rows in before.items():
        for key, row in rows.items():
            new = after.get(answer, {}).get(key)
            if new != row:
                print(f"{answer} {key}\n    {row[:2]} {str(row[2])[:150]}")
                print(f"  -> {new[:2] if new else None} {str(new[2])[:150] if new else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--calibration", type=Path, default=DEFAULT_CALIBRATION)
    parser.add_argument("--show", action="store_true", help="FILE PROBLEM: list one prompt")
    parser.add_argument("--compare", action="store_true", help="BEFORE AFTER: list changes")
    args = parser.parse_args()
    if args.show:
        show(json.loads(Path(args.files[0]).read_text(encoding="utf-8")), args.files[1])
    elif args.compare:
        before, after = (json.loads(Path(f).read_text(encoding="utf-8")) for f in args.files)
        compare(before, after)
    else:
        data = credits(args.calibration)
        Path(args.files[0]).write_text(json.dumps(data, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

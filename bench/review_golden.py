"""The review of every calibration answer as one JSON file, to show that a change meant
only for speed leaves every judgement as it was.

Reviews each judged answer with its prompt's catalog id (bench/agreement.py's mapping),
each primer and grokking answer with the generic rubric, and the ones paired with a
catalog prompt (tests/test_calibration.py) also with that prompt; writes the review
contract (`Review.to_json`) plus the notes, word count and unrounded dimension scores of
each. Write the file before the change and compare after it: the files must be equal.
Run: python bench/review_golden.py OUT.json [--calibration PATH] [--compare BEFORE.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review import review_design

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from agreement import CATALOG_IDS  # noqa: E402  (the judged prompts' catalog ids)

DEFAULT_CALIBRATION = ROOT.parent / "shared" / "calibration"
PAIRED = {
    "primer/pastebin.md": "url-shortener",
    "primer/twitter.md": "news-feed",
    "primer/web_crawler.md": "web-crawler",
    "grokking/design-tinyurl.md": "url-shortener",
    "grokking/design-twitter.md": "news-feed",
    "grokking/design-web-crawler.md": "web-crawler",
}


def cases(calibration: Path) -> list[tuple[Path, str | None]]:
    found: list[tuple[Path, str | None]] = [
        (path, CATALOG_IDS[path.parent.name])
        for path in sorted((calibration / "judged" / "answers").glob("*/*.md"))
    ]
    for folder in ("primer", "grokking"):
        for path in sorted((calibration / folder).glob("*.md")):
            found.append((path, None))
            paired = PAIRED.get(f"{folder}/{path.name}")
            if paired is not None:
                found.append((path, paired))
    return found


def reviews(calibration: Path) -> dict[str, object]:
    catalog = default_catalog()
    out: dict[str, object] = {}
    for path, problem in cases(calibration):
        review = review_design(load_design(path), catalog, problem)
        data = review.to_json()
        data["notes"] = review.notes
        data["word_count"] = review.word_count
        data["unrounded"] = {name: score.score for name, score in sorted(review.scores.items())}
        out[f"{path.relative_to(calibration)} as {problem or 'guessed'}"] = data
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--calibration", type=Path, default=DEFAULT_CALIBRATION)
    parser.add_argument("--compare", type=Path, help="a file written before the change")
    args = parser.parse_args()
    if not (args.calibration / "judged" / "answers").is_dir():
        raise SystemExit(f"no calibration answers under {args.calibration}; pass --calibration")
    found = reviews(args.calibration)
    args.out.write_text(
        json.dumps(found, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(found)} reviews written to {args.out}")
    if args.compare is not None:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        changed = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
        for key in changed:
            print(f"changed: {key}")
        print("identical" if not changed else f"{len(changed)} review(s) changed")
        if changed:
            raise SystemExit(1)


if __name__ == "__main__":
    main()

"""Agreement of the reviewer with expert judges on real answers nobody here wrote.

Reads `../shared/calibration/judged/` (55 answers to six prompts, each scored by three
judges), reviews every answer with the prompt's catalog id (or the generic rubric), and
prints Spearman's rho between `overall` and the judges' mean: over all answers, within each
prompt, and of `overall` with word count, beside the judges' own rho with word count. A
reviewer that tracks the judges without rewarding length has rho(overall) >= 0.65 and
rho(overall, words) below rho(judges, words).

Run: python bench/agreement.py [--judged PATH] [--worst 10] [--format text|json]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from pathlib import Path

from tradeoff.catalog import default_catalog
from tradeoff.design import load_design
from tradeoff.review import review_design

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JUDGED = ROOT.parent / "shared" / "calibration" / "judged"
# The judged prompts' ids in our catalog; None is a prompt the catalog does not hold.
CATALOG_IDS: dict[str, str | None] = {
    "url-shortener": "url-shortener",
    "distributed-rate-limiter": "rate-limiter",
    "news-feed": "news-feed",
    "design-youtube": "video-streaming",
    "global-object-store": "object-storage",
    "rag-search-assistant": None,
}


def ranks(values: list[float]) -> list[float]:
    """Average ranks (1-based), ties sharing the mean of their positions."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs: list[float], ys: list[float]) -> float:
    """Pearson's r over the ranks; 0 when either side is constant."""
    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else 0.0


def measure(judged: Path) -> dict[str, object]:
    catalog = default_catalog()
    rows = []
    with (judged / "scores.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            path = judged / row["answer"]
            review = review_design(load_design(path), catalog, CATALOG_IDS[row["question"]])
            rows.append(
                {
                    "question": row["question"],
                    "answer": row["answer"],
                    "judges": float(row["mean"]),
                    "words": int(row["words"]),
                    "overall": review.overall,
                    "dimensions": {d: round(s.score, 2) for d, s in review.scores.items()},
                }
            )
    ours = [float(r["overall"]) for r in rows]  # type: ignore[arg-type]
    judges = [float(r["judges"]) for r in rows]  # type: ignore[arg-type]
    words = [float(r["words"]) for r in rows]  # type: ignore[arg-type]
    per_prompt = {}
    for question in sorted({str(r["question"]) for r in rows}):
        part = [r for r in rows if r["question"] == question]
        per_prompt[question] = round(
            spearman([float(r["overall"]) for r in part], [float(r["judges"]) for r in part]), 3
        )
    # Disagreement: the gap between the two rank positions over all answers.
    r_ours, r_judges = ranks(ours), ranks(judges)
    for row, a, b in zip(rows, r_ours, r_judges, strict=True):
        row["rank_gap"] = a - b
    return {
        "answers": len(rows),
        "spearman_overall": round(spearman(ours, judges), 3),
        "within_prompt": per_prompt,
        "within_prompt_mean": round(statistics.fmean(per_prompt.values()), 3),
        "spearman_overall_words": round(spearman(ours, words), 3),
        "spearman_judges_words": round(spearman(judges, words), 3),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judged", type=Path, default=DEFAULT_JUDGED)
    parser.add_argument("--worst", type=int, default=10, help="list the N largest disagreements")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if not (args.judged / "scores.csv").is_file():
        print(f"agreement: no scores.csv under {args.judged}; pass --judged PATH", file=sys.stderr)
        return 2
    result = measure(args.judged)
    if args.format == "json":
        print(json.dumps(result, indent=2))
        return 0
    print(f"answers: {result['answers']}")
    print(f"spearman(overall, judges mean):  {result['spearman_overall']}")
    print(f"within-prompt mean:              {result['within_prompt_mean']}")
    for question, rho in result["within_prompt"].items():  # type: ignore[attr-defined]
        print(f"  {question:26} {rho}")
    print(f"spearman(overall, words):        {result['spearman_overall_words']}")
    print(f"spearman(judges mean, words):    {result['spearman_judges_words']}")
    rows = sorted(result["rows"], key=lambda r: -abs(r["rank_gap"]))  # type: ignore[arg-type,index]
    print(f"\nlargest disagreements (rank of ours minus rank of judges, of {result['answers']}):")
    for row in rows[: args.worst]:
        print(
            f"  {row['rank_gap']:+6.1f}  ours {row['overall']:3}  judges {row['judges']:.2f}"
            f"  {row['words']:5} words  {row['answer']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

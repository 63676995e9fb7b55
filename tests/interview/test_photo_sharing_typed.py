"""A typed session of issue 10 on photo sharing (friendly), with a design attached.

- The design's "... about 350 TB a day" (a day's new storage) was read as the peak upload
  ingress, near it in value, and covered "Estimates peak egress of about 930 Gbit/s ..."
  with substance, though the design states no bandwidth at all.
- "If a resize worker crashes, the message becomes visible again after 5 minutes and another
  worker retries it" left "Processing jobs retry with a dead-letter queue ..." as "neither
  said nor written": a queued job was not read as the message a worker retries.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog

_DESIGN = """# Photo sharing

## Estimates
- 100M x 3 MB = 300 TB a day of originals; with renditions, about 350 TB a day.

## Failures
- If a resize worker crashes, the message becomes visible again after 5 minutes and another
  worker retries it.
"""


def _talk(catalog: Catalog, tmp_path: Path) -> dict[str, list[dict[str, object]]]:
    design = tmp_path / "design.md"
    design.write_text(_DESIGN, encoding="utf-8")
    script = ["How many uploads a day?", "/next", f"/design {design}", "/end"]
    return run(catalog, "photo-sharing", "friendly", script).report(catalog)["conversation"]


def test_a_days_storage_is_no_peak_bandwidth(catalog: Catalog, tmp_path: Path) -> None:
    covered = {c["item"] for c in _talk(catalog, tmp_path)["covered"]}
    assert "bandwidth" not in covered, covered


def test_a_message_retried_by_another_worker_retries_the_job(
    catalog: Catalog, tmp_path: Path
) -> None:
    covered = {c["item"]: c["quote"] for c in _talk(catalog, tmp_path)["covered"]}
    assert str(covered.get("processing-failures", "")).startswith("If a resize worker"), covered

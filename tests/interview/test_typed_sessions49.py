"""An upload-API session typed by hand with the adversarial persona (round 49).

The report read as a candidate would:
- "Each part is a PUT to /v1/uploads/{id}/parts/{n} with its checksum, so re-sending part 7
  just overwrites part 7 with the same bytes" left the idempotent-chunk item "only
  mentioned" (quoting another line): a resend that lands on the same bytes is what
  idempotent means, in plain words.
- "presigned vs proxy: presigned saves us running 110 Gbit/s of upload servers but we need
  to refresh URLs when they expire" left the proxy-versus-presigned trade-off "neither said
  nor written": "presigned" named direct upload only followed by "url".
- "... and return 410 after that" left the status-code item "neither said nor written":
  410 (and 308, 413, 416, which the prompt's item names) were no status codes.
- "20 GB in 8 MB chunks is 2,500 parts ..." was quoted from "I'd go with 16 MB chunks.", said
  later: a figure near the reference replaced the line that had worked the item out.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_LINES = [
    "hi. so how big are the files and how many uploads per day do we get?",
    "/next",
    "chunks are 8 MB, so the 20 GB max file is 2,500 parts, and at 2 Mbit/s one chunk is about"
    " 32 seconds",
    "Each part is a PUT to /v1/uploads/{id}/parts/{n} with its checksum, so re-sending part 7"
    " just overwrites part 7 with the same bytes",
    "presigned vs proxy: presigned saves us running 110 Gbit/s of upload servers but we need"
    " to refresh URLs when they expire",
    "I'd go with 16 MB chunks.",
    "sessions expire 24 hours after the last activity and return 410 after that, a cleanup job"
    " deletes the parts",
    "/end",
]


def test_the_upload_report_quotes_what_was_said(catalog: Catalog) -> None:
    report = run(catalog, "file-upload-api", "adversarial", _LINES).report(catalog)
    covered = {c["item"]: c["quote"] for c in report["conversation"]["covered"]}
    mentioned = {c["item"] for c in report["conversation"]["mentioned"]}
    assert "re-sending part 7" in covered.get("idempotent-chunks", ""), covered
    assert "presigned vs proxy" in covered.get("proxy-vs-presigned", ""), covered
    assert "status-codes" in covered or "status-codes" in mentioned
    assert covered["chunk-math"].startswith("chunks are 8 MB"), covered["chunk-math"]


def test_a_part_number_is_no_count_and_parts_are_chunks(catalog: Catalog) -> None:
    """With a design attached that says "20 GB / 4 MB chunks = 5,000 parts", the report
    read 'Said and written disagree on chunks for max file: you said "7 just overwrites
    part"': "re-sending part 7" was read as seven parts. A number after "part", "chunk",
    "floor", "step", "#" names one of them. And "the 20 GB max file is 2,500 parts" is the
    chunk count ("parts" are the upload's chunks)."""
    from tradeoff.interview.numbers import quantities_in

    refs = tuple(catalog.numbers["file-upload-api"])
    assert (
        quantities_in("so re-sending part 7 just overwrites part 7 with the same bytes", refs) == []
    )
    said = quantities_in("the 20 GB max file is 2,500 parts", refs)
    assert [s.ref.name if s.ref else None for s in said][-1] == "chunks_for_max_file", said

"""A typed session of issue 10 on the resumable upload API (terse), read line by line.

- "POST /uploads ... returns an upload id and a part size of 8 MB." drew "That looks low to
  me. What makes you pick 8 MB?": the part size shared only "size" with what an abandoned
  upload stopped at (100 MB), and was checked against it.
- "A 5 GB file is 625 parts of 8 MB." drew "Earlier I said the largest file we accept is
  20 GB; you said 5 GB file. Which one are you designing for?": one file under the limit.
- "Earlier I said about 2 million large uploads a day (videos; you said ...": the clause said
  back stopped inside the fact's parenthesis.
- "Each chunk is a PUT ... with its checksum ..." was quoted from the re-send line with
  "still to say: a checksum mismatch is rejected", which the PUT turn said.
- "States assumptions (chunk size, expiry, checksum algorithm)" was quoted from the uploads a
  day, not from the part size the candidate chose.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog

_ASK = "How big are the files and how many uploads a day? Do clients resume after a network drop?"
_CREATE = (
    "POST /uploads creates an upload session and returns an upload id and a part size of 8 MB."
)
_PUT = (
    "PUT /uploads/{id}/parts/{n} uploads one part; the client sends a checksum header and we"
    " reject a part whose checksum doesn't match."
)
_SIZES = (
    "A 5 GB file is 625 parts of 8 MB. At 1 million uploads a day of 100 MB average that's"
    " 100 TB a day, about 1.2 GB/s."
)


def test_a_part_size_is_not_checked_against_another_size(catalog: Catalog) -> None:
    session = run(catalog, "file-upload-api", "terse", [_ASK, "/next", _CREATE])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" not in reply and "8 MB" not in reply, reply


def test_one_file_under_the_largest_is_no_disagreement(catalog: Catalog) -> None:
    session = run(catalog, "file-upload-api", "terse", [_ASK, "/next", _SIZES, "/end"])
    reply = " ".join(session.exchanges[-2].replies)
    assert "20 GB" not in reply, reply
    # the uploads a day are said against the 2 million given, in the fact's own clause
    assert "Earlier I said about 2 million large uploads a day;" in reply, reply
    talk = session.report(catalog)["conversation"]
    assert [g["about"] for g in talk["given_contradicted"]] == ["uploads per day"], talk
    # the chunk count is of that one file, not of the largest
    [chunks] = [m for m in talk["mentioned"] if m["item"] == "chunk-math"]
    assert chunks["worked_from"] == "5 GB file", chunks


def test_a_part_another_turn_said_is_not_still_to_say(catalog: Catalog) -> None:
    again = "Re-sending a part just overwrites it, so retries are safe."
    script = [_ASK, "/next", _PUT, again, "/end"]
    talk = run(catalog, "file-upload-api", "terse", script).report(catalog)["conversation"]
    [chunks] = [c for c in talk["covered"] if c["item"] == "idempotent-chunks"]
    assert not any("checksum" in part for part in chunks["lacks"]), chunks


def test_a_chosen_part_size_states_the_chunk_size_assumption(catalog: Catalog) -> None:
    talk = run(catalog, "file-upload-api", "terse", [_ASK, "/next", _CREATE, "/end"]).report(
        catalog
    )["conversation"]
    covered = {c["item"]: c["quote"] for c in talk["covered"]}
    assert covered.get("assumptions") == _CREATE, covered

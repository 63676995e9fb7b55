"""An object-storage session typed for issue 10 (adversarial), iv16.

- "10 billion PUTs a month is about 3,900 PUTs/s, so about 39,000 GETs/s" drew "That looks
  high to me ... How did you get 39,000 GETs/s?", and the report said the spoken "39,000
  GETs/s" disagreed with the design's "3,900 PUT/s": "get" is a stop word, so neither the
  spoken "GETs" nor the figure "gets_per_s" named anything, and the GETs were taken as a
  restatement of the PUTs before them. An HTTP method is read as the method.
- "Small objects are packed into 1 GB append-only extents ..., instead of coding each 100
  kB object into 12 tiny fragments" drew "Earlier I said 1 MB; you said 1 GB append. Which
  one are you designing for?": a size that names its own thing ("extents") was read
  through the clause's subject ("objects") as the average object size; and the 100 kB,
  the median the same fact gives, was then challenged as another average.
- The deep dive then asked "What changes if most objects are 4 kB?" right after the
  packing was explained: a four-word follow-up can share at most two words with the item,
  and three were needed.
- "On a PUT the front end writes the fragments to storage nodes, waits until they're
  durable, then commits the metadata record in one transaction" drew "Walk me through one
  request end to end. Where does it go?", the phase's first open prompt, which it had just
  done.
- The report listed "Works in a visible order and separates the data path from the
  metadata path" as neither said nor written, beside "communication: ... depth reached 'a
  visible order'": the design's sections ran in order, and the item was dropped because the
  line the reviewer cited for it ("Write path: ..., then commit ...") orders no steps.
- "I split it into stateless API front ends, a metadata service that maps keys to
  locations, and storage nodes ..., so each scales on its own" was covered with substance
  for the trade-off "An explicit placement map ... against computed placement such as
  CRUSH": the item's concepts were consistent hashing and the metadata service, which every
  object store names; its choice is data placement, the metadata service its subject.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in
from tradeoff.interview.policy import _walks_a_request

_RATES = (
    "OK, estimates. 10 billion PUTs a month is about 3,900 PUTs/s, so about 39,000 GETs/s, and"
    " at peak 7,800 PUTs/s and 78,000 GETs/s."
)


def test_gets_are_the_get_rate(catalog: Catalog) -> None:
    found = {s.text: s.ref.name if s.ref else None
             for s in quantities_in(_RATES, catalog.numbers["object-storage"])}  # fmt: skip
    assert found["39,000 GETs/s"] == "gets_per_s", found
    assert found["3,900 PUTs/s"] == "puts_per_s", found


def test_a_right_get_rate_is_not_challenged(catalog: Catalog) -> None:
    ask = "How many objects are written a month, and what's the read to write ratio?"
    session = run(catalog, "object-storage", "adversarial", [ask, _RATES])
    reply = " ".join(session.exchanges[-1].replies)
    assert "39,000" not in reply and "looks high" not in reply, reply


_PACKING = (
    "Small objects are packed into 1 GB append-only extents that are coded as a whole, instead"
    " of coding each 100 kB object into 12 tiny fragments, because 12 fragments of 8 kB would"
    " kill the disks with seeks."
)
_SIZES = "How many objects are stored, and how big are they?"


def test_an_extent_size_and_a_given_median_are_no_disagreement(catalog: Catalog) -> None:
    session = run(catalog, "object-storage", "adversarial", [_SIZES, "/next", "/next", _PACKING])
    reply = " ".join(session.exchanges[-1].replies)
    assert "Earlier I said" not in reply and "looks low" not in reply, reply
    assert not session.interview.state.contradicted


def test_the_small_object_follow_up_is_not_asked_after_packing(catalog: Catalog) -> None:
    session = run(catalog, "object-storage", "adversarial", [_SIZES, "/next", "/next", _PACKING])
    reply = " ".join(session.exchanges[-1].replies)
    assert "4 kB" not in reply, reply


def test_a_request_just_walked_through_is_known(catalog: Catalog) -> None:
    walk = (
        "On a PUT the front end writes the fragments to storage nodes, waits until they're"
        " durable, then commits the metadata record in one transaction."
    )
    split = (
        "I split it into stateless API front ends, a metadata service that maps keys to"
        " locations, and storage nodes that hold the bytes, so each scales on its own."
    )
    assert _walks_a_request(walk)
    assert not _walks_a_request(split)


_DESIGN = """# Object store

## Requirements
- Buckets: create, delete. Objects: PUT, GET (with Range), HEAD, DELETE.
- LIST by prefix, 1,000 per page. Multipart upload.
- Eleven nines durability, survive a zone loss; 99.99% availability.
- Out of scope: versioning, lifecycle tiers, cross-region replication, IAM.

## Estimates
- 10B PUTs/month = 3,900 PUT/s avg, 7,800 at peak; GETs 10x: 78,000/s at peak.
- 100 PB logical; 8+4 code = 150 PB raw; 150 PB / 19.2 TB per drive = 7,800 drives.
- Metadata: 100B x 500 B = 50 TB.

## API
- PUT /{bucket}/{key}, GET /{bucket}/{key} (Range), HEAD, DELETE
- GET /{bucket}?prefix=&continuation-token= (1,000 keys per page)

## Design
- API front ends (stateless) -> metadata service (FoundationDB-style, range partitioned
  by bucket+key) and storage nodes.
- Write path: fragments to storage nodes, wait for durable, then commit the metadata record.
- Placement service picks nodes across zones and racks.
"""


def test_sections_in_order_are_no_absence(catalog: Catalog, tmp_path: Path) -> None:
    session = run(catalog, "object-storage", "adversarial", ["/design {design}", "/end"],
                  tmp=tmp_path, design=_DESIGN)  # fmt: skip
    talk = session.report(catalog)["conversation"]
    assert "structure" not in {c["item"] for c in talk["missing"]}
    assert "structure" in {c["item"] for c in talk["mentioned"]}


def test_naming_the_metadata_service_weighs_no_placement(catalog: Catalog) -> None:
    split = (
        "I split it into stateless API front ends, a metadata service that maps keys to"
        " locations, and storage nodes that hold the bytes, so each scales on its own."
    )
    session = run(catalog, "object-storage", "adversarial", ["/next", split])
    said = session.interview.state.said
    assert said["metadata-data-split"].status == "substance"
    assert said["placement-map-vs-hash"].status == "mentioned"

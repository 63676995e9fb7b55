"""A video-streaming session typed by hand with the neutral persona.

- "... so 50 workers can transcode one video in parallel" drew "That looks low to me, given
  that about 500,000 videos are uploaded a day ... How did you get 50 workers?": workers for
  one video were checked against the whole transcoding fleet.
- "I'd only make the 1080p rendition for videos that get views" drew "That looks high to me.
  How did you get 1080p rendition?": a picture height was read as 1,080 of something.
- "At 10x" left its "1" as a quantity (the multiplier guard let the number shrink to "1").
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in

_CHUNKS = (
    "Transcoding: each upload is split into 10-second chunks so 50 workers can transcode one"
    " video in parallel; a job is retried up to 3 times and is idempotent because outputs are"
    " keyed by chunk id."
)
_TEN_X = (
    "At 10x, transcoding compute is the first cost problem; I'd only make the 1080p rendition"
    " for videos that get views."
)


def test_workers_for_one_video_are_not_the_fleet(catalog: Catalog) -> None:
    session = run(catalog, "video-streaming", "neutral", ["/next", "/next", _CHUNKS])
    reply = " ".join(session.exchanges[-1].replies)
    assert "50 workers" not in reply and "looks low" not in reply, reply


def test_a_rendition_and_a_multiplier_are_no_quantities(catalog: Catalog) -> None:
    assert quantities_in(_TEN_X, ()) == []
    assert [
        q.text
        for q in quantities_in("We make 720p60 and 480p copies of 500,000 uploads a day.", ())
    ] == ["500,000 uploads a day"]
    session = run(catalog, "video-streaming", "neutral", ["/next", "/next", "/next", _TEN_X])
    reply = " ".join(session.exchanges[-1].replies)
    assert "1080p" not in reply and "How did you get" not in reply, reply

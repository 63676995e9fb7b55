"""A video-editor session typed by hand with the adversarial persona (round 48).

Read as a candidate would:
- "actually a 4K frame is 3840x2160x4 bytes = 33 MB" (right) drew "That looks high to me,
  given that if you edit on proxies (lower-resolution copies), assume 960x540 ... How did
  you get 33 MB?": the only frame size the prompt knew was a 540p proxy frame's (2.07 MB),
  though its rubric item says "33 MB at 4K". The 4K frame is now a figure of its own.
- That check also read as broken English: a fact worded as a condition or an instruction
  ("If you edit on proxies ..., assume ...") cannot follow "given that"; it is quoted.
- "cache about 2 seconds of decoded frames" and "2 seconds at 60 fps is 4 GB" were read as
  the 33 ms frame budget (and, once the 33 MB was right, drew "How did you get 2
  seconds?"): a span of video is no per-frame time.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview import phrasing
from tradeoff.interview.numbers import quantities_in

_FOUR_K = (
    "actually a 4K frame is 3840x2160x4 bytes = 33 MB, so 2 seconds at 60 fps is 4 GB, too"
    " much, I'd cache 1080p proxies instead"
)


def test_a_right_4k_frame_size_is_not_called_high(catalog: Catalog) -> None:
    lines = ["Do we edit on proxies, and how much memory do decoded frames take?", "/next",
             _FOUR_K]  # fmt: skip
    reply = " ".join(run(catalog, "video-editor-ui", "adversarial", lines).exchanges[-1].replies)
    assert "looks high" not in reply, reply
    assert "How did you get" not in reply, reply


def test_a_span_of_video_is_no_frame_budget(catalog: Catalog) -> None:
    refs = tuple(catalog.numbers["video-editor-ui"])
    cached = (
        "preview: we decode only the frames around the playhead and cache about 2 seconds of"
        " decoded frames, 4K frame is 33 MB so 120 frames is 4 GB"
    )
    for line in (_FOUR_K, cached):
        spans = [s for s in quantities_in(line, refs) if s.text.startswith("2 seconds")]
        assert spans and spans[0].ref is None, (line, spans)


def test_a_conditional_fact_is_quoted_not_subordinated(catalog: Catalog) -> None:
    fact = next(f for f in catalog.get("video-editor-ui").facts if f.text.startswith("If you"))
    refs = tuple(catalog.numbers["video-editor-ui"])
    spoken = quantities_in("A decoded proxy frame buffer is about 20 GB.", refs)[0]
    said = phrasing.sanity_check(spoken, [fact.text])
    assert "given that if" not in said, said
    assert 'I said: "If you edit on proxies' in said, said


def test_an_estimate_said_twice_is_listed_once(catalog: Catalog) -> None:
    """The report listed "Estimate said at 0:00: 33 MB (...)" twice: the 4K frame said in
    one turn and worked out again in a later one."""
    lines = [
        "/next",
        "preview: we decode only the frames around the playhead, a 4K frame is 33 MB",
        _FOUR_K,
        "/end",
    ]
    report = run(catalog, "video-editor-ui", "adversarial", lines).report(catalog)
    said = [(e["said"], e["about"]) for e in report["conversation"]["estimates"]]
    assert len(said) == len(set(said)), said
    assert ("33 MB", "source frame bytes") in said, said

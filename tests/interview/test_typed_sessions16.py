"""A video-editor session typed by hand with the terse persona.

"How long are the videos people edit, and on what devices?" drew the out-of-scope fact
for its first part (which shares "people" and "edit" with "co-editing by several people")
instead of the project length. "I keep a cache of decoded frames around the playhead, about
60 frames" drew "How did you get 60 frames?", though the size of a cache is the candidate's
choice; and "At 4K the frame cache breaks first" drew "How did you get 4K?": 4K is a
picture size, not four thousand of something.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_how_long_the_videos_are_is_the_project_length(catalog: Catalog) -> None:
    session = run(catalog, "video-editor-ui", "terse", ["How long are the videos people edit?"])
    reply = " ".join(session.exchanges[-1].replies)
    assert "5 to 10 minute" in reply and "out of scope" not in reply, reply


def test_a_cache_the_candidate_keeps_is_a_choice_not_an_estimate(catalog: Catalog) -> None:
    line = (
        "I keep a cache of decoded frames around the playhead, about 60 frames, because decoding"
        " from the last keyframe on every scrub would stall."
    )
    session = run(catalog, "video-editor-ui", "terse", ["/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "60 frames" not in reply, reply


def test_4k_is_a_resolution(catalog: Catalog) -> None:
    line = "At 4K the frame cache breaks first; I'd decode at preview resolution."
    session = run(catalog, "video-editor-ui", "terse", ["/next", "/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "4K" not in reply, reply


def test_a_client_is_not_asked_about_10x_the_traffic(catalog: Catalog) -> None:
    session = run(catalog, "video-editor-ui", "terse", ["/next", "/next", "/next"])
    reply = " ".join(session.exchanges[-1].replies)
    assert "breaks first" in reply and "traffic" not in reply, reply


def test_a_class_design_is_asked_how_it_extends(catalog: Catalog) -> None:
    session = run(catalog, "parking-lot", "neutral", ["/next", "/next", "/next"])
    reply = " ".join(session.exchanges[-1].replies)
    assert "traffic" not in reply and "requirements grow" in reply, reply

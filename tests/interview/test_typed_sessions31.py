"""A file-sharing session typed by hand with the neutral persona (round 31).

"How quickly must a change reach other devices?" drew "About 150 million desktop and
mobile clients are connected at peak ... Each edit must be pushed to about 3 other
devices" (its id says "devices", and it says "other devices"), not "A small file saved on
one device should appear on the owner's other online devices within about 10 seconds":
the latency fact's cues did not include how such a question asks ("how quickly", "how
soon", "appear on").

"A removed member loses access at once because every download checks the folder ACL in the
metadata service." was answered with the follow-up "How do you make sure someone removed
from a folder can no longer download its files?", what had just been said. The follow-up's
frame words ("make sure", "someone", "no longer"; "make" reads as "create") counted as its
subject and halved the share it has with the revocation item the turn covered.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def test_how_quickly_a_change_reaches_devices_is_the_latency(catalog: Catalog) -> None:
    lines = ["How quickly must a change reach other devices?"]
    session = run(catalog, "file-sharing", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "within about 10" in reply, reply


_LINES = [
    "How many users, and how much does each store?",
    "/next",
    "Clients chunk files into blocks, hash them and upload only missing blocks to object"
    " storage; a metadata service records versions.",
    "/next",
    "A removed member loses access at once because every download checks the folder ACL in"
    " the metadata service.",
]


def test_the_revocation_just_explained_is_not_asked(catalog: Catalog) -> None:
    session = run(catalog, "file-sharing", "neutral", _LINES)
    reply = " ".join(session.exchanges[-1].replies)
    assert "can no longer download" not in reply, reply


def test_a_conflicted_copy_said_is_not_reported_as_never_said(catalog: Catalog) -> None:
    """The report listed "... a losing concurrent edit is kept as a conflicted copy rather
    than resolved by last-writer-wins ..." under "Not covered, neither said nor written"
    after "we keep both copies as a conflicted copy, so nobody loses work": the sync
    concept knew "conflict" and "conflicts", not "conflicted copy"."""
    lines = [
        "/next",
        "If two people edit the same file offline we keep both copies as a conflicted copy,"
        " so nobody loses work.",
    ]
    session = run(catalog, "file-sharing", "neutral", lines)
    missing = [c["text"] for c in session.report(catalog)["conversation"]["missing"]]
    assert not [m for m in missing if "conflicted copy" in m], missing


def test_a_count_at_a_size_each_is_checked(catalog: Catalog) -> None:
    """ "500 million saves a day at 500 kB each is 250 GB a day." (250 TB) went unchecked:
    the estimate grammar did not read "at 500 kB each" as a product."""
    lines = [
        "How many saves a day, and how big is a save?",
        "/next",
        "500 million saves a day at 500 kB each is 250 GB a day.",
    ]
    session = run(catalog, "file-sharing", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "250 GB a day" in reply, reply

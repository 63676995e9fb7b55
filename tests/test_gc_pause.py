"""The collector pause around a review: nested, and restoring what it found."""

import gc

from tradeoff.gc_pause import collection_paused


def test_collection_is_paused_inside_and_enabled_again_after() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_nested_pause_keeps_the_collector_off_until_the_outer_one_ends() -> None:
    with collection_paused():
        with collection_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_the_body_raises() -> None:
    try:
        with collection_paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()

"""A chat-system session typed by hand with the adversarial persona.

"What breaks first at 10x is the fan-out for large groups; I'd cap groups at 500 and use a
pull model above that." drew "That looks high to me, given that ... a typical group message
reaches about 20 other people. How did you get 500?": a cap the candidate sets was read as
an estimate of group size. A bound read only "cap at" and "capped at", not "cap groups at".
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.language.bounds import is_bound

_CAP = (
    "What breaks first at 10x is the fan-out for large groups; I'd cap groups at 500 and use a"
    " pull model above that."
)


def test_a_cap_with_what_it_caps_is_a_bound() -> None:
    assert is_bound("I'd cap groups at ")
    assert is_bound("we limit uploads per user to ")
    assert not is_bound("the cache holds ")


def test_a_cap_the_candidate_sets_is_not_sanity_checked(catalog: Catalog) -> None:
    session = run(catalog, "chat-system", "adversarial", ["/next", "/next", "/next", _CAP])
    reply = " ".join(session.exchanges[-1].replies)
    assert "500" not in reply and "looks high" not in reply, reply

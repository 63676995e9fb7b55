"""An object-storage session typed for issue 10 (adversarial), iv16.

- "10 billion PUTs a month is about 3,900 PUTs/s, so about 39,000 GETs/s" drew "That looks
  high to me ... How did you get 39,000 GETs/s?", and the report said the spoken "39,000
  GETs/s" disagreed with the design's "3,900 PUT/s": "get" is a stop word, so neither the
  spoken "GETs" nor the figure "gets_per_s" named anything, and the GETs were taken as a
  restatement of the PUTs before them. An HTTP method is read as the method.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog
from tradeoff.interview.numbers import quantities_in

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

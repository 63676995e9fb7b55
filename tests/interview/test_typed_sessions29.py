"""A job-portal session typed by hand with the terse persona (round 29).

"300 million searches a day is about 35,000 searches per second." (10x over: 3,472/s) was
not checked, and the report credited "Derives about 3,500 searches/s ..." with that very
line. The 35,000 was nearer in value to the Monday-morning peak (10,417/s) than to the
average, was taken for the peak, and was then dropped for not being said as a peak,
leaving no figure at all. The figure at the other end of the day is now left out before
choosing; a number close to it ("10,000/s on Monday mornings") may be it said plainly and
stays unchecked, as before.

With the design saying "3,500 searches/s", the report printed a disagreement for each
written figure of the same quantity; one figure said is one disagreement.
"""

from __future__ import annotations

from pathlib import Path

from simulate import run

from tradeoff.catalog import Catalog

_DESIGN = "\n".join(
    [
        "# Job site",
        "",
        "## Estimates",
        "- 30 million seekers a day, 10 searches each: 300 million searches a day, about 3,500"
        " searches/s, 10,000/s on Monday mornings.",
        "- 20 million open postings at 5 KB each: 100 GB of postings.",
        "",
        "## Components",
        "- Postings service writes to Postgres; a change stream feeds an Elasticsearch index.",
        "",
    ]
)

_LINES = [
    "How many searches a day?",
    "/next",
    "300 million searches a day is about 35,000 searches per second.",
]


def test_a_rate_ten_times_over_is_checked(catalog: Catalog) -> None:
    session = run(catalog, "job-portal", "terse", _LINES)
    reply = " ".join(session.exchanges[-1].replies)
    assert "35,000 searches per second" in reply, reply
    spoken = [s.number for s in session.interview.state.spoken_numbers if s.number]
    wrong = [n for n in spoken if n.text == "35,000 searches per second"]
    assert wrong and wrong[0].ref is not None and wrong[0].ref.name == "searches_per_s"
    assert wrong[0].off


def test_the_design_and_the_wrong_rate_disagree_once(catalog: Catalog, tmp_path: Path) -> None:
    script = [*_LINES, "/design {design}"]
    session = run(catalog, "job-portal", "terse", script, tmp=tmp_path, design=_DESIGN)
    report = session.report(catalog)
    said = [c["said"] for c in report["conversation"]["contradictions"]]
    assert said == ["35,000 searches per second"], said
    search_rate = [c for c in report["conversation"]["covered"] if "3,500 searches/s" in c["text"]]
    for item in search_rate:
        assert "35,000" not in item["quote"], item


def test_a_peak_written_plainly_is_no_disagreement(catalog: Catalog, tmp_path: Path) -> None:
    script = ["How many searches a day?", "/next", "/design {design}"]
    session = run(catalog, "job-portal", "terse", script, tmp=tmp_path, design=_DESIGN)
    written = {
        w.number.text: w.number.ref.name if w.number.ref else None
        for w in session.interview.state.written_numbers
        if w.number
    }
    assert written.get("10,000/s") in (None, "peak_searches_per_s"), written


def test_a_rate_ten_times_over_earns_no_derivation_credit(catalog: Catalog) -> None:
    session = run(catalog, "job-portal", "terse", _LINES)
    assert not session.interview.state.covered("search-rate")


def test_asking_whether_users_need_an_excluded_feature_scopes_it(catalog: Catalog) -> None:
    """ "Do users need recommendations?" drew "Personal recommendations, billing for sponsored
    jobs, ... are out of scope.", yet the report listed "Leaves recommendations, billing and
    messaging out of scope on purpose." as "Not covered, neither said nor written" (while
    "Is real-time co-editing in scope?" is credited on file sharing): only "do we need", not
    "do users need", was read as asking which features are in scope."""
    session = run(catalog, "job-portal", "terse", ["Do users need recommendations?"])
    conversation = session.report(catalog)["conversation"]
    missing = [c["text"] for c in conversation["missing"]]
    assert not [m for m in missing if "out of scope on purpose" in m], missing


def test_a_change_stream_feeding_the_index_is_not_reported_as_never_said(
    catalog: Catalog,
) -> None:
    """ "Postings go to Postgres and are indexed in Elasticsearch through a change stream."
    left "Changes to jobs flow from the database through an outbox or CDC into a log ..."
    under "Not covered, neither said nor written": the outbox concept knew "change data
    capture" and "binlog", not a database's "change stream" or "change feed"."""
    lines = [
        "/next",
        "Postings go to Postgres and are indexed in Elasticsearch through a change stream.",
    ]
    session = run(catalog, "job-portal", "terse", lines)
    missing = [c["text"] for c in session.report(catalog)["conversation"]["missing"]]
    assert not [m for m in missing if "outbox or CDC" in m], missing

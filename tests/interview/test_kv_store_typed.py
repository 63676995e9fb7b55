"""Typed session of issue 10 on the key-value store (friendly), iv20.

- "at 2 TB usable per node that is 750 nodes for storage" (75 is right) passed unchecked,
  and its line was quoted for "Peak replica operations ... about 84 nodes": "per node",
  said of the 2 TB before "that is", was read as said of the 750 nodes, one node's figure.
- "... that is about 10,700 hinted writes a second per down node" (right) drew "That looks
  low to me, given that a node ... serves about 50,000 replica reads or writes per second":
  the comma of "10,700" ended the number's clause, so "per down node" was not its own.
- "I don't want to go there yet" was praised with "Nice.": it was no put-off to the listener.
"""

from __future__ import annotations

from simulate import check_invariants, run

from tradeoff.catalog import Catalog


def test_a_fleet_worked_from_a_per_node_figure_is_checked(catalog: Catalog) -> None:
    line = "with 2 TB kept per node that is about 750 nodes to hold it all"
    session = run(catalog, "key-value-store", "friendly", ["/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks high" in reply and "750 nodes" in reply, reply
    assert session.interview.state.said["storage"].status != "substance"


def test_one_down_nodes_share_is_not_held_against_a_nodes_capacity(catalog: Catalog) -> None:
    line = (
        "300K writes/s x 3 copies over 84 nodes is about 10,700 hinted writes a second"
        " per down node"
    )
    session = run(catalog, "key-value-store", "neutral", ["/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" not in reply, reply


def test_a_put_off_is_not_praised(catalog: Catalog) -> None:
    script = [
        "/next",
        "partitioning is consistent hashing with vnodes because nodes join weekly",
        "the coordinator waits for a quorum",
    ]
    for put_off in ("I don't want to go there yet", "I'd rather not get into that now"):
        session = run(catalog, "key-value-store", "friendly", [*script, put_off])
        reply = " ".join(session.exchanges[-1].replies)
        assert not reply.startswith(("Nice.", "Good.", "Thanks")), reply
        assert "come back to that" in reply, reply
        check_invariants(session, catalog)

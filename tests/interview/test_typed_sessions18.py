"""Sessions typed by hand on prompts not typed recently, and what a candidate noticed.

Social network, friendly persona:

- "300 million daily users times 100 graph lookups a day is 30 billion a day, about 350,000
  reads per second" was quoted as "Notes that 300 friends of 300 friends is about 90,000
  paths per user": the item listed the generic estimate concept, and "users" was one of its
  own words, so any estimate that said "users" covered it.
- "POST /friend-requests/{id}/accept" was quoted as "one open request per pair, and accept
  is idempotent": "requests/{id}" was read as the idempotency term "request id".
- "How many users are there, and how many use it each day?" was also told the friend
  request rate: "how many use it each day" matched no cue of the users fact.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def _covered(catalog: Catalog, problem: str, persona: str, lines: list[str]) -> dict[str, str]:
    session = run(catalog, problem, persona, [*lines, "/end"])
    report = session.report(catalog)
    return {c["item"]: c["quote"] for c in report["conversation"]["covered"]}


def test_a_read_rate_is_no_friend_of_friend_count(catalog: Catalog) -> None:
    line = (
        "300 million daily users times 100 graph lookups a day is 30 billion a day, about"
        " 350,000 reads per second, 700k at peak."
    )
    covered = _covered(catalog, "social-network", "friendly", [line])
    assert "read-rates" in covered, covered
    assert "fof-size" not in covered, covered["fof-size"]


def test_friends_of_friends_counted_is_the_friend_of_friend_count(catalog: Catalog) -> None:
    line = "Friends of friends: 300 times 300 is 90,000 paths per user, too many for a page load."
    assert "fof-size" in _covered(catalog, "social-network", "friendly", [line])


def test_a_path_parameter_is_no_request_id(catalog: Catalog) -> None:
    line = (
        "The API: POST /friend-requests, POST /friend-requests/{id}/accept, DELETE"
        " /friends/{id}, GET /users/{id}/friends?cursor=."
    )
    covered = _covered(catalog, "social-network", "friendly", ["/next", line])
    assert "request-states" not in covered, covered["request-states"]


def test_how_many_use_it_each_day_asks_for_daily_users(catalog: Catalog) -> None:
    session = run(
        catalog, "social-network", "friendly",
        ["How many users are there, and how many use it each day?"],
    )  # fmt: skip
    reply = " ".join(session.exchanges[0].replies)
    assert "300 million people use the site" in reply, reply
    assert "friend requests" not in reply, reply


# File sharing, neutral persona: three lines a candidate said were reported as "Not covered"
# or "Only mentioned" beside the line, and the interviewer asked about what was just said.
# The vocabulary had no words for blocks cut by size ("4 MB blocks"), a held-open long-poll
# connection, or a commit conditional on the parent version.


def test_blocks_cut_and_hashed_are_chunking(catalog: Catalog) -> None:
    line = (
        "The client splits files into 4 MB blocks and hashes them with SHA-256; it calls"
        " POST /blocks/check with the hashes, uploads the missing blocks to a signed URL, then"
        " POST /files/commit with the block list."
    )
    session = run(catalog, "file-sharing", "neutral", ["/next", line])
    assert "one paragraph in a 1 GB file" not in " ".join(session.exchanges[-1].replies)
    assert "chunking" in _covered(catalog, "file-sharing", "neutral", ["/next", line])


def test_a_notification_service_on_long_poll_connections(catalog: Catalog) -> None:
    line = (
        "Components: a block service over S3, a metadata service on sharded MySQL keyed by"
        " namespace id, and a notification service holding long-poll connections."
    )
    assert "notifications" in _covered(catalog, "file-sharing", "neutral", ["/next", line])


def test_a_commit_conditional_on_the_parent_version_resolves_conflicts(catalog: Catalog) -> None:
    line = (
        "When two devices edit offline, the commit is conditional on the parent version, so the"
        " second commit fails and the client saves a conflicted copy, because silently"
        " overwriting would lose work."
    )
    covered = _covered(catalog, "file-sharing", "neutral", ["/next", "/next", line])
    assert "conflicts" in covered, covered


def test_how_big_a_single_file_gets_is_the_size_limit(catalog: Catalog) -> None:
    session = run(catalog, "file-sharing", "neutral", ["How big can a single file get?"])
    reply = " ".join(session.exchanges[0].replies)
    assert "Files up to 50 GB" in reply, reply
    assert "duplicates" not in reply, reply


def test_a_slipped_size_prefix_is_asked_about_and_not_credited(catalog: Catalog) -> None:
    """'500 million users times 4 GB is 2 PB' (2 EB) was credited as deriving the logical
    storage while the review beside it flagged the slipped prefix (CAP103), and the
    interviewer moved on without a word."""
    line = "Storage: 500 million users times 4 GB is 2 PB."
    session = run(catalog, "file-sharing", "neutral", [line])
    reply = " ".join(session.exchanges[0].replies)
    assert "500 million users times 4 GB is 2 PB" in reply, reply
    assert "storage" not in _covered(catalog, "file-sharing", "neutral", [line])
    right = "Storage: 500 million users times 4 GB is 2 EB."
    assert "storage" in _covered(catalog, "file-sharing", "neutral", [right])


# Elevator control, adversarial persona: "Each car keeps two sorted sets of stops ... and the
# Dispatcher is a Strategy so we can swap the algorithm" was quoted for the scheduling
# comparison, the assignment-timing trade-off, locks versus an event loop, and observers on
# car events. Through the generic concepts those items listed ("decisions with reasons",
# "design patterns") any line with a reason or a pattern covered them when it said "car".

_STRATEGY = (
    "Each car keeps two sorted sets of stops, one for up and one for down, and the Dispatcher"
    " is a Strategy so we can swap the algorithm."
)


def test_a_strategy_named_with_a_reason_weighs_no_other_trade_off(catalog: Catalog) -> None:
    covered = _covered(catalog, "elevator-control", "adversarial", ["/next", _STRATEGY])
    assert "dispatch-strategy" in covered, covered
    for item in ("scheduling-algorithm", "assignment-timing", "concurrency-model", "observers"):
        assert item not in covered, (item, covered[item])


def test_one_event_loop_instead_of_locks_is_the_concurrency_model(catalog: Catalog) -> None:
    line = (
        "One event loop owns all car state and takes presses from a queue instead of locks,"
        " because events come at human speed."
    )
    covered = _covered(catalog, "elevator-control", "adversarial", ["/next", "/next", line])
    assert "concurrency-model" in covered, covered


# Spreadsheet UI, terse persona: the frame-budget line was quoted for the sparse cell model
# ("50 rows by 20 columns" read as a data model's rows and columns) and for the formula
# engine in a worker ("Web Worker" is a render-performance term, and the item listed that
# concept, so a frame budget that said "visible" covered it).

_FRAME = (
    "A 1080p screen shows about 50 rows by 20 columns, so about 1,000 visible cells; at 60 fps"
    " that is 16 ms per frame."
)


def test_a_frame_budget_is_no_cell_model_and_no_formula_engine(catalog: Catalog) -> None:
    covered = _covered(catalog, "spreadsheet-ui", "terse", [_FRAME])
    assert "frame-and-viewport" in covered, covered
    assert "cell-model" not in covered, covered["cell-model"]
    assert "formula-worker" not in covered, covered["formula-worker"]


def test_the_sparse_map_and_the_worker_are_still_credited(catalog: Catalog) -> None:
    lines = [
        "/next",
        "The client keeps a sparse map of cells keyed by row and column, and the server sends"
        " operations over a WebSocket: setCell(sheetId, row, col, value, version).",
        "Formulas are recalculated in a Web Worker using a dependency graph, because a long"
        " recalc on the main thread would freeze typing.",
    ]
    covered = _covered(catalog, "spreadsheet-ui", "terse", lines)
    assert {"cell-model", "formula-worker"} <= set(covered), covered


def test_edits_never_conflict_is_challenged(catalog: Catalog) -> None:
    """'Edits never conflict because the server orders them' went by unchallenged: the
    absolute claims heard were losing, failing, going down, dropping and breaking."""
    line = "Edits never conflict because the server orders them."
    session = run(catalog, "spreadsheet-ui", "terse", ["/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert '"never conflict"' in reply, reply


def test_never_causes_duplicates_is_challenged(catalog: Catalog) -> None:
    """'If the clock goes backwards I just keep generating, it never causes duplicates' was
    met with 'Nice.' and the next probe: a claim that nothing can produce a duplicate is as
    absolute as 'never fails'."""
    line = "If the clock goes backwards I just keep generating, it never causes duplicates."
    session = run(catalog, "unique-id-generator", "friendly", ["/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert '"never causes duplicates"' in reply, reply
    assert not reply.startswith("Nice"), reply


def test_a_library_call_written_out_is_the_api(catalog: Catalog) -> None:
    """'The API is a library call nextId() in each service' was reported "Not covered: A
    next_id() library call, or a GET /ids?count=N endpoint", and the interviewer asked what
    a caller calls: a procedure called in process had no words in the vocabulary."""
    line = (
        "The API is a library call nextId() in each service, no network hop, because a round"
        " trip would cost more than the ID."
    )
    session = run(catalog, "unique-id-generator", "friendly", ["/next", line])
    assert "What does a caller actually call" not in " ".join(session.exchanges[-1].replies)
    assert "api" in _covered(catalog, "unique-id-generator", "friendly", ["/next", line])


def test_a_timestamp_width_is_no_local_generation(catalog: Catalog) -> None:
    """'41 bits of milliseconds lasts about 69 years' was quoted for "Each worker builds IDs
    locally ... with no network call per ID": the item listed the bit layout, which names
    its subject, and 'IDs' is a word of every item of the prompt."""
    line = (
        "At 100,000 IDs a second and a 5x peak we need 500,000 a second; 41 bits of"
        " milliseconds lasts about 69 years."
    )
    covered = _covered(catalog, "unique-id-generator", "friendly", [line])
    assert "local-generation" not in covered, covered["local-generation"]
    snowflake = (
        "Each Snowflake worker builds IDs locally from its clock, worker id and an in-memory"
        " sequence, with no network call."
    )
    assert "local-generation" in _covered(
        catalog, "unique-id-generator", "friendly", ["/next", snowflake]
    )


def test_a_product_put_out_of_scope_is_not_asked_why_it_was_picked(catalog: Catalog) -> None:
    """'GraphQL and webhooks are out of scope' was answered with 'What made you pick GraphQL
    over plain REST?': a product named only to leave it out was read as a choice."""
    line = (
        "So clients list, create, update and delete resources; GraphQL and webhooks are out"
        " of scope."
    )
    session = run(catalog, "rest-api-design", "neutral", [line])
    assert "GraphQL" not in " ".join(session.exchanges[0].replies)
    chosen = run(catalog, "rest-api-design", "neutral", ["We expose the tasks through GraphQL."])
    assert "GraphQL" in " ".join(chosen.exchanges[0].replies)

"""Sessions typed by hand after issue 10: the right fact for a question whose party is not
its subject, and an interviewer that listens to what was just said.

"What hit rate do clients expect?" got "About 2,000 application servers ... use the
cache": "clients" is who expects, the question asks a hit rate. "Do clients need resumable
uploads?" got the platforms fact on the upload API for the same reason. "How many riders
and drivers are active?" got the privacy fact, which names riders and drivers beside no
count of them.
"""

from __future__ import annotations

from simulate import run

from tradeoff.catalog import Catalog


def _reply(catalog: Catalog, problem: str, persona: str, lines: list[str]) -> str:
    session = run(catalog, problem, persona, lines)
    return " ".join(session.exchanges[-1].replies)


def test_the_party_that_expects_is_not_what_is_asked(catalog: Catalog) -> None:
    reply = _reply(catalog, "distributed-cache", "neutral", ["What hit rate do clients expect?"])
    assert "hit ratio of at least 95%" in reply, reply
    assert "2,000 application servers" not in reply, reply


def test_resumable_uploads_are_not_a_question_about_clients(catalog: Catalog) -> None:
    question = "Do clients need resumable uploads?"
    reply = _reply(catalog, "file-upload-api", "neutral", [question])
    assert "resumable for at least a day" in reply, reply
    assert "iOS and Android" not in reply, reply
    reply = _reply(catalog, "photo-sharing", "neutral", [question])
    assert "flaky" in reply, reply
    reply = _reply(catalog, "object-storage", "neutral", [question])
    assert "multipart upload" in reply, reply


def test_how_many_drivers_gets_the_fact_that_counts_drivers(catalog: Catalog) -> None:
    question = "How many riders and drivers are active?"
    reply = _reply(catalog, "ride-sharing", "neutral", [question])
    assert "one million drivers" in reply, reply
    assert "personal data" not in reply, reply


def test_a_party_asked_about_is_still_the_subject(catalog: Catalog) -> None:
    """The party is what is asked when nothing else is: "Which clients use the cache?"."""
    reply = _reply(catalog, "distributed-cache", "neutral", ["Which clients use the cache?"])
    assert "2,000 application servers" in reply, reply


def test_a_second_absolute_claim_is_challenged_before_a_return(catalog: Catalog) -> None:
    """Asked again about "never goes down", the candidate said "Like I said, the cache
    never goes down, and we never lose data": only the first claim of a turn was heard, it
    had been challenged, so "never lose data" went unchallenged."""
    lines = [
        "/next",
        "/next",
        "The cache never goes down.",
        "Keys are hashed with consistent hashing onto 40 nodes.",
        "Like I said, the cache never goes down, and we never lose data.",
    ]
    reply = _reply(catalog, "distributed-cache", "neutral", lines)
    assert '"never lose data"' in reply, reply


def test_one_nodes_rate_is_not_checked_against_the_fleets(catalog: Catalog) -> None:
    """ "Each node generates 10K ids/s" drew "That looks low to me, given that across all
    services we create about 100,000 IDs per second": one node's share is not the total."""
    lines = ["How many IDs per second do we need to generate?", "Each node generates 10K ids/s."]
    session = run(catalog, "unique-id-generator", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks low" not in reply and "How did you get" not in reply, reply
    assert not [m for m in session.exchanges[-1].moves if m["move"] == "sanity"]


def test_one_node_above_what_a_node_can_do_is_still_checked(catalog: Catalog) -> None:
    """What one machine can do is the figure for what one machine is said to do."""
    lines = ["/next", "/next", "Each node serves 2 million ops per second."]
    session = run(catalog, "distributed-cache", "neutral", lines)
    assert [m for m in session.exchanges[-1].moves if m["move"] == "sanity"], session.exchanges


MERKLE = (
    "Anti-entropy with Merkle trees repairs replicas: nodes compare tree hashes per key range"
    " and stream only the ranges that differ."
)


def test_no_follow_up_about_the_repair_just_explained(catalog: Catalog) -> None:
    """After the Merkle-tree explanation the interviewer asked "How do you detect that two
    replicas have diverged without comparing every key?": the item was said in its own
    words, only not with the detail that covers it."""
    session = run(catalog, "key-value-store", "neutral", ["/next", "/next", MERKLE])
    reply = " ".join(session.exchanges[-1].replies)
    assert "diverged" not in reply, reply


def test_no_catch_up_question_after_anti_entropy(catalog: Catalog) -> None:
    """Anti-entropy is how a node down past the hint window catches up: "A node has been
    down for a day, longer than the hint window. How does it catch up?" asked it again."""
    lines = ["/next", "/next", MERKLE, "We also use hinted handoff for short outages."]
    session = run(catalog, "key-value-store", "neutral", lines)
    said = " ".join(r for ex in session.exchanges for r in ex.replies)
    assert "longer than the hint window" not in said, said


def test_the_catch_up_question_follows_hinted_handoff_alone(catalog: Catalog) -> None:
    line = (
        "Writes go to three replicas chosen by consistent hashing; if one is down, a neighbour"
        " keeps a hint and replays it when the node comes back."
    )
    session = run(catalog, "key-value-store", "neutral", ["/next", "/next", line])
    reply = " ".join(session.exchanges[-1].replies)
    assert "longer than the hint window" in reply, reply


def test_no_probe_of_the_ordering_just_described(catalog: Catalog) -> None:
    """A chat session (friendly): "Ordering within a conversation comes from a
    per-conversation sequence number assigned by the partition leader", then "Two people in
    a group send at almost the same instant. Whose message shows first, and who decides?"
    one turn later: the item's own mechanism had been said, without the detail that covers
    it."""
    lines = [
        "/next",
        "/next",
        "Ordering within a conversation comes from a per-conversation sequence number assigned"
        " by the partition leader.",
        "If a recipient is offline, the message waits in their inbox and is pushed via APNs or"
        " FCM.",
    ]
    session = run(catalog, "chat-system", "friendly", lines)
    said = " ".join(r for ex in session.exchanges for r in ex.replies)
    assert "who decides" not in said, said


def test_terse_answers_a_question_of_failure_with_the_failure(catalog: Catalog) -> None:
    """A notification session (terse): "What happens if a provider like APNs is down?" got
    "An SMS costs about 1 cent in the US and more abroad.", the fact's one figure, while its
    sentence on failures was dropped."""
    question = "What happens if a provider like APNs is down?"
    reply = _reply(catalog, "notification-system", "terse", [question])
    assert "fails or slows down" in reply, reply
    assert "1 cent" not in reply, reply


def test_the_prompts_own_word_and_a_number_answer_nothing(catalog: Catalog) -> None:
    """A payments session (adversarial): asked "What do you need to know about how the
    payment providers behave before you design around them?", the candidate said "That's
    roughly 100 payments a second." and the interviewer moved on: "payment", a word of every
    turn in this prompt, and a number made it an answer."""
    lines = [
        "How many payments per day, and what is the peak?",
        "Must a payment never be charged twice?",
        # (A recap that names the card networks is not followed by a question about the
        # providers: the turn has just spoken of them.)
        "So merchants create a payment, we take the money and pay the seller, and refunds are"
        " supported.",
        "That's roughly 100 payments a second.",
    ]
    session = run(catalog, "payment-system", "adversarial", lines)
    assert "providers behave" in " ".join(session.exchanges[-2].replies)
    reply = " ".join(session.exchanges[-1].replies)
    assert "back to my question" in reply, reply


def test_times_out_is_no_question_of_scope(catalog: Catalog) -> None:
    """A payments session (adversarial): "What do merchants expect when a card network times
    out?" got "Out of scope: fraud scoring ...": the "out" of "times out" met the id word
    of the "scope-out" fact."""
    question = "What do merchants expect when a card network times out?"
    reply = _reply(catalog, "payment-system", "adversarial", [question])
    assert "Out of scope" not in reply, reply
    assert "no clear answer (timeout" in reply, reply


def test_delivery_receipts_are_the_tracking_fact(catalog: Catalog) -> None:
    """ "Do clients need delivery receipts?" got "No number. Assume one and say it." though
    the teams' status tracking (delivered, opened) answers it."""
    reply = _reply(catalog, "notification-system", "terse", ["Do clients need delivery receipts?"])
    assert "delivered, opened" in reply, reply


def test_terse_opt_out_answer_keeps_what_users_choose(catalog: Catalog) -> None:
    """ "Can users opt out of some notification types?" got only "Marketing push is capped at
    3 per user per day": the terse voice kept the fact's one figure, not the choice asked."""
    question = "Can users opt out of some notification types?"
    reply = _reply(catalog, "notification-system", "terse", [question])
    assert "Users choose channels per category" in reply, reply


def test_append_only_is_no_condition_that_answers_a_failure(catalog: Catalog) -> None:
    """A payments session (adversarial): asked "If PostgreSQL goes down at peak, what
    happens to the requests that need it?", "The ledger is double-entry and append-only."
    was taken for an answer: the "only" of "append-only" read as a condition."""
    lines = [
        "/next",
        "We store payments in PostgreSQL with an idempotency key per request.",
        "The ledger is double-entry and append-only.",
    ]
    session = run(catalog, "payment-system", "adversarial", lines)
    assert "PostgreSQL goes down" in " ".join(session.exchanges[-2].replies)
    reply = " ".join(session.exchanges[-1].replies)
    assert "back to my question" in reply, reply


def test_a_machine_named_is_what_its_figure_is_of(catalog: Catalog) -> None:
    """A web-crawler session (neutral): "Each fetcher node downloads 1,000 pages per second"
    (one node fetches about 250) was not checked: the figure's words ("pages per second")
    share none with fetcher_node_rate, only the machine named does; and a return due then
    came first, so the figure was never checked."""
    lines = [
        "/next",
        "Fetchers pull URLs from a frontier and store pages in S3.",
        "Each fetcher node downloads 1,000 pages per second.",
    ]
    session = run(catalog, "web-crawler", "neutral", lines)
    reply = " ".join(session.exchanges[-1].replies)
    assert "looks high" in reply and "1,000 pages per second" in reply, reply


def test_one_driver_doing_things_lists_the_use_cases(catalog: Catalog) -> None:
    """A parking-lot session (adversarial): "So a driver takes a ticket at entry, gets a
    spot assigned, pays at a pay station and leaves through the exit panel." drew "Who or
    what interacts with this system, and what does each of them need to do?": "drivers
    take ..." was heard as the use cases, "a driver takes ..." was not."""
    line = (
        "So a driver takes a ticket at entry, gets a spot assigned, pays at a pay station and"
        " leaves through the exit panel."
    )
    reply = _reply(catalog, "parking-lot", "adversarial", [line])
    assert "Who or what interacts" not in reply, reply


def test_no_number_is_said_only_to_a_question_of_quantity(catalog: Catalog) -> None:
    """A typeahead session (terse): "Does it need to work offline?" got "No number. Assume
    one and say it.", which answers a question that asked no number."""
    reply = _reply(catalog, "typeahead-ui", "terse", ["Does it need to work offline?"])
    assert "number" not in reply.lower() and "assume" in reply.lower(), reply
    reply = _reply(catalog, "typeahead-ui", "friendly", ["Does it need to work offline?"])
    assert "number" not in reply.lower() and "assume" in reply.lower(), reply
    reply = _reply(catalog, "url-shortener", "terse", ["How many servers do we need?"])
    assert reply == "No number. Assume one and say it.", reply


def test_authenticate_asks_about_security(catalog: Catalog) -> None:
    """A REST API session (friendly): "How do clients authenticate?" drew the clients fact
    before the party was read as no topic, then nothing: the security kind knew
    "authentication" but not "authenticate"."""
    reply = _reply(catalog, "rest-api-design", "friendly", ["How do clients authenticate?"])
    assert "revoke" in reply, reply


def test_never_break_is_an_absolute_claim(catalog: Catalog) -> None:
    """A REST API session (friendly): "We version the API in the URL, /v1, and never break
    existing clients." drew only a return to the open question."""
    lines = [
        "/next",
        "/next",
        "We version the API in the URL, /v1, and never break existing clients.",
    ]
    reply = _reply(catalog, "rest-api-design", "friendly", lines)
    assert '"never break existing clients"' in reply, reply


def test_why_asks_about_the_place_chosen(catalog: Catalog) -> None:
    """A movie-booking session (friendly): "For the opening-night rush we put users in a
    virtual waiting room and admit them in batches." drew "Why users in a virtual waiting
    room?": what is chosen is where they are put."""
    line = (
        "For the opening-night rush we put users in a virtual waiting room and admit them in"
        " batches."
    )
    reply = _reply(catalog, "movie-ticket-booking", "friendly", ["/next", "/next", line])
    assert "Why a virtual waiting room?" in reply, reply


def test_a_fact_said_again_reads_as_one_sentence(catalog: Catalog) -> None:
    """ "As I said, A show is one movie on one screen": a fact opening with the article "A"
    kept its capital after the comma."""
    lines = [
        "How many shows does a screen run a day?",
        "What is a show, exactly?",
    ]
    session = run(catalog, "movie-ticket-booking", "neutral", lines)
    said = " ".join(r for ex in session.exchanges for r in ex.replies)
    assert "As I said, A " not in said, said
    assert "As I said, a show is" in said, said


def test_no_probe_for_what_the_candidate_just_asked(catalog: Catalog) -> None:
    """A job-scheduler session (adversarial): after "How many jobs run per day, and how
    precise must start times be?" the interviewer asked "What do you need to know about
    volume and punctuality before sizing this?": an item about asking, said by the facts
    the candidate's questions drew out."""
    lines = [
        "How many jobs run per day, and how precise must start times be?",
        "What happens if a job runs twice?",
        "So teams register a job with a schedule, the scheduler triggers it on time and workers"
        " run it; retries are configurable.",
    ]
    reply = _reply(catalog, "distributed-job-scheduler", "adversarial", lines)
    assert "volume and punctuality" not in reply, reply

"""Two turns posted at once to one session (two tabs) run one after the other.

Each call that changes a session holds the session's lock in the database for its whole
length (services.practice, Store.locked_session), so the second turn reads the first one's
events before it acts and the stored order is turn, its replies, turn, its replies. Real
uvicorn server on 127.0.0.1, two client threads released together, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import html
import re
import threading

import httpx
from csrf_client import armed
from live_server import browser, serving

from tradeoff.store import EventRecord, Store
from tradeoff.web import create_app

REPLY = re.compile(
    r'<div class="turn interviewer"><span class="who">Interviewer</span> (.*?)</div>'
)
ROUNDS = [
    (
        "How many short links are created a day, and how many redirects?",
        "Should links expire, or do they live forever?",
    ),
    (
        "I'll assume 100M new links a month, so about 40 writes a second.",
        "Reads are about 100 times writes, so roughly 4,000 redirects a second.",
    ),
    (
        "A load balancer in front of stateless app servers, with a Redis cache for hot codes.",
        "Links go in a key-value store keyed by the short code, replicated three ways.",
    ),
    (
        "If a cache node fails, reads fall through to the store while it warms up again.",
        "Codes come from leased id blocks per server, base62-encoded, so writers never collide.",
    ),
]


def _turns(events: tuple[EventRecord, ...]) -> list[tuple[str, str]]:
    return [(e.speaker or "", e.text) for e in events if e.kind == "turn"]


def test_two_turns_posted_at_once_keep_their_replies_together(db_url: str) -> None:
    with serving(create_app(db_url)) as base:
        tabs = [armed(browser(base)) for _ in range(2)]
        started = tabs[0].post("/practice", data={"problem": "url-shortener"})
        assert started.status_code == 303, started.text[:300]
        room = started.headers["location"]
        session_id = int(room.rsplit("/", 1)[1])
        replies: dict[str, list[str]] = {}
        for pair in ROUNDS:
            barrier = threading.Barrier(len(pair))
            answers: dict[str, httpx.Response] = {}

            def post(
                tab: httpx.Client,
                text: str,
                barrier: threading.Barrier,
                answers: dict[str, httpx.Response],
            ) -> None:
                barrier.wait()  # both requests leave together
                answers[text] = tab.post(f"{room}/turn", data={"text": text})

            threads = [
                threading.Thread(target=post, args=(tab, text, barrier, answers))
                for tab, text in zip(tabs, pair, strict=True)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            for text in pair:
                assert answers[text].status_code == 200, answers[text].text[:300]
                replies[text] = [html.unescape(r) for r in REPLY.findall(answers[text].text)]
                assert replies[text], f"no reply to {text!r}"
        for tab in tabs:
            tab.close()

    with Store.open(db_url) as store:
        turns = _turns(store.get_session(session_id).events)
    said = [(n, text) for n, (who, text) in enumerate(turns) if who == "candidate"]
    assert sorted(text for _, text in said) == sorted(replies)
    for n, text in said:
        # The turn, then exactly the replies its own request returned, then the next turn.
        following = turns[n + 1 : n + 1 + len(replies[text]) + 1]
        expected = [("interviewer", reply) for reply in replies[text]]
        assert following[: len(expected)] == expected, (text, following)
        assert len(following) == len(expected) or following[-1][0] == "candidate", following
    # Nothing else was said from the first turn on: every line is a turn or its reply.
    assert len(turns) - said[0][0] == sum(1 + len(r) for r in replies.values())

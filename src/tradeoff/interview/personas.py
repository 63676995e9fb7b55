"""How each interviewer persona says a move the policy has already chosen.

The words differ, the move does not: a persona never changes which fact is revealed or
which gap is probed, so practice with any persona is graded the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PERSONAS: tuple[str, ...] = ("friendly", "neutral", "adversarial", "terse")

# For "why not X?" challenges: a credible alternative to each product a candidate names.
ALTERNATIVES = {
    "redis": "Memcached",
    "memcached": "Redis",
    "kafka": "a managed queue such as SQS",
    "sqs": "Kafka",
    "rabbitmq": "Kafka",
    "cassandra": "a sharded PostgreSQL",
    "dynamodb": "Cassandra",
    "mongodb": "PostgreSQL with JSON columns",
    "postgres": "a key-value store such as DynamoDB",
    "postgresql": "a key-value store such as DynamoDB",
    "mysql": "PostgreSQL",
    "elasticsearch": "a database index",
    "s3": "a distributed file system",
    "zookeeper": "etcd",
    "etcd": "ZooKeeper",
    "spark": "a stream processor such as Flink",
    "flink": "a batch job",
    "nginx": "a cloud load balancer",
    "graphql": "plain REST",
    "grpc": "REST over HTTP/JSON",
    "kubernetes": "plain VMs behind a load balancer",
}


@dataclass(frozen=True)
class Move:
    """What the interviewer does this turn, before any persona styling."""

    kind: str  # answer, assume, probe, follow-up, challenge, hint, nudge, phase, wrap-up, end
    text: str  # the content: a fact, a probe question, a hint...
    item: str | None = None  # the rubric item or fact id it concerns


def say(persona: str, move: Move) -> str:
    """The move in the persona's voice."""
    text = move.text.strip()
    if persona == "terse":
        return _terse(move.kind, text)
    if persona == "friendly":
        return {
            "answer": f"Good question. {text}",
            "assume": f"I don't have a number for that. {text}",
            "probe": f"{text} Take your time, and type /hint if you'd like a nudge.",
            "follow-up": text,
            "challenge": f"{text} No wrong answer; I'm curious how you'd reason about it.",
            "hint": f"Here's a hint: {text}",
            "nudge": text,
            "wrap-up": f"We're almost done. {text}",
        }.get(move.kind, text)
    if persona == "adversarial":
        return {
            "answer": f"{text} Does that change anything you said?",
            "assume": f"I'm not going to give you that. {text}",
            "probe": f"{text} Be specific.",
            "challenge": f"{text} Convince me.",
            "hint": f"Fine. {text}",
            "wrap-up": f"{text} And be honest about the weak spots.",
        }.get(move.kind, text)
    return text


def _terse(kind: str, text: str) -> str:
    """One line, no pleasantries: the candidate has to ask crisp questions."""
    if kind == "assume":
        return "No number. Assume one."
    sentences = re.split(r"(?<=[.?!])\s+", text)
    with_number = [s for s in sentences if re.search(r"\d", s)]
    return (with_number or sentences)[0]  # the sentence that carries the figure

"""A finding: one judgement about a design, with the evidence a person can check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tradeoff.vocabulary import Severity

SEVERITIES: tuple[Severity, ...] = tuple(Severity)


@dataclass(frozen=True)
class Evidence:
    """A 1-based line and a verbatim quote of it, or (None, None) for something absent."""

    line: int | None
    quote: str | None

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "quote": self.quote}


ABSENT = Evidence(None, None)


@dataclass(frozen=True)
class Finding:
    rule: str
    dimension: str
    severity: str
    kind: str
    message: str
    evidence: Evidence
    fix: str

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "dimension": self.dimension,
            "severity": self.severity,
            "kind": self.kind,
            "message": self.message,
            "evidence": self.evidence.to_json(),
            "fix": self.fix,
        }

"""The rule unit and its registry: each rule is small, documented, and registered by decorator.

A rule's documentation (rationale, example, fix) is data on the class, so `tradeoff rules`,
`tradeoff rules explain ID` and docs/rules.md are generated from the same source and
cannot drift from the code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from tradeoff.review.findings import ABSENT, Evidence, Finding

if TYPE_CHECKING:
    from tradeoff.review.context import ReviewContext


class Rule:
    """Subclass, set the class attributes, implement `check`, decorate with @register."""

    id: ClassVar[str]
    dimension: ClassVar[str]
    kind: ClassVar[str]
    severity: ClassVar[str]
    message: ClassVar[str]  # the one-line summary shown in listings
    rationale: ClassVar[str]  # why it matters in an interview
    example: ClassVar[str]  # a snippet that triggers the rule
    fix: ClassVar[str]  # what to do instead
    # When the rule fires, these dimensions score at most this much: an answer with no
    # classes cannot earn class-design credit from naming patterns, however many it names.
    caps: ClassVar[dict[str, float]] = {}

    def check(self, ctx: ReviewContext) -> Iterator[Finding]:
        raise NotImplementedError  # pragma: no cover - every registered rule overrides it

    def finding(
        self,
        message: str | None = None,
        evidence: Evidence = ABSENT,
        *,
        fix: str | None = None,
        severity: str | None = None,
    ) -> Finding:
        return Finding(
            rule=self.id,
            dimension=self.dimension,
            severity=severity or self.severity,
            kind=self.kind,
            message=message or self.message,
            evidence=evidence,
            fix=fix or self.fix,
        )


RULES: dict[str, Rule] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Add a rule to the registry; ids are unique and documentation is mandatory."""
    for attr in ("id", "dimension", "kind", "severity", "message", "rationale", "example", "fix"):
        if not getattr(cls, attr, None):
            raise TypeError(f"rule {cls.__name__} lacks {attr}")
    if cls.id in RULES:
        raise TypeError(f"duplicate rule id {cls.id}")
    RULES[cls.id] = cls()
    return cls

"""The evidence a claim carries: what turns a mention into something specified.

Plain data, so the reviewer, the interviewer and tests can read it without the analysis.
"""

from __future__ import annotations

from tradeoff.immutable import immutable

# What a growth scenario specifies: the bottleneck named at 10x, the wrap-up that names it.
GROWTH_CONCEPTS = frozenset({"bottlenecks", "summary"})


@immutable  # frozen to the type checker; a third of the cost to make (`tradeoff.immutable`)
class Features:
    """What one claim states, beyond the words it uses.

    `concepts` are concept ids the claim means (not negated, not only listed as options);
    the booleans are evidence: a number with a unit, a worked derivation, a sizing, a reason
    clause, a rejected alternative, a stated cost, a failure paired with a response, a
    metric with a threshold and an action, a concrete security control. A claim with
    concepts but no evidence is a mention.
    """

    concepts: frozenset[str] = frozenset()
    options: frozenset[str] = frozenset()  # named as one option among several, or in a list
    negated: frozenset[str] = frozenset()
    mechanisms: frozenset[str] = frozenset()  # technique and data-structure concepts meant
    # Concepts one could choose differently (components, techniques, APIs, data layouts), as
    # against requirements and properties: a reason for a goal is not a design decision.
    choices: frozenset[str] = frozenset()
    # Concepts named only inside the reason clause, as what the decision serves ("cached per
    # user to reduce DB pressure" names the database as the motive, not as a store chosen).
    motives: frozenset[str] = frozenset()
    quantities: int = 0  # numbers with a unit or scale
    derivation: bool = False  # "a op b = c"
    sizing: bool = False  # "3 replicas", "12 shards", "x 4 nodes"
    specific: bool = False  # an identifier, code, an endpoint or a number
    reason: bool = False
    alternative: bool = False
    cost: bool = False
    decision: bool = False
    hedge: bool = False  # a non-decision: "depends on the use case", "TBD"
    deferred: bool = False  # "later", "if needed"
    flow: bool = False  # one part acting on another: "the Write API stores the tweet in X"
    failure_response: bool = False
    monitoring: bool = False
    security_control: bool = False
    # Which kind of control ("authentication scheme", "authorisation rule", ...), "" for none:
    # a login or TLS says nothing of who may read what.
    control: str = ""
    fluff: bool = False  # sells rather than states
    # Its only number is a growth it imagines ("the first thing to break at 10x is fan-out"):
    # it names what breaks at a scale, and says nothing checkable of the parts it names.
    growth: bool = False

    @property
    def evidence(self) -> tuple[str, ...]:
        """The kinds of evidence present, in a fixed order (for reports and tests)."""
        names = ("derivation", "sizing", "reason", "alternative", "cost", "flow",
                 "failure_response", "monitoring", "security_control")  # fmt: skip
        found = [name for name in names if getattr(self, name)]
        if self.quantities:
            found.insert(0, "quantity")
        return tuple(found)

    def substantive_for(self, concept: str) -> bool:
        """Whether the claim specifies `concept` rather than only naming it."""
        if concept not in self.concepts:
            return False
        # Naming a technique beside a component ("a cache with consistent hashing") is still
        # naming: specifying takes evidence, or something concrete (a number, an identifier,
        # code, an endpoint) a reader could check.
        if self.specific or self.has_evidence:
            return True
        return self.growth and concept in GROWTH_CONCEPTS

    @property
    def has_evidence(self) -> bool:
        """`bool(self.evidence)` without building the tuple: the ladders ask it of every
        claim for every concept it names."""
        return bool(
            self.quantities or self.derivation or self.sizing or self.reason or self.alternative
            or self.cost or self.flow or self.failure_response or self.monitoring
            or self.security_control
        )  # fmt: skip


EMPTY = Features()

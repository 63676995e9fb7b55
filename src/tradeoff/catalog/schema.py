"""The pydantic schema of a practice problem: what a problem YAML file must contain.

The schema checks the shape of one file on its own. Checks that need the whole catalog
(concepts and topics that must exist in the vocabulary, capacity formulas that must
evaluate) live in `loader.py` and `derivation.py`; this module imports only the vocabulary.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    field_validator,
    model_validator,
)

from tradeoff.vocabulary import Dimension, Level

InterviewType = Literal[
    "product",
    "infrastructure",
    "object-oriented",
    "front-end",
    "backend-distributed",
    "api",
]
INTERVIEW_TYPES: tuple[InterviewType, ...] = (
    "product",
    "infrastructure",
    "object-oriented",
    "front-end",
    "backend-distributed",
    "api",
)

Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")

LEVELS: tuple[Level, ...] = tuple(Level)

DIMENSIONS: tuple[Dimension, ...] = tuple(Dimension)

FactCategory = Literal[
    "scale",
    "latency",
    "availability",
    "durability",
    "consistency",
    "scope-in",
    "scope-out",
    "constraint",
    "security",
    "geography",
    "platform",
]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{2,63}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3)]
Unit = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Cue = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=2)]


class _Strict(BaseModel):
    """Every catalog model rejects unknown keys, so a typo in a YAML key is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(_Strict):
    """Something the interviewer knows and reveals only when a question asks for it."""

    id: Slug
    category: FactCategory
    text: Text = Field(description="What the interviewer says when asked, in their words.")
    answers: list[Slug] = Field(
        min_length=1, description="Question kinds (questions.yaml) that this fact answers."
    )
    asked_with: list[Cue] = Field(
        default_factory=list,
        description=(
            "Words a candidate asks for this fact with that neither its text nor its kinds "
            "hold ('nobody needs it' for an idle car); matched like a kind's phrases."
        ),
    )
    values: dict[Identifier, str] = Field(
        default_factory=dict,
        description="Named quantities stated by the fact, as pint strings ('100e6 / month').",
    )


class Quantity(_Strict):
    """One step of the reference capacity derivation; evaluated by code, never trusted."""

    name: Identifier
    formula: Text = Field(description="Arithmetic over fact values, earlier steps and units.")
    unit: Unit = Field(description="The unit the result is expressed in, e.g. '1/s' or 'TB'.")
    approx: float = Field(description="The author's rounded figure in `unit`; tests check it.")
    note: str = ""


class RubricItem(_Strict):
    """A point a strong answer covers; matched against the candidate's text by its concepts."""

    id: Slug
    text: Text
    concepts: list[Slug] = Field(min_length=1, description="Any of these concepts covers it.")
    every_concept: bool = Field(
        default=False,
        description="Covered only when each of its concepts is specified, on one line or"
        " several: 'Summarises and names bottlenecks' asks for a summary and the"
        " bottlenecks, and a line that does one of them covers it in part (the report says"
        " it is only mentioned).",
    )
    mentions: list[Slug] = Field(
        default_factory=list,
        description="Concepts that name the item's subject but not what its text asks: a line"
        " that specifies one is about the item (the report says it is mentioned, the"
        " interviewer probes it) but never covers it. 'Redis replication is asynchronous, so"
        " a failover may lose the latest increments' is covered by replication lag; a line"
        " that only sizes the replicas mentions it. A concept the item's text never says"
        " (matching, beside a pricing item) lets the interviewer probe the item, and the"
        " report never quotes its line as a mention.",
    )
    subject: list[Slug] = Field(
        default_factory=list,
        description="The subsystem the item is about, when its concepts are techniques used"
        " all over a design (idempotency, retries): a line supports or mentions the item only"
        " if it, another claim on its line or its heading names the subsystem. 'If a chunk"
        " fails, only that chunk is retried' under an upload heading says nothing of"
        " transcoding tasks.",
    )
    weight: int = Field(ge=1, le=5)
    level: Level = Field(
        default=Level.mid,
        description="The lowest level at which a candidate is expected to cover it.",
    )
    needs: Literal["scale"] | None = Field(
        default=None,
        description="Asked only of a design whose own text calls for it: 'scale' items (a"
        " load balancer, a cache, partitioning, replicas) only when the design states an"
        " availability target, several instances or a large scale. The generic rubric has no"
        " prompt to say so, and a single-user tool on one VM needs none of them.",
    )
    probe: Text | None = Field(
        default=None,
        description="What the interviewer asks when the item is still open, in plain words:"
        " a question a person would ask, ending with '?'.",
    )
    hint: Text | None = Field(
        default=None,
        description="A nudge towards the item that does not give the answer away.",
    )

    @model_validator(mode="after")
    def _mentions_apart(self) -> RubricItem:
        both = sorted(set(self.concepts) & set(self.mentions))
        if both:
            raise ValueError(f"mentions repeat concepts that cover the item: {', '.join(both)}")
        return self

    # Concepts this item shares with other items of its rubric; set by `Rubric`.
    _shared: frozenset[str] = PrivateAttr(default_factory=frozenset)

    # The other items of the same dimension that list one of this item's concepts; set by
    # `Rubric`.
    _rivals: tuple[RubricItem, ...] = PrivateAttr(default_factory=tuple)
    # All the other items of the same dimension; set by `Rubric`.
    _siblings: tuple[RubricItem, ...] = PrivateAttr(default_factory=tuple)
    # The items of the whole rubric that list one of this item's shared concepts.
    _sharers: tuple[RubricItem, ...] = PrivateAttr(default_factory=tuple)

    # The figures the prompt's facts give (their values, as the catalog writes them: "30e6",
    # "10 / day"); set by `Problem`.
    _givens: tuple[str, ...] = PrivateAttr(default_factory=tuple)

    @property
    def givens(self) -> tuple[str, ...]:
        """The figures the prompt gives: a line's figure that is one of them ("30 million
        seekers a day") is an input of its working, not an estimate of this item or another."""
        return self._givens

    @property
    def rivals(self) -> tuple[RubricItem, ...]:
        """Items of this item's dimension that cover through one of its concepts: a capacity
        line through "storage estimate" sizes one of them, the one whose words it uses most
        ("800 post ids per timeline, 1.9 TB of memory" sizes the timelines, not the posts)."""
        return self._rivals

    @property
    def sharers(self) -> tuple[RubricItem, ...]:
        """The other items, in any dimension, that list one of this item's shared concepts:
        a word of the concept that their texts use too ("interface" in "... a PaymentMethod
        interface" and in "... sit behind interfaces") tells none of them apart."""
        return self._sharers

    @property
    def siblings(self) -> tuple[RubricItem, ...]:
        """The other items of this item's dimension, whatever their concepts: a capacity line
        whose figures are all another estimate's ("1 GB/s in" beside "80 Gbit/s out") is that
        estimate's, though the two items list different concepts."""
        return self._siblings

    @property
    def shared_concepts(self) -> frozenset[str]:
        """Concepts other items of the rubric also list ("status codes" for both "301 or 302"
        and "409 on a taken alias"): through them a claim covers this item only if it speaks
        of this item in particular."""
        return self._shared


class DimensionRubric(_Strict):
    """What one dimension expects at each level, and the items that evidence it."""

    expectations: dict[Level, Text]
    items: list[RubricItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _all_levels(self) -> DimensionRubric:
        missing = [level for level in LEVELS if level not in self.expectations]
        if missing:
            raise ValueError(f"expectations lack level(s): {', '.join(missing)}")
        return self


class Rubric(_Strict):
    """The seven review dimensions. Object-oriented prompts have no capacity dimension."""

    requirements: DimensionRubric
    capacity: DimensionRubric | None = None
    api_data: DimensionRubric
    components: DimensionRubric
    tradeoffs: DimensionRubric
    reliability: DimensionRubric
    communication: DimensionRubric

    @model_validator(mode="after")
    def _mark_shared_concepts(self) -> Rubric:
        # Across the whole rubric: a durability target line is the requirements item about
        # durability, not also the capacity item that counts disk failures and the
        # reliability item that explains how the copies reach that target.
        # An item that only mentions a concept still shares it: a failure line may be about
        # the timeline rebuild that mentions failure handling or the degraded mode that lists it.
        counts: dict[str, int] = {}
        for _, item in self.items():
            for concept in set(item.concepts) | set(item.mentions):
                counts[concept] = counts.get(concept, 0) + 1
        for _, item in self.items():
            item._shared = frozenset(c for c in item.concepts if counts[c] > 1)
        for _, item in self.items():
            item._sharers = tuple(
                other
                for _, other in self.items()
                if other is not item and item._shared & (set(other.concepts) | set(other.mentions))
            )
        for rubric in self.dimensions().values():
            for item in rubric.items:
                item._rivals = tuple(
                    other
                    for other in rubric.items
                    if other is not item and set(other.concepts) & set(item.concepts)
                )
                item._siblings = tuple(other for other in rubric.items if other is not item)
        return self

    def dimensions(self) -> dict[Dimension, DimensionRubric]:
        """The dimensions this rubric assesses, in the canonical order."""
        out: dict[Dimension, DimensionRubric] = {}
        for dim in DIMENSIONS:
            value = getattr(self, dim)
            if value is not None:
                out[dim] = value
        return out

    def items(self) -> list[tuple[Dimension, RubricItem]]:
        return [(dim, item) for dim, rub in self.dimensions().items() for item in rub.items]


class Component(_Strict):
    """A building block the reference design uses, and why it is there."""

    name: Text
    concepts: list[Slug] = Field(min_length=1)
    role: Text
    also_called: list[Text] = Field(
        default_factory=list,
        description=(
            "Other names designs give the same part (a chat service drawn as 'Message"
            " Service'), so a box or line under that name is not reported as missing."
        ),
    )


class DeepDive(_Strict):
    """A part of the design an interviewer is likely to go deep on."""

    title: Text
    points: list[Text] = Field(min_length=1)
    concepts: list[Slug] = Field(default_factory=list)


class TradeoffOption(_Strict):
    name: Text
    wins_when: Text


class Tradeoff(_Strict):
    """A decision with at least two real options and when each one wins."""

    id: Slug
    question: Text
    options: list[TradeoffOption] = Field(min_length=2)
    concepts: list[Slug] = Field(default_factory=list)


class Pitfall(_Strict):
    text: Text
    concepts: list[Slug] = Field(default_factory=list)


class Hint(_Strict):
    """A progressive hint ladder for one rubric item: each rung gives away more."""

    about: Slug = Field(description="The id of the rubric item this hint leads towards.")
    nudge: Text
    pointer: Text
    partial: Text


class FollowUp(_Strict):
    """A question an interviewer asks once the design stands, and the rubric item whose
    question it asks in other words, set by hand ("The presigned part URLs expire halfway
    through a four-hour upload" shares as many words with the presigned-URL item as with the
    retry item it is about). Asked, it is that item asked: the item's probe is not put after
    it ("How would you spot and stop a scam posting ...?" then "How do you stop scam
    postings ...?" was one question twice), and a hint asked for while it is open helps with
    that item. Unset, the follow-up asks what no single item asks."""

    text: Text
    about: Slug | None = None


class Problem(_Strict):
    """A practice prompt with everything the interviewer and the reviewer need."""

    id: Slug
    title: Text
    aliases: list[str] = Field(
        default_factory=list,
        description="Names a candidate may title an answer with ('tinyurl', 'bit.ly').",
    )
    type: InterviewType
    difficulty: Difficulty
    topics: list[Slug] = Field(min_length=1)
    prompt: Text = Field(description="The prompt as the interviewer says it.")
    facts: list[Fact] = Field(min_length=3)
    capacity: list[Quantity] = Field(default_factory=list)
    rubric: Rubric
    components: list[Component] = Field(min_length=1)
    deep_dives: list[DeepDive] = Field(min_length=1)
    tradeoffs: list[Tradeoff] = Field(min_length=1)
    pitfalls: list[Pitfall] = Field(min_length=1)
    follow_ups: list[FollowUp] = Field(
        min_length=2,
        description="Each a question, or {text, about: rubric item id}.",
    )
    hints: list[Hint] = Field(min_length=2)

    @field_validator("follow_ups", mode="before")
    @classmethod
    def _questions(cls, value: Any) -> Any:
        """A follow-up written as a plain question tests no item in particular."""
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Problem:
        is_ood = self.type == "object-oriented"
        if is_ood and self.rubric.capacity is not None:
            raise ValueError(
                "rubric.capacity: object-oriented prompts are assessed on classes, not capacity;"
                " remove it"
            )
        if not is_ood and self.rubric.capacity is None:
            raise ValueError(f"rubric.capacity: required for {self.type} prompts")
        if is_ood and self.capacity:
            raise ValueError("capacity: object-oriented prompts have no capacity derivation")
        needs_derivation = self.type in ("product", "infrastructure", "backend-distributed")
        if needs_derivation and len(self.capacity) < 3:
            raise ValueError(
                f"capacity: {self.type} prompts need a reference derivation of at least 3 steps"
            )
        _unique("facts", [f.id for f in self.facts])
        _unique("rubric items", [item.id for _, item in self.rubric.items()])
        _unique("tradeoffs", [t.id for t in self.tradeoffs])
        names = [q.name for q in self.capacity] + [
            name for fact in self.facts for name in fact.values
        ]
        _unique("capacity quantities and fact values", names)
        givens = tuple(text for fact in self.facts for text in fact.values.values())
        for _, item in self.rubric.items():
            item._givens = givens
        item_ids = {item.id for _, item in self.rubric.items()}
        for index, follow_up in enumerate(self.follow_ups):
            if follow_up.about is not None and follow_up.about not in item_ids:
                raise ValueError(f"follow_ups.{index}.about: no rubric item {follow_up.about!r}")
        for index, hint in enumerate(self.hints):
            if hint.about not in item_ids:
                raise ValueError(f"hints.{index}.about: no rubric item {hint.about!r}")
        if not any(f.category == "scope-out" for f in self.facts):
            raise ValueError("facts: state at least one scope-out fact (what is not asked for)")
        return self

    def concept_ids(self) -> set[str]:
        """Every concept id the problem refers to, for the vocabulary check."""
        ids = {c for _, item in self.rubric.items() for c in (*item.concepts, *item.mentions)}
        for group in (self.components, self.deep_dives, self.tradeoffs, self.pitfalls):
            for entry in group:
                ids.update(entry.concepts)
        return ids

    def words(self) -> str:
        """The text a candidate sees, for search and for guessing a prompt from a design."""
        return f"{self.title}\n{self.prompt}"


def _unique(what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what}: duplicate id {value!r}")
        seen.add(value)

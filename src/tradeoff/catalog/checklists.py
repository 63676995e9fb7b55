"""Interview checklists (API, failure modes, monitoring, security): schema and loader.

The checklists are data (`data/checklists.yaml`) so their wording and their recognisers can
be edited without code: each item says what good looks like, why it matters, the concepts it
relates to and, as regular expressions or named shared detectors, the substance a design
must state to meet it. The reviewer's side (`review/checklist.py`) applies them to claims.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from tradeoff.catalog.loader import DATA_DIR, format_validation_error, read_yaml
from tradeoff.catalog.schema import Slug, Text, _Strict
from tradeoff.errors import CatalogError, TradeoffError

CHECKLISTS_FILE = DATA_DIR / "checklists.yaml"
# Detectors shared with the reviewer's claim features (tradeoff.language.operations).
Detector = Literal["failure_response", "monitoring_signal"]
_FRAGMENT = re.compile(r"\{\{(\w+)\}\}")


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    """Compile once per process; the cache also keeps lookups off pydantic's slow path."""
    try:
        return re.compile(pattern, re.I)
    except re.error as exc:
        raise ValueError(f"invalid regular expression ({exc})") from None


class Need(_Strict):
    """One piece of substance a claim must state: a pattern to find, or a shared detector."""

    what: Text = Field(description="What it is, as shown for an open item: 'a threshold'.")
    pattern: str | None = None
    detector: Detector | None = None
    heading: bool = Field(
        default=False, description="The claim's heading may meet it ('Alerts' above a list)."
    )
    near: int | None = Field(
        default=None, ge=1, description="Within this many characters of the way's subject."
    )

    @field_validator("pattern")
    @classmethod
    def _valid_pattern(cls, value: str | None) -> str | None:
        if value is not None:
            _compile(value)
        return value

    @model_validator(mode="after")
    def _one_source(self) -> Need:
        if (self.pattern is None) == (self.detector is None):
            raise ValueError("a need has either a pattern or a detector")
        return self

    @property
    def regex(self) -> re.Pattern[str] | None:
        return _compile(self.pattern) if self.pattern is not None else None


Way = list[Need]


class Item(_Strict):
    """A thing an interviewer checks, and how a design shows it."""

    id: Slug
    text: Text = Field(description="What good looks like.")
    why: Text = Field(description="Why an interviewer asks, in one line.")
    concepts: list[Slug] = Field(min_length=1, description="Concept ids from concepts.yaml.")
    substance: Text = Field(description="What a claim must state to tick it, for people.")
    ways: list[Way] = Field(min_length=1, description="Any one way, all of its needs.")

    @field_validator("ways")
    @classmethod
    def _ways_not_empty(cls, value: list[Way]) -> list[Way]:
        if any(not way for way in value):
            raise ValueError("a way needs at least one need")
        return value


class Checklist(_Strict):
    id: Slug
    title: Text
    about: Text
    items: list[Item] = Field(min_length=8, max_length=14)

    @field_validator("items")
    @classmethod
    def _unique_ids(cls, value: list[Item]) -> list[Item]:
        seen: set[str] = set()
        for item in value:
            if item.id in seen:
                raise ValueError(f"duplicate item id {item.id!r}")
            seen.add(item.id)
        return value


class Checklists(_Strict):
    """The whole file: shared pattern fragments, what never ticks, and the checklists."""

    fragments: dict[str, str] = Field(default_factory=dict)
    refuse: str = Field(description="A claim matching this is not a decision and ticks nothing.")
    refuse_headings: str = Field(description="Claims under a heading matching this tick nothing.")
    checklists: list[Checklist] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _expand_fragments(cls, data: Any) -> Any:
        """Put each `{{name}}` fragment into the patterns, so every pattern compiles alone."""
        if not isinstance(data, dict) or not isinstance(data.get("fragments", {}), dict):
            return data
        fragments = {str(k): str(v) for k, v in data.get("fragments", {}).items()}
        return {**data, "checklists": _expand(data.get("checklists"), fragments)}

    @field_validator("refuse", "refuse_headings")
    @classmethod
    def _valid_refuse(cls, value: str) -> str:
        _compile(value)
        return value

    @field_validator("checklists")
    @classmethod
    def _unique_checklists(cls, value: list[Checklist]) -> list[Checklist]:
        ids = [c.id for c in value]
        if len(set(ids)) != len(ids):
            raise ValueError("checklist ids must be unique")
        return value

    @property
    def names(self) -> list[str]:
        return [c.id for c in self.checklists]

    def get(self, name: str) -> Checklist:
        """The checklist called `name`; an unknown name is a one-line error listing them."""
        for checklist in self.checklists:
            if checklist.id == name.strip().lower():
                return checklist
        near = difflib.get_close_matches(name.lower(), self.names, n=1)
        hint = f"did you mean {near[0]!r}? " if near else ""
        raise TradeoffError(f"no checklist {name!r}; {hint}use one of {', '.join(self.names)}")

    def refused(self, text: str, headings: Iterable[str]) -> bool:
        """Whether a claim is not the candidate's decision: out of scope, deferred, TBD."""
        return _compile(self.refuse).search(text) is not None or any(
            _compile(self.refuse_headings).search(h) for h in headings
        )


def _expand(node: Any, fragments: dict[str, str]) -> Any:
    if isinstance(node, list):
        return [_expand(n, fragments) for n in node]
    if isinstance(node, dict):
        return {
            key: (
                _fill(value, fragments)
                if key == "pattern" and isinstance(value, str)
                else _expand(value, fragments)
            )
            for key, value in node.items()
        }
    return node


def _fill(pattern: str, fragments: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ValueError(f"unknown fragment {{{{{name}}}}} in pattern")
        return f"(?:{fragments[name]})"

    return _FRAGMENT.sub(one, pattern)


def load_checklists(path: Path = CHECKLISTS_FILE, concept_ids: Iterable[str] = ()) -> Checklists:
    """Read and validate the checklists file; with `concept_ids`, every item's concepts must
    be among them, so a renamed concept cannot silently unlink an item."""
    data = read_yaml(path)
    try:
        loaded = Checklists.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(format_validation_error(path, exc)) from None
    except ValueError as exc:  # a fragment error raised before field validation
        raise CatalogError(f"{path.name}: {exc}") from None
    known = set(concept_ids)
    if known:
        for checklist in loaded.checklists:
            for item in checklist.items:
                unknown = [c for c in item.concepts if c not in known]
                if unknown:
                    raise CatalogError(
                        f"{path.name}: {checklist.id}.{item.id}: unknown concept(s) "
                        + ", ".join(unknown)
                    )
    return loaded


@lru_cache(maxsize=1)
def default_checklists() -> Checklists:
    """The packaged checklists, read once per process."""
    return load_checklists()

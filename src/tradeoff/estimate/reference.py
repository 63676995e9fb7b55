"""The reference-number table: latencies, throughputs, sizes, costs, powers of two, time.

Figures are data (data/numbers.yaml), each with its source and the year it was checked, so
a stale number is visible and replacing one needs no code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tradeoff.errors import TradeoffError

Topic = Literal["latency", "throughput", "storage", "cost", "powers", "time"]
TOPICS: tuple[Topic, ...] = ("latency", "throughput", "storage", "cost", "powers", "time")
DATA = Path(str(resources.files("tradeoff.estimate") / "data" / "numbers.yaml"))


class ReferenceNumber(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    topic: Topic
    name: str
    value: float
    unit: str = Field(description="A pint unit string; costs are US dollars per this unit.")
    range: str
    source: str

    def shown(self) -> str:
        """The value as a person reads it: '$0.023 per GB-month', '80 us', '2^32 = 4.29B'."""
        from tradeoff.units import human_number

        if self.topic == "cost":
            per = self.unit.removeprefix("1/").replace("/", "-")
            return f"${self.value:g} per {per}"
        number = human_number(self.value) if self.value >= 10_000 else f"{self.value:g}"
        if self.unit == "dimensionless":
            return number
        if self.unit.startswith("1/"):
            return f"{number}/{self.unit.removeprefix('1/')}"
        return f"{number} {self.unit}"


class ReferenceTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: str
    numbers: list[ReferenceNumber]

    def select(self, topic: str | None) -> list[ReferenceNumber]:
        if topic is not None and topic not in TOPICS:
            raise TradeoffError(f"no topic {topic!r}; use one of {', '.join(TOPICS)}")
        return [n for n in self.numbers if topic is None or n.topic == topic]


@lru_cache(maxsize=1)
def reference_table(path: Path = DATA) -> ReferenceTable:
    try:
        return ReferenceTable.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise TradeoffError(f"{path.name}: cannot load the reference numbers ({exc})") from None

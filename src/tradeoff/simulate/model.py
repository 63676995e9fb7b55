"""The queueing model of a design: stations, routes between them, and where requests enter."""

from __future__ import annotations

from dataclasses import dataclass, field

from tradeoff.simulate.annotations import Finding


@dataclass(frozen=True)
class Assumption:
    """A figure the design did not give, with where it came from."""

    line: int | None
    text: str

    def shown(self) -> str:
        return f"line {self.line}: {self.text}" if self.line else self.text


@dataclass(frozen=True)
class Station:
    """A node that queues: `instances` x `workers` FIFO servers sharing one queue."""

    name: str
    kind: str
    line: int | None
    instances: int
    workers: int
    service: float  # mean seconds per request on one worker
    cv: float = 1.0  # coefficient of variation of the service time (1 = exponential)
    hit: float | None = None  # caches: the share of requests answered here
    replicas: int = 1
    queue: int | None = None  # most requests that may wait; more are refused
    timeout: float | None = None  # a request waiting longer is dropped
    availability: float = 0.999  # of one instance
    assumed: frozenset[str] = frozenset()  # fields filled from defaults

    @property
    def servers(self) -> int:
        return self.instances * self.workers

    @property
    def capacity(self) -> float:
        """Requests per second it can serve flat out."""
        return self.servers / self.service if self.service > 0 else float("inf")


@dataclass(frozen=True)
class Route:
    """Requests leaving `source` for `target`: always (p None) or a share p of them."""

    source: str
    target: str
    line: int | None
    sync: bool = True
    fanout: int = 1
    p: float | None = None


@dataclass
class Network:
    stations: dict[str, Station]
    routes: list[Route]
    entries: dict[str, float]  # client name -> share of the traffic
    order: list[str]  # stations in topological order
    hop: float  # seconds added by each call between nodes (a round trip in one zone)
    assumptions: list[Assumption] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    lines: dict[str, int | None] = field(default_factory=dict)  # every node's line

    def out_routes(self, name: str) -> list[Route]:
        return [r for r in self.routes if r.source == name]

    def station_named(self, text: str) -> str | None:
        wanted = text.strip().lower()
        for name in self.stations:
            if name.lower() == wanted:
                return name
        return None


@dataclass(frozen=True)
class Workload:
    """Requests per second at the entries; the simulation runs at rate x peak."""

    rate: float
    peak: float
    source: str  # where the rate came from, for the report

    @property
    def offered(self) -> float:
        return self.rate * self.peak

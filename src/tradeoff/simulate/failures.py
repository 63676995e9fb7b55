"""Failures to inject, as written on the command line: `API@30s`, `DB:slow=5x@20s+10s`...

TARGET[:ACTION]@TIME[+DURATION]
  ACTION  kill (default: the whole node), kill=N (N instances), slow=Fx (service F times
          longer), flush (a cache loses its contents and warms up again)
  TARGET  a node's name, or SOURCE>TARGET for a partition between two nodes
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tradeoff.errors import TradeoffError
from tradeoff.simulate.annotations import duration

_SPEC = re.compile(
    r"^(?P<target>[^:@]+?)(?::(?P<action>kill|slow|flush)(?:=(?P<amount>[\d.]+)x?)?)?"
    r"@(?P<at>[\d.]+\s*(?:ms|s|m)?)(?:\+(?P<for>[\d.]+\s*(?:ms|s|m)?))?$",
    re.I,
)


class FailureSpecError(TradeoffError):
    """A --fail value that cannot be read."""


@dataclass(frozen=True)
class Failure:
    target: str
    action: str  # kill, kill-instances, slow, flush, partition
    at: float
    until: float = math.inf
    amount: float = 0.0  # instances killed, or the slow-down factor
    peer: str | None = None  # partition: the other side

    def shown(self) -> str:
        what = {
            "kill": f"kill {self.target}",
            "kill-instances": f"kill {self.amount:g} instance(s) of {self.target}",
            "slow": f"slow {self.target} {self.amount:g}x",
            "flush": f"flush {self.target}",
            "partition": f"cut {self.target} -> {self.peer}",
        }[self.action]
        span = f" until {self.until:g}s" if math.isfinite(self.until) else ""
        return f"{what} at {self.at:g}s{span}"


def seconds(text: str) -> float:
    """'30s', '1.5 s', '500ms', '2m', or a bare number of seconds."""
    clean = text.strip().lower()
    if clean.endswith("m") and not clean.endswith("ms"):
        return float(clean[:-1]) * 60
    try:
        return float(clean)
    except ValueError:
        return duration(clean)


def parse_failure(text: str) -> Failure:
    match = _SPEC.match(text.strip())
    if not match:
        raise FailureSpecError(
            f"--fail {text!r}: write NODE@30s, NODE:kill=1@30s, NODE:slow=5x@30s+10s,"
            " CACHE:flush@30s or A>B@30s+5s"
        )
    try:
        at = seconds(match.group("at"))
        until = at + seconds(match.group("for")) if match.group("for") else math.inf
    except ValueError:
        raise FailureSpecError(f"--fail {text!r}: cannot read the time") from None
    target = match.group("target").strip()
    action = (match.group("action") or "kill").lower()
    amount = float(match.group("amount")) if match.group("amount") else 0.0
    if ">" in target:
        source, peer = (part.strip() for part in target.split(">", 1))
        return Failure(source, "partition", at, until, 0.0, peer)
    if action == "kill" and amount:
        if amount != int(amount) or amount < 1:
            raise FailureSpecError(f"--fail {text!r}: kill=N needs a whole number of instances")
        return Failure(target, "kill-instances", at, until, amount)
    if action == "slow" and amount <= 0:
        raise FailureSpecError(f"--fail {text!r}: slow needs a factor, e.g. slow=5x")
    return Failure(target, action, at, until, amount)


_BURST = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*x\s*@\s*([^+\s]+)\s*\+\s*(\S+)\s*$", re.I)


def parse_burst(text: str) -> tuple[float, float, float]:
    """'3x@20s+10s': (factor 3, from 20 s, for 10 s) of the peak rate, for --burst."""
    match = _BURST.match(text)
    if match is None:
        raise TradeoffError(f"--burst {text!r}: write FACTORx@START+LENGTH, e.g. 3x@20s+10s")
    try:
        factor, start, length = float(match[1]), seconds(match[2]), seconds(match[3])
    except ValueError:
        raise TradeoffError(f"--burst {text!r}: times look like 20s or 500ms") from None
    if factor <= 0 or length <= 0 or start < 0:
        raise TradeoffError(f"--burst {text!r}: the factor and length must be above zero")
    return factor, start, length

"""Random numbers keyed by job, so a job draws the same service time in every pass.

A counter-based generator (SplitMix64 over a per-job key) makes each draw a pure function of
(seed, job, purpose): re-simulating with retries added changes no other job's draws, and the
same seed gives the same run whatever order the stations are solved in.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

U64 = NDArray[np.uint64]
Floats = NDArray[np.float64]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)


def mix(keys: U64) -> U64:
    """SplitMix64's finaliser: a bijection of 64-bit integers that scatters nearby keys."""
    with np.errstate(over="ignore"):
        z = keys + _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


def salt(*parts: int) -> np.uint64:
    """A constant for one purpose (a station's service times, a route's choice...)."""
    value = np.array([0], dtype=np.uint64)
    for part in parts:
        value = mix(value ^ np.uint64(part & 0xFFFFFFFFFFFFFFFF))
    return np.uint64(value[0])


def child(keys: U64, *parts: int) -> U64:
    """Keys of the jobs a job sends on (route index, copy number)."""
    return mix(keys ^ salt(*parts))


def uniform(keys: U64, purpose: np.uint64) -> Floats:
    """Uniform on (0, 1), never 0 or 1, one per key."""
    bits = mix(keys ^ purpose) >> np.uint64(11)
    return (bits.astype(np.float64) + 0.5) * (1.0 / 9007199254740992.0)


def service_times(keys: U64, purpose: np.uint64, mean: float, cv: float) -> Floats:
    """Exponential when cv = 1, constant when cv = 0, otherwise lognormal with that cv."""
    if cv == 0:
        return np.full(len(keys), mean)
    u = uniform(keys, purpose)
    if cv == 1:
        return -mean * np.log(u)
    v = uniform(keys, purpose ^ np.uint64(0x5DEECE66D))
    normal = np.sqrt(-2 * np.log(u)) * np.cos(2 * np.pi * v)  # Box-Muller
    sigma2 = np.log1p(cv * cv)
    return np.asarray(mean * np.exp(np.sqrt(sigma2) * normal - sigma2 / 2), dtype=np.float64)

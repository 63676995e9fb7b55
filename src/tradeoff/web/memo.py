"""A small, bounded, thread-safe memo for values that are a pure function of their key.

The app keeps no state that changes what a request sees (several processes may serve one
database): what it keeps here is only a value it could compute again from the key alone,
such as the problem list for one set of filters (the catalog is package data) or a
session's report under the stamp the database gave for it. Two processes holding
different entries, or none, answer the same.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    """The last `size` values made, by key; the least recently used goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value under `key`, made by `make()` (outside the lock) when absent. Two
        threads missing at once both make it; the values are equal, so either may stay."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)

"""The commands' "now": the system clock, or TRADEOFF_NOW so tests and demos can fix it."""

from __future__ import annotations

import os
from datetime import datetime

NOW_VAR = "TRADEOFF_NOW"  # an ISO-8601 datetime used as "now"


def now() -> datetime:
    """Read on every call, so a long review stamps each rating with its own time."""
    from tradeoff.practice.scheduler import parse_now

    return parse_now(os.environ.get(NOW_VAR))

"""StoreError: the one error the practice store raises for anything a user can fix."""

from tradeoff.errors import TradeoffError


class StoreError(TradeoffError):
    """The practice database cannot be opened, read or written; the message says what to do."""

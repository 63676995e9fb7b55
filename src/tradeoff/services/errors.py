"""The errors services raise, each meaning one HTTP status to the web app."""

from __future__ import annotations

from tradeoff.errors import TradeoffError


class NotFoundError(TradeoffError):
    """An id (problem, session) that does not exist: a 404."""


class BadInputError(TradeoffError):
    """A request the user can correct (an unknown filter value, an empty design): a 400."""


class TooLargeError(TradeoffError):
    """A design over the size limit: a 413 whose page says the limit."""

    def __init__(self, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(
            f"the design is {size / 1_048_576:.1f} MB; the limit is {limit // 1_048_576} MB."
            " Paste the text of the design, not attachments"
        )


class ConflictError(TradeoffError):
    """An action the session's state refuses (a turn after the end): a 409."""


class SignInRequiredError(TradeoffError):
    """Accounts mode, and no one is signed in (or the sign-in expired): a 401."""


class ForbiddenError(TradeoffError):
    """Signed in, but not allowed (a bad CSRF token, an invite held by another coach): a 403."""

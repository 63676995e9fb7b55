"""LLMError: the one exception every LLM failure becomes, so callers have a single fallback."""

from tradeoff.errors import TradeoffError


class LLMError(TradeoffError):
    """The model could not be used for this turn: timeout, connection, HTTP error, bad reply.

    One type on purpose: whatever went wrong, the caller does the same thing (falls back to
    the deterministic interviewer or leaves the rubric item undecided), and the one-line
    message tells the user which server failed and how.
    """

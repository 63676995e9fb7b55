"""The one exception family: every error a user can cause or fix derives from TradeoffError."""


class TradeoffError(Exception):
    """A problem the user can act on; the CLI prints it on one line and exits with code 2."""


class CatalogError(TradeoffError):
    """A catalog data file is missing, malformed or inconsistent with the vocabulary."""


class UnknownProblemError(TradeoffError):
    """A problem id that is not in the catalog; the message suggests the nearest ids."""

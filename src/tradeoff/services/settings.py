"""Settings for the web page: the LLM endpoint and model, an API key, new cards a day.

The key goes one way only: it can be saved or forgotten, and what comes back is whether one
is set, never its value (nor a URL's password or token, which are masked).

Where they live depends on who asks. With no account (single-user mode, and the CLI) they
are the machine's config file and key file, shared with `tradeoff config llm`. A signed-in
account (accounts mode) has its own row in the database (`user_settings`): the server's
files belong to whoever runs the server, and one visitor must not change another's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tradeoff.errors import TradeoffError
from tradeoff.llm.config import (
    ENV_API_KEY_ENV,
    ENV_BASE_URL,
    ENV_MODEL,
    LLMConfig,
    config_path,
    load_config,
    load_key,
    save_config,
    save_key,
)
from tradeoff.practice.scheduler import DEFAULT_NEW_PER_DAY
from tradeoff.safe_text import redact_url
from tradeoff.services import cards as flashcards
from tradeoff.services.errors import BadInputError

if TYPE_CHECKING:
    from tradeoff.store import Store
    from tradeoff.store.accounts import UserSettings


@dataclass(frozen=True)
class Account:
    """A signed-in account whose settings are its own row in `store`."""

    store: Store
    user_id: int


MAX_FIELD = 2_000  # a URL, a model name or a key; longer is a paste gone wrong
MIN_TIMEOUT, MAX_TIMEOUT = 1.0, 600.0


@dataclass(frozen=True)
class Settings:
    base_url: str  # with credentials masked; "" when no LLM is configured
    model: str
    timeout: float
    key: str  # "set" or "not set"
    key_from: str  # where a key comes from: an environment variable's name, or the saved file
    new_per_day: int
    config_file: str
    overridden: list[str]  # environment variables that win over what the page saves
    problem: str = ""  # a config file that cannot be read, said instead of raising


ACCOUNT_PLACE = "your account, in the app's database"


def current(account: Account | None = None) -> Settings:
    """What the settings page shows: the account's own, or the machine's (None)."""
    if account is not None:
        return _account_settings(account.store.accounts.settings(account.user_id))
    problem = ""
    try:
        config = load_config()
    except TradeoffError as exc:
        config, problem = None, str(exc)
    try:
        per_day = flashcards.load_new_per_day().value
    except TradeoffError as exc:
        per_day, problem = DEFAULT_NEW_PER_DAY, problem or str(exc)
    key, key_from = _key_state(config)
    overridden = [
        name for name in (ENV_BASE_URL, ENV_MODEL, ENV_API_KEY_ENV) if os.environ.get(name)
    ]
    return Settings(
        base_url=redact_url(config.base_url) if config else "",
        model=config.model if config else "",
        timeout=config.timeout if config else LLMConfig.timeout,
        key=key,
        key_from=key_from,
        new_per_day=per_day,
        config_file=str(config_path()),
        overridden=overridden,
        problem=problem,
    )


def _account_settings(saved: UserSettings) -> Settings:
    """An account's settings: environment variables and the server's files play no part."""
    return Settings(
        base_url=redact_url(saved.base_url) if saved.base_url else "",
        model=saved.model or "",
        timeout=saved.timeout if saved.timeout is not None else LLMConfig.timeout,
        key="set" if saved.api_key else "not set",
        key_from="saved for your account" if saved.api_key else "",
        new_per_day=(saved.new_per_day if saved.new_per_day is not None else DEFAULT_NEW_PER_DAY),
        config_file=ACCOUNT_PLACE,
        overridden=[],
    )


def new_per_day(account: Account | None = None) -> int:
    """The daily new-card limit of the account, or of the machine (the config file)."""
    if account is None:
        return flashcards.per_day()
    saved = account.store.accounts.settings(account.user_id).new_per_day
    return DEFAULT_NEW_PER_DAY if saved is None else saved


def _key_state(config: LLMConfig | None) -> tuple[str, str]:
    if config is not None and config.api_key_env:
        present = bool(os.environ.get(config.api_key_env, "").strip())
        return ("set" if present else "not set"), f"environment variable {config.api_key_env}"
    try:
        saved = load_key()
    except TradeoffError:
        saved = None
    return ("set" if saved else "not set"), ("saved on this machine" if saved else "")


def save_llm(
    base_url: str,
    model: str,
    timeout: str,
    api_key: str,
    forget_key: bool,
    account: Account | None = None,
) -> None:
    """Save the endpoint and model (both needed), and a key when one is typed, for the
    account or the machine (None).

    A URL sent back exactly as the page showed it (its secrets masked) keeps the stored one,
    so saving the model alone never writes the mask over a token. A typed key replaces any
    environment variable named for it: the page's key is the one meant.
    """
    base_url, model, api_key = base_url.strip(), model.strip(), api_key.strip()
    for name, value in (("URL", base_url), ("model", model), ("API key", api_key)):
        if len(value) > MAX_FIELD:
            raise BadInputError(f"the {name} is {len(value)} characters; at most {MAX_FIELD}")
    if not base_url or not model:
        raise BadInputError("give both the endpoint URL and the model name")
    if any(c.isspace() or not c.isprintable() for c in api_key):
        raise BadInputError("the API key has spaces or line breaks in it; paste the key alone")
    if account is not None:
        _save_account_llm(account, base_url, model, timeout, api_key, forget_key)
        return
    try:
        previous = load_config()
    except TradeoffError:
        previous = None
    if previous is not None and base_url == redact_url(previous.base_url):
        base_url = previous.base_url
    _check_url(base_url)
    seconds = _timeout(timeout)
    key_env = previous.api_key_env if previous is not None else None
    if api_key or forget_key:
        key_env = None
    save_config(LLMConfig(base_url, model, key_env, seconds))
    if api_key:
        save_key(api_key)
    elif forget_key:
        save_key(None)


def _save_account_llm(
    account: Account, base_url: str, model: str, timeout: str, api_key: str, forget_key: bool
) -> None:
    """save_llm for an account: the same checks, the account's row instead of the files."""
    previous = account.store.accounts.settings(account.user_id).base_url
    if previous is not None and base_url == redact_url(previous):
        base_url = previous
    _check_url(base_url)
    changes: dict[str, str | float | None] = {
        "base_url": base_url, "model": model, "timeout": _timeout(timeout),
    }  # fmt: skip
    if api_key or forget_key:
        changes["api_key"] = api_key or None
    account.store.accounts.save_settings(account.user_id, **changes)


def _check_url(base_url: str) -> None:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInputError(
            f"{redact_url(base_url)!r} is not an http(s) URL; use e.g. http://127.0.0.1:11434/v1"
        )


def _timeout(text: str) -> float:
    text = text.strip()
    if not text:
        return LLMConfig.timeout
    try:
        seconds = float(text)
    except ValueError:
        raise BadInputError(f"timeout {text[:20]!r} is not a number of seconds") from None
    if not MIN_TIMEOUT <= seconds <= MAX_TIMEOUT:
        raise BadInputError(f"timeout must be {MIN_TIMEOUT:g} to {MAX_TIMEOUT:g} seconds")
    return seconds


def save_new_per_day(text: str, account: Account | None = None) -> int:
    if not text.strip().isdigit():
        raise BadInputError(f"new cards a day must be a whole number, not {text[:20]!r}")
    value = int(text.strip())
    if value > flashcards.MAX_NEW_PER_DAY:
        raise BadInputError(f"new cards a day must be 0 to {flashcards.MAX_NEW_PER_DAY}")
    if account is not None:
        account.store.accounts.save_settings(account.user_id, new_per_day=value)
    else:
        flashcards.save_new_per_day(value)
    return value

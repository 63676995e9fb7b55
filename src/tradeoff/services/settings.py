"""Settings for the web page: the LLM endpoint and model, an API key, new cards a day.

The key goes one way only: it can be saved or forgotten, and what comes back is whether one
is set, never its value (nor a URL's password or token, which are masked).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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


def current() -> Settings:
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


def _key_state(config: LLMConfig | None) -> tuple[str, str]:
    if config is not None and config.api_key_env:
        present = bool(os.environ.get(config.api_key_env, "").strip())
        return ("set" if present else "not set"), f"environment variable {config.api_key_env}"
    try:
        saved = load_key()
    except TradeoffError:
        saved = None
    return ("set" if saved else "not set"), ("saved on this machine" if saved else "")


def save_llm(base_url: str, model: str, timeout: str, api_key: str, forget_key: bool) -> None:
    """Save the endpoint and model (both needed), and a key when one is typed.

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
    try:
        previous = load_config()
    except TradeoffError:
        previous = None
    if previous is not None and base_url == redact_url(previous.base_url):
        base_url = previous.base_url
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInputError(
            f"{redact_url(base_url)!r} is not an http(s) URL; use e.g. http://127.0.0.1:11434/v1"
        )
    seconds = _timeout(timeout)
    key_env = previous.api_key_env if previous is not None else None
    if api_key or forget_key:
        key_env = None
    save_config(LLMConfig(base_url, model, key_env, seconds))
    if api_key:
        save_key(api_key)
    elif forget_key:
        save_key(None)


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


def save_new_per_day(text: str) -> int:
    if not text.strip().isdigit():
        raise BadInputError(f"new cards a day must be a whole number, not {text[:20]!r}")
    value = int(text.strip())
    if value > flashcards.MAX_NEW_PER_DAY:
        raise BadInputError(f"new cards a day must be 0 to {flashcards.MAX_NEW_PER_DAY}")
    flashcards.save_new_per_day(value)
    return value

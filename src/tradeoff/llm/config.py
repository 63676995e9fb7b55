"""LLMConfig and where it lives: environment variables first, then the user's config file."""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tradeoff.llm.errors import LLMError

ENV_BASE_URL = "TRADEOFF_LLM_BASE_URL"
ENV_MODEL = "TRADEOFF_LLM_MODEL"
ENV_API_KEY_ENV = "TRADEOFF_LLM_API_KEY_ENV"
ENV_TIMEOUT = "TRADEOFF_LLM_TIMEOUT"

_SECTION = "llm"
KEY_FILE = "llm-key"
_FIELDS = ("base_url", "model", "api_key_env", "timeout")


@dataclass(frozen=True)
class LLMConfig:
    """How to reach an OpenAI-compatible chat server.

    The key itself is never stored in the config file: only the name of the environment
    variable holding it, so the config file can be shared or committed without leaking a
    secret. A key typed into the settings page is kept in its own owner-only file
    (`key_path()`), used when no variable is named.
    """

    base_url: str
    model: str
    api_key_env: str | None = None
    timeout: float = 20.0


def config_path() -> Path:
    """The user's config file; platformdirs is imported here so importing tradeoff stays fast."""
    import platformdirs

    return Path(platformdirs.user_config_dir("tradeoff")) / "config.json"


def key_path() -> Path:
    """The API key saved from the settings page: its own file beside the config file, owner-
    only, so the config file itself stays free of secrets and can still be shared."""
    return config_path().with_name(KEY_FILE)


def load_key(path: Path | None = None) -> str | None:
    """The saved API key, or None when none was saved."""
    file = path if path is not None else key_path()
    try:
        key = file.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise LLMError(f"cannot read the saved API key {file}: {exc}; delete it") from exc
    return key or None


def save_key(key: str | None, path: Path | None = None) -> Path:
    """Save `key` (None: forget it) in an owner-only file, replaced atomically."""
    file = path if path is not None else key_path()
    try:
        if key is None:
            file.unlink(missing_ok=True)
            return file
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".key-")  # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(key.strip() + "\n")
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise LLMError(f"cannot write {file}: {exc.strerror or exc}") from exc
    return file


def load_config(path: Path | None = None) -> LLMConfig | None:
    """Env vars win (TRADEOFF_LLM_BASE_URL, TRADEOFF_LLM_MODEL, TRADEOFF_LLM_API_KEY_ENV,
    TRADEOFF_LLM_TIMEOUT); else the "llm" object in the config file; None when no
    base_url/model is set. A malformed config file -> LLMError naming the file and what to do.

    Each field is taken from its environment variable when that is set and non-empty, so a
    one-off `TRADEOFF_LLM_MODEL=... tradeoff ...` can switch models while the file keeps
    the server. No LLM configured is the normal case, not an error.
    """
    file = path if path is not None else config_path()
    section = _read_section(file)
    env = {
        "base_url": os.environ.get(ENV_BASE_URL, "").strip(),
        "model": os.environ.get(ENV_MODEL, "").strip(),
        "api_key_env": os.environ.get(ENV_API_KEY_ENV, "").strip(),
        "timeout": os.environ.get(ENV_TIMEOUT, "").strip(),
    }
    base_url = env["base_url"] or _text(section, "base_url", file)
    model = env["model"] or _text(section, "model", file)
    if not base_url or not model:
        return None
    api_key_env = env["api_key_env"] or _text(section, "api_key_env", file) or None
    if env["timeout"]:
        timeout = _timeout(env["timeout"], f"environment variable {ENV_TIMEOUT}")
    elif section.get("timeout") is not None:
        timeout = _timeout(section["timeout"], f"config file {file}")
    else:
        timeout = LLMConfig.timeout
    return LLMConfig(base_url=base_url, model=model, api_key_env=api_key_env, timeout=timeout)


def save_config(config: LLMConfig, path: Path | None = None) -> Path:
    """Write `config` as the "llm" object, keeping every other key already in the file.

    The file is replaced atomically so an interrupted save never leaves half a JSON file,
    and a malformed existing file is refused rather than overwritten: it may hold settings
    the user wants back.
    """
    file = path if path is not None else config_path()
    data = _read_file(file)
    data[_SECTION] = {
        "base_url": config.base_url,
        "model": config.model,
        "api_key_env": config.api_key_env,
        "timeout": config.timeout,
    }
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".config-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=2)
                out.write("\n")
            os.replace(tmp, file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise LLMError(f"cannot write config file {file}: {exc.strerror or exc}") from exc
    return file


def _read_file(file: Path) -> dict[str, Any]:
    """The whole config file as a JSON object; a missing file is an empty one."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise LLMError(f"cannot read config file {file}: {exc}; fix or delete it") from exc
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LLMError(
            f"config file {file} is not valid JSON (line {exc.lineno}, column {exc.colno}); "
            "fix or delete it"
        ) from exc
    if not isinstance(data, dict):
        raise LLMError(f"config file {file} must hold a JSON object; fix or delete it")
    return data


def _read_section(file: Path) -> dict[str, Any]:
    """The "llm" object of the config file, checked for shape; empty when absent."""
    section = _read_file(file).get(_SECTION)
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise LLMError(f'config file {file}: "{_SECTION}" must be a JSON object; fix or delete it')
    unknown = sorted(set(section) - set(_FIELDS))
    if unknown:
        raise LLMError(
            f'config file {file}: unknown key "{_SECTION}.{unknown[0]}" '
            f"(expected {', '.join(_FIELDS)}); fix or delete it"
        )
    return section


def _text(section: dict[str, Any], key: str, file: Path) -> str:
    value = section.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise LLMError(f'config file {file}: "{_SECTION}.{key}" must be a string; fix it')
    return value.strip()


def _timeout(value: Any, where: str) -> float:
    """A positive, finite number of seconds; anything else names where it came from."""
    number: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number) or number <= 0:
        raise LLMError(f"{where}: LLM timeout must be a positive number of seconds, got {value!r}")
    return number

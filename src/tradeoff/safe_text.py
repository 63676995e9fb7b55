"""Text from outside made safe to print and to store: terminal control sequences stripped,
credentials masked.

An LLM server's reply or error body goes to the candidate's terminal and into the database
(notices, exports). A reply may carry escape sequences (a clipboard write, a screen clear, a
retitled window) and a 401 body may echo the Authorization header it was sent; a base URL
pasted from a provider's docs may hold a token. Everything that crosses that border goes
through here once, so no caller has to remember which of these it needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

MASK = "***"
SECRET_WORDS = ("key", "token", "secret", "password", "passwd", "auth", "sig", "credential")

# ESC-introduced sequences whole (CSI "ESC [ ... final", OSC "ESC ] ... BEL|ESC \", and the
# two-byte ones), so no "[2J" is left behind; then any other C0/C1 control but tab and
# newline, and the bidirectional overrides that make text display other than it reads.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|\Z)"  # OSC, DCS, SOS, PM, APC: up to their terminator
    r"|\x1b[ -/]*[0-~]?"  # two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f].*?(?:\x07|\x9c|\Z)",  # 8-bit OSC and friends
    re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# "Authorization: Bearer sk-...", "Bearer sk-...", "api_key=sk-...", "sk-..." style keys.
_CREDENTIALS = re.compile(
    r"(authorization[\"']?\s*[:=]\s*[\"']?)(?:(bearer|basic|token)\s+)?[^\s\"',}]+"
    r"|\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}"
    r"|\b((?:api[_-]?key|access[_-]?token|token|secret|password)"
    r"(?:\s*=\s*|[\"']?\s*:\s*[\"']))"
    r"[^\s\"',}&]+"
    r"|\b(?:sk|pk|rk)-[A-Za-z0-9_-]{8,}",
    re.IGNORECASE,
)
_URLS = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s\"'<>]+", re.IGNORECASE)


def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences or control characters (tab and newline stay)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def redact_url(url: str) -> str:
    """`url` with any password, token-like user name and secret query values masked.

    A URL pasted from a provider's docs often carries its credentials; printing it (or a
    database URL with a password) to a terminal that may be shared or logged leaks them.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return MASK
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user, has_password, _ = userinfo.partition(":")
        if has_password:
            userinfo = f"{user}:{MASK}"
        elif parts.scheme in ("http", "https"):
            userinfo = MASK  # a bare user part of an HTTP URL is usually a token
        netloc = f"{userinfo}@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(k, MASK if any(w in k.lower() for w in SECRET_WORDS) else v) for k, v in pairs],
            safe="*",
        )
    if (netloc, query) == (parts.netloc, parts.query):
        return url  # urlunsplit would drop the empty authority of sqlite:////path
    rebuilt = f"{parts.scheme}://{netloc}{parts.path}"
    rebuilt += f"?{query}" if query else ""
    return rebuilt + (f"#{parts.fragment}" if parts.fragment else "")


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with the given secrets, credential-looking values and URL credentials masked."""
    for secret in secrets:
        if len(secret) >= 4:
            text = text.replace(secret, MASK)
    text = _URLS.sub(lambda m: redact_url(m.group(0)), text)
    return _CREDENTIALS.sub(_mask_credential, text)


def safe(text: str, secrets: Iterable[str] = ()) -> str:
    """Both: what an outside party wrote, as it may be shown and kept."""
    return redact_text(strip_controls(text), secrets)


def _mask_credential(match: re.Match[str]) -> str:
    if match.group(1) is not None:  # authorization: [scheme] value
        scheme = f"{match.group(2)} " if match.group(2) else ""
        return f"{match.group(1)}{scheme}{MASK}"
    if match.group(3) is not None:  # bearer value
        return f"{match.group(3)} {MASK}"
    if match.group(4) is not None:  # key=value
        return f"{match.group(4)}{MASK}"
    return MASK

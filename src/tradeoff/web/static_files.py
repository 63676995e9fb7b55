"""Static files under addresses that name their content, so a browser keeps them for a year.

A page links `static("app.js")`: `/static/app.js?v=<digest of the file>`. A request whose
`v` is the digest of the file this process serves gets `Cache-Control: immutable`, so the
browser fetches nothing on later pages; a changed file (an upgrade) has a new address. A
request with another `v` (a page from a process still on the old version, mid-upgrade) or
none gets the usual revalidation (ETag), so an old address never pins new content.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

FOREVER = "public, max-age=31536000, immutable"


@lru_cache(maxsize=256)
def _digest(path: str, mtime_ns: int, size: int) -> str:
    """The file's content digest, once per file version (the stat is part of the key)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def version(folder: Path | str, name: str) -> str | None:
    """The digest of static file `name` under `folder`, or None if there is no such file.
    A page links several, so this is one os.stat on a string (pathlib's joins cost more
    than the stat)."""
    path = os.path.join(folder, name)
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _digest(path, stat.st_mtime_ns, stat.st_size)


def static_url(folder: Path | str, name: str) -> str:
    """The address of static file `name`, with its digest when it exists."""
    digest = version(folder, name)
    return f"/static/{name}" if digest is None else f"/static/{name}?v={digest}"


class VersionedStaticFiles(StaticFiles):
    """StaticFiles that lets the browser keep a file asked for by its current digest."""

    def __init__(self, folder: Path) -> None:
        super().__init__(directory=str(folder))
        self.folder = folder

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("v")
        if response.status_code in (200, 304) and asked and asked[0] == version(self.folder, path):
            response.headers["Cache-Control"] = FOREVER
        return response

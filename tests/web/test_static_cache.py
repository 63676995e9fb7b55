"""Pages link static files by their content's digest; that address is cached for a year, any
other (an old digest, none) is revalidated as before."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from fastapi.testclient import TestClient

from tradeoff.web import create_app
from tradeoff.web.templating import HERE

LINK = re.compile(r'href="(/static/app\.css\?v=([0-9a-f]+))"')


def test_a_page_links_files_by_digest_and_only_that_address_is_kept(tmp_path: Path) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'practice.db'}")) as client:
        page = client.get("/problems").text
        match = LINK.search(page)
        assert match, "the stylesheet is linked with its digest"
        address, digest = match.groups()
        file = (HERE / "static" / "app.css").read_bytes()
        assert digest == hashlib.sha256(file).hexdigest()[:16]
        assert 'src="/static/vendor/htmx.min.js?v=' in page

        kept = client.get(address)
        assert kept.status_code == 200 and kept.content == file
        assert kept.headers["cache-control"] == "public, max-age=31536000, immutable"

        for other in ("/static/app.css", "/static/app.css?v=0123456789abcdef"):
            plain = client.get(other)
            assert plain.status_code == 200 and plain.content == file
            assert "cache-control" not in plain.headers  # revalidated by its ETag
            assert "etag" in plain.headers
        assert client.get("/static/nothing.css?v=abc").status_code == 404

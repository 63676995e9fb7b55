"""The Jinja2 environment: templates shipped in the package, autoescaped, a few filters."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.templating import Jinja2Templates

from tradeoff.interview.phases import clock_text
from tradeoff.web.static_files import static_url

HERE = Path(__file__).parent
# The templates are package data: no page needs a stat of each template file to see
# whether it changed since it was compiled (Jinja's auto_reload, on by default).
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.auto_reload = False
templates.env.filters["clock"] = clock_text
templates.env.filters["stamp"] = lambda moment: (
    moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else ""
)
templates.env.filters["iso"] = lambda moment: (
    moment.isoformat() if isinstance(moment, datetime) else ""
)
# {{ static("app.js") }}: the file's address with its digest, cached by browsers for a year.
# The folder is joined once: a page links several files, and a pathlib join costs more
# than the os.stat `version` makes.
STATIC = str(HERE / "static")
templates.env.globals["static"] = lambda name: static_url(STATIC, name)

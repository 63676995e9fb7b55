"""Reading HTML forms with the app's limits (Starlette's default caps a field at 1 MB)."""

from __future__ import annotations

from fastapi import Request
from starlette.datastructures import FormData, UploadFile

from tradeoff.web.state import AppState


async def read_form(request: Request, state: AppState) -> FormData:
    return await request.form(max_files=1, max_fields=20, max_part_size=state.max_request_bytes)


def text_field(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name)
    return value if isinstance(value, str) else default


async def file_field(form: FormData, name: str) -> tuple[bytes, str] | None:
    """The uploaded file's bytes and name, or None when no file was chosen."""
    value = form.get(name)
    if not isinstance(value, UploadFile) or not value.filename:
        return None
    return await value.read(), value.filename


def whole_number(text: str) -> int | None:
    """A non-negative whole number written in ASCII digits that fits a database integer, or
    None. `str.isdigit` alone accepts '³' and '٣', which `int` then refuses (a 500)."""
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None

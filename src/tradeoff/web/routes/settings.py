"""The settings page: the LLM endpoint and model, an API key (never shown back), new cards a
day. In single-user mode each form saves to the user's config folder, as `tradeoff config
llm` and `tradeoff cards settings` do; in accounts mode to the signed-in account's row."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tradeoff.services import settings as config
from tradeoff.web.auth import account_of
from tradeoff.web.forms import read_form, text_field
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)
SAVED = {"llm": "The LLM settings are saved.", "cards": "The new-card limit is saved."}


@router.get("/settings")
def settings_page(request: Request, saved: str = "") -> Response:
    context = {"settings": config.current(account_of(request)), "saved": SAVED.get(saved, "")}
    return templates.TemplateResponse(request, "settings.html", context)


@router.post("/settings/llm")
async def save_llm(request: Request, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    config.save_llm(
        text_field(form, "base_url"),
        text_field(form, "model"),
        text_field(form, "timeout"),
        text_field(form, "api_key"),
        forget_key=bool(text_field(form, "forget_key")),
        account=account_of(request),
    )
    return RedirectResponse("/settings?saved=llm", status_code=303)


@router.post("/settings/cards")
async def save_cards(request: Request, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    config.save_new_per_day(text_field(form, "new_per_day"), account_of(request))
    return RedirectResponse("/settings?saved=cards", status_code=303)

"""The study plan page: what `tradeoff plan` prints, each item with why it was picked."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from tradeoff.practice.user_decks import all_decks
from tradeoff.services import cards as flashcards
from tradeoff.services.plan import MAX_DAYS, MAX_MINUTES, MIN_MINUTES, study_plan
from tradeoff.services.settings import new_per_day
from tradeoff.web.auth import account_of, visitor_of
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/plan")
def plan(
    request: Request, days: int = 14, minutes: int = 45, state: AppState = Depends(app_state)
) -> Response:
    found = study_plan(
        state.store, state.catalog, all_decks(), flashcards.current_time(),
        days=days, minutes_per_day=minutes, new_per_day=new_per_day(account_of(request)),
        owner_id=visitor_of(request).owner_id,
    )  # fmt: skip
    context = {
        "plan": found,
        "days": days,
        "minutes": minutes,
        "titles": {pid: p.title for pid, p in state.catalog.problems.items()},
        "limits": {"max_days": MAX_DAYS, "min_minutes": MIN_MINUTES, "max_minutes": MAX_MINUTES},
    }
    return templates.TemplateResponse(request, "plan.html", context)

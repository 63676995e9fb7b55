"""The flashcards page: today's review in the browser (front, reveal, rate, next card).

The queue is the one `tradeoff cards review` walks (every seen card due, new cards at the
daily limit), rebuilt from the store on every request; a rating goes through the same
service call, which refuses a card today's review does not hold (a resent form).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from tradeoff.practice.decks import Card, Deck
from tradeoff.practice.scheduler import RATINGS, Queue
from tradeoff.practice.user_decks import all_decks
from tradeoff.services import cards as flashcards
from tradeoff.services.errors import ConflictError
from tradeoff.services.settings import new_per_day
from tradeoff.web.auth import account_of, visitor_of
from tradeoff.web.forms import read_form, text_field
from tradeoff.web.state import AppState, app_state
from tradeoff.web.templating import templates

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Review:
    """What the card panel shows: the queue, the card on top and whether its back shows."""

    queue: Queue
    card: Card | None
    revealed: bool
    deck: str
    topic: str
    next_due: str  # "" when nothing seen is waiting
    said: str = ""  # what the last rating did, or why it was refused

    @property
    def query(self) -> str:
        return _query(self.deck, self.topic)


def _query(deck: str, topic: str) -> str:
    """The filters as a query string ("" for none), kept across reveal and rating."""
    return urlencode({k: v for k, v in (("deck", deck), ("topic", topic)) if v})


def _review(
    request: Request,
    state: AppState,
    decks: dict[str, Deck],
    deck: str,
    topic: str,
    shown: Card | None = None,
    said: str = "",
) -> Review:
    chosen = flashcards.select_cards(decks, deck, topic)
    now = flashcards.current_time()
    owner = visitor_of(request).owner_id
    limit = new_per_day(account_of(request))
    queue = flashcards.todays_queue(state.store, chosen, now, limit, owner)
    card = shown if shown is not None else (queue.cards[0] if queue.cards else None)
    upcoming = "" if card else _upcoming(state, chosen, owner)
    return Review(queue, card, shown is not None, deck, topic, upcoming, said)


def _upcoming(state: AppState, chosen: list[Card], owner_id: int | None) -> str:
    due = flashcards.next_due(chosen, state.store.card_states(owner_id))
    return f"{due:%Y-%m-%d %H:%M} UTC" if due is not None else ""


def _render(request: Request, decks: dict[str, Deck], review: Review) -> Response:
    if request.headers.get("HX-Request"):
        return templates.TemplateResponse(request, "_card.html", {"review": review})
    context = {"review": review, "decks": decks, "ratings": RATINGS}
    return templates.TemplateResponse(request, "cards.html", context)


@router.get("/cards")
def cards_page(
    request: Request, deck: str = "", topic: str = "", state: AppState = Depends(app_state)
) -> Response:
    decks = all_decks()
    return _render(request, decks, _review(request, state, decks, deck, topic))


@router.get("/cards/{card_id}/answer")
def answer(
    request: Request,
    card_id: str,
    deck: str = "",
    topic: str = "",
    state: AppState = Depends(app_state),
) -> Response:
    decks = all_decks()
    card = flashcards.find_card(decks, card_id)
    return _render(request, decks, _review(request, state, decks, deck, topic, shown=card))


@router.post("/cards/{card_id}/review")
async def rate(request: Request, card_id: str, state: AppState = Depends(app_state)) -> Response:
    form = await read_form(request, state)
    deck, topic = text_field(form, "deck"), text_field(form, "topic")
    decks = all_decks()
    flashcards.select_cards(decks, deck, topic)  # a bad filter is refused before rating
    card = flashcards.find_card(decks, card_id)
    rating = flashcards.rating_of(text_field(form, "rating"))
    now = flashcards.current_time()
    try:
        limit = new_per_day(account_of(request))
        owner = visitor_of(request).owner_id
        result = flashcards.rate_due(state.store, card, rating, now, limit, owner)
        back_in = flashcards.interval(result.due - now)
        said = f"{rating.capitalize()}: that card comes back in {back_in}."
    except ConflictError as exc:
        if not request.headers.get("HX-Request"):
            raise
        said = f"Not rated: {exc}."
    if not request.headers.get("HX-Request"):
        query = _query(deck, topic)
        return RedirectResponse(f"/cards{'?' + query if query else ''}", status_code=303)
    return _render(request, decks, _review(request, state, decks, deck, topic, said=said))
